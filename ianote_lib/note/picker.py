"""The state of a selection: which pool sentences are chosen or absorbed, and the moves that
change it — choose a sentence as a statement (absorbing the sentences of other documents that
say the same thing as its support), quote a sentence after it, undo a statement — and the
greedy maximal-marginal-relevance pick of the best remaining sentence."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from ianote_lib.fr.normalize import fold, strip_bullet, word_count
from ianote_lib.note.anaphora import context_needs, resolvable_by, unnamed_thing
from ianote_lib.note.concepts import Coverage
from ianote_lib.note.evidence import Evidence
from ianote_lib.note.functions import (
    OPPOSED,
    as_rules,
    best_function,
    compatible,
    function_scores,
)
from ianote_lib.note.openers import known_words, specific_words
from ianote_lib.note.plan import Plan, Topic
from ianote_lib.note.scoring import (
    bm25,
    corroboration,
    definition_strength,
    event_mentions,
    names_the_object,
    never_told,
    off_audience,
    quality,
    same_fact,
    telling_figures,
    term_hits,
)
from ianote_lib.note.statements import Statement
from ianote_lib.note.text import (
    compress,
    figure_numbers,
    fill_template,
    names_actor,
    style,
    years_in,
)


def phrase_list(value: object) -> list[str]:
    """The noun phrases of a `sentence_parse.phrases` cell (« a | b »)."""
    return [p for p in str(value or "").split(" | ") if p]


class Picker:
    """Greedy MMR selection of statements for a plan: the state shared by every step."""

    DUPLICATE = 0.6      # above this cosine a candidate repeats a chosen statement
    SUPPORT = 0.38       # cosine from which another document's sentence supports a statement
    MMR_LAMBDA = 0.55
    NOVELTY = 0.5        # share of a pick's value that its new concepts decide

    def __init__(self, evidence: Evidence, plan: Plan, pins: dict[str, list[str]] | None = None,
                 bans: set[str] | None = None, skip_sections: set[str] | None = None):
        self.ev = evidence
        self.plan = plan
        self.pool = evidence.pool
        self.sim = evidence.similarity
        self.corroborated = corroboration(self.pool["clean"].tolist(),
                                          self.pool["doc"].tolist())
        self.quality = quality(self.pool, self.corroborated)
        # the commande's object is a relevance prior for every section of the note
        self.focus = np.zeros(len(self.pool))
        if plan.focus_terms:
            focus = bm25(self.pool, Topic("focus", plan.focus_terms).phrases())
            top = float(np.quantile(focus[focus > 0], 0.9)) if (focus > 0).any() else 1.0
            self.focus = np.minimum(focus / (top or 1.0), 1.0)
            self.quality = self.quality * (0.6 + 0.6 * self.focus)
        if plan.avoid_terms:
            hits, _ = term_hits(self.pool, Topic("avoid", plan.avoid_terms).phrases())
            self.quality = self.quality * np.where(hits > 0, 0.0, 1.0)
        # private companies with nothing of public action, and an event's logistics: weak
        # (they lose against any sentence about public action) and never told in the body's
        # sub-parts (`off`: only the citation of every document may still draw on them), unless
        # the commande's object is about them; a sentence that speaks of an event ranks lower
        texts = self.pool["clean"]
        none = np.zeros(len(self.pool), dtype=bool)
        self.private = (texts.map(off_audience).to_numpy(dtype=bool)
                        if not names_the_object("private_actor_words", plan.focus_terms)
                        else none)
        # (and the making of a product told by its team, history told over centuries)
        self.event = never_told(texts, plan.focus_terms)
        mention = event_mentions(texts, plan.focus_terms)
        self.off = self.private | self.event
        st = style()
        self.quality = (self.quality
                        * np.where(self.private, float(st["off_audience_weight"]), 1.0)
                        * np.where(self.event, float(st["event_weight"]), 1.0)
                        * np.where(mention & ~self.event, float(st["event_mention_weight"]), 1.0))
        self.bans = set(bans or ())
        self.pins = pins or {}
        self.skip = set(skip_sections or ())
        self.candidate = (self.pool["candidate"].to_numpy() & ~banned_context(self.pool, self.bans)
                          & ~self.pool["sentence_id"].isin(self.bans).to_numpy())
        self.used = np.zeros(len(self.pool), dtype=bool)       # chosen or absorbed
        self.chosen: list[int] = []
        self.statements: dict[int, Statement] = {}
        self.index = {sid: i for i, sid in enumerate(self.pool["sentence_id"])}
        self.log: list[str] = []
        self._idf = self._content_idf()
        self._paired_with: dict[str, list[int]] = defaultdict(list)
        if "resolution" in self.pool:
            for j, (res, ctx) in enumerate(zip(self.pool["resolution"],
                                               self.pool["context_ids"], strict=True)):
                if res in ("précédée", "suivie", "liste"):
                    for cid in ctx:
                        self._paired_with[str(cid)].append(j)
        self.function_scores = [function_scores(t) for t in self.pool["clean"]]
        self.functions = [best_function(scores) for scores in self.function_scores]
        if "action" in self.pool:
            # a sentence that prescribes an action on its parse (« Mener une réflexion avec
            # les fournisseurs… ») and holds no cue of another function is a lever (the built
            # plan files on the text alone: a plain fact fits the levers' sub-part anyway)
            self.functions = ["levier" if f == "constat" and str(a or "").strip() else f
                              for f, a in zip(self.functions, self.pool["action"], strict=True)]
        self.functions = as_rules(self.functions, self.pool["doc"], self.pool["clean"],
                                  self.ev.sentences)      # (a text of law's: its rules)
        self.coverage = Coverage(self.pool["clean"], self.pool["doc"])
        # a sentence that names nothing of its own (« les collectivités sont confrontées à de
        # nombreux obstacles ») says less than any sentence that does
        self.quality = self.quality * np.where(self.hollow(), float(st["hollow_weight"]), 1.0)
        self.starved: list[str] = []
        self.told: set[str] = set()     # source sentences the note already tells
        self.kept: set[str] = set()     # what no trim takes: the pistes' sentences (`pistes`)
        self.by_figure = figure_index(self.pool["clean"])     # (for `restated_rows`)
        self.topic_order: dict[str, list[str]] = {}

    def _content_idf(self) -> dict[str, float]:
        df: Counter = Counter()
        for content in self.pool["content"]:
            df.update(content)
        n = len(self.pool)
        return {w: math.log(n / c) for w, c in df.items()}

    def hollow(self) -> np.ndarray:
        """Rows with no figure, no named actor and fewer than two specific words
        (`note.openers.specific_words`) beyond the dossier's subject and the commande's."""
        known = known_words(self.plan) | self.coverage.subject
        phrases = self.pool.get("phrases", pd.Series([""] * len(self.pool)))
        few = np.array([len(specific_words(phrase_list(ph), known)) < 2 for ph in phrases])
        return (few & ~self.pool["figure"].to_numpy(dtype=bool)
                & (self.pool["actors"].to_numpy(dtype=float) == 0))

    # -- scores
    def fits(self, terms: dict[str, float]) -> np.ndarray:
        """Whether each pool row fits a topic: two distinct terms of it, or one strong term
        (a phrase, or a term of the highest weight)."""
        hits, strong = term_hits(self.pool, Topic("q", terms).phrases())
        return (hits >= 2) | strong

    def relevance(self, terms: dict[str, float]) -> np.ndarray:
        raw = bm25(self.pool, Topic("q", terms).phrases())
        top = raw.max() if len(raw) else 0.0
        return raw / top if top > 0 else raw

    def function_fit(self, section: str) -> np.ndarray:
        """Rows whose function may be told in the sub-part `section` (`fitting`)."""
        return fitting(self.plan, section, self.functions, self.function_scores,
                       self.pool["clean"])

    def mmr(self, i: int) -> float:
        if not self.chosen:
            return 0.0
        return float(self.sim[i, self.chosen].max())

    # -- statements
    def make(self, i: int, section: str, topic: str, score: float,
              pinned: bool = False) -> Statement:
        row = self.pool.iloc[i]
        context = list(row["context_ids"]) if "context_ids" in row else []
        st = Statement(section=section, topic=topic, sentence_id=row["sentence_id"],
                       doc=int(row["doc"]), text=str(row["clean"]), score=float(score),
                       docs=[int(row["doc"])], pinned=pinned, context_ids=context,
                       original=str(row["text"]),
                       phrases=phrase_list(row.get("phrases", "")),
                       subject=(str(row.get("subject_text", "") or ""),
                                str(row.get("subject_pronoun", "") or "")),
                       function=self.functions[i], tense=str(row.get("tense", "") or ""))
        self.chosen.append(i)
        self.used[i] = True
        # a sentence quoted with the one before it is not quoted again on its own, and the
        # other way round
        sid = str(row["sentence_id"])
        for j in self._paired_with.get(sid, []):
            self.used[j] = True
        if row.get("resolution", "") in ("précédée", "suivie", "liste"):
            for cid in context:
                if cid in self.index:
                    self.used[self.index[cid]] = True
        self.tell_divergence(st)
        self.statements[i] = st
        self.told.update(st.source_ids)
        self.coverage.tell(i)
        self.absorb(i, st)
        return st

    def tell_divergence(self, st: Statement) -> None:
        """A fact whose figure another document gives a close other value is told with both
        (`note.evidence.close_divergences`), citing both documents."""
        div = self.ev.divergent.get(st.sentence_id)
        if div is None:
            return
        st.text = st.text.rstrip() + " " + fill_template(
            style()["divergence_sentence"], {"here": div.here, "other": div.other})
        st.support_ids.append(div.other_id)
        if div.other_doc not in st.docs:
            st.docs.append(div.other_doc)
        j = self.index.get(div.other_id)
        if j is not None:
            self.used[j] = True

    def supports(self, i: int, j: int) -> bool:
        """Whether pool row j (another document) says the same thing as row i."""
        pair = frozenset((self.pool.at[i, "sentence_id"], self.pool.at[j, "sentence_id"]))
        if pair in self.ev.agreements:
            return True
        s = self.sim[i, j]
        if s < 0.3:
            return False
        here, there = str(self.pool.at[i, "clean"]), str(self.pool.at[j, "clean"])
        if len(years_in(here) & years_in(there)) >= 3:
            return True     # the same calendar (« 2021 », « 2031 », « 2050 ») in other words
        figures = figure_numbers(here)
        if figures and not figures & figure_numbers(there):
            return False    # a document that gives none of the figures does not confirm them
        a, b = self.pool.at[i, "content"], self.pool.at[j, "content"]
        shared = a & b
        weight = sum(self._idf.get(w, 0.0) for w in shared)
        ratio = fuzz.token_set_ratio(fold(self.pool.at[i, "clean"]),
                                     fold(self.pool.at[j, "clean"]))
        if ratio >= 90 and min(len(a), len(b)) >= 5:
            return True
        return s >= self.SUPPORT and len(shared) >= 4 and weight >= 12.0

    def absorb(self, i: int, st: Statement) -> None:
        """Mark the sentences of other documents that repeat row i as its support."""
        doc_i = int(self.pool.at[i, "doc"])
        sid = self.pool.at[i, "sentence_id"]
        agreeing = {self.index[b] for pair in self.ev.agreements if sid in pair
                    for b in pair if b != sid and b in self.index}
        same_doc = np.where((self.sim[i] >= 0.1)
                            & (self.pool["doc"].to_numpy() == doc_i))[0]
        restated = restated_rows(self, i)       # (another document's restatement, too)
        for j in sorted({*np.where(self.sim[i] >= 0.3)[0], *same_doc, *agreeing, *restated}):
            if self.used[j]:
                continue
            doc_j = int(self.pool.at[j, "doc"])
            if doc_j == doc_i:
                if self.sim[i, j] >= self.DUPLICATE or same_fact(
                        str(self.pool.at[i, "clean"]), str(self.pool.at[j, "clean"])):
                    self.used[j] = True     # the same fact told twice by one document
                    self.told.add(str(self.pool.at[j, "sentence_id"]))
                continue
            if j in restated or self.supports(i, j):
                self.used[j] = True
                st.support_ids.append(str(self.pool.at[j, "sentence_id"]))
                self.told.add(st.support_ids[-1])
                if doc_j not in st.docs:
                    st.docs.append(doc_j)

    def best(self, scores: np.ndarray, allowed: np.ndarray | None = None,
             need_figure: bool = False) -> tuple[int, float] | None:
        ok = self.candidate & ~self.used
        if allowed is not None:
            ok &= allowed
        if need_figure:
            ok &= self.pool["figure"].to_numpy()
        if not ok.any():
            return None
        values = np.full(len(scores), -np.inf)
        rows = np.where(ok & (scores > 0))[0]
        # what the sentence adds that the note has not said (`note.concepts`)
        gain = 1 - self.NOVELTY + self.NOVELTY * self.coverage.gains(rows)
        for i in rows:
            redundancy = self.mmr(i)
            if redundancy >= self.DUPLICATE:
                continue
            values[i] = (self.MMR_LAMBDA * scores[i] * gain[i]
                         - (1 - self.MMR_LAMBDA) * redundancy)
        i = int(np.argmax(values))
        if not np.isfinite(values[i]):
            return None
        return i, float(scores[i])

    def follow(self, st: Statement, j: int, text: str = "") -> None:
        """Quote pool row j (its `text`, else its own) right after statement `st`."""
        st.text = st.text.rstrip() + " " + (text or str(self.pool.at[j, "clean"]))
        sid = str(self.pool.at[j, "sentence_id"])
        st.followed_ids.append(sid)
        self.used[j] = True
        self.chosen.append(j)
        self.told.add(sid)
        self.coverage.tell(j)
        self.absorb(j, st)

    def continues(self, j: int, before: str, next_one: bool, same_case: bool,
                   quotable: bool) -> bool:
        """Whether pool row j can be quoted right after `before`: it is refused only because
        it points back, and what it points to is `before` (the sentence right before it in its
        document, the same use case, or a noun `before` names); with `quotable`, a sentence
        that can be quoted alone also continues (the causes of a failure)."""
        if self.pool.at[j, "sentence_id"] in self.bans:
            return False
        reasons = set(self.pool.at[j, "reasons"])
        if not reasons:
            return quotable
        if reasons != {"renvoie à une phrase précédente"}:
            return False
        needs = context_needs(str(self.pool.at[j, "clean"]))
        if next_one and unnamed_thing(before, needs):
            return False        # « Ce projet s'inscrit… » after a sentence that names none
        if next_one or same_case:
            return all(n.kind in ("demonstrative", "definite", "possessive", "opening")
                       for n in needs) or next_one
        return all(resolvable_by({"clean": before}, n) for n in needs)

    def unmake(self, st: Statement, also: list[str] | None = None) -> None:
        """Undo a statement that does not fit the budget: its sentences (and `also`) become
        free again."""
        for sid in [st.sentence_id, *st.followed_ids, *st.support_ids, *(also or [])]:
            j = self.index.get(sid)
            if j is not None:
                self.used[j] = False
                if j in self.chosen:
                    self.chosen.remove(j)
                self.statements.pop(j, None)
            self.told.discard(sid)
        self.coverage.recount(self.chosen)

    def self_contained(self) -> np.ndarray:
        """Rows quoted alone (no sentence quoted before them): as the dossier wrote them, or
        with a noun phrase completed from the sentence before (« complétée »)."""
        if "resolution" not in self.pool:
            return np.ones(len(self.pool), dtype=bool)
        return self.pool["resolution"].isin(["", "complétée"]).to_numpy()


    def words(self, items: list[Statement]) -> int:
        return sum(self.text_words(s.text) for s in items)

    @staticmethod
    def text_words(text: str) -> int:
        """The words of a statement's text as the note will write it (compressed)."""
        return word_count(compress(strip_bullet(text)))


