"""The `participatie` command: a Flask CLI group on the app factory.

Exit status 0 = done, 1 = refused because of the data (reasons on stderr), 2 = wrong usage.
Results go to stdout, messages to stderr.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import click
from flask import Flask, current_app
from flask.cli import AppGroup, FlaskGroup, with_appcontext
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Project, Role

users_cli = AppGroup("users", help="Accounts for coordinators, volunteers, stuurgroep and admins.")


def refuse(message: str) -> NoReturn:
    """Refused because of the data: the reason on stderr, exit status 1."""
    click.echo(message, err=True)
    sys.exit(1)


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load the demo project, survey, responses and accounts (idempotent; never in production)."""
    from participatie.demo import demo_totp_secret, load_demo

    if not current_app.config["DEMO_ALLOWED"]:
        refuse("The demo data is not loaded in production (PARTICIPATIE_ENV=production).")
    result = load_demo()
    db.session.commit()
    click.echo(f"Demo survey: {result.survey_url}")
    click.echo(f"Public feedback page: {result.public_url}")
    click.echo("Logins (development only):")
    for email, password, roles in result.logins:
        click.echo(f"  {email}  {password}  ({roles})")
    click.echo(
        "Coordinators and admins also need a code: `participatie users code EMAIL` prints it,"
    )
    click.echo("or add the account to an authenticator app with its secret:")
    for email, _password, roles in result.logins:
        if roles in ("admin", "coordinator"):
            click.echo(f"  {email}  {demo_totp_secret(email)}")


@users_cli.command("create")
@click.argument("email")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([*(r.value for r in Role), "admin"]),
    help="A role to grant; repeat for several. Project roles need --project.",
)
@click.option("--project", "project_slug", help="The project's slug for project roles.")
@click.option("--name", default="", help="The name shown to colleagues.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input, else generate one.",
)
def create_user(
    email: str, roles: tuple[str, ...], project_slug: str | None, name: str, password_stdin: bool
) -> None:
    """Create an account (or reset its password) and grant roles."""
    from participatie.auth.passwords import MIN_PASSWORD_LENGTH
    from participatie.auth.services import create_or_update_user, generate_password

    project_roles = [Role(r) for r in roles if r != "admin"]
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("expected an e-mail address", param_hint="EMAIL")
    if project_roles and not project_slug:
        raise click.UsageError("Project roles need --project SLUG.")
    project = None
    if project_slug:
        project = db.session.scalar(select(Project).where(Project.slug == project_slug))
        if project is None:
            refuse(f"No project with slug {project_slug!r}.")
    password = sys.stdin.readline().rstrip("\n") if password_stdin else generate_password()
    if len(password) < MIN_PASSWORD_LENGTH:
        refuse(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    user = create_or_update_user(
        email,
        password,
        name=name,
        admin="admin" in roles,
        roles=tuple((project, role) for role in project_roles if project is not None),
    )
    db.session.commit()
    click.echo(user.email)
    if not password_stdin:
        click.echo(f"password: {password}")


@users_cli.command("code")
@click.argument("email")
@with_appcontext
def current_code(email: str) -> None:
    """Print the current two-factor code of an account (development only)."""
    import pyotp

    from participatie.auth.services import find_user

    if not current_app.config["DEMO_ALLOWED"]:
        refuse("Printing two-factor codes is for development only.")
    user = find_user(email)
    if user is None or not user.totp_secret:
        refuse(f"No account with two-factor authentication for {email}.")
    click.echo(pyotp.TOTP(user.totp_secret).now())


def init_cli(app: Flask) -> None:
    from participatie.backup import backup_command, restore_command
    from participatie.coordinate.codebook.cli import codebook_cli
    from participatie.coordinate.focusgroups.cli import focusgroups_cli
    from participatie.coordinate.privacy.dpo_export import export_project_command
    from participatie.follow.cli import plan_cli
    from participatie.meetings.cli import meetings_cli, reminders_cli
    from participatie.report.cli import report_command
    from participatie.report.releases_cli import releases_cli
    from participatie.retention import purge_command
    from participatie.surveys.cli import responses_cli, surveys_cli
    from participatie.surveys.publish_cli import close_command, publish_command
    from participatie.surveys.texts_cli import texts_cli
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
