"""The body of the note: each sub-part filled round robin over its topics within its word
budget (each pool sentence competes only in the topic it fits best), then every document of
the dossier cited at least once, the weakest statements trimmed when a sub-part runs over."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from ianote_lib.fr.normalize import word_count
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.evidence import opening_dropped, quotable_text
from ianote_lib.note.picker import Picker
from ianote_lib.note.plan import Plan, Topic
from ianote_lib.note.statements import Statement

# the relevance (BM25 scaled to the best sentence) from which a sentence says a topic
RELEVANT = 0.12


@dataclass
class TopicScores:
    """How well each pool sentence says each topic of the plan, keyed (sub-part, topic):
    `relevance` (BM25, scaled to the best sentence), `fit` (enough terms of the topic), and
    `home`, the index in `keys` of the topic each sentence says best."""

    keys: list[tuple[str, str]]
    relevance: dict[tuple[str, str], np.ndarray]
    fit: dict[tuple[str, str], np.ndarray]
    home: np.ndarray
    matrix: np.ndarray

    def relevant(self, rows: int) -> np.ndarray:
        """Which of the pool's `rows` say one of the plan's topics (all of them, for a plan
        without topics)."""
        return (self.matrix.max(axis=0) >= RELEVANT) if self.keys else np.ones(rows, bool)


def topic_scores(picker: Picker, plan: Plan) -> TopicScores:
    """The scores of every pool sentence for every topic of the plan's sub-parts."""
    relevance, fit = {}, {}
    for sp in plan.subparts:
        for topic in sp.topics:
            relevance[(sp.key, topic.name)] = picker.relevance(topic.terms)
            fit[(sp.key, topic.name)] = picker.fits(topic.terms)
    keys = list(relevance)
    matrix = np.vstack([relevance[k] for k in keys]) if keys else np.zeros((0, 0))
    home = matrix.argmax(axis=0) if keys else np.array([])
    return TopicScores(keys=keys, relevance=relevance, fit=fit, home=home, matrix=matrix)


def topics_left(picker: Picker, sp: Any, items: list[Statement],
                topic_rel: dict) -> list[Topic]:
    """The topics of a sub-part still to fill: a topic that two statements of the use cases
    already tell (it is their best topic in the sub-part) needs no generic sentence more."""
    told = Counter()
    for st in items:
        i = picker.index.get(st.sentence_id)
        if st.kind not in ("usage", "fiche") or i is None:
            continue
        rel = [(topic_rel[(sp.key, t.name)][i], t.name) for t in sp.topics]
        value, name = max(rel)
        if value >= RELEVANT:
            told[name] += 1
    left = [t for t in sp.topics if told[t.name] < 2]
    return left or sp.topics



