"""Issue 20 in the review queue: the traps, one statement per text, the machine-suggestion line and
the page "Hoe goed zijn de voorstellen?" with the project's own figures and the measured ones."""

from __future__ import annotations

import re

from flask import Flask

from tests.review.conftest import QUEUE, Staff, add_focus_group, keys_with, tags

QUALITY = "/projecten/demo/uitspraken/voorstellen"


def test_traps_in_the_review_queue(app: Flask, staff: Staff) -> None:
    group, (uitpas, taksit, taxi) = add_focus_group(
        app,
        "Valkuilen",
        [
            ("nl", "Met de UiTPAS konden we naar het zwembad."),
            ("tr", "Okul gezisinin parasını taksitle ödemek zorunda kaldık."),
            ("tr", "Gece taksiyle hastaneye gitmek zorunda kaldık."),
        ],
    )
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert "knelpunt" not in keys_with(app, uitpas, "suggested")
    assert {"vrije_tijd", "kracht"} <= keys_with(app, uitpas, "suggested")
    assert "mobiliteit" not in keys_with(app, taksit, "suggested")
    assert "mobiliteit" in keys_with(app, taxi, "suggested")
    # every statement with suggestions says they come from the computer, and links to the figures
    assert page.count("Voorstel van de computer, niet van een mens: kijk het na.") == 3
    assert page.count(f'href="{QUALITY}"') == 3


def test_a_text_given_several_times_appears_once_and_is_decided_for_all(
    app: Flask, staff: Staff
) -> None:
    text = "De huur is veel te hoog voor ons."
    group, ids = add_focus_group(
        app, "Dubbel", [("nl", text), ("nl", text + " "), ("nl", text.upper()), ("nl", "Anders.")]
    )
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    shown = re.findall(r'<article class="statement" id="s-([^"]+)"', page)
    assert len(shown) == len(set(shown)) == 2
    assert shown[0] == ids[0] and ids[1] not in shown and ids[2] not in shown
    assert "Nog 2 keer gegeven met precies dezelfde woorden" in page
    staff.post(QUEUE, {"action": f"accept_all:{ids[0]}", "bron": f"fg:{group}"})
    for public_id in ids[:3]:
        assert "wonen" in keys_with(app, public_id, "accepted"), public_id
    assert not keys_with(app, ids[3], "accepted")
    # one undo reverses the decision for all copies
    staff.post(f"{QUEUE}/ongedaan-maken", {"bron": f"fg:{group}"})
    for public_id in ids[:3]:
        assert not keys_with(app, public_id, "accepted"), public_id


def test_the_three_traps_of_issue_20_through_one_queue_page(app: Flask, staff: Staff) -> None:
    """The UiTPAS and the pool are no problem, paying in instalments is no taxi, and a text given
    with the same words (whatever the case, spacing, punctuation or invisible characters) is
    shown once."""
    rent = "De huur is veel te hoog voor ons."
    near = [
        "de  huur is veel te hoog, voor ons!",
        "De huur is\u00a0veel te hoog voor ons…",
        "«De huur is veel te\u200b hoog voor ons»",
    ]
    group, ids = add_focus_group(
        app,
        "Drie valkuilen",
        [
            ("nl", "Met de UiTPAS konden we naar het zwembad"),
            ("tr", "taksitle ödemek"),
            ("tr", "Kiramızı taksitle ödemek zorunda kaldık."),
            ("nl", rent),
            *[("nl", text) for text in near],
            ("nl", "De huur is veel te hoog voor ons, zegt de buurvrouw."),
        ],
    )
    uitpas, taksit, kira, first, *copies, different = ids
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert "knelpunt" not in keys_with(app, uitpas, "suggested")
    assert "mobiliteit" not in keys_with(app, taksit, "suggested")
    assert "mobiliteit" not in keys_with(app, kira, "suggested")
    assert "wonen" in keys_with(app, kira, "suggested")
    shown = re.findall(r'<article class="statement" id="s-([^"]+)"', page)
    assert len(shown) == len(set(shown))
    assert first in shown and different in shown and not set(copies) & set(shown)
    assert "Nog 3 keer gegeven met precies dezelfde woorden" in page


def test_the_quality_page_shows_the_projects_decisions_and_the_measured_figures(
    app: Flask, staff: Staff
) -> None:
    group, ids = add_focus_group(
        app,
        "Kwaliteit",
        [
            ("nl", "De huur van onze woning is te hoog."),
            ("nl", "Mijn zoon mag niet mee op schoolreis want het is te duur."),
            ("fr", "Le loyer de notre logement est trop cher."),
        ],
    )
    staff.page(f"{QUEUE}?bron=fg:{group}")
    assert "wonen" in keys_with(app, ids[0], "suggested")
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:wonen"})  # accept the suggestion
    staff.post(QUEUE, {"action": f"reject:{ids[2]}:wonen"})  # reject one (for the test's sake)
    staff.post(QUEUE, {"action": f"toggle:{ids[1]}:gezin"})  # add a domain it did not propose
    assert next(t for t in tags(app, ids[1]) if t["key"] == "gezin")["score"] is None
    page = staff.page(QUALITY)
    assert "<h1>Hoe goed zijn de voorstellen?</h1>" in page
    project_table = page.split('id="project-domains"')[1].split("</table>")[0]
    wonen = re.search(r"Wonen en energie</th><td>(\d+)</td><td>([^<]+)</td>", project_table)
    assert wonen is not None
    decided, precision = int(wonen.group(1)), wonen.group(2)
    assert decided >= 2 and precision != "–"
    gezin = re.search(r"Gezin[^<]*</th><td>0</td><td>–</td><td>0", project_table)
    assert gezin is not None, project_table
    languages = page.split('id="project-languages"')[1].split("</table>")[0]
    assert ">fr</th>" in languages and ">nl</th>" in languages
    measured = page.split('id="labelled-languages"')[1].split("</table>")[0]
    assert "Nederlands" in measured and "%" in measured
