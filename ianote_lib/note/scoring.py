"""How well a pool sentence says a topic (BM25 over lemmas, term hits) and how good a statement
it makes (importance, form); the general rules that keep weak picks out (`off_audience`,
`same_fact`)."""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import numpy as np
import pandas as pd
from text_to_num import alpha2digit

from ianote_lib.fr.dates import MONTH_NAMES, WEEKDAY_NAMES
from ianote_lib.fr.lemmas import content_lemmas, lemma_tokens
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.note.text import MONTH_WORDS, figure_numbers, proper_nouns, style


def bm25(pool: pd.DataFrame, phrases: list[tuple[tuple[str, ...], float]],
         k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    """BM25 score of every pool row for a weighted query of lemma phrases."""
    lemmas = pool["lemmas"].tolist()
    lengths = np.array([max(len(x), 1) for x in lemmas], dtype=float)
    avg = lengths.mean() if len(lengths) else 1.0
    n = len(lemmas)
    scores = np.zeros(n)
    for phrase, weight in phrases:
        tf = np.array([count_phrase(seq, phrase) for seq in lemmas], dtype=float)
        df = float((tf > 0).sum())
        if df == 0:
            continue
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        scores += weight * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / avg))
    return scores


def term_hits(pool: pd.DataFrame, phrases: list[tuple[tuple[str, ...], float]]
              ) -> tuple[np.ndarray, np.ndarray]:
    """For each pool row: how many distinct terms of the query it holds, and whether it holds
    a strong one (a phrase of several words, or a word of the highest weight among the
    query's words)."""
    lemmas = pool["lemmas"].tolist()
    hits = np.zeros(len(lemmas), dtype=int)
    strong = np.zeros(len(lemmas), dtype=bool)
    top = max((w for p, w in phrases if len(p) == 1), default=0.0)
    for phrase, weight in phrases:
        found = np.array([count_phrase(seq, phrase) > 0 for seq in lemmas], dtype=bool)
        hits += found
        if len(phrase) > 1 or weight >= top:
            strong |= found
    return hits, strong


DATED_OPENING = re.compile(
    rf"(?i)^(?:le |la |les |en |depuis |dès |au |début |fin |mi-)?(?:\d{{1,2}}(?:er)?\s+)?"
    rf"(?:{MONTH_WORDS}|(?:19|20)\d\d)\b")


@cache
def _definition() -> re.Pattern:
    return re.compile(r"(?i)\b(?:" + "|".join(style()["definition_patterns"]) + r")\b")


_DEFINED_AS = re.compile(r"^[Dd]éfini(?:e|s|es)?\s+comme"
                         r"\s+(?:étant\s+)?")
_DETERMINER = re.compile(r"^(?:[Ll]['’]|[Ll]es?\s|[Ll]a\s)")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-ZÀ-Þ]{2,8}\)")


def defined_as(text: str, subject_phrases: list[str]) -> str | None:
    """A definition that opens a sentence on something else, said on its own: « Définie comme
    étant D, l'intelligence artificielle (IA) présente de nombreuses opportunités… » →
    « L'intelligence artificielle (IA) se définit comme D. »; None when the sentence does not
    open so or its subject is not the commande's (`subject_phrases`, lower-cased)."""
    text = text.strip()
    m = _DEFINED_AS.match(text)
    if not m:
        return None
    after = text[m.end():]
    folded = after.lower().replace("’", "'")
    for phrase in subject_phrases:
        at = folded.rfind(phrase)
        comma = after.rfind(", ", 0, at)
        if at < 0 or comma < 10 or len(after[comma + 2:at].split()) > 2:
            continue
        subject = after[comma + 2:at + len(phrase)]
        acronym = _ACRONYM_AFTER.match(after[at + len(phrase):])
        if acronym:
            subject += acronym.group(0)
        if not _DETERMINER.match(subject):
            continue
        return f"{subject[:1].upper()}{subject[1:]} se définit comme {after[:comma]}."
    return None


