"""The `subject` of a figure: what it is about, as a short French noun phrase of its sentence.

No parser: a sentence is cut into tokens (words, elided words such as « l' », punctuation, and
the figures themselves as single tokens), words are sorted into classes from the word lists of
`resources/figure_subject.yaml` (determiners, prepositions, pronouns, auxiliaries, adverbs) and
simplemma (finite verbs, past participles), and a noun phrase is a run of content words tied by
« de », « à », « en », « pour », « sur », « dans » (« coût de la recherche », « empreinte carbone
liée à l'entraînement de ChatGPT »). The subject of a figure is, in this order:

1. for a count, the counted noun and its modifiers (« projets estampillés IA par les
   collectivités interrogées »), with a relative clause or a predicate when the noun stands
   alone (« facteurs qui ont mené à l'arrêt de ce projet », « options possibles »), and for a
   noun that names the parts of a list, whose parts (« axes principaux de cette stratégie »);
   a bare count that is the subject of a verb (« seulement quatre étaient déployés ») takes
   the counted noun of the sentence before; « deux fois » takes what is repeated;
2. for a share, the noun it is a share of and its predicate (« appels décrochés », « emplois
   susceptibles d'être automatisés (OCDE) »); « d'entre eux » takes the noun of the sentence
   before; for a multiplying verb (« diviser par quatre le nombre de capteurs »), its object;
3. a figure after « et », « à », « contre », « soit », « dont » with nothing of its own takes
   the subject of the figure before it (« 100 % des appels… (contre 30 % auparavant) »);
4. the noun the figure complements (« budget de N », « levée de fonds de N »), with the « de »
   complement of a duration (« l'arrivée depuis un an de ChatGPT »);
5. the subject of the verb whose object is the figure (« les pertes… sont estimées à N »),
   named by the verb's noun when it has one (« ChatGPT coûte N » → « coût de ChatGPT »,
   « augmenterait de N le PIB » → « augmentation du PIB »), or the purpose of an amount
   (« a débloqué N pour le déploiement des dispositifs »);
6. the noun phrase after the figure (« 1,9 million d'euros pour les stades », a heading figure
   and its caption);
7. the subject of the figure's clause.

A pronoun subject (« c'est N », « cela représente N », « elle coûte ») is replaced by a noun
phrase of the sentence before, or of the sentence that introduces a bulleted list, preferring a
phrase on the figure's theme. A noun standing alone gets a fronted place (« Ainsi, en Isère, … »
→ « fuites en Isère »). Subjects keep the sentence's words, have at most `max_words` words, no
ellipsis, and a lower-case first letter unless the word is a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.normalize import fold_same_length

_TOKEN_RE = re.compile(
    r"aujourd['’]hui"
    r"|(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?= ?[^\W\d_])"
    r"|[^\W_]+(?:[-‑][^\W_]+)*"
    r"|[^\w\s]|\n", re.IGNORECASE)
_QUOTES = "\"«»“”„*"
_BREAK_BEFORE = set(".!?:;«\"“•–—(\n")
_DURATION_UNITS = {"year", "month", "week", "day", "hour"}
_BE = {"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "été",
       "être", "étant"}
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Antecedent:
    """A sentence a pronoun may refer to, with the spans and counted nouns of its figures."""

    text: str
    figures: tuple[tuple[int, int, str], ...] = ()


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # word, punct, fig
    fig: int = -1

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass
class _Lex:
    det: set[str]
    of_links: set[str]
    links: set[str]
    participle_links: set[str]
    pronouns: set[str]
    plural_pronouns: set[str]
    aux: set[str]
    neg: set[str]
    fillers: set[str]
    compound: list[tuple[str, ...]]
    qualifiers: set[str]
    nominal: dict[str, str]
    change: set[str]
    list_nouns: set[str]
    common_names: set[str]
    stop: set[str]
    max_words: int
    theme_stems: dict[str, list[str]] = field(default_factory=dict)


@cache
def _lex() -> _Lex:
    conf = load_yaml("figure_subject.yaml")
    rules = load_yaml("figure_rules.yaml")
    cats = load_yaml("figure_categories.yaml")

    def words(key: str) -> set[str]:
        return {str(w).lower().replace("’", "'") for w in conf[key]}

    return _Lex(
        det=words("determiners"), of_links=words("of_links"), links=words("links"),
        participle_links=words("participle_links"), pronouns=words("pronouns"),
        plural_pronouns=words("plural_pronouns"), aux=words("auxiliaries"),
        neg=words("negations"), fillers=words("fillers"),
        compound=[tuple(_TOKEN_RE.findall(p.lower().replace("’", "'")))
                  for p in conf["compound_prepositions"]],
        qualifiers=words("qualifiers_before"),
        nominal={k.lower(): v for k, v in conf["nominalizations"].items()},
        change=words("change_verbs"), list_nouns=words("list_nouns"),
        common_names=words("common_names"),
        stop={fold_same_length(str(w)) for w in rules["stopwords"]},
        max_words=int(conf["max_words"]),
        theme_stems={k: [fold_same_length(s) for s in v]
                     for k, v in cats["keywords"].items()},
    )


# --------------------------------------------------------------------------------------------
# word classes


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    return lemmatize(word).lower()


def _is_function(low: str) -> bool:
    lex = _lex()
    return (low in lex.det or low in lex.of_links or low in lex.links
            or low in lex.participle_links or low in lex.pronouns or low in lex.aux
            or low in lex.neg or low in lex.fillers or fold_same_length(low) in lex.stop)


@lru_cache(maxsize=8192)
def _participle(low: str) -> bool:
    """'estimées', 'liée', 'émis', 'produite': a past participle (used as an adjective)."""
    ending = re.search(r"(ée?s?|é)$", low)
    if ending:
        stem = low[:ending.start()]
        return is_known(stem + "er") or _lemma(low).endswith("er")
    if re.search(r"(ait|aient)$", low):
        return False
    ending = re.search(r"(ies?|is|i|ues?|us|u)$", low)
    if ending or re.search(r"(ites?|its?)$", low):
        lemma = _lemma(low)
        if lemma != low and lemma.endswith(("ir", "re", "oir")):
            return True
        if ending:
            stem = low[:ending.start()]
            verbs = (stem + "ir",) if ending.group()[0] == "i" else (stem + "re", stem + "oir")
            return any(is_known(v) and _lemma(v) == v for v in verbs)
    return False


@lru_cache(maxsize=8192)
def _finite(low: str) -> bool:
    """A conjugated verb ('coûte', 'reviendrait', 'entrent'), not a participle nor an
    adjective whose lemma ends like a verb ('satellitaires')."""
    if low in _lex().aux:
        return True
    lemma = _lemma(low)
    if _participle(low) or lemma == low or not lemma.endswith(("er", "ir", "re", "oir")):
        return False
    if re.search(r"(ait|aient|rait|raient|ront)$", low):
        return True
    for cut in (2, 3, 4):
        stem = lemma[:-cut]
        if low.startswith(stem) and re.fullmatch(
                r"e|es|ent|ons|ez|a|it|t|s|issent|isse|ut|oit|tent|era|eront", low[len(stem):]):
            return True
    return False


@lru_cache(maxsize=8192)
def _verb_form(low: str) -> str:
    """The infinitive of a conjugated form, also of one that simplemma reads as a noun
    ('dépense', 'consomme', 'réduit', 'pèse'); '' if none. Only trusted where no determiner
    precedes the word."""
    if _finite(low):
        return _lemma(low)
    if _participle(low):
        return ""
    candidates = []
    for form in dict.fromkeys((low, re.sub("è", "e", low))):
        if form.endswith("ent"):
            candidates.append(form[:-3] + "er")
        if form.endswith("es"):
            candidates.append(form[:-2] + "er")
        if form.endswith("e"):
            candidates.append(form + "r")
        if form.endswith("t"):
            candidates += [form[:-1] + "re", form + "re"]
    return next((c for c in candidates
                 if is_known(c) and _lemma(c) == c), "")


def _present_participle(low: str) -> bool:
    return low.endswith("ant") and _lemma(low).endswith(("er", "ir", "re", "oir")) and \
        _lemma(low) != low


def _infinitive(toks: list[_Tok], i: int) -> bool:
    """An infinitive followed by its object ('soutenir le secteur', 'rejeter 14 g')."""
    low = toks[i].low
    if not low.endswith(("er", "ir", "re", "oir")) or _lemma(low) != low or _is_function(low):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and (nxt.low in _lex().det or nxt.kind == "fig"
                                or nxt.low in ("à", "de", "d'", "jusqu'", "par"))


def _content(toks: list[_Tok], i: int) -> bool:
    """A word that can belong to a noun phrase (noun, adjective, participle, name)."""
    tok = toks[i]
    if tok.kind != "word" or tok.low.endswith("'") or _is_function(tok.low):
        return False
    if tok.text.isdigit():
        return False
    prev = toks[i - 1].low if i > 0 else ""
    after_det = prev in _lex().det or prev in _lex().of_links
    if prev in _lex().aux and _lemma(tok.low) == tok.low and tok.low.endswith(
            ("er", "ir", "re", "oir")):
        return False  # 'pouvant aller', 'peut garantir'
    if not after_det and (_finite(tok.low) or _present_participle(tok.low)
                          or _infinitive(toks, i)):
        return False
    return len(tok.text) > 1 or tok.text.isupper()


def _link_at(toks: list[_Tok], j: int, participle: bool) -> int:
    """Length of the preposition tying a complement at `j` (0 if none)."""
    lex = _lex()
    for compound in lex.compound:
        if tuple(t.low for t in toks[j:j + len(compound)]) == compound:
            return len(compound)
    low = toks[j].low
    if low in lex.of_links or low in lex.links or (
            participle and low in lex.participle_links):
        return 1
    return 0


def _positional_capital(text: str, tok: _Tok) -> bool:
    before = text[:tok.start].rstrip(" \u00a0\u202f\t")
    return not before or before[-1] in _BREAK_BEFORE or before[-1] == "-"


def _is_name(text: str, tok: _Tok) -> bool:
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    if any(c.isupper() for c in tok.text[1:]) or any(c.isdigit() for c in tok.text):
        return True
    if _positional_capital(text, tok):
        return not is_known(tok.low)
    return True


# --------------------------------------------------------------------------------------------
# tokens and noun phrases


def _tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[_Tok]:
    toks: list[_Tok] = []
    for match in _TOKEN_RE.finditer(text):
        kind = "punct" if not re.match(r"[^\W_]", match.group()) else "word"
        toks.append(_Tok(match.group(), match.start(), match.end(), kind))
    out: list[_Tok] = []
    for index, (start, end) in enumerate(spans):
        for tok in toks:
            if tok.start < end and start < tok.end:
                tok.fig = index
    done: set[int] = set()
    for tok in toks:
        if tok.fig < 0:
            out.append(tok)
        elif tok.fig not in done:
            done.add(tok.fig)
            start, end = spans[tok.fig]
            out.append(_Tok(text[start:end], start, end, "fig", tok.fig))
    return out


@dataclass
class _Phrase:
    """Token indices of a noun phrase (kept words only), its head and its determiner."""

    keep: list[int]
    head: int
    det: int = -1  # index of the determiner before the phrase, -1 if none
    extra: str = ""  # text appended after the words (predicate, place)


def _np_right(toks: list[_Tok], i: int, max_links: int = 2) -> _Phrase:
    """The noun phrase that starts with the content word at `i`."""
    keep = [i]
    j, links = i + 1, 0
    participle = _participle(toks[i].low)
    conj = False
    while j < len(toks):
        tok = toks[j]
        if tok.kind == "punct" and tok.text in _QUOTES and j + 1 < len(toks) \
                and toks[j + 1].kind == "word":
            j += 1
            continue
        if _content(toks, j):
            keep.append(j)
            participle = participle or _participle(tok.low)
            j += 1
            continue
        if tok.low in _lex().fillers and j + 1 < len(toks) and _content(toks, j + 1) \
                and _participle(toks[j + 1].low):
            j += 1  # an adverb before a participle: 'effectivement déployés'
            continue
        size = _link_at(toks, j, participle)
        if size and links < max_links:
            k = j + size
            while k < len(toks) and toks[k].low in _lex().det:
                k += 1
            if k < len(toks) and _content(toks, k):
                keep.extend(range(j, k + 1))
                links += 1
                j = k + 1
                continue
            if k + 2 < len(toks) and _infinitive(toks, k) and toks[k + 1].low in _lex().det \
                    and _content(toks, k + 2):
                keep.extend(range(j, k + 3))  # 'pour soutenir le secteur'
                links += 1
                j = k + 3
                continue
        if tok.low == "et" and not conj and j + 1 < len(toks) and _content(toks, j + 1) \
                and toks[j - 1].kind == "word" and not toks[j + 1].text[:1].isupper():
            keep.extend([j, j + 1])
            conj = True
            j += 2
            continue
        break
    det = i - 1 if i > 0 and toks[i - 1].low in _lex().det else -1
    return _Phrase(keep, i, det)


def _np_left(toks: list[_Tok], e: int, max_links: int = 2) -> _Phrase:
    """The noun phrase that ends with the content word at `e`."""
    lex = _lex()
    keep = [e]
    s, links = e, 0
    k = e - 1
    while k >= 0:
        if _content(toks, k):
            keep.insert(0, k)
            s = k
            k -= 1
            continue
        if toks[k].kind == "punct" and toks[k].text in _QUOTES:
            k -= 1
            continue
        # a bridge: determiners, adverbs, figures and at least one preposition
        m, last_link = k, -1
        links_left = lex.of_links | lex.links | {"dans"}  # 'produit dans le monde'
        while m >= 0 and (toks[m].low in lex.det or toks[m].low in lex.fillers
                          or toks[m].kind == "fig" or toks[m].low in links_left):
            if last_link < 0 and toks[m].low in links_left:
                last_link = m
            m -= 1
        if last_link < 0 or m < 0 or not _content(toks, m) or links >= max_links \
                or toks[k].low in lex.fillers:
            break
        bridge = [j for j in range(last_link, k + 1)
                  if toks[j].low not in lex.fillers]
        keep = [m] + bridge + keep
        s, k = m, m - 1
        links += 1
    # a leading participle with its agent ('Nourrie de vues…') is not part of the phrase
    if _participle(toks[s].low) and len(keep) > 2 and toks[keep[1]].low in lex.of_links \
            and not (s > 0 and toks[s - 1].low in lex.det):
        keep = keep[2:]
        while keep and not _content(toks, keep[0]):
            keep.pop(0)
        s = keep[0] if keep else e
    det = s - 1 if s > 0 and toks[s - 1].low in lex.det else -1
    return _Phrase(keep, s, det)


def _relative(toks: list[_Tok], phrase: _Phrase) -> str:
    """'qui ont mené à l'arrêt de ce projet', 'mettant en évidence la portée de son rôle'."""
    j = max(phrase.keep) + 1
    if j >= len(toks):
        return ""
    if toks[j].low not in ("qui",) and not _present_participle(toks[j].low):
        return ""
    end = j
    while end < len(toks) and end - j < 9 and not (
            toks[end].kind == "punct" and toks[end].text not in _QUOTES + "'’-"):
        end += 1
    return _join(toks, list(range(j, end)))


