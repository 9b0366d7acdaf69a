"""A figure being read and the scan of one text that reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ianote_lib.figures.lexicon import FigureLexicon, lexicon
from ianote_lib.fr.normalize import fold_same_length


@dataclass
class Figure:
    """One figure found in a text (offsets are in that text)."""

    start: int
    end: int
    value: float
    value_high: float | None = None
    unit: str = "count"
    per: str = ""
    counted: str = ""
    qualifier: str = ""
    category: str = "other"
    subject: str = ""
    text: str = ""
    of_noun: str = ""
    has_multiplier: bool = False
    explicit_unit: bool = False


class Scan:
    """One text being scanned: its folded copy, the lexicon, the document state (the currency
    of the last amount), the figures found so far and the offset before which nothing is read
    again."""

    def __init__(self, text: str, kind: str = "sentence", state: dict | None = None) -> None:
        self.text = text
        self.folded = fold_same_length(text)
        self.kind = kind
        self.state = state if state is not None else {}
        self.lex: FigureLexicon = lexicon()
        self.figures: list[Figure] = []
        self.blocked_until = 0
        self.carbon = bool(self.lex.contexts["carbon"].search(text))
        self.money = bool(self.lex.contexts["money"].search(text))
        self.runs: list[tuple[int, int, float]] = []


def is_unit_reference(text: str, value: float) -> bool:
    """A unit of reference written with the indefinite article (« produire un mètre cube
    demande 0,5 kWh », « un litre d'eau »): a figure of the sentence, but no quantity the
    dossier reports (charts and cross-document checks leave it out)."""
    return value == 1 and bool(re.match(r"(?i)une?\b", str(text)))