def is_definition(text: str) -> bool:
    """Whether a sentence defines something ("X désigne…", "Définie comme…")."""
    return bool(_definition().search(normalize(text)))


@cache
def _explanation() -> re.Pattern:
    return re.compile(r"(?i)\b(?:" + "|".join(style()["explanation_patterns"]) + r")\b")


@lru_cache(maxsize=1 << 16)     # (asked for each pool sentence by every sub-part's fitting)
def definition_strength(text: str) -> float:
    """1 for a sentence that defines a term (« est définie comme », « désigne », « consiste
    à »), `style.yaml explanation_weight` for one that only explains what it says
    (« c'est-à-dire », « recouvre »: `explanation_patterns`), 0 for any other."""
    text = normalize(text)
    if not is_definition(text):
        return 0.0
    rest = _explanation().sub(" ", text)        # the sentence without its explanations
    return float(style()["explanation_weight"]) if rest != text and not is_definition(rest) \
        else 1.0


def count_phrase(seq: list[str], phrase: tuple[str, ...]) -> int:
    """Occurrences (overlapping ones included) of a lemma phrase in a lemma sequence."""
    m = len(phrase)
    first = phrase[0]
    if m == 1:
        return seq.count(first)
    if first not in seq:
        return 0
    rest = list(phrase[1:])
    count, start, last = 0, 0, len(seq) - m + 1
    while start < last:
        try:
            i = seq.index(first, start, last)
        except ValueError:
            break
        if seq[i + 1:i + m] == rest:
            count += 1
        start = i + 1
    return count


@cache
def _lexicon(key: str, ignore_case: bool = False) -> re.Pattern:
    """A style.yaml list of regexes as one pattern: case-sensitive by default (words such as
    « État » keep their capital: the list says so with a capital), else case-insensitive."""
    return re.compile("|".join(f"(?:{p})" for p in style()[key]),
                      re.IGNORECASE if ignore_case else 0)


def off_audience(text: str) -> bool:
    """A sentence about private companies with no word of public action — their funding or
    market position ("une aide à l'amorçage destinée aux entreprises", "les géants américains
    … sont en tête"), or what they do or receive ("L'entreprise propose des abonnements…",
    "La formation permet au secteur privé de…"), or an amount in a foreign currency: weak
    evidence for a note to a public body."""
    body = normalize(text)
    low = body.lower()
    private = (bool(_lexicon("private_actor_words").search(low)
                    or _lexicon("private_actor_words").search(body))
               and bool(_lexicon("market_words").search(low)
                        or _lexicon("private_focus_patterns", ignore_case=True).search(body)))
    # an amount in a foreign currency (« Les pertes estimées de ChatGPT… à 540 millions de
    # dollars »): a firm's accounts or a foreign market
    foreign = bool(_lexicon("foreign_amounts", ignore_case=True).search(body))
    return ((private or foreign) and not _lexicon("public_words").search(body)
            and not _lexicon("public_words").search(low))


def event_announcement(text: str) -> bool:
    """An event's logistics (« Tous les agents … sont conviés », « Au programme : … », « La
    journée a été l'occasion de … ») or a press formula that states nothing (« l'heure est au
    premier bilan »): nothing a DGS decides on."""
    return bool(_lexicon("event_announcements", ignore_case=True).search(normalize(text)))


def event_noun(text: str) -> bool:
    """Whether a text names an event (`style.yaml event_nouns`: a conference, a forum…)."""
    return bool(_lexicon("event_nouns", ignore_case=True).search(normalize(text)))


def event_mention(text: str) -> bool:
    """A sentence that speaks of an event with a logistics word (« L'événement a rassemblé plus
    de 350 participants », « Une table-ronde réunissant … permettra de … »): it may still carry a
    point of substance, but the event is not what a DGS decides on."""
    return event_noun(text) and bool(_lexicon("event_logistics", ignore_case=True)
                                     .search(normalize(text)))


def historical(text: str) -> bool:
    """History told over centuries (`style.yaml historical_background`: « …apparu dans les
    villes au XVIIe siècle », « depuis la préhistoire »): background for a note to a DGS."""
    return bool(_lexicon("historical_background", ignore_case=True).search(normalize(text)))


