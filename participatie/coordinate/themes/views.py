"""What the themes pages show: rows of the list, a theme's statements, the edit form's values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from participatie.content import localise
from participatie.coordinate.review.queries import source_label
from participatie.coordinate.themes.services import has_decisions, project_themes, theme_links
from participatie.i18n import LANGUAGE_NAMES, html_lang, text_direction
from participatie.models import CodeKind, Project, Statement, Theme
from participatie.privacy import report_text
from participatie.tagging.project_codebook import Codebook


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    title: str
    domain: str
    statements: int
    quotes: int
    decided: bool


def theme_rows(project: Project, codebook: Codebook) -> list[ThemeRow]:
    return [
        ThemeRow(
            theme=theme,
            title=localise(theme.title).text or _("Thema zonder titel"),
            domain=codebook.label(theme.domain) if theme.domain else "",
            statements=len(theme.links),
            quotes=sum(1 for link in theme.links if link.chosen_quote),
            decided=has_decisions(theme),
        )
        for theme in project_themes(project)
    ]


@dataclass(frozen=True)
class LinkView:
    statement: Statement
    text: str
    lang: str
    direction: str
    source: str
    chosen: bool
    # The text a report may show (redacted), or None while personal data needs a review.
    report_text: str | None


def _report_text(statement: Statement) -> str | None:
    return report_text(statement)


def link_views(theme: Theme) -> list[LinkView]:
    views = []
    for link in theme_links(theme):
        statement = link.statement
        views.append(
            LinkView(
                statement=statement,
                text=statement.text,
                lang=html_lang(statement.language),
                direction=text_direction(statement.language)
                if statement.language in LANGUAGE_NAMES
                else "auto",
                source=source_label(statement),
                chosen=link.chosen_quote,
                report_text=_report_text(statement),
            )
        )
    return views


def domain_choices(codebook: Codebook) -> list[tuple[str, str]]:
    return [("", _("Geen"))] + [
        (row.code.key, row.label)
        for row in codebook.tree(CodeKind.DOMAIN)
        if row.depth == 0 and row.code.merged_into_id is None
    ]


def fill_theme_form(form: Any, theme: Theme) -> None:
    for field in form.title_fields():
        field.data = theme.title.get(field.name.removeprefix("title_"), "")
    form.domain.data = theme.domain.key if theme.domain else ""
