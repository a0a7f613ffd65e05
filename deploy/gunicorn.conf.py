"""gunicorn settings shared by `make run`, the tests and production.

The access log leaves out the client address (%(h)s) and the user agent: we keep neither.
"""

import os

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


def on_starting(server):  # type: ignore[no-untyped-def]
    """Refuses several workers without a shared store in production (also for --workers N)."""
    from participatie.config import check_worker_limits

    check_worker_limits(
        os.environ.get("PARTICIPATIE_ENV", "development"),
        server.cfg.workers,
        os.environ.get("REDIS_URL", ""),
    )
