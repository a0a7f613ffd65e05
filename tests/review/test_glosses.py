"""Issue 16 item 6: a Dutch-speaking coordinator can read the review queue.

A statement in another language shows its Dutch translation (typed by the volunteer who keyed the
paper form in, or by a coordinator in the queue), every matched word with its Dutch concept, and
reasons in plain words; a kind guessed from nothing is not suggested.
"""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Statement, Tag
from tests.assist.helpers import VOLUNTEER, csrf
from tests.assist.test_paper import JUMP, allocate
from tests.conftest import PageCheckingClient, login
from tests.review.conftest import COORDINATOR, QUEUE, Staff, add_focus_group, keys_with

TURKISH = "Okul gezisinin parasını taksitle ödemek zorunda kaldık."
GLOSS = "We moesten de schoolreis in schijven betalen."


def _statement(app: Flask, public_id: str) -> tuple[str | None, str | None]:
    with app.app_context():
        statement = db.session.scalar(select(Statement).where(Statement.public_id == public_id))
        assert statement is not None
        found = statement.gloss_nl, statement.gloss_by
        db.session.remove()
        return found


def _article(page: str, public_id: str) -> str:
    return page.split(f'id="s-{public_id}"')[1].split("</article>")[0]


def test_a_turkish_statement_shows_its_words_with_their_dutch_concepts(
    app: Flask, staff: Staff
) -> None:
    group, (taksit,) = add_focus_group(app, "Glossen", [("tr", TURKISH)])
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    article = _article(page, taksit)
    assert "inkomen" in keys_with(app, taksit, "suggested")
    assert "mobiliteit" not in keys_with(app, taksit, "suggested")
    # the participant's word in Turkish, its Dutch concept marked as Dutch
    assert re.search(
        r'<bdi lang="tr" dir="ltr">taksitle</bdi> → <bdi lang="nl" dir="ltr">in schijven betalen</bdi>',
        article,
    ), article
    assert '<bdi lang="nl" dir="ltr">school</bdi>' in article or "schoolreis" in article
    # no gloss yet: the field to type one is there, open
    assert (
        f'<textarea id="gloss-{taksit}" name="gloss-{taksit}" rows="2" lang="nl" dir="ltr">'
        in article
    )
    for word in ("(default)", "sentiment", "score"):
        assert word not in page.casefold()


