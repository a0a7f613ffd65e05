"""Every tagging page is for the project's coordinators only; objects of other projects are 404."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.conftest import PageCheckingClient, login
from tests.review.conftest import Staff

GET_PAGES = [
    "/projecten/demo/uitspraken",
    "/projecten/demo/themas",
    "/projecten/demo/codeboek",
    "/projecten/demo/codeboek/inkomen",
    "/projecten/demo/codeboek.qdc",
    "/projecten/demo/overeenstemming",
]
POSTS = [
    "/projecten/demo/uitspraken",
    "/projecten/demo/uitspraken/ongedaan-maken",
    "/projecten/demo/themas/ongedaan-maken",
    "/projecten/demo/codeboek/inkomen/aan-uit",
    "/projecten/demo/codeboek/inkomen/samenvoegen",
    "/projecten/demo/codeboek/inkomen/subcode",
    "/projecten/demo/codeboek/ongedaan-maken",
    "/projecten/demo/overeenstemming",
]


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("stuurgroep@kempenaar.example", 403),
        ("vrijwilliger@kempenaar.example", 403),
        # A site admin sees a project's data only as a member of it.
        ("admin@kempenaar.example", 404),
    ],
)
def test_only_coordinators_open_the_tagging_pages(
    app: Flask, client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    other = Staff(client)
    for url in GET_PAGES:
        assert client.get(url).status_code == expected, url
    for url in POSTS:
        assert other.post(url, {"action": "bulk_accept"}).status_code == expected, url


def test_anonymous_visitors_are_sent_to_log_in(client: PageCheckingClient, demo: None) -> None:
    for url in GET_PAGES:
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_the_queue_of_another_project_is_404(app: Flask, staff: Staff, other_project: str) -> None:
    assert staff.get("/projecten/elders/uitspraken").status_code == 404
    assert staff.get("/projecten/elders/codeboek").status_code == 404
