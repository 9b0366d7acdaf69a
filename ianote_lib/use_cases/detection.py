"""Initiatives and use cases of named public bodies, read from the sentences of the dossier.

A sentence tells an initiative when it holds (1) a status cue (« a lancé », « finance »,
« expérimente », « a interdit », « fut abandonné par », « s'intéresse à »… see
`resources/use_case_lexicon.yaml` and its configurations in `resources/use_case_configs/`),
(2) a public actor the cue belongs to (the subject before it, the agent after « par », « comme
l'a fait X », or the actor of the paragraph) and (3) either a subject word of a configuration
(AI: an AI word in the sentence, or an anaphoric « cette innovation » right after one), with
which any status cue counts, or an action cue of the `initiatives` configuration whose object
names what is done (a tool, a programme, a fund, a call for projects, a rule applied…). The
same initiative told by several sentences or documents is merged into one row by actor
identity (`actors.Actor.key`), domain and shared content words.

The table reads for a person: `use` is a label of a few words cut from the use phrase by
general rules (`use_label`, rules in the lexicon's `use_label` section), `outcome` joins with
« ; » the short quantified clauses of the sentences that follow the use (`outcome_phrases`,
`select_outcomes`, section `outcome_label`); both follow French typography
(`fr.normalize.french_typography`).

Output: the `use_cases` table (README, « Tables ») with `evidence_sentence_ids`, `actor_aliases`,
`outcome_sentence_ids` and `outcome_figure_ids` (empty when no `figures` table is given).

Modules: `lexicon` (the compiled lexicon), `candidates` (readings of the sentences),
`labels` (use phrase and label), `outcomes`, `merging` and `evaluation` (against hand
annotations); this one builds the table and its per-document views.
"""

from __future__ import annotations

import re

import pandas as pd

from ianote_lib.fr.normalize import fold_same_length, french_typography
from ianote_lib.use_cases.candidates import detect_candidates
from ianote_lib.use_cases.lexicon import lexicon
from ianote_lib.use_cases.merging import best_actor, best_use, merge_candidates
from ianote_lib.use_cases.outcomes import select_outcomes

USE_CASE_COLUMNS = [
    "use_case_id", "actor", "actor_type", "use", "domain", "status", "docs", "outcome",
    "evidence", "evidence_sentence_ids", "actor_aliases", "outcome_sentence_ids",
    "outcome_figure_ids", "pages",
]


def _figure_ids(figures: pd.DataFrame | None, outcome: list[tuple[str, str]]) -> str:
    if figures is None or figures.empty or not outcome:
        return ""

    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", fold_same_length(text))

    ids = []
    for sid, span in outcome:
        rows = figures[figures["sentence_id"] == sid]
        for f in rows.itertuples(index=False):
            if str(f.text) and squeeze(str(f.text)) in squeeze(span):
                ids.append(str(f.figure_id))
    return ";".join(dict.fromkeys(ids))


def _sentence_between(sentences: pd.DataFrame, first: str, last: str) -> tuple[str, str] | None:
    """The quotable sentence standing between two evidence sentences one apart."""
    ids = sentences["sentence_id"].tolist()
    try:
        i, j = ids.index(first), ids.index(last)
    except ValueError:
        return None
    if j - i != 2:
        return None
    row = sentences.iloc[i + 1]
    return (row["sentence_id"], row["text"]) if row["kind"] in ("sentence", "bullet") else None


