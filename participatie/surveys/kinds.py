"""The question kinds a coordinator picks in the builder, and how they map to XLSForm.

A kind is an XLSForm type plus an appearance (an agreement scale is `select_one` + `likert`), so
imports, exports and reports keep speaking XLSForm while the builder speaks plain Dutch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import ClassVar

from flask_babel import lazy_gettext as _l

from participatie.models import Appearance, Question
from participatie.models import QuestionType as TypeName
from participatie.surveys.navigation import RESERVED_NAMES
from participatie.surveys.question_types import QuestionType, all_types, question_type
from participatie.surveys.question_types.base import BuilderKind

# XLSForm names: a letter or underscore first, then letters, digits, _ . - (and at most 64).
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
# Choice names are stored in answers and written space-separated for select_multiple.
OPTION_NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class Kind(str):
    """A builder kind's name ("scale"): each question type lists its own (BuilderKind in
    surveys/question_types/), so a new type reaches the builder from its own module."""

    CHOICE: ClassVar[Kind]
    MULTIPLE: ClassVar[Kind]
    SCALE: ClassVar[Kind]
    DOMAINS: ClassVar[Kind]
    INTEGER: ClassVar[Kind]
    DECIMAL: ClassVar[Kind]
    TEXT: ClassVar[Kind]
    LONG_TEXT: ClassVar[Kind]
    NOTE: ClassVar[Kind]

    def __new__(cls, name: str) -> Kind:
        if name not in _BY_NAME:
            raise ValueError(f"unknown builder kind: {name!r}")
        return super().__new__(cls, name)

    @property
    def value(self) -> str:
        return str(self)


_BY_NAME: dict[str, tuple[QuestionType, BuilderKind]] = {
    kind.name: (answer_type, kind)
    for answer_type in all_types()
    for kind in answer_type.builder_kinds
}
KINDS = [Kind(name) for name in sorted(_BY_NAME, key=lambda name: _BY_NAME[name][1].position)]
for _name in ("choice", "multiple", "scale", "domains", "integer", "decimal", "text", "note"):
    setattr(Kind, _name.upper(), Kind(_name))
Kind.LONG_TEXT = Kind("long_text")

SHAPES: dict[Kind, tuple[TypeName, Appearance]] = {
    kind: (TypeName(_BY_NAME[kind][0].name), Appearance(_BY_NAME[kind][1].appearance))
    for kind in KINDS
}
LABELS = {kind: _BY_NAME[kind][1].label for kind in KINDS}
# How answers are stored: a kind may change into another of the same storage once people have
# answered, because their answers stay valid (an integer is also a decimal, not the other way).
_STORAGE = {kind: _BY_NAME[kind][1].storage for kind in KINDS}

CHOICE_KINDS = frozenset(kind for kind in KINDS if _BY_NAME[kind][0].is_choice)
NUMBER_KINDS = frozenset(kind for kind in KINDS if _BY_NAME[kind][0].limits == "number")


def kind_of(type_: str, appearance: str = "") -> Kind:
    """The builder kind of a type and appearance; UnknownQuestionType for a type no module
    owns (never "a short answer" in its place)."""
    answer_type = question_type(str(type_))
    for kind in answer_type.builder_kinds:
        if kind.appearance == appearance:
            return Kind(kind.name)
    # An appearance that does not belong to the type counts as none.
    return kind_of(type_) if appearance else Kind(answer_type.builder_kinds[0].name)


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
