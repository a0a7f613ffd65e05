"""Sentences of a statement, for the 13 scripts we serve: a rule of our own (no NLTK, no simplemma).

Why sentences: a long quote or a transcript passage tells a story over several sentences. A topic
that comes back in several sentences is the story's topic; one word in passing ("my family is
abroad" in a story about loneliness) is an echo. The suggester counts, per code, in how many
sentences it found evidence.

The rule: a sentence ends at ``.``, ``!``, ``?``, ``…``, the Arabic question mark ``؟``, the Ge'ez
full stop ``።`` and question mark ``፧``, or a line break, when the next character is a space or
the end (so ``1.5``, ``e-mail.adres`` and ``www.uitpas.be`` do not split). A few abbreviations that
end in a dot (``bv.``, ``e.g.``, ``mr.``) are not sentence ends.
"""

from __future__ import annotations

import re
from typing import Final

from participatie.tagging.normalize import CLAUSE_RE, WORD_RE, normalize

_END: Final = re.compile(r"(?<=[.!?…؟።፧])[\"'»”)\]]*\s+|[\r\n]+\s*")
_ABBREVIATIONS: Final = frozenset(
    {
        "bv.",
        "bijv.",
        "o.a.",
        "enz.",
        "e.g.",
        "i.e.",
        "etc.",
        "mr.",
        "mrs.",
        "dr.",
        "mme.",
        "m.",
        "nr.",
    }
)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, empty ones dropped."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        piece = text[start : match.start()].strip()
        last = piece.rsplit(None, 1)[-1].casefold() if piece else ""
        if last in _ABBREVIATIONS:
            continue
        if piece:
            out.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentence_clauses(text: str, lang: str = "") -> tuple[list[list[str]], list[int]]:
    """Normalised tokens per clause (as ``normalize.clauses``) and each clause's sentence number.

    The text is normalised once, then cut: a one-sentence answer (most survey answers) costs what
    it cost before sentences were counted.
    """
    normalized = normalize(text, lang)
    all_clauses: list[list[str]] = []
    sentence_of: list[int] = []
    pieces = split_sentences(normalized) if _END.search(normalized) else [normalized]
    for number, sentence in enumerate(pieces):
        for part in CLAUSE_RE.split(sentence):
            words = WORD_RE.findall(part)
            if words:
                all_clauses.append(words)
                sentence_of.append(number)
    return all_clauses, sentence_of
