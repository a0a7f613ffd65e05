"""Default content in all 13 languages (issue 16 item 2): every survey template, the demo survey,
the focus-group guides, the codebook labels, the template names and the invitations are complete,
with the Dutch placeholders, in each language's script, without "to translate" markers; and the
public page names each levensdomein with the survey's own words, in every language.

The same checks run in `python scripts/i18n.py check` (scripts/content_i18n.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from markupsafe import escape

from participatie.demo.survey import DEMO_SURVEY
from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import CodeKind
from participatie.surveys.catalogue import TEMPLATE_KEYS, domain_options, template_definition
from participatie.surveys.offered import candidate_languages
from tests.conftest import PageCheckingClient
from tests.i18n import content, i18n
from tests.surveys.helpers import as_coordinator, new_survey, publish, survey_code, survey_row

DESIGNED = ("nl", "fr", "en", "ar", "tr", "pl", "ro", "bg", "uk", "ru", "so", "ti", "fa_AF")
SOURCES = [*content.data_sources(), *content.GETTEXT_SOURCES]
HOW = "Every check at once: python scripts/content_i18n.py check (also in scripts/i18n.py check)"


def test_every_template_and_the_demo_survey_are_checked() -> None:
    names = set(content.data_sources())
    assert {f"template {key}" for key in TEMPLATE_KEYS} <= names
    assert "demo survey" in names
    assert set(SUPPORTED_LOCALES) == set(DESIGNED)


@pytest.mark.parametrize("source", SOURCES)
def test_default_content_is_complete_in_every_language(source: str) -> None:
    sources = content.data_sources()
    allowlist = i18n.load_allowlist()
    if source in sources:
        problems = content.data_problems(source, sources[source], allowlist)
    else:
        problems = content.gettext_problems(
            source, content.GETTEXT_SOURCES[source], allowlist=allowlist
        )
    assert not problems, "\n".join([*problems, HOW])


def test_counts_print_a_full_row_per_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert content.main(["counts"]) == 0
    rows = [line.split("|")[1:-1] for line in capsys.readouterr().out.splitlines()[2:]]
    assert [row[0].strip() for row in rows] == SOURCES
    for row in rows:
        total = row[1].strip()
        assert [cell.strip() for cell in row[2:]] == [total] * len(DESIGNED), row


def _mapping(**changes: str) -> dict[str, str]:
    """A real text of the drempels template (with {onderwerp}), with some languages changed."""
    raw = json.loads((content.PACKAGE / "surveys" / "templates" / "drempels.json").read_text())
    texts: dict[str, str] = next(
        q["label"] for q in raw["questions"] if q["name"] == "betaalbaarheid"
    )
    return {**texts, **changes}


def _problems(tmp_path: Path, mapping: dict[str, Any]) -> list[str]:
    path = tmp_path / "survey.json"
    path.write_text(json.dumps({"title": mapping}, ensure_ascii=False), "utf-8")
    problems: list[str] = content.data_problems("test", path, i18n.load_allowlist())
    return problems


def test_the_check_passes_a_complete_text(tmp_path: Path) -> None:
    assert _problems(tmp_path, _mapping()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"ti": ""}, "[ti]: missing"),
        ({"fr": "Peux-tu payer le service ?"}, "[fr]: placeholders []"),
        ({"pl": "{onderwerp}: {onderwerp}?"}, "[pl]: placeholders"),
        ({"ar": "Kun je {onderwerp} betalen?"}, "[ar]: only 0 of"),
        ({"ti": "Can you pay for {onderwerp}?"}, "Ethi script"),
        ({"fa_AF": "Можешь платить за {onderwerp}?"}, "Arab script"),
        ({"so": "Nog te vertalen: {onderwerp}"}, "[so]: still marked as not translated"),
        ({"en": "TODO {onderwerp}"}, "[en]: still marked as not translated"),
        ({"ro": "Kun je {onderwerp} betalen?"}, "[ro]: the same as the Dutch"),
        ({"de": "Kannst du {onderwerp} bezahlen?"}, "'de' is not a supported language"),
    ],
)
def test_the_check_finds_what_is_wrong(
    tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    problems = _problems(tmp_path, _mapping(**change))
    assert any(expected in problem for problem in problems), problems


def _domain_words(survey: dict[str, Any]) -> dict[str, dict[str, str]]:
    question = next(q for q in survey["questions"] if q.get("appearance") == "domains")
    return {option["name"]: option["label"] for option in question["options"]}


def test_the_demo_and_the_template_use_the_same_domain_words_in_every_language() -> None:
    template = {option["name"]: option["label"] for option in domain_options()}
    assert _domain_words(DEMO_SURVEY) == template
    for labels in template.values():
        assert set(labels) == set(SUPPORTED_LOCALES)


def test_the_public_codebook_labels_are_the_survey_words(app_ctx: Flask) -> None:
    from participatie.report.participants import default_labels

    labels = default_labels()
    assert labels[CodeKind.DOMAIN] == {o["name"]: o["label"] for o in domain_options()}
    assert labels[CodeKind.DOMAIN]["mobiliteit"]["nl"] == "Vervoer"
    for kind in (CodeKind.BARRIER, CodeKind.KIND):
        for key, texts in labels[kind].items():
            assert set(texts) == set(SUPPORTED_LOCALES), key
            assert texts["ar"] != texts["nl"] and texts["ti"] != texts["nl"], key


@pytest.mark.parametrize("language", DESIGNED)
def test_the_public_page_names_domains_as_the_survey_does(
    client: PageCheckingClient, demo: None, language: str
) -> None:
    heard = client.get(f"/p/demo.json?lang={language}").get_json()["heard"]
    assert heard, "the demo release hears some domains"
    page = client.get(f"/p/demo?lang={language}").get_data(as_text=True)
    words = _domain_words(DEMO_SURVEY)
    # The heard list is the first <ol>: one item per domain, "label: count".
    items = re.findall(r"<li>(.*?)</li>", page.split("<ol>", 1)[1].split("</ol>", 1)[0])
    shown = [re.sub(r"<[^>]+>", "", item).rsplit(":", 1)[0] for item in items]
    assert shown == [str(escape(words[row["domain"]][language])) for row in heard]
    if language != "nl":
        assert not any('lang="nl"' in item for item in items), items
    if language == "nl":
        for coordinator_word in ("Mobiliteit", "Inkomen en schulden", "Sociaal netwerk"):
            assert coordinator_word not in page


def _offered_on_welcome(app: Flask, code: str) -> tuple[list[str], bool]:
    """The languages a Tigrinya-speaking parent is offered, and whether they are told there is
    no Tigrinya."""
    page = app.test_client().get(f"/s/{code}?lang=ti").get_data(as_text=True)
    offered = re.findall(
        r'hreflang="([^"]+)"', page.split('<ul class="langs">', 1)[1].split("</ul>")[0]
    )
    return offered, 'id="no-content-in-language"' in page


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_a_survey_from_a_template_is_offered_in_every_language(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    key: str,
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, title="", start=key)
    assert publish(client, survey_id).status_code == 302
    offered, told = _offered_on_welcome(app, survey_code(app, survey_id))
    assert offered == [
        code.replace("_", "-") for code in candidate_languages(["nl", "fr", "en", "ar", "tr", "uk"])
    ]
    assert len(offered) == 13 and not told


def test_a_title_of_ones_own_waits_for_its_translations(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
) -> None:
    """The template's translated titles are not translations of the coordinator's title."""
    as_coordinator(client)
    survey_id = new_survey(client, title="Hoe gaat het in de huiswerkklas?", start="levensdomeinen")
    assert publish(client, survey_id).status_code == 302
    assert survey_row(app, survey_id).title == {"nl": "Hoe gaat het in de huiswerkklas?"}
    assert _offered_on_welcome(app, survey_code(app, survey_id)) == (["nl"], True)


def test_without_a_subject_each_language_names_the_service_in_its_own_words() -> None:
    title = template_definition("drempels")["title"]
    assert title["nl"] == "Wat vind jij van de dienst?"
    assert title["fr"] == "Que penses-tu de ce service ?"
    assert title["pl"].startswith("Ta usługa: ")  # opens with the subject: a capital
    assert "እዚ ኣገልግሎት" in title["ti"] and "الخدمة" in title["ar"]
    named = template_definition("drempels", "de huiswerkklas")["title"]
    assert all("de huiswerkklas" in text.lower() for text in named.values()), named
    assert not any("{onderwerp}" in text for text in named.values())
