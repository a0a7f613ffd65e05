"""A survey's texts as units for a translator, and taking the translator's file back in.

Every text has a stable id, its place in the survey: `survey:title`, `survey:intro`,
`survey:thanks`, `question:<name>:label`, `question:<name>:hint`, `question:<name>:low_label` and
`question:<name>:high_label` (the words at both ends of a scale) and
`option:<question>:<option>:label`. Names do not change once a question has answers, so an id
still points at the same text when the file comes back weeks later.

A file (texts_po, texts_xliff) carries per id the Dutch source it was made from and the
translation. `plan_import` checks the whole file and changes nothing: it says what would change
and which texts it skips, and why (unknown id, Dutch text changed since the export, marked
fuzzy, too long). `apply_import` then applies a plan in the current transaction and bumps the
survey's revision, so participants see the new texts on their next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from participatie.i18n import LANGUAGE_NAMES, SOURCE_LOCALE, normalise_locale
from participatie.models import Option, Question, Survey
from participatie.surveys import texts_messages as msg
from participatie.surveys import texts_quality
from participatie.surveys.snapshot import current_questions
from participatie.surveys.versions import record_change

# Small enough to travel back in a hidden field while the coordinator checks the changes
# (Flask reads at most 500 kB of form fields; base64 adds a third).
MAX_FILE_SIZE = 300_000
FORMATS = ("po", "xliff")


@dataclass(frozen=True)
class TextUnit:
    """One translatable text (of a survey, or of the stuurgroep: participatie/translating), with
    the current translation in one language."""

    id: str
    source: str
    target: str
    note: str
    owner: object = field(compare=False, repr=False)
    attribute: str = field(compare=False, repr=False)


@dataclass(frozen=True)
class FileText:
    """One text as a translator's file has it."""

    id: str
    source: str
    target: str
    fuzzy: bool = False


@dataclass(frozen=True)
class TextFile:
    language: str  # as the file writes it ("ar", "fa-AF"); empty when it does not say
    texts: tuple[FileText, ...]


class FileRefused(Exception):
    """The whole file cannot be used; the message is a translated sentence for the coordinator."""

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.lines = lines or []  # one reason per refused translation, line by line


@dataclass(frozen=True)
class Change:
    id: str
    source: str
    old: str
    new: str


@dataclass(frozen=True)
class Skipped:
    id: str
    reason: str


@dataclass
class ImportPlan:
    language: str
    format: str
    changes: list[Change] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unchanged: int = 0
    untranslated: int = 0  # empty in the file: the survey keeps what it has


def same_text(text: str) -> str:
    """Texts compared as a translator's tool keeps them: line ends and outer spaces differ."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_units(survey: Survey, language: str) -> list[TextUnit]:
    """Every text of the current version that has a Dutch source, in the order of the survey."""
    units: list[TextUnit] = []

    def add(unit_id: str, owner: Survey | Question | Option, attribute: str, note: str) -> None:
        texts: dict[str, str] = getattr(owner, attribute) or {}
        source = same_text(texts.get(SOURCE_LOCALE, ""))
        if source:
            target = same_text(texts.get(language, ""))
            units.append(TextUnit(unit_id, source, target, note, owner, attribute))

    add("survey:title", survey, "title", str(msg.NOTE_TITLE))
    add("survey:intro", survey, "intro", str(msg.NOTE_INTRO))
    add("survey:thanks", survey, "thanks", str(msg.NOTE_THANKS))
    for question in current_questions(survey):
        shown = same_text(question.label.get(SOURCE_LOCALE, "")) or question.name
        add(
            f"question:{question.name}:label",
            question,
            "label",
            str(msg.NOTE_LABEL % {"name": question.name}),
        )
        add(
            f"question:{question.name}:hint",
            question,
            "hint",
            str(msg.NOTE_HINT % {"question": shown}),
        )
        for end in ("low_label", "high_label"):
            add(
                f"question:{question.name}:{end}",
                question,
                end,
                str(msg.NOTE_SCALE_END % {"question": shown}),
            )
        for option in question.options:
            add(
                f"option:{question.name}:{option.name}:label",
                option,
                "label",
                str(msg.NOTE_OPTION % {"question": shown}),
            )
    return units


def file_name(survey: Survey, language: str, format_: str) -> str:
    extension = {"po": "po", "xliff": "xlf"}[format_]
    return f"{survey.code.lower()}-{language.replace('_', '-')}.{extension}"


def export_texts(survey: Survey, language: str, format_: str) -> bytes:
    """The survey's texts with their translation in `language`, as a .po or XLIFF file."""
    from participatie.surveys import texts_po, texts_xliff

    units = text_units(survey, language)
    if format_ == "po":
        return texts_po.write_texts(survey, language, units)
    return texts_xliff.write_texts(survey, language, units)


