"""Shared steps of the focus-group tests, all through HTTP like a coordinator."""

from __future__ import annotations

import re
import uuid
from typing import Any

from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.extensions import db
from participatie.models import Code, CodeKind, FocusGroup, Project

CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)
IDEM = re.compile(r'name="idem" type="hidden" value="([^"]+)"')
BASE = "/projecten/demo/focusgroepen"


def token(client: Any, path: str) -> str:
    return token_in(client.get(path).get_data(as_text=True))


def token_in(page: str) -> str:
    match = CSRF.search(page)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


def create_group(client: Any, **fields: Any) -> str:
    data = {
        "title": "Ouders in de Kempen",
        "held_on": "2026-10-14",
        "place": "Ontmoetingshuis",
        "facilitator": "Welzijnsschakel",
        "languages": ["nl", "ar"],
        "template": "wat_werkt",
        "guide": "",
        **fields,
    }
    response = client.post_form(f"{BASE}/nieuw", data)
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    return response.headers["Location"].rsplit("/", 1)[-1]


def add_attendee(client: Any, group_id: str, **fields: Any) -> None:
    data = {
        "new-participant_group": "ouder",
        "new-language": "nl",
        "new-consent": "y",
        "new-consent_version": "1",
        "new-compensation": "Vrijetijdscheque 20 euro",
        **fields,
    }
    response = client.post_form(
        f"{BASE}/{group_id}/deelnemers", data, token_from=f"{BASE}/{group_id}"
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:800]


def capture_form(client: Any, group_id: str, text: str, **fields: Any) -> TestResponse:
    """The capture screen without JavaScript: fetch the page (fresh key), post, follow."""
    path = f"{BASE}/{group_id}/noteren"
    page = client.get(path).get_data(as_text=True)
    key = IDEM.search(page)
    assert key, "no idempotency key on the capture page"
    data = {"text": text, "idem": key.group(1), "csrf_token": token_in(page), **fields}
    return client.post(path, data=data)


def capture_json(
    client: Any, group_id: str, csrf: str, text: str, key: str | None = None, **fields: Any
) -> TestResponse:
    """What capture.js sends: JSON, the CSRF token in a header, a key per quote."""
    body = {"key": key or str(uuid.uuid4()), "text": text, **fields}
    return client.post(
        f"{BASE}/{group_id}/uitspraken.json",
        json=body,
        headers={"X-CSRFToken": csrf, "Accept": "application/json"},
    )


def demo_group(app: Flask, public_id: str) -> FocusGroup:
    group = db.session.scalar(select(FocusGroup).where(FocusGroup.public_id == public_id))
    assert group is not None
    return group


def seed_codes(app: Flask) -> None:
    """A few codes of the default codebook (another area seeds the whole book)."""
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        for position, (kind, key, label) in enumerate(
            [
                (CodeKind.DOMAIN, "wonen", "Wonen en energie"),
                (CodeKind.DOMAIN, "vrije_tijd", "Vrije tijd, cultuur en sport"),
                (CodeKind.BARRIER, "betaalbaarheid", "Betaalbaarheid"),
                (CodeKind.KIND, "knelpunt", "Knelpunt"),
                (CodeKind.KIND, "droom", "Droom"),
            ]
        ):
            exists = db.session.scalar(
                select(Code).where(Code.project_id == project.id, Code.key == key)
            )
            if exists is None:
                db.session.add(
                    Code(
                        project_id=project.id,
                        kind=kind,
                        key=key,
                        label={"nl": label},
                        position=position,
                    )
                )
        db.session.commit()
        db.session.remove()


def json_of(response: TestResponse) -> Any:
    """The JSON body of a response, which must have one."""
    body = response.get_json()
    assert body is not None, response.get_data(as_text=True)[:300]
    return body
