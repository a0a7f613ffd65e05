"""The translator's page through HTTP: counts, saving a text, changed since translated, draft →
reviewed by a second person, .po/XLIFF of the stuurgroep texts in and out (a bad line refuses
the file), the members page that adds and removes a translator, and the intro page that says
which languages still lack it."""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.extensions import db
from participatie.models import Decision, Membership, Project, Role, TranslationState, User
from tests.conftest import PageCheckingClient, login
from tests.translate.helpers import (
    COORDINATOR,
    SECOND,
    TRANSLATOR,
    add_translators,
    decision_without_arabic,
)

PAGE = "/projecten/demo/vertalen/ar"


def _counts(client: PageCheckingClient) -> dict[str, int]:
    html = client.get(PAGE).get_data(as_text=True)
    block = re.search(r'<ul class="notices" id="counts">(.*?)</ul>', html, re.S)
    assert block, html[:500]
    numbers = [int(n) for n in re.findall(r"<li>(\d+) ", block.group(1))]
    return dict(zip(["missing", "changed", "draft", "reviewed"], numbers, strict=True))


def _save(client: PageCheckingClient, text_id: str, translation: str) -> TestResponse:
    return client.post_form(
        PAGE + "/tekst", {"text_id": text_id, "translation": translation}, token_from=PAGE
    )


def _motivation(app: Flask, text_id: str) -> dict[str, str]:
    public_id = text_id.split(":")[1]
    with app.app_context():
        decision = db.session.scalar(select(Decision).where(Decision.public_id == public_id))
        assert decision is not None
        texts = dict(decision.motivation)
        db.session.remove()
    return texts


