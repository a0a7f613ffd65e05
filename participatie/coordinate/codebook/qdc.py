"""The codebook as a REFI-QDA codebook (`.qdc`), so it opens in NVivo, ATLAS.ti, MAXQDA and Taguette.

Structure (Codebook.xsd of the REFI-QDA standard, namespace `urn:QDA-XML:codebook:1.0`):
`<CodeBook origin><Codes><Code guid name isCodable><Description/><Code …/></Code></Codes>
<Sets><Set guid name><Description/><MemberCode guid/></Set></Sets></CodeBook>`.

* Every code is a top-level `Code` with its sub-codes nested inside; the three kinds of codes
  (levensdomeinen, drempels, soort uitspraak) are `Set`s naming their members, so the tools keep
  them apart without a code that cannot be coded.
* GUIDs are stable: uuid5 of the project's slug and the code's key, so exporting again after a
  rename gives the same code the same GUID and a QDA tool recognises it.
* Codes switched off or merged into another are left out (their tags count for the target); a
  switched-off code with sub-codes still on stays as a container (`isCodable="false"`).
* The description holds the scope note and the key, the identifier our exports and CLI use.
"""

from __future__ import annotations

import uuid
from xml.etree import ElementTree as ET

from participatie.models import Code, CodeKind, Project
from participatie.tagging.labels import KIND_HEADINGS, code_label
from participatie.tagging.project_codebook import Codebook

NAMESPACE = "urn:QDA-XML:codebook:1.0"
ORIGIN = "participatie"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:participatie:codebook")


def code_guid(project: Project, key: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{project.slug}:{key}")).upper()


def set_guid(project: Project, kind: CodeKind) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{project.slug}:set:{kind.value}")).upper()


def _exported(codebook: Codebook, code: Code) -> bool:
    if code.merged_into_id is not None:
        return False
    if code.active:
        return True
    return any(_exported(codebook, child) for child in codebook.children(code))


def _code_element(project: Project, codebook: Codebook, code: Code, lang: str) -> ET.Element:
    element = ET.Element(
        "Code",
        {
            "guid": code_guid(project, code.key),
            "name": code_label(code, lang),
            "isCodable": "true" if code.active else "false",
        },
    )
    description = ET.SubElement(element, "Description")
    note = code.scope_note.strip()
    description.text = f"{note}\n[{code.key}]" if note else f"[{code.key}]"
    for child in codebook.children(code):
        if _exported(codebook, child):
            element.append(_code_element(project, codebook, child, lang))
    return element


def export_qdc(project: Project, codebook: Codebook, lang: str = "nl") -> bytes:
    """The project's codebook as REFI-QDA XML, labels in `lang`."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}CodeBook", {"origin": ORIGIN})
    codes = ET.SubElement(root, f"{{{NAMESPACE}}}Codes")
    sets = ET.SubElement(root, f"{{{NAMESPACE}}}Sets")
    for kind in (CodeKind.DOMAIN, CodeKind.BARRIER, CodeKind.KIND):
        members = []
        for row in codebook.tree(kind):
            if row.depth == 0 and _exported(codebook, row.code):
                codes.append(_code_element(project, codebook, row.code, lang))
                members.append(row.code)
        if not members:
            continue
        code_set = ET.SubElement(
            sets,
            f"{{{NAMESPACE}}}Set",
            {"guid": set_guid(project, kind), "name": _heading(kind, lang)},
        )
        ET.SubElement(code_set, f"{{{NAMESPACE}}}Description").text = kind.value
        for member in members:
            ET.SubElement(
                code_set, f"{{{NAMESPACE}}}MemberCode", {"guid": code_guid(project, member.key)}
            )
    for element in root.iter():
        if not element.tag.startswith("{"):
            element.tag = f"{{{NAMESPACE}}}{element.tag}"
    if len(sets) == 0:
        root.remove(sets)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def _heading(kind: CodeKind, lang: str) -> str:
    from flask_babel import force_locale

    with force_locale(lang):
        return str(KIND_HEADINGS[kind.value])
