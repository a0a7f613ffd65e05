"""Every route declares who may open it; non-public routes refuse the wrong people."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from participatie.auth.access import access_rule
from tests.conftest import PageCheckingClient, login
from tests.follow.world import PlanWorld, build_plan

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
    client: PageCheckingClient,
    demo: None,
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
def test_project_pages_need_the_right_role(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get("/projecten/demo").status_code == expected


def test_admin_page_is_for_admins_only(client: PageCheckingClient, demo: None) -> None:
    login(client, "coordinator@kempenaar.example")
    assert client.get("/beheer").status_code == 403
    client.post_form("/logout", {}, token_from="/account")
    login(client, "admin@kempenaar.example")
    assert client.get("/beheer").status_code == 200


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("coordinator@kempenaar.example", 200),
        ("stuurgroep@kempenaar.example", 403),
        ("vrijwilliger@kempenaar.example", 403),
        ("admin@kempenaar.example", 404),
    ],
)
def test_publishing_releases_is_for_coordinators(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get("/projecten/demo/publicaties").status_code == expected
    token = client.csrf_token("/account")
    posted = client.post("/projecten/demo/publicaties", data={"csrf_token": token})
    # A coordinator is refused by the data (no new participants since the demo's release 1).
    assert posted.status_code == (409 if expected == 200 else expected)


# --- The follow-through pages: coordinator, stuurgroep, volunteer, werkgroep members -----------

COORDINATOR, STUURGROEP = "coordinator@kempenaar.example", "stuurgroep@kempenaar.example"
VOLUNTEER = "vrijwilliger@kempenaar.example"
MEMBER, OTHER = "werkgroep@kempenaar.example", "andere-werkgroep@kempenaar.example"
# (path, {who: expected status}); {w} etc. are filled from the plan world.
FOLLOW_GET_MATRIX = [
    (
        "/projecten/demo/prioriteiten",
        {COORDINATOR: 200, STUURGROEP: 200, VOLUNTEER: 403, MEMBER: 403},
    ),
    ("/projecten/demo/actieplan", {COORDINATOR: 200, STUURGROEP: 200, VOLUNTEER: 403, MEMBER: 200}),
    ("/projecten/demo/actieplan/download/json", {COORDINATOR: 200, STUURGROEP: 200, MEMBER: 403}),
    ("/projecten/demo/werkgroepen/nieuw", {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 403}),
    (
        "/projecten/demo/werkgroepen/{w}",
        {COORDINATOR: 200, STUURGROEP: 200, MEMBER: 200, OTHER: 403, VOLUNTEER: 403},
    ),
    ("/projecten/demo/werkgroepen/{w}/bewerken", {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 403}),
    ("/projecten/demo/werkgroepen/{w}/verwijderen", {COORDINATOR: 200, MEMBER: 403}),
    (
        "/projecten/demo/werkgroepen/{w}/doelen/nieuw",
        {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 200, OTHER: 403},
    ),
    (
        "/projecten/demo/doelen/{g}",
        {COORDINATOR: 200, STUURGROEP: 200, MEMBER: 200, OTHER: 403, VOLUNTEER: 403},
    ),
    (
        "/projecten/demo/doelen/{g}/bewerken",
        {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 200, OTHER: 403},
    ),
    (
        "/projecten/demo/doelen/{g}/verwijderen",
        {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 200, OTHER: 403},
    ),
    (
        "/projecten/demo/doelen/{g}/acties/nieuw",
        {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 200, OTHER: 403},
    ),
    (
        "/projecten/demo/acties/{a}/bewerken",
        {COORDINATOR: 200, STUURGROEP: 403, MEMBER: 200, OTHER: 403},
    ),
    ("/projecten/demo/acties/{a}/verwijderen", {MEMBER: 200, OTHER: 403}),
    ("/projecten/demo/doelen/{g}/indicatoren/nieuw", {MEMBER: 200, OTHER: 403, STUURGROEP: 403}),
    ("/projecten/demo/acties/{a}/indicatoren/nieuw", {MEMBER: 200, OTHER: 403}),
    (
        "/projecten/demo/indicatoren/{i}",
        {COORDINATOR: 200, STUURGROEP: 200, MEMBER: 200, OTHER: 403, VOLUNTEER: 403},
    ),
    ("/projecten/demo/indicatoren/{i}/bewerken", {MEMBER: 200, OTHER: 403, STUURGROEP: 403}),
    ("/projecten/demo/indicatoren/{i}/verwijderen", {MEMBER: 200, OTHER: 403}),
    (
        "/projecten/demo/indicatoren/{i}/metingen/{m}/verwijderen",
        {MEMBER: 200, OTHER: 403, STUURGROEP: 403},
    ),
    # A werkgroep member reaches nothing else of the project.
    ("/projecten/demo", {MEMBER: 403}),
    ("/projecten/demo/resultaten", {MEMBER: 403}),
    ("/projecten/demo/beslissingen", {MEMBER: 403}),
    ("/projecten/demo/vragenlijsten", {MEMBER: 403}),
    # The other werkgroep's own pages are open to its member and closed to ours.
    ("/projecten/demo/doelen/{og}", {OTHER: 200, MEMBER: 403}),
    ("/projecten/demo/indicatoren/{oi}", {OTHER: 200, MEMBER: 403}),
]
FOLLOW_POST_MATRIX = [
    # (path, form data, {who: expected status})
    ("/projecten/demo/prioriteiten/wat-moet-eerst", {}, {STUURGROEP: 403, MEMBER: 403}),
    ("/projecten/demo/prioriteiten/oudergroep", {}, {MEMBER: 403, VOLUNTEER: 403}),
    ("/projecten/demo/werkgroepen/nieuw", {"name": "X"}, {STUURGROEP: 403, MEMBER: 403}),
    ("/projecten/demo/werkgroepen/{w}/verwijderen", {}, {MEMBER: 403, STUURGROEP: 403}),
    ("/projecten/demo/doelen/{g}/verwijderen", {}, {OTHER: 403, STUURGROEP: 403}),
    ("/projecten/demo/doelen/{g}/bewerken", {"title_nl": "X"}, {OTHER: 403, STUURGROEP: 403}),
    (
        "/projecten/demo/indicatoren/{i}",
        {"measured_on": "2027-01-01", "value": "80"},
        {OTHER: 403, STUURGROEP: 403, MEMBER: 302},
    ),
    (
        "/projecten/demo/indicatoren/{oi}",
        {"measured_on": "2027-01-01", "value": "3"},
        {MEMBER: 403, OTHER: 302},
    ),
]


def _follow_path(template: str, world: PlanWorld) -> str:
    return template.format(
        w=world.workgroup,
        g=world.goal,
        a=world.action,
        i=world.indicator,
        m=world.measurement,
        og=world.other_goal,
        oi=world.other_indicator,
    )


@pytest.fixture
def plan_world(app: Flask, demo: None) -> PlanWorld:
    return build_plan(app)


@pytest.mark.parametrize("who", [COORDINATOR, STUURGROEP, VOLUNTEER, MEMBER, OTHER])
def test_follow_routes_follow_the_role_matrix(
    client: PageCheckingClient, plan_world: PlanWorld, who: str
) -> None:
    login(client, who)
    checked = 0
    for template, expected in FOLLOW_GET_MATRIX:
        if who in expected:
            path = _follow_path(template, plan_world)
            assert client.get(path).status_code == expected[who], (who, "GET", path)
            checked += 1
    for template, data, expected in FOLLOW_POST_MATRIX:
        if who in expected:
            path = _follow_path(template, plan_world)
            response = client.post_form(path, data, token_from="/account")
            assert response.status_code == expected[who], (who, "POST", path)
            checked += 1
    assert checked >= 5


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
def test_meeting_pages_are_for_coordinators_only(
    client: PageCheckingClient, demo: None, email: str, allowed: bool
) -> None:
    login(client, email)
    for method, path in MEETING_ROUTES:
        if method == "POST":
            status = client.post_form(path, {}, token_from="/account").status_code
        else:
            status = client.get(path).status_code
        assert (status != 403) if allowed else (status == 403), (email, method, path, status)


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("coordinator@kempenaar.example", 200),
        ("stuurgroep@kempenaar.example", 403),
        ("vrijwilliger@kempenaar.example", 403),
        ("admin@kempenaar.example", 404),
    ],
)
def test_suggestion_quality_page_is_for_coordinators(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get("/projecten/demo/uitspraken/voorstellen").status_code == expected
    # the page has no form: a POST is not a route
    assert client.post("/projecten/demo/uitspraken/voorstellen").status_code in (400, 405)


# --- The project's home, its preparation page and the home per role ---------------------------

HOME_MATRIX = [
    # (method, path, {who: expected status})
    (
        "GET",
        "/projecten/demo/start",
        {
            COORDINATOR: 200,
            STUURGROEP: 200,
            VOLUNTEER: 200,
            MEMBER: 200,
            "admin@kempenaar.example": 404,
        },
    ),
    (
        "GET",
        "/projecten/demo/voorbereiding",
        {COORDINATOR: 200, STUURGROEP: 403, VOLUNTEER: 403, MEMBER: 403},
    ),
    (
        "POST",
        "/projecten/demo/voorbereiding",
        {COORDINATOR: 302, STUURGROEP: 403, VOLUNTEER: 403, MEMBER: 403},
    ),
    (
        "POST",
        "/projecten/demo/poster-gedrukt",
        {COORDINATOR: 302, STUURGROEP: 403, VOLUNTEER: 403, MEMBER: 403},
    ),
    ("GET", "/projecten/demo", {COORDINATOR: 200, STUURGROEP: 403, VOLUNTEER: 403, MEMBER: 403}),
]


@pytest.mark.parametrize(
    "who", [COORDINATOR, STUURGROEP, VOLUNTEER, MEMBER, "admin@kempenaar.example"]
)
def test_home_routes_follow_the_role_matrix(
    client: PageCheckingClient, plan_world: PlanWorld, who: str
) -> None:
    login(client, who)
    checked = 0
    for method, path, expected in HOME_MATRIX:
        if who not in expected:
            continue
        if method == "POST":
            status = client.post_form(
                path, {"omgevingsanalyse": "Notities"}, token_from="/account"
            ).status_code
        else:
            status = client.get(path).status_code
        assert status == expected[who], (who, method, path, status)
        checked += 1
    assert checked >= 1


# --- The translator (vertaler): their own language's pages, nothing else -------------------------

TRANSLATOR = "vertaler@kempenaar.example"  # the demo's translator into Arabic


def _translator_url(rule: str, lang: str) -> str:
    values = {**SAMPLE_VALUES, "lang": lang, "what": "stuurgroep", "format_": "po"}
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: values.get(m.group(1), "x"), rule)


def test_a_translator_reaches_only_their_own_languages_pages(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.translate.helpers import add_translators

    other_project = add_translators(app)
    login(client, TRANSLATOR)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
    checked = allowed = 0
    for endpoint, rule, methods in _routes(app):
        access = access_rule(app.view_functions[endpoint])
        if access in ("public", "login"):
            continue  # open to anyone, or only the account's own things (/account, /logout)
        for method in sorted(methods):
            if endpoint.startswith("translate."):
                own = client.open(_translator_url(rule, "ar"), method=method)
                assert own.status_code not in (403, 404), (endpoint, method, own.status_code)
                allowed += 1
                if "<lang>" in rule:
                    other_language = client.open(_translator_url(rule, "tr"), method=method)
                    assert other_language.status_code == 403, (endpoint, method, "tr")
                other = _translator_url(rule, "ar").replace("/demo/", f"/{other_project}/")
                assert client.open(other, method=method).status_code == 404, (endpoint, other)
            else:
                status = client.open(_url(rule), method=method).status_code
                assert status == 403, (endpoint, method, status)
            checked += 1
    assert allowed >= 7 and checked > 100
