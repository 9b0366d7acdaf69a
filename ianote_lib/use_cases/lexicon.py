"""The compiled lexicon of the initiative extractor: the base `resources/use_case_lexicon.yaml`
(status cues, domains, concepts, the rules of the use and outcome labels) with the
configurations it lists (`resources/use_case_configs/`: `initiatives`, the French verbs and
nouns of public action on any subject; `ia`, the words of artificial intelligence)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.fr.stopwords import keyword_stop_words


@dataclass(frozen=True)
class Cue:
    status: str
    start: int
    end: int
    own: bool
    passive: bool
    action: bool = False  # tells an initiative without any subject word (`initiatives`)
    named: bool = False  # the actor must be named in the sentence


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


class PhraseRules:
    """The compiled `use_phrase` section of the lexicon (regexes on the folded sentence)."""

    def __init__(self, data: dict) -> None:
        self.agent_after = re.compile(data["agent_after"])
        self.cut = re.compile(data["cut"])
        self.as_done_by = re.compile(data["as_done_by"])
        self.passive_tail = re.compile(data["passive_tail"])
        self.starts_with_article = re.compile(data["starts_with_article"])
        self.coordination = re.compile(data["coordination"])
        self.action_head = re.compile(data["action_head"])


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
        self.figure_article = re.compile(data["figure_article"])
        self.volume = [re.compile(p) for p in data["volume_cues"]]


_LISTS = ("subject_cues", "anaphoric_nouns", "use_anaphora", "status_cues", "outcome_cues",
          "object_nouns")


def merged_lexicon() -> dict:
    """The base lexicon with its configurations: lists put end to end (base first), domains
    and concepts merged by name, any other key taken from the first file that sets it."""
    base = load_yaml("use_case_lexicon.yaml")
    data = {k: v for k, v in base.items() if k not in _LISTS}
    for key in _LISTS:
        data[key] = list(base.get(key) or [])
    data["domains"] = {k: list(v) for k, v in base["domains"].items()}
    data["concepts"] = {k: list(v) for k, v in base["concepts"].items()}
    for name in base.get("configurations") or []:
        config = load_yaml("use_case_configs", f"{name}.yaml")
        for key, value in config.items():
            if key in _LISTS:
                data[key].extend(value)
            elif key in ("domains", "concepts"):
                for group, terms in value.items():
                    data[key].setdefault(group, []).extend(terms)
            else:
                data.setdefault(key, value)
    return data


class Lexicon:
    """The compiled lexicon (`merged_lexicon`)."""

    def __init__(self) -> None:
        data = merged_lexicon()
        self.data = data
        self.ai = [re.compile(p) for p in data["subject_cues"]]
        self.objects = [re.compile(p) for p in data["object_nouns"]]
        self.object_window = int(data.get("object_window") or 8)
        self.trial_object = re.compile(data.get("trial_object") or r"(?!x)x")
        self.generic = frozenset(data.get("generic_words") or [])
        self.term = str((data.get("technology") or {}).get("term") or "")
        self.anaphoric = [re.compile(p) for p in data["anaphoric_nouns"]]
        self.use_anaphora = [re.compile(p) for p in data["use_anaphora"]]
        self.cues = [(c["status"], re.compile(c["re"]), bool(c.get("own")),
                      bool(c.get("passive")), bool(c.get("action")), bool(c.get("named")))
                     for c in data["status_cues"]]
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
        self.phrase = PhraseRules(data["use_phrase"])
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
        for status, pattern, own, passive, action, named in self.cues:
            for m in pattern.finditer(folded):
                before = folded[max(0, m.start() - 60):m.start()]
                if any(v.search(before) for v in self.void_before):
                    continue
                found.append(Cue(status, m.start(), m.end(), own, passive, action, named))
        kept: list[Cue] = []
        for cue in sorted(found, key=lambda c: (c.start, -(c.end - c.start), not c.action)):
            if all(cue.start >= k.end or cue.end <= k.start for k in kept):
                kept.append(cue)
        return kept

    def names_object(self, phrase: str) -> bool:
        """Whether the first words of a use phrase name what an initiative is: a tool, a
        programme, a fund, a rule… (`object_nouns`)."""
        head = " ".join(fold_same_length(phrase).split()[:self.object_window])
        return any(p.search(head) for p in self.objects)

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


def specific_lemmas(text: str) -> set[str]:
    """Folded lemmas of the content words of `text` that are not generic words of the
    lexicon (`generic_words`) nor keyword stop words."""
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
