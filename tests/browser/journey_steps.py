"""The DEMO journey as a participant walks it, shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

# Each question and what the participant does on it. Choosing "vrije_tijd" shows the routed
# follow-up question.
ANSWERS: list[tuple[str, str, object]] = [
    ("wie", "radio", "ouder"),
    ("kinderen", "text", "2"),
    ("moeilijk", "checkbox", ["wonen", "vrije_tijd"]),
    ("vrije_tijd_drempel", "checkbox", ["duur", "ver"]),
    ("uitpas", "decline", None),
    ("hulp_vinden", "radio", "4"),
    ("verschil", "text", "Een huis zonder schimmel."),
    ("goed", "text", ""),
]
QUESTION_NAMES = [name for name, _kind, _value in ANSWERS]


def submit(page: Page, decline: bool = False) -> None:
    selector = "button[name=decline]" if decline else ".actions button:not([name])"
    with page.expect_navigation():
        page.click(selector)


def answer_with_pointer(page: Page, name: str, kind: str, value: object) -> None:
    if kind == "radio":
        page.check(f"input[name=answer][value='{value}']")
    elif kind == "checkbox":
        for option in value:  # type: ignore[attr-defined]
            page.check(f"input[name=answer][value='{option}']")
    elif kind == "text":
        page.fill("#answer", str(value))
    submit(page, decline=kind == "decline")


def start(page: Page, base_url: str, lang: str) -> None:
    page.goto(f"{base_url}/s/DEMO?lang={lang}")
    with page.expect_navigation():
        page.click("form[action$='/start'] button")


def walk_to(page: Page, base_url: str, lang: str, target: str) -> None:
    """Starts a response and answers every question before `target`, then opens it."""
    start(page, base_url, lang)
    for name, kind, value in ANSWERS:
        if name == target:
            break
        answer_with_pointer(page, name, kind, value)
    page.goto(f"{base_url}/s/DEMO/{target}")


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Presses Tab until the element matching `selector` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")
