"""The function of each statement of the dossier for a note administrative: a fact or state of
play (`constat`), a benefit (`apport`), a risk or limit (`risque`), a rule or obligation
(`regle`), a lever or recommendation (`levier`), an example (`exemple`).

The cues are French words with weights (`resources/note/functions.yaml`), matched on the
sentence's lemmas as phrases; a named actor (a proper noun after the first word) turns an action
cue into an example. A text of law (a code's or a law's extract, whose lines head its articles:
`legal_texts`) states its rules in the present, without their cues: each of its sentences is a
rule. The plan uses the functions to choose its frame and to file each statement
where it belongs: a benefit is never told under a risk title, nor the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import lemma_tokens
from ianote_lib.note.bills import told_as_provision
from ianote_lib.note.scoring import count_phrase
from ianote_lib.note.text import locutions

FUNCTIONS = ("constat", "apport", "risque", "regle", "levier", "exemple")
# functions that must not share a sub-part: what helps and what threatens
OPPOSED = {"apport": {"risque"}, "risque": {"apport"}}
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÉÈÀ][a-zéèêàâîôûç]+(?:[- ][A-ZÉÈ][\w-]+)*")


@cache
def _exclusions() -> dict[str, re.Pattern]:
    """Per function, the wordings that look like its cues but are not (`not_when`)."""
    out = {}
    for name, spec in load_yaml("note", "functions.yaml")["functions"].items():
        if isinstance(spec, dict) and spec.get("not_when"):
            out[name] = re.compile("|".join(spec["not_when"]), re.IGNORECASE)
    return out


@cache
def _lexicon() -> tuple[float, float, dict[str, list[tuple[tuple[str, ...], float, str]]]]:
    data = load_yaml("note", "functions.yaml")
    cues: dict[str, list[tuple[tuple[str, ...], float, str]]] = {}
    for name, spec in data["functions"].items():
        if name not in FUNCTIONS:
            continue
        cues[name] = [(tuple(lemma_tokens(str(term))), float(w), str(term))
                      for term, w in (spec.get("cues") or {}).items()]
    return float(data["min_score"]), float(data["functions"].get("example_bonus", 0)), cues


@cache
def _local_actor() -> tuple[re.Pattern, float]:
    """A sentence that opens (after a short lead ending in a comma) on one local body named by
    its place, and the bonus it gives the example."""
    conf = load_yaml("note", "functions.yaml")["local_actor"]
    nouns = "|".join(conf["nouns"])
    # (its name may follow a few words: « Le syndicat des eaux d'Île-de-France »)
    pattern = re.compile(rf"^(?:[^,]{{0,40}},\s*)?(?:[Ll]a |[Ll]e |[Ll]['’])(?:{nouns})s?"
                         r"(?:\s+[a-zà-ÿœ]+){0,3}?\s+(?:de la |de l['’]|des |de |du |d['’])?"
                         r"[A-ZÀ-Ý]")
    return pattern, float(conf["bonus"])


@cache
def _grammar() -> dict[str, Any]:
    conf = load_yaml("note", "functions.yaml")
    negation = conf["negation"]
    return {"concessive": re.compile(conf["concessive_lead"], re.IGNORECASE),
            "particle": str(negation["particle"]),
            "words": frozenset(lemma_tokens(" ".join(negation["words"]))),
            "moves": dict(negation["moves"]), "cancels": frozenset(negation["cancels"])}


@cache
def _wordings() -> dict[str, list[tuple[re.Pattern, float]]]:
    """Per function, the wordings that add to its score (`patterns`)."""
    conf = load_yaml("note", "functions.yaml")
    return {name: [(re.compile(p, re.IGNORECASE), float(w)) for p, w in spec.items()]
            for name, spec in conf["patterns"].items()}


def _main_clause(text: str) -> str:
    """`text` without a leading concession (« Malgré les obligations légales…, la majorité
    des collectivités ne publient pas… » says a state of play, not a rule), when what follows
    is a clause of its own."""
    m = _grammar()["concessive"].match(text)
    return text[m.end():] if m and len(text[m.end():].split()) >= 5 else text


def _negated(lemmas: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether every occurrence of `phrase` in `lemmas` is negated (« ne permettent pas »,
    « ne pas améliorer »): the particle just before it, a negation word just around it."""
    g, n = _grammar(), len(phrase)
    spots = [i for i in range(len(lemmas) - n + 1) if tuple(lemmas[i:i + n]) == phrase]
    return bool(spots) and all(
        g["particle"] in lemmas[max(0, i - 3):i]
        and g["words"] & set(lemmas[max(0, i - 2):i] + lemmas[i + n:i + n + 3]) for i in spots)


