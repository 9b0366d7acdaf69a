"""The warning a dossier of separate subjects gets, in French: composed from the `subjects`
table (see `topics.subjects`), read here from its CSV without pandas, so that `ianote run` can
print it at its end as cheaply as the note's verdict."""

from __future__ import annotations

import csv
from pathlib import Path

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import french_typography

SUBJECTS_TABLE = "subjects"


def subjects_warning(groups: list[tuple[str, list[int]]]) -> str:
    """« Le dossier réunit deux sujets distincts : « eau, commune » (doc. 1, 2) ; … » for
    `groups` of (label, document numbers); empty for fewer than two groups."""
    if len(groups) < 2:
        return ""
    cfg = load_yaml("subjects.yaml")
    parts = [cfg["group"].format(label=label, docs=", ".join(str(d) for d in docs))
             for label, docs in groups]
    count = cfg["count_words"].get(len(groups), str(len(groups)))
    return french_typography(cfg["message"].format(count=count, groups=" ; ".join(parts)))


def read_subject_groups(processed: Path) -> list[tuple[str, list[int]]]:
    """(label, documents) of each subject of the `subjects` table written in `processed`, in
    subject order; none when the table is absent or empty (one subject)."""
    path = Path(processed) / f"{SUBJECTS_TABLE}.csv"
    if not path.is_file():
        return []
    groups: dict[int, tuple[str, list[int]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label, docs = groups.setdefault(int(row["subject"]), (row["label"], []))
            docs.append(int(row["doc"]))
    return [groups[k] for k in sorted(groups)]
