"""The public page as a traceable line, and the same content as data at /p/<slug>.json."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from flask import Flask

from tests.conftest import PageCheckingClient

FORM = re.compile(r'action="(/p/demo/oordeel/[A-Za-z0-9_-]+)"')


def _page(client: PageCheckingClient, lang: str = "nl") -> str:
    return html.unescape(client.get(f"/p/demo?lang={lang}").get_data(as_text=True))


def _heard_counts(page: str) -> list[int | None]:
    start = page.index("Zij vertelden vooral over:")
    block = page[start : page.index("Gaat het over minder dan", start)]
    found = re.findall(r": (?:(\d+) (?:persoon|mensen)|een paar mensen)", block)
    return [int(number) if number else None for number in found]


def test_the_json_and_the_page_show_the_same_figures(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    data = client.get("/p/demo.json").get_json()
    page = re.sub(r"<[^>]+>", "", _page(client))  # the text a reader sees
    assert set(data) == {"project", "release", "intro", "heard", "themes", "plan"}
    assert data["project"] == {"slug": "demo", "name": "Veilige kindertijd Kempenaar"}
    assert set(data["release"]) == {"number", "published_at", "participants"}
    if data["release"]["participants"] is not None:
        n = data["release"]["participants"]
        assert f"{n} mensen vertelden ons hoe het gaat." in page
    assert [row["participants"] for row in data["heard"]] == _heard_counts(page)
    assert data["heard"] and all(set(row) == {"domain", "participants"} for row in data["heard"])

    decided = [theme for theme in data["themes"] if theme["decision"]]
    assert decided
    for theme in data["themes"]:
        assert set(theme) == {
            "title",
            "domain",
            "lang",
            "decision",
            "actions",
            "indicators",
            "verdict",
        }
        assert theme["lang"] == "nl"
        if theme["decision"] is None:
            continue
        assert theme["title"] in page
        decision = theme["decision"]
        assert set(decision) == {"outcome", "reason", "lang"}
        if decision["reason"]:
            assert f"Waarom: {decision['reason']}" in page or decision["reason"] in page
        for action in theme["actions"]:
            assert set(action) == {"title", "status", "progress", "lang"}
            assert f"{action['title']}." in page
            if action["progress"]:
                assert f"({action['progress']}%)" in page
        for indicator in theme["indicators"]:
            assert set(indicator) == {"name", "lang", "kind", "unit", "latest", "target"}
            assert indicator["name"] in page
    with_verdict = [t for t in decided if t["verdict"] is not None]
    assert len(with_verdict) == 2  # the demo's votes: 9 and 6; the third decision has 3
    for theme in with_verdict:
        v = theme["verdict"]
        assert f"Wat mensen zeiden: ja {v['yes']}, een beetje {v['partly']}, nee {v['no']}." in page
    # Below k the verdict is null, and the page says when it will show.
    assert len([t for t in decided if t["verdict"] is None]) == 1
    assert "We tonen wat mensen zeiden vanaf 5 stemmen." in page
    # The line reaches the indicators: the latest value against the target.
    measured = [i for t in decided for i in t["indicators"] if i["latest"]]
    assert len(measured) >= 2
    for indicator in measured:
        value = indicator["latest"]["value"]
        shown = f"{value}%" if indicator["unit"] == "percentage" else str(value)
        assert f"{indicator['name']}: nu {shown} (op " in page
        target = indicator["target"]["value"]
        assert f"doel {target}%" in page or f"doel {target}" in page


def test_texts_say_which_language_they_are_in(client: PageCheckingClient, demo: None) -> None:
    data = client.get("/p/demo.json?lang=ar").get_json()
    page = _page(client, "ar")
    assert '<html lang="ar" dir="rtl">' in page
    for theme in data["themes"]:
        decision = theme["decision"]
        if decision and decision["reason"]:
            assert decision["lang"] in {"ar", "nl"}
            if decision["lang"] == "nl":  # not translated: marked as Dutch, here and on the page
                assert (
                    f'<bdi lang="nl" dir="ltr" class="untranslated-text">{decision["reason"]}</bdi>'
                    in page
                )
            else:
                assert f"<span>{decision['reason']}</span>" in page
        for action in theme["actions"]:
            marked = f'<bdi lang="nl" dir="ltr" class="untranslated-text">{action["title"]}</bdi>'
            assert action["lang"] != "nl" or marked in page
    # Stuurgroep and werkgroep explained in plain words, on the page itself.
    nl = _page(client)
    assert "De stuurgroep: ouders, vrijwilligers" in nl and "Een werkgroep:" in nl


def test_no_release_means_nothing_heard_yet(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from sqlalchemy import delete

    from participatie.extensions import db
    from participatie.models import Release

    with app.app_context():
        db.session.execute(delete(Release))
        db.session.commit()
    data = client.get("/p/demo.json").get_json()
    assert data["release"] is None and data["heard"] == []
    # The stuurgroep's decisions are its own work, not figures about people: they stay.
    assert [t["title"] for t in data["themes"] if t["decision"]]
    assert "De resultaten zijn nog niet gepubliceerd." in _page(client)
    assert client.get("/p/bestaat-niet.json").status_code == 404


@pytest.mark.pdf
def test_the_poster_prints_why_a_decision_is_not_possible(
    client: PageCheckingClient, demo: None
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils)")
    data = client.get("/p/demo.json").get_json()
    reasons = [
        t["decision"]["reason"]
        for t in data["themes"]
        if t["decision"] and t["decision"]["outcome"] == "niet_mogelijk"
    ]
    assert reasons, "the demo has a decision that cannot be carried out"
    response = client.get("/p/demo/poster.pdf?lang=nl")
    assert response.status_code == 200
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.data, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    assert "Dit kan niet." in flat
    assert " ".join(f"Waarom: {reasons[0]}".split()) in flat
