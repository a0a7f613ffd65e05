"""The suggester on clear statements in every language, its evidence and its rules.

The statements below are new ones written for these tests, not lines of the dev file.
"""

from __future__ import annotations

import json

import pytest

from participatie.tagging import lexicons
from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS, LANGUAGES
from participatie.tagging.suggester import Suggestion, suggest

CLEAR = [
    ("nl", "De huurprijzen in onze stad zijn veel te hoog voor gezinnen.", "wonen"),
    ("nl", "Ik vind al twee jaar geen vast werk via de VDAB.", "werk"),
    ("nl", "De tandarts is te duur, dus ik ga niet meer.", "gezondheid"),
    ("fr", "Mon fils n'a pas de place à la crèche.", "gezin"),
    ("fr", "Le loyer de notre appartement est trop cher.", "wonen"),
    ("en", "My children cannot go to the swimming pool because it is too expensive.", "vrije_tijd"),
    ("en", "I have huge debts and the bailiff came to our house.", "inkomen"),
    ("ar", "المدرسة بعيدة جدا عن بيتنا", "onderwijs"),
    ("ar", "لا أجد عملا منذ سنتين", "werk"),
    ("tr", "Kiramızı ödeyemiyoruz.", "wonen"),
    ("tr", "Doktor randevusu için çok bekliyoruz.", "gezondheid"),
    ("pl", "Szukam pracy od roku.", "werk"),
    ("pl", "Czynsz za mieszkanie jest za wysoki.", "wonen"),
    ("ro", "Nu avem bani pentru medicamente.", "gezondheid"),
    ("ro", "Copilul meu nu are loc la grădiniță.", "onderwijs"),
    ("bg", "Търся работа от шест месеца.", "werk"),
    ("bg", "Лекарят е много далеч от нас.", "gezondheid"),
    ("uk", "Ми не можемо платити за опалення.", "wonen"),
    ("uk", "Мій син не має друзів у школі.", "onderwijs"),
    ("ru", "В нашей квартире сырость и плесень.", "wonen"),
    ("ru", "Мне нужен психолог, но очередь очень длинная.", "gezondheid"),
    ("so", "Shaqo ma haysto muddo laba sano ah.", "werk"),
    ("so", "Dhakhtarka ilkaha aad buu u qaali yahay.", "gezondheid"),
    ("ti", "ገዛና ኣዝዩ ንእሽቶ እዩ።", "wonen"),
    ("ti", "ኣብ ቤት ትምህርቲ መምህር ኣይሕግዘናን።", "onderwijs"),
    ("fa_AF", "کرایه اپارتمان ما خیلی زیاد است.", "wonen"),
    ("fa_AF", "در شفاخانه داکتر نیست.", "gezondheid"),
]


def test_every_language_has_clear_examples() -> None:
    assert {lang for lang, _, _ in CLEAR} == set(LANGUAGES)


@pytest.mark.parametrize(("lang", "text", "domain"), CLEAR)
def test_clear_statements(lang: str, text: str, domain: str) -> None:
    suggestion = suggest(text, lang)
    assert domain in suggestion.domains
    assert suggestion.kind == "knelpunt"


@pytest.mark.parametrize(("lang", "text", "domain"), CLEAR)
def test_every_suggested_code_has_evidence_and_a_score(lang: str, text: str, domain: str) -> None:
    suggestion = suggest(text, lang)
    for code in [*suggestion.domains, *suggestion.barriers, suggestion.kind]:
        assert code is not None
        assert suggestion.evidence[code], code
    for code in [*suggestion.domains, *suggestion.barriers]:
        assert 0 < suggestion.scores[code] < 1
    assert set(suggestion.evidence) <= {*DOMAINS, *BARRIERS, *KINDS}


def test_domains_are_ordered_by_score() -> None:
    suggestion = suggest("De energiefactuur en de huur zijn te hoog, ik heb schulden.", "nl")
    scores = [suggestion.scores[c] for c in suggestion.domains]
    assert scores == sorted(scores, reverse=True)
    assert set(suggestion.domains) == {"wonen", "inkomen"}


def test_json_shape_matches_the_cli_contract() -> None:
    data = suggest("Het zwembad is te duur.", "nl").as_json("x1")
    assert list(data) == ["id", "domains", "barriers", "kind", "scores", "evidence"]
    json.dumps(data)


