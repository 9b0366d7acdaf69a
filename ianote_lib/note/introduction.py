"""The introduction of the note: an opening fact, a definition of the subject, the context."""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from ianote_lib.note.picker import Picker
from ianote_lib.note.plan import Topic
from ianote_lib.note.scoring import DATED_OPENING, count_phrase, definition_strength
from ianote_lib.note.statements import Statement
from ianote_lib.note.text import has_figure, names_actor, style
from ianote_lib.note.use_case_groups import sentence_ids_of
from ianote_lib.note.use_case_statements import local_cases

_DATE = re.compile(r"\b(?:19|20)\d\d\b")


def introduction(picker: Picker) -> tuple[list[Statement], list[Statement], list[Statement]]:
    """The opening fact, a definition of the subject and a context sentence.

    The opening fact is the sentence that best combines relevance to the commande's object
    (its subject and its audience: the plan's `subject_terms` and `focus_terms`) with a
    figure, a named actor and a date (a year inside it); a sentence opening on a date ranks
    lower (« Le 22/11/23 : … » reads as a chronology, not as a fact); the initiative of one
    collectivité (an example for the body), a sentence that names a local body, a lever or a
    benefit without a strong figure open the note only when no other fact can; and
    the sentences of the `checks` inconsistencies never compete (they are out of the pool).
    The definition is a sentence that defines the subject ("X désigne…", "Définie comme…").
    """
    intro = picker.plan.intro or {}
    q = picker.quality
    subject_terms = dict(intro.get("subject_terms") or {})
    subject = picker.relevance(subject_terms) if subject_terms else np.zeros(len(picker.pool))
    hook_rel = (picker.relevance(intro["hook_terms"]) if intro.get("hook_terms")
                else np.zeros(len(picker.pool)))
    figure = picker.pool["figure"].to_numpy(dtype=bool)
    actor = picker.pool["actors"].to_numpy(dtype=float) > 0
    dated = picker.pool["clean"].map(lambda t: bool(DATED_OPENING.match(t))).to_numpy()
    words = picker.pool["words"].to_numpy(dtype=float)
    about = subject > 0
    if not about.any():
        about = np.ones(len(picker.pool), dtype=bool)
    own = picker.self_contained()
    # a sentence about firms or an event's logistics (see `Picker.off`) gives no opening fact
    # and no context; it may still give the only definition of the subject the dossier has
    audience = own & ~picker.off
    form = q * np.where(words > 40, 0.5, 1.0) * np.where(dated, 0.4, 1.0)
    # the opening fact: about the subject, for the audience, with a figure or an actor
    # a strong figure (an amount, a share, a footprint, a count of at least a hundred) or
    # a named actor (a place, an institution with its name), in what the note will quote
    strong = (picker.pool["sentence_id"].isin(picker.ev.strong_figure_ids).to_numpy()
              & picker.pool["short"].map(has_figure).to_numpy())
    named = picker.pool["short"].map(names_actor).to_numpy()
    # a dated fact (a year or a date inside the sentence) opens a note best
    dates = picker.pool["clean"].map(lambda t: bool(_DATE.search(t))).to_numpy()
    # one collectivité's initiative is an example for the body, not what opens the note
    example = picker.pool["sentence_id"].isin(initiative_sentences(picker)).to_numpy()
    # and a sentence that its document gives as an illustration (« Par exemple, les
    # opérations inscrites dans un PAPI sont éligibles… ») illustrates a point of the body
    example = example | picker.pool["clean"].map(illustrates).to_numpy(dtype=bool)
    score = ((0.4 + picker.focus) * (1.0 + 0.4 * strong + 0.4 * named + 0.4 * dates) * form
             * (1.0 + 0.3 * hook_rel))
    opening = about & (strong | named) & audience & (picker.focus > 0)
    # a sentence that names a local body: one place's case, neither the opening nor the context
    case = picker.pool["short"].map(lambda t: names_actor(t, local=True)).to_numpy()
    # nor, when another can, one of one place's story
    story = _stories(picker)
    fallback = (figure | actor) & audience
    second = _second_choice(picker)
    hook = (_opening_fact(picker, score, opening & ~second, example, case, strong,
                          fallback & ~second, story)
            or _opening_fact(picker, score, opening, example, case, strong, fallback, story))
    definition: list[Statement] = []
    if subject_terms:
        strength = picker.pool["clean"].map(definition_strength).to_numpy(dtype=float)
        defines = strength > 0
        # a definition that introduces its list (« …, c'est-à-dire : » and its items) is told
        # with its items, as in the body
        listed = (picker.pool["resolution"] == "liste").to_numpy() if "resolution" in \
            picker.pool else np.zeros(len(picker.pool), dtype=bool)
        allowed = defines & (subject > 0) & (own | listed) & (words <= 50)
        score = (subject * q + 0.01) * strength
        pick = (picker.best(score, allowed=allowed & ~picker.off & ~story)
                or picker.best(score, allowed=allowed & ~picker.off)
                or picker.best(score, allowed=allowed))
        if pick:
            definition.append(picker.make(pick[0], "introduction", "définition", pick[1]))
    # the context: a sentence whose subject is the commande's subject, for its audience
    head = subject_leads(picker, subject_terms)
    context_rel = (picker.relevance(intro["context_terms"]) if intro.get("context_terms")
                   else np.zeros(len(picker.pool)))
    scores = ((0.3 + picker.focus) * (1.0 + 0.5 * head) * (1.0 + 1.5 * context_rel) * form)
    n = int(intro.get("context_sentences", 1)) - (1 if definition else 0)
    context = _context(picker, scores, about & audience & (picker.focus > 0), case | example,
                       max(n, 1), story)
    return hook, definition, context


