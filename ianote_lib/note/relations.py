"""How two sentences of a paragraph relate, for the choice of a connector (`note.write`):
whether they speak of the same thing, how each judges what it tells (`polarity`), whether the
second states a necessity, the case of the first's claim, or what it requires.
Everything here is a general rule over French text (lexicons of `resources/note/style.yaml`),
never a rule keyed to one sentence of a dossier."""

from __future__ import annotations

import re

from ianote_lib.fr.legal import legal_references
from ianote_lib.fr.normalize import normalize
from ianote_lib.fr.speech import speech_verb
from ianote_lib.note.functions import classify
from ianote_lib.note.text import (
    has_figure,
    locutions,
    names_actor,
    shared_words,
    split_outside_quotations,
    style_pattern,
    years_in,
)


def shared_topic(a: str, b: str, known: frozenset[str] = frozenset()) -> bool:
    """Two sentences speak of the same thing: they share a word (`shared_words`)."""
    return bool(shared_words(a, b, known))


# a capitalised word inside a sentence (not after its full stop, a colon or a quotation mark)
_NAME_WORD = re.compile(r"(?<=\s)(?<![.!?:«\"]\s)(?-i:[A-ZÀ-Þ])[\wÀ-ÿ'’-]*")


def polarity(text: str) -> int:
    """Positive minus negative evaluative words (lexicons of style.yaml), the locutions left
    out (« par le biais de » speaks of no bias), and the phrases that describe a public
    (`polarity_neutral`: « des personnes en difficulté d'insertion » judge nothing), and the
    capitalised words of names."""
    body = locutions().sub(" ", style_pattern("polarity_neutral").sub(" ", normalize(text)))
    # (a name judges nothing: « le niveau Effilogis… : Effinergie Performance »)
    body = _NAME_WORD.sub(" ", body)
    return (len(style_pattern("positive_words").findall(body))
            - len(style_pattern("negative_words").findall(body)))


def is_normative(text: str) -> bool:
    """The sentence states a necessity or an obligation (doit, nécessite, il faut…)."""
    return bool(style_pattern("normative_words").search(normalize(text)))


_PAST_EVENT = re.compile(r"(?i)\b(?:a|ont)\s+(?:été\b|(?:\w+\s+)?"
                         r"[a-zà-ÿ]{3,}(?:é|ée|és|ées|is|it)\b)")


def _claim_and_case(previous: str, first: str) -> bool:
    """Whether `previous` (its last sentence) is a general claim the case `first` can show: no
    event, dated or past (« …validée par le tribunal en 2024 », « …a été le plus fort »), none
    taking up the one before (« Cet éblouissement… »); the case a fact, not a saying (« …l'Anssi
    ont assuré que… »), an occasion or an origin (`case_not`)."""
    claim = normalize((split_outside_quotations(previous) or [previous])[-1]).strip()
    return not (years_in(claim) or _PAST_EVENT.search(claim)
                or style_pattern("case_not").search(first)
                or re.match(r"(?i)(?:ce|cet|cette|ces)\s", claim) or "«" in first
                or any(speech_verb().fullmatch(w) for w in re.findall(r"[\wÀ-ÿ]+", first.lower())))


def _opens_on_law(text: str) -> bool:
    """Whether the sentence's subject is a text of law it names (« La loi NOTRe… confie… »)."""
    body = normalize(text).strip()
    return any(body.lower().startswith(ref.lower()) for ref in legal_references(body))


def relation(previous: str, current: str, known: frozenset[str] = frozenset()) -> str:
    """The logical relation a connector may state between two sentences of a paragraph:
    'example' (a general claim without a figure, then the case of a place or a local body,
    not a text of law nor a rule), 'contrast' (opposite evaluations), 'consequence' (a risk or
    a problem, then what it requires), 'addition' when they tell two points of one kind
    (`note.functions`: two facts, two limits, two levers; not a rule after a fact) on one
    thing (two words shared, `known` aside) unless it adds a limit to a neutral fact
    (`polarity`: not « Les aides sont nombreuses. De plus, elles ne suffisent pas »), else ''
    (two sentences side by side: no connector states a link between them). The connector
    introduces the first sentence of `current`, where an example is named."""
    first = (split_outside_quotations(current) or [current])[0]
    # (a figure is a fact, not a claim a case illustrates: « 3 milliards de repas sont servis…
    # Ainsi, la ville de Montpellier produit… »; nor is a text of law or a rule: « Ainsi, la loi
    # NOTRe de 2015 confie aux régions… », « Ainsi, le dispositif… est une obligation… »)
    if (names_actor(first, local=True) and not names_actor(previous) and polarity(previous) >= 0
            and not has_figure(previous) and not _opens_on_law(first)
            and not is_normative(first) and shared_topic(previous, current, known)
            and _claim_and_case(previous, first)):
        return "example"
    p, c = polarity(previous), polarity(current)
    if ((p > 0 and c < 0) or (p < 0 and c > 0)) and shared_topic(previous, current, known):
        return "contrast"
    # (a remedy to a problem of its topic, not a rule on another matter nor one more sanction:
    # « …pas question d'en faire usage… Dès lors, les cartes doivent être apposées… »)
    if p < 0 <= c and is_normative(first) and shared_topic(previous, current, known):
        return "consequence"
    limit = c < 0 and p == 0
    # (the cybersécurité note linked a threat and an agency's offer, a rule and a figure, by
    # « Par ailleurs » or « En outre »: 264 additive connectors in the fifty-four notes)
    last = (split_outside_quotations(previous) or [previous])[-1]
    same = classify(last) == classify(first)
    return ("addition" if same and not limit and len(shared_words(previous, current, known)) >= 2
            else "")
