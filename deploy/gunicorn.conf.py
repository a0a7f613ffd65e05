"""gunicorn settings shared by `make run`, the tests and production.

The access log leaves out the client address (%(h)s) and the user agent: we keep neither; the
error log has every address replaced (AddressFreeLogger below).
"""

import logging
import os
import re

from gunicorn.glogging import Logger

# Rate limits and login lockouts are counted per process unless REDIS_URL gives them a shared
# store: one worker by default without it (so `make run` just works), two with it.
workers = int(os.environ.get("WEB_CONCURRENCY") or (2 if os.environ.get("REDIS_URL") else 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# Requests larger than this are refused before they reach the app.
limit_request_line = 4094
limit_request_field_size = 8190
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The error log neither: gunicorn writes "Invalid request from ip=…" for a request it refuses
# itself (a line too long, a malformed header), and addresses turn up in other messages. Every
# record of the error log passes through this filter, which replaces any IP address.
_HEX = r"[0-9A-Fa-f]{1,4}"
_IPV4 = r"(?:\d{1,3}\.){3}\d{1,3}"
_ADDRESS = re.compile(
    rf"(?<![\w.:])(?:"
    rf"(?:{_HEX}(?::{_HEX})*)?::(?:{_HEX}(?::{_HEX})*)?(?::{_IPV4})?(?:%\w+)?"  # IPv6 with ::
    rf"|(?:{_HEX}:){{7}}{_HEX}"  # IPv6 written in full
    rf"|{_IPV4}"
    rf")(?![\w.])"
)


class _NoAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        cleaned = _ADDRESS.sub("[address]", text)
        if cleaned != text:
            record.msg, record.args = cleaned, ()
        return True


class AddressFreeLogger(Logger):
    def setup(self, cfg):  # type: ignore[no-untyped-def]
        super().setup(cfg)
        if not any(isinstance(f, _NoAddresses) for f in self.error_log.filters):
            self.error_log.addFilter(_NoAddresses())


logger_class = AddressFreeLogger


def on_starting(server):  # type: ignore[no-untyped-def]
    """Refuses several workers without a shared store in production (also for --workers N)."""
    from participatie.config import check_worker_limits

    check_worker_limits(
        os.environ.get("PARTICIPATIE_ENV", "development"),
        server.cfg.workers,
        os.environ.get("REDIS_URL", ""),
    )
