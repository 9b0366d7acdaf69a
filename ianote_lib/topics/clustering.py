"""Topics of a dossier in its own words, for the automatic plan and the derived themes.

Whatever the subject, a dossier says what it is about in two ways: its paragraphs (sentences
that belong together) and the titles its authors gave them (document titles and intertitres).
This module groups the paragraphs by vocabulary (TF-IDF over content lemmas, k-means with a
fixed seed: deterministic) and names each group with the dossier's own title that covers it
best: the intertitre or document title whose sentences fall most in the group. Only when no
title of the dossier fits does a group get a name made of its most typical noun phrases.

Nothing here knows the subject of the dossier: the same code names « Un patrimoine vieillissant »
in a dossier on drinking water and « Réguler sans brider l'IA » in one on artificial
intelligence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.fr.dates import parse_french_date
from ianote_lib.fr.lemmas import content_lemmas, is_known, lemmatize
from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import clean_display, fold, normalize
from ianote_lib.fr.stopwords import function_words

QUOTABLE = ("sentence", "bullet")
MIN_FIT = 0.2   # F-measure below which a title of the dossier does not name a group
MIN_WITHIN = 0.8  # share of a title's sentences that must lie in a broad group it names
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ0-9]+(?:-[A-Za-zÀ-ÖØ-öø-ÿœŒ0-9]+)*")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MARKUP = re.compile(r"https?://\S+|www\.\S+|<[^>]*>|!?\[[^\]]*\]\([^)]*\)|\S+\.(?:example|com|"
                     r"fr|org|net)\b\S*")
_LEXICON = load_yaml("clustering.yaml")
GENERIC_WORDS = frozenset(_LEXICON["generic_words"])
_GENERIC_LEMMAS = frozenset(fold(w) for w in GENERIC_WORDS)
_DETERMINERS = frozenset(_LEXICON["determiners"])
# press furniture printed like a heading: never the name of a topic
_FURNITURE = re.compile("|".join(_LEXICON["furniture"]), re.IGNORECASE)


def topic_lemmas(text: str) -> list[str]:
    """The content lemmas that can tell a topic: no word of measure or too general noun
    (`GENERIC_WORDS`), no token with a digit ("m3")."""
    return [w for w in content_lemmas(text)
            if w not in _GENERIC_LEMMAS and not any(c.isdigit() for c in w)]


@dataclass
class Units:
    """The paragraphs of a dossier as units of meaning (quotable sentences only)."""

    keys: list[tuple[int, int]]             # (doc, paragraph_id)
    texts: list[str]                        # the paragraph's quotable sentences, joined
    sentence_ids: list[list[str]]
    docs: list[int]
    matrix: object = None                   # TF-IDF of the units (sparse)
    vocab: np.ndarray = field(default_factory=lambda: np.array([]))

    def __len__(self) -> int:
        return len(self.keys)


def paragraph_units(sentences: pd.DataFrame) -> Units:
    """Group the quotable sentences by paragraph; a dossier without paragraph ids gives one
    unit per sentence."""
    rows = sentences[sentences["kind"].isin(QUOTABLE)].sort_values(["doc", "sentence_id"])
    para = rows["paragraph_id"] if "paragraph_id" in rows else pd.Series(
        range(len(rows)), index=rows.index)
    groups: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for doc, pid, sid, text in zip(rows["doc"], para, rows["sentence_id"], rows["text"],
                                   strict=True):
        groups.setdefault((int(doc), int(pid)), []).append((str(sid), str(text)))
    keys = list(groups)
    units = Units(keys=keys, texts=[" ".join(t for _, t in groups[k]) for k in keys],
                  sentence_ids=[[s for s, _ in groups[k]] for k in keys],
                  docs=[k[0] for k in keys])
    if keys:
        from sklearn.feature_extraction.text import TfidfVectorizer  # only the derived topics

        # words of half the paragraphs or more (the subject itself: "eau" in a dossier on
        # water) tell the groups apart no better than function words
        vectorizer = TfidfVectorizer(analyzer=topic_lemmas, sublinear_tf=True,
                                     min_df=2 if len(keys) >= 40 else 1,
                                     max_df=0.5 if len(keys) >= 20 else 1.0)
        units.matrix = vectorizer.fit_transform(units.texts)
        units.vocab = np.array(vectorizer.get_feature_names_out())
    return units


def cluster(matrix, k: int, seed: int = 0) -> np.ndarray:
    """K-means labels (k clusters, fixed seed): deterministic for the same dossier."""
    from sklearn.cluster import KMeans  # imported here: only the derived topics need it

    k = max(1, min(k, matrix.shape[0]))
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit(matrix).labels_


def top_terms(vector: np.ndarray, vocab: np.ndarray, k: int = 12) -> dict[str, float]:
    """The `k` heaviest lemmas of a centroid, weighted 3 for the first and down from there."""
    vector = np.asarray(vector).ravel()
    order = np.argsort(-vector)[:k]
    top = vector[order[0]] if len(order) and vector[order[0]] > 0 else 1.0
    return {str(vocab[i]): round(float(3 * vector[i] / top), 2) for i in order if vector[i] > 0}


# ----------------------------------------------------------------------------- titles

@dataclass
class Candidate:
    """A title the dossier gives to some of its sentences."""

    text: str
    kind: str                     # "heading" (an intertitre) or "title" (a document's title)
    doc: int
    sentence_ids: frozenset[str]  # the quotable sentences it heads


def title_like(text: str, min_words: int = 2) -> bool:
    """A heading that names a topic: 2 to 12 words (one long word for a document title), no
    figure, date, question, byline, credit, address or emoji, and at least one lower-case word
    (not a bare name), not cut in the middle of a phrase."""
    text = clean_display(text)
    words = _LETTERS.findall(text)
    if not min_words <= len(words) <= 12 or (len(words) == 1 and len(words[0]) < 6):
        return False
    if re.search(r"\d", text) or text.rstrip().endswith(("?", ":", ",", ";", "-", "–")):
        return False
    if _FURNITURE.search(text) or parse_french_date(text) or any(ord(c) > 0xFFFF for c in text):
        return False
    if not any(w[0].islower() and len(w) >= 4 for w in words) and len(words) > 1:
        return False
    last = words[-1].lower()
    return not (words[-1][0].islower() and (last in function_words() or last in _DETERMINERS))


def _title_head(title: str) -> str:
    """The head of a press title: what stands before its colon ("Plan eau : 53 mesures…" →
    "Plan eau"), or the whole title."""
    text = clean_display(title)
    head = re.split(r"\s+:\s+|\s*:\s+", text, maxsplit=1)[0].strip(" «»\"")
    return head


def title_candidates(sentences: pd.DataFrame) -> list[Candidate]:
    """Every intertitre of the dossier with the quotable sentences under it (until the next
    intertitre of its document), and every document title with all its document's sentences."""
    rows = sentences.sort_values(["doc", "sentence_id"])
    out: list[Candidate] = []
    for doc, group in rows.groupby("doc", sort=True):
        current: tuple[str, list[str]] | None = None
        whole: list[str] = []
        title = ""
        sections: list[tuple[str, list[str]]] = []
        for kind, text, sid in zip(group["kind"], group["text"], group["sentence_id"],
                                   strict=True):
            if kind == "title":
                title = f"{title} {text}".strip()
            elif kind == "heading" and title_like(text):
                current = (clean_display(text), [])
                sections.append(current)
            elif kind in QUOTABLE:
                whole.append(str(sid))
                if current is not None:
                    current[1].append(str(sid))
        for text, ids in sections:
            if ids:
                out.append(Candidate(text, "heading", int(doc), frozenset(ids)))
        head = _title_head(title) if title else ""
        if head and whole and title_like(head, min_words=1):
            out.append(Candidate(head, "title", int(doc), frozenset(whole)))
    return out


