"""Dated events of the dossier (laws, decrees, votes, reports, strategies, deadlines…) and a
timeline chart with past and announced events told apart.

Dates are read with `fr.dates.find_french_dates`; an event is a (sentence, date) pair, in
every row of the `sentences` table except titles and page furniture. `tense` says whether the
event lies before the document's publication date ("passé") or after it ("annoncé").
"""

from __future__ import annotations

import re
from functools import cache

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.config import load_yaml
from ianote_lib.fr.dates import DateMention, find_french_dates
from ianote_lib.fr.normalize import fold
from ianote_lib.reports.plots import docs_label
from ianote_lib.topics.keywords import is_boilerplate

EVENT_COLUMNS = ["date", "doc", "sentence_id", "text", "date_text", "precision", "qualifier",
                 "date_end", "tense", "kind", "page", "quotable"]
PAST, ANNOUNCED = "passé", "annoncé"


@cache
def _lexicon() -> tuple[list[tuple[str, re.Pattern]], list[re.Pattern]]:
    data = load_yaml("timeline.yaml")
    kinds = [(name, re.compile(pattern)) for name, pattern in data["kinds"]]
    return kinds, [re.compile(p) for p in data["future_cues"]]


def event_kind(text: str) -> str:
    """Kind of the event a sentence tells (first matching kind of `timeline.yaml`)."""
    folded = fold(text)
    for name, pattern in _lexicon()[0]:
        if pattern.search(folded):
            return name
    return "autre"


def _compare(iso: str, reference: str) -> int:
    """-1, 0, 1: `iso` before, within, after `reference`, at their common precision."""
    n = min(len(iso), len(reference))
    a, b = iso[:n], reference[:n]
    return (a > b) - (a < b)


def tense(mention: DateMention, sentence: str, reference: str) -> str:
    """« passé » or « annoncé » relative to the document's publication date `reference`."""
    future = any(p.search(fold(sentence)) for p in _lexicon()[1])
    if mention.qualifier in ("jusqu'à", "d'ici"):
        future = True
    if not reference:
        return ANNOUNCED if future else PAST
    order = _compare(mention.iso, reference)
    if order > 0:
        return ANNOUNCED
    if order < 0:
        return PAST
    return ANNOUNCED if future else PAST


def extract_events(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The `events` table: one row per date written in a sentence (titles and bylines out: a
    heading whose only dates are the document's own publication date is its byline, whatever
    its wording — « Par X et Y, le 22 novembre 2023 », « La Lettre des collectivités, 31 mars
    2023 »)."""
    pub = {int(r.doc): str(r.date or "") for r in documents.itertuples(index=False)}
    rows = []
    for r in sentences.itertuples(index=False):
        if r.kind == "title" or is_boilerplate(r.text):
            continue
        reference = pub.get(int(r.doc), "")
        mentions = find_french_dates(r.norm, reference)
        if (r.kind in ("heading", "fragment") and reference and mentions
                and all(m.iso == reference for m in mentions)):
            continue
        for mention in mentions:
            rows.append({
                "date": mention.iso,
                "doc": int(r.doc),
                "sentence_id": r.sentence_id,
                "text": r.text,
                "date_text": mention.text,
                "precision": mention.precision,
                "qualifier": mention.qualifier,
                "date_end": mention.iso_end,
                "tense": tense(mention, r.norm, reference),
                "kind": event_kind(r.norm),
                "page": int(r.page),
                "quotable": bool(r.quotable),
            })
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame.sort_values(["date", "doc", "sentence_id"], kind="stable").reset_index(drop=True)


def to_timestamp(iso: str) -> pd.Timestamp:
    """Position of an ISO date on the chart (YYYY -> 1 July, YYYY-MM -> the 15th)."""
    if len(iso) == 4:
        return pd.Timestamp(f"{iso}-07-01")
    if len(iso) == 7:
        return pd.Timestamp(f"{iso}-15")
    return pd.Timestamp(iso)


MAX_GAP = 10   # years: an older event this far from the next one is an isolated reference


def chart_start_year(years: list[int], max_gap: int = MAX_GAP) -> int | None:
    """The first year the chart shows: the oldest year, unless it is an isolated reference far
    before the others (more than `max_gap` years before the next event), and so on."""
    ordered = sorted(set(years))
    while len(ordered) > 1 and ordered[1] - ordered[0] > max_gap:
        ordered.pop(0)
    return ordered[0] if ordered else None


def timeline_figure(events: pd.DataFrame, start_year: int | None = None) -> Figure | None:
    """Events by kind over time; past events filled, announced ones hollow and orange. The
    chart starts at `start_year` (by default `chart_start_year` of the events: isolated old
    references stay in the table, out of the chart). None when there is no event to draw."""
    if events.empty:
        return None
    years = events["date"].str[:4].astype(int)
    start_year = start_year if start_year is not None else chart_start_year(years.tolist())
    frame = events[years >= start_year].copy()
    if frame.empty:
        return None
    frame["when"] = frame["date"].map(to_timestamp)
    kinds = sorted(frame["kind"].unique(), key=lambda k: frame[frame["kind"] == k]["when"].min())
    fig, ax = plt.subplots(figsize=(11, 0.45 * max(len(kinds), 3) + 2), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    y = {k: i for i, k in enumerate(kinds)}
    for label, color, marker, face in ((PAST, "#2f5d8a", "o", "#2f5d8a"),
                                       (ANNOUNCED, "#d9822b", "D", "white")):
        part = frame[frame["tense"] == label]
        ax.scatter(part["when"], part["kind"].map(y), s=46, marker=marker, color=color,
                   facecolors=face, linewidths=1.5, label=f"{label} ({len(part)})", zorder=3)
    for _, ev in frame[frame["date_end"] != ""].iterrows():
        ax.plot([ev["when"], to_timestamp(ev["date_end"])], [y[ev["kind"]]] * 2,
                color="#999", lw=2, zorder=1)
    ax.set_yticks(range(len(kinds)), kinds)
    span = frame["when"].max().year - frame["when"].min().year if len(frame) else 1
    ax.xaxis.set_major_locator(mdates.YearLocator(base=1 if span <= 12 else 5))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#eee")
    ax.set_title("Chronologie des événements datés du dossier (passés et annoncés)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False,
              title="Par rapport à la date du document")
    fig.text(0.01, -0.12, docs_label(frame["doc"]) + f" — événements depuis {start_year}",
             fontsize=8, color="#555")
    return fig
