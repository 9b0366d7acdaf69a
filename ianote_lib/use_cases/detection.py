"""Use cases of AI by named public bodies, read from the sentences of the dossier.

A sentence tells a use case when it holds (1) a status cue (« expérimente », « a interdit »,
« fut abandonné par », « s'intéresse à », « dispose depuis »… see
`resources/use_case_lexicon.yaml`), (2) a public actor the cue belongs to (the subject before
it, the agent after « par », « comme l'a fait X », or the actor of the paragraph), and (3) AI
(an AI word in the sentence, or an anaphoric « cette innovation », « ce traitement » right after
one). The same use case told by several sentences or documents is merged into one row by actor
identity (`actors.Actor.key`), domain and shared content words.

The table reads for a person: `use` is a label of a few words cut from the use phrase by
general rules (`use_label`, rules in the lexicon's `use_label` section), `outcome` joins with
« ; » the short quantified clauses of the sentences that follow the use (`outcome_phrases`,
`select_outcomes`, section `outcome_label`); both follow French typography
(`fr.normalize.french_typography`).

Output: the `use_cases` table (see DESIGN.md) with `evidence_sentence_ids`, `actor_aliases`,
`outcome_sentence_ids` and `outcome_figure_ids` (empty when no `figures` table is given).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.normalize import fold_same_length, french_typography
from ianote_lib.fr.stopwords import keyword_stop_words
from ianote_lib.use_cases.actors import Actor, ActorTracker, Mention

USE_CASE_COLUMNS = [
    "use_case_id", "actor", "actor_type", "use", "domain", "status", "docs", "outcome",
    "evidence", "evidence_sentence_ids", "actor_aliases", "outcome_sentence_ids",
    "outcome_figure_ids", "pages",
]


@dataclass(frozen=True)
class Cue:
    status: str
    start: int
    end: int
    own: bool
    passive: bool


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


class LabelRules:
    """The compiled `use_label` section of the lexicon (regexes on the lower-cased phrase)."""

    def __init__(self, data: dict) -> None:
        self.max_words = int(data["max_words"])
        self.circumstance = re.compile(data["circumstance"])
        self.trial_nouns = re.compile(data["trial_nouns"])
        self.leading = [re.compile(p) for p in data["leading"]]
        self.generic_head = re.compile(data["generic_head"])
        self.containers = re.compile(data["containers"])
        self.strong_cuts = [re.compile(p) for p in data["strong_cuts"]]
        self.weak_cuts = [re.compile(p) for p in data["weak_cuts"]]
        self.beneficiary = re.compile(data["beneficiary"])


class OutcomeRules:
    """The compiled `outcome_label` section of the lexicon (regexes on the lower-cased
    clause)."""

    def __init__(self, data: dict) -> None:
        self.max_phrases = int(data["max_phrases"])
        self.clause_split = re.compile(data["clause_split"])
        self.comparison = re.compile(data["comparison_parenthesis"])
        self.leading = [re.compile(p) for p in data["leading"]]
        self.copula = re.compile(data["copula"])
        self.article = re.compile(data["article"])
        self.article_figure_within = int(data["article_figure_within"])
        self.anaphoric_figure = re.compile(data["anaphoric_figure"])
        self.volume = [re.compile(p) for p in data["volume_cues"]]


class Lexicon:
    """The compiled `use_case_lexicon.yaml`."""

    def __init__(self) -> None:
        data = load_yaml("use_case_lexicon.yaml")
        self.data = data
        self.ai = [re.compile(p) for p in data["ai_cues"]]
        self.generic = frozenset(data.get("generic_words") or [])
        self.term = str((data.get("technology") or {}).get("term") or "")
        self.anaphoric = [re.compile(p) for p in data["anaphoric_nouns"]]
        self.use_anaphora = [re.compile(p) for p in data["use_anaphora"]]
        self.cues = [(c["status"], re.compile(c["re"]), bool(c.get("own")),
                      bool(c.get("passive"))) for c in data["status_cues"]]
        self.priority = data["status_priority"]
        self.labels = data["status_labels"]
        self.void_before = [re.compile(p) for p in data["void_before"]]
        self.legal = [re.compile(p) for p in data["legal_cues"]]
        self.non_use = [re.compile(p) for p in data["non_use_objects"]]
        self.fillers = [re.compile(p) for p in data["use_fillers"]]
        self.generic_object = re.compile(data["generic_objects"])
        self.purpose = re.compile(data["purpose_markers"])
        self.outcome = [re.compile(p) for p in data["outcome_cues"]]
        self.label = LabelRules(data["use_label"])
        self.outcome_label = OutcomeRules(data["outcome_label"])
        self.domains = {name: [(re.compile(t), w) for t, w in terms]
                        for name, terms in data["domains"].items()}
        self.concepts = {name: re.compile(r"\b(?:" + "|".join(terms) + r")\b")
                         for name, terms in data["concepts"].items()}

    def has_ai(self, folded: str) -> bool:
        return any(p.search(folded) for p in self.ai)

    def ai_term(self, folded: str) -> str:
        for p in self.ai:
            m = p.search(folded)
            if m:
                return m.group(0)
        return ""

    def find_cues(self, folded: str) -> list[Cue]:
        found: list[Cue] = []
        for status, pattern, own, passive in self.cues:
            for m in pattern.finditer(folded):
                before = folded[max(0, m.start() - 60):m.start()]
                if any(v.search(before) for v in self.void_before):
                    continue
                found.append(Cue(status, m.start(), m.end(), own, passive))
        kept: list[Cue] = []
        for cue in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
            if all(cue.start >= k.end or cue.end <= k.start for k in kept):
                kept.append(cue)
        return kept

    def domain(self, use: str, evidence: str) -> str:
        best, best_score = "autre", 0.0
        fu, fe = fold_same_length(use), fold_same_length(evidence)
        for name, terms in self.domains.items():
            score = sum(w * (2 * len(p.findall(fu)) + len(p.findall(fe))) for p, w in terms)
            if score > best_score:
                best, best_score = name, score
        return best

    def concept_set(self, text: str) -> set[str]:
        folded = fold_same_length(text)
        return {name for name, p in self.concepts.items() if p.search(folded)}


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (compiled once)."""
    return Lexicon()


