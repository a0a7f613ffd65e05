"""The caps of a response CSV, checked while the file is split into rows and before any row is
checked against the survey: a file past a cap is refused in a moment, whatever is in it.

A KoboToolbox export splits each select_multiple into one column per option, so wide files are
normal; tens of thousands of columns, or of rows, are not one round of a local survey.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from flask_babel import gettext as _

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_CSV_COLUMNS = 2_000
MAX_CSV_ROWS = 20_000


class CsvRefused(ValueError):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.message = message


def too_big_message() -> str:
    return _(
        "Het bestand is te groot. Het mag hoogstens %(most)s MB zijn. Deel het op in kleinere bestanden.",
        most=MAX_CSV_BYTES // (1024 * 1024),
    )


def bounded_lines(text: str, dialect: Any) -> list[list[str]]:
    """The rows of the file, header first; CsvRefused at the first cap passed."""
    reader = csv.reader(io.StringIO(text), dialect)
    lines: list[list[str]] = []
    try:
        for values in reader:
            number = len(lines) + 1
            if number > MAX_CSV_ROWS + 1:
                raise CsvRefused(
                    number,
                    _(
                        "Het bestand heeft meer dan %(most)s rijen. Deel het op in kleinere bestanden.",
                        most=MAX_CSV_ROWS,
                    ),
                )
            if len(values) > MAX_CSV_COLUMNS:
                raise CsvRefused(number, _columns_message(number))
            lines.append(values)
    except csv.Error as error:  # a cell longer than the csv module allows, a stray NUL …
        message = _("Deze rij kunnen we niet lezen. Kijk het bestand na.")
        raise CsvRefused(reader.line_num, message) from error
    return lines


def _columns_message(number: int) -> str:
    if number == 1:
        return _(
            "Het bestand heeft meer dan %(most)s kolommen. Zoveel kunnen we niet inlezen.",
            most=MAX_CSV_COLUMNS,
        )
    return _(
        "Deze rij heeft meer dan %(most)s kolommen. Zoveel kunnen we niet inlezen.",
        most=MAX_CSV_COLUMNS,
    )