def fitting(plan: Plan, section: str, functions: list[str],
            scores: list[dict[str, float]], texts: Sequence[str] = ()) -> np.ndarray:
    """Whether each row, of these `functions` and `scores`, may be told in the sub-part
    `section` (`note.functions.compatible`): weighed by its scores unless the sub-part is an
    axis of the commande, whose words guard it. In an axis of rules only, the case of a place
    or a local body (an example, or a sentence of `texts` that names one) is told when it states
    a rule, while another sub-part tells the examples (the rénovation note's « obligations de
    réduction des consommations » told what the Conseil en Énergie Partagé of Dinan
    Agglomération had done since 2017)."""
    sp = next((sp for sp in plan.subparts if sp.key == section), None)
    wanted = getattr(sp, "functions", [])
    axis = any(t.name == "axe" for t in getattr(sp, "topics", []))
    # nor, in a frame's part, unless the sub-part asks for it, one the part's other sub-part
    # opposes: a limit is not told in the state of play of a part on the benefits (« Un levier
    # reconnu… »); the parts of the commande's axes state no such thing
    part = next((p for p in plan.parts if sp in p.subparts), None) if sp is not None else None
    around = {f for other in getattr(part, "subparts", []) for f in other.functions}
    rules_only = axis and bool(wanted) and set(wanted) <= {"regle"} and any(
        "exemple" in other.functions for other in plan.subparts)
    cases = ([f == "exemple" or names_actor(str(t), local=True)
              for f, t in zip(functions, texts, strict=True)]
             if rules_only and len(texts) else [False] * len(functions))
    # a definition is neither a gain nor a risk: it belongs to a state of play, a legal frame
    # or a lever it explains (« L'empreinte carbone désigne la quantité d'émissions… » among
    # the risks of the embedded note)
    defined = ([definition_strength(str(t)) >= 1.0 for t in texts]
               if wanted and set(wanted) <= {"apport", "risque"} and len(texts)
               else [False] * len(functions))
    return np.array([compatible(f, wanted, None if axis else s)
                     and (axis or f in wanted or not OPPOSED.get(f, set()) & around)
                     and not (case and s.get("regle", 0.0) <= 0) and not definition
                     for f, s, case, definition in zip(functions, scores, cases, defined,
                                                       strict=True)], dtype=bool)


