"""The plain-language checker: how easy a question reads, per language. It warns; it never blocks.

- A readability score where textstat has a formula for the language: Flesch-Douma for Dutch
  (textstat's "nl"), Flesch for English and French. DESIGN.md §7 asks Flesch-Douma ≥ 70 of
  participant texts; for English and French 60 is the usual mark of plain text.
- For every language: sentences longer than 15 words and very long words.
- For Dutch, the source language: the project's list of words to avoid, each with a plainer one.

The checker returns data, not sentences: the builder's templates word the findings, so every
message stays translatable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import pyphen

from participatie.surveys.jargon import JargonEntry

if TYPE_CHECKING:
    from textstat.textstat import textstatistics

FLESCH_TARGETS = {"nl": 70.0, "en": 60.0, "fr": 60.0}
MAX_SENTENCE_WORDS = 15
# Dutch glues words together ("kinderopvang"), so it gets a little more room than other languages.
LONG_WORD_LETTERS = {"nl": 16}
DEFAULT_LONG_WORD_LETTERS = 14

_SENTENCE_END = re.compile(r"(?<=[.!?؟።])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Finding:
    """One warning. `kind` is score, sentence, word or jargon; the template words it."""

    kind: str
    text: str = ""
    suggestion: str = ""
    number: float = 0


@dataclass(frozen=True)
class TextCheck:
    language: str
    score: float | None
    target: float | None
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.findings


@cache
def _statistics(language: str) -> textstatistics:
    # One textstat object per language: set_lang on the shared module-level object would race
    # between the threads of a web worker. Imported here: textstat pulls in NLTK (~17 MB), which
    # a worker that only serves participants never needs.
    from textstat.textstat import textstatistics

    statistics = textstatistics()
    statistics.set_lang(language)
    return statistics


def as_sentences(parts: Iterable[str]) -> str:
    """Join a question's label, hint and options into prose: each part ends as a sentence, as a
    reader takes them (the participant pages' Flesch-Douma test does the same)."""
    cleaned = [part.strip() for part in parts if part and part.strip()]
    return " ".join(part if re.search(r"[.!?؟።:]$", part) else part + "." for part in cleaned)


def sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END.split(text.strip()) if sentence]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _english_flesch(text: str) -> float:
    """textstat's English Flesch with pyphen's syllables: textstat counts English syllables with
    NLTK's cmudict, which it downloads when missing, and our servers make no such requests."""
    found = words(text)
    syllables = sum(len(_hyphenator("en_US").positions(word.lower())) + 1 for word in found)
    per_sentence = len(found) / max(1, len(sentences(text)))
    return 206.835 - 1.015 * per_sentence - 84.6 * syllables / len(found)


@cache
def _hyphenator(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=language)


def readability_score(text: str, language: str) -> float | None:
    """Flesch-Douma (nl) or Flesch (en, fr), rounded to a whole number; None elsewhere."""
    base = language.split("_")[0]
    if base not in FLESCH_TARGETS or not words(text):
        return None
    if base == "en":
        return float(round(_english_flesch(text)))
    return float(round(_statistics(base).flesch_reading_ease(text)))


def jargon_in(text: str, jargon: Sequence[JargonEntry]) -> list[JargonEntry]:
    """Entries found at the start of a word, so "rechthebbenden" and "toeleidingstraject" count."""
    lowered = text.lower()
    found = []
    for entry in jargon:
        word = entry.word.lower().strip()
        if word and re.search(r"(?<!\w)" + re.escape(word), lowered):
            found.append(entry)
    return found


def check_text(text: str, language: str, jargon: Sequence[JargonEntry] = ()) -> TextCheck:
    base = language.split("_")[0]
    findings: list[Finding] = []
    score = readability_score(text, language)
    target = FLESCH_TARGETS.get(base)
    if score is not None and target is not None and score < target:
        findings.append(Finding("score", number=score))
    for sentence in sentences(text):
        count = len(words(sentence))
        if count > MAX_SENTENCE_WORDS:
            findings.append(Finding("sentence", text=sentence, number=count))
    limit = LONG_WORD_LETTERS.get(base, DEFAULT_LONG_WORD_LETTERS)
    long_words = dict.fromkeys(word for word in words(text) if len(word) > limit)
    findings.extend(Finding("word", text=word, number=len(word)) for word in long_words)
    if base == "nl":
        findings.extend(
            Finding("jargon", text=entry.word, suggestion=entry.suggestion)
            for entry in jargon_in(text, jargon)
        )
    return TextCheck(language=language, score=score, target=target, findings=tuple(findings))


def check_parts(
    parts: Iterable[str], language: str, jargon: Sequence[JargonEntry] = ()
) -> TextCheck | None:
    """Check the texts that belong together (a question's label, hint and options); None when
    there is nothing in this language."""
    text = as_sentences(parts)
    if not text:
        return None
    return check_text(text, language, jargon)
