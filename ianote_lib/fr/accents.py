"""Accents a document lost on a word's first letter (« l'Etat », « L'equipe », « Ecoles »)."""

from __future__ import annotations

import re

from ianote_lib.fr.lemmas import is_known

_UNACCENTED_E = re.compile(r"(?<![\w-])([Ee])([bcdfghjklmnpqrstvwxz][a-zà-ÿ]{2,})\b")


def restore_accents(text: str) -> str:
    """Each word opening on an « e » that French writes « é » given back its accent: when the
    lexicon knows the word only accented (« equipe », « Ecoles »), and « Etat », which it knows
    either way, as the State. Names (« Evry ») and words known as written stay. A sentence that
    opens on a capital « A » and a word opens on « À » (« A partir de ce lundi… », « A Lille,
    … »: no sentence opens on the verb)."""
    return _UNACCENTED_E.sub(_accented, re.sub(r"^A (?=\w)", "À ", text))


def _accented(m: re.Match[str]) -> str:
    head, rest = m.group(1), m.group(2)
    word = (head + rest).lower()
    if word in ("etat", "etats") or (not is_known(word) and is_known("é" + rest.lower())):
        return ("É" if head.isupper() else "é") + rest
    return m.group(0)
