"""`participatie surveys import|export` and `participatie responses import` (DESIGN.md §6).

Messages are the same plain Dutch sentences the builder shows, so the command runs with the
Dutch locale forced (there is no request to choose one).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy import select

from participatie.audit import record
from participatie.console import refuse
from participatie.extensions import db
from participatie.models import Project, ResponseMode, Survey
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import build_definition
from participatie.surveys.responses_csv import read_responses, store_responses
from participatie.surveys.responses_csv_bounds import MAX_CSV_BYTES, too_big_message
from participatie.surveys.snapshot import survey_to_definition

surveys_cli = AppGroup("surveys", help="Import and export surveys as XLSForm.")
responses_cli = AppGroup("responses", help="Import answers collected elsewhere.")

# `pdf` is the paper form, made by participatie.assist.paper (the assisted-entry area): it is
# offered when that module is there.
PAPER = importlib.util.find_spec("participatie.assist.paper") is not None
FORMATS = ["xlsform", "pdf"] if PAPER else ["xlsform"]


def _survey(code: str) -> Survey:
    normalised = find_survey_code(code)
    survey = (
        db.session.scalar(select(Survey).where(Survey.code == normalised)) if normalised else None
    )
    if survey is None:
        refuse(f"No survey with code {code!r}.")
    return survey


@surveys_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--project", "project_slug", required=True, help="The project's slug.")
@click.option("--code", help="The survey code for flyers (2-16 letters, digits or -).")
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="NAME=CODE",
    help='The code of a language the form names without one, e.g. "Vlaams-West=nl" (repeatable).',
)
def import_survey(
    file: Path, project_slug: str, code: str | None, languages: tuple[str, ...]
) -> None:
    """Import an XLSForm (.xlsx) as a new draft survey; prints its code.

    Notes on what was skipped go to stderr; a refusal lists what to change, one line each."""
    from participatie.coordinate.surveys.services import import_xlsform
    from participatie.surveys import xlsform_messages as m
    from participatie.surveys.xlsform_languages import is_language_code

    project = db.session.scalar(select(Project).where(Project.slug == project_slug))
    if project is None:
        refuse(f"No project with slug {project_slug!r}.")
    if code and find_survey_code(code) is None:
        raise click.BadParameter("2-16 letters, digits or -", param_hint="--code")
    chosen: dict[str, str] = {}
    for pair in languages:
        name, _sep, language = pair.rpartition("=")
        if not name.strip() or not is_language_code(language):
            raise click.BadParameter("NAME=CODE, e.g. Engels=en", param_hint="--language")
        chosen[name.strip()] = language.strip()
    with force_locale("nl"):
        outcome = import_xlsform(
            project, file.read_bytes(), file.name, code or "", via="cli", languages=chosen
        )
        if outcome.survey is None:
            asked = [
                str(
                    m.LANGUAGE_OPTION
                    % {
                        "language": name,
                        "option": f'--language "{name}=CODE"',
                        "example": f'--language "{name}=nl"',
                    }
                )
                for name in outcome.unknown_languages
            ]
            problems = [*asked, *(message for _field, message in outcome.errors)]
            notes = [str(m.NOTES), *outcome.notices] if outcome.notices else []
            refuse("\n".join([str(m.NOT_IMPORTED), *problems, *notes]))
        if outcome.notices:
            click.echo("\n".join([str(m.IMPORTED_WITH_NOTES), *outcome.notices]), err=True)
    db.session.commit()
    click.echo(outcome.survey.code)


@surveys_cli.command("export")
@click.argument("code")
@click.option("--format", "format_", type=click.Choice(FORMATS), required=True)
@click.option(
    "--lang", help="xlsform: only this language (default: all); pdf: the form's language."
)
@click.option(
    "--copies", type=click.IntRange(1, 500), default=1, show_default=True, help="pdf only."
)
@click.option(
    "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True
)
def export_survey(code: str, format_: str, lang: str | None, copies: int, output: Path) -> None:
    """Write the survey as an XLSForm (.xlsx) or as numbered paper forms (.pdf)."""
    survey = _survey(code)
    if format_ == "pdf":
        output.write_bytes(_paper(survey, lang or survey.default_language, copies))
    else:
        # openpyxl is heavy; the CLI is registered in every web worker, so import on use.
        from participatie.surveys.xlsform_export import export_xlsform, survey_languages

        languages = survey_languages(survey_to_definition(survey), survey.project.languages)
        if lang and lang not in languages:
            refuse(
                f"Survey {survey.code} has no texts in {lang!r}; its languages: {', '.join(languages)}."
            )
        output.write_bytes(export_xlsform(survey, lang))
    record(
        "survey.export",
        project=survey.project,
        object_type="survey",
        object_id=survey.public_id,
        format=format_,
        language=lang or "",
        via="cli",
    )
    db.session.commit()
    click.echo(str(output))


def _paper(survey: Survey, lang: str, copies: int) -> bytes:
    from participatie.assist.paper import PaperUnavailable, UnknownPaperSurvey, render_paper_pdf

    try:
        return render_paper_pdf(survey.code, lang, copies)
    except (PaperUnavailable, UnknownPaperSurvey) as error:
        refuse(str(error))


@responses_cli.command("import")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(["self", "assisted", "paper"]),
    default="self",
    show_default=True,
    help="How the answers were collected, for rows without a mode column.",
)
def import_responses(code: str, file: Path, mode: str) -> None:
    """Check every row of a CSV export against the survey, then store all or nothing."""
    survey = _survey(code)
    definition = build_definition(survey, survey.project)
    with force_locale("nl"):
        if file.stat().st_size > MAX_CSV_BYTES:  # not even read into memory
            refuse(too_big_message())
        result = read_responses(file.read_bytes(), definition, ResponseMode(mode))
        for notice in result.notices:
            click.echo(notice, err=True)
        if result.errors:
            refuse("\n".join(str(error) for error in result.errors))
    added = store_responses(survey, definition, result.rows)
    record(
        "responses.import",
        project=survey.project,
        object_type="survey",
        object_id=survey.public_id,
        added=added,
        already_imported=result.already_imported,
        file=file.name,
    )
    db.session.commit()
    click.echo(f"{added} imported, {result.already_imported} already imported")
