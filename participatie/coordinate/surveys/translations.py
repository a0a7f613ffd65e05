"""One page per language to translate every text of a survey, with the Dutch source beside it.

A full translation workflow (translators, review) is another issue; this form is enough to fill
in or correct a language. Saving is not structural: answers do not depend on wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wtforms import Field, StringField, TextAreaField
from wtforms.validators import Length

from participatie.forms import StripWhitespaceForm
from participatie.i18n import html_lang, text_direction
from participatie.models import Survey
from participatie.surveys.snapshot import current_questions
from participatie.surveys.versions import record_change


@dataclass
class TextSlot:
    """One translatable text: where it lives, its Dutch source and its field name."""

    field_name: str
    source: str
    target: dict[str, str]
    long: bool = False


@dataclass
class Section:
    heading: str
    slots: list[TextSlot] = field(default_factory=list)


def translation_sections(survey: Survey) -> list[Section]:
    opening = Section("")
    for part, texts, long in (
        ("title", survey.title, False),
        ("intro", survey.intro, True),
        ("thanks", survey.thanks, True),
    ):
        if texts.get("nl"):
            opening.slots.append(TextSlot(part, texts["nl"], texts, long))
    sections = [opening]
    for index, question in enumerate(current_questions(survey)):
        section = Section(question.label.get("nl") or question.name)
        section.slots.append(
            TextSlot(f"q{index}-label", question.label.get("nl", ""), question.label)
        )
        if question.hint.get("nl"):
            section.slots.append(TextSlot(f"q{index}-hint", question.hint["nl"], question.hint))
        for end in ("low", "high"):
            texts = getattr(question, f"{end}_label") or {}
            if texts.get("nl"):
                section.slots.append(TextSlot(f"q{index}-{end}", texts["nl"], texts))
        for number, option in enumerate(question.options):
            source = option.label.get("nl", "")
            section.slots.append(TextSlot(f"q{index}-o{number}", source, option.label))
        sections.append(section)
    return sections


def translation_form(sections: list[Section], language: str) -> StripWhitespaceForm:
    """A form with one field per text; each field's label is the Dutch source."""
    attributes = {"lang": html_lang(language), "dir": text_direction(language)}
    fields: dict[str, Field] = {}
    for section in sections:
        for slot in section.slots:
            kind = TextAreaField if slot.long else StringField
            fields[slot.field_name] = kind(
                slot.source,
                validators=[Length(max=2000)],
                default=slot.target.get(language, ""),
                render_kw=attributes,
            )
    form_class = type("TranslationForm", (StripWhitespaceForm,), fields)
    form: StripWhitespaceForm = form_class()
    return form


def save_translations(
    survey: Survey, sections: list[Section], form: StripWhitespaceForm, language: str
) -> None:
    record_change(survey, structural=False)
    for section in sections:
        for slot in section.slots:
            text = (form[slot.field_name].data or "").strip()
            updated = {k: v for k, v in slot.target.items() if k != language}
            if text:
                updated[language] = text
            _replace(survey, slot, updated)


def _replace(survey: Survey, slot: TextSlot, updated: dict[str, str]) -> None:
    # JSON columns notice a new value, not a change made in place: assign a new dict.
    if slot.field_name in {"title", "intro", "thanks"}:
        setattr(survey, slot.field_name, updated)
        return
    index_text, _, part = slot.field_name[1:].partition("-")
    question = current_questions(survey)[int(index_text)]
    if part == "label":
        question.label = updated
    elif part == "hint":
        question.hint = updated
    elif part in ("low", "high"):
        setattr(question, f"{part}_label", updated)
    else:
        question.options[int(part[1:])].label = updated
