"""argon2id password hashes."""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app, has_app_context

_hasher = PasswordHasher()
# Verifying against this when the e-mail is unknown takes as long as a real check. A constant,
# made once with the default parameters: hashing at import cost every worker ~14 MB for nothing.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$"
    "V1L8kpJ3yA1jWnuR4Lmb9UgUWpD3eytgSrK0JxwAyXY"
)
MIN_PASSWORD_LENGTH = 12

# The test suite sets PASSWORD_HASH_PARAMETERS (e.g. {"time_cost": 1, "memory_cost": 8,
# "parallelism": 1}) through create_app's overrides: a real hash costs ~50 ms of CPU and 64 MiB,
# and the suite logs in thousands of times. Only overrides set it, never the environment, so a
# server always hashes with the library's defaults (RFC 9106's second recommendation).
_cheap: dict[tuple[tuple[str, Any], ...], tuple[PasswordHasher, str]] = {}


def _current() -> tuple[PasswordHasher, str]:
    parameters = current_app.config.get("PASSWORD_HASH_PARAMETERS") if has_app_context() else None
    if not parameters:
        return _hasher, _DUMMY_HASH
    key = tuple(sorted(parameters.items()))
    if key not in _cheap:
        hasher = PasswordHasher(**parameters)
        _cheap[key] = (hasher, hasher.hash("dummy password for unknown accounts"))
    return _cheap[key]


def hash_password(password: str) -> str:
    return _current()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hasher, dummy = _current()
    try:
        return hasher.verify(password_hash or dummy, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _current()[0].check_needs_rehash(password_hash)
