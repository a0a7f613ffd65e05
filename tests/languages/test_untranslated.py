"""Dutch marked and isolated (issue 16 item 3): on /p/demo?lang=ar every stuurgroep text that is
still Dutch sits in <bdi lang="nl" dir="ltr"> followed by "nog niet vertaald" in Arabic, and
/p/demo.json?lang=ar says "lang": "nl" for exactly those texts."""

from __future__ import annotations

from typing import Any

import lxml.html
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Action, Decision, Goal, Indicator, Project, Theme
from tests.conftest import PageCheckingClient

STUURGROEP_TEXTS = [
    (Theme, "title"),
    (Decision, "motivation"),
    (Action, "title"),
    (Indicator, "name"),
    (Goal, "title"),
    (Project, "public_intro"),
]


def _still_dutch(app: Flask, lang: str) -> tuple[set[str], set[str]]:
    """(texts only in Dutch, texts translated into `lang`) over the stuurgroep's texts."""
    dutch, translated = set(), set()
    with app.app_context():
        for model, attribute in STUURGROEP_TEXTS:
            for texts in db.session.scalars(select(getattr(model, attribute))):
                if not texts or not texts.get("nl"):
                    continue
                if texts.get(lang):
                    translated.add(texts[lang].strip())
                else:
                    dutch.add(texts["nl"].strip())
        db.session.remove()
    return dutch, translated


def _walk_json(value: Any, found: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        lang = value.get("lang")
        for key in ("title", "reason", "name", "text"):
            if isinstance(value.get(key), str) and isinstance(lang, str):
                found.append((value[key].strip(), lang))
        for item in value.values():
            _walk_json(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_json(item, found)


def test_dutch_texts_on_the_arabic_public_page_are_marked_isolated_and_labelled(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    dutch, translated = _still_dutch(app, "ar")
    page = client.get("/p/demo?lang=ar")
    assert page.status_code == 200
    tree = lxml.html.fromstring(page.get_data(as_text=True))
    main = tree.xpath("//main")[0]
    shown = 0
    for element in main.iter():
        for text in (element.text, element.tail):
            text = (text or "").strip().rstrip(".")
            if not text or text not in {d.rstrip(".") for d in dutch}:
                continue
            # .tail belongs to the parent's content: only .text can be inside the bdi.
            assert text == (element.text or "").strip().rstrip("."), text
            assert element.tag == "bdi", (element.tag, text)
            assert element.get("lang") == "nl" and element.get("dir") == "ltr", text
            label = element.getnext()
            assert label is not None and label.get("class") == "untranslated", text
            assert "لم" in label.text_content() or "ترجم" in label.text_content(), label
            shown += 1
    assert shown >= 3, shown  # the demo's intro, decisions and actions are partly Dutch

    data = client.get("/p/demo.json?lang=ar").get_json()
    found: list[tuple[str, str]] = []
    _walk_json(data, found)
    marked_dutch = {text for text, lang in found if lang == "nl"}
    in_arabic = {text for text, lang in found if lang == "ar"}
    assert marked_dutch and marked_dutch <= dutch, marked_dutch - dutch
    assert not (in_arabic & dutch)
    # Every Dutch text the page showed is in the JSON as Dutch (the JSON has no heard labels).
    page_dutch = {(b.text or "").strip() for b in main.iter("bdi") if b.get("lang") == "nl"}
    assert page_dutch <= marked_dutch, page_dutch - marked_dutch
    assert translated  # the demo has Arabic translations too, shown without a mark


def test_saving_a_decision_says_which_languages_lack_its_reason(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    from tests.conftest import login

    login(client, "stuurgroep@kempenaar.example")
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        theme = db.session.scalars(select(Theme).where(Theme.project_id == project.id)).first()
        assert theme is not None
        theme_id, languages = theme.public_id, list(project.languages)
        db.session.remove()
    assert "fr" in languages and "ar" in languages
    saved = client.post_form(
        f"/projecten/demo/beslissingen/{theme_id}/nieuw",
        {"outcome": "later", "motivation_nl": "Eerst de brieven.", "motivation_fr": "D'abord."},
    )
    assert saved.status_code == 302
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    line = next(x for x in page.splitlines() if "Nog niet vertaald in:" in x)
    assert "العربية" in line and "Français" not in line
