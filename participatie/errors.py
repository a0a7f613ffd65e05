"""Error pages in the visitor's language; never a stack trace, never a bare 500 for bad input."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException

from participatie.extensions import db

log = logging.getLogger(__name__)

PAGES = {
    400: (
        _l("Dat begrijpen we niet"),
        _l("Er ging iets mis met wat je stuurde. Ga terug en probeer het opnieuw."),
    ),
    403: (_l("Geen toegang"), _l("Je hebt geen toegang tot deze pagina.")),
    404: (_l("Pagina niet gevonden"), _l("Kijk of het adres juist is. Of ga naar de startpagina.")),
    405: (
        _l("Dat kan hier niet"),
        _l("Deze pagina werkt niet op deze manier. Ga terug en probeer het opnieuw."),
    ),
    413: (
        _l("Dat is te groot"),
        _l("Wat je stuurde is te groot. Maak het kleiner en probeer het opnieuw."),
    ),
    429: (
        _l("Even wachten"),
        _l("Je probeerde het heel vaak na elkaar. Wacht een minuut en probeer het opnieuw."),
    ),
    500: (_l("Er ging iets mis bij ons"), _l("Het is niet jouw fout. Probeer het zo opnieuw.")),
    503: (
        _l("Probeer het zo opnieuw"),
        _l(
            "We kunnen je antwoord nu even niet bewaren. Wacht een minuutje en probeer het opnieuw. Wat je hebt ingevuld, ben je niet kwijt: ga terug en verstuur het nog eens."
        ),
    ),
}
CSRF_PAGE = (
    _l("De pagina was verlopen"),
    _l(
        "Dat gebeurt als een pagina lang openstaat. Ga terug, vernieuw de pagina en probeer het opnieuw."
    ),
)


def render_error(
    status: int, heading: object | None = None, body: object | None = None
) -> tuple[str, int]:
    default_heading, default_body = PAGES.get(status, PAGES[500])
    return (
        render_template(
            "error.html",
            heading=heading or default_heading,
            body=body or default_body,
            status=status,
        ),
        status,
    )


def init_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error: CSRFError) -> tuple[str, int]:
        return render_error(400, *CSRF_PAGE)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        db.session.rollback()
        # A failed commit in after_request reaches us wrapped in a 500.
        if isinstance(getattr(error, "original_exception", None), DBAPIError):
            return render_error(503)
        return render_error(error.code or 500)

    @app.errorhandler(OperationalError)
    @app.errorhandler(DBAPIError)
    def database_down(error: Exception) -> tuple[str, int]:
        # The database is unreachable or busy: say so, ask to retry; nothing was half-written.
        log.warning(
            "database error on %s %s: %s", request.method, request.path, type(error).__name__
        )
        # The driver's own words only at debug level: its SQL parameters may hold answers.
        log.debug("database error detail: %s", getattr(error, "orig", error))
        db.session.rollback()
        return render_error(503)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[str, int]:  # noqa: ARG001  (Flask's handler signature)
        log.exception("unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        return render_error(500)
