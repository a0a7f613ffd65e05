"""Offered = complete (issue 16 item 1): a survey with content in nl, fr and ar only is published
through `participatie surveys publish`, which prints exactly those three; a parent whose UI
language is Tigrinya is told there is no Tigrinya content and offered those three; a walk in
Arabic shows no Dutch question, and the header's language menu on every question page lists the
same three languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask_babel import force_locale, gettext
from playwright.sync_api import Page
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey, SurveyStatus
from tests.browser.conftest import ContextFactory
from tests.browser.journey_steps import ANSWERS, answer_with_pointer
from tests.browser.live_server import LiveServer

pytestmark = pytest.mark.browser

KEPT = ("nl", "fr", "ar")


def _only(texts: dict[str, str]) -> dict[str, str]:
    return {lang: text for lang, text in texts.items() if lang in KEPT}


def _demo_in_three_languages_as_draft(app: Flask) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        survey.project.languages = ["nl", "fr", "ar", "ti", "so"]
        survey.title, survey.intro, survey.thanks = (
            _only(survey.title),
            _only(survey.intro),
            _only(survey.thanks),
        )
        for question in survey.questions:
            question.label, question.hint = _only(question.label), _only(question.hint)
            for option in question.options:
                option.label = _only(option.label)
        survey.status = SurveyStatus.DRAFT
        survey.revision += 1
        db.session.commit()
        db.session.remove()


def _dutch_and_arabic(app: Flask) -> dict[str, tuple[dict[str, str], list[dict[str, str]]]]:
    """Question name → (its label, its options' labels) as stored: per language."""
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        texts = {
            q.name: (dict(q.label), [dict(o.label) for o in q.options]) for q in survey.questions
        }
        db.session.remove()
    return texts


def _why_in_tigrinya(app: Flask) -> str:
    """The welcome page's reason, as the Tigrinya catalogue words it."""
    with app.test_request_context(), force_locale("ti"):
        return str(
            gettext(
                "Deze vragenlijst is nog niet vertaald in jouw taal (%(language)s). De vragen zijn er "
                "wel in de talen hieronder. Kies een taal die je kent.",
                language="ትግርኛ",
            )
        )


def _menu_languages(page: Page) -> list[str]:
    return [a.get_attribute("hreflang") or "" for a in page.locator("details.lang ul a").all()]


def test_complete_languages_only_are_offered(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
) -> None:
    _demo_in_three_languages_as_draft(app)
    published = app.test_cli_runner().invoke(args=["surveys", "publish", "DEMO"])
    assert published.exit_code == 0, published.output
    assert published.stdout.split() == list(KEPT)

    page = new_context().new_page()
    page.goto(live_server("/s/DEMO?lang=ti"))
    assert page.locator("html").get_attribute("lang") == "ti"
    offered = [a.get_attribute("hreflang") for a in page.locator("ul.langs a").all()]
    assert offered == list(KEPT)
    notice = page.locator("#no-content-in-language")
    assert notice.is_visible()
    # Said in Tigrinya (Ethiopic script), naming the language: the catalogue's words exactly.
    assert "ትግርኛ" in notice.inner_text()
    assert any("\u1200" <= ch <= "\u137f" for ch in notice.inner_text().replace("ትግርኛ", ""))
    assert notice.inner_text().strip() == _why_in_tigrinya(app)
    assert _menu_languages(page) == list(KEPT)
    assert_no_axe_violations(page)
    stored = _dutch_and_arabic(app)

    page.goto(live_server("/s/DEMO?lang=ar"))
    assert not page.locator("#no-content-in-language").count()
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    for name, kind, value in ANSWERS:
        assert page.url.endswith(f"/s/DEMO/{name}"), page.url
        # No Dutch on the question page: nothing in main is marked as Dutch, and the heading
        # is Arabic.
        assert page.locator("main [lang=nl]").count() == 0, name
        heading = page.locator("main h1, main legend").first.inner_text()
        assert any("\u0600" <= ch <= "\u06ff" for ch in heading), heading
        label, options = stored[name]
        assert heading.strip() == label["ar"] and heading.strip() != label["nl"], name
        shown = [text.strip() for text in page.locator("main label.option").all_inner_texts()]
        assert shown == [option["ar"] for option in options], name
        assert _menu_languages(page) == list(KEPT)
        answer_with_pointer(page, name, kind, value)
    assert page.url.endswith("/s/DEMO/klaar")
    assert page.locator("html").get_attribute("lang") == "ar"
