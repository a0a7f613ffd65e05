"""Key checks used by config.py before the app exists (no Flask imports here)."""

from __future__ import annotations

import base64
import binascii


def valid_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode())) == 32
    except (binascii.Error, ValueError):
        return False
