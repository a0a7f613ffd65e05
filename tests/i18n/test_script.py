"""scripts/i18n.py: its checks catch what they should, and extraction matches Flask-Babel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from flask import Flask, render_template_string
from flask_babel import Babel

from tests.i18n import i18n

ALLOW = i18n.Allowlist(names=("OCMW", "Huis van het Kind"), same={"en": frozenset({"Code"})})


def problems(locale: str, msgid: str | tuple[str, str], msgstr: str | tuple[str, ...]) -> list[str]:
    catalog = Catalog(locale=locale)
    message = Message(msgid, msgstr, flags=["python-format"] if "%" in str(msgid) else [])
    return i18n.translation_problems(locale, message, catalog, ALLOW)


@pytest.mark.parametrize(
    ("locale", "msgid", "msgstr"),
    [
        ("fr", "Vraag %(number)s van %(total)s", "Question %(number)s sur %(total)s"),
        ("ar", "Bel het OCMW.", "اتصل بـ OCMW."),
        ("ar", "Bijvoorbeeld: KM7P-4XRT", "مثلًا: KM7P-4XRT"),
        ("ar", "Ga naar het Huis van het Kind.", "اذهب إلى Huis van het Kind."),
        ("ti", "Bedankt!", "የቐንየልና!"),
        ("ru", 'Lees <a href="%(url)s">hier</a>.', 'Читайте <a href="%(url)s">здесь</a>.'),
        ("en", '<abbr title="Openbaar">OCMW</abbr>', '<abbr title="Public">OCMW</abbr>'),
        ("fr", "100%% zeker", "sûr à 100%%"),
    ],
)
def test_good_translations_pass(locale: str, msgid: str, msgstr: str) -> None:
    assert problems(locale, msgid, msgstr) == []


@pytest.mark.parametrize(
    ("locale", "msgid", "msgstr", "expected"),
    [
        ("fr", "Taal: %(language)s", "Langue : %(langue)s", "placeholders"),
        ("fr", "Taal: %(language)s", "Langue", "placeholders"),
        ("fr", "Vraag %s van %s", "Question %s", "placeholders"),
        ("en", "Hallo {name}", "Hello {naam}", "placeholders"),
        ("fr", "Taal: %(language)s", "Langue à 50 %(language)s %", "bare %"),
        ("en", "Lees dit.", 'Read <script src="x"></script>this.', "HTML tags"),
        ("en", 'Lees <a href="%(url)s">hier</a>.', "Read here.", "HTML tags"),
        ("en", 'Lees <a href="%(url)s">dit</a>.', 'Read <a href="//x">%(url)s</a>.', "HTML tags"),
        ("ar", "Verder", "Continue", "Arab script"),
        ("ru", "Verder", "Dalee", "Cyrl script"),
        ("ti", "Verder", "ቀጽሉ Continue now please", "Ethi script"),
        ("pl", "Verder", "Далее", "Latn script"),
        ("fr", "Verder\n", "Suivant", "newline"),
    ],
)
def test_bad_translations_are_caught(locale: str, msgid: str, msgstr: str, expected: str) -> None:
    found = problems(locale, msgid, msgstr)
    assert any(expected in p for p in found), found


def test_arabic_plurals_may_drop_the_count_only_in_forms_for_one_number() -> None:
    msgid = ("%(num)d antwoord", "%(num)d antwoorden")
    forms = (
        "لا إجابات",
        "إجابة واحدة",
        "إجابتان",
        "%(num)d إجابات",
        "%(num)d إجابة",
        "%(num)d إجابة",
    )
    assert problems("ar", msgid, forms) == []
    without_count_for_many = (*forms[:4], "إجابة", forms[5])
    assert any(
        "msgstr[4] has placeholders" in p for p in problems("ar", msgid, without_count_for_many)
    )
    assert any("fills 5 of 6" in p for p in problems("ar", msgid, forms[:5]))


def test_russian_singular_form_keeps_the_count_because_it_serves_21_too() -> None:
    msgid = ("%(num)d antwoord", "%(num)d antwoorden")
    assert problems("ru", msgid, ("%(num)d ответ", "%(num)d ответа", "%(num)d ответов")) == []
    found = problems("ru", msgid, ("один ответ", "%(num)d ответа", "%(num)d ответов"))
    assert any("msgstr[0] has placeholders" in p for p in found), found


def test_english_singular_may_say_one_in_words() -> None:
    msgid = ("%(num)d antwoord", "%(num)d antwoorden")
    assert problems("en", msgid, ("one answer", "%(num)d answers")) == []


def test_identical_msgstr_counts_as_untranslated_except_for_dutch_and_the_allowlist() -> None:
    def untranslated(locale: str, msgid: str, msgstr: str) -> bool:
        return i18n.is_untranslated(locale, Message(msgid, msgstr), ALLOW)

    assert untranslated("fr", "Verder", "Verder")
    assert not untranslated("nl", "Verder", "Verder")
    assert not untranslated("en", "Code", "Code")
    assert untranslated("fr", "Code", "Code")
    assert not untranslated("ar", "OCMW", "OCMW")
    assert untranslated("fr", "Verder", "")
    assert not untranslated("fr", "Verder", "Suivant")
    assert i18n.is_untranslated("fr", Message("Verder", "Suivant", flags=["fuzzy"]), ALLOW)


def test_the_allowlist_file_reads_names_and_per_locale_words(tmp_path: Path) -> None:
    path = tmp_path / "allowlist.txt"
    path.write_text("# comment\nOCMW\nKind en Gezin\n\nen: Code\n*: Menu\n", encoding="utf-8")
    allow = i18n.load_allowlist(path)
    assert allow.names == ("Kind en Gezin", "OCMW")
    assert allow.allows_same("en", "Code") and not allow.allows_same("fr", "Code")
    assert allow.allows_same("ti", "Menu") and allow.allows_same("so", "OCMW")


def _template(*messages: str | tuple[str, str]) -> Catalog:
    template = Catalog(fuzzy=False)
    for msgid in messages:
        template.add(msgid)
    return template


def test_update_missing_and_fill_round_trip(tmp_path: Path) -> None:
    template = _template("Verder", "Taal: %(language)s", ("%(num)d antwoord", "%(num)d antwoorden"))
    for locale in ("nl", "ar"):
        i18n.update(locale, template, root=tmp_path)
    nl = i18n.read_catalog(i18n.po_path("nl", tmp_path), "nl")
    assert nl.get("Verder").string == "Verder"  # Dutch repeats its msgids
    assert nl.get("%(num)d antwoord").string == ("%(num)d antwoord", "%(num)d antwoorden")

    todo = i18n.missing("ar", root=tmp_path)
    assert [entry["msgid"] for entry in todo] == [
        "%(num)d antwoord",
        "Taal: %(language)s",
        "Verder",
    ]
    plural = todo[0]
    assert plural["msgid_plural"] == "%(num)d antwoorden" and "nplurals=6" in plural["plural_forms"]

    bad = [
        json.dumps({"msgid": "Verder", "msgstr": "التالي"}),
        json.dumps({"msgid": "Taal: %(language)s", "msgstr": "اللغة"}),  # placeholder lost
        json.dumps({"msgid": "Onbekend", "msgstr": "؟"}),
    ]
    count, found = i18n.fill("ar", bad, root=tmp_path)
    assert count == 0 and len(found) == 2, found
    assert i18n.read_catalog(i18n.po_path("ar", tmp_path), "ar").get("Verder").string == ""

    forms = [
        "لا إجابات",
        "إجابة واحدة",
        "إجابتان",
        "%(num)d إجابات",
        "%(num)d إجابة",
        "%(num)d إجابة",
    ]
    good = [
        json.dumps({"msgid": "Verder", "msgstr": "التالي"}),
        json.dumps({"msgid": "Taal: %(language)s", "msgstr": "اللغة: %(language)s"}),
        json.dumps({"msgid": "%(num)d antwoord", "msgstr_plural": forms}, ensure_ascii=False),
    ]
    assert i18n.fill("ar", good, root=tmp_path) == (3, [])
    assert i18n.missing("ar", root=tmp_path) == []
    assert i18n.catalogue_problems("ar", template, root=tmp_path, allowlist=ALLOW) == []

    template.add("Nieuw")
    i18n.update("ar", template, root=tmp_path)
    assert [entry["msgid"] for entry in i18n.missing("ar", root=tmp_path)] == ["Nieuw"]
    assert any("not translated" in p for p in i18n.catalogue_problems("ar", template, tmp_path))


def test_update_never_guesses_a_translation_from_a_similar_string(tmp_path: Path) -> None:
    i18n.update("fr", _template("Vul je code in."), root=tmp_path)
    assert i18n.fill(
        "fr",
        [json.dumps({"msgid": "Vul je code in.", "msgstr": "Écrivez votre code."})],
        root=tmp_path,
    ) == (1, [])
    i18n.update("fr", _template("Vul je code hier in."), root=tmp_path)
    catalog = i18n.read_catalog(i18n.po_path("fr", tmp_path), "fr")
    message = catalog.get("Vul je code hier in.")
    assert message.string == "" and not message.fuzzy
    (entry,) = i18n.missing("fr", root=tmp_path)
    assert entry["previous"] == {"msgid": "Vul je code in.", "msgstr": "Écrivez votre code."}


def test_status_file_needs_a_row_and_a_review_state_per_locale(tmp_path: Path) -> None:
    path = tmp_path / "STATUS.md"
    rows = [
        f"| {loc} | x | LLM draft | needs native-speaker review | — |"
        for loc in i18n.SUPPORTED_LOCALES
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert any("nl:" in p for p in i18n.status_problems(path))  # nl is the source language
    rows[0] = "| nl | Nederlands | source | source language | — |"
    rows[1] = f"| {i18n.SUPPORTED_LOCALES[1]} | x | LLM draft | reviewed | — |"
    path.write_text("\n".join(rows), encoding="utf-8")
    assert [p for p in i18n.status_problems(path)] == [
        f"STATUS.md: {i18n.SUPPORTED_LOCALES[1]}: reviewed by whom?"
    ]


TEMPLATE = """\
{% trans trimmed count=n %}
  Je gaf {{ count }} antwoord.
{% pluralize %}
  Je gaf {{ count }} antwoorden.
{% endtrans %}|{% trans %}Nog 50% te gaan{% endtrans %}|{{ _("Taal: %(language)s", language="ar") }}"""


def test_extraction_of_templates_matches_what_flask_babel_looks_up(tmp_path: Path) -> None:
    """babel.cfg + the script's Jinja options give the msgids Flask-Babel asks for at runtime:
    {% trans trimmed %}, {% pluralize %}, and a literal % (newstyle gettext escapes it)."""
    templates = tmp_path / "participatie" / "templates"
    templates.mkdir(parents=True)
    (templates / "example.html").write_text(TEMPLATE, encoding="utf-8")
    template = i18n.extract(root=tmp_path, mapping=i18n.MAPPING)
    ids = {m.id for m in template if m.id}
    assert ids == {
        ("Je gaf %(count)s antwoord.", "Je gaf %(count)s antwoorden."),
        "Nog 50%% te gaan",
        "Taal: %(language)s",
    }

    catalog = Catalog(locale="ar", fuzzy=False)
    catalog.add(
        ("Je gaf %(count)s antwoord.", "Je gaf %(count)s antwoorden."),
        (
            "لم تعطِ أي إجابة.",
            "أعطيت إجابة واحدة.",
            "أعطيت إجابتين.",
            "أعطيت %(count)s إجابات.",
            "أعطيت %(count)s إجابة.",
            "أعطيت %(count)s إجابة.",
        ),
    )
    catalog.add("Nog 50%% te gaan", "بقي 50%% فقط")
    catalog.add("Taal: %(language)s", "اللغة: %(language)s")
    assert i18n.compile_problems(catalog) == []
    mo = tmp_path / "translations" / "ar" / "LC_MESSAGES" / "messages.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as f:
        write_mo(f, catalog)

    app = Flask(__name__)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(tmp_path / "translations")
    Babel(app, locale_selector=lambda: "ar")
    with app.test_request_context():
        rendered = {n: render_template_string(TEMPLATE, n=n) for n in (0, 1, 2, 3, 11, 102)}
    assert rendered[0].startswith("لم تعطِ أي إجابة.|بقي 50% فقط|اللغة: ar")
    assert rendered[1].startswith("أعطيت إجابة واحدة.")
    assert rendered[2].startswith("أعطيت إجابتين.")
    assert rendered[3].startswith("أعطيت 3 إجابات.")
    assert rendered[11].startswith("أعطيت 11 إجابة.")
    assert rendered[102].startswith("أعطيت 102 إجابة.")


def test_text_direction_agrees_with_babel_for_every_locale() -> None:
    # i18n.text_direction keeps its own table so that workers need not load CLDR records.
    from babel import Locale, localedata

    from participatie.i18n import text_direction

    wrong = [
        code
        for code in localedata.locale_identifiers()
        if text_direction(code) != Locale.parse(code).text_direction
    ]
    assert wrong == []
    assert text_direction("fa-AF") == "rtl" and text_direction("ti") == "ltr"


def test_every_language_writes_small_numbers_in_plain_digits() -> None:
    # The question page writes "Vraag 3 van 7" without Babel's number formatting (memory).
    from babel.numbers import format_decimal

    from participatie.i18n import SUPPORTED_LOCALES

    assert {
        (code, n)
        for code in SUPPORTED_LOCALES
        for n in range(1, 201)
        if format_decimal(n, locale=code) != str(n)
    } == set()
