"""The public page's intro, in every language of the project. Saving it says which languages
still lack it (issue 16 item 3), as saving a theme, a decision or an action does."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.forms import StripWhitespaceForm
from participatie.models import Project, Role
from participatie.report.forms import _language_fields
from participatie.report.routes import bp
from participatie.untranslated import saved_stuurgroep_text

INTRO_SAVED = _l("De uitleg op de publieke pagina is bewaard.")


class IntroForm(StripWhitespaceForm):
    project: Project

    def texts(self) -> dict[str, str]:
        return {
            lang: (getattr(self, f"intro_{lang}").data or "").strip()
            for lang in self.project.languages
            if (getattr(self, f"intro_{lang}").data or "").strip()
        }

    def intro_fields(self) -> list[Any]:
        return [getattr(self, f"intro_{lang}") for lang in self.project.languages]


def intro_form(project: Project) -> IntroForm:
    class ProjectIntroForm(IntroForm):
        pass

    label = _l("Uitleg bovenaan de publieke pagina")
    _language_fields(ProjectIntroForm, "intro", project, label, area=True)
    form = ProjectIntroForm(data={f"intro_{k}": v for k, v in project.public_intro.items()})
    form.project = project
    return form


@bp.route("/projecten/<slug>/publieke-uitleg", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def public_intro(project: Project) -> str | WerkzeugResponse:
    form = intro_form(project)
    if form.validate_on_submit():
        project.public_intro = form.texts()
        audit.record(
            "project.public_intro",
            project=project,
            object_type="project",
            object_id=project.slug,
            languages=sorted(project.public_intro),
        )
        flash(str(INTRO_SAVED), "info")
        saved_stuurgroep_text(project, project, "public_intro")
        return redirect(url_for("report.public_intro", slug=project.slug))
    return render_template("report/intro_form.html", project=project, form=form)
