"""The embedded dossier printed as a PDF (fpdf2 + matplotlib's DejaVuSans), one PDF page per page
of the original: used by the reading tests and by the PDF benchmark.

Not imported by the library (fpdf2 is a development dependency).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from fpdf import FPDF

from ianote_lib.context import default_dossier
from ianote_lib.reading.readers import read_dossier
from ianote_lib.reading.segmentation import _is_cover_line, segment

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def dossier_pages(source: str | Path | None = None) -> list[list[str]]:
    """The lines of each page of a text dossier (the embedded one by default), pages found by
    the segmenter for the documents and by the layout cues for the front matter and cover."""
    raw = read_dossier(source or default_dossier())
    seg = segment(raw)
    page_of = {line.line_no - 1: line.page for body in seg.bodies.values() for line in body}
    first_body = min(page_of)
    pages: list[list[str]] = [[]]
    current = None
    for i, line in enumerate(raw.lines):
        page = page_of.get(i)
        starts_page = (
            (page is not None and current is not None and page != current)
            or (i < first_body and i > 0 and line.startswith(" ") and not line.startswith("  "))
            or (i > first_body and page is None and _is_cover_line(line) and current != "cover")
            or i == first_body
        )
        if starts_page and pages[-1]:
            pages.append([])
        if page is not None:
            current = page
        elif i > first_body and _is_cover_line(line):
            current = "cover"
        pages[-1].append(line.strip())
    return pages


def dossier_as_pdf(path: str | Path, source: str | Path | None = None) -> Path:
    """Write the dossier (the embedded one by default) as a PDF at `path` and return `path`."""
    path = Path(path)
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=7)
    pdf.set_auto_page_break(False)
    for lines in dossier_pages(source):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 3.6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
