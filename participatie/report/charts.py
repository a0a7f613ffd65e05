"""Server-rendered SVG bar charts: no JavaScript, no external files, the same on a page and in a
PDF. Each chart has a name for screen readers; its numbers stand in a table beside it.

Only presentation attributes, no style attributes: the site's CSP allows no inline styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
ROW = 30
LABEL_WIDTH = 250
VALUE_WIDTH = 90
BAR_COLOUR = "#0b4f6c"
INK = "#1b1b1b"
MUTED = "#4a4a4a"
MAX_LABEL = 30


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None = hidden (suppressed)
    text: str  # the value as shown, e.g. "69" or "60,0 %"


def bar_chart(
    bars: list[Bar], *, name: str, hidden_text: str, rtl: bool = False, scale: float | None = None
) -> Markup:
    """Horizontal bars, one per row; right-to-left pages get the mirror image."""
    top = max([b.value for b in bars if b.value is not None] + [scale or 0, 1])
    bar_space = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW * len(bars) + 8
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(name)}" viewBox="0 0 {WIDTH} {height}"'
        f' width="100%" direction="ltr" font-family="system-ui, sans-serif" font-size="15"'
        ' xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, bar in enumerate(bars):
        y = 4 + index * ROW
        middle = y + ROW / 2 + 5
        label = escape(_short(bar.label))
        if rtl:
            parts.append(
                f'<text x="{WIDTH - LABEL_WIDTH + 8}" y="{middle}" fill="{INK}">{label}</text>'
            )
        else:
            parts.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" fill="{INK}">'
                f"{label}</text>"
            )
        if bar.value is None:
            parts.append(_hidden(y, escape(hidden_text), rtl))
            continue
        length = round(bar_space * bar.value / top, 1)
        start = WIDTH - LABEL_WIDTH - length if rtl else LABEL_WIDTH
        parts.append(
            f'<rect x="{start}" y="{y + 5}" width="{length}" height="{ROW - 10}"'
            f' fill="{BAR_COLOUR}"/>'
        )
        if rtl:
            parts.append(
                f'<text x="{start - 6}" y="{middle}" text-anchor="end" fill="{INK}">'
                f"{escape(bar.text)}</text>"
            )
        else:
            parts.append(
                f'<text x="{start + length + 6}" y="{middle}" fill="{INK}">{escape(bar.text)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  (every text above went through escape())


def _hidden(y: float, text: str, rtl: bool) -> str:
    width = 24
    x = WIDTH - LABEL_WIDTH - width if rtl else LABEL_WIDTH
    text_x, anchor = (x - 6, ' text-anchor="end"') if rtl else (x + width + 6, "")
    return (
        f'<rect x="{x}" y="{y + 6}" width="{width}" height="{ROW - 12}" fill="none"'
        f' stroke="{MUTED}" stroke-dasharray="3 3"/>'
        f'<text x="{text_x}" y="{y + ROW / 2 + 5}"{anchor} fill="{MUTED}"'
        f' font-style="italic">{text}</text>'
    )


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"
