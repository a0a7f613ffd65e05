"""A kind is suggested on evidence only (issue 16): a cue, a drempel, never a guess; and every kind
comes with its reasons as data for the review queue."""

from __future__ import annotations

import pytest

from participatie.tagging.suggester import suggest


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Ik zoek al een jaar werk."),
        ("ro", "Caut de lucru de un an."),
        ("ru", "Я ищу работу уже год."),
        ("uk", "Я шукаю роботу вже рік."),
        ("tr", "Bir yıldır iş arıyorum."),
        ("en", "I have been looking for a job for a year."),
    ],
)
def test_looking_for_work_is_a_problem_said_in_words(lang: str, text: str) -> None:
    suggestion = suggest(text, lang)
    assert "werk" in suggestion.domains
    assert suggestion.kind == "knelpunt"
    assert any("term" in reason for reason in suggestion.reasons["knelpunt"])


def test_a_drempel_alone_is_evidence_of_a_problem() -> None:
    suggestion = suggest("Au CPAS on m'envoie d'un guichet à l'autre.", "fr")
    assert "betrouwbaarheid" in suggestion.barriers
    assert suggestion.kind == "knelpunt"
    assert {"barrier": "betrouwbaarheid"} in suggestion.reasons["knelpunt"]


def test_without_a_cue_or_a_drempel_there_is_no_kind() -> None:
    for text, lang in (("Over de bibliotheek.", "nl"), ("Okul hakkında.", "tr")):
        suggestion = suggest(text, lang)
        assert suggestion.kind is None
        assert not {"knelpunt", "kracht", "droom"} & set(suggestion.evidence)


def test_a_negated_cue_keeps_the_negation_in_its_reason() -> None:
    suggestion = suggest("Het OCMW helpt ons niet.", "nl")
    assert suggestion.kind == "knelpunt"
    assert any(reason.get("negation") == "niet" for reason in suggestion.reasons["knelpunt"])
