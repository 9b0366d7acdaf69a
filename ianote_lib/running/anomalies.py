"""The note's verdict as `ianote run` reports it: read from the table `note_checks` that
notebook 05 writes (CSV, read without pandas), one French line per failed check, and the rule
that stops a run — analyst text (an `overrides/note.yml` rewrite) that fails its verification,
unless the run accepts it (`--accepter-anomalies`)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ianote_lib.note.labels import LEVELS, ORIGINS, VERDICT_TABLE

ACCEPT_OPTION = "--accepter-anomalies"


@dataclass(frozen=True)
class Anomaly:
    level: str
    rule: str
    section: str
    sentence_id: str
    origin: str
    message: str
    text: str

    @property
    def blocking(self) -> bool:
        """An error in the analyst's own text: the run does not publish it silently."""
        return self.level == "error" and self.origin == "analyst"

    def line(self) -> str:
        """One line in French: level, where, what, and the sentence."""
        where = ", ".join(p for p in (self.section, ORIGINS.get(self.origin, self.origin)) if p)
        line = f"{LEVELS.get(self.level, self.level)} ({where}) : {self.message}"
        if self.text:
            line += f" — « {' '.join(self.text.split())} »"
        return line


def read_anomalies(processed: Path) -> list[Anomaly]:
    """The failed checks of the note written in `processed` (none when the table is absent:
    a run without notebook 05)."""
    path = Path(processed) / f"{VERDICT_TABLE}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [Anomaly(row["level"], row["rule"], row["section"], row["note_sentence_id"],
                        row["origin"], row["message"], row["text"])
                for row in csv.DictReader(handle)]


def summary_lines(anomalies: list[Anomaly]) -> list[str]:
    """What `ianote run` prints at its end: a heading line, then one line per failed check."""
    if not anomalies:
        return ["Vérification de la note : aucune anomalie."]
    errors = sum(1 for a in anomalies if a.level == "error")
    head = (f"Vérification de la note : {errors} anomalie(s), {len(anomalies) - errors} "
            "avertissement(s), marquées dans note.html, note.docx et note.odt :")
    return [head] + [f"  - {a.line()}" for a in anomalies]


def refusal(anomalies: list[Anomaly]) -> str:
    """The sentence of a run stopped by the analyst's text."""
    blocking = [a for a in anomalies if a.blocking]
    return (f"La note contient {len(blocking)} phrase(s) de l'analyste qui ne passent pas la "
            "vérification : corrigez le fichier de corrections (overrides/note.yml ou le paramètre "
            "overrides), ou relancez avec "
            f"{ACCEPT_OPTION} pour publier la note avec ses marques ; les rapports précédents "
            "sont intacts, la note refusée et ses marques sont dans reports/failed/ "
            f"({VERDICT_TABLE}.csv, note.html).")
