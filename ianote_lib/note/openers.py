"""The sentence that opens a paragraph of the body with its idea.

The statements of a sub-part that share an idea are first gathered into one paragraph
(`idea_groups`). Before a paragraph's sentences the note writes what they have in common: the
noun phrase of the dossier's own parse (`fr.parse`, column `phrases`) that its sentences share
most (`paragraph_idea`) — a phrase whose noun comes back in at least two of them, never a noun
too general to name an idea (« le cas », « la part », the genre's « risque »), a body, a person,
a noun inside a name, nor the commande's own subject or audience (every paragraph speaks of
those); a noun alone only when abstract and frequent, and with the complement half its
sentences give it (`complemented`: « les consommations d'énergie »), or a thing most of them
speak of and that is not what acts in them (`_concrete_idea`: « les arbres ») — in a template of
`resources/note/openers.yaml` chosen by the function most of its sentences have
(`note.functions`: constat, apport, risque, règle, levier, exemple; else a neutral one) and by the
paragraph's rank in its sub-part (an ordinal only when another paragraph follows). A paragraph
of rules whose sentences share no phrase but name texts of law (`fr.legal`) opens on those texts
(« Le cadre applicable repose principalement sur le décret du…, le décret du… et la loi… »),
which no title or recap takes up. The ideas
opened on also give the conclusion its pistes and, on a plan of the commande's axes, its recap
(`note.write`).

The opener adds no fact: its words are the dossier's, it cites nothing of its own (the
paragraph's citations follow), and its sources in `note_trace` are the sentences that hold the
phrase; the verification checks it against the documents of its paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.fr.legal import distinct_texts, legal_references, legal_spans
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.names import acronym_expansions, and_list, contract
from ianote_lib.fr.normalize import fold
from ianote_lib.note.bills import opens_on_a_bill
from ianote_lib.note.built_plan import frames
from ianote_lib.note.functions import OPPOSED, classify, function_scores
from ianote_lib.note.text import compress, fill_template, nouns_of


@cache
def config() -> dict[str, Any]:
    return load_yaml("note", "openers.yaml")


@cache
def generic_heads() -> frozenset[str]:
    """The nouns too general to name an idea (`openers.yaml generic_heads`), folded."""
    return frozenset(fold(w) for w in config()["generic_heads"])


# what a name holds: a capitalised word after the first (« la loi Climat et Résilience »), a
# short quotation (« la loi dite « Climat et résilience » »)
_NAMES = re.compile(r"(?<=\s)[A-ZÀ-Ý][\w'’-]*|«[^»]{1,40}»")


def idea_nouns(text: str) -> set[str]:
    """The nouns by which a sentence may hold an idea: those of `nouns_of` outside the names
    it quotes (the « résilience » of « la loi Climat et Résilience » is not its idea, nor the
    « environnement » of « l'Institut national de recherche pour l'agriculture, l'alimentation
    et l'environnement (INRAE) »: a body's name its acronym spells, `institution_names`; nor
    the « environnement » of « le code de l'environnement », a text of law's name)."""
    for start, end in sorted([*institution_names(text), *legal_spans(text)], reverse=True):
        text = text[:start] + " " + text[end:]
    return nouns_of(_circumstances().sub(" ", _NAMES.sub(" ", text)))


@cache
def _circumstances() -> re.Pattern[str]:
    """A circumstance's preposition and the noun phrase it opens, its noun and one adjective
    (`openers.yaml circumstances`: « durant la crise sanitaire »), which `idea_nouns` leaves
    out: it says when or why, not what the sentence is about."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(config()["circumstances"], key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{words})\s+(?:(?:la|le|les|cette|ce|cet|ces)\s+|l['’])"
                      r"[\w’'-]+(?:\s+(?!(?:et|ou|de|du|des|à|au|aux|en)\b)[a-zà-ÿ-]+)?")


def in_family(word: str, known: frozenset[str]) -> bool:
    """Whether a lemma is one of the commande's subject or audience words (`known`) or of the
    family of a subject word (`openers.yaml family_letters` first letters in common)."""
    return word in known or _kin(word, known)


@cache
def _kin(word: str, known: frozenset[str]) -> bool:
    n = int(config()["family_letters"])
    stem = fold(word)[:n]
    # (the subject's words, not the audience's: « administratives » is no « administration »)
    return len(stem) == n and any(fold(k)[:n] == stem for k in known - audience_lemmas())


