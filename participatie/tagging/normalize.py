"""Text normalisation and tokenisation shared by the lexicon build step and the runtime matcher.

Why one module: the build step normalises simplemma's word forms with exactly the functions that
later normalise participant text, so a form written with a ZWNJ, a Persian yeh or a decomposed
accent still finds its entry. No NLTK (its corpora cannot be downloaded on our servers) and no
simplemma at runtime: a Unicode regex is enough to cut words.

What normalisation does, per script:

* all: Unicode NFC, casefold, apostrophes and hyphens separate words (``d'aide`` -> ``d``,
  ``aide``; ``OCMW-waarborg`` -> ``ocmw``, ``waarborg``), soft hyphen, ZWJ and ZWNJ removed.
* Turkish: dotted/dotless capital I folded the Turkish way before casefolding.
* Romanian: s/t with cedilla folded to the comma-below letters people mix them with.
* Cyrillic: ё -> е (Russian is mostly printed without the dots).
* Arabic script (ar, fa_AF): harakat, Quranic marks and tatweel removed; alef variants -> bare alef;
  Arabic yeh, alef maksura and Persian yeh -> one yeh; Arabic and Persian kaf -> one kaf;
  ta marbuta and heh with yeh -> heh. Persian writes ``می‌گردم`` with a ZWNJ or without one; removing
  the ZWNJ makes both spellings one token.
* Ge'ez (ti): left as is (each character is a syllable; there is no case).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_ARABIC_MARKS: Final = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE: Final = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ARABIC_FOLD: Final = str.maketrans(
    {
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0622": "\u0627",  # alef with madda
        "\u0671": "\u0627",  # alef wasla
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06cc": "\u064a",  # Persian yeh -> Arabic yeh
        "\u06d2": "\u064a",  # yeh barree
        "\u06a9": "\u0643",  # Persian keheh -> Arabic kaf
        "\u0629": "\u0647",  # ta marbuta -> heh
        "\u06c0": "\u0647",  # heh with yeh above
        "\u06c1": "\u0647",  # heh goal
    }
)
_ROMANIAN_FOLD: Final = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
# ё -> е; the modifier-letter apostrophe (Ukrainian ``сімʼя``) is a letter to regex \w: make it an
# ordinary apostrophe so every spelling splits the same way
_CYRILLIC_FOLD: Final = str.maketrans({"ё": "е", "\u02bc": "'"})
_TURKISH_UPPER: Final = str.maketrans({"İ": "i", "I": "ı"})

_ARABIC_SCRIPT: Final = re.compile("[\u0600-\u06ff]")
# A word: letters and digits of any script (no underscore). Apostrophes, hyphens and all other
# punctuation separate words; clause punctuation is found separately for the kind cues.
WORD_RE: Final = re.compile(r"[^\W_]+")
# Clause boundaries: sentence and clause punctuation of the scripts we serve (Latin, Arabic, Ge'ez).
CLAUSE_RE: Final = re.compile(r"[.,;:!?…()\[\]\"«»“”„،؛؟።፣፤፥፦፧፨\n]+")


def normalize(text: str, lang: str = "") -> str:
    """Normalise ``text`` for matching (see the module docstring for what and why)."""
    text = unicodedata.normalize("NFC", text)
    if lang == "tr":
        text = text.translate(_TURKISH_UPPER)
    elif lang == "ro":
        text = text.translate(_ROMANIAN_FOLD)
    text = _INVISIBLE.sub("", text).casefold().translate(_CYRILLIC_FOLD)
    if _ARABIC_SCRIPT.search(text):
        text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD)
    return text


def tokenize(text: str, lang: str = "") -> list[str]:
    """Normalised word tokens of ``text``."""
    return WORD_RE.findall(normalize(text, lang))


def clauses(text: str, lang: str = "") -> list[list[str]]:
    """Normalised tokens grouped by clause (split on punctuation), empty clauses dropped."""
    out = []
    for part in CLAUSE_RE.split(normalize(text, lang)):
        words = WORD_RE.findall(part)
        if words:
            out.append(words)
    return out


def script_min_stem(word: str) -> int:
    """The shortest stem a ``stem*`` entry may have in ``word``'s script.

    Why it differs per script: a Ge'ez character is a whole syllable, an Arabic-script word drops
    short vowels, so two or three characters there carry as much as four Latin letters.
    """
    if any("\u1200" <= ch <= "\u139f" for ch in word):
        return 2
    if any("\u0600" <= ch <= "\u06ff" for ch in word):
        return 3
    return 4


# Letters NFD does not decompose, as a keyboard without them types them.
_BARE_LETTERS: Final = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def without_diacritics(word: str) -> str:
    """``word`` as typed on a phone without the language's letters: ``çalışıyorum`` ->
    ``calisiyorum``, ``école`` -> ``ecole``, ``învățământ`` -> ``invatamant`` (voice messages
    and chat are often written so). Only for the lexicons that ask for it (``fold_diacritics``)."""
    decomposed = unicodedata.normalize("NFD", word.translate(_BARE_LETTERS))
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter))
