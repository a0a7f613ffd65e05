"""XLSForms written by hand, following xlsform.org, in the shapes KoboToolbox and ODK produce."""

from __future__ import annotations

from tests.surveys.helpers import xlsform

NL, AR, EN = "Dutch (nl)", "Arabic (ar)", "English (en)"


def kobo_family_form() -> bytes:
    """KoboToolbox style: translations in three languages, metadata, groups with routing,
    a constraint, our appearances, Kobo's own bookkeeping column."""
    header = [
        "type",
        "name",
        f"label::{NL}",
        f"label::{AR}",
        f"label::{EN}",
        f"hint::{NL}",
        f"hint::{AR}",
        "required",
        "relevant",
        "appearance",
        "constraint",
        f"constraint_message::{NL}",
        "$kuid",
    ]
    rows = [
        ["start", "start"],
        ["end", "end"],
        ["begin_group", "gezin", "Je gezin", "عائلتك", "Your family"],
        [
            "select_one rol",
            "rol",
            "Wie ben je?",
            "من أنت؟",
            "Who are you?",
            "",
            "",
            "yes",
            "",
            "",
            "",
            "",
            "k1",
        ],
        [
            "integer",
            "kinderen",
            "Hoeveel kinderen wonen bij jou?",
            "كم طفلًا يعيش معك؟",
            "How many children live with you?",
            "Tel alle kinderen tot 18 jaar.",
            "احسب كل الأطفال حتى 18 سنة.",
            "true()",
            "",
            "",
            ". >= 0 and . <= 15",
            "Van 0 tot 15",
            "k2",
        ],
        ["end_group", "", "", "", "", "", "", "", "", "", "", "", ""],
        [
            "begin_group",
            "vrije_tijd",
            "Vrije tijd",
            "وقت الفراغ",
            "Free time",
            "",
            "",
            "",
            "${kinderen} > 0",
            "field-list",
        ],
        [
            "select_multiple domein",
            "moeilijk",
            "Waar loopt het moeilijk?",
            "ما الصعب؟",
            "What is hard?",
            "Kies alles wat past.",
            "اختر كل ما يناسب.",
            "",
            "",
            "domains",
        ],
        [
            "select_one akkoord",
            "club",
            "Mijn kinderen kunnen naar een club.",
            "يمكن لأطفالي الذهاب إلى نادٍ.",
            "My children can go to a club.",
            "",
            "",
            "",
            "selected(${moeilijk}, 'vrije_tijd')",
            "likert",
        ],
        [
            "text",
            "waarom",
            "Wat houdt je tegen?",
            "ما الذي يمنعك؟",
            "What stops you?",
            "",
            "",
            "",
            "${club} = '1' or ${club} = '2'",
            "multiline",
        ],
        ["end_group"],
        ["note", "dank", "Bedankt om mee te doen!", "شكرًا لمشاركتك!", "Thank you for taking part!"],
    ]
    choices = [
        ["list_name", "name", f"label::{NL}", f"label::{AR}", f"label::{EN}"],
        ["rol", "ouder", "Mama of papa", "أم أو أب", "Mum or dad"],
        ["rol", "andere", "Iemand anders", "شخص آخر", "Someone else"],
        ["domein", "wonen", "Wonen", "السكن", "Housing"],
        ["domein", "vrije_tijd", "Vrije tijd", "وقت الفراغ", "Free time"],
        ["domein", "gezondheid", "Gezondheid", "الصحة", "Health"],
        *[
            ["akkoord", str(n), label, label_ar, label_en]
            for n, label, label_ar, label_en in (
                (1, "Helemaal niet akkoord", "غير موافق إطلاقًا", "Strongly disagree"),
                (2, "Niet akkoord", "غير موافق", "Disagree"),
                (3, "Akkoord", "موافق", "Agree"),
                (4, "Helemaal akkoord", "موافق تمامًا", "Strongly agree"),
            )
        ],
    ]
    settings = [
        ["form_title", "form_id", "default_language", "version"],
        ["Gezinnen in Kempenaar", "gezin_2026", NL, "2026031501"],
    ]
    return xlsform([header, *rows], choices, settings)


def odk_school_form() -> bytes:
    """ODK style: one language in plain label columns, spellings with spaces, a name used in two
    groups, number ranges as constraints."""
    header = ["type", "name", "label", "hint", "required", "relevance", "constraint"]
    rows = [
        ["today", "vandaag"],
        ["begin group", "kind1", "Je eerste kind"],
        ["select one jn", "naar_school", "Gaat je kind naar school?", "", "yes"],
        ["integer", "leeftijd", "Hoe oud is je kind?", "", "", "", ". > 0 and . < 19"],
        ["text", "opmerking", "Wil je nog iets zeggen?", "Een paar woorden is genoeg."],
        ["end group"],
        ["begin group", "kind2", "Je tweede kind", "", "", "${leeftijd} >= 3"],
        ["decimal", "afstand", "Hoeveel kilometer is het naar school?", "", "", "", ". >= 0.5"],
        ["text", "opmerking", "Nog iets over je tweede kind?"],
        ["end group"],
    ]
    choices = [["list_name", "name", "label"], ["jn", "ja", "Ja"], ["jn", "nee", "Nee"]]
    return xlsform([header, *rows], choices)