# -- binding a cue to its actor -------------------------------------------------------------
_AGENT_AFTER = re.compile(
    r"^[\s\"»]*(?:\S+\s){0,3}?(?:par|comme l'a fait(?: recemment)?|comme l'ont fait)\s+")


def _eligible(m: Mention) -> bool:
    return not m.supporter


def bind(cue: Cue, mentions: list[Mention], folded: str) -> Mention | None:
    """The mention the cue belongs to: the agent after « par » / « comme l'a fait », else the
    nearest subject before the cue, else the nearest actor after it."""
    after = _AGENT_AFTER.match(folded[cue.end:cue.end + 60])
    if after:
        pos = cue.end + after.end()
        for m in mentions:
            if _eligible(m) and pos - 1 <= m.start <= pos + 8:
                return m
    before = [m for m in mentions if _eligible(m) and not m.oblique and m.end <= cue.start]
    if before:
        return before[-1]
    later = [m for m in mentions if _eligible(m) and not m.oblique and m.start >= cue.end
             and m.start - cue.end < 160]
    return later[0] if later else None


# -- the use phrase -------------------------------------------------------------------------
_CUT = re.compile(r"[.;:!?…]|\s[–—-]\s|\s(?:decretee?s?|decidee?s?|annoncee?s?)\b|"
                  r"\s«\s?un |,\s(?:qui|dont|avec|a-t-il|a-t-elle|explique|"
                  r"selon|ajoute|precise|a detaille)\b")
_COMME = re.compile(r"\bcomme l'(?:a|ont) fait\b.*$")


def _trim_words(text: str, limit: int = 14) -> str:
    words = text.split()
    if len(words) > limit:
        words = words[:limit]
        while words and fold_same_length(words[-1]) in keyword_stop_words():
            words.pop()
        return " ".join(words) + "…"
    return " ".join(words)


