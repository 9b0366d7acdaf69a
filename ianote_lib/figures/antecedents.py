"""What a pronoun refers to: a noun phrase of the sentence before, or of the sentence that
introduces a bulleted list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ianote_lib.figures.phrases import Phrase, french_case, join_tokens, np_right, with_de
from ianote_lib.figures.sentence_tokens import SubjectFigure, Tok, span_before_noun, tokenize
from ianote_lib.figures.subject_lexicon import subject_lexicon
from ianote_lib.figures.word_classes import is_content, is_participle_form, lemma_of
from ianote_lib.fr.normalize import fold_same_length


@dataclass(frozen=True)
class Antecedent:
    """A sentence a pronoun may refer to, with the spans and counted nouns of its figures."""

    text: str
    figures: tuple[tuple[int, int, str], ...] = ()


def antecedent_phrase(antecedents: Sequence[Antecedent], plural: bool = False,
                      theme_text: str = "", counted_only: bool = False, category: str = "",
                      lemma: str = "") -> str:
    """A noun phrase of the sentence before (or of a list's introduction): a phrase on the
    figure's theme first, a plural noun for a plural pronoun, a counted noun for a bare
    count; named by the noun of `lemma` when it has one ('coûte' -> 'coût de …')."""
    lex = subject_lexicon()
    folded_theme = fold_same_length(theme_text)
    themes = [stems for name, stems in lex.theme_stems.items()
              if name == category
              or any(re.search(rf"\b{re.escape(s)}", folded_theme) for s in stems)]
    best: tuple[float, str] | None = None
    for rank, ante in enumerate(antecedents):
        spans = [span_before_noun(ante.text, SubjectFigure(s, e, "count", c))
                 for s, e, c in ante.figures]
        toks = tokenize(ante.text, spans)
        for i in range(len(toks)):
            if not is_content(toks, i) or (i > 0 and is_content(toks, i - 1)):
                continue
            counted = i > 0 and toks[i - 1].kind == "fig"
            if counted_only and not counted:
                continue
            head = toks[i].low
            if plural and not head.endswith(("s", "x")):
                continue
            if head in lex.list_nouns or is_participle_form(head) or toks[i].text.isdigit():
                continue
            phrase = Phrase([i], i) if counted and plural else np_right(toks, i)
            score = _theme_score(toks, phrase, themes, counted)
            score += min(len(phrase.keep), 6) / 10 - rank * 3
            score -= (i / len(toks)) * 0.5
            if best is None or score > best[0]:
                text = french_case(ante.text, join_tokens(toks, phrase.keep), toks[i])
                noun = lex.nominal.get(lemma, "")
                if noun and lemma_of(toks[phrase.head].low) != lemma_of(noun):
                    text = f"{noun} {with_de(toks, phrase, ante.text)}"
                best = (score, text)
    return best[1] if best else ""


def _theme_score(toks: list[Tok], phrase: Phrase, themes: list[list[str]],
                 counted: bool) -> float:
    """A phrase on the figure's theme first, then the counted noun of a figure."""
    first = fold_same_length(join_tokens(toks, phrase.keep[:3]))
    score = 0.0
    if themes and any(re.search(rf"\b{re.escape(s)}", first)
                      for stems in themes for s in stems):
        score += 10
    if counted:
        score += 5  # the counted noun of a figure
    return score
