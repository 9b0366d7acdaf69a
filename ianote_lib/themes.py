"""Themes of the dossier: a lexicon the analyst edits (`resources/themes.yaml`) scored per
document, per 1 000 words so that long and short documents compare."""

from __future__ import annotations

import re
from functools import cache

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.config import load_yaml
from ianote_lib.keywords import document_texts
from ianote_lib.plots import docs_label, french_number
from ianote_lib.textnorm import fold, word_count

THEME_COLUMNS = ["doc", "theme", "label", "score", "hits", "weighted_hits", "n_words",
                 "sentence_share"]


@cache
def theme_lexicon() -> dict[str, dict]:
    """{theme: {"label": str, "terms": [(compiled regex, weight)]}} from `themes.yaml`."""
    data = load_yaml("themes.yaml")["themes"]
    return {name: {"label": spec["label"],
                   "terms": [(re.compile(term), float(weight)) for term, weight in spec["terms"]]}
            for name, spec in data.items()}


def score_text(text: str, sentences: list[str] | None = None) -> dict[str, dict]:
    """Per theme: hits, weighted hits, score per 1 000 words, share of sentences it touches."""
    folded = fold(text)
    n_words = max(word_count(text), 1)
    folded_sentences = [fold(s) for s in (sentences or [])]
    out = {}
    for name, spec in theme_lexicon().items():
        hits = weighted = 0.0
        for pattern, weight in spec["terms"]:
            n = len(pattern.findall(folded))
            hits += n
            weighted += weight * n
        touched = sum(1 for s in folded_sentences if any(p.search(s) for p, _ in spec["terms"]))
        out[name] = {"label": spec["label"], "hits": int(hits), "weighted_hits": weighted,
                     "n_words": n_words, "score": round(1000 * weighted / n_words, 2),
                     "sentence_share": round(touched / len(folded_sentences), 3)
                     if folded_sentences else 0.0}
    return out


def build_themes(sentences: pd.DataFrame) -> pd.DataFrame:
    """The `themes` table: doc × theme, score = weighted term hits per 1 000 words."""
    texts = document_texts(sentences)
    rows = []
    for doc, text in texts.items():
        doc_sentences = sentences[(sentences["doc"] == doc)
                                  & sentences["kind"].isin(("sentence", "bullet"))]["text"]
        for theme, values in score_text(text, list(doc_sentences)).items():
            rows.append({"doc": doc, "theme": theme, **values})
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def theme_matrix(themes: pd.DataFrame) -> pd.DataFrame:
    """Documents × themes (French labels) of scores."""
    labels = {t: s["label"] for t, s in theme_lexicon().items()}
    matrix = themes.pivot(index="doc", columns="theme", values="score")
    matrix = matrix[[t for t in labels if t in matrix.columns]]
    return matrix.rename(columns=labels)


def top_documents(themes: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """For each theme, the `n` documents that carry it most (score > 0)."""
    rows = []
    for theme, group in themes.groupby("theme", sort=False):
        best = group[group["score"] > 0].sort_values(["score", "doc"], ascending=[False, True])
        rows.append({"theme": theme, "label": group["label"].iloc[0],
                     "documents": ", ".join(f"doc. {d} ({french_number(s, 1)})"
                                            for d, s in zip(best["doc"].head(n),
                                                            best["score"].head(n), strict=True))})
    return pd.DataFrame(rows)


def heatmap_figure(themes: pd.DataFrame) -> Figure:
    """Heatmap documents × themes (score per 1 000 words)."""
    matrix = theme_matrix(themes)
    fig, ax = plt.subplots(figsize=(12, 0.45 * len(matrix) + 2.5), dpi=100)
    image = ax.imshow(matrix.values, cmap="YlOrRd", aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=35, ha="right")
    ax.set_yticks(range(len(matrix.index)), [f"doc. {d}" for d in matrix.index])
    vmax = matrix.values.max() if matrix.size else 0
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = matrix.values[i, j]
            ax.text(j, i, french_number(value, 0), ha="center", va="center", fontsize=7,
                    color="white" if value > 0.6 * vmax else "#333")
    ax.set_title("Poids des thèmes dans chaque document (points pondérés pour 1\u202f000 mots)")
    fig.colorbar(image, ax=ax, shrink=0.7, label="Score pour 1\u202f000 mots")
    fig.text(0.01, 0.0, docs_label(matrix.index), fontsize=8, color="#555")
    fig.tight_layout()
    return fig
