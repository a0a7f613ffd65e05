"""The bare Flask app under the same gunicorn command and settings as the real app.

`tests.deploy.servers.gunicorn` starts `wsgi:app` only; this starts `bench.bare_app:app` with the
same command line, configuration file (deploy/gunicorn.conf.py) and worker count, so the two are
compared under one server setup. Everything else (ports, waiting) is reused from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager

from tests.deploy.servers import gunicorn_process

BARE_APP = "bench.bare_app:app"
STARTUP_SECONDS = 60


@contextmanager
def started(
    open_server: Callable[[], AbstractContextManager[str]], attempts: int = 3
) -> Iterator[str]:
    """A server context, started again when it did not answer in time.

    `tests.deploy.servers.gunicorn` waits 20 s for /healthz; on a machine busy with other work,
    two workers importing the app can take longer than that.
    """
    for attempt in range(1, attempts + 1):
        stack = ExitStack()
        try:
            address = stack.enter_context(open_server())
        except TimeoutError:
            stack.close()
            if attempt == attempts:
                raise
            continue
        with stack:
            yield address
        return


@contextmanager
def bare_flask(*, workers: int = 2) -> Iterator[str]:
    """The bare Flask app under the same gunicorn settings as ours."""
    with gunicorn_process("", workers=workers, app=BARE_APP, startup_seconds=STARTUP_SECONDS) as (
        address,
        _process,
    ):
        yield address
