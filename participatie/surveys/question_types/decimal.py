"""A number with a decimal comma (XLSForm decimal)."""

from __future__ import annotations

from typing import ClassVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from participatie.surveys.question_types.base import BuilderKind
from participatie.surveys.question_types.numeric import NumberType


class Decimal(NumberType):
    name = "decimal"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"decimal"})
    inputmode: ClassVar[str] = "decimal"
    builder_kinds = (BuilderKind("decimal", "", _l("Een getal met een komma"), "decimal", 60),)

    def example(self) -> str:
        return _("Vul een getal in, zoals 2,5.")


TYPE = Decimal()
