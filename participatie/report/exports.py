"""A survey's results as JSON, CSV, xlsx and ods (the PDF is in pdf.py): DESIGN.md §6.

All formats are written from the same `SurveyResult`, so a cell hidden on the page is hidden
in every file: count and percent empty (null in JSON) and `suppressed` true.

CSV: one row per question option (`question, option, label, count, percent, suppressed`); a
question without options (number, text) has one row whose count is n; a number question then has
one row per bin (option `from-to`: from included, to not). Where the language writes
decimals with a comma (nl, fr, …) the separator is `;` and percentages read `16,2`, as Belgian
spreadsheets expect; elsewhere `,` and `16.2`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from babel.numbers import get_decimal_symbol

from participatie.report.results import QuestionResult, SurveyResult
from participatie.spreadsheet_cells import append_xlsx_row, csv_row

OPTION_COLUMNS = ("question", "option", "label", "count", "percent", "suppressed")
QUESTION_COLUMNS = (
    "question",
    "type",
    "label",
    "n",
    "declined",
    "median",
    "agree",
    "agree_percent",
    "disagree",
    "disagree_percent",
    "suppressed",
)
MIMETYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
}


def as_json(result: SurveyResult) -> dict[str, Any]:
    return {
        "survey": {
            "code": result.code,
            "title": result.title.text,
            "responses": result.responses,
        },
        "questions": [_question_json(q) for q in result.questions],
    }


def _question_json(q: QuestionResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": q.name,
        "type": q.type.value,
        "label": q.label.text,
        "n": q.n,
        "declined": q.declined,
    }
    if q.counts_options:
        data["options"] = [
            {
                "name": o.name,
                "label": o.label.text,
                "count": o.count,
                "percent": _float(o.percent),
                "suppressed": o.suppressed,
            }
            for o in q.options
        ]
    if q.is_number:
        # Never a minimum or maximum: each is one person's answer (distribution.py).
        data["median"] = q.median
        data["bins"] = [
            {
                "from": b.low,
                "to": b.high,
                "count": b.count,
                "percent": _float(b.percent),
                "suppressed": b.suppressed,
            }
            for b in q.bins
        ]
    if q.is_scale:
        data["agreement"] = {
            side: {
                "count": figure.count if figure else None,
                "percent": _float(figure.percent) if figure else None,
            }
            for side, figure in (("agree", q.agree), ("disagree", q.disagree))
        }
    data["suppressed"] = q.suppressed
    return data


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def option_rows(
    result: SurveyResult,
) -> Iterator[tuple[str, str, str, int | None, Decimal | None, bool]]:
    for q in result.questions:
        if q.counts_options:
            for o in q.options:
                yield q.name, o.name, o.label.text, o.count, o.percent, q.suppressed or o.suppressed
        else:
            yield q.name, "", "", q.n, None, q.suppressed
            for b in q.bins:  # from (included) to (not included), as in the JSON
                yield q.name, f"{b.low}-{b.high}", b.label, b.count, b.percent, b.suppressed


def question_rows(result: SurveyResult) -> Iterator[tuple[Any, ...]]:
    for q in result.questions:
        agree, disagree = q.agree, q.disagree
        yield (
            q.name,
            q.type.value,
            q.label.text,
            q.n,
            q.declined,
            q.median,
            agree.count if agree else None,
            agree.percent if agree else None,
            disagree.count if disagree else None,
            disagree.percent if disagree else None,
            q.suppressed,
        )


def uses_decimal_comma(locale: str) -> bool:
    return get_decimal_symbol(locale) == ","


def as_csv(result: SurveyResult, locale: str) -> str:
    comma = uses_decimal_comma(locale)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if comma else ",", lineterminator="\r\n")
    writer.writerow(OPTION_COLUMNS)
    for question, option, label, count, pct, suppressed in option_rows(result):
        writer.writerow(
            [
                *csv_row([question, option, label]),
                "" if count is None else count,
                format_percent(pct, comma),
                "true" if suppressed else "false",
            ]
        )
    return out.getvalue()


def format_percent(value: Decimal | None, comma: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.1f}"
    return text.replace(".", ",") if comma else text


def as_xlsx(result: SurveyResult) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheets = [
        (book.active, "answers", OPTION_COLUMNS, list(option_rows(result))),
        (book.create_sheet(), "questions", QUESTION_COLUMNS, list(question_rows(result))),
    ]
    for sheet, title, header, rows in sheets:
        sheet.title = title
        append_xlsx_row(sheet, header)
        for row in rows:
            append_xlsx_row(sheet, [_cell(value) for value in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=True):
                if isinstance(value, Decimal):
                    cell.number_format = "0.0"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_ods(result: SurveyResult) -> bytes:
    from odf.number import Number, NumberStyle
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    one_decimal = NumberStyle(name="one-decimal")
    one_decimal.addElement(Number(decimalplaces=1, minintegerdigits=1))
    doc.automaticstyles.addElement(one_decimal)
    percent_style = Style(name="percent", family="table-cell", datastylename="one-decimal")
    doc.automaticstyles.addElement(percent_style)
    for title, header, rows in (
        ("answers", OPTION_COLUMNS, option_rows(result)),
        ("questions", QUESTION_COLUMNS, question_rows(result)),
    ):
        table = Table(name=title)
        for row in [header, *rows]:
            table_row = TableRow()
            for value in row:
                value = _cell(value)
                if isinstance(value, bool):
                    cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
                    cell.addElement(P(text="TRUE" if value else "FALSE"))
                elif isinstance(value, int | float):
                    extra = {"stylename": percent_style} if isinstance(value, float) else {}
                    cell = TableCell(valuetype="float", value=value, **extra)
                    cell.addElement(P(text=str(value)))
                elif value is None:
                    cell = TableCell()
                else:  # text stays text: a value type of string is never evaluated
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            table.addElement(table_row)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value
