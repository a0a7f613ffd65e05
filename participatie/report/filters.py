"""Numbers as people read them in their language, and the mark of a hidden figure."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_percent
from flask import Flask
from flask_babel import get_locale

from participatie.i18n import SOURCE_LOCALE


def _locale(locale: str | None) -> str:
    return locale or str(get_locale() or SOURCE_LOCALE)


def format_percent(value: Decimal | None, locale: str | None = None) -> str:
    """16.2 → "16,2 %" in Dutch, "%16,2" in Turkish: always one decimal, as computed."""
    if value is None:
        return ""
    code = _locale(locale)
    pattern = Locale.parse(code).percent_formats[None].pattern.split(";")[0]
    pattern = pattern.replace("#,##0", "#,##0.0", 1)
    return babel_percent(value / 100, format=pattern, locale=code, decimal_quantization=False)


def format_count(value: int | float | None, locale: str | None = None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=_locale(locale))


def init_filters(app: Flask) -> None:
    app.jinja_env.filters.update(pct=format_percent, count=format_count)
