"""The uses of the dossier told from the `use_cases` table: the sub-part the plan marks
`draws_on: use_cases` (in an automatic plan: the one whose topics best match the use cases'
evidence) tells as many use cases as its word target allows, one statement per group of cases
(the most informative quotable evidence sentence: named actor, figure, outcome; an actor only
pointed back to is named from its document), laid out by domain (domains with the most cases
first, deployed and experimented uses before projects); the abandoned uses go, with the
sentences that give their causes, to the sub-part marked `draws_on: use_case_failures`, as
lessons."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd

from ianote_lib.fr.lemmas import content_lemmas, lemma_tokens
from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import fold, word_count
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.candidates import rejection_reasons
from ianote_lib.note.openers import known_words
from ianote_lib.note.picker import Picker
from ianote_lib.note.plan import USE_CASE_FAILURES, USE_CASES
from ianote_lib.note.records import read_record, record_text
from ianote_lib.note.scoring import count_phrase
from ianote_lib.note.statements import Statement
from ianote_lib.note.text import compress, fill_template, style, upper_first
from ianote_lib.note.use_case_groups import (
    UseCaseGroup,
    is_failure,
    name_actor,
    sentence_ids_of,
    use_case_groups,
)
from ianote_lib.use_cases.actors import actor_in_sentence


def mark_use_case_subparts(picker: Picker) -> None:
    """When the plan does not say which sub-parts tell the uses and the failures, mark the
    sub-part whose topics best match the evidence of the uses, and the other sub-part that
    best matches the evidence of the failures."""
    uc = picker.ev.use_cases
    if uc is None or picker.plan.drawing_on(USE_CASES) or picker.plan.drawing_on(
            USE_CASE_FAILURES):
        return
    failing = [is_failure(x) for x in uc["status"]]

    def rows(fail: bool) -> list[int]:
        ids = [sid for k, f in enumerate(failing) if f == fail
               for sid in sentence_ids_of(uc.at[k, "evidence_sentence_ids"])]
        return [picker.index[sid] for sid in ids if sid in picker.index]

    def match(sp: Any, idx: list[int]) -> float:
        rel = np.vstack([picker.relevance(t.terms)[idx] for t in sp.topics])
        return float(rel.max(axis=0).mean())

    uses, fails = rows(False), rows(True)
    chosen = None
    if uses:
        chosen = max(picker.plan.subparts, key=lambda sp: match(sp, uses))
        chosen.draws_on.append(USE_CASES)
        if chosen.words is None:
            chosen.words = round(picker.plan.body_words
                                 * float(style()["use_cases"]["subpart_share"]))
    if fails:
        others = [sp for sp in picker.plan.subparts if sp is not chosen] or picker.plan.subparts
        max(others, key=lambda sp: match(sp, fails)).draws_on.append(USE_CASE_FAILURES)


def use_case_statements(picker: Picker, sp: Any, budget: float,
                        failures: bool) -> list[Statement]:
    """The uses of the `use_cases` table told in sub-part `sp` (see `use_case_groups`):
    one statement per group of use cases (the most informative quotable evidence
    sentence: named actor, figure, outcome), within `budget` words, the groups of the
    highest weight first; then laid out by domain (domains with the most cases first,
    deployed and experimented uses before projects). With `failures`, the abandoned uses,
    each told with the sentences of its document that give its causes (a lesson)."""
    cfg = style()["use_cases"]
    uc = picker.ev.use_cases
    groups = [g for g in use_case_groups(uc) if g.failure == failures]
    out: list[Statement] = []
    words = 0
    survey = None
    if not failures:
        survey = overview(picker, sp.key, uc)
        if survey is not None:
            out.append(survey)
            words += picker.words([survey])
    limit = int(cfg["max_lesson_words" if failures else "max_words"])
    for group in sorted(groups, key=lambda g: (-g.weight, g.case_ids)):
        if any(sid in picker.told for sid in group.evidence_ids):
            continue                    # already told (opening fact, another section)
        st = group_statement(picker, group, sp.key, limit, failures)
        if st is None:
            continue
        n = picker.words([st])
        if words + n > budget:
            picker.unmake(st, group.sentence_ids)
            continue
        words += n
        out.append(st)
    told = [st for st in out if st.kind != "aperçu"]
    if failures:
        for st in told:
            st.topic = "retour d'expérience"
        if told:
            picker.topic_order[sp.key] = [t.name for t in sp.topics] + ["retour d'expérience"]
        return out
    return lay_out_by_domain(picker, sp, told, survey)


def lay_out_by_domain(picker: Picker, sp: Any, told: list[Statement],
                      survey: Statement | None) -> list[Statement]:
    """The statements of the uses in paragraphs by domain: domains ordered by their number of
    use cases, small domains paired; the survey of the domains first."""
    cfg = style()["use_cases"]
    by_domain: dict[str, list[Statement]] = defaultdict(list)
    domain_of = {}
    for st in told:
        domain = st.topic
        by_domain[domain].append(st)
        domain_of[id(st)] = domain
    last = {fold(x) for x in cfg["last_domains"]}
    order = sorted(by_domain, key=lambda d: (
        fold(d) in last, -sum(len(st.use_case_ids) for st in by_domain[d]),
        min(st.rank for st in by_domain[d]), d))
    paragraphs: list[list[str]] = []
    for domain in order:
        if paragraphs and len(paragraphs[-1]) == 1 and len(by_domain[paragraphs[-1][0]]) < 2:
            paragraphs[-1].append(domain)
        else:
            paragraphs.append([domain])
    if paragraphs and len(paragraphs) > 1 and len(paragraphs[-1]) == 1 and len(
            by_domain[paragraphs[-1][0]]) < 2 and len(paragraphs[-2]) == 1:
        last_paragraph = paragraphs.pop()
        paragraphs[-1] += last_paragraph
    topic_names = []
    local = local_cases(picker.ev.use_cases)
    ordered: list[Statement] = [survey] if survey is not None else []
    openers: list[list[tuple[str, Statement]]] = []
    for domains in paragraphs:
        openers.append([])
        for domain in (d for d in domains if fold(d) not in last):
            st = enumeration(picker, sp.key, domain, by_domain[domain],
                             sum(len(pairs) for pairs in openers))
            if st is not None:
                openers[-1].append((domain, st))
    if paragraphs and not any(openers):
        # no domain worth naming (a dossier on another subject than the domains' lexicon):
        # the actors of the whole sub-part, with no domain named, open its first paragraph
        openers[0] = [(paragraphs[0][0], enumeration(picker, sp.key, "", told))]
    for domains, pairs in zip(paragraphs, openers, strict=True):
        name = "usages : " + ", ".join(domains)
        topic_names.append(name)
        members = [st for d in domains for st in by_domain[d]]
        for domain, opener in pairs:
            if opener is not None:
                members.insert(0, opener)
                domain_of[id(opener)] = domain
        # the opener, then by status (deployed first), the uses of the collectivités it lists
        # before the others' (the State's programmes, firms)
        members.sort(key=lambda st: (domains.index(domain_of[id(st)]), st.rank,
                                     not local & set(st.use_case_ids), -st.score))
        for st in members:
            st.topic = name
        ordered += members
    plan_topics = [t.name for t in sp.topics]
    head = ["usages : vue d'ensemble"] if survey is not None else []
    picker.topic_order[sp.key] = head + plan_topics[:1] + topic_names + plan_topics[1:]
    return ordered


def local_cases(uc: pd.DataFrame) -> set[str]:
    """The use cases of a local public actor (a collectivité, a syndicat: `LOCAL_ACTORS`);
    all of them when the table does not say the actors' types."""
    rows = uc[uc["actor_type"].isin(LOCAL_ACTORS)] if "actor_type" in uc else uc
    return set(rows["use_case_id"].astype(str))


