"""The runtime needs neither NLTK corpora nor simplemma's dictionaries (DESIGN.md §8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys
import nltk.data

def refuse(*args, **kwargs):
    raise LookupError("an NLTK corpus was requested")

nltk.data.find = refuse  # any corpus lookup now fails loudly
nltk.data.load = refuse

from participatie.tagging.codebook import LANGUAGES
from participatie.tagging.sentiment import polarity
from participatie.tagging.suggester import suggest

out = {}
for lang, text in [
    ("en", "The bus is too expensive and nobody helps us."),
    ("nl", "De bus is veel te duur en niemand helpt ons."),
    ("fr", "Le bus est trop cher et personne ne nous aide."),
]:
    s = suggest(text, lang)
    out[lang] = {"domains": s.domains, "kind": s.kind, "polarity": polarity(text, lang)}
for lang in LANGUAGES:
    suggest("test", lang)
out["simplemma_loaded"] = any(name.startswith("simplemma") for name in sys.modules)
print(json.dumps(out))
"""


def test_suggester_runs_without_nltk_data_and_without_simplemma(tmp_path: Path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        **os.environ,
        "NLTK_DATA": str(empty),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "PYTHONWARNINGS": "ignore::DeprecationWarning",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    for lang in ("en", "nl", "fr"):
        assert out[lang]["domains"] == ["mobiliteit"], out
        assert out[lang]["kind"] == "knelpunt"
        assert isinstance(out[lang]["polarity"], float)
    assert out["simplemma_loaded"] is False
