"""Tables as the analyst and the direction read them: French headers, French numbers and dates,
escaped text.

Every table a notebook shows goes through `display_table`, the one place that turns raw values
into what a French report prints: `1 500 000 000` (narrow no-break spaces between thousands),
`5,5` (decimal comma), `100` rather than `100.0`, an empty cell rather than `NaN`, `None` or
`<NA>`, « oui »/« non » rather than `True`/`False`, « 3 octobre 2023 » rather than `2023-10-03`,
over-long sentences cut with « […] », and a meaningful first column as row header instead of
pandas' 0…n index. Only what is shown changes: the tables written to `data/processed/` and the
spreadsheet keep their raw values and types. Text stays text: pandas escapes HTML when it
renders the frame (never pass `escape=False`), so document text cannot inject markup.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ianote_lib.fr.dates import french_date
from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.fr.numbers import french_number, is_missing

LONG_CELL = 300  # characters: a longer text cell is cut (a sentence stays whole up to here)
CUT = "[…]"

EVENT_HEADERS = {"date": "Date", "date_text": "Date écrite", "tense": "Passé/annoncé",
                 "kind": "Nature", "doc": "Doc.", "text": "Phrase"}


# -- values ---------------------------------------------------------------------------------

def excerpt(text: str, limit: int = LONG_CELL, around: str | None = None) -> str:
    """`text` cut to about `limit` characters at word boundaries, the cuts marked « […] » as in
    a French quotation; the window is centred on `around` when the text contains it (the figure
    or the date a row is about), else it keeps the beginning."""
    if len(text) <= limit:
        return text
    room = max(20, limit - 2 * (len(CUT) + 1))  # the text kept, the « […] » marks aside
    position = fold_same_length(text).find(fold_same_length(around)) if around else -1
    start = 0
    if position >= 0:
        middle = position + len(around or "") // 2
        start = min(max(0, middle - room // 2), len(text) - room)
    end = start + room
    if start > 0:  # begin and end on whole words
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + room // 2 else end
    part = text[start:end].strip()
    return f"{CUT} " * (start > 0) + part + f" {CUT}" * (end < len(text))


def display_cell(value: object, decimals: int = 3, limit: int = LONG_CELL) -> str:
    """One cell for display: numbers in French, missing values empty, long text cut."""
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return excerpt(value, limit)
    if isinstance(value, numbers.Number | np.bool_):
        return french_number(value, decimals)
    return excerpt(str(value), limit)


def display_table(frame: pd.DataFrame, index: str | None = None, *,
                  dates: Iterable[str] = (), decimals: Mapping[str, int] | int = 3,
                  limit: int = LONG_CELL) -> pd.DataFrame:
    """The frame as a French report table (every cell a string, see the module docstring).

    `frame` carries its French headers already. The column `index` (default: the first column)
    becomes the row headers, its label in the header's corner cell so that the table keeps a
    single header row; the frame's own index is dropped (pass meaningful keys as columns).
    `dates` are columns of ISO dates shown in words; `decimals` the maximum number of decimals
    (one number, or one per column)."""
    frame = frame.reset_index(drop=True)
    date_columns = set(dates)
    shown = {}
    for column in frame.columns:
        places = decimals.get(column, 3) if isinstance(decimals, Mapping) else decimals
        if column in date_columns:
            shown[column] = frame[column].map(french_date)
        else:
            shown[column] = frame[column].map(
                lambda value, places=places: display_cell(value, places, limit))
    table = pd.DataFrame(shown, columns=frame.columns, dtype=object)
    key = index if index is not None else (frame.columns[0] if len(frame.columns) else None)
    if key is None:
        return table
    table = table.set_index(key)
    table.index.name = None
    table.columns.name = key
    return table


# -- the tables of notebook 04 ----------------------------------------------------------------

def themes_display(top: pd.DataFrame) -> pd.DataFrame:
    """The documents that carry each theme most (`themes.top_documents`), for display."""
    frame = top[["label", "documents"]].rename(
        columns={"label": "Thème", "documents": "Documents les plus porteurs"})
    return display_table(frame, "Thème")


def keywords_display(keywords: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The keywords of each document on one line, with its title, for display."""
    words = keywords.sort_values(["doc", "rank"]).groupby("doc", sort=True)["keyword"].apply(
        ", ".join)
    titles = documents.set_index("doc")["title"]
    frame = pd.DataFrame({"Doc.": words.index, "Titre": titles.reindex(words.index).to_numpy(),
                          "Mots-clés": words.to_numpy()})
    return display_table(frame, "Doc.")


def events_display(events: pd.DataFrame) -> pd.DataFrame:
    """The dated events in order, for display: the date in words, the sentence cut around the
    date it mentions when it is long."""
    frame = events[list(EVENT_HEADERS)].copy()
    frame["text"] = [excerpt(text, LONG_CELL, around=written)
                     for text, written in zip(events["text"], events["date_text"], strict=True)]
    return display_table(frame.rename(columns=EVENT_HEADERS), "Date", dates=["Date"])
