"""Cross-source checks: the dossier's known problems, and the method on built data."""

from __future__ import annotations

import pandas as pd
import pytest

from ianote_lib.figures.checks import (
    CHECK_COLUMNS,
    build_checks,
    checks_display,
    vigilance_markdown,
)
from ianote_lib.figures.extraction import extract_figures
from ianote_lib.figures.quantity_kind import per_item
from ianote_lib.figures.values import french_value


@pytest.fixture(scope="module")
def checks(sentences) -> pd.DataFrame:
    return build_checks(extract_figures(sentences), sentences)


def _sentence(sentences, sid: str) -> str:
    return sentences.set_index("sentence_id").loc[sid, "text"]


def test_columns(checks):
    assert list(checks.columns) == CHECK_COLUMNS
    assert set(checks["kind"]) <= {"contradiction", "divergence", "estimations_divergentes",
                                   "ordre_de_grandeur", "incoherence_interne",
                                   "total_et_parties", "concordance"}


def test_plaisir_call_bot_contradiction(checks, sentences):
    found = checks[(checks["kind"] == "contradiction") & (checks["docs"] == "1;11")]
    assert len(found) == 1
    row = found.iloc[0]
    assert {row.sentence_id_a, row.sentence_id_b} == {"d01s0040", "d11s0566"}
    for sid in ("d01s0040", "d11s0566"):
        assert f"«\u00a0{_sentence(sentences, sid)}\u00a0»" in row.message
    assert "30" in row["values"]


def test_same_budget_in_three_documents_is_a_concordance(checks):
    budget = checks[checks["values"].str.contains("1,5\u00a0milliard")]
    assert set(budget["kind"]) == {"concordance"}
    assert {"2;4", "4;13"} <= set(budget["docs"])
    # the two phases of the national strategy (1,85 and 1,5 Md€) are not a contradiction
    assert not checks[(checks["kind"] != "concordance")
                      & checks["values"].str.contains("1,85")].shape[0]


def test_gpt3_training_estimates_and_orders_of_magnitude(checks):
    kinds = checks.groupby("kind")["docs"].apply(set).to_dict()
    assert "12" in kinds.get("estimations_divergentes", set())  # 502 t vs 240 t
    magnitude = checks[checks["kind"] == "ordre_de_grandeur"]
    assert magnitude["message"].str.contains("1287 gigawattheures").any()
    arithmetic = checks[checks["kind"] == "incoherence_interne"]
    assert arithmetic["message"].str.contains("14 g de CO2").any()


def test_data_publica_counts_diverge(checks):
    row = checks[(checks["kind"] == "divergence") & (checks["docs"] == "5;11")]
    assert len(row) == 1 and "quarantaine" in row.iloc[0].message


def test_no_alert_between_unrelated_figures(checks):
    alerts = checks[checks["kind"] != "concordance"]
    # the GDP gain of doc. 2 is no budget; the fines of doc. 8 are not the AI plan
    assert not alerts["message"].str.contains("10 000 milliards").any()
    assert len(alerts) <= 10


def _frame(rows: list[tuple[int, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"sentence_id": f"d{doc:02d}s{i:04d}", "doc": doc, "page": 1,
                          "kind": "sentence", "quotable": True, "text": text}
                         for i, (doc, text) in enumerate(rows)])


def test_method_on_built_documents():
    sentences = _frame([
        (1, "À Trifouilly, la mairie a installé un robot d'accueil."),
        (1, "Le robot de Trifouilly traite 500 dossiers de subvention par mois."),
        (2, "La commune de Trifouilly utilise un robot d'accueil depuis mai."),
        (2, "Le robot de Trifouilly traite 900 dossiers de subvention par mois."),
        (3, "Le budget du plan vélo de Zorgville atteint 12,5 millions d'euros."),
        (4, "Zorgville consacre au plan vélo un budget de 12,5 millions d'euros."),
    ])
    checks = build_checks(extract_figures(sentences), sentences)
    divergence = checks[checks["kind"] == "divergence"]
    assert list(divergence["docs"]) == ["1;2"]
    assert "500" in divergence.iloc[0].message and "900" in divergence.iloc[0].message
    assert list(checks[checks["kind"] == "concordance"]["docs"]) == ["3;4"]


