"""XLSForm language names ("Dutch (nl)", "Arabic (ar)", "Dari (prs)") ↔ our locale codes.

XLSForm names a translation in the column header: `label::Dutch (nl)`. The part in brackets is a
language subtag; we also accept names alone ("Nederlands", "English") and the spellings of Dari
seen in the wild (fa_AF, fa-AF, prs, fa).
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

from participatie.i18n import LANGUAGE_NAMES, normalise_locale

_WITH_CODE = re.compile(
    r"^(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\)\s*$"
)
_CODE_ALONE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2})?$")
# XLSForm's validator knows IANA subtags: fa_AF is not one, prs (Dari) is.
_XLSFORM_CODES = {"fa_AF": "prs"}
_XLSFORM_NAMES = {"fa_AF": "Dari"}


@cache
def _names_to_codes() -> dict[str, str]:
    """Language names in English and in their own words, lower case, → locale code."""
    found: dict[str, str] = {}
    english = Locale("en")
    for code, name in english.languages.items():
        if "_" not in code:
            found.setdefault(name.lower(), code)
    for code, native in LANGUAGE_NAMES.items():
        found[native.lower()] = code
    found.update({"dari": "fa_AF", "flemish": "nl", "vlaams": "nl", "nederlands": "nl"})
    return found


def locale_from_code(code: str) -> str:
    """Our locale for a subtag: a supported one when we can, else the subtag in lower case."""
    supported = normalise_locale(code)
    return supported or code.replace("-", "_").lower()


def language_code(header_language: str, default: str) -> str | None:
    """The locale meant by the language part of a column header, or None when unknown.

    `default` is used for pyxform's "default" (a column without a language).
    """
    text = header_language.strip()
    if not text or text == "default":
        return default
    match = _WITH_CODE.match(text)
    if match:
        return locale_from_code(match.group("code"))
    name = _names_to_codes().get(text.lower())
    if name:
        return normalise_locale(name) or name
    if _CODE_ALONE.match(text):
        return locale_from_code(text)
    return None


def xlsform_language(code: str) -> str:
    """The header name for one of our locales: "Dutch (nl)", "Dari (prs)"."""
    name = _XLSFORM_NAMES.get(code)
    if name is None:
        try:
            name = Locale.parse(code).get_language_name("en") or code
        except (ValueError, UnknownLocaleError):
            name = code
    return f"{name} ({_XLSFORM_CODES.get(code, code)})"