def fill(picker: Picker, section: str, topics: list[Topic], items: list[Statement],
         budget: float, scores: TopicScores, growing: bool = False) -> None:
    """Fill a sub-part round robin over its topics, within `budget` words (`growing` beyond
    it, `select.top_up`: only by what its functions or their cues say, `_cued`)."""
    q = picker.quality
    keys, home, topic_rel = scores.keys, scores.home, scores.relevance
    # what the statements already there (pins, use cases) leave, shared by the topics
    per_topic = max(budget - picker.words(items), budget * 0.25) / max(len(topics), 1)
    words = defaultdict(int)
    for st in items:
        words[st.topic] += word_count(st.text)
    active = [t.name for t in topics]
    first: dict[str, float] = {}
    function_fit = picker.function_fit(section) & (_cued(picker, section) if growing else True)
    own = own_sentences(picker, section, scores)
    # a sentence that speaks another axis of the commande is not this one's, whatever topic
    # it says best (the deadlines stay under « le calendrier »)
    theirs = filed_elsewhere(picker, section)

    def next_pick(name: str) -> tuple[int, float] | None:
        k = keys.index((section, name))
        mine = (((own[1] == k) & own[0]) | ((home == k) & ~theirs) if own is not None
                else (home == k) & ~theirs)
        allowed = (mine & (topic_rel[(section, name)] >= RELEVANT)
                   & scores.fit[(section, name)] & ~picker.off & function_fit)
        return picker.best(topic_rel[(section, name)] * q, allowed=allowed)

    rounds = 0
    while active and picker.words(items) < budget:
        order = list(active)
        if rounds:
            # after a first sentence for each topic, the topics whose next sentence is
            # the strongest (relative to their first) come first
            strength = {}
            for name in order:
                pick = next_pick(name)
                strength[name] = pick[1] / first[name] if pick and first.get(name) else 0.0
            order.sort(key=lambda n: -strength[n])
        rounds += 1
        for name in order:
            if picker.words(items) >= budget:
                break
            pick = next_pick(name)
            if pick is None or words[name] >= per_topic * 1.6:
                active.remove(name)
                continue
            first.setdefault(name, pick[1])
            if pick[1] < 0.3 * first[name]:
                active.remove(name)         # what is left no longer fits the topic
                continue
            st = picker.make(pick[0], section, name, pick[1])
            items.append(st)
            words[name] += word_count(st.text)
            if words[name] >= per_topic:
                active.remove(name)
    if picker.words(items) < budget * 0.9:
        # topics exhausted early: the best sentences left that say its functions (`_cued`)
        cued = _cued(picker, section)
        for name in [t.name for t in topics] * 3:
            if picker.words(items) >= budget:
                break
            allowed = ((topic_rel[(section, name)] >= 0.25) & scores.fit[(section, name)]
                       & ~picker.off & function_fit & ~theirs & cued)
            pick = picker.best(topic_rel[(section, name)] * q, allowed=allowed)
            if pick:
                items.append(picker.make(pick[0], section, name, pick[1]))
    if own is not None:
        # a built plan filed these sentences here: its best remaining ones, on its own topics
        while picker.words(items) < budget * 0.9:
            relevance = sum(topic_rel[(section, t.name)] for t in topics)
            pick = picker.best((0.2 + relevance) * q, allowed=own[0] & ~picker.off
                               & function_fit)
            if pick is None:
                break
            k = int(own[1][pick[0]])
            items.append(picker.make(pick[0], section, keys[k][1], pick[1]))
    if picker.words(items) < budget * 0.9:
        picker.starved.append(section)
        picker.log.append(f"La sous-partie {section} n'a trouvé que {picker.words(items)} mots "
                          f"de phrases pertinentes (cible : {budget:.0f}).")


def loose_pick(picker: Picker, section: str, scores: TopicScores) -> Statement | None:
    """The best sentence left for a sub-part once its topics' thresholds refuse the rest (a
    dossier too small for them, or mostly of facts): one filed under it (for a plan file's
    sub-part, one it says best) or a plain fact (`constat`, `exemple`: they fit anywhere)
    filed elsewhere, of a function it may tell (under benefits and risks, a plain fact that
    holds one of their cues: `_cued`), on the audience, by its best topic's relevance times
    its quality; filed under that topic."""
    ks = [k for k, key in enumerate(scores.keys) if key[0] == section]
    if not ks:
        return None
    own = own_sentences(picker, section, scores)
    mine = own[0] if own is not None else np.isin(scores.home, ks)
    mine = (mine | np.isin(picker.functions, ["constat", "exemple"])) \
        & ~filed_elsewhere(picker, section)
    relevance = scores.matrix[ks].max(axis=0)
    pick = picker.best(relevance * picker.quality,
                       allowed=mine & picker.function_fit(section) & ~picker.off
                       & _cued(picker, section))
    if pick is None:
        return None
    topic = scores.keys[ks[int(scores.matrix[ks, pick[0]].argmax())]][1]
    return picker.make(pick[0], section, topic, pick[1])


def _cued(picker: Picker, section: str) -> np.ndarray:
    """For a sub-part of benefits and risks only: the rows of its functions or that hold one
    of their cues (a plain fact fills it with what it is not: « Environ 23,5 % des exploitations
    agricoles… » under « Des bénéfices attendus »); every row for any other sub-part."""
    wanted = set(getattr(picker.plan.section(section), "functions", []) or [])
    if not wanted or not wanted <= {"apport", "risque"}:
        return np.ones(len(picker.functions), dtype=bool)
    # what the sub-part already tells mostly (its title will say it: `note.titles`) is what it
    # grows by: benefits by benefits
    told = Counter(picker.functions[i] for i, st in picker.statements.items()
                   if st.section == section and picker.functions[i] in wanted).most_common()
    if told and (len(told) == 1 or told[0][1] > 2 * told[1][1]):
        wanted = {told[0][0]}
    return np.array([f in wanted or any(s.get(w, 0.0) > 0 for w in wanted)
                     for f, s in zip(picker.functions, picker.function_scores, strict=True)],
                    dtype=bool)


