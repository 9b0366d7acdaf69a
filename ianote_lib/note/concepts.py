"""Concept coverage: what the dossier says that the note does not say yet.

A concept is a content lemma or a pair of neighbouring content lemmas of a sentence
(« empreinte carbone », « haut risque », « décision humaine »). Its weight is the number of
documents of the dossier that use it: an idea several documents share is one the note must
hold (the concept-coverage model of extractive summarisation, Gillick & Favre 2009, picked
greedily). Concepts of a single document weigh nothing, and neither do those most documents
share (the dossier's subject itself: « intelligence artificielle », « collectivité »).

A sentence's gain is the weight of its concepts the note has not told yet, so that a sentence
that only repeats the subject's words (« le recours à l'IA comporte aussi des risques ») gains
little once the note has named them, and a sentence on an idea not yet told gains most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

import numpy as np

from ianote_lib.fr.lemmas import content_lemmas


def sentence_concepts(text: str) -> frozenset[str]:
    """The concepts of a sentence: its content lemmas and their neighbouring pairs."""
    words = content_lemmas(text)
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in pairwise(words))


def concept_weights(concepts: list[frozenset[str]], docs: Iterable[int], min_docs: int = 2,
                    subject_share: float = 0.6) -> dict[str, float]:
    """Each concept's weight: the number of documents that use it, if at least `min_docs`; 0
    above `subject_share` of the documents (it is the subject, not an idea)."""
    by_doc: dict[int, set[str]] = {}
    for row, doc in zip(concepts, docs, strict=True):
        by_doc.setdefault(int(doc), set()).update(row)
    df = Counter(c for row in by_doc.values() for c in row)
    ceiling = max(min_docs, subject_share * len(by_doc))
    return {c: float(n) if n <= ceiling else 0.0 for c, n in df.items() if min_docs <= n}


class Coverage:
    """The concepts the note has told, and what each sentence would add."""

    def __init__(self, texts: Iterable[str], docs: Iterable[int]):
        texts = [str(t) for t in texts]
        self.concepts = [sentence_concepts(t) for t in texts]
        # gain per word: a long sentence holds more concepts, not more ideas per line
        self._length = np.sqrt(np.array([max(len(t.split()), 8) for t in texts], dtype=float))
        self.weights = concept_weights(self.concepts, docs)
        # the words most documents share: the dossier's subject, which names no idea
        self.subject = frozenset(c for c, w in self.weights.items() if w == 0 and " " not in c)
        self.covered: set[str] = set()
        self._rows: dict[str, list[int]] = {}
        for j, row in enumerate(self.concepts):
            for c in row:
                if self.weights.get(c):
                    self._rows.setdefault(c, []).append(j)
        self._gain = np.array([self._weight(row) for row in self.concepts])

    def _weight(self, concepts: Iterable[str]) -> float:
        return float(sum(self.weights.get(c, 0.0) for c in concepts))

    def tell(self, i: int) -> None:
        """The note now says row i: its concepts are covered."""
        new = self.concepts[i] - self.covered
        self.covered |= new
        for c in new:
            for j in self._rows.get(c, ()):
                self._gain[j] -= self.weights[c]

    def new_weight(self, i: int) -> float:
        """The weight of what row i would add to the note."""
        return float(self._gain[i])

    def recount(self, told: Iterable[int]) -> None:
        """The note now says exactly the rows `told` (after a statement is undone)."""
        self.covered = set().union(*(self.concepts[i] for i in told))
        self._gain = np.array([self._weight(row - self.covered) for row in self.concepts])

    def gains(self, rows: np.ndarray) -> np.ndarray:
        """The gain of every row, scaled to the best of `rows` (indices): 1 for the sentence
        that adds the most the note has not said, 0 for one that adds nothing."""
        density = self._gain / self._length
        top = float(density[rows].max()) if len(rows) else 0.0
        return density / top if top > 0 else np.zeros(len(self._gain))
