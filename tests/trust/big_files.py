"""Oversized uploads for the import-bounds tests, built in the test (nothing stored on disk)."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xlsform_of_rows(rows: int) -> bytes:
    """A valid-looking XLSForm with `rows` text questions (openpyxl's write-only mode)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    survey = book.create_sheet("survey")
    survey.append(["type", "name", "label::Nederlands (nl)"])
    for number in range(rows):
        survey.append(["text", f"vraag_{number}", f"Vraag nummer {number}?"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::Nederlands (nl)"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsform_of_columns(columns: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    survey = book.create_sheet("survey")
    survey.append(["type", "name", "label"] + [f"extra_{n}" for n in range(columns)])
    survey.append(["text", "vraag", "Vraag?"] + ["x"] * columns)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx(body: bytes, padding: int = 0) -> bytes:
    """A minimal .docx; `padding` bytes of compressible filler in a part of its own."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            b'<?xml version="1.0"?><w:document xmlns:w="'
            + W.encode()
            + b'"><w:body>'
            + body
            + b"</w:body></w:document>",
        )
        if padding:
            archive.writestr("word/media/filler.bin", b"\0" * padding)
    return buffer.getvalue()


def docx_unpacking_past_the_cap() -> bytes:
    """A few hundred kilobytes that unpack to more than the 50 MB cap."""
    return _docx(b"<w:p><w:r><w:t>P1: hallo</w:t></w:r></w:p>", padding=60 * 1024 * 1024)


def docx_of_empty_paragraphs(paragraphs: int) -> bytes:
    """Well under every size cap, but more paragraphs than any transcript."""
    return _docx(b"<w:p/>" * paragraphs)
