"""One sentence read for its figures' subjects: the noun phrase left or right of a token, the
verb group before a figure, the subject of a verb, a fronted place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ianote_lib.figures.antecedents import Antecedent
from ianote_lib.figures.phrases import Phrase, join_tokens, np_left, np_right, with_de
from ianote_lib.figures.sentence_tokens import QUOTES, SubjectFigure, span_before_noun, tokenize
from ianote_lib.figures.subject_lexicon import subject_lexicon
from ianote_lib.figures.word_classes import (
    is_content,
    is_content_noun,
    is_infinitive,
    is_name,
    is_participle_form,
    is_present_participle,
    lemma_of,
    link_at,
    verb_form,
)

YEAR_RE = re.compile(r"(?:19|20)\d\d")


class SentenceReader:
    """The tokens of one sentence and the phrases read around its figures (what the
    subject rules of `subject_choice` look at)."""

    def __init__(self, text: str, figures: Sequence[SubjectFigure],
                 antecedents: Sequence[Antecedent]) -> None:
        self.text = text
        self.figures = figures
        self.antecedents = antecedents
        self.toks = tokenize(text, [span_before_noun(text, f) for f in figures])
        self.index = {t.fig: i for i, t in enumerate(self.toks) if t.kind == "fig"}
        self.subjects: list[str] = []
        self.heads: list[str] = []

    def phrase_text(self, phrase: Phrase) -> str:
        return join_tokens(self.toks, phrase.keep)

    def verb_group_left(self, k: int) -> tuple[int, str, bool]:
        """Walk left over a verb group ending at `k` ('est estimé à', 'pouvant aller
        jusqu'à', 'a émis', 'coûte'): (index before it, main verb's infinitive, found)."""
        toks, lex = self.toks, subject_lexicon()
        lemma, state = "", 0  # 0: nothing yet, 1: participle or infinitive, 2: conjugated
        while k >= 0:
            tok = toks[k]
            low = tok.low
            if tok.kind == "word" and YEAR_RE.fullmatch(tok.text) or low in lex.fillers:
                k -= 1
                continue
            if state == 2:
                if low in lex.aux or low in lex.neg or low in ("se", "s'") or low in lex.temporal:
                    k -= 1
                    continue
                break
            noun = is_content_noun(toks, k)
            if tok.kind == "word" and not noun and (
                    low in lex.aux or is_present_participle(low) or verb_form(low)):
                lemma = lemma or ("" if low in lex.aux else verb_form(low) or lemma_of(low))
                state = 2
                k -= 1
                continue
            if tok.kind == "word" and not noun and (is_participle_form(low)
                                                    or is_infinitive(toks, k)):
                lemma = lemma or lemma_of(low)
                state = 1
                k -= 1
                continue
            if low in lex.neg or low in ("à", "de", "d'", "jusqu'", "jusqu'à", "en"):
                k -= 1
                continue
            break
        return k, lemma, state > 0

    def subject_before(self, k: int) -> tuple[Phrase | None, bool]:
        """The noun phrase ending at `k` (skipping a parenthesis); (None, True) for a
        pronoun."""
        toks, lex = self.toks, subject_lexicon()
        while k >= 0 and toks[k].kind == "punct" and toks[k].text in QUOTES:
            k -= 1
        if k >= 0 and toks[k].text == ")":
            depth = 0
            while k >= 0:
                depth += toks[k].text == ")"
                depth -= toks[k].text == "("
                k -= 1
                if depth == 0:
                    break
        if k >= 0 and toks[k].text == "(":
            k -= 1
        if k < 0:
            return None, False
        if toks[k].low in lex.pronouns or toks[k].low.rstrip("'") + "'" in lex.pronouns:
            return None, True
        if toks[k].kind == "fig":
            return Phrase([k], k), False
        if is_content(self.toks, k):
            return np_left(self.toks, k), False
        return None, False

    def nominalize(self, lemma: str, phrase: Phrase) -> str:
        noun = subject_lexicon().nominal.get(lemma, "")
        body = self.phrase_text(phrase)
        head_lemma = lemma_of(self.toks[phrase.head].low)
        if not noun or head_lemma == lemma_of(noun) or self.toks[phrase.head].kind == "fig":
            return body
        return f"{noun} {with_de(self.toks, phrase, self.text)}"

    def right_phrase(self, j: int) -> Phrase | None:
        """The noun phrase right after position `j` (skipping a preposition, a relative verb
        group, a compound preposition)."""
        toks, lex = self.toks, subject_lexicon()
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text in QUOTES + "\n":
            j += 1
        if j < len(toks) and toks[j].low in ("qui", "que", "qu'"):
            j += 1
            stop = j + 5
            while j < min(stop, len(toks)) and toks[j].kind == "word" and not (
                    link_at(toks, j, True) or toks[j].low in lex.det):
                j += 1
        size = link_at(toks, j, True) if j < len(toks) else 0
        if size:
            j += size
        while j < len(toks) and toks[j].low in lex.det:
            j += 1
        if j < len(toks) and is_content(toks, j) and not toks[j].text.isdigit():
            return np_right(toks, j, max_links=2)
        return None

    def right_phrase_det(self, j: int) -> Phrase | None:
        toks = self.toks
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text in QUOTES:
            j += 1
        k = j
        while k < len(toks) and toks[k].low in subject_lexicon().det:
            k += 1
        if k > j and k < len(toks) and is_content(toks, k):
            return np_right(toks, k)
        return None

    def comma_subject(self, k: int) -> Phrase | None:
        """', se décomposant en…': the noun phrase before the comma."""
        toks = self.toks
        while k >= 0 and toks[k].low in ("se", "s'"):
            k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
            if k >= 0 and is_content(toks, k):
                return np_left(toks, k)
        return None

    def after_complement(self, fi: int) -> tuple[str, str]:
        """'depuis un an de ChatGPT', 'trois ans de recherche': the 'de' complement, without
        and with its preposition."""
        toks = self.toks
        j = fi + 1
        if j < len(toks) and toks[j].low in subject_lexicon().of_links:
            k = j + 1
            while k < len(toks) and (toks[k].low in subject_lexicon().det
                                     or toks[k].text in QUOTES):
                k += 1
            if k < len(toks) and is_content(toks, k):
                phrase = np_right(toks, k)
                linked = [i for i in range(j, k) if toks[i].text not in QUOTES]
                return self.phrase_text(phrase), join_tokens(toks, linked + phrase.keep)
        return "", ""

    def purpose_or_of(self, fi: int) -> str:
        """'N d'eau', 'N pour soutenir le secteur…' after a one-word governing noun."""
        toks = self.toks
        j = fi + 1
        if j >= len(toks) or toks[j].low not in ("de", "d'", "pour"):
            return ""
        k = j + 1
        while k < len(toks) and toks[k].low in subject_lexicon().det:
            k += 1
        if k < len(toks) and is_content(toks, k):
            phrase = np_right(toks, k, max_links=1)
            return join_tokens(toks, list(range(j, k)) + phrase.keep)
        if k < len(toks) and is_infinitive(toks, k):
            m = k + 1
            while m < len(toks) and toks[m].low in subject_lexicon().det:
                m += 1
            if m < len(toks) and is_content(toks, m):
                phrase = np_right(toks, m, max_links=1)
                return join_tokens(toks, list(range(j, m)) + phrase.keep)
        return ""

    def of_whom(self, fi: int) -> str:
        """'3 axes principaux' of what: the subject of the verb before the count."""
        k = fi - 1
        while k >= 0 and link_at(self.toks, k, True):
            k -= 1
        start, _, found = self.verb_group_left(k)
        if not found:
            return ""
        subject, pronoun = self.subject_before(start)
        if subject is None and not pronoun:
            subject = self.comma_subject(start)
        if subject is None or self.toks[subject.head].kind == "fig":
            return ""
        return with_de(self.toks, subject, self.text)

    def place(self) -> str:
        """A fronted place: 'Ainsi, en Isère, …' -> 'en Isère'."""
        toks = self.toks
        for i, tok in enumerate(toks[:-2]):
            if tok.low in ("en", "à", "a") and is_name(self.text, toks[i + 1]):
                j = i + 1
                while j + 1 < len(toks) and is_name(self.text, toks[j + 1]):
                    j += 1
                before = toks[i - 1] if i > 0 else None
                after = toks[j + 1] if j + 1 < len(toks) else None
                fronted = (before is None or before.text in ",:") and after is not None \
                    and after.text == ","
                if fronted and toks[i + 1].low not in subject_lexicon().common_names:
                    prep = "à" if tok.low == "a" else tok.low
                    return f"{prep} {join_tokens(toks, list(range(i + 1, j + 1)))}"
        return ""
