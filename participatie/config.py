"""Settings from the environment. Production fails fast without its secrets."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """A setting the environment must provide is missing."""


def _instance_secret(instance_path: Path, name: str) -> str:
    """A random development secret kept under instance/ so sessions survive restarts."""
    instance_path.mkdir(parents=True, exist_ok=True)
    path = instance_path / name
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _database_uri(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{instance_path / 'participatie.db'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(instance_path: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    overrides = dict(overrides or {})
    env = overrides.get("ENV") or os.environ.get("PARTICIPATIE_ENV", "development")
    production = env == "production"

    secret_key = overrides.get("SECRET_KEY") or os.environ.get("SECRET_KEY")
    resume_key = overrides.get("RESUME_CODE_KEY") or os.environ.get("RESUME_CODE_KEY")
    if production and not secret_key:
        raise ConfigError("SECRET_KEY is not set: production refuses to start without it.")
    if production and not resume_key:
        raise ConfigError("RESUME_CODE_KEY is not set: production refuses to start without it.")

    reminders = _reminder_settings(instance_path, overrides, production)

    redis_url = os.environ.get("REDIS_URL", "").strip()
    config: dict[str, Any] = {
        "ENV": env,
        "PRODUCTION": production,
        "SECRET_KEY": secret_key or _instance_secret(instance_path, "secret_key"),
        # A key of its own so resume codes keep working when SECRET_KEY is rotated.
        "RESUME_CODE_KEY": resume_key or _instance_secret(instance_path, "resume_code_key"),
        "SQLALCHEMY_DATABASE_URI": _database_uri(instance_path),
        # No pool_pre_ping: it costs a round trip on every request. database.py pings only a
        # connection that sat idle, which is when a restarted server has dropped it.
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": False,
        "RATELIMIT_KEY_PREFIX": "participatie",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "WTF_CSRF_TIME_LIMIT": None,  # tied to the session instead: long surveys must not expire
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": production,
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 14,
        # Send the session cookie only when it changes: re-signing it on every page costs CPU
        # and bytes on a parent's prepaid data.
        "SESSION_REFRESH_EACH_REQUEST": False,
        "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
        "COMPRESS_MIMETYPES": [
            "text/html",
            "text/css",
            "application/javascript",
            "text/javascript",
            "application/json",
            "image/svg+xml",
        ],
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_MIN_SIZE": 256,
        "SEND_FILE_MAX_AGE_DEFAULT": 60 * 60 * 24 * 365,
        "DEMO_ALLOWED": not production,
        # How many proxies (nginx, a load balancer) stand in front: their X-Forwarded-* are trusted.
        "PROXY_COUNT": int(os.environ.get("PROXY_COUNT", "0") or 0),
        # Where people reach the site; used in printed links, QR codes and CLI output.
        "BASE_URL": os.environ.get(
            "BASE_URL", "http://127.0.0.1:" + os.environ.get("PORT", "5000")
        ),
    }
    config.update(reminders)
    config.update(overrides)
    return config


def _contact_key(instance_path: Path) -> str:
    """A development Fernet key under instance/, made once (32 random bytes, base64)."""
    import base64

    instance_path.mkdir(parents=True, exist_ok=True)
    path = instance_path / "contact_key"
    if not path.exists():
        path.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        path.chmod(0o600)
    return path.read_text().strip()


def _reminder_settings(
    instance_path: Path, overrides: dict[str, Any], production: bool
) -> dict[str, Any]:
    """Meeting reminders: the key that encrypts contact addresses, the SMS gateway and SMTP.

    Production refuses to start without CONTACT_KEY while reminders are on: addresses must
    never be stored under a key made up on one server.
    """
    from participatie.meetings.crypto_keys import valid_fernet_key

    enabled_text = os.environ.get("REMINDERS_ENABLED", "true").strip().lower()
    enabled = bool(overrides.get("REMINDERS_ENABLED", enabled_text not in {"0", "false", "no"}))
    key = overrides.get("CONTACT_KEY") or os.environ.get("CONTACT_KEY", "").strip()
    if production and enabled and not key:
        raise ConfigError(
            "CONTACT_KEY is not set: production refuses to start without it while reminders "
            'are on (REMINDERS_ENABLED). Make one with: python -c "from cryptography.fernet '
            'import Fernet; print(Fernet.generate_key().decode())"'
        )
    if key and not valid_fernet_key(key):
        raise ConfigError("CONTACT_KEY is not a Fernet key (32 bytes, url-safe base64).")
    gateway = os.environ.get("SMS_GATEWAY_URL", "").strip()
    return {
        "REMINDERS_ENABLED": enabled,
        "CONTACT_KEY": key or _contact_key(instance_path),
        "SMS_GATEWAY_URL": gateway,
        "SMS_GATEWAY_TOKEN": os.environ.get("SMS_GATEWAY_TOKEN", "").strip(),
        # "http" posts to the gateway; "log" writes the messages to the log (development).
        "SMS_BACKEND": os.environ.get("SMS_BACKEND", "http" if gateway else "log"),
        "SMTP_URL": os.environ.get("SMTP_URL", "").strip(),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "participatie@localhost").strip(),
    }
