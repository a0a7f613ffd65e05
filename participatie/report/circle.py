"""The rechtencirkel: one score from 0 to 10 per phase, per group, drawn as a radar (issue 19).

Any survey with at least three whole-number questions on the same short scale (0 to 10) gets
one: the phases are those questions in their order, the groups the answers to "Wie ben je?".
Per group and phase it shows the median and the spread (first to third quartile), never a mean
alone and never a minimum or maximum (they are one person's answer). A group with fewer than
k people is hidden whole (suppression rule 2), and one phase of a shown group with fewer than k
answers is hidden too. The reasons ("Waarom geef je dit cijfer?") stand beside each phase, per
group, only where that group's figure is shown and at least k of them wrote one; the text is
the coordinator's redacted copy when there is one, as everywhere in the report.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import select

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.labels import PARTICIPANT_GROUP
from participatie.models import Answer, Question, QuestionType, Response, Statement, Survey

MIN_PHASES = 3
EVERYONE = "iedereen"
# The phases as the sector names them, for the radar's short axis labels.
PHASE_NAMES = {
    "preventie": _l("Preventie"),
    "opsporen": _l("Opsporen"),
    "benaderen": _l("Benaderen"),
    "toeleiding": _l("Toeleiding"),
    "toegang": _l("Toegang"),
    "onthaal": _l("Onthaal"),
    "rechtendetectie": _l("Rechtendetectie"),
    "realiseren": _l("Rechten realiseren"),
    "nazorg": _l("Nazorg"),
}
# Colour and dash differ per group, so the outlines stay apart in grey print and for people
# who do not see colour.
STYLES = [
    ("#0b4f6c", ""),
    ("#b3541e", "10 5"),
    ("#5a3d8a", "3 4"),
    ("#2b6e2f", "14 4 3 4"),
    ("#7a5c00", "6 3"),
]


@dataclass(frozen=True)
class Spread:
    n: int | None  # None: hidden (fewer than k answers)
    low: float | None = None  # first quartile
    median: float | None = None
    high: float | None = None  # third quartile


@dataclass(frozen=True)
class CircleGroup:
    key: str
    label: Any  # Localised, or a lazy string for a group the survey does not name
    people: int | None  # None: the group is smaller than k and hidden whole
    spreads: list[Spread] = field(default_factory=list)
    colour: str = ""
    dash: str = ""


@dataclass(frozen=True)
class Phase:
    name: str
    number: int
    short: Any  # a lazy string: freezing a release has no request to translate in
    label: Localised
    # (group key, [(words, language of the response)], answer ids)
    reasons: list[tuple[str, list[tuple[str, str]], list[int]]] = field(default_factory=list)


@dataclass(frozen=True)
class Circle:
    lowest: int
    highest: int
    phases: list[Phase]
    groups: list[CircleGroup]

    @property
    def shown(self) -> list[CircleGroup]:
        return [group for group in self.groups if group.people is not None]

    @property
    def names(self) -> set[str]:
        return {phase.name for phase in self.phases}


def circle_questions(questions: list[Question]) -> list[Question]:
    """The scored phases: the 0-10 whole-number questions, when there are at least three."""
    scored = [
        q
        for q in questions
        if q.type == QuestionType.INTEGER and q.minimum == 0 and q.maximum == 10
    ]
    return scored if len(scored) >= MIN_PHASES else []


def circle_result(
    survey: Survey,
    questions: list[Question],
    reason_of: dict[int, Question],
    k: int,
    locale: str,
) -> Circle | None:
    phases = circle_questions(questions)
    if not phases:
        return None
    group_question = next((q for q in questions if q.is_group_question), None)
    ids = [q.id for q in phases] + [reason_of[q.id].id for q in phases if q.id in reason_of]
    rows = db.session.execute(
        select(Answer.id, Answer.question_id, Answer.value, Response.participant_group)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.survey_id == survey.id,
            Response.consented_at.is_not(None),
            Answer.question_id.in_(ids),
            Answer.declined.is_(False),
        )
    ).all()
    scores: dict[tuple[int, str], list[float]] = defaultdict(list)
    written: dict[tuple[int, str], list[int]] = defaultdict(list)
    groups: set[str] = set()
    for answer_id, question_id, value, group in rows:
        key = (group or "") if group_question is not None else EVERYONE
        if not key or value in (None, "", []):
            continue
        if any(q.id == question_id for q in phases):
            scores[(question_id, key)].append(float(value))
            groups.add(key)
        elif isinstance(value, str) and value.strip():
            written[(question_id, key)].append(answer_id)
    frozen: dict[str, Any] = {"phases": [q.name for q in phases], "groups": []}
    for key in _group_order(group_question, groups):
        size = _group_size(key, phases, scores)
        spreads = [_spread(scores.get((q.id, key), []), k) for q in phases]
        reasons = {
            q.name: written.get((reason_of[q.id].id, key), [])
            for q, spread in zip(phases, spreads, strict=True)
            if q.id in reason_of and spread.n is not None
        }
        frozen["groups"].append(
            {
                "key": key,
                "people": size if size >= k else None,
                "spreads": [[s.n, s.low, s.median, s.high] for s in spreads] if size >= k else [],
                "reasons": {
                    name: ids for name, ids in reasons.items() if len(ids) >= k and size >= k
                },
            }
        )
    return thaw_circle(frozen, survey, locale)


def _group_size(key: str, phases: list[Question], scores: dict[Any, list[float]]) -> int:
    # The people of a group: the most answers any one phase got from it (everyone answers the
    # first phases; some skip later ones).
    return max((len(scores.get((q.id, key), [])) for q in phases), default=0)


def _group_order(group_question: Question | None, groups: set[str]) -> list[str]:
    if group_question is None:
        return [EVERYONE] if groups else []
    order = [o.name for o in group_question.options]
    return [key for key in order if key in groups] + sorted(k for k in groups if k not in order)


def _spread(values: list[float], k: int) -> Spread:
    if len(values) < k:
        return Spread(None)
    low, median, high = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return Spread(len(values), _plain(low), _plain(median), _plain(high))


def _plain(number: float) -> float:
    rounded = round(number, 1)
    return int(rounded) if float(rounded).is_integer() else rounded


# --- Releases keep the numbers and which answers were shown --------------------------------------


def freeze_circle(circle: Circle | None) -> dict[str, Any] | None:
    if circle is None:
        return None
    return {
        "phases": [phase.name for phase in circle.phases],
        "groups": [
            {
                "key": group.key,
                "people": group.people,
                "spreads": [[s.n, s.low, s.median, s.high] for s in group.spreads],
                "reasons": {
                    phase.name: ids
                    for phase in circle.phases
                    for key, _texts, ids in phase.reasons
                    if key == group.key
                },
            }
            for group in circle.groups
        ],
    }


def thaw_circle(frozen: dict[str, Any] | None, survey: Survey, locale: str) -> Circle | None:
    """The circle from its numbers, with today's labels and the latest redacted reasons."""
    if not frozen:
        return None
    by_name = {q.name: q for q in survey.questions}
    source = survey.default_language
    group_question = next((q for q in survey.questions if q.is_group_question), None)
    options = {o.name: o for o in group_question.options} if group_question is not None else {}
    ids = [a for g in frozen["groups"] for found in g["reasons"].values() for a in found]
    texts = _reason_texts(ids)
    groups = []
    for index, data in enumerate(frozen["groups"]):
        key = data["key"]
        label: Any  # Localised, or a lazy string for a group the survey does not name
        if key in options:
            label = localise(options[key].label, locale, source=source)
        else:
            label = PARTICIPANT_GROUP.get(key, _l("Iedereen") if key == EVERYONE else key)
        colour, dash = STYLES[index % len(STYLES)]
        spreads = [Spread(*values) for values in data["spreads"]]
        groups.append(CircleGroup(key, label, data["people"], spreads, colour, dash))
    phases = []
    for number, name in enumerate(frozen["phases"], start=1):
        question = by_name.get(name)
        label = localise(question.label, locale, source=source) if question else Localised(name)
        reasons = []
        for data, group in zip(frozen["groups"], groups, strict=True):
            answer_ids = [a for a in data["reasons"].get(name, []) if texts.get(a)]
            if answer_ids:
                reasons.append((group.key, [texts[a] for a in answer_ids], answer_ids))
        short = PHASE_NAMES.get(name, str(number))
        phases.append(Phase(name, number, short, label, reasons))
    return Circle(0, 10, phases, groups)


