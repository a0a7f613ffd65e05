"""Publishing, settings, translations, read-aloud audio and the plain-language checker."""

from __future__ import annotations

import struct
from io import BytesIO

from flask import Flask
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from participatie.extensions import db
from participatie.models import Project, QuestionAudio, Survey
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import (
    add_question,
    as_coordinator,
    audit_actions,
    edit_question,
    new_survey,
    publish,
    survey_row,
    survey_url,
)

MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400
OGG = b"OggS\x00\x02" + b"\x00" * 200
WAV = b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + b"\x00" * 100
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + b"\x00" * 100
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 100


def test_publish_close_reopen(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    refused = client.get(publish(client, survey_id).headers["Location"]).get_data(as_text=True)
    assert "Voeg eerst minstens één vraag toe." in refused
    name = add_question(client, survey_id, "Welke dag past?", "choice")
    refused = client.get(publish(client, survey_id).headers["Location"]).get_data(as_text=True)
    assert "heeft nog geen antwoorden om uit te kiezen" in refused
    edit_question(client, survey_id, name, options=[("Maandag", "", ""), ("Dinsdag", "", "")])
    publish(client, survey_id)
    survey = survey_row(app, survey_id)
    assert str(survey.status) == "open" and survey.opened_at is not None
    assert client.get(f"/s/{survey.code}").status_code == 200
    client.post_form(
        survey_url(survey_id, "/status"), {"action": "close"}, token_from=survey_url(survey_id)
    )
    survey = survey_row(app, survey_id)
    assert str(survey.status) == "closed" and survey.closed_at is not None
    assert "gesloten" in client.get(f"/s/{survey.code}").get_data(as_text=True)
    client.post_form(
        survey_url(survey_id, "/status"), {"action": "reopen"}, token_from=survey_url(survey_id)
    )
    survey = survey_row(app, survey_id)
    assert str(survey.status) == "open" and survey.closed_at is None
    assert audit_actions(app).count("survey.status") == 3


def test_settings_code_and_delete(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    url = survey_url(survey_id, "/instellingen")
    taken = client.post_form(
        url, {"title": "Nieuw", "intro": "", "thanks": "", "estimated_minutes": "4", "code": "demo"}
    )
    assert taken.status_code == 400 and "Deze code is al in gebruik." in taken.get_data(
        as_text=True
    )
    bad = client.post_form(
        url, {"title": "", "intro": "", "thanks": "", "estimated_minutes": "0", "code": "a b!"}
    )
    body = bad.get_data(as_text=True)
    assert (
        "Geef de vragenlijst een titel." in body
        and "Vul een aantal minuten in" in body
        and "2 tot 16" in body
    )
    client.post_form(
        url,
        {
            "title": "Onze school",
            "intro": "We willen weten wat goed gaat.",
            "thanks": "Bedankt!",
            "estimated_minutes": "4",
            "code": "school-24",
        },
    )
    survey = survey_row(app, survey_id)
    assert (survey.code, survey.title["nl"], survey.estimated_minutes) == (
        "SCHOOL-24",
        "Onze school",
        4,
    )
    client.post_form(survey_url(survey_id, "/wissen"), {})
    with app.app_context():
        assert db.session.scalar(select(Survey.id).where(Survey.public_id == survey_id)) is None
    assert "survey.delete" in audit_actions(app)


def test_translation_page_fills_a_language(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, "Hoe gaat het?")
    name = add_question(client, survey_id, "Wie ben je?", "choice")
    edit_question(client, survey_id, name, options=[("Ouder", "ouder", "parent")])
    edit_page = client.get(survey_url(survey_id, f"/vragen/{name}")).get_data(as_text=True)
    assert "Nog niet alles vertaald in:" in edit_page and "العربية" in edit_page
    url = survey_url(survey_id, "/vertalen/ar")
    page = client.get(url).get_data(as_text=True)
    assert 'dir="rtl" id="q0-label" lang="ar"' in page and "Wie ben je?" in page
    client.post_form(url, {"title": "كيف حالك؟", "q0-label": "من أنت؟", "q0-o0": "أب أو أم"})
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        assert survey.title == {"nl": "Hoe gaat het?", "ar": "كيف حالك؟"}
        assert survey.questions[0].label["ar"] == "من أنت؟"
        assert survey.questions[0].options[0].label == {"nl": "Ouder", "ar": "أب أو أم"}
    assert client.get(survey_url(survey_id, "/vertalen/de")).status_code == 302
    assert "survey.translate" in audit_actions(app)


def test_read_aloud_audio_is_checked_by_its_bytes(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    name = add_question(client, survey_id, "Wie ben je?", "text")
    url = survey_url(survey_id, f"/vragen/{name}/opname")

    def upload(data: bytes, filename: str, language: str = "nl") -> str:
        fields = {
            "csrf_token": client.csrf_token(survey_url(survey_id, f"/vragen/{name}")),
            "audio-language": language,
            "audio-file": FileStorage(BytesIO(data), filename=filename),
        }
        # Encoded in memory: the test client would spool a big body to a temporary file and
        # leave it open.
        body, length, boundary = stream_encode_multipart(fields, use_tempfile=False)
        response = client.post(
            url,
            input_stream=body,
            content_length=length,
            content_type=f"multipart/form-data; boundary={boundary}",
        )
        assert response.status_code == 302
        return str(client.get(response.headers["Location"]).get_data(as_text=True))

    assert "Dit is geen geluidsbestand" in upload(b"<html>not audio</html>", "vraag.mp3")
    assert "hoogstens 2 MB" in upload(b"ID3" + b"\x00" * (2 * 1024 * 1024), "groot.mp3")
    assert "Kies de taal" in upload(MP3, "vraag.mp3", language="de")
    for data, kind, language in (
        (MP3, "audio/mpeg", "nl"),
        (OGG, "audio/ogg", "ar"),
        (WAV, "audio/wav", "fr"),
        (M4A, "audio/mp4", "en"),
        (WEBM, "audio/webm", "tr"),
    ):
        assert "De opname is bewaard." in upload(data, "naam-zegt-niets.bin", language)
        with app.app_context():
            stored = db.session.scalar(
                select(QuestionAudio).where(QuestionAudio.language == language)
            )
            assert stored is not None and stored.mimetype == kind
    # The participant side serves it, and the question page offers "Lees voor" with it.
    with app.app_context():
        recording = db.session.scalar(select(QuestionAudio).where(QuestionAudio.language == "nl"))
        assert recording is not None
        public_id = recording.public_id
    served = client.get(f"/a/{public_id}")
    assert served.status_code == 200 and served.mimetype == "audio/mpeg" and served.data == MP3
    # A new recording replaces the old one under a new address.
    upload(MP3 + b"\x00", "again.mp3")
    assert client.get(f"/a/{public_id}").status_code == 404
    page = client.get(survey_url(survey_id, f"/vragen/{name}")).get_data(as_text=True)
    with app.app_context():
        recording = db.session.scalar(select(QuestionAudio).where(QuestionAudio.language == "nl"))
        assert recording is not None
        public_id = recording.public_id
    assert f"/a/{public_id}" in page
    client.post_form(
        survey_url(survey_id, f"/vragen/{name}/opname/{public_id}/wissen"),
        {},
        token_from=survey_url(survey_id, f"/vragen/{name}"),
    )
    assert client.get(f"/a/{public_id}").status_code == 404
    assert {"question.audio.add", "question.audio.delete"} <= set(audit_actions(app))


def test_plain_language_checker_warns_and_never_blocks(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    name = add_question(client, survey_id, "Hoe ervaart u het participatietraject?", "long_text")
    edit_question(
        client,
        survey_id,
        name,
        hint="Denk aan de toeleiding naar de maatschappelijke dienstverlening waarvoor u als rechthebbende in aanmerking komt wanneer uw gezinssituatie dat rechtvaardigt.",
    )
    page = client.get(survey_url(survey_id, f"/vragen/{name}")).get_data(as_text=True)
    assert (
        "„participatietraject” is een moeilijk woord. Schrijf liever: „samen nadenken en meepraten”."
        in page
    )
    assert (
        "„toeleiding”" in page
        and "„rechthebbende”" in page
        and "„maatschappelijke dienstverlening”" in page
    )
    assert "Lange zin (" in page and "Moeilijk om te lezen (score" in page
    assert "Lang woord: „gezinssituatie”" not in page  # 14 letters: fine in Dutch
    overview = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert "tips voor klare taal" in overview
    # The project edits its own list; the checker uses it at once.
    words = client.get("/projecten/demo/vragenlijsten/woorden").get_data(as_text=True)
    assert "toeleiding = helpen om de weg te vinden" in words
    client.post_form(
        "/projecten/demo/vragenlijsten/woorden", {"words": "ervaart = vindt\nparticipatietraject"}
    )
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        assert project.settings["jargon"] == [
            {"word": "ervaart", "suggestion": "vindt"},
            {"word": "participatietraject", "suggestion": ""},
        ]
    page = client.get(survey_url(survey_id, f"/vragen/{name}")).get_data(as_text=True)
    assert "Schrijf liever: „vindt”" in page and "„toeleiding”" not in page
    assert "„participatietraject” is een moeilijk woord. Zeg het eenvoudiger." in page
    assert "project.jargon" in audit_actions(app)
