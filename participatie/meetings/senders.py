"""Delivering one message: SMS through the HTTP gateway of DESIGN §6, e-mail through SMTP.

Each sender raises SendFailed unless the other side accepted the message, so the caller marks a
reminder sent only then. Both have a `log` backend for development: the message goes to the
application log (never the address: the log shows only the channel and the text's size).
"""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.error
import urllib.request
from email.message import EmailMessage
from urllib.parse import urlsplit

from flask import current_app

log = logging.getLogger(__name__)

# A gateway slower than this counts as down: the reminder stays due for the next run.
TIMEOUT_SECONDS = 10


class SendFailed(RuntimeError):
    """The gateway or mail server did not accept the message."""


def send_sms(to: str, text: str) -> None:
    config = current_app.config
    if config["SMS_BACKEND"] == "log":
        log.info("SMS (log backend, not sent): %d characters", len(text))
        return
    url = config["SMS_GATEWAY_URL"]
    if not url:
        raise SendFailed("SMS_GATEWAY_URL is not set")
    request = urllib.request.Request(  # noqa: S310  (the URL comes from our own settings)
        url,
        data=json.dumps({"to": to, "text": text}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {config['SMS_GATEWAY_TOKEN']}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        raise SendFailed(f"SMS gateway answered {error.code}") from error
    except (OSError, TimeoutError) as error:
        raise SendFailed(f"SMS gateway unreachable: {error}") from error
    if not 200 <= status < 300:
        raise SendFailed(f"SMS gateway answered {status}")


def send_mail(to: str, subject: str, text: str) -> None:
    config = current_app.config
    smtp_url = config["SMTP_URL"]
    if not smtp_url:
        log.info("E-mail (no SMTP_URL, not sent): %d characters", len(text))
        return
    parts = urlsplit(smtp_url)
    if parts.scheme != "smtp" or not parts.hostname:
        raise SendFailed("SMTP_URL must look like smtp://host:port")
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    try:
        with smtplib.SMTP(parts.hostname, parts.port or 25, timeout=TIMEOUT_SECONDS) as smtp:
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise SendFailed(f"mail server: {error}") from error
