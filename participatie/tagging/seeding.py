"""Copy the default codebook (DESIGN.md §3) into a project.

Each project gets its own `Code` rows so its coordinators can rename, add sub-codes, switch codes
off and merge without touching other projects. Seeding is idempotent: a key the project already
has is left exactly as the coordinators made it, so running it again (a new default code in a
later release, the demo loaded twice) only adds what is missing.
"""

from __future__ import annotations

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Code, CodeKind, Project
from participatie.tagging.codebook import DEFAULT_CODEBOOK


def seed_codebook(project: Project) -> list[Code]:
    """Add the default codes the project does not have yet; returns the codes added."""
    if project.id is None:
        db.session.flush()
    existing = set(db.session.scalars(select(Code.key).where(Code.project_id == project.id)))
    created: list[Code] = []
    for position, entry in enumerate(DEFAULT_CODEBOOK):
        if entry["key"] in existing:
            continue
        code = Code(
            project_id=project.id,
            kind=CodeKind(entry["kind"]),
            key=entry["key"],
            label={"nl": entry["label_nl"]},
            scope_note=entry["scope_note"],
            position=position,
        )
        db.session.add(code)
        created.append(code)
    if created:
        db.session.flush()
    return created


def ensure_codebook(project: Project) -> None:
    """Seed a project that has no codes at all (projects made before seeding existed)."""
    has_codes = db.session.scalar(select(func.count(Code.id)).where(Code.project_id == project.id))
    if not has_codes:
        seed_codebook(project)
