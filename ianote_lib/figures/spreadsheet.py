"""The key figures as analysts read them: French-headed tables and `chiffres_cles.xlsx`."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.figures.category import category_labels
from ianote_lib.figures.checks import checks_table
from ianote_lib.figures.values import UNIT_LABELS
from ianote_lib.fr.normalize import NBSP
from ianote_lib.reports.display import LONG_CELL, display_table, excerpt
from ianote_lib.reports.sheets import format_numbers, format_sheet, write_french_csv
from ianote_lib.tables import atomic_write

FIGURE_HEADERS = {
    "doc": "Doc.", "page": "Page", "text": "Chiffre (texte)", "value": "Valeur",
    "value_high": "Valeur haute", "unit": "Unité", "per": "Par", "category": "Catégorie",
    "counted": "Objet compté", "subject": "Sujet", "qualifier": "Précision",
    "sentence_id": "Réf. phrase", "figure_id": "Réf. chiffre",
}
SENTENCE_TEXT = "Phrase"
DOC_TITLE = "Titre du document"
# the spreadsheet's columns of long text (wrapped) and of values (with their unit's format)
WRAPPED = ("Chiffre (texte)", "Sujet", SENTENCE_TEXT, DOC_TITLE, "Message", "Valeurs",
           "Titres des documents")
VALUE_COLUMNS = ("Valeur", "Valeur haute")
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


def figures_table(figures: pd.DataFrame, with_sentence: pd.DataFrame | None = None,
                  documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures with French headers and labels, values kept numeric (the spreadsheet's
    sheets); optionally the full sentence of each figure, and the title of its document beside
    its number."""
    frame = figures.copy()
    for column, labels in (("category", category_labels()), ("per", PER_LABELS),
                           ("qualifier", QUALIFIER_LABELS), ("unit", UNIT_DISPLAY)):
        if column in frame.columns:
            frame[column] = frame[column].map(labels).fillna(frame[column])
    cols = [c for c in FIGURE_HEADERS if c in frame.columns]
    shown = frame[cols].rename(columns=FIGURE_HEADERS)
    if documents is not None and "doc" in figures.columns:
        titles = dict(zip(documents["doc"], documents["title"], strict=False))
        shown.insert(shown.columns.get_loc(FIGURE_HEADERS["doc"]) + 1, DOC_TITLE,
                     figures["doc"].map(titles).fillna("").to_numpy())
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


def _checks_sheet(checks: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """The « Points de vigilance » sheet: the checks with their documents' titles."""
    table = checks_table(checks, with_concordances=True)
    if documents is not None:
        titles = dict(zip(documents["doc"].astype(str), documents["title"], strict=False))
        listed = checks["docs"].fillna("").astype(str).str.split(";")
        table.insert(table.columns.get_loc("Documents") + 1, "Titres des documents", [
            f"{NBSP}; ".join(f"{d}{NBSP}: {titles[d]}" if titles.get(d) else d for d in docs if d)
            for docs in listed])
    return table


def _sheet_name(label: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, none of []:*?/\\)."""
    name = re.sub(r"[\[\]:*?/\\]", " ", label).strip()[:31] or "Feuille"
    base, n = name, 2
    while name in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name)
    return name


def write_spreadsheet(figures: pd.DataFrame, path: str | Path,
                      sentences: pd.DataFrame | None = None,
                      checks: pd.DataFrame | None = None,
                      documents: pd.DataFrame | None = None) -> Path:
    """`chiffres_cles.xlsx`: all figures, then one sheet per category, then the vigilance
    points (the checks). Every sheet has a bold, frozen header with filters, its long text
    wrapped, the document's title beside its number, and values that stay numbers with the
    number format of their unit. Written to a temporary file first and moved into place."""
    labels = category_labels()
    figures = figures.reset_index(drop=True)
    sheets: list[tuple[str, pd.DataFrame, pd.DataFrame | None]] = [
        ("Tous les chiffres", figures_table(figures, sentences, documents), figures)]
    for category in load_yaml("figure_categories.yaml")["categories"]:
        subset = figures[figures["category"] == category].reset_index(drop=True)
        if not subset.empty:
            sheets.append((labels.get(category, category),
                           figures_table(subset, sentences, documents), subset))
    if checks is not None and not checks.empty:
        sheets.append(("Points de vigilance", _checks_sheet(checks, documents), None))

    def write(tmp: str) -> None:
        taken: set[str] = set()
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for label, table, source in sheets:
                name = _sheet_name(label, taken)
                table.to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                format_sheet(sheet, WRAPPED)
                if source is not None:
                    format_numbers(sheet, VALUE_COLUMNS,
                                   [UNIT_LABELS.get(u, "") for u in source["unit"]])

    return atomic_write(Path(path), write, suffix=".xlsx")


def write_office_files(figures: pd.DataFrame, reports: str | Path,
                       sentences: pd.DataFrame | None = None,
                       checks: pd.DataFrame | None = None,
                       documents: pd.DataFrame | None = None) -> list[Path]:
    """The key figures for the analyst's office software, in `reports`: `chiffres_cles.xlsx`,
    and the same tables as CSVs for a French spreadsheet (`;`, decimal comma, BOM):
    `chiffres_cles.csv` (every figure) and `points_de_vigilance.csv` (the checks)."""
    reports = Path(reports)
    paths = [write_spreadsheet(figures, reports / "chiffres_cles.xlsx", sentences, checks,
                               documents),
             write_french_csv(figures_table(figures.reset_index(drop=True), sentences, documents),
                              reports / "chiffres_cles.csv")]
    if checks is not None:
        paths.append(write_french_csv(_checks_sheet(checks, documents),
                                      reports / "points_de_vigilance.csv"))
    return paths