def institution_names(text: str) -> list[tuple[int, int]]:
    """The spans of the names of bodies an acronym spells (`fr.names.acronym_expansions`): a
    name with its capital, or one headed by a body's noun (« la direction interministérielle de
    la transformation publique (DITP) »), not a term (« espaces naturels, agricoles et
    forestiers (NAF) »)."""
    spans = []
    for a, b in acronym_expansions(text):
        head = next(w for w in re.split(r"['’\s]+", text[a:b]) if len(w) > 1)
        if head[0].isupper() or fold(head.lower()) in generic_heads():
            spans.append((a, b))
    return spans


@cache
def _not_benefits() -> frozenset[str]:
    return frozenset(fold(w) for w in config()["not_benefits"])


@cache
def _vague() -> frozenset[str]:
    return frozenset(fold(w) for w in config()["vague_adjectives"])


@cache
def _not_alone() -> frozenset[str]:
    return frozenset(fold(w) for w in config()["not_alone"])


@cache
def _abstract() -> tuple[str, ...]:
    return tuple(fold(x) for x in config()["abstract_suffixes"])


@dataclass
class Idea:
    """What a paragraph is about: its noun phrase, its function and the sentences holding it."""

    phrase: str
    function: str
    source_ids: list[str]
    docs: list[int] = field(default_factory=list)     # the documents of those sentences
    section: str = ""                                   # the sub-part it opens a paragraph of
    # no title nor recap takes it up: it lists texts of law, or names a thing alone
    untitled: bool = False

    @property
    def stated(self) -> bool:
        """Whether a sentence of the note may state the idea (an opener, a recap, a piste): a
        noun alone (« la lumière », « le social », « la carence ») names a topic, not what the
        paragraph says of it (`openers.yaml stated_words`), which then opens on its own first
        sentence; it may still name a title among others."""
        return len(content_lemmas(self.phrase)) >= config()["stated_words"]


@dataclass
class Openers:
    """What the openers of one note share: the lemmas that name nothing (`known_words`), and
    the ideas already opened on, with the functions of their sub-part (no phrase twice; the
    conclusion draws its pistes from them)."""

    known: frozenset[str]
    ideas: list[tuple[list[str], Idea]] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)   # the opening forms written so far

    @property
    def taken(self) -> set[str]:
        return {idea.phrase for _, idea in self.ideas}

    def of_part(self, part: str, limit: int = 2) -> list[str]:
        """The phrases of the first ideas opened in a part (« I », « II »)."""
        return [i.phrase for _, i in self.ideas
                if i.section.startswith(part + ".") and not i.untitled and i.stated][:limit]

    def pistes(self, limit: int = 3) -> list[Idea]:
        """The ideas of the levers: those whose paragraph is a lever, then those of the
        sub-parts that gather levers; none that names texts of law (« la loi AGEC, le Code de
        l'environnement… »: what frames the action, not what it bears on)."""
        first = [i for _, i in self.ideas if i.function == "levier" and i.stated]
        then = [i for f, i in self.ideas if "levier" in f and i.stated and i not in first]
        return [i for i in first + then
                if not fold(i.phrase).startswith(tuple(map(fold, legal_references(i.phrase))))
                ][:limit]


