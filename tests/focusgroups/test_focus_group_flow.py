"""A focus group through HTTP, as the issue's "done when" says: create, attend, capture 30 quotes
in two languages with the keyboard flow's endpoints (the plain form and the JSON one), import a
transcript, redact a phone number, and find the quotes as statements in the review queue."""

from __future__ import annotations

from flask import Flask, url_for
from markupsafe import escape
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    Attendee,
    AuditEvent,
    IdempotencyKey,
    Quote,
    Statement,
    StatementSource,
    Tag,
    TagStatus,
    User,
)
from participatie.privacy import report_text
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import (
    BASE,
    add_attendee,
    capture_form,
    capture_json,
    create_group,
    demo_group,
    json_of,
    seed_codes,
    token,
)

DUTCH = [
    "Het lidgeld van de voetbal is te duur voor ons.",
    "De bus naar de sporthal rijdt niet meer na zes uur.",
    "Bij het Huis van het Kind namen ze de tijd.",
    "Ik wil dat mijn kinderen kunnen zwemmen.",
    "De school stuurt te veel rekeningen.",
    "Niemand zegt je dat er korting bestaat.",
    "In de winter is het koud in huis.",
    "De buurtwerker kent ons goed.",
    "Mijn dochter durft niet naar de jeugdbeweging.",
    "Alles moet online en ik heb geen computer.",
    "Een speelplein in elke wijk, dat is mijn droom.",
    "De brieven van de gemeente zijn moeilijk.",
    "Ik schaam mij om hulp te vragen.",
    "De sociale kruidenier helpt echt.",
    "Ik wacht al drie jaar op een sociale woning.",
]
ARABIC = [
    "لا أفهم الاستمارات باللغة الهولندية.",
    "حضانة قريبة من البيت ستساعدني كثيرًا.",
    "الموظفة تكلمت معي بالعربية.",
    "أريد دروس اللغة في المساء.",
    "الإيجار غالٍ جدًا.",
    "أطفالي يحبون المكتبة.",
    "الطبيب يشرح بسرعة كبيرة.",
    "أحتاج إلى عمل قريب من المدرسة.",
    "النادي الرياضي مكلف.",
    "الحافلة لا تأتي في المساء.",
    "أريد أن أتعلم ركوب الدراجة.",
    "المدرسة تساعد ابني كثيرًا.",
    "لا أعرف أين أطلب المساعدة.",
    "البيت رطب وفيه عفن.",
    "أحلم بحديقة للأطفال في الحي.",
]