def _reason_texts(ids: list[int]) -> dict[int, tuple[str, str]]:
    """Answer id → (its words, the language it was written in): the redacted copy first."""
    if not ids:
        return {}
    rows = db.session.execute(
        select(Answer.id, Answer.value, Response.language)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.id.in_(ids))
    ).all()
    texts = {answer_id: value for answer_id, value, _ in rows if isinstance(value, str)}
    languages = {answer_id: language for answer_id, _, language in rows}
    redacted = db.session.execute(
        select(Statement.answer_id, Statement.redacted_text).where(
            Statement.answer_id.in_(ids), Statement.redacted_text.is_not(None)
        )
    ).all()
    for answer_id, text in redacted:
        if answer_id is not None and text:
            texts[answer_id] = text
    return {
        answer_id: (text.strip(), languages.get(answer_id) or "nl")
        for answer_id, text in texts.items()
        if text.strip()
    }


# --- The radar, drawn on the server --------------------------------------------------------------

# Wide enough for the axis labels left and right of the circle ("Rechtendetectie").
WIDTH, HEIGHT = 760, 500
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
RADIUS = 180
INK = "#1b1b1b"
GRID = "#b1b4b6"


def _point(index: int, count: int, value: float, top: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    length = RADIUS * value / top
    return (
        round(CENTRE_X + length * math.cos(angle), 1),
        round(CENTRE_Y + length * math.sin(angle), 1),
    )


def _ring(points: list[tuple[float, float]]) -> str:
    return "M" + " L".join(f"{x} {y}" for x, y in points) + " Z"


def radar_svg(circle: Circle, name: str) -> Markup:
    """One outline per shown group (the medians), with its band from first to third quartile.

    A hidden phase of a group leaves the band and outline at the centre for that phase."""
    count, top = len(circle.phases), circle.highest
    parts = [
        f'<svg class="chart radar" role="img" aria-label="{escape(name)}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" direction="ltr"'
        ' font-family="system-ui, sans-serif" font-size="14" xmlns="http://www.w3.org/2000/svg">'
    ]
    for ring in range(2, top + 1, 2):
        points = [_point(i, count, ring, top) for i in range(count)]
        parts.append(f'<path d="{_ring(points)}" fill="none" stroke="{GRID}" stroke-width="1"/>')
        x, y = _point(0, count, ring, top)
        parts.append(f'<text x="{x + 4}" y="{y + 4}" fill="{INK}" font-size="11">{ring}</text>')
    for index, phase in enumerate(circle.phases):
        x, y = _point(index, count, top, top)
        parts.append(
            f'<path d="M{CENTRE_X} {CENTRE_Y} L{x} {y}" stroke="{GRID}" stroke-width="1"/>'
        )
        lx, ly = _point(index, count, top * 1.12, top)
        anchor = "middle" if abs(lx - CENTRE_X) < 20 else ("start" if lx > CENTRE_X else "end")
        parts.append(
            f'<text x="{lx}" y="{ly + 5}" text-anchor="{anchor}" fill="{INK}">'
            f"{phase.number}. {escape(phase.short)}</text>"
        )
    for group in circle.shown:

        def at(value: float | None, index: int) -> tuple[float, float]:
            return _point(index, count, value or 0, top)

        high = [at(s.high, i) for i, s in enumerate(group.spreads)]
        low = [at(s.low, i) for i, s in enumerate(group.spreads)]
        middle = [at(s.median, i) for i, s in enumerate(group.spreads)]
        parts.append(
            f'<path d="{_ring(high)} {_ring(list(reversed(low)))}" fill="{group.colour}"'
            ' fill-opacity="0.12" fill-rule="evenodd" stroke="none"/>'
        )
        dash = f' stroke-dasharray="{group.dash}"' if group.dash else ""
        parts.append(
            f'<path class="outline" d="{_ring(middle)}" fill="none" stroke="{group.colour}"'
            f' stroke-width="3"{dash}/>'
        )
        for x, y in middle:
            parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{group.colour}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  (every text above went through escape())


def legend_swatch(group: CircleGroup) -> Markup:
    dash = f' stroke-dasharray="{escape(group.dash)}"' if group.dash else ""
    return Markup(  # noqa: S704  (colours and dashes are ours)
        '<svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">'
        f'<path d="M0 6 H36" stroke="{escape(group.colour)}" stroke-width="3"{dash}/></svg>'
    )
