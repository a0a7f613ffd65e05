"""Issue 15: reminders sign up on the invitation page and go out once, by SMS and e-mail."""

from __future__ import annotations

import re
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask
from flask_babel import force_locale, format_datetime, format_time
from sqlalchemy import select

from participatie.extensions import db
from participatie.meetings.reminders import BRUSSELS, send_due
from participatie.meetings.sms_text import sms_size
from participatie.models import Contact, Reminder
from tests.conftest import PageCheckingClient
from tests.meetings.conftest import GATEWAY_TOKEN, FakeGateway, _Collector
from tests.meetings.helpers import coming_oudergroep, sign_up

NL_PHONE, AR_PHONE = "0470 12 34 56", "+32 486 11 22 33"
NL_MAIL, AR_MAIL = "mama.nl@example.org", "papa.ar@example.org"


def _send(app: Flask, at: datetime) -> Result:
    return app.test_cli_runner().invoke(args=["reminders", "send", "--at", at.isoformat()])


def _signed_up_nl_and_ar(app: Flask, client: PageCheckingClient) -> tuple[datetime, datetime, str]:
    token, start, due, place = coming_oudergroep(app)
    for lang, phone, mail in (("nl", NL_PHONE, NL_MAIL), ("ar", AR_PHONE, AR_MAIL)):
        response = sign_up(client, token, lang, phone=phone, email=mail)
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return start, due, place


def _expected(app: Flask, start: datetime, lang: str) -> tuple[str, str]:
    with app.test_request_context(), force_locale(lang):
        return format_datetime(start, "EEEE d MMMM"), format_time(start, "HH:mm")


def test_one_sms_and_one_email_each_in_their_language_and_never_twice(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    smtp_server: _Collector,
) -> None:
    start, due, place = _signed_up_nl_and_ar(app, client)
    assert due.astimezone(BRUSSELS).hour == 10
    assert due.astimezone(BRUSSELS).date() == start.astimezone(BRUSSELS).date() - timedelta(days=1)

    early = _send(app, due - timedelta(minutes=1))
    assert early.exit_code == 0 and "sms: 0 sent" in early.output and sms_gateway.received == []

    result = _send(app, due)
    assert result.exit_code == 0, result.output
    assert "sms: 2 sent, 0 failed" in result.output and "email: 2 sent, 0 failed" in result.output

    by_number = {sms["to"]: sms for sms in sms_gateway.received}
    assert set(by_number) == {"+32470123456", "+32486112233"} and len(sms_gateway.received) == 2
    assert {sms["authorization"] for sms in sms_gateway.received} == {f"Bearer {GATEWAY_TOKEN}"}
    by_mail = {str(m["To"]): m for m in smtp_server.messages}
    assert set(by_mail) == {NL_MAIL, AR_MAIL} and len(smtp_server.messages) == 2
    for lang, number, mail in (("nl", "+32470123456", NL_MAIL), ("ar", "+32486112233", AR_MAIL)):
        day, hour = _expected(app, start, lang)
        text = by_number[number]["text"]
        body = by_mail[mail].get_content()
        for message in (text, body):
            assert day in message and hour in message and place in message, (lang, message)
        assert "/m/stop/" in text
    assert "Herinnering" in by_number["+32470123456"]["text"]
    assert "تذكير" in by_number["+32486112233"]["text"]
    nl_size = sms_size(by_number["+32470123456"]["text"])
    ar_size = sms_size(by_number["+32486112233"]["text"])
    assert (nl_size.encoding, nl_size.segments) == ("GSM-7", 1), nl_size
    assert ar_size.encoding == "UCS-2" and ar_size.segments <= 3, ar_size
    assert "Herinnering" in str(by_mail[NL_MAIL]["Subject"])

    again = _send(app, due + timedelta(hours=2))
    assert (
        again.exit_code == 0 and "sms: 0 sent" in again.output and "email: 0 sent" in again.output
    )
    assert len(sms_gateway.received) == 2 and len(smtp_server.messages) == 2


def test_two_senders_at_the_same_moment_send_each_reminder_once(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    smtp_server: _Collector,
) -> None:
    _start, due, _place = _signed_up_nl_and_ar(app, client)
    sms_gateway.delay = 0.2  # both senders are busy at the same time
    barrier = threading.Barrier(2)
    totals: list[int] = []

    def sender() -> None:
        with app.app_context():
            barrier.wait()
            result = send_due(due)
            totals.append(sum(result.sent.values()))
            db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(totals) == 4, totals
    assert len(sms_gateway.received) == 2 and len(smtp_server.messages) == 2


def test_a_gateway_answering_500_leaves_the_reminder_due_and_exits_1(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    smtp_server: _Collector,
) -> None:
    _start, due, _place = _signed_up_nl_and_ar(app, client)
    sms_gateway.status = 500
    failed = _send(app, due)
    assert failed.exit_code == 1
    assert "sms: 0 sent, 2 failed" in failed.output and "email: 2 sent" in failed.output
    assert "500" in failed.output
    with app.app_context():
        unsent = db.session.scalars(select(Reminder).where(Reminder.sent_at.is_(None))).all()
        assert len(unsent) == 2 and all(r.claim is None and r.attempts == 1 for r in unsent)
        db.session.remove()
    sms_gateway.status = 200
    retry = _send(app, due + timedelta(minutes=15))
    assert (
        retry.exit_code == 0 and "sms: 2 sent" in retry.output and "email: 0 sent" in retry.output
    )
    assert len(smtp_server.messages) == 2


