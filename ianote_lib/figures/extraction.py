"""Every quantitative figure of the dossier, as printed in French press copy.

`extract_from_text(text)` finds the figures of one sentence; `extract_figures(sentences)` runs it
over the `sentences` table and returns the `figures` table of the README (one row per figure, with
its exact span, value and high value in base units, unit, rate, counted noun, category, subject,
and its provenance: document, page, sentence).

What counts as a figure, and what does not:

- numbers printed with digits (`700 000`, `200.000`, `1,5`, `1287`), with multipliers
  (`millions`, `milliard`, `M€`, `Md€`), number words read with text2num (`trois semaines`,
  `deux millions`), approximate words (`une quarantaine de`), fractions (`un demi-litre`),
  multiplicatives (`six fois plus`, `diviser par quatre`, `le double`, `doubler le nombre`);
- ranges (`400 à 600`, `entre 25 et 50`, `11% - 37%`, `deux ou trois`), rates (`par jour`,
  `chaque année`), units (`units.yaml`), the counted noun (`appels`, or `le nombre d'emplois`);
- never a date used as a date (years, `le 14 juin`, `(2018-2022)`), a relative date
  (`depuis un an`, `il y a quatre ans`), an article or list label (`article 72`, `Principe 1`,
  `1.`), a footnote marker (`(1)`), a page reference, a number glued to a name (`GPT-4`,
  `ChatGPT 4.0`, `COVID-19`, `3es`, `Noname13`), an indefinite plural (`des milliards`).

The word lists live in `resources/units.yaml`, `resources/figure_rules.yaml` and
`resources/figure_categories.yaml`. The scan of one text is cut into modules: `candidates`
(where a figure may start), `builders` (one figure per kind of candidate), `unit_reading`
(multiplier, unit, money symbol), `ranges`, `counted` (the counted noun), `rates`,
`exclusions` (what is no figure), `completion` (the common path of a number) and `category`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ianote_lib.figures.antecedents import Antecedent
from ianote_lib.figures.builders import (
    build_approx,
    build_digits,
    build_multnoun,
    build_multverb,
    build_one,
    build_words,
)
from ianote_lib.figures.candidates import find_candidates, word_runs
from ianote_lib.figures.category import categorize
from ianote_lib.figures.figure import Figure, Scan
from ianote_lib.figures.subject import figure_subjects
from ianote_lib.figures.tokens import LETTER

FIGURE_COLUMNS = [
    "figure_id", "doc", "page", "sentence_id", "text", "value", "value_high", "unit", "per",
    "category", "counted", "subject", "qualifier", "start", "end", "sentence_kind",
    "quotable",
]
UNITS = ("EUR", "USD", "%", "tCO2e", "gCO2e", "m3", "L", "GWh", "MWh", "km", "cm", "m2", "count",
         "year", "day", "week", "month", "hour", "ratio", "zettabyte", "other")
PERS = ("day", "month", "year", "")

_BUILDERS: dict[str, Callable[[Scan, Any], Figure | None]] = {
    "digits": build_digits, "words": build_words, "one": build_one, "approx": build_approx,
    "multnoun": build_multnoun, "multverb": build_multverb,
}


def scan_figures(scan: Scan) -> list[Figure]:
    """The figures of the scanned text, left to right (a candidate inside a figure already
    read is skipped)."""
    scan.runs = word_runs(scan)
    for start, kind, payload in find_candidates(scan):
        if start < scan.blocked_until:
            continue
        try:
            figure = _BUILDERS[kind](scan, payload)
        except (ValueError, OverflowError, ZeroDivisionError, IndexError):
            figure = None
        if figure is None:
            continue
        figure.text = scan.text[figure.start:figure.end]
        scan.blocked_until = max(scan.blocked_until, figure.end)
        scan.figures.append(figure)
    return scan.figures


def extract_from_text(text: str, kind: str = "sentence", state: dict | None = None,
                      antecedents: Sequence[Antecedent] = ()) -> list[Figure]:
    """Figures of one text. Never raises on odd input: a malformed number is skipped.
    `antecedents` are the sentences a pronoun of `text` may refer to (see figures.subject)."""
    if not isinstance(text, str) or not text.strip():
        return []
    figures = scan_figures(Scan(text, kind, state))
    for fig, subject in zip(figures, figure_subjects(text, figures, antecedents), strict=True):
        fig.subject = subject
    return figures


def _lone_figures(text: str, figures: list[Figure]) -> bool:
    """True when a heading is little more than its figures (an infographic: '11% - 37%')."""
    rest = text
    for fig in sorted(figures, key=lambda f: -f.start):
        rest = rest[:fig.start] + rest[fig.end:]
    return len(re.findall(rf"{LETTER}{{3,}}", rest)) < 2


def _antecedents(records: list, index: int, spans: dict[int, tuple]) -> list[Antecedent]:
    """The sentences a pronoun of row `index` may refer to: the sentence that introduces a
    bulleted list (for a bullet), then the sentence before (same document, sentences and
    bullets only)."""
    row = records[index]
    found: list[Antecedent] = []
    previous = [i for i in range(index - 1, max(-1, index - 30), -1)
                if records[i].doc == row.doc
                and getattr(records[i], "kind", "sentence") in ("sentence", "bullet")]
    if getattr(row, "kind", "sentence") == "bullet":
        intro = next((i for i in previous
                      if getattr(records[i], "kind", "sentence") == "sentence"), None)
        if intro is not None:
            found.append(Antecedent(records[intro].text, spans.get(intro, ())))
    if previous and (not found or records[previous[0]].text != found[0].text):
        found.append(Antecedent(records[previous[0]].text, spans.get(previous[0], ())))
    return found


def extract_figures(sentences: pd.DataFrame) -> pd.DataFrame:
    """The `figures` table from the `sentences` table (every row but titles).

    A heading that is only a figure (an infographic: '142 zettaoctets', '11% - 37%') takes its
    category and subject from the row that follows it (its caption)."""
    rows: list[dict] = []
    states: dict[Any, dict] = {}
    ordered = sentences.sort_values(["doc", "sentence_id"]) if len(sentences) else sentences
    records = [r for r in ordered.itertuples(index=False)
               if getattr(r, "kind", "sentence") != "title"]
    spans: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for index, row in enumerate(records):
        kind = getattr(row, "kind", "sentence")
        state = states.setdefault(row.doc, {})
        antecedents = _antecedents(records, index, spans)
        figures = extract_from_text(row.text, kind, state, antecedents)
        spans[index] = tuple((f.start, f.end, f.counted) for f in figures)
        following = records[index + 1] if index + 1 < len(records) else None
        if (figures and kind != "sentence" and following is not None
                and following.doc == row.doc and _lone_figures(row.text, figures)):
            context = f"{row.text}\n{following.text}"
            subjects = figure_subjects(context, figures, antecedents)
            for fig, subject in zip(figures, subjects, strict=True):
                fig.category = categorize(fig, context)
                fig.subject = subject
        for number, fig in enumerate(figures, start=1):
            rows.append({
                "figure_id": f"{row.sentence_id}f{number:02d}",
                "doc": row.doc, "page": row.page, "sentence_id": row.sentence_id,
                "text": fig.text, "value": fig.value,
                "value_high": fig.value_high if fig.value_high is not None else float("nan"),
                "unit": fig.unit, "per": fig.per, "category": fig.category,
                "counted": fig.counted, "subject": fig.subject, "qualifier": fig.qualifier,
                "start": fig.start, "end": fig.end, "sentence_kind": kind,
                "quotable": bool(getattr(row, "quotable", True)),
            })
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"value": float, "value_high": float})
