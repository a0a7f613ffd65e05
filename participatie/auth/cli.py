"""`participatie users create|code`: accounts for coordinators, volunteers, stuurgroep and admins."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from participatie.console import refuse
from participatie.extensions import db
from participatie.models import Project, Role

users_cli = AppGroup("users", help="Accounts for coordinators, volunteers, stuurgroep and admins.")


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
