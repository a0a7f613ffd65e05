"""Rate-limit keys that never hold an IP address in the clear."""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request


def hashed_remote_key() -> str:
    address = request.remote_addr or "unknown"
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()[:24]
