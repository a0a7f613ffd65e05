"""A survey's texts for a translator, through the translation page: download as .po or XLIFF,
read the translated file back in, see what changes, confirm."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from io import BytesIO
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Question, Survey
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import as_coordinator, begin, new_survey, survey_url

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
HIDDEN = re.compile(r'<input id="(content|revision)" name="\1" type="hidden" value="([^"]*)">')


def demo_survey(app: Flask) -> Survey:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        db.session.expunge_all()
        return survey


def stored(app: Flask, question: str, attribute: str = "label") -> dict[str, str]:
    with app.app_context():
        found = db.session.scalar(
            select(Question)
            .join(Survey)
            .where(
                Survey.code == "DEMO", Question.name == question, Question.until_version.is_(None)
            )
        )
        assert found is not None
        return dict(getattr(found, attribute))


def texts_url(app: Flask, rest: str, lang: str = "ar") -> str:
    return survey_url(demo_survey(app).public_id, f"/vertalen/{lang}{rest}")


def upload(client: Any, app: Flask, data: bytes, filename: str, lang: str = "ar") -> Any:
    return client.post_form(
        texts_url(app, "/inlezen", lang),
        {"file": (BytesIO(data), filename)},
        token_from=texts_url(app, "", lang),
        content_type="multipart/form-data",
    )


def confirm(client: Any, app: Flask, preview: str, lang: str = "ar") -> Any:
    fields = dict(HIDDEN.findall(preview))
    assert set(fields) == {"content", "revision"}, preview[:2000]
    return client.post_form(
        texts_url(app, "/inlezen/bevestigen", lang), fields, token_from=texts_url(app, "", lang)
    )


def participant_label(app: Flask, question: str, lang: str) -> str:
    participant = app.test_client()
    begin(participant, "DEMO", lang)
    return participant.get(f"/s/DEMO/{question}").get_data(as_text=True)


def po_file(client: Any, app: Flask, lang: str = "ar") -> Any:
    response = client.get(texts_url(app, "/download/po", lang))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f"attachment; filename=demo-{lang}.po"
    return read_po(BytesIO(response.data))


def po_bytes(catalog: Any) -> bytes:
    out = BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def test_a_po_file_goes_to_the_translator_and_comes_back(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    page = client.get(texts_url(app, "")).get_data(as_text=True)
    assert texts_url(app, "/download/po") in page and texts_url(app, "/download/xliff") in page
    assert texts_url(app, "/inlezen") in page
    before = participant_label(app, "kinderen", "ar")
    old = stored(app, "kinderen")
    assert old["ar"] in before

    catalog = po_file(client, app)
    assert str(catalog.locale) == "ar"
    label = catalog.get(old["nl"], context="question:kinderen:label")
    assert label is not None and label.string == old["ar"]
    assert catalog.get(demo_survey(app).title["nl"], context="survey:title") is not None
    option = next(m for m in catalog if m.context == "option:wie:ouder:label")
    assert option.auto_comments and option.string
    # The translator's work: a better translation, one made from an older Dutch text, one
    # for a question that no longer exists, one they were not sure of.
    label.string = "كم طفلًا يعيش معك في البيت؟"
    hint = next(m for m in catalog if m.context == "question:kinderen:hint")
    hint_before = stored(app, "kinderen", "hint")
    catalog.delete(hint.id, context=hint.context)
    catalog.add("Een oudere uitleg", "شرح قديم", context="question:kinderen:hint")
    catalog.add("Weg", "ذهب", context="question:weg:label")
    fuzzy = next(m for m in catalog if m.context == "question:goed:label")
    fuzzy.string, fuzzy.flags = "ترجمة غير مؤكدة", {"fuzzy"}

    preview = upload(client, app, po_bytes(catalog), "demo-ar.po")
    assert preview.status_code == 200
    body = preview.get_data(as_text=True)
    assert "كم طفلًا يعيش معك في البيت؟" in body and "1 tekst verandert." in body
    assert "question:kinderen:hint" in body and "De Nederlandse tekst is veranderd" in body
    assert "question:weg:label" in body and "Deze tekst staat niet (meer) in de vragenlijst" in body
    assert "question:goed:label" in body and "onzeker (fuzzy)" in body
    assert "3 teksten slaan we over." in body
    assert stored(app, "kinderen") == old  # nothing changes before the confirmation
    revision = demo_survey(app).revision

    done = confirm(client, app, body)
    assert done.status_code == 302 and done.headers["Location"].endswith("/vertalen/ar")
    assert "1 vertaling is bewaard." in client.get(done.headers["Location"]).get_data(as_text=True)
    assert stored(app, "kinderen") == {**old, "ar": "كم طفلًا يعيش معك في البيت؟"}
    assert stored(app, "kinderen", "hint") == hint_before
    assert stored(app, "goed")["ar"] != "ترجمة غير مؤكدة"
    assert demo_survey(app).revision == revision + 1
    # Participants see the new text at once: their pages are cached per revision.
    assert "كم طفلًا يعيش معك في البيت؟" in participant_label(app, "kinderen", "ar")
    with app.app_context():
        events = {
            e.action: e.details
            for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        }
    assert events["survey.texts.export"] == {"language": "ar", "format": "po", "via": "web"}
    assert events["survey.texts.import"] == {
        "language": "ar",
        "format": "po",
        "changed": 1,
        "skipped": 3,
        "via": "web",
    }


def test_an_xliff_file_goes_to_the_translator_and_comes_back(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    response = client.get(texts_url(app, "/download/xliff", "tr"))
    assert response.status_code == 200 and response.mimetype == "application/xliff+xml"
    assert response.headers["Content-Disposition"] == "attachment; filename=demo-tr.xlf"
    root = ET.fromstring(response.data)
    assert root.tag == f"{XLIFF}xliff" and root.get("version") == "1.2"
    file = root.find(f"{XLIFF}file")
    assert file is not None
    assert (file.get("source-language"), file.get("target-language")) == ("nl", "tr")
    assert file.get("datatype") == "plaintext" and file.get("original")
    units = {unit.get("id"): unit for unit in root.iter(f"{XLIFF}trans-unit")}
    old = stored(app, "uitpas")
    unit = units["question:uitpas:label"]
    assert unit.findtext(f"{XLIFF}source") == old["nl"]
    assert unit.findtext(f"{XLIFF}target") == old["tr"]
    assert "option:uitpas:ja:label" in units and "survey:title" in units
    target = unit.find(f"{XLIFF}target")
    assert target is not None
    target.text = "UiTPAS kartınız var mı?"

    preview = upload(client, app, ET.tostring(root, encoding="utf-8"), "demo-tr.xlf", "tr")
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "UiTPAS kartınız var mı?" in body
    assert 'lang="tr" dir="ltr"' in body
    assert confirm(client, app, body, "tr").status_code == 302
    assert stored(app, "uitpas") == {**old, "tr": "UiTPAS kartınız var mı?"}


def test_an_empty_translation_in_the_file_keeps_what_the_survey_has(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    catalog = po_file(client, app)
    for message in catalog:
        if message.id:
            message.string = ""
    body = upload(client, app, po_bytes(catalog), "leeg.po").get_data(as_text=True)
    assert "Er verandert niets aan de vragenlijst." in body and 'id="content"' not in body
    assert "nog niet vertaald. Die blijven zoals ze zijn." in body
    assert stored(app, "kinderen")["ar"]


def test_a_right_to_left_language_is_shown_right_to_left(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    catalog = po_file(client, app)
    label = next(m for m in catalog if m.context == "question:wie:label")
    label.string = "من أنتم؟"
    body = upload(client, app, po_bytes(catalog), "wie.po").get_data(as_text=True)
    assert '<td lang="ar" dir="rtl">من أنتم؟</td>' in body


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff version="1.2"><file target-language="ar"><body><trans-unit id="survey:title"><source>&lol2;</source></trans-unit></body></file></xliff>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file target-language="ar"><body><trans-unit id="survey:title"><source>&secret;</source></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b'msgid "Hallo"\nmsgstr ""\nwat is dit\n', "kapot.po", "regel 3 klopt niet"),
        (
            b"<xliff version='1.2'>\n<file>",
            "kapot.xlf",
            "XLIFF-bestand niet lezen: regel 2 klopt niet",
        ),
        (BILLION_LAUGHS, "lol.xlf", "We kunnen dit XLIFF-bestand niet lezen"),
        (EXTERNAL, "geheim.xlf", "We kunnen dit XLIFF-bestand niet lezen"),
        (b'<xliff version="2.0"><file/></xliff>', "nieuw.xlf", "geen XLIFF-bestand van versie 1.2"),
        (b"PK\x03\x04\x14\x00\x00\x00", "vragen.po", "geen .po- of XLIFF-bestand"),
        (b'msgid ""\nmsgstr ""\n"Language: ar\\n"\n', "leeg.po", "Er staan geen teksten"),
        ('msgid "Hallo"\nmsgstr "مرحبا"\n'.encode(), "taalloos.po", "zegt niet in welke taal"),
        (
            'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "a"\nmsgstr "б"\n'.encode(),
            "ru.po",
            "Dat is geen taal van dit project",
        ),
        (
            b'msgid ""\nmsgstr ""\n"Language: tr\\n"\n\nmsgid "a"\nmsgstr "b"\n',
            "tr.po",
            "maar deze pagina is voor العربية",
        ),
        (b"x" * 300_001, "groot.po", "Het bestand is te groot"),
        (b"tekst", "vertaling.docx", "Kies een bestand dat eindigt op .po, .xlf of .xliff."),
    ],
)
def test_a_file_that_cannot_be_used_gets_a_clear_message(
    app: Flask, client: PageCheckingClient, demo: None, data: bytes, filename: str, message: str
) -> None:
    as_coordinator(client)
    revision = demo_survey(app).revision
    response = upload(client, app, data, filename)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body and 'class="error-summary"' in body
    assert "root:" not in body  # no file of the server was read into the message
    assert demo_survey(app).revision == revision


def test_no_file_chosen(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    response = client.post_form(texts_url(app, "/inlezen"), {}, token_from=texts_url(app, ""))
    assert response.status_code == 400
    assert "Kies het bestand van je vertaler." in response.get_data(as_text=True)
    assert client.get(texts_url(app, "/inlezen")).status_code == 200


def test_a_survey_changed_while_checking_is_checked_again(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    catalog = po_file(client, app)
    label = next(m for m in catalog if m.context == "question:kinderen:label")
    label.string = "عدد الأطفال في البيت؟"
    preview = upload(client, app, po_bytes(catalog), "demo-ar.po").get_data(as_text=True)
    with app.app_context():  # a colleague saves something in the meantime
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        survey.revision += 1
        db.session.commit()
    again = confirm(client, app, preview)
    assert again.status_code == 409
    body = again.get_data(as_text=True)
    assert "De vragenlijst is intussen veranderd." in body and "عدد الأطفال في البيت؟" in body
    assert stored(app, "kinderen")["ar"] != "عدد الأطفال في البيت؟"
    assert confirm(client, app, body).status_code == 302
    assert stored(app, "kinderen")["ar"] == "عدد الأطفال في البيت؟"


def test_a_tampered_confirmation_changes_nothing(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    revision = demo_survey(app).revision
    response = client.post_form(
        texts_url(app, "/inlezen/bevestigen"),
        {"content": "not base64!", "revision": str(revision)},
        token_from=texts_url(app, ""),
    )
    assert response.status_code == 400
    assert demo_survey(app).revision == revision


def test_only_the_projects_languages_and_formats_exist(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    assert client.get(texts_url(app, "/download/po", "ru")).status_code == 404
    assert client.get(texts_url(app, "/download/po", "nl")).status_code == 404
    assert client.get(texts_url(app, "/download/docx")).status_code == 404
    assert client.get(texts_url(app, "/inlezen", "ru")).status_code == 404
    other = new_survey(client, "Een andere")
    assert client.get(survey_url(other, "/vertalen/ar/download/po")).status_code == 200
    assert client.get(survey_url("x" * 22, "/vertalen/ar/download/po")).status_code == 404


def test_messages_come_in_the_coordinators_language(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    assert client.get(texts_url(app, "") + "?lang=en").status_code == 200  # remembered
    response = upload(client, app, b'msgid "a"\nmsgstr ""\nkapot\n', "kapot.po")
    assert response.status_code == 400
    assert "line 3 is not right" in response.get_data(as_text=True)
    page = client.get(texts_url(app, "") + "?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "العمل مع مترجم" in page


def test_an_xlsform_upload_without_a_file_shows_the_error_summary(
    client: PageCheckingClient, demo: None
) -> None:
    from tests.conftest import login

    login(client, "coordinator@kempenaar.example")
    reply = client.post_form("/projecten/demo/vragenlijsten/inlezen", {})
    body = reply.get_data(as_text=True)
    assert reply.status_code in (200, 400)
    assert "error-summary" in body
