"""XLSForm language names ("Dutch (nl)", "Arabic (ar)", "Dari (prs)") ↔ our locale codes.

XLSForm names a translation in the column header: `label::Dutch (nl)`. The part in brackets is a
language subtag; we also accept names alone, as older forms write them, in English, in the
language itself or in one of the languages our coordinators use ("English", "Engels", "Anglais",
"العربية", "Türkçe": Babel's CLDR names), and the spellings of Dari seen in the wild (fa_AF,
fa-AF, prs, fa). A name we cannot place is asked of the coordinator (`chosen`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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


# Whose names for languages we know, after English and each language's own name: ours, and the
# languages XLSForms are most often written in.
_NAMING_LOCALES = ("nl", "fr", "de", "es", "pt", "it", "ar", "tr", "pl", "ro", "bg", "uk", "ru")
# Languages whose own name we look up ("Kiswahili", "हिन्दी"): loading a locale's data costs some
# 10 ms, so not all 700 of CLDR, but those humanitarian and migrant forms are written in.
_AUTONYMS = [
    "af",
    "am",
    "az",
    "bg",
    "bn",
    "bs",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fa",
    "ff",
    "fi",
    "fr",
    "ha",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "ig",
    "it",
    "ja",
    "ka",
    "kk",
    "km",
    "ko",
    "ku",
    "ky",
    "lg",
    "ln",
    "lo",
    "lt",
    "lv",
    "mg",
    "mk",
    "mn",
    "mr",
    "ms",
    "my",
    "ne",
    "nl",
    "no",
    "om",
    "pa",
    "pl",
    "ps",
    "pt",
    "ro",
    "ru",
    "rw",
    "si",
    "sk",
    "sl",
    "sn",
    "so",
    "sq",
    "sr",
    "sv",
    "sw",
    "ta",
    "te",
    "tg",
    "th",
    "ti",
    "tk",
    "tr",
    "uk",
    "ur",
    "uz",
    "vi",
    "wo",
    "xh",
    "yo",
    "zh",
    "zu",
]


_SPECIAL = {"dari": "fa_AF", "flemish": "nl", "vlaams": "nl", "nederlands": "nl"}


@cache
def _common_names() -> dict[str, str]:
    """English names and our 13 languages' own names: most forms need no more (cheap)."""
    found: dict[str, str] = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            found.setdefault(name.lower(), code)
    for code, native in LANGUAGE_NAMES.items():
        found[native.lower()] = code
    return {**found, **_SPECIAL}


@cache
def _names_to_codes() -> dict[str, str]:
    """Language names, lower case, → locale code. English names win over others (a name can
    mean two languages in two locales), then each language's own name, then the rest. Loads
    some 90 locales' data (about a second), once per worker and only when a form needs it."""
    found = dict(_common_names())
    for code in _AUTONYMS:
        try:
            own = Locale.parse(code).get_language_name(code)
        except (ValueError, UnknownLocaleError):
            continue
        if own:
            found.setdefault(own.lower(), code)
    for locale in _NAMING_LOCALES:
        for code, name in Locale.parse(locale).languages.items():
            if "_" not in code:
                found.setdefault(name.lower(), code)
    return {**found, **_SPECIAL}


def locale_from_code(code: str) -> str:
    """Our locale for a subtag: a supported one when we can, else the subtag in lower case."""
    supported = normalise_locale(code)
    return supported or code.replace("-", "_").lower()


def language_code(
    header_language: str, default: str, chosen: Mapping[str, str] | None = None
) -> str | None:
    """The locale meant by the language part of a column header, or None when unknown.

    `default` is used for pyxform's "default" (a column without a language); `chosen` holds the
    codes a coordinator gave for names we could not place (name → code).
    """
    text = header_language.strip()
    if not text or text == "default":
        return default
    if chosen and text in chosen:
        return locale_from_code(chosen[text])
    match = _WITH_CODE.match(text)
    if match:
        return locale_from_code(match.group("code"))
    name = _common_names().get(text.lower()) or _names_to_codes().get(text.lower())
    if name:
        return normalise_locale(name) or name
    if _CODE_ALONE.match(text):
        return locale_from_code(text)
    return None


def is_language_code(code: str) -> bool:
    """Whether a coordinator's answer is a language code Babel knows ("sw", "fa_AF", "prs")."""
    code = code.strip()
    if not _CODE_ALONE.match(code):
        return False
    if code.lower() in Locale("en").languages or code in _XLSFORM_CODES.values():
        return True  # a language CLDR names, whether or not it has locale data ("li")
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def xlsform_language(code: str) -> str:
    """The header name for one of our locales: "Dutch (nl)", "Dari (prs)"."""
    name = _XLSFORM_NAMES.get(code)
    if name is None:
        try:
            name = Locale.parse(code).get_language_name("en") or code
        except (ValueError, UnknownLocaleError):
            name = code
    return f"{name} ({_XLSFORM_CODES.get(code, code)})"
