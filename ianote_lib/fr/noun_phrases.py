"""The common noun phrases of a parsed French sentence (`noun_phrases`), each with the
definite article its noun takes: what the note names a paragraph's idea with (`fr.parse`
`phrases`)."""

from __future__ import annotations

import re
from typing import Any

_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}

_DE = {"de", "des", "du", "d'", "d’"}
_VOWEL_START = re.compile(r"(?i)^[aeiouyàâäéèêëîïôöùûüœ]")
_PHRASE_WORD = {"NOUN", "ADJ", "ADP", "DET"}


def noun_phrases(doc: Any, max_words: int = 6) -> list[str]:
    """The common noun phrases of a parsed sentence, each with its definite article: a noun
    (not a unit, an abbreviation or a name), the adjectives next to it that agree with it, and
    its « de » complement when that is a short phrase of nouns and adjectives, and the « à »
    complement that follows it (`_cut_complement`: a phrase that would cut it is left out); a
    phrase with a demonstrative, a possessive or a figure inside is left out (it points outside
    itself)."""
    out: list[str] = []
    for head in doc:
        if (head.pos_ != "NOUN" or not head.is_alpha or len(head.text) < 3
                or head.text.isupper() or _inside_name(head) or _in_locution(head)):
            continue
        keep = {head.i}
        for child in head.children:
            if (child.dep_ == "amod" and child.pos_ == "ADJ" and child.i > head.i
                    and child.i - head.i <= 2 and _agrees(child, head)
                    and not _verb_of_subject(child, head) and not _takes_object(doc, child)):
                keep.add(child.i)
            elif child.dep_ == "nmod" and child.pos_ == "NOUN" and child.i > head.i:
                sub = list(child.subtree)
                cases = [c for c in child.children if c.dep_ == "case"]
                if (cases and cases[0].lower_ in _DE and cases[0].i == sub[0].i
                        and len(sub) <= 4 and all(t.pos_ in _PHRASE_WORD for t in sub)
                        and all(_agrees(t, t.head) for t in sub if t.pos_ == "ADJ")
                        and not any(t.lower_ in _DEMONSTRATIVE or t.morph.get("Poss") == ["Yes"]
                                    for t in sub)):
                    keep |= {t.i for t in sub}
        lo, hi = min(keep), max(keep)
        if hi - lo + 1 != len(keep) or hi - lo + 1 > max_words - 1:
            continue                        # not contiguous, or too long to name an idea
        cut = _cut_complement(doc, keep, hi)
        if cut is None:
            continue                        # it would cut the complement that follows it
        hi = max(hi, *cut) if cut else hi
        if hi + 1 < len(doc) and _ends_on_its_adjective(doc, lo, hi):
            hi += 1
        if hi - lo + 1 > max_words:
            continue
        words = doc[lo:hi + 1].text
        out.append(_definite(head) + words)
    return list(dict.fromkeys(out))


_A = {"à", "au", "aux"}


def _cut_complement(doc: Any, keep: set[int], hi: int) -> set[int] | None:
    """The « à » complement of a word of the phrase that comes right after it (« les outils
    d'aide | à la décision », « l'accès | aux soins »): its tokens when it is a short phrase of
    nouns and adjectives, to be named with it; None when it is not (the phrase would cut it);
    an empty set when no such complement follows."""
    after = hi + 1
    if after >= len(doc) or doc[after].lower_ not in _A or doc[after].dep_ != "case":
        return set()
    noun = doc[after].head
    if noun.head.i not in keep or not noun.dep_.startswith("nmod"):
        return set()
    sub = list(noun.subtree)
    if sub[0].i != after or len(sub) > 4 or not all(t.pos_ in _PHRASE_WORD for t in sub):
        return None
    return {t.i for t in sub}


