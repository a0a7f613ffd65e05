"""A translator's file with a lost placeholder, another script than the language's, or HTML
where none belongs is refused line by line, and nothing of it is imported."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Question, Survey
from tests.surveys.test_texts_cli import demo_texts, run


def test_bad_translations_refuse_the_whole_file_line_by_line(
    app: Flask,
    demo: None,
    tmp_path: Path,
) -> None:
    with app.app_context():
        question = db.session.scalar(
            select(Question).join(Survey).where(Survey.code == "DEMO", Question.name == "goed")
        )
        assert question is not None
        question.label = {**question.label, "nl": "Wat gaat goed bij {naam}?"}
        db.session.commit()
        db.session.remove()
    path = tmp_path / "demo-ar.po"
    assert (
        run(
            app, "export", "DEMO", "--lang", "ar", "--format", "po", "--output", str(path)
        ).exit_code
        == 0
    )
    catalog = read_po(BytesIO(path.read_bytes()))
    revision, before = demo_texts(app)
    edits = {
        "question:goed:label": "ما الذي يسير جيدًا؟",  # {naam} lost
        "question:wie:label": "Man anta?",  # Arabic in Latin letters
        "question:verschil:label": "<b>ما الذي</b> سيحدث فرقًا؟",  # HTML
        "question:kinderen:label": "كم طفلًا عندك؟ ",  # fine on its own
    }
    for message in catalog:
        if message.context in edits:
            message.string = edits[message.context]
    out = BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())

    result = run(app, "import", "DEMO", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("We lazen niets in" in line for line in lines)
    assert any(line.startswith("question:goed:label") and "{naam}" in line for line in lines)
    assert any(line.startswith("question:wie:label") and "schrift" in line for line in lines)
    assert any(line.startswith("question:verschil:label") and "HTML" in line for line in lines)
    assert not any(line.startswith("question:kinderen:label") for line in lines)
    assert demo_texts(app) == (revision, before)  # nothing imported
