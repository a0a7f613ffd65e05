"""A TCP relay between the browser and the live server that can lose the connection, like a phone
at a kitchen table.

Playwright's `context.set_offline()` does not stop a service worker's own fetches, and a server
that stops and starts again gets another port (so another origin, with empty storage). This
relay keeps one address for the whole test, even across browser restarts; `down()` refuses new
connections and cuts the open ones, for the page and its service worker alike.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator


class FlakyNetwork:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._up = threading.Event()
        self._up.set()
        self._closing = False
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, name="flaky-network", daemon=True)
        self._thread.start()

    def __call__(self, path: str) -> str:
        return self.url + path

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            if not self._up.is_set():
                # No network: the connection is reset at once.
                client.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                self._close(end)

    def _close(self, end: socket.socket) -> None:
        with self._lock:
            self._open.discard(end)
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
        end.close()

    def down(self) -> None:
        """No connection from now on; open connections are cut."""
        self._up.clear()
        with self._lock:
            current = list(self._open)
        for end in current:
            self._close(end)

    def up(self) -> None:
        self._up.set()

    def close(self) -> None:
        self._closing = True
        self.down()
        self._listener.close()
        self._thread.join(timeout=5)


@contextlib.contextmanager
def flaky_network(target_url: str) -> Iterator[FlakyNetwork]:
    host, port = target_url.removeprefix("http://").split(":")
    network = FlakyNetwork(host, int(port))
    try:
        yield network
    finally:
        network.close()
