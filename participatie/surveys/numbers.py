"""What a parent may type as a number, as data: the server reads answers with these rules, and
the offline journey gets the same rules in its survey definition and reads them with a small
evaluator in static/offline/validate.js. One set of rules, two readers: device and server accept
and refuse exactly the same input (tests/assist/test_number_twins.py compares them).

The rules (decided for issue 17): digits of the Latin, Arabic-Indic and Extended Arabic-Indic
(Persian, Dari) scripts, in every language, because a phone's keyboard follows the phone's
language, not the survey's; one decimal separator (comma, point or the Arabic decimal separator
٫) for decimal questions only; an optional minus sign in front; spaces (also no-break and thin
ones) are ignored anywhere, so "1 000" is a thousand. At most 12 digits before the separator and
6 after. Nothing else: no plus sign, exponent, underscore, "inf", "nan", fullwidth or other
digits, no thousands separator other than a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DIGIT_SETS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
DECIMAL_SEPARATORS = (",", ".", "٫")
MINUS_SIGNS = ("-",)
IGNORED = (" ", "\t", "\n", "\r", "\u00a0", "\u2009", "\u202f")
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 6

_DIGIT_VALUES = {char: str(value) for digits in DIGIT_SETS for value, char in enumerate(digits)}


def number_rules() -> dict[str, Any]:
    """The rules as JSON for the device (same names as validate.js reads)."""
    return {
        "digits": list(DIGIT_SETS),
        "separators": list(DECIMAL_SEPARATORS),
        "minus": list(MINUS_SIGNS),
        "ignored": list(IGNORED),
        "max_integer_digits": MAX_INTEGER_DIGITS,
        "max_fraction_digits": MAX_FRACTION_DIGITS,
    }


@dataclass(frozen=True)
class ReadNumber:
    """`empty` (nothing typed), or a `value`, or neither: not a number by the rules."""

    empty: bool = False
    value: int | float | None = None


def read_number(text: str, kind: str) -> ReadNumber:
    """Reads what was typed for an "integer" or "decimal" question. Keep in step with
    readNumber() in static/offline/validate.js: the same steps over the same rules."""
    chars = [char for char in text if char not in IGNORED]
    if not chars:
        return ReadNumber(empty=True)
    sign = ""
    if chars[0] in MINUS_SIGNS:
        sign, chars = "-", chars[1:]
    whole: list[str] = []
    fraction: list[str] = []
    separated = False
    for char in chars:
        digit = _DIGIT_VALUES.get(char)
        if digit is not None:
            (fraction if separated else whole).append(digit)
        elif char in DECIMAL_SEPARATORS and kind == "decimal" and not separated:
            separated = True
        else:
            return ReadNumber()
    if not 1 <= len(whole) <= MAX_INTEGER_DIGITS:
        return ReadNumber()
    if separated and not 1 <= len(fraction) <= MAX_FRACTION_DIGITS:
        return ReadNumber()
    if kind == "integer":
        return ReadNumber(value=int(sign + "".join(whole)))
    return ReadNumber(value=float(sign + "".join(whole) + "." + ("".join(fraction) or "0")))
