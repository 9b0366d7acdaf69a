"""Reading the note's Word and Writer files back with zipfile and ElementTree only, and note.md
as a reader sees it, so that the tests can compare their texts."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
NBSP = "\u00a0"


def _spaces(text: str) -> str:
    return re.sub(r"[ \t\n]+", " ", text).strip()


def docx_paragraphs(path: Path) -> list[str]:
    """The text of each paragraph of the document's body (comments are elsewhere)."""
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        text = _spaces("".join(el.text or "" if el.tag == W + "t" else " "
                               for el in p.iter() if el.tag in (W + "t", W + "br", W + "tab")))
        if text:
            out.append(text)
    return out


def _odt_text(el: ET.Element) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag in (TEXT + "s", TEXT + "line-break", TEXT + "tab"):
            parts.append(" ")
        elif child.tag != OFFICE + "annotation":
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def odt_paragraphs(path: Path) -> list[str]:
    """The text of each paragraph and heading of the document, comments left out."""
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag in (TEXT + "p", TEXT + "h"):
                if text := _spaces(_odt_text(child)):
                    out.append(text)
            elif child.tag != OFFICE + "annotation":
                walk(child)

    walk(root.find(f"{OFFICE}body/{OFFICE}text"))
    return out


def markdown_paragraphs(md: str) -> list[str]:
    """note.md as a reader sees it: each block's text, without Markdown marks or escapes."""
    out = []
    for block in re.split(r"\n\s*\n", md):
        block = block.strip()
        if block and block != "---":
            block = re.sub(r"\\(.)", r"\1", re.sub(r"^#+\s+", "", block).replace("**", ""))
            out.append(_spaces(html.unescape(block)))
    return out


def ianote(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ianote_lib", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
