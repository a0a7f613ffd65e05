"""A project's codebook as one in-memory snapshot: labels, hierarchy, merges and what may be picked.

Why a snapshot: the review queue, the codebook page, the agreement figures and the export all ask
the same questions ("which code does this tag count for now?", "which codes may a coordinator
pick?") many times per page. One query loads the project's codes; everything else is a lookup.

Merging does not move tags: a tag on a merged code counts for the code it was merged into (its
*effective* code), so a merge never breaks or loses a tag and is undone by clearing
`merged_into_id`. Results and exports should ask `effective()` too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Code, CodeKind, Project
from participatie.tagging.labels import code_label
from participatie.tagging.seeding import ensure_codebook

KIND_ORDER = (CodeKind.DOMAIN, CodeKind.BARRIER, CodeKind.KIND)


@dataclass(frozen=True)
class CodeRow:
    """A code placed in its tree, for pages that list the codebook."""

    code: Code
    label: str
    depth: int


class Codebook:
    def __init__(self, codes: list[Code]) -> None:
        self.codes = sorted(codes, key=lambda c: (KIND_ORDER.index(c.kind), c.position, c.id))
        self.by_id = {code.id: code for code in self.codes}
        self.by_key = {code.key: code for code in self.codes}
        self._labels: dict[int, str] = {}
        self._children: dict[int, list[Code]] = {}
        for code in self.codes:
            if code.parent_id is not None:
                self._children.setdefault(code.parent_id, []).append(code)
        self._pickable: dict[CodeKind | None, list[CodeRow]] = {}

    def label(self, code: Code) -> str:
        if code.id not in self._labels:
            self._labels[code.id] = code_label(code)
        return self._labels[code.id]

    def effective(self, code: Code) -> Code:
        """The code a tag on `code` counts for: follows merges (a loop stops where it closes)."""
        seen = {code.id}
        while code.merged_into_id is not None and code.merged_into_id not in seen:
            code = self.by_id[code.merged_into_id]
            seen.add(code.id)
        return code

    def effective_id(self, code_id: int) -> int:
        return self.effective(self.by_id[code_id]).id

    def top(self, code: Code) -> Code:
        """The top-level code above a sub-code (the code itself at the top)."""
        seen = {code.id}
        while code.parent_id is not None and code.parent_id not in seen:
            code = self.by_id[code.parent_id]
            seen.add(code.id)
        return code

    def children(self, code: Code) -> list[Code]:
        return self._children.get(code.id, [])

    def tree(self, kind: CodeKind | None = None) -> Iterator[CodeRow]:
        """Every code, parents before their sub-codes, in codebook order."""
        roots = [c for c in self.codes if c.parent_id is None and (kind is None or c.kind == kind)]

        def walk(code: Code, depth: int) -> Iterator[CodeRow]:
            yield CodeRow(code, self.label(code), depth)
            for child in self.children(code):
                yield from walk(child, depth + 1)

        for root in roots:
            yield from walk(root, 0)

    def is_pickable(self, code: Code) -> bool:
        """Offered in pickers and suggestions: switched on, not merged, and its parents on."""
        if code.merged_into_id is not None or not code.active:
            return False
        parent = self.by_id.get(code.parent_id) if code.parent_id is not None else None
        return parent is None or self.is_pickable(parent)

    def pickable(self, kind: CodeKind | None = None) -> list[CodeRow]:
        if kind not in self._pickable:
            self._pickable[kind] = [row for row in self.tree(kind) if self.is_pickable(row.code)]
        return self._pickable[kind]

    def shortcut_domains(self) -> list[Code]:
        """The top-level domains behind the keys 1-9 and 0, in codebook order."""
        return [row.code for row in self.pickable(CodeKind.DOMAIN) if row.code.parent_id is None][
            :10
        ]

    def covered_ids(self, code: Code) -> set[int]:
        """Codes whose tags count as `code` in a filter: itself, its sub-codes, codes merged in."""
        found = {code.id}
        changed = True
        while changed:
            changed = False
            for other in self.codes:
                if other.id in found:
                    continue
                if other.parent_id in found or other.merged_into_id in found:
                    found.add(other.id)
                    changed = True
        return found

    def default_key(self, code: Code) -> str:
        """The default-codebook key a tag on `code` teaches the suggester about."""
        return self.effective(self.top(self.effective(code))).key


def load_codebook(project: Project) -> Codebook:
    ensure_codebook(project)
    return Codebook(list(db.session.scalars(select(Code).where(Code.project_id == project.id))))
