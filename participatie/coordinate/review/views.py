"""What the review queue's routes need: the page's context and the actions of its one form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from participatie import audit
from participatie.content import localise
from participatie.coordinate.agreement.services import hidden_statement_ids
from participatie.coordinate.review import messages as msg
from participatie.coordinate.review.duplicates import duplicate_groups, hidden_copies, with_copies
from participatie.coordinate.review.forms import NEW_THEME, QueueForm
from participatie.coordinate.review.queries import (
    QueueFilters,
    clean_filters,
    filter_options,
    matching_ids,
    queue_page,
    statement_views,
)
from participatie.coordinate.review.services import apply_to_statements
from participatie.coordinate.review.suggestions import ensure_suggestions, suggest_new_statements
from participatie.coordinate.review.undo import last_undoable
from participatie.coordinate.themes.services import (
    add_to_theme,
    create_theme,
    find_theme,
    project_themes,
    statements_by_public_id,
)
from participatie.i18n import SOURCE_LOCALE
from participatie.models import CodeKind, Project, User
from participatie.tagging.project_codebook import Codebook, load_codebook


@dataclass(frozen=True)
class Shortcut:
    keys: str
    description: str


def shortcuts() -> list[Shortcut]:
    return [
        Shortcut("j", _("volgende uitspraak")),
        Shortcut("k", _("vorige uitspraak")),
        Shortcut("a", _("alle voorstellen aanvaarden")),
        Shortcut("x", _("alle voorstellen afwijzen")),
        Shortcut("1 – 9, 0", _("levensdomein aan- of uitzetten")),
        Shortcut("t", _("uitspraak kiezen en aan een thema toevoegen")),
        Shortcut("u", _("laatste actie ongedaan maken")),
    ]


def undo_label(project: Project, user: User, area: str, codebook: Codebook) -> str | None:
    """The description of the action undo would reverse, or None when there is none."""
    event = last_undoable(project, user, area)
    if event is None:
        return None
    summary = event.details.get("summary") or {}
    code = codebook.by_key.get(str(summary.get("code") or ""))
    return msg.describe_action(event.action, summary, codebook.label(code) if code else "")


def prepare_form(form: QueueForm, project: Project, codebook: Codebook) -> None:
    """The choices of the bulk controls, which depend on the project's codebook and themes."""
    choose = ("", _("Kies…"))
    form.code.choices = [choose] + [
        (row.code.key, ("— " * row.depth) + row.label) for row in codebook.pickable()
    ]
    form.theme.choices = [choose, (NEW_THEME, _("Nieuw thema"))] + [
        (theme.public_id, _theme_title(theme.title)) for theme in project_themes(project)
    ]
    form.theme_domain.choices = [("", _("Geen"))] + [
        (row.code.key, row.label) for row in codebook.pickable(CodeKind.DOMAIN) if row.depth == 0
    ]


def _theme_title(title: dict[str, str]) -> str:
    return localise(title).text or _("Thema zonder titel")


def queue_context(project: Project, filters: QueueFilters, form: QueueForm) -> dict[str, Any]:
    codebook = load_codebook(project)
    suggest_new_statements(project, codebook)
    options = filter_options(project, codebook)
    filters = clean_filters(filters, options)
    hidden = hidden_statement_ids(project, current_user)
    copies_hidden, copies = hidden_copies(
        duplicate_groups(project), matching_ids(project, filters, codebook, hidden)
    )
    page = queue_page(project, filters, codebook, hidden | copies_hidden)
    ensure_suggestions(project, codebook, page.statements)
    if not form.is_submitted():
        prepare_form(form, project, codebook)
        for name, value in filters.params().items():
            form[name].data = value
        if filters.domain in codebook.by_key:
            form.theme_domain.data = filters.domain
    return {
        "project": project,
        "filters": filters,
        "options": options,
        "page": page,
        "views": statement_views(page.statements, codebook),
        "form": form,
        "shortcuts": shortcuts(),
        "undo": undo_label(project, current_user, "review", codebook),
        "selected": set(form.selected.data or []),
        # what was typed in a translation field stays there when the page comes back with errors
        "typed_gloss": {
            key.removeprefix("gloss-"): value
            for key, value in (request.form.items() if form.is_submitted() else [])
            if key.startswith("gloss-")
        },
        "copies": copies,
    }


