"""Files for French office software (Excel, LibreOffice Calc).

- CSVs for people (`reports/*.csv`): semicolon-separated, decimal comma, UTF-8 with a byte-order
  mark, so that a French Excel opens them as columns with their accents; the tables of
  `data/processed/` keep the contract's plain CSV (comma, no BOM) for other tools.
- Workbook sheets ready to read: bold header row, frozen, with filters; column widths from
  their content; long text wrapped; number formats per unit (« 1 500 000 € », « 30 % »,
  « 502 t CO2e ») that keep the values numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ianote_lib.fr.normalize import NBSP
from ianote_lib.tables import atomic_write

CSV_OPTIONS = {"sep": ";", "decimal": ",", "encoding": "utf-8-sig", "index": False,
               "float_format": "%.15g"}
WIDE = 60       # width of a wrapped text column (characters)
NARROW = 40     # widest column that is not wrapped


def write_french_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """`frame` as a CSV a French spreadsheet opens as it is (`;`, `,` for decimals, UTF-8 with
    a BOM), written to a temporary file first and moved into place."""
    return atomic_write(Path(path), lambda tmp: frame.to_csv(tmp, **CSV_OPTIONS), suffix=".csv")


def number_format(value: object, suffix: str = "", max_decimals: int = 3) -> str:
    """An Excel number format for `value`: thousands grouped (the reader's locale shows a space
    in French), as many decimals as the value has (up to `max_decimals`), then the unit as a
    literal (« € », « % » quoted, so that the percentage is not multiplied by 100)."""
    decimals = 0
    if isinstance(value, int | float) and not pd.isna(value):
        text = f"{float(value):.{max_decimals}f}".rstrip("0").rstrip(".")
        decimals = len(text.partition(".")[2])
    code = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{code}"{NBSP}{suffix}"' if suffix else code


def format_sheet(sheet: Worksheet, wrap: Iterable[str] = ()) -> None:
    """Bold, frozen header row with filters on every column; widths from the content (the
    header and the first 200 rows), up to `NARROW` characters, or `WIDE` for the columns named
    in `wrap`, whose text is wrapped."""
    header = [cell.value for cell in sheet[1]]
    wrapped = {i + 1 for i, name in enumerate(header) if name in set(wrap)}
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if sheet.max_row >= 1 and header:
        sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 201)):
        letter = column[0].column_letter
        longest = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        widest = WIDE if column[0].column in wrapped else NARROW
        sheet.column_dimensions[letter].width = min(widest, max(8, longest + 2))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in wrapped:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")


def format_numbers(sheet: Worksheet, columns: Iterable[str], suffixes: list[str]) -> None:
    """The cells of `columns` (by header) get the number format of their row's unit
    (`suffixes`: one per data row, '' for a plain number)."""
    header = [cell.value for cell in sheet[1]]
    for name in columns:
        if name not in header:
            continue
        col = header.index(name) + 1
        for row, suffix in enumerate(suffixes, start=2):
            cell = sheet.cell(row=row, column=col)
            if isinstance(cell.value, int | float):
                cell.number_format = number_format(cell.value, suffix)