def use_phrase(norm: str, folded: str, cue: Cue, lex: Lexicon) -> str:
    """A few French words saying the use, cut from the sentence around the cue."""
    if cue.passive:
        head = norm[:cue.start]
        head_f = folded[:cue.start]
        cut = max(head_f.rfind(", "), head_f.rfind(": "))
        if cut >= 0 and len(head[cut + 2:].split()) >= 2:
            head, head_f = head[cut + 2:], head_f[cut + 2:]
        head = re.sub(r"\s(?:qui|est|sont|fut|a|ont|pourra|pourront)(?:\s\w+)?\s*$", "", head)
        tail = norm[cue.end:]
        purpose = lex.purpose.search(fold_same_length(tail)[:40])
        phrase = head.strip()
        if purpose:
            phrase += " " + tail[purpose.start():].strip()
    else:
        phrase = norm[cue.end:]
        if cue.status == "interdit" and "interdiction" not in folded[cue.start:cue.end]:
            starts_with_article = re.match(r"\s*(?:la|le|les|l')\b", fold_same_length(phrase))
            phrase = ("interdiction de " if starts_with_article else "interdiction ") \
                + phrase.strip()
        elif cue.status == "interdit":
            phrase = "interdiction de " + phrase.strip()
    phrase_f = fold_same_length(phrase)
    phrase = phrase[:len(_COMME.sub("", phrase_f))]
    phrase_f = fold_same_length(phrase)
    cut = _CUT.search(phrase_f)
    if cut and len(phrase[:cut.start()].split()) >= 3:
        phrase = phrase[:cut.start()]
    phrase = re.sub(r"[\"«»“”]", "", phrase).strip(" ,")
    for _ in range(3):
        for filler in lex.fillers:
            phrase = phrase[len(phrase) - len(filler.sub("", fold_same_length(phrase))):]
    phrase_f = fold_same_length(phrase)
    if lex.generic_object.match(phrase_f):
        purpose = lex.purpose.search(phrase_f)
        if purpose:
            phrase = phrase[purpose.end():]
    return phrase.strip(" ,")


def _lower(text: str) -> str:
    """Lower case with the same length (offsets stay valid), accents kept."""
    return "".join(ch.lower()[:1] or ch for ch in text)


def _strip_leading(text: str, patterns: list[re.Pattern]) -> str:
    """Remove the leading words the patterns match, repeatedly, never the whole text."""
    for _ in range(8):
        low = _lower(text)
        for p in patterns:
            m = p.match(low)
            if m and m.end() > 0 and text[m.end():].strip():
                text = text[m.end():].lstrip(" ,")
                break
        else:
            return text
    return text


def _cut_strong(text: str, rules: LabelRules) -> str:
    """Cut at the first strong boundary with at least two words before it."""
    low = _lower(text)
    cuts = [m.start() for p in rules.strong_cuts for m in p.finditer(low)
            if len(text[:m.start()].split()) >= 2]
    return text[:min(cuts)] if cuts else text


def _drop_trailing(text: str) -> str:
    words = text.rstrip(" ,;:").split()
    while len(words) > 1 and fold_same_length(words[-1]).strip(",") in keyword_stop_words():
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _fit(text: str, rules: LabelRules) -> str:
    """At most `max_words` words: drop « permettre à X de », then end at the last weak
    boundary that fits, else at the word limit (never with an ellipsis)."""
    limit = rules.max_words
    if len(text.split()) <= limit:
        return text
    m = rules.beneficiary.search(_lower(text))
    if m:
        text = text[:m.start()] + text[m.end():]
        if len(text.split()) <= limit:
            return text
    low = _lower(text)
    ends = [m.start() for p in rules.weak_cuts for m in p.finditer(low)
            if 3 <= len(text[:m.start()].split()) <= limit]
    if ends:
        return _drop_trailing(text[:max(ends)])
    return _drop_trailing(" ".join(text.split()[:limit]))


def _balance(text: str) -> str:
    """No half parenthesis: an unclosed « ( » ends the label, a stray « ) » goes."""
    while text.count("(") > text.count(")"):
        text = text[:text.rfind("(")].rstrip()
    while text.count(")") > text.count("("):
        i = text.find(")")
        text = (text[:i] + text[i + 1:]).replace("  ", " ")
    return text.strip(" ,;:")


