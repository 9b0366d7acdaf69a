"""Coverage of a text by a grid of key ideas (tests/annotations/key_ideas.yaml).

An idea is covered when, in ONE paragraph of the text, every regex of at least one of its
alternatives matches (case-insensitive, apostrophes normalised to ', whitespace collapsed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


@dataclass
class Idea:
    id: str
    idea: str
    docs: list[int]
    match: list[list[str]]


def load_grid(path: str | Path) -> list[Idea]:
    """Read a key-ideas grid."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or []
    return [Idea(str(d["id"]), str(d.get("idea", "")), list(d.get("docs") or []),
                 [list(alt) for alt in d.get("match") or []]) for d in data]


def normalise(text: str) -> str:
    """Apostrophes to ', whitespace (no-break spaces included) collapsed to one space."""
    text = text.translate(_APOSTROPHES)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def markdown_paragraphs(markdown: str) -> list[str]:
    """Paragraphs of a Markdown text (blocks separated by blank lines), headings excluded,
    Markdown escapes removed."""
    out = []
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block.startswith("#") or block == "---":
            continue
        block = re.sub(r"\\([\\`*_\[\]!|~#+\-=.$])", r"\1", block)
        block = re.sub(r"<[^>]+>", "", block)
        out.append(normalise(block.replace("&lt;", "<").replace("&gt;", ">")
                             .replace("&amp;", "&")))
    return out


def idea_covered(idea: Idea, paragraphs: list[str]) -> bool:
    for para in paragraphs:
        for alternative in idea.match:
            if all(re.search(rx, para, re.IGNORECASE) for rx in alternative):
                return True
    return False


def coverage(paragraphs: list[str], grid: list[Idea]) -> dict[str, bool]:
    """Idea id → covered, for paragraphs of plain text."""
    paragraphs = [normalise(p) for p in paragraphs]
    return {idea.id: idea_covered(idea, paragraphs) for idea in grid}


def coverage_rate(paragraphs: list[str], grid: list[Idea]) -> float:
    result = coverage(paragraphs, grid)
    return sum(result.values()) / len(result) if result else 0.0
