"""Discourse adverbs removed inside a sentence the note quotes (`style.yaml inner_adverbs`).

« La loi prévoit, en effet, une sanction » points to the sentence before it in its document: the
note, which does not quote that one, drops the adverb and the pause it made. Of the two commas
around it, one stays when it closed a phrase the clause opens on (« En 2020, en effet, la
commune… » → « En 2020, la commune… »); none when it stood between a subject, its verb and its
object (« La loi, en effet, prévoit… » → « La loi prévoit… »). An adverb that opens a clause after
a semicolon or a colon stays: it links that clause to the one before it, in the sentence
(« …d'exclusion ; pourtant elles souhaitent… »), and so does a conjunction (« ainsi que »,
« dès lors que »).
"""

from __future__ import annotations

import re
from functools import cache

from ianote_lib.note.text import style


@cache
def _inner() -> re.Pattern[str]:
    adverbs = style()["inner_adverbs"]
    words = "|".join(sorted(adverbs, key=len, reverse=True))
    # (a locution before a comma that opens an aside goes too: « Par deux fois en effet, dans
    # le passé, un gouvernement… »; not a lone word, « Il en va ainsi, pour… »)
    locutions = "|".join(a for a in adverbs if " " in a and a != "de fait")
    return re.compile(rf",\s*(?:{words})\s*(?:(?P<c>,)(?!\s*qu(?:e\b|['’]))|,)"
                      rf"|(?<![;:])\s(?:{words})(?=\s)(?!\s+qu['’e])"
                      rf"|(?<![;:,])\s(?:{locutions})(?=,)", re.IGNORECASE)


def _opens_on_phrase(before: str) -> bool:
    """Whether the words before an aside, since the clause's last pause, are a phrase the
    clause opens on (a preposition or an adverb of `style.yaml pause_openers`, a figure), not
    its subject or its verb."""
    segment = re.split(r"[,;:]", before)[-1].strip().lower()
    first = re.split(r"[\s'’]", segment, maxsplit=1)[0] if segment else ""
    return bool(first) and (first[0].isdigit() or first in style()["pause_openers"])


def without_inner_adverbs(text: str) -> str:
    """`text` without its discourse adverbs and the pauses they made (a comma stays before
    or after a phrase that opens the clause: « Les élus ont, en effet, depuis 2020, renforcé… »
    → « Les élus ont, depuis 2020, renforcé… »)."""
    def pause(m: re.Match[str]) -> str:
        after = m.string[m.end():]
        kept = _opens_on_phrase(m.string[:m.start()]) or (
            "," in after and _opens_on_phrase(after.split(",", 1)[0]))
        return "," if m.group("c") and kept else ""
    return _inner().sub(pause, text)
