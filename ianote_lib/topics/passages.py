"""Ask the dossier: the passages that answer a question, grouped by document, with their
citations, pages and figures — the analyst's way to check a point before writing it.

Passages are the dossier's quotable sentences (never titles, headings or page furniture),
ranked by BM25 over content lemmas (`fr.lemmas.content_lemmas`, the same lemmas as the note's
selection). A sentence answers when it scores at least `RELATIVE_FLOOR` of the best passage's
score (a rare word of the question weighs more than two common ones).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pandas as pd

from ianote_lib.figures.extraction import extract_figures
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import NBSP
from ianote_lib.reading.dossier import load_dossier

PASSAGE_COLUMNS = ["rank", "doc", "title", "page", "sentence_id", "text", "score", "matched",
                   "figures", "citation"]
_K1, _B = 1.2, 0.75
RELATIVE_FLOOR = 0.4


def _bm25(query: list[str], docs: list[list[str]]) -> list[tuple[float, int]]:
    """(BM25 score, number of query terms present) of each tokenised passage."""
    n = len(docs)
    average = sum(map(len, docs)) / n if n else 0.0
    frequency = Counter(term for doc in docs for term in set(doc))
    idf = {t: math.log(1 + (n - frequency[t] + 0.5) / (frequency[t] + 0.5)) for t in query}
    scores = []
    for doc in docs:
        counts = Counter(doc)
        norm = _K1 * (1 - _B + _B * len(doc) / average) if average else _K1
        score = sum(idf[t] * counts[t] * (_K1 + 1) / (counts[t] + norm)
                    for t in query if counts[t])
        scores.append((score, sum(1 for t in query if counts[t])))
    return scores


def _figures_of(figures: pd.DataFrame | None) -> dict[str, str]:
    """Sentence id → its figures as printed, joined by « ; »."""
    if figures is None or figures.empty:
        return {}
    return {sid: " ; ".join(dict.fromkeys(group["text"].astype(str)))
            for sid, group in figures.groupby("sentence_id", sort=False)}


def ask(question: str, sentences: pd.DataFrame, documents: pd.DataFrame,
        figures: pd.DataFrame | None = None, top: int = 12) -> pd.DataFrame:
    """The passages of the dossier that answer `question`, best first (at most `top`), with
    their document's title, page, figures and citation « (doc. 3, p. 12) »; an empty table
    (same columns) when no sentence answers."""
    query = list(dict.fromkeys(content_lemmas(question)))
    pool = sentences[sentences["quotable"].astype(bool)].reset_index(drop=True)
    if not query or pool.empty:
        return pd.DataFrame(columns=PASSAGE_COLUMNS)
    scored = _bm25(query, [content_lemmas(t) for t in pool["text"]])
    pool = pool.assign(score=[s for s, _ in scored], matched=[m for _, m in scored])
    best = max((s for s, _ in scored), default=0.0)
    pool = pool[(pool["score"] > 0) & (pool["score"] >= RELATIVE_FLOOR * best)]
    pool = pool.sort_values(["score", "doc", "sentence_id"], ascending=[False, True, True])
    pool = pool.head(top).reset_index(drop=True)
    titles = documents.set_index("doc")["title"].to_dict()
    numbers = _figures_of(figures)
    return pd.DataFrame({
        "rank": range(1, len(pool) + 1),
        "doc": pool["doc"].astype(int),
        "title": [titles.get(d, "") for d in pool["doc"]],
        "page": pool["page"],
        "sentence_id": pool["sentence_id"],
        "text": pool["text"],
        "score": pool["score"].round(3),
        "matched": pool["matched"],
        "figures": [numbers.get(s, "") for s in pool["sentence_id"]],
        "citation": [f"(doc.{NBSP}{d}, p.{NBSP}{p})" for d, p in zip(pool["doc"], pool["page"],
                                                                      strict=True)],
    }, columns=PASSAGE_COLUMNS)


def passages_text(passages: pd.DataFrame, question: str) -> str:
    """The passages as plain French text for a terminal, grouped by document in the order of
    their best passage."""
    if passages.empty:
        return (f"Aucun passage du dossier ne répond à « {question} » : reformulez avec les "
                "mots des documents.")
    lines = [f"« {question} » — {len(passages)} passage(s) dans "
             f"{passages['doc'].nunique()} document(s)"]
    for doc, group in passages.groupby("doc", sort=False):
        lines += ["", f"Doc.{NBSP}{doc} — {group['title'].iloc[0]}"]
        for row in group.itertuples():
            lines.append(f"  p.{NBSP}{row.page} · {row.text} {row.citation}")
            if row.figures:
                lines.append(f"      chiffres{NBSP}: {row.figures}")
    return "\n".join(lines)


def ask_dossier(question: str, dossier: str | Path, top: int = 12) -> pd.DataFrame:
    """`ask` on a dossier file or folder, read afresh (its sentences, documents and figures)."""
    read = load_dossier(dossier)
    return ask(question, read.sentences, read.documents, extract_figures(read.sentences), top)
