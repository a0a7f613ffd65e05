"""Offered = complete: the coordinator sees before publishing which languages a survey will be
offered in and what each other language lacks; the CLI prints the offered set; the volunteer's
and the paper form's language choice follow the same set."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import add_question, as_coordinator, new_survey, survey_url


def test_builder_shows_offered_languages_and_what_the_others_lack(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    add_question(client, survey_id, "Welke dag past?", "text")
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        survey.title = {**survey.title, "fr": "Titre"}
        db.session.commit()
        db.session.remove()
    page = client.get(survey_url(survey_id)).get_data(as_text=True)
    panel = page.split('id="offered-languages"')[1].split("</div>")[0]
    # Only Dutch is complete; French has a title but lacks the question, so it is listed with
    # one question missing; the project's other languages too.
    assert "Deelnemers kunnen kiezen uit deze talen:" in panel
    offered_line = panel.split("</p>")[0]
    assert "Nederlands" in offered_line and "Français" not in offered_line
    french_row = panel.split('lang="fr">Français</a></th>')[1].split("</tr>")[0]
    assert french_row.count("<td>") == 5
    assert "<td>1</td>" in french_row  # the question


def test_publish_command_prints_offered_languages_one_per_line(app: Flask, demo: None) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        # Arabic loses one option label: no longer offered.
        question = next(q for q in survey.questions if q.options)
        question.options[0].label = {
            k: v for k, v in question.options[0].label.items() if k != "ar"
        }
        db.session.commit()
        db.session.remove()
    result = app.test_cli_runner().invoke(args=["surveys", "publish", "DEMO"])
    assert result.exit_code == 0, result.output
    # The demo is complete in all 13 languages: the project's first, then the others.
    others = ["pl", "ro", "bg", "ru", "so", "ti", "fa_AF"]
    assert result.stdout.split() == ["nl", "fr", "en", "tr", "uk", *others]
    assert "not offered in ar: 1 text(s) missing" in result.stderr
    # The volunteer's definition and the paper form follow the same set.
    from participatie.assist.paper import UnknownPaperSurvey, render_paper_pdf

    with app.app_context():
        try:
            render_paper_pdf("DEMO", "ar", 1)
        except UnknownPaperSurvey as refused:
            assert "not offered in 'ar'" in str(refused)
        else:
            raise AssertionError("paper form in a language that is not offered")
