"""What the translator's texts are called, in the files' notes and on the translator's page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

NOTE_PUBLIC_INTRO = _l("De uitleg bovenaan de publieke pagina.")
NOTE_THEME = _l("Een thema: wat ouders ons vertelden.")
NOTE_REASON = _l("Waarom de stuurgroep zo besliste over het thema: %(theme)s")
NOTE_ACTION = _l("Een actie bij het thema: %(theme)s")
NOTE_GOAL = _l("Een doel van de werkgroep %(workgroup)s.")
NOTE_INDICATOR = _l("Wat we meten om te zien of het lukt: %(goal)s")
