"""Themes of the dossier: a lexicon the analyst edits (`resources/themes.yaml`) scored per
document, per 1 000 words so that long and short documents compare.

The lexicon is written for one kind of commande: it declares, like the plans, the objects it fits
(`applies_to`: patterns that must all match the commande's object). On a dossier about something
else the configured themes would describe little of it; the themes are then derived from the
dossier itself (`derive_themes`): its paragraphs grouped by vocabulary, each group named by the
dossier's own titles (`topics.clustering`) and described by its heaviest lemmas, scored the same
way (weighted hits per 1 000 words). The `origin` column says which: `lexique` or `dossier`."""

from __future__ import annotations

import re
import textwrap
from functools import cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import NBSP, fold, word_count
from ianote_lib.fr.numbers import french_number
from ianote_lib.reports.plots import docs_label
from ianote_lib.safe_text import md_escape
from ianote_lib.topics import clustering as dt
from ianote_lib.topics.keywords import document_texts

THEME_FIT = 0.35     # a title of the dossier names a derived theme only if it fits it this well
LOW_COVERAGE = 0.5   # below this share of sentences, the lexicon describes little of the dossier
THEME_COLUMNS = ["doc", "theme", "label", "score", "hits", "weighted_hits", "n_words",
                 "sentence_share", "origin"]
LEXICON, DOSSIER = "lexique", "dossier"


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


def lexicon_applies(objet: str | None) -> bool:
    """Whether the configured lexicon fits the commande's object: every `applies_to` pattern
    of `themes.yaml` matches it (no pattern: it fits any commande)."""
    patterns = load_yaml("themes.yaml").get("applies_to") or []
    return all(re.search(p, objet or "", re.IGNORECASE) for p in patterns)


def build_themes(sentences: pd.DataFrame, objet: str | None = None) -> pd.DataFrame:
    """The `themes` table: doc × theme, score = weighted term hits per 1 000 words; themes of
    the configured lexicon, or derived from the dossier when `objet` (the commande's object)
    is given and the lexicon does not fit it."""
    if objet is not None and not lexicon_applies(objet):
        return derive_themes(sentences)
    texts = document_texts(sentences)
    rows = []
    for doc, text in texts.items():
        doc_sentences = sentences[(sentences["doc"] == doc)
                                  & sentences["kind"].isin(("sentence", "bullet"))]["text"]
        for theme, values in score_text(text, list(doc_sentences)).items():
            rows.append({"doc": doc, "theme": theme, **values, "origin": LEXICON})
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def derive_themes(sentences: pd.DataFrame, k: int | None = None, seed: int = 0
                  ) -> pd.DataFrame:
    """Themes of the dossier in its own words: its paragraphs grouped by vocabulary (k groups,
    about one per twelve paragraphs, from 3 to 8), each named by the dossier's title that fits it
    best (else by its most typical noun phrases) and described by its ten heaviest lemmas.
    A document's score is the weighted count of those lemmas per 1 000 of its words;
    `sentence_share` is the share of its sentences that fall in the group."""
    units = dt.paragraph_units(sentences)
    if len(units) < 3:
        return pd.DataFrame(columns=THEME_COLUMNS)
    k = k or min(8, max(3, round(len(units) / 12)))
    labels = dt.cluster(units.matrix, k, seed)
    groups = sorted(set(labels), key=lambda c: (-int((labels == c).sum()), c))
    quotable = sentences[sentences["kind"].isin(dt.QUOTABLE)]
    texts = quotable["text"].astype(str).tolist()
    candidates = dt.title_candidates(sentences)
    acro, forms, counts = dt.acronyms(texts), dt.surface_forms(texts), dt.phrases_of(texts)
    used: set[str] = set()
    specs = []
    overall = np.asarray(units.matrix.mean(axis=0)).ravel()
    for n, c in enumerate(groups, start=1):
        members = [i for i, lab in enumerate(labels) if lab == c]
        group = {sid for i in members for sid in units.sentence_ids[i]}
        # the lemmas that set the group apart (its centroid above the dossier's mean), not the
        # words the whole dossier uses
        centroid = np.asarray(units.matrix[members].mean(axis=0)).ravel()
        terms = dt.top_terms(np.clip(centroid - overall, 0, None), units.vocab, 10)
        label = dt.best_title(group, candidates, used, min_fit=THEME_FIT)
        if not label:
            phrases = dt.typical_phrases([units.texts[i] for i in members], counts, used, 2,
                                         acro=acro)
            used.update(phrases)
            label = dt.join_phrases(phrases, forms, empty=", ".join(list(terms)[:3]))
        used.add(label)
        specs.append((f"theme_{n:02d}", label, terms, group))
    doc_text = document_texts(sentences)
    rows = []
    for doc, text in doc_text.items():
        lemmas = dt.topic_lemmas(text)
        n_words = max(word_count(text), 1)
        ids = set(quotable.loc[quotable["doc"] == doc, "sentence_id"].astype(str))
        for theme, label, terms, group in specs:
            hits = sum(1 for lem in lemmas if lem in terms)
            weighted = sum(terms[lem] for lem in lemmas if lem in terms)
            rows.append({"doc": doc, "theme": theme, "label": label, "hits": hits,
                         "weighted_hits": round(weighted, 2), "n_words": n_words,
                         "score": round(1000 * weighted / n_words, 2),
                         "sentence_share": round(len(ids & group) / len(ids), 3) if ids else 0.0,
                         "origin": DOSSIER})
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def coverage(sentences: pd.DataFrame) -> float:
    """Share of the dossier's quotable sentences that hold at least one term of the configured
    lexicon: how much of the dossier its themes describe."""
    quotable = sentences[sentences["kind"].isin(("sentence", "bullet"))]["text"]
    if quotable.empty:
        return 0.0
    patterns = [p for spec in theme_lexicon().values() for p, _ in spec["terms"]]
    touched = sum(1 for folded in map(fold, quotable) if any(p.search(folded) for p in patterns))
    return touched / len(quotable)


