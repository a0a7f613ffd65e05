"""Checks every HTML page a test fetches (Notify's client_request): valid HTML, one <h1>, a
<title> that starts with it, unique ids, and lang/dir on <html>."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import html5lib
from html5lib.html5parser import ParseError

NS = "{http://www.w3.org/1999/xhtml}"


class PageProblem(AssertionError):
    pass


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def check_page(html: str, path: str = "") -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        document = parser.parse(html)
    except ParseError as error:
        where = parser.errors[-1][0] if parser.errors else "?"
        lines = html.splitlines()
        context = lines[where[0] - 1] if isinstance(where, tuple) and where[0] <= len(lines) else ""
        raise PageProblem(f"{path}: invalid HTML ({error}) at {where}: {context[:200]}") from error
    root = document
    if root.get("lang") in (None, ""):
        raise PageProblem(f"{path}: <html> has no lang")
    if root.get("dir") not in ("ltr", "rtl"):
        raise PageProblem(f"{path}: <html> has no dir")
    headings = root.findall(f".//{NS}h1")
    if len(headings) != 1:
        raise PageProblem(f"{path}: expected exactly one <h1>, found {len(headings)}")
    title = root.find(f".//{NS}title")
    h1_text = _text(headings[0])
    if title is None or not _text(title).startswith(h1_text) or not h1_text:
        raise PageProblem(
            f"{path}: <title> {_text(title) if title is not None else None!r} "
            f"does not start with <h1> {h1_text!r}"
        )
    ids = Counter(element.get("id") for element in root.iter() if element.get("id"))
    duplicates = [value for value, count in ids.items() if count > 1]
    if duplicates:
        raise PageProblem(f"{path}: duplicate ids {duplicates}")
