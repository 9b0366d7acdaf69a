"""The titles of a built plan's sub-parts, written from what their statements say.

A frame of `resources/note/frames.yaml` gives each sub-part a title that says its function
(« Un état des lieux désormais documenté »): every dossier of that frame would read the same titles.
Once the selection has filed the statements, a sub-part whose template `idea_title` the plan
carries states, when it can, what it says: the claim (`fr.claims`) of a sentence it quotes or
the plan filed under it, whose nouns a share of its statements hold (`claim_title`: « Des
mairies qui multiplient les offres alléchantes »), which the part's chapeau announces like any
other title. Otherwise it is titled by its template (« Des enjeux et des difficultés liés
{a_ideas} »), filled with the noun phrases of the dossier's own parse that its statements share most
(`subpart_phrases`): a phrase that names an idea (`note.openers.naming_words`: no name, no noun
too general, not the commande's subject or audience), whose words come back together in several
of its statements and in a share of them (`openers.yaml title_share`: two statements of sixteen
make a paragraph's idea, not the sub-part's), its first paragraph's idea first. A sub-part whose
statements share no such phrase keeps the frame's title, and so does one the analyst titled.
Titles stay short (`openers.yaml title_words`); no two phrases of a title share a word family,
and a noun is never used by two sub-parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.names import contract
from ianote_lib.fr.normalize import fold
from ianote_lib.note.openers import (
    Openers,
    attested,
    config,
    function_counts,
    generic_heads,
    idea_nouns,
    naming_words,
    paragraph_function,
    plain,
)
from ianote_lib.note.text import fill_template

STEM = 6        # letters two words of one family share (« aliment-aire », « aliment-ation »)


@dataclass
class TitlePhrase:
    """A noun phrase a sub-part's title may name, with the statements that hold all its words."""

    phrase: str
    holders: int        # statements holding its noun
    whole: int          # statements holding all its words


def subpart_phrases(statements: list[Any], known: frozenset[str]) -> list[str]:
    """The noun phrases that the sub-part's `statements` share, most shared first. A phrase of
    several words needs `title_support` statements holding all its words, a noun alone
    `title_support_alone`."""
    conf = config()
    lemmas = [idea_nouns(st.text) for st in statements]
    found: dict[str, TitlePhrase] = {}
    for st in statements:
        for phrase in getattr(st, "phrases", []) or []:
            phrase = plain(phrase)
            if re.search(r"\d", phrase) or len(phrase.split()) > conf["title_phrase_words"]:
                continue
            own = naming_words(phrase, known)
            if own is None or fold(phrase) in found:
                continue
            holders = sum(1 for ls in lemmas if own[0] in ls)
            whole = held_by(phrase, lemmas, known)
            least = conf["title_support"] if len(own) > 1 else conf["title_support_alone"]
            if whole >= least:
                found[fold(phrase)] = TitlePhrase(phrase, holders, whole)
    return [p.phrase for p in sorted(found.values(), key=lambda p: -(
        p.holders + 0.5 * p.whole + 0.01 * attested(p.phrase, statements)))]


def idea_title(template: str, phrases: list[str], most: int,
               limit: int = 2) -> tuple[str, list[str]]:
    """The template filled with the phrases (« X et Y »), each in turn when the title stays
    within `most` words, `limit` of them at most, and those phrases; ("", []) when none fits."""
    chosen: list[str] = []
    title = ""
    for phrase in phrases:
        candidate = _filled(template, chosen + [phrase])
        if len(candidate.split()) <= most:
            chosen.append(phrase)
            title = candidate
            if len(chosen) == limit:
                break
    return (title[:1].upper() + title[1:], chosen) if chosen else ("", [])


def _filled(template: str, phrases: list[str]) -> str:
    return fill_template(template, {
        "ideas": " et ".join(phrases),
        "a_ideas": " et ".join(contract("à", p) for p in phrases),
        "de_ideas": " et ".join(contract("de", p) for p in phrases)})


def write_titles(plan: Any, selection: Any, openers: Openers,
                 bodies: dict[str, list[Any]] | None = None) -> None:
    """Title each sub-part of `plan` that carries an `idea_title` (in place): by the ideas its
    paragraphs open on (`openers`), then the phrases its selected statements share; the
    frame's title stays when there are none. One titled by a claim opens on the paragraph
    that states it (`claim_first`, in its written `bodies`)."""
    known = openers.known
    taken: set[str] = set()
    most = int(config()["title_words"])
    for sp in plan.subparts:
        template = getattr(sp, "idea_title", "")
        if not template:
            continue
        statements = selection.statements.get(sp.key, [])
        variants = getattr(sp, "idea_titles", None) or {}
        variant: dict[str, str] = {}
        if variants and statements:
            variant = variants.get(variant_function(statements, sp.functions), {})
            template = variant.get("idea_title", template)
            sp.title = variant.get("title", sp.title)
        stated = claim_title(statements, getattr(sp, "members", []) or [],
                             getattr(selection, "sentence_claims", {}) or {}, taken,
                             sp.functions)
        if stated:
            sp.frame_title, sp.title = sp.title, stated[0]
            taken.add(stated[1])
            if bodies is not None and sp.key in bodies:
                bodies[sp.key] = claim_first(bodies[sp.key], stated[2])
            continue
        if variant.get("transition"):
            # (its part ends on what its title says it holds; a claim title says otherwise:
            # « Des horaires d'ouverture des bibliothèques qui sont insuffisants »)
            part = next(p for p in plan.parts if sp in p.subparts)
            part.transition = " ".join(str(variant["transition"]).split())
        opened = [idea.phrase for _, idea in openers.ideas
                  if idea.section == sp.key and not idea.untitled]
        shared = subpart_phrases(statements, known)
        # a phrase names the sub-part when a share of its statements hold it, and the title
        # names its first paragraph's idea first (or no idea)
        lemmas = [idea_nouns(st.text) for st in statements]
        least = float(config()["title_share"]) * len(statements)
        phrases = [p for p in _distinct([p for p in opened + shared
                                         if _head(p, known) not in taken], known)
                   if held_by(p, lemmas, known) >= least]
        if opened and phrases[:1] != opened[:1]:
            phrases = []
        title, used = idea_title(template, phrases, most)
        if title:
            sp.title = title
            taken |= {_head(p, known) for p in used}


