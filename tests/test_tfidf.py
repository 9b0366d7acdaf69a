"""Our TF-IDF matrices are scikit-learn's, to the last bit, on the dossier's own inputs."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.tfidf import tfidf_matrix, token_analyzer
from ianote_lib.topics.keywords import document_tokens


def _assert_identical(ours, vocab, vectorizer: TfidfVectorizer, theirs) -> None:
    assert list(vocab) == list(vectorizer.get_feature_names_out())
    assert type(ours) is type(theirs)
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)  # same storage order, not just values
    assert ours.data.dtype == theirs.data.dtype
    assert np.array_equal(ours.data, theirs.data)
    assert np.array_equal((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray())


@pytest.fixture(scope="module")
def quotable(sentences) -> list[str]:
    return sentences[sentences["kind"].isin(["sentence", "bullet"])]["text"].tolist()


@pytest.mark.parametrize("sublinear", [False, True])
def test_callable_analyzer_on_sentences(quotable, sublinear):
    vectorizer = TfidfVectorizer(analyzer=content_lemmas, sublinear_tf=sublinear)
    theirs = vectorizer.fit_transform(quotable)
    ours, vocab = tfidf_matrix(quotable, content_lemmas, sublinear_tf=sublinear)
    assert ours.shape[0] == len(quotable) > 500
    _assert_identical(ours, vocab, vectorizer, theirs)


def test_token_pattern_analyzer(quotable):
    vectorizer = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True)
    theirs = vectorizer.fit_transform(quotable)
    ours, vocab = tfidf_matrix(quotable, token_analyzer(r"\S+"), sublinear_tf=True)
    _assert_identical(ours, vocab, vectorizer, theirs)
    default = TfidfVectorizer()
    ours, vocab = tfidf_matrix(quotable, token_analyzer())
    _assert_identical(ours, vocab, default, default.fit_transform(quotable))


def test_token_lists_with_bigrams(sentences):
    doc_tokens = document_tokens(sentences)

    def analyzer(toks: list[str]) -> list[str]:
        return list(toks) + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]

    docs = [doc_tokens[d] for d in sorted(doc_tokens)]
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    theirs = vectorizer.fit_transform(docs)
    ours, vocab = tfidf_matrix(docs, analyzer, sublinear_tf=True)
    _assert_identical(ours, vocab, vectorizer, theirs)


def test_empty_vocabulary_is_refused():
    with pytest.raises(ValueError, match="empty vocabulary"):
        tfidf_matrix(["", "  "], token_analyzer())