def test_opposite_senses_on_built_documents():
    sentences = _frame([
        (1, "À Bourg-Joli, 40 % des courriers ne recevaient pas de réponse avant l'outil."),
        (2, "À Bourg-Joli, 40 % des courriers recevaient une réponse avant l'outil."),
    ])
    checks = build_checks(extract_figures(sentences), sentences)
    assert list(checks["kind"]) == ["contradiction"]


def test_markdown_is_escaped(checks):
    text = vigilance_markdown(checks)
    assert "Contradiction" in text and "\u00a0»" in text
    hostile = checks.head(1).assign(message="<script>alert(1)</script> [x](http://e)",
                                    kind="divergence")
    escaped = vigilance_markdown(hostile)
    assert "<script>" not in escaped and "\\[x\\]" in escaped
    shown = checks_display(checks)  # the type as row header, its label in the corner cell
    assert [shown.columns.name, *shown.columns] == ["Type", "Documents", "Valeurs", "Sujet",
                                                    "Message"]


def test_french_values():
    assert french_value(1.5e9, "EUR") == "1,5\u00a0milliard\u00a0€"
    assert french_value(400, "count", 600) == "400 à 600"
    assert french_value(30, "%") == "30\u00a0%"


@pytest.mark.parametrize(("sentence", "figure", "item"), [
    ("La rénovation coûte de 1 500 à 2 000 euros par mètre carré.", "2 000 euros", "metre carre"),
    ("Cela coûte 1 500 €/m² en moyenne.", "1 500 €", "metre carre"),
    ("Le coût est de 30 € HT le mètre carré.", "30 €", "metre carre"),
    ("La dépense atteint 300 euros par an et par habitant.", "300 euros", "habitant"),
    ("Le coût par élève est de 8 000 euros.", "8 000 euros", "eleve"),
    ("Chaque commune recevra 20 000 euros.", "20 000 euros", "commune"),
    ("Les trois villes recevront 20 000 euros chacune.", "20 000 euros", "chacun"),
    # wholes: a period is `per`, « par » + determiner is an agent, « par deux » a factor
    ("La commune dépense 40 milliards d'euros par an.", "40 milliards d'euros", ""),
    ("Chaque année, la commune dépense 2 millions d'euros.", "2 millions d'euros", ""),
    ("Un budget de 2 millions d'euros financé par la région.", "2 millions d'euros", ""),
    ("Le budget a été multiplié par deux et atteint 4 millions d'euros.", "4 millions d'euros",
     ""),
    ("Le budget atteint 4 millions d'euros par rapport à 2020.", "4 millions d'euros", ""),
])
def test_item_a_quantity_is_counted_per(sentence, figure, item):
    start = sentence.index(figure)
    assert per_item(sentence, start, start + len(figure)) == item


def test_a_total_and_a_unit_price_are_not_two_estimates():
    """« 40 Md€ » and « 1 500–2 000 € par m² », each attributed to its source, in one document:
    not « estimations divergentes » (they were before quantity kinds); two totals still are."""
    sentences = _frame([
        (1, "La rénovation énergétique des écoles publiques coûterait 40 milliards d'euros "
            "selon la Banque des territoires."),
        (1, "Selon la Fédération du bâtiment, la rénovation énergétique des écoles coûte de "
            "1 500 à 2 000 euros par mètre carré."),
        (2, "La rénovation énergétique des écoles publiques coûterait 40 milliards d'euros "
            "selon la Banque des territoires."),
        (2, "Selon la Fédération du bâtiment, la rénovation énergétique des écoles publiques "
            "coûterait 25 milliards d'euros."),
    ])
    checks = build_checks(extract_figures(sentences), sentences)
    estimates = checks[checks["kind"] == "estimations_divergentes"]
    assert list(estimates["docs"]) == ["2"]
    assert not checks["values"].str.contains("1\u00a0500").any()