def overview(picker: Picker, section: str, uc: pd.DataFrame) -> Statement | None:
    """A sentence that surveys the domains of use (a noun such as « domaines » or
    « champ » and at least two domain labels of the use cases)."""
    cfg = style()["use_cases"]
    last = {fold(x) for x in cfg["last_domains"]}
    labels = {tuple(lemma_tokens(d)) for d in uc["domain"].dropna().astype(str)
              if fold(d) not in last and lemma_tokens(d)}
    nouns = {fold(n) for n in cfg["overview_nouns"]}
    best, best_score = None, 0.0
    for i in np.where(picker.candidate & ~picker.used)[0]:
        seq = picker.pool.at[i, "lemmas"]
        if not nouns & set(seq):
            continue
        n = sum(1 for label in labels if count_phrase(seq, label))
        if n < 2:
            continue
        score = n * float(picker.quality[i])
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    st = picker.make(int(best), section, "usages : vue d'ensemble", best_score)
    st.kind = "aperçu"
    return st


def group_statement(picker: Picker, group: UseCaseGroup, section: str, limit: int,
                    failures: bool) -> Statement | None:
    """The statement of a group of use cases: its best evidence sentence (completed with
    the actor's name when it only points back to it), followed by the group's other
    sentences of the same passage that point back to it, and, for a failure, by the
    sentences right after it that give its causes."""
    best = best_evidence(picker, group, limit)
    if best is None:
        return None if failures else record_statement(picker, group, section, limit)
    score, i, text, context = best
    st = picker.make(i, section, group.domain, score)
    st.text, st.context_ids = text, context
    st.kind = "leçon" if failures else "usage"
    st.use_case_ids = list(group.case_ids)
    st.rank = group.rank
    picker.told.update(context)
    last = follow_passage(picker, st, group, limit)
    absorb_group(picker, st, group)
    if failures:
        follow_causes(picker, st, last, limit)
    return st


