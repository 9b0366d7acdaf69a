"""The note's files, all written by notebook 05 through `publish_note`: `reports/note.md`,
`reports/note.html` (with the marks of the verification: a summary box of the failed checks at
the top, each failing sentence highlighted), `reports/note.docx` and `reports/note.odt` (see
`note.office`), and the verdict table `note_checks` that `ianote run` reads. Since the notebook
writes them itself — not an export after the run — rerunning notebook 05 alone, in JupyterLab
or with papermill, refreshes every one of them; in `ianote run` they belong to the note's stage,
and an edit of the overrides reruns that stage only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ianote_lib.note.office import Signature, write_office_files
from ianote_lib.note.render import (
    Composition,
    body_markdown,
    header_markdown,
    sources_markdown,
    write_note_md,
)
from ianote_lib.note.verdict import html_marker, verification_markdown
from ianote_lib.reports.export import export_note_cells


@dataclass
class NoteText:
    """The note as notebook 05 shows it and `note.html` prints it: the box of the failed checks
    (empty when every check passes), header block, body (failing sentences marked), and the
    « Sources citées » list (empty when the note has no citations)."""

    verification: str
    header: str
    body: str
    sources: str

    def cells(self) -> list[tuple[list[str], str]]:
        """The blocks with the tags of the notebook cells that show them (see the `note`
        template)."""
        return [(["note", "note-verification"], self.verification),
                (["note", "note-header"], self.header), (["note"], self.body),
                (["note", "note-sources"], self.sources)]


def note_text(comp: Composition, citations: str = "doc") -> NoteText:
    sources = sources_markdown(comp.note, comp.sources) if citations != "none" else ""
    return NoteText(verification_markdown(comp.note, comp.report), header_markdown(comp.note),
                    body_markdown(comp.note, citations, comp.sources,
                                  html_marker(comp.note, comp.report)),
                    sources)


def publish_note(comp: Composition, reports_dir: str | Path, documents: pd.DataFrame,
                 signature: Signature, citations: str = "doc",
                 modele: str | Path | None = None) -> list[Path]:
    """Write every file of the note into `reports_dir` (each atomically) and return them."""
    reports_dir = Path(reports_dir)
    text = note_text(comp, citations)
    return [write_note_md(comp, reports_dir, citations),
            export_note_cells(text.cells(), reports_dir / "note.html"),
            *write_office_files(comp, reports_dir, documents, signature, citations, modele)]
