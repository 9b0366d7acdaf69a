"""The tokens of a sentence for its figures' subjects: words, elided words (« l' »),
punctuation, and each figure as one token (without its counted noun).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(
    r"aujourd['’]hui"
    r"|(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?= ?[^\W\d_])"
    r"|[^\W_]+(?:[-‑][^\W_]+)*"
    r"|[^\w\s]|\n", re.IGNORECASE)
QUOTES = "\"«»“”„*"
BREAK_BEFORE = set(".!?:;«\"“•–—(\n")


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # word, punct, fig
    fig: int = -1

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass
class SubjectFigure:
    start: int
    end: int
    unit: str
    counted: str
    category: str = ""


def tokenize(text: str, spans: Sequence[tuple[int, int]]) -> list[Tok]:
    toks: list[Tok] = []
    for match in TOKEN_RE.finditer(text):
        kind = "punct" if not re.match(r"[^\W_]", match.group()) else "word"
        toks.append(Tok(match.group(), match.start(), match.end(), kind))
    out: list[Tok] = []
    for index, (start, end) in enumerate(spans):
        for tok in toks:
            if tok.start < end and start < tok.end:
                tok.fig = index
    done: set[int] = set()
    for tok in toks:
        if tok.fig < 0:
            out.append(tok)
        elif tok.fig not in done:
            done.add(tok.fig)
            start, end = spans[tok.fig]
            out.append(Tok(text[start:end], start, end, "fig", tok.fig))
    return out


def span_before_noun(text: str, fig: SubjectFigure) -> tuple[int, int]:
    """The figure's span without its counted noun ('400 à 600 appels' -> '400 à 600'), so that
    the noun starts the subject's phrase."""
    if not fig.counted:
        return fig.start, fig.end
    first = re.escape(fig.counted.split()[0])
    found = list(re.finditer(rf"(?<![^\W_]){first}(?![^\W_])", text[fig.start:fig.end],
                             re.IGNORECASE))
    if not found or found[-1].start() == 0:
        return fig.start, fig.end
    return fig.start, fig.start + found[-1].start()
