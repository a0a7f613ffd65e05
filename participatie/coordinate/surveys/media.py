"""Read-aloud recordings per question and language, checked by their first bytes.

A file's name and the browser's content type say nothing reliable; the container's magic bytes
do. The participant page plays the recording from /a/<public_id> with the type found here.
"""

from __future__ import annotations

from participatie.coordinate.surveys import messages as msg
from participatie.extensions import db
from participatie.models import Question, QuestionAudio, Survey
from participatie.surveys.versions import record_change

MAX_AUDIO_BYTES = 2 * 1024 * 1024


def audio_type(data: bytes) -> str | None:
    """The audio MIME type of these bytes, or None when they are not audio we serve."""
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in data[:64]:
        return "audio/webm"
    if data[4:8] == b"ftyp" and data[8:11] in {b"M4A", b"mp4", b"iso", b"M4B", b"dash"}:
        return "audio/mp4"
    if data.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "audio/wav"
    return None


def read_upload(stream: object) -> bytes | None:
    """At most one byte more than allowed, so a huge upload is never read whole."""
    read = getattr(stream, "read", None)
    if read is None:
        return None
    data: bytes = read(MAX_AUDIO_BYTES + 1)
    return data


def save_audio(
    survey: Survey, question: Question, language: str, data: bytes | None, languages: list[str]
) -> list[tuple[str, str]]:
    if language not in languages:
        return [("audio-language", str(msg.AUDIO_LANGUAGE))]
    if not data:
        return [("audio-file", str(msg.AUDIO_FILE))]
    if len(data) > MAX_AUDIO_BYTES:
        return [("audio-file", str(msg.AUDIO_TOO_BIG))]
    mimetype = audio_type(data)
    if mimetype is None:
        return [("audio-file", str(msg.AUDIO_TYPE))]
    record_change(survey, structural=False)
    old = next((audio for audio in question.audio if audio.language == language), None)
    if old is not None:
        # A new recording gets a new address: players and caches never mix up the two.
        question.audio.remove(old)
        db.session.flush()
    question.audio.append(QuestionAudio(language=language, mimetype=mimetype, data=data))
    db.session.flush()
    return []


def audio_for(question: Question, public_id: str) -> QuestionAudio | None:
    return next((audio for audio in question.audio if audio.public_id == public_id), None)


def delete_audio(survey: Survey, question: Question, recording: QuestionAudio) -> None:
    record_change(survey, structural=False)
    question.audio.remove(recording)
