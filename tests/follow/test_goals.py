"""Goals, actions, indicators and measurements through the pages: drafts that are not yet
SMART, validation that keeps what was typed, confirmed deletes in the audit log."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Goal, GoalKind, Indicator, Measurement
from tests.conftest import PageCheckingClient, login
from tests.follow.world import MEMBER, PlanWorld


def _goal(app: Flask, public_id: str) -> Goal:
    goal = db.session.scalar(select(Goal).where(Goal.public_id == public_id))
    assert goal is not None
    return goal


def test_a_goal_without_owner_or_deadline_is_kept_as_a_draft(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    path = f"/projecten/demo/werkgroepen/{plan_world.workgroup}/doelen/nieuw"
    response = client.post_form(path, {"title_nl": "Minder schoolkosten", "parent": ""})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "nog niet SMART" in page
    assert "wie verantwoordelijk is" in page and "een deadline" in page
    assert "minstens één indicator" in page
    goal_id = response.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        goal = _goal(app, goal_id)
        assert (goal.kind, goal.owner, goal.deadline) == (GoalKind.STRATEGIC, "", None)
        assert db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "goal.create", AuditEvent.object_id == goal_id
            )
        )
    # An operational goal under it, then owner, deadline and an indicator make it SMART.
    response = client.post_form(path, {"title_nl": "Gratis turnzak", "parent": goal_id})
    with app.app_context():
        child = _goal(app, response.headers["Location"].rsplit("/", 1)[1])
        assert child.kind == GoalKind.OPERATIONAL and child.parent is not None
        assert child.parent.public_id == goal_id
    edit = f"/projecten/demo/doelen/{goal_id}/bewerken"
    response = client.post_form(
        edit,
        {
            "title_nl": "Minder schoolkosten",
            "parent": "",
            "owner": "OCMW",
            "deadline": "2027-06-30",
        },
    )
    assert response.status_code == 302
    top = client.get(f"/projecten/demo/doelen/{goal_id}").get_data(as_text=True).split("<h2")[0]
    assert "nog niet SMART" in top and "wie verantwoordelijk is" not in top
    client.post_form(
        f"/projecten/demo/doelen/{goal_id}/indicatoren/nieuw",
        {"name_nl": "Ouders met een schoolrekening te veel", "kind": "outcome", "unit": "number"},
    )
    page = client.get(f"/projecten/demo/doelen/{goal_id}").get_data(as_text=True)
    assert "nog niet SMART" not in page.split("<h2")[0]


def test_a_goal_without_a_title_is_refused_with_a_message(
    client: PageCheckingClient, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    path = f"/projecten/demo/werkgroepen/{plan_world.workgroup}/doelen/nieuw"
    response = client.post_form(path, {"title_nl": "", "owner": "Jan Janssens"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Schrijf wat jullie willen bereiken." in page
    assert 'value="Jan Janssens"' in page


def test_an_action_under_a_goal_keeps_its_fields(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    response = client.post_form(
        f"/projecten/demo/doelen/{plan_world.goal}/acties/nieuw",
        {
            "title_nl": "Infoavond voor ouders",
            "owner": "Huis van het Kind",
            "partners": "scholen",
            "start_on": "2027-01-10",
            "due_on": "2027-02-28",
            "expected_result": "40 ouders weten het",
            "status": "bezig",
            "progress": "30",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/projecten/demo/doelen/{plan_world.goal}").get_data(as_text=True)
    for text in (
        "Infoavond voor ouders",
        "Huis van het Kind",
        "2027-01-10",
        "40 ouders weten het",
        "30%",
    ):
        assert text in page
    bad = client.post_form(
        f"/projecten/demo/doelen/{plan_world.goal}/acties/nieuw",
        {"title_nl": "Iets", "status": "bezig", "progress": "140"},
    )
    assert "Vul een getal in van 0 tot 100." in bad.get_data(as_text=True)


def test_measurements_are_validated_and_keep_what_was_typed(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    path = (
        f"/projecten/demo/indicatoren/{plan_world.indicator}"  # a percentage, baseline 2026-09-01
    )
    cases = [
        (
            {"measured_on": "2026-08-01", "value": "70"},
            "voor de datum van de beginwaarde (2026-09-01)",
        ),
        ({"measured_on": "2027-01-01", "value": "veel"}, "Vul een percentage in van 0 tot 100."),
        ({"measured_on": "2027-01-01", "value": "120"}, "Vul een percentage in van 0 tot 100."),
    ]
    for data, message in cases:
        response = client.post_form(path, {**data, "source": "telling", "note": "na de infoavond"})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert message in page, message
        assert f'value="{data["value"]}"' in page and 'value="telling"' in page
    response = client.post_form(
        path, {"measured_on": "2027-03-01", "value": "81,5", "source": "telling"}
    )
    assert response.status_code == 302
    page = client.get(path).get_data(as_text=True)
    # The chart: the line through baseline and measurements, the dashed target line, a name.
    svg = re.search(r"<svg class=\"chart line-chart\".*?</svg>", page, re.S)
    assert svg is not None
    assert "<polyline" in svg.group(0) and 'stroke-dasharray="6 4"' in svg.group(0)
    assert svg.group(0).count("<circle") == 3  # baseline, 72 and 81.5
    assert "81.5 %" in page and "72 %" in page and "95 %" in page
    with app.app_context():
        values = db.session.scalars(
            select(Measurement.value).order_by(Measurement.measured_on)
        ).all()
        assert values == [72, 81.5]


def test_yes_no_and_number_units(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    created = client.post_form(
        f"/projecten/demo/acties/{plan_world.action}/indicatoren/nieuw",
        {"name_nl": "Fonds bestaat", "kind": "output", "unit": "yes_no", "baseline_value": "2"},
    )
    assert created.status_code == 200
    assert "Vul 1 in voor ja of 0 voor nee." in created.get_data(as_text=True)
    created = client.post_form(
        f"/projecten/demo/acties/{plan_world.action}/indicatoren/nieuw",
        {"name_nl": "Fonds bestaat", "kind": "output", "unit": "yes_no", "baseline_value": "0"},
    )
    assert created.status_code == 302
    path = created.headers["Location"]
    assert "Vul 1 in voor ja of 0 voor nee." in client.post_form(
        path, {"measured_on": "2027-01-01", "value": "ja"}
    ).get_data(as_text=True)
    assert client.post_form(path, {"measured_on": "2027-01-01", "value": "1"}).status_code == 302
    other = client.post_form(
        f"/projecten/demo/doelen/{plan_world.goal}/indicatoren/nieuw",
        {
            "name_nl": "Gezinnen bereikt",
            "kind": "output",
            "unit": "number",
            "target_value": "veertig",
        },
    )
    assert "Vul een getal in, zoals 12 of 3,5." in other.get_data(as_text=True)
    assert 'value="veertig"' in other.get_data(as_text=True)


def test_deleting_a_goal_with_measurements_asks_first_and_is_logged(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    login(client, MEMBER)
    path = f"/projecten/demo/doelen/{plan_world.goal}/verwijderen"
    page = client.get(path).get_data(as_text=True)
    assert "Hier hoort 1 meting bij" in page
    with app.app_context():
        assert _goal(app, plan_world.goal) is not None  # the GET deleted nothing
    assert client.post_form(path, {}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Goal).where(Goal.public_id == plan_world.goal)) is None
        assert (
            db.session.scalar(select(Indicator).where(Indicator.public_id == plan_world.indicator))
            is None
        )
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "goal.delete"))
        assert event is not None and event.object_id == plan_world.goal
        assert event.details["measurements"] == 1
        assert event.user_id is not None


def test_measurement_indicator_and_action_deletes_ask_first_and_go_back_up(
    client: PageCheckingClient, app: Flask, plan_world: PlanWorld
) -> None:
    """The three other confirmed deletes (one helper with the goal's): the GET deletes nothing,
    the POST deletes, flashes, logs and returns to the page one level up."""
    from participatie.models import Action

    login(client, MEMBER)
    w = plan_world
    indicator_page = f"/projecten/demo/indicatoren/{w.indicator}"
    steps: list[tuple[str, type[Measurement] | type[Indicator] | type[Action], str, str, str]] = [
        (
            f"{indicator_page}/metingen/{w.measurement}/verwijderen",
            Measurement,
            w.measurement,
            indicator_page + "#metingen",
            "measurement.delete",
        ),
        (
            f"{indicator_page}/verwijderen",
            Indicator,
            w.indicator,
            f"/projecten/demo/doelen/{w.goal}",
            "indicator.delete",
        ),
        (
            f"/projecten/demo/acties/{w.action}/verwijderen",
            Action,
            w.action,
            f"/projecten/demo/doelen/{w.goal}#acties",
            "action.delete",
        ),
    ]
    for path, model, public_id, back_to, action in steps:
        assert client.get(path).status_code == 200
        with app.app_context():
            assert db.session.scalar(select(model).where(model.public_id == public_id))
        response = client.post_form(path, {})
        assert response.status_code == 302 and response.headers["Location"].endswith(back_to)
        with app.app_context():
            assert db.session.scalar(select(model).where(model.public_id == public_id)) is None
            assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == action))
        assert client.get(back_to.split("#")[0]).status_code == 200
