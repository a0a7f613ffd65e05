"""Words the personal-data detector needs: cues before a name, street suffixes, and capitalised
words that are not people (services, languages, countries, feasts). Matching is case-sensitive
for the allow-list: "Kind" in "Huis van het Kind" is a service, not a child called Kind.
"""

from __future__ import annotations

# Words after which a capitalised word is a person's name ("juf Ilse", "mevrouw Peeters").
NAME_CUES: frozenset[str] = frozenset(
    {
        # nl
        "meneer",
        "mijnheer",
        "mevrouw",
        "juf",
        "juffrouw",
        "meester",
        "dokter",
        "dokteres",
        "dhr",
        "mevr",
        "heet",
        "noemt",
        # fr
        "madame",
        "monsieur",
        "mme",
        "mlle",
        "appelle",
        # en
        "mr",
        "mrs",
        "ms",
        "miss",
        "named",
        "called",
    }
)

# "mijn naam is X", "my name is X", "je m'appelle X", "benim adım X": phrases then a name.
NAME_PHRASES: tuple[str, ...] = (
    "mijn naam is",
    "ik ben",
    "ik heet",
    "my name is",
    "i am",
    "je suis",
    "je m'appelle",
    "je m’appelle",
    "mon nom est",
    "benim adım",
    "adım",
    "اسمي",
    "меня зовут",
    "мене звати",
    "nazywam się",
    "mam na imię",
)

# Dutch street names end in these; "Kerkstraat" alone is an address.
STRONG_STREET_SUFFIXES: tuple[str, ...] = (
    "straat",
    "laan",
    "steenweg",
    "dreef",
    "plein",
    "lei",
    "kaai",
    "singel",
    "boulevard",
    "wegel",
    "steeg",
)
# These also end ordinary words ("onderweg", "Zandberg"): only an address with a house number.
WEAK_STREET_SUFFIXES: tuple[str, ...] = (
    "weg",
    "baan",
    "dijk",
    "markt",
    "hof",
    "pad",
    "veld",
    "velden",
    "berg",
    "park",
    "ring",
    "vest",
    "dries",
    "hoek",
    "heide",
    "dam",
    "kouter",
)
FRENCH_STREET_WORDS: tuple[str, ...] = (
    "rue",
    "avenue",
    "chaussée",
    "boulevard",
    "place",
    "chemin",
    "allée",
    "quai",
    "square",
    "impasse",
)
ENGLISH_STREET_WORDS: tuple[str, ...] = ("Street", "Road", "Avenue", "Lane", "Square")

# Small words inside a name: "Jan van den Broeck", "Fatima el Amrani".
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "het",
        "el",
        "al",
        "ben",
        "bin",
        "le",
        "la",
        "du",
        "da",
    }
)

# Capitalised words that are not people. Services and organisations families name often,
# languages, countries and places at the level of a region, feasts, days and months (English
# capitalises them), and ways to address someone without naming them.
NOT_NAMES: frozenset[str] = frozenset(
    """
    Huis Kind Gezin Kinderen Sociaal Sociale Welzijnsschakel Welzijnsschakels Lijn Kruis Rode
    Groeipakket Kinderbijslag Opgroeien Mutualiteit Ziekenfonds Vierdewereldgroep
    Samenlevingsopbouw Chiro Scouts Kazou Kinderopvang Jeugdhulp Vlaamse Vlaams Vlaanderen
    Belgische Belgisch België Belg Belgen Europa Europese Brussel Antwerpen Gent Leuven Limburg
    Kempen Wallonië Nederland Nederlands Nederlandse Frans Franse Engels Engelse Arabisch
    Arabische Turks Turkse Pools Poolse Oekraïens Oekraïense Russisch Russische Roemeens
    Bulgaars Somalisch Tigrinya Dari Pasjtoe Marokko Marokkaans Marokkaanse Turkije Syrië
    Syrisch Afghanistan Afghaans Oekraïne Polen Roemenië Bulgarije Eritrea Somalië Congo
    Congolees Afrika Afrikaans Islam Moslim Moslims God Allah Ramadan Kerstmis Kerst Pasen
    Sinterklaas Suikerfeest Offerfeest Nieuwjaar Facebook Whatsapp WhatsApp Google Itsme
    Delhaize Colruyt Aldi Lidl Action Kruidvat Zalando Mama Papa Oma Opa Juf Meester Dokter
    Mevrouw Meneer Madame Monsieur Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    English French Dutch Arabic Belgium Belgian Flanders Europe Christmas Easter Français
    Française Belgique Flandre Bruxelles Anvers Noël Pâques Dieu
    """.split()  # noqa: SIM905  (a word list reads best as words)
)
