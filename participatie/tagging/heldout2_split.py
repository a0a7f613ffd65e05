"""The spent second held-out set, split in two halves for issue 20's sixth pass (``data/LONG.md``).

``long-heldout2-a.jsonl`` and ``long-heldout2-b.jsonl`` were scored once as a whole (0.709) and are
development data since. Half of their stories (``TUNE``) may be read and tuned on; the other half
(``CHECK``) is never read item by item, only scored as a whole, to see whether a change holds on
stories by writers nobody read, and it may fit the certainty shown (``fit_calibration.SHOWN_FILES``).

The rule, fixed before any item was read: per file and per language, in file order, statements
alternate between the halves, tune first. A version of a story told earlier in another language
(``VERSIONS``) does not take a turn: it goes to the half of that story, so no translation of a
check story is read. ``VERSIONS`` holds the ten versions the writer of part a listed, and three
pairs with the same domains and a proper noun in common (found by a script that printed ids only):
possible retellings, kept together to be safe.

``python -m participatie.tagging.heldout2_split tune|check`` writes a half as JSON lines, for
``participatie themes evaluate``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "tests" / "themes" / "data"
FILES = ("long-heldout2-a.jsonl", "long-heldout2-b.jsonl")
TUNE, CHECK = "long-heldout2-tune", "long-heldout2-check"
# version -> the story it retells (told earlier in file order)
VERSIONS = {
    "H2fr001": "H2nl004",
    "H2fr006": "H2nl013",
    "H2fr011": "H2nl029",
    "H2fr023": "H2nl068",
    "H2fr032": "H2nl063",
    "H2en001": "H2nl009",
    "H2en002": "H2nl002",
    "H2en010": "H2nl035",
    "H2en020": "H2nl066",
    "H2en030": "H2nl053",
    "H2en017": "H2nl062",
    "H2ru004": "H2ar027",
    "H2fa_AF007": "H2ti001",
}


def _rows(name: str, data: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in (data / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def half_of(data: Path = DATA) -> dict[str, str]:
    """Statement id -> ``TUNE`` or ``CHECK``, by the rule of the module docstring."""
    half: dict[str, str] = {}
    for name in FILES:
        turns: dict[str, int] = {}
        for row in _rows(name, data):
            story = VERSIONS.get(row["id"])
            if story is not None:
                half[row["id"]] = half[story]
                continue
            turn = turns.get(row["lang"], 0)
            half[row["id"]] = TUNE if turn % 2 == 0 else CHECK
            turns[row["lang"]] = turn + 1
    return half


def load(which: str, data: Path = DATA) -> list[dict[str, Any]]:
    """The statements of one half (``TUNE`` or ``CHECK``), in file order."""
    if which not in (TUNE, CHECK):
        raise ValueError(f"no half {which!r}")
    half = half_of(data)
    return [row for name in FILES for row in _rows(name, data) if half[row["id"]] == which]


def main() -> None:
    which = {"tune": TUNE, "check": CHECK}[sys.argv[1]]
    for row in load(which):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
