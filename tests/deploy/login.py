"""Logging in to a real server (gunicorn, nginx) through its forms, second factor included."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.conftest import current_totp
from tests.deploy.http import Session

DEMO_PASSWORD = "demo-wachtwoord"  # the demo accounts' password


def log_in(web: Session, app: Flask, email: str, password: str = DEMO_PASSWORD) -> None:
    """`app` is a test app on the server's database: it reads the account's second factor."""
    page = web.get("/login")
    reply = web.post(
        "/login",
        {"csrf_token": web.field(page.body, "csrf_token"), "email": email, "password": password},
    )
    assert reply.status == 302, (
        reply.status,
        Session.main_text(reply.body),
        account_as_the_server_reads_it(app, email),
    )
    if "/login/code" in reply.headers["Location"]:
        page = web.get("/login/code")
        reply = web.post(
            "/login/code",
            {"csrf_token": web.field(page.body, "csrf_token"), "code": current_totp(app, email)},
        )
        assert reply.status == 302, Session.main_text(reply.body)
    assert "/login" not in reply.headers["Location"], reply.headers["Location"]


def account_as_the_server_reads_it(app: Flask, email: str) -> dict[str, Any]:
    """The account's row, read through a new connection as the server's workers read it: what
    a refused login needs to be understood (a CI run once refused the right password, once)."""
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT active, failed_logins, locked_until, substr(password_hash, 1, 32) AS hash, "
                    "(SELECT count(*) FROM users) AS users FROM users WHERE email = :email"
                ),
                {"email": email},
            ).first()
    finally:
        engine.dispose()
    return dict(row._mapping) if row is not None else {"row": None}
