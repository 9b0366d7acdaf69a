"""The note as `reports/note.docx` and `reports/note.odt`, for the direction's office.

The text is note.md's text (same header block, parts, sub-parts and citations, rendered by the
same functions), followed by what a note that is signed and filed needs: the signature block,
« Affaire suivie par » and, as an annex, the list of the dossier's documents (number, title,
source, date). Each sentence that failed a check of the verification is highlighted and carries
a comment saying why; the checks of the whole note (word budget, documents never cited) are
comments on the first line. Styles, page size and the footer with the page numbers come from
the reference document (`reports.office`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ianote_lib.fr.dates import french_date
from ianote_lib.fr.normalize import NBSP, french_typography
from ianote_lib.note.render import Composition, body_markdown, header_markdown
from ianote_lib.note.text import upper_first
from ianote_lib.note.verdict import issue_text, note_issues, sentence_issues
from ianote_lib.note.write import Note, NoteSentence
from ianote_lib.reports.office import ANNOTATION_PREFIX, references, write_office
from ianote_lib.safe_text import md_escape

PLACEHOLDER = "[{what} à préciser{nbsp}: paramètre «{nbsp}{name}{nbsp}»]"
SIGNATURE_STYLE = "Signature"
FOLLOWED_STYLE = "Affaire suivie par"
ANNEX_STYLE = "Annexe"
ANNEX_TITLE = f"Annexe{NBSP}: références des documents du dossier"


@dataclass
class Signature:
    """Who signs the note, who follows the matter, in which service."""

    service: str
    redacteur: str
    signataire: str


def _placeholder(what: str, name: str) -> str:
    return PLACEHOLDER.format(what=what, name=name, nbsp=NBSP)


def signature_of(commande: Any, service: str | None = None, redacteur: str | None = None,
                 signataire: str | None = None) -> Signature:
    """The parameters when given, else what the commande says of the writer (their role, their
    service), else a « to be stated » mention naming the parameter."""
    def clean(value: object) -> str:
        return french_typography(" ".join(str(value or "").split()))

    role = clean(getattr(commande, "author_role", ""))
    return Signature(
        service=clean(service or getattr(commande, "service", "")),
        redacteur=clean(redacteur) or role or _placeholder("rédacteur", "redacteur"),
        signataire=clean(signataire) or upper_first(role)
        or _placeholder("signataire", "signataire"))


def apply_signature(note: Note, signature: Signature) -> None:
    """The header's service is the one of the signature (the parameter `service` wins over the
    commande's): note.md, note.html and the office files show the same."""
    note.header["service"] = signature.service


def closing_markdown(signature: Signature) -> str:
    """The signature block and « Affaire suivie par », in the styles the reference documents
    define (pandoc fenced divs; text escaped)."""
    followed = md_escape(signature.redacteur)
    if signature.service:
        followed += f", {md_escape(signature.service)}"
    return (f'::: {{custom-style="{SIGNATURE_STYLE}"}}\n{md_escape(signature.signataire)}\n'
            f':::\n\n::: {{custom-style="{FOLLOWED_STYLE}"}}\n'
            f"Affaire suivie par{NBSP}: {followed}\n:::\n")


def documents_markdown(documents: pd.DataFrame) -> str:
    """The annex: every document of the dossier with its number, title, source and date."""
    lines = [f"## {ANNEX_TITLE}", "", f'::: {{custom-style="{ANNEX_STYLE}"}}']
    for row in documents.sort_values("doc").itertuples(index=False):
        parts = [f"«{NBSP}{' '.join(str(row.title).split())}{NBSP}»"]
        for value in (getattr(row, "source", ""), french_date(getattr(row, "date", ""))):
            if value is not None and str(value).strip() and str(value) != "nan":
                parts.append(" ".join(str(value).split()))
        line = french_typography(", ".join(parts))
        lines += [f"Document {int(row.doc)}{NBSP}: " + md_escape(line) + ".", ""]
    lines.append(":::")
    return "\n".join(lines) + "\n"


class OfficeMarks:
    """The verification's marks in pandoc Markdown: a highlight (`.mark`) on each failing
    sentence and a comment saying why — a Word comment span for .docx, a bookmark that
    `reports.office.annotate_odt` turns into a Writer comment for .odt."""

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.annotations: dict[str, str] = {}

    def comment(self, text: str, markdown: str = "") -> str:
        """`markdown` with a comment saying `text` (on its whole span in Word)."""
        key = len(self.annotations) + 1
        if self.fmt == "docx":
            self.annotations[str(key)] = text
            return (f'[{md_escape(text)}]{{.comment-start id="{key}" author="ianote"}}'
                    f'{markdown}[]{{.comment-end id="{key}"}}')
        bookmark = f"{ANNOTATION_PREFIX}{key}"
        self.annotations[bookmark] = text
        return f"[]{{#{bookmark}}}{markdown}"

    def marker(self, note: Note, report: Any) -> Callable[[NoteSentence, str], str]:
        marks = sentence_issues(note, report)

        def mark(sentence: NoteSentence, markdown: str) -> str:
            issues = marks.get(sentence.id)
            if not issues:
                return markdown
            return self.comment(issue_text(issues), f"[{markdown}]{{.mark}}")

        return mark


def office_markdown(comp: Composition, fmt: str, documents: pd.DataFrame,
                    signature: Signature, citations: str = "doc") -> tuple[str, dict[str, str]]:
    """The note in pandoc Markdown for `fmt` ("docx" or "odt"), with its marks, and the ODT
    comments to put in place of the bookmarks."""
    marks = OfficeMarks(fmt)
    header = header_markdown(comp.note)
    whole = note_issues(comp.note, comp.report)
    if whole:
        header = marks.comment(issue_text(whole)) + header
    body = body_markdown(comp.note, citations, mark=marks.marker(comp.note, comp.report))
    text = (header + "\n---\n\n" + body + "\n" + closing_markdown(signature) + "\n"
            + documents_markdown(documents))
    return text, (marks.annotations if fmt == "odt" else {})


def write_office_files(comp: Composition, reports_dir: str | Path, documents: pd.DataFrame,
                       signature: Signature, citations: str = "doc",
                       modele: str | Path | None = None) -> list[Path]:
    """Write `note.docx` and `note.odt` in `reports_dir` (each atomically), styled by the
    analyst's `modele` for its own format and by the shipped templates otherwise."""
    refs = references(modele)
    written = []
    for fmt in ("docx", "odt"):
        markdown, annotations = office_markdown(comp, fmt, documents, signature, citations)
        written.append(write_office(markdown, Path(reports_dir) / f"note.{fmt}", refs[fmt],
                                    annotations))
    return written
