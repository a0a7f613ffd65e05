"""A survey's texts as an XLIFF 1.2 file, the exchange format of memoQ, Trados and OmegaT.

One `<trans-unit>` per text: its id is the text's place in the survey (`question:kinderen:label`),
`<source>` the Dutch text, `<target>` the translation so far and `<note>` where the text
appears. Written with ElementTree; read with defusedxml, which refuses document type
declarations and entities, so an uploaded file cannot make the server fetch or expand anything.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # writing only; reading goes through defusedxml
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from participatie.i18n import SOURCE_LOCALE, html_lang
from participatie.models import Survey
from participatie.surveys import texts_messages as msg
from participatie.surveys.texts import FileRefused, FileText, TextFile, TextUnit, same_text

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Target states that mean "a translation to check again": taken as fuzzy (skipped).
DOUBTFUL = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
# Target states that mean "not translated yet": tools often copy the source into such a target.
NOT_YET = {"new", "needs-translation"}


def write_texts(survey: Survey, language: str, units: Iterable[TextUnit]) -> bytes:
    return write_file(f"survey-{survey.code}", language, units)


def write_file(original: str, language: str, units: Iterable[TextUnit]) -> bytes:
    """Texts (a survey's, a project's stuurgroep texts) as an XLIFF file named `original`."""
    root = ET.Element("xliff", {"version": "1.2", "xmlns": NAMESPACE})
    file = ET.SubElement(
        root,
        "file",
        {
            "source-language": html_lang(SOURCE_LOCALE),
            "target-language": html_lang(language),
            "datatype": "plaintext",
            "original": original,
        },
    )
    body = ET.SubElement(file, "body")
    for unit in units:
        element = ET.SubElement(body, "trans-unit", {"id": unit.id, XML_SPACE: "preserve"})
        ET.SubElement(element, "source").text = unit.source
        # No state on an empty target: someone typing into it by hand need not change one.
        attributes = {"state": "translated"} if unit.target else {}
        ET.SubElement(element, "target", attributes).text = unit.target
        ET.SubElement(element, "note").text = unit.note
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _local(tag: object) -> str:
    """The element's name without its namespace: files come with and without one."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def read_texts(data: bytes) -> TextFile:
    try:
        root = fromstring(data, forbid_dtd=True)
    except ET.ParseError as error:
        line = error.position[0] if error.position else 0
        message = msg.UNREADABLE_XLIFF_LINE % {"line": line} if line else msg.UNREADABLE_XLIFF
        raise FileRefused(str(message)) from error
    except (DefusedXmlException, ValueError) as error:  # a DOCTYPE or entities: never expanded
        raise FileRefused(str(msg.UNREADABLE_XLIFF)) from error
    if _local(root.tag) != "xliff" or root.get("version") not in {"1.0", "1.1", "1.2"}:
        raise FileRefused(str(msg.NOT_XLIFF))
    files = [element for element in root if _local(element.tag) == "file"]
    language = next((f.get("target-language", "") for f in files if f.get("target-language")), "")
    texts = []
    for element in root.iter():
        if _local(element.tag) != "trans-unit":
            continue
        children = {_local(child.tag): child for child in reversed(list(element))}
        target = children.get("target")
        state = target.get("state", "") if target is not None else ""
        source, translation = _text(children.get("source")), _text(target)
        if state in NOT_YET and same_text(translation) == same_text(source):
            translation = ""
        texts.append(FileText(element.get("id", ""), source, translation, state in DOUBTFUL))
    return TextFile(language, tuple(texts))
