"""The `participatie` command: a Flask CLI group on the app factory.

Each area keeps its commands in its own cli.py (shared helpers: participatie/console.py);
init_cli adds them all. Nothing imports this module but create_app and the entry point, so no
command module can form an import cycle with it.

Exit status 0 = done, 1 = refused because of the data (reasons on stderr), 2 = wrong usage.
Results go to stdout, messages to stderr.
"""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup


def init_cli(app: Flask) -> None:
    from participatie.auth.cli import users_cli
    from participatie.backup import backup_command, restore_command
    from participatie.coordinate.codebook.cli import codebook_cli
    from participatie.coordinate.focusgroups.cli import focusgroups_cli
    from participatie.coordinate.privacy.dpo_export import export_project_command
    from participatie.coordinate.surveys.cli import responses_cli, surveys_cli
    from participatie.coordinate.surveys.publish_cli import (
        close_command,
        publish_command,
        speak_command,
    )
    from participatie.coordinate.surveys.texts_cli import texts_cli
    from participatie.demo.cli import demo_command
    from participatie.follow.cli import plan_cli
    from participatie.meetings.cli import meetings_cli, reminders_cli
    from participatie.report.cli import report_command
    from participatie.report.releases_cli import releases_cli
    from participatie.retention import purge_command
    from participatie.tagging.cli import themes_cli

    app.cli.add_command(demo_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(report_command)
    app.cli.add_command(releases_cli)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(export_project_command)
    app.cli.add_command(themes_cli)
    app.cli.add_command(purge_command)
    app.cli.add_command(focusgroups_cli)
    surveys_cli.add_command(texts_cli)  # `participatie surveys texts export|import`
    surveys_cli.add_command(publish_command)  # `participatie surveys publish CODE`
    surveys_cli.add_command(speak_command)  # `participatie surveys speak CODE`
    surveys_cli.add_command(close_command)
    app.cli.add_command(surveys_cli)
    app.cli.add_command(responses_cli)
    app.cli.add_command(codebook_cli)
    app.cli.add_command(meetings_cli)
    app.cli.add_command(reminders_cli)
    app.cli.add_command(plan_cli)


def _create_app() -> Flask:
    from participatie import create_app

    return create_app()


def main() -> None:
    cli = FlaskGroup(name="participatie", create_app=_create_app, add_version_option=False)
    cli.main(prog_name="participatie")
