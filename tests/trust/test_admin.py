"""The site admin: projects, accounts, roles, password links."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import AuditEvent, Code, PasswordReset, Project
from participatie.models.base import utcnow
from tests.conftest import PageCheckingClient, login

PROJECT = {
    "name": "Kinderarmoede Geel",
    "slug": "geel-2027",
    "organisation": "OCMW Geel (fictief)",
    "municipality": "Geel",
    "languages": ["nl", "ar", "ti"],
    "k_threshold": "5",
    "retention_days": "730",
    "contact": "Sociaal huis Geel",
}


def test_admin_creates_a_project_with_the_default_codebook(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "admin@kempenaar.example")
    bad = client.post_form(
        "/beheer/projecten/nieuw",
        {**PROJECT, "slug": "Geel 2027!", "k_threshold": "2", "languages": ["ar"]},
    )
    body = bad.get_data(as_text=True)
    assert bad.status_code == 200
    assert "kleine letters" in body and "van 3 tot 50" in body and "brontaal" in body
    assert 'value="Kinderarmoede Geel"' in body  # nothing typed is lost
    made = client.post_form("/beheer/projecten/nieuw", PROJECT)
    assert made.status_code == 302
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "geel-2027"))
        assert project is not None and project.languages == ["nl", "ar", "ti"]
        assert project.k_threshold == 5 and project.retention_days == 730
        assert (
            db.session.execute(
                select(func.count(Code.id)).where(Code.project_id == project.id)
            ).scalar_one()
            >= 20
        )
        assert db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "project.create"))
        db.session.remove()
    taken = client.post_form("/beheer/projecten/nieuw", PROJECT)
    assert "al in gebruik" in taken.get_data(as_text=True)
    edited = client.post_form("/beheer/projecten/geel-2027", {**PROJECT, "k_threshold": "7"})
    assert edited.status_code == 302


def test_new_account_chooses_a_password_through_a_one_time_link(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "admin@kempenaar.example")
    page = client.post_form(
        "/beheer/accounts/nieuw", {"email": "Lotte@Kempenaar.example", "name": "Lotte"}
    )
    link = re.search(r"(/wachtwoord/[A-Za-z0-9_-]+)", page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    account = re.search(r'/beheer/accounts/([A-Za-z0-9_-]+)"', page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    form = client.get(f"/beheer/accounts/{account}").get_data(as_text=True)
    assert "Nog geen rollen" in form
    client.post_form(f"/beheer/accounts/{account}", {"project": "demo", "role": "volunteer"})
    assert "vrijwilliger" in client.get(f"/beheer/accounts/{account}").get_data(as_text=True)
    client.post_form("/logout", {}, token_from="/account")

    weak = client.post_form(link, {"password": "kort", "confirm": "kort"})
    assert "minstens 12 tekens" in weak.get_data(as_text=True)
    done = client.post_form(
        link,
        {"password": "een lange zin als wachtwoord", "confirm": "een lange zin als wachtwoord"},
    )
    assert done.status_code == 302
    assert client.get(link).status_code == 404  # used once
    login(client, "lotte@kempenaar.example", "een lange zin als wachtwoord")
    assert client.get("/account").status_code == 200


def test_password_links_expire_and_revoked_roles_close_the_door(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "admin@kempenaar.example")
    page = client.post_form(
        "/beheer/accounts/nieuw", {"email": "sam@kempenaar.example", "name": "Sam"}
    )
    link = re.search(r"(/wachtwoord/[A-Za-z0-9_-]+)", page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    with app.app_context():
        reset = db.session.scalar(select(PasswordReset).order_by(PasswordReset.id.desc()))
        assert reset is not None
        reset.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
        db.session.remove()
    assert client.get(link).status_code == 404

    coordinator = re.search(
        r"/beheer/accounts/([A-Za-z0-9_-]+)\">stuurgroep@",
        client.get("/beheer").get_data(as_text=True),
    )
    assert coordinator is not None
    account = coordinator.group(1)
    client.post_form(
        f"/beheer/accounts/{account}/intrekken",
        {"project": "demo", "role": "stuurgroep"},
        token_from=f"/beheer/accounts/{account}",
    )
    client.post_form(
        f"/beheer/accounts/{account}/actief",
        {"active": "0"},
        token_from=f"/beheer/accounts/{account}",
    )
    client.post_form("/logout", {}, token_from="/account")
    refused = client.post_form(
        "/login", {"email": "stuurgroep@kempenaar.example", "password": "demo-wachtwoord"}
    )
    assert refused.status_code == 200 and "passen niet" in refused.get_data(as_text=True)
