"""Suggest levensdomeinen, drempels and a kind for one participant statement, with evidence.

How it decides, so that a coordinator can check every suggestion:

* Domains and drempels: every lexicon entry found in the statement adds its weight to its code
  (each entry once). A code is suggested when its score reaches ``THRESHOLD`` (one clear term, or
  two weaker ones). When no domain reaches it, the best domain is still offered if it reaches
  ``FALLBACK`` (a hint beats an empty list in a review queue). A second or third domain must also
  reach ``RELATIVE`` times the best one, so one strong topic does not drag in every weak echo.
* Kind: cue words and phrases (``te duur``, ``helpt``, ``ik zou graag``) for knelpunt, kracht and
  droom. A kracht cue near a negation (``helpt niet``) counts as knelpunt and a knelpunt cue near a
  negation (``niet moeilijk``) as kracht. Negations count up to three words before a cue, and
  after it only where the language puts them there (``negation_after`` in the lexicon: Dutch
  ``helpt ons niet``). After a contrast word (``maar``) cues weigh more, before it
  less: "fijn, maar te duur" is a problem. For en/nl/fr TextBlob's polarity adds to kracht or
  knelpunt, at most ``SENTIMENT_WEIGHT``; it is only computed when the cues leave the kind open
  (the cost of a tagged statement is mostly that of the sentiment). Every drempel found adds a little to knelpunt: a drempel is an obstacle. The highest of
  the three wins if it reaches ``KIND_MIN`` (ties: knelpunt, then droom, then kracht). A statement
  without any cue gets no kind: most statements participants give are problems, but a kind guessed
  from no evidence at all is a guess a coordinator cannot check (issue 16), so none is suggested.
* Scores are 1 - exp(-raw score): 0.63 for one term of weight 1, 0.86 for two.

``weights`` (from ``learning.learn_weights``) adjusts entries per project: ``{(code, term): delta}``
where ``term`` is an entry text shown in evidence (a gain adds ``delta``, a loss takes that share
of the entry's own weight) or a new word form the project's coordinators accepted for that code
(it becomes a term).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from participatie.tagging import calibration, discourse, lexicons, sentiment
from participatie.tagging.calibration import Evidence
from participatie.tagging.codebook import BARRIERS, DOMAINS, KINDS
from participatie.tagging.matcher import CompiledLexicon, Hit
from participatie.tagging.sentences import sentence_clauses

Weights = Mapping[tuple[str, str], float]

# A domain with less evidence than half a clear term is never suggested, whatever the model says:
# what a project's coordinators muted (learning) stays muted.
MIN_DOMAIN_RAW = 0.5
MAX_DOMAINS = 3
BARRIER_THRESHOLD = 1.0
KIND_MIN = 0.5
SENTIMENT_WEIGHT = 0.5
_TIE_ORDER = {"knelpunt": 2, "droom": 1, "kracht": 0}
BARRIER_TO_KNELPUNT = 0.5
NEGATION_BEFORE = 3
AFTER_CONTRAST, BEFORE_CONTRAST = 1.5, 0.6
LAST_SENTENCE = 1.5
_ORDER = {code: i for i, code in enumerate(DOMAINS + BARRIERS + KINDS)}


@dataclass
class Suggestion:
    """What the suggester proposes for one statement; the fields mirror the CLI's JSON lines."""

    domains: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    kind: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    # The lexicon entries behind each code's score (what ``weights`` are keyed on); not in the JSON.
    entries: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # What the calibrated domain scores were computed from (fitting, the reliability table).
    domain_evidence: dict[str, Evidence] = field(default_factory=dict, repr=False)
    # Per suggested code, why, as data the review queue words in plain language: a matched term
    # ``{"words", "term"}`` (plus ``"negation"`` when a negation turned a cue around), a drempel
    # found ``{"barrier"}``, or the statement's tone ``{"tone": "positive" | "negative"}``.
    reasons: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)

    def as_json(self, statement_id: Any = None) -> dict[str, Any]:
        """The JSON object of ``participatie themes suggest`` (DESIGN.md §6)."""
        return {
            "id": statement_id,
            "domains": self.domains,
            "barriers": self.barriers,
            "kind": self.kind,
            "scores": self.scores,
            "evidence": self.evidence,
        }