def never_told(texts: pd.Series, focus_terms: dict[str, float]) -> np.ndarray:
    """The rows never told in the body's sub-parts: an event's announcement
    (`event_announcement`), the making of a product told by its team (`project_narrative`),
    history told over centuries (`historical`), unless the commande's object speaks of
    events or of history."""
    out = texts.map(project_narrative).to_numpy(dtype=bool, copy=True)
    if not names_the_object("event_nouns", focus_terms):
        out |= texts.map(event_announcement).to_numpy(dtype=bool)
    if not names_the_object("historical_background", focus_terms):
        out |= texts.map(historical).to_numpy(dtype=bool)
    return out


def event_mentions(texts: pd.Series, focus_terms: dict[str, float]) -> np.ndarray:
    """The rows that speak of an event (`event_mention`): they rank lower, unless the
    commande's object speaks of events."""
    if names_the_object("event_nouns", focus_terms):
        return np.zeros(len(texts), dtype=bool)
    return texts.map(event_mention).to_numpy(dtype=bool)


def project_narrative(text: str) -> bool:
    """The making of a product or a project told by its team (« L'équipe interroge… », « Après
    une phase d'investigation, la construction du service a débuté »): its history."""
    return bool(_lexicon("project_narrative", ignore_case=True).search(normalize(text)))


def names_the_object(patterns_key: str, terms: dict[str, float]) -> bool:
    """Whether the commande's object (its focus terms) names what a style.yaml lexicon
    describes: a note on the aid to firms does not weigh firms down."""
    pattern = _lexicon(patterns_key, ignore_case=True)
    return any(pattern.search(str(term)) for term in terms)


@cache
def _dated(text: str) -> set[str]:
    """The months with their year a sentence names (« juin 2021 »), lower-cased."""
    return {m.group(0).lower() for m in re.finditer(
        rf"(?i)\b(?:{MONTH_WORDS})\s+(?:19|20)\d\d\b", text)}


def _fact_lemmas(text: str) -> frozenset[str]:
    try:
        digits = alpha2digit(normalize(text), "fr")
    except Exception:  # noqa: BLE001
        digits = normalize(text)
    return frozenset(content_lemmas(digits))


def same_fact(a: str, b: str, share: float = 0.3) -> bool:
    """Two sentences state the same fact in other words: they share a figure (in digits or in
    words), or a month and its year and a name, and at least three content words, `share` of
    the shorter one's ("Les discussions ont duré 3 jours …" / "Le marathon des discussions
    aura duré presque trois jours …"; « La municipalité de Saint-Malo a instauré en juin 2021
    des règles strictes… » / « Depuis juin 2021, la mairie de Saint-Malo expérimente la
    réglementation… »; of two documents, `note.picker.restated_rows` asks more); or, without
    a figure or a year, they tell of one named actor in two thirds of the words of the
    shorter, half on the same day or month, six at least besides the names (« Depuis lundi
    et jusqu'à jeudi 1er juillet, la ville de Trouville-sur-Mer a décidé d'exposer sur un
    rond point… » / « La ville de Trouville-sur-Mer a décidé ce lundi 28 juin et jusqu'au
    jeudi 2 juillet de dénoncer… sur le rond point… », « La CINOR… a décidé de passer à
    l'offensive en investissant dans des pièges photographiques » / « La CINOR a décidé de
    passer à l'action et a investi dans des pièges photographiques… »; not a charter signed
    on 7 March and what it commits to)."""
    la, lb = _fact_lemmas(a), _fact_lemmas(b)
    shared = la & lb
    names = set(proper_nouns(a)) & set(proper_nouns(b))
    if not figure_numbers(a) & figure_numbers(b) and not (_dated(a) & _dated(b) and names):
        words = shared - {fold(n.lower()) for n in names}
        least = 0.5 if shared & _DAYS else 2 / 3
        return bool(names) and len(words) >= 6 and len(shared) >= least * min(len(la), len(lb))
    return len(shared) >= 3 and len(shared) >= share * min(len(la), len(lb))


