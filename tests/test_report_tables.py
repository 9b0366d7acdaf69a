"""The tables of the analysis report read like French report tables: French numbers and dates,
empty cells for missing values, French headers, a meaningful row header, no over-long cell;
while the stored tables and the spreadsheet keep their raw values and types."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from ianote_lib.figures.checks import build_checks, checks_display
from ianote_lib.figures.extraction import extract_figures
from ianote_lib.figures.spreadsheet import (
    figures_display,
    figures_table,
    group_table,
    write_spreadsheet,
)
from ianote_lib.fr.dates import french_date
from ianote_lib.fr.normalize import NNBSP
from ianote_lib.fr.numbers import french_number
from ianote_lib.reading.display import documents_display, sentences_sample
from ianote_lib.reports.display import (
    CUT,
    LONG_CELL,
    display_table,
    events_display,
    excerpt,
    keywords_display,
    themes_display,
)
from ianote_lib.topics.keywords import document_tokens, keywords_table
from ianote_lib.topics.themes import build_themes, top_documents
from ianote_lib.topics.timeline import extract_events
from ianote_lib.use_cases.charts import domains_display, use_cases_display
from ianote_lib.use_cases.detection import build_use_cases

# What a French report table never shows: pandas' raw renderings of numbers, missing values and
# booleans, and bare numbers written the English way.
SCIENTIFIC = re.compile(r"\d\.\d+e[+-]\d+", re.I)
RAW_VALUE = re.compile(r"^(?:NaN|nan|None|<NA>|NaT|True|False|inf|-inf)$")
ENGLISH_NUMBER = re.compile(r"^-?\d+\.\d+$|^-?\d{5,}$|^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
MONTH = re.compile(r"^(?:1er|\d{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|"
                   r"septembre|octobre|novembre|décembre) \d{4}$|^(?:janvier|février|mars|avril|"
                   r"mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$|^\d{4}$")


def cell_problem(text: str) -> str | None:
    """Why a displayed cell does not read like a French table cell (None when it does)."""
    text = text.strip()
    if SCIENTIFIC.search(text):
        return "scientific notation"
    if RAW_VALUE.match(text):
        return "raw pandas value"
    if ENGLISH_NUMBER.match(text):
        return "number not in French format"
    if len(text) > LONG_CELL:
        return "over-long cell"
    return None


@pytest.mark.parametrize("text, problem", [
    ("1.000000e+02", "scientific notation"), ("NaN", "raw pandas value"),
    ("<NA>", "raw pandas value"), ("None", "raw pandas value"), ("True", "raw pandas value"),
    ("100.0", "number not in French format"), ("1500000000", "number not in French format"),
    ("1,500,000", "number not in French format"), ("x" * (LONG_CELL + 1), "over-long cell"),
    ("1\u202f500\u202f000", None), ("5,5", None), ("", None), ("2023", None),
    ("Nones et Trues", None), ("d01s0015", None),
])
def test_cell_problem_tells_french_cells_from_raw_ones(text, problem):
    assert cell_problem(text) == problem


def frame_problems(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(column, cell, problem) for every cell and header of a display table that has one."""
    found = []
    for column in table.columns:
        for value in table[column]:
            assert isinstance(value, str), (column, value)
            if problem := cell_problem(value):
                found.append((column, value[:40], problem))
    for value in table.index:
        if problem := cell_problem(str(value)):
            found.append(("(index)", str(value)[:40], problem))
    return found


# -- the helpers ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (1.5e9, "1\u202f500\u202f000\u202f000"), (100.0, "100"), (5.5, "5,5"), (0.5, "0,5"),
    (1400, "1\u202f400"), (np.int64(1050), "1\u202f050"), (-1234.5, "-1\u202f234,5"),
    (35.4721, "35,472"), (0.0004, "0,0004"), (1e13, "10\u202f000\u202f000\u202f000\u202f000"),
    (None, ""), (math.nan, ""), (pd.NA, ""), (np.float64("nan"), ""), (True, "oui"),
    (np.bool_(False), "non"),
])
def test_french_number(value, text):
    assert french_number(value) == text


def test_french_number_decimals():
    assert french_number(35.4721, 1) == "35,5" and french_number(2 / 3, 2) == "0,67"


@pytest.mark.parametrize("value, text", [
    ("2023-10-03", "3 octobre 2023"), ("2024-01-01", "1er janvier 2024"),
    ("2023-08", "août 2023"), ("2023", "2023"), ("", ""), (None, ""), (pd.NA, ""),
    ("fin 2021", "fin 2021"), ("2023-13-01", "2023-13-01"),
])
def test_french_date(value, text):
    assert french_date(value) == text


def test_shorten_keeps_whole_words_and_the_part_asked_for():
    words = "début " + "avant " * 80 + "le 14 juin 2023 " + "après " * 80
    assert excerpt("Une phrase courte.") == "Une phrase courte."
    head = excerpt(words, 120)
    assert head.startswith("début avant") and head.endswith(f" {CUT}") and len(head) <= 120
    middle = excerpt(words, 120, around="14 juin 2023")
    assert middle.startswith(f"{CUT} avant") and middle.endswith(f"après {CUT}")
    assert "le 14 juin 2023" in middle and len(middle) <= 120
    assert all(w in {"avant", "après", "le", "14", "juin", "2023", "[…]"} for w in middle.split())


