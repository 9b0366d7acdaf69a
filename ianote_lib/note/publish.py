"""The note's files, all written by notebook 05 through `publish_note`: `reports/note.md` and
`reports/note.html` (every other format of the note joins them there). Since the notebook writes
them itself — not an export after the run — rerunning notebook 05 alone, in JupyterLab or with
papermill, refreshes every one of them; in `ianote run` they belong to the note's stage, and an
edit of the overrides reruns that stage only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ianote_lib.note.render import (
    Composition,
    body_markdown,
    header_markdown,
    sources_markdown,
    write_note_md,
)
from ianote_lib.reports.export import export_note_cells


@dataclass
class NoteText:
    """The note as notebook 05 shows it and `note.html` prints it: header block, body, and the
    « Sources citées » list (empty when the note has no citations)."""

    header: str
    body: str
    sources: str

    def cells(self) -> list[tuple[list[str], str]]:
        """The blocks with the tags of the notebook cells that show them (see the `note`
        template)."""
        return [(["note", "note-header"], self.header), (["note"], self.body),
                (["note", "note-sources"], self.sources)]


def note_text(comp: Composition, citations: str = "doc") -> NoteText:
    sources = sources_markdown(comp.note, comp.sources) if citations != "none" else ""
    return NoteText(header_markdown(comp.note), body_markdown(comp.note, citations, comp.sources),
                    sources)


def publish_note(comp: Composition, reports_dir: str | Path, citations: str = "doc") -> list[Path]:
    """Write every file of the note into `reports_dir` (each atomically) and return them."""
    reports_dir = Path(reports_dir)
    text = note_text(comp, citations)
    return [write_note_md(comp, reports_dir, citations),
            export_note_cells(text.cells(), reports_dir / "note.html")]