def best_evidence(picker: Picker, group: UseCaseGroup,
                  limit: int) -> tuple[float, int, str, list[str]] | None:
    """The group's most informative quotable sentence that says its use, within `limit`
    words: (score, pool row, text to quote, sentences quoted or drawn on before it)."""
    best = None
    for sid in group.sentence_ids:
        i = picker.index.get(sid)
        if i is None or picker.used[i] or sid in picker.bans or picker.off[i]:
            continue        # (a firm's funding or market, nothing of public action: not a use)
        quoted = quotable_use_text(picker, i, group)
        if quoted is None:
            continue
        text, context = quoted
        if not group.says_use(text):
            continue
        n = word_count(compress(text))
        if n > limit:
            continue
        score = group.informativeness(text, sid) * float(picker.quality[i])
        if best is None or score > best[0]:
            best = (score, i, text, context)
    return best


def record_statement(picker: Picker, group: UseCaseGroup, section: str,
                     limit: int) -> Statement | None:
    """The statement of a group of use cases whose evidence is a record, not a sentence (an
    item of a list of projects: « Nom. Porteur. Montant alloué : … ». Créer… »), written by the
    note from the record's fields (`note.records`)."""
    for sid in group.sentence_ids:
        i = picker.index.get(sid)
        if i is None or picker.used[i] or sid in picker.bans:
            continue
        record = read_record(str(picker.pool.at[i, "text"]))
        text = record_text(record, limit) if record is not None else None
        if text is None:
            continue
        st = picker.make(i, section, group.domain, group.weight)
        st.text, st.kind = text, "fiche"
        st.use_case_ids = list(group.case_ids)
        st.rank = group.rank
        absorb_group(picker, st, group)
        return st
    return None


def follow_passage(picker: Picker, st: Statement, group: UseCaseGroup, limit: int) -> int:
    """Quote after `st` the rest of its passage: the group's sentences of its document that
    point back to it. Returns the position (in the dossier's sentences) of the last quoted."""
    sents = picker.ev.sentences
    pos = {sid: k for k, sid in enumerate(sents["sentence_id"])}
    last = pos[st.sentence_id]
    for sid in sorted(group.sentence_ids, key=lambda x: pos.get(x, 0)):
        k = pos.get(sid)
        j = picker.index.get(sid)
        if (k is None or j is None or k <= last or picker.used[j]
                or int(sents.at[k, "doc"]) != st.doc):
            continue
        own = sid in group.own_ids(st.sentence_id)
        near = (k - last <= 4 and sents.at[k, "paragraph_id"]
                == sents.at[last, "paragraph_id"]) if "paragraph_id" in sents else k - last <= 4
        if not (own or near or k == last + 1):
            continue
        if not picker.continues(j, st.text, next_one=(k == last + 1), same_case=own or near,
                                quotable=False):
            continue
        if word_count(compress(st.text + " " + str(picker.pool.at[j, "clean"]))) > limit:
            break
        picker.follow(st, j)
        last = k
    return last


def absorb_group(picker: Picker, st: Statement, group: UseCaseGroup) -> None:
    """The group's other sentences tell the same uses: never quoted again, and those of
    other documents are cited with the statement."""
    for sid in group.sentence_ids:
        j = picker.index.get(sid)
        if j is None or picker.used[j]:
            continue
        picker.used[j] = True
        picker.told.add(sid)
        d = int(picker.pool.at[j, "doc"])
        if d != st.doc and sid not in st.support_ids:
            st.support_ids.append(sid)
            if d not in st.docs:
                st.docs.append(d)


