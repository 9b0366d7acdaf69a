"""French stop words, from the one list in `resources/fr/stopwords.yaml`."""

from __future__ import annotations

from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import fold


def _lists() -> dict[str, list[str]]:
    return load_yaml("fr", "stopwords.yaml")


@cache
def function_words() -> frozenset[str]:
    """Grammar words as written (accented, lower case): articles, pronouns, prepositions,
    conjunctions, frequent adverbs and connectors."""
    return frozenset(str(w) for w in _lists()["function_words"])


@cache
def plain_openers() -> frozenset[str]:
    """Words that open a sentence and name nothing, which the lemmatizer does not know
    (« près »): a sentence taken into another starts on them in lower case."""
    return frozenset(str(w) for w in _lists()["plain_openers"])


@cache
def clitic_pronouns() -> frozenset[str]:
    """The pronouns and the negation a verb may have before it (« s'emporte », « ne le dit
    pas »), as the lists write them (« s ») and elided (« s' », « s’ »)."""
    words = [str(w) for w in _lists()["clitic_pronouns"]]
    return frozenset(words + [f"{w}{q}" for w in words if len(w) == 1 for q in "'’"])


@cache
def keyword_stop_words() -> frozenset[str]:
    """Every word keywords and word clouds leave out, lower case and accent-free (both forms):
    the function words (less `keyword_keep`), inflected auxiliaries, numbers and months in
    words, page furniture."""
    lists = _lists()
    kept = set(lists["keyword_keep"])
    words: set[str] = set()
    for word in (*(w for w in lists["function_words"] if w not in kept), *lists["keyword_extra"]):
        words.add(str(word).lower())
        words.add(fold(str(word)))
    return frozenset(words)
