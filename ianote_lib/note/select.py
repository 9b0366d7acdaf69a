"""Content selection for the note: which sentences of the dossier say what each sub-part needs.

Every sentence of the dossier is a candidate statement if it reads as a full, impersonal,
self-contained sentence (`note.candidates`). Each candidate is scored for each topic of the plan
by BM25 over lemmatised words (simplemma), weighted by its importance (centrality in the
dossier, figures, named actors: `note.scoring`) and chosen greedily with maximal marginal
relevance (MMR, `note.picker`) so that the note does not repeat itself, half of each pick's
value being what it adds that the note has not said yet (concept coverage, `note.concepts`).
A sentence of another document that says the same thing (TF-IDF cosine or rapidfuzz) is not
repeated: its document is added to the statement's citations. Finally every document of the
dossier must be cited at least once (`note.body`).

The tables of the earlier notebooks, passed to `build_evidence` (`note.evidence`), sharpen the
selection: `figures` (sentences that carry a figure), `use_cases` (named actors, and the uses
told by `note.use_case_statements`), `checks` (sentences involved in an inconsistency of the
dossier are never stated as facts).

General rules keep weak picks out: a sentence about private companies (their funding or
market position, or the private sector as its subject or beneficiary) with no word of public
action, and an event's announcement (invitations, programme, « l'heure est au bilan »), lose
against any sentence about public action and are never told in the body's sub-parts
(`off_audience`, `event_announcement`: only the citation of every document may draw on them),
unless the commande's object is about them; a sentence that speaks of an event with a logistics
word ranks lower (`event_mention`); two sentences of one document that state the same fact in
other words (a shared figure, written in digits or words, and shared content words) are told
once (`same_fact`).

`select` runs the steps in this order (each pick takes sentences the later steps can no longer
take): the analyst's pins, the introduction, the chapeaux of the parts, the uses of the dossier,
the body of each sub-part, a sentence for a sub-part left empty, a sentence of each document not
yet cited (in a dossier of at most `cite_every_document_max` documents: a large folder's note
cites what its statements need), the sentences that elaborate a statement (`body.elaborate`),
each sub-part trimmed to its budget and the largest to its share of the body (`body.balance`),
the conclusion; a body then under its floor grows (`top_up`, then `body.lengthen`: what follows
its statements in their documents). The actions the documents prescribe are listed in the
levers' sub-part, after the uses, besides those the conclusion recommends (`note.pistes`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import numpy as np
import pandas as pd

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.note.bills import opens_on_a_bill
from ianote_lib.note.body import (
    TopicScores,
    balance,
    cover,
    elaborate,
    fill,
    lengthen,
    loose_pick,
    tell_corroborated,
    topic_scores,
    topics_left,
    trim,
)
from ianote_lib.note.built_plan import frames
from ianote_lib.note.evidence import Evidence
from ianote_lib.note.introduction import introduction
from ianote_lib.note.picker import Picker
from ianote_lib.note.pistes import (
    conclusion_actions,
    lever_enumeration,
    prepare_pistes,
    prepared,
)
from ianote_lib.note.plan import USE_CASE_FAILURES, USE_CASES, Plan
from ianote_lib.note.statements import Selection, Statement
from ianote_lib.note.text import style
from ianote_lib.note.use_case_statements import mark_use_case_subparts, use_case_statements
from ianote_lib.note.verify import cite_every_document_max


def select(evidence: Evidence, plan: Plan, pins: dict[str, list[str]] | None = None,
           bans: set[str] | None = None, skip_sections: set[str] | None = None,
           share: float | None = None) -> Selection:
    """Choose the statements of the note for `plan` (see the module docstring); `share`: the
    largest share of the body's selected words a sub-part may hold (`style.yaml
    max_subpart_share` by default)."""
    share = float(style()["max_subpart_share"]) if share is None else share
    picker = Picker(evidence, plan, pins=pins, bans=bans, skip_sections=skip_sections)
    scores = topic_scores(picker, plan)
    pinned = pinned_statements(picker, scores)
    hook, definition, context = introduction(picker)
    leads = chapeau_leads(picker)
    statements: dict[str, list[Statement]] = {sp.key: list(pinned.get(sp.key, []))
                                              for sp in plan.subparts}
    mark_use_case_subparts(picker)
    budgets = plan.budgets(active=evidence.use_cases is not None)
    if evidence.use_cases is not None:
        tell_use_cases(picker, statements, budgets)
    actions = conclusion_actions(picker)
    tell_actions(picker, statements, actions, scores)
    fill_body(picker, statements, budgets, scores)
    prepare_pistes(picker, statements, actions, scores)
    if evidence.documents["doc"].nunique() <= cite_every_document_max():
        cover(picker, statements, scores, budgets,
              hook + definition + context + [s for s in leads.values() if s])
    elaborate(picker, statements)
    for key, items in statements.items():
        trim(picker, items, budgets[key] * 0.97)     # the last pick may overshoot its budget
    conclusion = conclusion_statements(picker)
    tail = picker.words(conclusion + actions) + int(style()["conclusion_recap_words"])
    balance(picker, statements, share, tail=tail)
    # (after the balance, which trims a sub-part full of initiatives down to its share)
    tell_corroborated(picker, statements, scores, budgets)
    floor = float(style()["subparts_floor_words"])
    top_up(picker, statements, scores, floor, share, tail)
    lengthen(picker, statements, floor, share, tail)
    actions = prepared(picker, actions, statements)
    selection = Selection(plan=plan, statements=statements, hook=hook, context=context,
                          chapeau_leads=leads, conclusion=conclusion,
                          uncovered_docs=[], log=picker.log, definition=definition,
                          starved=picker.starved, topic_order=picker.topic_order,
                          actions=actions, sentence_claims=_claims(picker.pool))
    cited = selection.cited_docs()
    selection.uncovered_docs = sorted(set(evidence.documents["doc"]) - cited)
    return selection


def _claims(pool: pd.DataFrame) -> dict[str, str]:
    """The claims of the pool's sentences by id (`fr.claims`), those that state one, but a
    bill's provision (`note.bills`: « L'installation de climatiseurs individuels est
    interdite… » is what a bill proposes, no title states it as a rule)."""
    return {sid: c for sid, c, text in zip(pool["sentence_id"], pool["claim"], pool["clean"],
                                           strict=True) if c and not opens_on_a_bill(text)}


def pinned_statements(picker: Picker, scores: TopicScores) -> dict[str, list[Statement]]:
    """The sentences the analyst pinned, first: they belong to the analyst. A pin of section
    « auto » goes to the topic the sentence says best, in a sub-part the analyst has not
    rewritten."""
    pinned: dict[str, list[Statement]] = defaultdict(list)
    keys, home = scores.keys, scores.home
    for section, ids in picker.pins.items():
        for sid in ids:
            i = picker.index.get(sid)
            if i is None:
                picker.log.append(f"Phrase épinglée {sid} introuvable dans le dossier.")
                continue
            open_keys = [k for k in range(len(keys)) if keys[k][0] not in picker.skip]
            if section == "auto" and open_keys:
                # the topic it says best among the sub-parts the analyst has not rewritten
                key = keys[max(open_keys, key=lambda k: scores.matrix[k, i])]
            else:
                key = next((k for k in keys if k[0] == section), keys[int(home[i])])
            st = picker.make(i, key[0], key[1], float(scores.matrix[:, i].max()), pinned=True)
            pinned[key[0]].append(st)
    return pinned


def chapeau_leads(picker: Picker) -> dict[str, Statement | None]:
    """A general statement heading each part that has chapeau terms."""
    leads: dict[str, Statement | None] = {}
    for part in picker.plan.parts:
        leads[part.key] = None
        if part.chapeau_terms and part.key not in picker.skip:
            allowed = picker.fits(part.chapeau_terms) & picker.self_contained()
            pick = picker.best(picker.relevance(part.chapeau_terms) * picker.quality,
                               allowed=allowed)
            if pick:
                leads[part.key] = picker.make(pick[0], part.key, "chapeau", pick[1])
    return leads


def tell_use_cases(picker: Picker, statements: dict[str, list[Statement]],
                   budgets: dict[str, float]) -> None:
    """The uses of the dossier (use_cases table) in the sub-part that draws on them, by domain,
    and its failures as lessons in the sub-part that draws on them."""
    for sp in picker.plan.subparts:
        if sp.key in picker.skip:
            continue
        if USE_CASES in sp.draws_on:
            share = float(style()["use_cases"]["share"])
            statements[sp.key] += use_case_statements(
                picker, sp, budgets[sp.key] * share, failures=False)
        if USE_CASE_FAILURES in sp.draws_on:
            statements[sp.key] += use_case_statements(
                picker, sp, budgets[sp.key] * 0.5, failures=True)


def tell_actions(picker: Picker, statements: dict[str, list[Statement]],
                 pistes: list[Statement], scores: TopicScores) -> None:
    """The actions the documents prescribe, with the conclusion's `pistes` the body cannot
    quote, listed in one sentence of the first sub-part that gathers levers, else of the last
    sub-part (a plan on the commande's axes ends on what to do; `note.pistes.lever_enumeration`),
    each from a sentence that says one of the plan's topics (not « aménager des espaces verts
    avec des essences locales… » in a note on the energy renovation of buildings)."""
    open_subparts = [sp for sp in picker.plan.subparts if sp.key not in picker.skip]
    sp = next((sp for sp in open_subparts if "levier" in sp.functions),
              open_subparts[-1] if open_subparts else None)
    if sp is not None:
        st = lever_enumeration(picker, sp.key, pistes, scores.relevant(len(picker.pool)))
        if st is not None:
            statements[sp.key].append(st)


def fill_body(picker: Picker, statements: dict[str, list[Statement]],
              budgets: dict[str, float], scores: TopicScores) -> None:
    """Each sub-part round robin over its topics within its word budget; then no empty
    sub-part when the dossier has anything left for it."""
    for sp in picker.plan.subparts:
        if sp.key in picker.skip:
            statements[sp.key] = []
            continue
        topics = topics_left(picker, sp, statements[sp.key], scores.relevance)
        fill(picker, sp.key, topics, statements[sp.key], budgets[sp.key], scores)
    spare_words(picker, statements, budgets, scores)
    for sp in picker.plan.subparts:
        if sp.key in picker.skip or statements[sp.key]:
            continue
        q = picker.quality
        relevance = sum(scores.relevance[(sp.key, t.name)] for t in sp.topics) * q
        pick = picker.best(relevance) or picker.best(q + 0.01)
        if pick:
            statements[sp.key].append(picker.make(pick[0], sp.key, sp.topics[0].name, pick[1]))


def spare_words(picker: Picker, statements: dict[str, list[Statement]],
                budgets: dict[str, float], scores: TopicScores) -> None:
    """What the sub-parts the dossier could not fill leave of the body's budget goes to the
    others, shared equally (a dossier with little on one point still gets a full note)."""
    short = {sp.key: budgets[sp.key] - picker.words(statements[sp.key])
             for sp in picker.plan.subparts
             if sp.key not in picker.skip and sp.key in picker.starved}
    spare = sum(max(v, 0.0) for v in short.values())
    others = [sp for sp in picker.plan.subparts
              if sp.key not in picker.skip and sp.key not in short]
    if spare < 50 or not others:
        return
    for sp in others:
        topics = topics_left(picker, sp, statements[sp.key], scores.relevance)
        # balance: no sub-part grows beyond 1 + style.yaml spare_share times its share
        extra = min(spare / len(others), float(style()["spare_share"]) * budgets[sp.key])
        budgets[sp.key] += extra        # (the trim that follows keeps what was added)
        fill(picker, sp.key, topics, statements[sp.key], budgets[sp.key], scores)


def top_up(picker: Picker, statements: dict[str, list[Statement]], scores: TopicScores,
           floor: float, share: float, tail: int, step: float = 80.0) -> None:
    """A body under `floor` words of sub-parts (the page would fall under the genre's 1 400
    words) grows from its shortest sub-part that still finds sentences (its topics', else
    `body.loose_pick`'s), by `step` words at a time, none beyond `share` of the body (the
    last counted with the conclusion's `tail`, as in `balance`): what the balance kept
    stays."""
    keys = [sp.key for sp in picker.plan.subparts if sp.key not in picker.skip]
    last = keys[-1] if keys else ""
    open_keys = list(keys)

    def room(key: str, total: int) -> float:
        return (share * (total + tail) - picker.words(statements[key])
                - (tail if key == last else 0))

    while True:
        total = sum(picker.words(statements[k]) for k in keys)
        growing = [k for k in open_keys if room(k, total) >= 10]
        if total >= floor or not growing:
            break
        key = min(growing, key=lambda k: picker.words(statements[k]))
        before = picker.words(statements[key])
        sp = picker.plan.section(key)
        topics = topics_left(picker, sp, statements[key], scores.relevance)
        fill(picker, key, topics, statements[key],
             before + min(step, floor - total, room(key, total)), scores, growing=True)
        if picker.words(statements[key]) <= before:
            # the topics refuse what is left: the sub-part's best other sentence, if any
            loose = loose_pick(picker, key, scores)
            if loose is None:
                open_keys.remove(key)       # the dossier has nothing more for it
            else:
                statements[key].append(loose)


@cache
def _audience() -> frozenset[str]:
    """The lemmas of the commande's usual audience (`frames.yaml audience_words`)."""
    return frozenset(w for t in frames()["audience_words"] for w in content_lemmas(t))


def conclusion_statements(picker: Picker) -> list[Statement]:
    """The openings towards what comes next, when the plan gives conclusion terms: the
    levers and recommendations of the dossier (function `levier`) that best match them and
    name who acts in the collectivité (`frames.yaml audience_words`), as many as the plan's
    `sentences` (one by default)."""
    terms = picker.plan.conclusion.get("terms")
    if not terms:
        return []
    out = []
    advice = re.compile(picker.plan.conclusion.get("advice") or r"\w", re.IGNORECASE)
    # a lever that says what to do (the plan's `advice` words), not a fact filed as a lever
    levers = np.array([f == "levier" and bool(advice.search(str(text)))
                       for f, text in zip(picker.functions, picker.pool["clean"], strict=True)],
                      dtype=bool) & ~picker.pool["demonstrative"].to_numpy(dtype=bool)
    # a recommendation for the collectivité names who acts there (its services, agents, élus…):
    # « il faut une puissance informatique considérable » is the model makers' concern
    audience = picker.pool["content"].map(lambda c: bool(c & _audience())).to_numpy(dtype=bool)
    levers &= audience & picker.self_contained()
    for _ in range(int(picker.plan.conclusion.get("sentences", 1))):
        pick = (picker.best(picker.relevance(terms) * picker.quality,
                            allowed=picker.fits(terms) & levers)
                or picker.best(picker.quality * (0.5 + picker.focus), allowed=levers))
        if pick:
            out.append(picker.make(pick[0], "conclusion", "ouverture", pick[1]))
    return out