def paragraph_idea(statements: list[Any], known: frozenset[str], taken: set[str],
                   wanted: list[str] | None = None, size: int = 0) -> Idea | None:
    """The idea of a paragraph of `statements` (with their `phrases`), or None when no phrase
    names it well enough. `known`: the lemmas every paragraph shares (the commande's subject and
    audience), which name nothing; `taken`: the phrases other paragraphs already open on,
    which no phrase of the same lemmas repeats (« la consommation » after « les
    consommations »); `wanted`: the functions of the sub-part; `size`: the paragraph's
    sentences when it holds more than `statements` (a list of initiatives merged into it),
    which the idea must name too."""
    conf = config()
    if len(statements) < conf["min_sentences"]:
        return None
    count = max(len(statements), size)
    half = (count + 1) // 2
    # a phrase of several words names the paragraph only when a share of it says it
    least = max(conf["min_support"], math.ceil(conf["phrase_share"] * count))
    lemmas = [idea_nouns(st.text) for st in statements]
    best: tuple[float, int, str, list[int]] | None = None
    seen: set[str] = set()
    folded = {fold(t) for t in taken}
    # a noun alone is not opened on again after a phrase it heads (« la consommation » after
    # « les consommations d'énergie »)
    taken_lemmas = {tuple(ls[:n]) for ls in map(content_lemmas, taken) for n in (1, len(ls))}
    order = 0
    concrete: tuple[str, list[int]] | None = None   # a thing most sentences speak of
    for st in statements:
        for phrase in getattr(st, "phrases", []) or []:
            order += 1
            key = fold(phrase)
            if key in seen or key in folded or any(_same_idea(key, t) for t in folded) \
                    or tuple(content_lemmas(phrase)) in taken_lemmas:
                continue
            seen.add(key)
            own = naming_words(phrase, known)
            if own is None:
                thing = naming_words(phrase, known, concrete=True)
                if thing is not None and concrete is None:
                    concrete = _concrete_idea(phrase, thing[0], statements, lemmas, folded)
                continue
            holders = [k for k, ls in enumerate(lemmas) if own[0] in ls]
            whole = sum(1 for k in holders if set(own) <= lemmas[k])
            if len(own) > 1:
                # a phrase names the sentences that hold all its words (« le traitement
                # équitable » does not name « un traitement automatique des demandes »)
                if whole < least:
                    continue
            elif len(holders) < max(conf["min_support_alone"], half):
                continue
            score = (len(holders) + 0.5 * whole + (0.3 if len(own) > 1 else 0.0)
                     + 0.01 * attested(phrase, statements))
            candidate = (score, -order, phrase, holders)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    function = paragraph_function(statements, wanted)
    if wanted and wanted[0] == "levier" and function in ("neutre", "constat", "regle") \
            and function not in wanted:
        function = "levier"     # what the levers' sub-part tells, it tells as where to act
    elif function == "constat" and wanted and "regle" in wanted and "constat" not in wanted:
        function = "regle"      # the facts of a legal framework are what it provides
    bills = sum(opens_on_a_bill(st.text) for st in statements)
    if function == "regle" and 2 * bills > len(statements):
        function = "regle_projet"   # what bills propose is not the law that applies
    if best is None and concrete is not None:
        phrase, holders = concrete
        return Idea(plain(phrase), function, [statements[k].sentence_id for k in holders],
                    sorted({d for k in holders for d in statements[k].docs}), untitled=True)
    if best is None:
        return _named_texts(statements) if function == "regle" else None
    _, _, phrase, holders = best
    if len(naming_words(phrase, known) or []) == 1:
        phrase, holders = complemented(phrase, statements, holders, folded)
        if len(content_lemmas(phrase)) == 1 and always_completed(
                phrase, [statements[k] for k in holders]):
            return None
    return Idea(plain(phrase), function, [statements[k].sentence_id for k in holders],
                sorted({d for k in holders for d in statements[k].docs}))


def attested(phrase: str, statements: list[Any]) -> bool:
    """Whether the documents write the phrase as it is, its article included: of two forms of
    the same words, the one they wrote names the idea (« les secrétaires de mairie », not « le
    secrétaire de mairie » the parse gave « l'emploi de secrétaire de mairie »)."""
    written = fold(plain(phrase))
    return any(written in fold(st.text) for st in statements)


def complemented(phrase: str, statements: list[Any], holders: list[int],
                 taken: set[str]) -> tuple[str, list[int]]:
    """A noun alone with the complement its sentences give it most (« les consommations » →
    « les consommations d'énergie »), and the sentences that hold it: the start of a noun
    phrase of the sentences' parse headed by that noun, cut after a content word, that half
    the noun's holders at least, two at least, begin a phrase with (the commande's subject may
    complete it: « la réutilisation des données »); else the noun alone. No name, figure nor
    vague adjective completes it."""
    head = content_lemmas(phrase)[0]
    starts = [{tuple(content_lemmas(p)) for p in getattr(st, "phrases", []) or []}
              for st in statements]
    least = max(config()["min_support"], math.ceil(len(holders) / 2))
    best: tuple[int, int, str, list[int]] = (0, 0, phrase, holders)
    for st in statements:
        for other in getattr(st, "phrases", []) or []:
            tokens = other.replace("’", "'").split()
            for cut in range(2, min(len(tokens), 6) + 1):
                candidate = " ".join(tokens[:cut])
                lemmas = tuple(content_lemmas(candidate))
                if (len(lemmas) < 2 or lemmas[0] != head or not content_lemmas(tokens[cut - 1])
                        or not set(lemmas[1:]) - _vague() or fold(candidate) in taken
                        or any(t[:1].isupper() or any(c.isdigit() for c in t)
                               for t in tokens[1:cut])):
                    continue
                have = [k for k in holders
                        if any(s[:len(lemmas)] == lemmas for s in starts[k])]
                if len(have) >= least and (len(have), len(lemmas)) > best[:2]:
                    best = (len(have), len(lemmas), candidate, have)
    return best[2], best[3]


