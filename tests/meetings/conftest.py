"""A fake SMS gateway (HTTP on loopback) and a real SMTP server (aiosmtpd) for the reminder tests."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask

GATEWAY_TOKEN = "test-gateway-token"


@dataclass
class FakeGateway:
    url: str = ""
    status: int = 200
    delay: float = 0.0
    received: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(gateway: FakeGateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if gateway.delay:
                time.sleep(gateway.delay)
            if gateway.status == 200:
                with gateway.lock:
                    gateway.received.append(
                        {
                            "authorization": self.headers.get("Authorization"),
                            "content_type": self.headers.get("Content-Type"),
                            **json.loads(body),
                        }
                    )
            self.send_response(gateway.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if gateway.status == 200 else b'{"error": "down"}')

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def sms_gateway(app: Flask) -> Iterator[FakeGateway]:
    gateway = FakeGateway()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(gateway))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/sms"
    saved = {k: app.config[k] for k in ("SMS_BACKEND", "SMS_GATEWAY_URL", "SMS_GATEWAY_TOKEN")}
    app.config.update(
        SMS_BACKEND="http", SMS_GATEWAY_URL=gateway.url, SMS_GATEWAY_TOKEN=GATEWAY_TOKEN
    )
    yield gateway
    app.config.update(saved)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


class _Collector:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(app: Flask) -> Iterator[_Collector]:
    from aiosmtpd.controller import Controller

    collector = _Collector()
    port = _free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    saved = {k: app.config[k] for k in ("SMTP_URL", "MAIL_FROM")}
    app.config.update(
        SMTP_URL=f"smtp://127.0.0.1:{port}",
        MAIL_FROM="herinnering@kempenaar.example",
    )
    yield collector
    app.config.update(saved)
    controller.stop()
