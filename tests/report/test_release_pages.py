"""Pages and downloads read the latest release (issue 17 item 1, Done-when): one new response
changes nothing the stuurgroep or the public sees until a release with k new people is published.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from flask import Flask
from werkzeug.test import TestResponse

from participatie.extensions import db
from participatie.models import Theme
from tests.conftest import PageCheckingClient, login, page_client
from tests.report import builders as b

STUURGROEP = "stuurgroep@kempenaar.example"
COORDINATOR = "coordinator@kempenaar.example"
TOKEN = re.compile(r'name="csrf_token" value="[^"]*"')
IDEM = re.compile(r'name="idem" value="([^"]+)"')


def _page(client: PageCheckingClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return TOKEN.sub("", response.get_data(as_text=True))


def _seen(public: PageCheckingClient, stuurgroep: PageCheckingClient) -> dict[str, Any]:
    """Everything with figures that the public and the stuurgroep can load."""
    return {
        "public": _page(public, "/p/demo?lang=nl"),
        "public.json": public.get("/p/demo.json?lang=nl").get_json(),
        "results": _page(stuurgroep, "/projecten/demo/resultaten?lang=nl"),
        "decisions": _page(stuurgroep, "/projecten/demo/beslissingen?lang=nl"),
        **{
            fmt: _cells(fmt, stuurgroep.get(f"/projecten/demo/resultaten/DEMO/{fmt}?lang=nl"))
            for fmt in ("json", "csv", "xlsx", "ods")
        },
    }


def _cells(fmt: str, response: TestResponse) -> Any:
    """A download's content without the moment it was written (zip and document dates)."""
    assert response.status_code == 200
    body = response.get_data()
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body))
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}
    if fmt == "ods":
        content = zipfile.ZipFile(io.BytesIO(body)).read("content.xml").decode()
        return content[content.index("<office:body>") :]  # odfpy orders namespaces at random
    return body


def _parent_answers(app: Flask, domains: list[str]) -> None:
    """One parent through the real journey: consent, who they are, what is hard."""
    parent = page_client(app)
    started = parent.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    assert started.status_code == 302
    for name, value in (("wie", "ouder"), ("kinderen", "2"), ("moeilijk", domains)):
        page = parent.get(f"/s/DEMO/{name}").get_data(as_text=True)
        idem = IDEM.search(page)
        assert idem is not None
        answered = parent.post_form(
            f"/s/DEMO/{name}",
            {"idem": idem.group(1), "answer": value},
            token_from=f"/s/DEMO/{name}",
        )
        assert answered.status_code == 302, answered.get_data(as_text=True)[:300]


def _live_report(app: Flask) -> dict[str, Any]:
    result = app.test_cli_runner().invoke(args=["report", "DEMO", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_new_response_changes_nothing_until_a_release(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    public = page_client(app)
    login(client, STUURGROEP)
    before = _seen(public, client)
    assert before["public.json"]["release"]["number"] == 1
    assert "Deze cijfers komen uit publicatie 1" in before["public"]
    live_before = _live_report(app)

    _parent_answers(app, ["wonen", "mobiliteit"])

    # The coordinator's live figures moved by exactly that one parent ...
    live_after = _live_report(app)
    assert live_after["survey"]["responses"] == live_before["survey"]["responses"] + 1
    # ... and nothing the public or the stuurgroep sees did.
    after = _seen(public, client)
    for key in before:
        assert after[key] == before[key], key

    # Four more parents make k = 5 new: the release is refused before, published after.
    refused = app.test_cli_runner().invoke(args=["releases", "publish", "demo"])
    assert refused.exit_code == 1 and "1 nieuwe persoon" in refused.stderr
    for _ in range(4):
        _parent_answers(app, ["wonen", "mobiliteit"])
    assert _seen(public, client) == before
    published = app.test_cli_runner().invoke(args=["releases", "publish", "demo"])
    assert published.exit_code == 0 and published.stdout.strip() == "2"
    released = _seen(public, client)
    assert released["public.json"]["release"]["number"] == 2
    heard_before = {row["domain"]: row["participants"] for row in before["public.json"]["heard"]}
    heard_after = {row["domain"]: row["participants"] for row in released["public.json"]["heard"]}
    assert heard_after != heard_before
    assert heard_after["wonen"] is not None and heard_before["wonen"] is not None
    assert heard_after["wonen"] == heard_before["wonen"] + 5
    responses = json.loads(released["json"])["survey"]["responses"]
    assert released["xlsx"] != before["xlsx"] and released["ods"] != before["ods"]
    assert responses == json.loads(before["json"])["survey"]["responses"] + 5
    assert released["public"] != before["public"] and released["results"] != before["results"]


def test_coordinators_may_see_live_figures_and_are_told_so(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _parent_answers(app, ["wonen"])
    login(client, COORDINATOR)
    released = _page(client, "/projecten/demo/resultaten?lang=nl")
    assert "Dit zijn de cijfers van publicatie 1" in released
    assert "Toon de cijfers van nu (alleen voor coördinatoren)" in released
    live = _page(client, "/projecten/demo/resultaten?lang=nl&live=1")
    assert "Dit zijn de cijfers van nu. Alleen coördinatoren zien ze." in live
    assert "live=1" in live  # the downloads of the live page are live too
    live_json = client.get("/projecten/demo/resultaten/DEMO/json?live=1").get_json()
    released_json = client.get("/projecten/demo/resultaten/DEMO/json").get_json()
    assert live_json["survey"]["responses"] == released_json["survey"]["responses"] + 1
    # The stuurgroep asking for live figures gets the release.
    client.post_form("/logout", {}, token_from="/account")
    login(client, STUURGROEP)
    page = _page(client, "/projecten/demo/resultaten?lang=nl&live=1")
    assert (
        "Dit zijn de cijfers van publicatie 1" in page and "alleen voor coördinatoren" not in page
    )
    assert client.get("/projecten/demo/resultaten/DEMO/json?live=1").get_json() == released_json


def test_without_a_release_nothing_is_shown(app: Flask, client: PageCheckingClient) -> None:
    with app.app_context():
        project = b.project(slug="nieuw", k=5)
        survey = b.survey(
            project,
            [
                {
                    "name": "moeilijk",
                    "type": "select_multiple",
                    "appearance": "domains",
                    "label": {"nl": "Wat?"},
                    "options": [{"name": "wonen", "label": {"nl": "Wonen"}}],
                }
            ],
            code="NIEUW",
        )
        for _ in range(7):
            b.respond(survey, {"moeilijk": ["wonen"]})
        db.session.add(Theme(project_id=project.id, title={"nl": "Te weinig woningen"}))
        db.session.commit()
    page = _page(client, "/p/nieuw?lang=nl")
    assert "De resultaten zijn nog niet gepubliceerd." in page
    assert "7" not in re.sub(r"<[^>]+>", "", page)  # no figure at all
    data = client.get("/p/nieuw.json").get_json()
    assert data["release"] is None and data["heard"] == []
    assert [t["title"] for t in data["themes"]] == ["Te weinig woningen"]
    assert data["themes"][0]["decision"] is None and data["themes"][0]["lang"] == "nl"
    published = app.test_cli_runner().invoke(args=["releases", "publish", "nieuw"])
    assert published.exit_code == 0
    data = client.get("/p/nieuw.json").get_json()
    assert data["release"]["number"] == 1
    assert data["heard"] == [{"domain": "wonen", "participants": 7}]
    assert "Wonen</span>: 7 mensen" in _page(client, "/p/nieuw?lang=nl")
