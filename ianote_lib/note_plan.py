"""The plan of the note: two parts, two sub-parts each, and what each sub-part gathers.

A plan is configuration (YAML in `resources/plans/`): titles, chapeaux, transitions and the
problématique are templates; each sub-part lists `topics`, each a set of weighted terms that the
content selection matches against the dossier's sentences. `plan="default"` picks the shipped
plan whose `applies_to` patterns match the commande's object, and falls back on the automatic
plan; `plan="auto"` builds two parts and four sub-parts from the dossier's own vocabulary
(TF-IDF over lemmatised sentences and k-means), so that a dossier on another subject still gets a
structured note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import simplemma

from ianote_lib.config import resource_path, safe_load
from ianote_lib.errors import IanoteError
from ianote_lib.textnorm import fold, normalize

LETTERS = ("A", "B")
USE_CASES = "use_cases"
USE_CASE_FAILURES = "use_case_failures"
DRAWS_ON = (USE_CASES, USE_CASE_FAILURES)
ROMANS = ("I", "II")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ0-9]+(?:-[A-Za-zÀ-ÖØ-öø-ÿœŒ0-9]+)*")

# French function words, for lemma keys and for the automatic plan's vocabulary.
STOPWORDS = frozenset("""
a à afin ai aie ainsi alors après au aucun aucune aussi autre autres aux avait avant avec avoir
bien c ça car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme
comment d dans de des dont donc du elle elles en encore entre est et été être eux fait faire
fois font hors il ils j je jusqu l la le les leur leurs lors lui m ma mais me même mes moi moins
mon n ne ni nos notre nous on ont ou où par parce pas peu peut peuvent plus pour pourquoi qu
quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sien son sont sous
sur ta te tel telle tels telles tes toi ton tous tout toute toutes très tu un une unes uns va
vers voici voilà vos votre vous y déjà été étaient était étant dès lorsque puis puisque tandis
soit soient sera seront serait seraient également notamment cas part ici afin aujourd hui
non oui dont sein plusieurs certains certaines autant fin chez toutefois néanmoins
depuis désormais ensuite contre pendant durant avant après jamais toujours tant trop assez
lors selon parmi via sinon tandis outre dessus dessous ailleurs partout beaucoup davantage
""".split())


def lemma_tokens(text: str) -> list[str]:
    """Accent-free lemmas of the words of `text` (function words kept, for phrase matching)."""
    return list(_lemma_tokens(text))


@lru_cache(maxsize=1 << 14)
def _lemma_tokens(text: str) -> tuple[str, ...]:
    # cached: the note's steps lemmatise the same sentences several times
    return tuple(_folded_lemma(word.lower())
                 for word in _WORD.findall(normalize(text).replace("'", " ")))


@lru_cache(maxsize=1 << 16)
def _folded_lemma(low: str) -> str:
    return fold(simplemma.lemmatize(low, lang="fr") if not low.isdigit() else low)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of `text` (no function words, no single letters)."""
    return [t for t in lemma_tokens(text) if t not in STOPWORDS and len(t) > 1
            and not t.isdigit()]


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