def _predicate(toks: list[_Tok], after: int) -> str:
    """'sont décrochés' -> 'décrochés', 'ne pouvaient être traités' -> 'non traités',
    'sont susceptibles d'être automatisés' -> 'susceptibles d'être automatisés'."""
    lex = _lex()
    j, be, negated = after, False, False
    while j < len(toks) and (toks[j].low in lex.aux or toks[j].low in lex.neg
                             or toks[j].low in lex.fillers):
        be = be or toks[j].low in _BE
        negated = negated or toks[j].low in lex.neg
        j += 1
    if not be or j >= len(toks) or not _content(toks, j):
        return ""
    keep = [j]
    j += 1
    while j < len(toks) and len(keep) < 4:
        if _content(toks, j):
            keep.append(j)
            j += 1
        elif toks[j].low in lex.of_links and j + 2 < len(toks) and toks[j + 1].low in _BE \
                and _content(toks, j + 2):
            keep.extend([j, j + 1, j + 2])
            j += 3
        else:
            break
    words = _join(toks, keep)
    return f"non {words}" if negated else words


def _join(toks: list[_Tok], keep: list[int]) -> str:
    parts: list[str] = []
    for n, i in enumerate(keep):
        tok = toks[i]
        if tok.kind == "punct" and tok.text in _QUOTES:
            continue
        glue = n > 0 and (toks[keep[n - 1]].text.endswith(("'", "’")))
        parts.append(("" if glue or not parts else " ") + tok.text)
    return "".join(parts).strip()


