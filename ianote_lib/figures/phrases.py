"""Noun phrases of a sentence's tokens: to the right or left of a word, with a relative
clause or a predicate, written back with « de », in French case, cut to `max_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ianote_lib.figures.sentence_tokens import QUOTES, Tok
from ianote_lib.figures.subject_lexicon import subject_lexicon
from ianote_lib.figures.word_classes import (
    is_content,
    is_infinitive,
    is_participle_form,
    is_present_participle,
    link_at,
    positional_capital,
)
from ianote_lib.fr.lemmas import is_known


@dataclass
class Phrase:
    """Token indices of a noun phrase (kept words only), its head and its determiner."""

    keep: list[int]
    head: int
    det: int = -1  # index of the determiner before the phrase, -1 if none
    extra: str = ""  # text appended after the words (predicate, place)


def np_right(toks: list[Tok], i: int, max_links: int = 2) -> Phrase:
    """The noun phrase that starts with the content word at `i`."""
    keep = [i]
    j, links = i + 1, 0
    participle = is_participle_form(toks[i].low)
    conj = False
    while j < len(toks):
        tok = toks[j]
        if tok.kind == "punct" and tok.text in QUOTES and j + 1 < len(toks) \
                and toks[j + 1].kind == "word":
            j += 1
            continue
        if is_content(toks, j):
            keep.append(j)
            participle = participle or is_participle_form(tok.low)
            j += 1
            continue
        if tok.low in subject_lexicon().fillers and j + 1 < len(toks) and is_content(toks, j + 1) \
                and is_participle_form(toks[j + 1].low):
            j += 1  # an adverb before a participle: 'effectivement déployés'
            continue
        size = link_at(toks, j, participle)
        if size and links < max_links:
            k = j + size
            while k < len(toks) and toks[k].low in subject_lexicon().det:
                k += 1
            if k < len(toks) and is_content(toks, k):
                keep.extend(range(j, k + 1))
                links += 1
                j = k + 1
                continue
            if k + 2 < len(toks) and is_infinitive(toks, k) \
                    and toks[k + 1].low in subject_lexicon().det and is_content(toks, k + 2):
                keep.extend(range(j, k + 3))  # 'pour soutenir le secteur'
                links += 1
                j = k + 3
                continue
        if tok.low == "et" and not conj and j + 1 < len(toks) and is_content(toks, j + 1) \
                and toks[j - 1].kind == "word" and not toks[j + 1].text[:1].isupper():
            keep.extend([j, j + 1])
            conj = True
            j += 2
            continue
        break
    det = i - 1 if i > 0 and toks[i - 1].low in subject_lexicon().det else -1
    return Phrase(keep, i, det)


def np_left(toks: list[Tok], e: int, max_links: int = 2) -> Phrase:
    """The noun phrase that ends with the content word at `e`."""
    lex = subject_lexicon()
    keep = [e]
    s, links = e, 0
    k = e - 1
    while k >= 0:
        if is_content(toks, k):
            keep.insert(0, k)
            s = k
            k -= 1
            continue
        if toks[k].kind == "punct" and toks[k].text in QUOTES:
            k -= 1
            continue
        # a bridge: determiners, adverbs, figures and at least one preposition
        m, last_link = k, -1
        links_left = lex.of_links | lex.links | {"dans"}  # 'produit dans le monde'
        while m >= 0 and (toks[m].low in lex.det or toks[m].low in lex.fillers
                          or toks[m].kind == "fig" or toks[m].low in links_left):
            if last_link < 0 and toks[m].low in links_left:
                last_link = m
            m -= 1
        if last_link < 0 or m < 0 or not is_content(toks, m) or links >= max_links \
                or toks[k].low in lex.fillers:
            break
        bridge = [j for j in range(last_link, k + 1)
                  if toks[j].low not in lex.fillers]
        keep = [m] + bridge + keep
        s, k = m, m - 1
        links += 1
    # a leading participle with its agent ('Nourrie de vues…') is not part of the phrase
    if is_participle_form(toks[s].low) and len(keep) > 2 and toks[keep[1]].low in lex.of_links \
            and not (s > 0 and toks[s - 1].low in lex.det):
        keep = keep[2:]
        while keep and not is_content(toks, keep[0]):
            keep.pop(0)
        s = keep[0] if keep else e
    det = s - 1 if s > 0 and toks[s - 1].low in lex.det else -1
    return Phrase(keep, s, det)


def relative_clause(toks: list[Tok], phrase: Phrase) -> str:
    """'qui ont mené à l'arrêt de ce projet', 'mettant en évidence la portée de son rôle'."""
    j = max(phrase.keep) + 1
    if j >= len(toks):
        return ""
    if toks[j].low not in ("qui",) and not is_present_participle(toks[j].low):
        return ""
    end = j
    while end < len(toks) and end - j < 9 and not (
            toks[end].kind == "punct" and toks[end].text not in QUOTES + "'’-"):
        end += 1
    return join_tokens(toks, list(range(j, end)))


