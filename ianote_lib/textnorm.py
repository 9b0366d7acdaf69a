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


def word_count(text: str) -> int:
    """Number of words (letters or digits runs, apostrophes and hyphens inside words)."""
    return len(re.findall(r"[\w’'-]+", text))
