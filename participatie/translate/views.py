"""What the translator's pages show: languages named in the reader's own language."""

from __future__ import annotations

from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from flask import abort
from flask_babel import get_locale
from flask_login import current_user

from participatie.i18n import LANGUAGE_NAMES, SOURCE_LOCALE
from participatie.models import Project, Role


def language_label(code: str) -> str:
    """ "Arabisch" on a Dutch page, "Arabic" on an English one; the language's own name if
    Babel has none."""
    names: Mapping[str, str]
    try:
        names = Locale.parse(str(get_locale() or SOURCE_LOCALE)).languages
    except (UnknownLocaleError, ValueError):
        names = {}
    return names.get(code) or names.get(code.split("_")[0]) or LANGUAGE_NAMES.get(code, code)


def is_coordinator(project: Project) -> bool:
    return bool(current_user.has_role(project.id, Role.COORDINATOR))


def my_languages(project: Project) -> list[str]:
    """The languages this person may translate into: all but Dutch for the coordinator."""
    mine = current_user.translator_languages(project.id)
    return [
        code
        for code in project.languages
        if code != SOURCE_LOCALE and (is_coordinator(project) or code in mine)
    ]


def allowed_language(project: Project, lang: str) -> str:
    """404 for a language the project does not have; 403 for one that is not this person's."""
    if lang not in project.languages or lang == SOURCE_LOCALE:
        abort(404)
    if lang not in my_languages(project):
        abort(403)
    return lang
