"""French dates as printed in press copy: '3 octobre 2023', '1er juin 2023', 'octobre 2023'."""

from __future__ import annotations

import re

from ianote_lib.textnorm import fold

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<day>[0-3]?\d)(?:er)?\s+)?(?P<month>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d\d)\b"
)


def parse_french_date(text: str) -> str:
    """ISO form of the first French date in `text`: YYYY-MM-DD, YYYY-MM, or '' if none."""
    match = DATE_RE.search(fold(text))
    if not match:
        return ""
    year, month = int(match["year"]), MONTHS[match["month"]]
    if match["day"] and 1 <= int(match["day"]) <= 31:
        return f"{year:04d}-{month:02d}-{int(match['day']):02d}"
    return f"{year:04d}-{month:02d}"
