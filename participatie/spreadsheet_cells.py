"""Cells that a spreadsheet shows as text, never runs as a formula (CSV/formula injection).

A label, answer, quote or title is typed by someone outside the team: "=HYPERLINK(...)" or
"@SUM(...)" in it must reach the reader as those characters, not as a formula Excel or
LibreOffice evaluates when the file is opened. Every spreadsheet export writes its cells through
this module:

- CSV: a text cell starting with =, +, -, @, tab or carriage return gets a leading single quote
  (OWASP's rule); numbers are left alone, so they stay numbers (also with a decimal comma).
- XLSX: openpyxl turns a string starting with "=" into a formula; text cells are forced to type
  string (and marked quote-prefixed, as Excel does when a person types a leading ').
- ODS: text cells carry office:value-type="string" (see the ODS writer), never table:formula.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_text(value) for value in values]


def append_xlsx_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl sheet with every text cell stored as text."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = cell.value.startswith(FORMULA_STARTS)