def bad_form() -> bytes:
    """Things we cannot carry over, each on its own line."""
    header = [
        "type",
        "name",
        "label::Dutch (nl)",
        "label::Vlaamsch",
        "required",
        "relevant",
        "calculation",
        "media::image",
        "constraint",
        "appearance",
    ]
    rows = [
        ["text", "naam", "Hoe heet je?", "Hoe heete gij?"],
        ["calculate", "som", "", "", "", "", "pulldata('gegevens', 'naam', 'id', ${naam})"],
        ["geopoint", "waar", "Waar woon je?"],
        ["begin_repeat", "kinderen", "Je kinderen"],
        ["text", "kind", "Naam van je kind"],
        ["end_repeat"],
        ["text", "foto", "Kijk naar de foto", "", "", "", "", "foto.jpg"],
        ["datetime", "geboren", "Wanneer ben je geboren?"],
        ["text", "uitleg", "Dag ${onbekend}!"],
        ["integer", "jaar", "Welk jaar?", "", "${naam} != ''", "", "", "", "regex(., '^[0-9]+$')"],
        ["select_one_from_file gemeenten.csv", "gemeente", "Waar woon je?"],
        ["note", "start", "Welkom"],
        ["calculate", "jaartal", "", "", "", "", "format-date(${naam}, '%Y')"],
        ["text", "zoek", "Zoek je gemeente", "", "", "", "", "", "", "search('gemeenten')"],
        ["include", "andere_vragenlijst"],
    ]
    return xlsform([header, *rows])


def features_form() -> bytes:
    """The XLSForm patterns of issue 21 together, as a KoboToolbox user writes them: language
    names without codes, `or_other`, a cascading `choice_filter`, a `calculate` shown in a note
    and used in `relevant`, a `regex()` with its own message, and the settings Kobo adds."""
    header = [
        "type",
        "name",
        "label::English",
        "label::Nederlands",
        "hint::English",
        "hint::Nederlands",
        "required",
        "relevant",
        "constraint",
        "constraint_message::English",
        "constraint_message::Nederlands",
        "choice_filter",
        "calculation",
    ]
    rows: list[list[str]] = [
        [
            "select_one vervoer or_other",
            "vervoer",
            "How do you get to school?",
            "Hoe ga je naar school?",
        ],
        ["select_one provincie", "provincie", "Which province?", "In welke provincie woon je?"],
        [
            "select_one gemeente",
            "gemeente",
            "Which town?",
            "In welke gemeente woon je?",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "provincie = ${provincie}",
        ],
        [
            "integer",
            "kinderen",
            "How many children go to school?",
            "Hoeveel kinderen gaan naar school?",
            "",
            "",
            "yes",
            "",
            ". >= 0 and . <= 15",
        ],
        ["calculate", "boeken", "", "", "", "", "", "", "", "", "", "", "${kinderen} * 3"],
        [
            "note",
            "uitleg",
            "That makes ${boeken} school books.",
            "Dat zijn ${boeken} schoolboeken.",
        ],
        [
            "text",
            "telefoon",
            "Your phone number?",
            "Je telefoonnummer?",
            "Ten digits.",
            "Tien cijfers.",
            "",
            "",
            "regex(., '^0[0-9]{9}$')",
            "Write ten digits, starting with 0.",
            "Schrijf tien cijfers, te beginnen met 0.",
        ],
        [
            "text",
            "waarom",
            "Why is that hard?",
            "Waarom is dat moeilijk?",
            "",
            "",
            "",
            "${boeken} > 6",
        ],
    ]
    choices = [
        ["list_name", "name", "label::English", "label::Nederlands", "provincie"],
        ["vervoer", "fiets", "By bike", "Met de fiets"],
        ["vervoer", "bus", "By bus", "Met de bus"],
        ["provincie", "antwerpen", "Antwerp", "Antwerpen"],
        ["provincie", "limburg", "Limburg", "Limburg"],
        ["gemeente", "geel", "Geel", "Geel", "antwerpen"],
        ["gemeente", "mol", "Mol", "Mol", "antwerpen"],
        ["gemeente", "genk", "Genk", "Genk", "limburg"],
        ["gemeente", "hasselt", "Hasselt", "Hasselt", "limburg"],
    ]
    settings = [
        ["form_title", "form_id", "version", "instance_name", "default_language"],
        [
            "School in de Kempen",
            "school",
            "2024061201",
            "concat('school-', ${gemeente})",
            "Nederlands",
        ],
    ]
    return xlsform([header, *rows], choices, settings)