def queue_url(project: Project, filters: QueueFilters, anchor: str = "") -> str:
    params: dict[str, Any] = {"slug": project.slug, **filters.params()}
    if anchor:
        params["_anchor"] = f"s-{anchor}"
    return url_for("coordinate.review_queue", **params)


def perform(project: Project, form: QueueForm) -> str:
    """Carry out the form's action; returns the statement to return to ("" for the list)."""
    codebook = load_codebook(project)
    name, statement_id, key = form.parsed_action()
    ids = [statement_id] if statement_id else list(form.selected.data or [])
    statements = statements_by_public_id(project, ids)
    if not statements:
        flash(str(msg.STATEMENT_GONE), "error")
        return ""
    if name == "bulk_theme":
        _to_theme(project, form, codebook, statements)
        return ""
    if name == "gloss":
        _save_gloss(project, form.gloss_text(), with_copies(project, statements))
        return statement_id
    code_key = key or (form.code.data if name == "bulk_code" else "")
    code = codebook.by_key.get(code_key) if code_key else None
    if code_key and (code is None or not codebook.is_pickable(code)):
        flash(str(msg.UNKNOWN_ACTION), "error")
        return statement_id
    action = {"bulk_accept": "accept_all", "bulk_reject": "reject_all", "bulk_code": "add_code"}
    # the queue shows one statement per text: its decision holds for the hidden copies too
    everyone = with_copies(project, statements)
    apply_to_statements(project, codebook, action.get(name, name), everyone, code)
    if not statement_id:
        flash(
            ngettext(
                "Klaar: %(num)d uitspraak aangepast.",
                "Klaar: %(num)d uitspraken aangepast.",
                len(statements),
            ),
            "info",
        )
    return statement_id


def _save_gloss(project: Project, text: str, statements: list[Any]) -> None:
    """The coordinator's Dutch translation, for the statement and its copies (same words)."""
    # a Dutch statement needs no Dutch translation (the queue offers no field for it)
    foreign = [s for s in statements if s.language != SOURCE_LOCALE]
    changed = [s for s in foreign if s.set_gloss(text, "coordinator")]
    for statement in changed:
        audit.record(
            "statement.gloss_saved" if text else "statement.gloss_removed",
            project=project,
            object_type="statement",
            object_id=statement.public_id,
        )
    if changed:
        flash(str(msg.GLOSS_SAVED if text else msg.GLOSS_REMOVED), "info")


def _to_theme(project: Project, form: QueueForm, codebook: Codebook, statements: list[Any]) -> None:
    if form.theme.data == NEW_THEME:
        domain = codebook.by_key.get(form.theme_domain.data or "")
        language = project.languages[0] if project.languages else SOURCE_LOCALE
        create_theme(project, {language: form.theme_title.data or ""}, domain, statements)
        flash(
            ngettext(
                "Het thema ‘%(title)s’ is gemaakt met %(num)d uitspraak.",
                "Het thema ‘%(title)s’ is gemaakt met %(num)d uitspraken.",
                len(statements),
                title=form.theme_title.data,
            ),
            "info",
        )
        return
    theme = find_theme(project, form.theme.data or "")
    if theme is None:
        flash(str(msg.CHOOSE_THEME), "error")
        return
    added = add_to_theme(project, theme, statements)
    flash(
        ngettext(
            "%(num)d uitspraak toegevoegd aan ‘%(title)s’.",
            "%(num)d uitspraken toegevoegd aan ‘%(title)s’.",
            added,
            title=_theme_title(theme.title),
        ),
        "info",
    )
