"""The conclusion's pistes d'action, written from what the documents say must be done.

A note ends on what the collectivité could do next, drawn from the levers the documents
describe. The parse gives each sentence's prescription (`fr.actions`: « Les collectivités
doivent publier un schéma pluriannuel… », « Il faut former les agents… ») as an infinitive
phrase and its agent. A piste is such a phrase when the prescription is impersonal or
addressed to a public body or its people (`pistes.yaml agents`: a collectivité, its services,
its agents, its élus — not firms, users or the State), from a sentence the selection may quote
(a lever or a rule first, relevant to the commande's object, naming the collectivité's people
rather than not). The pistes are different actions (no two with the same
verb or most of their words in common), from different documents when the dossier allows,
and the note writes them in one sentence of its own (`frames.yaml conclusion.actions`), citing
each document: every word of a piste is the dossier's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.fr.actions import LIST_ITEM, lexicon, possessives
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import normalize
from ianote_lib.note.picker import Picker
from ianote_lib.note.statements import Statement


@cache
def config() -> dict:
    return load_yaml("note", "pistes.yaml")


@cache
def _agents() -> frozenset[str]:
    return frozenset(w for t in config()["agents"] for w in content_lemmas(t))


def addressed(agent: str, phrase: str) -> bool:
    """Whether the action is the collectivité's to take: impersonal (« il faut ») with no
    possessive that would refer to no one, or prescribed to a public body or its people."""
    if agent == "":
        return not possessives(phrase)
    return bool(set(content_lemmas(agent)) & _agents())


def conclusion_actions(picker: Picker) -> list[Statement]:
    """The pistes of the conclusion (see the module docstring), at most `pistes.yaml limit`,
    best first."""
    pool = picker.pool
    if "action" not in pool:
        return []
    conf = config()
    weights = conf["function_weights"]
    audience = float(conf["audience_weight"])
    banned = pool["sentence_id"].isin(picker.bans).to_numpy()
    candidates: list[tuple[float, int, str]] = []      # score, pool row, action
    leads = announcing_leads(picker.ev.sentences)
    for i, (cell, agent, fn) in enumerate(zip(pool["action"], pool["action_agent"],
                                              picker.functions, strict=True)):
        if agent == LIST_ITEM:
            # an item of a list of actions counts when the sentence that announces the list
            # does (« …, des actions peuvent être initiées visant par exemple à : »)
            if str(pool["sentence_id"].iloc[i]) not in leads:
                continue
            agent = ""
        for action in [a for a in str(cell or "").split(" | ") if a]:
            if banned[i] or not addressed(str(agent), action):
                continue
            score = (picker.quality[i] * (0.5 + picker.focus[i])
                     * float(weights.get(fn, weights["other"]))
                     * (audience if set(content_lemmas(action)) & _agents() else 1.0))
            candidates.append((float(score), i, action))
    candidates.sort(key=lambda c: -c[0])
    docs = pool["doc"].tolist()
    chosen: list[tuple[float, int, str]] = []
    # one action per document first, then the next best of any document
    for first_pass in (True, False):
        for cand in candidates:
            if len(chosen) >= int(conf["limit"]):
                break
            words = sum(len(c[2].split()) for c in chosen) + len(cand[2].split())
            if (cand not in chosen and cand[0] > 0 and words <= int(conf["max_words"])
                    and not (first_pass and docs[cand[1]] in {docs[c[1]] for c in chosen})
                    and all(_distinct(cand[2], c[2]) for c in chosen)):
                chosen.append(cand)
    return [_statement(picker, i, action, score) for score, i, action in chosen]


def announcing_leads(sentences: Any) -> set[str]:
    """The ids of the list items a sentence announces as actions: the items that follow a
    sentence ending on a colon, with a noun of the genre (`fr/actions.yaml announcing_nouns`:
    « actions », « mesures », « recommandations »…) and no past (« portaient sur 3 domaines
    d'actions : » tells what was done, not what to do)."""
    nouns = set(lexicon()["announcing_nouns"])
    out: set[str] = set()
    lead, previous = False, None
    for sid, doc, kind, text in zip(sentences["sentence_id"], sentences["doc"],
                                    sentences["kind"], sentences["text"], strict=True):
        if kind == "bullet":
            if lead and doc == previous:
                out.add(str(sid))
            continue
        previous = doc
        body = str(text).strip()
        lead = (body.endswith(":") and bool(set(content_lemmas(body)) & nouns)
                and not _PAST.search(body))
    return out


# (an imperfect, « portaient », not a conditional, « pourraient »)
_PAST = re.compile(r"(?i)\b(?:a|ont|avait|avaient|était|étaient) (?:été|eu)\b"
                   r"|\b\w{2,}(?<!r)aient\b"
                   r"|\b(?:ont|a|avaient|avait) \w+(?:é|és|ée|ées|i|is|u|us)\b")


def _distinct(a: str, b: str) -> bool:
    """Two actions are different: not the same verb, and at most half their words shared."""
    la, lb = content_lemmas(a), content_lemmas(b)
    if not la or not lb or la[0] == lb[0]:
        return False
    shared = len(set(la) & set(lb)) / min(len(set(la)), len(set(lb)))
    return shared <= 0.5


def _statement(picker: Picker, i: int, action: str, score: float) -> Statement:
    row = picker.pool.iloc[i]
    return Statement(section="conclusion", topic="piste", sentence_id=str(row["sentence_id"]),
                     doc=int(row["doc"]), text=normalize(action), score=score,
                     docs=[int(row["doc"])], kind="piste", original=str(row["text"]))
