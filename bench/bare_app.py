"""The bare Flask "hello" app: the ceiling our pages are measured against (DESIGN.md §7).

Served by gunicorn with deploy/gunicorn.conf.py, exactly like the real app, in the same run.
`/healthz` lets the server helpers wait for it the way they wait for the real app.
"""

from __future__ import annotations

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
