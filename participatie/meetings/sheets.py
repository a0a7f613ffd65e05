"""The attendance sheet for the finance department: per meeting the pseudonyms and their
vergoeding, a total per meeting and one for the whole period."""

from __future__ import annotations

from datetime import date

from flask import render_template
from flask_babel import get_locale

from participatie.i18n import SOURCE_LOCALE, html_lang, text_direction
from participatie.meetings.services import SheetRow
from participatie.meetings.views import euro
from participatie.models import Project
from participatie.report.pdf import write_pdf


def attendance_pdf(
    project: Project, rows: list[SheetRow], start: date | None, end: date | None
) -> bytes:
    locale = str(get_locale() or SOURCE_LOCALE)
    html = render_template(
        "meetings/pdf/attendance.html",
        project=project,
        rows=rows,
        start=start,
        end=end,
        total=euro(sum(row.total_cents for row in rows)),
        people=sum(len(row.attendees) for row in rows),
        euro=euro,
        html_lang=html_lang(locale),
        text_direction=text_direction(locale),
    )
    return write_pdf(html)
