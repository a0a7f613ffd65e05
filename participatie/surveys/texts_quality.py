"""Checks on a translator's file before anything of it is imported (issue 16, bad input).

A translation that lost a placeholder, is written in another script than its language's (a
Latin "Arabic" text, a Cyrillic "Tigrinya" one) or carries HTML its Dutch source does not have
would reach a parent's phone broken. One such line refuses the whole file: the coordinator gets
every bad line with its reason, and nothing is imported.
"""

from __future__ import annotations

import re
import unicodedata

from flask_babel import lazy_gettext as _l

PLACEHOLDER = re.compile(r"%\([a-z_][a-z0-9_]*\)[sd]|\{[a-z_][a-z0-9_]*\}", re.IGNORECASE)
TAG = re.compile(r"</?[a-z][a-z0-9]*(\s[^<>]*)?/?>", re.IGNORECASE)

# The script each language is written in, as Unicode names its letters.
SCRIPTS: dict[str, str] = {
    "ar": "ARABIC",
    "fa_AF": "ARABIC",
    "ti": "ETHIOPIC",
    "bg": "CYRILLIC",
    "uk": "CYRILLIC",
    "ru": "CYRILLIC",
}
LATIN = "LATIN"

FILE_REFUSED = _l("We lazen niets in. Deze vertalingen moeten eerst beter:")
LOST_PLACEHOLDER = _l("%(id)s: %(placeholder)s ontbreekt in de vertaling.")
WRONG_SCRIPT = _l("%(id)s: de vertaling staat niet in het schrift van deze taal.")
HTML_ADDED = _l("%(id)s: de vertaling bevat HTML-code. Die hoort hier niet.")


def _script_share(text: str, script: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    inside = sum(1 for ch in letters if unicodedata.name(ch, "").startswith(script))
    return inside / len(letters)


def line_problems(text_id: str, language: str, source: str, target: str) -> list[str]:
    """Why this translation cannot be imported; empty when it is fine."""
    problems = []
    for placeholder in dict.fromkeys(m.group(0) for m in PLACEHOLDER.finditer(source)):
        if placeholder not in target:
            problems.append(str(LOST_PLACEHOLDER % {"id": text_id, "placeholder": placeholder}))
    # Names, "UiTPAS" or a street may stay in Latin letters: half the letters must be the
    # language's own script.
    script = SCRIPTS.get(language, LATIN)
    if _script_share(PLACEHOLDER.sub("", target), script) < 0.5:
        problems.append(str(WRONG_SCRIPT % {"id": text_id}))
    if TAG.search(target) and not TAG.search(source):
        problems.append(str(HTML_ADDED % {"id": text_id}))
    return problems
