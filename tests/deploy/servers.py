"""Start gunicorn and nginx with the configs from deploy/, on loopback, for tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# gunicorn's error log (its stderr) goes to a file, not a pipe: a pipe nobody reads blocks the
# server once 64 KiB are written, and a file can be shown when a test fails (see log_text).
_LOGS: dict[int, tempfile._TemporaryFileWrapper[bytes]] = {}
SHOWN_LOG_BYTES = 4000


def log_text(process: subprocess.Popen[bytes]) -> str:
    """What the gunicorn started by gunicorn_process has written to its error log so far."""
    log = _LOGS[process.pid]
    log.flush()
    return Path(log.name).read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing answered at {url}")
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes], how: signal.Signals, *, seconds: float) -> None:
    """Asks the server to stop (`how`: its graceful signal), and kills it after `seconds`."""
    process.send_signal(how)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def gunicorn_process(
    database_url: str,
    *,
    workers: int = 2,
    env: dict[str, str] | None = None,
    app: str = "wsgi:app",
    startup_seconds: float = 60,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """gunicorn with deploy/gunicorn.conf.py on a free loopback port: (address, master process)."""
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "deploy-test-secret",
        "RESUME_CODE_KEY": "deploy-test-resume",
        "PROXY_COUNT": "1",
        "WEB_CONCURRENCY": str(workers),
        **(env or {}),
    }
    with tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(DEPLOY / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                app,
            ],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        _LOGS[process.pid] = log
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", seconds=startup_seconds)
            yield f"127.0.0.1:{port}", process
        except BaseException:
            # The server's side of a failure (pytest shows a failed test's output).
            print(f"gunicorn's error log, last {SHOWN_LOG_BYTES} characters:")
            print(log_text(process)[-SHOWN_LOG_BYTES:])
            raise
        finally:
            _stop(process, signal.SIGTERM, seconds=20)
            del _LOGS[process.pid]


@contextmanager
def gunicorn(
    database_url: str, *, workers: int = 2, env: dict[str, str] | None = None
) -> Iterator[str]:
    with gunicorn_process(database_url, workers=workers, env=env) as (address, _process):
        yield address


def worker_pids(master: subprocess.Popen[bytes]) -> list[int]:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def nginx_site(upstream: str | Sequence[str], port: int, logs: Path) -> str:
    """The site config from deploy/, with only the listen address, upstream(s) and log folder
    changed. Several upstreams take turns (nginx's round robin)."""
    upstreams = [upstream] if isinstance(upstream, str) else list(upstream)
    site = (DEPLOY / "nginx" / "participatie.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    servers = "\n    ".join(f"server {address};" for address in upstreams)
    site = site.replace("server 127.0.0.1:8000;", servers)
    return site.replace("/var/log/nginx/", f"{logs}/")


@contextmanager
def nginx(upstream: str | Sequence[str], workdir: Path) -> Iterator[str]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    for folder in ("logs", "tmp"):
        (workdir / folder).mkdir(parents=True, exist_ok=True)
    (workdir / "site.conf").write_text(nginx_site(upstream, port, workdir / "logs"))
    (workdir / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {workdir}/tmp/body;
    proxy_temp_path {workdir}/tmp/proxy;
    fastcgi_temp_path {workdir}/tmp/fastcgi;
    uwsgi_temp_path {workdir}/tmp/uwsgi;
    scgi_temp_path {workdir}/tmp/scgi;
    include {workdir}/site.conf;
}}
"""
    )
    process = subprocess.Popen(
        [binary, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        yield f"127.0.0.1:{port}"
    finally:
        _stop(process, signal.SIGQUIT, seconds=10)
