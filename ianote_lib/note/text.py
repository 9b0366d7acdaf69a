"""Text rules of the note composer that work on one source sentence: how it can be shortened,
and the words two sentences share (how they relate for a connector is `note.relations`'s).
What it needs from the sentences before it is `note.anaphora`'s. It also holds the
sentence-form helpers the selection, the writer and the verification share: bullets, press
pronouns, numbers and figures, proper nouns.
Everything here is a general rule over French text (patterns and lexicons of
`resources/note/style.yaml`), never a rule keyed to one sentence of a dossier."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from text_to_num import alpha2digit

from ianote_lib.config import load_yaml
from ianote_lib.fr.accents import restore_accents
from ianote_lib.fr.dates import MONTH_NAMES
from ianote_lib.fr.lemmas import content_lemmas, is_known, lemmatize
from ianote_lib.fr.names import keeps_capital
from ianote_lib.fr.normalize import NNBSP, clean_display, fold, normalize, word_count
from ianote_lib.fr.normalize import french_typography as shared_typography
from ianote_lib.fr.stopwords import function_words, plain_openers

CAPITALISED = r"(?-i:[A-ZÀ-Þ])[\wÀ-ÿ'’-]*"
# (each word whole, `*+`: a word cut at its hyphens backtracked for seconds on capitals)
NAME = (rf"{CAPITALISED}+(?:[ -](?:{CAPITALISED}+|d['’]{CAPITALISED}+|de |du |des ){{0,1}}"
        rf"(?:{CAPITALISED}+)?)*")


@cache
def style() -> dict[str, Any]:
    """The writing and filtering lexicons (resources/note/style.yaml)."""
    return load_yaml("note", "style.yaml")


@cache
def style_pattern(key: str) -> re.Pattern:
    """A compiled case-insensitive alternation of a style.yaml word list."""
    words = sorted(style()[key], key=len, reverse=True)
    return re.compile("(?:" + "|".join(words) + ")", re.IGNORECASE)


# ----------------------------------------------------------------------------- shortening

_PAREN = re.compile(r"\s+\((?P<in>[^()]{1,160})\)")
# an editor's insert of three words or more (« [un modèle où…, ndlr] »), not a link's text
_BRACKETS = re.compile(r"\s+\[(?P<in>[^\[\]\s]+(?:\s+[^\[\]\s]+){2,30})\](?!\()")
_DASHES = re.compile(r"\s+[–—]\s+(?P<in>[^–—]{3,160}?)\s+[–—]\s+")
_ACRONYM_ONLY = re.compile(r"^[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9-]{0,9}$")


def first_clause(text: str, long_words: int = 30) -> str:
    """A long sentence of clauses joined by semicolons (« X sera passible de sanctions… ;
    l'ARCOM sera compétente… ; si un manquement… »): its first clause, when it holds at least
    12 words, no open quotation or parenthesis, and the figures if the rest has any, and when
    the rest does not restrict it (« … ; ces exemples montrent cependant que… »: a restriction
    is never lost); the sentence otherwise (the caller checks that the clause has its verb)."""
    m = re.search(r"\s*;\s+(?=[^«»\"]*[.!]\s*$)", text)
    if word_count(text) <= long_words or not m:
        return text
    head, rest = text[:m.start()].rstrip(" ,") + ".", text[m.end():]
    if (word_count(head) >= 12 and balanced(head) and not contrast_words().search(rest)
            and (_has_number(head) or not _has_number(rest))):
        return head
    return text


@cache
def contrast_words() -> re.Pattern:
    """The contrast words (`style.yaml contrast_openings`) anywhere in a text."""
    words = sorted((w.strip(" ,") for w in style()["contrast_openings"]), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(w.replace(".", "['’]") for w in words) + r")\b")


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))


def balanced(text: str) -> bool:
    return (text.count("«") == text.count("»") and text.count('"') % 2 == 0
            and text.count("(") == text.count(")"))


# « Jean-Noël Barrot, a reconnu que… »: a comma between a person's name (two to four capitalised
# words, not a place after a preposition) and its verb is the document's slip
_NAME_COMMA_VERB = re.compile(
    r"^(?!(?:En|Pour|Dans|À|Au|Aux|Selon|Par|Chez|Depuis|Sur|Avec|Sans|Entre|Lors|Après|Avant)\s)"
    r"(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s[A-ZÀ-Þ][\w’'-]+){1,3}),\s(?=(?:a|ont|est|sont|avait)\s"
    r"[a-zà-ÿ])")


@cache
def _relative_dates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    dates = "|".join(f"(?:{p})" for p in style()["relative_dates"])
    # (set between two commas, it takes both: « a annoncé, ce mardi, le recrutement… »)
    return (re.compile(rf"(?i)^(?:{dates})\s*,\s*"),
            re.compile(rf"(?i)\s*,\s+(?:{dates})\s*,(?=\s)|(?:\s*,)?\s+(?:{dates})"
                       rf"(?=\s*[,.;:]|\s)"))


def without_relative_dates(text: str) -> str:
    """The sentence without the dates it gives relative to its own day (`style.yaml
    relative_dates`): « Fin septembre dernier, la commission a dressé… » → « La commission a
    dressé… », « a annoncé mardi un plan » → « a annoncé un plan »."""
    opening, inside = _relative_dates()
    stripped = opening.sub("", text, count=1)
    source = upper_first(stripped) if stripped != text else text
    # (after a single opening word, its comma stays: « Ainsi, depuis cet été, s'inscrire… »)
    out = inside.sub(lambda m: ","
                     if m.group(0).rstrip().endswith(",") and " " not in source[:m.start()]
                     else "", source)
    if out == text:
        return text
    # a participle left alone between commas said only when (« Le plan, présenté jeudi, … »),
    # or before the first comma (« Lancé en octobre dernier, le plan… » → « Le plan… »)
    out = re.sub(r",\s+[a-zéèêû]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues),(?=\s)", "", out)
    out = upper_first(re.sub(r"^[A-ZÉ][a-zéèêû]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues),\s+",
                             "", out))
    # (and the comma that set it apart after a colon: « …en chômage partiel : en septembre
    # dernier, la société… » → « …en chômage partiel : la société… »)
    out = re.sub(r"([:;])\s*,\s*", r"\1 ", re.sub(r",\s*,", ",", out))
    return re.sub(r"\s+([,.;:])", r"\1", out)


@lru_cache(maxsize=16384)
def compress(text: str, long_words: int = 30) -> str:
    """Drop parenthetical asides, an editor's inserts in brackets and dashes asides, and, in a
    long sentence, a trailing incidental clause ("…, notamment …"), when what remains is still
    a sentence and keeps the figures and names that carry it.

    An aside is kept when it is a bare acronym ("(IA)"), when it holds the only figure of the
    sentence (a year is none), or when it sits inside a quotation. A comma between a person's
    name and its verb (« Jean-Noël Barrot, a reconnu ») goes, and so do the slips."""
    original = normalize(text).strip()
    out = _NAME_COMMA_VERB.sub(r"\g<name> ", original)
    for pattern, replacement in style()["slips"]:
        out = re.sub(pattern, replacement, out)
    out = restore_accents(out)
    out = without_relative_dates(out)

    def keep(inner: str, rest: str) -> bool:
        if _ACRONYM_ONLY.match(inner.strip()):
            return True
        if re.match(r"(?i)(?:qui|que|qu'|dont|où|soutenu|soutenue|notamment|par exemple)\b",
                    inner.strip()):
            return False                        # a relative or an example: incidental
        return _has_number(inner) and not _has_number(re.sub(r"\b(?:19|20)\d\d\b", "", rest))

    for rx in (_PAREN, _BRACKETS, _DASHES):
        pieces = []
        last = 0
        for m in rx.finditer(out):
            rest = out[:m.start()] + out[m.end():]
            before = out[:m.start()]
            inside_quote = before.count("«") > before.count("»") or before.count('"') % 2
            if keep(m.group("in"), rest) or inside_quote:
                continue
            pieces += [out[last:m.start()], " " if rx is _DASHES else ""]
            last = m.end()
        pieces.append(out[last:])
        candidate = re.sub(r"\s{2,}", " ", re.sub(r"\s+([,.;:])", r"\1", "".join(pieces))).strip()
        if balanced(candidate) and word_count(candidate) >= 12:
            out = candidate
    if word_count(out) > long_words:
        # an explanation after a colon, when the head is a full sentence of its own: a noun
        # phrase, or an enumeration of bare nouns (« …l'absence de compétence sur les sujets
        # énergétiques : manque de personnel, difficulté à attirer les talents, … »)
        m = re.search(r"\s*:\s+(?:(?:des|les|un|une|le|la|l')\s[^«»\"]*|(?P<bare>(?!(?:il|elle|"
                      r"ils|elles|on|ce|cela|c['’]|nous|vous)\b)[a-zà-ÿ][^,;«»\"]*,[^,;«»\"]*,"
                      r"[^«»\".!?;]*))[.!]$", out)
        if m and m.group("bare") and re.search(r"[.!?]\s+[A-ZÀ-Þ«]", out[:m.start()]):
            m = None        # (the enumeration of a sentence's last clause, not of the whole)
        if m:
            head = out[:m.start()].rstrip() + "."
            # (never a head that ends on a count, which announces what the colon lists or
            # sets its scope: « Ces acteurs y trouvent plusieurs bénéfices : … », « …aux
            # communes de moins de 3 500 habitants : un technicien établit… »)
            # (nor an infinitive's aim that the colon's clause states: « Améliorer
            # l'acceptabilité des ZFE-m… : telle est la mission confiée à… »)
            if (word_count(head) >= 12 and balanced(head) and not bare_noun_head(head)
                    and not re.match(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:er|ir|re)\s", head)
                    and not _ANNOUNCING_END.search(head) and not ends_open(head)
                    and (_has_number(head) or not _has_number(out[m.start():]))):
                out = head
    if word_count(out) > long_words:
        m = re.search(r",\s+(?:" + "|".join(style()["incidental_clauses"]) + r")\b[^,;:«»\"]*"
                      r"[.!]$", out, re.IGNORECASE)
        if m:
            head = out[:m.start()].rstrip() + "."
            cut = out[m.start():]
            if (word_count(head) >= 14 and balanced(head) and not bare_noun_head(head)
                    and not ends_open(head) and (_has_number(head) or not _has_number(cut))
                    and not re.search(r"[A-ZÀ-Þ]{2,}|\b[A-ZÀ-Þ][a-zà-ÿ]+", cut[2:])):
                out = head
    return _without_additive(_without_secondary_clause(out))


_ANNOUNCING_END = re.compile(r"(?i)\b(?:plusieurs|suivante?s?|différente?s|divers|diverses|"
                             r"certaine?s|nombreu(?:x|ses)|deux|trois|quatre|cinq|six|\d+)"
                             r"(?:\s+[\wà-ÿ'’-]+){0,3}\s*\.$")


def ends_open(text: str) -> bool:
    """Whether a text cut from a longer one leaves its clause open: it ends on a grammar word
    (« La proposition de loi n° 1623 prévoit que. ») or on a verb whose attribute or object
    was cut (« …les facteurs les plus déterminants pour la reconversion sont. »: `style.yaml
    open_verbs`)."""
    words = re.findall(r"[\wÀ-ÿ'’-]+['’]?", text.lower().replace("’", "'"))
    if not words:
        return False
    last = words[-1]
    if last in style()["open_words"]:
        return True
    # (a participle closes its clause: « …sur le territoire concerné. », « …l'été. »)
    return (not re.search(r"(?:é|ée|és|ées|is|ise|ises|us|ue|ues)$", last)
            and bool(set(content_lemmas(last) or [fold(lemmatize(last))]) & _open_verbs()))


@cache
def _open_verbs() -> frozenset[str]:
    return frozenset(fold(v) for v in style()["open_verbs"])


def bare_noun_head(text: str) -> bool:
    """Whether a text opens on a bare common noun and its complement (« Système de
    subsidiarité à trois étages pour que… »): a list item's head, whose verb was in what a cut
    would drop. A participle or an adjective (« Composée de… ») is no noun."""
    m = re.match(r"(?P<w>[A-ZÀ-Þ][a-zà-ÿ'’-]+)\s+(?:de|d['’]|du|des|et)\b", text)
    if not m:
        return False
    word = m.group("w").lower()
    return (is_known(word) and word not in function_words()
            and not re.search(r"(?:é|ée|és|ées|ant|ante|ants|antes|ie|ies|ue|ues|if|ive|ifs"
                              r"|ives|eux|euse|te|tes)$", word))


_ADDITIVE = re.compile(r"(?<=\w) (?:aussi|également)\b(?! bien\b)"
                       r"(?![^,.;:]{0,30}?\bqu(?:e\b|['’]))")
_KEEPS_ADDITIVE = {"mais", "et", "ou", "non", "lui", "elle", "eux", "elles", "nous", "vous"}


def _without_additive(text: str) -> str:
    """The sentence without the additive adverb after its verb (« Les agences de l'eau
    consacreront aussi 50 millions d'euros… »): it adds to a sentence of its document that the
    note does not quote next to it (`without_adverb`)."""
    return without_adverb(text, _ADDITIVE)


def without_adverb(text: str, adverb: re.Pattern[str]) -> str:
    """The sentence without the adverbs `adverb` finds after a word. Kept in a correlation
    (« mais aussi », « et pourtant »), an emphasis (« lui aussi »), a comparison (« aussi
    important que », « aussi bien… ») and a quotation."""
    def drop(m: re.Match[str]) -> str:
        before = text[:m.start()]
        previous = re.findall(r"[\w'’]+$", before)
        inside_quote = before.count("«") > before.count("»") or before.count('"') % 2
        if inside_quote or (previous and previous[0].lower() in _KEEPS_ADDITIVE):
            return m.group(0)
        return ""
    return adverb.sub(drop, text)


def _without_secondary_clause(text: str) -> str:
    """A sentence of more than `secondary_clause_words` words without the purpose or the
    relative clause that ends it after a comma (« …, afin de mieux cibler les aides. », « …,
    qui en assure le suivi. »: `style.yaml secondary_clauses`), when the head keeps 12 words,
    the figures, and the cut holds no name, no figure and no restriction (« ne… pas »,
    « sans », « seulement »)."""
    st = style()
    if word_count(text) <= int(st["secondary_clause_words"]):
        return text
    m = re.search(r",\s+(?:" + "|".join(st["secondary_clauses"]) + r")\b[^,;:«»\"()]*[.!]$",
                  text, re.IGNORECASE)
    if not m:
        return text
    head, cut = text[:m.start()].rstrip() + ".", text[m.start():]
    if (word_count(head) < 12 or not balanced(head) or _has_number(cut)
            or re.search(r"[A-ZÀ-Þ]{2,}|\b[A-ZÀ-Þ][a-zà-ÿ]+", cut[2:])
            or re.search(r"(?i)\b(?:ne|n['’]|pas|sans|sauf|seulement|uniquement|jamais|aucune?|"
                         r"plus|moins|que)\b", cut)):
        return text
    return head


# ----------------------------------------------------------------------------- relations

def shared_words(a: str, b: str, known: frozenset[str] = frozenset()) -> set[str]:
    """The content words two sentences share beyond the most general words (style.yaml ›
    general_lemmas) and the `known` ones (the commande's subject and audience, which every
    sentence of the note speaks of)."""
    common = set(style()["general_lemmas"]) | known
    return (set(content_lemmas(a)) & set(content_lemmas(b))) - common


@cache
def locutions() -> re.Pattern[str]:
    """The prepositional locutions of `style.yaml` (« par le biais de », « en matière de »)
    with their « de »: words that are no content of the sentence."""
    words = sorted(style()["locutions"], key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w).replace("'", "['’]")
                                                for w in words) + r")\s*(?:de|du|des|d['’])\b")


def nouns_of(text: str) -> set[str]:
    """The content lemmas of a sentence, its prepositional locutions left out."""
    return set(content_lemmas(locutions().sub(" ", text)))


_PROPER = r"(?-i:(?:[A-ZÀ-Þ][a-zà-ÿ][\wÀ-ÿ'’-]*|[A-ZÀ-Þ]{3,}))"


@lru_cache(maxsize=1 << 14)
def names_actor(text: str, local: bool = False) -> bool:
    """The sentence names a concrete actor: a place or an organisation with a proper name
    ("À Plaisir", "le département du Val-d'Oise", "le cabinet SemiAnalysis", « Dinan
    Agglomération »; not "l'IA"); with `local`, a place or a local body only (`style.yaml
    local_actor_nouns`: not « une étude de l'Institut national… », « le cabinet
    SemiAnalysis »; « la Métropole » with its capital is the document's own), outside the
    asides in parentheses or dashes (« le programme ACTEE – Action des Collectivités
    Territoriales… – » is no local body)."""
    body = normalize(text)
    if local:
        body = _DASHES.sub(" ", _PAREN.sub("", body))
        # the document's own body, named by its kind with a capital (« plantés par la
        # Métropole », « dote la Ville d'un outil »)
        if re.search(r"\b(?:[Ll]a|[Ll]e|[Ll]['’])\s?(?:Métropole|Ville|Région|Commune|Communauté|"
                     r"Agglomération|Département|Mairie)\b", body):
            return True
    place = rf"(?!(?:{'|'.join(style()['national_places'])})\b){_PROPER}"   # (not France)
    nouns = style()["local_actor_nouns" if local else "actor_nouns"]
    return bool(re.search(rf"(?:^|,\s)(?:[àÀA]|[Ee]n)\s+{place}", body)
                or re.search(rf"(?i)\b(?:{'|'.join(nouns)})s?\s+"
                             rf"(?:de la |de l'|des |de |du |d')?\s*{place}", body)
                # a body named by its place before its kind (« Dinan Agglomération », « Rennes
                # Métropole »)
                or re.search(rf"(?<![\w'’])(?!(?:La|Le|Les|Une?|Des|Cette|Ce|Sa|Son)\b)"
                             rf"{_PROPER}[ -](?:Agglomération|Métropole)\b", body))


def starts_with_connector(text: str) -> bool:
    """The sentence already opens on a connector or an adverbial phrase set off by a comma."""
    body = normalize(text).strip()
    if re.match(r"^(?:Selon|D'après|«|\")", body):
        return True
    if re.match(r"(?i)^(?:" + "|".join(style()["strip_connectors"]).replace(".", "'")
                + r")\b", body):
        return True
    first = body.split(",", 1)[0]
    return "," in body and word_count(first) <= 8 and not re.match(
        rf"^(?:{NAME})$", first.strip())


# ----------------------------------------------------------------------------- sentence forms

SENTENCE_ID = re.compile(r"\bd\d{2}s\d{4}\b")
_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d+)*")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_UPPER_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’-]*")
_ACRONYM = re.compile(r"\b[A-ZÀ-Þ]{2,}[a-z]?\b")


@cache
def _pronoun_re() -> re.Pattern:
    words = sorted(style()["press_pronouns"], key=len, reverse=True)
    # (an elided « j' » is followed by its verb, the other words by no letter)
    alternatives = "|".join(re.escape(w) if w.endswith("'") else rf"{re.escape(w)}(?!\w)"
                            for w in words)
    return re.compile(rf"(?<![\w'])(?:{alternatives})", re.IGNORECASE)


# a short quotation inside a sentence names something (« le bouton « Je donne mon avis » »):
# it is no speech
_SHORT_QUOTE = re.compile(r"(?<=\w )(?:«[^«»]{1,40}»|\"[^\"]{1,40}\")")


def press_pronouns(text: str) -> list[str]:
    """First- and second-person words of press copy found in `text`, except in a name: inside
    a short quotation that follows a word (« le bouton « Je donne mon avis » »), before
    another capitalised word inside the sentence (« les communes utilisent Mes Adresses »,
    « Ma Dada »), or with a capital after its first letter (« la loi NOTRe »)."""
    body = normalize(text)
    quoted = [m.span() for m in _SHORT_QUOTE.finditer(body)]
    found = []
    for m in _pronoun_re().finditer(body):
        word = m.group(0)
        named = (any(a <= m.start() < b for a, b in quoted)
                 or (m.start() > 0 and word[:1].isupper()
                     and re.match(r"\s+[A-ZÀ-Þ]", body[m.end():]) is not None)
                 or any(c.isupper() for c in word[1:]))
        if not named:
            found.append(word)
    return found


def numbers_in(text: str) -> list[str]:
    """Numbers written with digits in `text`, in a canonical form ('1000', '1.5')."""
    out = []
    for raw in _NUMBER.findall(text):
        out.append(canonical_number(raw))
    return [x for x in out if x]


def canonical_number(raw: str) -> str:
    """'1 000' / '1.000' → '1000'; '1,5' → '1.5'; '30' → '30'."""
    s = re.sub(r"[\s\u00a0\u202f]", "", raw.strip(" .,"))
    s = re.sub(r"\.(?=\d{3}(?:\D|$))", "", s)
    s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return ""
    if value.is_integer() and value < 1e15:
        return str(int(value))
    return f"{value:g}"


# the month names, accented and not: a date ("1er juin") is not a figure
MONTH_WORDS = "|".join(dict.fromkeys(n for name in MONTH_NAMES for n in (name, fold(name))))
_NOT_FIGURE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{MONTH_WORDS})\b|\b\d+(?:e|er|ème|es|ères?)\b"
    r"|\b(?:article|principe|loi n°|n°)\s*(?:[A-Z]\.?\s?)?\d+(?:[-.]\d+)*", re.IGNORECASE)


def has_figure(text: str) -> bool:
    """Whether `text` holds a figure: a number that is not a year, a date or an ordinal."""
    return any(not _YEAR.match(n) for n in numbers_in(_NOT_FIGURE.sub(" ", text)))


@cache
def figure_numbers(text: str) -> frozenset[str]:
    """The figures of a sentence, numbers written in words included ("trois jours" → 3);
    years, dates and ordinals are not figures."""
    try:
        digits = alpha2digit(normalize(text), "fr")
    except Exception:  # noqa: BLE001 - text2num may fail on odd text: keep the digits
        digits = normalize(text)
    return frozenset(n for n in numbers_in(_NOT_FIGURE.sub(" ", digits)) if not _YEAR.match(n))


def years_in(text: str) -> frozenset[str]:
    """The years a sentence names (« entre 2021 et 2031 », « 2021-2031 », « en 2050 »)."""
    return frozenset(n for n in re.findall(r"(?<![\d,.])\d{4}(?!\d|[,.]\d)", normalize(text))
                     if _YEAR.match(n))


def proper_nouns(text: str) -> list[str]:
    """Capitalised words that are not the first word of a sentence, and acronyms."""
    text = normalize(text)
    found = []
    for m in _UPPER_WORD.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:«\"(•–-" or before.endswith(("'", "’")) and (
                len(before) < 3 or before[-2] in " .") and start < 3:
            continue
        word = m.group(0).strip("'’-")
        if "'" in word:
            word = word.split("'")[-1]
        if word:
            found.append(word)
    found += _ACRONYM.findall(text)
    return sorted({w for w in found if not re.fullmatch(r"[IVX]+", w)})


def fill_template(template: str, values: dict[str, str]) -> str:
    """A template of the note (plan, frames, style) with its {placeholders} filled, on one line;
    a placeholder it does not know stays as written (filled later by the writer)."""
    text = " ".join(str(template).split())
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def french_typography(text: str) -> str:
    """The shared French typography (`fr.normalize.french_typography`: guillemets, no-break spaces
    before « : ; ! ? % »), plus the note's own: curly and single quotes paired into guillemets,
    thousands grouped with narrow no-break spaces, incises between en dashes, no space before
    « , . » and one after a comma the source glued to the next word (« au 22 août 2027,aucune »;
    a decimal comma stays), three dots written as the ellipsis and two as one."""
    text = clean_display(text)
    # a pair of single quotes around words (« mettre en place un 'plan pluie' »), never an
    # apostrophe: the opening one follows a space, the closing one a word and precedes one
    text = re.sub(r"(?<![\w'’])['‘]([^\W\d_][^'’‘\n]{0,60}?[\w.])['’](?![\w'’])", r'"\1"', text)
    text = shared_typography(re.sub(r"[“”]", '"', text))
    text = re.sub(r",(?=[^\W\d_])", ", ", text)
    text = re.sub(r"(\d) (\d{3})\b", r"\1" + NNBSP + r"\2", text)
    text = re.sub(r"(?<=[\w,)»]) - (?=[\w«(])", " – ", text)     # « (CRE) - dans un avis »
    text = re.sub(r"(?<=\betc\.) - (?=[\w«(])", " – ", text)    # « …, etc. - existent »
    text = re.sub(r"(?<=\w)\.{3}(?!\.)", "…", text)      # « un quart de la population… et »
    text = re.sub(r"(?<=\w)\.\.(?![.\w])", ".", text)     # « l'un des outils disponibles.. »
    return re.sub(r"\s+([,.])", r"\1", text)


def lower_first(text: str) -> str:
    """Lower-case the first letter when the first word is a common French word (not a proper
    noun or an acronym, nor the first of two capitalised words: a name)."""
    m = re.match(r"([A-ZÀ-Þ][\wÀ-ÿ]*)(['’]|-[A-ZÀ-Þ])?", text)
    if not m:
        return text
    word = m.group(1)
    if ((word.isupper() and len(word) > 1) or (m.group(2) or "").startswith("-")
            or keeps_capital(word)):
        return text
    if m.group(2) and m.group(2) in "'’" and len(word) > 2:
        return text[0].lower() + text[1:]      # "Aujourd’hui", "Jusqu'à"
    if word == "A":     # « A Plaisir », capital à without its accent; not a letter, « A, B »
        return "à" + text[1:] if re.match(r"\s+\w", text[1:]) else text
    low = word.lower()
    elided = low in ("l", "d", "c", "qu", "s", "n", "j")
    # (a first name is a word of the language too: « Michel Loussouarn, maire… »)
    named = re.match(r"\s+[A-ZÀ-Þ][a-zà-ÿ]", text[m.end():]) is not None
    if low in small_words() or low in plain_openers() or elided or (is_known(low) and not named):
        return text[0].lower() + text[1:]
    return text


def title_case_words(text: str) -> list[bool]:
    """For each word of a phrase (split on spaces), whether it is a capital of title case that
    running text lower-cases: a capitalised common word (the first word only after an elision,
    « l'Intelligence ») next to another one (« l'Intelligence Artificielle »), or any in a
    phrase where they make half of the words of four letters or more, two at least (« Les
    Enjeux du Numérique pour les Territoires »). A capital alone among words in sentence case
    names something (« Petites villes de demain », « Action cœur de ville »), and stays."""
    words = text.split(" ")
    bare = [re.split(r"['’]", w)[-1].strip("(«»),;:.") for w in words]
    caps = [(k > 0 or bare[k] != w.strip("(«»),;:.")) and bare[k][:1].isupper()
            and not bare[k].isupper() and lower_first(bare[k]) != bare[k]
            for k, w in enumerate(words)]
    long = sum(1 for k, b in enumerate(bare) if len(b) >= 4 and not b.isupper()
               and (k > 0 or caps[0]))
    title = sum(caps) >= 2 and 2 * sum(caps) >= long
    return [c and (title or (k > 0 and caps[k - 1]) or (k + 1 < len(caps) and caps[k + 1]))
            for k, c in enumerate(caps)]


@cache
def small_words() -> frozenset[str]:
    """The words of the language a sentence may open on that name nothing: grammar words and
    the connectors of `style.yaml` (« pourtant », « certes », « finalement »), which the
    lemmatizer does not all know."""
    conf = style()
    return (function_words() | frozenset(conf["contrast_openings"])
            | frozenset(conf["strip_connectors"]))


def upper_first(text: str) -> str:
    """Upper-case the first character when it is a letter (a leading figure stays as is)."""
    k = 0
    while k < len(text) and text[k] in "«\"' \u00a0":
        k += 1
    if k < len(text) and text[k].isalpha():
        return text[:k] + text[k].upper() + text[k + 1:]
    return text


_AFTER_SEMICOLON = re.compile(r"(?<=;\s)[A-ZÀ-Þ][\wÀ-ÿ'’-]*")
_LISTED_AFTER_COLON = re.compile(r":\s(?P<items>[^;:«»\"]+)")


def own_text(text: str) -> str:
    """« la présente instruction », « du présent guide »: the text a document names itself by,
    as the note that cites it says it (« l'instruction », « du guide »); « le présent article »,
    which the note cannot place, is left to the anaphora rules."""
    nouns = "|".join(style()["own_text_nouns"])

    def article(m: re.Match) -> str:
        det, noun = m.group("det"), m.group("noun")
        if not re.match(r"(?i)[aeiouyéèêàâîôûh]", noun):
            return f"{det} {noun}"
        elided = {"le": "l'", "la": "l'", "du": "de l'", "de la": "de l'", "au": "à l'",
                  "à la": "à l'"}[det.lower()]
        return (elided[:1].upper() + elided[1:] if det[:1].isupper() else elided) + noun
    return re.sub(rf"\b(?P<det>[Ll]e|[Ll]a|[Dd]u|[Dd]e la|[Aa]u|[Àà] la)\s+présente?\s+"
                  rf"(?P<noun>(?:{nouns}))\b", article, text)


def stray_capitals(text: str) -> str:
    """A word of the language written with a capital after a semicolon (« … d'exclusion ;
    Pourtant elles… ») or at the head of the items a colon opens (« … : Chômeurs de longue
    durée, personnes…, Jeunes de moins de 26 ans… ») loses it: after a semicolon a small word
    or a connector, after a colon every item, unless one of them is a name (« : Montpellier,
    Paris et Nantes » stays as written)."""
    text = _AFTER_SEMICOLON.sub(
        lambda m: m.group(0).lower() if m.group(0).lower() in small_words() else m.group(0),
        text)

    def items(m: re.Match) -> str:
        parts = m.group("items").split(", ")
        lowered = [lower_first(p) for p in parts]
        if any(p[:1].isupper() and low == p and not _kept_capital(p)
               for p, low in zip(parts, lowered, strict=True)):
            return m.group(0)               # a name among them: the capitals are names'
        return ": " + ", ".join(lowered)
    return _LISTED_AFTER_COLON.sub(items, text)


def _kept_capital(text: str) -> bool:
    """Whether a text opens on a word French writes with its capital in any case: an acronym
    (« DINUM »), « État »."""
    word = re.match(r"[\wÀ-ÿ]+", text)
    return bool(word) and (word.group(0).isupper() or keeps_capital(word.group(0)))


_SPLIT = re.compile(r"(?<=[.!])[»\"]?\s+(?=[«\"]?[A-ZÀ-Þ])")


def split_outside_quotations(text: str) -> list[str]:
    """The sentences of a statement, split where a sentence ends outside any quotation.

    Not `reading.sentences.split_sentences`: a statement is already one or a few clean
    sentences, so it is cut only after « . » or « ! » before a capital, and never inside « … »
    or "…" (no abbreviation or initial rules, which would change the note's output)."""
    out, start = [], 0
    for m in _SPLIT.finditer(text):
        head = text[start:m.end()]
        if head.count("«") == head.count("»") and head.count('"') % 2 == 0:
            out.append(text[start:m.end()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [p for p in out if p]
