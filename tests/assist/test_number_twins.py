"""Device and server agree on numbers (issue 17, item 7): hypothesis writes thousands of things a
parent might type (digits of every script our 13 languages use and some they do not, separators,
signs, exponents, underscores, "inf", "nan", very long numbers, spaces of all kinds) and the
server's parse_answer() and the offline journey's validate.js (in node, fed the server's rules as
data) must accept and refuse exactly the same, with the same value and message."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from participatie.surveys.answers import parse_answer
from participatie.surveys.numbers import number_rules
from tests.assist.test_twins import question_def

HERE = Path(__file__).parent
NODE = shutil.which("node")

# Pieces a number is made of, and the pieces that must be refused.
PIECES = [
    *"0123456789",
    *"٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic (ar)
    *"۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic (fa_AF)
    *"０１２３４５６７８９",  # fullwidth: not accepted
    *"०१२३",  # Devanagari: not accepted
    "፩",  # an Ethiopic numeral (ti has no decimal digits): not accepted
    ",",
    ".",
    "٫",
    "٬",
    "-",
    "+",
    "−",
    "e",
    "E",
    "_",
    " ",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\u3000",
    "\t",
    "\n",
    "inf",
    "nan",
    "Infinity",
    "1e999",
    "0x1",
    "9" * 13,
    "1" * 7,
]
TYPED = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=8),
)
QUESTIONS = st.sampled_from(
    [
        ("integer", None, None),
        ("integer", 0, 15),
        ("integer", -5, 999999999999),
        ("decimal", None, None),
        ("decimal", 0.5, 2.5),
        ("decimal", -100, 100),
    ]
)
CASES = st.lists(st.tuples(QUESTIONS, TYPED), min_size=400, max_size=400)


def _server(app: Flask, kind: str, low: Any, high: Any, text: str) -> dict[str, Any]:
    question = question_def({"type": kind, "minimum": low, "maximum": high})
    with app.test_request_context("/"):
        parsed = parse_answer(question, MultiDict([("answer", text)]))
    return {"value": parsed.value, "declined": parsed.declined, "error": parsed.error}


def _device(tmp: Path, cases: list[tuple[tuple[str, Any, Any], str]]) -> list[dict[str, Any]]:
    assert NODE is not None, "node is not installed (apt-get install nodejs)"
    payload = tmp / "numbers.json"
    payload.write_text(
        json.dumps(
            {
                "rules": number_rules(),
                "cases": [
                    {"type": kind, "minimum": low, "maximum": high, "text": text}
                    for (kind, low, high), text in cases
                ],
            }
        ),
        "utf-8",
    )
    done = subprocess.run(
        [NODE, str(HERE / "js" / "run_numbers.js"), str(payload)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cases=CASES)
def test_device_and_server_read_every_typed_number_alike(
    app: Flask, tmp_path: Path, cases: list[tuple[tuple[str, Any, Any], str]]
) -> None:
    device = _device(tmp_path, cases)
    for ((kind, low, high), text), on_device in zip(cases, device, strict=True):
        on_server = _server(app, kind, low, high, text)
        assert on_device == on_server, (kind, low, high, text)


@pytest.mark.parametrize(
    "kind,text,value",
    [
        ("integer", "3", 3),
        ("integer", " 1 000 ", 1000),
        ("integer", "١٢", 12),
        ("integer", "۷", 7),
        ("integer", "-4", -4),
        ("decimal", "2,5", 2.5),
        ("decimal", "٢٫٥", 2.5),
        ("decimal", "0.25", 0.25),
        ("integer", "1_000", None),
        ("integer", "1e5", None),
        ("decimal", "1e5", None),
        ("decimal", "inf", None),
        ("decimal", "nan", None),
        ("integer", "３", None),
        ("integer", "+3", None),
        ("integer", "2,5", None),
        ("integer", "9" * 13, None),
        ("decimal", "1,1234567", None),
        ("decimal", "1,2,3", None),
    ],
)
def test_what_a_parent_may_type(app: Flask, kind: str, text: str, value: object) -> None:
    result = _server(app, kind, None, None, text)
    assert result["value"] == value
    assert (result["error"] is None) == (value is not None)
