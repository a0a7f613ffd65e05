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