def suggest(text: str, lang: str, weights: Weights | None = None) -> Suggestion:
    """Suggest codes for ``text`` written in ``lang`` (one of the 13 UI languages).

    Raises ``lexicons.UnsupportedLanguage`` for any other language.
    """
    return suggest_with(lexicons.load(lang), text, weights)


def confidence(raw: float) -> float:
    """Map an additive raw score to [0, 1)."""
    return round(1.0 - math.exp(-raw), 3)


def _learned_index(
    lexicon: CompiledLexicon, weights: Weights | None
) -> tuple[dict[tuple[str, str], float], dict[str, list[tuple[str, float]]]]:
    """Split ``weights`` into adjustments of lexicon entries and new learned terms."""
    adjust: dict[tuple[str, str], float] = {}
    new: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (code, term), delta in (weights or {}).items():
        if term in lexicon.term_texts.get(code, ()):
            adjust[(code, term)] = delta
        elif delta > 0:
            new[term].append((code, delta))
    return adjust, new


def feature(lexicon: CompiledLexicon, token: str) -> str:
    """The form a learned term is stored as: the lexicon word a token inflects, else the token."""
    words = lexicon.forms.get(token)
    return words[0] if words else token


def _adjusted(weight: float, delta: float) -> float:
    """An entry's weight after a project's learned change: a loss is a share of the entry's own
    weight (every rejection mutes a strong service name as much as an everyday word), a gain adds."""
    if delta < 0:
        return max(0.0, weight * (1.0 + delta))
    return weight + delta


def suggest_with(
    lexicon: CompiledLexicon, text: str, weights: Weights | None = None, use_sentiment: bool = True
) -> Suggestion:
    """Suggest codes for ``text`` with an explicit compiled lexicon (tests, learning, tuning)."""
    clause_tokens, sentence_of_clause = sentence_clauses(text, lexicon.lang)
    repeats: list[Hit] = []
    hits, tokens, clause_of = lexicon.match(clause_tokens, repeats)
    adjust, new = _learned_index(lexicon, weights)
    negations = _negations(lexicon, tokens, hits)
    denied_spans = [
        (hit.start, hit.end)
        for hit in hits
        if hit.entry.code == "knelpunt"
        and _negated_by(lexicon, hit, negations, clause_of) is not None
    ]
    denied = discourse.denied_clauses(
        lexicon.lang, tokens, clause_of, sentence_of_clause, denied_spans
    )
    conceded = discourse.conceded_clauses(
        lexicon.lang, lexicon.contrast, tokens, clause_of, sentence_of_clause, lexicon.negations
    )
    raw: dict[str, float] = defaultdict(float)
    # per code: (weight, words of the statement, lexicon entry)
    found: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    # per code: the sentences its evidence is in
    where: dict[str, set[int]] = defaultdict(set)
    kind_hits: list[tuple[Hit, float]] = []
    for hit in hits:
        entry = hit.entry
        weight = _adjusted(entry.weight, adjust.get((entry.code, entry.text), 0.0))
        if weight <= 0:
            continue
        if entry.code in KINDS:
            kind_hits.append((hit, weight))
            continue
        if clause_of[hit.start] in denied:
            weight *= discourse.DENIED_WEIGHT
        elif clause_of[hit.start] in conceded:
            weight *= discourse.CONCEDED_WEIGHT
        raw[entry.code] += weight
        found[entry.code].append((weight, " ".join(tokens[hit.start : hit.end]), entry.text))
        where[entry.code].add(sentence_of_clause[clause_of[hit.start]])
    if new:
        seen: set[tuple[str, str]] = set()
        for position, token in enumerate(tokens):
            key = feature(lexicon, token)
            for code, weight in new.get(key, ()):
                if (code, key) not in seen and code not in KINDS:
                    seen.add((code, key))
                    raw[code] += weight
                    found[code].append((weight, token, key))
                    where[code].add(sentence_of_clause[clause_of[position]])
    for hit in repeats:  # a topic that comes back in later sentences spreads, it does not add
        if hit.entry.code in where and clause_of[hit.start] not in denied:
            where[hit.entry.code].add(sentence_of_clause[clause_of[hit.start]])
    evidence = _domain_evidence(raw, found, where, max(sentence_of_clause, default=0) + 1)
    probabilities = {code: calibration.probability(e) for code, e in evidence.items()}
    domains = _pick_domains(
        {c: p for c, p in probabilities.items() if evidence[c].raw >= MIN_DOMAIN_RAW}
    )
    barriers = sorted(
        (c for c in BARRIERS if raw.get(c, 0.0) >= BARRIER_THRESHOLD), key=lambda c: -raw[c]
    )
    kind, kind_raw, kind_evidence, kind_reasons = _pick_kind(
        lexicon,
        text,
        (tokens, clause_of, sentence_of_clause),
        kind_hits,
        (negations, {span for span in denied_spans if clause_of[span[0]] in denied}),
        barriers,
        use_sentiment,
    )
    suggestion = Suggestion(domains=domains, barriers=barriers, kind=kind, domain_evidence=evidence)
    for code, value in sorted(raw.items(), key=lambda item: _ORDER.get(item[0], 99)):
        suggestion.scores[code] = (
            round(calibration.shown_probability(evidence[code], known=probabilities[code]), 3)
            if code in evidence
            else confidence(value)
        )
    for code, value in kind_raw.items():
        if value > 0:
            suggestion.scores[code] = confidence(value)
    for code, items in found.items():
        items.sort(key=lambda item: -item[0])
        suggestion.entries[code] = [entry for _, _, entry in items]
        if code in domains or code in barriers:
            suggestion.evidence[code] = list(dict.fromkeys(words for _, words, _ in items))
            terms = _term_per_words(items)
            suggestion.reasons[code] = [
                {"words": words, "term": terms[words]} for words in suggestion.evidence[code]
            ]
    if kind is not None:
        suggestion.evidence[kind] = kind_evidence[kind]
        suggestion.reasons[kind] = kind_reasons[kind]
    return suggestion


