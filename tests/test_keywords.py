"""Keywords and word clouds: lemmas, no stop words or URL pieces, deterministic clouds."""

from __future__ import annotations

import numpy as np
import pytest

from ianote_lib.fr.normalize import fold
from ianote_lib.fr.stopwords import keyword_stop_words
from ianote_lib.topics.keywords import (
    document_tokens,
    font_path,
    frequencies,
    is_boilerplate,
    keywords_table,
    tokens,
    wordcloud_image,
    wordcloud_images,
)


def test_tokens_are_lemmas_without_stop_words_or_urls():
    text = ("Les données personnelles des usagers sont protégées par la CNIL : voir "
            "https://www.cnil.fr/fr/intelligence-artificielle et www.europarl.europa.eu.")
    toks = tokens(text)
    assert "données personnelles" in toks and "usager" in toks and "CNIL" in toks
    assert not {"les", "des", "sont", "par", "la"} & set(toks)
    assert not [t for t in toks if t in {"https", "www", "cnil.fr", "fr", "europa", "eu"}]


def test_boilerplate_lines():
    assert is_boilerplate("Publié le 3 octobre 2023 pour Localtis")
    assert is_boilerplate("(Crédit : Noname13/Pixabay)")
    assert not is_boilerplate("La commune utilise un assistant conversationnel.")


@pytest.fixture(scope="module")
def doc_tokens(sentences):
    return document_tokens(sentences)


def test_wordcloud_frequencies_are_clean(doc_tokens):
    freqs = frequencies(doc_tokens.values())
    assert len(freqs) >= 50
    words = set(freqs)
    assert not {fold(w) for w in words} & keyword_stop_words()
    assert not [w for w in words if any(p in w.lower() for p in ("http", "www", ".fr", "/"))]
    assert not [w for w in words if w.isdigit()]
    assert "IA" not in words  # the dossier's subject is left out of the clouds
    assert "donnée" in words  # lemmas: « données » -> « donnée »
    for doc, toks in doc_tokens.items():
        per_doc = frequencies([toks], top=60)
        assert per_doc, doc
        assert not {fold(w) for w in per_doc} & keyword_stop_words()
        assert "publier" not in per_doc and "crédit" not in per_doc


def test_keywords_per_document(doc_tokens):
    table = keywords_table(doc_tokens, top=10)
    assert set(table["doc"]) == set(doc_tokens)
    assert table.groupby("doc")["rank"].max().max() == 10
    kw12 = set(table[table["doc"] == 12]["keyword"])
    assert {"empreinte carbone", "électricité"} & kw12
    kw11 = set(table[table["doc"] == 11]["keyword"])
    assert "fuite" in kw11


def test_wordcloud_is_deterministic_and_has_a_french_font():
    freqs = {"donnée": 10, "éthique": 7, "collectivité": 5, "œuvre": 3}
    a, b = wordcloud_image(freqs, 200, 120), wordcloud_image(freqs, 200, 120)
    assert np.array_equal(a, b)
    assert font_path().endswith("DejaVuSans.ttf")


def test_wordclouds_drawn_in_parallel_are_the_same(doc_tokens):
    freqs = {doc: frequencies([toks], top=30) for doc, toks in list(doc_tokens.items())[:4]}
    serial = wordcloud_images(freqs, 260, 140, processes=1)
    parallel = wordcloud_images(freqs, 260, 140, processes=2)
    assert list(serial) == list(parallel) == list(freqs)
    for doc in freqs:
        assert np.array_equal(serial[doc], parallel[doc])
        assert np.array_equal(serial[doc], wordcloud_image(freqs[doc], 260, 140))
