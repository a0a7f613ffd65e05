"""The review queue through HTTP: suggestions, accept / reject / add, filters, bulk actions, undo."""

from __future__ import annotations

import re

from flask import Flask

from participatie.extensions import db
from participatie.models import AuditEvent
from tests.review.conftest import (
    COORDINATOR,
    QUEUE,
    Staff,
    add_focus_group,
    keys_with,
    statements,
    tags,
    user_id,
)

QUOTES = [
    ("nl", "De huur is te hoog en de energiefactuur blijft stijgen."),
    ("ar", "الإيجار مرتفع جدا ولا نستطيع دفع فاتورة الكهرباء."),
    ("fr", "Le loyer est trop cher pour nous."),
    ("nl", "Eén keer per maand gaan we samen naar de bibliotheek."),
]


def _group(app: Flask) -> tuple[str, list[str]]:
    return add_focus_group(app, "Testgroep", QUOTES)


def _url(group: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"bron": f"fg:{group}", **params}.items())
    return f"{QUEUE}?{query}"


def test_queue_shows_the_participants_words_their_source_and_stored_suggestions(
    app: Flask, staff: Staff
) -> None:
    group, ids = _group(app)
    page = staff.page(_url(group))
    # Each statement in its own language, untouched, with where it came from.
    assert f'<blockquote id="t-{ids[1]}" lang="ar" dir="rtl"><p>{QUOTES[1][1]}</p>' in page
    assert "Focusgroep Testgroep, P2" in page
    assert "De huur is te hoog en de energiefactuur blijft stijgen." in page
    # Suggestions were stored lazily: suggester rows with a score and the words behind them.
    rows = tags(app, ids[0])
    wonen = next(t for t in rows if t["key"] == "wonen")
    assert wonen["status"] == "suggested" and wonen["coder"] is None
    assert wonen["score"] > 0.5 and "huur" in [reason["words"] for reason in wonen["evidence"]]
    assert "omdat:" in page and "huur" in page
    # The shortcuts are on the page (shown by review.js) and each domain button names its key.
    assert "Sneltoetsen" in page and 'data-shortcut="1"' in page
    # Opening the page again stores nothing twice.
    staff.page(_url(group))
    assert len(tags(app, ids[0])) == len(rows)


