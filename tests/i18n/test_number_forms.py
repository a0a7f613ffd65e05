"""Issue 16 item 7: numbers and percentages in each language's own form, through the pages.

Decimal comma where the language writes one (nl fr tr pl ro bg uk ru), a point in English; Arabic
and Dari pages use Western digits throughout (as every other figure on them), with the point
Babel's Latin-digit forms give. The percent sign stands where the language puts it: "40%" in
Dutch, "%40" in Turkish, "40 %" (no-break space) in French and Russian.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Indicator, Measurement, Project
from tests.conftest import PageCheckingClient, login
from tests.review.conftest import COORDINATOR, QUEUE, add_focus_group

NBSP, NNBSP = "\xa0", "\u202f"
# language: (a whole percentage, a percentage with a decimal, a four-digit count's start)
FORMS = {
    "nl": ("{}%", "47,5%", "1."),
    "fr": ("{}" + NBSP + "%", f"47,5{NBSP}%", f"1{NNBSP}"),
    "tr": ("%{}", "%47,5", "1."),
    "ru": ("{}" + NBSP + "%", f"47,5{NBSP}%", f"1{NBSP}"),
    "ro": ("{}" + NBSP + "%", f"47,5{NBSP}%", "1."),
    "en": ("{}%", "47.5%", "1,"),
    "ar": ("{}%", "47.5%", "1,"),
    "fa_AF": ("{}%", "47.5%", "1,"),
}


@pytest.fixture
def measured(app: Flask, demo: None) -> None:
    """A last measurement with a decimal on a percentage indicator of the demo."""
    with app.app_context():
        indicator = db.session.scalar(
            select(Indicator)
            .join(Indicator.goal)
            .where(
                Indicator.name["nl"]
                .as_string()
                .like("Kinderen uit gezinnen met een beperkt inkomen%")
            )
        )
        assert indicator is not None
        indicator.measurements.append(
            Measurement(measured_on=date(2027, 1, 15), value=47.5, source="resultaatsmeting")
        )
        db.session.commit()
        db.session.remove()


@pytest.mark.parametrize("lang", FORMS)
def test_the_public_page_writes_percentages_the_languages_way(
    client: PageCheckingClient, measured: None, lang: str
) -> None:
    whole, decimal, _ = FORMS[lang]
    page = client.get(f"/p/demo?lang={lang}").get_data(as_text=True)
    assert f"({whole.format(40)})" in page  # an action's progress
    assert decimal in page  # the indicator's latest value


@pytest.mark.parametrize("lang", FORMS)
def test_the_decisions_page_and_the_review_queue(
    app: Flask, client: PageCheckingClient, demo: None, lang: str
) -> None:
    whole = FORMS[lang][0]
    login(client, COORDINATOR)
    decisions = client.get(f"/projecten/demo/beslissingen?lang={lang}").get_data(as_text=True)
    assert f", {whole.format(40)}</td>" in decisions
    group, (statement,) = add_focus_group(app, "Getallen", [("nl", "De huur is te hoog.")])
    queue = client.get(f"{QUEUE}?bron=fg:{group}&lang={lang}").get_data(as_text=True)
    article = queue.split(f'id="s-{statement}"')[1].split("</article>")[0]
    shown = re.findall(r'<span class="small">[^<]*?(%\d+|\d+\s?%)</span>', article)
    assert shown, article
    number = re.escape(whole).replace(r"\{\}", r"\d+")
    assert all(re.fullmatch(number, figure) for figure in shown), shown


@pytest.mark.parametrize("lang", FORMS)
def test_the_home_groups_thousands_the_languages_way(
    app: Flask, client: PageCheckingClient, demo: None, lang: str
) -> None:
    with app.app_context():
        assert db.session.scalar(select(Project).where(Project.slug == "demo")) is not None
    add_focus_group(app, "Veel", [("nl", f"Uitspraak {i}.") for i in range(1000)])
    login(client, COORDINATOR)
    home = client.get(f"/projecten/demo?lang={lang}").get_data(as_text=True)
    item = home.split('id="aandacht-uitspraken"')[1].split("</li>")[0]
    grouped = FORMS[lang][2]
    assert re.search(re.escape(grouped) + r"\d{3}(?!\d)", item), item
