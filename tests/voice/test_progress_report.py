"""The progress report per period, read back from its PDF: heard, decided, done, and how each
indicator moved since the last report."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Indicator, Measurement, ProgressReport
from tests.conftest import PageCheckingClient, login

PAGE = "/projecten/demo/voortgang"


def _text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


@pytest.mark.pdf
def test_a_new_report_shows_how_indicators_moved_since_the_last(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils)")
    with app.app_context():
        first = db.session.scalar(select(ProgressReport))
        assert first is not None, "the demo year has one progress report"
        first_end = first.period_end
        indicator = db.session.scalar(
            select(Indicator).where(Indicator.name["nl"].as_string().like("Sportclubs%"))
        )
        assert indicator is not None
        at_first = first.indicator_values[indicator.public_id]["value"]
        latest = max(m.value for m in indicator.measurements)
        # A new measurement today: the report should show it against the last report's value.
        db.session.add(
            Measurement(
                indicator_id=indicator.id, measured_on=date.today(), value=17, source="test"
            )
        )
        db.session.commit()
    assert latest > at_first

    login(client, "coordinator@kempenaar.example")
    page = html.unescape(client.get(PAGE).get_data(as_text=True))
    start = (first_end + timedelta(days=1)).isoformat()
    assert f'value="{start}"' in page  # the next period starts where the last one ended

    overlap = client.post_form(
        PAGE, {"start": first_end.isoformat(), "end": date.today().isoformat()}
    )
    assert overlap.status_code == 400
    assert "begint voor het einde van het vorige rapport" in html.unescape(
        overlap.get_data(as_text=True)
    )
    bad = client.post_form(PAGE, {"start": "morgen", "end": date.today().isoformat()})
    assert bad.status_code == 400 and 'value="morgen"' in bad.get_data(as_text=True)

    made = client.post_form(PAGE, {"start": start, "end": date.today().isoformat()})
    assert made.status_code == 302
    page = client.get(PAGE).get_data(as_text=True)
    links = re.findall(r'href="(/projecten/demo/voortgang/[A-Za-z0-9_-]+\.pdf)"', page)
    assert len(links) == 2
    response = client.get(links[0])  # newest first
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _text(response.data)
    assert "Voortgangsrapport" in text and "Veilige kindertijd Kempenaar" in text
    assert "Wat we hoorden" in text and "Deze cijfers komen uit publicatie 1" in text
    assert "Wat al klaar is" in text and "Huiswerkklas in de bib, elke woensdag" in text
    # The row of the indicator: last report's value, now, the difference, the target.
    row = text[text.index("Sportclubs die 80% korting geven met de UiTPAS") :][:160]
    cells = row.removeprefix("Sportclubs die 80% korting geven met de UiTPAS").split()
    assert cells[0] == f"{at_first:g}" and "17" in cells and "18" in cells, row
    assert f"+{17 - at_first:g}" in text

    # The stuurgroep reads the reports but cannot make one; a volunteer cannot read them.
    client.post_form("/logout", {}, token_from="/account")
    login(client, "stuurgroep@kempenaar.example")
    assert client.get(links[1]).status_code == 200
    token = client.csrf_token(PAGE)
    assert (
        client.post(
            PAGE, data={"csrf_token": token, "start": "2030-01-01", "end": "2030-02-01"}
        ).status_code
        == 403
    )
    client.post_form("/logout", {}, token_from="/account")
    login(client, "vrijwilliger@kempenaar.example")
    assert client.get(links[1]).status_code == 403
