"""A fact whose figure two documents give with close values is told with both; a wider gap
keeps both sentences out (`note.evidence.close_divergences`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ianote_lib.figures.checks import build_checks
from ianote_lib.figures.extraction import extract_figures
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.evidence import build_evidence
from ianote_lib.note.render import compose
from ianote_lib.reading.dossier import load_dossier

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" / \
    "numerique_territoires" / "articles"


@pytest.fixture(scope="module")
def folder():
    d = load_dossier(FOLDER)
    figures = extract_figures(d.sentences)
    return d, figures, build_checks(figures, d.sentences)


def test_close_values_are_a_divergence_to_tell_a_wide_gap_stays_out(folder):
    d, figures, checks = folder
    ev = build_evidence(d.sentences, d.documents, figures=figures, checks=checks)
    pairs = {(sid, div.other_id) for sid, div in ev.divergent.items()}
    told = {frozenset(p) for p in pairs}
    amounts = [div for div in ev.divergent.values() if "millions" in div.here]
    # the fund: 88 millions d'euros (doc. 7) against 90 millions (doc. 8)
    assert {a.here.split()[0] for a in amounts} == {"88", "90"}
    assert not any(sid in ev.excluded_by_checks for sid in ev.divergent)
    # 10 % of the small communes against 50 % of the larger ones: not one quantity
    wide = checks[(checks["kind"] == "divergence")
                  & ~checks.apply(lambda r: frozenset((r["sentence_id_a"], r["sentence_id_b"]))
                                  in told, axis=1)]
    assert len(wide) >= 1
    for row in wide.itertuples():
        assert {row.sentence_id_a, row.sentence_id_b} <= ev.excluded_by_checks


def test_the_note_tells_the_fund_with_both_amounts_and_cites_both_documents(folder):
    d, figures, checks = folder
    comp = compose(d.sentences, d.documents, d.commande, figures=figures, checks=checks,
                   plan="auto", date="2026-12-01")
    told = [s for p in comp.note.paragraphs for s in p.sentences
            if "Les sources divergent toutefois sur ce chiffre" in s.text]
    assert told, "the fund's amount is not told"
    sentence = told[0]
    assert "88 millions" in sentence.text and "90 millions" in sentence.text
    assert {7, 8} <= set(sentence.docs)
    assert comp.report.ok


@pytest.mark.parametrize("text", [
    "Le fonds a mobilisé 90 millions d'euros sur deux ans, ce qui a permis à 3 200 "
    "collectivités d'avancer.",
    "Il faut d'abord savoir ce que demandent les usagers des services en ligne.",
    "Il faut publier en ligne ce dont les habitants ont besoin pour leurs démarches.",
])
def test_ce_qui_and_ce_que_are_relatives_not_demonstratives(text):
    assert context_needs(text) == []


def test_ce_sont_still_points_back():
    assert context_needs("Par ailleurs, ce sont des projets concrets de simplification des "
                         "démarches comme l'inscription en crèche.")


def test_figures_of_two_periods_are_no_divergence_and_both_stay():
    """« 24 000 ha … chaque année sur la décennie 2011-2020 » against « 20 011 ha en
    2019-2020 »: the ZAN note told « Les sources divergent toutefois sur ce chiffre : 24 000 ha
    selon l'une, 20 011 ha selon l'autre »; two periods, not two values of one fact."""
    root = Path(__file__).resolve().parents[1]
    d = load_dossier(root / "benchmarks" / "dossiers" / "zero_artificialisation_nette" /
                     "dossier.txt")
    figures = extract_figures(d.sentences)
    checks = build_checks(figures, d.sentences)
    pair = checks[(checks["kind"] == "divergence")
                  & checks["sentence_b"].str.contains("24 000 ha", regex=False)
                  & checks["sentence_a"].str.contains("20 011 ha", regex=False)]
    assert len(pair) == 1       # the checks still show it to the analyst
    ids = {pair["sentence_id_a"].iloc[0], pair["sentence_id_b"].iloc[0]}
    ev = build_evidence(d.sentences, d.documents, figures=figures, checks=checks)
    assert not ids & set(ev.divergent) and not ids & ev.excluded_by_checks
