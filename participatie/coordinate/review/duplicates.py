"""Statements with the same words: shown once in the review queue, decided once for all of them.

Why: several participants can give exactly the same answer (a short "te duur", a pre-filled
example, the demo's pool of answers), and a queue that shows it ten times wastes a coordinator's
few hours and invites ten different decisions on one text. The queue shows the earliest statement
of each group, says how many times it was given, and applies a decision on it to the whole group,
in one action (so one undo reverses it for all).

Same words means: the same language and the same words in the same order, whatever the case,
spacing, punctuation, symbols, quote marks or invisible characters (zero-width spaces, a Unicode
composed or decomposed é): "Te duur!", "te  duur" and "Te duur…" are one text; "te duur" and
"niet te duur" are two. Statements still are separate rows (reports count every participant who
said it).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Final

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Project, Quote, Statement

_SPACE: Final = re.compile(r"\s+")


def _word_char(char: str) -> str:
    """The character as it counts for "same words": punctuation and symbols are a space,
    format characters (zero-width space, joiners, soft hyphen, bidi marks) nothing."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    return " " if category[0] in "PSZ" else char


def same_words_key(language: str, text: str) -> tuple[str, str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return language, _SPACE.sub(" ", "".join(map(_word_char, folded))).strip()


def duplicate_groups(project: Project) -> list[list[int]]:
    """Groups of statements with the same words (two or more each), earliest first."""
    rows = db.session.execute(
        select(Statement.id, Statement.language, Quote.text, Answer.value)
        .outerjoin(Quote, Quote.id == Statement.quote_id)
        .outerjoin(Answer, Answer.id == Statement.answer_id)
        .where(Statement.project_id == project.id)
        .order_by(Statement.created_at, Statement.id)
    ).all()
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for statement_id, language, quote_text, answer_value in rows:
        text = quote_text if quote_text is not None else answer_value
        if isinstance(text, str) and text.strip():
            groups[same_words_key(language, text)].append(statement_id)
    return [ids for ids in groups.values() if len(ids) > 1]


def hidden_copies(groups: list[list[int]], visible: set[int]) -> tuple[set[int], dict[int, int]]:
    """What the queue hides, and how many copies each shown statement stands for.

    Among the statements the current filters let through (``visible``), the earliest of each
    group is shown; its copies are hidden, whether the filters let them through or not.
    """
    hidden: set[int] = set()
    counts: dict[int, int] = {}
    for ids in groups:
        shown = next((i for i in ids if i in visible), None)
        if shown is None:
            continue
        hidden |= {i for i in ids if i != shown}
        counts[shown] = len(ids) - 1
    return hidden, counts


def with_copies(project: Project, statements: list[Statement]) -> list[Statement]:
    """``statements`` followed by their copies (a decision on one holds for the group)."""
    member_of = {i: ids for ids in duplicate_groups(project) for i in ids}
    known = {s.id for s in statements}
    extra = [i for s in statements for i in member_of.get(s.id, []) if i not in known]
    if not extra:
        return statements
    copies = db.session.scalars(select(Statement).where(Statement.id.in_(set(extra)))).all()
    return [*statements, *copies]
