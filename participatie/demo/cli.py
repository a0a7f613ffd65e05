"""`participatie demo`: the demo project, survey, responses and accounts (never in production)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from participatie.console import refuse
from participatie.extensions import db


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