def _technique_only(label: str, lex: Lexicon) -> bool:
    """« analyse d'images », « l'IA »: the label names an AI technique and nothing else."""
    folded = fold_same_length(label)
    for p in lex.ai:
        m = p.search(folded)
        if m and len(_content_lemmas(folded[:m.start()] + folded[m.end():])) == 0:
            return True
    return False


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a common word (« Analyse » -> « analyse »), not of an
    acronym or a name (« IA », « ChatGPT », « Copilot »)."""
    first = text.split()[0] if text.split() else ""
    word = first.split("'")[0] if "'" in first[:3] else first
    if word[:1].isupper() and (len(word) < 2 or word[1:].islower()) \
            and is_known(word.lower()):
        return text[:1].lower() + text[1:]
    return text


def use_label(phrase: str, cue_text: str = "", lex: Lexicon | None = None) -> str:
    """A few French words naming the use (at most `use_label.max_words`, no ellipsis), cut
    from the use phrase of a sentence by general rules: a circumstance before the purpose goes
    into a parenthesis (« (test avec 1.000 agents volontaires) »), leading coordinators,
    adverbs, articles and verbs of use go, a bare AI object gives way to its purpose
    (« l'IA pour exploiter les délibérations » -> « exploiter les délibérations »), the label
    ends at the first relative clause, gerund, means or main verb, then at a weak boundary if
    still too long. When the cue names the AI tool (« a demandé à ChatGPT de… ») and the label
    does not, the tool heads it."""
    lex = lex or lexicon()
    rules = lex.label
    text = " ".join(re.sub(r"[\"«»“”]", " ", phrase).split()).strip(" ,;:")
    note = ""
    m = rules.circumstance.match(_lower(text))
    if m and len(text[m.end():].split()) >= 2:
        trial = rules.trial_nouns.search(_lower(cue_text))
        circumstance = text[:m.end(1)]
        note = f"({trial.group(0) + ' ' if trial else ''}{circumstance})"
        text = text[m.end():]
    for _ in range(3):
        before = text
        text = _strip_leading(text, rules.leading)
        g = rules.generic_head.match(_lower(text))
        if g and len(text[g.end():].split()) >= 2:
            text = text[g.end():]
        c = rules.containers.match(_lower(text))
        if c and len(text[c.end():].split()) >= 1:
            text = text[c.end():]
        text = _cut_strong(text, rules)
        if text == before:
            break
    text = _balance(_fit(_balance(text), rules))
    cue_folded = fold_same_length(cue_text)
    if text and not lex.has_ai(fold_same_length(text)):
        for p in lex.ai:
            tool = p.search(cue_folded)
            if tool and re.match(r"\w+(?:er|ir|re)\b", _lower(text)):
                text = f"{cue_text[tool.start():tool.end()]} pour {text}"
                break
    text = _lower_first(text)
    return f"{text} {note}".strip() if text else note.strip("()")


def _split_coordination(phrase: str) -> list[str]:
    """« le tri des courriers et l'identification des risques » -> two uses (both parts
    headed by an action noun)."""
    parts = re.split(r"\s+et\s+(?=(?:l'|le |la |les |un |une ))", phrase)
    if len(parts) < 2:
        return [phrase]
    action = re.compile(r"^(?:l'|le |la |les |un |une )?\w*(?:tion|ment|age|ure|tri|suivi|"
                        r"controle|analyse|gestion)s?\b")
    if all(action.match(fold_same_length(p)) for p in parts):
        return parts
    return [phrase]


# -- reading the dossier --------------------------------------------------------------------
def _content_lemmas(text: str) -> set[str]:
    words = re.findall(r"[\w'-]+", fold_same_length(text))
    out = set()
    for w in words:
        w = w.split("'")[-1]
        if len(w) < 3 or w in keyword_stop_words() or w.isdigit():
            continue
        lemma = fold_same_length(lemmatize(w))
        if lemma not in lexicon().generic and lemma not in keyword_stop_words():
            out.add(lemma)
    return out


def _is_actor_free(mentions: list[Mention], actor: Actor) -> bool:
    return all(a.key == actor.key or a.role != "user" for m in mentions for a in m.actors)


def detect_candidates(sentences: pd.DataFrame) -> list[Candidate]:
    """Every (sentence, actor, status cue) reading of the dossier, in document order."""
    lex = lexicon()
    candidates: list[Candidate] = []
    rows = sentences[sentences["kind"] != "title"]
    for doc, group in rows.groupby("doc", sort=True):
        tracker = ActorTracker()
        records = list(group.itertuples(index=False))
        folded_all = [fold_same_length(r.norm) for r in records]
        legal = [any(p.search(f) for p in lex.legal) for f in folded_all]
        ai_pos: list[int] = []
        last_heading = -1
        para_actor: dict[int, tuple[int, tuple[Actor, ...]]] = {}
        para_status: dict[int, str] = {}
        mentions_by_pos: dict[int, list[Mention]] = {}
        doc_candidates: list[int] = []
        last_ai_term = ""
        for pos, r in enumerate(records):
            heading = r.kind == "heading"
            mentions = tracker.read(r.norm, heading=heading)
            mentions_by_pos[pos] = mentions
            if heading:
                last_heading = pos
                continue
            folded = folded_all[pos]
            has_ai = lex.has_ai(folded)
            anaphoric = any(p.search(folded) for p in lex.anaphoric)
            ai_ok = has_ai or (anaphoric and any(pos - 3 <= p < pos and p > last_heading
                                                   for p in ai_pos))
            if has_ai:
                ai_pos.append(pos)
                last_ai_term = lex.ai_term(folded)
            cues = lex.find_cues(folded)
            for cue in cues:
                if cue.status:
                    para_status[r.paragraph_id] = cue.status
            users = [m for m in mentions if not m.supporter and not m.oblique
                     and any(a.role == "user" for a in m.actors)]
            if not ai_ok:
                if users:
                    para_actor[r.paragraph_id] = (pos, users[-1].actors)
                continue
            supporters = {a for m in mentions if m.supporter for a in m.actors}
            bound_before: list[tuple[Cue, tuple[Actor, ...]]] = []
            for cue in cues:
                mention = bind(cue, mentions, folded)
                actors: tuple[Actor, ...] = ()
                surface = ""
                if mention is not None:
                    actors, surface = mention.actors, mention.surface
                    if any(a.role != "user" for a in actors) and not cue.own:
                        continue
                elif cue.status == "experimentation" and any(
                        legal[max(0, pos - 2):pos + 3]):
                    actors, surface = (Actor("État", "etat", "body:etat"),), "(cadre légal)"
                elif (r.paragraph_id in para_actor
                      and pos - para_actor[r.paragraph_id][0] <= 8
                      and not set(para_actor[r.paragraph_id][1]) & supporters):
                    # the paragraph's actor, unless this sentence names it as a funder
                    actors, surface = para_actor[r.paragraph_id][1], "(même paragraphe)"
                if not actors:
                    continue
                if any(set(prev_actors) & set(actors)
                       and not re.search(r"\bet\b|, ", folded[prev.end:cue.start])
                       for prev, prev_actors in bound_before):
                    continue  # the cue stands inside the object of the previous one
                bound_before.append((cue, actors))
                status = cue.status or para_status.get(r.paragraph_id, "") or "deploye"
                phrase = use_phrase(r.norm, folded, cue, lex)
                cue_text = folded[cue.start:cue.end]
                anaphoric_use = any(p.search(fold_same_length(phrase)) for p in lex.use_anaphora) \
                    or "ce cas d'usage" in cue_text
                if not anaphoric_use and (not phrase or any(
                        p.search(fold_same_length(phrase)) for p in lex.non_use)):
                    if not phrase and cue.status == "interdit":
                        phrase = f"interdiction ({lex.ai_term(folded) or lex.term})"
                    else:
                        continue
                if fold_same_length(phrase).strip() in ("interdiction", "interdiction de"):
                    term = lex.ai_term(folded) or last_ai_term or lex.term
                    phrase = f"interdiction ({term.upper() if len(term) <= 3 else term})"
                uses = [phrase] if anaphoric_use else _split_coordination(phrase)
                for actor in actors:
                    for use in uses:
                        cand = Candidate(int(doc), pos, r.sentence_id, int(r.paragraph_id),
                                         int(r.page), actor, surface, status, _trim_words(use),
                                         r.text, anaphoric_use, full_use=use,
                                         cue_text=r.norm[cue.start:cue.end])
                        if anaphoric_use:
                            # the antecedent: this actor's last use in the document, else
                            # the last use told in the same paragraph or just before
                            same = [i for i in doc_candidates
                                    if candidates[i].actor.key == actor.key]
                            prior = same or [
                                i for i in doc_candidates if pos - candidates[i].pos <= 3
                                or candidates[i].paragraph_id == r.paragraph_id]
                            if prior:
                                cand.antecedent = prior[-1]
                                cand.use = candidates[prior[-1]].use
                                cand.full_use = candidates[prior[-1]].full_use
                        candidates.append(cand)
                        doc_candidates.append(len(candidates) - 1)
            if users:
                para_actor[r.paragraph_id] = (pos, users[-1].actors)
        _attach_outcomes(candidates, doc_candidates, records, mentions_by_pos, lex)
    return candidates


_NUMBER = re.compile(r"\d")


def _figure_numbers(text: str) -> set[str]:
    """The numbers of a phrase (« 1.000 », « 1 000 » -> « 1000 »; years left out)."""
    numbers = re.findall(r"\d+(?:[ .\u00a0\u202f]\d{3})*(?:,\d+)?", text)
    return {re.sub(r"[ .\u00a0\u202f]", "", n) for n in numbers
            if not re.fullmatch(r"(?:19|20)\d\d", n)}


def _clean_outcome_clause(clause: str, lex: Lexicon) -> str:
    """One clause reduced to its quantified content: no quote marks, no leading connector or
    « Nous avions de », no subject before « a permis de », no copula before the figure or its
    participle, and, when the clause still tells the use itself (« La commune utilise un
    assistant… pour traiter les 400 à 600 appels »), only the figure and what follows it."""
    rules = lex.outcome_label
    text = " ".join(re.sub(r"[\"«»“”]", " ", clause).split()).strip(" ,;:.")
    text = _strip_leading(text, rules.leading)
    if lex.find_cues(fold_same_length(text)):
        first = _NUMBER.search(text)
        if first:
            det = re.search(r"(?:\b(?:les|des|la|le|l')\s?)?$", text[:first.start()])
            text = text[det.start() if det else first.start():]
            text = _strip_leading(text, rules.leading)
    for m in reversed(list(rules.copula.finditer(_lower(text)))):
        text = text[:m.start()] + text[m.end():]
    article = rules.article.match(_lower(text))
    first = _NUMBER.search(text)
    if article and first and len(text[article.end():first.start()].split()) \
            < rules.article_figure_within:
        text = text[article.end():]
    return text.strip(" ,;:.")


def outcome_phrases(text: str, lex: Lexicon | None = None) -> list[str]:
    """The quantified outcome clauses of one sentence: clauses with a number (not a year) and
    an outcome cue (in the clause, or in a number-free clause just before it, as in
    « Bilan : … »), cleaned by `_clean_outcome_clause`; a figure about a pronoun (« 30 %
    d'entre eux ») is left out, as not self-contained."""
    lex = lex or lexicon()
    rules = lex.outcome_label
    text = rules.comparison.sub(r" \1", text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    out: list[str] = []
    armed = False
    for clause in rules.clause_split.split(text):
        clause = clause.strip()
        if not clause:
            continue
        folded = fold_same_length(clause)
        cue = any(p.search(folded) for p in lex.outcome)
        if not _figure_numbers(clause):
            armed = cue
            continue
        if (cue or armed) and not rules.anaphoric_figure.search(_lower(clause)):
            phrase = _clean_outcome_clause(clause, lex)
            if _figure_numbers(phrase):
                out.append(phrase)
        armed = False
    return out


def select_outcomes(outcomes: list[tuple[str, str]], lex: Lexicon | None = None
                    ) -> list[tuple[str, str]]:
    """The outcome of a use case from its (sentence_id, phrase) list: phrases that share a
    number tell the same figure, the one carrying the most figures is kept (the first on a
    tie); results come before volumes (« par jour »); at most `max_phrases`."""
    lex = lex or lexicon()
    rules = lex.outcome_label
    numbers = [_figure_numbers(p) for _, p in outcomes]
    kept: list[int] = []
    for i in range(len(outcomes)):
        rivals = [j for j in range(len(outcomes)) if numbers[i] & numbers[j]]
        best = max(rivals, key=lambda j: (len(numbers[j]), -j))
        if best == i:
            kept.append(i)

    def is_volume(i: int) -> bool:
        folded = fold_same_length(outcomes[i][1])
        return any(p.search(folded) for p in rules.volume) and not any(
            p.search(folded) for p in lex.outcome if p.pattern not in
            {v.pattern for v in rules.volume})
    kept.sort(key=lambda i: (is_volume(i), i))
    return [outcomes[i] for i in kept[:rules.max_phrases]]


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


# -- merging --------------------------------------------------------------------------------
def _polarity(status: str) -> int:
    return 0 if status in ("interdit", "abandonne") else 1


def _similar(a: Candidate, b: Candidate, lex: Lexicon) -> bool:
    if lex.concept_set(a.use + " " + a.evidence) & lex.concept_set(b.use + " " + b.evidence):
        return True
    return bool(_content_lemmas(a.use) & _content_lemmas(b.use))


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


# -- the table ------------------------------------------------------------------------------
def _best_actor(group: list[Candidate]) -> Actor:
    named = [c.actor for c in group if not c.surface.startswith("(")]
    pool = named or [c.actor for c in group]
    return max(pool, key=lambda a: (a.type != "departement" or all(
        x.type == "departement" for x in pool), len(a.name)))


def _best_use(group: list[Candidate], lex: Lexicon) -> str:
    """The label of the group's most telling use: a label that names more than an AI
    technique (« analyse d'images » alone says the tool, not the use), then the most domain
    terms, then a use told in its own words, then the first told."""
    labels = [use_label(c.full_use or c.use, c.cue_text, lex) for c in group]

    def score(i: int) -> tuple:
        c = group[i]
        hits = sum(w for terms in lex.domains.values() for p, w in terms
                   if p.search(fold_same_length(c.use)))
        return (len(labels[i].split()) >= 2 and not _technique_only(labels[i], lex), hits,
                not c.anaphoric_use, -c.doc, -c.pos)
    return labels[max(range(len(group)), key=score)]


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
        actor = _best_actor(group)
        statuses = [c.status for c in group if c.status]
        status = min(statuses, key=lex.priority.index) if statuses else "deploye"
        use = _best_use(group, lex)
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


# -- per document views ---------------------------------------------------------------------
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


# -- evaluation against hand annotations ----------------------------------------------------
def _alias_match(pred_aliases: Iterable[str], gold_aliases: Iterable[str]) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\s'-]+", " ", fold_same_length(s)).strip()
    preds = [norm(p) for p in pred_aliases if p]
    for g in (norm(x) for x in gold_aliases if x):
        for p in preds:
            if re.search(rf"\b{re.escape(g)}\b", p) or re.search(rf"\b{re.escape(p)}\b", g):
                return True
    return False


def row_matches(row: pd.Series | dict, case: dict) -> bool:
    """Matching rule: actor aliases match, documents overlap, and the use or the evidence
    holds one of the annotated keywords."""
    aliases = [row["actor"], *str(row.get("actor_aliases", "")).split(";")]
    if not _alias_match(aliases, [case["actor"], *case.get("aliases", [])]):
        return False
    if not set(doc_list(row["docs"])) & {int(d) for d in case["docs"]}:
        return False
    text = fold_same_length(f"{row['use']} {row['evidence']}")
    return any(fold_same_length(k) in text for k in case.get("keywords", []))


def evaluate(use_cases: pd.DataFrame, annotations: list[dict]) -> dict:
    """Recall, precision and status accuracy of `use_cases` against hand annotations, with a
    one-to-one assignment (each row can satisfy one annotated case only)."""
    rows = [r for _, r in use_cases.iterrows()]
    matches = {i: [j for j, r in enumerate(rows) if row_matches(r, case)]
               for i, case in enumerate(annotations)}
    assigned: dict[int, int] = {}  # row -> case

    def augment(case: int, seen: set[int]) -> bool:
        for j in matches[case]:
            if j in seen:
                continue
            seen.add(j)
            if j not in assigned or augment(assigned[j], seen):
                assigned[j] = case
                return True
        return False

    for case in sorted(matches, key=lambda c: len(matches[c])):
        augment(case, set())
    found = {c: j for j, c in assigned.items()}
    status_ok = [fold_same_length(rows[j]["status"]) == fold_same_length(annotations[c]["status"])
                 for c, j in found.items()]
    loose_rows = {j for js in matches.values() for j in js}
    return {
        "n_gold": len(annotations),
        "n_pred": len(rows),
        "recall": len(found) / len(annotations) if annotations else 0.0,
        "precision": len(assigned) / len(rows) if rows else 0.0,
        "precision_loose": len(loose_rows) / len(rows) if rows else 0.0,
        "status_accuracy": sum(status_ok) / len(status_ok) if status_ok else 0.0,
        "missed": [annotations[c] for c in range(len(annotations)) if c not in found],
        "false_positives": [rows[j] for j in range(len(rows)) if j not in assigned],
        "wrong_status": [(annotations[c], rows[j]) for c, j in found.items()
                         if fold_same_length(rows[j]["status"])
                         != fold_same_length(annotations[c]["status"])],
    }
