"""The commande's axes written as titles (`as_title`): a built plan's parts and sub-parts on
the axes the commande lists are titled by them, short (`frames.yaml axis_title_words`)."""

from __future__ import annotations

import re
from typing import Any

from ianote_lib.config import load_yaml


def _conf() -> dict[str, Any]:
    return load_yaml("note", "frames.yaml")


def as_title(phrase: str) -> str:
    """An axis of the commande written as a title: first letter upper-cased, no final period,
    a long one without the clause that completes it; « tel » gone (« d'une commune issue d'un
    tel regroupement »: what the commande named before, which a title does not follow)."""
    phrase = short_axis(" ".join(str(phrase).split()).strip(" .;,"))
    phrase = re.sub(r"(?i)\b(un|une|de|d['’]|des)\s+tel(?:le)?s?\s+(?=[a-zà-ÿ])",
                    lambda m: "des " if m.group(1).lower() in ("de", "d'", "d’") else
                    f"{m.group(1)} ", phrase)
    return phrase[:1].upper() + phrase[1:]


_HOLDER = re.compile(r"(?i)\s+dont (?:dispose|disposent) (?:la|le|l['’]|les)\s?[^,;]*?"
                     r"(?=\s+(?:pour|afin)\b)")
_PURPOSE = re.compile(r"(?i)\bpermettant (?:(?:à|aux?) [^,;]+? )?d(?:e |['’])"
                      r"(?=(?:mieux |davantage )?[a-zà-ÿ]+(?:er|ir|re)\b)")


def short_axis(phrase: str) -> str:
    """A phrase of more than `frames.yaml axis_title_words` words cut before the first relative
    pronoun, participle or purpose of `axis_title_cut` that leaves `axis_title_keep` words
    (« les leviers d'action et de financement permettant d'engager… » → « les leviers d'action
    et de financement »); else without the collectivité the levers are given to, the note's
    reader (« les leviers d'action dont dispose la commune pour… », « …permettant à la
    commune de réduire et de valoriser… » → « les leviers d'action pour réduire et
    valoriser… »), and cut again; a shorter one, or one with no such clause, as it is."""
    most = int(_conf()["axis_title_words"])
    if len(phrase.split()) <= most:
        return phrase
    if cut := _cut_axis(phrase):
        return cut
    purpose = _PURPOSE.sub("pour ", _HOLDER.sub("", phrase))
    if purpose != phrase:
        phrase = re.sub(r"\b(et|ou) d(?:e |['’])(?=[a-zà-ÿ]+(?:er|ir|re)\b)", r"\1 ", purpose)
    return phrase if len(phrase.split()) <= most else _cut_axis(phrase) or phrase


def _cut_axis(phrase: str) -> str:
    """The phrase before the first clause of `axis_title_cut` that leaves `axis_title_keep`
    words, or ""."""
    conf = _conf()
    cuts = "|".join(re.escape(w).replace("'", "['’]") + ("" if w.endswith("'") else r"\b")
                    for w in conf["axis_title_cut"])
    not_after = {w.lower() for w in conf["axis_title_cut_not_after"]}
    for m in re.finditer(rf"(?i)\b(?:{cuts})", phrase):
        before = phrase[:m.start()].strip(" ,;")
        words = before.split()
        if len(words) >= int(conf["axis_title_keep"]) and words[-1].lower() not in not_after:
            return before
    return ""
