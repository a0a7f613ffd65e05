"""What the server refuses at sync is shown on the device and resolved there (issue 17, items 5,
6 and 7), in Chromium with the offline page's own scripts:

- a conversation sent before and changed on the device since is a conflict: the volunteer sends
  the device's version or keeps the one sent;
- a conversation that began more than 30 days ago is refused with the reason and stays;
- a number the server refuses is shown at its question, corrected there and sent again."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response, ResponseMode
from tests.assist.network import FlakyNetwork
from tests.assist.test_offline_browser import (  # noqa: F401  (fixtures)
    OFFLINE_APP,
    Phone,
    log_in,
    network,
    next_button,
    phone,
    ready_for_offline,
)

pytestmark = pytest.mark.browser


def _item(page: Page, **overrides: Any) -> dict[str, Any]:
    started = datetime.now(UTC) - timedelta(hours=1)
    volunteer = page.locator("[data-offline-app]").get_attribute("data-volunteer")
    item: dict[str, Any] = {
        "key": secrets.token_hex(16),
        "slug": "demo",
        "code": "DEMO",
        "revision": 1,
        "volunteer": volunteer,
        "language": "nl",
        "consent": {
            "confirmed": True,
            "confirmed_at": started.isoformat(),
            "version": 1,
            "language": "nl",
        },
        "startedAt": started.isoformat(),
        "updatedAt": started.isoformat(),
        "completedAt": None,
        "status": "waiting",
        "forms": {
            "wie": {"answer": ["ouder"], "decline": ""},
            "kinderen": {"answer": ["3"], "decline": ""},
        },
        "current": "moeilijk",
        "problem": None,
    }
    item.update(overrides)
    return item


def _put_and_sync(page: Page, item: dict[str, Any]) -> None:
    page.evaluate(
        "item => ParticipatieQueue.put(item).then(() => ParticipatieSync.syncNow(true))", item
    )


def _children(app: Flask) -> list[object]:
    with app.app_context():
        values = db.session.scalars(
            select(Answer.value)
            .join(Answer.question)
            .join(Response, Answer.response_id == Response.id)
            .where(Response.mode == ResponseMode.OFFLINE, Question.name == "kinderen")
            .order_by(Response.id)
        ).all()
        db.session.remove()
    return list(values)


def _eventually(check: Any, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.2)


def _queued(page: Page) -> int:
    return int(page.evaluate("() => ParticipatieQueue.forProject('demo').then(a => a.length)"))


def test_refusals_and_conflicts_are_shown_and_resolved_on_the_device(
    app: Flask,
    demo: None,
    network: FlakyNetwork,  # noqa: F811  (the fixture)
    phone: Phone,  # noqa: F811  (the fixture)
) -> None:
    context = phone()
    page = context.pages[0] if context.pages else context.new_page()
    log_in(page, network)
    page.goto(network(OFFLINE_APP))
    ready_for_offline(page)
    rows = page.locator("[data-drafts] li")

    # Sent once; then changed on the device and sent again with the same key: a conflict.
    first = _item(page)
    _put_and_sync(page, first)
    expect(page.locator("[data-offline]")).to_have_attribute("data-waiting", "0")
    assert _children(app) == [3]
    changed = dict(first, forms={**first["forms"], "kinderen": {"answer": ["5"], "decline": ""}})
    _put_and_sync(page, changed)
    page.reload()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("was al verstuurd")
    assert _children(app) == [3]  # nothing overwritten without asking
    rows.first.get_by_role("button", name="Stuur de versie van dit toestel").click()
    expect(rows).to_have_count(0)
    _eventually(lambda: _queued(page) == 0)
    assert _children(app) == [5]

    # The other choice: keep what was sent, the device's copy goes.
    again = dict(changed, forms={**changed["forms"], "kinderen": {"answer": ["7"], "decline": ""}})
    _put_and_sync(page, again)
    page.reload()
    rows.first.get_by_role("button", name="Houd de verstuurde versie").click()
    expect(rows).to_have_count(0)
    assert _queued(page) == 0 and _children(app) == [5]

    # Begun 40 days ago: refused with the reason, kept on the device.
    old = _item(page, startedAt=(datetime.now(UTC) - timedelta(days=40)).isoformat())
    _put_and_sync(page, old)
    page.reload()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("ouder dan 30 dagen")
    assert _queued(page) == 1 and _children(app) == [5]
    rows.first.get_by_role("button", name="Weggooien").click()
    page.get_by_role("button", name="Ja, gooi het weg").click()
    expect(rows).to_have_count(0)

    # A number the server refuses (typed on an older version of the page): shown at its question.
    wrong = _item(page, forms={**first["forms"], "kinderen": {"answer": ["1_0"], "decline": ""}})
    _put_and_sync(page, wrong)
    page.reload()
    expect(rows.first).to_contain_text("Een antwoord klopt niet")
    rows.first.get_by_role("button", name="Verder invullen").click()
    expect(page.locator("#offline-answer-error")).to_contain_text("Vul een getal in, zoals 3.")
    page.locator("#offline-answer").fill("10")
    next_button(page)
    page.get_by_role("button", name="De ouder wil stoppen: bewaar wat er al is").click()
    _eventually(lambda: _queued(page) == 0)
    assert _children(app) == [5, 10]
