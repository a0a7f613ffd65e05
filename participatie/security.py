"""CSRF, rate limits, compression and security headers."""

from __future__ import annotations

import secrets

from flask import Flask, Response, g

from participatie.extensions import compress, csrf, limiter


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return str(g.csp_nonce)


def init_security(app: Flask) -> None:
    from participatie.requests import CleanRequest

    app.request_class = CleanRequest
    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)  # type: ignore[method-assign]
    csrf.init_app(app)
    limiter.init_app(app)
    compress.init_app(app)
    app.jinja_env.globals["csp_nonce"] = csp_nonce

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in header_values(g.get("csp_nonce"), app.config["PRODUCTION"]):
            response.headers.setdefault(name, value)
        return response


def header_values(nonce: str | None, production: bool) -> list[tuple[str, str]]:
    """The security headers of every response (the participant pages' fast path adds them too)."""
    script_src = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    headers = [
        (
            "Content-Security-Policy",
            "default-src 'none'; "
            f"script-src {script_src}; style-src 'self'; img-src 'self' data:; "
            "media-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]
    if production:
        headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    return headers
