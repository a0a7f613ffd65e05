"""Survey content in the participant's language, falling back to the source language per string."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from flask_babel import get_locale
from markupsafe import Markup

from participatie.i18n import SOURCE_LOCALE, html_lang, text_direction


@dataclass(frozen=True)
class Localised:
    text: str
    # Set only when the text is in another language than the page, so the element gets lang=.
    lang: str | None = None

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def attrs(self) -> Markup:
        if not self.lang:
            return Markup("")
        return Markup(' lang="%s" dir="%s"') % (html_lang(self.lang), text_direction(self.lang))


def localise(
    texts: dict[str, str] | None, locale: str | None = None, source: str = SOURCE_LOCALE
) -> Localised:
    texts = texts or {}
    locale = locale or str(get_locale() or SOURCE_LOCALE)
    if texts.get(locale):
        return Localised(texts[locale])
    if texts.get(source):
        return Localised(texts[source], lang=source if source != locale else None)
    for lang, text in texts.items():
        if text:
            return Localised(text, lang=lang if lang != locale else None)
    return Localised("")


def init_content(app: Flask) -> None:
    from participatie.pictograms import icon, sprite
    from participatie.untranslated import init_untranslated

    app.jinja_env.globals.update(loc=localise, sprite=sprite, icon=icon)
    init_labels(app)
    init_untranslated(app)


def init_labels(app: Flask) -> None:
    from participatie import labels

    app.jinja_env.globals.update(
        status_labels=labels.SURVEY_STATUS,
        mode_labels=labels.RESPONSE_MODE,
        group_labels=labels.PARTICIPANT_GROUP,
    )
