"""Verb forms that end a counted noun: a conjugated verb ('550 postes seront créés') or a past
participle ('4 millions apportés par…'), from the endings of `figure_rules.yaml`
(`verb_endings`) and the lemma."""

from __future__ import annotations

import re
from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold_same_length


@cache
def _endings() -> dict[str, re.Pattern]:
    return {name: re.compile(pattern)
            for name, pattern in load_yaml("figure_rules.yaml")["verb_endings"].items()}


def _is_form(word: str, ending: str) -> bool:
    """`word` has the `ending` and a lemma that differs from it and ends like an infinitive."""
    folded = fold_same_length(word)
    if not _endings()[ending].search(folded):
        return False
    lemma = fold_same_length(lemmatize(word.lower()))
    return lemma != folded and _endings()["infinitive"].search(lemma) is not None


def is_verb(word: str) -> bool:
    """'entrent', 'coûtait', 'seront': a conjugated verb."""
    return _is_form(word, "finite")


def is_participle(word: str) -> bool:
    """'financées', 'reçus', 'estampillés': a past participle, not an adjective of the noun."""
    return _is_form(word, "participle")
