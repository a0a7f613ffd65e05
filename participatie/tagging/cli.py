"""``participatie themes suggest`` and ``participatie themes evaluate`` (DESIGN.md §6).

Exit statuses as everywhere in the ``participatie`` command: 0 done, 1 refused because of the data
(reasons on stderr), 2 wrong usage (click's own, e.g. a missing file). Results go to stdout as JSON
or a table, messages to stderr, so the commands compose in shell pipelines.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import click
from flask.cli import AppGroup

from participatie.tagging import lexicons
from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS
from participatie.tagging.evaluation import calibration_report, evaluate, format_table
from participatie.tagging.suggester import suggest

themes_cli = AppGroup(
    "themes",
    help="Suggest levensdomeinen, drempels and kind for statements, and measure the suggester.",
)


class BadLine(ValueError):
    """A JSON line the command cannot use; the message names what is wrong."""


def _json_lines(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def _statement(line: str) -> dict[str, Any]:
    """Parse and check one ``{"id", "lang", "text"}`` line."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON ({error.msg})") from None
    if not isinstance(row, dict):
        raise BadLine("not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadLine('missing or empty "text"')
    lang = row.get("lang")
    if not isinstance(lang, str):
        raise BadLine('missing "lang"')
    try:
        row["lang"] = lexicons.canonical_lang(lang)
    except lexicons.UnsupportedLanguage:
        raise BadLine(f"unsupported language {lang!r}") from None
    return row


def _labelled(line: str) -> dict[str, Any]:
    """Parse and check one reference line: a statement plus domains/barriers/kind from the codebook."""
    row = _statement(line)
    for facet, codes in (("domains", DOMAINS), ("barriers", BARRIERS)):
        value = row.get(facet, [])
        if not isinstance(value, list) or any(code not in codes for code in value):
            raise BadLine(f'"{facet}" must be a list of codes from {", ".join(codes)}')
    kind = row.get("kind")
    if kind is not None and kind not in KINDS:
        raise BadLine(f'"kind" must be null or one of {", ".join(KINDS)}')
    return row


def _report_bad(number: int, error: BadLine) -> None:
    click.echo(f"line {number}: {error}", err=True)


@themes_cli.command("suggest")
@click.option(
    "--project",
    "project_slug",
    help="Use what this project's coordinators taught the suggester (accepted/rejected tags).",
)
def suggest_command(project_slug: str | None) -> None:
    """Read JSON lines {"id", "lang", "text"} on stdin; write one suggestion line per statement.

    Output lines: {"id", "domains", "barriers", "kind", "scores", "evidence"}, domains most
    confident first. A bad line (not JSON, no text, a language without a lexicon) is reported on
    stderr with its line number and skipped; the exit status is then 1.
    """
    weights = _project_weights(project_slug) if project_slug else None
    bad = 0
    for number, line in _json_lines(sys.stdin):
        try:
            row = _statement(line)
        except BadLine as error:
            _report_bad(number, error)
            bad += 1
            continue
        suggestion = suggest(row["text"], row["lang"], weights=weights)
        click.echo(json.dumps(suggestion.as_json(row.get("id")), ensure_ascii=False))
    if bad:
        raise click.exceptions.Exit(1)


def _project_weights(slug: str) -> Any:
    """The learned weights of a project; needs the app (and its database)."""
    from flask import current_app
    from sqlalchemy import select

    from participatie.extensions import db
    from participatie.models import Project
    from participatie.tagging.project_weights import learned_weights

    with current_app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == slug))
        if project is None:
            click.echo(f"No project with slug {slug!r}.", err=True)
            raise click.exceptions.Exit(1)
        return learned_weights(project)


def _predict(
    rows: Iterable[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[float, bool]], list[bool]]:
    """Suggestions for the rows; (domain score shown, domain was right) for every domain scored,
    and whether that domain was suggested."""
    out: list[dict[str, Any]] = []
    shown: list[tuple[float, bool]] = []
    suggested: list[bool] = []
    for row in rows:
        suggestion = suggest(row["text"], row["lang"])
        out.append(
            {
                "domains": suggestion.domains,
                "barriers": suggestion.barriers,
                "kind": suggestion.kind,
            }
        )
        gold = set(row.get("domains") or ())
        shown += [(suggestion.scores[c], c in gold) for c in suggestion.domain_evidence]
        suggested += [c in suggestion.domains for c in suggestion.domain_evidence]
    return out, shown, suggested


@themes_cli.command("evaluate")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def evaluate_command(file: TextIO, as_json: bool) -> None:
    """Score the suggester against FILE.jsonl (id, lang, text, domains, barriers, kind per line).

    Prints precision, recall and F1 per code, per language and overall (micro and macro), for
    domains, barriers and kind, and a reliability table of the domain scores: per band of shown
    certainty, how many domains were scored and how many of them were right, with the expected
    calibration error (ECE). Malformed lines are listed on stderr and nothing is scored (exit 1).
    """
    rows, bad = [], 0
    for number, line in _json_lines(file):
        try:
            rows.append(_labelled(line))
        except BadLine as error:
            _report_bad(number, error)
            bad += 1
    if bad:
        raise click.exceptions.Exit(1)
    if not rows:
        click.echo("no statements to evaluate", err=True)
        raise click.exceptions.Exit(1)
    predictions, shown, suggested = _predict(rows)
    report = evaluate(rows, predictions)
    report["calibration"] = calibration_report(shown, suggested=suggested)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report))
