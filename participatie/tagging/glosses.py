"""The Dutch concept of a lexicon entry: what "taksitle" means to a coordinator who reads no Turkish.

Why: the review queue shows the words of a statement that made the suggester propose a code. For a
statement in Turkish or Arabic those words alone tell a Dutch-speaking coordinator nothing; with
their Dutch concept ("taksitle → in schijven betalen") the coordinator can check the suggestion.

``lexicons/glosses/<lang>.json`` maps lexicon entries, written as in the lexicon (``"taksit*"``,
``"ev sahibi"``; a weight suffix may be left out), to a short Dutch gloss. An entry without a gloss
has none: the queue then names the code it counts for, which is its concept too. Dutch has no
glosses file: its words are their own concept.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from participatie.tagging.matcher import parse_entry

GLOSS_DIR = Path(__file__).resolve().parent / "lexicons" / "glosses"


def gloss_key(term: str) -> str:
    """``Entry.text`` without exact-form markers: ``=iyi`` (a kind cue) means what ``iyi`` means."""
    return " ".join(word.lstrip("=") for word in term.split())


@cache
def glosses(lang: str) -> dict[str, str]:
    """``{gloss_key(entry text): Dutch gloss}`` for ``lang``."""
    path = GLOSS_DIR / f"{lang}.json"
    if not path.exists():
        return {}
    source = json.loads(path.read_text(encoding="utf-8"))
    return {
        gloss_key(parse_entry(raw, "gloss", lang).text): str(dutch) for raw, dutch in source.items()
    }


def dutch_concept(lang: str, term: str) -> str | None:
    """The Dutch gloss of the lexicon entry ``term`` (an ``Entry.text``), or None."""
    if lang == "nl":
        return None
    return glosses(lang).get(gloss_key(term))
