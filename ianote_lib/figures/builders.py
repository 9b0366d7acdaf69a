"""One figure from each kind of candidate (see `candidates.find_candidates`)."""

from __future__ import annotations

import re

from ianote_lib.figures.completion import complete, finish
from ianote_lib.figures.counted import counted_noun
from ianote_lib.figures.exclusions import (
    excluded_digits,
    in_idiom,
    skip_year_range,
    text_before_qualifiers,
)
from ianote_lib.figures.figure import Figure, Scan
from ianote_lib.figures.lexicon import word_value
from ianote_lib.figures.tokens import APOS, LETTER, SPACE, WORD_RE, digits_value, is_year, prev_word
from ianote_lib.figures.unit_reading import (
    fraction_at,
    money_symbol_at,
    multiplier_at,
    unit_at,
    unit_of_word,
)
from ianote_lib.fr.normalize import fold_same_length


def build_digits(scan: Scan, match: re.Match) -> Figure | None:
    raw = match.group()
    if excluded_digits(scan, match):
        scan.blocked_until = max(scan.blocked_until, match.end())
        return None
    value = digits_value(raw)
    if value is None:
        scan.blocked_until = re.compile(r"[\d.,\s]*").match(scan.text, match.start()).end()
        return None
    head = scan.text[:match.start()].strip(" \"«“•-–—*\u00a0\u202f\t")
    end = match.end()
    if not head and re.match(rf"(?:[.)]|{SPACE}*[-–:]{SPACE}|{SPACE}+[A-ZÉÈÀÂÎÔ]"
                             rf"{LETTER}*[a-zéèàâêîôûç])", scan.text[end:]) and not (
            unit_at(scan, end, False) or money_symbol_at(scan, end)
            or multiplier_at(scan, end)):
        return None  # a list label: '1. Prévenir', '2 Dossier LINC'
    if is_year(raw):
        unit = unit_at(scan, match.end(), False)
        counted, _ = counted_noun(scan, match.end(), False)
        plural_noun = counted and fold_same_length(counted.split()[0]).endswith(("s", "x"))
        if not ((unit and not unit[0].time) or plural_noun):
            skip_year_range(scan, match.end())
            return None
    return complete(scan, match.start(), match.end(), value, raw, digits=True)


def build_words(scan: Scan, run: tuple[int, int, float]) -> Figure | None:
    start, end, value = run
    word = fold_same_length(scan.text[start:end])
    if word in scan.lex.non_quantity_words or in_idiom(scan, start, end):
        return None
    previous = fold_same_length(prev_word(scan.text, start)[0])
    if previous == "pour" and word in ("cent", "cents"):
        return None
    figure_words = word.replace("-", " ").split()
    multiplied = figure_words[-1] in (*scan.lex.large_number_words, "mille") \
        and len(figure_words) > 1
    return complete(scan, start, end, value, scan.text[start:end], digits=False,
                    multiplied=multiplied)


def build_one(scan: Scan, match: re.Match) -> Figure | None:
    """'un'/'une' is an article unless a multiplier or a unit follows."""
    start, end = match.start(), match.end()
    if in_idiom(scan, start, end):
        return None
    mult = multiplier_at(scan, end)
    if mult or fraction_at(scan, end):
        return complete(scan, start, end, 1.0, match.group(), digits=False)
    unit = unit_at(scan, end, False)
    if unit is None or unit[0].unit in ("other",):
        return None
    if unit[0].time and not scan.lex.duration_before.search(
            text_before_qualifiers(scan, start)):
        return None
    return complete(scan, start, end, 1.0, match.group(), digits=False)


def build_approx(scan: Scan, match: re.Match) -> Figure | None:
    """'une quarantaine de projets', 'un demi-litre', 'deux tiers', 'la moitié des'."""
    word = fold_same_length(match.group())
    start, end = match.start(), match.end()
    article = re.search(rf"(?:^|\W)(un|une|la|le|l{APOS}){SPACE}*$",
                        scan.text[max(0, start - 8):start], re.IGNORECASE)
    prev_start = (max(0, start - 8) + article.start(1)) if article else start
    prev = article
    base = word.split("-")[0]
    if base in ("demi", "demie"):
        rest = match.group()[len(base) + 1:]
        if rest:
            sub = unit_of_word(scan, rest)
            if sub is None:
                return None
            figure = Figure(prev_start, end, 0.5 * sub.factor, unit=sub.unit,
                            explicit_unit=True)
        else:
            unit = unit_at(scan, end, False)
            if unit is None:
                return None
            figure = Figure(prev_start, unit[1], 0.5 * unit[0].factor, unit=unit[0].unit,
                            explicit_unit=True)
        return finish(scan, figure)
    if word == "moitie":
        if not re.match(rf"{SPACE}+(?:de|des|du|d{APOS})", scan.text[end:end + 5],
                        re.IGNORECASE) or not prev:
            return None
        return finish(scan, Figure(prev_start, end, 50.0, unit="%", explicit_unit=True))
    # -aine words: 'une quarantaine', 'deux centaines'
    stem = word[:-5] if word.endswith("aines") else word[:-4]
    base_value = None
    for attempt in (stem, stem + "e", stem.replace("z", "x")):
        base_value = word_value(attempt)
        if base_value is not None:
            break
    if base_value is None:
        return None
    number_before = None
    for run_start, run_end, value in scan.runs:
        if not scan.text[run_end:start].strip() and run_end <= start:
            number_before = (run_start, value)
    if number_before:
        first, factor = number_before
    elif prev and fold_same_length(prev.group(1)) in ("un", "une"):
        first, factor = prev_start, 1.0
    else:
        return None  # 'des centaines de' is not a figure
    figure = Figure(first, end, base_value * factor, has_multiplier=True)
    counted, cend = counted_noun(scan, end, True)
    if counted:
        figure.counted, figure.end = counted, cend
    return finish(scan, figure)


def build_multnoun(scan: Scan, match: re.Match) -> Figure | None:
    """'le double de Google', 'soit le triple'."""
    prev = fold_same_length(prev_word(scan.text, match.start())[0])
    if prev not in ("le", "au", "du", "l"):
        return None
    after = WORD_RE.match(scan.text, re.compile(r"\s*").match(scan.text,
                                                                match.end()).end())
    if after and fold_same_length(after.group()) not in scan.lex.stopwords:
        return None
    value = scan.lex.mult_nouns[fold_same_length(match.group())]
    return finish(scan, Figure(match.start() - len(prev) - 1 if prev != "l" else
                               match.start() - 2, match.end(), value, unit="ratio",
                               explicit_unit=True))


def build_multverb(scan: Scan, match: re.Match) -> Figure | None:
    """'doubler le nombre de formations' (the verb must act on a quantity)."""
    word = fold_same_length(match.group())
    stem = next(s for s in scan.lex.mult_verbs if word.startswith(s))
    if not re.fullmatch(rf"{stem}(?:{scan.lex.mult_verb_endings})", word):
        return None
    if word in scan.lex.mult_nouns:
        return None
    window_after = scan.folded[match.end():match.end() + 60].split()[:6]
    window_before = scan.folded[max(0, match.start() - 60):match.start()].split()[-5:]
    words = {w.strip(".,;:\"'«»()") for w in window_after + window_before}
    if not words & scan.lex.quantity_nouns:
        return None
    return finish(scan, Figure(match.start(), match.end(), scan.lex.mult_verbs[stem],
                               unit="ratio", explicit_unit=True))
