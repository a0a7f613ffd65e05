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
    """16.2 → "16,2%" in Dutch, "%16,2" in Turkish, "16,2 %" in French: always one decimal."""
    if value is None:
        return ""
    code = _locale(locale)
    return babel_percent(
        value / 100, format=_percent_pattern(code, ".0"), locale=code, decimal_quantization=False
    )


def _percent_pattern(code: str, decimals: str) -> str:
    """The locale's own percent pattern ("#,##0%", "%#,##0", "#,##0 %") with ``decimals``
    (".0": always one, ".#": one when there is one, "": none) after the integer part."""
    pattern = str(Locale.parse(code).percent_formats[None].pattern).split(";")[0]
    return pattern.replace("#,##0", "#,##0" + decimals, 1)


def format_whole_percent(value: float | Decimal | None, locale: str | None = None) -> str:
    """40 → "40%" in Dutch, "%40" in Turkish, "40 %" in French: a whole percentage (0-100)."""
    if value is None:
        return ""
    code = _locale(locale)
    return babel_percent(Decimal(str(value)) / 100, format=_percent_pattern(code, ""), locale=code)


def format_percent_value(value: float | Decimal | None, locale: str | None = None) -> str:
    """12.5 → "12,5%" in Dutch, "%12,5" in Turkish, 45 → "45%": one decimal only when there is one."""
    if value is None:
        return ""
    code = _locale(locale)
    return babel_percent(
        Decimal(str(value)) / 100, format=_percent_pattern(code, ".#"), locale=code
    )


def format_count(value: int | float | None, locale: str | None = None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=_locale(locale))


def init_filters(app: Flask) -> None:
    app.jinja_env.filters.update(
        pct=format_percent, wholepct=format_whole_percent, count=format_count
    )
