"""A folder of files as a dossier: each PDF, text or Markdown file is one document.

There is no commande and no list of documents in that case: each document's title comes from
the PDF's metadata or from the file's first line, its source, authors and date from the lines
under the title when they state them, and its pages from the PDF (or the text's form feeds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ianote_lib.errors import InputError
from ianote_lib.fr.dates import DATE_RE, parse_french_date
from ianote_lib.fr.normalize import clean_display, fold_same_length, french_typography
from ianote_lib.reading.commande import Commande
from ianote_lib.reading.readers import (
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    RawDossier,
    read_dossier,
    read_pdf_metadata,
)
from ianote_lib.reading.segmentation import (
    BodyLine,
    ListedDocument,
    Segmentation,
    is_furniture,
)

FOLDER_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES
TITLE_MAX_CHARS = 160
HEADER_MAX_CHARS = 140
HEADER_MAX_LINES = 6
_SEPARATORS = " \t-–—|,;:·•/"
_NUMERIC_DATE_RE = re.compile(r"\b[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d\b")
_ISO_DATE_RE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")
_SOURCE_RE = re.compile(r"^(?:source|publi[ée]e? (?:dans|par|sur)|paru dans)\s*:?\s*(.+)$", re.I)
_AUTHOR_RE = re.compile(r"^(?:par|auteur(?:e|s|es)?\s*:)\s+(.+)$", re.I)
_DATE_WORDS_RE = re.compile(
    r"(?:\b(?:publi[ée]e?|mise? [àa] jour|modifi[ée]e?|paru|en date)\b)?\s*(?:\b(?:le|du)\b)?\s*$",
    re.I)
_MEANINGLESS_TITLES = re.compile(
    r"^(?:untitled|sans titre|document\d*|microsoft word\b.*|.*\.(?:docx?|odt|pdf|pptx?))$", re.I)


@dataclass
class DocumentFile:
    """One file of a folder dossier, read."""

    path: Path
    raw: RawDossier
    meta_title: str = ""
    meta_author: str = ""


def natural_key(path: Path) -> list[object]:
    """Sort key putting 'doc2' before 'doc10'."""
    return [int(part) if part.isdigit() else part.lower()
            for part in re.split(r"(\d+)", path.name)]


# what a file of a folder that is not read is, and what to do for it to count, by suffix
_OFFICE = ("un document de traitement de texte", "enregistrez-le en PDF pour qu'il compte")
_SKIPPED_KINDS = {
    **dict.fromkeys((".docx", ".doc", ".odt", ".rtf", ".pages"), _OFFICE),
    **dict.fromkeys((".html", ".htm", ".mhtml", ".webarchive"), (
        "une page web", "enregistrez-la en PDF ou copiez son texte dans un fichier TXT pour "
        "qu'elle compte")),
    **dict.fromkeys((".xlsx", ".xls", ".ods", ".csv"), (
        "un tableur", "enregistrez en PDF ce qui doit compter")),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp"), (
        "une image, sans texte à lire", "donnez le document en PDF avec son texte")),
}


def skip_reason(path: Path) -> tuple[str, str] | None:
    """What a file of a folder dossier is when it is not one of its documents, and what to do
    for it to count ('' when nothing); None when it is a document."""
    if path.name.startswith("."):
        return "un fichier caché (son nom commence par un point)", ""
    if path.name.startswith("~"):
        return "un fichier temporaire de logiciel de bureautique", ""
    if path.is_dir():
        return ("un sous-dossier", "placez ses documents dans le dossier lui-même s'ils "
                "doivent compter")
    suffix = path.suffix.lower()
    if not path.is_file():
        return "ni un fichier ni un dossier", ""
    if suffix in FOLDER_SUFFIXES:
        return None
    kind = f"un fichier de type {suffix}" if suffix else "un fichier sans extension"
    return _SKIPPED_KINDS.get(suffix, (kind, "donnez-le en PDF, TXT ou MD pour qu'il compte"))


def skipped_notes(folder: Path) -> list[str]:
    """One sentence per entry of the folder that is not read as a document: what it is and
    what to do."""
    notes = []
    for path in sorted(folder.iterdir(), key=natural_key):
        if (reason := skip_reason(path)) is not None:
            what, todo = reason
            notes.append(f"« {path.name} » laissé de côté : c'est {what}"
                         + (f" ; {todo}." if todo else "."))
    return notes


def folder_files(folder: Path) -> list[Path]:
    """The dossier's files in natural name order (what is left out: `skipped_notes`)."""
    files = [p for p in folder.iterdir() if skip_reason(p) is None]
    if not files:
        raise InputError(
            f"Le dossier « {folder} » ne contient aucun fichier PDF, TXT ou MD : "
            "placez-y les documents, un fichier par document."
        )
    return sorted(files, key=natural_key)


def read_folder(folder: str | Path) -> list[DocumentFile]:
    """Read every document file of a folder; raise InputError naming a file that fails."""
    folder = Path(folder)
    documents = []
    for path in folder_files(folder):
        raw = read_dossier(path)
        title, author = read_pdf_metadata(path) if raw.kind == "pdf" else ("", "")
        if path.suffix.lower() == ".md":
            raw.lines = [markdown_line(line) for line in raw.lines]
        documents.append(DocumentFile(path=path, raw=raw, meta_title=title, meta_author=author))
    return documents


