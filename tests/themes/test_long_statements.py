"""Issue 20: long narrative statements, words that match by accident, calibrated certainty and
learning that helps. Quality floors are measured on the long development half only; the held-out
half is scored by ``participatie themes evaluate`` (see docs/tagging.md for the figures)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from participatie.tagging.calibration import Evidence, probability, reliability
from participatie.tagging.evaluation import evaluate
from participatie.tagging.learning_curve import curve
from participatie.tagging.sentences import split_sentences
from participatie.tagging.suggester import suggest

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def test_the_long_sets_are_long_and_in_five_languages() -> None:
    dev, held_out = rows("long-dev.jsonl"), rows("long-heldout.jsonl")
    assert len(dev) + len(held_out) >= 150
    assert not {r["id"] for r in dev} & {r["id"] for r in held_out}
    for row in dev + held_out:
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
        assert len(split_sentences(row["text"])) >= 2, row["id"]
    langs = [r["lang"] for r in dev + held_out]
    assert langs.count("nl") >= 60
    assert all(langs.count(lang) >= 20 for lang in ("fr", "en", "ar", "tr"))


def test_sentences_split_in_every_script_but_not_inside_numbers_and_addresses() -> None:
    assert split_sentences("Het kost 1.5 euro. Zie www.uitpas.be voor meer! Waarom?") == [
        "Het kost 1.5 euro.",
        "Zie www.uitpas.be voor meer!",
        "Waarom?",
    ]
    assert split_sentences("ذهبت إلى المركز. هل يجب أن أرجع؟ نعم") == [
        "ذهبت إلى المركز.",
        "هل يجب أن أرجع؟",
        "نعم",
    ]
    assert split_sentences("ገንዘብ የለን። ስራ የለን፧ እወ") == ["ገንዘብ የለን።", "ስራ የለን፧", "እወ"]
    assert split_sentences("Bv. de bus rijdt niet.\nEn dan") == ["Bv. de bus rijdt niet.", "En dan"]


def test_domains_on_the_long_development_half() -> None:
    dev = rows("long-dev.jsonl")
    facets = evaluate(dev, [suggest(r["text"], r["lang"]).__dict__ for r in dev])["facets"]
    assert facets["domains"]["overall"]["micro"]["f1"] >= 0.85  # 0.861 after the third pass
    assert facets["kind"]["overall"]["micro"]["f1"] >= 0.90


def test_weak_cues_add_up_to_a_domain_that_is_never_named() -> None:
    text = (
        "Sinds mijn man weg is lig ik 's nachts wakker. 's Morgens kom ik mijn bed niet meer uit "
        "en ik pieker de hele dag."
    )
    suggestion = suggest(text, "nl")
    assert suggestion.domains[0] == "gezondheid"
    assert {"wakker", "pieker"} <= set(suggestion.evidence["gezondheid"])
    assert not {"wonen", "werk", "inkomen", "onderwijs"} & set(suggestion.domains)


def test_a_denied_problem_moves_the_domain_and_keeps_the_kind() -> None:
    suggestion = suggest("Geen probleem met school, wel met het lidgeld van de voetbalclub.", "nl")
    assert suggestion.domains == ["vrije_tijd"]
    assert suggestion.kind == "knelpunt"
    english = suggest("School is not the problem, but the fees of the football club are.", "en")
    assert english.domains[0] == "vrije_tijd"
    assert "onderwijs" not in english.domains
    assert english.kind == "knelpunt"
    # a problem denied without anything set against it is still good news
    assert suggest("Met de school is er geen probleem.", "nl").kind == "kracht"


@pytest.mark.parametrize(
    ("text", "lang", "not_domain"),
    [
        ("Okul masraflarını taksitle ödemek zorundayım.", "tr", "mobiliteit"),
        ("Taksitle ödemek istedim ama banka kabul etmedi.", "tr", "mobiliteit"),
        ("Oğlum eve geliyor ve hemen odasına gidiyor, benimle konuşmuyor.", "tr", "inkomen"),
        ("J'ai dû emprunter de l'argent à ma voisine pour les courses.", "fr", "onderwijs"),
        # kira* (rent) is not kiraz (cherry); kamp* (camp) is not kampanya (campaign)
        ("Pazardan kiraz aldık, çocuklar çok sevdi.", "tr", "wonen"),
        ("Belediyenin kampanyası hakkında bilgi aldık.", "tr", "vrije_tijd"),
        # tren* (train) is not a trend; hak (a right) is not hakkında (about)
        ("Trendyol üzerinden ucuz ayakkabı aldım.", "tr", "mobiliteit"),
        ("Çocuğum hakkında öğretmenle konuştuk.", "tr", "hulpverlening"),
        # a letterbox (brievenbus) is no bus
        ("De brief van het OCMW zat niet in de brievenbus.", "nl", "mobiliteit"),
    ],
)
def test_words_that_only_look_like_a_lexicon_word_do_not_match(
    text: str, lang: str, not_domain: str
) -> None:
    assert not_domain not in suggest(text, lang).domains


@pytest.mark.parametrize(
    ("text", "not_barrier"),
    [
        # a negated Turkish verb ("I do not know", "I cannot pay") is not its positive forms
        ("Bunu biliyorum, okulda söylediler.", "bekendheid"),
        ("Okul gezisini ödedik, çocuklar çok mutluydu.", "betaalbaarheid"),
        ("Öğretmenle uzun uzun konuştuk.", "begrijpbaarheid"),
        ("Mektubu okudum ve anladım.", "begrijpbaarheid"),
    ],
)
def test_a_turkish_verb_is_not_its_own_negation(text: str, not_barrier: str) -> None:
    assert not_barrier not in suggest(text, "tr").barriers


def test_negated_turkish_verbs_still_count() -> None:
    assert "bekendheid" in suggest("Ne yapacağımızı bilmiyorduk.", "tr").barriers
    assert "betaalbaarheid" in suggest("Kiramızı ödeyemiyoruz.", "tr").barriers
    assert "begrijpbaarheid" in suggest("Mektubu anlamadım.", "tr").barriers


def test_a_real_taxi_still_is_transport() -> None:
    assert "mobiliteit" in suggest("Gece taksiyle hastaneye gitmek zorunda kaldık.", "tr").domains
    # and what the traps' exceptions leave alone still counts
    assert "wonen" in suggest("Kiramızı ödeyemiyoruz.", "tr").domains
    assert "vrije_tijd" in suggest("Yaz kampına gitmek istiyor.", "tr").domains
    assert "mobiliteit" in suggest("Trenle okula gidiyoruz.", "tr").domains
    assert "hulpverlening" in suggest("Haklarımızı bilmiyoruz.", "tr").domains
    assert "mobiliteit" in suggest("De bus komt altijd te laat.", "nl").domains


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Met de UiTPAS konden we naar het zwembad.", "nl"),
        ("Met de UiTPAS konden we deze zomer elke week naar het zwembad.", "nl"),
        ("With the UiTPAS we could go to the swimming pool every week.", "en"),
    ],
)
def test_a_good_experience_with_the_uitpas_is_a_strength(text: str, lang: str) -> None:
    suggestion = suggest(text, lang)
    assert suggestion.domains == ["vrije_tijd"]
    assert suggestion.kind == "kracht"


def test_reliability_table_and_expected_calibration_error() -> None:
    table, ece = reliability([(0.75, True), (0.72, True), (0.78, False), (0.15, False)], bins=10)
    band = table[7]
    assert band["n"] == 3 and band["observed"] == pytest.approx(2 / 3, abs=1e-3)
    assert ece == pytest.approx((3 * abs(0.75 - 2 / 3) + 0.15) / 4, abs=1e-3)


def test_calibrated_probabilities_are_never_certain_and_grow_with_evidence() -> None:
    weak = Evidence(raw=0.5, entries=1, sentences=1, strongest=0.5, top_raw=2.0, total_sentences=6)
    strong = Evidence(
        raw=3.0, entries=4, sentences=3, strongest=1.0, top_raw=3.0, total_sentences=6
    )
    assert 0.01 <= probability(weak) < probability(strong) <= 0.99


def test_learning_from_coordinators_raises_f1_on_later_statements() -> None:
    """A project reviews its statements (its own names: Ankertje, Kaai, Trampoline, ... and long
    testimonies); the suggester is scored on the project's later statements after 50, 100 and 200
    decisions."""
    project, long_dev = rows("project-statements.jsonl"), rows("long-dev.jsonl")
    early, later = project[:42], project[42:]
    stream: list[dict[str, Any]] = []
    for i in range(max(len(early), len(long_dev))):
        stream += early[i : i + 1] + long_dev[i : i + 1]
    f1 = curve(stream, later, (0, 50, 100, 200))
    assert f1[100] > f1[0]
    assert f1[200] > f1[100]
    assert f1[200] >= f1[0] + 0.2, f1


def test_the_second_long_development_set_is_long_in_five_languages_and_scored() -> None:
    """long-dev2: written and labelled before the suggester was run on it, then tuned on."""
    dev2 = rows("long-dev2.jsonl")
    assert not {r["id"] for r in dev2} & {r["id"] for r in rows("long-heldout.jsonl")}
    for row in dev2:
        assert 40 <= len(row["text"].split()) <= 200, row["id"]
    langs = [r["lang"] for r in dev2]
    assert all(langs.count(lang) >= 10 for lang in ("nl", "fr", "en", "ar", "tr"))
    facets = evaluate(dev2, [suggest(r["text"], r["lang"]).__dict__ for r in dev2])["facets"]
    assert facets["domains"]["overall"]["micro"]["f1"] >= 0.87  # 0.879 after the third pass


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sinds mijn vrouw is vertrokken sta ik er alleen voor met de kinderen.", "nl"),
        ("My husband left last year and I am alone with the children.", "en"),
        ("Depuis que mon mari est parti, je suis seule avec les enfants.", "fr"),
        ("Kocam gittiğinden beri çocuklarla yalnızım.", "tr"),
    ],
)
def test_a_partner_who_left_is_the_family_situation(text: str, lang: str) -> None:
    assert suggest(text, lang).domains[0] == "gezin"


def test_where_someone_lives_is_no_housing_problem_and_a_foreign_diploma_is_work() -> None:
    assert (
        "wonen" not in suggest("Mijn zus woont in Gent, we gaan er graag op bezoek.", "nl").domains
    )
    for text, lang in (
        ("Mon diplôme n'est pas reconnu ici.", "fr"),
        ("My degree is not recognised here.", "en"),
    ):
        suggestion = suggest(text, lang)
        assert suggestion.domains == ["werk"], (lang, suggestion.domains)
