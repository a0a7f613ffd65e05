"""`participatie surveys publish CODE`, `participatie surveys close CODE` (DESIGN §6) and
`participatie surveys speak CODE` (the read-aloud audio made ahead).

Publishing prints the languages the survey is offered in, one per line: only those in which
every participant text exists (offered.py). The languages that still lack texts go to stderr,
so a script reading stdout sees exactly the offered set.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from participatie.audit import record
from participatie.console import refuse
from participatie.coordinate.surveys.cli import _survey
from participatie.coordinate.surveys.services import change_status
from participatie.extensions import db
from participatie.surveys import speech
from participatie.surveys.definition import build_definition
from participatie.surveys.offered import incomplete_languages, offered_languages
from participatie.surveys.snapshot import current_questions


@click.command("publish")
@click.argument("code")
@with_appcontext
def publish_command(code: str) -> None:
    """Open a survey for participants; prints its offered languages, one per line."""
    survey = _survey(code)
    questions = current_questions(survey)
    project_languages = list(survey.project.languages or [])
    with force_locale("nl"):
        action = "reopen" if str(survey.status) == "closed" else "publish"
        problems = change_status(survey, action) if str(survey.status) != "open" else []
        if problems:
            refuse("\n".join(problems))
    offered = offered_languages(survey, questions, project_languages)
    for missing in incomplete_languages(survey, questions, project_languages):
        click.echo(
            f"not offered in {missing.language}: {missing.total} text(s) missing "
            f"(welcome {missing.welcome}, questions {missing.questions}, hints {missing.hints}, "
            f"options {missing.options}, thanks {missing.thanks})",
            err=True,
        )
    record(
        "survey.status",
        project=survey.project,
        object_type="survey",
        object_id=survey.public_id,
        change="publish",
        status=str(survey.status),
        languages=",".join(offered),
        via="cli",
    )
    db.session.commit()
    with force_locale("nl"):
        spoken = speech.check_for_survey(build_definition(survey, survey.project))
        for message in speech.outcome_messages(spoken):
            click.echo(message, err=True)
    for language in offered:
        click.echo(language)


@click.command("speak")
@click.argument("code")
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Only this offered language (repeatable); all that espeak-ng speaks by default.",
)
@with_appcontext
def speak_command(code: str, languages: tuple[str, ...]) -> None:
    """Make the read-aloud audio of every question page now, instead of on each first tap."""
    survey = _survey(code)
    definition = build_definition(survey, survey.project)
    unknown = sorted(set(languages) - set(definition.languages))
    if unknown:
        refuse(f"Not offered in {', '.join(unknown)}: {', '.join(definition.languages)}.")
    with force_locale("nl"):
        spoken = speech.generate_for_survey(definition, languages)
        for message in speech.outcome_messages(spoken):
            click.echo(message, err=True)
    click.echo(f"{spoken.made} made, {spoken.present} already there")
    if spoken.failed or spoken.unavailable:
        raise SystemExit(1)


@click.command("close")
@click.argument("code")
@with_appcontext
def close_command(code: str) -> None:
    """Close a survey: nobody can answer any more."""
    survey = _survey(code)
    change_status(survey, "close")
    record(
        "survey.status",
        project=survey.project,
        object_type="survey",
        object_id=survey.public_id,
        change="close",
        status=str(survey.status),
        via="cli",
    )
    db.session.commit()
    click.echo(survey.code)
