"""`participatie focusgroups import-transcript`: a transcript file into a focus group.

Prints the quotes created per speaker (`P1: 3`) on stdout; speakers that are not pseudonyms are
listed on stderr and not imported. Exit 1 for an unknown project or a file that cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from participatie.console import refuse
from participatie.coordinate.focusgroups.services import find_or_create_focus_group
from participatie.coordinate.focusgroups.transcript_import import import_transcript
from participatie.coordinate.focusgroups.transcripts import (
    TranscriptError,
    parse_transcript,
    read_transcript,
)
from participatie.extensions import db
from participatie.i18n import SUPPORTED_LOCALES, normalise_locale
from participatie.models import Project

focusgroups_cli = AppGroup("focusgroups", help="Focus groups: import transcripts.")


@focusgroups_cli.command("import-transcript")
@click.option("--project", "project_slug", required=True, help="The project's slug.")
@click.option("--title", required=True, help="The focus group's title; created if new.")
@click.option("--lang", "language", default=None, help="Language of the quotes, e.g. nl or ar.")
@click.argument("file", metavar="FILE")
def import_transcript_command(
    project_slug: str, title: str, language: str | None, file: str
) -> None:
    """Import a transcript (.txt, .docx, .odt) with speaker prefixes like `P3:`."""
    if language is not None:
        language = normalise_locale(language)
        if language is None:
            raise click.BadParameter(
                "expected one of " + ", ".join(SUPPORTED_LOCALES), param_hint="--lang"
            )
    if not title.strip() or len(title) > 200:
        raise click.BadParameter("expected 1 to 200 characters", param_hint="--title")
    project = db.session.scalar(select(Project).where(Project.slug == project_slug))
    if project is None:
        refuse(f"No project with slug {project_slug!r}.")
    path = Path(file)
    try:
        text = read_transcript(path.name, path.read_bytes())
    except OSError as error:
        refuse(f"Cannot read {file}: {error.strerror or error}.")
    except TranscriptError as error:
        refuse(f"Cannot import {file}: {error.reason}.")
    parsed = parse_transcript(text)
    if not parsed.turns:
        refuse(f"No speaker turns like 'P1: …' found in {file}.")
    group, created = find_or_create_focus_group(project, title.strip(), language)
    result = import_transcript(group, parsed, language or "")
    db.session.commit()
    if created:
        click.echo(f"Created focus group {group.title!r}.", err=True)
    for skipped in parsed.skipped:
        if skipped.label:
            click.echo(
                f"Not imported (not a pseudonym): {skipped.label!r} on line {skipped.line}",
                err=True,
            )
    if result.already_present:
        click.echo(
            f"Already in the focus group, not imported again: {result.already_present}", err=True
        )
    for speaker, count in result.created.items():
        click.echo(f"{speaker}: {count}")
