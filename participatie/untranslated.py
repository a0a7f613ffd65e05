"""A stuurgroep text that is not yet in the reader's language, marked and isolated (DESIGN §2).

`marked(text)` renders a Localised text. In the reader's language it is just the text. When it
fell back to Dutch (or another language), it goes inside `<bdi lang="nl" dir="ltr">`, so screen
readers pronounce it as Dutch and its full stop stays at its own end on a right-to-left page,
followed by "(nog niet vertaald)" in the reader's language, outside the isolate.
"""

from __future__ import annotations

from flask import Flask, flash
from flask_babel import gettext as _
from markupsafe import Markup

from participatie.content import Localised
from participatie.i18n import LANGUAGE_NAMES, SOURCE_LOCALE, html_lang, text_direction
from participatie.models import Project


def marked(text: Localised | None) -> Markup:
    if text is None or not text:
        return Markup("")
    if not text.lang:
        return Markup("<span>%s</span>") % text.text
    return Markup(
        '<bdi lang="%s" dir="%s" class="untranslated-text">%s</bdi>'
        ' <span class="untranslated">(%s)</span>'
    ) % (html_lang(text.lang), text_direction(text.lang), text.text, _("nog niet vertaald"))


def init_untranslated(app: Flask) -> None:
    app.jinja_env.globals.update(marked=marked)


def missing_languages(languages: list[str], texts: dict[str, str]) -> list[str]:
    """The project's languages in which a text with a Dutch source has no translation yet."""
    if not (texts.get(SOURCE_LOCALE) or "").strip():
        return []
    return [
        code for code in languages if code != SOURCE_LOCALE and not (texts.get(code) or "").strip()
    ]


def saved_stuurgroep_text(project: Project, owner: object, attribute: str) -> None:
    """After a coordinator's form saved a stuurgroep text: say which languages still lack it, and
    remember which Dutch text the translations typed there were made from (translating/state)."""
    from flask_login import current_user

    from participatie.translating.state import note_saved
    from participatie.translating.stuurgroep import text_id_for

    texts: dict[str, str] = getattr(owner, attribute) or {}
    flash_missing_languages(project.languages, texts)
    text_id = text_id_for(owner)
    if text_id is not None:
        user_id = current_user.id if current_user.is_authenticated else None
        note_saved(project, text_id, texts, user_id)


def flash_missing_languages(languages: list[str], texts: dict[str, str]) -> None:
    """After saving a stuurgroep text: say which of the project's languages still lack it."""
    missing = missing_languages(languages, texts)
    if missing:
        names = ", ".join(LANGUAGE_NAMES.get(code, code) for code in missing)
        flash(_("Nog niet vertaald in: %(languages)s.", languages=names), "info")
