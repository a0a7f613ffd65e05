"""The follow-through pages through the test client: every page renders and validates."""

from __future__ import annotations

from tests.conftest import PageCheckingClient, login
from tests.follow.world import PlanWorld


def test_every_page_renders_for_the_coordinator(
    client: PageCheckingClient, plan_world: PlanWorld
) -> None:
    login(client, "coordinator@kempenaar.example")
    w = plan_world
    for path in [
        "/projecten/demo/prioriteiten",
        "/projecten/demo/actieplan",
        "/projecten/demo/werkgroepen/nieuw",
        f"/projecten/demo/werkgroepen/{w.workgroup}",
        f"/projecten/demo/werkgroepen/{w.workgroup}/bewerken",
        f"/projecten/demo/werkgroepen/{w.workgroup}/verwijderen",
        f"/projecten/demo/werkgroepen/{w.workgroup}/doelen/nieuw",
        f"/projecten/demo/doelen/{w.goal}",
        f"/projecten/demo/doelen/{w.operational}",
        f"/projecten/demo/doelen/{w.goal}/bewerken",
        f"/projecten/demo/doelen/{w.goal}/verwijderen",
        f"/projecten/demo/doelen/{w.goal}/acties/nieuw",
        f"/projecten/demo/acties/{w.action}/bewerken",
        f"/projecten/demo/acties/{w.action}/verwijderen",
        f"/projecten/demo/doelen/{w.goal}/indicatoren/nieuw",
        f"/projecten/demo/acties/{w.action}/indicatoren/nieuw",
        f"/projecten/demo/indicatoren/{w.indicator}",
        f"/projecten/demo/indicatoren/{w.indicator}/bewerken",
        f"/projecten/demo/indicatoren/{w.indicator}/verwijderen",
        f"/projecten/demo/indicatoren/{w.indicator}/metingen/{w.measurement}/verwijderen",
    ]:
        for lang in ("nl", "ar"):
            response = client.get(path + f"?lang={lang}")
            assert response.status_code == 200, (path, response.status_code)


def test_a_werkgroep_member_lands_on_the_actieplan_only(
    client: PageCheckingClient, plan_world: PlanWorld
) -> None:
    from tests.follow.world import MEMBER

    login(client, MEMBER)
    page = client.get("/account").get_data(as_text=True)
    assert "lid van een werkgroep" in page
    assert "/projecten/demo/actieplan" in page
    assert "/projecten/demo/resultaten" not in page and "/projecten/demo/prioriteiten" not in page
    plan = client.get("/projecten/demo/actieplan").get_data(as_text=True)
    # Only their own werkgroep, and no downloads (those are for the stuurgroep).
    assert "Werkgroep school" in plan and "Werkgroep vrije tijd" not in plan
    assert "/actieplan/download/" not in plan