def markdown_line(line: str) -> str:
    """A Markdown line as plain text: heading marks, emphasis, links and images removed."""
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    line = re.sub(r"^(\s*)[*+]\s+", r"\1- ", line)
    line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", line)
    line = re.sub(r"`([^`]*)`", r"\1", line)
    return "" if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line) else line


def _plausible_title(text: str) -> bool:
    return 3 <= len(text) <= TITLE_MAX_CHARS and not _MEANINGLESS_TITLES.match(text) \
        and any(ch.isalpha() for ch in text)


def _title_from_name(path: Path) -> str:
    name = re.sub(r"[_]+", " ", path.stem).strip()
    name = re.sub(r"^\d+\s*[-. ]\s*", "", name) or name
    return name[:1].upper() + name[1:]


@dataclass
class Header:
    """What the first lines of a document say about it."""

    title: str
    title_lines: list[int]
    source: str = ""
    authors: str = ""
    date: str = ""


def read_header(lines: list[str], meta_title: str, meta_author: str, path: Path) -> Header:
    """Title (metadata, else first line, else file name), then source, authors and date from
    the short lines under the title."""
    content = [i for i, line in enumerate(lines) if clean_display(line) and not is_furniture(line)]
    first = clean_display(lines[content[0]]) if content else ""
    first_is_title = bool(first) and len(first) <= TITLE_MAX_CHARS and not first.endswith(".")
    if _plausible_title(clean_display(meta_title)):
        header = Header(clean_display(meta_title), [])
        if first_is_title and _same_text(first, meta_title):
            header.title_lines = [content[0]]
    elif first_is_title:
        header = Header(first, [content[0]])
    else:
        header = Header(_title_from_name(path), [])
    header.authors = clean_display(meta_author)
    start = 1 if header.title_lines else 0
    for i in content[start:start + HEADER_MAX_LINES]:
        line = clean_display(lines[i])
        if len(line) > HEADER_MAX_CHARS or (line.endswith(".") and len(line.split()) > 8):
            break                                   # the body has begun
        _read_header_line(header, line)
    if not header.date:
        # a date stated in the opening of the text ("Le 3 octobre 2023, la commune…")
        opening = " ".join(clean_display(lines[i]) for i in content[:12])
        header.date = parse_french_date(opening[:600])
    return header


def _same_text(a: str, b: str) -> bool:
    squash = [re.sub(r"\W+", "", s).lower() for s in (a, b)]
    return squash[0] == squash[1]


def _read_header_line(header: Header, line: str) -> None:
    if m := _AUTHOR_RE.match(line):
        header.authors = header.authors or m.group(1).strip(_SEPARATORS)
        return
    date = parse_french_date(line) or _numeric_date(line)
    if date and not header.date:
        header.date = date
        rest = _strip_date(line)
    else:
        rest = line if not date else ""
    if m := _SOURCE_RE.match(rest):
        rest = m.group(1)
    rest = rest.strip(_SEPARATORS)
    if rest and not header.source and len(rest.split()) <= 8:
        header.source = rest


def _numeric_date(line: str) -> str:
    """ISO form of a date written 03/10/2023, 3.10.2023 or 2023-10-03, else ''."""
    if m := _ISO_DATE_RE.search(line):
        year, month, day = m.group(0).split("-")
    elif m := _NUMERIC_DATE_RE.search(line):
        day, month, year = re.split(r"[/.]", m.group(0))
    else:
        return ""
    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return ""


def _strip_date(line: str) -> str:
    """The line without its date and the words announcing it ("publié le", "mis à jour le")."""
    folded = fold_same_length(line)
    for pattern in (DATE_RE, _NUMERIC_DATE_RE, _ISO_DATE_RE):
        if m := pattern.search(folded):
            before = _DATE_WORDS_RE.sub("", line[:m.start()])
            line = before.rstrip() + " " + line[m.end():].lstrip()
            break
    return line.strip(_SEPARATORS)


def segment_folder(files: list[DocumentFile], skipped: list[str] | None = None
                   ) -> Segmentation:
    """Documents numbered in file order; pages numbered across the dossier. `skipped`: the
    folder's files not read (`skipped_notes`), which open the warnings."""
    listed: list[ListedDocument] = []
    bodies: dict[int, list[BodyLine]] = {}
    next_page = 1
    notes: list[str] = [french_typography(note) for note in skipped or []]
    for doc, item in enumerate(files, start=1):
        raw = item.raw
        header = read_header(raw.lines, item.meta_title, item.meta_author, item.path)
        starts = raw.page_starts if raw.pages_known else [0]
        n_pages = len(starts)
        listed.append(ListedDocument(
            doc=doc, title=header.title, authors=header.authors, source=header.source,
            date=header.date, declared_pages=n_pages, raw=item.path.name,
        ))
        body = []
        page_index = 0
        for i, text in enumerate(raw.lines):
            while page_index + 1 < n_pages and i >= starts[page_index + 1]:
                page_index += 1
            if is_furniture(text):
                continue
            body.append(BodyLine(text=text, page=next_page + page_index, line_no=i + 1,
                                 is_title=i in header.title_lines))
        bodies[doc] = body
        next_page += n_pages
        if not header.date:
            notes.append(french_typography(
                f"Document {doc} ({item.path.name}) : aucune date trouvée en tête."))
    return Segmentation(commande=Commande(), listed=listed, bodies=bodies,
                        total_pages=next_page - 1, warnings=notes)
