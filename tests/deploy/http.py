"""A small cookie-keeping HTTP client over urllib, for tests against real servers."""

from __future__ import annotations

import gzip
import http.cookiejar
import re
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
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
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, path: str, data: Mapping[str, str | list[str]] | None = None) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Accept-Encoding": "gzip"}
        )
        try:
            response = self.opener.open(request, timeout=10)
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
    def field(html: str, name: str) -> str:
        match = re.search(rf'name="{name}"(?: type="hidden")? value="([^"]+)"', html)
        assert match, f"no {name} field"
        return match.group(1)
