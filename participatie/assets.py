"""Fingerprinted static files, compressed once and cached for a year.

Names carry a content hash (`app.3f2a9c1b.css`), so a changed file gets a new URL and browsers
may cache every version forever: a parent's second page costs no CSS bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, abort, request, url_for

STATIC_DIR = Path(__file__).parent / "static"
ONE_YEAR = 60 * 60 * 24 * 365


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    digest: str
    mimetype: str


_cache: dict[str, Asset] = {}


def load_asset(filename: str) -> Asset:
    if filename not in _cache:
        path = (STATIC_DIR / filename).resolve()
        if STATIC_DIR.resolve() not in path.parents or not path.is_file():
            raise FileNotFoundError(filename)
        body = path.read_bytes()
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        if mimetype.startswith("text/") or mimetype == "application/javascript":
            mimetype += "; charset=utf-8"
        _cache[filename] = Asset(
            body=body,
            gzipped=gzip.compress(body, compresslevel=9, mtime=0),
            digest=hashlib.sha256(body).hexdigest()[:10],
            mimetype=mimetype,
        )
    return _cache[filename]


def asset_url(filename: str) -> str:
    return url_for("asset", digest=load_asset(filename).digest, filename=filename)


def serve_asset(digest: str, filename: str) -> Response:
    try:
        asset = load_asset(filename)
    except FileNotFoundError:
        abort(404)
    if digest != asset.digest:
        abort(404)
    use_gzip = "gzip" in request.headers.get("Accept-Encoding", "") and len(asset.body) > 512
    response = Response(asset.gzipped if use_gzip else asset.body, mimetype=asset.mimetype)
    if use_gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response.headers["ETag"] = f'"{asset.digest}"'
    return response


def init_assets(app: Flask) -> None:
    from participatie.auth.access import public

    app.add_url_rule(
        "/assets/<digest>/<path:filename>", "asset", public(serve_asset), methods=["GET"]
    )
    app.jinja_env.globals["asset_url"] = asset_url