def _with_de(toks: list[_Tok], phrase: _Phrase, text: str) -> str:
    """'de' + the phrase with its determiner: 'du PIB', 'de l'entraînement', 'de ChatGPT'."""
    body = _join(toks, phrase.keep)
    det = toks[phrase.det].low if phrase.det >= 0 else ""
    if det == "le":
        return f"du {body}"
    if det == "les":
        return f"des {body}"
    if det in ("des", "du"):
        return f"{det} {body}"
    if det.endswith("'"):
        return f"de {toks[phrase.det].text}{body}"
    if det:
        article = toks[phrase.det].text
        article = article.lower() if _positional_capital(text, toks[phrase.det]) else article
        return f"d'{article} {body}" if det in ("un", "une") else f"de {article} {body}"
    return f"d'{body}" if re.match(r"[aeiouyéèêàâîôûh]", body, re.IGNORECASE) else f"de {body}"


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[-‑'’][^\W_]+)*", re.sub(r"\b\w['’]", "", text)))


# --------------------------------------------------------------------------------------------
# the subject of one figure


@dataclass
class _Fig:
    start: int
    end: int
    unit: str
    counted: str
    category: str = ""


class _Sentence:
    def __init__(self, text: str, figures: Sequence[_Fig],
                 antecedents: Sequence[Antecedent]) -> None:
        self.text = text
        self.figures = figures
        self.antecedents = antecedents
        self.toks = _tokens(text, [_span_before_noun(text, f) for f in figures])
        self.index = {t.fig: i for i, t in enumerate(self.toks) if t.kind == "fig"}
        self.subjects: list[str] = []
        self.heads: list[str] = []

    # ---- helpers

    def _phrase_text(self, phrase: _Phrase) -> str:
        return _join(self.toks, phrase.keep)

    def _verb_group_left(self, k: int) -> tuple[int, str, bool]:
        """Walk left over a verb group ending at `k` ('est estimé à', 'pouvant aller
        jusqu'à', 'a émis', 'coûte'): (index before it, main verb's infinitive, found)."""
        toks, lex = self.toks, _lex()
        lemma, state = "", 0  # 0: nothing yet, 1: participle or infinitive, 2: conjugated
        temporal = ("an", "année", "passé", "dernier", "dernière", "l'", "en", "depuis",
                    "cette")
        while k >= 0:
            tok = toks[k]
            low = tok.low
            if tok.kind == "word" and _YEAR.fullmatch(tok.text) or low in lex.fillers:
                k -= 1
                continue
            if state == 2:
                if low in lex.aux or low in lex.neg or low in ("se", "s'") or low in temporal:
                    k -= 1
                    continue
                break
            noun = _content_noun(toks, k)
            if tok.kind == "word" and not noun and (
                    low in lex.aux or _present_participle(low) or _verb_form(low)):
                lemma = lemma or ("" if low in lex.aux else _verb_form(low) or _lemma(low))
                state = 2
                k -= 1
                continue
            if tok.kind == "word" and not noun and (_participle(low) or _infinitive(toks, k)):
                lemma = lemma or _lemma(low)
                state = 1
                k -= 1
                continue
            if low in lex.neg or low in ("à", "de", "d'", "jusqu'", "jusqu'à", "en"):
                k -= 1
                continue
            break
        return k, lemma, state > 0

    def _subject_before(self, k: int) -> tuple[_Phrase | None, bool]:
        """The noun phrase ending at `k` (skipping a parenthesis); (None, True) for a
        pronoun."""
        toks, lex = self.toks, _lex()
        while k >= 0 and toks[k].kind == "punct" and toks[k].text in _QUOTES:
            k -= 1
        if k >= 0 and toks[k].text == ")":
            depth = 0
            while k >= 0:
                depth += toks[k].text == ")"
                depth -= toks[k].text == "("
                k -= 1
                if depth == 0:
                    break
        if k >= 0 and toks[k].text == "(":
            k -= 1
        if k < 0:
            return None, False
        if toks[k].low in lex.pronouns or toks[k].low.rstrip("'") + "'" in lex.pronouns:
            return None, True
        if toks[k].kind == "fig":
            return _Phrase([k], k), False
        if _content(self.toks, k):
            return _np_left(self.toks, k), False
        return None, False

    def _nominalize(self, lemma: str, phrase: _Phrase) -> str:
        noun = _lex().nominal.get(lemma, "")
        body = self._phrase_text(phrase)
        head_lemma = _lemma(self.toks[phrase.head].low)
        if not noun or head_lemma == _lemma(noun) or self.toks[phrase.head].kind == "fig":
            return body
        return f"{noun} {_with_de(self.toks, phrase, self.text)}"

    def _right_phrase(self, j: int) -> _Phrase | None:
        """The noun phrase right after position `j` (skipping a preposition, a relative verb
        group, a compound preposition)."""
        toks, lex = self.toks, _lex()
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text in _QUOTES + "\n":
            j += 1
        if j < len(toks) and toks[j].low in ("qui", "que", "qu'"):
            j += 1
            stop = j + 5
            while j < min(stop, len(toks)) and toks[j].kind == "word" and not (
                    _link_at(toks, j, True) or toks[j].low in lex.det):
                j += 1
        size = _link_at(toks, j, True) if j < len(toks) else 0
        if size:
            j += size
        while j < len(toks) and toks[j].low in lex.det:
            j += 1
        if j < len(toks) and _content(toks, j) and not toks[j].text.isdigit():
            return _np_right(toks, j, max_links=2)
        return None

    def _antecedent(self, plural: bool = False, theme_text: str = "",
                    counted_only: bool = False, category: str = "",
                    lemma: str = "") -> str:
        """A noun phrase of the sentence before (or of a list's introduction): a phrase on the
        figure's theme first, a plural noun for a plural pronoun, a counted noun for a bare
        count."""
        lex = _lex()
        folded_theme = fold_same_length(theme_text)
        themes = [stems for name, stems in lex.theme_stems.items()
                  if name == category
                  or any(re.search(rf"\b{re.escape(s)}", folded_theme) for s in stems)]
        best: tuple[float, str] | None = None
        for rank, ante in enumerate(self.antecedents):
            sent = _Sentence(ante.text, [_Fig(s, e, "count", c) for s, e, c in ante.figures],
                             ())
            toks = sent.toks
            for i in range(len(toks)):
                if not _content(toks, i) or (i > 0 and _content(toks, i - 1)):
                    continue
                counted = i > 0 and toks[i - 1].kind == "fig"
                if counted_only and not counted:
                    continue
                head = toks[i].low
                if plural and not head.endswith(("s", "x")):
                    continue
                if head in lex.list_nouns or _participle(head) or toks[i].text.isdigit():
                    continue
                phrase = _Phrase([i], i) if counted and plural else _np_right(toks, i)
                first = fold_same_length(_join(toks, phrase.keep[:3]))
                score = 0.0
                if themes and any(re.search(rf"\b{re.escape(s)}", first)
                                  for stems in themes for s in stems):
                    score += 10
                if counted:
                    score += 5  # the counted noun of a figure
                score += min(len(phrase.keep), 6) / 10 - rank * 3
                score -= (i / len(toks)) * 0.5
                if best is None or score > best[0]:
                    text = _case(ante.text, sent._phrase_text(phrase), toks[i])
                    noun = lex.nominal.get(lemma, "")
                    if noun and _lemma(toks[phrase.head].low) != _lemma(noun):
                        text = f"{noun} {_with_de(toks, phrase, ante.text)}"
                    best = (score, text)
        return best[1] if best else ""

    def _place(self) -> str:
        """A fronted place: 'Ainsi, en Isère, …' -> 'en Isère'."""
        toks = self.toks
        for i, tok in enumerate(toks[:-2]):
            if tok.low in ("en", "à", "a") and _is_name(self.text, toks[i + 1]):
                j = i + 1
                while j + 1 < len(toks) and _is_name(self.text, toks[j + 1]):
                    j += 1
                before = toks[i - 1] if i > 0 else None
                after = toks[j + 1] if j + 1 < len(toks) else None
                fronted = (before is None or before.text in ",:") and after is not None \
                    and after.text == ","
                if fronted and toks[i + 1].low not in _lex().common_names:
                    prep = "à" if tok.low == "a" else tok.low
                    return f"{prep} {_join(toks, list(range(i + 1, j + 1)))}"
        return ""

    # ---- rules

    def subject(self, n: int) -> tuple[str, str]:
        """(subject, head phrase) of figure n."""
        fig, toks = self.figures[n], self.toks
        fi = self.index.get(n)
        if fi is None:
            return "", ""
        lex = _lex()
        # a repetition ('mises à jour deux fois par mois'): what is repeated
        if fig.counted.split()[:1] == ["fois"]:
            if fi > 0 and _content(toks, fi - 1):
                text = self._phrase_text(_np_left(toks, fi - 1))
                return text, text
        # a bare count as the subject of a verb ('seulement quatre étaient déployés'): the
        # counted noun of the sentence before, and the predicate
        if fig.unit == "count" and not fig.counted and fi + 1 < len(toks) and (
                toks[fi + 1].low in lex.aux or _finite(toks[fi + 1].low)):
            noun = self._antecedent(plural=True, counted_only=True)
            if noun:
                pred = _predicate(toks, fi + 1)
                return f"{noun} {pred}".strip(), noun
        # a multiplying verb ('diviser par quatre le nombre de capteurs'): its object
        first_word = toks[fi].text.split()[0].lower()
        if fig.unit == "ratio" and _lemma(first_word).endswith("er") and \
                _lemma(first_word) != "le":
            phrase = self._right_phrase_det(fi + 1)
            if phrase is not None:
                text = self._phrase_text(phrase)
                return text, text
        # 1. a count of a noun
        if fig.counted and fig.counted.split()[0].lower() != "fois":
            first = fig.counted.split()[0].lower()
            head = next((j for j in range(fi + 1, min(len(toks), fi + 8))
                         if toks[j].low == first), None)
            if head is not None:
                phrase = _np_right(toks, head)
                text = self._phrase_text(phrase)
                core = text
                if len(phrase.keep) == 1 or toks[head].low in lex.list_nouns:
                    extra = _relative(toks, phrase) or _predicate(toks, max(phrase.keep) + 1)
                    if not extra and toks[head].low in lex.list_nouns:
                        extra = self._of_whom(fi)
                    if extra:
                        text = f"{text} {extra}"
                return text, core
        # 2. a share of something
        if fig.unit == "%":
            j = fi + 1
            if j + 1 < len(toks) and toks[j].low in ("d'", "de") and toks[j + 1].low in (
                    "entre",) and j + 2 < len(toks) and toks[j + 2].low in lex.pronouns:
                noun = self._antecedent(plural=True)
                if noun:
                    pred = _predicate(toks, j + 3)
                    return (f"{noun} {pred}".strip(), noun)
            if j < len(toks) and toks[j].low in lex.of_links:
                k = j + 1
                while k < len(toks) and toks[k].low in lex.det:
                    k += 1
                if k < len(toks) and _content(toks, k):
                    phrase = _np_right(toks, k)
                    return self._share(phrase)
        # 3. the second figure of a pair ('de 33 zettaoctets en 2018 à 175')
        inherited = self._inherit(n, fi)
        if inherited:
            return inherited
        # 4-5. what governs the figure on its left
        governed = self._governor(fig, fi)
        if governed:
            return governed
        # 6. the phrase after it
        phrase = self._right_phrase(fi + 1)
        if phrase is not None:
            text = self._phrase_text(phrase)
            return text, text
        # 7. the subject of its clause
        return self._clause_subject(fi)

    def _share(self, phrase: _Phrase) -> tuple[str, str]:
        toks, lex = self.toks, _lex()
        core = self._phrase_text(phrase)
        pred = _predicate(toks, max(phrase.keep) + 1)
        if not pred and len(phrase.keep) == 1:
            pred = _relative(toks, phrase)
        if not pred:
            return core, core
        text = f"{core} {pred}"
        if _words(text) <= lex.max_words:
            return text, core
        # too long: keep the head and its adjectives, the predicate, and a name in brackets
        short = [i for i in phrase.keep if i <= phrase.head
                 or (all(_content(toks, j) for j in range(phrase.head, i + 1)))]
        names = [toks[i].text for i in phrase.keep if i not in short
                 and _is_name(self.text, toks[i])]
        text = f"{_join(toks, short)} {pred}"
        if names:
            text += f" ({names[-1]})"
        return text, _join(toks, short)

    def _inherit(self, n: int, fi: int) -> tuple[str, str] | None:
        """'de 33 zettaoctets en 2018 à 175', 'contre 30 % auparavant', 'soit le double': the
        subject of the figure before, when this one has no noun of its own."""
        toks = self.toks
        k = fi - 1
        while k >= 0 and (_YEAR.fullmatch(toks[k].text) or toks[k].low == "en"):
            k -= 1
        if k >= 0 and toks[k].low == "dont" and self.figures[n].unit == "%":
            # '3 000 questions, dont 60 % portaient sur…': a share of the noun before
            counts = [m for m in range(n) if self.figures[m].counted and m < len(self.heads)]
            if counts and self.heads[counts[-1]]:
                return self.heads[counts[-1]], self.heads[counts[-1]]
        if k < 0 or toks[k].low not in ("et", "à", "a", "contre", "ou", "soit"):
            return None
        equivalence = toks[k].low == "soit"
        unit = self.figures[n].unit
        previous = [m for m in range(n) if m < len(self.subjects)
                    and (self.figures[m].unit == unit or (
                        equivalence and unit == "ratio" and self.figures[m].unit
                        not in _DURATION_UNITS | {"count", "ratio"}))
                    and self.index.get(m, 10**6) < fi]
        if not previous or not self.subjects[previous[-1]]:
            return None
        last = previous[-1]
        if fi + 1 < len(toks) and _content(toks, fi + 1):
            # '32 % supplémentaires': the noun before, with this figure's adjective
            return f"{self.heads[last]} {toks[fi + 1].text}", self.heads[last]
        if not equivalence and fi + 1 < len(toks) and _link_at(toks, fi + 1, False) and \
                self._right_phrase(fi + 1) is not None:
            return None  # a noun of its own: '1,2 million d'euros pour les camps de base'
        return self.subjects[last], self.heads[last]

    def _governor(self, fig: _Fig, fi: int) -> tuple[str, str] | None:
        toks, lex = self.toks, _lex()
        k = fi - 1
        preps: list[str] = []
        while k >= 0 and (toks[k].low in lex.qualifiers or toks[k].low in lex.fillers
                          or toks[k].low in ("depuis", "pendant", "durant", "sur", "après",
                                             "jusqu'", "jusqu'à")):
            preps.append(toks[k].low)
            k -= 1
        duration = fig.unit in _DURATION_UNITS
        if k >= 0 and toks[k].low == "nombre" and k >= 1 and toks[k - 1].low == "au":
            k -= 2
            while k >= 0 and toks[k].kind == "punct":
                k -= 1
            if k >= 0 and _content(toks, k):
                text = self._phrase_text(_np_left(toks, k))
                return text, text
        after, after_linked = self._after_complement(fi) if duration else ("", "")
        # 4. a noun the figure complements: 'budget de N', 'fiabilité à N'
        if k >= 0 and _content(toks, k) and preps and (_content_noun(toks, k) or not (
                _participle(toks[k].low) or _verb_form(toks[k].low))) \
                and "avec" not in preps and "soit" not in preps:
            before = self._verb_group_left(k - 1)
            phrase = _np_left(toks, k)
            text = self._phrase_text(phrase)
            if before[2] and toks[k - 1].low in lex.aux and not toks[k].text[:1].isupper():
                # 'le résultat ne peut jamais être fiable à 100 %': an attribute
                subject, pronoun = self._subject_before(before[0])
                if subject is not None:
                    core = self._phrase_text(subject)
                    return f"{core} {toks[k].text}", core
            if after:
                return f"{text} {after_linked}", text
            if len(phrase.keep) == 1:
                right = self._purpose_or_of(fi)
                if right:
                    return f"{text} {right}", text
            return text, text
        if duration and after:
            return after, after
        # 5. the subject of the verb whose object is the figure
        start, lemma, found = self._verb_group_left(k)
        if not found:
            return None
        if fig.unit in ("EUR", "USD") and fi + 1 < len(toks) and toks[fi + 1].low == "pour":
            purpose = self._right_phrase_det(fi + 2)
            if purpose is not None:  # 'a débloqué N pour le déploiement des dispositifs…'
                text = self._phrase_text(purpose)
                return text, text
        if lemma in lex.change:
            right = self._right_phrase_det(fi + 1)
            if right is not None:
                noun = lex.nominal[lemma]
                text = f"{noun} {_with_de(toks, right, self.text)}"
                return text, text
        subject, pronoun = self._subject_before(start)
        if pronoun:
            noun = self._antecedent(theme_text=self.text, category=fig.category, lemma=lemma)
            return (noun, noun) if noun else None
        if subject is None:
            subject = self._comma_subject(start)
            if subject is None:
                return None
        if toks[subject.head].kind == "fig":
            text = toks[subject.head].text
            return text, text
        text = self._nominalize(lemma, subject)
        return text, self._phrase_text(subject)

    def _comma_subject(self, k: int) -> _Phrase | None:
        """', se décomposant en…': the noun phrase before the comma."""
        toks = self.toks
        while k >= 0 and toks[k].low in ("se", "s'"):
            k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
            if k >= 0 and _content(toks, k):
                return _np_left(toks, k)
        return None

    def _after_complement(self, fi: int) -> tuple[str, str]:
        """'depuis un an de ChatGPT', 'trois ans de recherche': the 'de' complement, without
        and with its preposition."""
        toks = self.toks
        j = fi + 1
        if j < len(toks) and toks[j].low in _lex().of_links:
            k = j + 1
            while k < len(toks) and (toks[k].low in _lex().det or toks[k].text in _QUOTES):
                k += 1
            if k < len(toks) and _content(toks, k):
                phrase = _np_right(toks, k)
                linked = [i for i in range(j, k) if toks[i].text not in _QUOTES]
                return self._phrase_text(phrase), _join(toks, linked + phrase.keep)
        return "", ""

    def _purpose_or_of(self, fi: int) -> str:
        """'N d'eau', 'N pour soutenir le secteur…' after a one-word governing noun."""
        toks = self.toks
        j = fi + 1
        if j >= len(toks) or toks[j].low not in ("de", "d'", "pour"):
            return ""
        k = j + 1
        while k < len(toks) and toks[k].low in _lex().det:
            k += 1
        if k < len(toks) and _content(toks, k):
            phrase = _np_right(toks, k, max_links=1)
            return _join(toks, list(range(j, k)) + phrase.keep)
        if k < len(toks) and _infinitive(toks, k):
            m = k + 1
            while m < len(toks) and toks[m].low in _lex().det:
                m += 1
            if m < len(toks) and _content(toks, m):
                phrase = _np_right(toks, m, max_links=1)
                return _join(toks, list(range(j, m)) + phrase.keep)
        return ""

    def _right_phrase_det(self, j: int) -> _Phrase | None:
        toks = self.toks
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text in _QUOTES:
            j += 1
        k = j
        while k < len(toks) and toks[k].low in _lex().det:
            k += 1
        if k > j and k < len(toks) and _content(toks, k):
            return _np_right(toks, k)
        return None

    def _of_whom(self, fi: int) -> str:
        """'3 axes principaux' of what: the subject of the verb before the count."""
        k = fi - 1
        while k >= 0 and _link_at(self.toks, k, True):
            k -= 1
        start, _, found = self._verb_group_left(k)
        if not found:
            return ""
        subject, pronoun = self._subject_before(start)
        if subject is None and not pronoun:
            subject = self._comma_subject(start)
        if subject is None or self.toks[subject.head].kind == "fig":
            return ""
        return _with_de(self.toks, subject, self.text)

    def _clause_subject(self, fi: int) -> tuple[str, str]:
        """The subject of the figure's clause (first verb of the part of the sentence that holds
        the figure, between ':' or ';'), or the noun phrase before a parenthesis."""
        toks = self.toks
        lo = 0
        for i in range(fi):
            if toks[i].text in (":", ";"):
                lo = i + 1
        if fi > 0 and toks[fi - 1].text == "(":
            k = fi - 2
            if k >= 0 and _content(toks, k):
                text = self._phrase_text(_np_left(toks, k))
                return text, text
        hi = next((i for i in range(fi, len(toks)) if toks[i].text in (";",)), len(toks))
        for i in range(lo, hi):
            tok = toks[i]
            if tok.kind != "word" or not (_finite(tok.low) and not _content(toks, i)):
                continue
            if i > 0 and toks[i - 1].low in ("qui", "que", "qu'", "si", "lorsqu'", "s'"):
                continue
            j = i
            lemma = ""
            while j < hi and (toks[j].low in _lex().aux or toks[j].low in _lex().neg
                              or toks[j].low in _lex().fillers or _finite(toks[j].low)
                              or _participle(toks[j].low)):
                if toks[j].low not in _lex().aux and toks[j].kind == "word":
                    lemma = _lemma(toks[j].low)
                j += 1
            subject, pronoun = self._subject_before(i - 1)
            if pronoun:
                noun = self._antecedent(theme_text=self.text)
                if noun:
                    return noun, noun
                continue
            if subject is not None and toks[subject.head].kind != "fig":
                return self._nominalize(lemma, subject), self._phrase_text(subject)
        for i in range(lo, len(toks)):
            if _content(toks, i) and i != fi:
                text = self._phrase_text(_np_right(toks, i))
                return text, text
        return "", ""