def banned_context(pool: pd.DataFrame, bans: set[str]) -> np.ndarray:
    """The rows quoted with a banned sentence for their context (« Le Siéml installera 250
    bornes… d'ici 2025 » before « Il a axé son programme… »): banned too."""
    if "context_ids" not in pool or not bans:
        return np.zeros(len(pool), dtype=bool)
    return pool["context_ids"].map(lambda ids: bool(set(map(str, ids)) & bans)).to_numpy()


def figure_index(texts: Iterable[object]) -> dict[str, set[int]]:
    """The rows of each figure that can tell one fact from another (`telling_figures`)."""
    index: dict[str, set[int]] = defaultdict(set)
    for j, text in enumerate(texts):
        for n in telling_figures(str(text)):
            index[n].add(j)
    return index


def restated_rows(picker: Picker, i: int) -> set[int]:
    """The other rows of the picker's pool that state row i's fact in other words, whatever
    their document: one of row i's telling figures that two documents at most give, no
    figure row i lacks, and half their words (« …2,9 millions d'hectares appartenant à
    d'autres propriétaires forestiers publics » and « Les communes forestières sont
    propriétaires de 2,9 millions d'hectares… »; not the figure every document of a dossier
    repeats, « 30 km/h »). One fact is told once."""
    pool = picker.pool
    text = str(pool.at[i, "clean"])
    figures = telling_figures(text)
    docs = pool["doc"].to_numpy()
    near: set[int] = set()
    for n in figures:
        holders = picker.by_figure.get(n, set())
        if len({int(docs[j]) for j in holders}) <= 2:
            near |= holders
    return {j for j in near - {i}
            if telling_figures(str(pool.at[j, "clean"])) <= figures
            and same_fact(text, str(pool.at[j, "clean"]), share=0.5)}
