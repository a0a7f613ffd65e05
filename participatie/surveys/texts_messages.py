"""Every message of a survey's translation files (.po and XLIFF), as whole sentences (translatable).

The notes go into the files for the translator; the rest is what a coordinator reads when an
import is checked.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

# The longest translation we take, as on the translation page.
MAX_TEXT_LENGTH = 2000

# Notes in the file: where a text appears, so the translator knows what it is for.
NOTE_TITLE = _l("De titel van de vragenlijst.")
NOTE_INTRO = _l("De uitleg op de eerste pagina.")
NOTE_THANKS = _l("De tekst op de laatste pagina, na de vragen.")
NOTE_LABEL = _l("Een vraag (korte naam: %(name)s).")
NOTE_HINT = _l("De uitleg onder de vraag: %(question)s")
NOTE_SCALE_END = _l("Het woord bij een uiteinde van de schaal: %(question)s")
NOTE_OPTION = _l("Een antwoord om te kiezen bij de vraag: %(question)s")

# The whole file is refused.
TOO_BIG = _l("Het bestand is te groot. Het mag hoogstens %(size)s zijn.")
UNREADABLE_PO = _l(
    "We kunnen dit .po-bestand niet lezen. Bewaar het opnieuw in je vertaalprogramma en probeer nog eens."
)
UNREADABLE_PO_LINE = _l(
    "We kunnen dit .po-bestand niet lezen: regel %(line)s klopt niet. Bewaar het opnieuw in je vertaalprogramma en probeer nog eens."
)
UNREADABLE_XLIFF = _l(
    "We kunnen dit XLIFF-bestand niet lezen. Bewaar het opnieuw in je vertaalprogramma en probeer nog eens."
)
UNREADABLE_XLIFF_LINE = _l(
    "We kunnen dit XLIFF-bestand niet lezen: regel %(line)s klopt niet. Bewaar het opnieuw in je vertaalprogramma en probeer nog eens."
)
NOT_XLIFF = _l(
    "Dit is geen XLIFF-bestand van versie 1.2. Download het bestand opnieuw op deze pagina."
)
NOT_TEXT = _l(
    "Dit bestand is geen .po- of XLIFF-bestand. Kies het bestand dat je vertaler terugstuurde."
)
NO_LANGUAGE = _l(
    "Het bestand zegt niet in welke taal de vertaling is. Download het bestand opnieuw op deze pagina en laat de taal staan."
)
UNKNOWN_LANGUAGE = _l(
    "Het bestand is een vertaling in %(language)s. Dat is geen taal van dit project."
)
WRONG_LANGUAGE = _l(
    "Het bestand is een vertaling in %(file)s, maar deze pagina is voor %(page)s. Kies het juiste bestand, of ga naar de pagina voor %(file)s."
)
NO_TEXTS = _l("Er staan geen teksten in het bestand.")

# One text is skipped; the others still go in.
SKIP_UNKNOWN = _l(
    "Deze tekst staat niet (meer) in de vragenlijst. Misschien is de vraag gewist of hernoemd."
)
SKIP_SOURCE_CHANGED = _l(
    "De Nederlandse tekst is veranderd sinds het bestand gemaakt is. Nu staat er: „%(now)s”. Vraag hiervoor een nieuwe vertaling."
)
SKIP_TWICE = _l("Deze tekst staat twee keer in het bestand. We nemen alleen de eerste.")
SKIP_FUZZY = _l("De vertaler duidde deze vertaling aan als onzeker (fuzzy).")
SKIP_TOO_LONG = lazy_ngettext(
    "Deze vertaling is te lang. Ze mag hoogstens %(num)s teken hebben.",
    "Deze vertaling is te lang. Ze mag hoogstens %(num)s tekens hebben.",
    MAX_TEXT_LENGTH,
)

# The web pages and the command.
CHOOSE_FILE = _l("Kies het bestand van je vertaler.")
FILE_TYPE = _l("Kies een bestand dat eindigt op .po, .xlf of .xliff.")
CHANGED_MEANWHILE = _l(
    "De vragenlijst is intussen veranderd. Kijk de wijzigingen hieronder opnieuw na."
)
