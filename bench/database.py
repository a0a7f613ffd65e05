"""The benchmark's PostgreSQL database: made fresh, migrated and loaded with the demo by the CLI,
and asked afterwards which answers it holds.

The fresh database comes from `tests.database.fresh_postgres_database` (created on the server of
DATABASE_URL or TEST_POSTGRES_URL, postgres@127.0.0.1:5432 by default, and dropped at the end).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import psycopg

from tests.deploy.servers import ROOT

# The secrets the server helpers give gunicorn: the CLI uses the same, and writes none to instance/.
SECRETS = {"SECRET_KEY": "deploy-test-secret", "RESUME_CODE_KEY": "deploy-test-resume"}


def libpq_url(database_url: str) -> str:
    """SQLAlchemy's postgresql+psycopg:// URL as psycopg itself takes it."""
    return database_url.replace("postgresql+psycopg://", "postgresql://", 1)


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("participatie")
    found = str(script) if script.exists() else shutil.which("participatie")
    if found is None:
        raise RuntimeError("the `participatie` command is not installed (make install)")
    return [found]


def participatie(database_url: str, *args: str) -> None:
    """Runs `participatie ARGS` against the benchmark database; its output is not needed."""
    env = {**os.environ, **SECRETS, "DATABASE_URL": database_url}
    result = subprocess.run(
        [*_cli(), *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"participatie {' '.join(args)} failed: {result.stderr[-2000:]}")


def prepare(database_url: str) -> None:
    participatie(database_url, "db", "upgrade")
    participatie(database_url, "demo")


def applied_answers(database_url: str, run_prefix: str) -> int:
    """Answer writes the app applied for one wrk run: its idempotency keys with scope 'answer'."""
    with psycopg.connect(libpq_url(database_url)) as connection:
        row = connection.execute(
            "SELECT count(*) FROM idempotency_keys WHERE scope = 'answer' AND key LIKE %s",
            (run_prefix + "-%",),
        ).fetchone()
    return int(row[0]) if row else 0


def missing_keys(database_url: str, keys: Iterable[str]) -> int:
    """How many of these acknowledged idempotency keys the database does not hold."""
    wanted = list(keys)
    with psycopg.connect(libpq_url(database_url)) as connection:
        row = connection.execute(
            "SELECT count(*) FROM idempotency_keys WHERE scope = 'answer' AND key = ANY(%s)",
            (wanted,),
        ).fetchone()
    return len(set(wanted)) - (int(row[0]) if row else 0)


def backend_pids(database_url: str) -> list[int]:
    """The PostgreSQL server processes serving the benchmark database (on this machine)."""
    with psycopg.connect(libpq_url(database_url)) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [int(row[0]) for row in rows]
