"""Indicator values: what a measurement may hold per unit, the value a survey question feeds at a
release, and the small line chart (server-side SVG, no JavaScript) with the target line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from sqlalchemy import Text, cast, select

from participatie.extensions import db
from participatie.follow import messages
from participatie.models import (
    Answer,
    Goal,
    Indicator,
    IndicatorUnit,
    Measurement,
    Project,
    Release,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
# Arabic-Indic and Persian digits are digits too.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Parsed:
    value: float | None = None
    error: str | None = None


def parse_value(raw: str, unit: IndicatorUnit) -> Parsed:
    """A typed value for a unit: '3,5' and '3.5' are the same number; a percentage lies in 0-100;
    yes/no is 1 or 0."""
    text = raw.strip().replace(" ", "").replace(",", ".").replace("٫", ".").translate(DIGITS)
    text = text.removesuffix("%") if unit == IndicatorUnit.PERCENTAGE else text
    if not text:
        return Parsed(error=str(messages.ENTER_VALUE))
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or value != value or value in (float("inf"), float("-inf")):
        if unit == IndicatorUnit.YES_NO:
            return Parsed(error=str(messages.NOT_YES_NO))
        if unit == IndicatorUnit.PERCENTAGE:
            return Parsed(error=str(messages.NOT_A_PERCENTAGE))
        return Parsed(error=str(messages.NOT_A_NUMBER))
    if unit == IndicatorUnit.PERCENTAGE and not 0 <= value <= 100:
        return Parsed(error=str(messages.NOT_A_PERCENTAGE))
    if unit == IndicatorUnit.YES_NO and value not in (0.0, 1.0):
        return Parsed(error=str(messages.NOT_YES_NO))
    return Parsed(value=value)


def format_value(value: float | None, unit: IndicatorUnit) -> str:
    if value is None:
        return "–"
    plain = str(int(value)) if float(value).is_integer() else f"{value:.1f}".rstrip("0")
    return f"{plain} %" if unit == IndicatorUnit.PERCENTAGE else plain


# --- Survey-fed indicators --------------------------------------------------------------------


def indicator_value_from_release(indicator: Indicator, release: Release) -> float | None:
    """The share (percent, one decimal) of respondents who chose one of the counting options,
    among the responses the release counted (`Release.counted`, its cut-off) that answered the
    source question. None while fewer than k answered: the same small-number rule as every
    published figure."""
    question = indicator.source_question
    if question is None or not indicator.source_options:
        return None
    counted = set(release.counted.get("r", []))
    if not counted:
        return None
    k = question.survey.project.k_threshold
    rows = db.session.execute(
        select(Answer.response_id, cast(Answer.value, Text)).where(
            Answer.question_id == question.id, Answer.declined.is_(False)
        )
    ).all()
    wanted = set(indicator.source_options)
    answered = chosen = 0
    for response_id, text in rows:
        if response_id not in counted:
            continue
        value = json.loads(text) if text is not None else None
        names = [n for n in (value if isinstance(value, list) else [value]) if n not in (None, "")]
        if not names:
            continue
        answered += 1
        chosen += bool(wanted.intersection(names))
    if answered < k:
        return None
    return round(100 * chosen / answered, 1)


def refresh_survey_indicators(project: Project, release: Release) -> int:
    """Recomputes every survey-fed indicator of the project for a release: one measurement per
    indicator and release (replaced when the release is computed again), none while fewer than
    k answered. Returns how many got a value. Called by `publish_release`; never commits."""
    indicators = db.session.scalars(
        select(Indicator).where(Indicator.source_question_id.is_not(None))
    ).all()
    made = 0
    for indicator in indicators:
        if _project_id(indicator) != project.id:
            continue
        value = indicator_value_from_release(indicator, release)
        existing = next(
            (m for m in indicator.measurements if m.release_number == release.number), None
        )
        if value is None:
            if existing is not None:
                indicator.measurements.remove(existing)
            continue
        if existing is None:
            existing = Measurement(release_number=release.number, source="", note="")
            indicator.measurements.append(existing)
        existing.measured_on = release.published_at.astimezone(BRUSSELS).date()
        existing.value = value
        made += 1
    return made


def _project_id(indicator: Indicator) -> int:
    goal: Goal | None = indicator.goal
    if goal is None and indicator.action is not None:
        goal = indicator.action.goal
    assert goal is not None  # an indicator belongs to a goal or an action (a check constraint)
    return goal.workgroup.project_id


# --- The line chart ---------------------------------------------------------------------------

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 32
LINE = "#0b4f6c"
TARGET = "#8a3b00"
INK = "#1b1b1b"


def line_chart(indicator: Indicator, *, name: str, target_text: str) -> Markup:
    """The baseline and measurements as a line over time, the target as a dashed line.

    Time runs left to right on every page (also right-to-left ones): it is a time axis, as in
    printed Arabic charts; the table beside the chart gives every value in reading order."""
    points = _points(indicator)
    values = [v for _, v in points]
    if indicator.target_value is not None:
        values.append(indicator.target_value)
    top = 100.0 if indicator.unit == IndicatorUnit.PERCENTAGE else max([*values, 1.0])
    if indicator.unit == IndicatorUnit.YES_NO:
        top = 1.0
    days = [d for d, _ in points] + ([indicator.target_on] if indicator.target_on else [])
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    span = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1) if top else TOP + plot_h

    unit = indicator.unit
    parts = [
        f'<svg class="chart line-chart" role="img" aria-label="{escape(name)}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" direction="ltr"'
        ' font-family="system-ui, sans-serif" font-size="13" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"'
        f' stroke="{INK}"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="{INK}"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" fill="{INK}">'
        f"{escape(format_value(top, unit))}</text>",
        f'<text x="{LEFT - 6}" y="{TOP + plot_h + 4}" text-anchor="end" fill="{INK}">0</text>',
        f'<text x="{LEFT}" y="{HEIGHT - 8}" fill="{INK}">{first.isoformat()}</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" text-anchor="end" fill="{INK}">'
        f"{last.isoformat()}</text>",
    ]
    if indicator.target_value is not None:
        ty = y(indicator.target_value)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty}" x2="{WIDTH - RIGHT}" y2="{ty}" stroke="{TARGET}"'
            ' stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{WIDTH - RIGHT}" y="{ty - 5}" text-anchor="end" fill="{TARGET}">'
            f"{escape(target_text)}</text>"
        )
    if len(points) > 1:
        path = " ".join(f"{x(d)},{y(v)}" for d, v in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    for day, value in points:
        parts.append(f'<circle cx="{x(day)}" cy="{y(value)}" r="4" fill="{LINE}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  (every text above went through escape())


def _points(indicator: Indicator) -> list[tuple[date, float]]:
    points = []
    if indicator.baseline_value is not None and indicator.baseline_on is not None:
        points.append((indicator.baseline_on, indicator.baseline_value))
    points += [(m.measured_on, m.value) for m in indicator.measurements]
    return sorted(points, key=lambda point: point[0])


def latest(indicator: Indicator) -> Measurement | None:
    return indicator.measurements[-1] if indicator.measurements else None
