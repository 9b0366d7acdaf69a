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
from ianote_lib.figures.values import french_value


@pytest.fixture(scope="module")
def checks(sentences) -> pd.DataFrame:
    return build_checks(extract_figures(sentences), sentences)


def _sentence(sentences, sid: str) -> str:
    return sentences.set_index("sentence_id").loc[sid, "text"]


def test_columns(checks):
    assert list(checks.columns) == CHECK_COLUMNS
    assert set(checks["kind"]) <= {"contradiction", "divergence", "estimations_divergentes",
                                   "ordre_de_grandeur", "incoherence_interne", "concordance"}


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
