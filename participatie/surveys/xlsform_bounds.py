"""An XLSForm's size, checked before pyxform reads it: rows, columns, cells and unpacked bytes.

pyxform loads the whole workbook into memory and walks every row; a form of 20,000 rows (or a
small file that unpacks to gigabytes) would hold a worker for minutes. Here the zip directory is
checked first, then each worksheet's XML is streamed row by row (lxml's iterparse, rows freed as
they pass) and reading stops at the first cap it passes. openpyxl is not used for this: even in
read-only mode it takes seconds to open a large sheet. Real forms stay far below the caps:
KoboToolbox's largest templates have a few hundred rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO, Any

from participatie.surveys import xlsform_messages as m
from participatie.upload_bounds import NotAZip, TooManyMembers, zip_sizes

MAX_UNPACKED_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 200
MAX_SHEETS = 20
MAX_ROWS = 2_000  # per sheet, up to the last row with something in it
MAX_ROW_ELEMENTS = 10_000  # per sheet, empty rows included (formatting can add those)
MAX_COLUMNS = 200
MAX_CELLS = 100_000  # cells with a value, all sheets together

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_COLUMN = re.compile(r"[A-Z]{1,3}")


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def xlsform_problem(data: bytes) -> str | None:
    """Why this workbook is too big (or not a workbook at all) to read; None when it may be read.
    Needs a locale (a request, or force_locale on the command line) for its message."""
    too_big = str(m.TOO_BIG_UNPACKED % {"most": MAX_UNPACKED_BYTES // (1024 * 1024)})
    try:
        sizes = zip_sizes(data, MAX_MEMBERS)
    except NotAZip:
        return str(m.UNREADABLE)
    except TooManyMembers:
        return too_big
    if sizes.unpacked > MAX_UNPACKED_BYTES:
        return too_big
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sheets(archive)
    except _Refused as refused:
        return refused.message
    except Exception:  # a damaged workbook: pyxform names the problem
        return None
    return None


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part (xl/worksheets/sheet1.xml) → the sheet's name (survey, choices, …)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    workbook = etree.fromstring(archive.read("xl/workbook.xml"), parser)
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
    targets = {
        rel.get("Id"): "xl/" + rel.get("Target", "").lstrip("/").removeprefix("xl/")
        for rel in rels.iter(f"{_RELS}Relationship")
    }
    return {
        targets.get(sheet.get(f"{_DOC_RELS}id"), ""): sheet.get("name", "")
        for sheet in workbook.iter(f"{_MAIN}sheet")
    }


def _check_sheets(archive: zipfile.ZipFile) -> None:
    names = _sheet_names(archive)
    if len(names) > MAX_SHEETS:
        raise _Refused(str(m.TOO_MANY_SHEETS % {"most": MAX_SHEETS}))
    cells = 0
    for part, name in names.items():
        if part in archive.namelist():
            with archive.open(part) as stream:
                cells = _check_sheet(stream, name, cells)


def _column_number(reference: str) -> int:
    match = _COLUMN.match(reference)
    if match is None:
        return 0
    number = 0
    for letter in match.group(0):
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _check_sheet(stream: IO[bytes], name: str, cells: int) -> int:
    from lxml import etree

    rows = etree.iterparse(
        stream, events=("end",), tag=f"{_MAIN}row", resolve_entities=False, no_network=True
    )
    for count, (_event, row) in enumerate(rows, start=1):
        number = int(row.get("r") or count)
        filled = [cell for cell in row if _has_value(cell)]
        widest = max((_column_number(cell.get("r") or "") for cell in filled), default=0)
        _free(row)
        if count > MAX_ROW_ELEMENTS or (filled and number > MAX_ROWS):
            raise _Refused(str(m.TOO_MANY_ROWS % {"sheet": name, "most": MAX_ROWS}))
        if widest > MAX_COLUMNS or len(filled) > MAX_COLUMNS:
            raise _Refused(str(m.TOO_MANY_COLUMNS % {"sheet": name, "most": MAX_COLUMNS}))
        cells += len(filled)
        if cells > MAX_CELLS:
            raise _Refused(str(m.TOO_MANY_CELLS % {"most": MAX_CELLS}))
    return cells


def _has_value(cell: Any) -> bool:
    return any(child.tag in (f"{_MAIN}v", f"{_MAIN}is") for child in cell)


def _free(row: Any) -> None:
    """Drop parsed rows, so memory stays that of one row however long the sheet is."""
    row.clear()
    parent = row.getparent()
    while row.getprevious() is not None and parent is not None:
        del parent[0]