def _stories(picker: Picker) -> np.ndarray:
    """The rows of a document whose title names a place (« Lons-le-Saunier passe aux 30 km/h
    dans la douleur »: `note.evidence.place_stories`), one place's story."""
    if "local_story" not in picker.pool:
        return np.zeros(len(picker.pool), dtype=bool)
    return picker.pool["local_story"].to_numpy(dtype=bool)


def _context(picker: Picker, scores: np.ndarray, allowed: np.ndarray, case: np.ndarray,
             n: int, story: np.ndarray) -> list[Statement]:
    """The `n` context sentences among the `allowed` rows, best `scores` first: the state of
    play of the subject, not one place's `case` (« Le service de collecte… évolue…, à Fouras
    et dans toute la communauté d'agglomération Rochefort Océan »), nor one programme's or
    tool's presentation (« MonServiceSécurisé est la solution de cybersécurité de l'ANSSI pour
    aider… », an initiative of the State, for the body), nor a sentence of one place's `story`,
    unless no other can."""
    initiative = picker.pool["sentence_id"].isin(
        initiative_sentences(picker, local=False)).to_numpy()
    context: list[Statement] = []
    for _ in range(n):
        pick = (picker.best(scores, allowed=allowed & ~case & ~initiative & ~story)
                or picker.best(scores, allowed=allowed & ~case & ~initiative)
                or picker.best(scores, allowed=allowed & ~case)
                or picker.best(scores, allowed=allowed))
        if pick:
            context.append(picker.make(pick[0], "introduction", "contexte", pick[1]))
    return context


def _second_choice(picker: Picker) -> np.ndarray:
    """The rows that open the note only when no other can: a person's view (« Selon Antoine
    Bezard, consultant…, », « « Un budget participatif nécessite… », note Antoine Bezard »),
    and a programme's or a tool's presentation (« MonAideCyber s'adresse aux entités publiques
    et privées… » is for the body, as in the context)."""
    weak = (picker.pool["short"].map(weak_opening).to_numpy(dtype=bool)
            | picker.pool["clean"].map(weak_opening).to_numpy(dtype=bool))
    return weak | picker.pool["sentence_id"].isin(
        initiative_sentences(picker, local=False)).to_numpy()


