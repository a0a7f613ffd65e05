"""Issue 19, item 8: the rechtencirkel's results with the demo data: a radar drawn on the server
with one outline per group, the same numbers in a table, the spread (never a mean alone), the
small group hidden, and the reasons per phase and group; in the release and in its PDF."""

from __future__ import annotations

import re
import subprocess

from flask import Flask

from tests.conftest import PageCheckingClient, login

STUURGROEP = "stuurgroep@kempenaar.example"
COORDINATOR = "coordinator@kempenaar.example"
PHASES = ("Preventie", "Opsporen", "Toeleiding", "Onthaal", "Nazorg")


def _circle(page: str) -> str:
    start = page.index('<section class="circle"')
    return page[start : page.index("</section>", start)]


def _check_circle(page: str) -> None:
    circle = _circle(page)
    svg = circle[circle.index("<svg") : circle.index("</svg>")]
    # One median outline per shown group: families and staff.
    assert svg.count('class="outline"') == 2, svg.count('class="outline"')
    assert 'fill-rule="evenodd"' in svg  # the band from first to third quartile
    for phase in PHASES:
        assert phase in svg and phase in circle
    assert "Ik ben ouder of lid van een gezin" in circle
    assert "Ik werk bij een dienst of een organisatie" in circle
    # The table: a median and the middle half per phase and group, nine rows.
    table = circle[circle.index("<table") : circle.index("</table>")]
    assert len(re.findall(r'<th scope="row">\d\. ', table)) == 9
    assert len(re.findall(r"<bdi dir=\"ltr\">\d+(,\d)? \(\d+(,\d)?–\d+(,\d)?\)</bdi>", table)) == 18
    # Reasons beside each phase, for both groups, in their own words and languages.
    reasons = circle[circle.index('<dl class="reasons circle-reasons">') :]
    assert reasons.count("<dt>") == 9
    assert reasons.count('<span class="group">') == 18
    assert "Niemand vertelde me dat ik recht had op een studietoelage." in reasons
    assert "We hebben te weinig tijd om zelf op huisbezoek te gaan." in reasons
    # Each reason carries the language it was written in, whatever the page's language.
    assert '<li lang="ar" dir="auto">لم يشرح لي أحد ما هي حقوقي.</li>' in reasons


def test_released_results_show_the_radar_table_spread_and_reasons(
    client: PageCheckingClient, demo: None
) -> None:
    login(client, STUURGROEP)
    page = client.get("/projecten/demo/resultaten?lang=nl").get_data(as_text=True)
    _check_circle(page)
    # Every number question shows its distribution as bars beside the table of bins.
    for label in (
        "Hoeveel kinderen wonen bij jou?",
        "Helpen de diensten al voor er grote problemen zijn?",
    ):
        article = page[page.index(f">{label}</span></h3>") :]
        article = article[: article.index("</article>")]
        assert f'aria-label="Grafiek bij de vraag: {label}"' in article
        assert "Hoeveel mensen welk getal antwoordden, in groepen" in article
    # Per phase, the reasons are not listed a second time under the question.
    assert page.count("Niemand vertelde me dat ik recht had op een studietoelage.") == page.count(
        "Niemand vertelde me dat ik recht had op een studietoelage.",
        page.index('<section class="circle"'),
    )


def test_live_results_show_the_same_circle_and_hide_a_small_group(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from sqlalchemy import select

    from participatie.extensions import db
    from participatie.models import Answer, Response, Survey
    from participatie.models.base import utcnow

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "RECHTEN"))
        assert survey is not None
        questions = {q.name: q for q in survey.questions}
        for score in (8, 9, 7):  # three policy makers: fewer than k = 5
            response = Response(
                survey=survey,
                survey_version=survey.version,
                language="nl",
                consent_version=survey.consent_version,
                consented_at=utcnow(),
                participant_group="beleid",
            )
            response.answers.append(Answer(question=questions["wie"], value="beleid"))
            response.answers.append(Answer(question=questions["preventie"], value=score))
            response.answers.append(
                Answer(question=questions["preventie_waarom"], value="Het beleid werkt al goed.")
            )
            db.session.add(response)
        db.session.commit()
    login(client, COORDINATOR)
    page = client.get("/projecten/demo/resultaten?lang=nl&live=1").get_data(as_text=True)
    _check_circle(page)
    circle = _circle(page)
    assert "Ik werk aan het beleid van de gemeente: verborgen" in circle
    assert "Het beleid werkt al goed." not in page


def test_a_redacted_reason_shows_its_redacted_copy(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from sqlalchemy import select

    from participatie.extensions import db
    from participatie.models import Answer, Statement

    original = "Niemand vertelde me dat ik recht had op een studietoelage."
    with app.app_context():
        rows = db.session.execute(select(Answer.id, Answer.value)).all()
        ids = [answer_id for answer_id, value in rows if value == original]
        assert ids
        for statement in db.session.scalars(select(Statement).where(Statement.answer_id.in_(ids))):
            statement.redacted_text = "Niemand vertelde me dat ik recht had op [hulp]."
        db.session.commit()
    login(client, STUURGROEP)
    circle = _circle(client.get("/projecten/demo/resultaten?lang=nl").get_data(as_text=True))
    assert original not in circle
    assert "Niemand vertelde me dat ik recht had op [hulp]." in circle


def test_the_circle_in_other_languages(client: PageCheckingClient, demo: None) -> None:
    login(client, STUURGROEP)
    page = client.get("/projecten/demo/resultaten?lang=ar").get_data(as_text=True)
    circle = _circle(page)
    assert circle.count('class="outline"') == 2
    assert "أنا أب أو أم أو فرد من عائلة" in circle


def test_the_pdf_report_has_the_circle(client: PageCheckingClient, demo: None) -> None:
    login(client, STUURGROEP)
    response = client.get("/projecten/demo/resultaten/RECHTEN/pdf?lang=nl")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.data.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.data, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    assert "De cirkel: het cijfer per stap, per groep" in flat
    for phase in PHASES:
        assert phase in flat
    assert "Niemand vertelde me dat ik recht had op" in flat
    assert "We hebben te weinig tijd om zelf op huisbezoek te gaan." in flat
    assert "verborgen" in flat
