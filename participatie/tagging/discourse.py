"""Denied problems: "geen probleem met school, wel met het lidgeld" is about the lidgeld.

Parents often set one thing against another: "op school gaat het goed, het probleem is de club",
"not the school but the fees". A problem cue that is negated ("geen probleem", "not the problem")
and followed by a shift word ("wel", "maar", "but", "mais", "ama", "لكن") in the same sentence
does two things here:

* the domains named in the clause of the denied problem barely count (``DENIED_WEIGHT``): the
  statement is not about them;
* the denied cue does not become a strength (``geen probleem`` alone is kracht): what follows the
  shift is the problem, so the cue stays a knelpunt.

The shift words are listed per language here, not in the lexicons: they are grammar, not topic.
"""

from __future__ import annotations

from typing import Final

DENIED_WEIGHT: Final = 0.2
SHIFT_WORDS: Final[dict[str, frozenset[str]]] = {
    "nl": frozenset({"wel", "maar", "wél"}),
    "en": frozenset({"but", "rather", "instead"}),
    "fr": frozenset({"mais", "plutôt"}),
    "tr": frozenset({"ama", "fakat", "asıl", "ancak"}),
    "ar": frozenset({"لكن", "ولكن", "بل", "لكنني", "لكنه", "لكنها"}),
    "fa_AF": frozenset({"اما", "بلکه", "ولی"}),
    "pl": frozenset({"ale", "lecz", "tylko"}),
    "ro": frozenset({"dar", "ci", "însă"}),
    "bg": frozenset({"но", "а"}),
    "uk": frozenset({"але", "а", "проте"}),
    "ru": frozenset({"но", "а", "зато"}),
    "so": frozenset({"laakiin", "balse"}),
    "ti": frozenset({"ግን", "ግና"}),
}


def denied_clauses(
    lang: str,
    tokens: list[str],
    clause_of: list[int],
    sentence_of_clause: list[int],
    denied_cues: list[tuple[int, int]],
) -> set[int]:
    """Clauses holding a negated problem cue (``(start, end)`` token spans) that a shift word
    later in the same sentence sets against something else."""
    shifts = SHIFT_WORDS.get(lang, frozenset())
    out: set[int] = set()
    for start, end in denied_cues:
        clause = clause_of[start]
        sentence = sentence_of_clause[clause]
        for i in range(end, len(tokens)):
            if sentence_of_clause[clause_of[i]] != sentence:
                break
            if tokens[i] in shifts:
                out.add(clause)
                break
    return out
