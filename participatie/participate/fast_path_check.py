"""Under TESTING: a page the fast path served (fast_path.py) must be the page Flask serves.

Flask answers the same request too; the status, the headers and the body must be the same, the
body up to its tokens (each request gets a new idempotency key, and a CSRF token is signed with
the time). The fast path's own gzip must decompress to its text, and its tokens must sit where
Flask's do.
"""

from __future__ import annotations

import gzip
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication, WSGIEnvironment

    from participatie.participate.fast_path import Served

# CSRF tokens and idempotency keys: URL-safe base64, and dots between the CSRF token's parts.
_SLOT = "([A-Za-z0-9_.-]+)"


class FastPathMismatch(AssertionError):
    """The fast path served something else than Flask would have."""


def same_as_flask(app: WSGIApplication, environ: WSGIEnvironment, served: Served) -> None:
    reply: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], _exc: Any = None) -> Any:
        reply.update(status=status, headers=headers)
        return lambda _data: None

    chunks = app(dict(environ), start_response)
    try:
        flask_body = b"".join(chunks)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
    if reply["status"] != "200 OK":
        raise FastPathMismatch(f"{environ['PATH_INFO']}: Flask answers {reply['status']}")
    if sorted(reply["headers"]) != sorted(served.headers):
        raise FastPathMismatch(
            f"{environ['PATH_INFO']}: headers differ: {reply['headers']} vs {served.headers}"
        )
    gzipped = ("Content-Encoding", "gzip") in served.headers
    ours = gzip.decompress(served.body) if gzipped else served.body
    theirs = gzip.decompress(flask_body) if gzipped else flask_body
    page = served.page
    if ours != page.body(served.values):
        raise FastPathMismatch(f"{environ['PATH_INFO']}: the fast path's gzip is not its page")
    pattern = _SLOT.join(re.escape(part.decode()) for part in page.parts)
    match = re.fullmatch(pattern, theirs.decode(), re.DOTALL)
    if match is None:
        raise FastPathMismatch(f"{environ['PATH_INFO']}: Flask serves another page")
    tokens = ["", ""]  # Flask's, by marker (page_cache: CSRF, then idempotency key)
    for slot, token in zip(page.slots, match.groups(), strict=True):
        if tokens[slot] not in ("", token):
            raise FastPathMismatch(f"{environ['PATH_INFO']}: two tokens for one marker")
        tokens[slot] = token
    if page.body(tokens) != theirs:
        raise FastPathMismatch(f"{environ['PATH_INFO']}: Flask's page differs around its tokens")
