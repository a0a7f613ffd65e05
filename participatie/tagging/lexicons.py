"""Load the expanded lexicons lazily, one language at a time.

Why lazily: a web worker that only ever tags Dutch should not pay for twelve other languages. Each
file under ``lexicons/expanded/`` carries its source lexicon and the inflected forms computed by
``build_lexicons`` with simplemma, so nothing here imports simplemma or touches its dictionaries.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from participatie.tagging.codebook import LANGUAGES
from participatie.tagging.matcher import CompiledLexicon

EXPANDED_DIR = Path(__file__).resolve().parent / "lexicons" / "expanded"
_ALIASES = {lang.casefold().replace("-", "_"): lang for lang in LANGUAGES}


class UnsupportedLanguage(ValueError):
    """The statement's language has no lexicon."""


def canonical_lang(lang: str) -> str:
    """The supported language code for ``lang`` (``fa-AF``/``fa_af`` -> ``fa_AF``), or raise."""
    found = _ALIASES.get(str(lang).strip().casefold().replace("-", "_"))
    if found is None:
        raise UnsupportedLanguage(f"unsupported language: {lang!r}")
    return found


@cache
def load(lang: str) -> CompiledLexicon:
    """The compiled lexicon of ``lang`` (built once per process, then cached)."""
    code = canonical_lang(lang)
    path = EXPANDED_DIR / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} is missing: run `python -m participatie.tagging.build_lexicons {code}`"
        ) from None
    return CompiledLexicon.from_source(data["source"], data["forms"])
