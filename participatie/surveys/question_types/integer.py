"""A whole number (XLSForm integer); a short range (0-10) shows as a row of buttons."""

from __future__ import annotations

from typing import ClassVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from participatie.surveys.question_types.base import BuilderKind
from participatie.surveys.question_types.numeric import NumberType


class Integer(NumberType):
    name = "integer"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"integer", "int"})
    inputmode: ClassVar[str] = "numeric"
    whole_numbers = True
    builder_kinds = (BuilderKind("integer", "", _l("Een getal"), "integer", 50),)

    def example(self) -> str:
        return _("Vul een getal in, zoals 3.")


TYPE = Integer()