def own_sentences(picker: Picker, section: str,
                  scores: TopicScores) -> tuple[np.ndarray, np.ndarray] | None:
    """For a sub-part of a built plan: the sentences filed under it, and for each sentence the
    index (in `scores.keys`) of the sub-part's topic it says best; None for a plan file's
    sub-part (its sentences compete across the whole plan)."""
    try:
        members = set(getattr(picker.plan.section(section), "members", []) or [])
    except KeyError:
        return None
    if not members:
        return None
    mask = picker.pool["sentence_id"].isin(members).to_numpy()
    ks = [k for k, key in enumerate(scores.keys) if key[0] == section]
    local = np.array(ks)[scores.matrix[ks].argmax(axis=0)]
    return mask, local


def filed_elsewhere(picker: Picker, section: str) -> np.ndarray:
    """The pool sentences that speak only other axes of the commande than `section`'s (a plan
    built on its axes claims them for those), unless it filed them here (a lever that speaks
    of a deadline stays with the levers); none for a frame's plan or a plan file."""
    claims = {sp.key: set(getattr(sp, "claims", []) or []) for sp in picker.plan.subparts}
    other = set().union(*(c for key, c in claims.items() if key != section))
    try:
        sp = picker.plan.section(section)
    except KeyError:
        return np.zeros(len(picker.pool), dtype=bool)
    mine = claims.get(section, set()) | set(getattr(sp, "members", []) or [])
    return picker.pool["sentence_id"].isin(other - mine).to_numpy()


def cover(picker: Picker, statements: dict[str, list[Statement]], by_topic: TopicScores,
          budgets: dict[str, float], frame: list[Statement]) -> None:
    """Add, for each document not yet cited, its best sentence for the plan."""
    q = picker.quality
    keys, home, topic_rel = by_topic.keys, by_topic.home, by_topic.relevance
    docs_arr = picker.pool["doc"].to_numpy()
    cited = {d for items in statements.values() for s in items for d in s.docs}
    cited |= {d for s in frame for d in s.docs}
    theirs = {sp.key: filed_elsewhere(picker, sp.key) for sp in picker.plan.subparts}
    for doc in sorted(set(picker.ev.documents["doc"]) - cited):
        best = None
        for k, key in enumerate(keys):
            if key[0] in picker.skip:
                continue
            scores = topic_rel[key] * q
            allowed = (docs_arr == doc) & picker.function_fit(key[0]) & ~theirs[key[0]]
            pick = (picker.best(scores, allowed=allowed & by_topic.fit[key])
                    or picker.best(scores * 0.5, allowed=allowed))
            if pick and (best is None or pick[1] + (0.2 if home[pick[0]] == k else 0)
                         > best[1]):
                best = (pick[0], pick[1] + (0.2 if home[pick[0]] == k else 0), key)
        if best is None:
            picker.log.append(f"Aucune phrase citable du document {doc} pour ce plan.")
            continue
        i, score, (section, topic) = best
        items = statements[section]
        st = picker.make(i, section, topic, score)
        # insert next to the statements of the same topic
        pos = max((n + 1 for n, s in enumerate(items) if s.topic == topic), default=len(items))
        items.insert(pos, st)
        picker.log.append(f"Document {doc} ajouté pour être cité ({st.sentence_id}, {section}).")
        trim(picker, items, budgets[section] * 1.12)


