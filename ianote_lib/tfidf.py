"""TF-IDF document-term matrices, without importing scikit-learn.

scikit-learn's import pulls in SciPy's statistics (over a second on two cores) and every notebook
kernel that needed a TF-IDF matrix paid it. `tfidf_matrix` computes exactly what
`sklearn.feature_extraction.text.TfidfVectorizer(analyzer=..., sublinear_tf=...).fit_transform`
does with its default smoothing and l2 norm (same vocabulary order, same sparse structure, same
floating-point operations in the same order), with NumPy and `scipy.sparse` only; the tests
check that both give identical matrices on the dossier. scikit-learn stays the reference (and
the automatic plan's k-means).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

_DEFAULT_TOKEN = r"(?u)\b\w\w+\b"


def token_analyzer(pattern: str = _DEFAULT_TOKEN, lowercase: bool = True
                   ) -> Callable[[str], list[str]]:
    """The analyzer TfidfVectorizer builds from `token_pattern` and `lowercase` (no n-grams,
    no stop words, no accent stripping)."""
    compiled = re.compile(pattern)

    def analyze(doc: str) -> list[str]:
        return compiled.findall(doc.lower() if lowercase else doc)

    return analyze


def tfidf_matrix(
    documents: Iterable[Any],
    analyzer: Callable[[Any], Sequence[str]],
    sublinear_tf: bool = False,
) -> tuple[Any, np.ndarray]:
    """(CSR matrix documents × terms, terms in alphabetical order) of smoothed, l2-normalised
    TF-IDF weights: idf = ln((1 + n) / (1 + df)) + 1, tf = count (or 1 + ln(count) when
    `sublinear_tf`). Raise ValueError on an empty vocabulary, as scikit-learn does."""
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    j_indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for doc in documents:
        counter: dict[int, int] = {}
        for feature in analyzer(doc):
            index = vocabulary.setdefault(feature, len(vocabulary))
            counter[index] = counter.get(index, 0) + 1
        j_indices.extend(counter.keys())
        values.extend(counter.values())
        indptr.append(len(j_indices))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    index_dtype = np.int32 if indptr[-1] <= np.iinfo(np.int32).max else np.int64
    counts = sp.csr_array(
        (np.asarray(values, dtype=np.intc), np.asarray(j_indices, dtype=index_dtype),
         np.asarray(indptr, dtype=index_dtype)),
        shape=(len(indptr) - 1, len(vocabulary)), dtype=np.float64)
    counts.sort_indices()
    matrix = sp.csr_matrix(counts)
    # terms in alphabetical order (column indices remapped, as scikit-learn does)
    terms = sorted(vocabulary)
    map_index = np.empty(len(terms), dtype=matrix.indices.dtype)
    for new, term in enumerate(terms):
        map_index[vocabulary[term]] = new
    matrix.indices = map_index.take(matrix.indices, mode="clip")
    # smoothed inverse document frequency
    n_samples = matrix.shape[0] + 1
    df = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=n_samples, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    if sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    _normalize_rows_l2(matrix)
    return matrix, np.asarray(terms, dtype=object)


def _normalize_rows_l2(matrix: Any) -> None:
    """Divide each row by its Euclidean norm, in place; the squares are summed one after the
    other in storage order (as scikit-learn's compiled loop does, so the results are equal to
    the last bit)."""
    data, indptr = matrix.data, matrix.indptr
    for i in range(matrix.shape[0]):
        start, end = int(indptr[i]), int(indptr[i + 1])
        total = 0.0
        for value in data[start:end].tolist():
            total += value * value
        if total == 0.0:
            continue
        data[start:end] /= math.sqrt(total)
