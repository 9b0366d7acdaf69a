"""The category of a figure (`resources/figure_categories.yaml`)."""

from __future__ import annotations

import re

from ianote_lib.config import load_yaml
from ianote_lib.figures.figure import Figure
from ianote_lib.figures.lexicon import lexicon
from ianote_lib.figures.tokens import clause_bounds
from ianote_lib.fr.normalize import fold_same_length


def _has_stem(words: list[str], stems: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    for stem in stems:
        stem = fold_same_length(stem).replace("'", " ")
        if " " in stem:
            if stem in joined:
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


def _words(text: str) -> list[str]:
    """Accent-free lower-case words, elisions split off ("d'euros" -> "d", "euros")."""
    return re.findall(r"\w+(?:-\w+)*", fold_same_length(text))


def categorize(figure: Figure, sentence: str) -> str:
    """Category of a figure from its unit, counted noun, clause and sentence words."""
    cats = lexicon().categories
    by_unit = cats["by_unit"].get(figure.unit)
    clause_start, clause_end = clause_bounds(sentence, figure.start, figure.end)
    clause = _words(sentence[clause_start:clause_end])
    whole = _words(sentence)
    if by_unit == "money":
        money = cats["money"]
        for words in (clause, whole):
            if _has_stem(words, money["funding"]) and not _has_stem(words, money["cost"]):
                return "funding"
            if _has_stem(words, money["cost"]):
                return "cost"
            if _has_stem(words, money["funding"]):
                return "funding"
        return money["default"]
    if by_unit:
        return by_unit
    for category in ("co2", "water", "energy"):
        if _has_stem(clause, cats["keywords"][category]):
            return category
    noun = _words(figure.counted or figure.of_noun)
    if noun:
        for category, stems in cats["counted"].items():
            if figure.unit == "%" and category in ("usage", "performance"):
                continue  # a share of calls answered is a result, not a volume of use
            if _has_stem(noun, stems):
                return category
    for words, themes in ((clause, True), (whole, False)):
        for category in cats["keyword_order"]:
            if not themes and category in ("co2", "water", "energy"):
                continue  # a theme word elsewhere in the sentence ('cours d'eau') is too weak
            if _has_stem(words, cats["keywords"][category]):
                return category
    return "other"


def category_labels() -> dict[str, str]:
    """The French label of each figure category (`figure_categories.yaml`, `labels`)."""
    return load_yaml("figure_categories.yaml")["labels"]
