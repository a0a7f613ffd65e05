"""Words a project wants to avoid in what participants read, each with a plainer suggestion.

Stored in Project.settings["jargon"] as a list of {"word", "suggestion"}; a project that never
edited its list uses the seed below. The list is Dutch, like every survey's source text.
"""

from __future__ import annotations

from dataclasses import dataclass

from participatie.models import Project

SETTINGS_KEY = "jargon"


@dataclass(frozen=True)
class JargonEntry:
    word: str
    suggestion: str = ""


DEFAULT_JARGON: tuple[JargonEntry, ...] = (
    JargonEntry("participatietraject", "samen nadenken en meepraten"),
    JargonEntry("toeleiding", "helpen om de weg te vinden"),
    JargonEntry("maatschappelijke dienstverlening", "hulp van het OCMW of het sociaal huis"),
    JargonEntry("rechthebbende", "wie er recht op heeft"),
    JargonEntry("kansarm", "gezinnen met een beperkt inkomen"),
    JargonEntry("kansarmoede", "weinig geld en weinig kansen"),
    JargonEntry("arme gezinnen", "gezinnen met een beperkt inkomen"),
    JargonEntry("doelgroep", "de mensen voor wie dit is"),
    JargonEntry("laagdrempelig", "makkelijk om naar toe te gaan"),
    JargonEntry("drempel", "wat het moeilijk maakt"),
    JargonEntry("levensdomein", "deel van je leven"),
    JargonEntry("beleidsparticipatie", "meepraten over de plannen van de gemeente"),
    JargonEntry("ondersteuningsaanbod", "de hulp die je kunt krijgen"),
    JargonEntry("hulpverleningstraject", "begeleiding"),
    JargonEntry("aanvraagprocedure", "hoe je iets aanvraagt"),
    JargonEntry("niet-gebruik van rechten", "hulp waar je recht op hebt maar die je niet krijgt"),
    JargonEntry("prioriteren", "kiezen wat eerst komt"),
    JargonEntry("stakeholder", "wie erbij betrokken is"),
    JargonEntry("evaluatie", "terugblik"),
    JargonEntry("faciliteren", "mogelijk maken"),
)


def project_jargon(project: Project) -> list[JargonEntry]:
    stored = (project.settings or {}).get(SETTINGS_KEY)
    if stored is None:
        return list(DEFAULT_JARGON)
    return [
        JargonEntry(str(item.get("word", "")), str(item.get("suggestion", "")))
        for item in stored
        if isinstance(item, dict) and item.get("word")
    ]


def save_jargon(project: Project, entries: list[JargonEntry]) -> None:
    # A new dict: the JSON column notices a replaced value, not a change made in place.
    project.settings = {
        **(project.settings or {}),
        SETTINGS_KEY: [{"word": e.word, "suggestion": e.suggestion} for e in entries],
    }


def jargon_as_text(entries: list[JargonEntry]) -> str:
    return "\n".join(f"{e.word} = {e.suggestion}" if e.suggestion else e.word for e in entries)


def parse_jargon(text: str) -> list[JargonEntry]:
    """One entry a line: "moeilijk woord = beter woord"; a line without "=" only warns."""
    entries: list[JargonEntry] = []
    seen: set[str] = set()
    for line in text.splitlines():
        word, _, suggestion = line.partition("=")
        word, suggestion = word.strip(), suggestion.strip()
        if word and word.lower() not in seen:
            seen.add(word.lower())
            entries.append(JargonEntry(word, suggestion))
    return entries
