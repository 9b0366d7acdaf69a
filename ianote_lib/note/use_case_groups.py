"""The use cases of the `use_cases` table as the note tells them: grouped into what one statement
tells, weighted, and their actors named as their documents write them."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.fr.stopwords import function_words
from ianote_lib.grouping import connected_groups
from ianote_lib.note.text import SENTENCE_ID, has_figure, names_actor, style
from ianote_lib.use_cases.detection import technology


def sentence_ids_of(value: Any) -> list[str]:
    """Sentence ids of a `use_cases` cell ("d01s0037;d11s0565")."""
    return SENTENCE_ID.findall(str(value)) if value is not None and not (
        isinstance(value, float) and math.isnan(value)) else []


def _status_rank(status: str) -> int:
    ranks = style()["use_cases"]["status_rank"]
    key = fold(str(status)).strip()
    for prefix, rank in ranks.items():
        if key.startswith(fold(prefix)):
            return int(rank)
    return 1


def is_failure(status: Any) -> bool:
    """Whether a use case's status says it failed or was abandoned."""
    key = fold(str(status or "")).strip()
    return any(key.startswith(fold(p)) for p in style()["use_cases"]["failure_status"])


def _actor_weight(actor_type: Any) -> float:
    cfg = style()["use_cases"]
    key = fold(str(actor_type or "")).strip()
    for prefix, weight in sorted(cfg["actor_weight"].items(), key=lambda kv: -len(kv[0])):
        if key.startswith(fold(prefix)):
            return float(weight)            # the longest prefix: "etat_etranger" before "etat"
    return float(cfg["default_actor_weight"])


def actor_names(actor: Any, aliases: Any = "") -> list[str]:
    """The names under which a use case's actor may appear in a sentence: the actor without
    its parenthesis, and the aliases that are names (not "la commune", "Elles")."""
    names = [re.sub(r"\s*\([^)]*\)", "", str(actor or "")).strip()]
    for alias in str(aliases or "").split(";"):
        alias = alias.strip()
        bare = re.sub(r"(?i)^(?:le|la|les|l['’])\s*", "", alias)
        if len(bare) > 2 and re.search(r"[A-ZÀ-Þ]", bare) and fold(alias) not in function_words():
            names.append(alias)
    return [n for k, n in enumerate(names) if len(n) > 1 and n not in names[:k]]


@dataclass
class UseCaseGroup:
    """Use cases told by one statement: the same use, or sharing an evidence sentence."""

    case_ids: list[str]
    actors: list[str]               # names to look for, best first
    actor_types: list[str]
    domain: str
    rank: int                       # best status rank of its cases
    weight: float                   # priority when the word budget does not hold them all
    failure: bool
    sentence_ids: list[str]         # evidence and outcome sentences, in reading order
    outcome_ids: set[str]
    case_sentences: list[set[str]]  # each case's own sentences
    uses: list[str] = field(default_factory=list)   # what each case does

    @property
    def evidence_ids(self) -> list[str]:
        return self.sentence_ids

    def says_use(self, text: str) -> bool:
        """Whether a sentence says what the use is: two content words of the use of one of
        the cases, or half of them."""
        words = set(content_lemmas(text))
        for use in self.uses:
            lemmas = set(content_lemmas(use)) - _technology_lemmas()
            shared = lemmas & words
            if lemmas and (len(shared) >= 2 or len(shared) >= 0.5 * len(lemmas)):
                return True
        return not any(self.uses)

    def own_ids(self, sid: str) -> set[str]:
        """The sentences of the cases that list `sid` among theirs."""
        return set().union(*[ids for ids in self.case_sentences if sid in ids])

    def informativeness(self, text: str, sid: str) -> float:
        """Named actor, figure, outcome: what makes a sentence tell a use case well."""
        low = fold(text)
        named = any(fold(a) in low for a in self.actors)
        listed = sum(1 for ids in self.case_sentences if sid in ids)
        return (1.0 + 0.6 * named + 0.5 * has_figure(text) + 0.4 * (sid in self.outcome_ids)
                + 0.2 * (listed - 1) + 0.3 * names_actor(text))


