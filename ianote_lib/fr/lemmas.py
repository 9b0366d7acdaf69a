"""French lemmas: simplemma behind one cached function, and the lemma tokens of a text.

Every stage that needs a lemma asks here, so that the lemmatiser is loaded once and each word
is lemmatised once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.fr.stopwords import function_words

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ0-9]+(?:-[A-Za-zÀ-ÖØ-öø-ÿœŒ0-9]+)*")
# auxiliary and modal verbs: left out of content lemmas with the function words
_LIGHT_VERBS = frozenset({"etre", "avoir", "faire", "pouvoir", "devoir", "aller"})


@lru_cache(maxsize=1 << 16)
def lemmatize(word: str) -> str:
    """simplemma's French lemma of `word`, as given (case and accents as simplemma returns);
    an empty word is its own (simplemma refuses it: « ces derniers » points back with no noun)."""
    return simplemma.lemmatize(word, lang="fr") if word else word


@lru_cache(maxsize=1 << 16)
def is_known(word: str) -> bool:
    """True when simplemma's French dictionary knows `word` (as given)."""
    return simplemma.is_known(word, lang="fr")


def lemma_tokens(text: str) -> list[str]:
    """Accent-free lemmas of the words of `text` (function words kept, for phrase matching)."""
    return list(_lemma_tokens(text))


@lru_cache(maxsize=1 << 14)
def _lemma_tokens(text: str) -> tuple[str, ...]:
    # cached: the note's steps lemmatise the same sentences several times
    return tuple(_folded_lemma(word.lower())
                 for word in _WORD.findall(normalize(text).replace("'", " ")))


@lru_cache(maxsize=1 << 16)
def _folded_lemma(low: str) -> str:
    return fold(lemmatize(low) if not low.isdigit() else low)


@lru_cache(maxsize=1)
def _folded_function_words() -> frozenset[str]:
    return frozenset({fold(w) for w in function_words()} | _LIGHT_VERBS)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of `text` (no function words, no single letters)."""
    left_out = _folded_function_words()
    return [t for t in lemma_tokens(text) if t not in left_out and len(t) > 1
            and not t.isdigit()]