def themes_summary(themes: pd.DataFrame, sentences: pd.DataFrame, objet: str = "") -> str:
    """A French paragraph saying where the themes come from and how much of the dossier the
    configured lexicon describes (Markdown; the commande's object is escaped)."""
    share = coverage(sentences)
    percent = f"{round(100 * share)}{NBSP}%"
    if themes.empty:
        return "Le dossier est trop court pour en dégager des thèmes."
    if (themes["origin"] == DOSSIER).any():
        about = f"« {md_escape(objet)} »" if objet else "l'objet de la commande"
        return (f"Le lexique des thèmes (`themes.yaml`) ne correspond pas à {about}{NBSP}: "
                f"ses termes ne touchent que {percent} des phrases du dossier. Les "
                f"{themes['theme'].nunique()} thèmes ci-dessous sont donc **tirés du dossier "
                f"lui-même**{NBSP}: ses paragraphes regroupés par vocabulaire, chaque groupe "
                "nommé par l'intertitre ou le titre du dossier qui lui correspond le mieux et "
                "décrit par ses lemmes les plus lourds.")
    warning = ("" if share >= LOW_COVERAGE else
               f" C'est peu{NBSP}: une bonne part du dossier parle d'autre chose que les thèmes "
               "du lexique, qu'il faudrait compléter.")
    return (f"Les thèmes viennent du lexique `themes.yaml`{NBSP}; ses termes touchent "
            f"{percent} des phrases du dossier.{warning}")


def theme_matrix(themes: pd.DataFrame) -> pd.DataFrame:
    """Documents × themes (French labels) of scores, in the table's order of themes."""
    labels = dict(zip(themes["theme"], themes["label"], strict=True))
    matrix = themes.pivot(index="doc", columns="theme", values="score")
    matrix = matrix[[t for t in labels if t in matrix.columns]]
    return matrix.rename(columns=labels)


def top_documents(themes: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """For each theme, the `n` documents that carry it most (score > 0)."""
    rows = []
    for theme, group in themes.groupby("theme", sort=False):
        best = group[group["score"] > 0].sort_values(["score", "doc"], ascending=[False, True])
        rows.append({"theme": theme, "label": group["label"].iloc[0],
                     "documents": ", ".join(f"doc. {d} ({french_number(s, 1, fixed=True)})"
                                            for d, s in zip(best["doc"].head(n),
                                                            best["score"].head(n), strict=True))})
    return pd.DataFrame(rows, columns=["theme", "label", "documents"])


def heatmap_figure(themes: pd.DataFrame) -> Figure | None:
    """Heatmap documents × themes (score per 1 000 words); None when there is no theme."""
    if themes.empty:
        return None
    matrix = theme_matrix(themes)
    fig, ax = plt.subplots(figsize=(12, 0.45 * len(matrix) + 2.5), dpi=100)
    image = ax.imshow(matrix.values, cmap="YlOrRd", aspect="auto")
    ax.set_xticks(range(len(matrix.columns)),
                  [textwrap.shorten(str(c), 40, placeholder="…") for c in matrix.columns],
                  rotation=35, ha="right")
    ax.set_yticks(range(len(matrix.index)), [f"doc. {d}" for d in matrix.index])
    vmax = matrix.values.max() if matrix.size else 0
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = matrix.values[i, j]
            ax.text(j, i, french_number(value, 0, fixed=True), ha="center", va="center", fontsize=7,
                    color="white" if value > 0.6 * vmax else "#333")
    ax.set_title("Poids des thèmes dans chaque document (points pondérés pour 1\u202f000 mots)")
    fig.colorbar(image, ax=ax, shrink=0.7, label="Score pour 1\u202f000 mots")
    fig.text(0.01, 0.0, docs_label(matrix.index), fontsize=8, color="#555")
    fig.tight_layout()
    return fig