def always_completed(phrase: str, statements: list[Any]) -> bool:
    """Whether the noun of a phrase of one noun comes, in every sentence that holds it, with
    what says which: an adjective in the parse's phrase (« à la gestion municipale ») or a
    complement after it (« la gestion de commissions »), and none shared by half of them
    (`complemented`): alone, the noun names what each says differently, not their common
    idea (« L'action doit notamment porter sur la gestion »)."""
    head = content_lemmas(phrase)[0]
    noun = re.sub(r"(?i)^(?:les|le|la|l['’])\s*", "", phrase.strip()).split()[0]
    stem = re.escape(noun[:-1] if noun.endswith(("s", "x")) else noun)
    after = re.compile(rf"(?i)\b{stem}(?:s|x)?\b(?!\s+(?:de|du|des|d['’]|à|au|aux)\b)")

    def bare(st: Any) -> bool:
        alone = any(content_lemmas(p) == [head] for p in getattr(st, "phrases", []) or [])
        return alone and bool(after.search(st.text))

    return not any(bare(st) for st in statements)


def _same_idea(a: str, b: str) -> bool:
    """Two folded noun phrases that name one idea, a word of one cut short in the other
    (« les produits bio » and « les produits biologiques »)."""
    x, y = a.split(), b.split()
    return len(x) == len(y) and x != y and all(
        u == v or (min(len(u), len(v)) >= 3 and (u.startswith(v) or v.startswith(u)))
        for u, v in zip(x, y, strict=True))


def _named_texts(statements: list[Any], most: int = 3) -> Idea | None:
    """The idea of a paragraph of rules whose sentences share no phrase but name texts of law
    (`fr.legal`): those texts, when at least two of its sentences name two of them or more
    (« le décret du 27 janvier 2012, le décret du 29 août 2023 et la loi NOTRe du 7 août
    2015 »), `most` at most; a text whose words another one holds is that one."""
    named: dict[str, list[int]] = {}
    for k, st in enumerate(statements):
        for ref in legal_references(compress(st.text)):     # as the note quotes it
            named.setdefault(ref, []).append(k)
    words = {ref: set(re.findall(r"\w+", fold(ref))) for ref in named}
    texts = [ref for ref in named
             if not any(other != ref and words[ref] < words[other] for other in named)]
    # (each once: « la loi AGEC » is « la loi du 10 février 2020 » when a sentence gives its
    # acronym after its title, which the quotation drops)
    texts = distinct_texts(texts, known=[r for st in statements
                                         for r in legal_references(st.text)])[:most]
    holders = sorted({k for ref in texts for k in named[ref]})
    if len(texts) < 2 or len(holders) < 2:
        return None
    return Idea(and_list(texts), "regle", [statements[k].sentence_id for k in holders],
                sorted({d for k in holders for d in statements[k].docs}), untitled=True)


def plain(phrase: str) -> str:
    """The phrase without the vague adjectives that end it (« l'accompagnement adéquat » →
    « l'accompagnement »)."""
    words = phrase.replace("’", "'").split()
    while (len(words) > 1 and set(content_lemmas(words[-1])) <= _vague()
           and content_lemmas(" ".join(words[:-1]))):
        words.pop()
    return " ".join(words)


def naming_words(phrase: str, known: frozenset[str], concrete: bool = False) -> list[str] | None:
    """The content lemmas by which a noun phrase may name an idea, its noun first; None when
    it names none: a name or an acronym, a noun too general, the commande's subject or
    audience, or a noun alone that is not abstract (« la régie », not « la formation »;
    `concrete`: a noun alone of any kind)."""
    words = content_lemmas(phrase)
    bare = phrase.replace("'", " ").replace("’", " ").split()
    if not words or len(bare) < 2 or any(w[:1].isupper() for w in bare[1:]):
        return None
    if words[0] in generic_heads() or fold(bare[1]) in generic_heads():
        return None
    own = [w for w in dict.fromkeys(words)
           if not in_family(w, known) and w not in generic_heads() and w not in _vague()]
    if not own or own[0] != words[0]:
        return None
    if len(own) == 1 and (not (concrete or _abstract_noun(fold(bare[1]).rstrip("s")))
                          or own[0] in _not_alone()):
        return None
    return own