def test_display_table_rows_headers_and_missing_values():
    frame = pd.DataFrame({
        "Doc.": [1, 2, 3], "Valeur": [1.5e9, math.nan, 5.5], "Haute": pd.array([1, None, 3]),
        "Texte": pd.array(["<script>alert(1)</script>", None, "ok"], dtype="string"),
        "Compté": [True, False, True], "Date": ["2023-10-03", "", "2024-01"],
    }, index=[10, 11, 12])
    table = display_table(frame, dates=["Date"])
    assert list(table.index) == ["1", "2", "3"] and table.columns.name == "Doc."
    assert table.index.name is None and "Doc." not in table.columns
    assert table.loc["1", "Valeur"] == "1\u202f500\u202f000\u202f000"
    assert list(table["Valeur"]) == ["1\u202f500\u202f000\u202f000", "", "5,5"]
    assert list(table["Haute"]) == ["1", "", "3"] and list(table["Compté"]) == ["oui", "non", "oui"]
    assert list(table["Date"]) == ["3 octobre 2023", "", "janvier 2024"]
    assert frame_problems(table) == []
    html = table._repr_html_()
    # one header row whose corner cell names the row headers; document text stays escaped
    assert html.count("<tr") == 4 and "<th>Doc.</th>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert frame["Valeur"].dtype == float and math.isnan(frame.loc[11, "Valeur"])  # untouched


# -- the real tables, built from the embedded dossier ----------------------------------------

@pytest.fixture(scope="module")
def figures(sentences) -> pd.DataFrame:
    return extract_figures(sentences)


@pytest.fixture(scope="module")
def raw(dossier, sentences, figures) -> dict[str, pd.DataFrame]:
    """The tables notebooks 01 to 04 build, on the embedded dossier."""
    use_cases = build_use_cases(sentences, figures)
    themes = build_themes(sentences)
    return {"documents": dossier.documents, "sentences": sentences, "figures": figures,
            "checks": build_checks(figures, sentences), "use_cases": use_cases,
            "themes": themes,
            "top_documents": top_documents(themes),
            "keywords": keywords_table(document_tokens(sentences)),
            "events": extract_events(sentences, dossier.documents)}


@pytest.fixture(scope="module")
def tables(raw) -> dict[str, pd.DataFrame]:
    """Every display table of notebooks 01 to 04."""
    shown = {
        "documents": documents_display(raw["documents"]),
        "sentences": sentences_sample(raw["sentences"]),
        "figures": figures_display(raw["figures"]),
        "checks": checks_display(raw["checks"]),
        "use_cases": use_cases_display(raw["use_cases"]),
        "use_cases_evidence": use_cases_display(raw["use_cases"], with_evidence=True),
        "domains": domains_display(raw["use_cases"], raw["documents"]),
        "themes": themes_display(raw["top_documents"]),
        "keywords": keywords_display(raw["keywords"], raw["documents"]),
        "events": events_display(raw["events"]),
    }
    for title, categories in {"costs": ["cost", "funding"], "co2": ["co2"]}.items():
        shown[f"group_{title}"] = group_table(raw["figures"], categories, raw["sentences"])
    return shown


def test_display_tables_read_like_french_tables(tables, raw):
    raw_names = {str(c) for frame in raw.values() for c in [*frame.columns, frame.index.name]
                 if c is not None}
    for name, table in tables.items():
        assert len(table) > 0, name
        assert frame_problems(table) == [], (name, frame_problems(table)[:5])
        headers = [table.columns.name, *table.columns]
        assert all(h and "_" not in h for h in headers), (name, headers)
        assert not set(headers) & raw_names, (name, set(headers) & raw_names)
        assert not isinstance(table.index, pd.RangeIndex), name
        assert list(table.index) != [str(i) for i in range(len(table))], name


def test_documents_table(tables, dossier):
    table = tables["documents"]
    assert table.columns.name == "N°" and list(table.index) == [
        str(d) for d in dossier.documents["doc"]]
    assert all(MONTH.match(d) or d == "" for d in table["Date"]), list(table["Date"])
    assert table.loc["2", "Date"] == "17 mars 2023"
    big = dossier.documents.set_index("doc")["n_words"]
    assert table.loc["2", "Mots"] == f"{big[2] // 1000}{NNBSP}{big[2] % 1000:03d}"


def test_sentence_types_are_french(tables):
    assert set(tables["sentences"]["Type"]) <= {"phrase", "élément de liste"}