def function_scores(text: str) -> dict[str, float]:
    """The score of each function for one sentence (its locutions and a leading concession
    left out: « par le biais de » is no bias), its wordings (`patterns`) added. A cue of a
    function the negation turns over (a benefit denied, « ne permettent pas une réelle
    comparaison ») counts for the other one (`negation.moves`), a risk denied for none (« pour
    ne pas pénaliser les personnes », `negation.cancels`)."""
    _, bonus, cues = _lexicon()
    text = _main_clause(text)
    lemmas = lemma_tokens(locutions().sub(" ", text))
    moves, cancels = _grammar()["moves"], _grammar()["cancels"]
    scores = dict.fromkeys(cues, 0.0)
    for name, items in _wordings().items():
        scores[name] += sum(weight for pattern, weight in items if pattern.search(text))
    for name, items in cues.items():
        for phrase, weight, term in items:
            if term == "%":
                scores[name] += weight if "%" in text else 0.0
            elif phrase and count_phrase(lemmas, phrase):
                turned = (name in moves or name in cancels) and _negated(lemmas, phrase)
                if not turned or name in moves:
                    scores[moves[name] if turned else name] += weight
    if scores.get("exemple", 0) > 0 and _PROPER.search(text):
        scores["exemple"] += bonus
    local, extra = _local_actor()
    if local.match(text):
        scores["exemple"] += extra
    for name, pattern in _exclusions().items():
        if pattern.search(text):
            scores[name] = 0.0
    return scores


def first_named(text: str, among: Iterable[str]) -> str | None:
    """Of the functions `among`, the one whose cue comes first in `text` (« l'état des lieux et
    les difficultés… »: the state of play, named first, though « difficultés » weighs more);
    of two cues at the same place, the weightier (« les leviers d'action » is a lever's
    « levier » before a benefit's « levier de »); None when none of their cues is in it."""
    _, _, cues = _lexicon()
    lemmas = lemma_tokens(locutions().sub(" ", text))
    first: dict[str, tuple[int, float]] = {}
    for name in among:
        for phrase, weight, _ in cues.get(name, []):
            n = len(phrase)
            at = next((i for i in range(len(lemmas) - n + 1)
                       if n and tuple(lemmas[i:i + n]) == phrase), None)
            if at is not None and (at, -weight) < first.get(name, (len(lemmas) + 1, 0.0)):
                first[name] = (at, -weight)
    return min(first, key=lambda f: first[f]) if first else None


def classify(text: str) -> str:
    """The function of one sentence: the best-scored one, `constat` when none is clear."""
    return best_function(function_scores(text))


def best_function(scores: dict[str, float]) -> str:
    """The function of a sentence given its `function_scores`."""
    floor, _, _ = _lexicon()
    best = max(FUNCTIONS, key=lambda f: (scores.get(f, 0.0), -FUNCTIONS.index(f)))
    return best if scores.get(best, 0.0) >= floor else "constat"


def classify_all(texts: Iterable[str]) -> list[str]:
    return [classify(t) for t in texts]


@cache
def _legal_text() -> dict[str, Any]:
    conf = load_yaml("note", "functions.yaml")["legal_text"]
    return {**conf, **{key: re.compile(conf[key])
                       for key in ("article_heading", "article_inline", "title",
                                   "prescriptive_title", "prescribes")}}


