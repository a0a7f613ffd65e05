"""The app served over real HTTP, so a real browser can load it.

The server runs in a background thread of the test process and serves the session's `app`
object itself: the same configuration and the same database the other fixtures fill (`demo`) and
empty (`_clean_database`). It also logs every request it answers, because some requests a
browser makes (e.g. a favicon fetched by the browser process) never show in the page's DevTools
network events: comparing both catches them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class ServedRequest:
    method: str
    path: str
    query: str
    accept_encoding: str


class LiveServer:
    """`url` is the root (no trailing slash); `served` lists the requests answered so far."""

    def __init__(self, app: Flask, host: str = "127.0.0.1") -> None:
        self.app = app
        self._lock = threading.Lock()
        self._served: list[ServedRequest] = []
        # Port 0: the OS picks a free port, so parallel runs (pytest-xdist) never collide.
        self._server: BaseWSGIServer = make_server(host, 0, self._wsgi, threaded=True)
        self.url = f"http://{host}:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="live-server",
            daemon=True,
        )

    def _wsgi(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        with self._lock:
            self._served.append(
                ServedRequest(
                    method=environ["REQUEST_METHOD"],
                    path=environ.get("PATH_INFO", ""),
                    query=environ.get("QUERY_STRING", ""),
                    accept_encoding=environ.get("HTTP_ACCEPT_ENCODING", ""),
                )
            )
        return self.app(environ, start_response)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        # shutdown() ends serve_forever(); server_close() closes the listening socket, so no
        # ResourceWarning escapes (the suite turns warnings into errors).
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "live server thread did not stop"

    def mark(self) -> int:
        """A position in the request log; pass it to `served_since`."""
        with self._lock:
            return len(self._served)

    def served_since(self, mark: int) -> list[ServedRequest]:
        with self._lock:
            return list(self._served[mark:])

    def __call__(self, path: str) -> str:
        """The absolute URL of `path` on this server."""
        return self.url + path
