"""Learn per-project term weights from the coordinators' accepted and rejected tags.

Why per project: one municipality says ``sociaal huis`` for its OCMW, another runs a ``Wijk-werken``
office; a term that misleads in one project is right in another. The lexicons stay shared; a
project only carries small adjustments, recomputed from its own decisions (a pure function: the
same examples always give the same weights).

What is learned, from examples ``(text, lang, code, accepted)``:

* Existing lexicon entries: every entry that contributed to ``code`` in a statement where the
  coordinator accepted ``code`` counts as a hit, where they rejected it as a miss. With a
  Laplace-smoothed precision ``p = (hits + 1) / (hits + misses + 2)`` the entry's weight changes by
  ``2 * (p - 0.5)`` when that is negative (it loses weight; after a few consistent rejections it
  stops counting), and by ``MAX_BOOST * 2 * (p - 0.5)`` when positive, only once it was accepted in
  ``MIN_SUPPORT`` statements: one acceptance must not lift a weak word over the threshold.
* Silent misses: in a statement where the coordinator accepted at least one domain, the entries
  of every other domain the lexicon found count as misses too. A calibrated suggester does not
  propose a domain with weak evidence, so nobody ever rejects it; the coordinator's choice of
  domains still says that those words did not mean that domain here.
* New terms: a word form (the lexicon word it inflects, else the token itself) that occurs in at
  least ``MIN_SUPPORT`` statements where ``code`` was accepted, in at least ``MIN_PRECISION`` of all
  statements with that word, and at least ``MIN_LIFT`` times more often than ``code`` is accepted
  overall (so ``de`` or ``mijn`` never become terms) becomes a term of ``code`` with weight
  ``precision * min(1, support / 3)``. Only domains and drempels learn new terms: a kind depends on
  the whole sentence, not on a topic word.

The result maps ``(code, term)`` to a weight change, the form ``suggester.suggest`` takes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from participatie.tagging import lexicons
from participatie.tagging.codebook import ALL_CODES, DOMAINS, KINDS
from participatie.tagging.matcher import CompiledLexicon
from participatie.tagging.normalize import clauses, script_min_stem
from participatie.tagging.suggester import feature, suggest_with

MIN_SUPPORT = 3
MIN_PRECISION = 0.7
MIN_LIFT = 2.0
MAX_BOOST = 0.25
MIN_MISSES = 2.0
SILENT_MISS = 0.5  # a domain nobody proposed and nobody chose: half a rejection

Example = tuple[str, str, str, bool]  # (statement text, language, code key, accepted)
LexiconFor = Callable[[str], CompiledLexicon]


def _features(lexicon: CompiledLexicon, text: str) -> set[str]:
    """Candidate term forms of a statement: words of 4+ letters (3+ in Arabic script, 2+ Ge'ez
    syllables), no digits. Short words are mostly function words in every script we serve."""
    out = set()
    for words in clauses(text, lexicon.lang):
        for token in words:
            if token.isdigit():
                continue
            if len(token) >= script_min_stem(token):
                out.add(feature(lexicon, token))
    return out


def learn_weights(
    examples: Iterable[Example | Any], lexicon_for: LexiconFor = lexicons.load
) -> dict[tuple[str, str], float]:
    """Weight adjustments ``{(code, term): delta}`` learned from accepted/rejected tags.

    ``examples`` are ``(text, lang, code, accepted)`` tuples (or objects unpacking to them).
    Examples in a language without a lexicon, or for a code outside the default codebook, are
    skipped: the weights only ever refine the default lexicons.
    """
    decided: dict[tuple[str, str], dict[str, bool]] = defaultdict(dict)
    for text, lang, code, accepted in examples:
        if code not in ALL_CODES or not str(text).strip():
            continue
        try:
            key = (str(text), lexicons.canonical_lang(lang))
        except lexicons.UnsupportedLanguage:
            continue
        decided[key][code] = bool(accepted)
    if not decided:
        return {}
    hits: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    feature_docs: dict[str, set[int]] = defaultdict(set)  # lang-qualified feature -> statements
    accepted_docs: dict[str, set[int]] = defaultdict(set)  # code -> statements accepting it
    feature_codes: dict[tuple[str, str], set[int]] = defaultdict(set)
    for doc, ((text, lang), codes) in enumerate(sorted(decided.items())):
        try:
            lexicon = lexicon_for(lang)
        except FileNotFoundError:
            continue
        suggestion = suggest_with(lexicon, text, use_sentiment=False)
        for code, accepted in codes.items():
            for entry in suggestion.entries.get(code, []):
                hits[(code, entry)][0 if accepted else 1] += 1
        if any(accepted and code in DOMAINS for code, accepted in codes.items()):
            # The coordinator chose this statement's domains: a domain whose entries matched but
            # that they did not accept (and the suggester did not even propose, so it was never
            # rejected) is a silent miss for those entries.
            for code, entries in suggestion.entries.items():
                if code in DOMAINS and code not in codes:
                    for entry in entries:
                        hits[(code, entry)][1] += SILENT_MISS
        features = {f"{lang}\x00{f}" for f in _features(lexicon, text)}
        for qualified in features:
            feature_docs[qualified].add(doc)
        for code, accepted in codes.items():
            if accepted:
                accepted_docs[code].add(doc)
                matched = set(suggestion.entries.get(code, []))
                for qualified in features:
                    if qualified.split("\x00", 1)[1] not in matched:
                        feature_codes[(code, qualified)].add(doc)
    weights: dict[tuple[str, str], float] = {}
    for (code, entry), (good, bad) in hits.items():
        precision = (good + 1) / (good + bad + 2)
        delta = max(-1.0, 2 * (precision - 0.5))
        if delta < 0 and bad < MIN_MISSES:
            delta = 0.0  # one rejection is a coordinator's judgement on one statement, not a rule
        if delta > 0:
            delta = MAX_BOOST * delta if good >= MIN_SUPPORT else 0.0
        if abs(delta) >= 0.05:
            weights[(code, entry)] = round(delta, 3)
    n_docs = len(decided)
    for (code, qualified), docs in feature_codes.items():
        if code in KINDS or len(docs) < MIN_SUPPORT:
            continue
        precision = len(docs) / len(feature_docs[qualified])
        base_rate = len(accepted_docs[code]) / n_docs
        if precision >= MIN_PRECISION and precision >= MIN_LIFT * base_rate:
            term = qualified.split("\x00", 1)[1]
            weight = round(precision * min(1.0, len(docs) / 3), 3)
            weights[(code, term)] = max(weights.get((code, term), 0.0), weight)
    return weights


def weights_to_json(weights: Mapping[tuple[str, str], float]) -> dict[str, dict[str, float]]:
    """A JSON-friendly form ``{code: {term: delta}}`` (tuple keys are not JSON)."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (code, term), delta in sorted(weights.items()):
        out[code][term] = delta
    return dict(out)


def weights_from_json(data: Mapping[str, Mapping[str, float]]) -> dict[tuple[str, str], float]:
    """The inverse of ``weights_to_json``."""
    return {
        (code, term): float(delta) for code, terms in data.items() for term, delta in terms.items()
    }
