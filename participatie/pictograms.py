"""Pictograms shipped with the app as an inline SVG sprite: no remote images, no extra request.

Each is drawn on a 24×24 grid with strokes, so one CSS colour serves all and they stay crisp on
cheap screens. A page includes only the symbols it uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup


def _face(colour: str, tint: str, mouth: str) -> str:
    return (
        f'<g stroke="{colour}"><circle cx="12" cy="12" r="9" fill="{tint}"/>'
        f'<path d="M9 9.5h.01M15 9.5h.01" stroke-width="2.6"/><path d="{mouth}" stroke-width="2.2"/></g>'
    )


PICTOGRAMS: dict[str, str] = {
    "money": '<circle cx="12" cy="12" r="9"/><path d="M15.5 8.5a4.5 4.5 0 1 0 0 7M7 11h6M7 13.5h6"/>',
    "work": '<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5h6v2M3 13h18"/>',
    "house": '<path d="M3 11l9-8 9 8M5 9.5V21h14V9.5M10 21v-6h4v6"/>',
    "health": '<path d="M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11zM9 11h6M12 8v6"/>',
    "school": '<path d="M2 5h7a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H2zM22 5h-7a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h8z"/>',
    "family": '<circle cx="8" cy="6" r="3"/><path d="M3 21v-6a5 5 0 0 1 10 0v6"/><circle cx="17" cy="11" r="2"/><path d="M14 21v-3a3 3 0 0 1 6 0v3"/>',
    "play": '<circle cx="12" cy="12" r="9"/><path d="M12 3v18M3 12h18M5.6 5.6c3.5 3.5 9.3 3.5 12.8 0M5.6 18.4c3.5-3.5 9.3-3.5 12.8 0"/>',
    "bus": '<rect x="4" y="3" width="16" height="15" rx="2"/><path d="M4 11h16M8 21v-3M16 21v-3M7.5 14.5h1M15.5 14.5h1"/>',
    "help": '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="4"/><path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6"/>',
    "people": '<circle cx="12" cy="7" r="3"/><circle cx="5" cy="10" r="2"/><circle cx="19" cy="10" r="2"/><path d="M7 20v-3a5 5 0 0 1 10 0v3M2 20v-2a3 3 0 0 1 4-2.8M22 20v-2a3 3 0 0 0-4-2.8"/>',
    "parent": '<circle cx="9" cy="5" r="3"/><path d="M4 21v-7a5 5 0 0 1 10 0v7M14 15l3-1"/><circle cx="18.5" cy="11" r="2"/><path d="M16.5 21v-4h4v4"/>',
    "expert": '<circle cx="9" cy="7" r="3"/><path d="M3 21v-4a6 6 0 0 1 12 0v4M18 3l1 2.4 2.5.4-1.8 1.8.4 2.6-2.1-1.2-2.3 1.2.4-2.6-1.8-1.8 2.6-.4z"/>',
    "other": '<path d="M6 12h.01M12 12h.01M18 12h.01" stroke-width="3"/>',
    "question": '<circle cx="12" cy="12" r="9"/><path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17h.01"/>',
    "wait": '<path d="M6 3h12M6 21h12M7 3v3l5 6 5-6V3M7 21v-3l5-6 5 6v3"/>',
    "card": '<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20M6 15h4"/>',
    "yes": '<circle cx="12" cy="12" r="9"/><path d="M7.5 12.5l3 3 6-7"/>',
    "no": '<circle cx="12" cy="12" r="9"/><path d="M8.5 8.5l7 7M15.5 8.5l-7 7"/>',
    # Agreement faces differ in mouth and colour (issue 19): red frown to green smile, each
    # colour at least 4.5:1 on white, so no one has to compare small curves.
    "face1": _face("#b10e1e", "#fde7e9", "M7.5 17.5c2.5-4 6.5-4 9 0"),
    "face2": _face("#a63c06", "#fdeee4", "M8 17c2-2.5 6-2.5 8 0"),
    "face3": _face("#7a5c00", "#fdf6dc", "M8.5 16.5c2-1.2 5-1.2 7 0"),
    "face4": _face("#4a6b00", "#f1f7e1", "M8.5 15c2 1.2 5 1.2 7 0"),
    "face5": _face("#2b6e2f", "#e6f4e7", "M8 14.5c2 2.5 6 2.5 8 0"),
    "face6": _face("#00613a", "#dcf3e8", "M7.5 14c2.5 4 6.5 4 9 0"),
    "speaker": '<path d="M4 9v6h4l5 4V5L8 9zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11"/>',
}


def sprite(names: Iterable[str]) -> Markup:
    """One hidden <svg> holding the symbols this page uses."""
    wanted = sorted({name for name in names if name in PICTOGRAMS})
    if not wanted:
        return Markup("")
    symbols = "".join(
        f'<symbol id="p-{name}" viewBox="0 0 24 24">{PICTOGRAMS[name]}</symbol>' for name in wanted
    )
    # Only our own constant drawings go in: nothing from a user reaches this string.
    return Markup(f'<svg class="sprite" aria-hidden="true" focusable="false">{symbols}</svg>')  # noqa: S704


def icon(name: str, css_class: str = "pict") -> Markup:
    if name not in PICTOGRAMS:
        return Markup("")
    return Markup(
        '<svg class="%s" aria-hidden="true" focusable="false"><use href="#p-%s"/></svg>'
    ) % (css_class, name)
