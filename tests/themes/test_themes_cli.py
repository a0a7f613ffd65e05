"""`participatie themes suggest` and `evaluate`: JSON lines in and out, exit statuses (DESIGN §6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask

from participatie.tagging.cli import themes_cli

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def cli_app() -> Flask:
    return Flask(__name__)


def run(app: Flask, args: list[str], stdin: str | None = None) -> Result:
    return app.test_cli_runner().invoke(themes_cli, args, input=stdin)


def lines(*rows: object) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def test_suggest_writes_one_json_line_per_statement(cli_app: Flask) -> None:
    stdin = lines(
        {"id": "a", "lang": "nl", "text": "De huur is te duur."},
        {"id": 7, "lang": "ar", "text": "لا أفهم الرسائل من البلدية"},
        {"id": "c", "lang": "ti", "text": "ሓኪም ርሑቕ እዩ።"},
    )
    result = run(cli_app, ["suggest"], stdin)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in out] == ["a", 7, "c"]
    for row in out:
        assert list(row) == ["id", "domains", "barriers", "kind", "scores", "evidence"]
    assert out[0]["domains"] == ["wonen"]
    assert out[0]["barriers"] == ["betaalbaarheid"]
    assert out[0]["evidence"]["wonen"] == ["huur"]
    assert out[1]["domains"] == ["hulpverlening"]
    assert out[1]["barriers"] == ["begrijpbaarheid"]


def test_suggest_reports_bad_lines_continues_and_exits_1(cli_app: Flask) -> None:
    stdin = (
        "not json\n"
        + lines({"id": 1, "lang": "nl"})
        + lines({"id": 2, "lang": "xx", "text": "hallo"})
        + "\n"
        + lines({"id": 3, "lang": "nl", "text": "De school is te duur."})
        + "[1, 2]\n"
    )
    result = run(cli_app, ["suggest"], stdin)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in out] == [3]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("line 1: not JSON")
    assert errors[1] == 'line 2: missing or empty "text"'
    assert errors[2] == "line 3: unsupported language 'xx'"
    assert errors[3] == "line 6: not a JSON object"


def test_evaluate_prints_tables(cli_app: Flask) -> None:
    result = run(cli_app, ["evaluate", str(DATA / "themes-dev.jsonl")])
    assert result.exit_code == 0, result.output
    for needle in (
        "== domains ==",
        "== barriers ==",
        "== kind ==",
        "overall micro",
        "overall macro",
        "fa_AF",
        "betrouwbaarheid",
    ):
        assert needle in result.stdout


def test_evaluate_json(cli_app: Flask) -> None:
    result = run(cli_app, ["evaluate", str(DATA / "themes-dev.jsonl"), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["n"] == 94
    domains = report["facets"]["domains"]
    assert set(domains["overall"]) == {"micro", "macro"}
    assert len(domains["per_language"]) == 13
    assert set(domains["per_code"]["wonen"]) >= {"precision", "recall", "f1", "support"}


def test_evaluate_missing_file_is_usage_error(cli_app: Flask, tmp_path: Path) -> None:
    result = run(cli_app, ["evaluate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


def test_evaluate_refuses_malformed_lines(cli_app: Flask, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        lines(
            {
                "id": 1,
                "lang": "nl",
                "text": "De huur is hoog.",
                "domains": ["wonen"],
                "barriers": [],
                "kind": "knelpunt",
            },
            {
                "id": 2,
                "lang": "nl",
                "text": "x",
                "domains": ["housing"],
                "barriers": [],
                "kind": None,
            },
            {"id": 3, "lang": "nl", "text": "x", "domains": [], "barriers": [], "kind": "maybe"},
        ),
        encoding="utf-8",
    )
    result = run(cli_app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "line 2:" in result.stderr and "line 3:" in result.stderr