def test_a_translator_logs_in_on_their_page_and_saves_a_decision(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    response = client.post_form("/login", {"email": TRANSLATOR, "password": "demo-wachtwoord"})
    assert response.headers["Location"] == "/projecten/demo/vertalen"
    assert client.get("/projecten/demo/vertalen").headers["Location"].endswith(PAGE)
    before = _counts(client)
    assert before["missing"] > 0
    page = client.get(PAGE).get_data(as_text=True)
    text_id, dutch = decision_without_arabic(app)
    assert text_id in page and dutch.split()[0] in page
    assert _save(client, text_id, "قررت المجموعة التوجيهية ذلك.").status_code == 302
    assert _motivation(app, text_id)["ar"] == "قررت المجموعة التوجيهية ذلك."
    after = _counts(client)
    assert after["missing"] == before["missing"] - 1
    assert after["draft"] == before["draft"] + 1


def test_a_bad_translation_is_refused_and_nothing_is_saved(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, TRANSLATOR)
    text_id, _dutch = decision_without_arabic(app)
    refused = _save(client, text_id, "This is <b>English</b>, not Arabic.")
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "schrift" in html and "HTML" in html
    assert "This is &lt;b&gt;English&lt;/b&gt;, not Arabic." in html  # kept as typed
    assert "ar" not in _motivation(app, text_id)


def test_a_changed_dutch_text_shows_as_changed_until_translated_again(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    login(client, TRANSLATOR)
    text_id, _dutch = decision_without_arabic(app)
    _save(client, text_id, "سبب القرار.")
    assert _counts(client)["changed"] == 0
    # The coordinator changes the Dutch reason on the decision's own form.
    public_id = text_id.split(":")[1]
    client.post_form("/logout", {}, token_from="/account")
    login(client, COORDINATOR)
    form_url = f"/projecten/demo/beslissingen/besluit/{public_id}"
    with app.app_context():
        decision = db.session.scalar(select(Decision).where(Decision.public_id == public_id))
        assert decision is not None
        outcome = decision.outcome.value
        db.session.remove()
    saved = client.post_form(
        form_url,
        {"outcome": outcome, "motivation_nl": "Een nieuwe reden.", "motivation_ar": "سبب القرار."},
    )
    assert saved.status_code == 302
    flashed = client.get("/projecten/demo/beslissingen").get_data(as_text=True)
    assert "Nog niet vertaald in:" in flashed  # fr, en, tr, uk still lack it
    client.post_form("/logout", {}, token_from="/account")
    login(client, TRANSLATOR)
    counts = _counts(client)
    assert counts["changed"] == 1
    assert "De Nederlandse tekst is veranderd" in client.get(PAGE).get_data(as_text=True)
    _save(client, text_id, "سبب جديد.")
    assert _counts(client)["changed"] == 0


def test_only_a_second_person_marks_a_translation_reviewed(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    add_translators(app)
    login(client, TRANSLATOR)
    text_id, _dutch = decision_without_arabic(app)
    _save(client, text_id, "سبب القرار.")
    own = client.post_form(PAGE + "/nagekeken", {"text_id": text_id}, token_from=PAGE)
    assert own.status_code == 302
    assert _counts(client)["reviewed"] == 0  # the translator cannot review their own draft
    client.post_form("/logout", {}, token_from="/account")
    login(client, SECOND)
    reviewed = _counts(client)["reviewed"]
    client.post_form(PAGE + "/nagekeken", {"text_id": text_id}, token_from=PAGE)
    assert _counts(client)["reviewed"] == reviewed + 1
    with app.app_context():
        state = db.session.scalar(
            select(TranslationState).where(TranslationState.text_id == text_id)
        )
        assert state is not None and state.status.value == "reviewed"
        db.session.remove()


def test_stuurgroep_texts_round_trip_as_po_and_a_bad_line_refuses_the_file(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    from io import BytesIO

    from babel.messages.pofile import write_po

    login(client, TRANSLATOR)
    text_id, dutch = decision_without_arabic(app)
    exported = client.get(PAGE + "/download/stuurgroep/po")
    assert exported.status_code == 200
    catalog = read_po(BytesIO(exported.data))
    message = next(m for m in catalog if m.context == text_id)
    assert isinstance(message.id, str)
    assert message.id.replace("\n", " ").startswith(dutch.split()[0])
    intro = next(m for m in catalog if m.context == "project:intro")

    def upload(po_catalog: Catalog) -> TestResponse:
        buffer = BytesIO()
        write_po(buffer, po_catalog)
        return client.post_form(
            PAGE + "/inlezen/stuurgroep",
            {"file": (BytesIO(buffer.getvalue()), "stuurgroep-ar.po")},
            token_from=PAGE + "/inlezen/stuurgroep",
            content_type="multipart/form-data",
        )

    message.string = "سبب مترجم من الملف."
    intro.string = "<script>Hello</script> in English"
    refused = upload(catalog)
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "project:intro" in html and "We lazen niets in" in html
    assert "ar" not in _motivation(app, text_id)

    intro.string = ""
    preview = upload(catalog)
    assert preview.status_code == 200
    content = re.search(r'name="content"[^>]*value="([^"]+)"', preview.get_data(as_text=True))
    assert content
    confirmed = client.post_form(
        PAGE + "/inlezen/stuurgroep/bevestigen",
        {"content": content.group(1)},
        token_from=PAGE + "/inlezen/stuurgroep",
    )
    assert confirmed.status_code == 302
    assert _motivation(app, text_id)["ar"] == "سبب مترجم من الملف."
    xliff = client.get(PAGE + "/download/stuurgroep/xliff").get_data(as_text=True)
    assert "سبب مترجم من الملف." in xliff and f'id="{text_id}"' in xliff


def test_the_coordinator_adds_and_removes_a_translator_with_undo(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    page = client.get("/projecten/demo/leden").get_data(as_text=True)
    assert "vertaler@kempenaar.example" in page
    unknown = client.post_form(
        "/projecten/demo/leden/vertaler",
        {"email": "niemand@example.be", "language": "tr"},
        token_from="/projecten/demo/leden",
    )
    assert unknown.status_code == 400 and "geen account" in unknown.get_data(as_text=True)
    added = client.post_form(
        "/projecten/demo/leden/vertaler",
        {"email": "stuurgroep@kempenaar.example", "language": "tr"},
        token_from="/projecten/demo/leden",
    )
    assert added.status_code == 302

    def languages() -> set[str]:
        with app.app_context():
            user = db.session.scalar(
                select(User).where(User.email == "stuurgroep@kempenaar.example")
            )
            assert user is not None
            found = {
                m.language
                for m in db.session.scalars(
                    select(Membership).where(
                        Membership.user_id == user.id, Membership.role == Role.VERTALER
                    )
                )
            }
            public_id = user.public_id
            db.session.remove()
        languages.public_id = public_id  # type: ignore[attr-defined]
        return found

    assert languages() == {"tr"}
    removed = client.post_form(
        "/projecten/demo/leden/vertaler/intrekken",
        {"user": languages.public_id, "language": "tr"},  # type: ignore[attr-defined]
        token_from="/projecten/demo/leden",
    )
    assert removed.status_code == 302
    assert languages() == set()
    assert "Ongedaan maken" in client.get("/projecten/demo/leden").get_data(as_text=True)
    client.post_form("/projecten/demo/leden/ongedaan-maken", {}, token_from="/projecten/demo/leden")
    assert languages() == {"tr"}


def test_saving_the_public_intro_says_which_languages_lack_it(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    saved = client.post_form(
        "/projecten/demo/publieke-uitleg",
        {"intro_nl": "Wat we hoorden.", "intro_ar": "ما سمعناه.", "intro_en": ""},
    )
    assert saved.status_code == 302
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Nog niet vertaald in:" in page
    missing = page.split("Nog niet vertaald in:")[1].split("<")[0]
    assert "Français" in missing and "English" in missing and "العربية" not in missing
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        assert project.public_intro == {"nl": "Wat we hoorden.", "ar": "ما سمعناه."}
        db.session.remove()


def test_a_translation_made_before_the_translator_came_can_be_reviewed(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    login(client, TRANSLATOR)
    html = client.get(PAGE).get_data(as_text=True)
    # The demo's Arabic texts have no state: drafts of unknown origin, open to review.
    found = re.search(
        r'action="/projecten/demo/vertalen/ar/nagekeken">.*?name="text_id" value="([^"]+)"',
        html,
        re.S,
    )
    assert found
    before = _counts(client)
    client.post_form(PAGE + "/nagekeken", {"text_id": found.group(1)}, token_from=PAGE)
    after = _counts(client)
    assert (after["draft"], after["reviewed"]) == (before["draft"] - 1, before["reviewed"] + 1)


def test_a_survey_question_translated_on_the_page_reaches_the_survey(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    from participatie.models import Question, Survey

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        question = next(q for q in survey.questions if q.label.get("nl"))
        text_id = f"survey:{survey.public_id}/question:{question.name}:label"
        question_id, revision = question.id, survey.revision
        db.session.remove()
    login(client, TRANSLATOR)
    assert _save(client, text_id, "سؤال مترجم من جديد؟").status_code == 302
    with app.app_context():
        saved = db.session.get(Question, question_id)
        assert saved is not None and saved.label["ar"] == "سؤال مترجم من جديد؟"
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None and survey.revision == revision + 1  # participants see it
        db.session.remove()
    # Another survey's id, or a made-up one, finds nothing and changes nothing.
    missing = _save(client, "survey:nope/question:x:label", "نص")
    assert missing.status_code == 302
    assert "bestaat niet meer" in client.get(PAGE).get_data(as_text=True)


def test_a_translator_cannot_write_another_projects_text(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from participatie.models import Theme

    add_translators(app)
    with app.app_context():
        decision = db.session.scalar(
            select(Decision)
            .join(Theme)
            .join(Project, Project.id == Theme.project_id)
            .where(Project.slug == "elders")
        )
        assert decision is not None
        text_id = f"decision:{decision.public_id}:reason"
        db.session.remove()
    login(client, TRANSLATOR)
    page = client.get("/projecten/demo/vertalen/ar").get_data(as_text=True)
    assert "Geheim" not in page
    client.post_form(
        "/projecten/demo/vertalen/ar/tekst",
        {"text_id": text_id, "translation": "سبب"},
        token_from="/projecten/demo/vertalen/ar",
    )
    with app.app_context():
        decision = db.session.scalar(
            select(Decision).where(Decision.public_id == text_id.split(":")[1])
        )
        assert decision is not None and "ar" not in decision.motivation
        db.session.remove()
