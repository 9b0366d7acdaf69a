"""Does the dossier hold clearly separate subjects? Groups of documents whose vocabularies
barely overlap (a folder where an analyst put the articles of two stories, say), named by
their own keywords.

Each document is a TF-IDF vector of its content lemmas (`topics.keywords.document_tokens`,
`tfidf.tfidf_matrix`, raw counts: the words a document repeats are what it is about); the
documents are clustered by average linkage on the cosine distance (deterministic, no seed), and
every cut of the tree from two groups to `max_cuts` is a candidate grouping. In a candidate, a
group too small to be a subject (fewer than `min_group_documents` documents and less than
`min_group_share` of the words: an outlier document) joins the subject it is closest to. A
grouping's separation is, over every two subjects, the largest ratio of the mean similarity
between their documents to the mean similarity within the less cohesive of them; the dossier
has separate subjects when the best grouping's separation is at most `max_ratio`
(`resources/subjects.yaml`, with the values measured on the project's dossiers).

A subject's label is its three most typical words (`subject_labels`): « eau, commune,
réseau ». Thresholds, sizes and the warning's French text are in `resources/subjects.yaml`.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import NBSP, fold
from ianote_lib.fr.numbers import french_number
from ianote_lib.reports.display import display_table
from ianote_lib.safe_text import md_escape
from ianote_lib.tfidf import tfidf_matrix
from ianote_lib.topics.clustering import GENERIC_WORDS
from ianote_lib.topics.keywords import document_tokens
from ianote_lib.topics.subject_notice import subjects_warning

_GENERIC = frozenset(fold(w) for w in GENERIC_WORDS)
COLUMNS = ["subject", "label", "doc", "title", "n_words", "separation"]


@dataclass
class Subject:
    """One group of documents: its label (keywords of the dossier) and its documents."""

    label: str
    docs: list[int]
    keywords: list[str] = field(default_factory=list)


@dataclass
class SubjectSplit:
    """The best grouping of the documents and whether its subjects are clearly separate.

    `separation`: between-group over within-group similarity of the best grouping (None when
    no grouping of the documents is possible: too few documents, or none but outliers)."""

    separate: bool
    separation: float | None
    subjects: list[Subject]

    def warning(self) -> str:
        """The French warning of a dossier of separate subjects; empty otherwise."""
        if not self.separate:
            return ""
        return subjects_warning([(s.label, s.docs) for s in self.subjects])


def _config() -> dict:
    return load_yaml("subjects.yaml")


def similarity_matrix(tokens: list[list[str]]) -> np.ndarray:
    """Cosine similarity of the documents' TF-IDF vectors (raw counts, smoothed idf)."""
    matrix, _ = tfidf_matrix(tokens, lambda toks: toks, sublinear_tf=False)
    return (matrix @ matrix.T).toarray()


def _mean_within(sim: np.ndarray, members: list[int]) -> float:
    block = sim[np.ix_(members, members)]
    n = len(members)
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def separation(sim: np.ndarray, groups: list[list[int]]) -> float | None:
    """The largest, over every two groups, of their mean between-document similarity over the
    mean within-document similarity of the less cohesive one (groups of one document have no
    cohesion of their own: they are measured against the others'); None without any group of
    two documents or more."""
    within = {i: _mean_within(sim, g) for i, g in enumerate(groups) if len(g) >= 2}
    if not within:
        return None
    worst = 0.0
    for a, b in itertools.combinations(range(len(groups)), 2):
        between = float(sim[np.ix_(groups[a], groups[b])].mean())
        cohesion = min(within.get(a, np.inf), within.get(b, np.inf))
        if cohesion == np.inf:
            cohesion = min(within.values())
        worst = max(worst, between / cohesion if cohesion > 0 else np.inf)
    return worst


def _nearest_group(sim: np.ndarray, doc: int, groups: list[list[int]]) -> int:
    """The group that holds the document most similar to `doc` (itself left out)."""
    best, best_sim = 0, -1.0
    for i, group in enumerate(groups):
        others = [d for d in group if d != doc]
        if others and (value := float(sim[doc, others].max())) > best_sim:
            best, best_sim = i, value
    return best


def settle(sim: np.ndarray, groups: list[list[int]], cfg: dict) -> list[list[int]] | None:
    """Move every document to the group of its nearest document until none moves (a document
    on the fringe of its subject, that average linkage left with another group, goes back to
    its nearest neighbours); None when a group then falls below the size of a subject."""
    groups = [list(g) for g in groups]
    for _ in range(len(sim)):
        moves = [(doc, i, _nearest_group(sim, doc, groups))
                 for i, group in enumerate(groups) for doc in group]
        moves = [(doc, i, j) for doc, i, j in moves if i != j]
        if not moves:
            break
        for doc, i, j in moves:
            groups[i].remove(doc)
            groups[j].append(doc)
        groups = [g for g in groups if g]
    if len(groups) < 2 or any(len(g) < cfg["min_group_documents"] for g in groups):
        return None
    return groups


