"""`participatie surveys texts export|import`, and files as translators' tools write them."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from click.testing import Result
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Question, Survey


def run(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(args=["surveys", "texts", *args])


def demo_texts(app: Flask) -> tuple[int, dict[str, dict[str, str]]]:
    """The demo survey's revision and the labels of its questions."""
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        labels = {
            q.name: dict(q.label)
            for q in db.session.scalars(select(Question).where(Question.survey_id == survey.id))
        }
        return survey.revision, labels


def test_export_then_import_from_the_command_line(app: Flask, demo: None, tmp_path: Path) -> None:
    path = tmp_path / "demo-uk.po"
    exported = run(app, "export", "demo", "--lang", "uk", "--format", "po", "--output", str(path))
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.strip() == str(path)
    catalog = read_po(BytesIO(path.read_bytes()))
    revision, labels = demo_texts(app)
    label = catalog.get(labels["goed"]["nl"], context="question:goed:label")
    assert label is not None and label.string == labels["goed"]["uk"]
    assert label.auto_comments == ["Een vraag (korte naam: goed)."]  # notes in Dutch
    label.string = "Що у вас добре виходить?"
    catalog.add("Weg", "Геть", context="question:weg:label")
    out = BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())

    dry = run(app, "import", "DEMO", str(path), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stdout == "question:goed:label\tЩо у вас добре виходить?\n"
    assert "1 would change" in dry.stderr and "skipped question:weg:label" in dry.stderr
    assert demo_texts(app) == (revision, labels)

    done = run(app, "import", "DEMO", str(path))
    assert done.exit_code == 0, done.output
    assert "uk: 1 changed" in done.stderr and "1 skipped" in done.stderr
    new_revision, new_labels = demo_texts(app)
    assert new_revision == revision + 1
    assert new_labels["goed"] == {**labels["goed"], "uk": "Що у вас добре виходить?"}
    with app.app_context():
        events = list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert [(e.action, e.details["via"]) for e in events] == [
        ("survey.texts.export", "cli"),
        ("survey.texts.import", "cli"),
    ]
    assert events[1].details["changed"] == 1 and events[1].details["language"] == "uk"
    again = run(app, "import", "DEMO", str(path))
    assert again.exit_code == 0 and "0 changed, 44 already so" in again.stderr


def test_usage_and_refusals(app: Flask, demo: None, tmp_path: Path) -> None:
    out = str(tmp_path / "x.po")
    assert (
        run(app, "export", "DEMO", "--lang", "ar", "--format", "docx", "--output", out).exit_code
        == 2
    )
    assert run(app, "export", "DEMO", "--format", "po", "--output", out).exit_code == 2
    nope = run(app, "export", "NOPE", "--lang", "ar", "--format", "po", "--output", out)
    assert nope.exit_code == 1 and "No survey with code" in nope.stderr
    russian = run(app, "export", "DEMO", "--lang", "ru", "--format", "po", "--output", out)
    assert russian.exit_code == 1 and "its languages: fr, en, ar, tr, uk" in russian.stderr
    broken = tmp_path / "kapot.xlf"
    broken.write_bytes(b"<xliff version='1.2'><file>")
    refused = run(app, "import", "DEMO", str(broken))
    assert refused.exit_code == 1 and "We kunnen dit XLIFF-bestand niet lezen" in refused.stderr
    assert refused.stdout == ""


def test_files_as_other_tools_write_them(app: Flask, demo: None, tmp_path: Path) -> None:
    """A hand-made XLIFF without namespace (as in many examples), units in groups, a target
    a tool pre-filled with the source, Windows line ends, and a .po written by hand."""
    revision, labels = demo_texts(app)
    xliff = tmp_path / "hand.xliff"
    xliff.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\r\n'
        b'<xliff version="1.2"><file source-language="nl" target-language="fa-AF"'
        b' datatype="plaintext" original="x"><body></body></file></xliff>'
    )
    refused = run(app, "import", "DEMO", str(xliff))
    assert refused.exit_code == 1 and "Dat is geen taal van dit project" in refused.stderr
    xliff.write_bytes(
        (
            '<xliff version="1.2"><file source-language="nl" target-language="tr-TR"'
            ' datatype="plaintext" original="x"><body><group id="g">'
            f'<trans-unit id="question:wie:label"><source>{labels["wie"]["nl"]}</source>'
            "<target>Siz kimsiniz?</target></trans-unit></group>"
            f'<trans-unit id="question:goed:label"><source>{labels["goed"]["nl"]}</source>'
            f'<target state="needs-translation">{labels["goed"]["nl"]}</target></trans-unit>'
            "</body></file></xliff>"
        ).encode()
    )
    done = run(app, "import", "DEMO", str(xliff))
    assert done.exit_code == 0, done.output
    assert done.stdout == "question:wie:label\tSiz kimsiniz?\n"
    assert "1 not translated in the file" in done.stderr
    assert demo_texts(app)[1]["wie"]["tr"] == "Siz kimsiniz?"
    assert demo_texts(app)[1]["goed"]["tr"] == labels["goed"]["tr"]

    po = tmp_path / "hand.po"
    po.write_bytes(
        (
            'msgid ""\r\nmsgstr ""\r\n"Language: ar\\n"\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
            '#, fuzzy\r\nmsgctxt "question:wie:label"\r\n'
            f'msgid "{labels["wie"]["nl"]}"\r\nmsgstr "من؟"\r\n\r\n'
            'msgctxt "question:goed:label"\r\n'
            f'msgid "{labels["goed"]["nl"][:10]}"\r\n"{labels["goed"]["nl"][10:]}"\r\nmsgstr "ما الجيد؟"\r\n\r\n'
            '#~ msgctxt "question:oud:label"\r\n#~ msgid "Oud"\r\n#~ msgstr "قديم"\r\n'
        ).encode()
    )
    done = run(app, "import", "DEMO", str(po))
    assert done.exit_code == 0, done.output
    assert done.stdout == "question:goed:label\tما الجيد؟\n"
    assert (
        "skipped question:wie:label: De vertaler duidde deze vertaling aan als onzeker"
        in done.stderr
    )
    assert "question:oud:label" not in done.output  # obsolete entries are not texts
    assert demo_texts(app)[0] == revision + 2