def _term_per_words(items: list[tuple[float, str, str]]) -> dict[str, str]:
    """For each matched span, the entry to explain it with: one written as those very words if
    there is one (``ödemek`` is "betalen", even where an inflected entry also covers it), else
    the strongest (``items`` is sorted strongest first)."""
    terms: dict[str, str] = {}
    for _, words, entry in items:
        if words not in terms or entry.replace("=", "") == words:
            terms[words] = entry
    return terms


def _domain_evidence(
    raw: Mapping[str, float],
    found: Mapping[str, list[tuple[float, str, str]]],
    where: Mapping[str, set[int]],
    total_sentences: int,
) -> dict[str, Evidence]:
    """What the lexicon found per domain, in the terms of ``calibration.Evidence``."""
    present = [c for c in DOMAINS if raw.get(c, 0.0) > 0]
    top = max((raw[c] for c in present), default=0.0)
    return {
        code: Evidence(
            raw=raw[code],
            entries=len({entry for _, _, entry in found[code]}),
            sentences=len(where[code]),
            strongest=max(weight for weight, _, _ in found[code]),
            top_raw=top,
            total_sentences=total_sentences,
        )
        for code in present
    }


def _pick_domains(probabilities: Mapping[str, float]) -> list[str]:
    """Domains whose calibrated probability reaches the model's threshold, most probable first.

    When none does, the most probable one is still offered if it reaches the fallback: a hint
    beats an empty list in a review queue, and its score says how sure it is.
    """
    table = calibration.model()
    ranked = sorted(probabilities, key=lambda c: (-probabilities[c], _ORDER[c]))
    if not ranked:
        return []
    chosen = [c for c in ranked if probabilities[c] >= table["threshold"]][:MAX_DOMAINS]
    if not chosen and probabilities[ranked[0]] >= table["fallback"]:
        chosen = [ranked[0]]
    return chosen


def _negations(lexicon: CompiledLexicon, tokens: list[str], hits: list[Hit]) -> list[int]:
    """Positions of negation words, except those inside a matched kind phrase ("niet-gebruik",
    "niet erkend"): those negate nothing else."""
    bound = {
        i
        for hit in hits
        if hit.entry.code in KINDS and hit.end - hit.start > 1
        for i in range(hit.start, hit.end)
    }
    return [i for i, t in enumerate(tokens) if t in lexicon.negations and i not in bound]