def use_case_groups(table: pd.DataFrame) -> list[UseCaseGroup]:
    """The use cases of the `use_cases` table grouped into what one statement tells: cases of
    the same use ("exploiter les délibérations") or sharing an evidence sentence are merged."""
    rows = table.reset_index(drop=True)
    n = len(rows)
    evidence = [set(sentence_ids_of(rows.at[k, "evidence_sentence_ids"])) for k in range(n)]
    outcomes = [set(sentence_ids_of(rows.at[k, "outcome_sentence_ids"]))
                if "outcome_sentence_ids" in rows else set() for k in range(n)]
    uses = [fold(str(rows.at[k, "use"])) if "use" in rows else "" for k in range(n)]
    failing = [is_failure(rows.at[k, "status"]) if "status" in rows else False
               for k in range(n)]
    members = connected_groups(n, lambda a, b: failing[a] == failing[b] and (
        bool(uses[a]) and uses[a] == uses[b] or bool(evidence[a] & evidence[b])))

    def col(k: int, name: str) -> str:
        value = rows.at[k, name] if name in rows else ""
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(
            value)

    groups = []
    for ks in members:
        ids = sorted(set().union(*[evidence[k] | outcomes[k] for k in ks]))
        if not ids:
            continue
        rank = min(_status_rank(col(k, "status")) for k in ks)
        weights = [float(style()["use_cases"]["status_weight"][min(_status_rank(col(k, "status")),
                                                                    2)])
                   * _actor_weight(col(k, "actor_type")) * (1.2 if outcomes[k] else 1.0)
                   for k in ks]
        domains = Counter(col(k, "domain") or "autre" for k in ks)
        catch_all = fold(domains.most_common(1)[0][0]) in {
            fold(x) for x in style()["use_cases"]["last_domains"]}
        actors = [a for k in ks for a in actor_names(col(k, "actor"), col(k, "actor_aliases"))]
        groups.append(UseCaseGroup(
            case_ids=[col(k, "use_case_id") or f"uc{k + 1:02d}" for k in ks],
            actors=list(dict.fromkeys(actors)),
            actor_types=[col(k, "actor_type") for k in ks],
            domain=domains.most_common(1)[0][0], rank=rank,
            weight=max(weights) * (1 + 0.1 * (len(ks) - 1)) * (0.6 if catch_all else 1.0),
            failure=failing[ks[0]],
            sentence_ids=ids, outcome_ids=set().union(*[outcomes[k] for k in ks]),
            case_sentences=[evidence[k] | outcomes[k] for k in ks],
            uses=[col(k, "use") for k in ks]))
    return groups


def _of_name(name: str, doc_text: str) -> str:
    """How the document says "of <name>": "de l'IGN", "du Gers", "de Plaisir"."""
    m = re.search(rf"\b((?i:du|des|de la|de l['’]|d['’]|de))\s*{re.escape(name)}\b", doc_text)
    if m:
        of = m.group(1).lower().replace("’", "'")
        return of + ("" if of.endswith("'") else " ") + name
    m = re.search(rf"\b((?i:le|la|les|l['’]))\s*{re.escape(name)}\b", doc_text)
    if m:
        of = {"le": "du ", "la": "de la ", "les": "des ", "l'": "de l'", "l’": "de l'"}[
            m.group(1).lower()]
        return of + name
    return ("d'" if fold(name[:1]) in "aeiouyh" else "de ") + name


def name_actor(text: str, need: Any, actor: str, doc_rows: pd.DataFrame,
               sentence_id: str) -> tuple[str, str] | None:
    """Complete a sentence of a use case that only points back to its actor ("La commune
    utilise…", "Son projet…") with the actor's name as its document writes it, and the id of
    the sentence of that document that names it (nearest before, else after); None when the
    document does not name the actor or the noun does not fit it."""
    if not actor or not re.search(r"[A-ZÀ-Þ]", actor) or re.match(
            r"(?i)^(?:le|la|les|l['’])\s*", actor) and not re.match(r"L['’][A-ZÀ-Þ]", actor):
        return None
    body = normalize(text)
    norms = doc_rows["norm"].astype(str).tolist()
    ids = doc_rows["sentence_id"].astype(str).tolist()
    naming = [sid for sid, t in zip(ids, norms, strict=True)
              if actor in t and sid != sentence_id]
    if not naming:
        return None
    before = [sid for sid in naming if sid < sentence_id]
    source = before[-1] if before else naming[0]
    of = _of_name(actor, "\n".join(norms))
    if need.kind == "possessive":
        m = re.match(r"(?i)^(son|sa|ses)\s+([a-zà-ÿœ-]+)", body)
        if not m:
            return None
        det, noun = m.group(1).lower(), m.group(2)
        article = {"son": "Le ", "sa": "La ", "ses": "Les "}[det]
        if det in ("son", "sa") and fold(noun[:1]) in "aeiouyh":
            article = "L'"
        return f"{article}{noun} {of}{body[m.end():]}", source
    if need.kind == "definite" and need.noun:
        head = fold(need.noun)
        if fold(actor).startswith(head + " "):            # "la région" + "région Île-de-France"
            return body[:need.end] + actor[len(need.noun):] + body[need.end:], source
        if not actor[:1].isupper() or head in fold(actor).split():
            return None     # « le Gouvernement » is not « le Gouvernement du Gouvernement »
        return body[:need.end] + " " + of + body[need.end:], source
    return None


@cache
def _technology_lemmas() -> frozenset[str]:
    """The words of the technology the use cases are uses of (« l'IA » → ia, intelligence,
    artificiel): they say nothing of what a use is."""
    tech = technology()
    return frozenset(content_lemmas(" ".join((tech["name"], tech["short"], tech["term"]))))
