"""The per-project codebook: seeding, labels, edits through HTTP (and their undo), .qdc export."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale
from lxml import etree
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Code, Project
from participatie.tagging.codebook import DEFAULT_CODEBOOK
from participatie.tagging.labels import DEFAULT_LABELS, code_label
from participatie.tagging.seeding import seed_codebook
from tests.review.conftest import QUEUE, Staff, add_focus_group, keys_with

BOOK = "/projecten/demo/codeboek"
XSD = Path(__file__).parent / "data" / "Codebook.xsd"
NS = {"q": "urn:QDA-XML:codebook:1.0"}


def _codes(app: Flask) -> dict[str, dict[str, Any]]:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        rows = db.session.scalars(select(Code).where(Code.project_id == project.id)).all()
        by_id = {c.id: c.key for c in rows}
        found = {
            c.key: {
                "kind": c.kind.value,
                "label": dict(c.label),
                "active": c.active,
                "parent": by_id.get(c.parent_id) if c.parent_id else None,
                "merged_into": by_id.get(c.merged_into_id) if c.merged_into_id else None,
                "position": c.position,
            }
            for c in rows
        }
        db.session.remove()
        return found


def test_every_project_gets_the_default_codebook_once(app: Flask, demo: None) -> None:
    codes = _codes(app)
    assert set(codes) == {entry["key"] for entry in DEFAULT_CODEBOOK}
    for position, entry in enumerate(DEFAULT_CODEBOOK):
        code = codes[entry["key"]]
        assert code["kind"] == entry["kind"] and code["label"] == {"nl": entry["label_nl"]}
        assert code["position"] == position
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        assert seed_codebook(project) == []
        # A renamed code stays as the coordinators made it; a missing one is added back.
        renamed = db.session.scalar(
            select(Code).where(Code.project_id == project.id, Code.key == "werk")
        )
        assert renamed is not None
        renamed.label = {"nl": "Job"}
        db.session.delete(
            db.session.scalar(
                select(Code).where(Code.key == "droom", Code.project_id == project.id)
            )
        )
        db.session.flush()
        assert [c.key for c in seed_codebook(project)] == ["droom"]
        assert renamed.label == {"nl": "Job"}
        db.session.rollback()
        db.session.remove()


def test_labels_come_from_gettext_unless_the_project_set_its_own(app: Flask) -> None:
    assert set(DEFAULT_LABELS) == {entry["key"] for entry in DEFAULT_CODEBOOK}
    with app.test_request_context("/?lang=nl"):
        for entry in DEFAULT_CODEBOOK:
            assert str(DEFAULT_LABELS[entry["key"]]) == entry["label_nl"]
        code = Code(key="inkomen", label={"nl": "Geld", "fr": "Argent"})
        assert code_label(code) == "Geld"
        assert code_label(code, "fr") == "Argent"
        with force_locale("en"):
            expected = str(DEFAULT_LABELS["inkomen"])
        assert code_label(code, "en") == expected
        custom = Code(key="wonen.vocht", parent_id=1, label={"nl": "Vocht"})
        assert code_label(custom, "ar") == "Vocht"


def test_rename_keeps_key_and_tags_and_can_be_undone(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "G", [("nl", "De huur is te hoog.")])
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:inkomen"})
    response = staff.post(
        f"{BOOK}/inkomen",
        {"label_nl": "Geld en schulden", "label_fr": "Argent", "scope_note": "Alles over geld."},
    )
    assert response.status_code == 302
    codes = _codes(app)
    assert codes["inkomen"]["label"] == {"nl": "Geld en schulden", "fr": "Argent"}
    assert "inkomen" in keys_with(app, ids[0], "accepted")
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert re.search(
        rf'toggle:{ids[0]}:inkomen" aria-pressed="true"[^>]*><kbd aria-hidden="true">1</kbd> Geld en schulden',
        page,
    )
    assert "Argent" in staff.page(f"{QUEUE}?bron=fg:{group}&lang=fr")
    staff.page(f"{QUEUE}?lang=nl")
    # Too long: the message, and what was typed stays.
    response = staff.post(
        f"{BOOK}/inkomen", {"label_nl": "x" * 121, "scope_note": "Alles over geld."}
    )
    assert "Maak het label korter" in response.get_data(as_text=True)
    assert "Ongedaan maken: code ‘Geld en schulden’ gewijzigd" in staff.page(BOOK)
    staff.post(f"{BOOK}/ongedaan-maken")
    assert _codes(app)["inkomen"]["label"] == {"nl": "Inkomen en schulden"}
    assert staff.get(f"{BOOK}/bestaat_niet").status_code == 404


def test_subcodes_count_for_their_domain(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "G", [("nl", "Er zit schimmel op de muur.")])
    response = staff.post(
        f"{BOOK}/wonen/subcode", {"sub_label": "Vocht en schimmel", "sub_scope_note": ""}
    )
    assert response.headers["Location"].endswith(f"{BOOK}/wonen.vocht_en_schimmel")
    sub = _codes(app)["wonen.vocht_en_schimmel"]
    assert (
        sub["parent"] == "wonen"
        and sub["kind"] == "domain"
        and sub["label"] == {"nl": "Vocht en schimmel"}
    )
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert f'class="code sub" name="action" value="toggle:{ids[0]}:wonen.vocht_en_schimmel"' in page
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:wonen.vocht_en_schimmel"})
    assert ids[0] in staff.page(f"{QUEUE}?domein=wonen&status=accepted&bron=fg:{group}")
    assert ids[0] not in staff.page(f"{QUEUE}?domein=werk&bron=fg:{group}")
    assert staff.post(f"{BOOK}/wonen/subcode", {"sub_label": ""}).status_code == 200
    # Undo of a sub-code that is in use would lose a tag: it is refused.
    staff.post(f"{BOOK}/ongedaan-maken")
    assert "wonen.vocht_en_schimmel" in _codes(app)


def test_switching_off_hides_a_code_but_keeps_its_tags(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "G", [("nl", "De bus rijdt niet op zondag.")])
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:mobiliteit"})
    staff.post(f"{BOOK}/mobiliteit/aan-uit")
    assert _codes(app)["mobiliteit"]["active"] is False
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert ':mobiliteit"' not in page
    assert "Ook getagd met codes die nu uit staan: Mobiliteit." in page
    assert "mobiliteit" in keys_with(app, ids[0], "accepted")
    # New statements get no suggestion for it.
    _, new = add_focus_group(
        app, "H", [("nl", "De bus naar de stad is te duur en rijdt te weinig.")]
    )
    staff.page(QUEUE)
    assert "mobiliteit" not in {t for t in keys_with(app, new[0], "suggested")}
    book = staff.page(BOOK)
    assert re.search(
        r"codeboek/mobiliteit\">Mobiliteit</a></td>\s*<td><code>mobiliteit</code></td>\s*<td>\d+</td>\s*<td>uit</td>",
        book,
    )
    staff.post(f"{BOOK}/ongedaan-maken")
    assert _codes(app)["mobiliteit"]["active"] is True


def test_merging_shows_tags_under_the_target_and_is_reversible(app: Flask, staff: Staff) -> None:
    group, ids = add_focus_group(app, "G", [("nl", "We gaan graag zwemmen.")])
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:vrije_tijd"})
    response = staff.post(f"{BOOK}/vrije_tijd/samenvoegen", {"target": "werk_bestaat_niet"})
    assert "Kies de code waarmee je deze code wilt samenvoegen." in response.get_data(as_text=True)
    staff.post(f"{BOOK}/vrije_tijd/samenvoegen", {"target": "participatie"})
    assert _codes(app)["vrije_tijd"]["merged_into"] == "participatie"
    page = staff.page(f"{QUEUE}?bron=fg:{group}")
    assert f'toggle:{ids[0]}:participatie" aria-pressed="true"' in page
    assert ':vrije_tijd"' not in page
    assert ids[0] in staff.page(f"{QUEUE}?domein=participatie&bron=fg:{group}")
    assert keys_with(app, ids[0], "accepted") >= {"vrije_tijd"}  # the tag itself did not move
    # Switching "participatie" off on the statement switches the merged tag off too.
    staff.post(QUEUE, {"action": f"toggle:{ids[0]}:participatie"})
    assert "vrije_tijd" in keys_with(app, ids[0], "rejected")
    staff.post(f"{QUEUE}/ongedaan-maken")
    assert "vrije_tijd" in keys_with(app, ids[0], "accepted")
    staff.post(f"{BOOK}/vrije_tijd/splitsen")
    assert _codes(app)["vrije_tijd"]["merged_into"] is None
    assert f'toggle:{ids[0]}:vrije_tijd" aria-pressed="true"' in staff.page(
        f"{QUEUE}?bron=fg:{group}"
    )
    staff.post(f"{BOOK}/ongedaan-maken")  # undo the unmerge
    assert _codes(app)["vrije_tijd"]["merged_into"] == "participatie"
    staff.post(f"{BOOK}/ongedaan-maken")  # undo the merge
    assert _codes(app)["vrije_tijd"]["merged_into"] is None


def test_qdc_export_follows_the_refi_qda_codebook_schema(app: Flask, staff: Staff) -> None:
    staff.post(f"{BOOK}/wonen/subcode", {"sub_label": "Vocht en schimmel"})
    staff.post(f"{BOOK}/droom/aan-uit")
    staff.post(f"{BOOK}/werk/samenvoegen", {"target": "inkomen"})
    response = staff.get(f"{BOOK}.qdc")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="demo-codeboek.qdc"'
    document = etree.fromstring(response.data)
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    assert (
        document.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
        and document.get("origin") == "participatie"
    )

    def guid(key: str) -> str:
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, "urn:participatie:codebook")
        return str(uuid.uuid5(namespace, f"demo:{key}")).upper()

    top = document.findall("q:Codes/q:Code", NS)
    assert [c.get("guid") for c in top][:2] == [guid("inkomen"), guid("wonen")]  # werk is merged
    names = {c.get("name") for c in document.iterfind(".//q:Code", NS)}
    assert "Werk en opleiding" not in names and "Droom" not in names and "Knelpunt" in names
    wonen = document.find(f"q:Codes/q:Code[@guid='{guid('wonen')}']", NS)
    assert wonen is not None and wonen.get("isCodable") == "true"
    nested = wonen.find("q:Code", NS)
    assert nested is not None and nested.get("name") == "Vocht en schimmel"
    assert nested.get("guid") == guid("wonen.vocht_en_schimmel")
    assert "[wonen]" in (wonen.findtext("q:Description", namespaces=NS) or "")
    sets = {
        s.get("name"): [m.get("guid") for m in s.findall("q:MemberCode", NS)]
        for s in document.findall("q:Sets/q:Set", NS)
    }
    assert set(sets) == {"Levensdomeinen", "Drempels", "Soort uitspraak"}
    assert (
        guid("betaalbaarheid") in sets["Drempels"] and guid("knelpunt") in sets["Soort uitspraak"]
    )
    assert all(
        member in {c.get("guid") for c in top} for members in sets.values() for member in members
    )
    # GUIDs stay the same after a rename; the name follows the label.
    staff.post(f"{BOOK}/wonen", {"label_nl": "Huisvesting", "scope_note": ""})
    again = etree.fromstring(staff.get(f"{BOOK}.qdc").data)
    renamed = again.find(f"q:Codes/q:Code[@guid='{guid('wonen')}']", NS)
    assert renamed is not None and renamed.get("name") == "Huisvesting"
    with app.app_context():
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "codebook.export"))
        db.session.remove()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_qdc_export_in_the_page_language_is_still_valid(
    app: Flask, staff: Staff, lang: str
) -> None:
    staff.page(f"{BOOK}?lang={lang}")
    document = etree.fromstring(staff.get(f"{BOOK}.qdc").data)
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(document)
