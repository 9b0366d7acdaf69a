"""Candidates that tell the same use case, merged by actor identity, domain and shared
content words; the actor and the label of a merged group."""

from __future__ import annotations

from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.use_cases.actors import Actor
from ianote_lib.use_cases.candidates import Candidate
from ianote_lib.use_cases.labels import technique_only, use_label
from ianote_lib.use_cases.lexicon import Lexicon, lexicon, specific_lemmas


def _polarity(status: str) -> int:
    return 0 if status in ("interdit", "abandonne") else 1


def _similar(a: Candidate, b: Candidate, lex: Lexicon) -> bool:
    if lex.concept_set(a.use + " " + a.evidence) & lex.concept_set(b.use + " " + b.evidence):
        return True
    return bool(specific_lemmas(a.use) & specific_lemmas(b.use))


def merge_candidates(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Groups of candidates that tell the same use case."""
    lex = lexicon()
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    domains = [lex.domain(c.use, c.evidence) for c in candidates]
    for i, a in enumerate(candidates):
        if a.antecedent is not None and candidates[a.antecedent].actor.key == a.actor.key:
            union(i, a.antecedent)
    for i, a in enumerate(candidates):
        for j in range(i):
            b = candidates[j]
            if a.actor.key != b.actor.key or a.sentence_id == b.sentence_id:
                continue
            if _polarity(a.status) != _polarity(b.status):
                continue
            if a.doc == b.doc:
                close = abs(a.pos - b.pos) <= 1 and a.paragraph_id == b.paragraph_id
                if close or _similar(a, b, lex):
                    union(i, j)
            elif (domains[i] == domains[j] or "autre" in (domains[i], domains[j])) \
                    and _similar(a, b, lex):
                union(i, j)
    groups: dict[int, list[Candidate]] = {}
    for i, cand in enumerate(candidates):
        groups.setdefault(find(i), []).append(cand)
    return list(groups.values())


def best_actor(group: list[Candidate]) -> Actor:
    named = [c.actor for c in group if not c.surface.startswith("(")]
    pool = named or [c.actor for c in group]
    return max(pool, key=lambda a: (a.type != "departement" or all(
        x.type == "departement" for x in pool), len(a.name)))


def best_use(group: list[Candidate], lex: Lexicon) -> str:
    """The label of the group's most telling use: a label that names more than an AI
    technique (« analyse d'images » alone says the tool, not the use), then the most domain
    terms, then a use told in its own words, then the first told."""
    labels = [use_label(c.full_use or c.use, c.cue_text, lex) for c in group]

    def score(i: int) -> tuple:
        c = group[i]
        hits = sum(w for terms in lex.domains.values() for p, w in terms
                   if p.search(fold_same_length(c.use)))
        return (len(labels[i].split()) >= 2 and not technique_only(labels[i], lex), hits,
                not c.anaphoric_use, -c.doc, -c.pos)
    return labels[max(range(len(group)), key=score)]