def test_unsupported_language_is_refused_and_aliases_are_accepted() -> None:
    with pytest.raises(lexicons.UnsupportedLanguage):
        suggest("Hallo", "de")
    assert suggest("کرایه خانه گران است", "fa-AF").domains == ["wonen"]


def test_price_of_one_service_is_not_income() -> None:
    """DESIGN §3: the price of one service goes to its domain with betaalbaarheid."""
    suggestion = suggest("Het lidgeld van de voetbalclub is te duur.", "nl")
    assert suggestion.domains == ["vrije_tijd"]
    assert "betaalbaarheid" in suggestion.barriers
    assert "inkomen" not in suggestion.domains


def test_sociaal_huis_is_the_ocmw_not_housing() -> None:
    suggestion = suggest("In het sociaal huis kreeg ik snel een afspraak.", "nl")
    assert suggestion.domains == ["hulpverlening"]


def test_formal_policy_sentences() -> None:
    assert suggest("Het niet-gebruik van sociale rechten blijft hoog.", "nl").domains == [
        "hulpverlening"
    ]
    assert "wonen" in suggest("Het aantal sociale huurwoningen is ontoereikend.", "nl").domains


def test_dutch_compounds_are_split_into_known_words() -> None:
    suggestion = suggest("Het busabonnement kost veel.", "nl")
    assert "mobiliteit" in suggestion.domains
    assert suggest("Ze verwerken mijn dossier traag.", "nl").domains == ["hulpverlening"]


def test_kinds_from_cues_negation_and_contrast() -> None:
    assert suggest("Het buurthuis helpt ons echt, ik ben blij.", "nl").kind == "kracht"
    assert suggest("Het OCMW helpt ons niet.", "nl").kind == "knelpunt"
    assert suggest("Ik zou graag een speelplein in de wijk willen.", "nl").kind == "droom"
    assert suggest("De club is fijn maar het lidgeld is veel te duur.", "nl").kind == "knelpunt"
    assert suggest("I wish there was a library in our village.", "en").kind == "droom"
    assert suggest("L'assistante sociale m'a beaucoup aidée, merci.", "fr").kind == "kracht"


def test_a_statement_without_cues_gets_no_kind() -> None:
    # a kind guessed from no evidence is not suggested at all (issue 16): nothing to check it by
    suggestion = suggest("Over de bibliotheek.", "nl")
    assert suggestion.domains == ["vrije_tijd"]
    assert suggestion.kind is None
    assert set(suggestion.evidence) == {"vrije_tijd"}
    assert suggestion.reasons == {"vrije_tijd": [{"words": "bibliotheek", "term": "bibliotheek"}]}


def test_nothing_found_means_nothing_suggested() -> None:
    suggestion = suggest("Ja.", "nl")
    assert suggestion == Suggestion(kind=None)


@pytest.mark.parametrize(
    ("lang", "one", "other"),
    [
        ("fa_AF", "کرایه خانه گران است", "كرايه خانه گران است"),  # Persian vs Arabic kaf/yeh
        ("fa_AF", "دنبال کار می‌گردم", "دنبال کار میگردم"),  # with and without ZWNJ
        ("ar", "الإيجار مرتفع", "الايجار مرتفع"),  # hamza on alef
        ("ru", "Её квартира холодная", "Ее квартира холодная"),  # ё and е
        ("tr", "KİRA ÇOK YÜKSEK", "kira çok yüksek"),  # Turkish dotted capital I
    ],
)
def test_spelling_variants_give_the_same_suggestion(lang: str, one: str, other: str) -> None:
    first, second = suggest(one, lang), suggest(other, lang)
    assert first.domains and first.domains == second.domains
    assert first.barriers == second.barriers


def test_suggestions_are_deterministic() -> None:
    text = "De huur en de energiefactuur zijn te hoog en de school stuurt rekeningen."
    assert suggest(text, "nl") == suggest(text, "nl")


def test_learned_weights_change_the_outcome() -> None:
    text = "In het Sociaalpunt kreeg ik hulp."
    assert "hulpverlening" not in suggest(text, "nl").domains
    weights = {("hulpverlening", "sociaalpunt"): 1.0}
    assert suggest(text, "nl", weights).domains == ["hulpverlening"]
    muted = {("vrije_tijd", "bibliotheek"): -1.0}
    assert suggest("De bibliotheek is ver.", "nl", muted).domains == []
