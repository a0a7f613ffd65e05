"""Resume codes: continue another day or on another device, or delete your answers, without an
account. Only an HMAC of the code is stored, under a key of its own (RESUME_CODE_KEY), so a code
can be looked up, cannot be read back from the database, and survives a SECRET_KEY rotation.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from flask import current_app
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Response

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud and to copy from a phone screen.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
GROUP = 4
LENGTH = 8  # 25**8 ≈ 1.5e11 codes; guessing is rate limited as well


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:GROUP]}-{raw[GROUP:]}"


def normalise(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def code_hash(code: str) -> str:
    key = current_app.config["RESUME_CODE_KEY"].encode()
    return hmac.new(key, normalise(code).encode(), hashlib.sha256).hexdigest()


def assign_code(response: Response) -> str:
    """A fresh code for this response; an earlier code stops working."""
    while True:
        code = new_code()
        digest = code_hash(code)
        if db.session.scalar(select(Response.id).where(Response.resume_hash == digest)) is None:
            response.resume_hash = digest
            return code


def find_by_code(survey_id: int, code: str) -> Response | None:
    if len(normalise(code)) != LENGTH:
        return None
    return db.session.scalar(
        select(Response).where(
            Response.resume_hash == code_hash(code), Response.survey_id == survey_id
        )
    )
