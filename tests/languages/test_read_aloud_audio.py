"""Read-aloud generated on the server (issue 16 item 5): a question page in nl and in ar links a
plain <audio controls preload="none"> player (reachable without JavaScript) whose audio is HTTP
200, Ogg Opus, longer than half a second by its container header, cached for a year."""

from __future__ import annotations

import re
import struct

import pytest
from flask import Flask

from participatie.surveys import speech
from tests.conftest import PageCheckingClient

pytestmark = pytest.mark.skipif(
    speech.tools() is None, reason="espeak-ng and opusenc (apt-get install espeak-ng opus-tools)"
)


def ogg_opus_seconds(data: bytes) -> float:
    """Duration from the container: the last page's granule position at 48 kHz minus pre-skip."""
    assert data[:4] == b"OggS" and b"OpusHead" in data[:64]
    head = data.index(b"OpusHead")
    pre_skip = struct.unpack_from("<H", data, head + 10)[0]
    last = data.rindex(b"OggS")
    granule = struct.unpack_from("<q", data, last + 6)[0]
    return (granule - pre_skip) / 48_000


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_question_page_has_generated_audio_without_javascript(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    lang: str,
) -> None:
    client.get(f"/s/DEMO?lang={lang}")
    started = client.post_form("/s/DEMO/start", {}, token_from=f"/s/DEMO?lang={lang}")
    page = client.get(started.headers["Location"]).get_data(as_text=True)
    player = re.search(r'<audio controls preload="none" src="([^"]+)"', page)
    assert player, page
    url = player.group(1).replace("&amp;", "&")
    assert f"/voorlezen/{lang}.ogg?v=" in url
    audio = client.get(url)
    assert audio.status_code == 200
    assert audio.mimetype == "audio/ogg"
    assert "max-age=31536000" in audio.headers["Cache-Control"]
    seconds = ogg_opus_seconds(audio.get_data())
    assert seconds > 0.5, seconds
    print(f"{lang}: {len(audio.get_data())} bytes, {seconds:.2f} s")


def test_no_player_where_no_engine_speaks_and_publishing_says_so(app: Flask, demo: None) -> None:
    from sqlalchemy import select

    from participatie.extensions import db
    from participatie.models import Survey, SurveyStatus

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        # Tigrinya content for every text: offered, but espeak-ng has no Tigrinya voice.
        survey.title = {**survey.title, "ti": "ሰላም"}
        survey.intro = {**survey.intro, "ti": "ሰላም"}
        survey.thanks = {**survey.thanks, "ti": "የቐንየልና"}
        for question in survey.questions:
            question.label = {**question.label, "ti": "ሕቶ"}
            if question.hint.get("nl"):
                question.hint = {**question.hint, "ti": "መብርሂ"}
            for option in question.options:
                option.label = {**option.label, "ti": "ምርጫ"}
        survey.status = SurveyStatus.DRAFT
        survey.revision += 1
        db.session.commit()
        db.session.remove()
    result = app.test_cli_runner().invoke(args=["surveys", "publish", "DEMO"])
    assert result.exit_code == 0, result.output
    assert "ti" in result.stdout.split()
    # The demo is complete in Somali and Tigrinya: neither has an espeak-ng voice.
    unspoken = next(
        line for line in result.stderr.splitlines() if "De computer kan niet voorlezen" in line
    )
    assert "ትግርኛ" in unspoken and "Soomaali" in unspoken
    client = app.test_client()
    client.get("/s/DEMO?lang=ti")
    with client.session_transaction() as session:
        session["lang"] = "ti"
    page = client.get("/s/DEMO?lang=ti").get_data(as_text=True)
    assert "<audio" not in page


def test_publishing_makes_no_audio_and_speak_makes_every_page_ahead(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    """Publishing answers at once (audio comes on the first tap); `surveys speak` makes every
    question page of one language ahead, and a second run finds them all there."""
    from sqlalchemy import select

    from participatie.extensions import db
    from participatie.models import Survey, SurveyStatus
    from participatie.surveys.definition import build_definition

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        # A text no other test speaks, so this test's audio is its own whatever ran before.
        marker = "Testzin om voor te lezen " + str(id(survey))
        survey.questions[0].label = {**survey.questions[0].label, "nl": marker}
        survey.status = SurveyStatus.DRAFT
        survey.revision += 1
        db.session.commit()
        definition = build_definition(survey, survey.project)
        pages = [q for q in definition.questions if speech.page_text(q, "nl")]
        first = speech.audio_path("nl", speech.page_text(definition.questions[0], "nl"))
        db.session.remove()
    runner = app.test_cli_runner()
    published = runner.invoke(args=["surveys", "publish", "DEMO"])
    assert published.exit_code == 0, published.output
    assert not first.exists()
    made = runner.invoke(args=["surveys", "speak", "DEMO", "--language", "nl"])
    assert made.exit_code == 0, made.output
    counts = re.fullmatch(r"(\d+) made, (\d+) already there", made.stdout.strip())
    assert counts, made.stdout
    assert int(counts.group(1)) >= 1 and sum(map(int, counts.groups())) == len(pages)
    assert first.is_file() and ogg_opus_seconds(first.read_bytes()) > 0.5
    again = runner.invoke(args=["surveys", "speak", "DEMO", "--language", "nl"])
    assert again.stdout.strip() == f"0 made, {len(pages)} already there"
    wrong = runner.invoke(args=["surveys", "speak", "DEMO", "--language", "xx"])
    assert wrong.exit_code != 0 and "Not offered in xx" in wrong.output