def test_a_focus_group_from_creation_to_the_review_queue(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    seed_codes(app)
    login(client, "coordinator@kempenaar.example")

    # Create, with the appreciative-inquiry guide as a start.
    group_id = create_group(client)
    page = client.get(f"{BASE}/{group_id}").get_data(as_text=True)
    assert "Wat maakte het verschil?" in page
    assert "Ouders in de Kempen" in client.get(BASE).get_data(as_text=True)

    # Attend: three pseudonyms, one speaks Arabic.
    add_attendee(client, group_id)
    add_attendee(client, group_id, **{"new-language": "ar", "new-participant_group": "ouder"})
    add_attendee(
        client,
        group_id,
        **{
            "new-participant_group": "ervaringsdeskundige",
            "new-consent": "",
            "new-compensation": "",
        },
    )
    with app.app_context():
        group = demo_group(app, group_id)
        attendees = {a.pseudonym: a for a in group.attendees}
        assert list(attendees) == ["P1", "P2", "P3"]
        assert attendees["P1"].consent_version == 1 and attendees["P1"].consented_at is not None
        assert attendees["P3"].consented_at is None
        assert attendees["P2"].language == "ar"
        assert attendees["P1"].compensation == "Vrijetijdscheque 20 euro"

    # Capture 30 quotes: 12 with the plain form, 18 as the script sends them.
    for index, text in enumerate(DUTCH[:6] + ARABIC[:6]):
        speaker = "P2" if index >= 6 else ("P1" if index % 2 else "P3")
        response = capture_form(
            client,
            group_id,
            text,
            speaker=speaker,
            question=str(index % 2),
            tags=["wonen", "knelpunt"] if index == 0 else [],
        )
        assert response.status_code == 302
        assert f"spreker={speaker}" in response.headers["Location"]
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    for index, text in enumerate(DUTCH[6:] + ARABIC[6:]):
        arabic = index >= 9
        response = capture_json(
            client,
            group_id,
            csrf,
            text,
            speaker="P2" if arabic else "P1",
            question="2",
            tags=["vrije_tijd", "droom"] if index == 4 else [],
            language="ar" if arabic else "",
        )
        assert response.status_code == 201, response.get_data(as_text=True)
        assert json_of(response)["status"] == "created"
        assert json_of(response)["quote"]["language"] == ("ar" if arabic else "nl")

    with app.app_context():
        group = demo_group(app, group_id)
        quotes = db.session.scalars(select(Quote).where(Quote.focus_group_id == group.id)).all()
        assert len(quotes) == 30
        assert sorted(q.text for q in quotes) == sorted(DUTCH + ARABIC)
        by_language = {q.language for q in quotes}
        assert by_language == {"nl", "ar"}
        assert sum(q.language == "ar" for q in quotes) == 15
        assert {q.guide_question for q in quotes} == set(group.guide[:3])
        # Every quote has its statement, in the quote's language.
        statements = db.session.scalars(
            select(Statement).where(Statement.quote_id.in_([q.id for q in quotes]))
        ).all()
        assert len(statements) == 30
        assert {s.source for s in statements} == {StatementSource.FOCUS_GROUP}
        assert all(s.language == s.quote.language for s in statements if s.quote)
        # Quick tags: accepted, by the note-taker.
        coordinator = db.session.scalar(
            select(User).where(User.email == "coordinator@kempenaar.example")
        )
        tags = db.session.scalars(
            select(Tag).join(Statement).where(Statement.quote_id.in_([q.id for q in quotes]))
        ).all()
        assert sorted(t.code.key for t in tags) == ["droom", "knelpunt", "vrije_tijd", "wonen"]
        assert {t.status for t in tags} == {TagStatus.ACCEPTED}
        assert {t.coder_id for t in tags} == {coordinator.id if coordinator else -1}
        assert (
            db.session.scalar(
                select(func.count(IdempotencyKey.key)).where(IdempotencyKey.scope == "quote")
            )
            == 30
        )
        assert (
            db.session.scalar(
                select(func.count(AuditEvent.id)).where(AuditEvent.action == "quote.create")
            )
            == 30
        )

    # Import a transcript: P4 is new and becomes an attendee; "Fatima" is not imported.
    transcript = "P1: Op school is er geen warm eten.\nFatima: Ik ben Fatima.\nP4: Bel me op 0470 12 34 56.\n"
    preview = client.post_form(
        f"{BASE}/{group_id}/transcript", {"text": transcript, "action": "preview"}
    )
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Fatima" in body and "Nieuwe deelnemers" in body
    saved = client.post_form(
        f"{BASE}/{group_id}/transcript",
        {"text": transcript, "action": "save"},
    )
    assert saved.status_code == 302
    with app.app_context():
        group = demo_group(app, group_id)
        assert [a.pseudonym for a in group.attendees] == ["P1", "P2", "P3", "P4"]
        texts = db.session.scalars(select(Quote.text).where(Quote.focus_group_id == group.id)).all()
        assert len(texts) == 32 and not any("Fatima" in t for t in texts)
        phone_statement = db.session.scalar(
            select(Statement).join(Quote).where(Quote.text == "Bel me op 0470 12 34 56.")
        )
        assert phone_statement is not None and report_text(phone_statement) is None
        statement_id = phone_statement.public_id

    # Redact the phone number: the report text changes, the participant's words do not.
    group_page = client.get(f"{BASE}/{group_id}").get_data(as_text=True)
    assert f"/projecten/demo/privacy/{statement_id}" in group_page
    redact_page = client.get(f"/projecten/demo/privacy/{statement_id}").get_data(as_text=True)
    assert "<mark>0470 12 34 56</mark>" in redact_page
    response = client.post_form(
        f"/projecten/demo/privacy/{statement_id}",
        {"remove": ["phone-10-23"], "fingerprint": _fingerprint(redact_page)},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    with app.app_context():
        statement = db.session.scalar(select(Statement).where(Statement.public_id == statement_id))
        assert statement is not None and statement.quote is not None
        assert statement.redacted_text == "Bel me op [telefoonnummer]."
        assert statement.quote.text == "Bel me op 0470 12 34 56."
        assert report_text(statement) == "Bel me op [telefoonnummer]."

    # The quotes are in the review queue: as statements (above), and on its page once it exists.
    if "coordinate.review_queue" in app.view_functions:
        pages = []
        for number in (1, 2, 3):
            with app.test_request_context():
                queue_url = url_for(
                    "coordinate.review_queue", slug="demo", bron=f"fg:{group_id}", pagina=number
                )
            queue = client.get(queue_url)
            assert queue.status_code == 200
            pages.append(queue.get_data(as_text=True))
        shown = "".join(pages)
        assert all(str(escape(text)) in shown for text in DUTCH + ARABIC)


def _fingerprint(page: str) -> str:
    import re

    match = re.search(r'name="fingerprint" type="hidden" value="([0-9a-f]+)"', page)
    assert match, "no fingerprint on the redaction page"
    return match.group(1)


def test_the_project_menu_shows_focus_groups(client: PageCheckingClient, demo: None) -> None:
    login(client, "coordinator@kempenaar.example")
    page = client.get("/projecten/demo").get_data(as_text=True)
    assert 'href="/projecten/demo/focusgroepen"' in page
    listing = client.get(BASE).get_data(as_text=True)
    assert "Praatcafé De Brug" in listing  # the demo's group


def test_attendee_has_no_name_field_and_gets_the_next_pseudonym(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, "coordinator@kempenaar.example")
    group_id = create_group(client, template="", guide="Wat loopt goed?")
    add_attendee(client, group_id)
    add_attendee(client, group_id)
    # P2 has no quotes, so it may go; its pseudonym is then free for the next attendee.
    response = client.post_form(
        f"{BASE}/{group_id}/deelnemers/P2/verwijderen", {}, token_from=f"{BASE}/{group_id}"
    )
    assert response.status_code == 302
    add_attendee(client, group_id)
    with app.app_context():
        group = demo_group(app, group_id)
        assert [a.pseudonym for a in group.attendees] == ["P1", "P2"]
        columns = set(Attendee.__table__.columns.keys())
        assert not columns & {"name", "first_name", "email", "phone"}
    page = client.get(f"{BASE}/{group_id}").get_data(as_text=True)
    assert "Deelnemer P3 toevoegen" in page
