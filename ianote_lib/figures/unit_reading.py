"""What follows a number: its multiplier ('millions', 'M€'), fraction, money symbol, unit
(`units.yaml`) or around-the-clock phrase, each read at an offset of the scanned text.
"""

from __future__ import annotations

import re

from ianote_lib.figures.figure import Scan
from ianote_lib.figures.lexicon import UnitSpec, word_value
from ianote_lib.figures.tokens import APOS, LETTER, SPACE
from ianote_lib.fr.normalize import fold_same_length


def multiplier_at(scan: Scan, pos: int) -> tuple[float, int] | None:
    for rx, factor in scan.lex.multipliers:
        match = rx.match(scan.text, pos)
        if match:
            return factor, match.end()
    return None


def aine_multiplier_at(scan: Scan, pos: int) -> tuple[float, int] | None:
    """'deux centaines de postes': an -aine word after a number multiplies it."""
    match = re.compile(rf"{SPACE}+({LETTER}+aines?)\b").match(scan.text, pos)
    if not match:
        return None
    word = fold_same_length(match.group(1))
    stem = word[:-5] if word.endswith("aines") else word[:-4]
    for attempt in (stem, stem + "e", stem.replace("z", "x")):
        value = word_value(attempt)
        if value is not None:
            return value, match.end()
    return None


def fraction_at(scan: Scan, pos: int) -> tuple[float, int] | None:
    """'deux tiers', 'trois quarts' (not 'demi', handled with its unit)."""
    match = re.compile(rf"{SPACE}+({LETTER}+)\b").match(scan.text, pos)
    if not match:
        return None
    word = fold_same_length(match.group(1))
    if word in scan.lex.fractions_after_number:
        return scan.lex.fractions[word], match.end()
    return None


def unit_at(scan: Scan, pos: int, allow_de: bool) -> tuple[UnitSpec, int] | None:
    best: tuple[UnitSpec, int] | None = None
    starts = [pos]
    if allow_de:
        de = re.compile(rf"{SPACE}*(?:de|d{APOS}){SPACE}*", re.IGNORECASE).match(
            scan.text, pos)
        if de:
            starts.append(de.end())
    for at in starts:
        for unit in scan.lex.units:
            match = unit.rx.match(scan.text, at)
            if match and (best is None or match.end() > best[1]):
                best = (unit, match.end())
    return best


def unit_of_word(scan: Scan, word: str) -> UnitSpec | None:
    for unit in scan.lex.units:
        match = unit.rx.fullmatch(word)
        if match:
            return unit
    return None


def money_symbol_at(scan: Scan, pos: int) -> tuple[UnitSpec, int] | None:
    for unit in scan.lex.money_symbols:
        match = unit.rx.match(scan.text, pos)
        if match:
            return unit, match.end()
    return None


def around_the_clock_at(scan: Scan, pos: int) -> tuple[UnitSpec, int] | None:
    for unit in scan.lex.around_the_clock:
        match = unit.rx.match(scan.text, pos)
        if match:
            return unit, match.end()
    return None


def in_context(scan: Scan, name: str) -> bool:
    return scan.carbon if name == "carbon" else bool(scan.lex.contexts[name].search(
        scan.text))
