"""The queue page must not load simplemma, nor NLTK, into a web worker (DESIGN.md §8, issue 11).

simplemma's dictionaries take 40-850 MB per language once loaded; NLTK, which TextBlob's packages
import in their __init__, takes 16 MB and the suggester needs none of it (tagging/sentiment.py). The queue suggests codes for the
statements it shows, so the suggester runs inside the request: it must use the pre-expanded
lexicons only. A fresh Python process plays the web worker, so nothing another test imported can
hide (or fake) the import.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from tests.fresh_process import run_script

WORKER = """
import json, sys
from pathlib import Path
from participatie.tagging.sentiment import analyzer
from tests.conftest import PageCheckingClient, login, make_app

app = make_app(sys.argv[1], Path(sys.argv[2]))
app.test_client_class = PageCheckingClient
client = app.test_client()
login(client, "coordinator@kempenaar.example")
page = client.get("/projecten/demo/uitspraken")
assert page.status_code == 200, page.status_code
print(json.dumps({
    "statements": page.get_data(as_text=True).count('<article class="statement"'),
    "suggestions": page.get_data(as_text=True).count("omdat:"),
    "simplemma": sorted(name for name in sys.modules if name.split(".")[0] == "simplemma"),
    "sentiment_languages": analyzer.cache_info().currsize,
    "nltk": sorted(name for name in sys.modules if name.split(".")[0] == "nltk"),
}))
"""


def test_rendering_the_queue_imports_neither_simplemma_nor_nltk(
    app: Flask, demo: None, database_url: str, tmp_path: Path
) -> None:
    found = run_script(WORKER, database_url, str(tmp_path))
    assert found["statements"] == 20
    assert found["suggestions"] > 0  # the suggester did run in this process
    assert found["simplemma"] == []
    assert found["sentiment_languages"] > 0  # TextBlob's pattern sentiment did run
    assert found["nltk"] == []
