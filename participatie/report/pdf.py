"""PDFs with WeasyPrint: the stuurgroep report and the A4 poster with a QR code.

WeasyPrint needs Pango from the system. It is imported here, inside the functions, so a
server without Pango still serves every page; only the PDF answers with a clear message.
"""

from __future__ import annotations

from flask import current_app, render_template, url_for
from markupsafe import Markup

from participatie.i18n import html_lang, text_direction
from participatie.models import Project
from participatie.report import messages
from participatie.report.services import ProjectResults, PublicPage


class PdfUnavailable(RuntimeError):
    """WeasyPrint or Pango is missing: the message says which Debian packages to install."""

    def __init__(self) -> None:
        super().__init__(str(messages.PDF_UNAVAILABLE))


def write_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise PdfUnavailable() from error
    try:
        return bytes(HTML(string=html, base_url=None).write_pdf())
    except OSError as error:
        raise PdfUnavailable() from error


def report_pdf(results: ProjectResults) -> bytes:
    html = render_template(
        "report/pdf/report.html",
        results=results,
        pdf=True,  # no download links on paper
        html_lang=html_lang(results.locale),
        text_direction=text_direction(results.locale),
    )
    return write_pdf(html)


def public_url(project: Project, locale: str) -> str:
    base: str = current_app.config["BASE_URL"].rstrip("/")
    return base + url_for("report.public_page", slug=project.slug, lang=locale)


def qr_svg(url: str) -> Markup:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff")
    return Markup(svg)  # noqa: S704  (segno writes the SVG; the URL is ours)


def poster_pdf(page: PublicPage, locale: str) -> bytes:
    url = public_url(page.project, locale)
    html = render_template(
        "report/pdf/poster.html",
        page=page,
        url=url,
        qr=qr_svg(url),
        html_lang=html_lang(locale),
        text_direction=text_direction(locale),
    )
    return write_pdf(html)
