"""The common path of a number once read: ratio verb, multiplier, fraction, money symbol,
range, unit, 'fois', counted noun, then qualifier, rate, share and category.
"""

from __future__ import annotations

import re

from ianote_lib.figures.category import categorize
from ianote_lib.figures.counted import counted_noun
from ianote_lib.figures.exclusions import bare_excluded, qualifier_before, relative_date
from ianote_lib.figures.figure import Figure, Scan
from ianote_lib.figures.ranges import range_after_unit, read_range
from ianote_lib.figures.rates import rate_after, rate_before
from ianote_lib.figures.tokens import APOS, LETTER, SPACE
from ianote_lib.figures.unit_reading import (
    aine_multiplier_at,
    around_the_clock_at,
    fraction_at,
    in_context,
    money_symbol_at,
    multiplier_at,
    unit_at,
)
from ianote_lib.figures.verb_forms import is_participle
from ianote_lib.fr.normalize import fold_same_length


def complete(scan: Scan, start: int, end: int, value: float, raw: str, digits: bool,
             multiplied: bool = False) -> Figure | None:
    """The figure of a number read at start:end, with what follows it, or None if it is none
    (a relative date, a bare number that is no quantity)."""
    figure = Figure(start, end, value, has_multiplier=multiplied)
    if _after_ratio_verb(scan, figure) or _read_scale(scan, figure):
        return finish(scan, figure)
    # a range: '400 à 600', 'entre 25 et 50', 'deux ou trois', '11% - 37%'
    if not figure.explicit_unit:
        read_range(scan, figure, raw, digits)
    around = around_the_clock_at(scan, figure.end)
    if around and not figure.explicit_unit:
        figure.unit, figure.per, figure.explicit_unit = around[0].unit, around[0].per, True
        figure.end = around[1]
        return finish(scan, figure)
    if not figure.explicit_unit and not _read_unit(scan, figure, start):
        return None
    if _read_times(scan, figure):
        return finish(scan, figure)
    if not figure.explicit_unit and not _read_counted(scan, figure, raw, digits):
        return None
    return finish(scan, figure)


def _after_ratio_verb(scan: Scan, figure: Figure) -> bool:
    """'diviser par quatre', 'multiplié par 10': a ratio that starts at the verb."""
    start, text = figure.start, scan.text
    verb = re.search(rf"((?:{scan.lex.ratio_verbs}){LETTER}*){SPACE}+par{SPACE}+$",
                     text[max(0, start - 30):start], re.IGNORECASE)
    if not verb:
        return False
    figure.start = start - (len(text[max(0, start - 30):start]) - verb.start(1))
    figure.unit, figure.explicit_unit = "ratio", True
    return True


def _read_scale(scan: Scan, figure: Figure) -> bool:
    """Multiplier ('millions', 'centaines'), fraction ('deux tiers') and money symbol after
    the number; True when a fraction of something makes the figure a finished share."""
    mult = multiplier_at(scan, figure.end) or aine_multiplier_at(scan, figure.end)
    if mult:
        figure.value *= mult[0]
        figure.end = mult[1]
        figure.has_multiplier = True
    fraction = fraction_at(scan, figure.end)
    if fraction:
        figure.value *= fraction[0]
        figure.end = end = fraction[1]
        if re.match(rf"{SPACE}+(?:de|des|du|d{APOS})\b", scan.text[end:end + 5],
                    re.IGNORECASE):
            figure.value *= 100
            figure.unit, figure.explicit_unit = "%", True
            return True
    symbol = money_symbol_at(scan, figure.end)
    if symbol:
        figure.value *= symbol[0].factor
        figure.unit, figure.explicit_unit = symbol[0].unit, True
        figure.end = symbol[1]
        figure.has_multiplier = True
    return False