def test_accept_all_reject_all_and_a_code_by_hand_redirect_back_to_the_same_place(
    app: Flask, staff: Staff
) -> None:
    group, ids = _group(app)
    url = _url(group, taal="nl")
    staff.page(url)
    suggested = keys_with(app, ids[0], "suggested")
    assert "wonen" in suggested

    response = staff.post(
        QUEUE, {"action": f"accept_all:{ids[0]}", "bron": f"fg:{group}", "taal": "nl"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"{QUEUE}?taal=nl&bron=fg:{group}#s-{ids[0]}"
    coordinator = user_id(app, COORDINATOR)
    accepted = [t for t in tags(app, ids[0]) if t["status"] == "accepted"]
    assert {t["key"] for t in accepted} == suggested
    assert all(t["coder"] == coordinator and t["score"] is not None for t in accepted)

    staff.page(url)
    rejected_before = keys_with(app, ids[3], "suggested")
    staff.post(QUEUE, {"action": f"reject_all:{ids[3]}"})
    assert keys_with(app, ids[3], "rejected") == rejected_before
    assert keys_with(app, ids[3], "suggested") == set()

    # A code by hand: an accepted tag with the coordinator as coder and no score.
    staff.post(QUEUE, {"action": f"toggle:{ids[3]}:participatie"})
    added = next(t for t in tags(app, ids[3]) if t["key"] == "participatie")
    assert added == {
        "key": "participatie",
        "status": "accepted",
        "coder": coordinator,
        "score": None,
        "evidence": [],
        "blind": False,
    }
    page = staff.page(url)
    assert re.search(rf'value="toggle:{ids[3]}:participatie" aria-pressed="true"', page)
    # Pressing it again switches it off (kept as rejected: learning reads it).
    staff.post(QUEUE, {"action": f"toggle:{ids[3]}:participatie"})
    assert "participatie" in keys_with(app, ids[3], "rejected")


def test_one_suggestion_is_rejected_alone_and_a_statement_has_one_kind(
    app: Flask, staff: Staff
) -> None:
    group, ids = _group(app)
    staff.page(_url(group))
    staff.post(QUEUE, {"action": f"reject:{ids[0]}:wonen"})
    assert "wonen" in keys_with(app, ids[0], "rejected")
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:kracht"})
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:droom"})
    assert keys_with(app, ids[0], "accepted") & {"knelpunt", "kracht", "droom"} == {"droom"}


def test_filters_language_source_status_domain_and_text(app: Flask, staff: Staff) -> None:
    group, ids = _group(app)
    staff.page(_url(group))
    staff.post(QUEUE, {"action": f"accept_all:{ids[0]}"})

    def shown(url: str) -> set[str]:
        return set(
            re.findall(r'<article class="statement" id="s-([\w-]+)"', staff.page(url))
        ) & set(ids)

    assert shown(_url(group)) == set(ids)
    # `taal` filters; the page itself stays in Dutch (`lang` is the site's language switcher).
    page = staff.page(_url(group, taal="ar"))
    assert shown(_url(group, taal="ar")) == {ids[1]} and '<html lang="nl"' in page
    assert shown(_url(group, status="accepted")) == {ids[0]}
    assert shown(_url(group, status="untagged")) == set(ids[1:])
    assert ids[0] not in shown(_url(group, status="suggested"))
    assert shown(_url(group, domein="wonen")) >= {ids[0], ids[1]}
    assert shown(_url(group, zoek="LOYER")) == {ids[2]}
    # Non-ASCII text search works on open answers too (JSON strings), on every database.
    answers = [s for s in statements(app) if s["lang"] == "ar" and s["text"]]
    word = answers[0]["text"].split()[0]
    page = staff.page(f"{QUEUE}?zoek={word}&bron=survey")
    assert answers[0]["public_id"] in page
    # An unknown filter value is ignored, not an error.
    assert shown(_url(group, domein="bestaat_niet", status="kapot")) == set(ids)


def test_pages_of_twenty(app: Flask, staff: Staff) -> None:
    # the queue shows a text given several times once (review.duplicates): count distinct texts
    from participatie.coordinate.review.duplicates import same_words_key

    seen: set[tuple[str, str]] = set()
    distinct = []
    for statement in statements(app):
        if same_words_key(statement["lang"], statement["text"]) not in seen:
            seen.add(same_words_key(statement["lang"], statement["text"]))
            distinct.append(statement)
    page = staff.page(QUEUE)
    assert page.count('<article class="statement"') == 20
    assert f"{len(distinct)} uitspraken" in page
    second = staff.page(f"{QUEUE}?pagina=2")
    assert distinct[20]["public_id"] in second
    assert 'aria-current="page">2</a>' in second


def test_bulk_accept_add_a_code_and_errors_that_keep_what_was_typed(
    app: Flask, staff: Staff
) -> None:
    group, ids = _group(app)
    staff.page(_url(group))
    response = staff.post(
        QUEUE, {"action": "bulk_accept", "selected": ids[:2], "bron": f"fg:{group}"}
    )
    assert response.status_code == 302
    assert "wonen" in keys_with(app, ids[0], "accepted") and "wonen" in keys_with(
        app, ids[1], "accepted"
    )

    staff.post(QUEUE, {"action": "bulk_code", "selected": ids[2:], "code": "betaalbaarheid"})
    assert all("betaalbaarheid" in keys_with(app, i, "accepted") for i in ids[2:])

    # No statement chosen: the page comes back with the message and the typed title.
    response = staff.post(
        QUEUE,
        {
            "action": "bulk_theme",
            "theme": "nieuw",
            "theme_title": "Te dure huur",
            "bron": f"fg:{group}",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Kies eerst een of meer uitspraken" in page and 'value="Te dure huur"' in page
    # A code not in the codebook.
    response = staff.post(QUEUE, {"action": "bulk_code", "selected": ids[:1], "code": "onzin"})
    assert "Kies de code die je aan de gekozen uitspraken wilt geven." in response.get_data(
        as_text=True
    )
    response = staff.post(QUEUE, {"action": "iets_anders:x"})
    assert "Deze actie kennen we niet" in response.get_data(as_text=True)


def test_undo_reverses_the_last_action_step_by_step(app: Flask, staff: Staff) -> None:
    group, ids = _group(app)
    staff.page(_url(group))
    before = tags(app, ids[0])
    staff.post(QUEUE, {"action": f"accept_all:{ids[0]}"})
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:gezin"})
    page = staff.page(_url(group))
    assert "Ongedaan maken: code ‘Gezin, opvoeding en kinderopvang’ aan- of uitgezet" in page

    response = staff.post(f"{QUEUE}/ongedaan-maken", {"bron": f"fg:{group}"})
    assert response.headers["Location"].endswith(f"bron=fg:{group}")
    assert "gezin" not in {t["key"] for t in tags(app, ids[0])}
    assert "Ongedaan maken: voorstellen aanvaard bij 1 uitspraak" in staff.page(_url(group))
    staff.post(f"{QUEUE}/ongedaan-maken")
    assert sorted(tags(app, ids[0]), key=str) == sorted(before, key=str)
    response = staff.post(f"{QUEUE}/ongedaan-maken")
    assert "Er is niets om ongedaan te maken." in staff.page(_url(group))
    with app.app_context():
        actions = [e.action for e in db.session.query(AuditEvent).order_by(AuditEvent.id)]
        assert actions.count("review.undo") == 2
        assert "review.accept_all" in actions and "review.toggle" in actions


def test_a_statement_of_another_project_is_not_touched(
    app: Flask, staff: Staff, other_project: str
) -> None:
    response = staff.post(QUEUE, {"action": f"toggle:{other_project}:wonen"})
    assert response.status_code == 302
    assert tags(app, other_project) == []
    assert "Deze uitspraak vinden we niet meer." in staff.page(QUEUE)


def test_possible_personal_data_is_marked_and_the_redacted_version_shown(
    app: Flask, staff: Staff
) -> None:
    from sqlalchemy import select

    from participatie.models import Statement

    group, ids = add_focus_group(
        app,
        "Privé",
        [("nl", "Bel me gerust op 0470 12 34 56, dan help ik."), ("nl", "De huur is te hoog.")],
    )
    page = staff.page(_url(group))
    assert page.count("Bevat mogelijk persoonsgegevens.") == 1
    with app.app_context():
        statement = db.session.scalar(select(Statement).where(Statement.public_id == ids[0]))
        assert statement is not None
        statement.redacted_text = "Bel me gerust op [telefoonnummer], dan help ik."
        db.session.commit()
        db.session.remove()
    page = staff.page(_url(group))
    assert "Bevat mogelijk persoonsgegevens." not in page
    assert "Versie voor verslagen:" in page and "[telefoonnummer]" in page
    # The participant's own words are still shown as they were written.
    assert "Bel me gerust op 0470 12 34 56, dan help ik." in page
