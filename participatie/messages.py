"""Every validation and status message, written as a whole sentence per case."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ENTER_EMAIL = _l("Vul je e-mailadres in.")
ENTER_VALID_EMAIL = _l("Vul een e-mailadres in zoals naam@voorbeeld.be.")
ENTER_PASSWORD = _l("Vul je wachtwoord in.")
LOGIN_FAILED = _l("Dit e-mailadres en wachtwoord passen niet bij elkaar. Probeer het opnieuw.")
ACCOUNT_LOCKED = _l(
    "Je hebt te vaak een verkeerd wachtwoord gebruikt. Wacht een kwartier en probeer het dan opnieuw."
)
LOGGED_OUT = _l("Je bent afgemeld.")
LOGIN_NEEDED = _l("Meld je aan om deze pagina te zien.")
TOO_MANY_CODES = _l(
    "Je hebt te vaak een verkeerde code gebruikt. Wacht een kwartier en probeer het dan opnieuw."
)
WRONG_CODE = _l("Deze code klopt niet. Kijk in je app en probeer het opnieuw.")
LOGIN_EXPIRED = _l("Dat duurde te lang. Meld je opnieuw aan.")
PASSWORD_SET = _l("Je wachtwoord is bewaard. Meld je nu aan.")
