"""Demo themes, the stuurgroep's decisions and the actions that follow. Fictional.

Each theme gathers the demo statements whose words match, tags them (accepted, by the demo
coordinator) with the theme's domain, a drempel and a kind, and chooses quotes. One theme waits
for a decision, so the pages show both. Idempotent: nothing is added when the first theme exists.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from participatie.extensions import db
from participatie.follow.plan import goal_for_decision
from participatie.models import (
    Action,
    ActionStatus,
    Code,
    CodeKind,
    Decision,
    DecisionOutcome,
    Project,
    Statement,
    Tag,
    TagStatus,
    Theme,
    ThemeStatement,
    User,
)
from participatie.models.base import utcnow
from participatie.tagging.codebook import DEFAULT_CODEBOOK

COORDINATOR = "coordinator@kempenaar.example"

THEMES: list[dict[str, Any]] = [
    {
        "title": {
            "nl": "Lidgeld van clubs is te hoog",
            "en": "Club fees are too high",
            "ar": "رسوم النوادي مرتفعة جدًا",
        },
        "domain": "vrije_tijd",
        "barrier": "betaalbaarheid",
        "kind": "knelpunt",
        "match": ["zo duur is", "yüzme", "lidgeld", "uniform"],
        "quotes": ["lidgeld van de voetbal", "yüzme"],
        "decision": {
            "outcome": DecisionOutcome.TAKEN_UP,
            "motivation": {
                "nl": "Sport en spel zijn voor elk kind. Met de UiTPAS betaal je bij elke club nog maar een klein deel van het lidgeld.",
                "en": "Sport and play are for every child. With the UiTPAS you pay only a small part of the fee at every club.",
                "ar": "الرياضة واللعب لكل طفل. مع بطاقة UiTPAS تدفع جزءًا صغيرًا فقط من الرسوم في كل نادٍ.",
            },
            "actions": [
                {
                    "title": {
                        "nl": "Alle sportclubs geven 80% korting met de UiTPAS",
                        "en": "All sports clubs give 80% off with the UiTPAS",
                        "ar": "كل النوادي الرياضية تعطي خصم 80% مع بطاقة UiTPAS",
                    },
                    "owner": "Dienst Vrije Tijd",
                    "due": date(2027, 3, 31),
                    "output": "Twintig clubs doen mee en staan op de UiTPAS-website.",
                    "outcome": "Meer kinderen uit gezinnen met een beperkt inkomen sporten in een club.",
                    "status": ActionStatus.IN_PROGRESS,
                    "progress": 40,
                },
                {
                    "title": {
                        "nl": "Een potje voor sportkleren en uniformen",
                        "en": "A fund for sports clothes and uniforms",
                    },
                    "owner": "Sociaal huis Kempenaar",
                    "due": date(2027, 6, 30),
                    "output": "Het sociaal huis betaalt sportkleren en uniformen terug.",
                    "outcome": "Geen kind blijft thuis omdat het geen uniform heeft.",
                    "status": ActionStatus.PLANNED,
                    "progress": 0,
                },
            ],
        },
    },
    {
        "title": {"nl": "Schimmel en vocht in huurhuizen", "en": "Mould and damp in rented homes"},
        "domain": "wonen",
        "barrier": "beschikbaarheid",
        "kind": "knelpunt",
        "match": ["schimmel", "nemli", "humidité"],
        "quotes": ["schimmel"],
        "decision": {
            "outcome": DecisionOutcome.WORKING_GROUP,
            "motivation": {
                "nl": "De werkgroep wonen zoekt met het sociaal verhuurkantoor hoe huisbazen sneller herstellen.",
                "en": "The housing working group looks with the social rental office at how landlords can repair faster.",
            },
            "actions": [
                {
                    "title": {
                        "nl": "Werkgroep wonen komt samen met huurders en huisbazen",
                        "en": "Housing working group meets tenants and landlords",
                    },
                    "owner": "Werkgroep wonen",
                    "due": date(2027, 1, 31),
                    "output": "Drie gesprekken en een voorstel aan de stuurgroep.",
                    "outcome": "Minder gezinnen wonen in een vochtig huis.",
                    "status": ActionStatus.PLANNED,
                    "progress": 0,
                }
            ],
        },
    },
    {
        "title": {"nl": "De bus rijdt 's avonds niet", "en": "There is no bus in the evening"},
        "domain": "mobiliteit",
        "barrier": "bereikbaarheid",
        "kind": "knelpunt",
        "match": ["'s avonds rijdt", "na zes uur"],
        "quotes": ["na zes uur"],
        "decision": {
            "outcome": DecisionOutcome.NOT_POSSIBLE,
            "motivation": {
                "nl": "De gemeente beslist niet over de uren van de bus. We vragen het wel aan De Lijn, en de belbus rijdt nu tot negen uur.",
                "en": "The town does not decide the bus times. We do ask De Lijn, and the dial-a-bus now runs until nine.",
            },
            "actions": [],
        },
    },
    {
        "title": {"nl": "Brieven en formulieren zijn moeilijk", "en": "Letters and forms are hard"},
        "domain": "hulpverlening",
        "barrier": "begrijpbaarheid",
        "kind": "knelpunt",
        "match": ["brieven van het OCMW", "الرسائل الرسمية", "online aanvragen", "الاستمارات"],
        "quotes": ["online aanvragen"],
        "decision": None,
    },
]


def add_demo_decisions(project: Project) -> None:
    first = THEMES[0]["title"]["nl"]
    themes = db.session.scalars(select(Theme).where(Theme.project_id == project.id)).all()
    if any(theme.title.get("nl") == first for theme in themes):
        return
    coordinator = db.session.scalar(select(User).where(User.email == COORDINATOR))
    coder = coordinator.id if coordinator is not None else None
    statements = db.session.scalars(
        select(Statement).where(Statement.project_id == project.id).order_by(Statement.id)
    ).all()
    tagged: set[tuple[int, int]] = set()
    for position, spec in enumerate(THEMES):
        _theme(project, spec, statements, coder, position, tagged)
    db.session.flush()


def _theme(
    project: Project,
    spec: dict[str, Any],
    statements: Any,
    coder: int | None,
    position: int,
    tagged: set[tuple[int, int]],
) -> None:
    domain = _code(project, CodeKind.DOMAIN, spec["domain"])
    codes = [domain, _code(project, CodeKind.BARRIER, spec["barrier"])]
    codes.append(_code(project, CodeKind.KIND, spec["kind"]))
    theme = Theme(
        project_id=project.id,
        domain=domain,
        title=dict(spec["title"]),
        created_at=utcnow() - timedelta(days=10 - position),
    )
    db.session.add(theme)
    chosen: set[str] = set()
    for statement in statements:
        text = statement.text
        if not any(part.lower() in text.lower() for part in spec["match"]):
            continue
        quote = next((q for q in spec["quotes"] if q.lower() in text.lower()), None)
        theme.links.append(
            ThemeStatement(
                statement=statement, chosen_quote=quote is not None and quote not in chosen
            )
        )
        if quote is not None:
            chosen.add(quote)
        for code in codes:
            if (statement.id, code.id) not in tagged:
                tagged.add((statement.id, code.id))
                db.session.add(
                    Tag(statement=statement, code=code, coder_id=coder, status=TagStatus.ACCEPTED)
                )
    decision = spec["decision"]
    if decision is None:
        return
    recorded = Decision(
        theme=theme,
        outcome=decision["outcome"],
        motivation=dict(decision["motivation"]),
        recorded_by_id=coder,
        decided_at=utcnow() - timedelta(days=3 - min(position, 2)),
    )
    db.session.add(recorded)
    db.session.flush()
    for item in decision["actions"]:
        recorded.actions.append(
            Action(
                goal=goal_for_decision(recorded),
                title=dict(item["title"]),
                owner=item["owner"],
                due_on=item["due"],
                output_indicator=item["output"],
                outcome_indicator=item["outcome"],
                status=item["status"],
                progress=item["progress"],
            )
        )


def _code(project: Project, kind: CodeKind, key: str) -> Code:
    """The project's code for a key, made from the default codebook when it has none yet."""
    code = db.session.scalar(select(Code).where(Code.project_id == project.id, Code.key == key))
    if code is None:
        position, entry = next((i, e) for i, e in enumerate(DEFAULT_CODEBOOK) if e["key"] == key)
        code = Code(
            project_id=project.id,
            kind=kind,
            key=key,
            label={"nl": entry["label_nl"]},
            scope_note=entry["scope_note"],
            position=position,
        )
        db.session.add(code)
        db.session.flush()
    return code
