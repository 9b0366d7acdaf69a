"""The plan of the note: two parts, two sub-parts each, and what each sub-part gathers.

A plan is configuration (YAML in `resources/plans/`): titles, chapeaux, transitions and the
problématique are templates; each sub-part lists `topics`, each a set of weighted terms that the
content selection matches against the dossier's sentences. `plan="default"` picks the shipped
plan whose `applies_to` patterns match the commande's object, and falls back on the automatic
plan; `plan="auto"` builds two parts and four sub-parts from the dossier's own paragraphs
(TF-IDF over lemmas and k-means) named by its own titles (`topics.clustering`), so that a dossier on
another subject still gets a structured note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ianote_lib.config import resource_path, safe_load
from ianote_lib.errors import IanoteError
from ianote_lib.fr.lemmas import content_lemmas, lemma_tokens
from ianote_lib.fr.normalize import NBSP, normalize
from ianote_lib.topics import clustering

LETTERS = ("A", "B")
USE_CASES = "use_cases"
USE_CASE_FAILURES = "use_case_failures"
DRAWS_ON = (USE_CASES, USE_CASE_FAILURES)
ROMANS = ("I", "II")


@dataclass
class Topic:
    """A group of weighted terms: one paragraph of a sub-part."""

    name: str
    terms: dict[str, float]

    def phrases(self) -> list[tuple[tuple[str, ...], float]]:
        """Terms as lemma sequences with their weights."""
        out = []
        for term, weight in self.terms.items():
            lemmas = tuple(lemma_tokens(str(term)))
            if lemmas:
                out.append((lemmas, float(weight)))
        return out


@dataclass
class SubPart:
    key: str            # "I.A"
    title: str
    topics: list[Topic]
    transition: str = ""    # one sentence leading from this sub-part to the next (A → B)
    # optional tables the sub-part draws on: "use_cases" (the uses of the dossier, by domain),
    # "use_case_failures" (the abandoned uses, told as lessons)
    draws_on: list[str] = field(default_factory=list)
    words: int | None = None    # own word target (else an equal share of the body)


@dataclass
class Part:
    key: str            # "I"
    title: str
    chapeau: str
    transition: str
    chapeau_terms: dict[str, float]
    subparts: list[SubPart]


@dataclass
class Plan:
    """Two parts of two sub-parts, the templates that frame them and where they come from."""

    name: str
    source: str
    parts: list[Part]
    intro: dict[str, Any] = field(default_factory=dict)
    conclusion: dict[str, Any] = field(default_factory=dict)
    body_words: int = 1540
    focus_terms: dict[str, float] = field(default_factory=dict)
    avoid_terms: dict[str, float] = field(default_factory=dict)
    reason: str = ""        # why this plan was chosen (French, shown to the analyst)

    @property
    def subparts(self) -> list[SubPart]:
        return [sp for part in self.parts for sp in part.subparts]

    def drawing_on(self, table: str) -> list[SubPart]:
        """The sub-parts that draw on an optional table ("use_cases", "use_case_failures")."""
        return [sp for sp in self.subparts if table in sp.draws_on]

    def budgets(self, active: bool = True) -> dict[str, float]:
        """Word target of each sub-part: its own `words` when the plan gives one (and `active`:
        the table it draws on exists), the rest of `body_words` shared equally by the others."""
        own = {sp.key: float(sp.words) for sp in self.subparts if sp.words and active}
        rest = [sp.key for sp in self.subparts if sp.key not in own]
        share = max(self.body_words - sum(own.values()), 0) / max(len(rest), 1)
        return {sp.key: own.get(sp.key, share) for sp in self.subparts}

    def section(self, key: str) -> Part | SubPart:
        for part in self.parts:
            if part.key == key:
                return part
            for sp in part.subparts:
                if sp.key == key:
                    return sp
        raise KeyError(key)

    def table(self) -> pd.DataFrame:
        """The plan as a table (section, title, topics and their main terms) for display."""
        rows = []
        for part in self.parts:
            rows.append({"section": part.key, "titre": part.title, "thème": "", "termes": ""})
            for sp in part.subparts:
                rows.append({"section": sp.key, "titre": sp.title, "thème": "", "termes": ""})
                if sp.draws_on:
                    rows.append({"section": sp.key, "titre": "", "thème": "tables",
                                 "termes": ", ".join(sp.draws_on)})
                for topic in sp.topics:
                    top = sorted(topic.terms.items(), key=lambda kv: -kv[1])[:8]
                    rows.append({"section": sp.key, "titre": "", "thème": topic.name,
                                 "termes": ", ".join(f"{t} ({w:g})" for t, w in top)})
        return pd.DataFrame(rows)


def plan_from_dict(data: dict[str, Any], source: str) -> Plan:
    """Validate a parsed plan file and build the Plan (two parts of two sub-parts)."""
    parts_data = data.get("parts") or []
    if len(parts_data) != 2 or any(len(p.get("subparts") or []) != 2 for p in parts_data):
        raise IanoteError(f"Le plan {source} doit avoir deux parties de deux sous-parties.")
    parts = []
    for i, pdata in enumerate(parts_data):
        subparts = []
        for j, sdata in enumerate(pdata["subparts"]):
            topics = [Topic(str(t.get("name", f"t{k}")), dict(t.get("terms") or {}))
                      for k, t in enumerate(sdata.get("topics") or [])]
            if not topics and sdata.get("terms"):
                topics = [Topic("main", dict(sdata["terms"]))]
            if not topics:
                raise IanoteError(f"La sous-partie « {sdata.get('title')} » du plan {source} "
                                  "n'a aucun terme.")
            draws = sdata.get("draws_on") or []
            draws = [draws] if isinstance(draws, str) else [str(d) for d in draws]
            unknown = set(draws) - set(DRAWS_ON)
            if unknown:
                raise IanoteError(f"La sous-partie « {sdata.get('title')} » du plan {source} "
                                  f"puise dans une table inconnue : {', '.join(sorted(unknown))}.")
            words = sdata.get("words")
            subparts.append(SubPart(f"{ROMANS[i]}.{LETTERS[j]}", str(sdata["title"]).strip(),
                                    topics, " ".join(str(sdata.get("transition") or "").split()),
                                    draws, int(words) if words else None))
        parts.append(Part(ROMANS[i], str(pdata["title"]).strip(),
                          str(pdata.get("chapeau") or "").strip(),
                          str(pdata.get("transition") or "").strip(),
                          dict(pdata.get("chapeau_terms") or {}), subparts))
    return Plan(name=str(data.get("name", Path(source).stem)), source=source, parts=parts,
                intro=dict(data.get("intro") or {}), conclusion=dict(data.get("conclusion") or {}),
                body_words=int(data.get("body_words", 1540)),
                focus_terms=dict(data.get("focus_terms") or {}),
                avoid_terms=dict(data.get("avoid_terms") or {}))


def load_plan_file(path: str | Path) -> Plan:
    """Read a plan YAML file."""
    path = Path(path)
    if not path.exists():
        raise IanoteError(f"Le fichier de plan {path} est introuvable.")
    with open(path, encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    return plan_from_dict(data, str(path))


def shipped_plans() -> list[Path]:
    """The plan files shipped in `resources/plans/`."""
    return sorted(resource_path("plans").glob("*.yaml"))


def plan_patterns(path: Path) -> list[str]:
    """The `applies_to` patterns of a plan file: the commande objects it is written for."""
    with open(path, encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    return [str(p) for p in data.get("applies_to") or []]


def plan_applies(path: Path, objet: str) -> bool:
    """Whether the plan file's `applies_to` patterns all match the commande's object (a plan
    without patterns fits no commande by default: it is chosen only by its path)."""
    patterns = plan_patterns(path)
    return bool(patterns) and all(re.search(p, objet, re.IGNORECASE) for p in patterns)


def choose_plan(spec: str | Path | None, objet: str, sentences: pd.DataFrame) -> Plan:
    """The plan asked for: "default" (the first shipped plan whose `applies_to` patterns all
    match the commande's object, else the automatic plan), "auto", or the path of a plan file.
    `Plan.reason` says why, in French."""
    spec = "default" if spec in (None, "") else spec
    if str(spec) == "auto":
        plan = auto_plan(sentences, objet=objet)
        plan.reason = "plan automatique demandé (paramètre plan = auto)."
    elif str(spec) == "default":
        fitting = next((p for p in shipped_plans() if plan_applies(p, objet)), None)
        if fitting is not None:
            plan = load_plan_file(fitting)
            plan.reason = (f"plan livré « {fitting.stem} »{NBSP}: ses motifs "
                           f"{_patterns_text(plan_patterns(fitting))} se retrouvent tous dans "
                           f"l'objet de la commande « {objet} ».")
        else:
            plan = auto_plan(sentences, objet=objet)
            shipped = f"{NBSP}; ".join(f"« {p.stem} » ({_patterns_text(plan_patterns(p))})"
                                       for p in shipped_plans()) or "aucun"
            plan.reason = (f"plan automatique construit à partir du dossier{NBSP}: aucun plan "
                           f"livré ne correspond à l'objet de la commande « {objet} » (plans "
                           f"livrés{NBSP}: {shipped}).")
    else:
        plan = load_plan_file(spec)
        plan.reason = f"plan du fichier {spec}."
    subject, audience = commande_terms(objet)
    plan.intro.setdefault("subject_terms", subject)
    if not plan.focus_terms:
        plan.focus_terms = {**subject, **audience}
    return plan


def _patterns_text(patterns: list[str]) -> str:
    return " et ".join(f"« {p} »" for p in patterns) or "(aucun motif)"


# ----------------------------------------------------------------------------- the commande

_FRAMES = re.compile(
    r"(?i)^(?:une note |la note )?(?:sur |relative |consacrée )?(?:à |aux? )?"
    r"(?:(?:les|la|le|l')\s*)?(?:enjeux|enjeu|questions?|place|r[ôo]le|impacts?|défis?|"
    r"perspectives?|opportunités?|risques?|apports?|conséquences?|effets?|usages?|"
    r"utilisations?|développement|déploiement|avenir)\s+(?:de la |de l'|des |du |de |d')")
_AUDIENCE = re.compile(r"(?i)\s+(?:pour|dans|au sein d(?:e|es|u)|au service d(?:e|es|u)|"
                       r"chez|auprès d(?:e|es|u)|par)\s+")


def commande_terms(objet: str) -> tuple[dict[str, float], dict[str, float]]:
    """The subject of the commande's object and its audience, as weighted terms:
    "les enjeux de l'intelligence artificielle pour les collectivités territoriales" →
    ({"intelligence artificielle": 3, "intelligence": 1, "artificiel": 1},
     {"collectivités territoriales": 3, "collectivité": 1.5, "territorial": 1.5})."""
    text = normalize(" ".join(str(objet).split())).strip().rstrip(".")
    text = _FRAMES.sub("", text)
    parts = _AUDIENCE.split(text, maxsplit=1)
    subject_text = parts[0]
    audience_text = parts[1] if len(parts) > 1 else ""

    def terms(phrase: str) -> dict[str, float]:
        phrase = re.sub(r"(?i)^(?:les|la|le|l'|des|du|de|d')\s*", "", phrase.strip())
        words = content_lemmas(phrase)
        out: dict[str, float] = {}
        if len(words) > 1:
            out[phrase.lower()] = 3.0
        for word in words:
            out[word] = 1.5
        acronym = re.findall(r"\(([A-Z]{2,6})\)", phrase)
        for a in acronym:
            out[a] = 2.0
        return out

    subject = terms(subject_text)
    initials = "".join(w[0] for w in content_lemmas(subject_text)).upper()
    if 2 <= len(initials) <= 4:
        subject.setdefault(initials, 2.0)   # "intelligence artificielle" → "IA"
    return subject, terms(audience_text)


# ----------------------------------------------------------------------------- automatic plan

_AUTO_CHAPEAU = "Cette partie examine successivement « {TA} » (A), puis « {TB} » (B)."
_AUTO_SUB_TRANSITION = "Après ces constats, la note aborde « {TB} »."
_AUTO_TRANSITION = "Ces premiers constats appellent l'examen d'enjeux d'une autre nature."
_AUTO_PROBLEMATIQUE = ("La question posée {a_collectivite} porte sur {objet} : il s'agit d'en "
                       "mesurer la portée pour l'action de la collectivité et d'en dégager les "
                       "conditions de réussite.")
_AUTO_ANNOUNCE = "La présente note examine d'abord « {I} » (I), puis « {II} » (II)."
MIN_UNITS = 8   # fewer paragraphs than this: the sentences themselves are clustered
PART_FIT = 0.3  # a part (two groups) takes a title of the dossier only if it fits it this well


def auto_plan(sentences: pd.DataFrame, seed: int = 0, objet: str = "") -> Plan:
    """Two parts and four sub-parts built from the dossier's own paragraphs and titles.

    The paragraphs (`topics.clustering.paragraph_units`; the sentences when the dossier has fewer
    than MIN_UNITS paragraphs) are vectorised (TF-IDF over content lemmas) and grouped by
    k-means into four sub-parts; the four are paired into two parts by centroid similarity;
    each sub-part is split again into topics (k-means over its paragraphs), whose top lemmas
    become the weighted terms the selection uses. A sub-part is named by the intertitre of the
    dossier that covers it best (`topics.clustering.best_title`), then a part by a title left that
    covers it, else by its two sub-parts' titles when they are short, else by the title lying
    wholly in it; a group no title names gets its most typical noun phrases.
    """
    rows = sentences[sentences["kind"].isin(["sentence", "bullet"])]
    texts = rows["text"].astype(str).tolist()
    if len(texts) < 4:
        raise IanoteError("Le dossier est trop court pour construire un plan automatique "
                          "(moins de quatre phrases citables).")
    units = clustering.paragraph_units(sentences)
    if len(units) < MIN_UNITS:
        units = clustering.paragraph_units(sentences.assign(paragraph_id=range(len(sentences))))
    groups = _four_groups(units, seed)
    subject_words = frozenset(w for t in commande_terms(objet)[0] for w in content_lemmas(t))
    namer = _GroupNamer(sentences, texts, subject_words)
    # the sub-parts are named first (the most specific titles), then the parts
    sub_titles = {c: namer.name(groups.sentences_of[c], groups.texts_of[c])
                  for pair in groups.pairs for c in pair}
    parts_data = []
    for pair in groups.pairs:
        part_title, from_dossier = namer.part_title(pair, groups, sub_titles)
        sub_data = [{"title": sub_titles[c][0],
                     "topics": _with_title_terms(
                         _topics_of(units.matrix[groups.members[c]], units.vocab, seed),
                         sub_titles[c][0], subject_words)}
                    for c in pair]
        sub_data[0]["transition"] = _AUTO_SUB_TRANSITION
        parts_data.append({"title": part_title if from_dossier
                           else part_title + " : enjeux et constats",
                           "chapeau": _AUTO_CHAPEAU, "transition": _AUTO_TRANSITION,
                           "subparts": sub_data})
    parts_data[1]["transition"] = ""
    return plan_from_dict(_auto_plan_data(parts_data, objet, units.matrix, units.vocab), "auto")


@dataclass
class _Groups:
    """The four groups of paragraphs of an automatic plan, paired into two parts."""

    pairs: list[list[int]]                 # the two parts, each two groups, largest first
    members: dict[int, list[int]]          # group → its paragraph units
    sentences_of: dict[int, set[str]]      # group → the sentence ids of its paragraphs
    texts_of: dict[int, list[str]]         # group → the texts of its paragraphs


def _four_groups(units: Any, seed: int) -> _Groups:
    """k-means of the paragraphs into four groups, paired by centroid similarity; the part
    holding the most sentences comes first, and in it the larger sub-part."""
    matrix = units.matrix
    labels = clustering.cluster(matrix, 4, seed)
    if len(set(labels)) < 4:
        raise IanoteError("Le dossier est trop homogène pour construire un plan automatique "
                          "en quatre sous-parties.")
    centroids = np.vstack([np.asarray(matrix[labels == c].mean(axis=0)).ravel()
                           for c in range(4)])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    unit_vecs = centroids / np.where(norms == 0, 1, norms)
    sim = unit_vecs @ unit_vecs.T
    pairings = [((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2))]
    best = max(pairings, key=lambda p: sim[p[0]] + sim[p[1]])
    members = {c: [i for i, lab in enumerate(labels) if lab == c] for c in range(4)}
    sentences_of = {c: {sid for i in members[c] for sid in units.sentence_ids[i]}
                    for c in range(4)}
    texts_of = {c: [units.texts[i] for i in members[c]] for c in range(4)}
    best = sorted(best, key=lambda pair: -(len(sentences_of[pair[0]])
                                           + len(sentences_of[pair[1]])))
    pairs = [sorted(pair, key=lambda c: -len(sentences_of[c])) for pair in best]
    return _Groups(pairs=pairs, members=members, sentences_of=sentences_of, texts_of=texts_of)


class _GroupNamer:
    """Names the groups of an automatic plan with the dossier's titles, each title used once,
    else with their most typical noun phrases."""

    def __init__(self, sentences: pd.DataFrame, texts: list[str], subject: frozenset[str]):
        self.candidates = clustering.title_candidates(sentences)
        self.acro = clustering.acronyms(texts)
        self.forms = clustering.surface_forms(texts)
        self.all_counts = clustering.phrases_of(texts, self.acro)
        self.subject = subject
        self.used: set[str] = set()

    def name(self, group: set[str], group_texts: list[str],
             broad: bool = False) -> tuple[str, bool]:
        """The group's title and whether it is a title of the dossier."""
        title = (clustering.best_title(group, self.candidates, self.used, self.subject,
                                       within=True) if broad
                 else clustering.best_title(group, self.candidates, self.used, self.subject))
        if title:
            self.used.add(title)
            return title, True
        phrases = clustering.typical_phrases(group_texts, self.all_counts, self.used, 2,
                                             self.subject, self.acro)
        self.used.update(phrases)
        return clustering.join_phrases(phrases, self.forms), False

    def part_title(self, pair: list[int], groups: _Groups,
                   sub_titles: dict[int, tuple[str, bool]]) -> tuple[str, bool]:
        """A part's title: a title left that covers it, else its two sub-parts' titles when
        they are short titles of the dossier, else a name of the whole part."""
        group = groups.sentences_of[pair[0]] | groups.sentences_of[pair[1]]
        title = clustering.best_title(group, self.candidates, self.used, self.subject, PART_FIT)
        if title:
            self.used.add(title)
            return title, True
        if all(from_title and len(sub_titles[c][0].split()) <= 6 and ":" not in sub_titles[c][0]
               for c in pair for from_title in [sub_titles[c][1]]):
            # no title covers the part: it is named by its two sub-parts
            first, second = sub_titles[pair[0]][0], sub_titles[pair[1]][0]
            word = re.split(r"[\s'’]", second)[0]
            if self.forms.get(word.lower(), word.lower()).islower():
                second = second[:1].lower() + second[1:]
            return f"{first}, {second}", True
        return self.name(group, groups.texts_of[pair[0]] + groups.texts_of[pair[1]], True)


def _auto_plan_data(parts_data: list[dict], objet: str, matrix: Any,
                    vocab: np.ndarray) -> dict[str, Any]:
    """The automatic plan as a plan file would write it: its parts, and the terms of the
    commande (else of the whole dossier) that guide the introduction and the selection."""
    subject, audience = commande_terms(objet)
    focus = {**subject, **audience} or _top_terms(matrix, vocab, 12)
    return {"name": "auto", "parts": parts_data, "body_words": 1540,
            "focus_terms": focus,
            "intro": {"problematique": _AUTO_PROBLEMATIQUE, "announcement": _AUTO_ANNOUNCE,
                      "hook_terms": _top_terms(matrix, vocab, 8),
                      "subject_terms": subject,
                      "context_terms": _top_terms(matrix, vocab, 8),
                      "context_sentences": 2},
            "conclusion": {}}


TITLE_WEIGHT = 2.0   # weight of a sub-part title's own words in each of its topics


def _with_title_terms(topics: list[dict], title: str, subject: frozenset[str]) -> list[dict]:
    """The words of a sub-part's title (the dossier's own words for what it gathers) join the
    terms of each of its topics, so that the sentences the note files under the title speak
    of it; the commande's subject words are left out (they are everywhere)."""
    words = [w for w in clustering.topic_lemmas(title) if w not in subject]
    for topic in topics:
        for word in words:
            topic["terms"].setdefault(word, TITLE_WEIGHT)
    return topics


def _top_terms(matrix: Any, vocab: np.ndarray, k: int) -> dict[str, float]:
    return clustering.top_terms(np.asarray(matrix.mean(axis=0)).ravel(), vocab, k)


def _topics_of(sub_matrix: Any, vocab: np.ndarray, seed: int,
               n_topics: int = 4) -> list[dict]:
    """Split a sub-part's paragraphs into topics; each topic's terms are its top lemmas."""
    n = sub_matrix.shape[0]
    k = max(1, min(n_topics, n // 2))
    labels = clustering.cluster(sub_matrix, k, seed)
    topics = []
    for c in sorted(set(labels)):
        centroid = np.asarray(sub_matrix[labels == c].mean(axis=0)).ravel()
        topics.append({"name": f"thème {len(topics) + 1}",
                       "terms": clustering.top_terms(centroid, vocab)})
    return topics
