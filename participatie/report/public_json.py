"""`GET /p/<slug>.json`: the public page as data (DESIGN.md §6), from the latest release.

Each text says which language it is in (`lang`: `nl` where it is not yet translated); suppressed
figures are null. Without a release, `release` is null and nothing is heard yet: no figures.
Indicators and verdicts belong to the follow-through areas; a theme without them has an empty
list and null.
"""

from __future__ import annotations

from typing import Any

from participatie.content import Localised, localise
from participatie.models import Action
from participatie.report.services import PublicPage


def public_page_json(page: PublicPage, locale: str) -> dict[str, Any]:
    release = page.release
    return {
        "project": {"slug": page.project.slug, "name": page.project.name},
        "release": None
        if release is None
        else {
            "number": release.number,
            "published_at": release.published_at.isoformat(),
            "participants": page.domains.participants,
        },
        "heard": [
            {"domain": row.key, "participants": row.count}
            for row in page.domains.ranking
            if row.count != 0
        ],
        "themes": [
            {
                **_text("title", view.title, locale),
                "domain": view.domain_key,
                "decision": None
                if view.decision is None
                else {
                    "outcome": view.decision.outcome.value,
                    **_text("reason", localise(view.decision.motivation, locale), locale),
                },
                "actions": [_action(action, locale) for action in view.decision.actions]
                if view.decision is not None
                else [],
                "indicators": [],
                "verdict": None,
            }
            for view in page.themes
        ],
    }


def _action(action: Action, locale: str) -> dict[str, Any]:
    return {
        **_text("title", localise(action.title, locale), locale),
        "status": action.status.value,
        "progress": action.progress,
    }


def _text(name: str, text: Localised, locale: str) -> dict[str, Any]:
    """The text and the language it is in, in one mapping: {name: text, "lang": language}."""
    if not text:
        return {name: None, "lang": None}
    return {name: text.text, "lang": text.lang or locale}
