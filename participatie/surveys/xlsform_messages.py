"""Every message of the XLSForm import, as whole sentences in plain Dutch (translatable).

Messages about a row are prefixed with where it is ("Blad survey, regel 7: …") by `at`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l

AT = _l("Blad %(sheet)s, regel %(line)s: %(message)s")
UNREADABLE = _l(
    "We kunnen dit bestand niet lezen. Bewaar het in Excel als .xlsx en probeer opnieuw."
)
TOO_BIG_UNPACKED = _l(
    "Dit bestand is te groot: uitgepakt is het meer dan %(most)s MB. Een vragenlijst is veel kleiner."
)
TOO_MANY_SHEETS = _l(
    "Dit bestand heeft meer dan %(most)s bladen. Een XLSForm heeft er maar een paar."
)
TOO_MANY_ROWS = _l(
    "Blad %(sheet)s heeft meer dan %(most)s regels. Zoveel kunnen we niet inlezen. Deel de vragenlijst op."
)
TOO_MANY_COLUMNS = _l(
    "Blad %(sheet)s heeft meer dan %(most)s kolommen. Zoveel kunnen we niet inlezen."
)
TOO_MANY_CELLS = _l(
    "Dit bestand heeft meer dan %(most)s ingevulde vakjes. Zoveel kunnen we niet inlezen."
)
NO_SURVEY_SHEET = _l("Het bestand heeft geen blad survey met vragen. Een XLSForm heeft dat altijd.")
NO_QUESTIONS = _l("Het blad survey heeft geen vragen die we kunnen overnemen.")
PYXFORM = _l("Het XLSForm klopt niet: %(error)s")
UNKNOWN_LANGUAGE = _l(
    "Blad %(sheet)s: we weten niet welke taal %(language)s is. Zet de taalcode erbij, zoals label::Nederlands (nl)."
)
COLUMN_SKIPPED = _l("Blad %(sheet)s: de kolom %(column)s nemen we niet over (%(reason)s).")
REASON_KOBO_ID = _l("een technisch nummer van KoboToolbox")
REASON_OWN_MESSAGE = _l("deelnemers krijgen onze eigen, duidelijke foutmelding")
REASON_DECLINE_REQUIRED = _l("bij een verplichte vraag kan „Ik wil dit niet zeggen” niet")
REASON_NOT_A_SCALE = _l("woorden bij de uiteinden horen alleen bij een vraag met een getal")
REASON_GUIDANCE = _l("uitleg voor wie de vragen afneemt; die tonen we niet")
REASON_MEDIA = _l(
    "het bestand zit niet in het XLSForm; neem de tekst op in de vragenlijst als je wilt"
)
REASON_FILTER = _l("geen choice_filter gebruikt deze kolom")
LANGUAGE_OPTION = _l(
    "We weten niet welke taal %(language)s is. Zeg het met %(option)s, zoals %(example)s."
)

CHOICE_INCOMPLETE = _l("Elk antwoord heeft een list_name en een name nodig.")
OPTION_NAME = _l("De naam %(name)s kan niet: gebruik letters, cijfers en _, zonder spaties.")
OPTION_TWICE = _l("Het antwoord %(name)s staat twee keer in de lijst %(list)s.")
PICTOGRAM = _l("Het prentje %(name)s bestaat niet.")

NO_TYPE = _l("Deze regel heeft geen type.")
GROUP_FLATTENED = _l(
    "de groep %(name)s tonen we niet apart; de vragen erin komen gewoon na elkaar."
)
GROUP_NOT_OPEN = _l("Hier sluit een groep die niet begonnen is.")
GROUP_NOT_CLOSED = _l("Blad survey: een groep wordt niet afgesloten met end_group.")
METADATA = _l(
    "%(type)s is een gegeven over het toestel of de tijd. Dat bewaren we niet; we slaan deze regel over."
)
SELECT_LIST = _l("Na %(type)s hoort één lijstnaam, zoals select_one ja_nee, en eventueel or_other.")
OTHER_TAKEN = _l(
    "De lijst %(list)s heeft al een antwoord other. Met or_other maken we dat zelf: haal het weg of laat or_other weg."
)
OTHER_FOLLOW_UP = _l("Wat bedoel je met iets anders?")
REPEAT = _l(
    "Een groep die herhaald wordt (%(type)s) kunnen we niet overnemen: elk antwoord is hier één antwoord. Zet de vragen één keer in de lijst, bijvoorbeeld over het oudste kind."
)
FROM_FILE = _l(
    "%(type)s haalt zijn antwoorden uit een apart bestand, en dat zit niet in het XLSForm. Zet de antwoorden op het blad choices en gebruik select_one of select_multiple."
)
INCLUDE = _l(
    "%(type)s neemt vragen uit een ander bestand over. Zet die vragen in dit bestand zelf."
)
EXTERNAL = _l(
    "%(function)s haalt gegevens uit een apart bestand of van het toestel. Dat kan hier niet: zet de waarden in de vragenlijst zelf of laat deze regel weg."
)
CALCULATION = _l(
    "De berekening %(calculation)s kunnen we niet uitrekenen (%(detail)s). Gebruik alleen %(functions)s, of haal de regel weg."
)
# Written into the messages as they are: code, the same in every language.
FUNCTIONS = "+ - * div mod, if(), concat(), coalesce(), round(), int(), number(), string-length()"
FILTER_EXAMPLE = "provincie = ${provincie}"
CALCULATION_REFERENCE = _l(
    "De berekening gebruikt ${%(name)s}. Dat moet een vraag of berekening zijn die eerder in de vragenlijst staat."
)
CHOICE_FILTER = _l(
    "De choice_filter %(filter)s kunnen we niet lezen (%(detail)s). Schrijf hem zoals %(example)s."
)
CHOICE_FILTER_COLUMN = _l(
    "De choice_filter gebruikt de kolom %(column)s, maar die staat niet op het blad choices."
)
PIPED_UNKNOWN = _l(
    "De tekst toont %(reference)s, maar dat is geen vraag of berekening die eerder in de vragenlijst staat."
)
REGEX = _l(
    "Het patroon in %(constraint)s kunnen we niet veilig nakijken (%(detail)s). Gebruik letters, [0-9], \\d, groepen, | en herhalingen zoals {10} of +."
)

NO_LIST = _l("De lijst %(list)s staat niet op het blad choices.")
TYPE_UNSUPPORTED = _l("Het type %(type)s (%(what)s) kunnen we niet overnemen.")
TYPE_UNKNOWN = _l("Het type %(type)s kennen we niet.")
NO_NAME = _l("Deze vraag heeft geen naam.")
BAD_NAME = _l("De naam %(name)s kan niet: gebruik letters, cijfers en _, en begin met een letter.")
RESERVED_NAME = _l(
    "De naam %(name)s gebruiken we al voor een pagina van de vragenlijst. Kies een andere naam."
)
RENAMED = _l("de naam %(name)s komt twee keer voor; deze vraag heet nu %(new)s.")
COLUMN_UNSUPPORTED = _l("De kolom %(column)s (%(value)s) kunnen we niet overnemen.")
APPEARANCE_SKIPPED = _l(
    "de weergave %(appearance)s gebruiken we niet; de vraag ziet eruit zoals de andere."
)
APPEARANCE_WRONG = _l("De weergave %(appearance)s past niet bij het type %(type)s.")
YES_OR_NO = _l("In de kolom %(column)s kan alleen yes of no, niet %(value)s.")
NO_LABEL = _l("Deze vraag heeft geen tekst in de kolom label.")
PIPING = _l("De tekst toont een eerder antwoord met %(reference)s. Dat kan hier niet.")
GROUP_QUESTION = _l("Alleen een vraag met één antwoord kan de vraag 'Wie ben je?' zijn.")
NOT_DOMAINS = _l(
    "Bij de weergave domains moeten de antwoorden levensdomeinen zijn, zoals wonen of werk. %(name)s is er geen."
)
CONSTRAINT = _l(
    "De voorwaarde %(constraint)s kunnen we niet overnemen. Alleen een kleinste en grootste getal kan, zoals . >= 0 and . <= 10, of een patroon op tekst, zoals regex(., '^0[0-9]{9}$')."
)
IMPORTED_WITH_NOTES = _l("Ingelezen, met deze opmerkingen:")
NOT_IMPORTED = _l("Niet ingelezen, omdat:")
NOTES = _l("Opmerkingen:")
SETTING_SKIPPED = _l("Blad settings: de instelling %(setting)s gebruiken we niet.")
OWN_MESSAGE = _l(
    "de eigen foutmelding van deze voorwaarde gebruiken we niet; deelnemers krijgen onze eigen, duidelijke foutmelding."
)


def at(sheet: str, line: int, message: str) -> str:
    return str(AT % {"sheet": sheet, "line": line, "message": message})


@dataclass
class Report:
    """Problems refuse the import; notices say what was skipped and why."""

    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unknown_languages: list[str] = field(default_factory=list)  # names the coordinator must place
    _columns: set[tuple[str, str]] = field(default_factory=set)

    def unknown_language(self, name: str) -> None:
        if name not in self.unknown_languages:
            self.unknown_languages.append(name)

    def problem(self, sheet: str, line: int, message: Any, **values: Any) -> None:
        self.problems.append(at(sheet, line, str(message % values if values else message)))

    def notice(self, sheet: str, line: int, message: Any, **values: Any) -> None:
        self.notices.append(at(sheet, line, str(message % values if values else message)))

    def general(self, message: Any, **values: Any) -> None:
        text = str(message % values if values else message)
        if text not in self.problems:
            self.problems.append(text)

    def column_skipped(self, sheet: str, column: str, reason: Any) -> None:
        """One notice per column, not one per row."""
        if (sheet, column) not in self._columns:
            self._columns.add((sheet, column))
            self.notices.append(
                str(COLUMN_SKIPPED % {"sheet": sheet, "column": column, "reason": str(reason)})
            )
