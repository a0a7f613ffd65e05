"""Limits that hold across workers (issue 17, item 10): in production, more than one gunicorn
worker without REDIS_URL refuses to start (each worker would count logins and submissions on its
own, so every limit would be multiplied); one worker, or a shared store, starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.deploy.servers import DEPLOY, ROOT, free_port, wait_for


def _gunicorn(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[bytes]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "WEB_CONCURRENCY"}
    }
    environment.update(
        {
            "PARTICIPATIE_ENV": "production",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.db'}",
            "SECRET_KEY": "worker-limit-secret",
            "RESUME_CODE_KEY": "worker-limit-resume",
            # Production refuses to start without a contact key while reminders are on.
            "REMINDERS_ENABLED": "false",
            **env,
        }
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(DEPLOY / "gunicorn.conf.py"),
            *args,
            "wsgi:app",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _refusal(process: subprocess.Popen[bytes]) -> str:
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError("gunicorn started several workers without REDIS_URL") from None
    assert process.returncode != 0
    return stderr.decode()


def test_several_workers_without_redis_refuse_to_start(tmp_path: Path) -> None:
    port = free_port()
    message = _refusal(_gunicorn(tmp_path, "--bind", f"127.0.0.1:{port}", WEB_CONCURRENCY="3"))
    assert "REDIS_URL" in message and "3 workers" in message


def test_workers_given_on_the_command_line_count_too(tmp_path: Path) -> None:
    port = free_port()
    message = _refusal(_gunicorn(tmp_path, "--bind", f"127.0.0.1:{port}", "--workers", "2"))
    assert "REDIS_URL" in message


def test_without_redis_the_default_is_one_worker_and_it_starts(tmp_path: Path) -> None:
    # What `make run` does too: no WEB_CONCURRENCY, no REDIS_URL.
    port = free_port()
    process = _gunicorn(tmp_path, "--bind", f"127.0.0.1:{port}")
    try:
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "participatie", "db", "upgrade"],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.db'}",
                "SECRET_KEY": "x",
                "RESUME_CODE_KEY": "y",
            },
            check=True,
            capture_output=True,
        )
        wait_for(f"http://127.0.0.1:{port}/healthz", seconds=60)
    finally:
        process.terminate()
        process.communicate(timeout=30)
