"""Question guides to start a focus group from, after the appreciative-inquiry method of the
roadmap "Veilige kindertijd": first what works, then the dream, then what we can do together.
Plain Dutch (B1): the facilitator reads them out as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


@dataclass(frozen=True)
class GuideTemplate:
    key: str
    name: LazyString
    questions: tuple[LazyString, ...]


WHAT_WORKS = GuideTemplate(
    "wat_werkt",
    _l("Wat loopt goed? (waarderend)"),
    (
        _l("Denk aan een moment dat het goed liep voor jou of je gezin. Wat maakte het verschil?"),
        _l("Wie of wat hielp je toen?"),
        _l("Wat deed jij zelf, waar je trots op bent?"),
        _l("Wat moet zeker blijven zoals het nu is?"),
    ),
)
DREAM = GuideTemplate(
    "droom",
    _l("De droom"),
    (
        _l(
            "Stel: je wordt wakker in een gemeente die perfect is voor gezinnen met kinderen. Wat zie je?"
        ),
        _l("Wat doe je die dag samen met je kinderen?"),
        _l("Waar kun je terecht als je hulp nodig hebt? Wie helpt je?"),
        _l("Wat is het eerste dat moet veranderen om daar te komen?"),
    ),
)
LEISURE = GuideTemplate(
    "vrije_tijd",
    _l("Vrije tijd"),
    (
        _l(
            "Stel je voor dat je schepen van jeugd bent. Wat doe je als eerste voor de kinderen en jongeren?"
        ),
        _l("Wat doen je kinderen graag in hun vrije tijd?"),
        _l("Wat houdt jullie tegen om mee te doen aan een club, sport of kamp?"),
        _l("Wat zou helpen? Denk aan de prijs, vervoer, iemand die meegaat of uitleg in je taal."),
    ),
)
FOUR_STEPS = GuideTemplate(
    "vier_stappen",
    _l("Waarderend onderzoek in vier stappen"),
    (
        WHAT_WORKS.questions[0],
        DREAM.questions[0],
        _l("Wat kunnen we samen doen om dichter bij die droom te komen?"),
        _l("Wat kan al morgen? Wie doet wat?"),
    ),
)
GUIDE_TEMPLATES: tuple[GuideTemplate, ...] = (WHAT_WORKS, DREAM, LEISURE, FOUR_STEPS)


def guide_template(key: str) -> GuideTemplate | None:
    return next((template for template in GUIDE_TEMPLATES if template.key == key), None)


def template_questions(key: str) -> list[str]:
    """The questions of a template in the coordinator's language, ready to store."""
    template = guide_template(key)
    return [str(question) for question in template.questions] if template else []
