"""Generated responses for the report benchmark, written into PostgreSQL with COPY.

A dedicated survey BENCH in the demo project: the demo survey's eight questions plus an age
(integer) and a second agreement scale, ten questions of every type the report handles. Answers
follow the survey's routing (the leisure-barrier question only after "vrije tijd"), some are left
out and some are "Ik wil dit niet zeggen", as on real surveys. Deterministic: seeded per batch.
"""

from __future__ import annotations

import copy
import json
import random
import secrets
from collections.abc import Callable
from typing import Any

import psycopg

from participatie.demo.survey import DEMO_SURVEY
from participatie.demo.texts import DIFFERENCE, GOES_WELL

CODE = "BENCH"
STAMP = "2026-11-20 10:00:00+00"
DECLINE = 0.03  # share of optional questions answered "Ik wil dit niet zeggen"
SKIP = 0.05  # share of optional questions left out
DOMAIN_WEIGHTS = {
    "inkomen": 0.55, "werk": 0.25, "wonen": 0.5, "gezondheid": 0.3, "onderwijs": 0.35,
    "gezin": 0.25, "vrije_tijd": 0.4, "mobiliteit": 0.2, "hulpverlening": 0.3, "participatie": 0.12,
}  # fmt: skip
BARRIERS = ("duur", "ver", "onbekend", "vol", "welkom")


def definition() -> dict[str, Any]:
    """The BENCH survey: the demo's questions plus `leeftijd` and `gehoord`."""
    data = copy.deepcopy(DEMO_SURVEY)
    data["code"] = CODE
    data["form_id"] = "bench_report"
    scale = next(q for q in data["questions"] if q["name"] == "hulp_vinden")
    extra_scale = copy.deepcopy(scale)
    extra_scale["name"] = "gehoord"
    extra_scale["label"] = {"nl": "Ik voel me gehoord door de gemeente."}
    data["questions"] += [
        {"name": "leeftijd", "type": "integer", "required": False, "minimum": 16,
         "maximum": 99, "label": {"nl": "Hoe oud ben je?"}},
        extra_scale,
    ]  # fmt: skip
    return data


Generator = Callable[[random.Random, dict[str, Any]], Any]


def _one_of(*choices: str) -> Generator:
    return lambda rng, _: rng.choice(choices)


def _domains(rng: random.Random, _: dict[str, Any]) -> list[str]:
    return [key for key, weight in DOMAIN_WEIGHTS.items() if rng.random() < weight] or ["inkomen"]


def _barriers(rng: random.Random, answers: dict[str, Any]) -> list[str] | None:
    if "vrije_tijd" not in (answers.get("moeilijk") or []):
        return None  # routing: the question is not shown
    return sorted(rng.sample(BARRIERS, rng.randint(1, 3)))


VALUES: dict[str, Generator] = {
    "wie": _one_of(*["ouder"] * 16, *["ervaringsdeskundige"] * 4, "andere"),
    "kinderen": lambda rng, _: rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6)),
    "moeilijk": _domains,
    "vrije_tijd_drempel": _barriers,
    "uitpas": _one_of("ja", "ja", "nee", "nee", "nee", "weet_niet"),
    "hulp_vinden": _one_of("1", "2", "2", "3", "3", "4", "4", "4", "5", "5", "6"),
    "verschil": _one_of(*DIFFERENCE["nl"]),
    "goed": _one_of(*GOES_WELL["nl"]),
    "leeftijd": lambda rng, _: rng.randint(19, 64),
    "gehoord": _one_of("1", "2", "3", "3", "4", "4", "5", "6"),
}


def add_responses(
    connection: psycopg.Connection[Any],
    survey_id: int,
    questions: dict[str, tuple[int, bool]],
    count: int,
    seed: int,
) -> int:
    """COPYs `count` consented responses with their answers; returns the answer rows written.

    `questions` maps each question name to (id, required). Each response row comes with its
    `answered` flag as the answers make it, as the app's responses have it: the database's
    trigger on `answers` then finds nothing to change, and the table is not rewritten.
    """
    rng = random.Random(seed)
    first = int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM responses").fetchone()[0])  # type: ignore[index]
    answers: list[tuple[int, int, str | None, str]] = []
    with connection.cursor() as cursor:
        with cursor.copy(
            "COPY responses (id, public_id, survey_id, survey_version, mode, language,"
            " consent_version, consented_at, participant_group, created_at, updated_at,"
            " completed_at, answered) FROM STDIN"
        ) as copy_responses:
            for response_id in range(first, first + count):
                values: dict[str, Any] = {}
                before = len(answers)
                for name, (question_id, required) in questions.items():
                    value = VALUES[name](rng, values)
                    if value is None:
                        continue
                    if not required and rng.random() < SKIP:
                        continue
                    if not required and rng.random() < DECLINE:
                        answers.append((response_id, question_id, None, "t"))
                        continue
                    values[name] = value
                    answers.append((response_id, question_id, json.dumps(value), "f"))
                copy_responses.write_row(
                    (response_id, secrets.token_hex(16), survey_id, 1, "self", "nl", 1, STAMP,
                     values.get("wie"), STAMP, STAMP, STAMP, len(answers) > before)
                )  # fmt: skip
        with cursor.copy(
            "COPY answers (response_id, question_id, value, declined, created_at, updated_at)"
            " FROM STDIN"
        ) as copy_answers:
            for row in answers:
                copy_answers.write_row((*row, STAMP, STAMP))
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('responses', 'id'), (SELECT max(id) FROM responses))"
        )
    connection.commit()
    connection.execute("ANALYZE responses")
    connection.execute("ANALYZE answers")
    connection.commit()
    return len(answers)
