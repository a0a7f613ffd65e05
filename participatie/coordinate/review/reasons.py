"""Why the suggester proposed a code, in words a coordinator reads without knowing the statement's
language or the suggester's insides.

The suggester stores its reasons per tag (``Tag.evidence``, see ``tagging.suggester.Suggestion
.reasons``): matched words with their lexicon entry, the negation that turned a cue around, the
drempels and the tone behind a kind. Here each becomes one line: the participant's words, in their
language, with the entry's Dutch concept ("taksitle → in schijven betalen"), or a sentence from
the catalogue ("drempel: Betaalbaarheid"). Evidence stored by earlier versions (plain strings) is
read too; what they stored for a kind guessed from nothing, or a bare tone score, never shows its
internal spelling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from participatie.tagging.glosses import dutch_concept
from participatie.tagging.project_codebook import Codebook


@dataclass(frozen=True)
class Reason:
    """One line of "omdat:": the participant's words and what they mean, or a sentence."""

    words: str = ""  # in the statement's language
    # What the words mean: their Dutch gloss (``concept_is_dutch``), else the code they count for
    # (a label in the reader's language); empty for a Dutch statement, whose words say it.
    concept: str = ""
    concept_is_dutch: bool = False
    negation: str = ""  # the word (statement's language) that turned a cue around
    note: str = ""  # a sentence in the reader's language, instead of words


def _from_legacy(item: str) -> dict[str, str] | None:
    """The structured form of evidence stored as a string by earlier suggesters."""
    if item == "(default)":
        return None
    if item.startswith("sentiment "):
        return {"tone": "negative" if "-" in item else "positive"}
    if item.startswith("drempel "):
        return {"barrier": item.removeprefix("drempel ")}
    negation, plus, words = item.partition(" + ")
    if plus:
        return {"words": words, "negation": negation}
    return {"words": item}


def _tone(tone: str) -> str:
    if tone == "positive":
        return _("De toon van de uitspraak is positief.")
    return _("De toon van de uitspraak is negatief.")


def reasons(
    evidence: Iterable[Any], language: str, code_label: str, codebook: Codebook
) -> tuple[Reason, ...]:
    """The lines to show for one suggested code (``code_label``) of a statement in ``language``."""
    lines: list[Reason] = []
    for item in evidence:
        data = _from_legacy(item) if isinstance(item, str) else item
        if not isinstance(data, dict):
            continue
        if "barrier" in data:
            code = codebook.by_key.get(str(data["barrier"]))
            label = codebook.label(code) if code is not None else str(data["barrier"])
            lines.append(Reason(note=_("Er is een drempel: %(barrier)s.", barrier=label)))
        elif "tone" in data:
            lines.append(Reason(note=_tone(str(data["tone"]))))
        elif data.get("words"):
            # the words' own gloss first: "ödemek" is "betalen", even when the entry that
            # matched it is an inflected form ("ödeyemiyorum", I cannot pay)
            gloss = dutch_concept(language, str(data["words"])) or dutch_concept(
                language, str(data.get("term") or "")
            )
            concept = gloss or ("" if language == "nl" else code_label)
            lines.append(
                Reason(
                    words=str(data["words"]),
                    concept=concept,
                    concept_is_dutch=bool(gloss),
                    negation=str(data.get("negation") or ""),
                )
            )
    return tuple(lines)