def _span_before_noun(text: str, fig: _Fig) -> tuple[int, int]:
    """The figure's span without its counted noun ('400 à 600 appels' -> '400 à 600'), so that
    the noun starts the subject's phrase."""
    if not fig.counted:
        return fig.start, fig.end
    first = re.escape(fig.counted.split()[0])
    found = list(re.finditer(rf"(?<![^\W_]){first}(?![^\W_])", text[fig.start:fig.end],
                             re.IGNORECASE))
    if not found or found[-1].start() == 0:
        return fig.start, fig.end
    return fig.start, fig.start + found[-1].start()


def _content_noun(toks: list[_Tok], k: int) -> bool:
    """A participle right after a determiner is a noun ('la levée')."""
    return k > 0 and toks[k - 1].low in _lex().det


def _case(text: str, subject: str, first: _Tok | None = None) -> str:
    """Lower-case first letter unless the first word is a name."""
    if not subject:
        return subject
    word = re.match(r"[^\W_]+", subject)
    if word is None:
        return subject
    token = word.group()
    positional = first is None or _positional_capital(text, first)
    if token[:1].isupper() and token[1:].islower() and positional \
            and is_known(token.lower()):
        return subject[:1].lower() + subject[1:]
    return subject


def _tidy(text: str, subject: str, first: _Tok | None = None) -> str:
    """At most `max_words` words, no edge determiner or preposition, French case."""
    lex = _lex()
    subject = re.sub(r"\s+", " ", subject.replace("…", " ")).strip(" ,;:-–«»\"")
    subject = subject.lstrip("(")
    words = subject.split(" ")
    edge = lex.det | lex.of_links | lex.links | {"et", "ou", "qui", "que"}
    while words and words[0].lower().replace("’", "'") in edge:
        words.pop(0)
    while _words(" ".join(words)) > lex.max_words:
        words.pop()
    while words and words[-1].lower().replace("’", "'") in edge | lex.participle_links:
        words.pop()
    result = " ".join(words)
    if result.count("(") != result.count(")"):
        result = result.replace("(", "").replace(")", "")
    return _case(text, result, first)


