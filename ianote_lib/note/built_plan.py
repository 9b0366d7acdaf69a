"""The plan built for any dossier: it answers the commande.

When the commande lists what the note must present (« Elle présentera le cadre juridique et les
sanctions encourues, l'état des lieux et les enjeux pour les usagers, puis les leviers… »), its
axes are the backbone: an axis made of two coordinated items is split into two sub-parts when
the plan needs four, the axes are paired into two parts in their order, none is lost; each
sub-part's title is its axis, written as a title. Otherwise the plan takes the classic
problematised frame (`resources/note/frames.yaml`: apports / limites et conditions, constat /
leviers, cadre / mise en œuvre) that the functions of the dossier's statements support best
(`note.functions`), with its written titles.

Each sub-part gathers the statements of its functions (a benefit never under a risk title) and
is split into topics by the vocabulary of the statements filed under it (TF-IDF over lemmas,
k-means with a fixed seed), whose top lemmas guide the selection. Nothing of a dossier's
sentences is copied into a title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.errors import IanoteError
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.note.axis_titles import as_title
from ianote_lib.note.functions import (
    as_rules,
    classify_all,
    compatible,
    first_named,
    function_scores,
)
from ianote_lib.note.text import MONTH_WORDS, has_figure, lower_first, nouns_of
from ianote_lib.note.transitions import axes_transition
from ianote_lib.reading.commande import PRECISION
from ianote_lib.tfidf import tfidf_matrix
from ianote_lib.topics import clustering

QUOTABLE = ("sentence", "bullet")
# a deadline: « d'ici 2028 », « avant le 22 octobre 2022 », « à compter du 1er janvier 2025 »
_DEADLINE = re.compile(
    r"(?i)\b(?:d['’]ici(?: à| a)?|avant(?: le| la fin)?|à compter d[eu]|à partir d[eu]|"
    r"au plus tard(?: le| en)?|à l['’]horizon|jusqu['’](?:en|au|à)|dès(?: le)?|"
    r"à l['’]échéance|au-delà d[eu]|entre(?:ra)? en vigueur(?: le| en)?)\s+"
    rf"(?:(?:le |la fin )?\d{{1,2}}(?:er)? (?:{MONTH_WORDS}) |(?:{MONTH_WORDS}) )?(?:19|20)\d\d\b")
_COORDINATION = re.compile(r"\s+et\s+(?=(?:le|la|les|l['’]|des|du|un|une|ses|leurs?|son|sa)\b)")


@dataclass
class Slot:
    """One sub-part of a built plan before it becomes a `SubPart`."""

    title: str
    functions: list[str]
    terms: dict[str, float] = field(default_factory=dict)
    draws_on: list[str] = field(default_factory=list)
    members: list[int] = field(default_factory=list)    # indices of the statements filed here
    concept: dict[str, float] = field(default_factory=dict)     # what the axis calls for
    marks: set[str] = field(default_factory=set)                # (`axis_concepts.yaml`)
    claims: list[int] = field(default_factory=list)     # statements that speak its axis
    called: list[str] = field(default_factory=list)     # functions its concept adds
    idea_title: str = ""        # the title once its statements are known (note.titles)
    idea_titles: dict[str, dict[str, str]] = field(default_factory=dict)    # (note.titles)
    split: int = 0      # its turn (1, 2) in sharing its functions' statements with its twin
    half_of: int = -1   # the commande's axis it is a half of, when that axis was split
    axis: int = -1      # the commande's axis it tells (or a half of), -1 for a complement


def frames() -> dict[str, Any]:
    return load_yaml("note", "frames.yaml")


def phrase_terms(phrase: str, exclude: frozenset[str] = frozenset()) -> dict[str, float]:
    """The weighted terms of an axis: the whole phrase, then each content word but its light
    words (`axis_concepts.yaml light`: « l'état des lieux », « permettant de »)."""
    text = re.sub(r"(?i)^(?:les|la|le|l['’]|des|du|de|d['’])\s*", "", phrase.strip())
    light = load_yaml("note", "axis_concepts.yaml")["light"]
    bare = re.sub(r"(?i)\b(?:" + "|".join(light["locutions"]) + r")\b", " ", text)
    verbs = {v for verb in light["verbs"] for v in content_lemmas(verb)}
    words = [w for w in content_lemmas(bare) if w not in exclude and w not in verbs]
    terms: dict[str, float] = {}
    if len(words) > 1:
        terms[text.lower()] = 3.0
    for word in words:
        terms[word] = 2.0
    return terms


def axis_items(axes: list[str], counts: Counter | None = None,
               whole: frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    """The sub-parts' axes (text, index of the commande's axis), four when the axes allow it:
    coordinated axes (« X et Y ») are split, the first ones first, while fewer than four; more
    than four are merged from the end. With the `counts` of the dossier's sentences by
    function, an axis is split only when the dossier holds enough sentences of what each half
    asks for first (`frames.yaml sentences_for_a_subpart` each): « le cadre juridique et les
    obligations… » stays whole in a dossier of few rules, « l'état des lieux… et les
    difficultés… » in one of few difficulties; each half would be filled with what it is not
    about. The axes of `whole` (indices) are never split."""
    items = [(a, k) for k, a in enumerate(axes)]
    k = 0
    while len(items) < 4 and k < len(items):
        text, origin = items[k]
        pieces = _COORDINATION.split(text, maxsplit=1)
        if (origin not in whole and len(pieces) == 2 and all(len(p.split()) >= 2 for p in pieces)
                and not _VERB_CLAUSE.search(pieces[0])
                and broad_axis(text) == text and (counts is None or _enough(pieces, counts))):
            items[k:k + 1] = [(_shared_complement(*pieces), origin),
                              (_own_clause(_possessor_named(pieces[1])), origin)]
            k += 2
        else:
            k += 1
    while len(items) > 4:
        (a, ka), (b, _) = items[-2], items[-1]
        items[-2:] = [(f"{a}, {b}", ka)]
    return items


# an infinitive after « permettant de », « visant à », « pour », « afin de »: the « et » that
# follows coordinates its objects (« les leviers permettant d'en améliorer l'usage par tous les
# publics et la sobriété », « les leviers mobilisables pour concilier le développement du
# territoire et la sobriété foncière »), not two axes
_VERB_CLAUSE = re.compile(r"(?i)\b(?:(?:permettant|visant|afin|en vue)\s+(?:à\s+(?:\S+\s+){1,6}?)?"
                          r"(?:de\s|d['’]|à\s)|pour\s)(?:en\s|y\s|l['’]|les?\s|la\s|se\s|"
                          r"s['’]|mieux\s|davantage\s)?[a-zà-ÿ]+(?:er|ir|re)\b")


# a relative clause whose subject pronoun stands for the other half of a split axis (« les
# difficultés qu'elles rencontrent pour le rénover »: the collectivités of the first half)
_POINTING_CLAUSE = re.compile(r"\s+(?:qu['’]|que\s+)(?:ils?|elles?)\b.*$", re.IGNORECASE)


def _own_clause(half: str) -> str:
    """The second half of a split axis without a relative clause that points back to the
    first half: « les difficultés qu'elles rencontrent pour le rénover » → « les
    difficultés »."""
    return _POINTING_CLAUSE.sub("", half)


_POSSESSIVE = re.compile(r"(?i)\b(?P<det>son|sa|ses|leurs)\s+(?P<noun>[\wÀ-ÿœ'’-]+)")


def _possessor_named(half: str) -> str:
    """The second half of a split axis without the possessive that points to the first: « ses
    conséquences » → « les conséquences », « les conditions de son acceptation » → « les
    conditions de l'acceptation » (the part's title says whose; naming it again in the half
    would share the first half's words, which then file neither: `axis_slots`)."""
    m = _POSSESSIVE.search(half)
    if not m:
        return half
    noun, det = m.group("noun"), m.group("det").lower()
    article = ("les " if det in ("ses", "leurs")
               else "l'" if re.match(r"(?i)[aeiouyàâéèêîôh]", noun)
               else "le " if det == "son" else "la ")
    return half[:m.start()] + article + half[m.start("noun"):]


def _enough(halves: list[str], counts: Counter) -> bool:
    """Whether the dossier holds, for the function each half of an axis asks for first, the
    sentences of the sub-parts that ask for it (`frames.yaml sentences_for_a_subpart` each)."""
    wanted = Counter((_wanted_functions(h) or [""])[0] for h in halves)
    need = int(frames()["sentences_for_a_subpart"])
    return all(counts[f] >= need * n for f, n in wanted.items() if f)


def _wanted_functions(axis: str) -> list[str]:
    """The functions an axis asks for: the two whose cues it holds most, the one it names first
    leading (« les leviers d'action permettant à la communauté… de réduire et de valoriser… »
    asks for levers before benefits, whose cues it holds more), and those its words ask for
    (`frames.yaml axis_cues`: « l'essor de… » asks for the state of play)."""
    scores = function_scores(axis)
    words = set(content_lemmas(axis))
    for function, cues in frames()["axis_cues"].items():
        if words & set(cues):
            scores[function] = scores.get(function, 0.0) + float(frames()["axis_cue_weight"])
    wanted = [f for f, s in sorted(scores.items(), key=lambda kv: -kv[1]) if s >= 1.0][:2]
    named = first_named(axis, wanted)
    return sorted(wanted, key=lambda f: f != named)


_COMPLEMENT = re.compile(r"\s(?P<de>(?:de la|de l['’]|des|du|de|d['’])\s?\S.*)$")


def _shared_complement(first: str, second: str) -> str:
    """The first of two coordinated nouns with the complement they share: in « le cadre
    juridique et le calendrier de la trajectoire de sobriété foncière », « de la trajectoire… »
    completes both nouns, so the first sub-part is « le cadre juridique de la trajectoire de
    sobriété foncière ». Only a short « de » complement with no relative clause
    (`frames.yaml shared_complement_words`: in « le cadre juridique et les obligations de
    réduction des consommations qui s'imposent… », the complement is the obligations' alone),
    and only for a first noun without one."""
    m = _COMPLEMENT.search(second)
    if not m or _COMPLEMENT.search(first) or len(first.split()) > 4:
        return first
    shared = m.group("de")
    if (len(shared.split()) > int(frames()["shared_complement_words"])
            or re.search(r"(?i)\b(?:qui|que|qu['’]|dont|lequel|laquelle|lesquel(?:le)?s)\b",
                         shared)):
        return first
    # the complement starts after the second noun's head (« le calendrier »), never inside it
    head = second[:m.start()].split()
    if len(head) < 2 or len(head) > 3:
        return first
    return f"{first} {shared}"


def axis_slots(axes: list[str], subject: frozenset[str], counts: Counter | None = None,
               whole: frozenset[int] = frozenset()) -> tuple[list[list[Slot]], list[str]]:
    """Two parts of two slots from the commande's axes (`axis_items`, given the `counts` of
    the dossier's sentences by function and the axes to keep `whole`), and the parts'
    titles."""
    items = axis_items(axes, counts, whole)

    def slot(item: tuple[str, int]) -> Slot:
        return _axis_slot(item[0], subject, item[1])

    phrases = frames()["part_phrases"]
    if len(items) == 3:
        # the first two axes make part I; the third opens part II, which a complementary
        # sub-part completes (what the axes do not already ask for)
        slots = [[slot(items[0]), slot(items[1])], [slot(items[2])]]
        slots[1].append(complement([s for part in slots for s in part], counts, second=True,
                                   beside=slots[1]))
        groups = [[items[0], items[1]], [items[2]]]
    elif len(items) == 2:
        slots = [[slot(item)] for item in items]
        for k, part in enumerate(slots):
            part.append(complement([s for p in slots for s in p], counts, second=k == 1,
                                   beside=part))
        groups = [[items[0]], [items[1]]]
    else:
        slots = [[slot(items[0]), slot(items[1])], [slot(items[2]), slot(items[3])]]
        groups = [items[:2], items[2:]]
    # (the complement was chosen on the axes' own functions; their concepts' join them now)
    for slot in (s for part in slots for s in part):
        slot.functions += slot.called
    titles = []
    # (a part titled by its one axis, « Le cadre juridique et les sanctions encourues », and
    # the other by its functions speak alike: « L'état des lieux et les leviers d'action »)
    split = [len({k for _, k in group}) == 1 and len(group) == 2 for group in groups]
    if any(re.match(r"(?i)(?:le|la|les|l['’])\b", axes[group[0][1]].strip())
           for group, one in zip(groups, split, strict=True) if one):
        phrases = frames()["part_phrases_definite"]
    said: set[str] = set()          # the function phrases the parts' titles already use
    for part, group, one in zip(slots, groups, split, strict=True):
        if one:
            titles.append(as_title(axes[group[0][1]]))      # one axis split in two
            # the words the two halves share (« de la trajectoire de sobriété foncière ») do
            # not tell their statements apart: each files by its own head words
            shared = set(part[0].terms) & set(part[1].terms)
            for slot in part:
                slot.terms = {t: w for t, w in slot.terms.items() if t not in shared}
                slot.half_of = group[0][1]
        else:
            # (each sub-part by the function its axis names first: « l'état des lieux… et les
            # difficultés » is a state of play before it is a risk)
            fa, fb = (first_named(s.title, s.functions) or _main_function(s) for s in part)
            words = [phrases[fa]] + ([phrases[fb]] if fb != fa else [])
            if fa == fb and len({k for _, k in group}) == 2:
                # two axes whose sub-parts tell alike: each by its first member (« le cadre
                # national… » and « les leviers d'action… », not « Les leviers d'action »)
                titles.append(as_title(" et ".join(lower_first(_first_member(s.title))
                                                   for s in part)))
                continue
            # (never the phrase of the part before: the lighting plan read « I. Des risques à
            # maîtriser et des obligations… / II. Des risques à maîtriser et des leviers… »)
            words = [w for w in words if w not in said] or words
            said.update(words)
            titles.append(as_title(" et ".join(words)))
    return slots, titles


def _first_member(axis: str) -> str:
    """The first of the coordinated noun phrases an axis asks for (« le cadre national et les
    modalités de financement de ce dispositif » → « le cadre national »)."""
    return re.split(r"\s+et\s+|,\s+", axis.strip(), maxsplit=1)[0]


def complement(taken: list[Slot], counts: Counter | None = None, second: bool = False,
               beside: list[Slot] | None = None) -> Slot:
    """The sub-part that completes a part of a plan on fewer than four axes: the first of the
    frames' `complements` whose functions no sub-part already gathers, else the first that
    brings the most functions none gathers. One whose functions the dossier's sentences
    (`counts`, by function) hold fewer than `sentences_for_a_subpart` times is passed over
    when another has them (the incendies dossier holds 14 examples and benefits: its
    « Des initiatives déjà engagées sur les territoires » told one definition), and the
    second part (`second`) never ends on a state of play (`first_part_only`), nor does a
    part repeat the functions of the sub-part it completes (`beside`: no « Des leviers d'action
    à la portée des collectivités » after « Les leviers d'action dont dispose la commune »)."""
    used = {f for slot in taken for f in slot.functions} | {s.title for s in taken}
    own = {f for slot in beside or [] for f in slot.functions}
    need = int(frames()["sentences_for_a_subpart"])
    specs = [s for s in frames()["complements"]
             if s["title"] not in used and not (second and s.get("first_part_only"))
             and not (own and set(s["functions"]) <= own)]
    rich = [s for s in specs
            if counts is None or sum(counts[f] for f in s["functions"]) >= need] or specs
    for spec in rich:
        if not set(spec["functions"]) & used:
            return Slot(spec["title"], list(spec["functions"]))
    # (else the one that brings the most functions no sub-part gathers: after « les leviers
    # d'action dont dispose la commune », the initiatives and benefits, not « Des leviers
    # d'action à la portée des collectivités » again)
    spec = max(rich, key=lambda s: len(set(s["functions"]) - used))
    return Slot(spec["title"], list(spec["functions"]))


def _axis_slot(text: str, subject: frozenset[str], axis: int = -1) -> Slot:
    """The sub-part of the commande's `axis` (its index) or of one of its halves, `text`:
    titled by it without what narrows it (« …, notamment la reconversion des friches »), whose
    words still say what the sub-part holds."""
    wanted = _wanted_functions(text)
    terms = phrase_terms(text, subject)
    concept, marks, called = axis_concept(broad_axis(text), frozenset(terms) | subject)
    return Slot(as_title(broad_axis(text)), wanted, terms, concept=concept, marks=marks,
                called=[f for f in called if f not in wanted], axis=axis)


def axis_concept(axis: str, exclude: frozenset[str] = frozenset()
                 ) -> tuple[dict[str, float], set[str], list[str]]:
    """The vocabulary, the marks and the functions an axis calls for
    (`resources/note/axis_concepts.yaml`: « le calendrier… » calls for deadlines, « le cadre
    juridique » for laws and decrees), its own words and the subject's aside."""
    conf = load_yaml("note", "axis_concepts.yaml")
    words: dict[str, float] = {}
    marks: set[str] = set()
    functions: list[str] = []
    for concept in conf["concepts"].values():
        heads = r"\b(?:" + "|".join(concept["heads"]) + r")\b"
        if not re.search(heads, axis, re.IGNORECASE):
            continue
        marks |= set(concept.get("marks") or [])
        functions += [f for f in concept.get("functions") or [] if f not in functions]
        for word in concept["words"]:
            for lemma in content_lemmas(word)[:1]:
                if lemma not in exclude:
                    words.setdefault(lemma, float(conf["weight"]))
    return words, marks, functions


def broad_axis(axis: str) -> str:
    """An axis without its narrowing (« les leviers mobilisables, notamment la reconversion
    des friches » → « les leviers mobilisables »): what a title or the problématique names."""
    head = re.search(r",\s*" + PRECISION.pattern, axis, re.IGNORECASE)
    return axis[:head.start()] if head else axis


def _main_function(slot: Slot) -> str:
    return slot.functions[0] if slot.functions else "constat"


def frame_slots(functions: list[str], objet: str = "") -> tuple[str, list[list[Slot]], list[str]]:
    """The frame of `frames.yaml` whose sub-parts the statements fill best (the frame whose
    emptiest sub-part holds the most statements; on a tie, the first in the file), the frames
    that the words of the commande's `objet` (outside its parentheses) call for weighing
    `called_bonus` more; a `fallback` frame only when every other one leaves a sub-part under
    `fallback_below` statements. Its slots and its part titles."""
    scored = []         # (score, emptiest sub-part's statements, fallback, name)
    # (what a parenthesis of the object lists, « (…, exemples de villes, limites) », is what
    # the note covers, not the question it asks)
    objet = re.sub(r"\([^()]*\)", " ", objet)
    for name, frame in frames()["frames"].items():
        # (sub-parts that share out their functions' statements each hold their share)
        counts = [sum(1 for f in functions if f in sp["functions"]) / (2 if sp.get("split") else 1)
                  for part in frame["parts"] for sp in part["subparts"]]
        score = min(counts) + 0.01 * sum(counts)
        called = frame.get("called_by") or []
        if called and re.search(r"(?i)\b(?:" + "|".join(called) + r")\b", objet):
            score *= float(frames()["called_bonus"])
        scored.append((score, min(counts), bool(frame.get("fallback")), name))
    # (max keeps the first of equal scores: the file's order)
    best = max((s for s in scored if not s[2]), key=lambda s: s[0])
    if best[1] < float(frames()["fallback_below"]):
        best = max(scored, key=lambda s: s[0])
    frame = frames()["frames"][best[3]]
    slots = [[Slot(sp["title"], list(sp["functions"]),
                   draws_on=[sp["draws_on"]] if sp.get("draws_on") else [],
                   idea_title=str(sp.get("idea_title") or ""),
                   idea_titles=dict(sp.get("idea_titles") or {}), split=int(sp.get("split", 0)))
              for sp in part["subparts"]] for part in frame["parts"]]
    return best[3], slots, [part["title"] for part in frame["parts"]]


def file_statements(slots: list[Slot], functions: list[str], relevance: np.ndarray,
                    similarity: Any = None) -> None:
    """File each statement in one slot: among the slots its function fits, the one whose terms
    it matches best (`relevance`: statements × slots), else the first that takes its function.
    On a plan of the commande's axes (slots with terms of their own), a statement that matches
    none of them goes to the state of play, not to an axis of its function (a cost under « Les
    sanctions encourues »): the axis's topics are drawn from its statements. One that matches
    no axis of its function but another axis its function fits goes there (« Mieux prendre en
    compte les besoins de tous les usagers… », a limit, under « L'état des lieux et les enjeux
    pour les usagers », not under « Les sanctions encourues »). One that matches no axis at all
    and that several sub-parts would take goes, given the statements' TF-IDF rows
    (`similarity`), to the one whose filed statements it resembles most; an axis that calls for
    no function (« le calendrier ») takes only what speaks it. Each slot also `claims` every
    statement that speaks its axis most (as much as any other), wherever it is filed
    (`body.filed_elsewhere`)."""
    axes = any(s.terms for s in slots)
    unmatched: list[tuple[int, list[int]]] = []
    for i, function in enumerate(functions):
        for k in np.flatnonzero((relevance[i] > 0) & (relevance[i] == relevance[i].max())):
            slots[k].claims.append(i)       # (whatever its function: it speaks that axis)
        fitting = [k for k, s in enumerate(slots) if compatible(function, s.functions)]
        # (an axis that calls for no function, « le calendrier », takes any on its words)
        exact = [k for k in fitting if function in slots[k].functions
                 or (not slots[k].functions and relevance[i, k] > 0)]
        if axes and relevance[i].max() <= 0:
            # (unless an axis asks first for what it is: a limit under « Les limites et les
            # précautions à prendre »)
            state = [k for k in fitting if "constat" in slots[k].functions]
            own = [k for k in fitting if slots[k].functions[:1] == [function]]
            exact = (own if state and own else state) or exact
        elif axes and not any(relevance[i, k] > 0 for k in exact):
            exact = [k for k in fitting if relevance[i, k] > 0] or exact
        # (the two halves of one axis share what either asks for, by their own words: the
        # facts of « l'état de l'offre de soins » and of « les difficultés d'accès aux soins »)
        halves = {slots[k].half_of for k in exact} - {-1}
        exact += [k for k in fitting if k not in exact and slots[k].half_of in halves]
        choices = exact or fitting or list(range(len(slots)))
        if axes and max(relevance[i, k] for k in choices) <= 0:
            # an axis that calls for no function (« le calendrier ») takes only what speaks it
            choices = [k for k in choices if slots[k].functions] or choices
        if (axes and max(relevance[i, k] for k in choices) <= 0 and len(choices) > 1
                and similarity is not None):
            # (it names no axis, or only one its function does not fit)
            unmatched.append((i, choices))      # filed below, by resemblance
            continue
        k = max(choices, key=lambda c: (relevance[i, c], -c))
        slots[k].members.append(i)
    # a statement that names no axis goes where the statements that do name one resemble it
    # most (« un apport des logements vacants » with the levers that name the vacant homes,
    # not under « le calendrier », which takes any function)
    centroids = [np.asarray(similarity[s.members].mean(axis=0)).ravel() if s.members
                 else None for s in slots] if unmatched else []
    for i, choices in unmatched:
        row = similarity[i].toarray().ravel()
        k = max(choices, key=lambda c: (float(row @ centroids[c]) if centroids[c] is not None
                                        else -1.0, -c))
        slots[k].members.append(i)


def feed_complements(slots: list[Slot], functions: list[str], relevance: np.ndarray) -> None:
    """A sub-part that completes the commande's axes (no terms of its own) takes only what no
    axis names; when that is under half `sentences_for_a_subpart` statements, it takes from
    the axes the statements of its functions that speak their axis least, never an axis's
    own first function, never leaving an axis with fewer than that (the incendies note's
    « Des difficultés qui appellent la vigilance » told one sentence: the limits that named
    « le risque » went to « L'état des lieux du risque et de son évolution »)."""
    need = int(frames()["sentences_for_a_subpart"]) // 2
    for slot in (s for s in slots if not s.terms and len(s.members) < need):
        wanted = set(slot.functions)
        donors = sorted((relevance[i, k], i, k) for k, other in enumerate(slots)
                        if other.terms and other is not slot for i in other.members
                        if functions[i] in wanted and functions[i] not in other.functions[:1])
        for _, i, k in donors:
            if len(slot.members) >= need:
                break
            if len(slots[k].members) > need:
                slots[k].members.remove(i)
                slot.members.append(i)
                if i in slots[k].claims:        # (and is told here, not under the axis)
                    slots[k].claims.remove(i)
                    slot.claims.append(i)
        slot.members.sort()


def share_out(slots: list[Slot], texts: list[str], functions: list[str]) -> None:
    """The statements of two sub-parts that share out their functions (`split`) divided
    between them: the first (« Un cadre et des leviers pour agir ») takes the rules and the
    levers closest to them (cosine of TF-IDF rows to the rules' centre) up to half of them, the
    second the other levers; with no rule, two groups by topic (k-means of two)."""
    pair = sorted((s for s in slots if s.split), key=lambda s: s.split)
    if len(pair) != 2:
        return
    members = sorted(set(pair[0].members) | set(pair[1].members))
    vectors = _vectors([texts[i] for i in members]) if len(members) >= 4 else None
    if vectors is None or vectors.shape[1] == 0:
        return
    rows = vectors.toarray()
    rules = [k for k, i in enumerate(members) if functions[i] == "regle"]
    if rules:
        centre = rows[rules].mean(axis=0)
        others = sorted((k for k in range(len(members)) if k not in rules),
                        key=lambda k: -float(rows[k] @ centre))
        first = set(rules) | set(others[:max(0, (len(members) + 1) // 2 - len(rules))])
    else:
        labels = spherical_kmeans(vectors, 2, TOPIC_SEED)
        first = {k for k in range(len(members)) if labels[k] == labels[0]}
    pair[0].members = [i for k, i in enumerate(members) if k in first]
    pair[1].members = [i for k, i in enumerate(members) if k not in first]


# the draw of the topics' k-means starts: a plan's coverage of a grid moves by a few ideas
# with it alone (benchmarks/note_quality.py --draws measures a note over several draws)
TOPIC_SEED = 0


def topics_of(texts: list[str], members: list[int], seed: int | None = None,
              n_topics: int = 5) -> list[dict[str, Any]]:
    """The topics of a slot: k-means over its statements, each named by its top lemmas
    (`seed`: the starts' draw, `TOPIC_SEED` by default)."""
    chosen = [texts[i] for i in members]
    if len(chosen) < 2:
        words = content_lemmas(" ".join(chosen))
        return [{"name": "thème 1", "terms": {w: 1.0 for w in words[:8]}}] if words else []
    matrix, vocab = tfidf_matrix(chosen, clustering.topic_lemmas, sublinear_tf=True)
    if matrix.shape[1] == 0:
        return []
    k = max(1, min(n_topics, len(chosen) // 4))
    labels = spherical_kmeans(matrix, k, TOPIC_SEED if seed is None else seed)
    topics = []
    for c in sorted(set(labels)):
        centroid = np.asarray(matrix[labels == c].mean(axis=0)).ravel()
        topics.append({"name": f"thème {len(topics) + 1}",
                       "terms": clustering.top_terms(centroid, vocab, 10)})
    return topics


def spherical_kmeans(matrix: Any, k: int, seed: int = 0, n_init: int = 10) -> np.ndarray:
    """K-means on the unit sphere (cosine) of L2-normalised TF-IDF rows: the best of `n_init`
    seeded k-means++ starts (the highest total similarity to the centres). Deterministic, and
    light enough for the note's stage (no scikit-learn to import when only the note reruns)."""
    x = matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
    best: tuple[float, np.ndarray] | None = None
    for start in range(n_init):
        labels, fit = _kmeans_once(x, k, np.random.default_rng(seed + start))
        if best is None or fit > best[0] + 1e-12:
            best = (fit, labels)
    assert best is not None
    return best[1]


def _kmeans_once(x: np.ndarray, k: int, rng: np.random.Generator,
                 iterations: int = 30) -> tuple[np.ndarray, float]:
    n = x.shape[0]
    centers = [x[int(rng.integers(n))]]
    for _ in range(1, min(k, n)):
        distance = np.clip(1.0 - np.max(x @ np.array(centers).T, axis=1), 0.0, None)
        if distance.sum() <= 0:
            break
        centers.append(x[int(rng.choice(n, p=distance / distance.sum()))])
    c = np.array(centers)
    labels = np.zeros(n, dtype=int)
    for _ in range(iterations):
        labels = np.argmax(x @ c.T, axis=1)
        new = np.vstack([x[labels == j].sum(axis=0) if (labels == j).any() else c[j]
                         for j in range(len(c))])
        norms = np.linalg.norm(new, axis=1, keepdims=True)
        new = new / np.where(norms == 0, 1.0, norms)
        if np.allclose(new, c):
            break
        c = new
    return labels, float(np.max(x @ c.T, axis=1).sum())


def built_plan_data(sentences: pd.DataFrame, objet: str, axes: list[str],
                    subject_words: frozenset[str]) -> dict[str, Any]:
    """The plan as a plan file would write it (see the module docstring)."""
    rows = sentences[sentences["kind"].isin(QUOTABLE)]
    texts = rows["text"].astype(str).tolist()
    ids = rows["sentence_id"].astype(str).tolist()
    if len(texts) < 4:
        raise IanoteError("Le dossier est trop court pour construire un plan "
                          "(moins de quatre phrases citables).")
    functions = as_rules(classify_all(texts), rows["doc"], texts, sentences)
    if len(axes) >= 2:
        frame_name, whole = "axes", frozenset()
        while True:
            parts, part_titles = axis_slots(axes, subject_words, Counter(functions), whole)
            slots = [s for part in parts for s in part]
            filed(slots, texts, functions, axes=True)
            # an axis split in two halves one of which the dossier's statements do not speak
            # (« la démarche… et sa diffusion dans les collectivités »: no statement filed under
            # « La diffusion dans les collectivités ») stays whole, and the next is split
            thin = {s.axis for s in slots if len(s.members) < int(frames()["half_members"])
                    and sum(o.axis == s.axis for o in slots) == 2} - whole
            if not thin:
                break
            whole |= thin
        # the uses of the dossier go where the examples are told, else the levers (who already
        # does it), else the state of play (else the selection marks the sub-part their
        # sentences fit best)
        told = next((s for f in ("exemple", "levier", "constat") for part in parts
                     for s in part if f in s.functions), None)
        if told is not None:
            told.draws_on = ["use_cases"]
    else:
        frame_name, parts, part_titles = frame_slots(functions, objet)
        slots = [s for part in parts for s in part]
        filed(slots, texts, functions, axes=False)
    parts_data = []
    for part, title in zip(parts, part_titles, strict=True):
        sub_data = []
        for slot in part:
            topics = ([{"name": "axe", "terms": {**slot.concept, **slot.terms}}]
                      if slot.terms else [])
            topics += topics_of(texts, slot.members)
            if not topics:
                topics = [{"name": "axe", "terms": phrase_terms(slot.title)}]
            sub_data.append({"title": slot.title, "topics": topics,
                             "functions": slot.functions, "draws_on": slot.draws_on,
                             "members": [ids[i] for i in slot.members],
                             "claims": [ids[i] for i in slot.claims],
                             "idea_title": slot.idea_title,
                             "idea_titles": slot.idea_titles})
        parts_data.append({"title": as_title(title), "subparts": sub_data})
    # a frame's parts may end on the sentence that leads to the next one (« Ces apports
    # supposent toutefois… »), the commande's axes on the logic of their functions
    # (`note.transitions`), never a fact
    transition = (axes_transition([s.functions for s in parts[0]],
                                  [s.functions for s in parts[-1]]) if frame_name == "axes" else "")
    frame = frames()["frames"].get(frame_name, {"parts": [{"transition": transition}]})
    for data, conf in zip(parts_data, frame.get("parts", []), strict=False):
        data["transition"] = str(conf.get("transition") or "")
    return {"name": "construit", "frame": frame_name, "parts": parts_data}


def filed(slots: list[Slot], texts: list[str], functions: list[str], axes: bool) -> None:
    """The statements filed under the slots (`file_statements`; on the commande's `axes`, the
    complements fed, `feed_complements`) and shared out between twins (`share_out`)."""
    relevance = _relevance(texts, slots)
    file_statements(slots, functions, relevance, _vectors(texts) if axes else None)
    if axes:
        feed_complements(slots, functions, relevance)
    share_out(slots, texts, functions)


def _vectors(texts: list[str]) -> Any:
    """The statements' TF-IDF rows over their lemmas (l2-normalised), None if they have none."""
    try:
        return tfidf_matrix(texts, clustering.topic_lemmas, sublinear_tf=True)[0]
    except ValueError:
        return None


def without_restrictive_relatives(text: str) -> str:
    """`text` without its restrictive relative clauses (`axis_concepts.yaml
    restrictive_relative`: « Le fonds Barnier permet de financer le rachat des habitations qui
    sont gravement menacées par un risque naturel majeur » speaks of funding, not of the
    risk). A clause set apart by a comma says something of its own and stays; « ce qui… » is
    no relative of a noun; nor is a clause a few words in, which may hold the main verb after
    it (« Les communes qui manquent de moyens peinent à… »)."""
    conf = load_yaml("note", "axis_concepts.yaml")["restrictive_relative"]
    pattern = re.compile(conf["pattern"])
    spans = [m.span() for m in pattern.finditer(text)
             if len(text[:m.start()].split()) >= int(conf["after_words"])]
    return "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans],
                                             [s for s, _ in spans] + [len(text)], strict=True))


# a count and the noun it counts (« 42 départements », « 70 % des communes », « 1 200
# collectivités »)
_COUNTED = re.compile(r"(?i)\b\d[\d\s\u202f\u00a0.,]*(?:\s*%\s*(?:des|de|d['’])\s*|\s+"
                      r"(?:des\s+|d['’]\s*)?)(?P<noun>[a-zà-ÿœ-]+)")


def counted_units(text: str) -> set[str]:
    """The bodies a statement only counts (`axis_concepts.yaml counted_units`: « 42
    départements sont concernés… »), as lemmas: none it also names uncounted."""
    units = {lemma for unit in load_yaml("note", "axis_concepts.yaml")["counted_units"]
             for lemma in content_lemmas(unit)}
    counted = [(m, lemma) for m in _COUNTED.finditer(text)
               for lemma in content_lemmas(m.group("noun"))[:1] if lemma in units]
    if not counted:
        return set()
    rest = "".join(text[a:b] for a, b in zip([0] + [m.end() for m, _ in counted],
                                             [m.start("noun") for m, _ in counted] + [len(text)],
                                             strict=True))
    return {lemma for _, lemma in counted} - set(content_lemmas(rest))


def _relevance(texts: list[str], slots: list[Slot]) -> np.ndarray:
    """How much each statement speaks of each slot's terms (the weights of the slot's
    one-word terms among its content lemmas, its prepositional locutions and its restrictive
    relative clauses left out: « dans le cadre de » speaks of no frame), and of what its axis
    calls for (its concept's words and marks, `axis_concepts.yaml`, up to `most`)."""
    most = float(load_yaml("note", "axis_concepts.yaml")["most"])
    out = np.zeros((len(texts), len(slots)))
    for i, text in enumerate(texts):
        words = nouns_of(without_restrictive_relatives(text)) - counted_units(text)
        if not words:
            continue
        marks = {"dates"} if _DEADLINE.search(text) else set()
        if has_figure(text):
            marks.add("figures")
        for k, slot in enumerate(slots):
            hits = sum(w for t, w in slot.terms.items() if " " not in t and t in words)
            called = (sum(w for t, w in slot.concept.items() if t in words)
                      + float(len(slot.marks & marks)))
            out[i, k] = hits + min(called, most)
    return out
