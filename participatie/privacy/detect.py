"""Find personal data in what participants said: names, phone numbers, e-mail addresses, street
addresses and rijksregisternummers.

Detection errs on the side of asking: a coordinator reviews every finding before a statement can
appear in a report, and may keep a word that is not personal after all. Only patterns and word
lists, no model: it must run for every statement of a report in a web worker.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from participatie.privacy.wordlists import (
    ENGLISH_STREET_WORDS,
    FRENCH_STREET_WORDS,
    NAME_CUES,
    NAME_PARTICLES,
    NAME_PHRASES,
    NOT_NAMES,
    STRONG_STREET_SUFFIXES,
    WEAK_STREET_SUFFIXES,
)


class FindingKind(enum.StrEnum):
    # In order of precedence when two findings overlap.
    EMAIL = "email"
    NATIONAL_NUMBER = "national_number"
    PHONE = "phone"
    ADDRESS = "address"
    NAME = "name"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        """Stable for the same text: a form can refer to a finding between two requests."""
        return f"{self.kind.value}-{self.start}-{self.end}"


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# 11 digits, written 85.07.30-033.28, 850730 033 28 or 85073003328.
NATIONAL_NUMBER = re.compile(
    r"(?<![\d])(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[\s.-]?(\d{3})[.\s]?(\d{2})(?![\d])"
)

_SEP = r"[\s./-]?"
PHONE = re.compile(
    r"(?<![\w+])(?:"
    # Belgium from abroad: +32 470 12 34 56, 0032 (0)14 12 34 56
    rf"(?:\+|00)\s?32\s?(?:\(0\)\s?)?[1-9](?:{_SEP}\d){{7,8}}"
    # Belgium at home: 0470 12 34 56, 0470/12.34.56, 014 12 34 56, 02-123-45-67
    rf"|0[1-9](?:{_SEP}\d){{7,8}}"
    # Any other country: +31 6 12345678, +90 532 123 45 67
    rf"|\+[1-9]\d{{0,2}}(?:{_SEP}\(?\d\)?){{6,12}}"
    r")(?!\d)"
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"[{_UPPER}][{_LOWER}'’-]+"
_HOUSE_NUMBER = r"\s+\d{1,4}(?:\s?[a-zA-Z])?(?:\s*(?:bus|/)\s*\d{1,4})?(?!\d)"
_NAMED_STREET = rf"(?:{_WORD}\s+)?[{_UPPER}][{_LOWER}'’-]*"


def _suffixes(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


ADDRESS = re.compile(
    r"(?<!\w)(?:"
    # Kerkstraat, Kerkstraat 12, Lange Kievitstraat 5 bus 2
    rf"{_NAMED_STREET}(?:{_suffixes(STRONG_STREET_SUFFIXES)})(?:{_HOUSE_NUMBER})?"
    # Zandweg 4, Grote Markt 1, Markt 1: weak suffixes only with a number
    rf"|{_NAMED_STREET}(?:{_suffixes(WEAK_STREET_SUFFIXES)}){_HOUSE_NUMBER}"
    rf"|(?:Grote\s+)?Markt{_HOUSE_NUMBER}"
    # rue de la Station 12, avenue Louise
    rf"|(?i:{_suffixes(FRENCH_STREET_WORDS)})\s+(?:(?:de\s+la|de\s+l'|de\s+l’|du|des|de)\s+)?"
    rf"[{_UPPER}][\w'’-]+(?:{_HOUSE_NUMBER})?"
    # 12 Baker Street
    rf"|\d{{1,4}}\s+{_WORD}\s+(?:{_suffixes(ENGLISH_STREET_WORDS)})"
    # with the postcode and town after it: Kerkstraat 12, 2300 Turnhout
    rf")(?:,?\s+[1-9]\d{{3}}\s+{_WORD})?(?!\w)"
)

WORD = re.compile(r"[^\W\d_][\w'’-]*")
SENTENCE_END = frozenset('.!?:;…"“”„«»()[]\n')
NAME_PHRASE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in NAME_PHRASES) + r")(?!\w)", re.IGNORECASE
)


def _national_number_valid(match: re.Match[str]) -> bool:
    digits = "".join(match.groups())
    body, check = digits[:9], int(digits[9:])
    # Born before 2000: 97 - (body mod 97); from 2000 on, a 2 is put before the body.
    return check in (97 - int(body) % 97, 97 - int("2" + body) % 97)


def _is_capitalised(word: str) -> bool:
    core = word.replace("'", "").replace("’", "").replace("-", "")
    return len(core) > 1 and core[0].isupper() and core[1:].islower()


def _is_uncased(word: str) -> bool:
    # Arabic, Tigrinya, ...: no capitals, so a name cannot be seen by its first letter.
    return word.lower() == word.upper()


def _sentence_start(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position].isspace() and text[position] != "\n":
        position -= 1
    return position < 0 or text[position] in SENTENCE_END


def _opens_name(text: str, words: list[re.Match[str]], index: int, allowed: frozenset[str]) -> bool:
    word = words[index].group()
    following = words[index + 1] if index + 1 < len(words) else None
    return (
        following is not None
        and _is_capitalised(word)
        and word not in NOT_NAMES
        and word not in allowed
        and _is_capitalised(following.group())
        and following.group() not in NOT_NAMES
        and following.group() not in allowed
        and text[words[index].end() : following.start()] == " "
    )


def _name_findings(text: str, allowed: frozenset[str]) -> list[Finding]:
    words = list(WORD.finditer(text))
    findings: list[Finding] = []
    cue_targets: set[int] = set()
    for index, match in enumerate(words):
        word = match.group()
        if word.lower().rstrip(".") in NAME_CUES and index + 1 < len(words):
            cue_targets.add(index + 1)
    starts = [m.start() for m in words]
    for found in NAME_PHRASE.finditer(text):
        following = bisect_left(starts, found.end())
        if following < len(words):
            candidate = words[following].group()
            if _is_uncased(candidate) or _is_capitalised(candidate):
                cue_targets.add(following)
    index = 0
    while index < len(words):
        match = words[index]
        word = match.group()
        is_cued = (
            index in cue_targets
            and (_is_capitalised(word) or _is_uncased(word))
            and word not in NOT_NAMES
            and word not in allowed
        )
        is_proper = (
            _is_capitalised(word)
            and word not in NOT_NAMES
            and word not in allowed
            and not _sentence_start(text, match.start())
        )
        # A capitalised word opening a sentence may be a name when a name follows it ("Jan
        # Peeters zei"), or just a word before one ("Bel Jan"): a finding of its own, so the
        # coordinator can keep it. "Gisteren zei" is no finding at all.
        if not (is_cued or is_proper) and _opens_name(text, words, index, allowed):
            findings.append(Finding(FindingKind.NAME, match.start(), match.end(), word))
            index += 1
            continue
        if not (is_cued or is_proper):
            index += 1
            continue
        end_index = index
        probe = index + 1
        # Extend over "van der Berg", "Peeters", "el Amrani".
        while probe < len(words) and text[words[probe - 1].end() : words[probe].start()] == " ":
            nxt = words[probe].group()
            if nxt in NAME_PARTICLES:
                probe += 1
                continue
            if _is_capitalised(nxt) and nxt not in NOT_NAMES and nxt not in allowed:
                end_index = probe
                probe += 1
                continue
            break
        start, end = match.start(), words[end_index].end()
        # "meneer de Smet": the particles after a cue belong to the name.
        back = index - 1
        while back >= 0 and words[back].group() in NAME_PARTICLES:
            back -= 1
        if back < index - 1 and back >= 0 and words[back].group().lower() in NAME_CUES:
            start = words[back + 1].start()
        findings.append(Finding(FindingKind.NAME, start, end, text[start:end]))
        index = end_index + 1
    return findings


def find_personal_data(text: str, allowed_words: Iterable[str] = ()) -> list[Finding]:
    """Findings in `text`, in reading order, without overlaps.

    `allowed_words`: capitalised words a project has said are not personal (its municipality,
    a meeting place's name).
    """
    allowed = frozenset(allowed_words)
    candidates: list[Finding] = []
    for match in EMAIL.finditer(text):
        candidates.append(Finding(FindingKind.EMAIL, match.start(), match.end(), match.group()))
    for match in NATIONAL_NUMBER.finditer(text):
        if _national_number_valid(match):
            candidates.append(
                Finding(FindingKind.NATIONAL_NUMBER, match.start(), match.end(), match.group())
            )
    for match in PHONE.finditer(text):
        candidates.append(Finding(FindingKind.PHONE, match.start(), match.end(), match.group()))
    for match in ADDRESS.finditer(text):
        found = match.group()
        if not any(part in allowed for part in found.split()):
            candidates.append(Finding(FindingKind.ADDRESS, match.start(), match.end(), found))
    candidates.extend(_name_findings(text, allowed))
    precedence = list(FindingKind)
    chosen: list[Finding] = []
    for finding in sorted(candidates, key=lambda f: (precedence.index(f.kind), f.start)):
        if all(finding.end <= other.start or finding.start >= other.end for other in chosen):
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)
