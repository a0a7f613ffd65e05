"""The text of a .docx or .odt transcript, streamed: reading stops at the first cap it passes.

python-docx and odfpy build the whole document in memory before anything can be counted, so a
file of a million empty paragraphs (a few hundred kilobytes zipped) held a worker for as long as
they took. Here the document's XML is read with lxml's iterparse, each finished paragraph or
table row is turned into a line and then freed, and characters, paragraphs and XML elements are
counted as they pass. The lines are those the libraries gave: a paragraph per line, a table row
as one line (cells joined, a speaker column kept as a prefix).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import IO, Any

MAX_PARAGRAPHS = 20_000
# Formatting adds elements (runs, properties) around the text; a real transcript of the longest
# allowed text has a few hundred thousand of them.
MAX_XML_ELEMENTS = 1_000_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class TooLong(Exception):
    """More characters than allowed."""


class TooManyParagraphs(Exception):
    """More paragraphs (or XML elements) than a transcript has."""


def _docx_paragraph(paragraph: Any) -> str:
    parts = []
    for element in paragraph.iter():
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
            continue
        parent = element.getparent()
        if parent is None or parent.tag != f"{_W}r":
            continue  # a tab stop in the paragraph's properties is not a tab in the text
        if tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _odt_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * min(int(child.get(f"{_TEXT}c") or 1), 1000))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif isinstance(tag, str):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Lines:
    """Collected lines with the running counts; raises as soon as one passes its cap."""

    def __init__(self, max_chars: int) -> None:
        self.lines: list[str] = []
        self.chars = 0
        self.paragraphs = 0
        self.max_chars = max_chars

    def paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise TooManyParagraphs(f"more than {MAX_PARAGRAPHS} paragraphs")

    def add(self, line: str) -> None:
        self.chars += len(line) + 1
        if self.chars > self.max_chars + 1:
            raise TooLong(f"more than {self.max_chars} characters")
        self.lines.append(line)


def _free(element: Any) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _events(stream: IO[bytes]) -> Any:
    from lxml import etree

    count = 0
    for event, element in etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True
    ):
        if event == "start":
            count += 1
            if count > MAX_XML_ELEMENTS:
                raise TooManyParagraphs(f"more than {MAX_XML_ELEMENTS} XML elements")
        yield event, element


def docx_text(
    archive: zipfile.ZipFile, max_chars: int, row_line: Callable[[list[str]], str]
) -> str:
    out = _Lines(max_chars)
    tables = 0
    cells: list[list[str]] = []  # paragraphs of the table cells being read, innermost last
    rows: list[list[str]] = []  # cell texts of the table rows being read
    with archive.open("word/document.xml") as stream:
        for event, element in _events(stream):
            tag = element.tag
            if tag == f"{_W}tbl":
                tables += 1 if event == "start" else -1
            elif tag == f"{_W}tr":
                if event == "start":
                    rows.append([])
                    continue
                row = rows.pop()
                if tables == 1:  # a row of a table in a table is part of its cell, as in Word
                    out.add(row_line(row))
                    _free(element)
            elif tag == f"{_W}tc":
                if event == "start":
                    cells.append([])
                elif rows:
                    rows[-1].append("\n".join(cells.pop()))
            elif tag == f"{_W}p" and event == "end":
                out.paragraph()
                text = _docx_paragraph(element)
                if tables == 0:
                    out.add(text)
                    _free(element)
                elif cells:
                    cells[-1].append(text)
                    out.chars += len(text)
                    if out.chars > max_chars:
                        raise TooLong(f"more than {max_chars} characters")
    return "\n".join(out.lines)


def odt_text(archive: zipfile.ZipFile, max_chars: int, row_line: Callable[[list[str]], str]) -> str:
    out = _Lines(max_chars)
    in_body = False
    rows = 0
    row_cells: list[list[str]] = []
    with archive.open("content.xml") as stream:
        for event, element in _events(stream):
            tag = element.tag
            if tag == f"{_OFFICE}text":
                in_body = event == "start"
            if not in_body:
                continue
            if tag == f"{_TABLE}table-row":
                if event == "start":
                    rows += 1
                    row_cells.append([])
                    continue
                rows -= 1
                cells = row_cells.pop()
                if rows == 0:
                    out.add(row_line(cells))
                    _free(element)
            elif tag == f"{_TABLE}table-cell" and event == "end" and row_cells:
                text = _odt_text(element)
                row_cells[-1].append(text)
            elif tag in (f"{_TEXT}p", f"{_TEXT}h") and event == "end":
                out.paragraph()
                if rows == 0:
                    out.add(_odt_text(element))
                    _free(element)
                else:
                    out.chars += len(element.text or "")
                    if out.chars > max_chars:
                        raise TooLong(f"more than {max_chars} characters")
    return "\n".join(out.lines)
