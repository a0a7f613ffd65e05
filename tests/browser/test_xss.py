"""Stored XSS: payloads submitted as answers, quotes and names never run on any coordinator,
stuurgroep or public page. The browser runs with the CSP bypassed on purpose, so escaping alone
must hold: an unescaped payload would run and set window.__xss."""

from __future__ import annotations

from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Dialog, Page
from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Attendee,
    FocusGroup,
    Project,
    Quote,
    Statement,
    StatementSource,
    Survey,
    Theme,
    ThemeStatement,
)
from tests.browser.closing import close_page
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.conftest import current_totp

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=1">',
    "<svg onload=window.__xss=1>",
    "javascript:window.__xss=1",
    "{{ 7*7 }}<b onmouseover=window.__xss=1>",
]
PAGE_LIMIT = int(__import__("os").environ.get("XSS_PAGE_LIMIT", "120"))


def _plant(app: Flask, live_server: LiveServer, context: BrowserContext) -> None:
    # As a participant, through the real journey.
    page = context.new_page()
    page.goto(live_server("/s/DEMO"))
    page.click("form[action$='/start'] button")
    page.check("input[value=ouder]")
    page.click(".actions button:not([name])")
    page.goto(live_server("/s/DEMO/verschil"))
    page.fill("#answer", " ".join(PAYLOADS))
    page.click(".actions button:not([name])")
    page.wait_for_url("**/s/DEMO/goed")
    close_page(page)
    # Names and quotes where staff type them.
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        project.name = "Project " + PAYLOADS[1]
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        survey.title = {**survey.title, "nl": "Titel " + PAYLOADS[2]}
        survey.revision += 1
        group = db.session.scalar(select(FocusGroup))
        assert group is not None
        group.title = "Groep " + PAYLOADS[0]
        attendee = db.session.scalar(select(Attendee).where(Attendee.focus_group_id == group.id))
        quote = Quote(
            focus_group=group, attendee=attendee, text="Zei: " + " ".join(PAYLOADS), language="nl"
        )
        statement = Statement(
            project=project, source=StatementSource.FOCUS_GROUP, quote=quote, language="nl"
        )
        theme = Theme(
            project_id=project.id, title={"nl": "Thema " + PAYLOADS[4]}, summary={"nl": PAYLOADS[3]}
        )
        theme.links.append(ThemeStatement(statement=statement, chosen_quote=True))
        db.session.add_all([quote, statement, theme])
        db.session.commit()
        db.session.remove()


def _login(page: Page, live_server: LiveServer, app: Flask, email: str) -> None:
    page.goto(live_server("/login"))
    page.fill("#email", email)
    page.fill("#password", "demo-wachtwoord")
    page.click("form button")
    if "/login/code" in page.url:
        page.fill("#code", current_totp(app, email))
        page.click("form button")


def _crawl(page: Page, start: list[str], base: str) -> list[str]:
    """Follows same-site links breadth first; returns the pages where a payload ran or showed up
    as markup."""
    seen: set[str] = set()
    queue = deque(start)
    problems: list[str] = []
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.popleft()
        path = urlsplit(url).path
        if url in seen or any(
            part in path
            for part in ("/logout", ".zip", ".pdf", ".csv", ".xlsx", ".ods", ".qdc", ".svg", "/a/")
        ):
            continue
        seen.add(url)
        if __import__("os").environ.get("XSS_VERBOSE"):
            print("crawl", url, flush=True)
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a file export, not a page
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        page.wait_for_load_state("load")
        if page.evaluate("window.__xss === 1"):
            problems.append(f"script ran on {url}")
        injected = page.evaluate(
            "document.querySelectorAll('[onerror],[onload],[onmouseover],script:not([src])').length"
        )
        if injected:
            problems.append(f"{injected} injected element(s) on {url}")
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            if href.startswith("javascript:"):
                problems.append(f"javascript: link on {url}")
            target = urljoin(url, href).split("#")[0]
            # The language switcher's links show the same page again; one language is enough.
            if "lang=" in urlsplit(target).query:
                continue
            if target.startswith(base) and target not in seen:
                queue.append(target)
    assert len(seen) > 3, f"the crawl saw only {sorted(seen)}"
    print(f"\ncrawled {len(seen)} pages from {start[0]}")
    return problems


@pytest.mark.parametrize(
    ("email", "start"),
    [
        ("coordinator@kempenaar.example", ["/projecten/demo", "/account"]),
        ("stuurgroep@kempenaar.example", ["/account"]),
        ("admin@kempenaar.example", ["/beheer"]),
        (None, ["/p/demo", "/s/DEMO", "/p/demo/privacy"]),
    ],
)
def test_payloads_never_run(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    email: str | None,
    start: list[str],
) -> None:
    context = new_context(bypass_csp=True, mobile=False, width=1200, height=900)
    _plant(app, live_server, context)
    page = context.new_page()
    dialogs: list[str] = []

    def note_and_dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", note_and_dismiss)
    if email:
        _login(page, live_server, app, email)
    problems = _crawl(page, [live_server(path) for path in start], live_server.url)
    assert problems == [] and dialogs == []
