"""The key figures for French office software, from the session's real run: the workbook
(`chiffres_cles.xlsx`, opened with openpyxl) and the CSVs of `reports/` (their bytes)."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from ianote_lib.reports.sheets import number_format

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def book(full_run):
    return load_workbook(full_run / "reports" / "chiffres_cles.xlsx")


@pytest.fixture(scope="module")
def processed(full_run):
    folder = full_run / "data" / "processed"
    return {name: pd.read_parquet(folder / f"{name}.parquet")
            for name in ("figures", "checks", "documents")}


def _column(sheet, header: str) -> list:
    names = [cell.value for cell in sheet[1]]
    col = names.index(header) + 1
    return [sheet.cell(row=r, column=col) for r in range(2, sheet.max_row + 1)]


def test_every_sheet_has_a_bold_frozen_filtered_header(book):
    assert book.sheetnames[0] == "Tous les chiffres"
    assert book.sheetnames[-1] == "Points de vigilance"
    assert {"Coûts", "Financements", "CO2 et climat", "Eau", "Énergie"} <= set(book.sheetnames)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert all(cell.font.b for cell in sheet[1]), sheet.title
    sentences = _column(book["Tous les chiffres"], "Phrase")
    assert all(cell.alignment.wrap_text for cell in sentences)
    letter = sentences[0].column_letter
    assert 40 < book["Tous les chiffres"].column_dimensions[letter].width <= 60


def test_values_stay_numbers_with_their_unit_s_french_format(book, processed):
    figures = processed["figures"]
    sheet = book["Tous les chiffres"]
    values = _column(sheet, "Valeur")
    assert [cell.value for cell in values] == pytest.approx(list(figures["value"]))
    formats = dict(zip(figures["unit"], [cell.number_format for cell in values], strict=False))
    assert formats["EUR"].endswith(f'"{NBSP}€"') and formats["EUR"].startswith("#,##0")
    assert formats["tCO2e"].endswith(f'"{NBSP}t CO2e"')
    assert formats["count"] in ("#,##0", "#,##0.0")
    share = next(c for c, u in zip(values, figures["unit"], strict=True) if u == "%")
    assert share.value > 1 and share.number_format.endswith(f'"{NBSP}%"')  # 30, not 0.30


def test_documents_titles_beside_their_numbers(book, processed):
    sheet = book["Coûts"]
    names = [cell.value for cell in sheet[1]]
    assert names[:2] == ["Doc.", "Titre du document"]
    titles = dict(zip(processed["documents"]["doc"], processed["documents"]["title"],
                      strict=True))
    for doc, title in zip(_column(sheet, "Doc."), _column(sheet, "Titre du document"),
                          strict=True):
        assert title.value == titles[doc.value]


def test_vigilance_sheet_holds_every_check(book, processed):
    checks = processed["checks"]
    sheet = book["Points de vigilance"]
    assert [c.value for c in sheet[1]] == ["Type", "Documents", "Titres des documents",
                                           "Valeurs", "Sujet", "Message"]
    assert sheet.max_row - 1 == len(checks)
    first_docs = _column(sheet, "Titres des documents")[0].value
    assert first_docs.startswith(f"{checks.iloc[0]['docs'].split(';')[0]}{NBSP}: ")


def test_report_csvs_open_in_a_french_spreadsheet(full_run, processed):
    for name, rows in (("chiffres_cles", len(processed["figures"])),
                       ("points_de_vigilance", len(processed["checks"]))):
        path = full_run / "reports" / f"{name}.csv"
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        header = raw[3:].split(b"\r\n" if b"\r\n" in raw else b"\n")[0].decode("utf-8")
        assert ";" in header and "," not in header, header
        table = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
        assert len(table) == rows
    figures = pd.read_csv(full_run / "reports" / "chiffres_cles.csv", sep=";", decimal=",",
                          encoding="utf-8-sig", keep_default_na=False)
    assert list(figures.columns[:5]) == ["Doc.", "Titre du document", "Page",
                                         "Chiffre (texte)", "Valeur"]
    assert list(figures["Valeur"]) == pytest.approx(list(processed["figures"]["value"]))
    # the contract's tables keep their exchange format: comma, no BOM
    contract = (full_run / "data" / "processed" / "figures.csv").read_bytes()
    assert contract.startswith(b"figure_id,doc,page,")


def test_analysis_report_says_what_the_files_are(full_run):
    html = (full_run / "reports" / "analysis.html").read_text(encoding="utf-8")
    assert "en-tête figé et filtres" in html and "chiffres_cles.csv" in html
    assert "points_de_vigilance.csv" in html


@pytest.mark.parametrize(("value", "suffix", "code"), [
    (1_500_000_000, "€", f'#,##0"{NBSP}€"'),
    (5.5, "%", f'#,##0.0"{NBSP}%"'),
    (0.125, "L", f'#,##0.000"{NBSP}L"'),
    (2, "", "#,##0"),
])
def test_number_formats(value, suffix, code):
    assert number_format(value, suffix) == code