def best_title(group: set[str], candidates: list[Candidate], used: set[str],
               subject: frozenset[str] = frozenset(), min_fit: float = MIN_FIT,
               within: bool = False) -> str | None:
    """The candidate that fits the group best: the F-measure of its sentences against the
    group's (most of the group under it, most of its own sentences in the group), at least
    `min_fit` and two sentences in common. With `within` (a group too broad for any one title:
    a part of the note), the largest candidate whose sentences lie almost all (MIN_WITHIN) in
    the group, three at least. Never a title already used (or with the same content words),
    nor one that only names the commande's subject (« Intelligence artificielle » in a dossier
    on it). Ties go to the shorter title."""
    used_keys = {frozenset(content_lemmas(u)) for u in used}
    scored = []
    for cand in candidates:
        if cand.text in used:
            continue
        inside = len(cand.sentence_ids & group)
        if within:
            share = inside / max(len(cand.sentence_ids), 1)
            fit = inside * share if share >= MIN_WITHIN and inside >= 3 else 0.0
        else:
            fit = 2 * inside / max(len(cand.sentence_ids) + len(group), 1)
        if inside < 2 or fit < min_fit or fit == 0:
            continue
        key = frozenset(content_lemmas(cand.text))
        if not key or key <= (subject | _GENERIC_LEMMAS) or key in used_keys:
            continue
        scored.append((round(fit, 6), -len(cand.text), cand.text))
    if not scored:
        return None
    return max(scored)[2]


# ----------------------------------------------------------------------------- phrases

def acronyms(texts: list[str]) -> set[str]:
    """Upper-case words of two to six letters the dossier uses (IA, RGPD, OFB)."""
    found: Counter = Counter()
    for text in texts:
        found.update(w for w in re.findall(r"\b[A-ZÀ-Þ]{2,6}\b", text))
    return {w.lower() for w, c in found.items() if c >= 2}


