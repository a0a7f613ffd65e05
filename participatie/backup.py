"""`participatie backup FILE` and `participatie restore FILE`.

SQLite: the online backup API (a consistent copy while the app keeps running). PostgreSQL:
pg_dump in its custom format and pg_restore --clean, so a restore replaces what is there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from participatie.extensions import db


class BackupError(RuntimeError):
    pass


def _sqlite_path() -> Path:
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    return Path(url.database or "")


def _pg_args() -> tuple[list[str], dict[str, str]]:
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    args = ["--host", url.host or "localhost", "--port", str(url.port or 5432)]
    if url.username:
        args += ["--username", url.username]
    env = {"PGPASSWORD": url.password} if url.password else {}
    return [*args, "--dbname", url.database or ""], env


def _run(command: list[str], env: dict[str, str]) -> None:
    binary = shutil.which(command[0])
    if binary is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(  # noqa: S603  (fixed binaries, arguments from our own config)
        [binary, *command[1:]],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def backup(target: Path) -> None:
    dialect = db.engine.dialect.name
    if dialect == "sqlite":
        source = sqlite3.connect(_sqlite_path())
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
        source.close()
    elif dialect == "postgresql":
        args, env = _pg_args()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
    else:
        raise BackupError(f"no backup method for {dialect}")


def restore(source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    dialect = db.engine.dialect.name
    db.session.remove()
    db.engine.dispose()  # no connection may hold the old database open
    if dialect == "sqlite":
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(_sqlite_path())
        with live:
            backup_db.backup(live)
        live.close()
        backup_db.close()
    elif dialect == "postgresql":
        args, env = _pg_args()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            env,
        )
    else:
        raise BackupError(f"no restore method for {dialect}")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(target: Path) -> None:
    """Write a consistent backup of the whole database to TARGET."""
    from participatie.console import refuse

    try:
        backup(target)
    except (BackupError, sqlite3.Error, OSError) as error:
        refuse(f"Backup failed: {error}")
    click.echo(str(target))


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Confirm: the current data is replaced.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Replace the whole database with the backup in SOURCE."""
    from participatie.console import refuse

    if not yes:
        raise click.UsageError("Restoring replaces all current data: add --yes to confirm.")
    try:
        restore(source)
    except (BackupError, sqlite3.Error, OSError) as error:
        refuse(f"Restore failed: {error}")
    click.echo(f"restored from {source}", err=True)
