from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit, messages
from participatie.auth import resets, two_factor
from participatie.auth.access import login_required, public
from participatie.auth.forms import CodeForm, LoginForm, NewPasswordForm
from participatie.auth.services import authenticate, projects_for
from participatie.auth.sessions import end_all_sessions, start_session
from participatie.extensions import db, limiter
from participatie.models import Role, User

bp = Blueprint("auth", __name__, template_folder="templates")


def _safe_next(target: str | None, user: User | None = None) -> str:
    # Only paths on this site: an absolute URL in ?next= would be an open redirect.
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return _landing(user)


def _landing(user: User | None) -> str:
    """Where a login without ?next= lands: a translator and nothing else, in one project, goes
    straight to the translator's page (their home, issue 22); everyone else to their projects."""
    memberships = list(user.memberships) if user is not None else []
    if (
        memberships
        and all(m.role == Role.VERTALER for m in memberships)
        and len({m.project_id for m in memberships}) == 1
        and "translate.overview" in current_app.view_functions
    ):
        return url_for("translate.overview", slug=memberships[0].project.slug)
    return url_for("auth.account")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@public
def login() -> str | WerkzeugResponse:
    if current_user.is_authenticated:
        return redirect(url_for("auth.account"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.email.data or "", form.password.data or "")
        if result.user is not None:
            if two_factor.required_for(result.user):
                two_factor.remember_pending(result.user)
                step = "code" if two_factor.is_enrolled(result.user) else "enrol"
                return redirect(url_for(f"auth.two_factor_{step}", next=request.args.get("next")))
            start_session(result.user)
            return redirect(_safe_next(request.args.get("next"), result.user))
        form.form_errors.append(
            str(messages.ACCOUNT_LOCKED if result.locked else messages.LOGIN_FAILED)
        )
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@public
def logout() -> WerkzeugResponse:
    if current_user.is_authenticated:
        end_all_sessions(current_user)
    logout_user()
    flash(str(messages.LOGGED_OUT), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account")
@login_required
def account() -> str:
    return render_template("auth/account.html", projects=projects_for(current_user))


def _pending_user() -> User | None:
    public_id = two_factor.pending_public_id()
    if public_id is None:
        return None
    return db.session.scalar(select(User).where(User.public_id == public_id, User.active.is_(True)))


@bp.route("/login/code", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@public
def two_factor_code() -> str | WerkzeugResponse:
    user = _pending_user()
    if user is None or not two_factor.is_enrolled(user):
        flash(str(messages.LOGIN_EXPIRED), "info")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if two_factor.is_locked(user):
            two_factor.clear_pending()
            form.code.errors.append(str(messages.TOO_MANY_CODES))
        elif two_factor.check_code(user, form.code.data or ""):
            two_factor.clear_pending()
            user.failed_logins = 0
            start_session(user)
            return redirect(_safe_next(request.args.get("next"), user))
        elif two_factor.count_wrong_code(user):
            two_factor.clear_pending()
            form.code.errors.append(str(messages.TOO_MANY_CODES))
        else:
            form.code.errors.append(str(messages.WRONG_CODE))
    return render_template("auth/two_factor_code.html", form=form)


@bp.route("/login/instellen", methods=["GET", "POST"])
@public
def two_factor_enrol() -> str | WerkzeugResponse:
    user = _pending_user()
    if user is None or two_factor.is_enrolled(user):
        flash(str(messages.LOGIN_EXPIRED), "info")
        return redirect(url_for("auth.login"))
    secret = two_factor.new_secret()
    form = CodeForm()
    if form.validate_on_submit():
        if two_factor.check_code(user, form.code.data or "", secret=secret):
            codes = two_factor.enrol(user, secret)
            two_factor.clear_pending()
            start_session(user)
            audit.record("account.2fa_enrolled", object_type="user", object_id=user.public_id)
            return render_template(
                "auth/recovery_codes.html", codes=codes, next=_safe_next(request.args.get("next"))
            )
        form.code.errors.append(str(messages.WRONG_CODE))
    return render_template(
        "auth/two_factor_enrol.html",
        form=form,
        secret=secret,
        qr=two_factor.provisioning_qr(user, secret),
    )


@bp.route("/wachtwoord/<token>", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@public
def set_password(token: str) -> str | WerkzeugResponse:
    reset = resets.valid(token)
    if reset is None:
        return render_template("auth/reset_invalid.html"), 404  # type: ignore[return-value]
    form = NewPasswordForm()
    if form.validate_on_submit():
        user = resets.use(reset, form.password.data or "")
        audit.record(
            "account.password_set", object_type="user", object_id=user.public_id, user_id=user.id
        )
        flash(str(messages.PASSWORD_SET), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, email=reset.user.email)
