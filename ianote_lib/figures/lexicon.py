"""The figure lexicons of `resources/units.yaml`, `figure_rules.yaml` and
`figure_categories.yaml`, compiled once, and the value of a French number word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from text_to_num import text2num

from ianote_lib.config import load_yaml
from ianote_lib.figures.tokens import APOS, SPACE
from ianote_lib.fr.normalize import fold_same_length


@dataclass(frozen=True)
class UnitSpec:
    rx: re.Pattern
    unit: str
    factor: float = 1.0
    needs: str = ""
    fallback: str = ""
    time: bool = False
    per: str = ""


@dataclass
class FigureLexicon:
    multipliers: list[tuple[re.Pattern, float]]
    money_symbols: list[UnitSpec]
    units: list[UnitSpec]
    around_the_clock: list[UnitSpec]
    per: list[tuple[str, re.Pattern]]
    contexts: dict[str, re.Pattern]
    fractions: dict[str, float]
    mult_nouns: dict[str, float]
    mult_verbs: dict[str, float]
    quantity_nouns: set[str]
    label_words: set[str]
    identifier_words: set[str]
    relative_before: re.Pattern
    relative_after: re.Pattern
    duration_before: re.Pattern
    qualifiers: list[tuple[re.Pattern, str]]
    bare_word_ok: re.Pattern
    non_quantity_words: set[str]
    idioms: list[str]
    adjectives: set[str]
    stopwords: set[str]
    per_before: re.Pattern
    per_before_periods: dict[str, str]
    per_before_default: str
    ratio_verbs: str
    times_comparatives: str
    times_ratio: re.Pattern
    unit_inherited_after: re.Pattern
    mult_verb_endings: str
    large_number_words: tuple[str, ...]
    fractions_after_number: tuple[str, ...]
    categories: dict[str, Any] = field(default_factory=dict)


def unit_spec(entry: dict, prefix: str = "") -> UnitSpec:
    flags = 0 if entry.get("case") else re.IGNORECASE
    return UnitSpec(
        rx=re.compile(rf"{SPACE}*{prefix}(?:{entry['pattern']})", flags),
        unit=entry["unit"], factor=float(entry.get("factor", 1.0)),
        needs=entry.get("needs", ""), fallback=entry.get("fallback", ""),
        time=bool(entry.get("time", False)), per=entry.get("per", ""),
    )


def phrase_alt(phrases: list[str]) -> str:
    parts = sorted((re.escape(fold_same_length(p)).replace("'", APOS) for p in phrases),
                   key=len, reverse=True)
    return "|".join(p.replace(r"\ ", r"\s+") for p in parts)


@cache
def lexicon() -> FigureLexicon:
    """Unit, rule and category lexicons, compiled once."""
    units = load_yaml("units.yaml")
    rules = load_yaml("figure_rules.yaml")
    cats = load_yaml("figure_categories.yaml")
    rel_before = phrase_alt(rules["relative_before"])
    rel_after = phrase_alt(rules["relative_after"])
    dur_before = phrase_alt([str(w) for w in rules["duration_before"]])
    return FigureLexicon(
        multipliers=[(re.compile(rf"{SPACE}*(?:{m['pattern']})", re.IGNORECASE),
                      float(m["factor"])) for m in units["multipliers"]],
        money_symbols=[unit_spec(u) for u in units["money_symbols"]],
        units=[unit_spec(u) for u in units["units"]],
        around_the_clock=[unit_spec(u) for u in units["around_the_clock"]],
        per=[(name, re.compile(pattern, re.IGNORECASE))
             for name, pattern in units["per"].items()],
        contexts={name: re.compile(pattern, re.IGNORECASE)
                  for name, pattern in units["contexts"].items()},
        fractions={fold_same_length(k): float(v) for k, v in units["fractions"].items()},
        mult_nouns={fold_same_length(k): float(v)
                    for k, v in units["multiplicative_nouns"].items()},
        mult_verbs={fold_same_length(k): float(v)
                    for k, v in units["multiplicative_verbs"].items()},
        quantity_nouns={fold_same_length(w) for w in units["quantity_nouns"]},
        label_words={fold_same_length(str(w)).rstrip(".") for w in rules["label_words"]},
        identifier_words={fold_same_length(str(w)).rstrip(".")
                          for w in rules["identifier_words"]},
        relative_before=re.compile(rf"(?:^|[^\w])(?:{rel_before})\s*$"),
        relative_after=re.compile(rf"^\s*(?:{rel_after})\b"),
        duration_before=re.compile(rf"(?:^|[^\w])(?:{dur_before})\s*$"),
        qualifiers=[(re.compile(rf"(?:^|[^\w])(?:{phrase_alt([k])})\s*$"), v)
                    for k, v in sorted(rules["qualifiers"].items(), key=lambda kv: -len(kv[0]))],
        bare_word_ok=re.compile(
            rf"(?:^|[^\w])(?:{phrase_alt(rules['bare_word_ok_before'])})\s*$"),
        non_quantity_words={fold_same_length(w) for w in rules["non_quantity_words"]},
        idioms=[fold_same_length(i) for i in rules["idioms"]],
        adjectives={fold_same_length(w) for w in rules["pre_noun_adjectives"]},
        stopwords={fold_same_length(str(w)) for w in rules["stopwords"]},
        per_before=re.compile(units["per_before"]["pattern"]),
        per_before_periods=dict(units["per_before"]["periods"]),
        per_before_default=units["per_before"]["default"],
        ratio_verbs="|".join(rules["ratio_verb_stems"]),
        times_comparatives=rules["times_comparatives"],
        times_ratio=re.compile(rules["times_ratio"], re.IGNORECASE),
        unit_inherited_after=re.compile(
            r"(?:^|\W)(?:" + "|".join(rules["unit_inherited_after"]) + r")\s*$"),
        mult_verb_endings=units["multiplicative_verb_endings"],
        large_number_words=tuple(units["large_number_words"]),
        fractions_after_number=tuple(units["fractions_after_number"]),
        categories=cats,
    )


@lru_cache(maxsize=4096)
def word_value(word: str) -> float | None:
    """Value of a French number word (text2num), None if it is not one."""
    try:
        return float(text2num(word, "fr"))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return None
