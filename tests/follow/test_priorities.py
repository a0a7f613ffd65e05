"""Prioritaire domeinen: the evidence per domain, the stuurgroep's choice with the oudergroep's
proposal beside it, and the "Wat moet eerst?" survey whose result is shown there too."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.models import AuditEvent, ParentGroupProposal, Priority, Project, Survey
from participatie.surveys.answers import parse_answer
from participatie.surveys.definition import build_definition
from participatie.surveys.xlsform import read_xlsform
from participatie.surveys.xlsform_export import export_xlsform
from tests.conftest import PageCheckingClient, login, page_client
from tests.report import builders as b

STUURGROEP = "stuurgroep@kempenaar.example"


def _sheet(xlsx: bytes) -> bytes:
    """The text of every cell of an xlsx, to look for a constraint in it."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx))
    return " ".join(
        str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value
    ).encode()


PAGE = "/projecten/demo/prioriteiten"


def test_the_stuurgroep_chooses_domains_and_the_evidence_is_kept(
    client: PageCheckingClient, app: Flask, demo: None
) -> None:
    login(client, STUURGROEP)
    page = client.get(PAGE).get_data(as_text=True)
    assert "deelnemers brachten dit aan" in page.lower()
    response = client.post_form(
        PAGE,
        {
            "proposed_onderwijs": "oudergroep",
            "chosen_onderwijs": "y",
            "proposed_vrije_tijd": "stuurgroep",
            "chosen_vrije_tijd": "y",
            "proposed_wonen": "werkgroep",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        rows = {p.domain.key: p for p in db.session.scalars(select(Priority).order_by(Priority.id))}
        assert set(rows) == {"onderwijs", "vrije_tijd", "wonen"}
        assert rows["onderwijs"].proposed_by.value == "oudergroep" and rows["onderwijs"].chosen
        assert not rows["wonen"].chosen and rows["wonen"].evidence == {}
        assert "participants" in rows["vrije_tijd"].evidence
        assert rows["vrije_tijd"].chosen_at is not None
        assert (
            len(
                db.session.scalars(
                    select(AuditEvent).where(AuditEvent.action == "priority.save")
                ).all()
            )
            == 3
        )
    page = client.get(PAGE).get_data(as_text=True)
    assert page.count("· <strong>prioritair</strong>") == 2
    # Nobody proposes wonen any more: its priority goes, with an audit event.
    client.post_form(
        PAGE,
        {
            "proposed_onderwijs": "oudergroep",
            "chosen_onderwijs": "y",
            "proposed_vrije_tijd": "",
            "proposed_wonen": "",
        },
    )
    with app.app_context():
        assert [p.domain.key for p in db.session.scalars(select(Priority))] == ["onderwijs"]
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "priority.delete"))


def test_the_oudergroep_proposal_stands_beside_the_choice(
    client: PageCheckingClient, app: Flask, demo: None
) -> None:
    login(client, STUURGROEP)
    path = "/projecten/demo/prioriteiten/oudergroep"
    refused = client.post_form(
        path,
        {"proposed_on": "2026-11-20", "domains": ["onderwijs"], "delegates": "P3, Fatima"},
        token_from=PAGE,
    )
    assert refused.status_code == 200
    text = refused.get_data(as_text=True)
    assert "nooit een echte naam: Fatima" in text
    assert 'value="P3, Fatima"' in text
    response = client.post_form(
        path,
        {"proposed_on": "2026-11-20", "domains": ["onderwijs", "gezin"], "delegates": "p3, P7"},
        token_from=PAGE,
    )
    assert response.status_code == 302
    with app.app_context():
        proposal = db.session.scalar(select(ParentGroupProposal))
        assert proposal is not None
        assert proposal.delegates == ["P3", "P7"] and proposal.domains == ["onderwijs", "gezin"]
    page = client.get(PAGE).get_data(as_text=True)
    assert "Afgevaardigden in de stuurgroep: P3, P7" in page
    assert page.count("De oudergroep stelt dit voor.") == 2


