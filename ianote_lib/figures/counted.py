"""The counted noun of a figure: '550 nouvelles caméras' -> 'caméras', 'services publics'."""

from __future__ import annotations

import re

from ianote_lib.figures.figure import Scan
from ianote_lib.figures.lexicon import word_value
from ianote_lib.figures.tokens import APOS, LETTER, MONTH_WORD, SPACE, WORD_RE
from ianote_lib.figures.verb_forms import is_participle, is_verb
from ianote_lib.fr.normalize import fold_same_length


def counted_noun(scan: Scan, pos: int, allow_de: bool) -> tuple[str, int]:
    """The counted noun right after `pos` ('550 nouvelles caméras' -> 'caméras')."""
    rx = re.compile(rf"{SPACE}*[«\"“]?{SPACE}*")
    at = rx.match(scan.text, pos).end()
    if allow_de:
        de = re.compile(rf"(?:de|d{APOS}){SPACE}*", re.IGNORECASE).match(scan.text, at)
        if de:
            at = de.end()
    words: list[str] = []
    end = pos
    for _ in range(3):
        match = WORD_RE.match(scan.text, at)
        if not match:
            break
        word = match.group()
        folded = fold_same_length(word)
        if (folded in scan.lex.stopwords or MONTH_WORD.fullmatch(folded)
                or word[0].isupper()):
            break
        if folded in scan.lex.adjectives and not words:
            at = re.compile(rf"{SPACE}*").match(scan.text, match.end()).end()
            end = match.end()
            continue
        if is_verb(word) or word_value(word.lower()) is not None:
            break
        words.append(word)
        end = match.end()
        break
    if not words:
        return "", pos
    noun = words[0]
    # a plural adjective agreeing with the noun: 'services publics', 'maisons danoises'
    nxt = re.compile(rf"{SPACE}+({LETTER}+)").match(scan.text, end)
    if nxt and noun.lower().endswith(("s", "x")):
        adj = nxt.group(1)
        folded = fold_same_length(adj)
        if (adj.islower() and folded.endswith(("s", "x")) and folded not in scan.lex.stopwords
                and not is_verb(adj) and not is_participle(adj)
                and word_value(adj) is None and len(adj) > 3):
            return f"{noun} {adj}", nxt.end()
    return noun, end
