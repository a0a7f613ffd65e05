"""Transcript import: the parser, upload and paste with a preview, and the CLI."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import TestResponse, encode_multipart

from participatie.coordinate.focusgroups.transcripts import parse_transcript
from participatie.extensions import db
from participatie.models import FocusGroup, Project, Quote, Statement
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import BASE, add_attendee, create_group, demo_group, token

TRANSCRIPT = """Focusgroep De Brug, 12 maart
P1: Het lidgeld van de voetbal is te duur.
Echt, 250 euro per jaar.
P2 - De bus rijdt niet meer na zes uur.
[P3] Ik zei: dat kan toch niet.
Fatima: Mijn naam mag je niet opschrijven.
Dat wil ik niet.
[00:12:03] P1: Nog iets over school.
Begeleider: Dank je wel.
"""


def test_turns_by_speaker_prefix_with_continuations_and_unknown_speakers() -> None:
    parsed = parse_transcript(TRANSCRIPT)
    assert [(t.speaker, t.text, t.line) for t in parsed.turns] == [
        ("P1", "Het lidgeld van de voetbal is te duur.\nEcht, 250 euro per jaar.", 2),
        ("P2", "De bus rijdt niet meer na zes uur.", 4),
        ("P3", "Ik zei: dat kan toch niet.", 5),
        ("P1", "Nog iets over school.", 8),
    ]
    assert parsed.counts() == {"P1": 2, "P2": 1, "P3": 1}
    # Never guessed: a name or a role is listed with its words, and left out.
    assert parsed.skipped_labels == ["Begeleider", "Fatima"]
    fatima = next(s for s in parsed.skipped if s.label == "Fatima")
    assert (
        fatima.text == "Mijn naam mag je niet opschrijven.\nDat wil ik niet." and fatima.line == 6
    )
    assert parsed.skipped[0].label == "" and parsed.skipped[0].text.startswith("Focusgroep")


@pytest.mark.parametrize(
    ("line", "speaker"),
    [("p03: ja", "P3"), ("P12 – ja", "P12"), ("[P4]: ja", "P4"), ("(10:02) P5 - ja", "P5")],
)
def test_prefix_variants(line: str, speaker: str) -> None:
    assert [t.speaker for t in parse_transcript(line).turns] == [speaker]


def _upload(client: PageCheckingClient, path: str, filename: str, data: bytes) -> TestResponse:
    """A multipart upload built in memory: the test client would spool a large body to a
    temporary file it never closes (a ResourceWarning, an error in this suite)."""
    boundary, body = encode_multipart(
        {
            "csrf_token": token(client, path),
            "action": "preview",
            "file": FileStorage(io.BytesIO(data), filename=filename),
        }
    )
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _docx(lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt(lines: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Focusgroep"))
    for line in lines:
        document.text.addElement(P(text=line))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LINES = ["P1: Ik wil dat het zwembad goedkoper wordt.", "Voor de kinderen.", "P2: De school helpt."]
FILES = {
    "gesprek.txt": "\n".join(LINES).encode("utf-8"),
    "gesprek.docx": _docx(LINES),
    "gesprek.odt": _odt(LINES),
}


@pytest.fixture
def group_id(client: PageCheckingClient, demo: None) -> str:
    login(client, "coordinator@kempenaar.example")
    group_id = create_group(client, languages=["nl"])
    add_attendee(client, group_id)
    return group_id


@pytest.mark.parametrize("filename", FILES)
def test_upload_preview_then_save(
    app: Flask, client: PageCheckingClient, group_id: str, filename: str
) -> None:
    path = f"{BASE}/{group_id}/transcript"
    preview = _upload(client, path, filename, FILES[filename])
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200, body[:500]
    assert "Transcript nakijken" in body and "P2: 1 uitspraak" in body
    assert "Nieuwe deelnemers in deze groep: P2" in body
    with app.app_context():
        assert (
            db.session.scalar(
                select(Quote.id).join(FocusGroup).where(FocusGroup.public_id == group_id)
            )
            is None
        )
    # The preview carries the text itself; saving parses that text again.
    text = _textarea(body)
    assert text.splitlines()[-3:] == LINES
    saved = client.post_form(path, {"text": text, "action": "save"})
    assert saved.status_code == 302
    with app.app_context():
        group = demo_group(app, group_id)
        quotes = db.session.scalars(
            select(Quote).where(Quote.focus_group_id == group.id).order_by(Quote.id)
        ).all()
        assert [(q.attendee.pseudonym if q.attendee else "", q.text) for q in quotes] == [
            ("P1", "Ik wil dat het zwembad goedkoper wordt.\nVoor de kinderen."),
            ("P2", "De school helpt."),
        ]
        assert all(
            db.session.scalar(select(Statement.id).where(Statement.quote_id == q.id))
            for q in quotes
        )
        new = next(a for a in group.attendees if a.pseudonym == "P2")
        assert new.consented_at is None and new.language == "nl"
    # The same transcript again adds nothing.
    client.post_form(path, {"text": text, "action": "save"})
    with app.app_context():
        group = demo_group(app, group_id)
        assert len(group.quotes) == 2


def _textarea(page: str) -> str:
    match = re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "no text box on the preview"
    return html.unescape(match.group(1)).lstrip("\r\n")


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("gesprek.pdf", b"%PDF-1.4", "Kies een bestand van het type .txt, .docx of .odt."),
        ("gesprek.doc", b"\xd0\xcf\x11\xe0", "Een .doc-bestand kunnen we niet lezen."),
        ("gesprek.docx", b"not a zip", "We kunnen dit bestand niet lezen."),
        ("gesprek.odt", FILES["gesprek.docx"], "We kunnen dit bestand niet lezen."),
        ("gesprek.txt", b"P1: " + b"x" * (2 * 1024 * 1024), "Het bestand is te groot."),
    ],
)
def test_a_wrong_file_gets_a_clear_message(
    client: PageCheckingClient, group_id: str, filename: str, data: bytes, message: str
) -> None:
    response = _upload(client, f"{BASE}/{group_id}/transcript", filename, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_a_zip_bomb_is_refused(client: PageCheckingClient, group_id: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    response = _upload(client, f"{BASE}/{group_id}/transcript", "groot.docx", buffer.getvalue())
    assert response.status_code == 400
    assert "Het bestand is te groot." in response.get_data(as_text=True)


def test_nothing_submitted_and_nothing_found(client: PageCheckingClient, group_id: str) -> None:
    empty = client.post_form(f"{BASE}/{group_id}/transcript", {"text": "", "action": "preview"})
    assert empty.status_code == 400
    assert "Kies een bestand of plak de tekst van het transcript." in empty.get_data(as_text=True)
    names_only = client.post_form(
        f"{BASE}/{group_id}/transcript", {"text": "Fatima: hallo", "action": "save"}
    )
    assert names_only.status_code == 200
    assert "We vonden geen uitspraken." in names_only.get_data(as_text=True)


# --- The command line ---------------------------------------------------------------------------


def test_cli_creates_the_group_and_prints_quotes_per_speaker(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    transcript = tmp_path / "gesprek.docx"
    transcript.write_bytes(_docx(TRANSCRIPT.splitlines()))
    runner = app.test_cli_runner()
    args = [
        "focusgroups",
        "import-transcript",
        "--project",
        "demo",
        "--title",
        "Avondgroep",
        "--lang",
        "nl",
        str(transcript),
    ]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["P1: 2", "P2: 1", "P3: 1"]
    assert "'Fatima' on line 6" in result.stderr and "'Begeleider'" in result.stderr
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        group = db.session.scalar(
            select(FocusGroup).where(
                FocusGroup.project_id == project.id, FocusGroup.title == "Avondgroep"
            )
        )
        assert group is not None and [a.pseudonym for a in group.attendees] == ["P1", "P2", "P3"]
        assert len(group.quotes) == 4 and {q.language for q in group.quotes} == {"nl"}
        assert not any("Fatima" in q.text or "opschrijven" in q.text for q in group.quotes)
    again = runner.invoke(args=args)
    assert again.exit_code == 0
    assert again.stdout.splitlines() == ["P1: 0", "P2: 0", "P3: 0"]


def test_cli_refuses_unknown_projects_and_unreadable_files(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    runner = app.test_cli_runner()
    good = tmp_path / "gesprek.txt"
    good.write_text("P1: ja\n", encoding="utf-8")
    base = ["focusgroups", "import-transcript", "--title", "Avondgroep"]
    unknown = runner.invoke(args=[*base, "--project", "nope", str(good)])
    assert unknown.exit_code == 1 and "No project with slug 'nope'" in unknown.stderr
    missing = runner.invoke(args=[*base, "--project", "demo", str(tmp_path / "weg.txt")])
    assert missing.exit_code == 1 and "Cannot read" in missing.stderr
    wrong = tmp_path / "gesprek.pdf"
    wrong.write_bytes(b"%PDF")
    wrong_type = runner.invoke(args=[*base, "--project", "demo", str(wrong)])
    assert wrong_type.exit_code == 1 and "expected a .txt, .docx or .odt file" in wrong_type.stderr
    usage = runner.invoke(args=["focusgroups", "import-transcript", "--project", "demo", str(good)])
    assert usage.exit_code == 2
    bad_language = runner.invoke(args=[*base, "--project", "demo", "--lang", "xx", str(good)])
    assert bad_language.exit_code == 2
    with app.app_context():
        assert db.session.scalar(select(FocusGroup).where(FocusGroup.title == "Avondgroep")) is None
