"""The translation catalogues are complete, correct and compile (STYLE.md items 7-9).

Each failure names the strings and what to run; translations/README.md has the workflow.
"""

from __future__ import annotations

import pytest
from babel import Locale
from babel.core import get_global, parse_locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural

from tests.i18n import i18n

LOCALES = i18n.SUPPORTED_LOCALES
# DESIGN.md §7: UI catalogues 100% translated for these.
DESIGNED = ("nl", "fr", "en", "ar", "tr", "pl", "ro", "bg", "uk", "ru", "so", "ti", "fa_AF")
HOW = "Workflow: translations/README.md; every check at once: python scripts/i18n.py check"


@pytest.fixture(scope="module")
def template() -> Catalog:
    catalog: Catalog = i18n.read_catalog(i18n.POT)
    return catalog


def report(problems: list[str]) -> str:
    return "\n".join([*problems, HOW])


def test_the_designed_locales_are_supported() -> None:
    assert sorted(LOCALES) == sorted(DESIGNED)


def test_the_script_table_agrees_with_cldr() -> None:
    likely = get_global("likely_subtags")
    for locale in LOCALES:
        language = Locale.parse(locale).language
        script = parse_locale(likely[language])[2]
        assert script == i18n.script_of(locale), locale


def test_the_pot_is_up_to_date_with_the_code() -> None:
    problems = i18n.pot_problems(i18n.extract())
    assert not problems, report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale: str, template: Catalog) -> None:
    """Every POT message, none left over, no fuzzy, no msgstr that merely repeats the msgid."""
    problems = i18n.catalogue_problems(locale, template, kinds=["complete"])
    assert not problems, report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_are_written_in_the_script_of_the_locale(
    locale: str, template: Catalog
) -> None:
    problems = i18n.catalogue_problems(locale, template, kinds=["script"])
    assert not problems, report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match_the_msgid(locale: str, template: Catalog) -> None:
    problems = i18n.catalogue_problems(locale, template, kinds=["placeholders", "newlines"])
    assert not problems, report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_translation_adds_or_drops_html_tags(locale: str, template: Catalog) -> None:
    problems = i18n.catalogue_problems(locale, template, kinds=["html"])
    assert not problems, report(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_forms_are_babels_and_all_filled_in(locale: str, template: Catalog) -> None:
    catalog = i18n.read_catalog(i18n.po_path(locale), locale)
    assert catalog.num_plurals == get_plural(locale).num_plurals
    problems = i18n.catalogue_problems(locale, template, kinds=["plurals"])
    assert not problems, report(problems)


def test_arabic_has_six_plural_forms() -> None:
    assert i18n.read_catalog(i18n.po_path("ar"), "ar").num_plurals == 6


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_compiles_without_warnings(locale: str, template: Catalog) -> None:
    problems = i18n.catalogue_problems(locale, template, kinds=["compile"])
    assert not problems, report(problems)


def test_status_names_how_each_catalogue_was_made_and_its_review_state() -> None:
    problems = i18n.status_problems()
    assert not problems, report(problems)
