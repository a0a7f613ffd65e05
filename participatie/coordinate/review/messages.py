"""Messages of the review queue, themes, codebook and agreement pages, one whole sentence each."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

# Review queue
CHOOSE_STATEMENTS = _l("Kies eerst een of meer uitspraken met het vakje ervoor.")
CHOOSE_CODE = _l("Kies de code die je aan de gekozen uitspraken wilt geven.")
CHOOSE_THEME = _l("Kies een thema, of kies ‘Nieuw thema’ en geef het een titel.")
ENTER_THEME_TITLE = _l("Geef het nieuwe thema een titel.")
UNKNOWN_ACTION = _l("Deze actie kennen we niet. Probeer het opnieuw vanuit de lijst.")
STATEMENT_GONE = _l("Deze uitspraak vinden we niet meer. Misschien is ze verwijderd.")
NOTHING_TO_UNDO = _l("Er is niets om ongedaan te maken.")
GLOSS_TOO_LONG = _l("Maak de Nederlandse vertaling korter: hoogstens 2000 tekens.")
GLOSS_SAVED = _l("De Nederlandse vertaling is bewaard.")
GLOSS_REMOVED = _l("De Nederlandse vertaling is verwijderd.")
UNDONE = _l("Je laatste actie is ongedaan gemaakt.")
UNDONE_PARTLY = _l(
    "Je laatste actie is maar voor een deel ongedaan gemaakt. Wat intussen veranderde of al gebruikt wordt, bleef zoals het is."
)

# Themes
THEME_TITLE_NEEDED = _l("Geef het thema een titel.")
THEME_TITLE_TOO_LONG = _l("Maak de titel korter: hoogstens 200 tekens.")
THEME_HAS_DECISIONS = _l(
    "Dit thema heeft al een beslissing van de stuurgroep. Je kunt het daarom niet verwijderen."
)
THEME_DELETED = _l("Het thema is verwijderd.")
THEME_SAVED = _l("Het thema is bewaard.")

# Codebook
LABEL_TOO_LONG = _l("Maak het label korter: hoogstens 120 tekens.")
SCOPE_TOO_LONG = _l("Maak de uitleg korter: hoogstens 2000 tekens.")
SUBCODE_LABEL_NEEDED = _l("Geef de nieuwe subcode een naam.")
CHOOSE_MERGE_TARGET = _l("Kies de code waarmee je deze code wilt samenvoegen.")
CODE_SAVED = _l("De code is bewaard.")
CODE_SWITCHED_OFF = _l("De code staat uit. Bestaande tags blijven bewaard.")
CODE_SWITCHED_ON = _l("De code staat weer aan.")
CODE_MERGED = _l("De codes zijn samengevoegd. Tags van deze code tellen nu mee bij de andere.")
CODE_UNMERGED = _l("De code staat weer apart, met haar eigen tags.")
SUBCODE_ADDED = _l("De subcode is toegevoegd.")
NOTHING_TO_EXPORT = _l("Er staan geen codes aan, dus er is niets om te exporteren.")

# Agreement
CHOOSE_CODER = _l("Kies de collega die de steekproef blind codeert.")
ENTER_SAMPLE_SIZE = _l("Vul in hoeveel uitspraken de steekproef telt: een getal van 5 tot 200.")
ENTER_SEED = _l("Vul als startgetal een geheel getal van 0 tot 999999 in, of laat het leeg.")
NOTHING_TO_SAMPLE = _l(
    "Er zijn nog geen getagde uitspraken die deze collega niet zelf tagde. Tag eerst uitspraken in de wachtrij."
)
SAMPLE_CREATED = _l("De steekproef is klaar. Je collega ziet ze bij ‘Overeenstemming’.")
CODER_ADDED = _l("Je collega is toegevoegd aan de steekproef.")
CODER_NOT_BLIND = _l(
    "Deze collega tagde al uitspraken uit deze steekproef in de wachtrij en kan ze dus niet blind coderen."
)
CODER_ALREADY = _l("Deze collega codeert deze steekproef al.")
BLIND_SAVED = _l("Je codering is bewaard.")


def describe_action(action: str, summary: dict[str, Any], code_label: str) -> str:
    """What an undoable action did, for the undo button: "Undo: <this>"."""
    count = int(summary.get("statements") or 0)
    code = {"code": code_label}
    descriptions: dict[str, str] = {
        "review.accept_all": ngettext(
            "voorstellen aanvaard bij %(num)d uitspraak",
            "voorstellen aanvaard bij %(num)d uitspraken",
            count,
        ),
        "review.reject_all": ngettext(
            "voorstellen afgewezen bij %(num)d uitspraak",
            "voorstellen afgewezen bij %(num)d uitspraken",
            count,
        ),
        "review.toggle": gettext("code ‘%(code)s’ aan- of uitgezet", **code),
        "review.reject": gettext("voorstel ‘%(code)s’ afgewezen", **code),
        "review.add_code": ngettext(
            "code ‘%(code)s’ gegeven aan %(num)d uitspraak",
            "code ‘%(code)s’ gegeven aan %(num)d uitspraken",
            count,
            **code,
        ),
        "theme.create": gettext("thema gemaakt"),
        "theme.add": ngettext(
            "%(num)d uitspraak aan een thema toegevoegd",
            "%(num)d uitspraken aan een thema toegevoegd",
            count,
        ),
        "theme.remove": gettext("uitspraak uit een thema gehaald"),
        "theme.quote": gettext("citaat gekozen of niet meer gekozen"),
        "theme.edit": gettext("thema gewijzigd"),
        "theme.delete": gettext("thema verwijderd"),
        "codebook.edit": gettext("code ‘%(code)s’ gewijzigd", **code),
        "codebook.switch_off": gettext("code ‘%(code)s’ uitgezet", **code),
        "codebook.switch_on": gettext("code ‘%(code)s’ aangezet", **code),
        "codebook.merge": gettext("code ‘%(code)s’ samengevoegd", **code),
        "codebook.unmerge": gettext("code ‘%(code)s’ weer apart gezet", **code),
        "codebook.add_subcode": gettext("subcode ‘%(code)s’ toegevoegd", **code),
    }
    return descriptions.get(action, gettext("laatste wijziging"))