def _opening_fact(picker: Picker, score: np.ndarray, opening: np.ndarray,
                  example: np.ndarray, case: np.ndarray, strong: np.ndarray,
                  fallback: np.ndarray, story: np.ndarray) -> list[Statement]:
    """The opening fact among the `opening` rows, best `score` first: not one collectivité's
    initiative (`example`), nor a sentence that names a local body (`case`: « La Charte de
    l'arbre est un outil rassemblant… la Métropole de Lyon ») nor, first, one of one place's
    `story`, nor a lever or a benefit without a `strong` figure (« Pour atteindre les
    objectifs…, il est possible d'optimiser… »; « Le Gouvernement a annoncé… 88 millions
    d'euros destiné à accompagner… » is news), unless no other fact can;
    a lever or a benefit with its strong figure only when no state of play, rule or risk can
    (« Ayant déjà permis de sécuriser plus de 3 800 services…, MonServiceSécurisé est devenu
    un outil de référence » praises a tool); any `fallback` row when no opening row is
    left, an example last."""
    told = np.isin(picker.functions, ["levier", "apport"])
    fact = ~(told & ~strong)
    pick = (picker.best(score, allowed=opening & ~example & ~case & ~story & ~told)
            or picker.best(score, allowed=opening & ~example & ~case & ~story & fact)
            or picker.best(score, allowed=opening & ~example & ~case & ~told)
            or picker.best(score, allowed=opening & ~example & ~case & fact)
            or picker.best(score, allowed=opening & ~example)
            or picker.best(score, allowed=opening)
            or picker.best(score, allowed=fallback & ~example)
            or picker.best(score, allowed=fallback))
    return [picker.make(pick[0], "introduction", "accroche", pick[1])] if pick else []


_WEAK_OPENING = re.compile(r"^(?:(?:Selon|D['’]après|Pour) [A-ZÀ-Þ][\w'’-]+"
                           r"(?: [A-ZÀ-Þ][\w'’-]+){1,2},|"
                           r"[«\"“][^«»\"“”]+[»\"”]\s*,?\s*[a-zà-ÿ]+(?:-t-(?:il|elle))?\s+"
                           r"[A-ZÀ-Þ][\w'’-]+ [A-ZÀ-Þ][\w'’-]+)")


def weak_opening(text: str) -> bool:
    """Whether a sentence tells the view of a person named by first and last name, a weak
    opening for a note (« Selon Antoine Bezard, consultant…, un budget participatif
    nécessite… », « « Un budget participatif nécessite… », note Antoine Bezard »)."""
    return bool(_WEAK_OPENING.match(text))


def illustrates(text: str) -> bool:
    """Whether a sentence opens on a connector of illustration (`style.yaml
    illustration_leads`: « Par exemple, », « À titre d'exemple, »)."""
    return bool(_illustration_lead().match(text))


@cache
def _illustration_lead() -> re.Pattern:
    return re.compile(r"^\s*(?:" + "|".join(style()["illustration_leads"]) + r")\b",
                      re.IGNORECASE)


def initiative_sentences(picker: Picker, local: bool = True) -> set[str]:
    """The sentences that tell an initiative of one collectivité (`use_cases` rows of a local
    actor: the State's programmes are not examples), or, not `local`, any initiative."""
    table = picker.ev.use_cases
    if table is None:
        return set()
    if local:
        table = table[table["use_case_id"].astype(str).isin(local_cases(table))]
    return {sid for cell in table["evidence_sentence_ids"] for sid in sentence_ids_of(cell)}


def subject_leads(picker: Picker, subject_terms: dict[str, float]) -> np.ndarray:
    """Rows whose first words name the subject (it is what the sentence is about)."""
    phrases = Topic("s", subject_terms).phrases()
    out = []
    for seq in picker.pool["lemmas"]:
        first = seq[:6]
        out.append(any(count_phrase(first, p) for p, _ in phrases))
    return np.array(out, dtype=float)
