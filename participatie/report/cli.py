"""`participatie report CODE --format json|csv|xlsx|ods|pdf [--lang nl] [--output PATH]`.

The same numbers as the results page and its downloads (DESIGN.md §6), but live: this command is
for coordinators, who may see live figures; the stuurgroep's pages and downloads and the public
page show the latest release (report/releases.py). Exit 0 = written,
1 = refused because of the data (an unknown survey code, no PDF possible), 2 = wrong usage
(xlsx, ods and pdf need --output; an unsupported language).
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from participatie import audit
from participatie.console import refuse
from participatie.extensions import db
from participatie.i18n import normalise_locale
from participatie.report import messages
from participatie.report.pdf import PdfUnavailable
from participatie.report.services import EXPORT_FORMATS, export_survey, survey_by_code

BINARY = ("xlsx", "ods", "pdf")


@click.command("report")
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--lang", "lang", default="nl", show_default=True, help="Language of the labels.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file (needed for xlsx, ods and pdf); else standard output.",
)
@with_appcontext
def report_command(code: str, fmt: str, lang: str, output: Path | None) -> None:
    """A survey's results with small-number protection, as JSON, CSV, xlsx, ods or PDF."""
    locale = normalise_locale(lang)
    if locale is None:
        raise click.BadParameter(f"unsupported language {lang!r}", param_hint="--lang")
    if fmt in BINARY and output is None:
        raise click.UsageError(f"--format {fmt} needs --output PATH.")
    base = current_app.config["BASE_URL"]
    with current_app.test_request_context("/", base_url=base), force_locale(locale):
        survey = survey_by_code(code)
        if survey is None:
            refuse(str(messages.UNKNOWN_SURVEY % {"code": code}))
        try:
            body = export_survey(survey, fmt, locale)
        except PdfUnavailable as error:
            refuse(str(error))
        audit.record(
            "report.export",
            project=survey.project,
            object_type="survey",
            object_id=survey.code,
            format=fmt,
            lang=locale,
            via="cli",
        )
        db.session.commit()
    if output is None:
        click.echo(body.lstrip("\ufeff") if isinstance(body, str) else body, nl=False)
    elif isinstance(body, str):
        output.write_text(body, encoding="utf-8", newline="")
    else:
        output.write_bytes(body)
