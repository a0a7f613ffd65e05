"""Themes (bevindingen) from the queue: create, add, chosen quotes, remove, edit, delete, undo."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Decision, DecisionOutcome, Theme, ThemeStatement
from tests.review.conftest import QUEUE, Staff, add_focus_group

QUOTES = [
    ("nl", "De huur is te hoog."),
    ("nl", "We wachten al vier jaar op een sociale woning."),
    ("tr", "Kira çok pahalı."),
]


def _theme(app: Flask, public_id: str | None = None) -> dict[str, Any]:
    """The theme with `public_id`, or the newest (the demo has themes of its own)."""
    with app.app_context():
        query = select(Theme).order_by(Theme.id.desc())
        if public_id is not None:
            query = query.where(Theme.public_id == public_id)
        theme = db.session.scalar(query)
        assert theme is not None
        links = db.session.scalars(
            select(ThemeStatement).where(ThemeStatement.theme_id == theme.id)
        ).all()
        found = {
            "public_id": theme.public_id,
            "title": dict(theme.title),
            "domain": theme.domain.key if theme.domain else None,
            "links": sorted((link.statement.public_id, link.chosen_quote) for link in links),
        }
        db.session.remove()
        return found


def test_a_theme_is_made_from_the_queue_and_filled_from_it(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "Wonen", QUOTES)
    staff.page(f"{QUEUE}?bron=fg:{group}")
    response = staff.post(
        QUEUE,
        {
            "action": "bulk_theme",
            "selected": ids[:2],
            "theme": "nieuw",
            "theme_title": "Betaalbaar wonen",
            "theme_domain": "wonen",
            "bron": f"fg:{group}",
        },
    )
    assert response.status_code == 302
    theme = _theme(app)
    assert theme["title"] == {"nl": "Betaalbaar wonen"} and theme["domain"] == "wonen"
    assert theme["links"] == sorted((i, False) for i in ids[:2])
    assert "Het thema ‘Betaalbaar wonen’ is gemaakt met 2 uitspraken." in staff.page(QUEUE)

    # Adding the same statement again changes nothing; a new one is added.
    staff.post(QUEUE, {"action": "bulk_theme", "selected": ids[1:], "theme": theme["public_id"]})
    assert _theme(app)["links"] == sorted((i, False) for i in ids)
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert "In thema:" in page and "Betaalbaar wonen" in page

    listing = staff.page("/projecten/demo/themas")
    assert "Betaalbaar wonen" in listing and "Wonen en energie" in listing
    detail = staff.page(f"/projecten/demo/themas/{theme['public_id']}")
    assert 'lang="tr"' in detail and "Kira çok pahalı." in detail


def test_chosen_quotes_removal_edit_delete_and_undo(app: Flask, staff: Staff) -> None:
    _group, ids = add_focus_group(app, "Wonen", QUOTES)
    staff.post(
        QUEUE, {"action": "bulk_theme", "selected": ids, "theme": "nieuw", "theme_title": "Huur"}
    )
    theme_id = _theme(app)["public_id"]
    base = f"/projecten/demo/themas/{theme_id}"

    staff.post(f"{base}/uitspraken", {"action": f"quote:{ids[0]}"})
    staff.post(f"{base}/uitspraken", {"action": f"remove:{ids[2]}"})
    assert _theme(app)["links"] == sorted([(ids[0], True), (ids[1], False)])
    assert "Gekozen als citaat." in staff.page(base)

    # Edit: the first project language is required, the domain is optional.
    response = staff.post(f"{base}/wijzigen", {"title_nl": "", "title_en": "Rent", "domain": ""})
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and "Geef het thema een titel." in page
        and 'value="Rent"' in page
    )
    staff.post(
        f"{base}/wijzigen",
        {"title_nl": "Te dure huur", "title_en": "Rent too high", "domain": "wonen"},
    )
    assert _theme(app)["title"] == {"nl": "Te dure huur", "en": "Rent too high"}
    assert "Rent too high" in staff.page(f"{base}?lang=en")
    staff.page(f"{base}?lang=nl")

    # Delete, then undo: title, domain, statements and the chosen quote all come back.
    before = _theme(app)
    response = staff.post(f"{base}/verwijderen")
    assert response.headers["Location"].endswith("/projecten/demo/themas")
    with app.app_context():
        assert db.session.scalar(select(Theme).where(Theme.public_id == theme_id)) is None
        db.session.remove()
    assert "Ongedaan maken: thema verwijderd" in staff.page("/projecten/demo/themas")
    staff.post("/projecten/demo/themas/ongedaan-maken")
    assert _theme(app) == before
    # Undo again: the edit goes back.
    staff.post("/projecten/demo/themas/ongedaan-maken")
    assert _theme(app)["title"] == {"nl": "Huur"} and _theme(app)["domain"] is None


def test_a_theme_the_stuurgroep_decided_on_is_not_deleted(app: Flask, staff: Staff) -> None:
    _group, ids = add_focus_group(app, "Wonen", QUOTES)
    staff.post(
        QUEUE,
        {"action": "bulk_theme", "selected": ids[:1], "theme": "nieuw", "theme_title": "Huur"},
    )
    with app.app_context():
        theme = db.session.scalar(select(Theme).order_by(Theme.id.desc()))
        assert theme is not None
        db.session.add(Decision(theme=theme, outcome=DecisionOutcome.TAKEN_UP))
        db.session.commit()
        theme_id = theme.public_id
        db.session.remove()
    response = staff.post(f"/projecten/demo/themas/{theme_id}/verwijderen")
    assert response.status_code == 302
    assert "al een beslissing van de stuurgroep" in staff.page(f"/projecten/demo/themas/{theme_id}")
    assert _theme(app, theme_id)["public_id"] == theme_id


def test_themes_of_another_project_answer_404(app: Flask, staff: Staff) -> None:
    assert staff.get("/projecten/demo/themas/bestaat-niet").status_code == 404
    assert staff.post("/projecten/demo/themas/bestaat-niet/verwijderen").status_code == 404
