"""How many SMS segments a text takes, and fitting a reminder into as few as it can.

An SMS carries 160 characters of the GSM 03.38 alphabet (GSM-7) or 70 UTF-16 code units
(UCS-2) when any character falls outside it, as Arabic, Tigrinya or Cyrillic do. A longer text
is split into parts of 153 (GSM-7) or 67 (UCS-2): each part gives up room to the header that
glues the parts together. In GSM-7, the characters of the extension table take two.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
MAX_SEGMENTS = 3


@dataclass(frozen=True)
class SmsSize:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets or UTF-16 code units
    segments: int


def sms_size(text: str) -> SmsSize:
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, part, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = 70, 67, "UCS-2"
    if units <= single:
        return SmsSize(encoding, units, 1 if units else 0)
    return SmsSize(encoding, units, -(-units // part))


def fit_sms(variants: list[str], limit: int = MAX_SEGMENTS) -> str:
    """The first variant (most complete first) that fits one segment; else the shortest one that
    fits `limit` segments; else the shortest variant cut down to `limit` segments."""
    sized = [(sms_size(text).segments, text) for text in variants]
    for segments, text in sized:
        if segments <= 1:
            return text
    fitting = [(segments, text) for segments, text in sized if segments <= limit]
    if fitting:
        return min(fitting, key=lambda item: (item[0], len(item[1])))[1]
    text = min(variants, key=len)
    while text and sms_size(text).segments > limit:
        text = text[:-1]
    return text
