"""Read a dossier file (PDF or extracted text) into lines with page information."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ianote_lib.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}


@dataclass
class RawDossier:
    """The dossier as lines of text.

    `page_starts` holds the indexes of lines known to start a page (from a PDF's pages or
    form feeds); when `pages_known` is false the segmenter infers pages from the layout cues
    that a PDF extractor leaves in plain text.
    """

    path: Path
    kind: str
    lines: list[str]
    page_starts: list[int] = field(default_factory=list)
    pages_known: bool = False


def empty_file_error(path: Path) -> InputError:
    return InputError(f"Le fichier « {path} » est vide : donnez le PDF ou le texte du dossier.")


def check_path(path: Path) -> None:
    """Cheap checks of a dossier's path (existence, kind, size), before any reading."""
    if not path.exists():
        raise InputError(f"Le dossier « {path} » est introuvable : vérifiez le chemin donné.")
    if path.is_dir():
        return  # a folder of documents: its files are checked as they are read
    if path.stat().st_size == 0:
        raise empty_file_error(path)


def read_dossier(path: str | Path) -> RawDossier:
    """Read a PDF or a UTF-8 / Windows-1252 text file; raise InputError on bad input."""
    path = Path(path)
    check_path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path}: a folder dossier is read by reading.folder.read_folder")
    data = path.read_bytes()
    if not data.strip():
        raise empty_file_error(path)
    if data.lstrip()[:5] == b"%PDF-":
        pages = read_pdf_pages(path)
        return _from_pages(path, "pdf", pages)
    text = decode_text(data, path)
    if "\f" in text:
        return _from_pages(path, "text", text.split("\f"))
    return RawDossier(path=path, kind="text", lines=text.splitlines())


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252; reject binary content."""
    if b"\x00" in data[:4096]:
        raise InputError(
            f"Le fichier « {path} » n'est ni un PDF ni un texte : donnez le PDF du dossier "
            "ou son texte extrait (UTF-8)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(text) // 100) or text.count("\ufffd") > len(text) // 50:
        raise InputError(
            f"Le fichier « {path} » n'est ni un PDF ni un texte lisible : donnez le PDF du "
            "dossier ou son texte extrait (UTF-8)."
        )
    if not text.strip():
        raise empty_file_error(path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_pdf_pages(path: Path) -> list[str]:
    """Text of each page of a PDF, in pdfminer.six's layout order."""
    # pdfminer: imported only when a PDF is read (start-up of the runner and of text dossiers)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFTextExtractionNotAllowed
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages: list[str] = []
    try:
        for layout in extract_pages(str(path), laparams=LAParams()):
            parts = [el.get_text() for el in layout if isinstance(el, LTTextContainer)]
            pages.append("".join(parts))
    except (PDFPasswordIncorrect, PDFEncryptionError, PDFTextExtractionNotAllowed) as exc:
        raise InputError(
            f"Le PDF « {path} » est chiffré ou protégé : fournissez une version sans mot de passe."
        ) from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(
            f"Le PDF « {path} » est illisible (fichier corrompu ou tronqué) : "
            "exportez-le de nouveau ou donnez son texte extrait."
        ) from exc
    except Exception as exc:  # pdfminer raises many internal errors on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise InputError(
                f"Le PDF « {path} » est chiffré : fournissez une version sans mot de passe."
            ) from exc
        raise InputError(
            f"Le PDF « {path} » est illisible ({type(exc).__name__}) : "
            "exportez-le de nouveau ou donnez son texte extrait."
        ) from exc
    if not pages:
        raise InputError(f"Le PDF « {path} » ne contient aucune page : vérifiez le fichier.")
    if not any(page.strip() for page in pages):
        raise InputError(
            f"Le PDF « {path} » n'a pas de couche texte (document numérisé) : "
            "passez-le d'abord dans un logiciel d'OCR."
        )
    return pages


def read_pdf_metadata(path: Path) -> tuple[str, str]:
    """The PDF's own title and author ('' when absent or unreadable)."""
    # pdfminer: imported only when a PDF is read (start-up)
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text as decode_pdf_text

    values = []
    try:
        with path.open("rb") as handle:
            info = PDFDocument(PDFParser(handle)).info
            meta = resolve1(info[0]) if info else {}
            for key in ("Title", "Author"):
                value = resolve1(meta.get(key, b""))
                values.append(decode_pdf_text(value) if isinstance(value, bytes) else str(value))
    except Exception:  # metadata is optional: a damaged info dictionary is not an error
        return "", ""
    return values[0].strip("\x00 "), values[1].strip("\x00 ")


def _from_pages(path: Path, kind: str, pages: list[str]) -> RawDossier:
    lines: list[str] = []
    starts: list[int] = []
    for page in pages:
        starts.append(len(lines))
        lines.extend(page.splitlines() or [""])
    return RawDossier(path=path, kind=kind, lines=lines, page_starts=starts, pages_known=True)
