"""The project menu for staff pages. Each entry shows only when its area exists and the user
holds one of its roles, so areas can be added one at a time."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participatie.models import Project, Role


@dataclass(frozen=True)
class Section:
    endpoint: str
    label: object
    roles: frozenset[Role]


C, V, S, W = Role.COORDINATOR, Role.VOLUNTEER, Role.STUURGROEP, Role.WERKGROEP
T = Role.VERTALER  # sees only the translator's pages (and the public page everyone sees)
SECTIONS = (
    Section("coordinate.project_home", _l("Overzicht"), frozenset({C})),
    Section("coordinate.role_home", _l("Jouw werk"), frozenset({V, S, W})),
    Section("translate.overview", _l("Vertalen"), frozenset({C, T})),
    Section("coordinate.surveys", _l("Vragenlijsten"), frozenset({C})),
    Section("coordinate.focus_groups", _l("Focusgroepen"), frozenset({C})),
    Section("meetings.meetings", _l("Bijeenkomsten"), frozenset({C})),
    Section("coordinate.review_queue", _l("Uitspraken taggen"), frozenset({C})),
    Section("report.results", _l("Resultaten"), frozenset({C, S})),
    Section("report.decisions", _l("Beslissingen"), frozenset({C, S})),
    Section("follow.priorities", _l("Prioriteiten"), frozenset({C, S})),
    Section("follow.plan", _l("Actieplan"), frozenset({C, S, W})),
    Section("report.measures_list", _l("Resultaatsmetingen"), frozenset({C, S})),
    Section("report.influence_page", _l("Invloed"), frozenset({C, S})),
    Section("report.progress_reports", _l("Voortgang"), frozenset({C, S})),
    Section("report.releases", _l("Publiceren"), frozenset({C})),
    Section("assist.project_surveys", _l("Samen invullen"), frozenset({V, C})),
    Section("coordinate.members", _l("Leden"), frozenset({C})),
    Section("report.public_page", _l("Publieke pagina"), frozenset({C, V, S, T})),
)


def project_menu(project: Project) -> list[tuple[str, object, str]]:
    """(url, label, endpoint) for the sections this user may open in this project."""
    if not current_user.is_authenticated:
        return []
    roles = current_user.roles_in(project.id)
    return [
        (url_for(section.endpoint, slug=project.slug), section.label, section.endpoint)
        for section in SECTIONS
        if section.endpoint in current_app.view_functions and roles & section.roles
    ]


def init_navigation(app: Flask) -> None:
    app.jinja_env.globals["project_menu"] = project_menu
