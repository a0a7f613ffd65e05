"""Issue 17 item 4: imports are bounded before they are parsed. An XLSForm, a transcript or a
response CSV past a cap is refused with a clear message within 2 seconds, and nothing is stored:
through the upload pages and the command line."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from participatie.extensions import db
from participatie.models import FocusGroup, Response, Survey
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import BASE, add_attendee, create_group, token
from tests.trust.big_files import docx_of_empty_paragraphs, xlsform_of_columns, xlsform_of_rows

COORDINATOR = "coordinator@kempenaar.example"
IMPORT_PAGE = "/projecten/demo/vragenlijsten/inlezen"
SECONDS = 2.0

# A bound in seconds measures the machine as well as the code: measured while three other
# workers and their browsers share two cores, one refusal took 2.1 s. CI runs these tests after
# the parallel ones, alone (.ci/run).
pytestmark = [pytest.mark.timing]


def _count(app: Flask, model: Any) -> int:
    with app.app_context():
        return int(db.session.scalar(select(func.count(model.id))) or 0)


def _upload(client: Any, path: str, fields: dict[str, Any]) -> Any:
    """A multipart upload built in memory (the test client would spool a large body to a file)."""
    boundary, body = encode_multipart({"csrf_token": token(client, path), **fields})
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _timed(call: Any) -> tuple[Any, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_an_xlsform_of_20000_rows_is_refused_at_once_on_the_page_and_the_cli(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    data = xlsform_of_rows(20_000)
    before = _count(app, Survey)
    login(client, COORDINATOR)
    reply, seconds = _timed(
        lambda: _upload(
            client, IMPORT_PAGE, {"file": FileStorage(io.BytesIO(data), "groot.xlsx"), "code": ""}
        )
    )
    assert reply.status_code == 400
    assert "Blad survey heeft meer dan 2000 regels." in reply.get_data(as_text=True)
    assert seconds <= SECONDS, seconds
    path = tmp_path / "groot.xlsx"
    path.write_bytes(data)
    runner = app.test_cli_runner()
    result, seconds = _timed(
        lambda: runner.invoke(args=["surveys", "import", str(path), "--project", "demo"])
    )
    assert result.exit_code == 1 and "meer dan 2000 regels" in result.stderr
    assert seconds <= SECONDS, seconds
    assert _count(app, Survey) == before


def test_an_xlsform_too_wide_is_refused(app: Flask, client: PageCheckingClient, demo: None) -> None:
    before = _count(app, Survey)
    login(client, COORDINATOR)
    reply = _upload(
        client,
        IMPORT_PAGE,
        {"file": FileStorage(io.BytesIO(xlsform_of_columns(300)), "breed.xlsx"), "code": ""},
    )
    assert reply.status_code == 400
    assert "Blad survey heeft meer dan 200 kolommen." in reply.get_data(as_text=True)
    in_english = _upload(
        client,
        IMPORT_PAGE + "?lang=en",
        {"file": FileStorage(io.BytesIO(xlsform_of_columns(300)), "breed.xlsx"), "code": ""},
    )
    assert "Sheet survey has more than 200 columns." in in_english.get_data(as_text=True)
    assert _count(app, Survey) == before


def _odt_of_empty_paragraphs(paragraphs: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            b'<?xml version="1.0"?><office:document-content '
            b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
            b"<office:text>" + b"<text:p/>" * paragraphs + b"</office:text></office:body>"
            b"</office:document-content>",
        )
    return buffer.getvalue()


def test_a_transcript_of_too_many_paragraphs_is_refused_while_it_is_read(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    login(client, COORDINATOR)
    group_id = create_group(client, languages=["nl"])
    add_attendee(client, group_id)
    path = f"{BASE}/{group_id}/transcript"
    for name, data in (
        ("lang.docx", docx_of_empty_paragraphs(200_000)),
        ("lang.odt", _odt_of_empty_paragraphs(200_000)),
    ):
        reply, seconds = _timed(
            lambda data=data, name=name: _upload(
                client,
                path,
                {"action": "preview", "file": FileStorage(io.BytesIO(data), filename=name)},
            )
        )
        assert reply.status_code == 400, name
        assert "Het document heeft meer dan 20000 alinea&#39;s." in reply.get_data(as_text=True)
        assert seconds <= SECONDS, (name, seconds)
    file = tmp_path / "lang.docx"
    file.write_bytes(docx_of_empty_paragraphs(200_000))
    result, seconds = _timed(
        lambda: app.test_cli_runner().invoke(
            args=[
                "focusgroups",
                "import-transcript",
                "--project",
                "demo",
                "--title",
                "X",
                str(file),
            ]
        )
    )
    assert result.exit_code == 1 and "more than 20000 paragraphs" in result.stderr
    assert seconds <= SECONDS, seconds
    with app.app_context():
        assert db.session.scalar(select(FocusGroup.id).where(FocusGroup.title == "X")) is None


def _csv_import(app: Flask, path: Path) -> Any:
    return app.test_cli_runner().invoke(args=["responses", "import", "DEMO", str(path)])


def test_a_response_csv_past_a_cap_is_refused_and_stores_nothing(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    before = _count(app, Response)
    # A select_multiple column family thousands of columns wide.
    wide = tmp_path / "breed.csv"
    family = ",".join(f"moeilijk/optie{n}" for n in range(5_000))
    wide.write_text(f"wie,moeilijk,{family}\nouder,wonen," + ",".join(["0"] * 5_000) + "\n")
    result, seconds = _timed(lambda: _csv_import(app, wide))
    assert result.exit_code == 1, result.output
    assert "Het bestand heeft meer dan 2000 kolommen." in result.stderr
    assert seconds <= SECONDS, seconds
    # More rows than one import takes: refused whole, none of the rows stored.
    long = tmp_path / "lang.csv"
    long.write_text("wie\n" + "ouder\n" * 20_001)
    result, seconds = _timed(lambda: _csv_import(app, long))
    assert result.exit_code == 1 and "meer dan 20000 rijen" in result.stderr
    assert seconds <= SECONDS, seconds  # counted before any row is checked
    # Bytes: refused before the file is read.
    heavy = tmp_path / "zwaar.csv"
    with heavy.open("w") as handle:
        handle.write("wie,goed\n")
        line = "ouder," + "x" * 1000 + "\n"
        for _ in range(21 * 1024):
            handle.write(line)
    result, seconds = _timed(lambda: _csv_import(app, heavy))
    assert result.exit_code == 1 and "Het bestand is te groot." in result.stderr
    assert seconds <= SECONDS, seconds
    assert _count(app, Response) == before
