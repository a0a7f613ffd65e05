"""Participant pages rendered once and served many times: the hot path of issue 18.

A welcome or question page is the same for every participant who sees the same thing: the
survey's revision, the language, the question with its place, its piped texts, the options shown
and the answer already chosen. Only the CSRF token and the idempotency key differ per request.
Such a page is rendered once with markers in their place and kept with its definition (a changed
survey is a new definition, so its old pages go with it). A request joins the parts with its own
tokens. Compression is done once too: each part is deflated on its own, ending in a full flush,
and deflate blocks that stand alone may be concatenated; the tokens go between them as stored
(uncompressed) blocks, since random tokens do not compress anyway.

A cache must never show one participant's data to another: the caller's key holds everything on
the page that depends on answers, pages showing a participant's own words are never cached, and
under TESTING every hit is rendered again and must be identical (tests/surveys/test_page_cache.py
and every journey test check that).
"""

from __future__ import annotations

import secrets
import struct
import threading
import zlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from flask import Response, current_app, request

from participatie.surveys.definition import SurveyDef

# Random per process, so no answer a participant types can ever equal one.
CSRF_MARK = "csrf-mark-" + secrets.token_hex(12)
IDEM_MARK = "idem-mark-" + secrets.token_hex(12)
_MARKS = (CSRF_MARK, IDEM_MARK)
# Pages kept per survey definition before the oldest are dropped: far more than a survey's
# questions × languages, and little memory (a few kilobytes each).
MAX_PAGES = 600
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # no name, no time, best compression
_FINAL_BLOCK = b"\x03\x00"  # an empty final block with fixed codes: the deflate stream ends


@dataclass(frozen=True)
class CachedPage:
    parts: tuple[bytes, ...]  # the page's UTF-8 text between the markers
    slots: tuple[int, ...]  # which marker (index in _MARKS) follows each part but the last
    deflated: tuple[bytes, ...]  # each part raw-deflated, ending byte-aligned (full flush)
    crc: tuple[int, ...]  # zlib.crc32 of each part, to combine with the tokens' per request

    def body(self, values: Sequence[str]) -> bytes:
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out += (values[slot].encode(), part)
        return b"".join(out)

    def gzipped(self, values: Sequence[str]) -> bytes:
        out = [_GZIP_HEADER, self.deflated[0]]
        crc = self.crc[0]
        size = len(self.parts[0])
        for index, slot in enumerate(self.slots, start=1):
            token = values[slot].encode()
            out += (_stored_block(token), self.deflated[index])
            crc = zlib.crc32(self.parts[index], zlib.crc32(token, crc))
            size += len(token) + len(self.parts[index])
        out += (_FINAL_BLOCK, struct.pack("<II", crc, size & 0xFFFFFFFF))
        return b"".join(out)


def _stored_block(data: bytes) -> bytes:
    """A non-final stored deflate block: a header byte (after a byte-aligned flush), LEN, NLEN."""
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def build(html: str) -> CachedPage:
    parts: list[str] = []
    slots: list[int] = []
    rest = html
    while True:
        found = [(rest.find(mark), slot) for slot, mark in enumerate(_MARKS) if mark in rest]
        if not found:
            break
        at, slot = min(found)
        parts.append(rest[:at])
        slots.append(slot)
        rest = rest[at + len(_MARKS[slot]) :]
    parts.append(rest)
    encoded = tuple(part.encode() for part in parts)
    return CachedPage(
        parts=encoded,
        slots=tuple(slots),
        deflated=tuple(_deflate(part) for part in encoded),
        crc=tuple(zlib.crc32(part) for part in encoded),
    )


_pages: dict[int, tuple[SurveyDef, dict[Hashable, CachedPage]]] = {}
_lock = threading.Lock()


def cached(survey: SurveyDef, key: Hashable, render: Callable[[], str]) -> CachedPage:
    """The page for `key`, rendered by `render` (with the markers for its tokens) when new."""
    entry = _pages.get(survey.id)
    if entry is None or entry[0] is not survey:  # another revision: its pages are stale
        entry = (survey, {})
        with _lock:
            _pages[survey.id] = entry
    pages = entry[1]
    page = pages.get(key)
    if page is None:
        page = build(render())
        with _lock:
            if len(pages) >= MAX_PAGES:
                pages.pop(next(iter(pages)))
            pages[key] = page
    elif current_app.testing and build(render()).parts != page.parts:
        # The key misses something the page shows: another participant's page was served.
        raise AssertionError(f"cached page differs from a fresh render: {key!r}")
    return page


def peek(survey: SurveyDef, key: Hashable) -> CachedPage | None:
    """The page for `key` when this revision's page is cached, else None (nothing is rendered:
    the fast path, fast_path.py, leaves rendering to the view)."""
    entry = _pages.get(survey.id)
    if entry is None or entry[0] is not survey:
        return None
    return entry[1].get(key)


def encoded(page: CachedPage, values: Sequence[str], accept_encoding: str) -> tuple[bytes, bool]:
    """The page's bytes with these tokens, and whether they are gzipped (when the browser takes
    gzip): the view's response and the fast path's are made here alike."""
    gzip = "gzip" in accept_encoding
    return (page.gzipped(values) if gzip else page.body(values)), gzip


def respond(page: CachedPage, values: Sequence[str], status: int = 200) -> Response:
    """The page with this request's tokens, gzipped when the browser takes gzip."""
    body, gzip = encoded(page, values, request.headers.get("Accept-Encoding", ""))
    response = current_app.response_class(body, status=status, mimetype="text/html")
    if gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    return response