def follow_causes(picker: Picker, st: Statement, last: int, limit: int) -> None:
    """Quote after a failure the sentences right after it (position `last` in the dossier's
    sentences) that give its causes."""
    sents = picker.ev.sentences
    causes = [re.compile(p, re.IGNORECASE) for p in style()["use_cases"]["cause_patterns"]]
    for k in range(last + 1, min(last + 3, len(sents))):
        sid = str(sents.at[k, "sentence_id"])
        j = picker.index.get(sid)
        if j is None or int(sents.at[k, "doc"]) != st.doc or picker.used[j]:
            break
        text = str(picker.pool.at[j, "clean"])
        if not any(c.search(text) for c in causes) or not picker.continues(
                j, st.text, next_one=(k == last + 1), same_case=False, quotable=True):
            break
        if word_count(compress(st.text + " " + text)) > limit:
            break
        picker.follow(st, j)
        last = k


def quotable_use_text(picker: Picker, i: int,
                      group: UseCaseGroup) -> tuple[str, list[str]] | None:
    """The text under which pool row i can be quoted alone for a use case, with the
    sentences that give it its context: as the dossier wrote it when it is quotable, or
    with its actor named when it only points back to it ("La commune utilise…" → "La
    commune de Plaisir utilise…", "Son projet…" → "Le projet de l'IGN…")."""
    row = picker.pool.iloc[i]
    if picker.candidate[i]:
        return str(row["clean"]), list(row["context_ids"]) if "context_ids" in row else []
    if list(row["reasons"]) != ["renvoie à une phrase précédente"]:
        return None
    text = str(row["clean"])
    needs = context_needs(text)
    if len(needs) != 1 or needs[0].kind not in ("definite", "possessive"):
        return None
    doc_rows = picker.ev.sentences[(picker.ev.sentences["doc"] == row["doc"])
                                   & (picker.ev.sentences["kind"] != "title")]
    for actor in group.actors:
        named = name_actor(text, needs[0], actor, doc_rows, str(row["sentence_id"]))
        if named is None:
            continue
        completed, naming = named
        if not rejection_reasons(completed, str(row["kind"])):
            return completed, [naming]
    return None


LOCAL_ACTORS = ("commune", "ville", "departement", "region", "metropole", "syndicat",
                "intercommunalite", "epci", "collectivite")


def enumeration(picker: Picker, section: str, domain: str,
                told: list[Statement], rank: int = 0) -> Statement | None:
    """One sentence the note writes from the use-case table to open a domain's paragraph: the
    local public actors of the uses told there, in one enumeration citing all their documents
    (« Dans le domaine « eau », plusieurs collectivités mènent ou préparent des projets : le
    syndicat des eaux d'Île-de-France, le département de l'Isère et Lussac-les-Prés »). Only
    when two actors or more are collectivités; without a domain (""), or when it is the
    commande's own subject, the sentence names none. The sub-part's `rank`-th such sentence
    (0 first) takes the forms of `style.yaml use_cases.enumeration` in turn: three domains do
    not open on the same words."""
    cfg = style()["use_cases"]
    uc = picker.ev.use_cases
    rows = uc.set_index("use_case_id")
    actors: list[str] = []
    docs: set[int] = set()
    ids: list[str] = []
    for st in told:
        for case in st.use_case_ids:
            if case not in rows.index or rows.at[case, "actor_type"] not in LOCAL_ACTORS:
                continue
            phrase = actor_in_sentence(str(rows.at[case, "actor"]),
                                       str(rows.at[case, "actor_type"]))
            if phrase not in actors:
                actors.append(phrase)
            docs |= {int(d) for d in str(rows.at[case, "docs"]).split(";") if d.strip()}
            ids += [sid for sid in st.source_ids if sid not in ids]
    if len(actors) < 2 or not ids:
        return None
    # a domain that is the commande's own subject (« numérique » in a note on the digital
    # transformation) says nothing: the sentence goes without it
    subject = set(content_lemmas(domain)) <= known_words(picker.plan)
    forms = cfg["enumeration"]
    template = cfg["enumeration_subject"] if subject else forms[rank % len(forms)]
    text = upper_first(fill_template(template, {"domain": domain, "actors": and_list(actors)}))
    return Statement(section=section, topic=domain, sentence_id=ids[0], doc=min(docs),
                     text=text, score=1.0, docs=sorted(docs), context_ids=ids[1:],
                     kind="énumération", rank=-1)