def test_wat_moet_eerst_makes_a_survey_whose_result_shows_from_k(
    client: PageCheckingClient, app: Flask, demo: None
) -> None:
    login(client, "coordinator@kempenaar.example")
    response = client.post_form(PAGE + "/wat-moet-eerst", {}, token_from=PAGE)
    assert response.status_code == 302
    with app.app_context(), app.test_request_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        code = project.settings["priority_survey"]
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None and survey.status.value == "draft"
        question = survey.questions[0]
        assert question.type.value == "select_multiple" and question.maximum == 3
        names = [o.name for o in question.options]
        assert len(names) >= 4
        # The engine refuses a fourth choice, with the message, and keeps the choices.
        definition = build_definition(survey, project).questions[0]
        parsed = parse_answer(definition, MultiDict([("answer", n) for n in names[:4]]))
        assert parsed.error == "Kies hoogstens 3 antwoorden." and parsed.value == names[:4]
        assert parse_answer(definition, MultiDict([("answer", n) for n in names[:3]])).error is None
        # The limit survives an XLSForm round trip (as XLSForm writes it: count-selected).
        exported = export_xlsform(survey)
        assert b"count-selected(.) <= 3" in _sheet(exported)
        imported = read_xlsform(exported)
        assert imported.definition is not None, imported.problems
        assert imported.definition["questions"][0]["maximum"] == 3
        for _ in range(4):
            b.respond(survey, {"eerst": names[:2]})
        db.session.commit()
    page = client.get(PAGE).get_data(as_text=True)
    assert f"Vragenlijst {code}" in page
    assert "Nog minder dan 5 antwoorden" in page
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        for _ in range(2):
            b.respond(survey, {"eerst": [names[0]]})
        db.session.commit()
    page = client.get(PAGE).get_data(as_text=True)
    assert "6 ouders kozen." in page
    table = page.split('id="survey-caption"')[1].split("</table>")[0]
    # 6 chose the first theme; the 4 who chose the second are fewer than k: hidden.
    assert "<td>6</td>" in table and "<td>4</td>" not in table and "verborgen" in table


def test_a_decision_records_whether_it_follows_the_oudergroep(
    client: PageCheckingClient, app: Flask, demo: None
) -> None:
    from participatie.models import Decision, Theme

    login(client, STUURGROEP)
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(~Theme.decisions.any()))
        assert theme is not None
        theme_id = theme.public_id
    path = f"/projecten/demo/beslissingen/{theme_id}/nieuw"
    response = client.post_form(path, {"outcome": "opgenomen", "follows_oudergroep": "ja"})
    assert response.status_code == 302
    with app.app_context():
        decision = db.session.scalar(
            select(Decision).join(Theme).where(Theme.public_id == theme_id)
        )
        assert decision is not None and decision.follows_oudergroep is True
        decision_id = decision.public_id
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "decision.create"))
        assert event is not None and event.details["follows_oudergroep"] is True
    page = client.get("/projecten/demo/beslissingen").get_data(as_text=True)
    assert "Deze beslissing volgt het voorstel van de oudergroep." in page
    edit = f"/projecten/demo/beslissingen/besluit/{decision_id}"
    form_page = client.get(edit).get_data(as_text=True)
    assert re.search(
        r"<input[^>]*checked[^>]*value=\"ja\"|<input[^>]*value=\"ja\"[^>]*checked", form_page
    )
    client.post_form(edit, {"outcome": "opgenomen", "follows_oudergroep": "nee"})
    page = client.get("/projecten/demo/beslissingen").get_data(as_text=True)
    assert "Deze beslissing wijkt af van het voorstel van de oudergroep." in page
    client.post_form(edit, {"outcome": "opgenomen", "follows_oudergroep": ""})
    with app.app_context():
        decision = db.session.scalar(select(Decision).where(Decision.public_id == decision_id))
        assert decision is not None and decision.follows_oudergroep is None


IDEM = re.compile(r'name="idem" value="([^"]+)"')


def test_parents_answer_wat_moet_eerst_through_the_participant_pages(
    client: PageCheckingClient, app: Flask, demo: None
) -> None:
    login(client, "coordinator@kempenaar.example")
    client.post_form(PAGE + "/wat-moet-eerst", {}, token_from=PAGE)
    with app.app_context():
        survey = db.session.scalar(select(Survey).order_by(Survey.id.desc()))
        assert survey is not None
        code, public_id = survey.code, survey.public_id
        names = [o.name for o in survey.questions[0].options]
    builder = f"/projecten/demo/vragenlijsten/{public_id}"
    assert client.get(builder).status_code == 200
    published = client.post_form(builder + "/status", {"action": "publish"}, token_from=builder)
    assert published.status_code == 302
    with app.app_context():
        status = db.session.scalar(select(Survey.status).where(Survey.code == code))
        assert status is not None and status.value == "open"
    parent = page_client(app)
    assert parent.post_form(f"/s/{code}/start", {}, token_from=f"/s/{code}").status_code == 302
    question = f"/s/{code}/eerst"
    page = parent.get(question).get_data(as_text=True)
    assert "Kies er hoogstens 3." in page
    idem = IDEM.search(page)
    assert idem is not None
    four = parent.post_form(
        question, {"idem": idem.group(1), "answer": names[:4]}, token_from=question
    )
    assert four.status_code == 400  # the page again, with the message
    text = four.get_data(as_text=True)
    assert "Kies hoogstens 3 antwoorden." in text
    assert text.count("checked") >= 4  # what was chosen stays chosen
    three = parent.post_form(
        question, {"idem": idem.group(1), "answer": names[:3]}, token_from=question
    )
    assert three.status_code == 302
    with app.app_context():
        from participatie.models import Answer, Question

        value = db.session.scalar(
            select(Answer.value).join(Question).where(Question.name == "eerst")
        )
        assert value == names[:3]