def _parts(checks: pd.DataFrame) -> pd.DataFrame:
    return checks[checks["kind"] == "total_et_parties"]


def test_a_whole_and_parts_that_do_not_add_up_in_one_sentence():
    sentences = _frame([
        (1, "Le plan de rénovation des écoles de Zorgville est doté de 2 milliards d'euros : "
            "800 millions d'euros pour l'isolation, 700 millions d'euros pour le chauffage et "
            "300 millions d'euros pour la ventilation."),
        (2, "La commune a investi 300 000 euros pour les écoles et 200 000 euros pour les "
            "crèches, soit 600 000 euros au total."),
        (3, "Le parc compte 1 200 agents, dont 700 agents administratifs et 800 agents "
            "techniques."),
        # they add up, or a partial list stays under its whole, or a series is no breakdown
        (4, "L'État a débloqué 4,1 millions d'euros pour la vidéoprotection (1,9 million "
            "d'euros pour les stades, 1 million d'euros pour les villages et 1,2 million "
            "d'euros pour les camps de base)."),
        (5, "Le réseau compte 1 200 agents, dont 700 agents administratifs."),
        (6, "Le budget passe de 1 million d'euros en 2022 à 3 millions d'euros en 2023 et "
            "4 millions d'euros en 2024."),
    ])
    figures = extract_figures(sentences)
    found = _parts(build_checks(figures, sentences))
    assert list(found["docs"]) == ["1", "2", "3"]
    first = found.iloc[0]
    assert first["values"] == ("2\u00a0milliards\u00a0€ / 800\u00a0millions\u00a0€ + "
                               "700\u00a0millions\u00a0€ + 300\u00a0millions\u00a0€ = "
                               "1,8\u00a0milliard\u00a0€")
    assert "et non 2\u00a0milliards\u00a0€" in first.message
    assert len(first.figure_id_b.split(";")) == 3
    assert "plus que ce total" in found.iloc[2].message  # « dont »: the parts exceed it


def test_a_whole_in_one_document_split_in_another():
    sentences = _frame([
        (1, "La région consacre 5 millions d'euros au plan vélo de Trifouilly."),
        (1, "Cette enveloppe se répartit ainsi : 2 millions d'euros pour les pistes, "
            "1 million d'euros pour les parkings et 1,5 million d'euros pour la communication."),
        (2, "Le plan vélo de Trifouilly est doté de 6 millions d'euros par la région."),
        (3, "Le plan vélo de Trifouilly se répartit entre 2 millions d'euros pour les pistes, "
            "1,5 million d'euros pour les parkings et 1,5 million d'euros pour la "
            "communication."),
    ])
    checks = build_checks(extract_figures(sentences), sentences)
    found = _parts(checks)
    # doc. 1 splits its own 5 M€ (the anaphora « cette enveloppe ») into 4,5 M€; doc. 3
    # splits into 5 M€ the plan that doc. 2 puts at 6 M€
    assert sorted(found["docs"]) == ["1", "2;3"]
    cross = found[found["docs"] == "2;3"].iloc[0]
    assert "Le document 2 donne un total de 6\u00a0millions\u00a0€, que le document 3 " \
           "répartit" in cross.message
    # the whole of one document is never « divergent » from a part of another; two wholes
    # (5 and 6 M€) and two parts (1 and 1,5 M€ for the parkings) are
    divergences = checks[checks["kind"] == "divergence"]
    assert sorted(divergences["values"]) == [
        "1\u00a0million\u00a0€ (doc. 1) / 1,5\u00a0million\u00a0€ (doc. 3)",
        "5\u00a0millions\u00a0€ (doc. 1) / 6\u00a0millions\u00a0€ (doc. 2)"]
