"""The 0005 migration moves every existing action under a goal made from its decision."""

from __future__ import annotations

import json
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import text

from participatie.extensions import db
from tests.conftest import make_app

ROWS = [
    "INSERT INTO organisations (id, name, created_at) VALUES (1, 'Org', '2026-01-01')",
    "INSERT INTO projects (id, organisation_id, name, slug, municipality, languages, k_threshold,"
    " retention_days, public_intro, contact, settings, created_at)"
    " VALUES (1, 1, 'P', 'p', '', '[\"nl\"]', 5, 100, '{}', '', '{}', '2026-01-01')",
    "INSERT INTO codes (id, project_id, kind, key, label, scope_note, active, position)"
    " VALUES (1, 1, 'domain', 'onderwijs', '{\"nl\": \"Onderwijs\"}', '', true, 0)",
    "INSERT INTO themes (id, public_id, project_id, domain_id, title, summary, created_at)"
    " VALUES (1, 't1', 1, 1, '{\"nl\": \"Schoolkosten\"}', '{}', '2026-01-01')",
    "INSERT INTO themes (id, public_id, project_id, domain_id, title, summary, created_at)"
    " VALUES (2, 't2', 1, 1, '{\"nl\": \"Huiswerk\"}', '{}', '2026-01-01')",
    "INSERT INTO decisions (id, public_id, theme_id, outcome, motivation, decided_at)"
    " VALUES (1, 'd1', 1, 'opgenomen', '{}', '2026-01-02')",
    "INSERT INTO decisions (id, public_id, theme_id, outcome, motivation, decided_at)"
    " VALUES (2, 'd2', 2, 'werkgroep', '{}', '2026-01-02')",
    "INSERT INTO decisions (id, public_id, theme_id, outcome, motivation, decided_at)"
    " VALUES (3, 'd3', 2, 'later', '{}', '2026-01-03')",
]


def _action(number: int, decision: int) -> str:
    return (
        "INSERT INTO actions (id, public_id, decision_id, title, owner, output_indicator,"
        " outcome_indicator, status, progress, updated_at)"
        f" VALUES ({number}, 'a{number}', {decision}, '{{\"nl\": \"Actie {number}\"}}', 'OCMW',"
        " '', '', 'gepland', 10, '2026-01-02')"
    )


def test_each_action_goes_under_a_goal_made_from_its_decision(
    own_database_url: str, tmp_path: Path
) -> None:
    app = make_app(own_database_url, tmp_path)
    with app.app_context():
        upgrade(revision="0002")
        for statement in [*ROWS, _action(1, 1), _action(2, 1), _action(3, 2)]:
            db.session.execute(text(statement))
        db.session.commit()
        upgrade()
        workgroups = db.session.execute(
            text("SELECT id, name, domain_id, project_id FROM workgroups")
        ).all()
        goals = db.session.execute(
            text("SELECT id, decision_id, kind, title, workgroup_id FROM goals ORDER BY id")
        ).all()
        actions = db.session.execute(
            text("SELECT id, goal_id, decision_id FROM actions ORDER BY id")
        ).all()
        links = db.session.execute(
            text("SELECT goal_id, theme_id FROM goal_themes ORDER BY goal_id")
        ).all()
        db.session.remove()
        db.engine.dispose()
    # One werkgroep for the one domain; one goal per decision with actions (not for decision 3).
    assert [(w.name, w.domain_id, w.project_id) for w in workgroups] == [
        ("Werkgroep Onderwijs", 1, 1)
    ]
    assert [(g.decision_id, g.kind, g.workgroup_id) for g in goals] == [
        (1, "strategic", workgroups[0].id),
        (2, "strategic", workgroups[0].id),
    ]
    title = goals[0].title if isinstance(goals[0].title, dict) else json.loads(goals[0].title)
    assert title == {"nl": "Schoolkosten"}
    by_decision = {g.decision_id: g.id for g in goals}
    assert [(a.id, a.goal_id, a.decision_id) for a in actions] == [
        (1, by_decision[1], 1),
        (2, by_decision[1], 1),
        (3, by_decision[2], 2),
    ]
    assert [(link.goal_id, link.theme_id) for link in links] == [
        (by_decision[1], 1),
        (by_decision[2], 2),
    ]
