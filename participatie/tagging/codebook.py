"""The default codebook (DESIGN.md §3) as plain data.

Projects start from this codebook and may rename labels, add sub-codes or switch codes off, but the
keys are stable identifiers shared by the CLI, exports and tests: never rename a key. Only the Dutch
label and the English scope note live here; labels in other languages come from gettext.
"""

from __future__ import annotations

from typing import Final, TypedDict


class CodeEntry(TypedDict):
    """One code of the default codebook."""

    kind: str  # "domain" | "barrier" | "kind"
    key: str
    label_nl: str
    scope_note: str


_DOMAINS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "inkomen",
        "Inkomen en schulden",
        "wages, benefits (leefloon, uitkering, groeipakket, pensioen), debts, schuldbemiddeling, "
        "budget, making ends meet, food aid and material help. The price of one specific service "
        "is NOT inkomen: it goes to that service's domain with the drempel `betaalbaarheid`.",
    ),
    (
        "werk",
        "Werk en opleiding",
        "finding and keeping a job, VDAB, interim, sociale economie, diploma recognition, "
        "vocational training for adults, working conditions",
    ),
    (
        "wonen",
        "Wonen en energie",
        "rent, housing quality (vocht, schimmel), social housing and waiting lists, landlords, "
        "eviction, homelessness, referentieadres, energy and water bills, budgetmeter, heating",
    ),
    (
        "gezondheid",
        "Gezondheid",
        "physical and mental health, doctor, dentist, psychologist, medicines, hospital, "
        "disability, stress, healthy food",
    ),
    (
        "onderwijs",
        "Onderwijs",
        "school from kleuter to secondary, school costs and bills, homework, teachers, school "
        "careers, studietoelagen, language lessons (also for adults)",
    ),
    (
        "gezin",
        "Gezin, opvoeding en kinderopvang",
        "childcare (crèche, kinderopvang, buitenschoolse opvang), parenting support (Huis van het "
        "Kind, Kind en Gezin, CKG), family situation (scheiding, single parent), youth care",
    ),
    (
        "vrije_tijd",
        "Vrije tijd, cultuur en sport",
        "clubs, jeugdbeweging, UiTPAS, holidays, playgrounds, culture, library, swimming",
    ),
    (
        "mobiliteit",
        "Mobiliteit",
        "public transport, bikes, cars, driving licence, distances, cost of transport",
    ),
    (
        "hulpverlening",
        "Hulp, diensten en rechten",
        "OCMW / sociaal huis, CAW, social workers, rights and non-take-up, administration, "
        "official letters, digital-only services, legal aid, being sent from pillar to post",
    ),
    (
        "participatie",
        "Sociaal netwerk en inspraak",
        "loneliness, friends and neighbours, belonging, meeting places, volunteering, stigma, "
        "having a say and being heard",
    ),
)

_BARRIERS: Final[tuple[tuple[str, str, str], ...]] = (
    ("betaalbaarheid", "Betaalbaarheid", "cost"),
    ("beschikbaarheid", "Beschikbaarheid", "exists at all / waiting lists / admission rules"),
    ("bereikbaarheid", "Bereikbaarheid", "distance, transport, opening hours"),
    ("bruikbaarheid", "Bruikbaarheid", "fits the need, usable, digital"),
    ("bekendheid", "Bekendheid", "people know it exists"),
    ("begrijpbaarheid", "Begrijpbaarheid", "understandable information, jargon, language"),
    ("betrouwbaarheid", "Betrouwbaarheid", "trust, stigma, privacy, fear, being sent around"),
)

_KINDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("knelpunt", "Knelpunt", "a problem"),
    ("kracht", "Kracht", "what works, a strength"),
    ("droom", "Droom", "a wish or idea"),
)

DOMAINS: Final[tuple[str, ...]] = tuple(key for key, _, _ in _DOMAINS)
BARRIERS: Final[tuple[str, ...]] = tuple(key for key, _, _ in _BARRIERS)
KINDS: Final[tuple[str, ...]] = tuple(key for key, _, _ in _KINDS)
ALL_CODES: Final[tuple[str, ...]] = DOMAINS + BARRIERS + KINDS

DEFAULT_CODEBOOK: Final[list[CodeEntry]] = [
    CodeEntry(kind=kind, key=key, label_nl=label, scope_note=note)
    for kind, rows in (("domain", _DOMAINS), ("barrier", _BARRIERS), ("kind", _KINDS))
    for key, label, note in rows
]

# The 13 UI languages (DESIGN.md §7); every one has a lexicon under lexicons/.
LANGUAGES: Final[tuple[str, ...]] = (
    "nl",
    "fr",
    "en",
    "ar",
    "tr",
    "pl",
    "ro",
    "bg",
    "uk",
    "ru",
    "so",
    "ti",
    "fa_AF",
)


def facet_of(code: str) -> str:
    """Which facet ("domain", "barrier" or "kind") a default code key belongs to."""
    if code in DOMAINS:
        return "domain"
    if code in BARRIERS:
        return "barrier"
    if code in KINDS:
        return "kind"
    raise KeyError(code)
