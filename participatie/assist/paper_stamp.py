"""Many numbered copies of one laid-out paper form, fast.

WeasyPrint lays out a form once (about a second); laying out every copy again would take that
long per copy (measured: 0.9 s a copy, so 500 copies take minutes). So the form is laid out once
with empty places for the number and the QR code, and each of its pages becomes a PDF form
XObject. Every copy's page then draws that XObject and, on top, its own number (in the built-in
Helvetica, which every PDF reader has) and its QR code (filled squares). This runs as WeasyPrint's
documented `finisher` hook, on the pydyf PDF just before it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pydyf
import segno

CSS_PX_TO_PT = 0.75  # 72 PDF points per inch / 96 CSS pixels per inch
MM_TO_PT = 72 / 25.4
FONT = "PaperNumber"
# Helvetica-Bold's advance widths (per 1000 units of the font size) of what a number contains.
_WIDTHS = {**dict.fromkeys("0123456789", 556), "-": 333}


@dataclass(frozen=True)
class Slots:
    """Where the number and the QR code go on a copy's first page, in CSS pixels from the top
    left (WeasyPrint's Page.anchors), and the sizes the stylesheet gives them."""

    number: tuple[float, float]
    number_width_mm: float
    number_height_mm: float  # the box's bottom is the line's baseline
    number_size_pt: float
    qr: tuple[float, float]
    qr_size_mm: float
    right_to_left: bool
    footer_size_pt: float = 10
    margin_mm: float = 16


@dataclass(frozen=True)
class StampedCopy:
    number: str  # as printed, e.g. 1000-8
    qr_text: str  # what the QR code holds


def _text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(character, 556) for character in text) * size / 1000


def _text(text: str, x: float, y: float, size: float) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /{FONT} {size:.2f} Tf {x:.2f} {y:.2f} Td ({escaped}) Tj ET".encode("latin-1")


def _qr(content: str, x: float, top: float, size: float) -> bytes:
    matrix = segno.make(content, error="m").matrix
    module = size / len(matrix)
    squares = [
        f"{x + column * module:.2f} {top - (row + 1) * module:.2f} {module:.2f} {module:.2f} re"
        for row, line in enumerate(matrix)
        for column, dark in enumerate(line)
        if dark
    ]
    return ("0 g " + " ".join(squares) + " f").encode("ascii")


def _resolve(pdf: pydyf.PDF, value: Any) -> Any:
    """An indirect reference (b"12 0 R") as its object; anything else as it is."""
    if isinstance(value, bytes) and value.endswith(b" R"):
        return pdf.objects[int(value.split()[0])]
    return value


def _dictionary(pdf: pydyf.PDF, parent: pydyf.Dictionary, key: str) -> pydyf.Dictionary:
    if key not in parent:
        parent[key] = pydyf.Dictionary()
    found: pydyf.Dictionary = _resolve(pdf, parent[key])
    return found


class Stamper:
    """The finisher: repeats the laid-out pages once per copy, each with its own number."""

    def __init__(self, copies: Sequence[StampedCopy], slots: Slots) -> None:
        self.copies = copies
        self.slots = slots

    def __call__(self, _document: Any, pdf: pydyf.PDF) -> None:
        pages = [pdf.objects[number] for number in pdf.pages["Kids"][::3]]
        resources = _resolve(pdf, pages[0]["Resources"])
        fonts = _dictionary(pdf, resources, "Font")
        fonts[FONT] = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/Type1",
                "BaseFont": "/Helvetica-Bold",
                "Encoding": "/WinAnsiEncoding",
            }
        )
        xobjects = _dictionary(pdf, resources, "XObject")
        layouts = []
        for index, page in enumerate(pages):
            content = _resolve(pdf, page["Contents"])
            content.extra.update(
                {
                    "Type": "/XObject",
                    "Subtype": "/Form",
                    "BBox": page["MediaBox"],
                    "Resources": page["Resources"],
                }
            )
            name = f"PaperPage{index}"
            xobjects[name] = content.reference
            layouts.append(name)
        pdf.pages["Kids"] = pydyf.Array([])
        pdf.pages["Count"] = 0
        for number, copy in enumerate(self.copies):
            for index, (name, page) in enumerate(zip(layouts, pages, strict=True)):
                self._add_page(pdf, page, name, copy, first=index == 0, reuse=number == 0)

    def _add_page(
        self,
        pdf: pydyf.PDF,
        model: pydyf.Dictionary,
        layout: str,
        copy: StampedCopy,
        *,
        first: bool,
        reuse: bool,
    ) -> None:
        slots = self.slots
        height = float(model["MediaBox"][3])
        width = float(model["MediaBox"][2])
        operations = [f"q /{layout} Do Q".encode("ascii")]
        if first:
            x, y = (value * CSS_PX_TO_PT for value in slots.number)
            text_width = _text_width(copy.number, slots.number_size_pt)
            if slots.right_to_left:
                x += slots.number_width_mm * MM_TO_PT - text_width
            baseline = height - y - slots.number_height_mm * MM_TO_PT
            operations.append(_text(copy.number, x, baseline, slots.number_size_pt))
            qr_x, qr_y = (value * CSS_PX_TO_PT for value in slots.qr)
            operations.append(_qr(copy.qr_text, qr_x, height - qr_y, slots.qr_size_mm * MM_TO_PT))
        # The number on every page, at the foot's start, so loose sheets find their copy.
        margin = slots.margin_mm * MM_TO_PT
        footer_width = _text_width(copy.number, slots.footer_size_pt)
        footer_x = width - margin - footer_width if slots.right_to_left else margin
        operations.append(_text(copy.number, footer_x, margin / 2, slots.footer_size_pt))
        content = pydyf.Stream(operations, compress=True)
        pdf.add_object(content)
        if reuse:  # the laid-out page itself becomes the first copy's page
            model["Contents"] = content.reference
            pdf.pages["Kids"].extend([model.number, 0, "R"])
            pdf.pages["Count"] += 1
            return
        page = pydyf.Dictionary(
            {
                key: model[key]
                for key in ("Type", "MediaBox", "TrimBox", "BleedBox", "Resources")
                if key in model
            }
        )
        page["Parent"] = pdf.pages.reference
        page["Contents"] = content.reference
        pdf.add_page(page)
