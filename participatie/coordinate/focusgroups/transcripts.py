"""Reading a focus-group transcript (.txt, .docx, .odt) and splitting it into speaker turns.

A turn starts at a line with a speaker prefix: `P3: …`, `P3 - …`, `[P3] …` (a time stamp before
it is allowed). Lines without a prefix continue the turn before them. A prefix that is not a
pseudonym — a real name such as "Fatima:", or "Begeleider:" — is never guessed: its turn is
listed and left out. Parsing is pure and repeatable, so the preview and the save read the same
text the same way.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from flask_babel import lazy_gettext as _l

from participatie.upload_bounds import NotAZip, TooManyMembers, zip_sizes

ALLOWED_SUFFIXES = (".txt", ".docx", ".odt")
MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024
MAX_TRANSCRIPT_CHARS = 500_000
# A .docx or .odt is a zip: refuse one that unpacks to something absurd (a zip bomb), read
# from the zip's directory before anything is unpacked.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 1_000

_TIME = r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?\s*)?"
_LABEL_WORD = r"[^\W\d_][\w'’.]*"
_LABEL = rf"{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,3}}"
TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
PSEUDONYM = re.compile(r"[Pp]0*([1-9]\d?)")
# `[P3] text`, `[Fatima]: text`
BRACKETED = re.compile(rf"^\s*{_TIME}\[(?P<label>[^\]\n]{{1,40}})\]\s*[:\-–—]?\s*(?P<text>.*)$")
# `P3: text`, `P3 - text`, `Fatima: text`, `Jan de Smet – text`
PREFIXED = re.compile(rf"^\s*{_TIME}(?P<label>{_LABEL})\s*(?::|\s[-–—])\s*(?P<text>.*)$")


class TranscriptError(ValueError):
    """A file we cannot read: `message` for the page (translated when shown), `reason` for the
    command line, which runs without a request and so without a chosen language."""

    def __init__(self, message: Any, reason: str) -> None:
        super().__init__(reason)
        self.message = message
        self.reason = reason


@dataclass(frozen=True)
class Turn:
    speaker: str  # a pseudonym: P1, P2, ...
    text: str
    line: int  # where the turn starts, counted from 1


@dataclass(frozen=True)
class SkippedTurn:
    label: str  # the prefix as written ("Fatima"), or "" for lines before any speaker
    text: str
    line: int


@dataclass
class ParsedTranscript:
    turns: list[Turn] = field(default_factory=list)
    skipped: list[SkippedTurn] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counted = Counter(turn.speaker for turn in self.turns)
        return {speaker: counted[speaker] for speaker in sorted(counted, key=pseudonym_number)}

    @property
    def skipped_labels(self) -> list[str]:
        return sorted({s.label for s in self.skipped if s.label})


def pseudonym_number(pseudonym: str) -> int:
    match = PSEUDONYM.fullmatch(pseudonym)
    return int(match.group(1)) if match else 0


def normalise_pseudonym(label: str) -> str | None:
    """ "p03" → "P3"; None when the label is not a pseudonym."""
    match = PSEUDONYM.fullmatch(label.strip())
    return f"P{int(match.group(1))}" if match else None


def _prefix(line: str) -> tuple[str, str] | None:
    """(label, text) when the line starts a turn."""
    for pattern in (BRACKETED, PREFIXED):
        match = pattern.match(line)
        if match is None:
            continue
        label = match.group("label").strip()
        if pattern is BRACKETED and TIME_ONLY.fullmatch(label):
            continue  # "[00:12:03] P4: …": the time, then the speaker
        if pattern is PREFIXED and not _looks_like_speaker(label):
            continue
        return label, match.group("text").strip()
    return None


def _looks_like_speaker(label: str) -> bool:
    # "Fatima", "Jan de Smet", "Begeleider", "P3" — not "Ik zei" (a sentence with a colon):
    # every word capitalised, except name particles, or a script without capitals.
    if normalise_pseudonym(label):
        return True
    words = label.split()
    first = words[0]
    if first[0].islower():
        return False
    particles = {"van", "de", "der", "den", "el", "al", "ben", "bin", "le", "la", "du", "da"}
    return all(w[0].isupper() or w in particles or w.lower() == w.upper() for w in words)


def parse_transcript(text: str) -> ParsedTranscript:
    parsed = ParsedTranscript()
    current: tuple[str | None, str, list[str], int] | None = None  # pseudonym, label, lines, line

    def close() -> None:
        if current is None:
            return
        speaker, label, lines, line = current
        body = "\n".join(lines).strip()
        if speaker is not None:
            if body:
                parsed.turns.append(Turn(speaker, body, line))
        elif body or label:
            parsed.skipped.append(SkippedTurn(label, body, line))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        prefix = _prefix(line)
        if prefix is not None:
            close()
            label, rest = prefix
            current = (normalise_pseudonym(label), label, [rest] if rest else [], number)
        elif current is None:
            current = (None, "", [line], number)  # before the first speaker: a heading
        else:
            current[2].append(line)
    close()
    return parsed


# --- Reading files ---------------------------------------------------------------------------


WRONG_TYPE = _l("Kies een bestand van het type .txt, .docx of .odt.")
OLD_WORD = _l(
    "Een .doc-bestand kunnen we niet lezen. Bewaar het in Word als .docx en probeer opnieuw."
)
UNREADABLE = _l(
    "We kunnen dit bestand niet lezen. Bewaar het opnieuw als .txt, .docx of .odt en probeer het nog eens."
)
TOO_BIG = _l("Het bestand is te groot. Het mag hoogstens 2 MB zijn.")
TOO_LONG = _l("De tekst is te lang. Deel hem op in stukken van hoogstens 500.000 tekens.")
TOO_MANY_PARAGRAPHS = _l(
    "Het document heeft meer dan %(most)s alinea's. Deel het op in kleinere stukken."
)


def read_transcript(filename: str, data: bytes) -> str:
    """The plain text of an uploaded transcript, or TranscriptError with the reason."""
    suffix = PurePath(filename.lower()).suffix
    if suffix == ".doc":
        raise TranscriptError(OLD_WORD, "a .doc file: save it as .docx")
    if suffix not in ALLOWED_SUFFIXES:
        raise TranscriptError(WRONG_TYPE, "expected a .txt, .docx or .odt file")
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(TOO_BIG, "larger than 2 MB")
    text = _decode(data) if suffix == ".txt" else _read_document(suffix, data)
    if len(text) > MAX_TRANSCRIPT_CHARS:
        raise TranscriptError(TOO_LONG, "longer than 500,000 characters")
    return text


def _read_document(suffix: str, data: bytes) -> str:
    """A .docx or .odt, streamed: its size is checked in the zip directory first, and reading
    stops at the first cap (characters, paragraphs) it passes."""
    from participatie.coordinate.focusgroups import transcript_files as files

    _check_zip(data)
    read = files.docx_text if suffix == ".docx" else files.odt_text
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return read(archive, MAX_TRANSCRIPT_CHARS, _row_line)
    except files.TooLong as error:
        raise TranscriptError(TOO_LONG, "longer than 500,000 characters") from error
    except files.TooManyParagraphs as error:
        message = _Formatted(TOO_MANY_PARAGRAPHS, most=files.MAX_PARAGRAPHS)
        raise TranscriptError(message, f"more than {files.MAX_PARAGRAPHS} paragraphs") from error
    except Exception as error:  # a damaged or fake document: zipfile/lxml raise anything
        raise TranscriptError(UNREADABLE, "not a readable document") from error


class _Formatted:
    """A message with values, translated when shown (the command line has no request)."""

    def __init__(self, message: Any, **values: Any) -> None:
        self.message = message
        self.values = values

    def __str__(self) -> str:
        return str(self.message) % self.values


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        # UTF-16 from Windows Notepad, or not text at all.
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        raise TranscriptError(UNREADABLE, "not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _check_zip(data: bytes) -> None:
    try:
        sizes = zip_sizes(data, MAX_ZIP_MEMBERS)
    except NotAZip as error:
        raise TranscriptError(UNREADABLE, "not a readable document") from error
    except TooManyMembers as error:
        raise TranscriptError(TOO_BIG, "more files inside than a document has") from error
    if sizes.unpacked > MAX_UNPACKED_BYTES:
        raise TranscriptError(TOO_BIG, "unpacks to more than 50 MB")


def _row_line(cells: list[str]) -> str:
    """A table row as a line: some transcripts put the speaker in a column of its own."""
    cells = [cell.strip() for cell in cells]
    if len(cells) >= 2 and normalise_pseudonym(cells[0].rstrip(":")):
        return f"{cells[0].rstrip(':')}: {' '.join(c for c in cells[1:] if c)}"
    return " ".join(cell for cell in cells if cell)