def test_figures_tables(tables, figures):
    table = tables["figures"]
    assert table.columns.name == "Doc." and len(table) == len(figures)
    assert list(table.index) == [str(d) for d in figures["doc"]]
    for number, value in zip(figures["value"], table["Valeur"], strict=True):
        assert float(value.replace(NNBSP, "").replace(",", ".")) == pytest.approx(number)
    assert set(table["Unité"]) <= {"€", "$", "%", "t CO2e", "g CO2e", "m³", "L", "GWh", "MWh",
                                   "km", "cm", "nombre", "an(s)", "jour(s)", "semaine(s)",
                                   "mois", "heure(s)", "fois", "Zo", "autre"}
    missing_high = figures["value_high"].isna().to_numpy()
    assert (table["Valeur haute"].to_numpy()[missing_high] == "").all()
    costs = tables["group_costs"]
    assert "Phrase" in costs.columns and any(CUT in text for text in costs["Phrase"])
    for figure, sentence in zip(costs["Chiffre (texte)"], costs["Phrase"], strict=True):
        assert figure in sentence  # a long sentence is cut around its figure


def test_events_table(tables):
    table = tables["events"]
    assert table.columns.name == "Date"
    assert all(MONTH.match(d) for d in table.index), [d for d in table.index if not MONTH.match(d)]
    long_ones = [(w, t) for w, t in zip(table["Date écrite"], table["Phrase"], strict=True)
                 if CUT in t]
    assert long_ones and all(w in t.replace("’", "'") or w in t for w, t in long_ones)


def test_stored_figures_keep_raw_values_and_spreadsheet_numbers(figures, sentences, tmp_path):
    before = figures.copy()
    figures_display(figures, sentences)
    pd.testing.assert_frame_equal(figures, before)
    sheet = figures_table(figures, sentences)
    assert sheet["Valeur"].dtype == float and sheet["Page"].dtype.kind == "i"
    path = write_spreadsheet(figures, tmp_path / "chiffres.xlsx", sentences)
    rows = list(load_workbook(path, read_only=True)["Tous les chiffres"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    values = [row[header.index("Valeur")] for row in body]
    assert len(values) == len(figures)
    assert all(isinstance(v, int | float) for v in values), values[:5]
    assert values == pytest.approx(list(figures["value"]))


# -- the exported report of the session's run -----------------------------------------------

class _Tables(HTMLParser):
    """The data tables of an HTML page: header cells, and body rows as (tag, text) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list | None = None
        self._row: list | None = None
        self._part = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table" and "dataframe" in (dict(attrs).get("class") or ""):
            self.tables.append({"head": [], "body": []})
        elif not self.tables:
            return
        elif tag in ("thead", "tbody"):
            self._part = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = [tag, ""]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(tuple(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            key = "head" if self._part == "thead" else "body"
            self.tables[-1][key].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[1] += data


@pytest.fixture(scope="module")
def report_tables(full_run) -> list[dict]:
    parser = _Tables()
    parser.feed((full_run / "reports" / "analysis.html").read_text(encoding="utf-8"))
    return parser.tables


def _raw_column_names(processed: Path) -> set[str]:
    return {c for path in processed.glob("*.parquet") for c in pd.read_parquet(path).columns}


def test_report_tables_show_no_raw_value(report_tables):
    assert len(report_tables) >= 10
    bad = [(i, text[:40], cell_problem(text)) for i, table in enumerate(report_tables)
           for row in table["head"] + table["body"] for _, text in row if cell_problem(text)]
    assert bad == [], bad[:10]
    cells = [text for table in report_tables for row in table["body"] for _, text in row]
    assert any(re.search(rf"\d{NNBSP}\d{{3}}", text) for text in cells)  # thousands
    assert any(re.fullmatch(r"\d+,\d+", text) for text in cells)  # decimal comma


def test_report_tables_have_french_headers_and_row_headers(report_tables, full_run):
    raw = _raw_column_names(full_run / "data" / "processed")
    for i, table in enumerate(report_tables):
        assert len(table["head"]) == 1, f"table {i}: {len(table['head'])} header rows"
        headers = [text.strip() for _, text in table["head"][0]]
        assert all(headers) and not set(headers) & raw, (i, headers)
        assert all("_" not in h for h in headers), (i, headers)
        rows = table["body"]
        assert rows and all(row[0][0] == "th" for row in rows), i
        labels = [row[0][1].strip() for row in rows]
        assert labels != [str(k) for k in range(len(rows))], f"table {i}: a 0…n row index"


def test_report_spreadsheet_keeps_numbers(full_run):
    book = load_workbook(full_run / "reports" / "chiffres_cles.xlsx", read_only=True)
    rows = list(book["Tous les chiffres"].iter_rows(values_only=True))
    column = rows[0].index("Valeur")
    assert all(isinstance(row[column], int | float) for row in rows[1:])


def test_reports_do_not_import_the_stages():
    """reports/ is shared by the stages: it imports none of them (the displays of a stage's own
    tables live in the stage, e.g. reading.display)."""
    folder = Path(__file__).resolve().parents[1] / "ianote_lib" / "reports"
    stages = ("reading", "figures", "use_cases", "topics", "note", "running")
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"(?m)^\s*(?:from|import) ianote_lib\.(\w+)", text)
        assert not set(found) & set(stages), path.name
