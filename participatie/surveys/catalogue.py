"""The survey templates a coordinator can start from, kept as data in templates/*.json.

Each file has the shape of participatie/demo/survey.json, so `survey_from_definition` builds it.
Texts may hold the placeholder {onderwerp}: the service or activity the survey is about.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flask_babel import lazy_gettext as _l

from participatie.i18n import SOURCE_LOCALE

TEMPLATE_DIR = Path(__file__).parent / "templates"
SUBJECT_PLACEHOLDER = "{onderwerp}"
DEFAULT_SUBJECT = "de dienst"
# The subject when the coordinator names none, per language, in the nominative: the translations
# put {onderwerp} where its form does not change (Polish, Ukrainian and Russian open with it).
DEFAULT_SUBJECTS = {
    "nl": DEFAULT_SUBJECT,
    "en": "the service",
    "fr": "ce service",
    "ar": "الخدمة",
    "tr": "bu hizmet",
    "pl": "ta usługa",
    "ro": "acest serviciu",
    "bg": "услугата",
    "uk": "ця послуга",
    "ru": "эта услуга",
    "so": "adeeggan",
    "ti": "እዚ ኣገልግሎት",
    "fa_AF": "این خدمت",
}


@dataclass(frozen=True)
class SurveyTemplate:
    key: str
    title: Any  # lazy string
    description: Any
    needs_subject: bool


TEMPLATES: tuple[SurveyTemplate, ...] = (
    SurveyTemplate(
        "levensdomeinen",
        _l("Levensdomeinen: waar loopt het moeilijk, waar loopt het goed?"),
        _l("Een korte check over alle delen van het leven van een gezin, met prentjes."),
        needs_subject=False,
    ),
    SurveyTemplate(
        "drempels",
        _l("De zeven B's van één dienst"),
        _l("Een cijfer van 0 tot 10 voor elke B, telkens met de vraag waarom."),
        needs_subject=True,
    ),
    SurveyTemplate(
        "stellingen",
        _l("Stellingen met een akkoord-schaal"),
        _l("Zinnen waarbij de deelnemer kiest of die het eens is, met zes gezichtjes."),
        needs_subject=False,
    ),
    SurveyTemplate(
        "resultaatsmeting",
        _l("Resultaatsmeting na een actie"),
        _l("Wat kan, doe, durf, wil of weet je nu meer dan vroeger?"),
        needs_subject=True,
    ),
    SurveyTemplate(
        "rechtencirkel",
        _l("De rechtencirkel: krijgen gezinnen de hulp waar ze recht op hebben?"),
        _l(
            "Een cijfer van 0 tot 10 voor elke stap, van preventie tot nazorg, telkens met de vraag"
            " waarom. Gezinnen, medewerkers en beleid vullen hem in; de resultaten tonen elke"
            " groep apart in een cirkel. Al in 13 talen."
        ),
        needs_subject=False,
    ),
)
TEMPLATE_KEYS = tuple(template.key for template in TEMPLATES)


@cache
def _load(key: str) -> dict[str, Any]:
    if key not in TEMPLATE_KEYS:
        raise KeyError(key)
    data: dict[str, Any] = json.loads((TEMPLATE_DIR / f"{key}.json").read_text("utf-8"))
    return data


def _fill(value: Any, subject: str, language: str = SOURCE_LOCALE) -> Any:
    """Put the subject in every text; texts are {language: text} mappings."""
    if isinstance(value, str):
        filled = value.replace(SUBJECT_PLACEHOLDER, subject or DEFAULT_SUBJECTS[language])
        if value.startswith(SUBJECT_PLACEHOLDER):  # a sentence opens with a capital
            filled = filled[:1].upper() + filled[1:]
        return filled
    if isinstance(value, list):
        return [_fill(item, subject, language) for item in value]
    if isinstance(value, dict):
        return {
            key: _fill(item, subject, key if key in DEFAULT_SUBJECTS else language)
            for key, item in value.items()
        }
    return value


def template_definition(key: str, subject: str = "") -> dict[str, Any]:
    """A fresh copy of the template in every language, with {onderwerp} filled in.

    Dutch stays the source language whatever the coordinator's screen language. The subject the
    coordinator typed goes into every language as it is (a name); without one, each language
    gets its own word for "the service".
    """
    filled: dict[str, Any] = _fill(copy.deepcopy(_load(key)), subject.strip())
    return filled


def preset_options(template_key: str, question_name: str) -> list[dict[str, Any]]:
    """Options of one template question, e.g. the levensdomeinen or the six faces."""
    for question in _load(template_key)["questions"]:
        if question["name"] == question_name:
            return copy.deepcopy(list(question["options"]))
    raise KeyError(question_name)


def domain_options() -> list[dict[str, Any]]:
    """The levensdomein picker's options: codebook keys, plain labels and pictograms."""
    return preset_options("levensdomeinen", "moeilijk")


def agreement_options() -> list[dict[str, Any]]:
    """The six-point agreement scale, from "Helemaal niet akkoord" to "Helemaal akkoord"."""
    return preset_options("stellingen", "hulp_vragen")
