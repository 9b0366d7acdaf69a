"""Readings of the dossier's sentences as initiatives: a status cue and the public actor it
belongs to, with the outcomes that follow. In a sentence with a subject word of a configuration
(AI, or an anaphoric noun right after one) any status cue counts; elsewhere only an action cue
of the `initiatives` configuration whose object names what is done (a tool, a programme, a
fund, a rule…)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.use_cases.actors import Actor, ActorTracker, Mention
from ianote_lib.use_cases.labels import split_coordination, trim_words, use_phrase
from ianote_lib.use_cases.lexicon import Cue, Lexicon, lexicon
from ianote_lib.use_cases.outcomes import outcome_phrases


@dataclass
class Candidate:
    """One (sentence, actor, cue) reading."""

    doc: int
    pos: int  # rank of the sentence in its document
    sentence_id: str
    paragraph_id: int
    page: int
    actor: Actor
    surface: str
    status: str
    use: str
    evidence: str
    anaphoric_use: bool = False
    antecedent: int | None = None
    outcome: list[tuple[str, str]] = field(default_factory=list)  # (sentence_id, phrase)
    full_use: str = ""  # the use phrase before trimming (the label is cut from it)
    cue_text: str = ""  # the status cue as written


# « par l'équipe de la DINUM »: the agent is the body the team belongs to
_TEAM_OF = re.compile(r"(?:l'|les |la |le )?(?:equipes?|services?|direction) "
                      r"(?:de la |du |de l'|des )")


def _eligible(m: Mention) -> bool:
    return not m.supporter


def bind(cue: Cue, mentions: list[Mention], folded: str) -> Mention | None:
    """The mention the cue belongs to: the agent after « par » / « comme l'a fait », else the
    nearest subject before the cue, else the nearest actor after it."""
    after = lexicon().phrase.agent_after.match(folded[cue.end:cue.end + 60])
    if after:
        pos = cue.end + after.end()
        for m in mentions:
            if _eligible(m) and (pos - 1 <= m.start <= pos + 8 or (
                    m.start <= pos + 24 and _TEAM_OF.fullmatch(folded[pos:m.start]))):
                return m
    before = [m for m in mentions if _eligible(m) and not m.oblique and m.end <= cue.start]
    if before:
        return before[-1]
    later = [m for m in mentions if _eligible(m) and not m.oblique and m.start >= cue.end
             and m.start - cue.end < 160]
    return later[0] if later else None


def _is_actor_free(mentions: list[Mention], actor: Actor) -> bool:
    return all(a.key == actor.key or a.role != "user" for m in mentions for a in m.actors)


def detect_candidates(sentences: pd.DataFrame) -> list[Candidate]:
    """Every (sentence, actor, status cue) reading of the dossier, in document order."""
    lex = lexicon()
    candidates: list[Candidate] = []
    rows = sentences[sentences["kind"] != "title"]
    for doc, group in rows.groupby("doc", sort=True):
        _DocumentReading(int(doc), list(group.itertuples(index=False)), lex, candidates).read()
    return candidates


class _DocumentReading:
    """The candidates of one document, sentence by sentence, with what a sentence leaves for
    the next ones: where AI was named, the actor and the status of each paragraph."""

    def __init__(self, doc: int, records: list, lex: Lexicon,
                 candidates: list[Candidate]) -> None:
        self.doc, self.records, self.lex, self.candidates = doc, records, lex, candidates
        self.tracker = ActorTracker()
        self.folded_all = [fold_same_length(r.norm) for r in records]
        self.legal = [any(p.search(f) for p in lex.legal) for f in self.folded_all]
        self.ai_pos: list[int] = []
        self.last_heading = -1
        self.para_actor: dict[int, tuple[int, tuple[Actor, ...]]] = {}
        self.para_status: dict[int, str] = {}
        self.mentions_by_pos: dict[int, list[Mention]] = {}
        self.doc_candidates: list[int] = []
        self.last_ai_term = ""

    def read(self) -> None:
        for pos, r in enumerate(self.records):
            self._read_sentence(pos, r)
        _attach_outcomes(self.candidates, self.doc_candidates, self.records,
                         self.mentions_by_pos, self.lex)

    def _read_sentence(self, pos: int, r) -> None:
        lex = self.lex
        heading = r.kind == "heading"
        mentions = self.tracker.read(r.norm, heading=heading)
        self.mentions_by_pos[pos] = mentions
        if heading:
            self.last_heading = pos
            return
        folded = self.folded_all[pos]
        has_ai = lex.has_ai(folded)
        anaphoric = any(p.search(folded) for p in lex.anaphoric)
        ai_ok = has_ai or (anaphoric and any(pos - 3 <= p < pos and p > self.last_heading
                                               for p in self.ai_pos))
        if has_ai:
            self.ai_pos.append(pos)
            self.last_ai_term = lex.ai_term(folded)
        cues = lex.find_cues(folded)
        for cue in cues:
            if cue.status:
                self.para_status[r.paragraph_id] = cue.status
        users = [m for m in mentions if not m.supporter and not m.oblique
                 and any(a.role == "user" for a in m.actors)]
        if cues:
            self._read_cues(pos, r, cues, mentions, ai_ok)
        if users:
            self.para_actor[r.paragraph_id] = (pos, users[-1].actors)

    def _read_cues(self, pos: int, r, cues: list[Cue], mentions: list[Mention],
                   subject: bool) -> None:
        """The candidates of the status cues of a sentence: every cue when it speaks of a
        configuration's subject, else its action cues whose object names an initiative."""
        folded = self.folded_all[pos]
        supporters = {a for m in mentions if m.supporter for a in m.actors}
        bound_before: list[tuple[Cue, tuple[Actor, ...]]] = []
        for cue in cues:
            if not subject and not cue.action:
                continue
            actors, surface = self._actors_of(cue, mentions, pos, r, supporters,
                                              paragraph=subject and not cue.named)
            if not actors:
                continue
            if any(set(prev_actors) & set(actors)
                   and not re.search(r"\bet\b|, ", folded[prev.end:cue.start])
                   for prev, prev_actors in bound_before):
                continue  # the cue stands inside the object of the previous one
            bound_before.append((cue, actors))
            status = cue.status or self.para_status.get(r.paragraph_id, "") or "deploye"
            found = self._use_of(cue, r, folded)
            if found is None:
                continue
            phrase, anaphoric_use = found
            if not subject and not anaphoric_use and not self.lex.names_object(
                    f"{folded[cue.start:cue.end]} {phrase}"):
                continue
            if cue.action and self.lex.trial_object.search(fold_same_length(phrase)):
                status = "experimentation"
            uses = [phrase] if anaphoric_use else split_coordination(phrase)
            for actor in actors:
                for use in uses:
                    self._add(Candidate(self.doc, pos, r.sentence_id, int(r.paragraph_id),
                                        int(r.page), actor, surface, status, trim_words(use),
                                        r.text, anaphoric_use, full_use=use,
                                        cue_text=r.norm[cue.start:cue.end]))

    def _actors_of(self, cue: Cue, mentions: list[Mention], pos: int, r,
                   supporters: set[Actor], paragraph: bool = True
                   ) -> tuple[tuple[Actor, ...], str]:
        """The actors a cue belongs to and how they are named: its bound mention, the State
        for an experiment near a legal frame, else the paragraph's actor."""
        mention = bind(cue, mentions, self.folded_all[pos])
        if mention is not None:
            if any(a.role != "user" for a in mention.actors) and not cue.own:
                return (), ""
            return mention.actors, mention.surface
        if not paragraph:
            return (), ""
        if cue.status == "experimentation" and any(self.legal[max(0, pos - 2):pos + 3]):
            return (Actor("État", "etat", "body:etat"),), "(cadre légal)"
        if (r.paragraph_id in self.para_actor
                and pos - self.para_actor[r.paragraph_id][0] <= 8
                and not set(self.para_actor[r.paragraph_id][1]) & supporters):
            # the paragraph's actor, unless this sentence names it as a funder
            return self.para_actor[r.paragraph_id][1], "(même paragraphe)"
        return (), ""

    def _use_of(self, cue: Cue, r, folded: str) -> tuple[str, bool] | None:
        """The use phrase of a cue and whether it refers back to a use told before
        (« cette expérimentation »); None when the cue's object is no use."""
        lex = self.lex
        phrase = use_phrase(r.norm, folded, cue, lex)
        cue_text = folded[cue.start:cue.end]
        anaphoric_use = any(p.search(fold_same_length(phrase)) for p in lex.use_anaphora) \
            or "ce cas d'usage" in cue_text
        if not anaphoric_use and (not phrase or any(
                p.search(fold_same_length(phrase)) for p in lex.non_use)):
            if not phrase and cue.status == "interdit":
                phrase = f"interdiction ({lex.ai_term(folded) or lex.term})"
            else:
                return None
        if fold_same_length(phrase).strip() in ("interdiction", "interdiction de"):
            term = lex.ai_term(folded) or self.last_ai_term or lex.term
            phrase = f"interdiction ({term.upper() if len(term) <= 3 else term})"
        return phrase, anaphoric_use

    def _add(self, cand: Candidate) -> None:
        """Keep a candidate; an anaphoric use takes the use of its antecedent: this actor's
        last use in the document, else the last use told in the same paragraph or just
        before."""
        candidates = self.candidates
        if cand.anaphoric_use:
            same = [i for i in self.doc_candidates
                    if candidates[i].actor.key == cand.actor.key]
            prior = same or [
                i for i in self.doc_candidates if cand.pos - candidates[i].pos <= 3
                or candidates[i].paragraph_id == cand.paragraph_id]
            if prior:
                cand.antecedent = prior[-1]
                cand.use = candidates[prior[-1]].use
                cand.full_use = candidates[prior[-1]].full_use
        candidates.append(cand)
        self.doc_candidates.append(len(candidates) - 1)


def _attach_outcomes(candidates: list[Candidate], indices: list[int], records,
                     mentions_by_pos: dict[int, list[Mention]], lex: Lexicon) -> None:
    for i in indices:
        cand = candidates[i]
        for pos in range(cand.pos, min(cand.pos + 4, len(records))):
            r = records[pos]
            if r.kind == "heading" or (pos > cand.pos and r.paragraph_id != cand.paragraph_id
                                       and pos - cand.pos > 1):
                break
            if pos > cand.pos and not _is_actor_free(mentions_by_pos[pos], cand.actor):
                break
            for phrase in outcome_phrases(r.norm, lex):
                cand.outcome.append((r.sentence_id, phrase))
