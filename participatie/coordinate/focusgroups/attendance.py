"""The attendance sheet to print: only what is needed — pseudonym, group, language, a consent
tick box, the compensation, and a signature column when the organiser wants one."""

from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _

from participatie.coordinate.focusgroups.transcripts import pseudonym_number
from participatie.models import FocusGroup

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core"


def pdf_unavailable_message() -> str:
    return _(
        "Dit programma kan nu geen PDF maken. De beheerder van de server installeert daarvoor deze pakketten: %(packages)s.",
        packages=PANGO_PACKAGES,
    )


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the Pango library it needs is missing on this server."""


def attendance_pdf(group: FocusGroup, with_signature: bool) -> bytes:
    html = render_template(
        "coordinate/focusgroups/attendance_sheet.html",
        group=group,
        attendees=group.attendees,
        with_signature=with_signature,
        next_number=max((pseudonym_number(a.pseudonym) for a in group.attendees), default=0) + 1,
    )
    try:
        # Imported here: WeasyPrint loads Pango when imported, and the rest of the app must
        # run on a server without it.
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfUnavailable(PANGO_PACKAGES) from error
    return bytes(HTML(string=html).write_pdf())
