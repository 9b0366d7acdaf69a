"""What the selection produces: the statements of the note and the selection of a whole note."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ianote_lib.note.plan import Plan


@dataclass
class Statement:
    """One statement of the note: a source sentence and every document that says it."""

    section: str
    topic: str
    sentence_id: str
    doc: int
    text: str
    score: float
    docs: list[int]
    support_ids: list[str] = field(default_factory=list)
    pinned: bool = False
    context_ids: list[str] = field(default_factory=list)   # quoted before it, or naming it
    followed_ids: list[str] = field(default_factory=list)  # same document, quoted after it
    kind: str = ""          # "usage", "fiche", "aperçu", "leçon": told from the use_cases table;
    #                         "piste": an action the conclusion recommends (note.pistes)
    use_case_ids: list[str] = field(default_factory=list)  # the use cases it tells
    rank: int = 0           # status rank of its use cases (0: deployed or experimented)
    original: str = ""      # the source sentence as the dossier wrote it
    phrases: list[str] = field(default_factory=list)    # its noun phrases (fr.parse)
    subject: tuple[str, str] = ("", "")     # the subject it opens on, its pronoun (fr.parse)
    function: str = ""      # its function (note.functions), when the selection knew it
    tense: str = ""         # « passé », « futur », « imparfait »: the time it tells (fr.parse)

    @property
    def source_ids(self) -> list[str]:
        return [*self.context_ids, self.sentence_id, *self.followed_ids, *self.support_ids]


@dataclass
class Selection:
    """What the note will say, section by section."""

    plan: Plan
    statements: dict[str, list[Statement]]          # section key → statements (I.A, …)
    hook: list[Statement]
    context: list[Statement]
    chapeau_leads: dict[str, Statement | None]
    conclusion: list[Statement]
    uncovered_docs: list[int]
    log: list[str] = field(default_factory=list)
    definition: list[Statement] = field(default_factory=list)
    starved: list[str] = field(default_factory=list)    # sub-parts the dossier could not fill
    # section → the order of its paragraphs (topic names), when it is not the plan's
    topic_order: dict[str, list[str]] = field(default_factory=dict)
    actions: list[Statement] = field(default_factory=list)     # the conclusion's pistes
    # sentence id → what it states, as a title's noun phrase (fr.claims): the titles' stock
    sentence_claims: dict[str, str] = field(default_factory=dict)

    def all_statements(self) -> list[Statement]:
        out = list(self.hook) + list(self.definition) + list(self.context)
        out += [s for s in self.chapeau_leads.values() if s is not None]
        for items in self.statements.values():
            out += items
        out += self.conclusion + self.actions
        return out

    def cited_docs(self) -> set[int]:
        return {d for s in self.all_statements() for d in s.docs}

    def table(self) -> pd.DataFrame:
        """Selected evidence with scores, for display (French headers)."""
        rows = []
        for s in self.all_statements():
            rows.append({"section": s.section, "thème": s.topic, "phrase": s.sentence_id,
                         "score": round(s.score, 3), "documents cités": ", ".join(
                             str(d) for d in s.docs), "épinglée": "oui" if s.pinned else "",
                         "cas d'usage": ", ".join(s.use_case_ids), "texte": s.text})
        return pd.DataFrame(rows)
