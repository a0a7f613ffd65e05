"""The roadmap of a trajectory as a task list (GOV.UK's task-list pattern), computed from data.

The seven phases follow the seeds' roadmap "Veilige kindertijd" and DESIGN §1: prepare, listen,
make sense, decide, act, measure, feed back. A step's status comes from its figures only: no
step can be ticked by hand, so the list never claims more than the data shows.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l

from participatie.coordinate.home.figures import Figures
from participatie.i18n import counted_ngettext as ngettext
from participatie.models import Project


class Status(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ATTENTION = "attention"


STATUS_LABELS = {
    Status.NOT_STARTED: _l("Nog niet begonnen"),
    Status.IN_PROGRESS: _l("Bezig"),
    Status.DONE: _l("Klaar"),
    Status.ATTENTION: _l("Vraagt aandacht"),
}


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    explanation: str
    count: int
    status: Status
    url: str


@dataclass(frozen=True)
class Phase:
    key: str
    title: str
    steps: list[Step]


def _status(count: int, *, done: bool, attention: bool = False) -> Status:
    if attention:
        return Status.ATTENTION
    if done:
        return Status.DONE
    return Status.IN_PROGRESS if count else Status.NOT_STARTED


def _url(endpoint: str, project: Project) -> str:
    return url_for(endpoint, slug=project.slug)


def _prepare(p: Project, f: Figures) -> list[Step]:
    ready = int(f.languages > 1) + int(f.domain_codes > 0)
    return [
        Step(
            "stuurgroep",
            str(_l("Stuurgroep samengesteld")),
            ngettext(
                "%(num)s lid van de stuurgroep heeft een account.",
                "%(num)s leden van de stuurgroep hebben een account.",
                f.stuurgroep_members,
            ),
            f.stuurgroep_members,
            _status(f.stuurgroep_members, done=f.stuurgroep_members > 0),
            _url("coordinate.preparation", p) + "#stuurgroep",
        ),
        Step(
            "omgevingsanalyse",
            str(_l("Omgevingsanalyse genoteerd")),
            str(_l("Wie werkt hier al met gezinnen, wat bestaat er al: je notities."))
            if f.has_omgevingsanalyse
            else str(_l("Er zijn nog geen notities van de omgevingsanalyse.")),
            int(f.has_omgevingsanalyse),
            _status(0, done=f.has_omgevingsanalyse),
            _url("coordinate.preparation", p),
        ),
        Step(
            "talen-codeboek",
            str(_l("Talen en codeboek ingesteld")),
            ngettext(
                "%(num)s taal, %(codes)s levensdomeinen in het codeboek.",
                "%(num)s talen, %(codes)s levensdomeinen in het codeboek.",
                f.languages,
                codes=f.domain_codes,
            ),
            ready,
            _status(ready, done=ready == 2),
            _url("coordinate.codebook", p),
        ),
    ]


def _listen(p: Project, f: Figures) -> list[Step]:
    held = f.focus_groups_held + f.meetings_held
    heard = f.responses + f.quotes
    return [
        Step(
            "vragenlijsten",
            str(_l("Vragenlijsten open")),
            ngettext(
                "%(num)s vragenlijst staat open.",
                "%(num)s vragenlijsten staan open.",
                f.surveys_open,
            ),
            f.surveys_open,
            _status(
                f.surveys_open + f.surveys,
                done=f.surveys_closed > 0 and not f.surveys_open,
                attention=f.surveys_missing_language > 0,
            ),
            _url("coordinate.surveys", p),
        ),
        Step(
            "gesprekken",
            str(_l("Focusgroepen en bijeenkomsten gehouden")),
            ngettext(
                "%(num)s focusgroep of bijeenkomst is al gehouden.",
                "%(num)s focusgroepen en bijeenkomsten zijn al gehouden.",
                held,
            ),
            held,
            _status(held, done=held > 0),
            _url("coordinate.focus_groups", p),
        ),
        Step(
            "geteld",
            str(_l("Antwoorden en uitspraken geteld")),
            ngettext(
                "%(num)s ingevulde vragenlijst en %(quotes)s uitspraken uit gesprekken.",
                "%(num)s ingevulde vragenlijsten en %(quotes)s uitspraken uit gesprekken.",
                f.responses,
                quotes=f.quotes,
            ),
            heard,
            _status(heard, done=heard >= f.k_threshold),
            _url("report.results", p),
        ),
    ]


def _make_sense(p: Project, f: Figures) -> list[Step]:
    tagged = f.statements - f.statements_waiting
    return [
        Step(
            "taggen",
            str(_l("Uitspraken getagd")),
            ngettext(
                "%(num)s van %(total)s uitspraak is nagekeken.",
                "%(num)s van %(total)s uitspraken zijn nagekeken.",
                tagged,
                total=f.statements,
            ),
            tagged,
            _status(
                tagged,
                done=f.statements > 0 and not f.statements_waiting,
                attention=f.suggestions_waiting > 0 and tagged > 0,
            ),
            _url("coordinate.review_queue", p),
        ),
        Step(
            "themas",
            str(_l("Thema's gevormd")),
            ngettext("%(num)s thema.", "%(num)s thema's.", f.themes),
            f.themes,
            _status(f.themes, done=f.themes > 0),
            _url("coordinate.themes", p),
        ),
        Step(
            "overeenstemming",
            str(_l("Overeenstemming nagekeken")),
            ngettext(
                "%(num)s steekproef om blind te taggen.",
                "%(num)s steekproeven om blind te taggen.",
                f.agreement_samples,
            ),
            f.agreement_samples,
            _status(f.agreement_samples, done=f.agreement_samples > 0),
            _url("coordinate.agreement", p),
        ),
    ]


def _decide(p: Project, f: Figures) -> list[Step]:
    with_reason = f.decisions - f.decisions_without_reason
    return [
        Step(
            "publicatie",
            str(_l("Resultaten gepubliceerd")),
            ngettext("%(num)s publicatie.", "%(num)s publicaties.", f.releases),
            f.releases,
            _status(f.releases, done=f.releases > 0, attention=f.can_publish),
            _url("report.releases", p),
        ),
        Step(
            "prioriteiten",
            str(_l("Prioriteiten gekozen")),
            ngettext(
                "%(num)s van %(total)s voorgesteld levensdomein is gekozen.",
                "%(num)s van %(total)s voorgestelde levensdomeinen zijn gekozen.",
                f.priorities_chosen,
                total=f.priorities,
            ),
            f.priorities_chosen,
            _status(f.priorities, done=f.priorities_chosen > 0),
            _url("follow.priorities", p),
        ),
        Step(
            "beslissingen",
            str(_l("Beslissingen met hun reden")),
            ngettext(
                "%(num)s beslissing heeft een reden, van %(total)s.",
                "%(num)s beslissingen hebben een reden, van %(total)s.",
                with_reason,
                total=f.decisions,
            ),
            f.decisions,
            _status(
                f.decisions,
                done=f.decisions > 0 and not f.themes_without_decision,
                attention=f.decisions_without_reason > 0,
            ),
            _url("report.decisions", p),
        ),
    ]


def _act(p: Project, f: Figures) -> list[Step]:
    plan = _url("follow.plan", p)
    return [
        Step(
            "werkgroepen",
            str(_l("Werkgroepen")),
            ngettext("%(num)s werkgroep.", "%(num)s werkgroepen.", f.workgroups),
            f.workgroups,
            _status(f.workgroups, done=f.workgroups > 0),
            plan,
        ),
        Step(
            "doelen",
            str(_l("Doelen")),
            ngettext("%(num)s doel.", "%(num)s doelen.", f.goals),
            f.goals,
            _status(f.goals, done=f.goals > 0),
            plan,
        ),
        Step(
            "acties",
            str(_l("Acties")),
            ngettext(
                "%(num)s van %(total)s actie is klaar.",
                "%(num)s van %(total)s acties zijn klaar.",
                f.actions_done,
                total=f.actions,
            ),
            f.actions,
            _status(
                f.actions,
                done=f.actions > 0 and f.actions_done == f.actions,
                attention=f.actions_overdue > 0,
            ),
            plan,
        ),
        Step(
            "indicatoren",
            str(_l("Indicatoren")),
            ngettext("%(num)s indicator.", "%(num)s indicatoren.", f.indicators),
            f.indicators,
            _status(f.indicators, done=f.indicators > 0),
            plan,
        ),
    ]


def _measure(p: Project, f: Figures) -> list[Step]:
    return [
        Step(
            "resultaatsmeting",
            str(_l("Resultaatsmeting")),
            ngettext(
                "%(num)s resultaatsmeting, %(after)s met een tweede ronde.",
                "%(num)s resultaatsmetingen, %(after)s met een tweede ronde.",
                f.result_measures,
                after=f.result_measures_after,
            ),
            f.result_measures,
            _status(f.result_measures, done=f.result_measures_after > 0),
            _url("report.measures_list", p),
        ),
        Step(
            "metingen",
            str(_l("Metingen van de indicatoren")),
            ngettext("%(num)s meting.", "%(num)s metingen.", f.measurements),
            f.measurements,
            _status(
                f.measurements,
                done=f.indicators > 0 and not f.indicators_due and f.measurements > 0,
                attention=f.indicators_due > 0,
            ),
            _url("follow.plan", p),
        ),
    ]


def _feed_back(p: Project, f: Figures) -> list[Step]:
    return [
        Step(
            "publieke-pagina",
            str(_l("Publieke pagina in elke taal")),
            ngettext(
                "De inleiding staat er in %(num)s van %(total)s taal.",
                "De inleiding staat er in %(num)s van %(total)s talen.",
                f.public_languages,
                total=f.languages,
            ),
            f.public_languages,
            _status(f.public_languages, done=f.public_languages >= f.languages),
            _url("report.public_page", p),
        ),
        Step(
            "oordelen",
            str(_l("Oordelen van deelnemers")),
            ngettext(
                "%(num)s deelnemer zei of dit was wat ze vroegen.",
                "%(num)s deelnemers zeiden of dit was wat ze vroegen.",
                f.verdicts,
            ),
            f.verdicts,
            _status(f.verdicts, done=f.verdicts > 0),
            _url("report.public_page", p),
        ),
        Step(
            "poster",
            str(_l("Poster gedrukt")),
            ngettext(
                "%(num)s keer gedrukt sinds de laatste publicatie.",
                "%(num)s keer gedrukt sinds de laatste publicatie.",
                f.posters_since_release,
            ),
            f.posters_since_release,
            _status(f.posters, done=f.posters_since_release > 0),
            _url("coordinate.project_home", p) + "#poster",
        ),
    ]


PHASES: list[tuple[str, object, Callable[[Project, Figures], list[Step]]]] = [
    ("voorbereiden", _l("Voorbereiden"), _prepare),
    ("luisteren", _l("Luisteren"), _listen),
    ("begrijpen", _l("Begrijpen wat we horen"), _make_sense),
    ("beslissen", _l("Beslissen"), _decide),
    ("doen", _l("Doen"), _act),
    ("meten", _l("Meten"), _measure),
    ("terugkoppelen", _l("Terugkoppelen"), _feed_back),
]


def task_list(project: Project, figures: Figures) -> list[Phase]:
    return [Phase(key, str(title), build(project, figures)) for key, title, build in PHASES]