def plan_applies(path: Path, objet: str) -> bool:
    """Whether the plan file's `applies_to` patterns all match the commande's object."""
    with open(path, encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    patterns = data.get("applies_to") or []
    return bool(patterns) and all(re.search(p, objet, re.IGNORECASE) for p in patterns)


def choose_plan(spec: str | Path | None, objet: str, sentences: pd.DataFrame) -> Plan:
    """The plan asked for: "default" (a shipped plan fitting the commande, else automatic),
    "auto", or the path of a plan file."""
    spec = "default" if spec in (None, "") else spec
    if str(spec) == "auto":
        plan = auto_plan(sentences, objet=objet)
    elif str(spec) == "default":
        plan = next((load_plan_file(p) for p in shipped_plans() if plan_applies(p, objet)),
                    None) or auto_plan(sentences, objet=objet)
    else:
        plan = load_plan_file(spec)
    subject, audience = commande_terms(objet)
    plan.intro.setdefault("subject_terms", subject)
    if not plan.focus_terms:
        plan.focus_terms = {**subject, **audience}
    return plan


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
_AUTO_PROBLEMATIQUE = ("La question posée à {collectivite} porte sur {objet} : il s'agit d'en "
                       "mesurer la portée pour l'action de la collectivité et d'en dégager les "
                       "conditions de réussite.")
_AUTO_ANNOUNCE = "La présente note examine d'abord « {I} » (I), puis « {II} » (II)."
_MARKUP = re.compile(r"https?://\S+|www\.\S+|<[^>]*>|!?\[[^\]]*\]\([^)]*\)|\S+\.(?:example|com|"
                     r"fr|org|net)\b\S*")


def _phrases_of(texts: list[str]) -> Counter:
    """Candidate title phrases (1 to 3 words, no function word at either end) with counts,
    in the dossier's surface forms (lower-cased)."""
    counts: Counter = Counter()
    for text in texts:
        text = _MARKUP.sub(" ", normalize(text))
        words = [w.lower() for w in _WORD.findall(text.replace("'", "' "))]
        words = [w if _title_word(w) else "|" for w in words if not w.isdigit()]
        for n in (1, 2, 3):
            for k in range(len(words) - n + 1):
                gram = words[k:k + n]
                if "|" in gram or gram[0] in STOPWORDS or gram[-1] in STOPWORDS:
                    continue
                if any(len(w) < 3 and w not in ("ia",) for w in (gram[0], gram[-1])):
                    continue
                if n == 3 and gram[1] not in ("de", "du", "des", "à", "en", "d"):
                    continue
                counts[" ".join(gram)] += 1
    return counts


def _title_word(word: str) -> bool:
    """A word that may stand in a title: a French word known to the lemmatiser (function words
    included, for "de", "des"), or an acronym; not a piece of markup or of an address."""
    if word in STOPWORDS or word in ("ia",):
        return True
    return len(word) >= 3 and simplemma.is_known(word, lang="fr")


# Nouns too general to name a part of a note.
_GENERIC_TITLE_WORDS = frozenset("""
place cas part sein fois façon manière niveau terme nombre exemple type ensemble point lieu sorte
chose moment temps jour année an mois semaine domaine question besoin cadre effet fait partie
grand grande nouveau nouvelle premier première dernier dernière certain certaine autre même
""".split())


def _title_phrases(member_texts: list[str], all_counts: Counter, n_docs: int,
                   exclude: set[str], k: int, subject: frozenset[str] = frozenset()
                   ) -> list[str]:
    """The `k` phrases most typical of a cluster: frequent in it, rarer elsewhere; phrases of
    several words preferred, never a phrase made only of the commande's subject words
    ("intelligence artificielle" on a dossier about it) or of too general words, never two
    phrases with the same lemmas."""
    local = _phrases_of(member_texts)
    nouns = _noun_like(member_texts)
    excluded_keys = {_lemma_key(p) for p in exclude}
    scored = []
    for phrase, c in local.items():
        if c < 2 or phrase in exclude or _lemma_key(phrase) in excluded_keys:
            continue
        lemmas = set(content_lemmas(phrase))
        if not lemmas or lemmas <= (subject | _GENERIC_TITLE_WORDS):
            continue
        first = phrase.split(" ")[0]
        if first not in nouns or _infinitive(first):
            continue                        # a title names things: it opens on a noun
        share = c / max(all_counts[phrase], 1)
        bonus = 2.0 if " " in phrase else 1.0
        scored.append((c * share * bonus, phrase))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[str] = []
    keys: set[frozenset] = set()
    for _, phrase in scored:
        key = _lemma_key(phrase)
        if key in keys or any(phrase in c or c in phrase for c in chosen) or any(
                key <= _lemma_key(c) or _lemma_key(c) <= key for c in chosen):
            continue
        chosen.append(phrase)
        keys.add(key)
        if len(chosen) == k:
            break
    return chosen


_DETERMINERS = frozenset("le la les l un une des du au aux ce cet cette ces leur leurs son sa ses "
                         "notre nos votre vos".split())


def _noun_like(texts: list[str]) -> set[str]:
    """Words that follow a determiner somewhere in `texts` (nouns, in practice)."""
    out: set[str] = set()
    for text in texts:
        words = [w.lower() for w in _WORD.findall(normalize(text).replace("'", " "))]
        out.update(b for a, b in zip(words, words[1:], strict=False) if a in _DETERMINERS)
    return out


def _infinitive(word: str) -> bool:
    return (len(word) > 4 and word.endswith(("er", "ir", "re", "oir"))
            and simplemma.lemmatize(word, lang="fr") == word
            and simplemma.is_known(word, lang="fr") and word not in ("pouvoir", "savoir"))


def _lemma_key(phrase: str) -> frozenset:
    return frozenset(content_lemmas(phrase))


def _join_title(phrases: list[str]) -> str:
    if not phrases:
        return "Autres enjeux"
    text = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " et " + phrases[-1]
    text = text.replace("ia", "IA") if text == "ia" else re.sub(r"\bia\b", "IA", text)
    text = re.sub(r"\b([dlj]) (?=\w)", r"\1'", text)     # "systèmes d ia" → "systèmes d'IA"
    return text[0].upper() + text[1:]


def auto_plan(sentences: pd.DataFrame, seed: int = 0, objet: str = "") -> Plan:
    """Two parts and four sub-parts built from the dossier's own term clusters.

    Quotable sentences are vectorised (TF-IDF over content lemmas) and grouped by k-means into
    four sub-parts; the four are paired into two parts by centroid similarity; each sub-part is
    split again into topics (k-means), whose top lemmas become the weighted terms the selection
    uses. Titles are the phrases most typical of each cluster, in the dossier's own words.
    """
    rows = sentences[sentences["kind"].isin(["sentence", "bullet"])]
    texts = rows["text"].astype(str).tolist()
    if len(texts) < 4:
        raise IanoteError("Le dossier est trop court pour construire un plan automatique "
                          "(moins de quatre phrases citables).")
    from sklearn.cluster import KMeans  # imported here: only the automatic plan needs it
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=content_lemmas, min_df=2 if len(texts) >= 40 else 1,
                                 sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    vocab = np.array(vectorizer.get_feature_names_out())
    km = KMeans(n_clusters=4, n_init=10, random_state=seed).fit(matrix)
    labels = km.labels_
    centroids = km.cluster_centers_
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    unit = centroids / np.where(norms == 0, 1, norms)
    sim = unit @ unit.T
    pairings = [((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2))]
    best = max(pairings, key=lambda p: sim[p[0]] + sim[p[1]])
    # the part holding the largest cluster comes first
    sizes = Counter(labels)
    best = sorted(best, key=lambda pair: -(sizes[pair[0]] + sizes[pair[1]]))
    all_counts = _phrases_of(texts)
    used: set[str] = set()
    subject_words = frozenset(w for t in commande_terms(objet)[0] for w in content_lemmas(t))
    parts_data = []
    for pair in best:
        sub_data = []
        member_all: list[str] = []
        for cluster in sorted(pair, key=lambda c: -sizes[c]):
            idx = np.where(labels == cluster)[0]
            members = [texts[i] for i in idx]
            member_all += members
            phrases = _title_phrases(members, all_counts, len(texts), used, 2, subject_words)
            used.update(phrases)
            topics = _topics_of(matrix[idx], vocab, seed)
            sub_data.append({"title": _join_title(phrases), "topics": topics})
        part_phrases = _title_phrases(member_all, all_counts, len(texts), used, 2, subject_words)
        used.update(part_phrases)
        sub_data[0]["transition"] = _AUTO_SUB_TRANSITION
        part_title = _join_title(part_phrases)
        parts_data.append({"title": part_title + (" : enjeux et constats" if part_phrases
                                                  else ""),
                           "chapeau": _AUTO_CHAPEAU, "transition": _AUTO_TRANSITION,
                           "subparts": sub_data})
    parts_data[1]["transition"] = ""
    subject, audience = commande_terms(objet)
    focus = {**subject, **audience} or _top_terms(matrix, vocab, 12)
    data = {"name": "auto", "parts": parts_data, "body_words": 1540,
            "focus_terms": focus,
            "intro": {"problematique": _AUTO_PROBLEMATIQUE, "announcement": _AUTO_ANNOUNCE,
                      "hook_terms": _top_terms(matrix, vocab, 8),
                      "subject_terms": subject,
                      "context_terms": _top_terms(matrix, vocab, 8),
                      "context_sentences": 2},
            "conclusion": {}}
    return plan_from_dict(data, "auto")


def _top_terms(matrix, vocab: np.ndarray, k: int) -> dict[str, float]:
    weights = np.asarray(matrix.mean(axis=0)).ravel()
    order = np.argsort(-weights)[:k]
    top = weights[order[0]] or 1.0
    return {str(vocab[i]): round(float(3 * weights[i] / top), 2) for i in order}


def _topics_of(sub_matrix, vocab: np.ndarray, seed: int, n_topics: int = 4) -> list[dict]:
    """Split a sub-part's sentences into topics; each topic's terms are its top lemmas."""
    n = sub_matrix.shape[0]
    from sklearn.cluster import KMeans

    k = max(1, min(n_topics, n // 4))
    km = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(sub_matrix)
    topics = []
    for c in range(k):
        centroid = km.cluster_centers_[c]
        order = np.argsort(-centroid)[:12]
        top = centroid[order[0]] or 1.0
        terms = {str(vocab[i]): round(float(3 * centroid[i] / top), 2)
                 for i in order if centroid[i] > 0}
        topics.append({"name": f"thème {c + 1}", "terms": terms})
    return topics