def _in_locution(noun: Any) -> bool:
    """Whether a noun without a determiner is a word of a locution, not a thing the sentence
    speaks of: the bare object of a verb (« accuser réception », « prendre conscience », « avoir
    recours »), or a noun after « en » that takes a « de » complement (« en situation de »,
    « en matière de ») or stands alone (« en ligne », « en place », « en vigueur »), or the
    noun of a nominal locution (« la mise à disposition de fonctionnaires », « la prise en
    charge des patients »: no « disposition », no « charge » of their own)."""
    k = noun.i
    if (k >= 2 and noun.doc[k - 1].lower_ in ("à", "en")
            and noun.doc[k - 2].lower_ in ("mise", "mises", "prise", "prises", "remise")):
        return True
    if any(c.dep_ == "det" for c in noun.children):
        return False
    if noun.dep_ == "obj" and not any(c.dep_ == "case" for c in noun.children):
        return True
    cases = [c for c in noun.children if c.dep_ == "case"]
    if not cases or cases[0].lower_ != "en":
        return False
    return (not any(c.dep_ == "amod" for c in noun.children)
            or any(c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in _DE
                                            for g in c.children) for c in noun.children))


def _verb_of_subject(adjective: Any, noun: Any) -> bool:
    """Whether an « adjective » after a subject is the verb of its clause that the tagger
    missed: the subject's verb has a second subject (« Lorsque la ressource manque, les maires
    doivent… »: « ressource » and « maires » both subjects of « doivent »)."""
    return noun.dep_.startswith("nsubj") and sum(
        1 for c in noun.head.children if c.dep_.startswith("nsubj")) >= 2


def _takes_object(doc: Any, adjective: Any) -> bool:
    """Whether an « adjective » is a present participle with its object, which the tagger
    missed: a word in -ant right before a determiner or a guillemet (« l'outil évaluant la
    « compatibilité… » »: the phrase is not « l'outil évaluant »)."""
    after = adjective.i + 1
    return (adjective.lower_.endswith("ant") and after < len(doc)
            and (doc[after].pos_ == "DET" or doc[after].text in {"«", "\"", "“"}))


def _inside_name(noun: Any) -> bool:
    """Whether a noun is part of a name (« l'Autorité de régulation de la communication
    audiovisuelle »): a noun up its chain of « de » complements is written with a capital."""
    token = noun
    while token.dep_ in ("nmod", "amod", "flat:name") and token.head.i != token.i:
        token = token.head
        if token.text[:1].isupper() and token.i > 0:
            return True
    return False


def _ends_on_its_adjective(doc: Any, lo: int, hi: int) -> bool:
    """Whether the adjective after the phrase `lo`..`hi` is its last noun's, though the parse
    attaches it to another word of the phrase (« les données à caractère | personnel »): its
    gender and number are that noun's, both given."""
    adjective, noun = doc[hi + 1], doc[hi]
    if (adjective.pos_ != "ADJ" or adjective.dep_ != "amod" or noun.pos_ != "NOUN"
            or not lo <= adjective.head.i <= hi or adjective.head.i == hi):
        return False
    return all(adjective.morph.get(f) and adjective.morph.get(f) == noun.morph.get(f)
               for f in ("Gender", "Number")) and not _takes_object(doc, adjective)


def _agrees(adjective: Any, noun: Any) -> bool:
    """Whether an adjective's gender and number (when the parse gives them) are its noun's."""
    for feature in ("Gender", "Number"):
        a, n = adjective.morph.get(feature), noun.morph.get(feature)
        if a and n and a != n:
            return False
    return True


def _definite(noun: Any) -> str:
    """The definite article of a noun: « les » for a plural (the noun's, its determiner's or its
    adjective's number), « l' » before a vowel or before an h the sentence itself elides
    (« l'habitat », not « l'handicap »), else « la » or « le » by its gender."""
    # an invariable noun (« les biais ») is plural when its determiner or adjective is
    invariable = noun.lower_.endswith(("s", "x", "z"))
    if "Plur" in noun.morph.get("Number") or (invariable and any(
            "Plur" in t.morph.get("Number") for t in noun.children if t.dep_ in ("det", "amod"))):
        return "les "
    before = noun.doc[noun.i - 1].text if noun.i > 0 else ""
    if _VOWEL_START.match(noun.text) or (noun.lower_.startswith("h")
                                         and before.endswith(("'", "’"))):
        return "l'"
    return "la " if "Fem" in noun.morph.get("Gender") else "le "
