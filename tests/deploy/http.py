"""A small cookie-keeping HTTP client over urllib, for tests against real servers."""

from __future__ import annotations

import gzip
import http.cookiejar
import json
import re
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from html.parser import HTMLParser
from typing import Any


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Reply:
    status: int
    headers: Message
    body: str
    wire_bytes: int


class Session:
    def __init__(
        self, base: str, headers: dict[str, str] | None = None, timeout: float = 10
    ) -> None:
        self.base = base
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, path: str, data: Mapping[str, str | list[str]] | None = None) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        return self._send(path, body, {})

    def post_json(self, path: str, payload: object, headers: dict[str, str]) -> Reply:
        body = json.dumps(payload).encode()
        return self._send(path, body, {"Content-Type": "application/json", **headers})

    def _send(self, path: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"Accept-Encoding": "gzip", **self.headers, **headers},
        )
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        raw = response.read()
        text = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
        return Reply(response.status, response.headers, text.decode("utf-8", "replace"), len(raw))

    def get(self, path: str) -> Reply:
        return self.request(path)

    def post(self, path: str, data: Mapping[str, str | list[str]]) -> Reply:
        return self.request(path, data)

    @staticmethod
    def main_text(html: str) -> str:
        """The words of the page's <main>, tags removed: what a failed assertion should show
        (a form's error summary comes before the <h1>, past the first few hundred characters)."""
        match = re.search(r"<main[^>]*>(.*?)</main>", html, re.S)
        return " ".join(re.sub(r"<[^>]+>", " ", match.group(1) if match else html).split())

    @staticmethod
    def field(html: str, name: str) -> str:
        match = re.search(rf'name="{name}"(?: type="hidden")? value="([^"]+)"', html)
        assert match, f"no {name} field"
        return match.group(1)


class _FormReader(HTMLParser):
    """The fields a browser would send for the first form whose opening tag contains `marker`:
    checked boxes only, the selected option, no submit buttons (those are sent only when
    clicked)."""

    def __init__(self, marker: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.fields: list[tuple[str, str]] = []
        self.state = "before"  # before → inside → after
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form" and self.state == "before":
            opening = self.get_starttag_text() or ""
            if self.marker in opening:
                self.state = "inside"
            return
        if self.state != "inside" or "disabled" in found:
            return
        name = found.get("name")
        if tag == "input" and name:
            kind = found.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in found:
                return
            self.fields.append((name, found.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select is not None:
            value = found.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in found and not self._select_chosen:
                self._select_chosen = True
                self.fields.append((self._select, value))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.state != "inside":
            return
        if tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline right after <textarea>.
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if not self._select_chosen and self._select_first is not None:
                self.fields.append((self._select, self._select_first))
            self._select = None
        elif tag == "form":
            self.state = "after"


def form_fields(html: str, marker: str = "<form") -> dict[str, str | list[str]]:
    """What submitting the form (the first whose tag contains `marker`) unchanged would send."""
    reader = _FormReader(marker)
    reader.feed(html)
    assert reader.state != "before", f"no form with {marker!r}"
    fields: dict[str, str | list[str]] = {}
    for name, value in reader.fields:
        if name in fields:
            previous = fields[name]
            fields[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            fields[name] = value
    return fields
