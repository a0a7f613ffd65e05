"""The registry of question types: one module per type owns everything that differs between
types (answer, page, offline data, paper, report, XLSForm). Adding a type: its module, its
partials (participate/answer/<name>.html, assist/paper/answer/<name>.html), its name in
models.QuestionType and one case below; mypy checks the match is exhaustive, and a name no
module owns raises UnknownQuestionType wherever it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from participatie.models import QuestionType as TypeName
from participatie.surveys.question_types import (
    date,
    decimal,
    integer,
    note,
    select_multiple,
    select_one,
    text,
)
from participatie.surveys.question_types.base import QuestionType, UnknownQuestionType

__all__ = ["QuestionType", "UnknownQuestionType", "all_types", "question_type", "type_names"]


def _module_type(name: TypeName) -> QuestionType:
    match name:
        case TypeName.SELECT_ONE:
            return select_one.TYPE
        case TypeName.SELECT_MULTIPLE:
            return select_multiple.TYPE
        case TypeName.INTEGER:
            return integer.TYPE
        case TypeName.DECIMAL:
            return decimal.TYPE
        case TypeName.TEXT:
            return text.TYPE
        case TypeName.NOTE:
            return note.TYPE
        case TypeName.DATE:
            return date.TYPE
        case _:
            assert_never(name)


def question_type(name: str) -> QuestionType:
    """The type with this (XLSForm) name; UnknownQuestionType for any other."""
    try:
        known = TypeName(name)
    except ValueError:
        raise UnknownQuestionType(name) from None
    return _module_type(known)


def all_types() -> list[QuestionType]:
    return [_module_type(name) for name in TypeName]


def type_names(test: Callable[[QuestionType], bool]) -> list[TypeName]:
    """The names of the types that pass `test`, for a query: `Question.type.in_(...)`."""
    return [name for name in TypeName if test(_module_type(name))]
