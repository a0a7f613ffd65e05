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

A conceded topic works the same way without a negation: "Op school gaat het goed. Maar de club
kost 280 euro" (``conceded_clauses``). The clauses of a sentence with a word that says something
is fine (``FINE_WORDS``: ``goed``, ``iyi``, ``хорошо``; not negated) that a contrast word then
turns away from (later in that sentence, or at the start of the next one) name what is *not* the
problem; their domains count for ``CONCEDED_WEIGHT``. Only these evaluations, not every strength
cue: "het groeipakket is een hulp, dat wel, maar ..." is still about the groeipakket. Issue 20, sixth pass: new writers set a fine school against a costly club,
a good teacher against a cancelled bus.
"""

from __future__ import annotations

from typing import Final

DENIED_WEIGHT: Final = 0.2
CONCEDED_WEIGHT: Final = 0.3
FINE_WORDS: Final[dict[str, frozenset[str]]] = {
    "nl": frozenset({"goed", "prima", "fijn", "tevreden", "oké", "ok"}),
    "en": frozenset({"fine", "good", "great", "ok", "okay", "happy"}),
    "fr": frozenset({"bien", "bon", "bonne", "content", "contente", "satisfait", "satisfaite"}),
    "tr": frozenset({"iyi", "güzel", "memnun", "memnunum", "memnunuz"}),
    "ar": frozenset({"جيد", "جيده", "ممتاز", "ممتازه", "بخير", "راض", "راضيه", "راضون"}),
    "fa_AF": frozenset({"خوب", "راضی", "عالی"}),
    "pl": frozenset({"dobrze", "dobra", "dobry", "zadowolony", "zadowolona", "zadowoleni"}),
    "ro": frozenset({"bine", "bună", "bun", "mulțumit", "mulțumită", "mulțumiți"}),
    "bg": frozenset({"добре", "доволен", "доволна", "доволни", "хубаво"}),
    "uk": frozenset({"добре", "задоволений", "задоволена", "задоволені", "нормально"}),
    "ru": frozenset({"хорошо", "доволен", "довольна", "довольны", "нормально"}),
    "so": frozenset({"fiican", "wanaagsan", "fiicnaa"}),
    "ti": frozenset({"ጽቡቕ", "ሰናይ"}),
}
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


def conceded_clauses(
    lang: str,
    contrast: frozenset[str],
    tokens: list[str],
    clause_of: list[int],
    sentence_of_clause: list[int],
    negations: frozenset[str],
) -> set[int]:
    """Clauses conceded before a contrast: from the start of a sentence holding a ``FINE_WORDS``
    word (no negation in the three words before it) up to a contrast word after it in that
    sentence, or the whole sentence when the next sentence opens with a contrast word."""
    fine = FINE_WORDS.get(lang, frozenset())
    strengths = [
        i
        for i, token in enumerate(tokens)
        if token in fine and not any(t in negations for t in tokens[max(0, i - 3) : i])
    ]
    if not strengths:
        return set()
    first_of: dict[int, int] = {}  # sentence -> its first token
    for i, clause in enumerate(clause_of):
        first_of.setdefault(sentence_of_clause[clause], i)
    out: set[int] = set()
    for cue in strengths:
        sentence = sentence_of_clause[clause_of[cue]]
        turn = next(
            (
                i
                for i in range(cue + 1, len(tokens))
                if sentence_of_clause[clause_of[i]] == sentence and tokens[i] in contrast
            ),
            None,
        )
        following = first_of.get(sentence + 1)
        if turn is None and following is not None and tokens[following] in contrast:
            turn = following
        if turn is None:
            continue
        start = first_of[sentence]
        out.update(clause_of[i] for i in range(start, turn) if clause_of[i] != clause_of[turn])
    return out
