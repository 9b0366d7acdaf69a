"""Coverage of a text by a grid of key ideas (tests/annotations/key_ideas.yaml), and the
thread of a note's paragraphs.

An idea is covered when, in ONE paragraph of the text, every regex of at least one of its
alternatives matches (case-insensitive, apostrophes normalised to ', whitespace collapsed).
A sentence is lone when it shares no word with the rest of its paragraph (`lone_sentences`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.note.text import split_outside_quotations

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


_CITATION = re.compile(r"\(doc\.[^)]*\)")


def lone_sentences(markdown: str, common_share: float = 0.15) -> tuple[int, int]:
    """The sentences of a note's sub-parts (the paragraphs under its `###` headings, the
    note's last paragraph, its conclusion, aside) that share no content lemma with any other
    sentence of their paragraph — a paragraph of one sentence counting as one — and all their
    sentences. The lemmas that more than `common_share` of those sentences hold (the subject
    every paragraph speaks of) tie nothing. A paragraph that keeps one thread has none; a
    collage of sentences has many."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markdown) if b.strip()]
    paragraphs: list[list[set[str]]] = []
    inside = False
    for block in blocks[:-1]:
        if block.startswith("#"):
            inside = block.startswith("### ")
        elif inside:
            paragraphs.append([set(content_lemmas(_CITATION.sub("", s)))
                               for s in split_outside_quotations(normalise(block))])
    total = sum(len(p) for p in paragraphs)
    counts = Counter(word for p in paragraphs for words in p for word in words)
    common = {w for w, n in counts.items() if n > common_share * total}
    lone = 0
    for paragraph in paragraphs:
        for k, words in enumerate(paragraph):
            others = set().union(*(w for j, w in enumerate(paragraph) if j != k))
            lone += not (words - common) & (others - common)
    return lone, total
