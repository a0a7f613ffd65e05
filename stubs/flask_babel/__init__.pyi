# What participatie uses of Flask-Babel 4, typed (see stubs/README.md).
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.support import NullTranslations, Translations
from flask import Flask

from .speaklater import LazyString

class Babel:
    def __init__(
        self,
        app: Flask | None = ...,
        date_formats: dict[str, str] | None = ...,
        configure_jinja: bool = ...,
        *args: Any,
        **kwargs: Any,
    ) -> None: ...
    def init_app(
        self,
        app: Flask,
        default_locale: str = ...,
        default_domain: str = ...,
        default_translation_directories: str = ...,
        default_timezone: str = ...,
        locale_selector: Callable[[], str | None] | None = ...,
        timezone_selector: Callable[[], str | None] | None = ...,
    ) -> None: ...

def gettext(string: str, **variables: Any) -> str: ...
def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str: ...
def pgettext(context: str, string: str, **variables: Any) -> str: ...
def lazy_gettext(string: str, **variables: Any) -> LazyString: ...
def lazy_ngettext(singular: str, plural: str, num: int, **variables: Any) -> LazyString: ...
def get_locale() -> Locale | None: ...
def get_translations() -> Translations | NullTranslations: ...
def force_locale(locale: str | Locale) -> AbstractContextManager[None]: ...
def refresh() -> None: ...
def format_decimal(number: int | float | Decimal, format: str | None = ...) -> str: ...
def format_percent(number: int | float | Decimal, format: str | None = ...) -> str: ...
def format_currency(
    number: int | float | Decimal,
    currency: str,
    format: str | None = ...,
    currency_digits: bool = ...,
    format_type: str = ...,
) -> str: ...
def format_datetime(
    datetime: date | datetime | None = ..., format: str | None = ..., rebase: bool = ...
) -> str: ...
def format_date(date: date | datetime | None = ..., format: str | None = ..., rebase: bool = ...) -> str: ...
def format_time(time: time | datetime | None = ..., format: str | None = ..., rebase: bool = ...) -> str: ...
def format_timedelta(
    datetime_or_timedelta: datetime | timedelta,
    granularity: str = ...,
    add_direction: bool = ...,
    threshold: float = ...,
) -> str: ...

__all__ = ["Babel", "gettext", "ngettext", "lazy_gettext", "lazy_ngettext", "get_locale", "force_locale"]
