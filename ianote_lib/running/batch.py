"""`ianote batch`: run many dossiers, each into its own output folder, in parallel processes.

Each file (PDF, TXT, MD) or sub-folder of the batch folder is one dossier. A dossier that fails
does not stop the others: its row in the summary says why. A dossier whose documents fall into
separate subjects says how many in its row, and the batch prints the run's warning under it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ianote_lib.errors import IanoteError, InputError
from ianote_lib.fr.normalize import french_typography, word_count
from ianote_lib.reading.folder import FOLDER_SUFFIXES, natural_key
from ianote_lib.running.runner import run
from ianote_lib.tables import atomic_write, read_table

SUMMARY_NAME = "batch_summary"
SUMMARY_HEADERS = {"dossier": "Dossier", "documents": "Documents", "figures": "Chiffres",
                   "note_words": "Mots de la note", "subjects": "Sujets", "status": "Statut",
                   "seconds": "Durée (s)", "output_dir": "Sorties"}
OK = "réussi"


@dataclass
class BatchRow:
    """One dossier of a batch, once run."""

    dossier: str
    documents: int | None = None
    figures: int | None = None
    note_words: int | None = None
    subjects: int | None = None     # separate subjects of the dossier (1: one subject)
    status: str = OK
    seconds: float = 0.0
    output_dir: str = ""
    notice: str = ""                # the run's warning of separate subjects, else empty


def batch_dossiers(folder: Path) -> list[Path]:
    """The dossiers of a batch folder: its document files and its sub-folders, by name."""
    if not folder.is_dir():
        raise InputError(f"« {folder} » n'est pas un répertoire : donnez le répertoire qui "
                         "contient les dossiers (un fichier ou un sous-répertoire par dossier).")
    entries = [p for p in folder.iterdir() if not p.name.startswith((".", "~"))
               and (p.is_dir() or p.suffix.lower() in FOLDER_SUFFIXES)]
    if not entries:
        raise InputError(f"Le répertoire « {folder} » ne contient aucun dossier (PDF, TXT, MD "
                         "ou sous-répertoire de documents) : vérifiez le chemin.")
    return sorted(entries, key=natural_key)


def output_name(dossier: Path) -> str:
    """A folder name for a dossier's outputs: its file name without the suffix, made safe."""
    stem = dossier.name if dossier.is_dir() else dossier.stem
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "dossier"


def run_one(dossier: Path, output_dir: Path, parameters: dict[str, Any],
            use_cache: bool = True, accept_anomalies: bool = False) -> BatchRow:
    """Run one dossier and sum up what it produced; never raises for a bad dossier."""
    row = BatchRow(dossier=dossier.name, output_dir=str(output_dir))
    start = time.perf_counter()
    try:
        result = run(dossier=dossier, output_dir=output_dir, parameters=dict(parameters),
                     log=lambda _line: None, use_cache=use_cache,
                     accept_anomalies=accept_anomalies)
        row.documents, row.figures, row.note_words = _counts(output_dir / "data" / "processed")
        row.subjects, row.notice = result.subject_count, result.subjects
    except IanoteError as exc:
        row.status = f"échec : {french_typography(str(exc))}"
    except Exception as exc:  # one dossier's unexpected failure must not stop the batch
        row.status = f"échec inattendu ({type(exc).__name__} : {exc})"
    row.seconds = round(time.perf_counter() - start, 1)
    return row


def _counts(processed: Path) -> tuple[int | None, int | None, int | None]:
    """Documents, figures and words of the note's sentences, from the run's tables."""
    def rows(name: str) -> pd.DataFrame | None:
        try:
            return read_table(name, processed)
        except IanoteError:
            return None

    documents, figures, trace = rows("documents"), rows("figures"), rows("note_trace")
    words = int(sum(word_count(str(t)) for t in trace["text"])) if trace is not None else None
    return (None if documents is None else len(documents),
            None if figures is None else len(figures), words)


def run_batch(folder: str | Path, output_dir: str | Path, parameters: dict[str, Any] | None = None,
              jobs: int | None = None, use_cache: bool = True,
              log: Callable[[str], None] = print,
              accept_anomalies: bool = False) -> pd.DataFrame:
    """Run every dossier of `folder` into `output_dir/<name>/`, `jobs` at a time (default: as
    many as cores), and return the summary (also written as batch_summary.csv / .md)."""
    folder, out = Path(folder).resolve(), Path(output_dir).resolve()
    dossiers = batch_dossiers(folder)
    names = _unique_names(dossiers)
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(dossiers)))
    rows: list[BatchRow] = []
    with ProcessPoolExecutor(max_workers=workers,
                             initializer=_one_process_each if workers > 1 else None) as pool:
        futures = {pool.submit(run_one, d, out / names[d], dict(parameters or {}), use_cache,
                               accept_anomalies): d
                   for d in dossiers}
        for future in as_completed(futures):
            row = future.result()
            rows.append(row)
            log(f"  {row.dossier:<32} {row.seconds:6.1f} s  {row.status}")
            if row.notice:
                log(f"    {row.notice}")
    order = {d.name: k for k, d in enumerate(dossiers)}
    rows.sort(key=lambda r: order[r.dossier])
    summary = pd.DataFrame([asdict(r) for r in rows], columns=list(SUMMARY_HEADERS))
    for column in ("documents", "figures", "note_words", "subjects"):
        summary[column] = summary[column].astype("Int64")
    write_summary(summary, out)
    return summary


def _one_process_each() -> None:
    """In a batch worker: the dossiers already share the cores, so a run draws its word clouds
    in its own process rather than starting one per core."""
    os.environ["IANOTE_PROCESSES"] = "1"


def _unique_names(dossiers: list[Path]) -> dict[Path, str]:
    """Output folder names, made distinct when two dossiers share a stem (a.pdf and a.txt)."""
    names: dict[Path, str] = {}
    used: set[str] = set()
    for dossier in dossiers:
        name = base = output_name(dossier)
        k = 2
        while name in used:
            name, k = f"{base}-{k}", k + 1
        used.add(name)
        names[dossier] = name
    return names


def summary_markdown(summary: pd.DataFrame) -> str:
    """The summary as a Markdown table with French headers."""
    shown = summary.rename(columns=SUMMARY_HEADERS).drop(columns=["Sorties"])
    header = "| " + " | ".join(shown.columns) + " |"
    rule = "|" + "|".join("---" for _ in shown.columns) + "|"
    lines = [header, rule]
    for values in shown.itertuples(index=False):
        cells = ["" if pd.isna(v) else str(v).replace("|", "\\|") for v in values]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_summary(summary: pd.DataFrame, out: Path) -> None:
    atomic_write(out / f"{SUMMARY_NAME}.csv",
                 lambda tmp: summary.to_csv(tmp, index=False, encoding="utf-8"))
    text = summary_markdown(summary) + "\n"
    atomic_write(out / f"{SUMMARY_NAME}.md",
                 lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
