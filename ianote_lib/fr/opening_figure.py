"""A sentence does not open on a figure (a rule of French typography). The time its verb holds
comes first when it has one (« 15 partenaires ont lancé, en janvier 2016, une préfiguration… »
→ « En janvier 2016, 15 partenaires ont lancé une préfiguration… », « …sont incinérés chaque
année » → « Chaque année, … »); else the figure moves after what it counts (« 98 % des
communes ont un score… » → « Parmi les communes, 98 % ont un score… »), and a count of things
or people is announced (« 15 partenaires ont lancé… » → « Au total, 15 partenaires ont
lancé… »). The digits stay as the document gives them. A figure the parse cannot set after its
subject (a rate « 83 kg de déchets par habitant… », a measure or an amount, « 500 millions
d'euros… », a subject that a comma breaks) is left as it is."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.fr.dates import MONTH_NAMES

_SUBJECTS = ("nsubj", "nsubj:pass")


@cache
def _conf() -> dict[str, Any]:
    conf = load_yaml("fr", "opening_figure.yaml")
    units = [u["pattern"] for u in load_yaml("units.yaml")["units"]]
    return {**conf, "unit": re.compile(rf"^(?:{'|'.join(units)})$", re.IGNORECASE)}


def without_opening_figure(doc: Any, text: str) -> str:
    """`text` (the parsed sentence `doc`, or what compression kept of it) with its opening
    figure set after what it counts, or as it is."""
    if not text[:1].isdigit():
        return text
    subject = next((t for t in doc if t.dep_ in _SUBJECTS and t.left_edge.i == 0), None)
    if subject is None:
        return text
    span = doc[0:subject.right_edge.i + 1]
    if not text.startswith(span.text) or any(t.text in ",;:()«»–—" for t in span):
        return text
    fronted = _time_first(subject, text)
    if fronted:
        return fronted
    rest, conf = text[len(span.text):], _conf()
    if subject.text in conf["share_words"]:
        return _share(subject, rest) or text
    counted = all(t.like_num or t.pos_ == "NUM" or t.lower_ in conf["multipliers"]
                  for t in doc[:subject.i])
    if (counted and subject.pos_ == "NOUN" and ("Plur" in subject.morph.get("Number")
                                                 or subject.lower_ in conf["multipliers"])
            and not any(conf["unit"].match(t.text) or t.lower_ in conf["rate_words"]
                        for t in span)):
        return f"{conf['count_lead']} {text}"
    return text


def _share(subject: Any, rest: str) -> str | None:
    """« 25 % des marchés passés… comprennent… » → « Parmi les marchés passés…, 25 %
    comprennent… »: a share of one plural whole (« des » right after the share; no « et »:
    « des collectivités et des salles privées » takes no « Parmi les »)."""
    doc = subject.doc
    whole = doc[subject.i + 1:subject.right_edge.i + 1]
    if len(whole) < 2 or whole[0].lower_ != "des" or any(t.dep_ == "cc" for t in whole):
        return None
    return f"{_conf()['share_lead']} {whole[1:].text}, {doc[0:subject.i + 1].text}{rest}"


def _time_first(subject: Any, text: str) -> str | None:
    """`text` opening on the time its verb holds after it (a modifier of the subject's verb,
    or of the infinitives that verb governs, that names a year, a month or « chaque » and a
    unit of time, and opens on a word of time: `time_leads`), that time moved out of its place
    with the commas around it; None when there is none, or when the compressed text does not
    hold it as parsed."""
    verb, conf = subject.head, _conf()
    governed = [c for c in verb.children if c.dep_ == "xcomp"]
    verbs = {verb, *governed, *(c for g in governed for c in g.children if c.dep_ == "conj")}
    for t in subject.doc:
        if t.dep_ not in ("obl:mod", "obl") or t.i < verb.i or t.head not in verbs:
            continue
        end = t.right_edge.i + 1
        # (« d'ici 2028 », whose year the parse hangs on the verb)
        end += t.lower_ == "ici" and end < len(t.doc) and t.doc[end].like_num
        span = subject.doc[t.left_edge.i:end]
        words = [w.lower_ for w in span]
        timed = any(re.fullmatch(r"(?:1[89]|20)\d\d", w) or w in MONTH_NAMES for w in words) \
            or (words[0] == "chaque" and words[-1] in conf["time_units"])
        # (not the end of a range, « …d'octobre 2019 à décembre 2020 »)
        before = t.doc[span.start - 1] if span.start else None
        if (not timed or len(span) > 6 or any(w.is_punct for w in span)
                or words[0] not in conf["time_leads"] or text.count(span.text) != 1
                or before is not None and (before.like_num or before.lower_ in MONTH_NAMES)):
            continue
        rest = text.replace(f", {span.text},", "") if f", {span.text}," in text \
            else text.replace(f" {span.text}", "")
        return f"{span.text[0].upper()}{span.text[1:]}, {rest}"
    return None
