"""The rate of a figure: 'par jour', 'chaque année', after it or just before a flow."""

from __future__ import annotations

import re

from ianote_lib.figures.figure import Figure, Scan
from ianote_lib.figures.tokens import clause_bounds

FLOW_UNITS = ("EUR", "USD", "m3", "L", "GWh", "MWh", "tCO2e", "gCO2e")


def rate_after(scan: Scan, pos: int, limit: int) -> str:
    window = scan.text[pos:min(limit, pos + 40)]
    cut = re.search(r"[,;:.()!?]", window)
    if cut:
        window = window[:cut.start()]
    if len(window.split()) > 4:
        window = " ".join(window.split()[:4])
    for name, rx in scan.lex.per:
        if rx.search(window):
            return name
    return ""


def rate_before(scan: Scan, figure: Figure) -> str:
    """A rate written just before a flow in its clause: 'rejettent chaque année plus de
    5 milliards de m3', 'perdent chaque année près d'un milliard de mètres cubes'. Only
    for amounts of money, water, energy or CO2 ('chaque année, 30 %…' is no rate)."""
    if figure.unit not in FLOW_UNITS:
        return ""
    left, _ = clause_bounds(scan.text, figure.start, figure.end)
    window = scan.folded[max(left, figure.start - 60):figure.start]
    matches = list(scan.lex.per_before.finditer(window))
    match = matches[-1] if matches else None
    if match is None or len(window[match.end():].split()) > 4:
        return ""
    return scan.lex.per_before_periods.get(match.group(1), scan.lex.per_before_default)
