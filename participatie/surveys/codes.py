"""Survey codes as people type them: 'demo', ' Demo ', 'DEMO'."""

from __future__ import annotations

import re

CODE_PATTERN = re.compile(r"^[A-Z0-9-]{2,16}$")


def find_survey_code(code: str) -> str | None:
    """The normalised code, or None when it cannot be a survey code at all."""
    normalised = code.strip().upper().replace(" ", "")
    return normalised if CODE_PATTERN.match(normalised) else None
