"""Contact addresses are stored only encrypted, under CONTACT_KEY (kept apart from SECRET_KEY,
so rotating the session key does not lose the addresses, and a leaked session key does not
reveal them). Fernet: AES-128-CBC with an HMAC, from the `cryptography` package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from cryptography.fernet import Fernet


def _fernet() -> Fernet:
    # Imported here, not at the top: cryptography's compiled core is 8 MB of a web worker's memory
    # (issue 11: 150 MB in all), and only the pages that store or send a reminder address need it.
    from cryptography.fernet import Fernet

    return Fernet(current_app.config["CONTACT_KEY"].encode())


def encrypt_address(address: str) -> str:
    return _fernet().encrypt(address.encode()).decode()


def decrypt_address(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()
