"""Character-level normalisation of French text, for matching and for display."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
_STRAIGHTEN = {**_APOSTROPHES, **_QUOTES}
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def clean_display(text: str) -> str:
    """Text for display: NFC, private-use bullet glyphs mapped to '•', spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _PRIVATE_USE.sub("•", text)
    return _SPACES.sub(" ", text).strip()


# (a glyph may come before the item's number: « - 7. Délégation de pouvoir : … »; a law's
# article numbers its paragraphs « III. - L'installation… », « IV.-Hormis le cas… », and the
# items of a list « 1° Le barème tarifaire… »)
# (a number and a slash numbers an item too, « 3/ La mission s'est inscrite… », not a
# fraction, « 1/3 des communes »)
_BULLET = re.compile(r"^\s*(?:[•\-–—*▪◦●]\s*(?:\d{1,2}[.)]\s+)?|\d+[.)°]|\d{1,2}/(?=\s)"
                     r"|[IVX]{1,5}\s?\.\s?[-–—])\s*")


def strip_bullet(text: str) -> str:
    """Sentence text without a leading bullet glyph or list number."""
    return _BULLET.sub("", text, count=1).strip()


def normalize(text: str) -> str:
    """Text for matching: display-clean, straight apostrophes and quotes."""
    return clean_display(text).translate(_STRAIGHTEN)


class _CharTable(dict):
    """A `str.translate` table that computes each character's replacement on first use and
    keeps it: folding a text costs one dictionary look-up per character."""

    def __init__(self, convert) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, code: int) -> str:
        value = self[code] = self._convert(chr(code))
        return value


def _strip_accents(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


# NFKD decomposes each character on its own and only reorders combining marks, which are all
# dropped here: folding character by character gives exactly the whole-string result.
_ACCENT_FREE = _CharTable(_strip_accents)


def fold(text: str) -> str:
    """Lower-case, accent-free form of `normalize`, for fuzzy comparisons."""
    lowered = normalize(text).lower()
    return lowered if lowered.isascii() else lowered.translate(_ACCENT_FREE)


def _fold_char(ch: str) -> str:
    if ch in "’‘`´ʼ":
        return "'"
    kept = _strip_accents(ch.lower())
    return kept if len(kept) == 1 else (ch.lower()[:1] or ch)


_SAME_LENGTH = _CharTable(_fold_char)


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free, straight-apostrophe copy of `text` with the SAME length, so that
    offsets found in it are offsets in `text`."""
    return text.translate(_SAME_LENGTH)


def word_count(text: str) -> int:
    """Number of words (letters or digits runs, apostrophes and hyphens inside words)."""
    return len(re.findall(r"[\w’'-]+", text))


NBSP = "\u00a0"    # no-break space: before « : ; ! ? % », inside guillemets
NNBSP = "\u202f"   # narrow no-break space: between thousands
_CODE_OR_URL = re.compile(r"`[^`]*`|(?:https?://|www\.)\S+")
_BEFORE_HIGH_PUNCT = re.compile(r"(?<=[^\s(\[;:!?])[ \t\u00a0\u202f]*([;:!?])(?=\s|$|[*_)\]])")
_BEFORE_PERCENT = re.compile(r"(?<=\d)[ \t\u00a0\u202f]*%")
# « 25 000€ », « 94M€ »: the currency sign (with its multiplier) after a number
_BEFORE_CURRENCY = re.compile(r"(?<=\d)[ \t\u00a0\u202f]*(?=(?:k|M|Md|Mds)?€)")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,400}?)"')
_OPEN_GUILLEMET = re.compile(r"«[ \t\u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \t\u00a0\u202f]*»")


def _typography_part(text: str) -> str:
    text = _STRAIGHT_QUOTES.sub(r"«\1»", text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    text = _BEFORE_PERCENT.sub(NBSP + "%", text)
    text = _BEFORE_CURRENCY.sub(NBSP, text)
    return _BEFORE_HIGH_PUNCT.sub(lambda m: NBSP + m.group(1), text)


def french_typography(text: str) -> str:
    """French typography for generated, reader-facing labels: a no-break space (U+00A0)
    before « : ; ! ? », and before « % » and « € » (« M€ ») after a number, guillemets « »
    with no-break spaces inside (paired straight double quotes become guillemets). Inline
    code (`…`) and URLs are left as they are; words and characters are otherwise unchanged,
    and the function is idempotent (applying it twice gives the same text)."""
    if not text:
        return text
    out, last = [], 0
    for m in _CODE_OR_URL.finditer(text):
        out.append(_typography_part(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_typography_part(text[last:]))
    return "".join(out)
