"""Rate limits: shared between workers through Redis, keyed by a hash and never by the address."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from participatie.extensions import db, limiter
from tests.conftest import make_app

pytestmark = pytest.mark.redis
REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis() -> Any:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return client


def test_two_workers_share_the_login_limit_and_store_no_address(
    app: Flask, database_url: str, tmp_path: Path
) -> None:
    store = _redis()
    # Database 15 is this test's alone. Flask-Limiter is one object per process and keeps the
    # key prefix of the first app that configured it, so the keys are found by database, not
    # by the prefix set here.
    store.flushdb()
    prefix = "test-" + secrets.token_hex(4)
    settings = {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": prefix,
        "WTF_CSRF_ENABLED": False,
        "PROPAGATE_EXCEPTIONS": True,
    }
    workers: list[Flask] = []
    try:
        workers += [
            make_app(database_url, tmp_path / "a", **settings),
            make_app(database_url, tmp_path / "b", **settings),
        ]
        statuses = []
        for attempt in range(22):
            client = workers[attempt % 2].test_client()
            reply = client.post(
                "/login",
                data={"email": "x@y.example", "password": "wrong"},
                environ_base={"REMOTE_ADDR": "203.0.113.9"},
            )
            statuses.append(reply.status_code)
        # "20 per minute" across both workers together: the 21st attempt is refused, in words.
        assert statuses[:20] == [200] * 20 and statuses[20] == 429
        # Another address is not affected.
        other = (
            workers[0]
            .test_client()
            .post(
                "/login",
                data={"email": "x@y.example", "password": "w"},
                environ_base={"REMOTE_ADDR": "198.51.100.7"},
            )
        )
        assert other.status_code == 200
        keys = [key.decode() for key in store.scan_iter("*")]
        assert keys and not any("203.0.113.9" in key or "198.51.100.7" in key for key in keys)
        store.flushdb()
    finally:
        for worker in workers:  # close their database connections, as a stopped worker would
            with worker.app_context():
                db.engine.dispose()
        # The limiter is one object for every app: give the session's app its settings back,
        # or later tests in this worker would be rate-limited through this test's store.
        limiter.init_app(app)