def read_texts(data: bytes) -> tuple[str, TextFile]:
    """(format, contents) of an uploaded file; XLIFF is XML, anything else is read as .po."""
    from participatie.surveys import texts_po, texts_xliff

    if len(data) > MAX_FILE_SIZE:
        raise FileRefused(str(msg.TOO_BIG % {"size": f"{MAX_FILE_SIZE // 1000} kB"}))
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]
    if head.startswith(b"<"):
        return "xliff", texts_xliff.read_texts(data)
    if head.startswith(b"PK") or b"\x00" in data[:1024]:  # a spreadsheet, a document, an image
        raise FileRefused(str(msg.NOT_TEXT))
    return "po", texts_po.read_texts(data)


def file_language(raw: str, languages: list[str], expected: str | None) -> str:
    """The project language the file is in, or why it cannot be used here."""
    if not raw.strip():
        raise FileRefused(str(msg.NO_LANGUAGE))
    language = normalise_locale(raw)
    if language is None or language == SOURCE_LOCALE or language not in languages:
        shown = LANGUAGE_NAMES.get(language or "", raw.strip())
        raise FileRefused(str(msg.UNKNOWN_LANGUAGE % {"language": shown}))
    if expected is not None and language != expected:
        raise FileRefused(
            str(
                msg.WRONG_LANGUAGE
                % {"file": LANGUAGE_NAMES[language], "page": LANGUAGE_NAMES.get(expected, expected)}
            )
        )
    return language


def plan_import(survey: Survey, data: bytes, expected_language: str | None = None) -> ImportPlan:
    """What importing this file would change; raises FileRefused when the file cannot be used."""
    return plan_units_import(
        survey.project.languages,
        lambda language: text_units(survey, language),
        data,
        expected_language,
    )


def plan_units_import(
    languages: list[str],
    units_in: Callable[[str], Sequence[TextUnit]],
    data: bytes,
    expected_language: str | None = None,
) -> ImportPlan:
    """plan_import for any set of texts: `units_in(language)` lists them with that translation."""
    format_, contents = read_texts(data)
    language = file_language(contents.language, languages, expected_language)
    if not contents.texts:
        raise FileRefused(str(msg.NO_TEXTS))
    units = {unit.id: unit for unit in units_in(language)}
    plan = ImportPlan(language, format_)
    seen: set[str] = set()
    for text in contents.texts:
        unit = units.get(text.id)
        reason = _skip_reason(text, unit, seen)
        seen.add(text.id)
        target = same_text(text.target)
        if reason:
            plan.skipped.append(Skipped(text.id, reason))
        elif not target:
            plan.untranslated += 1
        elif unit is not None and target == unit.target:
            plan.unchanged += 1
        elif unit is not None:
            plan.changes.append(Change(unit.id, unit.source, unit.target, target))
    refused = [
        line
        for change in plan.changes
        for line in texts_quality.line_problems(change.id, language, change.source, change.new)
    ]
    if refused:
        raise FileRefused(str(texts_quality.FILE_REFUSED), refused)
    return plan


def _skip_reason(text: FileText, unit: TextUnit | None, seen: set[str]) -> str:
    if text.id in seen:
        return str(msg.SKIP_TWICE)
    if unit is None:
        return str(msg.SKIP_UNKNOWN)
    if same_text(text.source) != unit.source:
        return str(msg.SKIP_SOURCE_CHANGED % {"now": unit.source})
    if text.fuzzy and same_text(text.target):
        return str(msg.SKIP_FUZZY)
    if len(same_text(text.target)) > msg.MAX_TEXT_LENGTH:
        return str(msg.SKIP_TOO_LONG)
    return ""


def apply_import(survey: Survey, plan: ImportPlan) -> int:
    """Writes the plan's changes in the current transaction; returns how many texts changed."""
    if not plan.changes:
        return 0
    record_change(survey, structural=False)
    return apply_units(text_units(survey, plan.language), plan)


def apply_units(units: Sequence[TextUnit], plan: ImportPlan) -> int:
    """Writes the plan's changes to the texts' owners; returns how many texts changed."""
    by_id = {unit.id: unit for unit in units}
    for change in plan.changes:
        unit = by_id[change.id]
        texts: dict[str, str] = getattr(unit.owner, unit.attribute) or {}
        # JSON columns notice a new value, not a change made in place: assign a new dict.
        setattr(unit.owner, unit.attribute, {**texts, plan.language: change.new})
    return len(plan.changes)
