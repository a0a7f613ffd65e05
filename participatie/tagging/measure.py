"""Build step: the suggester's measured accuracy on the labelled statements it was not tuned on.

``python -m participatie.tagging.measure`` scores the suggester on the held-out files in
``tests/themes/data`` and writes precision and recall
per domain and per language to ``measured.json``, next to this file. The coordinators' page "Hoe
goed zijn de voorstellen?" shows these figures next to the project's own; the labelled files are
not shipped with the package, so the figures are. Run it after changing a lexicon or the model.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from participatie.tagging.evaluation import evaluate
from participatie.tagging.suggester import suggest

MEASURED_PATH = Path(__file__).resolve().parent / "measured.json"
DATA = Path(__file__).resolve().parents[2] / "tests" / "themes" / "data"
# Only statements no word list or rule was chosen on: the page says "never seen before". Both sets
# of long statements are spent (``data/LONG.md``): ``long-heldout.jsonl`` after three scores, the
# second held-out set (``long-heldout2-*``) after its one score, when half of it (H2-tune) was read
# and tuned on and the other half (H2-check) scored again and again to check changes (issue 20,
# sixth pass). The third held-out set (``long-heldout3-*``, 258 stories by two more writers) was
# written before the sixth pass's figures were known and scored once after it, untouched since.
HELD_OUT_FILES = ("heldout.jsonl", "long-heldout3-a.jsonl", "long-heldout3-b.jsonl")


def measure(names: tuple[str, ...] = HELD_OUT_FILES, data: Path = DATA) -> dict[str, Any]:
    rows = [
        json.loads(line)
        for name in names
        for line in (data / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    predictions = [suggest(row["text"], row["lang"]).__dict__ for row in rows]
    domains = evaluate(rows, predictions)["facets"]["domains"]
    keep = ("precision", "recall", "f1")
    return {
        "files": list(names),
        "statements": len(rows),
        "overall": {k: domains["overall"]["micro"][k] for k in keep},
        "per_domain": {
            code: {"support": row["support"], **{k: row[k] for k in keep}}
            for code, row in domains["per_code"].items()
        },
        "per_language": {
            lang: {"n": row["n"], **{k: row["micro"][k] for k in keep}}
            for lang, row in domains["per_language"].items()
        },
    }


@cache
def measured() -> dict[str, Any]:
    """The stored figures (``{}`` when the build step never ran in this checkout)."""
    try:
        return dict(json.loads(MEASURED_PATH.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


def main() -> None:
    figures = measure()
    MEASURED_PATH.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures["overall"]), file=sys.stderr)


if __name__ == "__main__":
    main()
