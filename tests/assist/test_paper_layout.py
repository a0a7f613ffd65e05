"""A paper form is laid out once per process and stamped per print (participatie/assist/paper.py):
a batch printed again is the same form with new numbers, and a changed form is laid out anew."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.assist import paper
from participatie.extensions import db
from participatie.models import Survey
from tests.assist.helpers import VOLUNTEER, csrf
from tests.assist.test_paper import (
    PAPER,
    PRINTED_NUMBER,
    needs_pdf_tools,
    pdf_text,
    printed_numbers,
)
from tests.conftest import PageCheckingClient, login


def _print(client: PageCheckingClient, copies: int) -> str:
    page = client.get(PAPER).get_data(as_text=True)
    pdf = client.post(PAPER, data={"csrf_token": csrf(page), "language": "nl", "copies": copies})
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    return pdf_text(pdf.data)


@pytest.mark.pdf
def test_a_batch_printed_again_is_the_same_form_and_a_changed_form_is_new(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    needs_pdf_tools()
    paper._LAYOUTS.clear()
    login(client, VOLUNTEER)
    first = _print(client, 2)
    assert len(paper._LAYOUTS) == 1
    second = _print(client, 2)
    assert len(paper._LAYOUTS) == 1  # the kept layout, not a second one
    numbers = printed_numbers(first) + printed_numbers(second)
    assert len(set(numbers)) == 4
    # Apart from the numbers, the second batch is the same form as the first.
    assert PRINTED_NUMBER.sub("N", first) == PRINTED_NUMBER.sub("N", second)
    assert "Wie ben je?" in second

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        question = next(q for q in survey.questions if q.name == "wie")
        question.label = {**question.label, "nl": "Wie vult dit in?"}
        survey.revision += 1
        db.session.commit()
        db.session.remove()
    changed = _print(client, 1)
    assert "Wie vult dit in?" in changed and "Wie ben je?" not in changed
    assert len(paper._LAYOUTS) == 2