def _concrete_idea(phrase: str, noun: str, statements: list[Any], lemmas: list[set[str]],
                   taken: set[str]) -> tuple[str, list[int]] | None:
    """A thing alone names a paragraph (« les arbres », « les repas ») only when most of its
    sentences speak of it (`concrete_share`, three at least) and it is not what acts in them
    (« La régie a renouvelé… La régie facture… »: the subject of half its sentences or more
    is an actor, not an idea); with the complement they give it (`complemented`)."""
    holders = [k for k, ls in enumerate(lemmas) if noun in ls]
    least = max(3, math.ceil(config()["concrete_share"] * len(statements)))
    acting = sum(noun in content_lemmas(statements[k].subject[0])
                 for k in holders if getattr(statements[k], "subject", None))
    if len(holders) < least or 2 * acting >= len(holders):
        return None
    return complemented(phrase, statements, holders, taken)


def _abstract_noun(word: str) -> bool:
    """A noun with the ending of an action or a quality, on a stem of three letters at least
    (« la sécurité », not « le site »)."""
    return any(word.endswith(end) and len(word) >= len(end) + 3 for end in _abstract())


def specific_words(phrases: list[str], known: frozenset[str]) -> set[str]:
    """The content lemmas of a sentence's noun phrases that say something of their own: not
    the commande's subject or audience (`known`), not a general or genre noun (« les
    obstacles », « les risques »), not a vague adjective (« nombreux », « potentiels »)."""
    return {w for p in phrases for w in content_lemmas(p)
            if not in_family(w, known) and w not in generic_heads() and w not in _vague()}


def idea_groups(statements: list[Any], known: frozenset[str], taken: set[str],
                size: int = 4) -> tuple[list[list[Any]], list[Any]]:
    """The statements of a sub-part gathered by the idea they share: the noun (of a phrase
    that may name an idea) that comes back in most of them makes a paragraph of up to `size`
    of them when `paragraph_idea` can name it, then the next; the statements left over."""
    lemmas = [idea_nouns(st.text) for st in statements]
    first: dict[str, int] = {}
    phrased: set[str] = set()           # nouns that a phrase of two words or more names
    for k, st in enumerate(statements):
        for phrase in getattr(st, "phrases", []) or []:
            own = naming_words(phrase, known)
            if own is not None:
                first.setdefault(own[0], k)
                if len(own) > 1:
                    phrased.add(own[0])
    holders = {noun: {k for k, ls in enumerate(lemmas) if noun in ls} for noun in first}
    # a noun alone gathers a paragraph only when it comes back often enough to name it alone
    holders = {n: ks for n, ks in holders.items()
               if n in phrased or len(ks) >= config()["min_support_alone"]}
    left = set(range(len(statements)))
    groups: list[list[Any]] = []
    while holders:
        noun = max(holders, key=lambda n: (len(holders[n] & left), -first[n]))
        if len(holders[noun] & left) < 2:
            break
        members = sorted(holders.pop(noun) & left)[:size]
        chosen = [statements[k] for k in members]
        if paragraph_idea(chosen, known, taken) is not None:
            groups.append(chosen)
            left -= set(members)
    return groups, [statements[k] for k in sorted(left)]


def paragraph_function(statements: list[Any], wanted: list[str] | None = None) -> str:
    """The function of a paragraph: the first of the sub-part's functions (`wanted`) that at
    least the share `function_share` of its statements have (the one the selection gave
    each, else that of its text), else the function most of them have if it reaches that
    share, else « neutre »."""
    counts = function_counts(statements)
    floor = config()["function_share"] * len(statements)
    for function in wanted or []:
        if counts[function] >= floor:
            return function
    function, n = counts.most_common(1)[0] if counts else ("neutre", 0)
    return function if n >= floor else "neutre"


def function_counts(statements: list[Any]) -> Counter[str]:
    """How many statements have each function (the one the selection gave each, else that of
    its text)."""
    return Counter(getattr(st, "function", "") or classify(st.text) for st in statements)


