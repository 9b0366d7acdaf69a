"""Where a figure may start: digit strings, runs of French number words, 'un'/'une',
-aine words, halves, multiplicative nouns and verbs; and the number at an offset.
"""

from __future__ import annotations

import re
from typing import Any

from ianote_lib.figures.figure import Scan
from ianote_lib.figures.lexicon import word_value
from ianote_lib.figures.tokens import DIGITS_RE, LETTER, WORD_RE, digits_value
from ianote_lib.fr.normalize import NBSP, fold_same_length


def word_runs(scan: Scan) -> list[tuple[int, int, float]]:
    """Maximal runs of French number words read by text2num ('deux millions', 'vingt et
    un'); 'un'/'une' and lone multipliers are handled elsewhere."""
    words = list(WORD_RE.finditer(scan.text))
    runs: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        word = words[i].group().lower()
        if word in ("un", "une") or word_value(word) is None or word in (
                *scan.lex.large_number_words, "et"):
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            gap = scan.text[words[j].end():words[j + 1].start()]
            nxt = words[j + 1].group().lower()
            if gap not in (" ", "-", NBSP):
                break
            if nxt == "et" and j + 2 < len(words) and words[j + 2].group().lower() in (
                    "un", "une", "onze"):
                j += 2
                continue
            if nxt in ("un", "une") or word_value(nxt) is None:
                break
            j += 1
        while j >= i:
            phrase = scan.text[words[i].start():words[j].end()]
            value = word_value(phrase.lower())
            if value is not None:
                runs.append((words[i].start(), words[j].end(), value))
                break
            j -= 1
        i = max(j, i) + 1
    return runs


def find_candidates(scan: Scan) -> list[tuple[int, str, Any]]:
    found: list[tuple[int, str, Any]] = []
    for match in DIGITS_RE.finditer(scan.text):
        found.append((match.start(), "digits", match))
    for start, end, value in word_runs(scan):
        found.append((start, "words", (start, end, value)))
    for match in WORD_RE.finditer(scan.text):
        word = fold_same_length(match.group())
        if word in ("un", "une"):
            found.append((match.start(), "one", match))
        elif re.fullmatch(rf"{LETTER}+aines?", word) or word == "moitie":
            found.append((match.start(), "approx", match))
        elif word.split("-")[0] in ("demi", "demie"):
            found.append((match.start(), "approx", match))
        elif word in scan.lex.mult_nouns:
            found.append((match.start(), "multnoun", match))
        elif any(word.startswith(stem) for stem in scan.lex.mult_verbs):
            found.append((match.start(), "multverb", match))
    found.sort(key=lambda c: (c[0], c[1] != "digits"))
    return found


def number_at(scan: Scan, pos: int) -> tuple[float, int, str] | None:
    """A number (digits or words) starting at `pos`: value, end, raw."""
    match = DIGITS_RE.match(scan.text, pos)
    if match:
        value = digits_value(match.group())
        return (value, match.end(), match.group()) if value is not None else None
    word = WORD_RE.match(scan.text, pos)
    if word:
        for start, end, value in scan.runs:
            if start == pos:
                return value, end, scan.text[start:end]
    return None