def surface_forms(texts: list[str]) -> dict[str, str]:
    """For each lower-cased word, the form the dossier writes it in inside a sentence (not at
    its start): 'ia' → 'IA', 'montpellier' → 'Montpellier'."""
    counts: dict[str, Counter] = {}
    for text in texts:
        words = _WORD.findall(normalize(text))
        for word in words[1:]:
            counts.setdefault(word.lower(), Counter())[word] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def phrases_of(texts: list[str], acro: set[str] | None = None) -> Counter:
    """Candidate title phrases (1 to 3 words, no function word at either end, never across a
    number) with counts, in the dossier's surface forms (lower-cased)."""
    acro = acro or set()
    counts: Counter = Counter()
    for text in texts:
        text = _MARKUP.sub(" ", normalize(text))
        words = [w.lower() for w in _WORD.findall(text.replace("'", "' "))]
        words = ["|" if w.isdigit() or not _title_word(w, acro) else w for w in words]
        for n in (1, 2, 3):
            for k in range(len(words) - n + 1):
                gram = words[k:k + n]
                if "|" in gram or gram[0] in function_words() or gram[-1] in function_words():
                    continue
                if any(len(w) < 3 and w not in acro for w in (gram[0], gram[-1])):
                    continue
                if n == 3 and gram[1] not in ("de", "du", "des", "à", "en", "d"):
                    continue
                counts[" ".join(gram)] += 1
    return counts


def _title_word(word: str, acro: set[str]) -> bool:
    """A word that may stand in a title: a French word known to the lemmatiser (function words
    included, for "de", "des"), or an acronym of the dossier; not a piece of an address."""
    if word in function_words() or word in acro:
        return True
    return len(word) >= 3 and is_known(word)


def noun_like(texts: list[str]) -> set[str]:
    """Words that follow a determiner somewhere in `texts` (nouns, in practice)."""
    out: set[str] = set()
    for text in texts:
        words = [w.lower() for w in _WORD.findall(normalize(text).replace("'", " "))]
        out.update(b for a, b in zip(words, words[1:], strict=False) if a in _DETERMINERS)
    return out


def _infinitive(word: str) -> bool:
    return (len(word) > 4 and word.endswith(("er", "ir", "re", "oir"))
            and lemmatize(word) == word
            and is_known(word) and word not in ("pouvoir", "savoir"))


def lemma_key(phrase: str) -> frozenset:
    return frozenset(content_lemmas(phrase))


def typical_phrases(member_texts: list[str], all_counts: Counter, exclude: set[str], k: int,
                    subject: frozenset[str] = frozenset(), acro: set[str] | None = None
                    ) -> list[str]:
    """The `k` phrases most typical of a group of sentences: frequent in it, rarer elsewhere;
    phrases of several words preferred; never a phrase made only of the commande's subject words
    or of too general words or words of measure, never two phrases with the same lemmas."""
    local = phrases_of(member_texts, acro)
    nouns = noun_like(member_texts)
    excluded_keys = {lemma_key(p) for p in exclude}
    scored = []
    for phrase, c in local.items():
        if c < 2 or phrase in exclude or lemma_key(phrase) in excluded_keys:
            continue
        lemmas = set(content_lemmas(phrase))
        if not lemmas or lemmas <= (subject | _GENERIC_LEMMAS):
            continue
        first = phrase.split(" ")[0]
        if first not in nouns or _infinitive(first):
            continue                        # a title names things: it opens on a noun
        share = c / max(all_counts[phrase], 1)
        bonus = 2.0 if " " in phrase else 1.0
        scored.append((c * share * bonus, phrase))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[str] = []
    keys: set[frozenset] = set()
    for _, phrase in scored:
        key = lemma_key(phrase)
        if key in keys or any(phrase in c or c in phrase for c in chosen) or any(
                key <= lemma_key(c) or lemma_key(c) <= key for c in chosen):
            continue
        chosen.append(phrase)
        keys.add(key)
        if len(chosen) == k:
            break
    return chosen


def join_phrases(phrases: list[str], forms: dict[str, str] | None = None,
                 empty: str = "Autres enjeux") -> str:
    """'eaux usées', 'espaces verts' → 'Eaux usées et espaces verts', acronyms and names in the
    dossier's own spelling ('systèmes d ia' → "Systèmes d'IA")."""
    if not phrases:
        return empty
    forms = forms or {}
    text = and_list(phrases)
    text = " ".join(forms.get(w, w) if not forms.get(w, w).islower() else w
                    for w in text.split(" "))
    text = re.sub(r"\b([dlj]) (?=\w)", r"\1'", text)     # "systèmes d IA" → "systèmes d'IA"
    return text[0].upper() + text[1:]