def opener_text(idea: Idea, rank: int, count: int, used: Counter[str] | None = None) -> str:
    """The opening sentence of the `rank`-th (0-based) of `count` opened paragraphs of a
    sub-part that have the function of `idea`; with `used` (the note's forms written so far,
    counted in place), the form's next variant over the note."""
    function = idea.function
    head = (content_lemmas(idea.phrase) or [""])[0]
    if function == "regle" and head in {fold(w) for w in config()["legal_text_heads"]}:
        function = "regle_texte"
    if (function == "apport" and set(content_lemmas(idea.phrase)) & _not_benefits()) or any(
            function_scores(idea.phrase).get(o, 0.0) > 0 for o in OPPOSED.get(function, ())):
        function = "neutre"     # no « bénéfices attendus » on « la complexité des travaux »
    forms = config()["templates"].get(function) or config()["templates"]["neutre"]
    # (a function an earlier sub-part opened paragraphs on is told again, not « principalement »
    # twice: the logement social note read « Le cadre applicable repose principalement sur la
    # loi SRU et la loi 3DS », then « Le droit applicable s'appuie avant tout sur la loi ELAN
    # et la loi SRU »)
    again = used is not None and rank == 0 and any(
        n and key.split(" ", 1)[0] == function for key, n in used.items())
    if again:
        options = forms["next"]
    elif count == 1:
        options = forms["single"]
    elif rank == 0:
        options = forms["first"]
    elif rank == count - 1 and count >= 3:
        options = forms["last"]
    else:
        options = forms["next"]
    key = f"{function} {options[0]}"
    turn = (rank - 1 if rank else 0) if used is None else used[key]
    template = options[turn % len(options)]
    if used is not None:
        used[key] += 1
    phrase = idea.phrase
    return fill_template(template, {"np": phrase, "de_np": contract("de", phrase),
                                    "a_np": contract("à", phrase)})


def known_words(plan: Any) -> frozenset[str]:
    """The lemmas that name nothing in a paragraph: the commande's subject terms, the words of
    its whole object (« … dans la restauration scolaire ») and of its audience
    (`frames.yaml`)."""
    terms = dict((getattr(plan, "intro", {}) or {}).get("subject_terms", {}) or {})
    terms.update(getattr(plan, "focus_terms", {}) or {})
    return frozenset({w for t in terms for w in content_lemmas(t)} | audience_lemmas())


@cache
def audience_lemmas() -> frozenset[str]:
    """The lemmas of the words that name the commande's audience (`frames.yaml
    audience_words`: the collectivité, its services, agents, users, elected officials)."""
    return frozenset(w for t in frames()["audience_words"] for w in content_lemmas(t))


def title_heads(title: str) -> frozenset[str]:
    """The head noun of each member of a title (« L'état des lieux et les enjeux pour les
    usagers » → état, enjeu): what the title already names."""
    heads = (content_lemmas(member)[:1] for member in re.split(r"\s+et\s+", title))
    return frozenset(h[0] for h in heads if h)


def told_first(idea: Idea, first: str) -> bool:
    """Whether a paragraph's first sentence (`first`) opens on its idea's phrase, all its
    content words within its first `openers.yaml told_first_words` words, so that an opener
    would only announce it; never a phrase that gathers several things (« …et la loi… »)."""
    words = set(content_lemmas(plain(idea.phrase)))
    if not words or re.search(r",| et ", idea.phrase):
        return False
    return words <= set(content_lemmas(" ".join(first.split()[:config()["told_first_words"]])))


def paragraph_ideas(argued: list[tuple[Any, list[Any]]], wanted: list[str],
                    openers: Openers, titled: frozenset[str] = frozenset()) -> dict[int, Idea]:
    """The idea of each argued paragraph of a sub-part that one names (`note.openers`), by the
    paragraph's id, each recorded in `openers`. `titled`: the head nouns of the sub-part's
    title (`title_heads`), which name no paragraph under it (« Les sanctions encourues » is
    not opened on « les sanctions »)."""
    ideas: dict[int, Idea] = {}
    for para, statements in argued:
        idea = paragraph_idea(statements, openers.known | titled, openers.taken, wanted,
                              size=len(para.sentences))
        if idea is not None:
            idea.section = para.section
            openers.ideas.append((wanted, idea))
            ideas[id(para)] = idea
    return ideas


def holders_first(statements: list[Any], idea: Idea, known: frozenset[str]) -> list[Any]:
    """The statements with those that hold the idea's phrase first: all its words (« les
    produits biologiques » before « des produits locaux »), then its noun."""
    words = set(naming_words(idea.phrase, known) or [])
    holders = sorted((st for st in statements if st.sentence_id in idea.source_ids),
                     key=lambda st: not words <= idea_nouns(st.text))
    return holders + [st for st in statements if st not in holders]
