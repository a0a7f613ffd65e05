"""Counts take the plural form the catalogue gives for that number, in pages people see.

Arabic has six forms (zero, one, two, few, many, other); Ukrainian three; French counts 0 as
singular. The welcome page's "Het duurt ongeveer … minuten" is rendered for numbers that hit
every form, and each must come out exactly as the catalogue writes that form.
"""

from __future__ import annotations

import gettext

import pytest
from flask import Flask
from markupsafe import escape
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from tests.conftest import PageCheckingClient
from tests.i18n import i18n

MINUTES = "Het duurt ongeveer %(count)s minuut."
# Babel orders Arabic's forms zero, one, two, few (3-10), other (100-102), many (11-99).
ARABIC = {0: 0, 1: 1, 2: 2, 3: 3, 11: 5, 100: 4}


def catalogue_forms(locale: str) -> tuple[list[str], object]:
    catalog = i18n.read_catalog(i18n.po_path(locale), locale)
    message = catalog.get(MINUTES)
    assert message is not None and message.pluralizable, MINUTES
    return list(message.string), gettext.c2py(catalog.plural_expr)


def welcome_page(app: Flask, client: PageCheckingClient, minutes: int, lang: str) -> str:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        survey.estimated_minutes = minutes
        survey.revision += 1  # participant pages cache the survey per revision
        db.session.commit()
    response = client.get(f"/s/DEMO?lang={lang}")
    assert response.status_code == 200
    return str(response.get_data(as_text=True))


def test_arabic_shows_each_of_its_six_plural_forms(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    forms, rule = catalogue_forms("ar")
    assert len(forms) == 6 and len(set(forms)) == 6, forms  # six forms, each its own
    seen = set()
    for number, form in ARABIC.items():
        assert rule(number) == form  # type: ignore[operator]
        page = welcome_page(app, client, number, "ar")
        shown = escape(forms[form] % {"count": number})
        assert f"<li>{shown}</li>" in page, (number, forms[form])
        others = [f for i, f in enumerate(forms) if i != form and "%(count)s" not in f]
        assert not any(f"<li>{escape(other)}</li>" in page for other in others)
        seen.add(form)
    assert seen == set(range(6))


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "tr", "uk"])
def test_other_languages_pick_their_form_per_number(
    app: Flask, client: PageCheckingClient, demo: None, lang: str
) -> None:
    forms, rule = catalogue_forms(lang)
    for number in (0, 1, 2, 5, 21, 100):
        page = welcome_page(app, client, number, lang)
        shown = escape(forms[rule(number)] % {"count": number})  # type: ignore[operator]
        assert f"<li>{shown}</li>" in page, (lang, number)
    if lang == "uk":  # one, few, many
        assert [rule(n) for n in (1, 2, 5, 21, 22, 25)] == [0, 1, 2, 0, 1, 2]  # type: ignore[operator]
