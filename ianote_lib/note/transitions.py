"""The sentence that ends the first part of a plan built on the commande's axes and leads to the
second (`axes_transition`): the logic that links what the two parts do (a diagnosis, then the
obligations and the levers that answer it; a legal frame, then how it is applied), chosen by
the functions their sub-parts gather (`note.functions`), never a fact; a formula naming the
second part (« Reste alors à examiner… ») only when no logic fits."""

from __future__ import annotations

from ianote_lib.config import load_yaml


def axes_transition(first: list[list[str]], second: list[list[str]]) -> str:
    """The transition after the part whose sub-parts gather the functions `first`, before the
    one whose sub-parts gather `second`: the first rule of `frames.yaml axes_transitions`
    whose `opens` holds the function the second part asks for first, whose `after` (if any)
    meets the first part's, whose `not_after` does not, and whose `holds` the second part
    gathers; else `axes_transition`."""
    conf = load_yaml("note", "frames.yaml")
    before = {f for functions in first for f in functions}
    after = {f for functions in second for f in functions}
    opens = (second[0] or [""])[0] if second else ""
    for rule in conf.get("axes_transitions") or []:
        if (opens in rule["opens"] and (not rule.get("after") or before & set(rule["after"]))
                and not before & set(rule.get("not_after") or [])
                and set(rule.get("holds") or []) <= after):
            return str(rule["text"])
    return str(conf["axes_transition"])
