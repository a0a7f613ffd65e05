"""Reading the home pages in tests: a step's status and count, the attention items, a form's
current values (so a test can submit a real form with one field changed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from flask import Flask

from tests.conftest import PageCheckingClient, login

COORDINATOR = "coordinator@kempenaar.example"
STUURGROEP = "stuurgroep@kempenaar.example"
VOLUNTEER = "vrijwilliger@kempenaar.example"


def logged_in(app: Flask, email: str) -> PageCheckingClient:
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    login(client, email)  # type: ignore[arg-type]
    return client  # type: ignore[return-value]


def steps(html: str) -> dict[str, tuple[str, int]]:
    """{step key: (status, count)} from the task list's data attributes."""
    return {
        key: (status, int(count))
        for key, status, count in re.findall(
            r'id="stap-([\w-]+)" data-status="(\w+)" data-count="(\d+)"', html
        )
    }


def attention(html: str) -> dict[str, tuple[str, str]]:
    """{item key: (link, sentence)} of "Wat vraagt aandacht"."""
    return {
        key: (link.replace("&amp;", "&"), sentence)
        for key, link, sentence in re.findall(
            r'<li id="aandacht-([\w-]+)"><a href="([^"]+)">([^<]+)</a></li>', html
        )
    }


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, Any] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.values[name] = a.get("value", "on")
            elif kind not in ("submit", "button"):
                self.values[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def form_values(html: str) -> dict[str, Any]:
    reader = _FormReader()
    reader.feed(html)
    return reader.values