def figure_subjects(text: str, figures: Sequence, antecedents: Sequence[Antecedent] = ()
                    ) -> list[str]:
    """The subject of each figure of `text` (objects with start, end, unit, counted), in
    order. `antecedents`: the sentences a pronoun may refer to, nearest first (the
    introduction of a bulleted list, the sentence before)."""
    if not isinstance(text, str) or not figures:
        return ["" for _ in figures]
    figs = [_Fig(f.start, f.end, f.unit, f.counted or "", getattr(f, "category", ""))
            for f in figures]
    sentence = _Sentence(text, figs, antecedents)
    for n in range(len(figs)):
        try:
            subject, head = sentence.subject(n)
        except (IndexError, ValueError, KeyError):
            subject, head = "", ""
        fi = sentence.index.get(n)
        first = None
        if subject and fi is not None:
            word = re.match(r"[^\W_]+", subject)
            first = next((t for t in sentence.toks if word and t.text == word.group()), None)
        sentence.subjects.append(_tidy(text, subject, first))
        sentence.heads.append(_tidy(text, head, first))
        if sentence.subjects[-1] and _words(sentence.subjects[-1]) == 1:
            place = sentence._place()
            if place and place.split(" ", 1)[1] not in sentence.subjects[-1]:
                sentence.subjects[-1] = f"{sentence.subjects[-1]} {place}"
    return sentence.subjects
