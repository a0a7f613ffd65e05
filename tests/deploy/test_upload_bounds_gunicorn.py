"""Issue 17, Done when: an XLSForm of 20,000 rows and a .docx that unpacks past the cap are
refused in at most 2 seconds by a real gunicorn (deploy/gunicorn.conf.py), while a parent's page
on another connection still answers in under 1 second."""

from __future__ import annotations

import io
import threading
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from participatie.extensions import db
from participatie.models import FocusGroup
from tests.deploy.http import Session
from tests.deploy.login import log_in
from tests.deploy.servers import gunicorn
from tests.trust.big_files import docx_unpacking_past_the_cap, xlsform_of_rows

pytestmark = [pytest.mark.slow, pytest.mark.timing]  # alone in CI: see test_import_bounds

COORDINATOR = "coordinator@kempenaar.example"
REFUSAL_SECONDS = 2.0
PARENT_SECONDS = 1.0


def _upload(web: Session, path: str, fields: dict[str, Any]) -> tuple[int, str, float]:
    """(status, page, seconds) of a multipart POST, timed from sending to the whole answer."""
    page = web.get(path)
    boundary, body = encode_multipart({"csrf_token": web.field(page.body, "csrf_token"), **fields})
    request = urllib.request.Request(
        web.base + path,
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    started = time.monotonic()
    try:
        response = web.opener.open(request, timeout=60)
    except urllib.error.HTTPError as error:
        response = error
    text = response.read().decode("utf-8", "replace")
    return response.status, text, time.monotonic() - started


def _while_uploading(base: str, upload: Any) -> tuple[tuple[int, str, float], list[float]]:
    """Run the upload in a thread; meanwhile a parent opens the welcome page, again and again,
    on a connection of its own. Returns the upload's outcome and each page's seconds."""
    outcome: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: outcome.update(result=upload()))
    parent = Session(base)
    timings: list[float] = []
    thread.start()
    while thread.is_alive() or not timings:
        started = time.monotonic()
        reply = parent.get("/s/DEMO")
        timings.append(time.monotonic() - started)
        assert reply.status == 200
    thread.join()
    return outcome["result"], timings


def test_oversized_uploads_are_refused_within_2_seconds_while_parents_are_served(
    app: Flask, database_url: str, demo: None
) -> None:
    xlsform = xlsform_of_rows(20_000)
    docx = docx_unpacking_past_the_cap()
    with app.app_context():
        group = db.session.scalar(select(FocusGroup.public_id).limit(1))
        db.session.remove()
    assert group is not None
    with gunicorn(database_url) as address:
        base = f"http://{address}"
        web = Session(base)
        log_in(web, app, COORDINATOR)
        (status, page, seconds), parent = _while_uploading(
            base,
            lambda: _upload(
                web,
                "/projecten/demo/vragenlijsten/inlezen",
                {"file": FileStorage(io.BytesIO(xlsform), "groot.xlsx"), "code": ""},
            ),
        )
        print(
            f"xlsform of 20,000 rows: refused in {seconds:.2f} s; parent page at most {max(parent):.2f} s"
        )
        assert status == 400 and "meer dan 2000 regels" in page
        assert seconds <= REFUSAL_SECONDS, seconds
        assert max(parent) < PARENT_SECONDS, parent

        (status, page, seconds), parent = _while_uploading(
            base,
            lambda: _upload(
                web,
                f"/projecten/demo/focusgroepen/{group}/transcript",
                {
                    "action": "preview",
                    "file": FileStorage(io.BytesIO(docx), "groot.docx"),
                },
            ),
        )
        print(
            f"docx past the unpacked cap: refused in {seconds:.2f} s; parent page at most {max(parent):.2f} s"
        )
        assert status == 400 and "Het bestand is te groot." in page
        assert seconds <= REFUSAL_SECONDS, seconds
        assert max(parent) < PARENT_SECONDS, parent
        # The worker that refused is free again at once.
        started = time.monotonic()
        assert Session(base).get("/s/DEMO").status == 200
        assert time.monotonic() - started < PARENT_SECONDS