def build_use_cases(sentences: pd.DataFrame, figures: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """The `use_cases` table of the dossier (one row per use case, all its documents)."""
    lex = lexicon()
    candidates = detect_candidates(sentences)
    sentence_rank = {sid: i for i, sid in enumerate(sentences["sentence_id"])}
    rows = []
    for group in merge_candidates(candidates):
        group.sort(key=lambda c: (c.doc, c.pos))
        actor = best_actor(group)
        statuses = [c.status for c in group if c.status]
        status = min(statuses, key=lex.priority.index) if statuses else "deploye"
        use = best_use(group, lex)
        evidence_ids = list(dict.fromkeys(c.sentence_id for c in group))
        by_id = {c.sentence_id: c.evidence for c in group}
        for a, b in zip(group, group[1:], strict=False):
            if a.doc == b.doc and a.paragraph_id == b.paragraph_id and b.pos - a.pos == 2:
                between = _sentence_between(sentences, a.sentence_id, b.sentence_id)
                if between is not None:
                    by_id[between[0]] = between[1]
                    evidence_ids.insert(evidence_ids.index(b.sentence_id), between[0])
        evidence = " […] ".join(by_id[s] for s in evidence_ids)
        domain = lex.domain(" ".join(c.use for c in group), evidence)
        outcomes = select_outcomes(list(dict.fromkeys(o for c in group for o in c.outcome)),
                                   lex)
        rows.append({
            "actor": actor.name,
            "actor_type": actor.type,
            "use": french_typography(use),
            "domain": domain,
            "status": lex.labels[status],
            "docs": ";".join(str(d) for d in sorted({c.doc for c in group})),
            "outcome": french_typography(" ; ".join(dict.fromkeys(p for _, p in outcomes))),
            "evidence": evidence,
            "evidence_sentence_ids": ";".join(evidence_ids),
            "actor_aliases": ";".join(dict.fromkeys(
                [a for c in group for a in (c.actor.name, c.surface) if a and a[0] != "("])),
            "outcome_sentence_ids": ";".join(dict.fromkeys(
                s for s, _ in sorted(outcomes, key=lambda o: sentence_rank.get(o[0], 0)))),
            "outcome_figure_ids": _figure_ids(figures, outcomes),
            "pages": ";".join(str(p) for p in sorted({c.page for c in group})),
            "_order": (group[0].doc, group[0].pos),
        })
    frame = pd.DataFrame(rows, columns=[*USE_CASE_COLUMNS, "_order"])
    if frame.empty:
        return frame.drop(columns="_order")
    frame = frame.sort_values("_order", kind="stable").drop(columns="_order")
    frame["use_case_id"] = [f"uc{i + 1:02d}" for i in range(len(frame))]
    return frame[USE_CASE_COLUMNS].reset_index(drop=True)


def technology() -> dict[str, str]:
    """What the lexicon's use cases are uses of: {"name": "l'intelligence artificielle",
    "short": "l'IA"} for the shipped lexicon (`technology` in `use_case_lexicon.yaml`)."""
    data = lexicon().data.get("technology") or {}
    name = str(data.get("name") or "la technologie étudiée")
    return {"name": name, "short": str(data.get("short") or name),
            "term": str(data.get("term") or data.get("short") or name)}


def doc_list(docs: str) -> list[int]:
    """'1;11' -> [1, 11]."""
    return [int(d) for d in str(docs).split(";") if d.strip()]


def documents_by_domain(use_cases: pd.DataFrame, documents: pd.DataFrame | None = None
                        ) -> pd.DataFrame:
    """Documents × domains: number of use cases each document tells in each domain (a
    `total` column only when the dossier has no use case)."""
    if use_cases.empty:
        docs = sorted(documents["doc"].astype(int)) if documents is not None else []
        return pd.DataFrame({"total": [0] * len(docs)}, index=pd.Index(docs, name="doc"))
    exploded = use_cases.assign(doc=use_cases["docs"].map(doc_list)).explode("doc")
    table = pd.crosstab(exploded["doc"].astype(int), exploded["domain"])
    if documents is not None:
        table = table.reindex(sorted(documents["doc"].astype(int)), fill_value=0)
    table.index.name = "doc"
    table["total"] = table.sum(axis=1)
    return table


def use_cases_of_document(use_cases: pd.DataFrame, doc: int) -> pd.DataFrame:
    """The use cases a document tells."""
    mask = use_cases["docs"].map(lambda d: doc in doc_list(d))
    return use_cases[mask]
