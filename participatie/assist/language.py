"""Two languages on one screen: the parent's, and the volunteer's own.

A volunteer's pages follow the volunteer's language (the session's choice). What the parent reads
is rendered in the language chosen for that parent, without touching the volunteer's session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import render_template
from flask_babel import force_locale, get_locale
from markupsafe import Markup

from participatie.i18n import SOURCE_LOCALE, html_lang, text_direction


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """gettext, loc() and <html lang dir> in `language` for the duration."""
    with force_locale(language):
        yield


def render_in(language: str, template: str, **context: Any) -> Markup:
    """A fragment in the parent's language, wrapped so screen readers and fonts know it."""
    with in_language(language):
        body = render_template(template, **context)
    return Markup('<div class="parent-text" lang="%s" dir="%s">%s</div>') % (
        html_lang(language),
        text_direction(language),
        Markup(body),  # noqa: S704  (our own template, rendered with autoescaping)
    )


def volunteer_language() -> str:
    """The volunteer's own language; call it outside `in_language`."""
    return str(get_locale() or SOURCE_LOCALE)


def render_own(template: str, **context: Any) -> Markup:
    """A fragment in the volunteer's language, for a page otherwise in the parent's.

    Call it before entering `in_language`: outside it, gettext speaks the volunteer's language.
    """
    language = volunteer_language()
    body = render_template(template, **context)
    return Markup('<div class="volunteer-text" lang="%s" dir="%s">%s</div>') % (
        html_lang(language),
        text_direction(language),
        Markup(body),  # noqa: S704  (our own template, rendered with autoescaping)
    )