def _heads_article(text: str, kind: str) -> bool:
    conf = _legal_text()
    text = text.strip()
    return bool(conf["article_inline"].match(text)) or (
        kind != "sentence" and len(text.split()) <= int(conf["heading_words"])
        and bool(conf["article_heading"].match(text)))


def legal_texts(sentences: pd.DataFrame) -> frozenset[int]:
    """The documents that are a text of law (a code's, a law's extracts): those whose title
    names one by its kind and number (« Code de la commande publique (extraits) », « Loi n°
    2021-1104… »), and those of which at least `legal_text.min_articles` lines head an
    article (« Article L. 2113-10 », « Art. L. 2224-7. – Les communes… »)."""
    conf = _legal_text()
    texts = sentences["text"].astype(str)
    hit = [_heads_article(t, k) for t, k in zip(texts, sentences["kind"].astype(str),
                                                strict=True)]
    counts = sentences.loc[hit, "doc"].value_counts()
    return frozenset(_titled(sentences, conf["title"])
                     | {int(d) for d, n in counts.items() if n >= int(conf["min_articles"])})


def prescriptive_texts(sentences: pd.DataFrame) -> frozenset[int]:
    """The documents that are an administration's instruction or circulaire (their title:
    « Instruction relative aux règles d'emploi en 2025 des dotations… »): what they prescribe
    is a rule, what they state is not (« Les dotations et fonds de l'État constituent des
    soutiens financiers complémentaires… »)."""
    return frozenset(_titled(sentences, _legal_text()["prescriptive_title"]))


def _titled(sentences: pd.DataFrame, pattern: re.Pattern) -> set[int]:
    """The documents with a title line that `pattern` matches."""
    return {int(d) for d, k, t in zip(sentences["doc"], sentences["kind"].astype(str),
                                      sentences["text"].astype(str), strict=True)
            if k == "title" and pattern.match(t.strip())}


def as_rules(functions: list[str], docs: Iterable[int], texts: Iterable[str],
             sentences: pd.DataFrame) -> list[str]:
    """The `functions` of the sentences of `texts`, each of a text of law of the dossier's
    `sentences` (`legal_texts`) a rule, and each of an instruction or a circulaire
    (`prescriptive_texts`) that prescribes (`legal_text.prescribes`: « L'ensemble des
    dotations… doit contribuer à la rénovation énergétique… », « Les subventions accordées ne
    peuvent pas être cumulées… »), and each provision of a bill (`note.bills`)."""
    legal, prescriptive = legal_texts(sentences), prescriptive_texts(sentences)
    prescribes = _legal_text()["prescribes"]
    return ["regle" if int(d) in legal or (int(d) in prescriptive and prescribes.search(t))
            or told_as_provision(t) else f
            for f, d, t in zip(functions, docs, texts, strict=True)]



def label(function: str) -> str:
    """The French label of a function (for the plan's table)."""
    spec = load_yaml("note", "functions.yaml")["functions"].get(function) or {}
    return str(spec.get("label", function))


def compatible(function: str, wanted: Iterable[str],
               scores: dict[str, float] | None = None) -> bool:
    """Whether a statement of `function` may be told in a sub-part gathering `wanted`: one of
    them, or at least not opposed to any of them (a plain fact fits anywhere it is relevant).
    Given the statement's `scores` (`function_scores`), a plain fact or an example goes under
    a sub-part that asks only for rules when it holds a rule's cue: a market's growth is no
    legal framework (a fact that tells a risk without its words, « le taux de renouvellement
    n'atteint que 0,67 % », still serves the difficulties)."""
    wanted = set(wanted)
    if not wanted or function in wanted:
        return True
    if wanted <= {"levier"}:
        return function == "exemple"    # the levers: what to do, and who already does it
    if function in ("apport", "risque"):
        return not any(function in OPPOSED.get(w, set()) for w in wanted) and (
            "constat" in wanted or "exemple" in wanted)
    if wanted <= {"regle"} and scores is not None:
        return function in ("constat", "exemple") and scores.get("regle", 0.0) > 0
    return function in ("constat", "exemple")
