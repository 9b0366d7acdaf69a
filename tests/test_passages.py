"""`ianote ask`: the dossier's passages that answer a question, on the embedded dossier."""

from __future__ import annotations

import pytest

from ianote_lib.figures.extraction import extract_figures
from ianote_lib.topics.passages import PASSAGE_COLUMNS, ask, passages_text


@pytest.fixture(scope="module")
def figures(dossier):
    return extract_figures(dossier.sentences)


def test_a_question_finds_the_sentence_that_answers_it(dossier, figures):
    found = ask("Quel est le montant des amendes prévues par le règlement européen ?",
                dossier.sentences, dossier.documents, figures)
    assert list(found.columns) == PASSAGE_COLUMNS
    fines = found[found["text"].str.contains("amendes pouvant aller jusqu'à 35 millions")]
    assert len(fines) == 1 and fines["doc"].iloc[0] == 8
    assert "35 millions" in fines["figures"].iloc[0]
    assert fines["citation"].iloc[0] == f"(doc.\u00a08, p.\u00a0{fines['page'].iloc[0]})"
    assert found["score"].is_monotonic_decreasing and found["rank"].tolist()[0] == 1
    assert not found["text"].isin(dossier.sentences.query("not quotable")["text"]).any()


def test_answers_are_grouped_by_document_in_the_terminal(dossier, figures):
    question = "Quelles villes utilisent un assistant conversationnel ?"
    found = ask(question, dossier.sentences, dossier.documents, figures, top=5)
    assert 1 <= len(found) <= 5 and 11 in set(found["doc"])
    text = passages_text(found, question)
    titles = dossier.documents.set_index("doc")["title"]
    for doc in found["doc"].unique():
        assert text.count(f"Doc.\u00a0{doc} — {titles[doc]}") == 1


def test_a_question_the_dossier_does_not_answer(dossier, figures):
    found = ask("Quelle est la recette du cassoulet ?", dossier.sentences, dossier.documents,
                figures)
    assert found.empty and list(found.columns) == PASSAGE_COLUMNS
    assert "Aucun passage" in passages_text(found, "Quelle est la recette du cassoulet ?")
    assert ask("le la les", dossier.sentences, dossier.documents).empty   # no content word
