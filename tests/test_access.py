"""Every route declares who may open it; non-public routes refuse the wrong people."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from participatie.auth.access import access_rule
from tests.conftest import login

# Filled-in values for URL variables, so each route can be requested.
SAMPLE_VALUES = {
    "slug": "demo",
    "code": "DEMO",
    "digest": "0",
    "filename": "app.css",
    "item_id": "1",
    "attendee_id": "1",
}


def _routes(app: Flask) -> list[tuple[str, str, set[str]]]:
    rows = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        rows.append((rule.endpoint, rule.rule, set(rule.methods or ()) - {"HEAD", "OPTIONS"}))
        assert view is not None
    return rows


def _url(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: SAMPLE_VALUES.get(m.group(1), "x"), rule)


def test_every_route_declares_its_access_rule(app: Flask) -> None:
    missing = [
        endpoint
        for endpoint, _rule, _methods in _routes(app)
        if access_rule(app.view_functions[endpoint]) is None
    ]
    assert missing == [], f"routes without an access decorator: {missing}"


def test_anonymous_visitors_are_sent_to_login_from_every_protected_route(
    app: Flask,
    client,
    demo,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CSRF off: otherwise a POST-only route "passes" with the CSRF 400 before its access check runs.
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
    checked = 0
    for endpoint, rule, methods in _routes(app):
        if access_rule(app.view_functions[endpoint]) == "public":
            continue
        for method in methods:
            response = client.open(_url(rule), method=method)
            assert response.status_code == 302, (endpoint, method, response.status_code)
            assert "/login" in response.headers["Location"], (endpoint, method)
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("coordinator@kempenaar.example", 200),
        ("stuurgroep@kempenaar.example", 403),
        ("vrijwilliger@kempenaar.example", 403),
        # A site admin manages projects but sees a project's data only as a member.
        ("admin@kempenaar.example", 404),
    ],
)
def test_project_pages_need_the_right_role(client, demo, email: str, expected: int) -> None:  # type: ignore[no-untyped-def]
    login(client, email)
    assert client.get("/projecten/demo").status_code == expected


def test_admin_page_is_for_admins_only(client, demo) -> None:  # type: ignore[no-untyped-def]
    login(client, "coordinator@kempenaar.example")
    assert client.get("/beheer").status_code == 403
    client.post_form("/logout", {}, token_from="/account")
    login(client, "admin@kempenaar.example")
    assert client.get("/beheer").status_code == 200


MEETING_ROUTES = [
    ("GET", "/projecten/demo/bijeenkomsten"),
    ("GET", "/projecten/demo/bijeenkomsten/nieuw"),
    ("POST", "/projecten/demo/bijeenkomsten/nieuw"),
    ("GET", "/projecten/demo/bijeenkomsten/aanwezigheid.pdf"),
]


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("coordinator@kempenaar.example", True),
        ("stuurgroep@kempenaar.example", False),
        ("vrijwilliger@kempenaar.example", False),
    ],
)
def test_meeting_pages_are_for_coordinators_only(client, demo, email: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    login(client, email)
    for method, path in MEETING_ROUTES:
        if method == "POST":
            status = client.post_form(path, {}, token_from="/account").status_code
        else:
            status = client.get(path).status_code
        assert (status != 403) if allowed else (status == 403), (email, method, path, status)
