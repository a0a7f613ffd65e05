"""Demo data: a fictional Kempen municipality, its project, accounts, survey and input.

Loaded by `participatie demo` and `make run`; idempotent; refused in production.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select

from participatie.auth import two_factor
from participatie.auth.services import create_or_update_user
from participatie.demo.decisions import add_demo_decisions
from participatie.demo.meetings import add_demo_meetings
from participatie.demo.rechtencirkel import add_demo_rechtencirkel
from participatie.demo.responses import DEMO_OPEN_DAYS, add_demo_responses
from participatie.demo.survey import DEMO_SURVEY
from participatie.demo.texts import FOCUS_GROUP
from participatie.demo.year import add_demo_year, demo_today
from participatie.extensions import db
from participatie.models import (
    Attendee,
    FocusGroup,
    Organisation,
    Project,
    Quote,
    Role,
    Statement,
    StatementSource,
    Survey,
    SurveyStatus,
)
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition
from participatie.tagging.seeding import seed_codebook

DEMO_SLUG = "demo"
DEMO_PASSWORD = "demo-wachtwoord"  # noqa: S105  (development only; `demo` refuses production)
DEMO_ACCOUNTS = (
    ("admin@kempenaar.example", "admin", None),
    ("coordinator@kempenaar.example", "coordinator", Role.COORDINATOR),
    ("vrijwilliger@kempenaar.example", "volunteer", Role.VOLUNTEER),
    ("stuurgroep@kempenaar.example", "stuurgroep", Role.STUURGROEP),
    # Translates the demo project's texts into Arabic, and sees nothing else of it.
    ("vertaler@kempenaar.example", "vertaler", Role.VERTALER),
)
DEMO_TRANSLATOR_LANGUAGE = "ar"


def demo_totp_secret(email: str) -> str:
    """A fixed two-factor secret per demo account, so the demo works with any authenticator."""
    return base64.b32encode(hashlib.sha256(f"demo:{email}".encode()).digest()[:20]).decode()


@dataclass
class DemoResult:
    survey_url: str
    public_url: str
    logins: list[tuple[str, str, str]]


def _project() -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == DEMO_SLUG))
    if project is None:
        organisation = Organisation(name="OCMW Kempenaar (fictief)")
        project = Project(
            organisation=organisation,
            name="Veilige kindertijd Kempenaar",
            slug=DEMO_SLUG,
            municipality="Kempenaar",
            languages=["nl", "fr", "en", "ar", "tr", "uk"],
            public_intro={
                "nl": "Ouders vertelden ons wat goed gaat en wat moeilijk is. Hier lees je wat we hoorden en wat we ermee doen.",
                "en": "Parents told us what goes well and what is hard. Here you can read what we heard and what we do with it.",
            },
            contact="Sociaal huis Kempenaar, Markt 1",
        )
        db.session.add(project)
        db.session.flush()
    return project


def _survey(project: Project) -> Survey:
    survey = db.session.scalar(select(Survey).where(Survey.code == DEMO_SURVEY["code"]))
    if survey is None:
        survey = survey_from_definition(project, DEMO_SURVEY)
        survey.status = SurveyStatus.OPEN
        # Open since before its first demo response (40 days back, see demo/responses.py).
        survey.opened_at = utcnow() - timedelta(days=DEMO_OPEN_DAYS)
        db.session.add(survey)
        db.session.flush()
        add_demo_responses(survey)
    return survey


def _focus_group(project: Project) -> None:
    exists = db.session.scalar(
        select(FocusGroup.id).where(
            FocusGroup.project_id == project.id, FocusGroup.title == FOCUS_GROUP["title"]
        )
    )
    if exists:
        return
    group = FocusGroup(
        project=project,
        title=FOCUS_GROUP["title"],
        place=FOCUS_GROUP["place"],
        facilitator=FOCUS_GROUP["facilitator"],
        held_on=date(2026, 10, 14),
        languages=["nl", "ar"],
        guide=list(FOCUS_GROUP["guide"]),
    )
    attendees = {}
    for pseudonym, participant_group, language in FOCUS_GROUP["attendees"]:
        attendee = Attendee(
            pseudonym=pseudonym,
            participant_group=participant_group,
            language=language,
            consent_version=1,
            consented_at=utcnow(),
            compensation="Vrijetijdscheque 20 euro",
        )
        group.attendees.append(attendee)
        attendees[pseudonym] = attendee
    db.session.add(group)
    for guide_index, pseudonym, language, text in FOCUS_GROUP["quotes"]:
        quote = Quote(
            attendee=attendees[pseudonym],
            guide_question=group.guide[guide_index],
            text=text,
            language=language,
        )
        group.quotes.append(quote)
        db.session.add(
            Statement(
                project=project, source=StatementSource.FOCUS_GROUP, quote=quote, language=language
            )
        )
    db.session.flush()


def _first_release(project: Project) -> None:
    """The demo publishes release 1, so `make run` shows a public page with figures."""
    from participatie.report.releases import latest_release, new_release

    if latest_release(project) is None:
        new_release(project, None)


def load_demo() -> DemoResult:
    project = _project()
    seed_codebook(project)
    _survey(project)
    _focus_group(project)
    logins = []
    for email, label, role in DEMO_ACCOUNTS:
        user = create_or_update_user(
            email,
            DEMO_PASSWORD,
            name=label,
            admin=role is None,
            roles=((project, role),) if role else (),
            language=DEMO_TRANSLATOR_LANGUAGE if role == Role.VERTALER else "",
        )
        if two_factor.required_for(user) and not two_factor.is_enrolled(user):
            two_factor.enrol(user, demo_totp_secret(email))
        logins.append((email, DEMO_PASSWORD, label))
    db.session.flush()
    add_demo_decisions(project)
    add_demo_meetings(project)
    add_demo_year(project, demo_today())
    add_demo_rechtencirkel(project)
    _first_release(project)
    base = current_app.config["BASE_URL"].rstrip("/")
    return DemoResult(
        survey_url=f"{base}/s/DEMO",
        public_url=f"{base}/p/{DEMO_SLUG}",
        logins=logins,
    )
