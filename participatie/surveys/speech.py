"""Read-aloud generated on the server: espeak-ng speaks, opusenc compresses (Ogg Opus).

A cheap phone rarely has a voice for Arabic and never one for Tigrinya, so the server makes the
audio of every question page (the question, its hint and its options, read in that order) for
each language espeak-ng speaks. Files are kept under the instance folder, named by a hash of
the voice and the text: a changed text gets a new file and a new URL, so the URL can be cached
for a year. A page's file is made on the first tap (about a third of a second), not when the
survey is published: making every page in every language at once took half a minute for one
template in 11 voices, longer than a web worker may take (gunicorn's 30 s timeout) for a survey
in many languages. `participatie surveys speak CODE` makes them all ahead, for who wants no
first-tap wait. Without espeak-ng (Debian package `espeak-ng`) or opusenc (`opus-tools`) only
the audio is missing: publishing goes on and the coordinator is told which package to install.

Ogg Opus at 16 kbit/s mono is about 6 kB for three seconds of speech; MP3 (lame) needs about
three times that for the same intelligibility, hence Opus.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from flask import current_app

# Our locales → espeak-ng voices (`espeak-ng --voices`). Somali and Tigrinya have none: those
# need a coordinator's own recording. espeak-ng's Persian voice reads Dari's script and words.
VOICES: dict[str, str] = {
    "nl": "nl",
    "fr": "fr-fr",
    "en": "en-gb",
    "ar": "ar",
    "tr": "tr",
    "pl": "pl",
    "ro": "ro",
    "bg": "bg",
    "uk": "uk",
    "ru": "ru",
    "fa_AF": "fa",
}
PACKAGES = "espeak-ng opus-tools"
MIMETYPE = "audio/ogg"
TIMEOUT_SECONDS = 30


class SpeechUnavailable(Exception):
    """espeak-ng or opusenc is not installed; the message names the Debian packages."""


@cache
def tools() -> tuple[str, str] | None:
    espeak, opusenc = shutil.which("espeak-ng"), shutil.which("opusenc")
    return (espeak, opusenc) if espeak and opusenc else None


def speaks(language: str) -> bool:
    return language in VOICES and tools() is not None


def page_text(question: Any, language: str) -> str:
    """What the page says in `language`: question, hint, options; empty when a part is missing."""
    if not question.label.get(language, "").strip():
        return ""
    parts = [question.label.get(language, ""), question.hint.get(language, "")]
    parts += [option.label.get(language, "") for option in question.options]
    # A full stop between parts makes espeak-ng pause, as a reader would.
    return ". ".join(part.strip().rstrip(".?!:") for part in parts if part.strip())


def text_key(language: str, text: str) -> str:
    return hashlib.sha256(f"{VOICES.get(language, '')}\n{text}".encode()).hexdigest()[:32]


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "speech"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def audio_path(language: str, text: str) -> Path:
    return _folder() / f"{text_key(language, text)}.ogg"


def synthesise(language: str, text: str) -> Path:
    """The compressed audio of `text`, made now unless it already exists."""
    found = tools()
    if found is None:
        raise SpeechUnavailable(PACKAGES)
    target = audio_path(language, text)
    if target.is_file():
        return target
    espeak, opusenc = found
    with tempfile.TemporaryDirectory() as work:
        wav = Path(work) / "speech.wav"
        ogg = Path(work) / "speech.ogg"
        # Slower than espeak's default (175 words a minute): easier to follow. An argument
        # list, no shell; the text comes after "--", so it is never read as an option.
        subprocess.run(  # noqa: S603
            [espeak, "-v", VOICES[language], "-s", "140", "-w", str(wav), "--", text],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
        subprocess.run(  # noqa: S603
            [
                opusenc,
                "--quiet",
                "--speech",
                "--bitrate",
                "16",
                "--downmix-mono",
                str(wav),
                str(ogg),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
        # Written under a temporary name of its own and renamed: a reader never sees half a
        # file, and two processes making the same text at once (two workers, or test workers
        # sharing a folder) never write into each other's copy.
        with (
            tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as partial,
            ogg.open("rb") as source,
        ):
            shutil.copyfileobj(source, partial)
        Path(partial.name).replace(target)
    return target


@dataclass
class SpeechOutcome:
    made: int = 0
    present: int = 0  # already made (an earlier tap or run)
    unavailable: bool = False
    failed: list[tuple[str, str]] = field(default_factory=list)  # (question name, language)
    no_voice: list[str] = field(default_factory=list)  # offered languages nobody speaks


def check_for_survey(definition: Any) -> SpeechOutcome:
    """What publishing tells the coordinator about read-aloud, without making any audio: the
    offered languages no engine speaks, or that the engine is missing altogether."""
    outcome = SpeechOutcome()
    outcome.no_voice = [code for code in definition.languages if code not in VOICES]
    outcome.unavailable = tools() is None
    return outcome


def generate_for_survey(definition: Any, languages: Iterable[str] = ()) -> SpeechOutcome:
    """Audio of every question page in every offered language espeak-ng speaks (or in
    `languages` only), made ahead of the first taps. A text that fails is reported and the
    others go on."""
    outcome = check_for_survey(definition)
    if outcome.unavailable:
        return outcome
    wanted = set(languages) or set(definition.languages)
    for language in definition.languages:
        if language not in VOICES or language not in wanted:
            continue
        for question in definition.questions:
            text = page_text(question, language)
            if not text:
                continue
            if audio_path(language, text).is_file():
                outcome.present += 1
                continue
            try:
                synthesise(language, text)
                outcome.made += 1
            except (subprocess.SubprocessError, OSError):
                outcome.failed.append((question.name, language))
    return outcome


def outcome_messages(outcome: SpeechOutcome) -> list[str]:
    """What the coordinator reads after publishing; publishing itself already happened."""
    from flask_babel import gettext as _

    from participatie.i18n import LANGUAGE_NAMES

    messages = []
    if outcome.unavailable:
        messages.append(
            _(
                "De computer kon de vragen niet voorlezen: installeer op de server het pakket %(packages)s. De vragenlijst staat wel open.",
                packages=PACKAGES,
            )
        )
    if outcome.failed:
        names = ", ".join(sorted({name for name, _lang in outcome.failed}))
        messages.append(
            _(
                "Voorlezen lukte niet voor deze vragen: %(questions)s. De andere vragen kan de computer wel voorlezen.",
                questions=names,
            )
        )
    if outcome.no_voice:
        languages = ", ".join(LANGUAGE_NAMES.get(code, code) for code in outcome.no_voice)
        messages.append(
            _(
                "De computer kan niet voorlezen in het %(languages)s. Neem de vragen zelf op (bij elke vraag: Voorlezen), dan horen deelnemers jouw stem.",
                languages=languages,
            )
        )
    return messages
