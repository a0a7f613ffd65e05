"""Redaction and the one question reports ask: may this statement be shown, and as which text?

The participant's own words stay untouched at their source (`Quote.text`, `Answer.value`). A
coordinator's review writes `Statement.redacted_text`: the text with the chosen findings replaced
by a placeholder, or the text unchanged when nothing needed to go. A review only counts while it
still fits the source text: when the words change afterwards, the statement needs a new review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from participatie.models import Statement
from participatie.privacy.detect import Finding, FindingKind, find_personal_data

# Stored in the report text, so in the source language; they read as "[name]" in any report.
PLACEHOLDERS: dict[FindingKind | None, str] = {
    FindingKind.NAME: "[naam]",
    FindingKind.PHONE: "[telefoonnummer]",
    FindingKind.EMAIL: "[e-mailadres]",
    FindingKind.ADDRESS: "[adres]",
    FindingKind.NATIONAL_NUMBER: "[rijksregisternummer]",
    None: "[weggelaten]",  # words the coordinator chose to leave out themselves
}
PLACEHOLDER_PATTERN = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
# Project setting: capitalised words that are not personal data in this project.
ALLOWED_WORDS_SETTING = "privacy_allowed_words"


def allowed_words(statement: Statement) -> set[str]:
    project = statement.project
    words = set(project.settings.get(ALLOWED_WORDS_SETTING, []) if project.settings else [])
    words.update(project.municipality.split())
    return words


def statement_findings(statement: Statement) -> list[Finding]:
    """What may be personal in the participant's own words."""
    return find_personal_data(statement.text, allowed_words(statement))


def redact(text: str, findings: Iterable[Finding], extra_phrases: Sequence[str] = ()) -> str:
    """`text` with each finding, and every occurrence of each extra phrase, replaced."""
    spans: list[tuple[int, int, str]] = [
        (f.start, f.end, PLACEHOLDERS[f.kind]) for f in findings if text[f.start : f.end] == f.text
    ]
    for phrase in extra_phrases:
        if phrase.strip():
            for match in re.finditer(re.escape(phrase.strip()), text, flags=re.IGNORECASE):
                spans.append((match.start(), match.end(), PLACEHOLDERS[None]))
    merged: list[tuple[int, int, str]] = []
    for start, end, placeholder in sorted(spans):
        if merged and start < merged[-1][1]:
            # Overlapping choices: one placeholder covers both.
            last_start, last_end, last_placeholder = merged[-1]
            merged[-1] = (last_start, max(end, last_end), last_placeholder)
        else:
            merged.append((start, end, placeholder))
    pieces: list[str] = []
    position = 0
    for start, end, placeholder in merged:
        pieces.append(text[position:start])
        pieces.append(placeholder)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def review_fits(redacted: str, original: str) -> bool:
    """True when `redacted` is `original` with some parts replaced by placeholders.

    Every piece between placeholders must appear in the original, in order, with at least one
    character hidden behind each placeholder. Greedy leftmost matching decides this exactly.
    """
    pieces = PLACEHOLDER_PATTERN.split(redacted)
    if len(pieces) == 1:
        return redacted == original
    first, *middle, last = pieces
    if not original.startswith(first) or not original.endswith(last):
        return False
    position = len(first)
    limit = len(original) - len(last)
    for piece in middle:
        found = original.find(piece, position + 1, limit)
        if found < 0:
            return False
        position = found + len(piece)
    return position < limit


def report_text(statement: Statement) -> str | None:
    """The text a report may show, or None while personal data in it is unresolved."""
    original = statement.text
    if statement.redacted_text is not None and review_fits(statement.redacted_text, original):
        return statement.redacted_text
    if not statement_findings(statement):
        return original
    return None


def needs_review(statement: Statement) -> bool:
    return report_text(statement) is None
