"""What kind of quantity a figure is, beyond its unit: a whole amount, an amount per period
(`per`: « par an »), or an amount per item (« 1 500 € par mètre carré », « 30 € par habitant »,
« 5 € le kilo », « 20 000 € chacune », « chaque commune reçoit 20 000 € »).

Two figures are two estimates of one thing only when they have the same unit AND the same kind:
a total of 40 Md€ and a cost of 1 500 € per m² are not. The cross-source checks
(`figures.checks`, `figures.breakdowns`) compare figures only within a kind. The French rules
(what a distributive « par » looks like, which words after it are no items) are in
`resources/figure_checks.yaml` (`per_item`).
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.figures.lexicon import word_value
from ianote_lib.figures.tokens import clause_bounds
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold_same_length


@cache
def _rules() -> dict:
    conf = load_yaml("figure_checks.yaml")["per_item"]
    fold = fold_same_length
    determiners = "|".join(re.escape(fold(w)) for w in conf["determiners"])
    skip = "|".join(conf["skip_after"])
    item = rf"(?!(?:{determiners})\b)([^\W\d_][\w²³]*(?:[- ](?:{conf['compound_tails']})\b)?)"
    measures = "|".join(sorted(conf["price_measures"], key=len, reverse=True))
    return {
        # after the figure: optional « HT », « en moyenne », « par an et »…, then the marker
        "after": re.compile(
            rf"^(?:\s*(?:{skip}))*\s*(?:(?:{conf['distributive']})\s*{item}"
            rf"|(?:le|la|l')\s*({measures})(?!\w)|({conf['each']})(?!\w))"),
        # before the figure, in its clause: « le coût par élève est de », « chaque habitant… »
        "before": re.compile(rf"(?:^|[^\w])(?:{conf['distributive_before']})\s+{item}"),
        "not_items": {fold(w) for w in conf["not_items"]},
        "aliases": {fold(k): v for k, v in conf["aliases"].items()},
        "before_words": int(conf["before_words"]),
    }


def _item_key(word: str) -> str:
    """'mètres carrés', 'm²', 'm2' -> 'metre carre'; 'habitants' -> 'habitant'; '' when the
    word is no item ('par rapport', 'par exemple', 'par an', 'par deux')."""
    rules = _rules()
    word = re.sub(r"\s+", " ", fold_same_length(word).strip(" -"))
    if word in rules["aliases"]:
        return rules["aliases"][word]
    head, _, tail = word.partition(" ")
    if not head or head in rules["not_items"]:
        return ""
    if word_value(head) is not None:  # a number word is no item (« divisé par deux »)
        return ""
    lemma = fold_same_length(lemmatize(head))
    tail = re.sub(r"s$", "", tail)
    return f"{lemma} {tail}".strip()


def per_item(sentence: str, start: int, end: int) -> str:
    """The item the figure `sentence[start:end]` is counted per, normalised ('metre carre',
    'habitant', 'kilogramme', 'chacun'), or '' for a whole amount."""
    rules = _rules()
    left, right = clause_bounds(sentence, start, end)
    folded = fold_same_length(sentence)
    after = rules["after"].match(folded[end:right])
    if after:
        word = next(g for g in after.groups() if g)
        key = _item_key(word)
        if key:
            return key
    before = folded[left:start]
    words = before.split()
    window = " ".join(words[-rules["before_words"]:]) if words else ""
    for match in reversed(list(rules["before"].finditer(window))):
        key = _item_key(match.group(1))
        if key:
            return key
    return ""


def quantity_kinds(figures: pd.DataFrame, text_of: dict[str, str]) -> list[tuple[str, str, str]]:
    """(unit, per, item) of each figure, in the order of `figures`: figures of different kinds
    are never two estimates of one thing."""
    kinds = []
    for fig in figures.itertuples(index=False):
        sentence = text_of.get(fig.sentence_id, "")
        item = per_item(sentence, int(fig.start), int(fig.end)) if sentence else ""
        kinds.append((str(fig.unit), str(fig.per or ""), item))
    return kinds
