"""Issue 20, sixth pass: the spent second held-out set split into H2-tune and H2-check, and the
general causes of errors found on stories by new writers (``data/LONG.md``, docs/tagging.md)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest

from participatie.tagging import fit_calibration, heldout2_split, measure
from participatie.tagging.codebook import LANGUAGES
from participatie.tagging.sentences import PART_WORDS, RUN_ON_WORDS, sentence_clauses
from participatie.tagging.suggester import suggest


def test_the_halves_split_every_statement_once_by_the_committed_rule() -> None:
    half = heldout2_split.half_of()
    tune = heldout2_split.load(heldout2_split.TUNE)
    check = heldout2_split.load(heldout2_split.CHECK)
    assert len(tune) == 142 and len(check) == 131 and len(half) == 273
    assert not {r["id"] for r in tune} & {r["id"] for r in check}
    for version, story in heldout2_split.VERSIONS.items():
        assert half[version] == half[story], version
    # alternate per language in file order, H2-tune first, versions taking no turn
    for name in heldout2_split.FILES:
        turns: Counter[str] = Counter()
        for row in heldout2_split._rows(name, heldout2_split.DATA):
            if row["id"] in heldout2_split.VERSIONS:
                continue
            expected = heldout2_split.TUNE if turns[row["lang"]] % 2 == 0 else heldout2_split.CHECK
            assert half[row["id"]] == expected, row["id"]
            turns[row["lang"]] += 1
    with pytest.raises(ValueError):
        heldout2_split.load("long-heldout2-a.jsonl")


def test_only_the_check_half_fits_the_certainty_shown_and_neither_is_called_held_out() -> None:
    assert heldout2_split.CHECK in fit_calibration.SHOWN_FILES
    assert heldout2_split.TUNE not in fit_calibration.SHOWN_FILES
    for name in (heldout2_split.TUNE, heldout2_split.CHECK, *heldout2_split.FILES):
        assert name not in fit_calibration.TRAINING_FILES
        assert name not in measure.HELD_OUT_FILES  # spent: the page says "never seen before"
    assert len(fit_calibration.load_rows((heldout2_split.CHECK,))) == 131


@pytest.mark.parametrize(
    ("text", "not_domain"),
    [
        # simplemma's unvowelled table listed "the year" under teeth
        ("في نهاية السنة ذهبنا إلى الحفلة مع الأطفال وكانت ليلة جميلة", "gezondheid"),
        # "she taught me" is no education (a budget advisor taught her)
        ("علمتني امرأة في المركز كيف أكتب كل مصاريف البيت في دفتر", "onderwijs"),
        # "my mother" is no pain
        ("قالت لي أمي أن أصبر وأن كل شيء سيتحسن مع الوقت", "gezondheid"),
    ],
)
def test_arabic_words_that_share_letters_with_a_lexicon_word_do_not_match(
    text: str, not_domain: str
) -> None:
    assert not_domain not in suggest(text, "ar").entries


def test_arabic_inflections_with_the_words_consonants_still_match() -> None:
    assert "gezondheid" in suggest("ذهبت إلى طبيب الأسنان لأن أسناني تؤلمني كثيرا", "ar").domains
    assert "inkomen" in suggest("عندنا ديون كثيرة ولا نستطيع دفع الفواتير", "ar").domains


@pytest.mark.parametrize(
    ("lang", "text", "topic", "conceded"),
    [
        (
            "nl",
            "Op school gaat het goed, de juf is tevreden. Maar de voetbalclub vraagt 280 euro "
            "lidgeld en dat kunnen we niet betalen. Hij zit nu elke woensdag thuis.",
            "vrije_tijd",
            "onderwijs",
        ),
        (
            "tr",
            "Okulda her şey iyi, öğretmeni de memnun. Ama futbol kulübünün aidatı çok yüksek, "
            "oğlum antrenmana gidemiyor.",
            "vrije_tijd",
            "onderwijs",
        ),
        (
            "ru",
            "В школе у сына всё хорошо, учителя им довольны. Но летний лагерь стоит сто "
            "двадцать евро в неделю, и он всё лето сидит дома.",
            "vrije_tijd",
            "onderwijs",
        ),
    ],
)
def test_a_topic_said_to_be_fine_before_a_contrast_is_not_the_problem(
    lang: str, text: str, topic: str, conceded: str
) -> None:
    suggestion = suggest(text, lang)
    assert suggestion.domains == [topic]
    assert conceded not in suggestion.domains


def test_a_fine_topic_without_a_contrast_still_counts() -> None:
    suggestion = suggest("Op school gaat het goed. De juf helpt hem elke dag met lezen.", "nl")
    assert "onderwijs" in suggestion.domains


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flemish_service_names_count_in_every_language(lang: str) -> None:
    assert "inkomen" in suggest("leefloon", lang).domains
    assert "inkomen" in suggest("groeipakket", lang).domains
    assert "gezin" in suggest("Huis van het Kind", lang).domains
    assert "vrije_tijd" in suggest("UiTPAS", lang).domains


def test_a_run_on_message_without_punctuation_is_cut_into_parts() -> None:
    message = (
        "ja hallo met mij ik bel voor mijn zoon want die zijn school vraagt weer geld voor de "
        "uitstap en ik heb da nie meer want de huur is omhoog gegaan en de verwarming ook en nu "
        "weet ik nie hoe dat we dat moeten doen kunt ge mij terugbellen aub"
    )
    clauses, sentence_of = sentence_clauses(message, "nl")
    assert sum(len(words) for words in clauses) > RUN_ON_WORDS
    assert max(sentence_of) + 1 >= 3
    assert all(len(words) <= PART_WORDS for words in clauses)
    written, _ = sentence_clauses("Ik heb geen geld. De huur is te hoog.", "nl")
    assert written == [["ik", "heb", "geen", "geld"], ["de", "huur", "is", "te", "hoog"]]


def test_long_stories_without_their_punctuation_score_as_they_do_with_it() -> None:
    """Speech-to-text and typed-out voice messages come without full stops: the long dev file
    without punctuation scored 0.762 against 0.857 before run-ons were cut, 0.862 after."""
    statements = fit_calibration.load_rows(("long-dev.jsonl",))

    def micro_f1(transform: Callable[[str], str]) -> float:
        tp = fp = fn = 0
        for row in statements:
            gold = set(row["domains"])
            predicted = set(suggest(transform(row["text"]), row["lang"]).domains)
            tp, fp, fn = (
                tp + len(gold & predicted),
                fp + len(predicted - gold),
                fn + len(gold - predicted),
            )
        return 2 * tp / (2 * tp + fp + fn)

    unpunctuated = micro_f1(lambda text: re.sub(r"[.!?;:،؟።—-]+", " ", text).lower())
    assert unpunctuated >= micro_f1(lambda text: text) - 0.02


def test_flemish_spoken_negation_turns_a_strength_around() -> None:
    """Voice messages are typed as spoken: "da helpt nie" is "dat helpt niet"."""
    assert suggest("Het OCMW helpt ons nie, de huur is te hoog.", "nl").kind == "knelpunt"


@pytest.mark.parametrize(
    ("lang", "typed", "domain"),
    [
        ("tr", "Isten cikarildim, simdi issizim.", "werk"),
        ("tr", "Ogretmeni hic ilgilenmiyor.", "onderwijs"),
        ("fr", "La creche est trop chere pour nous.", "gezin"),
        ("fr", "Mon fils a des difficultes a l ecole.", "onderwijs"),
        ("ro", "Copilul nu are loc la gradinita.", "onderwijs"),
        ("pl", "Dziecko nie ma miejsca w zlobku.", "gezin"),
    ],
)
def test_words_typed_without_the_languages_letters_still_match(
    lang: str, typed: str, domain: str
) -> None:
    """Chat and voice messages are often typed without ç, ş, ğ, é, ă, ł (``fold_diacritics``)."""
    assert domain in suggest(typed, lang).domains


def test_a_spelling_without_diacritics_that_is_a_word_of_its_own_does_not_match() -> None:
    # "du" (of the) is a French word: it is not "dû" (had to), which once matched "devoirs"
    assert suggest("Il a du pain et du fromage pour le goûter.", "fr").domains == []
