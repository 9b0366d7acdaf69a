"""The time a document tells against its page's date: a note is read years after its
documents, and their « l'an dernier », « aujourd'hui », « il y a un an », « le 9 mars » or the
count they give in the present are not its own (`date_relative_years`, on the evidence)."""

from __future__ import annotations

import re

import pandas as pd

from ianote_lib.fr.dates import absolute_years, dated_ago, dated_days, dated_state, dated_today
from ianote_lib.note.anaphora import context_needs, leading_connectors


def date_relative_years(sents: pd.DataFrame, documents: pd.DataFrame) -> None:
    """The years a sentence tells relative to its document's date told by their number, its
    « aujourd'hui » and its « il y a un an » by their year, the year of the days it tells
    without one, and the year of the measure it states in the present, when the document is
    dated (in place, on `clean`: `fr.dates.absolute_years`, `dated_ago`, `dated_today`,
    `dated_days`, `dated_state`)."""
    dates = {int(d): str(date) for d, date in zip(documents["doc"], documents["date"],
                                                  strict=True)
             if re.match(r"(?:19|20)\d\d", str(date or ""))}
    tenses = sents["tense"] if "tense" in sents else pd.Series("", index=sents.index)
    finite = sents["finite_verb"] if "finite_verb" in sents else pd.Series(False, sents.index)
    for i in sents.index[sents["doc"].isin(list(dates))]:
        date = dates[int(sents.at[i, "doc"])]
        year = int(date[:4])
        tense = str(tenses.at[i] or "")
        text = dated_days(dated_today(dated_ago(absolute_years(str(sents.at[i, "clean"]), year),
                                                date), year), date, tense)
        # (a verb in the present: no tense, and a finite verb the parse found, not None; a
        # sentence that needs the one before it is quoted after it, which tells its year)
        if not tense and finite.at[i] in (True,) and not context_needs(text):
            lead = leading_connectors().match(text)
            text = dated_state(text, year, lead.end() if lead else 0)
        sents.at[i, "clean"] = text
