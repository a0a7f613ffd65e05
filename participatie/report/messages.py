"""The results area's validation and status messages, each a whole sentence."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

CHOOSE_OUTCOME = _l("Kies wat de stuurgroep besliste.")
ENTER_MOTIVATION = _l(
    "Schrijf waarom de stuurgroep dit niet opneemt. Iedereen die meedeed leest dat op de publieke pagina."
)
ENTER_ACTION_TITLE = _l("Schrijf wat jullie gaan doen.")
ENTER_OWNER = _l("Schrijf wie dit doet: een persoon, dienst of werkgroep.")
ENTER_PROGRESS = _l("Vul een getal in van 0 tot 100.")
DECISION_SAVED = _l("De beslissing is bewaard.")
DECISION_DELETED = _l("De beslissing is verwijderd.")
ACTION_SAVED = _l("De actie is bewaard.")
ACTION_DELETED = _l("De actie is verwijderd.")
PDF_UNAVAILABLE = _l(
    "De PDF kan nu niet gemaakt worden: op de server ontbreekt Pango. De beheerder installeert de Debian-pakketten libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core."
)
UNKNOWN_SURVEY = _l("Er is geen vragenlijst met de code %(code)s.")
UNKNOWN_PROJECT = _l("Er is geen project met de korte naam %(slug)s.")
RELEASE_PUBLISHED = _l(
    "Publicatie %(number)s staat online: de stuurgroep en de publieke pagina tonen nu deze cijfers."
)
