"""Evaluation of the `use_cases` table against hand annotations."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.use_cases.detection import doc_list


def _alias_match(pred_aliases: Iterable[str], gold_aliases: Iterable[str]) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\s'-]+", " ", fold_same_length(s)).strip()
    preds = [norm(p) for p in pred_aliases if p]
    for g in (norm(x) for x in gold_aliases if x):
        for p in preds:
            if re.search(rf"\b{re.escape(g)}\b", p) or re.search(rf"\b{re.escape(p)}\b", g):
                return True
    return False


def row_matches(row: pd.Series | dict, case: dict) -> bool:
    """Matching rule: actor aliases match, documents overlap, and the use or the evidence
    holds one of the annotated keywords."""
    aliases = [row["actor"], *str(row.get("actor_aliases", "")).split(";")]
    if not _alias_match(aliases, [case["actor"], *case.get("aliases", [])]):
        return False
    if not set(doc_list(row["docs"])) & {int(d) for d in case["docs"]}:
        return False
    text = fold_same_length(f"{row['use']} {row['evidence']}")
    return any(fold_same_length(k) in text for k in case.get("keywords", []))


def evaluate(use_cases: pd.DataFrame, annotations: list[dict]) -> dict:
    """Recall, precision and status accuracy of `use_cases` against hand annotations, with a
    one-to-one assignment (each row can satisfy one annotated case only)."""
    rows = [r for _, r in use_cases.iterrows()]
    matches = {i: [j for j, r in enumerate(rows) if row_matches(r, case)]
               for i, case in enumerate(annotations)}
    assigned: dict[int, int] = {}  # row -> case

    def augment(case: int, seen: set[int]) -> bool:
        for j in matches[case]:
            if j in seen:
                continue
            seen.add(j)
            if j not in assigned or augment(assigned[j], seen):
                assigned[j] = case
                return True
        return False

    for case in sorted(matches, key=lambda c: len(matches[c])):
        augment(case, set())
    found = {c: j for j, c in assigned.items()}
    status_ok = [fold_same_length(rows[j]["status"]) == fold_same_length(annotations[c]["status"])
                 for c, j in found.items()]
    loose_rows = {j for js in matches.values() for j in js}
    return {
        "n_gold": len(annotations),
        "n_pred": len(rows),
        "recall": len(found) / len(annotations) if annotations else 0.0,
        "precision": len(assigned) / len(rows) if rows else 0.0,
        "precision_loose": len(loose_rows) / len(rows) if rows else 0.0,
        "status_accuracy": sum(status_ok) / len(status_ok) if status_ok else 0.0,
        "missed": [annotations[c] for c in range(len(annotations)) if c not in found],
        "false_positives": [rows[j] for j in range(len(rows)) if j not in assigned],
        "wrong_status": [(annotations[c], rows[j]) for c, j in found.items()
                         if fold_same_length(rows[j]["status"])
                         != fold_same_length(annotations[c]["status"])],
    }
