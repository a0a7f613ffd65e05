"""`participatie plan export SLUG --format json|pdf|ods|xlsx [--lang L] [--output PATH]`.

The actieplan of DESIGN §6. Exit 0 = written, 1 = refused because of the data (an unknown
project, no PDF possible), 2 = wrong usage (pdf, ods and xlsx need --output; an unknown language).
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from flask_babel import force_locale
from sqlalchemy import select

from participatie import audit
from participatie.console import refuse
from participatie.extensions import db
from participatie.follow.export import PLAN_FORMATS, export_plan
from participatie.i18n import normalise_locale
from participatie.models import Project

plan_cli = AppGroup(
    "plan", help="The actieplan: priorities, werkgroepen, goals, actions, indicators."
)


@plan_cli.command("export")
@click.argument("slug")
@click.option("--format", "fmt", type=click.Choice(PLAN_FORMATS), required=True)
@click.option("--lang", "lang", default="nl", show_default=True, help="Language of the texts.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file (needed for pdf, ods and xlsx); else standard output.",
)
@with_appcontext
def export_command(slug: str, fmt: str, lang: str, output: Path | None) -> None:
    """The actieplan as JSON, PDF, ODS or XLSX."""
    from participatie.report.pdf import PdfUnavailable

    locale = normalise_locale(lang)
    if locale is None:
        raise click.BadParameter(f"unsupported language {lang!r}", param_hint="--lang")
    if fmt != "json" and output is None:
        raise click.UsageError(f"--format {fmt} needs --output PATH.")
    base = current_app.config["BASE_URL"]
    with current_app.test_request_context("/", base_url=base), force_locale(locale):
        project = db.session.scalar(select(Project).where(Project.slug == slug))
        if project is None:
            refuse(f"There is no project with the slug {slug!r}.")
        try:
            body = export_plan(project, fmt, locale)
        except PdfUnavailable as error:
            refuse(str(error))
        audit.record(
            "plan.export",
            project=project,
            object_type="project",
            object_id=project.slug,
            format=fmt,
            lang=locale,
            via="cli",
        )
        db.session.commit()
    if output is None:
        click.echo(body, nl=False)
    elif isinstance(body, str):
        output.write_text(body, encoding="utf-8")
    else:
        output.write_bytes(body)
