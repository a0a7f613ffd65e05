"""Two-step login (issue 17, item 9): a TOTP code works once, five wrong codes lock the account,
and logging out, a new password or a reset end every other session of that user."""

from __future__ import annotations

import re
import time

import pyotp
from flask import Flask
from werkzeug.test import TestResponse

from participatie.extensions import db
from tests.conftest import PageCheckingClient, login

COORDINATOR = "coordinator@kempenaar.example"
VOLUNTEER = "vrijwilliger@kempenaar.example"


def _secret(app: Flask, email: str) -> str:
    from participatie.auth.services import find_user

    with app.app_context():
        user = find_user(email)
        assert user is not None and user.totp_secret
        secret = user.totp_secret
        db.session.remove()
    return secret


def _client(app: Flask) -> PageCheckingClient:
    app.test_client_class = PageCheckingClient
    return app.test_client()  # type: ignore[return-value]


def _password_step(client: PageCheckingClient, email: str) -> TestResponse:
    return client.post_form("/login", {"email": email, "password": "demo-wachtwoord"})


def test_a_code_works_only_once(app: Flask, demo: None) -> None:
    code = pyotp.TOTP(_secret(app, COORDINATOR)).now()
    first, second = _client(app), _client(app)
    _password_step(first, COORDINATOR)
    assert first.post_form("/login/code", {"code": code}).status_code == 302
    # Someone who saw the code over a shoulder, within the same 30 seconds: refused.
    _password_step(second, COORDINATOR)
    replay = second.post_form("/login/code", {"code": code})
    assert replay.status_code == 200
    assert "klopt niet" in replay.get_data(as_text=True)
    assert second.get("/projecten/demo").status_code == 302


def test_an_older_code_after_a_newer_one_is_refused(app: Flask, demo: None) -> None:
    totp = pyotp.TOTP(_secret(app, COORDINATOR))
    now = time.time()
    first, second = _client(app), _client(app)
    _password_step(first, COORDINATOR)
    assert first.post_form("/login/code", {"code": totp.at(now)}).status_code == 302
    _password_step(second, COORDINATOR)
    # The previous step's code is still within pyotp's window, but older than the one used.
    assert second.post_form("/login/code", {"code": totp.at(now - 30)}).status_code == 200


def test_five_wrong_codes_lock_the_account(app: Flask, demo: None) -> None:
    client = _client(app)
    _password_step(client, COORDINATOR)
    for _ in range(4):
        assert client.post_form("/login/code", {"code": "000000"}).status_code == 200
    fifth = client.post_form("/login/code", {"code": "000000"})
    assert "te vaak een verkeerde code" in fifth.get_data(as_text=True)
    # The half-finished login is over, and the right password no longer gets in either.
    assert client.get("/login/code").headers["Location"] == "/login"
    assert client.get("/projecten/demo").status_code == 302
    again = _client(app)
    page = _password_step(again, COORDINATOR)
    assert page.status_code == 200
    assert "Wacht een kwartier" in page.get_data(as_text=True)


def test_logging_out_ends_the_other_sessions(app: Flask, demo: None) -> None:
    phone, laptop = _client(app), _client(app)
    login(phone, VOLUNTEER)
    login(laptop, VOLUNTEER)
    assert phone.get("/account").status_code == 200
    laptop.post_form("/logout", {}, token_from="/account")
    assert phone.get("/account").status_code == 302


def test_a_password_reset_ends_every_session(app: Flask, demo: None) -> None:
    from participatie.auth import resets
    from participatie.auth.services import find_user

    phone = _client(app)
    login(phone, VOLUNTEER)
    with app.app_context():
        user = find_user(VOLUNTEER)
        assert user is not None
        token = resets.issue(user, None)
        db.session.commit()
        db.session.remove()
    other = _client(app)
    done = other.post_form(
        f"/wachtwoord/{token}",
        {"password": "een-heel-nieuw-wachtwoord", "confirm": "een-heel-nieuw-wachtwoord"},
    )
    assert done.status_code == 302, done.get_data(as_text=True)[:500]
    assert phone.get("/account").status_code == 302


def test_a_new_password_from_the_cli_ends_every_session(app: Flask, demo: None) -> None:
    phone = _client(app)
    login(phone, VOLUNTEER)
    result = app.test_cli_runner().invoke(args=["users", "create", VOLUNTEER])
    assert result.exit_code == 0, result.output
    assert re.search(r"password: \S+", result.output)
    assert phone.get("/account").status_code == 302