def tell_corroborated(picker: Picker, statements: dict[str, list[Statement]],
                      by_topic: TopicScores, budgets: dict[str, float], least: int = 2,
                      most: int = 3) -> None:
    """Tell the facts that at least `least` other documents give too (`scoring.corroboration`)
    and the note has not told, the best first and `most` at most: each in a sub-part its
    function fits, the one with most room left (its topics' relevance breaking near ties).
    What several sources repeat is what the note must say, even when no topic of the plan
    asked for it."""
    q = picker.quality
    rows = [i for i in np.argsort(-q) if picker.corroborated[i] >= least
            and picker.candidate[i] and not picker.used[i]
            and not picker.off[i]][:most]
    for i in rows:
        if picker.used[i] or picker.mmr(i) >= picker.DUPLICATE:
            continue                    # told meanwhile, as a pick or a support
        best = None
        words = picker.text_words(str(picker.pool.at[i, "clean"]))
        for key in by_topic.keys:
            room = budgets[key[0]] - picker.words(statements[key[0]])
            if key[0] in picker.skip or not picker.function_fit(key[0])[i] or room < words:
                continue
            score = room / budgets[key[0]] + 0.25 * float(by_topic.relevance[key][i])
            if best is None or score > best[0]:
                best = (score, key)
        if best is None:
            continue
        section, topic = best[1]
        items = statements[section]
        # scored as the best of its sub-part: a trim drops the others first
        st = picker.make(i, section, topic, max([float(q[i])] + [x.score for x in items]))
        pos = max((n + 1 for n, s in enumerate(items) if s.topic == topic), default=len(items))
        items.insert(pos, st)
        picker.log.append(f"Fait repris par plusieurs documents ajouté ({st.sentence_id}, "
                          f"{section}).")


def elaborate(picker: Picker, statements: dict[str, list[Statement]], max_words: int = 75,
              min_weight: float = 6.0) -> bool:
    """Quote after a statement the sentence that follows it in its document when that sentence
    only points back to it (« Et si l'outil ne peut garantir une fiabilité à 100 %, il fait
    gagner un temps précieux… » after « il s'agit d'une aide à la décision ») and adds ideas the
    dossier shares (concepts of at least `min_weight`, `note.concepts`), or a strong figure (an
    amount, a share, a footprint: `note.evidence.strong_figures`) when the dossier's parse had
    paired it with the statement (« Les objectifs sont de -40 % en 2030… »
    after « Le dispositif Éco Énergie Tertiaire est une obligation réglementaire… », told
    alone); the statement stays under `max_words`, and in a sub-part of rules only, the
    sentence it follows with fits its functions (« L'outil BENEFRICHES a été développé pour
    quantifier… » does not elaborate « De nombreux projets restent bloqués… » under « Le cadre
    juridique »; elsewhere a benefit may elaborate a lever). Whether a statement grew."""
    grew = False
    sents = picker.ev.sentences
    following = dict(zip(sents["sentence_id"], sents["sentence_id"].shift(-1), strict=True))
    same_doc = dict(zip(sents["sentence_id"], sents["doc"], strict=True))
    for section, items in statements.items():
        fit = (picker.function_fit(section) if _rules_only(picker, section)
               else np.ones(len(picker.pool), dtype=bool))
        for st in sorted(items, key=lambda s: -s.score):
            if st.kind or st.pinned:
                continue
            last = ([st.sentence_id] + st.followed_ids)[-1]
            nxt = following.get(last)
            j = picker.index.get(nxt) if isinstance(nxt, str) else None
            if j is None or same_doc.get(nxt) != st.doc:
                continue
            after = str(picker.pool.at[j, "clean"])
            if _paired_after(picker, j, last):
                # (its text holds the statement's sentence before its own)
                head = str(picker.pool.at[picker.index[last], "clean"])
                after = after[len(head):].strip() if after.startswith(head) else ""
                if not after or nxt not in picker.ev.strong_figure_ids:
                    continue
            elif (picker.used[j] or picker.coverage.new_weight(j) < min_weight or not fit[j]
                    or not picker.continues(j, st.text, next_one=True, same_case=False,
                                            quotable=False)):
                continue
            if word_count(st.text) + word_count(after) > max_words:
                continue
            if (any(n.kind == "pronoun" for n in context_needs(after))
                    and opening_dropped(st.original or st.text, st.text)):
                # « Il a repris… » after « X a reconnu que P » quoted as P: the speaker the
                # pronoun stands for is quoted again, or the sentence is not
                if st.context_ids or not st.original:
                    continue
                st.text = quotable_text(st.original)
            picker.follow(st, j, after)
            grew = True
    return grew


