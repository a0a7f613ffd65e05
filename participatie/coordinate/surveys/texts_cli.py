"""`participatie surveys texts export|import`: a survey's texts as .po or XLIFF for a translator.

The same checks as the translation page: `import` reads the whole file first, prints each change
on stdout and each skipped text with its reason on stderr, then saves all changes at once (or
nothing with --dry-run). A file that cannot be used changes nothing and exits with status 1.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from participatie.audit import record
from participatie.console import refuse
from participatie.coordinate.surveys.cli import _survey
from participatie.extensions import db
from participatie.i18n import SOURCE_LOCALE, normalise_locale
from participatie.surveys.texts import (
    FORMATS,
    FileRefused,
    apply_import,
    export_texts,
    plan_import,
)

texts_cli = AppGroup("texts", help="A survey's texts as .po or XLIFF files for a translator.")


@texts_cli.command("export")
@click.argument("code")
@click.option("--lang", required=True, help="The language to translate into, e.g. ar or fa_AF.")
@click.option("--format", "format_", type=click.Choice(FORMATS), required=True)
@click.option(
    "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True
)
def export_texts_command(code: str, lang: str, format_: str, output: Path) -> None:
    """Write the survey's Dutch texts with their current translation in LANG."""
    survey = _survey(code)
    language = normalise_locale(lang)
    targets = [known for known in survey.project.languages if known != SOURCE_LOCALE]
    if language not in targets:
        refuse(
            f"Project {survey.project.slug} has no language {lang!r} to translate into; "
            f"its languages: {', '.join(targets) or 'only nl'}."
        )
    with force_locale(SOURCE_LOCALE):  # the notes for the translator, in Dutch
        output.write_bytes(export_texts(survey, language, format_))
    record(
        "survey.texts.export",
        project=survey.project,
        object_type="survey",
        object_id=survey.public_id,
        language=language,
        format=format_,
        via="cli",
    )
    db.session.commit()
    click.echo(str(output))


@texts_cli.command("import")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only show what would change.")
def import_texts_command(code: str, file: Path, dry_run: bool) -> None:
    """Check a translated .po or XLIFF file, then save its translations."""
    survey = _survey(code)
    with force_locale(SOURCE_LOCALE):  # messages in Dutch, as the builder shows them
        try:
            plan = plan_import(survey, file.read_bytes())
        except FileRefused as refused:
            refuse("\n".join([refused.message, *refused.lines]))
        changed = 0 if dry_run else apply_import(survey, plan)
    for skipped in plan.skipped:
        click.echo(f"skipped {skipped.id or '(no id)'}: {skipped.reason}", err=True)
    for change in plan.changes:
        click.echo(f"{change.id}\t{change.new}")
    if changed:
        record(
            "survey.texts.import",
            project=survey.project,
            object_type="survey",
            object_id=survey.public_id,
            language=plan.language,
            format=plan.format,
            changed=changed,
            skipped=len(plan.skipped),
            via="cli",
        )
        db.session.commit()
    verb = "would change" if dry_run else "changed"
    click.echo(
        f"{plan.language}: {len(plan.changes)} {verb}, {plan.unchanged} already so, "
        f"{plan.untranslated} not translated in the file, {len(plan.skipped)} skipped",
        err=True,
    )
