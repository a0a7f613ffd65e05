"""A stuurgroep text that is not yet in the reader's language, marked and isolated (DESIGN §2).

`marked(text)` renders a Localised text. In the reader's language it is just the text. When it
fell back to Dutch (or another language), it goes inside `<bdi lang="nl" dir="ltr">`, so screen
readers pronounce it as Dutch and its full stop stays at its own end on a right-to-left page,
followed by "(nog niet vertaald)" in the reader's language, outside the isolate.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from markupsafe import Markup, escape

from participatie.content import Localised
from participatie.i18n import html_lang, text_direction


def marked(text: Localised | None) -> Markup:
    if text is None or not text:
        return Markup("")
    if not text.lang:
        return escape(text.text)
    return Markup(
        '<bdi lang="%s" dir="%s" class="untranslated-text">%s</bdi>'
        ' <span class="untranslated">(%s)</span>'
    ) % (html_lang(text.lang), text_direction(text.lang), text.text, _("nog niet vertaald"))


def init_untranslated(app: Flask) -> None:
    app.jinja_env.globals.update(marked=marked)
