"""Writing translations: one text typed on the translator's page, or a whole .po/XLIFF file of
the stuurgroep's texts or of a survey. Every translation written gets its state (a draft made
from today's Dutch text); a survey's revision goes up so participants see the new text.

The per-line checks are those of every import (surveys/texts_quality.py): a lost placeholder,
another script than the language's, or HTML its Dutch source does not have.
"""

from __future__ import annotations

from participatie.models import Project, Survey
from participatie.surveys import texts_po, texts_quality, texts_xliff
from participatie.surveys.texts import (
    ImportPlan,
    apply_import,
    apply_units,
    plan_units_import,
    same_text,
    text_units,
)
from participatie.surveys.versions import record_change
from participatie.translating.state import record_translation
from participatie.translating.stuurgroep import FILE_NAME, stuurgroep_units
from participatie.translating.work import WorkItem, survey_text_id


def line_problems(item: WorkItem, language: str, target: str) -> list[str]:
    return texts_quality.line_problems(item.text_id, language, item.unit.source, target)


def save_one(project: Project, item: WorkItem, language: str, target: str, user_id: int) -> None:
    target = same_text(target)
    if item.survey is not None:
        record_change(item.survey, structural=False)
    unit = item.unit
    texts: dict[str, str] = dict(getattr(unit.owner, unit.attribute) or {})
    if target:
        texts[language] = target
    else:
        texts.pop(language, None)
    # JSON columns notice a new value, not a change made in place: assign a new dict.
    setattr(unit.owner, unit.attribute, texts)
    record_translation(project, item.text_id, language, unit.source, target, user_id)


def stuurgroep_file_name(project: Project, language: str, format_: str) -> str:
    extension = {"po": "po", "xliff": "xlf"}[format_]
    return f"{project.slug}-{FILE_NAME}-{language.replace('_', '-')}.{extension}"


def export_stuurgroep(project: Project, language: str, format_: str) -> bytes:
    units = stuurgroep_units(project, language)
    if format_ == "po":
        name = f"{project.name} ({FILE_NAME})"
        contact = project.contact or project.name
        return texts_po.write_catalog(name, project.slug, contact, language, units)
    return texts_xliff.write_file(f"{FILE_NAME}-{project.slug}", language, units)


def plan_stuurgroep_import(project: Project, data: bytes, language: str) -> ImportPlan:
    """Raises surveys.texts.FileRefused, with every bad line, when the file cannot be used."""
    return plan_units_import(
        project.languages, lambda lang: stuurgroep_units(project, lang), data, language
    )


def apply_stuurgroep_import(project: Project, plan: ImportPlan, user_id: int) -> int:
    units = stuurgroep_units(project, plan.language)
    changed = apply_units(units, plan)
    sources = {unit.id: unit.source for unit in units}
    for change in plan.changes:
        record_translation(
            project, change.id, plan.language, sources[change.id], change.new, user_id
        )
    return changed


def apply_survey_import(project: Project, survey: Survey, plan: ImportPlan, user_id: int) -> int:
    sources = {unit.id: unit.source for unit in text_units(survey, plan.language)}
    changed = apply_import(survey, plan)
    for change in plan.changes:
        text_id = survey_text_id(survey, change.id)
        record_translation(project, text_id, plan.language, sources[change.id], change.new, user_id)
    return changed
