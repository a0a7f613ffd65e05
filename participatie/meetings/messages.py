"""The words of reminders, corrections and release news, in the contact's language.

Built at send time from the meeting as it is then, so a meeting moved before its reminder went
out is announced with its new day and place. SMS texts come in variants, most complete first;
sms_text.fit_sms keeps the first that fits one segment.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, format_datetime, format_time
from flask_babel import gettext as _

from participatie.meetings.sms_text import fit_sms
from participatie.models import Contact, Meeting, Project

# Long titles and places are cut, so that even the shortest text fits three segments.
MAX_FIELD = 50


@dataclass(frozen=True)
class Message:
    subject: str
    text: str  # the SMS, or the body of the e-mail


def _short(value: str) -> str:
    return value if len(value) <= MAX_FIELD else value[: MAX_FIELD - 1].rstrip() + "…"


def _link(endpoint: str, **values: str) -> str:
    """An absolute link on BASE_URL, inside a request or not (the CLI sends from none)."""
    path: str = current_app.url_map.bind("localhost").build(endpoint, values)
    base: str = current_app.config["BASE_URL"]
    return base.rstrip("/") + path


def stop_url(contact: Contact) -> str:
    return _link("meetings.stop", token=contact.stop_token)


def invitation_url(meeting: Meeting, locale: str | None = None) -> str:
    if locale:
        return _link("meetings.invitation", token=meeting.invitation_token, lang=locale)
    return _link("meetings.invitation", token=meeting.invitation_token)


def _when(meeting: Meeting) -> dict[str, str]:
    return {
        "day": format_datetime(meeting.starts_at, "EEEE d MMMM"),
        "hour": format_time(meeting.starts_at, "HH:mm"),
        "end": format_time(meeting.ends_at, "HH:mm"),
        "title": _short(meeting.title),
        "place": _short(meeting.place),
    }


def reminder_message(meeting: Meeting, contact: Contact) -> Message:
    with force_locale(contact.language):
        fields = _when(meeting) | {"stop": stop_url(contact)}
        sms = fit_sms(
            [
                _(
                    "Herinnering: %(title)s op %(day)s om %(hour)s in %(place)s. Stoppen: %(stop)s",
                    **fields,
                ),
                _(
                    "Herinnering: %(day)s om %(hour)s in %(place)s. Stoppen: %(stop)s",
                    **fields,
                ),
            ]
        )
        subject = _("Herinnering: %(title)s op %(day)s", **fields)
        return Message(subject, sms if contact.channel == "sms" else _mail_body(meeting, contact))


def correction_message(meeting: Meeting, contact: Contact) -> Message:
    with force_locale(contact.language):
        fields = _when(meeting) | {"stop": stop_url(contact)}
        sms = fit_sms(
            [
                _(
                    "Let op, nieuw uur of nieuwe plaats: %(title)s op %(day)s om %(hour)s in "
                    "%(place)s. Stoppen: %(stop)s",
                    **fields,
                ),
                _(
                    "Let op, nieuw uur of nieuwe plaats: %(day)s om %(hour)s in %(place)s. "
                    "Stoppen: %(stop)s",
                    **fields,
                ),
            ]
        )
        subject = _("Let op, nieuw uur of nieuwe plaats: %(title)s", **fields)
        return Message(subject, sms if contact.channel == "sms" else _mail_body(meeting, contact))


def release_message(project: Project, contact: Contact) -> Message:
    with force_locale(contact.language):
        page = _link("report.public_page", slug=project.slug, lang=contact.language)
        text = _(
            "Er is nieuws: lees wat er gebeurt met wat ouders vertelden. %(url)s Stoppen: %(stop)s",
            url=page,
            stop=stop_url(contact),
        )
        return Message(_("Er is nieuws over %(project)s", project=project.name), text)


def _mail_body(meeting: Meeting, contact: Contact) -> str:
    from participatie.meetings.views import invitation

    view = invitation(meeting)
    lines = [
        meeting.title,
        "",
        _("Wanneer?"),
        f"{view.when} {view.duration}",
        "",
        _("Waar?"),
        ", ".join(part for part in (meeting.place, meeting.address) if part),
        "",
        view.childcare,
        view.call,
        "",
        _("Alles over deze bijeenkomst: %(url)s", url=invitation_url(meeting, contact.language)),
        _("Wil je geen berichten meer? Klik hier: %(url)s", url=stop_url(contact)),
    ]
    return "\n".join(lines)
