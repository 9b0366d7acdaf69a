"""Numbers that are no figure: dates and relative dates, labels, names, pages, footnotes,
idioms, list items; and the qualifier words before a figure ('près de', 'plus de').
"""

from __future__ import annotations

import re

from ianote_lib.figures.figure import Scan
from ianote_lib.figures.tokens import LETTER, MONTH_WORD, SPACE, digits_value, is_year, prev_word
from ianote_lib.figures.unit_reading import (
    around_the_clock_at,
    money_symbol_at,
    multiplier_at,
    unit_at,
)
from ianote_lib.fr.normalize import fold_same_length


def qualifier_before(scan: Scan, start: int) -> str:
    before = scan.folded[max(0, start - 30):start]
    for rx, value in scan.lex.qualifiers:
        if rx.search(before):
            return value
    return ""


def text_before_qualifiers(scan: Scan, start: int) -> str:
    before = scan.folded[max(0, start - 40):start]
    changed = True
    while changed:
        changed = False
        for rx, _ in scan.lex.qualifiers:
            match = rx.search(before)
            if match:
                before = before[:match.start() + (1 if match.group()[:1] in " ,(" else 0)]
                changed = True
    return before


def relative_date(scan: Scan, start: int, unit_end: int) -> bool:
    before = text_before_qualifiers(scan, start)
    if scan.lex.relative_before.search(before):
        return True
    return bool(scan.lex.relative_after.match(scan.folded[unit_end:unit_end + 20]))


def in_idiom(scan: Scan, start: int, end: int) -> bool:
    for idiom in scan.lex.idioms:
        for match in re.finditer(re.escape(idiom), scan.folded):
            if match.start() <= start and end <= match.end() + 1 and (
                    match.start() == 0 or not scan.folded[match.start() - 1].isalpha()):
                return True
    return False


def excluded_digits(scan: Scan, match: re.Match) -> bool:
    text, start, end, raw = scan.text, match.start(), match.end(), match.group()
    # an identifier, whatever follows it: « la proposition de loi n° 1623 déposée… », « le
    # décret n°2019-771 du 23 juillet 2019 » (`identifier_words`)
    if fold_same_length(prev_word(text, start)[0]).rstrip(".") in scan.lex.identifier_words:
        scan.blocked_until = re.compile(r"[\d./-]*").match(text, start).end()
        return True
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    # glued to a name on the left: GPT-4, COVID-19, Noname13, mi-2019
    if re.search(rf"{LETTER}$", before) or re.search(rf"{LETTER}[-‑–]$", before):
        return True
    # malformed (1,5,3) or a fraction / page number (27/38)
    if re.match(r"[.,/]\d", after) or re.search(r"\d/$", before):
        scan.blocked_until = re.compile(r"[\d.,/]*").match(text, start).end()
        return True
    # glued to letters on the right that are no unit: 3es, 1er, 4G, 11h30
    if re.match(LETTER, after):
        glued_ok = (unit_at(scan, end, False) or money_symbol_at(scan, end)
                    or multiplier_at(scan, end) or around_the_clock_at(scan, end))
        if not glued_ok:
            return True
        if re.match(r"h\d", text[end:end + 2], re.IGNORECASE):
            return True
    # a day of a date: '14 juin', 'du 14 au 17 juin', '1er mars'
    rest = scan.folded[end:end + 40]
    if re.match(rf"(?:er)?{SPACE}+(?:(?:au|et|[-–]){SPACE}*\d{{1,2}}(?:er)?{SPACE}+)?"
                rf"{MONTH_WORD.pattern}", rest, re.IGNORECASE) and not re.match(
                    r"\s*(?:mois)", rest):
        value = digits_value(raw)
        if value is not None and value <= 31:
            return True
    # footnote marker: '(1)'
    if text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return True
    return False


def skip_year_range(scan: Scan, end: int) -> None:
    rng = re.compile(rf"{SPACE}*(?:[-–/]|à|et|au){SPACE}*(\d{{4}})(?!\d)").match(
        scan.text, end)
    scan.blocked_until = rng.end() if rng and is_year(rng.group(1)) else end


def bare_excluded(scan: Scan, start: int, end: int, raw: str) -> bool:
    """Rules for a number with neither unit nor noun: labels, names, pages, list items."""
    text = scan.text
    word, wstart = prev_word(text, start)
    folded = fold_same_length(word)
    if folded in scan.lex.label_words:
        return True
    if word and wstart >= 0 and not text[wstart + len(word):start].strip(" \u00a0\u202f"):
        is_first = not text[:wstart].strip(" \"«“•-–—*(")
        inner_cap = any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
        if inner_cap or (word[0].isupper() and not is_first):
            return True
    head = text[:start].strip(" \"«“•-–—*\u00a0\u202f\t")
    if not head and re.match(rf"(?:[.)]|{SPACE}*[-–:]{SPACE}|{SPACE}+[A-ZÉÈÀÂÎÔ])",
                             text[end:end + 3]):
        return True
    tail = text[end:].strip(" .;:,)»\"”\u00a0\u202f")
    if not tail and word and folded not in scan.lex.stopwords and scan.kind != "sentence":
        return True
    if not tail and word and word[0].islower() and folded not in scan.lex.stopwords \
            and folded not in ("nombre",):
        return True
    return False
