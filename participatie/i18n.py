"""Supported locales, locale selection and text direction, all in one place."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import Flask, request, session
from flask_babel import format_decimal, get_translations
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

SOURCE_LOCALE = "nl"

# Each language named in its own words: what a parent looks for on the welcome page.
# Babel calls fa_AF "فارسی (افغانستان)"; families from Afghanistan call their language Dari.
LANGUAGE_NAMES: dict[str, str] = {
    "nl": "Nederlands",
    "fr": "Français",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "ro": "Română",
    "bg": "Български",
    "uk": "Українська",
    "ru": "Русский",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "fa_AF": "دری",
}
SUPPORTED_LOCALES: tuple[str, ...] = tuple(LANGUAGE_NAMES)
SESSION_KEY = "lang"


def normalise_locale(value: str | None) -> str | None:
    """Map 'fa-AF', 'FA_af', 'ar-BE' … to a supported locale, or None."""
    if not value:
        return None
    value = value.strip().replace("-", "_")
    lowered = {code.lower(): code for code in SUPPORTED_LOCALES}
    if value.lower() in lowered:
        return lowered[value.lower()]
    base = value.split("_")[0].lower()
    # A bare "fa" or "prs" is most likely Dari for our families; we have no Iranian Persian.
    if base in {"fa", "prs"}:
        return "fa_AF"
    return lowered.get(base)


def select_locale() -> str:
    """Explicit choice (this request's ?lang=, then the session) → Accept-Language → Dutch."""
    chosen = normalise_locale(request.args.get("lang"))
    if chosen:
        session[SESSION_KEY] = chosen
        return chosen
    return locale_from(session.get(SESSION_KEY), request.headers.get("Accept-Language", ""))


def locale_from(stored: object, accept_language: str) -> str:
    """The locale of a request without ?lang=: the session's choice, else the browser's."""
    chosen = normalise_locale(stored) if isinstance(stored, str) else None
    return chosen or _accepted_locale(accept_language)


@lru_cache(maxsize=512)
def _accepted_locale(accept_language: str) -> str:
    # Browsers send a handful of distinct headers: parsing each once saves every page the work.
    best = parse_accept_header(accept_language, LanguageAccept).best_match(
        [code.replace("_", "-") for code in SUPPORTED_LOCALES]
        + [code for code in SUPPORTED_LOCALES if "_" in code]
    )
    return normalise_locale(best) or SOURCE_LOCALE


# Right to left as CLDR says it. Babel can tell (Locale.text_direction), but asking it loads and
# keeps the whole CLDR record of the locale, about 1 MB each: 12 MB per web worker for our 13
# languages (issue 11's memory budget). tests/i18n checks these tables against Babel for every
# locale Babel knows, so the two cannot drift apart.
RTL_LANGUAGES = frozenset(
    {"apc", "ar", "bal", "bgn", "ckb", "dv", "fa", "he", "ks", "lrc", "mzn", "nqo", "ps", "sd", "sdh",
     "rhg", "skr", "syr", "trw", "ug", "ur", "yi"}
)  # fmt: skip
RTL_SCRIPTS = frozenset({"Adlm", "Arab", "Hebr", "Nkoo", "Rohg", "Syrc", "Thaa"})


@lru_cache(maxsize=256)
def text_direction(locale: str) -> str:
    language, *rest = locale.replace("-", "_").split("_")
    script = next((part.title() for part in rest if len(part) == 4 and part.isalpha()), None)
    if script == "Mong":
        return "ttb"  # traditional Mongolian is written top to bottom
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if language.lower() in RTL_LANGUAGES else "ltr"


def html_lang(locale: str) -> str:
    """BCP 47 for the lang attribute: fa_AF → fa-AF."""
    return locale.replace("_", "-")


def init_i18n(app: Flask) -> None:
    from flask_babel import get_locale

    from participatie.extensions import babel

    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def inject_i18n() -> dict[str, object]:
        locale = str(get_locale() or SOURCE_LOCALE)
        return {
            "current_locale": locale,
            "html_lang": html_lang(locale),
            "text_direction": text_direction(locale),
            "language_names": LANGUAGE_NAMES,
        }


def counted_ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """``ngettext`` whose numbers read as in the page's language (1.234 in Dutch, 1 234 in
    French, 1,234 in English); the plural form still follows ``num`` itself. Import it as
    ``ngettext`` so the catalogue extraction finds the strings."""
    shown = {
        key: format_decimal(value)
        if isinstance(value, int) and not isinstance(value, bool)
        else value
        for key, value in variables.items()
    }
    text = get_translations().ngettext(singular, plural, num)
    return str(text % {"num": format_decimal(num), **shown})
