"""Themes: per-length scores, the table on the dossier, the heatmap."""

from __future__ import annotations

import pytest

from ianote_lib.topics.themes import (
    build_themes,
    heatmap_figure,
    score_text,
    theme_lexicon,
    theme_matrix,
    top_documents,
)

TEXT = ("La CNIL rappelle que le RGPD s'applique aux données personnelles. "
        "La formation des agents est une condition du déploiement. ")


def test_scores_do_not_depend_on_length():
    once = score_text(TEXT)
    thrice = score_text(TEXT * 3)
    for theme in theme_lexicon():
        assert thrice[theme]["hits"] == 3 * once[theme]["hits"]
        assert thrice[theme]["score"] == pytest.approx(once[theme]["score"], rel=1e-6)


def test_short_dense_text_outscores_long_diluted_one():
    filler = " Le texte parle ensuite d'autre chose sans rapport." * 40
    dense, diluted = score_text(TEXT)["donnees"], score_text(TEXT + filler)["donnees"]
    assert dense["hits"] == diluted["hits"]
    assert dense["score"] > 3 * diluted["score"]


def test_lexicon_has_the_themes_of_the_note():
    labels = {spec["label"] for spec in theme_lexicon().values()}
    assert len(labels) == 12
    assert "IA générative" in labels and "Souveraineté" in labels


@pytest.fixture(scope="module")
def themes(sentences):
    return build_themes(sentences)


def test_themes_table(themes, dossier):
    assert len(themes) == len(dossier.documents) * len(theme_lexicon())
    assert (themes["score"] >= 0).all()
    matrix = theme_matrix(themes)
    assert matrix["Environnement et empreinte"].idxmax() == 12  # the carbon-footprint article
    assert matrix["Éthique et biais"].idxmax() == 13  # the ethics article
    assert matrix["Compétences et formation"].idxmax() == 3  # the training article
    assert matrix["Données personnelles et cybersécurité"].idxmax() == 10  # RGPD et IA


def test_top_documents_and_heatmap(themes):
    top = top_documents(themes)
    assert top.set_index("theme").loc["couts", "documents"].startswith("doc. 9 ")
    fig = heatmap_figure(themes)
    assert "1\u202f000 mots" in fig.axes[0].get_title()
