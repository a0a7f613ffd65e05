"""Transcript import: upload or paste, look at the split, then save.

The preview carries the transcript's plain text in its form, and saving parses that text again:
what is saved is exactly what was shown, and nothing but text travels between the two steps.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.focusgroups.forms import TranscriptForm
from participatie.coordinate.focusgroups.services import get_focus_group
from participatie.coordinate.focusgroups.transcript_import import (
    import_transcript,
    new_speakers,
    submitted_transcript,
)
from participatie.coordinate.focusgroups.transcripts import parse_transcript
from participatie.models import Project, Role

Page = str | WerkzeugResponse | tuple[str, int]


@bp.route("/projecten/<slug>/focusgroepen/<group_id>/transcript", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def transcript_import(project: Project, group_id: str) -> Page:
    group = get_focus_group(project, group_id)
    form = TranscriptForm.for_group(group)
    valid = form.validate_on_submit()
    text = submitted_transcript(form) if form.is_submitted() else None
    parsed = parse_transcript(text) if valid and text is not None else None
    if parsed is not None and request.form.get("action") == "save" and parsed.turns:
        result = import_transcript(group, parsed, form.language.data or "", current_user.id)
        flash(
            ngettext(
                "%(num)s uitspraak is geïmporteerd.",
                "%(num)s uitspraken zijn geïmporteerd.",
                result.total,
            )
        )
        return redirect(url_for("coordinate.focus_group", slug=project.slug, group_id=group_id))
    if parsed is not None:
        form.text.data = text  # the preview sends back exactly the text it shows
    page = render_template(
        "coordinate/focusgroups/transcript.html",
        project=project,
        group=group,
        form=form,
        parsed=parsed,
        new_speakers=new_speakers(group, parsed) if parsed else [],
    )
    return (page, 400) if form.errors else page
