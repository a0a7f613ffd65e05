"""Coordinators' decisions on tags: accept, reject, add and switch codes, alone or in bulk.

One statement has at most one *consensus* tag per code: the suggester's row (coder NULL) becomes
the coordinator's when they accept or reject it, so the suggestion, its score and its evidence stay
with the decision (what learning reads). A code a coordinator adds without a suggestion is a new
accepted row with their id. Blind second-coder tags (`is_blind_sample`) are never touched here.

Tags count for their code's *effective* code (merges, see `coordinate.codebook`), and a statement
has one kind (knelpunt / kracht / droom): turning one on turns the others off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_login import current_user

from participatie.coordinate.review.undo import ChangeLog, record_action, tag_state
from participatie.extensions import db
from participatie.models import Code, CodeKind, Project, Statement, Tag, TagStatus
from participatie.tagging.project_codebook import Codebook


def consensus_tags(statement: Statement) -> list[Tag]:
    return [tag for tag in statement.tags if not tag.is_blind_sample]


def codes_on(statement: Statement, codebook: Codebook) -> set[int]:
    """Effective ids of the codes the statement has (accepted consensus tags)."""
    return {
        codebook.effective_id(tag.code_id)
        for tag in consensus_tags(statement)
        if tag.status == TagStatus.ACCEPTED
    }


# The evidence an earlier suggester stored for a kind it guessed from nothing at all.
GUESSED = ["(default)"]


def pending_suggestions(statement: Statement, codebook: Codebook) -> dict[int, list[Tag]]:
    """Suggested rows still open, by effective code id (codes already on or off are left out).

    A kind guessed from no evidence (stored before the suggester stopped guessing) is no
    suggestion: it is neither shown nor accepted with "alle voorstellen aanvaarden".
    """
    on = codes_on(statement, codebook)
    pending: dict[int, list[Tag]] = {}
    for tag in consensus_tags(statement):
        if tag.status != TagStatus.SUGGESTED or tag.evidence == GUESSED:
            continue
        target = codebook.effective(codebook.by_id[tag.code_id])
        if target.id in on or not codebook.is_pickable(target):
            continue
        pending.setdefault(target.id, []).append(tag)
    return pending


@dataclass
class TagEditor:
    """Applies one coordinator's decisions and logs every change for undo."""

    codebook: Codebook
    user_id: int
    log: ChangeLog

    def _coder_for(self, statement: Statement, tag: Tag) -> int | None:
        # The same person's blind tag on this code holds (statement, code, coder): keep the
        # row's coder then, or the unique constraint would refuse the decision.
        for other in statement.tags:
            if (
                other.is_blind_sample
                and other.code_id == tag.code_id
                and other.coder_id == self.user_id
            ):
                return tag.coder_id
        return self.user_id

    def _set(self, statement: Statement, tag: Tag, status: TagStatus) -> None:
        before = tag_state(tag)
        tag.status = status
        tag.coder_id = self._coder_for(statement, tag)
        if tag_state(tag) != before:
            self.log.tag(tag, before)

    def _rows_for(self, statement: Statement, code: Code) -> list[Tag]:
        return [
            tag
            for tag in consensus_tags(statement)
            if self.codebook.effective_id(tag.code_id) == code.id
        ]

    def turn_on(self, statement: Statement, code: Code) -> None:
        rows = self._rows_for(statement, code)
        if any(tag.status == TagStatus.ACCEPTED for tag in rows):
            return
        own = [tag for tag in rows if tag.code_id == code.id]
        suggested = [tag for tag in rows if tag.status == TagStatus.SUGGESTED]
        chosen = (suggested + own)[0] if suggested or own else None
        if chosen is None:
            chosen = Tag(code_id=code.id, coder_id=self.user_id, status=TagStatus.ACCEPTED)
            statement.tags.append(chosen)
            db.session.flush()
            self.log.tag(chosen, None)
        else:
            self._set(statement, chosen, TagStatus.ACCEPTED)
        if code.kind == CodeKind.KIND:
            for other in self.codebook.pickable(CodeKind.KIND):
                if other.code.id != code.id:
                    self.turn_off(statement, other.code)

    def turn_off(self, statement: Statement, code: Code) -> None:
        for tag in self._rows_for(statement, code):
            if tag.status in (TagStatus.ACCEPTED, TagStatus.SUGGESTED):
                self._set(statement, tag, TagStatus.REJECTED)

    def toggle(self, statement: Statement, code: Code) -> None:
        if code.id in codes_on(statement, self.codebook):
            self.turn_off(statement, code)
        else:
            self.turn_on(statement, code)

    def accept_suggestions(self, statement: Statement) -> None:
        for code_id in pending_suggestions(statement, self.codebook):
            self.turn_on(statement, self.codebook.by_id[code_id])

    def reject_suggestions(self, statement: Statement, code: Code | None = None) -> None:
        for code_id, tags in pending_suggestions(statement, self.codebook).items():
            if code is None or code_id == code.id:
                for tag in tags:
                    self._set(statement, tag, TagStatus.REJECTED)


def _dedupe_suggestions(statements: Iterable[Statement]) -> None:
    """Two pages opened at once may both have stored a suggestion: keep one row per code."""
    for statement in statements:
        seen: set[int] = set()
        for tag in sorted(consensus_tags(statement), key=lambda t: (t.coder_id is None, t.id)):
            if tag.code_id in seen and tag.coder_id is None and tag.status == TagStatus.SUGGESTED:
                statement.tags.remove(tag)
                db.session.delete(tag)
            seen.add(tag.code_id)


# What each queue action does to one statement; `code` only for the actions that name one.
ACTIONS = ("accept_all", "reject_all", "toggle", "reject", "add_code")


def apply_to_statements(
    project: Project,
    codebook: Codebook,
    action: str,
    statements: list[Statement],
    code: Code | None = None,
) -> ChangeLog:
    """Apply a queue action to statements of the project and record it for the audit log."""
    _dedupe_suggestions(statements)
    editor = TagEditor(codebook, current_user.id, ChangeLog())
    for statement in statements:
        if action == "accept_all":
            editor.accept_suggestions(statement)
        elif action == "reject_all":
            editor.reject_suggestions(statement)
        elif action == "toggle" and code is not None:
            editor.toggle(statement, code)
        elif action == "reject" and code is not None:
            editor.reject_suggestions(statement, code)
        elif action == "add_code" and code is not None:
            editor.turn_on(statement, code)
        else:
            raise ValueError(f"unknown queue action {action!r}")
    db.session.flush()
    single = statements[0].public_id if len(statements) == 1 else ""
    record_action(
        f"review.{action}",
        project,
        editor.log,
        {"action": action, "statements": len(statements), "code": code.key if code else None},
        object_type="statement",
        object_id=single,
    )
    return editor.log
