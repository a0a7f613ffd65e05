"""Blind second coding through HTTP: the sample, the blind page, the figures and disagreements."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from participatie.auth.services import find_user
from participatie.extensions import db
from participatie.models import Organisation, Project
from tests.conftest import login
from tests.review.conftest import (
    COLLEAGUE,
    COORDINATOR,
    THIRD,
    Staff,
    add_focus_group,
    make_coordinator,
    tags,
)

BASE = "/projecten/overeen"
# What the queue (the first coordinator) gives each statement, and what the colleague gives blind.
QUEUE_CODES = [
    {"wonen"},
    {"wonen", "inkomen"},
    {"onderwijs"},
    {"gezondheid"},
    {"wonen"},
    {"inkomen"},
]
BLIND_CODES = [{"wonen"}, {"wonen"}, {"onderwijs"}, {"gezondheid", "wonen"}, {"wonen"}, {"inkomen"}]
TEXTS = [
    "De huur slorpt ons loon op.",
    "Na de huur blijft er niets over voor eten.",
    "De juf helpt mijn zoon met lezen.",
    "Mijn dochter wacht al maanden op een psycholoog.",
    "Ons huis is te klein voor vijf kinderen.",
    "Het leefloon is te laag.",
]


def _project(app: Flask, *emails: str) -> None:
    with app.app_context():
        project = Project(organisation=Organisation(name="Overeen"), name="Overeen", slug="overeen")
        db.session.add(project)
        db.session.flush()
        for email in emails:
            make_coordinator(email, project)
        db.session.commit()
        db.session.remove()


def _public_id(app: Flask, email: str) -> str:
    with app.app_context():
        user = find_user(email)
        assert user is not None
        found = user.public_id
        db.session.remove()
        return found


def _second(app: Flask, email: str) -> Staff:
    client = app.test_client()
    login(client, email)  # type: ignore[arg-type]
    return Staff(client)


def _sample_id(app: Flask) -> str:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "overeen"))
        assert project is not None
        found = str(project.settings["agreement_samples"][-1]["id"])
        db.session.remove()
        return found


def _setup(app: Flask, staff: Staff) -> tuple[list[str], str, Staff]:
    _project(app, COORDINATOR, COLLEAGUE, THIRD)
    _, ids = add_focus_group(app, "G", [("nl", t) for t in TEXTS], "overeen")
    staff.page(f"{BASE}/uitspraken")
    for public_id, codes in zip(ids, QUEUE_CODES, strict=True):
        for key in sorted(codes):
            staff.post(f"{BASE}/uitspraken", {"action": f"toggle:{public_id}:{key}"})
    response = staff.post(
        f"{BASE}/overeenstemming",
        {"coder": _public_id(app, COLLEAGUE), "size": "6", "seed": "7"},
    )
    assert response.status_code == 302
    return ids, _sample_id(app), _second(app, COLLEAGUE)


def _pressed(page: str, public_id: str) -> set[str]:
    return set(re.findall(rf'value="toggle:{public_id}:(\w+)" aria-pressed="true"', page))


def test_a_blind_sample_is_coded_without_seeing_anyones_tags(app: Flask, staff: Staff) -> None:
    ids, sample, colleague = _setup(app, staff)
    # Until the colleague has coded them, the queue hides the sampled statements from them.
    queue = colleague.page(f"{BASE}/uitspraken")
    assert not any(i in queue for i in ids)
    assert ids[0] in staff.page(f"{BASE}/uitspraken")
    # The requester cannot open the blind page; the colleague sees only the words.
    assert staff.get(f"{BASE}/overeenstemming/{sample}/blind").status_code == 404
    blind = colleague.page(f"{BASE}/overeenstemming/{sample}/blind")
    assert all(text in blind for text in TEXTS)
    assert " checked" not in blind and "Voorstellen" not in blind and "aria-pressed" not in blind
    # While coding, the figures stay hidden from the colleague.
    assert "Je codeert deze steekproef blind." in colleague.page(f"{BASE}/overeenstemming/{sample}")

    for public_id, codes in zip(ids, BLIND_CODES, strict=True):
        colleague.post(
            f"{BASE}/overeenstemming/{sample}/blind",
            {"statement": public_id, "codes": sorted(codes)},
        )
    blind_rows = tags(app, ids[3], blind=True)
    assert {t["key"] for t in blind_rows if t["status"] == "accepted"} == {"gezondheid", "wonen"}
    assert all(t["blind"] for t in blind_rows)
    # Blind tags never show as the statement's tags in the queue.
    assert _pressed(staff.page(f"{BASE}/uitspraken"), ids[3]) == {"gezondheid"}
    assert ids[0] in colleague.page(f"{BASE}/uitspraken")


def test_kappa_per_domain_and_the_disagreements(app: Flask, staff: Staff) -> None:
    ids, sample, colleague = _setup(app, staff)
    for public_id, codes in zip(ids, BLIND_CODES, strict=True):
        colleague.post(
            f"{BASE}/overeenstemming/{sample}/blind",
            {"statement": public_id, "codes": sorted(codes)},
        )
    page = staff.page(f"{BASE}/overeenstemming/{sample}")
    rows = dict(
        re.findall(
            r'<tr><th scope="row">([^<]+)</th><td class="figure">([^<]*(?:<span[^>]*>–</span>)?)</td>',
            page,
        )
    )
    # wonen: queue [1,1,0,0,1,0], blind [1,1,0,1,1,0]: p_o = 5/6, p_e = 1/2*4/6 + 1/2*2/6 = 1/2,
    # kappa = (5/6 - 1/2) / (1/2) = 2/3.
    assert rows["Wonen en energie"] == "0,67"
    # inkomen: queue [0,1,0,0,0,1], blind [0,0,0,0,0,1]: p_o = 5/6,
    # p_e = 2/6*1/6 + 4/6*5/6 = 22/36, kappa = (30/36 - 22/36) / (14/36) = 8/14 = 0.57.
    assert rows["Inkomen en schulden"] == "0,57"
    assert rows["Onderwijs"] == "1,00" and rows["Gezondheid"] == "1,00"
    # each language writes the figure its own way (issue 16 item 7)
    for lang, kappa in (("en", "0.67"), ("tr", "0,67"), ("fr", "0,67"), ("ar", "0.67")):
        shown = staff.page(f"{BASE}/overeenstemming/{sample}?lang={lang}")
        assert f'<td class="figure">{kappa}</td>' in shown, lang
    assert "–" in rows["Werk en opleiding"]  # nobody gave it: not computable
    assert "Vergeleken op 6 uitspraken." in page
    disagreements = re.findall(r"‘([^’]+)’: wel volgens ([^,]+), niet volgens ([^.]+)\.", page)
    assert sorted(disagreements) == [
        ("Inkomen en schulden", "de wachtrij", "tweede"),
        ("Wonen en energie", "tweede", "de wachtrij"),
    ]


def test_a_third_coder_gives_krippendorffs_alpha(app: Flask, staff: Staff) -> None:
    ids, sample, colleague = _setup(app, staff)
    for public_id, codes in zip(ids, BLIND_CODES, strict=True):
        colleague.post(
            f"{BASE}/overeenstemming/{sample}/blind",
            {"statement": public_id, "codes": sorted(codes)},
        )
    staff.post(f"{BASE}/overeenstemming/{sample}", {"coder": _public_id(app, THIRD)})
    third = _second(app, THIRD)
    for public_id, codes in zip(ids, QUEUE_CODES, strict=True):
        third.post(
            f"{BASE}/overeenstemming/{sample}/blind",
            {"statement": public_id, "codes": sorted(codes)},
        )
    page = staff.page(f"{BASE}/overeenstemming/{sample}")
    assert ">Kappa<" not in page and ">Alpha<" in page
    rows = dict(
        re.findall(r'<tr><th scope="row">([^<]+)</th><td class="figure">([^<]*)</td>', page)
    )
    # wonen, units (queue, second, third): S1 111, S2 111, S3 000, S4 010, S5 111, S6 000.
    # o_11 = 3*3 = 9, o_00 = 3+3+1 = 7, o_01 = o_10 = 1; n_1 = 10, n_0 = 8, n = 18.
    # alpha = 1 - 17 * 2 / (2 * 10 * 8) = 1 - 34/160 = 0.7875.
    assert rows["Wonen en energie"] == "0,79"


def test_sample_form_errors(app: Flask, staff: Staff) -> None:
    _project(app, COORDINATOR, COLLEAGUE)
    response = staff.post(f"{BASE}/overeenstemming", {"coder": "", "size": "veel", "seed": "-1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Kies de collega die de steekproef blind codeert." in page
    assert "Vul in hoeveel uitspraken de steekproef telt" in page and 'value="veel"' in page
    assert "Vul als startgetal een geheel getal" in page
    # Nothing tagged yet in this project: nothing to sample, said plainly.
    response = staff.post(
        f"{BASE}/overeenstemming", {"coder": _public_id(app, COLLEAGUE), "size": "20"}
    )
    assert "Tag eerst uitspraken in de wachtrij." in response.get_data(as_text=True)
    assert staff.get(f"{BASE}/overeenstemming/bestaat-niet").status_code == 404
