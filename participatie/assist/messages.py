"""Every validation and status message of the volunteer pages, each a whole sentence."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

CONFIRM_CONSENT = _l(
    "Vink aan dat de ouder wil meedoen. Zonder toestemming beginnen we niet aan de vragen."
)
CHOOSE_LANGUAGE = _l("Kies de taal van de ouder.")
CHOOSE_PAPER_LANGUAGE = _l("Kies de taal van het formulier.")
ENTER_COPIES = _l("Vul in hoeveel formulieren je wilt afdrukken, van 1 tot %(most)s.")
ENTER_PAPER_NUMBER = _l("Vul het nummer in dat bovenaan het formulier staat.")
PAPER_NUMBER_TYPO = _l(
    "Dit nummer klopt niet. Kijk het na: het laatste cijfer is een controlecijfer."
)
PAPER_NUMBER_UNKNOWN = _l("Dit nummer werd niet afgedrukt voor deze vragenlijst. Kijk het na.")
PAPER_ALREADY_ENTERED = _l(
    "Dit formulier is al ingevoerd. Vraag de coördinator als er iets verbeterd moet worden."
)
PAPER_SAVED = _l("Formulier %(number)s is bewaard. Vul het volgende nummer in.")
PAPER_ANSWER_AND_DECLINED = _l(
    "Op het papier staat een antwoord én een kruisje bij „Ik wil dit niet zeggen”. Vul alleen in wat de ouder bedoelde: het antwoord, of het kruisje."
)
GLOSS_TOO_LONG = _l("Maak de Nederlandse vertaling korter: hoogstens 2000 tekens.")
PDF_UNAVAILABLE = _l(
    "We kunnen nu geen PDF maken: de server mist Pango. Vraag de beheerder om deze pakketten te installeren: libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core."
)
