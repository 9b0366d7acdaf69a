"""A folder dossier made of the documents of several dossiers, as an analyst would put them
together (for the tests of separate subjects)."""

from __future__ import annotations

from pathlib import Path

from ianote_lib.reading.dossier import Dossier


def mixed_folder(folder: Path, parts: list[tuple[Dossier, list[int]]]) -> Path:
    """A folder of one text file per document (title line, blank line, paragraphs), in the
    order given."""
    folder.mkdir()
    n = 0
    for source, docs in parts:
        titles = source.documents.set_index("doc")["title"]
        paragraphs = source.paragraphs
        for doc in docs:
            n += 1
            body = paragraphs[(paragraphs["doc"] == doc) & (paragraphs["kind"] != "title")]
            (folder / f"doc{n}.txt").write_text(
                titles[doc] + "\n\n" + "\n\n".join(body["text"]) + "\n", encoding="utf-8")
    return folder
