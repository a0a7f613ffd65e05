"""Saving a parsed transcript: one quote per speaker turn, new speakers as attendees.

Importing the same transcript twice adds nothing the second time: a turn whose speaker already
has that exact quote in the group counts as present (as often as it was there before).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie import audit
from participatie.coordinate.focusgroups.forms import TranscriptForm
from participatie.coordinate.focusgroups.quotes import add_imported_quote
from participatie.coordinate.focusgroups.services import add_attendee_for_speaker
from participatie.coordinate.focusgroups.transcripts import (
    MAX_TRANSCRIPT_BYTES,
    MAX_TRANSCRIPT_CHARS,
    TOO_BIG,
    TOO_LONG,
    ParsedTranscript,
    TranscriptError,
    pseudonym_number,
    read_transcript,
)
from participatie.extensions import db
from participatie.models import Attendee, FocusGroup, Quote


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=dict)  # per speaker, in pseudonym order
    already_present: int = 0
    new_attendees: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.created.values())


def new_speakers(group: FocusGroup, parsed: ParsedTranscript) -> list[str]:
    known = {a.pseudonym for a in group.attendees}
    return [speaker for speaker in parsed.counts() if speaker not in known]


def import_transcript(
    group: FocusGroup, parsed: ParsedTranscript, language: str = "", user_id: int | None = None
) -> ImportResult:
    result = ImportResult(created={speaker: 0 for speaker in parsed.counts()})
    attendees = {a.pseudonym: a for a in group.attendees}
    for speaker in new_speakers(group, parsed):
        speaker_language = language or (group.languages[:1] or ["nl"])[0]
        attendees[speaker] = add_attendee_for_speaker(group, speaker, speaker_language)
        result.new_attendees.append(speaker)
    present = _present_quotes(group)
    for turn in parsed.turns:
        attendee: Attendee = attendees[turn.speaker]
        if present[(turn.speaker, turn.text)] > 0:
            present[(turn.speaker, turn.text)] -= 1
            result.already_present += 1
            continue
        add_imported_quote(group, attendee, turn.text, language or attendee.language)
        result.created[turn.speaker] += 1
    result.new_attendees.sort(key=pseudonym_number)
    audit.record(
        "focus_group.import_transcript",
        project=group.project,
        object_type="focus_group",
        object_id=group.public_id,
        user_id=user_id,
        quotes=result.total,
        skipped_turns=len(parsed.skipped),
        new_attendees=result.new_attendees,
    )
    return result


def _present_quotes(group: FocusGroup) -> Counter[tuple[str, str]]:
    rows = db.session.execute(
        select(Attendee.pseudonym, Quote.text)
        .join(Quote.attendee)
        .where(Quote.focus_group_id == group.id)
    ).all()
    return Counter((pseudonym, text) for pseudonym, text in rows)


NOTHING_SUBMITTED = _l("Kies een bestand of plak de tekst van het transcript.")


def submitted_transcript(form: TranscriptForm) -> str | None:
    """The transcript's text from the upload or the text box; None with the reason on the form."""
    upload: Any = form.file.data
    filename: str | None = getattr(upload, "filename", None)
    if upload is not None and filename:
        data = upload.read(MAX_TRANSCRIPT_BYTES + 1)
        if len(data) > MAX_TRANSCRIPT_BYTES:
            form.file.errors = [str(TOO_BIG)]
            return None
        try:
            return read_transcript(filename, data)
        except TranscriptError as error:
            form.file.errors = [str(error.message)]
            return None
    text = form.text.data or ""
    if not text.strip():
        form.text.errors = [str(NOTHING_SUBMITTED)]
        return None
    if len(text) > MAX_TRANSCRIPT_CHARS:
        form.text.errors = [str(TOO_LONG)]
        return None
    return text
