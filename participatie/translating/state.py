"""Where each translation stands: missing, draft, changed since translated, reviewed.

A translation is stored with the hash of the Dutch text it was made from (and of itself). When
the Dutch text changes later, its hash no longer matches: the translation is "changed since
translated" until a translator saves it again. A translation changed elsewhere (a coordinator's
form, the survey's own translation page) no longer matches its own hash either: it counts as a
draft of unknown source, not as changed, because nobody can tell what it was made from.

Reviewed (docs/decisions/0011-translation-review.md): a second person marks a draft reviewed,
either the project's coordinator or another translator of the same language, never the one
who made the draft. Saving a translation again makes it a draft again.
"""

from __future__ import annotations

import enum
import hashlib

from sqlalchemy import select

from participatie.extensions import db
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Project, TranslationState, TranslationStatus
from participatie.surveys.texts import same_text


class Standing(enum.StrEnum):
    MISSING = "missing"
    CHANGED = "changed"
    DRAFT = "draft"
    REVIEWED = "reviewed"


def text_hash(text: str) -> str:
    return hashlib.sha256(same_text(text).encode("utf-8")).hexdigest()


def states_in(project: Project, language: str) -> dict[str, TranslationState]:
    rows = db.session.scalars(
        select(TranslationState).where(
            TranslationState.project_id == project.id, TranslationState.language == language
        )
    )
    return {row.text_id: row for row in rows}


def standing(source: str, target: str, state: TranslationState | None) -> Standing:
    if not same_text(target):
        return Standing.MISSING
    if state is None or state.target_hash != text_hash(target):
        return Standing.DRAFT
    if state.source_hash != text_hash(source):
        return Standing.CHANGED
    return Standing(state.status.value)


def _state(project: Project, text_id: str, language: str) -> TranslationState | None:
    return db.session.scalar(
        select(TranslationState).where(
            TranslationState.project_id == project.id,
            TranslationState.text_id == text_id,
            TranslationState.language == language,
        )
    )


def record_translation(
    project: Project, text_id: str, language: str, source: str, target: str, user_id: int | None
) -> TranslationState | None:
    """A translation was just saved: a draft made from today's Dutch text (or none, if emptied)."""
    state = _state(project, text_id, language)
    if not same_text(target):
        if state is not None:
            db.session.delete(state)
        return None
    if state is None:
        state = TranslationState(project_id=project.id, text_id=text_id, language=language)
        db.session.add(state)
    state.source_hash = text_hash(source)
    state.target_hash = text_hash(target)
    state.status = TranslationStatus.DRAFT
    state.translated_by_id = user_id
    state.reviewed_by_id = None
    return state


def mark_reviewed(state: TranslationState, user_id: int) -> None:
    state.status = TranslationStatus.REVIEWED
    state.reviewed_by_id = user_id


def may_review(
    current: Standing, state: TranslationState | None, user_id: int, is_coordinator: bool
) -> bool:
    """A second pair of eyes: the coordinator, or a translator who did not make the draft (a
    translation of unknown origin, without a state, anyone but nobody in particular made)."""
    if current != Standing.DRAFT:
        return False
    return is_coordinator or state is None or state.translated_by_id != user_id


def note_saved(project: Project, text_id: str, texts: dict[str, str], user_id: int | None) -> None:
    """A coordinator's form saved a stuurgroep text in several languages at once.

    A translation typed or changed there now counts as made from today's Dutch text; one left
    as it was keeps its old source, so a changed Dutch text shows as "changed" to translators.
    """
    source = texts.get(SOURCE_LOCALE) or ""
    if not same_text(source):
        return
    for language in project.languages:
        if language == SOURCE_LOCALE:
            continue
        target = texts.get(language) or ""
        state = _state(project, text_id, language)
        if state is None or not same_text(target) or state.target_hash != text_hash(target):
            record_translation(project, text_id, language, source, target, user_id)