def lengthen(picker: Picker, statements: dict[str, list[Statement]], floor: float,
             share: float, tail: int, margin: float = 0.02) -> None:
    """A body still under `floor` words of sub-parts once no sub-part finds a sentence it can
    quote alone (`select.top_up`): its statements go on with the sentence that follows them in
    their document and only points back to them, whatever it adds (`elaborate` without its
    concept floor; « Ces agents sont employés par 3 812 communes ou EPCI. » after the count of
    the policiers municipaux), shortest sub-part first, none beyond `share` less `margin` of
    the body (the last counted with the conclusion's `tail`; the margin keeps what the writer
    adds under the share of the page, which would have the note selected again narrower)."""
    keys = [k for k in statements if k not in picker.skip]
    last = keys[-1] if keys else ""
    tried: set[str] = set()
    while True:
        total = sum(picker.words(statements[k]) for k in keys)
        open_keys = [k for k in keys if k not in tried and (share - margin) * (total + tail)
                     - picker.words(statements[k]) - (tail if k == last else 0) >= 10]
        if total >= floor or not open_keys:
            return
        key = min(open_keys, key=lambda k: picker.words(statements[k]))
        if not elaborate(picker, {key: statements[key]}, min_weight=0.0):
            tried.add(key)


def _rules_only(picker: Picker, section: str) -> bool:
    """Whether the sub-part `section` gathers rules only (a legal frame)."""
    try:
        wanted = set(getattr(picker.plan.section(section), "functions", []) or [])
    except KeyError:
        return False
    return bool(wanted) and wanted <= {"regle"}


def _paired_after(picker: Picker, j: int, last: str) -> bool:
    """Whether pool row j is quoted only after sentence `last` (the parse's « précédée ») and
    went unused when `last` was told alone (`Picker.make`)."""
    return (bool(picker.used[j]) and str(picker.pool.at[j, "sentence_id"]) not in picker.told
            and str(picker.pool.at[j, "resolution"]) == "précédée"
            and [str(c) for c in picker.pool.at[j, "context_ids"]] == [last])


def trim(picker: Picker, items: list[Statement], limit: float) -> None:
    """Drop the weakest statements of an over-long sub-part, keeping every document cited,
    the sentences the conclusion's pistes come from (`Picker.kept`) and the facts two other
    documents give until the last."""
    while picker.words(items) > limit:
        counts = Counter(d for items_ in [items] for s in items_ for d in s.docs)
        removable = [s for s in items if not s.pinned and s.sentence_id not in picker.kept
                     and all(counts[d] > 1 for d in s.docs)
                     and sum(1 for x in items if x.topic == s.topic) > 1 and not s.kind]
        if not removable:
            return
        weakest = min(removable, key=lambda s: (picker.corroborated[picker.index[
            s.sentence_id]] >= 2 if s.sentence_id in picker.index else False, s.score))
        items.remove(weakest)
        picker.unmake(weakest)              # no longer said: its sentences are free again


def balance(picker: Picker, statements: dict[str, list[Statement]], share: float,
            tail: int = 0) -> None:
    """No sub-part over `share` of the body's words: the largest is trimmed (`trim`: every
    document stays cited) until none is, or until nothing more can go. `tail`: the words
    that follow the last sub-part without a title of their own (the conclusion), which a
    reader of the page counts with it."""
    last = list(statements)[-1] if statements else ""

    def count(key: str) -> int:
        return picker.words(statements[key]) + (tail if key == last else 0)

    for _ in range(len(statements) * 2):
        total = sum(count(k) for k in statements)
        key = max(statements, key=count)
        before = count(key)
        if before <= share * total:
            return
        # the largest x with x <= share * (x + the others): trimming to share * total would
        # leave it under its share of a body that its own trim made shorter
        extra = tail if key == last else 0
        trim(picker, statements[key], share * (total - before) / (1 - share) - extra)
        if count(key) == before:
            return
