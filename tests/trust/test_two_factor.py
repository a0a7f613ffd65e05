"""Two-factor authentication: required for coordinators and admins, with recovery codes."""

from __future__ import annotations

import re

import pyotp
from flask import Flask
from werkzeug.test import TestResponse

from participatie.extensions import db
from tests.conftest import PageCheckingClient, current_totp, login


def _password_step(client: PageCheckingClient, email: str) -> TestResponse:
    return client.post_form("/login", {"email": email, "password": "demo-wachtwoord"})


def test_coordinators_need_a_code_after_their_password(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    step = _password_step(client, "coordinator@kempenaar.example")
    assert step.headers["Location"].startswith("/login/code")
    # Half logged in: nothing protected is reachable yet.
    assert client.get("/projecten/demo").headers["Location"].startswith("/login")
    wrong = client.post_form("/login/code", {"code": "000000"})
    assert wrong.status_code == 200 and "klopt niet" in wrong.get_data(as_text=True)
    right = client.post_form(
        "/login/code", {"code": current_totp(app, "coordinator@kempenaar.example")}
    )
    assert right.status_code == 302
    assert client.get("/projecten/demo").status_code == 200


def test_volunteers_log_in_with_their_password_only(client: PageCheckingClient, demo: None) -> None:
    step = _password_step(client, "vrijwilliger@kempenaar.example")
    assert step.headers["Location"] == "/account"


def test_the_code_page_needs_the_password_first(client: PageCheckingClient, demo: None) -> None:
    assert client.get("/login/code").headers["Location"] == "/login"
    assert client.get("/login/instellen").headers["Location"] == "/login"


def test_enrolment_then_recovery_codes_work_once(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "users",
            "create",
            "nieuw@kempenaar.example",
            "--role",
            "coordinator",
            "--project",
            "demo",
        ]
    )
    assert result.exit_code == 0, result.output
    password = re.search(r"password: (\S+)", result.output).group(1)  # type: ignore[union-attr]
    step = client.post_form("/login", {"email": "nieuw@kempenaar.example", "password": password})
    assert step.headers["Location"].startswith("/login/instellen")
    page = client.get("/login/instellen").get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)  # type: ignore[union-attr]
    assert 'src="data:image/svg+xml' in page
    bad = client.post_form("/login/instellen", {"code": "123456"})
    assert "klopt niet" in bad.get_data(as_text=True)
    done = client.post_form("/login/instellen", {"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([0-9a-f]{10}-[0-9a-f]{10})</code>", done.get_data(as_text=True))
    assert len(codes) == 10
    assert client.get("/projecten/demo").status_code == 200

    client.post_form("/logout", {}, token_from="/account")
    client.post_form("/login", {"email": "nieuw@kempenaar.example", "password": password})
    assert client.post_form("/login/code", {"code": codes[0]}).status_code == 302
    client.post_form("/logout", {}, token_from="/account")
    client.post_form("/login", {"email": "nieuw@kempenaar.example", "password": password})
    assert client.post_form("/login/code", {"code": codes[0]}).status_code == 200  # used up
    with app.app_context():
        from participatie.auth.services import find_user

        user = find_user("nieuw@kempenaar.example")
        assert user is not None and len(user.recovery_codes) == 9
        assert codes[1] not in user.recovery_codes  # only hashes are stored
        db.session.remove()


def test_login_helper_covers_admins_too(client: PageCheckingClient, demo: None) -> None:
    login(client, "admin@kempenaar.example")
    assert client.get("/beheer").status_code == 200
