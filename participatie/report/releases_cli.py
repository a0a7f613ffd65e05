"""`participatie releases publish SLUG`: freeze the current figures as the project's next release.

Prints the release's number (exit 0); exit 1 with the reason on stderr when fewer than k new
distinct participants took part since the last release, or the project does not exist; exit 2
on wrong usage (DESIGN.md §6).
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from flask_babel import force_locale
from sqlalchemy import select

from participatie.console import refuse
from participatie.extensions import db
from participatie.i18n import normalise_locale
from participatie.models import Project
from participatie.report import messages
from participatie.report.releases import ReleaseRefused, publish_release

releases_cli = AppGroup("releases", help="Releases: the figures the stuurgroep and the public see.")


@releases_cli.command("publish")
@click.argument("slug")
@click.option("--lang", "lang", default="nl", show_default=True, help="Language of the messages.")
@with_appcontext
def publish_command(slug: str, lang: str) -> None:
    """Publish the project's current figures as its next release and print its number."""
    locale = normalise_locale(lang)
    if locale is None:
        raise click.BadParameter(f"unsupported language {lang!r}", param_hint="--lang")
    base = current_app.config["BASE_URL"]
    with current_app.test_request_context("/", base_url=base), force_locale(locale):
        project = db.session.scalar(select(Project).where(Project.slug == slug))
        if project is None:
            refuse(str(messages.UNKNOWN_PROJECT % {"slug": slug}))
        try:
            release = publish_release(project, None)
        except ReleaseRefused as refused:
            db.session.rollback()
            refuse(str(refused))
        db.session.commit()
        click.echo(release.number)
