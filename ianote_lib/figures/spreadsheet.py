"""The key figures as analysts read them: French-headed tables and `chiffres_cles.xlsx`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.figures.category import category_labels
from ianote_lib.figures.checks import checks_table
from ianote_lib.figures.values import UNIT_LABELS
from ianote_lib.reports.display import LONG_CELL, display_table, excerpt
from ianote_lib.tables import atomic_write

FIGURE_HEADERS = {
    "doc": "Doc.", "page": "Page", "text": "Chiffre (texte)", "value": "Valeur",
    "value_high": "Valeur haute", "unit": "Unité", "per": "Par", "category": "Catégorie",
    "counted": "Objet compté", "subject": "Sujet", "qualifier": "Précision",
    "sentence_id": "Réf. phrase", "figure_id": "Réf. chiffre",
}
SENTENCE_TEXT = "Phrase"
# units as a reader writes them (the table keeps the codes of the output contract)
UNIT_DISPLAY = {**UNIT_LABELS, "count": "nombre", "other": "autre", "year": "an(s)"}
PER_LABELS = {"day": "jour", "month": "mois", "year": "an", "": ""}
QUALIFIER_LABELS = {"min": "au moins", "max": "au plus", "approx": "environ", "exact": "",
                    "equivalence": "équivalence", "": ""}
# the categories the direction asked for, in the order of the notebook and the spreadsheet
DIRECTION_GROUPS = {
    "Coûts et financements": ["cost", "funding"],
    "CO2": ["co2"],
    "Eau": ["water"],
    "Énergie": ["energy"],
    "Emploi": ["jobs"],
}


def figures_table(figures: pd.DataFrame, with_sentence: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """The figures with French headers and labels, values kept numeric (the spreadsheet's
    sheets); optionally the full sentence of each figure."""
    frame = figures.copy()
    for column, labels in (("category", category_labels()), ("per", PER_LABELS),
                           ("qualifier", QUALIFIER_LABELS), ("unit", UNIT_DISPLAY)):
        if column in frame.columns:
            frame[column] = frame[column].map(labels).fillna(frame[column])
    cols = [c for c in FIGURE_HEADERS if c in frame.columns]
    shown = frame[cols].rename(columns=FIGURE_HEADERS)
    if with_sentence is not None:
        texts = dict(zip(with_sentence["sentence_id"], with_sentence["text"], strict=False))
        shown[SENTENCE_TEXT] = figures["sentence_id"].map(texts).to_numpy()
    return shown.reset_index(drop=True)


def figures_display(figures: pd.DataFrame, with_sentence: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """The figures table as the report shows it (`reports.display.display_table`): French numbers,
    empty cells for missing values, the document as row header, a long sentence cut around its
    figure."""
    shown = figures_table(figures, with_sentence)
    if SENTENCE_TEXT in shown.columns:
        shown[SENTENCE_TEXT] = [
            excerpt(text, LONG_CELL, around=figure) if isinstance(text, str) else text
            for text, figure in zip(shown[SENTENCE_TEXT], figures["text"], strict=True)]
    return display_table(shown, FIGURE_HEADERS["doc"])


def group_table(figures: pd.DataFrame, categories: list[str],
                sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures of some categories, each row with its document, for display."""
    subset = figures[figures["category"].isin(categories)].sort_values(["doc", "sentence_id"])
    cols = ["doc", "page", "text", "value", "value_high", "unit", "per", "category", "subject",
            "sentence_id"]
    return figures_display(subset[cols], sentences)


def write_spreadsheet(figures: pd.DataFrame, path: str | Path,
                      sentences: pd.DataFrame | None = None,
                      checks: pd.DataFrame | None = None) -> Path:
    """`chiffres_cles.xlsx`: all figures, then one sheet per category (and the checks).
    Written to a temporary file first and moved into place."""
    labels = category_labels()

    def write(tmp: str) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            figures_table(figures, sentences).to_excel(writer, sheet_name="Tous les chiffres",
                                                       index=False)
            for category in load_yaml("figure_categories.yaml")["categories"]:
                subset = figures[figures["category"] == category]
                if subset.empty:
                    continue
                figures_table(subset, sentences).to_excel(
                    writer, sheet_name=labels.get(category, category)[:31], index=False)
            if checks is not None and not checks.empty:
                checks_table(checks, with_concordances=True).to_excel(
                    writer, sheet_name="Points de vigilance", index=False)
            for sheet in writer.sheets.values():
                for column in sheet.columns:
                    width = max(len(str(c.value or "")) for c in column[:50])
                    sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)

    return atomic_write(Path(path), write, suffix=".xlsx")
