"""Two requests at the same moment (issue 17, items 12 and 13), on PostgreSQL with threads:
answers to the same question of the same response end as one row without an error page, and
coordinators opening the review queue together store each suggestion once."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import delete, func, select

from participatie.extensions import db
from participatie.models import Answer, Question, Statement, Tag
from tests.conftest import PageCheckingClient, login
from tests.trust.postgres_app import postgres_app  # noqa: F401  (a fixture)

pytestmark = pytest.mark.postgres

THREADS = 8


def _together(count: int, work: Any) -> list[Any]:
    """Runs work(i) in `count` threads released at the same moment; returns results or errors."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work(index)
        except BaseException as error:  # reported by the test
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _rows(app: Flask, model: Any, *where: Any) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(model).where(*where))
        db.session.remove()
    return int(count or 0)


@pytest.mark.parametrize("name,values", [("goed", [f"tekst {i}" for i in range(THREADS)])])
def test_concurrent_answers_to_one_question_make_one_row(
    postgres_app: Flask,  # noqa: F811
    name: str,
    values: list[str],
) -> None:
    first: PageCheckingClient = postgres_app.test_client()  # type: ignore[assignment]
    first.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    page = first.get(f"/s/DEMO/{name}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    cookie = first.get_cookie("session")
    assert cookie is not None

    def post(index: int) -> int:
        client = postgres_app.test_client()
        client.set_cookie("session", cookie.value)
        # Each its own idempotency key: two pages of the same question, posted together.
        response = client.post(
            f"/s/DEMO/{name}",
            data={
                "csrf_token": token,
                "idem": f"key-{index:02d}-concurrent",
                "answer": values[index],
            },
        )
        return response.status_code

    with postgres_app.app_context():
        question_id = db.session.scalar(select(Question.id).where(Question.name == name))
        db.session.remove()
    answers_before = _rows(postgres_app, Answer, Answer.question_id == question_id)
    statements_before = _rows(postgres_app, Statement, Statement.answer_id.is_not(None))

    statuses = _together(THREADS, post)
    assert statuses == [302] * THREADS, statuses
    assert _rows(postgres_app, Answer, Answer.question_id == question_id) == answers_before + 1
    # The open answer is one statement to tag, not one per request.
    statements = _rows(postgres_app, Statement, Statement.answer_id.is_not(None))
    assert statements == statements_before + 1


def test_coordinators_opening_the_queue_together_store_each_suggestion_once(
    postgres_app: Flask,  # noqa: F811
) -> None:
    with postgres_app.app_context():
        # Let the suggester see every statement again, as on a fresh import.
        from participatie.coordinate.review.suggestions import SEEN_SETTING
        from participatie.models import Project

        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        db.session.execute(delete(Tag).where(Tag.coder_id.is_(None)))
        project.settings = {k: v for k, v in (project.settings or {}).items() if k != SEEN_SETTING}
        db.session.commit()
        db.session.remove()
    clients = []
    for _ in range(4):
        client: PageCheckingClient = postgres_app.test_client()  # type: ignore[assignment]
        login(client, "coordinator@kempenaar.example")
        clients.append(client)

    statuses = _together(4, lambda i: clients[i].get("/projecten/demo/uitspraken").status_code)
    assert statuses == [200] * 4, statuses
    with postgres_app.app_context():
        duplicates = db.session.execute(
            select(Tag.statement_id, Tag.code_id, func.count())
            .where(Tag.coder_id.is_(None))
            .group_by(Tag.statement_id, Tag.code_id)
            .having(func.count() > 1)
        ).all()
        suggested = db.session.scalar(select(func.count(Tag.id)).where(Tag.coder_id.is_(None)))
        db.session.remove()
    assert suggested, "the suggester stored nothing: the test would prove nothing"
    assert duplicates == []
