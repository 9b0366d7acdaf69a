"""French dates and the events table."""

from __future__ import annotations

import pandas as pd
import pytest

from ianote_lib.fr.dates import MONTHS, find_french_dates, parse_french_date
from ianote_lib.topics.timeline import extract_events, tense, timeline_figure


@pytest.mark.parametrize("text, iso, precision, qualifier, end", [
    ("a annoncé Emmanuel Macron à Vivatech le 14 juin 2023.", "2023-06-14", "jour", "", ""),
    ("Jusqu’au 31 mars 2025, les lieux…", "2025-03-31", "jour", "jusqu'à", ""),
    ("Fin 2021, ce projet fut abandonné", "2021", "annee", "fin", ""),
    ("l'objectif zéro artificialisation nette des sols (ZAN) d'ici à 2050", "2050", "annee",
     "d'ici", ""),
    ("devrait rentrer en vigueur en 2026.", "2026", "annee", "", ""),
    ("entrepris mi-2019 par la DINUM", "2019", "annee", "mi", ""),
    ("à partir de l'automne 2022.", "2022-10", "saison", "", ""),
    ("La première (2018-2022) a renforcé la recherche", "2018", "periode", "", "2022"),
    ("se tient du 14 au 17 juin 2023 à Paris", "2023-06-14", "jour", "", "2023-06-17"),
    ("le 1er juin 2023", "2023-06-01", "jour", "", ""),
    ("jusqu’à fin mars 2025", "2025-03", "mois", "jusqu'à", ""),
    ("En juillet 2022, la Cnil", "2022-07", "mois", "", ""),
    ("Entre 2019 et 2020, plus de 21 administrations", "2019", "periode", "", "2020"),
])
def test_find_french_dates(text, iso, precision, qualifier, end):
    found = find_french_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert (d.iso, d.precision, d.qualifier, d.iso_end) == (iso, precision, qualifier, end)
    assert text[d.start:d.end] == d.text


def test_dates_without_year_take_the_document_year():
    (d,) = find_french_dates("Un décret du 28 août dernier fixe…", reference="2023-09-14")
    assert d.iso == "2023-08-28"
    (d,) = find_french_dates("Un décret du 28 octobre dernier fixe…", reference="2023-09-14")
    assert d.iso == "2022-10-28"  # "dernier" and a month after publication: last year
    assert find_french_dates("Un décret du 28 août dernier", reference="") == []


def test_no_false_dates():
    assert find_french_dates("15 appels simultanés, 1.000 agents et 2,5 % du PIB") == []
    assert find_french_dates("Paris 2024 accueillera les Jeux") == []


def test_existing_parser_unchanged():
    assert parse_french_date("Publié le 3 octobre 2023 pour Localtis") == "2023-10-03"
    assert parse_french_date("EtudeTech – Octobre 2023") == "2023-10"
    assert parse_french_date("rien") == ""
    assert MONTHS["aout"] == 8


def test_tense_relative_to_publication():
    (d,) = find_french_dates("jusqu'au 31 mars 2025")
    assert tense(d, "jusqu'au 31 mars 2025", "2023-09-14") == "annoncé"
    (d,) = find_french_dates("Fin 2021")
    assert tense(d, "Fin 2021, ce projet fut abandonné", "2023-03-17") == "passé"
    (d,) = find_french_dates("en 2023")
    assert tense(d, "Le texte sera adopté en 2023", "2023-06-15") == "annoncé"
    assert tense(d, "Le texte a été adopté en 2023", "2023-06-15") == "passé"


@pytest.fixture(scope="module")
def events(dossier) -> pd.DataFrame:
    return extract_events(dossier.sentences, dossier.documents)


def test_events_table(events, dossier):
    assert {"date", "doc", "sentence_id", "text", "date_text", "precision", "tense",
            "kind"} <= set(events.columns)
    assert events["date"].str.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?").all()
    ids = set(dossier.sentences["sentence_id"])
    assert set(events["sentence_id"]) <= ids
    deadline = events[(events["doc"] == 7) & (events["date"] == "2025-03-31")]
    assert deadline["tense"].tolist() == ["annoncé"] and deadline["kind"].iloc[0] == "échéance"
    abandoned = events[(events["doc"] == 2) & (events["date"] == "2021")]
    assert abandoned["tense"].tolist() == ["passé"]
    assert not events["date_text"].str.contains("Publié", case=False).any()  # bylines out
    assert {"passé", "annoncé"} == set(events["tense"])


def test_timeline_chart(events):
    fig = timeline_figure(events)
    labels = fig.axes[0].get_legend_handles_labels()[1]
    assert any(label.startswith("passé") for label in labels)
    assert any(label.startswith("annoncé") for label in labels)
