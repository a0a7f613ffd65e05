"""A survey's texts as a gettext .po file, the format of Poedit, Weblate and Lokalize.

One entry per text: msgctxt is the text's id (`question:kinderen:label`), msgid the Dutch source,
msgstr the translation so far, and a `#.` comment says where the text appears. Babel writes and
reads the file, so what Poedit saves comes back as it left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from io import BytesIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from participatie.i18n import LANGUAGE_NAMES
from participatie.models import Survey
from participatie.surveys import texts_messages as msg
from participatie.surveys.texts import FileRefused, FileText, TextFile, TextUnit


def write_texts(survey: Survey, language: str, units: Iterable[TextUnit]) -> bytes:
    return write_catalog(
        f"Survey {survey.code}",
        f"r{survey.revision}",
        survey.project.contact or survey.project.name,
        language,
        units,
    )


def write_catalog(
    name: str, version: str, contact: str, language: str, units: Iterable[TextUnit]
) -> bytes:
    """`name`'s texts (a survey's, a project's stuurgroep texts) as a .po file."""
    catalog = Catalog(
        locale=language,
        project=f"participatie {name}",
        version=version,
        header_comment=(
            f"# {name}: its texts in Dutch (msgid) and in {language} (msgstr).\n"
            "# msgctxt is where a text appears: keep it as it is.\n"
            "# Leave a msgstr empty when you have no translation yet.\n#"
        ),
        creation_date=datetime.now(UTC),
        revision_date=datetime.now(UTC),
        msgid_bugs_address=contact,
        language_team=LANGUAGE_NAMES.get(language, language),
        fuzzy=False,
    )
    for unit in units:
        message = catalog.add(unit.source, unit.target, auto_comments=[unit.note], context=unit.id)
        # Survey texts are not format strings: "50%" must not make a tool check placeholders.
        message.flags.discard("python-format")
    buffer = BytesIO()
    write_po(buffer, catalog, no_location=True)
    return buffer.getvalue()


def read_texts(data: bytes) -> TextFile:
    try:
        catalog = read_po(BytesIO(data), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError, LookupError) as error:
        raise FileRefused(_unreadable(error)) from error
    texts = []
    for message in catalog:
        if not message.id:  # the header entry
            continue
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = (
            [message.string] if isinstance(message.string, str) else [*(message.string or [""])]
        )
        texts.append(
            FileText(message.context or "", sources[0], strings[0] or "", fuzzy=message.fuzzy)
        )
    return TextFile(catalog.locale_identifier or "", tuple(texts))


def _unreadable(error: Exception) -> str:
    # Babel says "Unknown or misformatted keyword on 2", counting lines from 0.
    found = re.search(r" on (\d+)$", str(error))
    if found:
        return str(msg.UNREADABLE_PO_LINE % {"line": int(found.group(1)) + 1})
    return str(msg.UNREADABLE_PO)
