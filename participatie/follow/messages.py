"""The follow-through area's validation and status messages, each a whole sentence."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ENTER_GOAL_TITLE = _l("Schrijf wat jullie willen bereiken.")
ENTER_WORKGROUP_NAME = _l("Geef de werkgroep een naam.")
ENTER_INDICATOR_NAME = _l("Schrijf wat jullie meten.")
ENTER_ACTION_TITLE = _l("Schrijf wat jullie gaan doen.")
ENTER_PROGRESS = _l("Vul een getal in van 0 tot 100.")
NOT_A_NUMBER = _l("Vul een getal in, zoals 12 of 3,5.")
NOT_A_PERCENTAGE = _l("Vul een percentage in van 0 tot 100.")
NOT_YES_NO = _l("Vul 1 in voor ja of 0 voor nee.")
BEFORE_BASELINE = _l(
    "Deze datum ligt voor de datum van de beginwaarde (%(date)s). Kies een latere datum."
)
ENTER_DATE = _l("Vul een datum in, zoals 2026-03-15.")
ENTER_VALUE = _l("Vul een waarde in.")
PSEUDONYM_ONLY = _l(
    "Schrijf voor ouders alleen een schuilnaam zoals P3, nooit een echte naam: %(names)s."
)
PARENT_NOT_STAFF = _l("Kies alleen accounts van dit project.")
NO_THEMES_YET = _l("Er zijn nog geen thema's. Maak eerst thema's, dan kunnen ouders kiezen.")
PRIORITY_SURVEY_MADE = _l(
    "De vragenlijst 'Wat moet eerst?' staat klaar als ontwerp met code %(code)s. Open ze om ouders te laten kiezen."
)
PRIORITIES_SAVED = _l("De prioriteiten zijn bewaard.")
PROPOSAL_SAVED = _l("Het voorstel van de oudergroep is bewaard.")
WORKGROUP_SAVED = _l("De werkgroep is bewaard.")
WORKGROUP_DELETED = _l("De werkgroep is verwijderd.")
GOAL_SAVED = _l("De doelstelling is bewaard.")
GOAL_DRAFT = _l("De doelstelling is bewaard als ontwerp: ze is nog niet SMART.")
GOAL_DELETED = _l("De doelstelling is verwijderd.")
ACTION_SAVED = _l("De actie is bewaard.")
ACTION_DELETED = _l("De actie is verwijderd.")
INDICATOR_SAVED = _l("De indicator is bewaard.")
INDICATOR_DELETED = _l("De indicator is verwijderd.")
MEASUREMENT_SAVED = _l("De meting is bewaard.")
MEASUREMENT_DELETED = _l("De meting is verwijderd.")
CHOOSE_OPTIONS = _l("Kies welke antwoorden meetellen.")
ENTER_DELEGATE = _l("Schrijf de schuilnamen van de afgevaardigden, gescheiden door komma's.")
