"""Translated labels of the default codebook's codes, for every UI language.

Why gettext and not the database: the default codes are the same in every project, so their
labels belong in the UI catalogue, where the translator pass covers all 13 languages at once. A
project that renames a code stores its own label per language in `Code.label`; that wins (see
`code_label`). The Dutch strings here are the labels of DESIGN.md §3 (`codebook.DEFAULT_CODEBOOK`).
"""

from __future__ import annotations

from functools import cache
from typing import Final

from flask_babel import force_locale, get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import Code

DEFAULT_LABELS: Final[dict[str, LazyString]] = {
    # Levensdomeinen
    "inkomen": _l("Inkomen en schulden"),
    "werk": _l("Werk en opleiding"),
    "wonen": _l("Wonen en energie"),
    "gezondheid": _l("Gezondheid"),
    "onderwijs": _l("Onderwijs"),
    "gezin": _l("Gezin, opvoeding en kinderopvang"),
    "vrije_tijd": _l("Vrije tijd, cultuur en sport"),
    "mobiliteit": _l("Mobiliteit"),
    "hulpverlening": _l("Hulp, diensten en rechten"),
    "participatie": _l("Sociaal netwerk en inspraak"),
    # Drempels: de zeven B's
    "betaalbaarheid": _l("Betaalbaarheid"),
    "beschikbaarheid": _l("Beschikbaarheid"),
    "bereikbaarheid": _l("Bereikbaarheid"),
    "bruikbaarheid": _l("Bruikbaarheid"),
    "bekendheid": _l("Bekendheid"),
    "begrijpbaarheid": _l("Begrijpbaarheid"),
    "betrouwbaarheid": _l("Betrouwbaarheid"),
    # Soort uitspraak
    "knelpunt": _l("Knelpunt"),
    "kracht": _l("Kracht"),
    "droom": _l("Droom"),
}

KIND_HEADINGS: Final[dict[str, LazyString]] = {
    "domain": _l("Levensdomeinen"),
    "barrier": _l("Drempels"),
    "kind": _l("Soort uitspraak"),
}


def code_label(code: Code, locale: str | None = None) -> str:
    """The label of `code` in `locale` (the page's language by default).

    Order: the project's own label in that language, the translated default label of a default
    code, the project's Dutch label, any label it has, and the key as a last resort.
    """
    current = str(get_locale() or "nl")
    locale = locale or current
    labels = code.label or {}
    if labels.get(locale):
        return labels[locale]
    if code.parent_id is None and code.key in DEFAULT_LABELS:
        if locale == current:
            return str(DEFAULT_LABELS[code.key])
        with force_locale(locale):
            return str(DEFAULT_LABELS[code.key])
    for text in (labels.get("nl"), *labels.values()):
        if text:
            return text
    return code.key


@cache
def catalogue_labels(key: str) -> dict[str, str]:
    """The default label of a default code in every UI language ({} for another key).

    Kept for the life of the process (switching locale 13 times costs milliseconds per code, on
    every results page): the compiled catalogues do not change while it runs. Call it inside an
    application context, as every page and command is.
    """
    if key not in DEFAULT_LABELS:
        return {}
    labels = {}
    for locale in SUPPORTED_LOCALES:
        with force_locale(locale):
            labels[locale] = str(DEFAULT_LABELS[key])
    return labels
