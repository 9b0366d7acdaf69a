"""`ianote ask`: the dossier's passages that answer a question, on the embedded dossier."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ianote_lib.figures.extraction import extract_figures
from ianote_lib.topics.passages import PASSAGE_COLUMNS, ask, passages_text

ROOT = Path(__file__).resolve().parents[1]


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


def _ianote(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ianote_lib", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_ianote_ask_prints_the_passages_and_writes_a_new_table(tmp_path):
    table = tmp_path / "amendes.csv"
    done = _ianote("ask", "amendes prévues par le règlement européen", "--top", "4",
                   "--csv", str(table))
    assert done.returncode == 0, done.stderr
    assert "Doc.\u00a08 — AI Act" in done.stdout and "35 millions" in done.stdout
    written = pd.read_csv(table)
    assert list(written.columns) == PASSAGE_COLUMNS and 1 <= len(written) <= 4
    again = _ianote("ask", "amendes", "--csv", str(table))      # never overwritten
    assert again.returncode == 2 and "existe déjà" in again.stderr
    assert "Traceback" not in again.stderr
    assert pd.read_csv(table).equals(written)


def test_ianote_ask_refuses_a_missing_dossier(tmp_path):
    done = _ianote("ask", "amendes", "--dossier", str(tmp_path / "absent.pdf"))
    assert done.returncode == 2 and "introuvable" in done.stderr
    assert "Traceback" not in done.stderr