def candidate_groupings(sim: np.ndarray, words: np.ndarray, cfg: dict) -> list[list[list[int]]]:
    """The groupings the clustering tree offers (indexes of documents): each cut from two
    groups to `max_cuts`, outlier documents joined to the subject of their nearest document,
    then settled (`settle`); each grouping once, groups ordered by their first document."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(sim)
    distance = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    total = float(words.sum()) or 1.0
    seen: set[tuple[tuple[int, ...], ...]] = set()
    out: list[list[list[int]]] = []
    for k in range(2, min(cfg["max_cuts"], n) + 1):
        labels = fcluster(tree, k, criterion="maxclust")
        clusters = [[int(d) for d in np.flatnonzero(labels == c)] for c in sorted(set(labels))]
        subjects = [c for c in clusters if len(c) >= cfg["min_group_documents"]
                    or words[c].sum() / total >= cfg["min_group_share"]]
        if not 2 <= len(subjects) <= cfg["max_subjects"]:
            continue
        groups = [list(g) for g in subjects]
        for doc in (d for c in clusters if c not in subjects for d in c):
            groups[_nearest_group(sim, doc, subjects)].append(doc)
        settled = settle(sim, groups, cfg)
        if settled is None:
            continue
        key = tuple(sorted(tuple(sorted(g)) for g in settled))
        if key not in seen:
            seen.add(key)
            out.append([list(g) for g in key])
    return out


def subject_labels(tokens: list[list[str]], groups: list[list[int]], top: int) -> list[list[str]]:
    """The `top` words that name each group: the content lemmas (or fixed phrases) that most
    of its documents use and the other groups hardly do — the share of the group's documents
    using the word, times the share of the word's occurrences in the group, times the log of
    its count (a word the group repeats before one it says once per document); never a word
    of measure or too general (`clustering.yaml`)."""
    totals: Counter = Counter(t for toks in tokens for t in toks)
    labels = []
    for group in groups:
        counts: Counter = Counter(t for d in group for t in tokens[d])
        spread: Counter = Counter(t for d in group for t in set(tokens[d]))
        scored = sorted(
            ((spread[t] / len(group)) * (c / totals[t]) * math.log1p(c), c, t)
            for t, c in counts.items()
            if fold(t.lower()) not in _GENERIC and (c >= 2 or len(group) == 1))
        labels.append([t for _, _, t in reversed(scored[-top:])])
    return labels


def find_subjects(sentences: pd.DataFrame, documents: pd.DataFrame,
                  doc_tokens: dict[int, list[str]] | None = None) -> SubjectSplit:
    """Whether the dossier's documents fall into clearly separate subjects, and which
    (`doc_tokens`: the documents' content lemmas when already computed, see
    `topics.keywords.document_tokens`)."""
    cfg = _config()
    doc_tokens = document_tokens(sentences) if doc_tokens is None else doc_tokens
    docs = [d for d in sorted(doc_tokens) if doc_tokens[d]]
    if len(docs) < cfg["min_documents"]:
        return SubjectSplit(False, None, [])
    tokens = [doc_tokens[d] for d in docs]
    sim = similarity_matrix(tokens)
    words = np.array([len(t) for t in tokens], dtype=float)
    scored = [(score, len(g), g) for g in candidate_groupings(sim, words, cfg)
              if (score := separation(sim, g)) is not None]
    if not scored:
        return SubjectSplit(False, None, [])
    score, _, best = min(scored, key=lambda s: (s[0], s[1]))
    labels = subject_labels(tokens, best, cfg["label_keywords"])
    subjects = [Subject(label=", ".join(kw), docs=[docs[i] for i in g], keywords=kw)
                for g, kw in zip(best, labels, strict=True)]
    return SubjectSplit(bool(score <= cfg["max_ratio"]), round(float(score), 3), subjects)


def subjects_table(split: SubjectSplit, documents: pd.DataFrame) -> pd.DataFrame:
    """The table `subjects`: one row per document of each subject when the dossier has
    separate subjects, no row otherwise (one subject: nothing to say)."""
    if not split.separate:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            COLUMNS, ["int64", "str", "int64", "str", "int64", "float64"], strict=True)})
    info = documents.set_index("doc")
    rows = [{"subject": k, "label": s.label, "doc": doc, "title": str(info.at[doc, "title"]),
             "n_words": int(info.at[doc, "n_words"]), "separation": split.separation}
            for k, s in enumerate(split.subjects, start=1) for doc in s.docs]
    return pd.DataFrame(rows, columns=COLUMNS)


def subjects_summary(split: SubjectSplit) -> str:
    """A French paragraph (Markdown) saying whether the documents fall into separate subjects,
    with the measured separation and the threshold."""
    limit = french_number(_config()["max_ratio"], 2)
    if split.separation is None:
        return ("**Un seul sujet.** Aucun groupe d'au moins deux documents ne se détache des "
                "autres par son vocabulaire.")
    ratio = french_number(split.separation, 2)
    measure = (f"la similarité entre documents de groupes différents vaut {ratio} fois celle "
               f"des documents d'un même groupe (seuil{NBSP}: {limit})")
    if not split.separate:
        groups = " et ".join(f"« {md_escape(s.label)} » (doc.{NBSP}{_docs(s.docs)})"
                             for s in split.subjects)
        return (f"**Un seul sujet.** Le regroupement le plus net des documents, {groups}, "
                f"ne les sépare pas vraiment{NBSP}: {measure}.")
    return f"**Attention.** {md_escape(split.warning())} Pour ces groupes, {measure}."


def _docs(docs: list[int]) -> str:
    return ", ".join(str(d) for d in docs)


def subjects_display(table: pd.DataFrame) -> pd.DataFrame:
    """The documents of each subject (table `subjects`), for display."""
    frame = pd.DataFrame({"Sujet": table["subject"], "Mots-clés": table["label"],
                          "Doc.": table["doc"], "Titre": table["title"],
                          "Mots": table["n_words"]})
    return display_table(frame, "Sujet")
