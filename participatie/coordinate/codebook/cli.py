"""`participatie codebook seed|export`: a project's codebook from the command line.

`seed` gives a project the default codebook (idempotent: prints how many codes were added, 0 the
second time). `export` writes the REFI-QDA codebook (.qdc) to stdout or --output.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy import select

from participatie.console import refuse
from participatie.extensions import db
from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import Project

codebook_cli = AppGroup(
    "codebook", help="A project's codebook: seed the default codes, export as .qdc."
)


def _project(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        refuse(f"No project with slug {slug!r}.")
    return project


@codebook_cli.command("seed")
@click.option("--project", "slug", required=True, help="The project's slug.")
def seed_command(slug: str) -> None:
    """Add the default codebook's codes the project does not have yet."""
    from participatie import audit
    from participatie.tagging.seeding import seed_codebook

    with current_app.test_request_context("/"):
        project = _project(slug)
        created = seed_codebook(project)
        audit.record(
            "codebook.seed", project=project, object_type="codebook", added=len(created), via="cli"
        )
        db.session.commit()
    click.echo(str(len(created)))


@codebook_cli.command("export")
@click.option("--project", "slug", required=True, help="The project's slug.")
@click.option("--lang", default="nl", type=click.Choice(SUPPORTED_LOCALES), help="Label language.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
def export_command(slug: str, lang: str, output: Path | None) -> None:
    """Write the project's codebook as REFI-QDA XML (.qdc), for NVivo, ATLAS.ti, MAXQDA, Taguette."""
    from participatie import audit
    from participatie.coordinate.codebook.qdc import export_qdc
    from participatie.tagging.project_codebook import load_codebook

    # A request context for the audit log's "who" and for the labels' language.
    with current_app.test_request_context("/"), force_locale(lang):
        project = _project(slug)
        codebook = load_codebook(project)
        if not any(codebook.is_pickable(code) for code in codebook.codes):
            refuse("Every code of this project is switched off or merged: nothing to export.")
        data = export_qdc(project, codebook, lang)
        audit.record(
            "codebook.export",
            project=project,
            object_type="codebook",
            format="qdc",
            lang=lang,
            via="cli",
        )
        db.session.commit()
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        output.write_bytes(data)
        click.echo(f"Wrote {output}", err=True)