# the words that date an event without its year (folded as `content_lemmas` folds)
_DAYS = frozenset(fold(w) for w in (*WEEKDAY_NAMES, *MONTH_NAMES))


def quality(pool: pd.DataFrame, corroborated: np.ndarray) -> np.ndarray:
    """Importance and form of each pool row: centrality, figures, named actors, length, the
    lead of its document (its first two quotable sentences: what a press article says first is
    what it is about), and the other documents that give its fact (`corroborated`: the
    `corroboration` of its rows)."""
    words = pool["words"].to_numpy(dtype=float)
    lead = (pool.groupby("doc")["sentence_id"].rank(method="first") <= 2).to_numpy(dtype=float)
    length = np.where(words < 12, 0.8, np.where(words <= 38, 1.0, np.where(words <= 45, 0.85,
                                                                                0.45)))
    actors = np.minimum(pool["actors"].to_numpy(dtype=float), 3) / 3
    q = (1 + 0.35 * pool["figure"].to_numpy(dtype=float) + 0.25 * actors
         + 0.3 * pool["centrality"].to_numpy(dtype=float) + 0.2 * lead) * length
    q = q * (1 + float(style()["corroboration_weight"]) * np.minimum(corroborated, 2))
    dangling = pool["clean"].map(dangling_demonstratives).to_numpy(dtype=float)
    # a verb the tagger took for a noun (« Le réseau mesure 900 000 kilomètres »): the sentence
    # reads as a fragment to whoever reads the tags
    untagged = ~pool["tagged_verb"].to_numpy(dtype=bool) if "tagged_verb" in pool else False
    return (q * np.where(pool["demonstrative"].to_numpy(), 0.85, 1.0)
            * np.power(0.65, np.minimum(dangling, 3))
            * np.where(untagged, float(style()["untagged_verb_weight"]), 1.0))


def telling_figures(text: str) -> frozenset[str]:
    """The figures of a sentence that can tell one fact from another: not the small counts
    (« 3 axes », « 2 documents ») that any text holds, nor a date written in digits."""
    text = re.sub(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", " ", text)
    return frozenset(n for n in figure_numbers(text) if "." in n or float(n) >= 10)


def corroboration(texts: list[str], docs: list[object]) -> np.ndarray:
    """For each sentence, how many other documents give its fact: a sentence of theirs shares
    two of its telling figures (« 50 % de produits durables dont 20 % de bio »), or one and the
    words of the same fact (`same_fact`). A figure several sources give is one the note must
    give."""
    figures = [telling_figures(t) for t in texts]
    by_figure: dict[str, list[int]] = {}
    for i, found in enumerate(figures):
        for n in found:
            by_figure.setdefault(n, []).append(i)
    out = np.zeros(len(texts))
    for i, found in enumerate(figures):
        others: set[object] = set()
        for j in {j for n in found for j in by_figure[n]}:
            if docs[j] == docs[i] or docs[j] in others:
                continue
            shared = len(found & figures[j])
            if shared >= 2 or (shared == 1 and same_fact(texts[i], texts[j])):
                others.add(docs[j])
        out[i] = len(others)
    return out


_DEMONSTRATIVE = re.compile(r"(?i)\b(?:ce|cet|cette|ces)\s+([a-zà-ÿœ-]+)")


def dangling_demonstratives(text: str) -> int:
    """Demonstratives ("cet abandon", "ce rapport") whose noun the sentence has not named
    before: they point to a sentence the note will not hold."""
    count = 0
    text = normalize(text)
    for m in _DEMONSTRATIVE.finditer(text):
        if re.match(r"\s+(par|de|du|des|d'|sur|en matière)\b", text[m.end():]):
            continue                      # "cette approche par la commande publique"
        noun = lemma_tokens(m.group(1))
        before = lemma_tokens(text[:m.start()])
        if noun and noun[0] not in before and noun[0] not in style()["not_dangling_nouns"]:
            count += 1
    return count
