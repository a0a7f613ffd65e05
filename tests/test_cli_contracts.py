"""CLI contracts of DESIGN.md §6 that span areas: suggestions with a project's learned weights."""

from __future__ import annotations

import json

from flask import Flask


def test_themes_suggest_with_a_project(app: Flask, demo: None) -> None:
    runner = app.test_cli_runner()
    line = json.dumps(
        {"id": "a1", "lang": "nl", "text": "De huur is te hoog en er zit schimmel op de muur."}
    )
    result = runner.invoke(args=["themes", "suggest", "--project", "demo"], input=line + "\n")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip())
    assert row["id"] == "a1" and row["domains"][0] == "wonen"
    assert set(row) == {"id", "domains", "barriers", "kind", "scores", "evidence"}
    unknown = runner.invoke(args=["themes", "suggest", "--project", "nope"], input=line + "\n")
    assert unknown.exit_code == 1


def test_demo_refuses_production(app: Flask) -> None:
    app.config["DEMO_ALLOWED"] = False
    try:
        result = app.test_cli_runner().invoke(args=["demo"])
    finally:
        app.config["DEMO_ALLOWED"] = True
    assert result.exit_code == 1 and "production" in result.output


def test_users_create_needs_a_project_for_project_roles(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert (
        runner.invoke(args=["users", "create", "a@b.example", "--role", "volunteer"]).exit_code == 2
    )
    assert (
        runner.invoke(
            args=["users", "create", "a@b.example", "--role", "volunteer", "--project", "nope"]
        ).exit_code
        == 1
    )
    assert runner.invoke(args=["users", "create", "not-an-email"]).exit_code == 2


def test_report_json_shape_of_a_number_question(app: Flask, demo: None) -> None:
    """DESIGN.md §6, as issue 17 changed it: a number question adds "median" and "bins"
    ({"from" (included), "to" (not included), "count", "percent", "suppressed"}), never a
    minimum or a maximum (each is one person's answer)."""
    result = app.test_cli_runner().invoke(args=["report", "DEMO", "--format", "json"])
    assert result.exit_code == 0, result.output
    questions = {q["name"]: q for q in json.loads(result.stdout)["questions"]}
    kinderen = questions["kinderen"]
    assert set(kinderen) == {
        "name",
        "type",
        "label",
        "n",
        "declined",
        "median",
        "bins",
        "suppressed",
    }
    assert kinderen["type"] == "integer" and kinderen["median"] is not None
    assert kinderen["bins"] and all(
        set(b) == {"from", "to", "count", "percent", "suppressed"} for b in kinderen["bins"]
    )
    counted = [b["count"] for b in kinderen["bins"] if not b["suppressed"]]
    assert sum(counted) <= kinderen["n"] and all(c == 0 or c >= 5 for c in counted)
    # No cell of 1 … k-1 people anywhere, the group question included.
    for question in questions.values():
        for cell in question.get("options", []) + question.get("bins", []):
            assert cell["count"] is None or cell["count"] == 0 or cell["count"] >= 5, question[
                "name"
            ]
