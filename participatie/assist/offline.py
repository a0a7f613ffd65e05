"""What the offline journey needs on the device, built from the same cached SurveyDef the online
pages use: the survey definition as JSON, with every participant-facing text in every language
of the survey, and the volunteer's own messages (with plural forms) for the queue."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from babel import Locale
from flask_babel import get_locale, get_translations, ngettext
from flask_babel import gettext as _

from participatie.assist.language import in_language
from participatie.assist.services import is_sensitive
from participatie.i18n import LANGUAGE_NAMES, SOURCE_LOCALE, text_direction
from participatie.models import Project
from participatie.pictograms import PICTOGRAMS
from participatie.surveys.definition import QuestionDef, SurveyDef
from participatie.surveys.patterns import PatternError, program
from participatie.surveys.question_types import all_types
from participatie.surveys.relevance import ExpressionError, tree_data

# One cache for the offline app shell, the definitions and the static files. sw.js and the page
# both get the name from here.
CACHE_NAME = "participatie-offline-v1"
EXACT_PLURALS_UP_TO = 20


def _participant_messages() -> dict[str, str]:
    """The journey's texts in the current language; the same msgids as the online pages, so one
    translation serves both. Placeholders stay in: the script fills them in."""
    return {
        "back": _("Terug"),
        "next": _("Verder"),
        "decline": _("Ik wil dit niet zeggen"),
        "progress": _("Vraag %(number)s van %(total)s"),
        "error_title": _("Er ging iets mis"),
        "error_prefix": _("Fout:"),
        "anonymous": _("Je naam vragen we niet. Niemand weet wat jij zei."),
        "skip_or_stop": _("Je mag een vraag overslaan of altijd stoppen."),
        "hand_over_promise": _(
            "Bij moeilijke vragen mag je de telefoon zelf vasthouden. De vrijwilliger kijkt dan niet mee."
        ),
        "what_happens": _("Wat we horen, bespreken we met ouders en met de gemeente."),
        "join": _("Wil je meedoen?"),
        "hand_over_title": _("Deze vraag beantwoord je zelf"),
        "hand_over_text": _(
            "De vrijwilliger kijkt niet mee. Als je klaar bent, geef je de telefoon terug."
        ),
        "hand_over_help": _("Wil je liever hulp? Dan mag dat ook."),
        "hand_over_ready": _("Ik ben klaar om te antwoorden"),
        "give_back_title": _("Dank je wel"),
        "give_back_text": _(
            "Je antwoord is bewaard. Geef de telefoon nu terug aan de vrijwilliger."
        ),
        "thanks_title": _("Bedankt!"),
        "thanks_text": _(
            "We lezen alle antwoorden. Daarna bespreken we ze met ouders en met de gemeente. Jouw naam staat nergens bij."
        ),
        # Each question type's messages, the ones its parser shows, for validate.js.
        **{key: text for kind in all_types() for key, text in kind.messages().items()},
        "pattern": _("Dit antwoord past niet. Kijk na wat je schreef."),
    }


def relevance_tree(expression: str) -> dict[str, Any] | bool | None:
    """The parsed relevance for the device; False for one the server cannot read either (the
    device then reads the text as before, and shows the question, as the server does)."""
    try:
        return tree_data(expression)
    except ExpressionError:
        return False


def _question(project: Project, question: QuestionDef) -> dict[str, Any]:
    return {
        "sensitive": is_sensitive(project, question),
        "name": question.name,
        "type": question.type,
        "appearance": question.appearance,
        "label": question.label,
        "hint": question.hint,
        "required": question.required,
        "offer_decline": question.offer_decline,
        "relevant": question.relevant,
        # Parsed here once: the device evaluates the tree (flow.js), it parses nothing.
        "relevance": relevance_tree(question.relevant),
        "pictogram": question.pictogram,
        "minimum": question.minimum,
        "maximum": question.maximum,
        # The type's rules as data (`check`: patterns, limits, message keys; `widget`): the
        # device's small evaluator (validate.js, render.js) reads them, nothing is re-implemented.
        **question.answer_type.offline(question),
        "options": [
            {"name": o.name, "label": o.label, "pictogram": o.pictogram, "filters": o.filters}
            for o in question.options
        ],
        # XLSForm's extras, as data: patterns.js runs the automaton, relevance.js the filter.
        "choice_filter": question.choice_filter,
        "pattern": _pattern_program(question.pattern),
        "constraint_message": question.constraint_message,
    }


def _pattern_program(pattern: str) -> dict[str, Any] | None:
    if not pattern:
        return None
    try:
        return program(pattern)
    except PatternError:  # refused on import; the server never blocks an answer on it either
        return None


def definition_json(survey: SurveyDef, project: Project) -> dict[str, Any]:
    messages: dict[str, dict[str, str]] = {}
    for language in survey.languages:
        with in_language(language):
            messages[language] = _participant_messages()
            # Written out here, where the number is known, so each language gets its plural.
            messages[language]["minutes"] = ngettext(
                "Het duurt ongeveer %(count)s minuut.",
                "Het duurt ongeveer %(count)s minuten.",
                survey.estimated_minutes,
                count=survey.estimated_minutes,
            )
    return {
        "code": survey.code,
        "revision": survey.revision,
        "version": survey.version,
        "status": survey.status,
        "consent_version": survey.consent_version,
        "source_language": SOURCE_LOCALE,
        "languages": [
            {"code": code, "name": LANGUAGE_NAMES.get(code, code), "dir": text_direction(code)}
            for code in survey.languages
        ],
        "project_name": survey.project_name,
        "title": survey.title,
        "intro": survey.intro,
        "thanks": survey.thanks,
        "estimated_minutes": survey.estimated_minutes,
        "questions": [_question(project, q) for q in survey.questions],
        "calculations": dict(survey.calculations),
        "pictograms": {
            name: PICTOGRAMS[name] for name in survey.pictograms() if name in PICTOGRAMS
        },
        "messages": messages,
    }


def _plural_forms(form: Callable[[Any, int], str]) -> dict[str, Any]:
    """A count message in the current language, for a script: the exact gettext form for small
    numbers, and one form per CLDR plural category (Intl.PluralRules) for larger ones."""
    translations = get_translations()
    locale = get_locale() or Locale.parse(SOURCE_LOCALE)
    categories: dict[str, str] = {}
    for number in range(1000):
        categories.setdefault(str(locale.plural_form(number)), form(translations, number))
    exact = [form(translations, number) for number in range(EXACT_PLURALS_UP_TO + 1)]
    return {"exact": exact, "categories": categories}


def volunteer_messages() -> dict[str, Any]:
    """The queue's messages in the volunteer's own language (made once per language: the
    plural forms take some 25 ms)."""
    return _volunteer_messages(str(get_locale() or SOURCE_LOCALE))


@lru_cache(maxsize=32)
def _volunteer_messages(_locale: str) -> dict[str, Any]:
    return {
        "waiting": _plural_forms(
            lambda t, n: t.ngettext(
                "%(num)s antwoord wacht op verbinding",
                "%(num)s antwoorden wachten op verbinding",
                n,
            )
        ),
        "drafts": _plural_forms(
            lambda t, n: t.ngettext(
                "%(num)s gesprek is nog niet klaar",
                "%(num)s gesprekken zijn nog niet klaar",
                n,
            )
        ),
        "problems": _plural_forms(
            lambda t, n: t.ngettext(
                "%(num)s antwoord kon niet bewaard worden",
                "%(num)s antwoorden konden niet bewaard worden",
                n,
            )
        ),
        "sent": _plural_forms(
            lambda t, n: t.ngettext(
                "%(num)s antwoord is verstuurd.", "%(num)s antwoorden zijn verstuurd.", n
            )
        ),
        "nothing_waiting": _("Er wacht niets op verbinding."),
        "syncing": _("Bezig met versturen…"),
        "offline": _("Geen verbinding. We versturen alles zodra er weer internet is."),
        "login": _(
            "Je bent afgemeld. Meld je opnieuw aan om te versturen. Je antwoorden blijven op dit toestel bewaard."
        ),
        "failed": _("Versturen lukte nu niet. We proberen het zo opnieuw."),
        "storage_denied": _(
            "Let op: deze browser mag de antwoorden wissen als het toestel vol raakt. Verstuur ze zo snel mogelijk."
        ),
        "started": _("Begonnen op %(when)s"),
        "fix": _("Kijk dit gesprek na"),
    }
