"""Two sentences of the note written as one, as a writer links them: a sentence and the one
quoted with it for its context (« A ; toutefois, b », « A ; elle b »), and two neighbouring
sentences that open on the same subject (« La formation des agents devient nécessaire… ; elle
ne se résume pas… »). Each joined sentence keeps every word of both, and their citations."""

from __future__ import annotations

import re
from typing import Any

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import word_count
from ianote_lib.note.text import contrast_words, french_typography, lower_first

MAX_JOINED_WORDS = 55

_TAKEN_UP = re.compile(r"^(?:Il|Elle|Ils|Elles) ")


def joined_pair(first: str, second: str) -> str | None:
    """A sentence and the one quoted with it for its context as one sentence, as a writer
    links them: « A ; toutefois, b » when the second opens on a contrast (« A, mais b »), « A ;
    elle b » when it opens on a subject pronoun. None when they stay two: another opening, a
    semicolon or a quotation already in the first, or more than `MAX_JOINED_WORDS` words."""
    if (not first.endswith(".") or first.endswith("etc.") or ";" in first or "«" in first
            or word_count(first) + word_count(second) > MAX_JOINED_WORDS):
        return None
    opening = re.sub(r"^et ", "", " ".join(second.split()[:4]).lower())
    if not (contrast_words().match(opening) or _TAKEN_UP.match(second)):
        return None
    link = ", " if opening.startswith("mais ") else " ; "
    return french_typography(f"{first[:-1].rstrip()}{link}{lower_first(second)}")


def same_subject_joined(a: Any, b: Any, text_a: str, text_b: str) -> str | None:
    """The two sentences joined on their shared subject, or None when they do not share it."""
    (subject_a, _), (subject_b, pronoun) = getattr(a, "subject", ("", "")), getattr(
        b, "subject", ("", ""))
    if not (subject_a and subject_b and pronoun) or not text_a.endswith("."):
        return None
    # the same head, and no word the pronoun would lose (« la formation des agents par blocs »)
    words = [content_lemmas(x) for x in (subject_a, subject_b)]
    if not words[0] or words[0][:1] != words[1][:1] or not set(words[1]) <= set(words[0]):
        return None
    same = [x.replace("’", "'").lower() for x in (text_b[:len(subject_b)], subject_b)]
    if same[0] != same[1] or word_count(text_a) + word_count(text_b) > MAX_JOINED_WORDS:
        return None
    rest = text_b[len(subject_b):]
    if not re.match(r"\s+[a-zà-ÿ]", rest):
        return None                         # « La formation, selon… »: an aside follows
    return french_typography(f"{text_a[:-1].rstrip()} ; {pronoun} {rest.lstrip()}")
