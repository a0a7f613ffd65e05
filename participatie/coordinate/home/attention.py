""" "Wat vraagt aandacht": what is waiting for the coordinator, each a whole sentence with its
number and a link to the page where it is resolved. An item disappears when its count is zero."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from participatie.coordinate.home.figures import Figures
from participatie.i18n import counted_ngettext as ngettext
from participatie.models import Project


@dataclass(frozen=True)
class Item:
    key: str
    sentence: str
    count: int
    url: str


def attention_items(project: Project, f: Figures) -> list[Item]:
    slug = project.slug
    candidates = [
        Item(
            "uitspraken",
            ngettext(
                "%(num)s uitspraak wacht op nakijken.",
                "%(num)s uitspraken wachten op nakijken.",
                f.statements_waiting,
            ),
            f.statements_waiting,
            url_for("coordinate.review_queue", slug=slug),
        ),
        Item(
            "suggesties",
            ngettext(
                "%(num)s voorgestelde tag is nog niet nagekeken.",
                "%(num)s voorgestelde tags zijn nog niet nagekeken.",
                f.suggestions_waiting,
            ),
            f.suggestions_waiting,
            url_for("coordinate.review_queue", slug=slug),
        ),
        Item(
            "redenen",
            ngettext(
                "%(num)s beslissing heeft nog geen reden.",
                "%(num)s beslissingen hebben nog geen reden.",
                f.decisions_without_reason,
            ),
            f.decisions_without_reason,
            url_for("report.decisions", slug=slug),
        ),
        Item(
            "talen",
            ngettext(
                "%(num)s vragenlijst mist nog teksten in een taal van het project.",
                "%(num)s vragenlijsten missen nog teksten in een taal van het project.",
                f.surveys_missing_language,
            ),
            f.surveys_missing_language,
            url_for("coordinate.survey_edit", slug=slug, survey_id=f.first_survey_missing_language)
            if f.first_survey_missing_language
            else url_for("coordinate.surveys", slug=slug),
        ),
        Item(
            "metingen",
            ngettext(
                "%(num)s indicator is al meer dan drie maanden niet gemeten.",
                "%(num)s indicatoren zijn al meer dan drie maanden niet gemeten.",
                f.indicators_due,
            ),
            f.indicators_due,
            url_for("follow.plan", slug=slug),
        ),
        Item(
            "bijeenkomsten",
            ngettext(
                "%(num)s bijeenkomst deze week.",
                "%(num)s bijeenkomsten deze week.",
                f.meetings_this_week,
            ),
            f.meetings_this_week,
            url_for("meetings.meetings", slug=slug),
        ),
        Item(
            "acties",
            ngettext(
                "%(num)s actie is over haar einddatum en nog niet klaar.",
                "%(num)s acties zijn over hun einddatum en nog niet klaar.",
                f.actions_overdue,
            ),
            f.actions_overdue,
            url_for("follow.plan", slug=slug),
        ),
        Item(
            "publiceren",
            ngettext(
                "%(num)s nieuwe deelnemer sinds de laatste publicatie: je kunt een nieuwe "
                "publicatie maken.",
                "%(num)s nieuwe deelnemers sinds de laatste publicatie: je kunt een nieuwe "
                "publicatie maken.",
                f.new_participants,
            ),
            f.new_participants if f.can_publish else 0,
            url_for("report.releases", slug=slug),
        ),
    ]
    return [item for item in candidates if item.count > 0]
