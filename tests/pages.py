"""Checks every HTML page a test fetches (Notify's client_request): valid HTML, one <h1>, a
<title> that starts with it, unique ids, and lang/dir on <html>."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
from html5lib.html5parser import ParseError

NS = "{http://www.w3.org/1999/xhtml}"


class PageProblem(AssertionError):
    pass


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


# A page that passed is not parsed again (html5lib is pure Python: 2-30 ms a page, and tests fetch
# the same pages over and over). Pages differ between requests mostly in per-request tokens (the
# CSRF token, a form's idempotency key, a CSP nonce): these are replaced by a fixed value of the
# same alphabet before hashing, which changes nothing the check looks at (markup, h1, title, ids).
_PER_REQUEST = re.compile(
    r'(name="(?:csrf_token|idem)"(?: type="hidden")? value=")[^"]*"|(nonce=")[^"]*"'
)
_passed: set[bytes] = set()
# A page that passed in another process of the same CI run (the other pytest-xdist worker, or the
# SQLite pass when this is the PostgreSQL pass) is not parsed again either: .ci/run names a
# directory that holds one empty file per fingerprint that passed. Same fingerprint, same
# normalised HTML, so the same outcome; a page that failed is never written there.
_SHARED = Path(os.environ["PAGE_CHECK_CACHE"]) if os.environ.get("PAGE_CHECK_CACHE") else None


def _fingerprint(html: str) -> bytes:
    normalised = _PER_REQUEST.sub(lambda m: (m.group(1) or m.group(2)) + 'x"', html)
    return hashlib.blake2b(normalised.encode(), digest_size=16).digest()


def check_page(html: str, path: str = "") -> None:
    fingerprint = _fingerprint(html)
    if fingerprint in _passed:
        return
    shared = _SHARED / fingerprint.hex() if _SHARED is not None else None
    if shared is not None and shared.exists():
        _passed.add(fingerprint)
        return
    _check_page(html, path)
    _passed.add(fingerprint)
    if shared is not None:
        shared.touch()


def _check_page(html: str, path: str) -> None:
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
