"""Reviewing personal data in statements (focus-group quotes and open answers alike) before they
can appear in a report. The decision is stored as `Statement.redacted_text`; see
participatie.privacy for how reports use it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie import audit
from participatie.coordinate.focusgroups.forms import RedactionForm, options
from participatie.extensions import db
from participatie.models import Project, Statement
from participatie.privacy import Finding, FindingKind, redact, report_text, statement_findings
from participatie.privacy.redaction import ALLOWED_WORDS_SETTING

FINDING_LABELS = {
    FindingKind.NAME: _l("naam"),
    FindingKind.PHONE: _l("telefoonnummer"),
    FindingKind.EMAIL: _l("e-mailadres"),
    FindingKind.ADDRESS: _l("adres"),
    FindingKind.NATIONAL_NUMBER: _l("rijksregisternummer"),
}
TEXT_CHANGED = _l("De tekst is intussen veranderd. Kijk de uitspraak opnieuw na.")
MAX_ALLOWED_WORDS = 500


@dataclass(frozen=True)
class Segment:
    text: str
    finding: Finding | None


@dataclass(frozen=True)
class ReviewRow:
    statement: Statement
    findings: list[Finding]


def get_statement(project: Project, public_id: str) -> Statement:
    statement = db.session.scalar(
        select(Statement).where(
            Statement.public_id == public_id, Statement.project_id == project.id
        )
    )
    if statement is None:
        abort(404)
    return statement


def statements_to_review(project: Project) -> list[ReviewRow]:
    """Every statement of the project a report may not show yet, oldest first."""
    statements = db.session.scalars(
        select(Statement)
        .where(Statement.project_id == project.id)
        .options(selectinload(Statement.quote), selectinload(Statement.answer))
        .order_by(Statement.id)
    )
    return [
        ReviewRow(statement, statement_findings(statement))
        for statement in statements
        if report_text(statement) is None
    ]


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """The text cut into plain pieces and findings, to show the findings highlighted."""
    pieces: list[Segment] = []
    position = 0
    for finding in findings:
        if finding.start > position:
            pieces.append(Segment(text[position : finding.start], None))
        pieces.append(Segment(text[finding.start : finding.end], finding))
        position = finding.end
    if position < len(text):
        pieces.append(Segment(text[position:], None))
    return pieces


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def redaction_form(statement: Statement, findings: list[Finding]) -> RedactionForm:
    form = RedactionForm()
    form.remove.choices = options((f.id, f.text) for f in findings)
    if not form.is_submitted():
        form.remove.data = [f.id for f in findings]  # proposing to leave everything out
        form.fingerprint.data = fingerprint(statement.text)
    return form


def text_still_the_same(statement: Statement, form: RedactionForm) -> bool:
    if form.fingerprint.data == fingerprint(statement.text):
        return True
    form.fingerprint.errors = [str(TEXT_CHANGED)]
    # Show the new text's findings, ready for a fresh decision.
    form.fingerprint.data = fingerprint(statement.text)
    form.remove.data = [choice.value for choice in form.remove.choices or []]
    return False


def apply_redaction(
    project: Project, statement: Statement, findings: list[Finding], form: RedactionForm
) -> str:
    chosen = set(form.remove.data or [])
    removed = [f for f in findings if f.id in chosen]
    extra = [line.strip() for line in (form.extra.data or "").splitlines() if line.strip()]
    statement.redacted_text = redact(statement.text, removed, extra)
    kept = [f for f in findings if f.id not in chosen]
    if form.remember.data and kept:
        _remember_allowed_words(project, kept)
    audit.record(
        "statement.redact",
        project=project,
        object_type="statement",
        object_id=statement.public_id,
        removed=[f.kind.value for f in removed],
        kept=[f.kind.value for f in kept],
        extra=len(extra),
    )
    return statement.redacted_text


def _remember_allowed_words(project: Project, kept: list[Finding]) -> None:
    """Names and places kept on purpose ("De Brug", the town) stop being flagged project-wide.
    Numbers and e-mail addresses are never remembered: they are personal wherever they appear."""
    settings = dict(project.settings or {})
    words = list(settings.get(ALLOWED_WORDS_SETTING, []))
    for finding in kept:
        if finding.kind in (FindingKind.NAME, FindingKind.ADDRESS):
            words.extend(w for w in finding.text.split() if w[:1].isupper() and w not in words)
    settings[ALLOWED_WORDS_SETTING] = words[-MAX_ALLOWED_WORDS:]
    project.settings = settings  # a new dict: the JSON column notices only an assignment
