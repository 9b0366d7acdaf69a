"""Word classes for noun phrases: function words, participles, finite verbs, infinitives,
content words, prepositions that tie a complement, names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ianote_lib.figures.sentence_tokens import BREAK_BEFORE, Tok
from ianote_lib.figures.subject_lexicon import subject_lexicon
from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.normalize import fold_same_length


@lru_cache(maxsize=8192)
def lemma_of(word: str) -> str:
    return lemmatize(word).lower()


def is_function_word(low: str) -> bool:
    lex = subject_lexicon()
    return (low in lex.det or low in lex.of_links or low in lex.links
            or low in lex.participle_links or low in lex.pronouns or low in lex.aux
            or low in lex.neg or low in lex.fillers or fold_same_length(low) in lex.stop)


@lru_cache(maxsize=8192)
def is_participle_form(low: str) -> bool:
    """'estimées', 'liée', 'émis', 'produite': a past participle (used as an adjective)."""
    endings = subject_lexicon().verb_endings
    ending = endings["participle_er"].search(low)
    if ending:
        stem = low[:ending.start()]
        return is_known(stem + "er") or lemma_of(low).endswith("er")
    if endings["imperfect"].search(low):
        return False
    ending = endings["participle_ir_re"].search(low)
    if ending or endings["participle_t"].search(low):
        lemma = lemma_of(low)
        if lemma != low and lemma.endswith(("ir", "re", "oir")):
            return True
        if ending:
            stem = low[:ending.start()]
            verbs = (stem + "ir",) if ending.group()[0] == "i" else (stem + "re", stem + "oir")
            return any(is_known(v) and lemma_of(v) == v for v in verbs)
    return False


@lru_cache(maxsize=8192)
def is_finite_verb(low: str) -> bool:
    """A conjugated verb ('coûte', 'reviendrait', 'entrent'), not a participle nor an
    adjective whose lemma ends like a verb ('satellitaires')."""
    if low in subject_lexicon().aux:
        return True
    lemma = lemma_of(low)
    if is_participle_form(low) or lemma == low or not lemma.endswith(("er", "ir", "re", "oir")):
        return False
    endings = subject_lexicon().verb_endings
    if endings["conditional_future"].search(low):
        return True
    for cut in (2, 3, 4):
        stem = lemma[:-cut]
        if low.startswith(stem) and endings["present_after_stem"].fullmatch(low[len(stem):]):
            return True
    return False


@lru_cache(maxsize=8192)
def verb_form(low: str) -> str:
    """The infinitive of a conjugated form, also of one that simplemma reads as a noun
    ('dépense', 'consomme', 'réduit', 'pèse'); '' if none. Only trusted where no determiner
    precedes the word."""
    if is_finite_verb(low):
        return lemma_of(low)
    if is_participle_form(low):
        return ""
    candidates = []
    for form in dict.fromkeys((low, re.sub("è", "e", low))):
        if form.endswith("ent"):
            candidates.append(form[:-3] + "er")
        if form.endswith("es"):
            candidates.append(form[:-2] + "er")
        if form.endswith("e"):
            candidates.append(form + "r")
        if form.endswith("t"):
            candidates += [form[:-1] + "re", form + "re"]
    return next((c for c in candidates
                 if is_known(c) and lemma_of(c) == c), "")


def is_present_participle(low: str) -> bool:
    return low.endswith("ant") and lemma_of(low).endswith(("er", "ir", "re", "oir")) and \
        lemma_of(low) != low


def is_infinitive(toks: list[Tok], i: int) -> bool:
    """An infinitive followed by its object ('soutenir le secteur', 'rejeter 14 g')."""
    low = toks[i].low
    if not low.endswith(("er", "ir", "re", "oir")) or lemma_of(low) != low or is_function_word(low):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and (nxt.low in subject_lexicon().det or nxt.kind == "fig"
                                or nxt.low in ("à", "de", "d'", "jusqu'", "par"))


def is_content(toks: list[Tok], i: int) -> bool:
    """A word that can belong to a noun phrase (noun, adjective, participle, name)."""
    tok = toks[i]
    if tok.kind != "word" or tok.low.endswith("'") or is_function_word(tok.low):
        return False
    if tok.text.isdigit():
        return False
    prev = toks[i - 1].low if i > 0 else ""
    after_det = prev in subject_lexicon().det or prev in subject_lexicon().of_links
    if prev in subject_lexicon().aux and lemma_of(tok.low) == tok.low and tok.low.endswith(
            ("er", "ir", "re", "oir")):
        return False  # 'pouvant aller', 'peut garantir'
    if not after_det and (is_finite_verb(tok.low) or is_present_participle(tok.low)
                          or is_infinitive(toks, i)):
        return False
    return len(tok.text) > 1 or tok.text.isupper()


def is_content_noun(toks: list[Tok], k: int) -> bool:
    """A participle right after a determiner is a noun ('la levée')."""
    return k > 0 and toks[k - 1].low in subject_lexicon().det


def link_at(toks: list[Tok], j: int, participle: bool) -> int:
    """Length of the preposition tying a complement at `j` (0 if none)."""
    lex = subject_lexicon()
    for compound in lex.compound:
        if tuple(t.low for t in toks[j:j + len(compound)]) == compound:
            return len(compound)
    low = toks[j].low
    if low in lex.of_links or low in lex.links or (
            participle and low in lex.participle_links):
        return 1
    return 0


def positional_capital(text: str, tok: Tok) -> bool:
    before = text[:tok.start].rstrip(" \u00a0\u202f\t")
    return not before or before[-1] in BREAK_BEFORE or before[-1] == "-"


def is_name(text: str, tok: Tok) -> bool:
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    if any(c.isupper() for c in tok.text[1:]) or any(c.isdigit() for c in tok.text):
        return True
    if positional_capital(text, tok):
        return not is_known(tok.low)
    return True
