"""Structural reading of figure text: words, digit strings and their values, years, the
word before an offset, clause bounds."""

from __future__ import annotations

import math
import re

from ianote_lib.fr.dates import MONTHS

MAX_DIGITS = 15  # longer digit strings are not read as quantities (values would be unreliable)


LETTER = r"[^\W\d_]"
WORD_RE = re.compile(rf"{LETTER}+(?:[-‑]{LETTER}+)*")
DIGITS_RE = re.compile(
    r"(?<!\d)\d+(?:(?:[ \u00a0\u202f]|\.)\d{3}(?!\d))*(?:,\d+|\.\d{1,2}(?!\d))?"
)
SPACE = r"[ \u00a0\u202f]"
APOS = "['’]"
MONTH_WORD = re.compile(
    r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE
)
CLAUSE_BREAK = re.compile(r"[;:()«»\"“”!?]|,\s|\.\s|\s[–—-]\s")




def digits_value(raw: str) -> float | None:
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    digits = digits.replace(",", ".")
    if len(re.sub(r"\D", "", digits)) > MAX_DIGITS:
        return None
    try:
        value = float(digits)
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending right before `pos` (skipping spaces) and its start, or ('', -1)."""
    match = re.search(rf"({LETTER}+|n°|\d+)[.]?{SPACE}*$", text[:pos])
    return (match.group(1), match.start(1)) if match else ("", -1)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause of `text` that holds the span start:end (cut at ; : ( ) « »,
    quotes, ! ?, a comma or full stop followed by a space, and a spaced dash)."""
    left = 0
    for match in CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    nxt = CLAUSE_BREAK.search(text, end)
    return left, (nxt.start() if nxt else len(text))
