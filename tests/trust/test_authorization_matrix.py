"""Every route × every kind of visitor: anonymous, participant, volunteer, stuurgroep, coordinator
of another project, coordinator, admin. The expected outcome follows from the route's declared
access rule; a second test makes sure no object of one project is reachable from another."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.auth.access import access_rule
from participatie.extensions import db
from participatie.models import Project, Role
from tests.conftest import PageCheckingClient, login

SAMPLE = {
    "slug": "demo",
    "code": "DEMO",
    "name": "wie",
    "digest": "0",
    "filename": "app.css",
    "token": "x",
}
VISITORS = [
    "anonymous",
    "participant",
    "volunteer",
    "stuurgroep",
    "other_coordinator",
    "coordinator",
    "admin",
]
EMAILS = {
    "volunteer": "vrijwilliger@kempenaar.example",
    "stuurgroep": "stuurgroep@kempenaar.example",
    "coordinator": "coordinator@kempenaar.example",
    "admin": "admin@kempenaar.example",
    "other_coordinator": "ander@elders.example",
}
ROLE_OF = {
    "volunteer": Role.VOLUNTEER,
    "stuurgroep": Role.STUURGROEP,
    "coordinator": Role.COORDINATOR,
}


def _url(rule: str, values: dict[str, str]) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: values.get(m.group(1), "x"), rule)


def _other_project(app: Flask) -> None:
    from participatie.auth import two_factor
    from participatie.auth.services import create_or_update_user
    from participatie.demo import demo_totp_secret
    from participatie.models import Organisation

    with app.app_context():
        project = Project(
            name="Ander project", slug="ander", organisation=Organisation(name="Elders")
        )
        db.session.add(project)
        user = create_or_update_user(
            EMAILS["other_coordinator"], "demo-wachtwoord", roles=((project, Role.COORDINATOR),)
        )
        two_factor.enrol(user, demo_totp_secret(user.email))
        db.session.commit()
        db.session.remove()


def _client(app: Flask, visitor: str) -> PageCheckingClient:
    app.test_client_class = PageCheckingClient
    client: PageCheckingClient = app.test_client()  # type: ignore[assignment]
    if visitor == "participant":
        client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    elif visitor in EMAILS:
        login(client, EMAILS[visitor])
    return client


def _expected_ok(rule: str, visitor: str) -> bool | str:
    """True: allowed; False: refused (403/404); 'login': sent to the login page."""
    if rule == "public":
        return True
    if visitor in ("anonymous", "participant"):
        return "login"
    if rule == "login":
        return True
    if rule == "admin":
        return visitor == "admin"
    allowed = {Role(r) for r in rule.removeprefix("project:").split(",")}
    return ROLE_OF.get(visitor) in allowed


def _gets(app: Flask) -> Iterator[tuple[str, str, str]]:
    for rule in app.url_map.iter_rules():
        if "GET" in (rule.methods or ()) and rule.endpoint != "auth.logout":
            yield rule.endpoint, rule.rule, access_rule(app.view_functions[rule.endpoint]) or ""


@pytest.mark.slow
def test_every_route_for_every_visitor(app: Flask, demo: None) -> None:
    _other_project(app)
    checked = 0
    problems = []
    for visitor in VISITORS:
        client = _client(app, visitor)
        for endpoint, rule, access in _gets(app):
            response = client.get(_url(rule, SAMPLE))
            status = response.status_code
            location = response.headers.get("Location", "")
            expected = _expected_ok(access, visitor)
            if access == "public":
                # Open to all; a public step may still send someone back (2FA without a password).
                ok = status not in (401, 403)
            elif expected == "login":
                ok = status == 302 and "/login" in location
            elif expected:
                ok = status not in (401, 403) and not (status == 302 and "/login" in location)
            else:
                ok = status in (403, 404)
            if not ok:
                problems.append(f"{visitor:18} {endpoint:40} {access:30} -> {status} {location}")
            checked += 1
    print(f"\nroutes × visitors checked: {checked}")
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_objects_of_one_project_are_not_reachable_from_another(app: Flask, demo: None) -> None:
    """The coordinator of 'ander' puts every public id of the demo project into every URL of
    their own project: nothing may answer 200."""
    _other_project(app)
    with app.app_context():
        # One object of every kind is enough: access is decided per kind of object and project.
        ids = set()
        for table in db.metadata.sorted_tables:
            if "public_id" in table.columns:
                first = db.session.scalar(select(table.c.public_id).limit(1))
                if first:
                    ids.add(first)
        db.session.remove()
    client = _client(app, "other_coordinator")
    tried = 0
    leaks = []
    for endpoint, rule, access in _gets(app):
        params = [p for p in re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule) if p != "slug"]
        if (
            "<slug>" not in rule.replace("<string:slug>", "<slug>")
            or not params
            or not access.startswith("project:")
        ):
            continue
        for public_id in sorted(ids):
            values = {**SAMPLE, "slug": "ander", **{p: public_id for p in params}}
            status = client.get(_url(rule, values)).status_code
            tried += 1
            if status == 200:
                leaks.append(f"{endpoint} with {public_id}")
    print(f"\ncross-project object requests: {tried}")
    assert leaks == []
