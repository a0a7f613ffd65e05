"""Issue 17 item 11: gunicorn's error log never writes a client address, also for requests it
refuses itself (a request line that is too long, a malformed line or header)."""

from __future__ import annotations

import signal
import socket

import pytest

from tests.deploy.servers import gunicorn_process, log_text

pytestmark = [pytest.mark.slow]

MALFORMED = [
    b"GET /" + b"a" * 6000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",  # longer than limit_request_line
    b"HELLO THERE\r\n\r\n",  # no request line at all
    b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
]


def _send(address: str, raw: bytes) -> bytes:
    host, port = address.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(raw)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_the_error_log_writes_no_client_address(database_url: str, demo: None) -> None:
    with gunicorn_process(database_url, workers=1) as (address, master):
        for raw in MALFORMED:
            reply = _send(address, raw)
            assert reply.startswith(b"HTTP/1.1 4"), reply[:80]
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=20)
        log = log_text(master)
    assert "Invalid request" in log  # the refusals are logged ...
    assert "127.0.0.1" not in log, log  # ... without anyone's address
