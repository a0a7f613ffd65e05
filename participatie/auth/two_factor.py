"""TOTP two-factor authentication, required for coordinators and site admins.

After the password, the account is "half logged in": only its public id sits in the session
until the second factor is checked, and nothing else is reachable.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp
import segno
from flask import session

from participatie.auth.services import LOCKOUT
from participatie.models import Role, User
from participatie.models.base import utcnow

PENDING_KEY = "2fa_pending"
PENDING_SECONDS = 300
NEW_SECRET_SESSION_KEY = "2fa_enrolling"  # noqa: S105  (a session key name, not a secret)
ISSUER = "participatie"
RECOVERY_CODE_COUNT = 10
MAX_FAILED_CODES = 5


def required_for(user: User) -> bool:
    return user.is_admin or any(m.role == Role.COORDINATOR for m in user.memberships)


def is_enrolled(user: User) -> bool:
    return bool(user.totp_secret and user.totp_confirmed_at)


def remember_pending(user: User) -> None:
    session[PENDING_KEY] = {"user": user.public_id, "at": int(time.time())}


def pending_public_id() -> str | None:
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    return str(pending.get("user"))


def clear_pending() -> None:
    session.pop(PENDING_KEY, None)
    session.pop(NEW_SECRET_SESSION_KEY, None)


def new_secret() -> str:
    if not session.get(NEW_SECRET_SESSION_KEY):
        session[NEW_SECRET_SESSION_KEY] = pyotp.random_base32()
    return str(session[NEW_SECRET_SESSION_KEY])


def provisioning_qr(user: User, secret: str) -> str:
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").strip().lower().encode()).hexdigest()


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def count_wrong_code(user: User) -> bool:
    """Counts one wrong code; True when this one locks the account, as wrong passwords do."""
    user.failed_codes = (user.failed_codes or 0) + 1
    if user.failed_codes < MAX_FAILED_CODES:
        return False
    user.locked_until = utcnow() + LOCKOUT
    user.failed_codes = 0
    return True


def _matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step (previous, current or next: clocks drift) whose code this is."""
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def check_code(user: User, code: str, secret: str | None = None) -> bool:
    """A TOTP code not used before, or one unused recovery code (which is then used up).

    A code works once: the step it belongs to is remembered, and a code of that step or an
    earlier one is refused, so a code seen over a shoulder cannot be replayed within its 30 s."""
    code = code.replace(" ", "").strip()
    secret = secret or user.totp_secret
    if secret and code.isdigit() and len(code) == 6:
        step = _matching_step(secret, code, time.time())
        if step is not None and (user.totp_last_step is None or step > user.totp_last_step):
            user.totp_last_step = step
            user.failed_codes = 0
            return True
    digest = _hash(code)
    if user.recovery_codes and digest in user.recovery_codes:
        user.recovery_codes = [c for c in user.recovery_codes if c != digest]
        user.failed_codes = 0
        return True
    return False


def enrol(user: User, secret: str) -> list[str]:
    """Activates 2FA and returns fresh recovery codes, shown once."""
    codes = [f"{secrets.token_hex(5)}-{secrets.token_hex(5)}" for _ in range(RECOVERY_CODE_COUNT)]
    user.totp_secret = secret
    user.totp_confirmed_at = utcnow()
    user.recovery_codes = [_hash(code) for code in codes]
    return codes
