"""The question kinds a coordinator picks in the builder, and how they map to XLSForm.

A kind is an XLSForm type plus an appearance (an agreement scale is `select_one` + `likert`), so
imports, exports and reports keep speaking XLSForm while the builder speaks plain Dutch.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

from participatie.models import Appearance, Question, QuestionType
from participatie.surveys.navigation import RESERVED_NAMES

# XLSForm names: a letter or underscore first, then letters, digits, _ . - (and at most 64).
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
# Choice names are stored in answers and written space-separated for select_multiple.
OPTION_NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class Kind(enum.StrEnum):
    CHOICE = "choice"
    MULTIPLE = "multiple"
    SCALE = "scale"
    DOMAINS = "domains"
    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"
    LONG_TEXT = "long_text"
    NOTE = "note"


SHAPES: dict[Kind, tuple[QuestionType, Appearance]] = {
    Kind.CHOICE: (QuestionType.SELECT_ONE, Appearance.DEFAULT),
    Kind.MULTIPLE: (QuestionType.SELECT_MULTIPLE, Appearance.DEFAULT),
    Kind.SCALE: (QuestionType.SELECT_ONE, Appearance.LIKERT),
    Kind.DOMAINS: (QuestionType.SELECT_MULTIPLE, Appearance.DOMAINS),
    Kind.INTEGER: (QuestionType.INTEGER, Appearance.DEFAULT),
    Kind.DECIMAL: (QuestionType.DECIMAL, Appearance.DEFAULT),
    Kind.TEXT: (QuestionType.TEXT, Appearance.DEFAULT),
    Kind.LONG_TEXT: (QuestionType.TEXT, Appearance.MULTILINE),
    Kind.NOTE: (QuestionType.NOTE, Appearance.DEFAULT),
}

LABELS = {
    Kind.CHOICE: _l("Eén antwoord kiezen"),
    Kind.MULTIPLE: _l("Meerdere antwoorden kiezen"),
    Kind.SCALE: _l("Akkoord-schaal met gezichtjes"),
    Kind.DOMAINS: _l("Levensdomeinen kiezen, met prentjes"),
    Kind.INTEGER: _l("Een getal"),
    Kind.DECIMAL: _l("Een getal met een komma"),
    Kind.TEXT: _l("Een kort antwoord"),
    Kind.LONG_TEXT: _l("Een lang antwoord in eigen woorden"),
    Kind.NOTE: _l("Uitleg, zonder vraag"),
}

# How answers are stored: a kind may change into another of the same storage once people have
# answered, because their answers stay valid (an integer is also a decimal, not the other way).
_STORAGE = {
    Kind.CHOICE: "one",
    Kind.SCALE: "one",
    Kind.MULTIPLE: "many",
    Kind.DOMAINS: "many",
    Kind.INTEGER: "integer",
    Kind.DECIMAL: "decimal",
    Kind.TEXT: "text",
    Kind.LONG_TEXT: "text",
    Kind.NOTE: "none",
}

CHOICE_KINDS = frozenset({Kind.CHOICE, Kind.MULTIPLE, Kind.SCALE, Kind.DOMAINS})
NUMBER_KINDS = frozenset({Kind.INTEGER, Kind.DECIMAL})


def kind_of(type_: str, appearance: str = "") -> Kind:
    for kind, (shape_type, shape_appearance) in SHAPES.items():
        if shape_type == type_ and shape_appearance == appearance:
            return kind
    # An appearance that does not belong to the type counts as none.
    return kind_of(type_) if appearance else Kind.TEXT


def question_kind(question: Question) -> Kind:
    return kind_of(str(question.type), str(question.appearance))


def keeps_answers(old: Kind, new: Kind) -> bool:
    """Can answers given to a question of kind `old` stay as they are under kind `new`?"""
    if old == new:
        return True
    if _STORAGE[old] == "integer" and _STORAGE[new] == "decimal":
        return True
    return _STORAGE[old] == _STORAGE[new]


def slug_name(text: str, fallback: str = "vraag") -> str:
    """A short XLSForm-safe name from a label: "Waar loopt het moeilijk?" → waar_loopt_het."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = ""
    for word in words:
        if len(name) + len(word) + 1 > 24 and name:
            break
        name = f"{name}_{word}" if name else word
    if not name or not name[0].isalpha():
        name = f"{fallback}_{name}" if name else fallback
    return name


def unique_name(base: str, taken: Iterable[str]) -> str:
    """`base`, else base_2, base_3 …: never a reserved page name of the participant journey."""
    used = set(taken) | set(RESERVED_NAMES)
    if base not in used:
        return base
    number = 2
    while f"{base}_{number}" in used:
        number += 1
    return f"{base}_{number}"


# What each pictogram shows, for the builder's pickers ("speaker" is the read-aloud button's).
PICTOGRAM_LABELS = {
    "money": _l("Geld"),
    "work": _l("Werk"),
    "house": _l("Huis"),
    "health": _l("Gezondheid"),
    "school": _l("School"),
    "family": _l("Gezin"),
    "play": _l("Spelen en sport"),
    "bus": _l("Bus"),
    "help": _l("Hulp"),
    "people": _l("Mensen samen"),
    "parent": _l("Ouder met kind"),
    "expert": _l("Ervaringsdeskundige"),
    "other": _l("Iets anders"),
    "question": _l("Vraagteken"),
    "wait": _l("Wachten"),
    "card": _l("Kaart of pas"),
    "yes": _l("Ja"),
    "no": _l("Nee"),
    "face1": _l("Gezichtje: heel ontevreden"),
    "face2": _l("Gezichtje: ontevreden"),
    "face3": _l("Gezichtje: eerder ontevreden"),
    "face4": _l("Gezichtje: eerder tevreden"),
    "face5": _l("Gezichtje: tevreden"),
    "face6": _l("Gezichtje: heel tevreden"),
}
