"""Character-level normalisation of French text, for matching and for display."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def clean_display(text: str) -> str:
    """Text for display: NFC, private-use bullet glyphs mapped to '•', spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _PRIVATE_USE.sub("•", text)
    return _SPACES.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Text for matching: display-clean, straight apostrophes and quotes."""
    return clean_display(text).translate(_APOSTROPHES).translate(_QUOTES)


def fold(text: str) -> str:
    """Lower-case, accent-free form of `normalize`, for fuzzy comparisons."""
    decomposed = unicodedata.normalize("NFKD", normalize(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_char(ch: str) -> str:
    if ch in "’‘`´ʼ":
        return "'"
    kept = "".join(c for c in unicodedata.normalize("NFKD", ch.lower())
                   if not unicodedata.combining(c))
    return kept if len(kept) == 1 else (ch.lower()[:1] or ch)


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free, straight-apostrophe copy of `text` with the SAME length, so that
    offsets found in it are offsets in `text`."""
    return "".join(_fold_char(ch) for ch in text)


def word_count(text: str) -> int:
    """Number of words (letters or digits runs, apostrophes and hyphens inside words)."""
    return len(re.findall(r"[\w’'-]+", text))


NBSP = "\u00a0"
_CODE_OR_URL = re.compile(r"`[^`]*`|(?:https?://|www\.)\S+")
_BEFORE_HIGH_PUNCT = re.compile(r"(?<=[^\s(\[;:!?])[ \t\u00a0\u202f]*([;:!?])(?=\s|$|[*_)\]])")
_BEFORE_PERCENT = re.compile(r"(?<=\d)[ \t\u00a0\u202f]*%")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,400}?)"')
_OPEN_GUILLEMET = re.compile(r"«[ \t\u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \t\u00a0\u202f]*»")


def _typography_part(text: str) -> str:
    text = _STRAIGHT_QUOTES.sub(r"«\1»", text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    text = _BEFORE_PERCENT.sub(NBSP + "%", text)
    return _BEFORE_HIGH_PUNCT.sub(lambda m: NBSP + m.group(1), text)


def french_typography(text: str) -> str:
    """French typography for generated, reader-facing labels: a no-break space (U+00A0)
    before « : ; ! ? » and before « % » after a number, guillemets « » with no-break spaces
    inside (paired straight double quotes become guillemets). Inline code (`…`) and URLs are
    left as they are; words and characters are otherwise unchanged, and the function is
    idempotent (applying it twice gives the same text)."""
    if not text:
        return text
    out, last = [], 0
    for m in _CODE_OR_URL.finditer(text):
        out.append(_typography_part(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_typography_part(text[last:]))
    return "".join(out)
