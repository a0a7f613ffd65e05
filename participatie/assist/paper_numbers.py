"""Short numbers on paper forms, allocated when the forms are printed.

Each printed copy is a response waiting for its answers: `Response.paper_number` holds the number,
mode `paper`, no consent and no answers yet (so it counts nowhere until it is keyed in). Numbers
are digits only, quick on a numeric keypad: a running number from 1000 up and one check digit
(Damm's algorithm catches every single wrong digit and every swap of two neighbours), printed
as "1000-7". The data-entry screen finds the response by its number, so a keyed-in form lands on
the copy that was printed.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Response, ResponseMode
from participatie.surveys.definition import SurveyDef

FIRST_NUMBER = 1000

# Damm's quasigroup of order 10 (totally anti-symmetric).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
# The number at the end of whatever was typed or scanned: "1000-7", "1000 7", or a QR code's URL.
_TRAILING_NUMBER = re.compile(r"([0-9][0-9\s-]*)[^0-9]*$")


def check_digit(digits: str) -> str:
    interim = 0
    for digit in digits:
        interim = _DAMM[interim][int(digit)]
    return str(interim)


def with_check_digit(number: int) -> str:
    digits = str(number)
    return digits + check_digit(digits)


def display(paper_number: str) -> str:
    """How the number is printed and shown: 10007 → 1000-7."""
    return f"{paper_number[:-1]}-{paper_number[-1:]}"


def normalise(typed: str) -> str | None:
    """The stored form of a typed or scanned number, or None when it cannot be one."""
    match = _TRAILING_NUMBER.search(typed.strip())
    if match is None:
        return None
    digits = re.sub(r"[^0-9]", "", match.group(1))
    return digits if 5 <= len(digits) <= 16 else None


def is_valid(paper_number: str) -> bool:
    return paper_number.isascii() and paper_number.isdigit() and check_digit(paper_number) == "0"


def _highest_number() -> int:
    longest = db.session.scalar(
        select(Response.paper_number)
        .where(Response.paper_number.is_not(None))
        .order_by(func.length(Response.paper_number).desc(), Response.paper_number.desc())
        .limit(1)
    )
    return int(longest[:-1]) if longest else FIRST_NUMBER - 1


def allocate(survey: SurveyDef, language: str, copies: int) -> list[str]:
    """`copies` new numbers, each with its waiting response, in the current transaction.

    The caller commits: a request does so by itself; a CLI command must commit at its end.
    Two print jobs at the same moment may pick the same numbers: the unique index refuses the
    second one when it commits, and it can simply be retried.
    """
    start = _highest_number() + 1
    numbers = [with_check_digit(start + index) for index in range(copies)]
    db.session.add_all(
        Response(
            survey_id=survey.id,
            survey_version=survey.version,
            language=language,
            mode=ResponseMode.PAPER,
            paper_number=number,
        )
        for number in numbers
    )
    db.session.flush()
    return numbers


def find(survey: SurveyDef, paper_number: str) -> Response | None:
    return db.session.scalar(
        select(Response).where(
            Response.paper_number == paper_number, Response.survey_id == survey.id
        )
    )