def _read_unit(scan: Scan, figure: Figure, start: int) -> bool:
    """The unit after the number (its scale applied, its context checked); False when the
    unit makes the number a relative date ('depuis trois ans')."""
    unit = unit_at(scan, figure.end, figure.has_multiplier)
    if not unit:
        return True
    spec, uend = unit
    chosen = spec.unit
    if spec.needs and not in_context(scan, spec.needs):
        chosen = spec.fallback
    if spec.time and relative_date(scan, start, uend):
        scan.blocked_until = uend
        return False
    factor = spec.factor if chosen == spec.unit else 1.0
    figure.value *= factor
    if figure.value_high is not None:
        figure.value_high *= factor
    figure.unit, figure.explicit_unit, figure.end = chosen, True, uend
    range_after_unit(scan, figure, spec)
    return True


def _read_times(scan: Scan, figure: Figure) -> bool:
    """'six fois plus chères' (a ratio), 'deux fois par mois' (a count of 'fois')."""
    fois = re.compile(rf"{SPACE}+fois\b(?:{SPACE}+(?:{scan.lex.times_comparatives})\b"
                      rf"(?:{SPACE}+(?:de{SPACE}+)?(?!que\b|qu)"
                      rf"{LETTER}+)?)?", re.IGNORECASE).match(scan.text, figure.end)
    if not fois or figure.explicit_unit:
        return False
    if scan.lex.times_ratio.search(fois.group()):
        figure.unit = "ratio"
    else:
        figure.counted = "fois"
    figure.end, figure.explicit_unit = fois.end(), True
    return True


def _read_counted(scan: Scan, figure: Figure, raw: str, digits: bool) -> bool:
    """The counted noun ('550 caméras', 'le nombre d'emplois'); without one, whether the bare
    number is kept."""
    counted, cend = counted_noun(scan, figure.end, figure.has_multiplier)
    if (counted and figure.has_multiplier and scan.money and scan.state.get("currency")
            and is_participle(counted.split(" ")[0])):
        # 'il coûte 14,5 millions d'euros, dont 4 millions apportés par…': an amount
        # whose currency is understood, not a count of 'apportés'
        counted = ""
    if counted:
        figure.counted, figure.end = counted, cend
        return True
    nombre = re.compile(rf"{SPACE}+le{SPACE}+nombre{SPACE}+(?:de|d{APOS})"
                        rf"{SPACE}*({LETTER}+)", re.IGNORECASE).match(scan.text, figure.end)
    if nombre:
        figure.counted = nombre.group(1)
        return True
    return bare_ok(scan, figure, raw, digits)


def bare_ok(scan: Scan, figure: Figure, raw: str, digits: bool) -> bool:
    """A number with neither unit nor noun: keep it, give it an inherited unit, or drop."""
    if not digits:
        if not scan.lex.bare_word_ok.search(scan.folded[max(0, figure.start - 25):
                                                        figure.start]):
            return False
    elif bare_excluded(scan, figure.start, figure.end, raw):
        return False
    # the unit of an earlier figure of the sentence: 'de 33 zettaoctets ... à 175'
    before = scan.folded[max(0, figure.start - 12):figure.start]
    if scan.figures and scan.lex.unit_inherited_after.search(before):
        last = scan.figures[-1]
        if last.unit not in ("count", "ratio") and last.explicit_unit:
            factor = 1.0
            figure.unit = last.unit
            figure.value *= factor
            return True
    if figure.has_multiplier and scan.money and scan.state.get("currency"):
        figure.unit = scan.state["currency"]
    return True


def finish(scan: Scan, figure: Figure) -> Figure:
    figure.qualifier = qualifier_before(scan, figure.start)
    limit = len(scan.text)
    if not figure.per:
        figure.per = rate_after(scan, figure.end, limit) or rate_before(scan, figure)
    if figure.unit == "%":
        of = re.compile(rf"{SPACE}*(?:des|du|de{SPACE}+la|de{SPACE}+l{APOS}|d{APOS}|"
                        rf"de){SPACE}*({LETTER}+)", re.IGNORECASE).match(
                            scan.text, figure.end)
        if of and fold_same_length(of.group(1)) not in scan.lex.stopwords:
            figure.of_noun = of.group(1)
    if figure.unit in ("EUR", "USD"):
        scan.state["currency"] = figure.unit
    figure.category = categorize(figure, scan.text)
    return figure
