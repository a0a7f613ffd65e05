"""Paper forms as PDF: large print, pictograms, tick boxes, routing as plain instructions, and on
each copy a short number and a QR code for data entry.

The PDF is the Jinja template assist/paper/form.html, rendered in the form's language and laid
out by WeasyPrint, which shapes Arabic, Ge'ez (Tigrinya) and every other script with Pango and
the Noto fonts installed on the machine (fonts-noto-core). The form is laid out once; each copy's
number and QR code are stamped on its pages (paper_stamp.py). WeasyPrint is imported only when
a PDF is made: without Pango the rest of the site runs, and PDF export says what to install.

Also used by `participatie surveys export CODE --format pdf --lang L --output FILE.pdf`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask import current_app, has_request_context, render_template, url_for
from markupsafe import Markup

from participatie.assist import paper_numbers
from participatie.assist.language import in_language
from participatie.assist.messages import PDF_UNAVAILABLE
from participatie.assist.paper_routing import instruction
from participatie.assist.paper_routing import paper_numbers as question_numbers
from participatie.assist.paper_stamp import Slots, StampedCopy, Stamper
from participatie.content import localise
from participatie.i18n import text_direction
from participatie.pictograms import PICTOGRAMS
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import QuestionDef, SurveyDef, load_definition

MAX_COPIES = 500
# The places left empty for the stamp; paper.css gives them these sizes.
NUMBER_SLOT, NUMBER_WIDTH_MM, NUMBER_HEIGHT_MM, NUMBER_SIZE_PT = "paper-number", 40, 7, 18
QR_SLOT, QR_SIZE_MM = "paper-qr", 28
# Laying a form out is most of a small print's cost (WeasyPrint: about 0.7 s of CPU, against
# about 0.015 s a copy for its number and QR code). The next batch of the same form is the same HTML, so the
# last few layouts are kept per process, keyed by that HTML: a changed survey, language or
# template is another key. Writing a kept layout again gives a byte-identical PDF (measured);
# one print at a time per process, as WeasyPrint's fonts are not meant to be shared by threads.
_LAYOUTS: OrderedDict[str, Any] = OrderedDict()
LAYOUTS_KEPT = 4
_PRINTING = threading.Lock()


class PaperUnavailable(RuntimeError):
    """WeasyPrint or the Pango library it needs is missing; the message says what to install."""


class UnknownPaperSurvey(LookupError):
    """No survey with this code, or not offered in this language."""


@dataclass(frozen=True)
class PaperQuestion:
    number: int | None  # None for a note
    question: QuestionDef
    instruction: str | None


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        # OSError: cffi could not load libpango / libpangoft2.
        raise PaperUnavailable(str(PDF_UNAVAILABLE)) from error
    return weasyprint


def pictogram(name: str) -> Markup:
    """A stand-alone SVG pictogram (WeasyPrint draws inline SVG, but not a sprite's <use>)."""
    if name not in PICTOGRAMS:
        return Markup("")
    return Markup(
        '<svg class="pict" viewBox="0 0 24 24" aria-hidden="true" fill="none" '
        'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round">%s</svg>'
    ) % Markup(PICTOGRAMS[name])  # noqa: S704  (our own constant drawings)


@contextmanager
def _url_context() -> Iterator[None]:
    """url_for needs a request; the CLI has none, so lend it one on the public address."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        yield


def entry_address(survey: SurveyDef, number: str) -> str:
    """What a copy's QR code holds: the data-entry page of that copy (see paper_routes)."""
    with _url_context():
        path = url_for(
            "assist.entry_jump", slug=survey.project_slug, code=survey.code, nummer=number
        )
    return str(current_app.config["BASE_URL"]).rstrip("/") + path


def paper_questions(survey: SurveyDef, language: str) -> list[PaperQuestion]:
    numbers = question_numbers(survey)
    return [
        PaperQuestion(
            number=numbers.get(question.name),
            question=question,
            instruction=instruction(survey, question, numbers, language),
        )
        for question in survey.questions
    ]


def paper_html(survey: SurveyDef, language: str) -> str:
    """One copy of the form in `language`, with empty places for its number and QR code."""
    with _url_context(), in_language(language):
        return render_template(
            "assist/paper/form.html",
            survey=survey,
            language=language,
            questions=paper_questions(survey, language),
            title=localise(survey.title, language),
            intro=localise(survey.intro, language),
            pictogram=pictogram,
            number_slot=NUMBER_SLOT,
            qr_slot=QR_SLOT,
        )


def paper_pdf(survey: SurveyDef, language: str, copies: int) -> bytes:
    """Allocates `copies` numbers (the caller commits) and makes one PDF of all copies."""
    weasyprint = _weasyprint()  # before allocating: without Pango nothing changes
    numbers = paper_numbers.allocate(survey, language, copies)
    with _PRINTING:
        document = _layout(weasyprint, paper_html(survey, language))
        return _stamped_pdf(survey, language, numbers, document)


def _layout(weasyprint: Any, html: str) -> Any:
    base_url = current_app.config["BASE_URL"]
    key = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    document = _LAYOUTS.pop(key, None)
    if document is None:
        document = weasyprint.HTML(string=html, base_url=base_url).render()
    _LAYOUTS[key] = document  # the most recently used last
    while len(_LAYOUTS) > LAYOUTS_KEPT:
        _LAYOUTS.popitem(last=False)
    return document


def _stamped_pdf(survey: SurveyDef, language: str, numbers: list[str], document: Any) -> bytes:
    anchors = document.pages[0].anchors
    slots = Slots(
        number=anchors[NUMBER_SLOT][:2],
        number_width_mm=NUMBER_WIDTH_MM,
        number_height_mm=NUMBER_HEIGHT_MM,
        number_size_pt=NUMBER_SIZE_PT,
        qr=anchors[QR_SLOT][:2],
        qr_size_mm=QR_SIZE_MM,
        right_to_left=text_direction(language) == "rtl",
    )
    stamped = [
        StampedCopy(number=paper_numbers.display(n), qr_text=entry_address(survey, n))
        for n in numbers
    ]
    pdf: bytes = document.write_pdf(finisher=Stamper(stamped, slots))
    return pdf


def render_paper_pdf(survey_code: str, lang: str, copies: int = 1) -> bytes:
    """The paper form of survey `survey_code` in language `lang`, `copies` numbered copies.

    For the CLI (`surveys export CODE --format pdf`): raises UnknownPaperSurvey for an unknown
    code or a language the project does not offer, PaperUnavailable without Pango, ValueError
    for a number of copies outside 1–500. The copies' numbers are added to the session: the
    caller commits them (`db.session.commit()`), so data entry finds each printed number.
    """
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be between 1 and {MAX_COPIES}")
    survey = load_definition(find_survey_code(survey_code) or "")
    if survey is None:
        raise UnknownPaperSurvey(f"No survey with code {survey_code!r}.")
    if lang not in survey.languages:
        offered = ", ".join(survey.languages)
        raise UnknownPaperSurvey(
            f"Survey {survey.code} is not offered in {lang!r}; its languages: {offered}."
        )
    return paper_pdf(survey, lang, copies)
