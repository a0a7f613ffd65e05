"""What a cached participant page depends on (page_cache.py): one function per page, used by the
views and by the fast path in front of them (fast_path.py), so both find the same page."""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any

from participatie.surveys import navigation as journey
from participatie.surveys.answers import Given


def welcome_key(path: str, locale: str, has_response: bool) -> Hashable:
    return ("welcome", path, locale, has_response)


def question_key(
    path: str, locale: str, place: journey.Place, answer: Given | None, earlier: dict[str, Any]
) -> Hashable | None:
    """Everything on a question page that may differ between participants, or None when the
    page shows the participant's own words (a typed answer): such a page is not cached."""
    q = place.question
    value = None if answer is None or answer.declined else answer.value
    if value is not None and not q.is_choice:
        return None
    return (
        "question",
        path,
        locale,
        q.name,
        place.number,
        place.total,
        place.previous.name if place.previous else None,
        place.next.name if place.next else None,
        place.remaining_at_most,
        tuple(sorted(q.piped(q.label, earlier).items())),
        tuple(sorted(q.piped(q.hint, earlier).items())),
        tuple(option.name for option in q.visible_options(earlier)),
        json.dumps(value, sort_keys=True),
    )