def claim_title(statements: list[Any], members: list[str], claims: dict[str, str],
                taken: set[str], functions: list[str]) -> tuple[str, str, str] | None:
    """The title that states what the sub-part says, its head noun and its sentence: the claim
    (`fr.claims`, `claims` by sentence id) of one of its `statements` or of the sentences the
    plan filed under it (`members`) whose nouns a share of its other statements hold
    (`openers.yaml claim_share`, two at least), of `claim_words` words at least, its
    subject's noun neither too general nor the head of another sub-part's title (`taken`),
    its sentence of one of the sub-part's `functions`; of two that tie, one it quotes. None
    when no claim is shared so."""
    lemmas = [idea_nouns(st.text) for st in statements]
    least = max(2.0, float(config()["claim_share"]) * len(statements))
    shortest = int(config()["claim_words"])
    quoted = [st.sentence_id for st in statements]
    # (a statement quoted here for another function than the sub-part's says no title)
    off = {st.sentence_id for st in statements
           if functions and getattr(st, "function", "") not in ("", *functions)}
    best: tuple[float, str, str, str] | None = None
    for sid in dict.fromkeys(quoted + list(members)):
        text = claims.get(sid, "") if sid not in off else ""
        text = text if len(text.split()) >= shortest else ""
        head = content_lemmas(re.split(r",| qui ", text)[0])[:1] if text else []
        if not head or head[0] in generic_heads() or head[0] in taken:
            continue
        own = {w for w in idea_nouns(text) if w not in generic_heads()}
        support = sum(1 for k, ls in enumerate(lemmas) if quoted[k] != sid and own & ls)
        score = support + (0.5 if sid in quoted else 0.0)
        if support >= least and (best is None or score > best[0]):
            best = (score, text[:1].upper() + text[1:], head[0], sid)
    return best[1:] if best else None


def variant_function(statements: list[Any], functions: list[str]) -> str:
    """The function whose variant title (`idea_titles`) a sub-part takes: that of its
    statements as a paragraph's (`paragraph_function`), unless another of the sub-part's
    functions is held by `openers.yaml title_rival_share` of them (a sub-part of risks and
    benefits with five risks in fourteen statements is not titled « Des bénéfices attendus »)."""
    function = paragraph_function(statements, functions)
    counts = function_counts(statements)
    rival = float(config()["title_rival_share"]) * len(statements)
    return "" if any(counts[f] >= rival for f in functions if f != function) else function


def held_by(phrase: str, lemmas: list[set[str]], known: frozenset[str]) -> int:
    """How many statements (their `idea_nouns`, `lemmas`) hold all the naming words of
    `phrase`."""
    own = set(naming_words(phrase, known) or [])
    return sum(1 for ls in lemmas if own and own <= ls)


def _head(phrase: str, known: frozenset[str]) -> str:
    return (naming_words(phrase, known) or [fold(phrase)])[0]


def _distinct(phrases: list[str], known: frozenset[str]) -> list[str]:
    """The phrases, none sharing a word's stem with an earlier one (« la restriction » after
    « les restrictions », « l'alimentation » after « les pratiques alimentaires » go)."""
    seen: set[str] = set()
    out = []
    for phrase in phrases:
        stems = {w[:STEM] for w in naming_words(phrase, known) or [fold(phrase)]}
        if not stems & seen:
            seen |= stems
            out.append(phrase)
    return out


def claim_first(paragraphs: list[Any], sentence_id: str) -> list[Any]:
    """A sub-part's paragraphs, the one that quotes `sentence_id` (whose claim the title
    states) first: the title says what its first paragraph argues. Not when a paragraph opens
    on a sentence the note writes (its ordinal counts the paragraphs before it)."""
    first = next((p for p in paragraphs
                  if any(sentence_id in s.source_ids for s in p.sentences)), None)
    if not sentence_id or first is None or any(p.sentences and p.sentences[0].origin == "note"
                                               for p in paragraphs):
        return paragraphs
    return [first] + [p for p in paragraphs if p is not first]
