"""Every message of the survey builder, as whole sentences per case (translatable)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

ENTER_TITLE = _l("Geef de vragenlijst een titel.")
CODE_FORMAT = _l("Een code heeft 2 tot 16 letters, cijfers of streepjes, zoals GEZIN-24.")
CODE_TAKEN = _l("Deze code is al in gebruik. Kies een andere code.")
CODE_FIXED = _l(
    "De code kan niet meer veranderen: de vragenlijst staat al open of heeft antwoorden."
)
CHOOSE_FILE = _l("Kies een XLSForm-bestand.")
XLSX_ONLY = _l("Kies een Excel-bestand dat eindigt op .xlsx.")
ENTER_MINUTES = _l("Vul een aantal minuten in van 1 tot 60.")

ENTER_QUESTION = _l("Vul de vraag in.")
CHOOSE_KIND = _l("Kies wat voor vraag het is.")
NAME_FORMAT = _l(
    "Een korte naam heeft letters, cijfers of _ en begint met een letter, zoals kinderen_thuis."
)
NAME_RESERVED = _l("Deze naam gebruiken we al voor een pagina van de vragenlijst. Kies een andere.")
NAME_TAKEN = _l("Een andere vraag heeft deze naam al. Kies een andere naam.")
NAME_ANSWERED = _l("De korte naam kan niet meer veranderen: er zijn al antwoorden op deze vraag.")
KIND_ANSWERED = _l(
    "Dit soort vraag past niet bij de antwoorden die er al zijn. Maak een kopie van de vraag, verander de kopie en wis daarna deze vraag."
)
ENTER_NUMBER = _l("Vul een getal in, zoals 0 of 2,5.")
MIN_ABOVE_MAX = _l("Het kleinste getal moet kleiner zijn dan het grootste.")
GROUP_ONE_ANSWER = _l("Alleen een vraag waarop je één antwoord kiest, kan 'Wie ben je?' zijn.")
NEED_OPTIONS = _l("Geef minstens één antwoord om uit te kiezen.")
OPTION_LABEL = _l("Vul de tekst van dit antwoord in.")
OPTION_NAME = _l("Een antwoordnaam heeft letters, cijfers of _, zonder spaties.")
OPTION_TWICE = _l("Twee antwoorden hebben dezelfde naam. Geef elk antwoord een eigen naam.")
OPTION_DOMAIN = _l("Bij levensdomeinen is de naam een levensdomein, zoals wonen of werk.")
OPTION_ANSWERED = _l(
    "Dit antwoord is al gekozen. Je kunt het niet meer wissen of hernoemen; verander alleen de tekst."
)
PICTOGRAM_UNKNOWN = _l("Kies een prentje uit de lijst.")

DELETE_USED = _l(
    "Deze vraag kan niet weg: %(questions)s gebruikt ze in 'Wanneer tonen?'. Pas dat eerst aan."
)
MOVE_BLOCKED = _l(
    "Dat kan niet: '%(later)s' wordt alleen getoond na een antwoord op '%(earlier)s', dus die vraag moet eerst komen."
)

ROUTE_QUESTION = _l("Kies een vraag die eerder in de vragenlijst staat.")
ROUTE_OPERATOR = _l("Kies een voorwaarde die bij deze vraag past.")
ROUTE_OPTION = _l("Kies een antwoord van de vraag die je koos.")
ROUTE_NUMBER = _l("Vul een getal in, zoals 2.")
ROUTE_EMPTY = _l("Kies minstens één voorwaarde, of kies 'Altijd tonen'.")
ROUTE_EXPRESSION = _l("Vul een voorwaarde in, of kies ze met de keuzelijsten hierboven.")

AUDIO_FILE = _l("Kies een geluidsbestand.")
AUDIO_TOO_BIG = _l("Het geluidsbestand is te groot. Het mag hoogstens 2 MB zijn.")
AUDIO_TYPE = _l("Dit is geen geluidsbestand dat we kennen. Gebruik mp3, ogg, webm, m4a of wav.")
AUDIO_LANGUAGE = _l("Kies de taal van de opname.")

PUBLISH_NO_QUESTIONS = _l("Voeg eerst minstens één vraag toe.")
PUBLISH_NO_TITLE = _l("Geef de vragenlijst eerst een Nederlandse titel.")
PUBLISH_NO_OPTIONS = _l("De vraag '%(question)s' heeft nog geen antwoorden om uit te kiezen.")
PUBLISH_NO_LABEL = _l("De vraag met naam %(name)s heeft nog geen Nederlandse tekst.")
PUBLISH_ROUTING = _l("De vraag '%(question)s': %(problem)s")
DELETE_ANSWERED = _l("Deze vragenlijst heeft al antwoorden. Sluit ze in plaats van ze te wissen.")

SAVED = _l("Opgeslagen.")
QUESTION_ADDED = _l("De vraag is toegevoegd. Vul ze hieronder verder aan.")
QUESTION_DELETED = _l("De vraag is gewist.")
QUESTION_RETIRED = _l(
    "De vraag is uit de vragenlijst gehaald. De antwoorden die er al waren, blijven bewaard."
)
QUESTION_COPIED = _l("De vraag is gekopieerd.")
PUBLISHED = _l("De vragenlijst staat open. Deelnemers kunnen ze nu invullen.")
CLOSED = _l("De vragenlijst is gesloten.")
REOPENED = _l("De vragenlijst staat weer open.")
SURVEY_DELETED = _l("De vragenlijst is gewist.")
IMPORTED = _l("De vragenlijst is ingelezen. Kijk ze na voor je ze openzet.")
NEW_VERSION = _l(
    "Er zijn al antwoorden: dit is nu versie %(version)s van de vragenlijst. Eerdere antwoorden blijven bewaard."
)
AUDIO_SAVED = _l("De opname is bewaard.")
AUDIO_DELETED = _l("De opname is gewist.")