def predicate(toks: list[Tok], after: int) -> str:
    """'sont décrochés' -> 'décrochés', 'ne pouvaient être traités' -> 'non traités',
    'sont susceptibles d'être automatisés' -> 'susceptibles d'être automatisés'."""
    lex = subject_lexicon()
    j, be, negated = after, False, False
    while j < len(toks) and (toks[j].low in lex.aux or toks[j].low in lex.neg
                             or toks[j].low in lex.fillers):
        be = be or toks[j].low in lex.be_forms
        negated = negated or toks[j].low in lex.neg
        j += 1
    if not be or j >= len(toks) or not is_content(toks, j):
        return ""
    keep = [j]
    j += 1
    while j < len(toks) and len(keep) < 4:
        if is_content(toks, j):
            keep.append(j)
            j += 1
        elif toks[j].low in lex.of_links and j + 2 < len(toks) and toks[j + 1].low in lex.be_forms \
                and is_content(toks, j + 2):
            keep.extend([j, j + 1, j + 2])
            j += 3
        else:
            break
    words = join_tokens(toks, keep)
    return f"non {words}" if negated else words


def join_tokens(toks: list[Tok], keep: list[int]) -> str:
    parts: list[str] = []
    for n, i in enumerate(keep):
        tok = toks[i]
        if tok.kind == "punct" and tok.text in QUOTES:
            continue
        glue = n > 0 and (toks[keep[n - 1]].text.endswith(("'", "’")))
        parts.append(("" if glue or not parts else " ") + tok.text)
    return "".join(parts).strip()


def with_de(toks: list[Tok], phrase: Phrase, text: str) -> str:
    """'de' + the phrase with its determiner: 'du PIB', 'de l'entraînement', 'de ChatGPT'."""
    body = join_tokens(toks, phrase.keep)
    det = toks[phrase.det].low if phrase.det >= 0 else ""
    if det == "le":
        return f"du {body}"
    if det == "les":
        return f"des {body}"
    if det in ("des", "du"):
        return f"{det} {body}"
    if det.endswith("'"):
        return f"de {toks[phrase.det].text}{body}"
    if det:
        article = toks[phrase.det].text
        article = article.lower() if positional_capital(text, toks[phrase.det]) else article
        return f"d'{article} {body}" if det in ("un", "une") else f"de {article} {body}"
    return f"d'{body}" if re.match(r"[aeiouyéèêàâîôûh]", body, re.IGNORECASE) else f"de {body}"


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[-‑'’][^\W_]+)*", re.sub(r"\b\w['’]", "", text)))


def french_case(text: str, subject: str, first: Tok | None = None) -> str:
    """Lower-case first letter unless the first word is a name."""
    if not subject:
        return subject
    word = re.match(r"[^\W_]+", subject)
    if word is None:
        return subject
    token = word.group()
    positional = first is None or positional_capital(text, first)
    if token[:1].isupper() and token[1:].islower() and positional \
            and is_known(token.lower()):
        return subject[:1].lower() + subject[1:]
    return subject


def tidy_subject(text: str, subject: str, first: Tok | None = None) -> str:
    """At most `max_words` words, no edge determiner or preposition, French case."""
    lex = subject_lexicon()
    subject = re.sub(r"\s+", " ", subject.replace("…", " ")).strip(" ,;:-–«»\"")
    subject = subject.lstrip("(")
    words = subject.split(" ")
    edge = lex.det | lex.of_links | lex.links | {"et", "ou", "qui", "que"}
    while words and words[0].lower().replace("’", "'") in edge:
        words.pop(0)
    while word_count(" ".join(words)) > lex.max_words:
        words.pop()
    while words and words[-1].lower().replace("’", "'") in edge | lex.participle_links:
        words.pop()
    result = " ".join(words)
    if result.count("(") != result.count(")"):
        result = result.replace("(", "").replace(")", "")
    return french_case(text, result, first)
