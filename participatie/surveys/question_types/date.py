"""A date (XLSForm date): day, month and year in three plain fields that work without
JavaScript, stored as an ISO date ("2021-03-15"). No date in the future unless the definition
sets a latest date; minimum and maximum hold the earliest and latest date as the number
yyyymmdd. The report counts dates per month, never showing an earliest or latest date.

The rules are data (check()): the server reads an answer with them here, and the offline
journey sends them to validate.js, whose small evaluator takes the same steps ("parts").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from babel.dates import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from participatie.surveys.numbers import DIGIT_SETS, IGNORED
from participatie.surveys.question_types.base import (
    BuilderKind,
    EntryWidget,
    GroupedType,
    Limits,
    Parsed,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef

# A real calendar day from 1800 to 2099, leap years included, written yyyy-mm-dd: one pattern
# that Python's re and JavaScript's RegExp read alike.
PATTERN = (
    r"^(?:(?:1[89]|20)\d{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:(?:1[89]|20)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$"
)
# Day, month and year as the page shows them (label key, fewest and most digits); ISO_ORDER
# puts them in ISO order.
PARTS = (("date_day", 1, 2), ("date_month", 1, 2), ("date_year", 4, 4))
ISO_ORDER = (2, 1, 0)
_TYPED_SEPARATORS = r"[\s./-]+"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = {char: str(value) for digits in DIGIT_SETS for value, char in enumerate(digits)}


def iso_from_limit(limit: float | None) -> str | None:
    """20210315.0 → "2021-03-15"."""
    if limit is None:
        return None
    text = f"{int(limit):08d}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def limit_from_iso(iso: str) -> float:
    return float(iso.replace("-", ""))


def shown(iso: str) -> str:
    """ "2021-03-15" → "15-3-2021": digits only, read the same in every language."""
    year, month, day = iso.split("-")
    return f"{int(day)}-{int(month)}-{year}"


class Date(GroupedType):
    name = "date"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"date"})
    limits: ClassVar[Limits] = "date"
    limits_in_builder = False  # set in the definition or XLSForm; the builder keeps them
    builder_kinds = (BuilderKind("date", "", _l("Een datum"), "date", 70),)

    def messages(self) -> dict[str, str]:
        return {
            "date_day": _("Dag"),
            "date_month": _("Maand"),
            "date_year": _("Jaar"),
            "date_invalid": _("Vul een datum in die bestaat, zoals 15 3 2021."),
            "date_future": _("Deze datum ligt in de toekomst. Vul een datum in tot vandaag."),
            "date_too_early": _("Vul een datum in vanaf %(low)s."),
            "date_too_late": _("Vul een datum in tot %(high)s."),
            "required_date": _("Vul een datum in."),
        }

    def check(self, question: QuestionDef) -> dict[str, Any]:
        low = iso_from_limit(question.minimum)
        high = iso_from_limit(question.maximum)
        values = {"low": shown(low)} if low else {}
        if high:
            values["high"] = shown(high)
        return {
            "op": "parts",
            "parts": [
                {"label": label, "min_digits": fewest, "max_digits": most}
                for label, fewest, most in PARTS
            ],
            "digits": list(DIGIT_SETS),
            "ignored": list(IGNORED),
            "order": list(ISO_ORDER),
            "join": "-",
            "pattern": PATTERN,
            "min": low,
            "max": high or "today",
            "invalid": "date_invalid",
            "too_early": "date_too_early",
            "too_late": "date_too_late" if high else "date_future",
            "values": values,
            "required": "required_date",
        }

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        """The steps of parseParts() in validate.js, over the same check()."""
        check = self.check(question)
        messages = self.messages()
        typed = form.getlist("answer")
        invalid = Parsed(value=None, error=messages["date_invalid"])
        parts: list[str] = []
        filled = 0
        for index, (_label, fewest, most) in enumerate(PARTS):
            chars = [c for c in (typed[index] if index < len(typed) else "") if c not in IGNORED]
            filled += bool(chars)
            digits = [_DIGITS.get(char) for char in chars]
            if any(digit is None for digit in digits):
                return invalid
            if chars and not fewest <= len(digits) <= most:
                return invalid
            parts.append("".join(d for d in digits if d).rjust(most, "0"))
        if not filled:
            return Parsed()
        if filled < len(PARTS):
            return invalid
        joined = "-".join(parts[index] for index in ISO_ORDER)
        if not re.match(PATTERN, joined):
            return invalid
        latest = date.today().isoformat() if check["max"] == "today" else check["max"]
        if check["min"] and joined < check["min"]:
            return Parsed(error=_("Vul een datum in vanaf %(low)s.", **check["values"]))
        if joined > latest:
            if check["max"] == "today":
                return Parsed(error=messages["date_future"])
            return Parsed(error=_("Vul een datum in tot %(high)s.", **check["values"]))
        return Parsed(value=joined)

    def required_message(self, question: QuestionDef) -> str:
        return _("Vul een datum in.")

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        return {
            "check": self.check(question),
            "widget": {
                "kind": "parts",
                "class": "date-parts",
                "parts": [
                    {"label": label, "inputmode": "numeric", "maxlength": most, "class": "number"}
                    for label, _fewest, most in PARTS
                ],
            },
        }

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget(inputmode="numeric", placeholder="15-3-2021")

    def entry_answer(self, question: QuestionDef, typed: str) -> list[str] | str:
        """ "15-3-2021", "15 03 2021" or "15/3/2021": day, month, year as on the paper."""
        parts = [part for part in re.split(_TYPED_SEPARATORS, typed) if part]
        if len(parts) != len(PARTS):
            return self.messages()["date_invalid"]
        return parts

    def entry_typed(self, question: QuestionDef, value: Any) -> str:
        return shown(str(value))

    def entry_data(self, question: QuestionDef) -> dict[str, Any]:
        return {"split": _TYPED_SEPARATORS}

    def csv_answer(self, question: QuestionDef, cell: str) -> list[str]:
        """An ISO date ("2021-03-15", as exported), or day-month-year as typed from paper."""
        iso = _ISO.match(cell.strip())
        if iso:
            return [iso.group(3), iso.group(2), iso.group(1)]
        return [part for part in re.split(_TYPED_SEPARATORS, cell) if part]

    def report_group(self, value: Any) -> str | None:
        """The month: "2021-03"."""
        text = str(value)
        return text[:7] if re.match(PATTERN, text) else None

    def report_group_label(self, group: str, locale: str) -> str:
        year, month = group.split("-")
        return format_date(date(int(year), int(month), 1), "LLLL y", locale=locale)

    def xlsform_constraint(self, minimum: float | None, maximum: float | None) -> str:
        parts = []
        low, high = iso_from_limit(minimum), iso_from_limit(maximum)
        if low:
            parts.append(f". >= date('{low}')")
        if high:
            parts.append(f". <= date('{high}')")
        return " and ".join(parts)

    def xlsform_bounds(self, constraint: str) -> tuple[float | None, float | None] | None:
        low: float | None = None
        high: float | None = None
        for part in re.split(r"\s+and\s+", constraint.strip()):
            found = re.fullmatch(r"\.\s*(>=|<=)\s*date\('(\d{4}-\d{2}-\d{2})'\)", part.strip())
            if found is None or not re.match(PATTERN, found.group(2)):
                return None
            if found.group(1) == ">=":
                low = limit_from_iso(found.group(2))
            else:
                high = limit_from_iso(found.group(2))
        return low, high


TYPE = Date()
