"""The outcome of a use case: the short quantified clauses of the sentences that follow
the use (`outcome_phrases`), and the ones kept for the table (`select_outcomes`)."""

from __future__ import annotations

import re

from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.use_cases.labels import lower_same_length, strip_leading
from ianote_lib.use_cases.lexicon import Lexicon, lexicon

_NUMBER = re.compile(r"\d")


def figure_numbers(text: str) -> set[str]:
    """The numbers of a phrase (« 1.000 », « 1 000 » -> « 1000 »; years left out)."""
    numbers = re.findall(r"\d+(?:[ .\u00a0\u202f]\d{3})*(?:,\d+)?", text)
    return {re.sub(r"[ .\u00a0\u202f]", "", n) for n in numbers
            if not re.fullmatch(r"(?:19|20)\d\d", n)}


def _clean_outcome_clause(clause: str, lex: Lexicon) -> str:
    """One clause reduced to its quantified content: no quote marks, no leading connector or
    « Nous avions de », no subject before « a permis de », no copula before the figure or its
    participle, and, when the clause still tells the use itself (« La commune utilise un
    assistant… pour traiter les 400 à 600 appels »), only the figure and what follows it."""
    rules = lex.outcome_label
    text = " ".join(re.sub(r"[\"«»“”]", " ", clause).split()).strip(" ,;:.")
    text = strip_leading(text, rules.leading)
    if lex.find_cues(fold_same_length(text)):
        first = _NUMBER.search(text)
        if first:
            det = rules.figure_article.search(text[:first.start()])
            text = text[det.start() if det else first.start():]
            text = strip_leading(text, rules.leading)
    for m in reversed(list(rules.copula.finditer(lower_same_length(text)))):
        text = text[:m.start()] + text[m.end():]
    article = rules.article.match(lower_same_length(text))
    first = _NUMBER.search(text)
    if article and first and len(text[article.end():first.start()].split()) \
            < rules.article_figure_within:
        text = text[article.end():]
    return text.strip(" ,;:.")


def outcome_phrases(text: str, lex: Lexicon | None = None) -> list[str]:
    """The quantified outcome clauses of one sentence: clauses with a number (not a year) and
    an outcome cue (in the clause, or in a number-free clause just before it, as in
    « Bilan : … »), cleaned by `_clean_outcome_clause`; a figure about a pronoun (« 30 %
    d'entre eux ») is left out, as not self-contained."""
    lex = lex or lexicon()
    rules = lex.outcome_label
    text = rules.comparison.sub(r" \1", text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    out: list[str] = []
    armed = False
    for clause in rules.clause_split.split(text):
        clause = clause.strip()
        if not clause:
            continue
        folded = fold_same_length(clause)
        cue = any(p.search(folded) for p in lex.outcome)
        if not figure_numbers(clause):
            armed = cue
            continue
        if (cue or armed) and not rules.anaphoric_figure.search(lower_same_length(clause)):
            phrase = _clean_outcome_clause(clause, lex)
            if figure_numbers(phrase):
                out.append(phrase)
        armed = False
    return out


def select_outcomes(outcomes: list[tuple[str, str]], lex: Lexicon | None = None
                    ) -> list[tuple[str, str]]:
    """The outcome of a use case from its (sentence_id, phrase) list: phrases that share a
    number tell the same figure, the one carrying the most figures is kept (the first on a
    tie); results come before volumes (« par jour »); at most `max_phrases`."""
    lex = lex or lexicon()
    rules = lex.outcome_label
    numbers = [figure_numbers(p) for _, p in outcomes]
    kept: list[int] = []
    for i in range(len(outcomes)):
        rivals = [j for j in range(len(outcomes)) if numbers[i] & numbers[j]]
        best = max(rivals, key=lambda j: (len(numbers[j]), -j))
        if best == i:
            kept.append(i)

    def is_volume(i: int) -> bool:
        folded = fold_same_length(outcomes[i][1])
        return any(p.search(folded) for p in rules.volume) and not any(
            p.search(folded) for p in lex.outcome if p.pattern not in
            {v.pattern for v in rules.volume})
    kept.sort(key=lambda i: (is_volume(i), i))
    return [outcomes[i] for i in kept[:rules.max_phrases]]
