"""The demo survey DEMO: eight plain-language questions across the levensdomeinen.

Fictional. The definition is data (survey.json): Dutch source texts and the languages the demo
project offers, in the same shape survey templates use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEMO_SURVEY: dict[str, Any] = json.loads((Path(__file__).parent / "survey.json").read_text("utf-8"))