def _negated_by(
    lexicon: CompiledLexicon, hit: Hit, negations: list[int], clause_of: list[int]
) -> int | None:
    """The negation word that turns a kracht/knelpunt cue around, if any."""
    if hit.entry.code == "droom" or any(
        p.strip("=*") in lexicon.negations for p in hit.entry.patterns
    ):
        return None
    for n in negations:
        if (
            clause_of[n] == clause_of[hit.start]
            and hit.start - NEGATION_BEFORE <= n < hit.end + lexicon.negation_after
            and not hit.start <= n < hit.end
        ):
            return n
    return None


def _pick_kind(
    lexicon: CompiledLexicon,
    text: str,
    positions: tuple[list[str], list[int], list[int]],
    kind_hits: list[tuple[Hit, float]],
    negated: tuple[list[int], set[tuple[int, int]]],
    barriers: list[str],
    use_sentiment: bool,
) -> tuple[str | None, dict[str, float], dict[str, list[str]], dict[str, list[dict[str, str]]]]:
    """Choose knelpunt/kracht/droom from cues, negations, contrast, barriers and polarity.

    A contrast word weighs the cues of its own sentence only: in a story of ten sentences, a
    "maar" in the first one says nothing about the last. A denied problem followed by a shift
    ("geen probleem met school, wel met ...", ``discourse``) stays a problem.
    """
    tokens, clause_of, sentence_of_clause = positions
    negations, denied = negated
    score: dict[str, float] = {k: 0.0 for k in KINDS}
    evidence: dict[str, list[str]] = {k: [] for k in KINDS}
    reasons: dict[str, list[dict[str, str]]] = {k: [] for k in KINDS}
    sentence_of = [sentence_of_clause[c] for c in clause_of]
    contrast_in: dict[int, int] = {}  # sentence -> position of its last contrast word
    for i, t in enumerate(tokens):
        if t in lexicon.contrast:
            contrast_in[sentence_of[i]] = i
    last_sentence = max(sentence_of, default=0)
    taken: list[tuple[int, int]] = []
    # a cue phrase of one kind silences the single words inside it ("zou helpen" is no "helpt")
    for hit, weight in sorted(kind_hits, key=lambda hw: (hw[0].start - hw[0].end, -hw[1])):
        if any(a < hit.end and hit.start < b for a, b in taken):
            continue
        taken.append((hit.start, hit.end))
        code, label = hit.entry.code, " ".join(tokens[hit.start : hit.end])
        if last_sentence > 1 and sentence_of[hit.start] == last_sentence:
            weight *= LAST_SENTENCE  # a story's kind is where it ends up
        contrast_at = contrast_in.get(sentence_of[hit.start], -1)
        if contrast_at >= 0:
            weight *= AFTER_CONTRAST if hit.start > contrast_at else BEFORE_CONTRAST
        reason = {"words": label, "term": hit.entry.text}
        near = _negated_by(lexicon, hit, negations, clause_of)
        if near is not None and (hit.start, hit.end) not in denied:
            code = "knelpunt" if code == "kracht" else "kracht"
            reason["negation"] = tokens[near]
            label = f"{tokens[near]} + {label}"
        score[code] += weight
        evidence[code].append(label)
        reasons[code].append(reason)
    for barrier in barriers:
        score["knelpunt"] += BARRIER_TO_KNELPUNT
        evidence["knelpunt"].append(f"drempel {barrier}")
        reasons["knelpunt"].append({"barrier": barrier})
    ranked = sorted(score.values(), reverse=True)
    decided = ranked[0] >= KIND_MIN and ranked[0] - ranked[1] > SENTIMENT_WEIGHT
    if use_sentiment and not decided and lexicon.lang in sentiment.SENTIMENT_LANGS:
        # polarity adds at most SENTIMENT_WEIGHT to one kind: computed only when that can matter
        polarity = sentiment.polarity(text, lexicon.lang) or 0.0
        if abs(polarity) >= 0.05:
            target = "kracht" if polarity > 0 else "knelpunt"
            score[target] += SENTIMENT_WEIGHT * abs(polarity)
            evidence[target].append(f"sentiment {polarity:+.2f}")
            reasons[target].append({"tone": "positive" if polarity > 0 else "negative"})
    best = max(KINDS, key=lambda k: (score[k], _TIE_ORDER[k]))
    if score[best] < KIND_MIN or not evidence[best]:
        return None, score, evidence, reasons
    return best, score, evidence, reasons
