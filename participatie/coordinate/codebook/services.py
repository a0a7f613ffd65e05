"""Editing a project's codebook without breaking a tag: labels, sub-codes, switching off, merging.

The rules that keep existing tags meaningful:

* A key never changes; a new sub-code gets a key of its own (`<parent key>.<slug>`), once.
* Switching a code off hides it from suggestions and pickers; its tags stay and still count.
* Merging points a code at another of the same kind (`merged_into_id`); its tags then count for
  the target (see `Codebook.effective`). No tag row moves, so unmerging restores everything.
* Every change is logged with its before/after state, so it can be undone (`review_undo`).
"""

from __future__ import annotations

import re
import unicodedata

from flask_babel import force_locale
from sqlalchemy import func, select

from participatie.coordinate.review.undo import ChangeLog, code_state, record_action
from participatie.extensions import db
from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import Code, Project, Statement, Tag, TagStatus
from participatie.tagging.labels import DEFAULT_LABELS
from participatie.tagging.project_codebook import Codebook

MAX_KEY = 64


def tag_counts(project: Project) -> dict[int, int]:
    """Accepted queue tags per code (blind second coding not included)."""
    rows = db.session.execute(
        select(Tag.code_id, func.count(Tag.id))
        .join(Statement, Statement.id == Tag.statement_id)
        .where(
            Statement.project_id == project.id,
            Tag.status == TagStatus.ACCEPTED,
            Tag.is_blind_sample.is_(False),
        )
        .group_by(Tag.code_id)
    ).all()
    return {code_id: count for code_id, count in rows}


def _record(project: Project, code: Code, before: dict[str, object] | None, action: str) -> None:
    log = ChangeLog()
    after = code_state(code)
    if before != after:
        log.code(code.id, before, after)
    record_action(
        f"codebook.{action}",
        project,
        log,
        {"action": action, "code": code.key},
        object_type="code",
        object_id=code.key,
    )


def update_code(project: Project, code: Code, labels: dict[str, str], scope_note: str) -> None:
    """New labels (empty = use the default translation) and scope note; the key stays."""
    before = code_state(code)
    code.label = {lang: text for lang, text in labels.items() if text}
    code.scope_note = scope_note
    db.session.flush()
    _record(project, code, before, "edit")


def set_active(project: Project, code: Code, active: bool) -> None:
    before = code_state(code)
    code.active = active
    db.session.flush()
    _record(project, code, before, "switch_on" if active else "switch_off")


def merge_targets(codebook: Codebook, code: Code) -> list[Code]:
    """Codes `code` may be merged into: same kind, switched on, not merged, not inside it."""
    inside = codebook.covered_ids(code)
    return [row.code for row in codebook.pickable(code.kind) if row.code.id not in inside]


def merge(project: Project, code: Code, target: Code) -> None:
    before = code_state(code)
    code.merged_into_id = target.id
    db.session.flush()
    _record(project, code, before, "merge")


def unmerge(project: Project, code: Code) -> None:
    before = code_state(code)
    code.merged_into_id = None
    db.session.flush()
    _record(project, code, before, "unmerge")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def new_key(codebook: Codebook, parent: Code, label: str) -> str:
    base = f"{parent.key}.{slugify(label) or 'code'}"[: MAX_KEY - 4]
    key, number = base, 2
    while key in codebook.by_key:
        key, number = f"{base}_{number}", number + 1
    return key


def add_subcode(
    project: Project, codebook: Codebook, parent: Code, label: str, scope_note: str, lang: str
) -> Code:
    """A new code under `parent`, labelled in the language the coordinator wrote it in."""
    siblings = codebook.children(parent)
    code = Code(
        project_id=project.id,
        kind=parent.kind,
        key=new_key(codebook, parent, label),
        label={lang: label},
        scope_note=scope_note,
        parent_id=parent.id,
        position=max((c.position for c in siblings), default=parent.position) + 1,
    )
    db.session.add(code)
    db.session.flush()
    _record(project, code, None, "add_subcode")
    return code


def default_labels(code: Code) -> dict[str, str]:
    """The translated default label of a default code per UI language (shown as a hint)."""
    if code.parent_id is not None or code.key not in DEFAULT_LABELS:
        return {}
    labels = {}
    for lang in SUPPORTED_LOCALES:
        with force_locale(lang):
            labels[lang] = str(DEFAULT_LABELS[code.key])
    return labels