def test_a_coordinator_types_a_dutch_translation_in_the_queue(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "Vertalen", [("tr", TURKISH), ("tr", TURKISH + " ")])
    url = f"{QUEUE}?bron=fg:{group}"
    staff.page(url)
    saved = staff.post(
        QUEUE,
        {"action": f"gloss:{ids[0]}", f"gloss-{ids[0]}": f"  {GLOSS} ", "bron": f"fg:{group}"},
    )
    assert saved.status_code == 302 and saved.headers["Location"].endswith(f"#s-{ids[0]}")
    # the copy with the same words gets it too: the queue shows the text once
    assert _statement(app, ids[0]) == (GLOSS, "coordinator")
    assert _statement(app, ids[1]) == (GLOSS, "coordinator")
    page = staff.page(url)
    article = _article(page, ids[0])
    assert "De Nederlandse vertaling is bewaard." in page
    assert (
        f'Nederlandse vertaling van een coördinator: <span lang="nl" dir="ltr" id="g-{ids[0]}">{GLOSS}</span>'
        in article
    )
    with app.app_context():
        assert db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "statement.gloss_saved", AuditEvent.object_id == ids[0]
            )
        )
    # too long: refused with a message, what was typed stays, nothing stored
    long = "x" * 2001
    refused = staff.post(
        QUEUE, {"action": f"gloss:{ids[0]}", f"gloss-{ids[0]}": long, "bron": f"fg:{group}"}
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "Maak de Nederlandse vertaling korter: hoogstens 2000 tekens." in body
    assert f">{long}</textarea>" in body
    assert _statement(app, ids[0]) == (GLOSS, "coordinator")
    # emptied: removed
    staff.post(QUEUE, {"action": f"gloss:{ids[0]}", f"gloss-{ids[0]}": " ", "bron": f"fg:{group}"})
    assert _statement(app, ids[0]) == (None, None)


def test_a_dutch_statement_has_no_translation_field(app: Flask, staff: Staff) -> None:
    group, (dutch,) = add_focus_group(app, "Nederlands", [("nl", "De huur is te hoog.")])
    article = _article(staff.page(f"{QUEUE}?bron=fg:{group}"), dutch)
    assert "gloss-" not in article
    # nor does a hand-made request give it one
    staff.post(
        QUEUE, {"action": f"gloss:{dutch}", f"gloss-{dutch}": "Iets.", "bron": f"fg:{group}"}
    )
    assert _statement(app, dutch) == (None, None)


def test_the_volunteer_types_a_translation_when_keying_in_a_turkish_paper_form(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    (number,) = allocate(app, 1, language="tr")
    login(client, VOLUNTEER)
    page = client.get(JUMP).get_data(as_text=True)
    jumped = client.post(JUMP, data={"csrf_token": csrf(page), "number": number})
    url = jumped.headers["Location"]
    form = client.get(url).get_data(as_text=True)
    glosses = re.findall(r'<textarea[^>]* id="(q\d+)_nl"', form) or re.findall(
        r'id="(q\d+)_nl"', form
    )
    assert glosses, "a Turkish form has a Dutch translation field per open question"
    field = glosses[0]
    assert f'<label for="{field}_nl">' in form and 'lang="nl"' in form
    saved = client.post(url, data={"csrf_token": csrf(form), field: TURKISH, f"{field}_nl": GLOSS})
    assert saved.status_code == 302, saved.get_data(as_text=True)[:600]
    with app.app_context():
        statement = db.session.scalars(select(Statement).order_by(Statement.id.desc())).first()
        assert statement is not None and statement.text == TURKISH
        assert (statement.gloss_nl, statement.gloss_by) == (GLOSS, "volunteer")
        public_id = statement.public_id
        db.session.remove()
    # the coordinator reads it in the queue
    client.post_form("/logout", {}, token_from="/account")
    login(client, COORDINATOR)
    queue = Staff(client).page(f"{QUEUE}?taal=tr")
    article = _article(queue, public_id)
    assert (
        f'Nederlandse vertaling van de vrijwilliger: <span lang="nl" dir="ltr" id="g-{public_id}">{GLOSS}</span>'
        in article
    )
    # opening the form again shows the translation typed before
    assert GLOSS in _refetch(client, url)


def _refetch(client: PageCheckingClient, url: str) -> str:
    return str(client.get(url).get_data(as_text=True))


def test_a_kind_guessed_from_nothing_is_not_suggested(app: Flask, staff: Staff) -> None:
    group, (plain,) = add_focus_group(app, "Zonder soort", [("nl", "Over de bibliotheek.")])
    staff.page(f"{QUEUE}?bron=fg:{group}")
    assert keys_with(app, plain, "suggested") == {"vrije_tijd"}
    # a guess stored by an earlier suggester is not shown, nor accepted with the others
    with app.app_context():
        statement = db.session.scalar(select(Statement).where(Statement.public_id == plain))
        assert statement is not None
        from participatie.models import Code

        knelpunt = db.session.scalar(
            select(Code).where(Code.project_id == statement.project_id, Code.key == "knelpunt")
        )
        assert knelpunt is not None
        db.session.add(Tag(statement=statement, code=knelpunt, score=0.4, evidence=["(default)"]))
        db.session.commit()
        db.session.remove()
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert "(default)" not in page
    assert "Knelpunt</span>" not in _article(page, plain)
    staff.post(QUEUE, {"action": f"accept_all:{plain}", "bron": f"fg:{group}"})
    assert keys_with(app, plain, "accepted") == {"vrije_tijd"}


def test_arabic_words_get_their_dutch_concept_and_english_words_the_code_they_count_for(
    app: Flask, staff: Staff
) -> None:
    group, (arabic, english) = add_focus_group(
        app,
        "Talen",
        [
            ("ar", "الإيجار مرتفع جدا ولا نستطيع دفع فاتورة الكهرباء."),
            ("en", "The rent is too high."),
        ],
    )
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert re.search(
        r'<bdi lang="ar" dir="rtl">الايجار</bdi> → <bdi lang="nl" dir="ltr">de huur</bdi>',
        _article(page, arabic),
    )
    # English has no glosses file: the word is shown with the code it counts for
    assert re.search(
        r'<bdi lang="en" dir="ltr">rent</bdi> → <bdi>Wonen en energie</bdi>',
        _article(page, english),
    ), _article(page, english)
