"""What a document announced for a time now past, which the note does not tell as still to come.

A document tells what will be from its own day: « Le Siéml installera 250 bornes publiques
supplémentaires d'ici 2025 », « Pour la première vague, les candidats devront envoyer leur
dossier avant le 4 novembre 2021 », « Un décret attendu à l'été 2023 précisera… ». Read by the
direction on the note's day, after every date it names, such a sentence is stale: whether it
happened the dossier does not say, and a note does not announce the past. A sentence whose
main verb is in the future (`fr.parse` `tense`) and whose every date is before the note's day
(a month with its year counts: « d'ici mai 2026 » is past in December 2026; a year alone holds
until its end) is not quoted (`outdated_ids`), unless it states from when a state holds
(« Dès 2024, le non-respect… sera passible de sanctions… », « À partir de 2023, le paiement
sera variable… », « Les métropoles… pourront choisir… au-delà du 1er janvier 2025 »): the
state it announces is the rule the dossier gives, and holds still. Nor is what a document of
a year before the note's tells as near from its own day (« La mairie de Pia va bientôt se
doter d'appareils photo… », a document of 2021; `style.yaml near_future`): it has happened or
not since; nor what an undated document tells as near, which no reader can place.
What such a sentence announced from a date now past holds on the note's day, and the note
tells it in the present (`in_force`: « Dès 2024, le non-respect… est passible de sanctions »).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pandas as pd

from ianote_lib.fr.dates import MONTH_NAMES
from ianote_lib.fr.normalize import normalize
from ianote_lib.note.model import Note
from ianote_lib.note.text import split_outside_quotations, style, years_in

# a month, a year or a day: the note's day, or a year alone (all its months are to come)
When = dt.date | int

# a state from a date on: « Dès 2024, », « à partir du 1er janvier 2025 », « à compter de »,
# « au-delà du »
_FROM = re.compile(r"(?i)\b(?:dès|[àa] partir d[eu'’]|[àa] compter d[eu'’]|au-delà d[eu'’])"
                   r"\s?(?:l['’]année\s+|le\s+|la\s+)?"
                   r"(?:\d{1,2}(?:er)?\s+[a-zéû]+\s+)?\d{4}\b")


# the day or the year a sentence opens on, the time of its main verb (« Le 17 octobre 2024, »,
# « En 2024, », « Fin 2023, »)
_FRONTED = re.compile(rf"(?i)^(?:le\s+|en\s+|fin\s+|début\s+|courant\s+|mi-)?"
                      rf"(?:\d{{1,2}}(?:er)?\s+)?(?:(?:{'|'.join(MONTH_NAMES)})\s+)?(\d{{4}})\s*,")


# a future inside the sentence, and the year it is for (« …la réforme du stationnement, qui
# entrera en vigueur au 1er janvier 2017 », « …la piscine intercommunale qui va ouvrir en
# 2022… », « …et le comité sera à nouveau convoqué en juin 2024 »): a verb in the future
# (être, avoir, faire, pouvoir, devoir… too) or « va / vont » and an infinitive, then the
# date it is for in the clause (« en juin 2024 », « d'ici le 31 mars 2020 », « mi 2024 »; not
# a year it is compared with, « …aura augmenté de 49 % par rapport à 2020 »)
_FUTURE_DATED = re.compile(rf"(?i)\b(?:(?:va|vont)\s+[a-zàâçéèêëîïôûù]+(?:er|ir|re)|"
                           rf"[a-zàâçéèêëîïôûù]{{3,}}(?:era|eront|ira|iront|dra|dront)|"
                           rf"(?:se|au|fe|pour|dev|enver|ver|courr|mour)(?:ra|ront))\b"
                           rf"[^.;:,]{{0,60}}?\b(?:en|au|d['’]ici(?: à| au| le| la)?|avant|dès|"
                           rf"fin|début|mi-?|courant|(?:{'|'.join(MONTH_NAMES)}))\s+"
                           rf"(?:(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{'|'.join(MONTH_NAMES)})\s+)?"
                           rf"((?:19|20)\d\d)\b")


# a state that held until a date it opens on (« Jusqu'au 29 mars 2022, le ministère… soumet à
# la consultation du public un projet de décret », « Jusqu'en 2025, les communes peuvent… »)
_UNTIL = re.compile(rf"(?i)^jusqu['’](?:au|à|en)\s+(?:le\s+)?(?:\d{{1,2}}(?:er)?\s+)?"
                    rf"(?:(?:{'|'.join(MONTH_NAMES)})\s+)?(?:19|20)\d\d\b")
_MONTH_YEAR = re.compile(rf"(?i)\b({'|'.join(MONTH_NAMES)})\s+((?:19|20)\d\d)\b")


def _now(when: When) -> tuple[int, int]:
    """The month of `when`: its first when it is a year alone (every month of it to come)."""
    return (when, 1) if isinstance(when, int) else (when.year, when.month)


def _moments(text: str) -> list[tuple[int, int]]:
    """The months a sentence names, in its order: a month with its year (« d'ici mai
    2026 »), or a year alone as its last month (« en 2026 » holds until December)."""
    text = normalize(text)
    months = {m.start(2): MONTH_NAMES.index(m.group(1).lower()) + 1
              for m in _MONTH_YEAR.finditer(text)}
    years = years_in(text)
    return [(int(m.group(0)), months.get(m.start(), 12))
            for m in re.finditer(r"(?<![\d,.])\d{4}(?!\d|[,.]\d)", text) if m.group(0) in years]


def outdated(text: str, tense: str, when: When) -> bool:
    """Whether a sentence announces, in the future, what its dates put before `when` (the
    note's day, or a year): all its dates, or the one it opens on, which dates its main verb
    (« Le 17 octobre 2024, la directive NIS 2 entrera en vigueur et les entités devront être en
    conformité d'ici 2027 »), or the one a future inside it is for, whatever the main verb's
    time (« La Cnil a rendu publiques ses recommandations sur la réforme, qui entrera en vigueur
    au 1er janvier 2017 »); or one that tells in the present or the future what held until a
    date now past (`_UNTIL`). A month counts (« D'ici mai 2026, tous les meublés… devront être
    enregistrés » is past in December 2026), a year alone holds until its end."""
    if _FROM.search(text):
        return False
    now = _now(when)
    until = _UNTIL.match(text)
    if until and tense in ("", "futur") and max(_moments(until.group(0))) < now:
        return True         # (what held until a date now past, told as holding still)
    inner = _FUTURE_DATED.search(text)
    if inner and max(_moments(inner.group(0)), default=now) < now:
        return True
    moments = _moments(text)
    fronted = _FRONTED.match(text)
    return tense == "futur" and bool(moments) and (max(moments) < now or bool(
        fronted and min(_moments(fronted.group(0)), default=now) < now))


def near_future(text: str) -> bool:
    """Whether a sentence tells what is near from its document's day (`style.yaml
    near_future`: « bientôt », « s'apprête à », « dans les prochains mois »)."""
    return any(re.search(p, text, re.IGNORECASE) for p in style()["near_future"])


def outdated_ids(sentences: pd.DataFrame, when: When,
                 documents: pd.DataFrame | None = None) -> set[str]:
    """The ids of the `sentences` (with their `tense` and `clean` text, `note.evidence`) that
    are `outdated` on `when` (a row of several sentences by its first: « Un fonds national…
    est créé et doté de 350 millions d'euros. … Un premier appel à projets sera lancé en
    2019 » still tells the fund), and, with the `documents` and their dates, those of a document
    not dated in `when`'s year that tell what is near (`near_future`: « Les bulldozers
    s'attaqueront à l'édifice d'ici quelques jours », on an undated page, cannot be placed)."""
    year = _now(when)[0]
    if "tense" not in sentences:
        return set()
    text = sentences["clean"] if "clean" in sentences else sentences["text"]
    dated = {} if documents is None else {
        int(d): int(str(date)[:4]) for d, date in zip(documents["doc"], documents["date"],
                                                      strict=True)
        if re.match(r"(?:19|20)\d\d", str(date or ""))}
    docs = sentences["doc"] if "doc" in sentences else pd.Series(0, index=sentences.index)
    return {sid for sid, t, tense, doc in zip(sentences["sentence_id"], text.astype(str),
                                               sentences["tense"].fillna("").astype(str), docs,
                                               strict=True)
            if outdated((split_outside_quotations(t) or [t])[0], tense, when)
            or (documents is not None and dated.get(int(doc), 0) < year and near_future(t))}


@cache
def _futures() -> tuple[dict[str, str], re.Pattern[str]]:
    """The present of each future (`style.yaml present_of_future`), and the pattern of a
    future: one of them, or a verb in -er (« entrera », « s'appliqueront »)."""
    table = {str(k): str(v) for k, v in style()["present_of_future"].items()}
    words = "|".join(sorted(table, key=len, reverse=True))
    return table, re.compile(rf"\b(?:{words}|[a-zàâçéèêëîïôûù]{{2,}}e(?:ra|ront))\b")


def in_force(text: str, when: When) -> str:
    """A sentence that announces a state from a date before `when` (« Dès 2024, le
    non-respect… sera passible de sanctions… », « À partir de 2023, le paiement sera
    variable »), every date it names before `when`, in the present: the state holds on the
    note's day (`outdated`'s exception). Any other sentence as it is."""
    if not _FROM.search(text) or any(m >= _now(when) for m in _moments(text)):
        return text
    table, future = _futures()

    def present(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in table:
            return table[word.lower()]
        return word[:-4] + "nt" if word.endswith("ront") else word[:-2]

    return future.sub(present, text)


def tell_in_force(note: Note, when: When) -> None:
    """Every sentence the note quotes from its documents, `in_force` on the note's day (a
    quoted sentence changed so is no longer the document's as written: « compressed »)."""
    for para in note.paragraphs:
        for sentence in para.sentences:
            if sentence.origin != "document":
                continue
            text = in_force(sentence.text, when)
            if text != sentence.text:
                sentence.text = text
                sentence.kind = "compressed" if sentence.kind == "document" else sentence.kind
