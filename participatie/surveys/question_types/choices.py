"""What the two choice types share: options by name, typed on paper as option numbers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flask_babel import gettext as _

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


_SEPARATORS = re.compile(r"[\s,;+/]+")


def choose_listed() -> str:
    return _("Kies een van de antwoorden.")


def option_numbers(question: QuestionDef, typed: str, multiple: bool) -> list[str] | str:
    """The option names for typed option numbers ("2", "1 3", or "13" with at most nine
    options), or the message to show."""
    count = len(question.options)
    tokens = [t for t in _SEPARATORS.split(typed) if t]
    if multiple and count <= 9:
        tokens = [digit for token in tokens for digit in (token if token.isdigit() else [token])]
    if not all(t.isascii() and t.isdigit() and 1 <= int(t) <= count for t in tokens):
        return _("Vul het nummer van een antwoord in, van 1 tot %(count)s.", count=count)
    if not multiple and len(set(tokens)) > 1:
        return _("Bij deze vraag hoort maar één antwoord. Vul één nummer in.")
    return [question.options[int(t) - 1].name for t in tokens]


def typed_numbers(question: QuestionDef, value: Any) -> str:
    names = [o.name for o in question.options]
    chosen = value if isinstance(value, list) else [value]
    return " ".join(str(names.index(v) + 1) for v in chosen if v in names)
