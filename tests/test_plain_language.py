"""Dutch participant texts are plain: Flesch-Douma ≥ 70 on every page of the demo journey."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import textstat

from tests.conftest import PageCheckingClient

MINIMUM = 70


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        if tag in {"script", "style", "svg"} or ("class", "vh") in attrs:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        if tag in {"script", "style", "svg"} and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and data.strip():
            text = data.strip()
            # Buttons, options and headings are sentences of their own.
            self.parts.append(text if re.search(r"[.?!:]$", text) else text + ".")


def flesch_douma(html: str) -> float:
    parser = _MainText()
    parser.feed(html)
    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(" ".join(parser.parts)))


def test_every_participant_page_reads_easily(client: PageCheckingClient, demo: None) -> None:
    pages = {"/": client.get("/"), "/s/DEMO": client.get("/s/DEMO")}
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    for name in ("wie", "kinderen", "moeilijk", "uitpas", "hulp_vinden", "verschil", "goed"):
        pages[name] = client.get(f"/s/DEMO/{name}")
    for path in ("/s/DEMO/klaar", "/s/DEMO/code", "/s/DEMO/verder", "/s/DEMO/wissen"):
        pages[path] = client.get(path)
    scores = {path: flesch_douma(page.get_data(as_text=True)) for path, page in pages.items()}
    hard = {path: round(score, 1) for path, score in scores.items() if score < MINIMUM}
    assert hard == {}, f"pages below Flesch-Douma {MINIMUM}: {hard}"
