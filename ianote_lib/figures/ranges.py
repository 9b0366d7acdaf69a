"""Ranges: '400 à 600', 'entre 25 et 50', 'deux ou trois', '11% - 37%'."""

from __future__ import annotations

import re

from ianote_lib.figures.candidates import number_at
from ianote_lib.figures.figure import Figure, Scan
from ianote_lib.figures.lexicon import UnitSpec
from ianote_lib.figures.tokens import APOS, LETTER, SPACE, is_year
from ianote_lib.figures.unit_reading import multiplier_at, unit_at


def read_range(scan: Scan, figure: Figure, raw: str, digits: bool) -> None:
    text = scan.text
    entre = re.search(rf"(?:^|\W)(entre|de|d{APOS}){SPACE}*$",
                      scan.folded[max(0, figure.start - 8):figure.start])
    joiners = rf"{SPACE}*(?:à|-|–|—|ou){SPACE}*"
    if entre and entre.group(1) == "entre":
        joiners = rf"{SPACE}+et{SPACE}+"
    joint = re.compile(joiners, re.IGNORECASE).match(text, figure.end)
    if not joint:
        return
    second = number_at(scan, joint.end())
    if second is None:
        return
    value2, end2, raw2 = second
    if digits != bool(re.match(r"\d", raw2)) and not (digits or re.match(r"\d", raw2)):
        return
    if re.match(r"[.,/]\d|" + LETTER, text[end2:end2 + 2]) and not unit_at(scan,
            end2, False):
        return
    if is_year(raw) or is_year(raw2):
        return
    mult = multiplier_at(scan, end2)
    if mult:
        value2 *= mult[0]
        end2 = mult[1]
        if not figure.has_multiplier:
            figure.value *= mult[0]
            figure.has_multiplier = True
    if value2 < figure.value:
        return
    figure.value_high, figure.end = value2, end2
    if entre and entre.group(1) in ("entre",):
        figure.start = figure.start - (len(scan.folded[max(0, figure.start - 8):
                                                       figure.start]) - entre.start(1))


def range_after_unit(scan: Scan, figure: Figure, spec: UnitSpec) -> None:
    """'11% - 37%': both ends carry the unit."""
    if figure.value_high is not None:
        return
    joint = re.compile(rf"{SPACE}*(?:-|–|—|à){SPACE}*").match(scan.text, figure.end)
    if not joint:
        return
    second = number_at(scan, joint.end())
    if second is None:
        return
    value2, end2, _ = second
    match = spec.rx.match(scan.text, end2)
    if match and value2 * spec.factor >= figure.value:
        figure.value_high, figure.end = value2 * spec.factor, match.end()
        scan.blocked_until = max(scan.blocked_until, match.end())