def test_a_slow_gateway_counts_as_down(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from participatie.meetings import senders

    token, _start, due, _place = coming_oudergroep(app)
    sign_up(client, token, "nl", phone=NL_PHONE)
    monkeypatch.setattr(senders, "TIMEOUT_SECONDS", 0.3)  # stands in for the 10 s limit
    sms_gateway.delay = 1.0
    result = _send(app, due)
    assert result.exit_code == 1 and "sms: 0 sent, 1 failed" in result.output


def test_a_moved_meeting_sends_one_correction_to_those_reminded(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    smtp_server: _Collector,
) -> None:
    from participatie.models import Meeting
    from tests.conftest import login

    token, start, due, _place = coming_oudergroep(app)
    sign_up(client, token, "nl", phone=NL_PHONE)
    assert _send(app, due).exit_code == 0 and len(sms_gateway.received) == 1
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.invitation_token == token))
        assert meeting is not None
        public_id, series = meeting.public_id, meeting.series_id
        db.session.remove()
    local = start.astimezone(BRUSSELS)
    form = {
        "kind": "oudergroep",
        "title": "Oudergroep",
        "series": series,
        "day": local.date().isoformat(),
        "start": (local + timedelta(hours=1)).strftime("%H:%M"),
        "end": (local + timedelta(hours=3)).strftime("%H:%M"),
        "place": "Buurthuis De Kempen",
        "payment_method": "cash",
        "compensation": "15",
        "reminder_days_before": "1",
        "reminder_time": "10:00",
    }
    login(client, "coordinator@kempenaar.example")
    edit = f"/projecten/demo/bijeenkomsten/{public_id}/bewerken"
    moved = client.post_form(edit, form)
    assert moved.status_code == 302
    again = client.post_form(edit, form)  # saved twice, moved once
    assert again.status_code == 302
    assert _send(app, due + timedelta(minutes=5)).exit_code == 0
    assert _send(app, due + timedelta(minutes=10)).exit_code == 0
    assert len(sms_gateway.received) == 2
    correction = sms_gateway.received[1]["text"]
    assert correction.startswith("Let op")
    assert _expected(app, start + timedelta(hours=1), "nl")[1] in correction


def test_no_address_in_the_clear_and_gone_after_stop_and_purge(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    database_url: str,
) -> None:
    from sqlalchemy import text

    token, _start, _due, _place = coming_oudergroep(app)
    sign_up(client, token, "nl", phone=NL_PHONE, email=NL_MAIL)
    sign_up(client, token, "ar", phone=AR_PHONE)
    secrets_in_clear = [b"470123456", b"486112233", NL_MAIL.encode(), b"mama.nl"]
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Contact)) == 3
        if db.engine.dialect.name == "sqlite":
            db.session.remove()
            db.engine.dispose()  # the WAL is folded into the file when the last link closes
            path = database_url.removeprefix("sqlite:///")
            raw = b"".join(Path(p).read_bytes() for p in (path, path + "-wal") if Path(p).exists())
        else:
            rows = db.session.execute(text("SELECT * FROM meeting_contacts")).all()
            raw = repr(rows).encode()
        assert raw and not [s for s in secrets_in_clear if s in raw]
        stop_token = db.session.scalars(select(Contact.stop_token).order_by(Contact.id)).first()
        db.session.remove()

    stopped = client.get(f"/m/stop/{stop_token}?lang=nl")
    assert stopped.status_code == 200 and "gewist" in stopped.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Contact)) == 2
        # The series' last demo meeting is ~38 days away: 30 days after it, the purge deletes.
        last_purge = max(db.session.scalars(select(Contact.purge_after)))
        db.session.remove()
    assert last_purge > datetime.now(BRUSSELS) + timedelta(days=60)
    runner = app.test_cli_runner()
    kept = runner.invoke(args=["purge"])
    assert kept.exit_code == 0 and "meeting contacts: deleted 0" in kept.output
    with app.app_context():
        for contact in db.session.scalars(select(Contact)):
            contact.purge_after = datetime.now(BRUSSELS) - timedelta(minutes=1)
        db.session.commit()
        db.session.remove()
    purged = runner.invoke(args=["purge"])
    assert purged.exit_code == 0 and "meeting contacts: deleted 2" in purged.output
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Contact)) == 0
        db.session.remove()


def test_two_processes_at_the_same_moment_send_each_reminder_once(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
    smtp_server: _Collector,
    database_url: str,
) -> None:
    """Two `participatie reminders send` processes, as two servers' timers would start them."""
    import os
    import subprocess
    import sys

    _start, due, _place = _signed_up_nl_and_ar(app, client)
    sms_gateway.delay = 0.3
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key",
        "RESUME_CODE_KEY": "test-resume-key",
        "CONTACT_KEY": app.config["CONTACT_KEY"],
        "SMS_GATEWAY_URL": app.config["SMS_GATEWAY_URL"],
        "SMS_GATEWAY_TOKEN": GATEWAY_TOKEN,
        "SMTP_URL": app.config["SMTP_URL"],
        "MAIL_FROM": app.config["MAIL_FROM"],
        "BASE_URL": "http://localhost",
    }
    command = [
        sys.executable,
        "-m",
        "flask",
        "--app",
        "wsgi",
        "reminders",
        "send",
        "--at",
        due.isoformat(),
    ]
    root = Path(__file__).resolve().parents[2]
    processes = [
        subprocess.Popen(
            command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    sent = sum(int(n) for out, _err in outputs for n in re.findall(r": (\d+) sent", out))
    assert sent == 4, outputs
    assert len(sms_gateway.received) == 2 and len(smtp_server.messages) == 2
