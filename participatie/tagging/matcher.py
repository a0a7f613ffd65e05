"""Compiled lexicons: find which lexicon entries a statement matches, and where.

A lexicon entry is a string in ``lexicons/<lang>.json`` (see ``README.md`` next to this file):

* ``woning`` - the word or any inflected form of it. Inflected forms come from simplemma's tables,
  inverted at build time (``build_lexicons``) for the lexicon's own words, so no lemmatiser and
  none of its 40-850 MB dictionaries are loaded at runtime.
* ``=zorg`` - this exact form only (no inflected forms: ``zorgt voor`` is not care).
* ``schimmel*`` - any word starting with the stem (at least 4 letters; 3 in Arabic script, 2
  Ge'ez syllables). This is the fallback for languages simplemma does not cover (Somali,
  Tigrinya) and for agglutinative suffixes (Turkish ``okul*`` -> ``okulda``, ``okula``).
* ``*uitkering`` - any word ending in it (a compound head: ``werkloosheidsuitkering``);
  ``*gezondheid*`` - any word containing it.
* ``sociale woning`` - a phrase: its words in order within one clause, at most ``phrase_gap``
  other words between two of them; each word may use the markers above.
* ``:0.5`` after an entry gives it a weight (default 1.0).

``not`` entries of a code cancel that code's positive matches on the words they cover (``sociaal
huis`` is the OCMW, not housing). Languages may list clitic ``prefixes``/``suffixes`` (Arabic
``ال``, ``و``; Tigrinya ``ን``, ``ብ``) that are stripped when a word has no direct match, and Dutch
turns on ``decompound``: an unknown word is split into known lexicon words (``busabonnement`` ->
``bus`` + ``abonnement``), each piece anchored at the start or end of the word or joined to
another piece by a linking ``s``/``e``/``en``; verb prefixes listed in ``decompound_skip``
(``ver``, ``over``) are never pieces, so ``verwerken`` is not ``werken``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Final

from participatie.tagging.form_table import FormTable
from participatie.tagging.normalize import WORD_RE, normalize, without_diacritics

_WEIGHT_RE: Final = re.compile(r"^(.*?):(\d+(?:\.\d+)?)$")
_LINKS: Final = ("", "s", "e", "en")
_CACHE_LIMIT: Final = 100_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry of one code; ``text`` is what evidence shows and weights are keyed on."""

    code: str
    text: str
    weight: float
    patterns: tuple[str, ...]
    negative: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry matched on tokens ``start`` to ``end`` (exclusive) of the statement."""

    entry: Entry
    start: int
    end: int


def parse_entry(
    raw: str, code: str, lang: str, negative: bool = False, exact: bool = False
) -> Entry:
    """Parse ``raw`` (``word``, ``stem*``, ``=form``, ``a phrase``, ``...:0.5``) into an Entry.

    ``exact`` (a code's ``"exact": true``) reads every plain word as ``=word``: for cue codes the
    form itself is the signal (``helped`` is kracht, ``help`` is not; ``would`` is droom, ``will``
    is not).
    """
    weight = 1.0
    found = _WEIGHT_RE.match(raw.strip())
    if found:
        raw, weight = found.group(1), float(found.group(2))
    patterns = []
    for word in raw.split():
        marker_l = "=" if word.startswith("=") else ("*" if word.startswith("*") else "")
        marker_r = "*" if word.endswith("*") and len(word) > 1 else ""
        if exact and not marker_l and not marker_r:
            marker_l = "="
        parts = WORD_RE.findall(normalize(word.strip("=*"), lang))
        if not parts:
            raise ValueError(f"empty word in lexicon entry {raw!r} ({lang}/{code})")
        parts[0] = marker_l + parts[0]
        parts[-1] = parts[-1] + marker_r
        patterns.extend(parts)
    if not patterns:
        raise ValueError(f"empty lexicon entry for {lang}/{code}")
    return Entry(code, " ".join(patterns), weight, tuple(patterns), negative)


def plain_words(source: dict[str, Any], lang: str) -> set[str]:
    """Every word of the lexicon that takes inflected forms (no marker): what the build expands."""
    words: set[str] = set()
    for code, spec in source["codes"].items():
        for key in ("terms", "not"):
            for raw in spec.get(key, []):
                entry = parse_entry(raw, code, lang, exact=bool(spec.get("exact")))
                words.update(p for p in entry.patterns if p[0] not in "=*" and p[-1] != "*")
    return words


@dataclass
class CompiledLexicon:
    """A language's lexicon ready for matching, with a per-token analysis cache."""

    lang: str
    entries: list[Entry]
    forms: Mapping[str, tuple[str, ...]]
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    decompound: bool = False
    decompound_skip: frozenset[str] = frozenset()
    phrase_gap: int = 2
    negations: frozenset[str] = frozenset()
    negation_after: int = 0
    contrast: frozenset[str] = frozenset()
    fold_diacritics: bool = False  # stems also match as typed without diacritics (build_lexicons)
    _word: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _exact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _prefix: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _suffix: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _infix: list[tuple[str, str]] = field(default_factory=list)
    _single: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    _multi: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    _cache: dict[str, frozenset[str]] = field(default_factory=dict)
    _entry_cache: dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]] = field(
        default_factory=dict
    )
    term_texts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        for entry in self.entries:
            for pattern in entry.patterns:
                self._register(pattern)
            target = self._single if len(entry.patterns) == 1 else self._multi
            target[entry.patterns[0]].append(entry)
            if not entry.negative:
                self.term_texts[entry.code].add(entry.text)

    @classmethod
    def from_source(
        cls, source: dict[str, Any], forms: dict[str, list[str]] | None = None
    ) -> CompiledLexicon:
        """Compile a lexicon dict (the JSON of ``lexicons/<lang>.json``) and its form table."""
        lang = source["lang"]
        entries = [
            parse_entry(raw, code, lang, negative=key == "not", exact=bool(spec.get("exact")))
            for code, spec in source["codes"].items()
            for key in ("terms", "not")
            for raw in spec.get(key, [])
        ]
        inverted: dict[str, list[str]] = defaultdict(list)
        for word, word_forms in (forms or {}).items():
            for form in word_forms:
                if word not in inverted[form]:
                    inverted[form].append(word)
        return cls(
            lang=lang,
            entries=entries,
            forms=FormTable(inverted),
            prefixes=tuple(
                sorted(
                    (normalize(p, lang) for p in source.get("prefixes", [])), key=len, reverse=True
                )
            ),
            suffixes=tuple(
                sorted(
                    (normalize(s, lang) for s in source.get("suffixes", [])), key=len, reverse=True
                )
            ),
            decompound=bool(source.get("decompound", False)),
            decompound_skip=frozenset(
                normalize(w, lang) for w in source.get("decompound_skip", [])
            ),
            phrase_gap=int(source.get("phrase_gap", 2)),
            negations=frozenset(normalize(w, lang) for w in source.get("negations", [])),
            negation_after=int(source.get("negation_after", 0)),
            contrast=frozenset(normalize(w, lang) for w in source.get("contrast", [])),
            fold_diacritics=bool(source.get("fold_diacritics", False)),
        )

    def _register(self, pattern: str) -> None:
        if pattern.startswith("*") and pattern.endswith("*") and len(pattern) > 2:
            self._infix.append((pattern[1:-1], pattern))
        elif pattern.startswith("*"):
            self._suffix[pattern[1:]].append(pattern)
        elif pattern.endswith("*"):
            self._prefix[pattern[:-1]].append(pattern)
            if self.fold_diacritics and without_diacritics(pattern[:-1]) != pattern[:-1]:
                self._prefix[without_diacritics(pattern[:-1])].append(pattern)
        elif pattern.startswith("="):
            self._exact[pattern[1:]].append(pattern)
        else:
            self._word[pattern].append(pattern)

    # -- per-token analysis ------------------------------------------------------------------
    def _word_patterns(self, form: str, out: set[str]) -> bool:
        """Add the word/exact patterns ``form`` matches (itself or as an inflected form)."""
        before = len(out)
        out.update(self._exact.get(form, ()))
        out.update(self._word.get(form, ()))
        for word in self.forms.get(form, ()):
            out.update(self._word.get(word, ()))
        return len(out) > before

    def _affix_patterns(self, form: str, out: set[str]) -> None:
        for i in range(2, len(form) + 1):
            out.update(self._prefix.get(form[:i], ()))
        for i in range(2, len(form) + 1):
            out.update(self._suffix.get(form[-i:], ()))
        for core, pattern in self._infix:
            if core in form:
                out.add(pattern)

    def _stripped(self, token: str) -> list[str]:
        """Token variants without a clitic prefix, suffix, or both (longest affixes first)."""
        heads = [token[len(p) :] for p in self.prefixes if token.startswith(p)]
        tails = [token[: -len(s)] for s in self.suffixes if token.endswith(s)]
        both = [h[: -len(s)] for h in heads for s in self.suffixes if h.endswith(s)]
        return [w for w in heads + tails + both if len(w) >= 2]

    def _pieces(self, token: str) -> list[str]:
        """Known lexicon words a Dutch compound is made of (see the module docstring).

        Pieces are plain lexicon words or their forms (never ``=exact`` entries), at least four
        letters, longest first. A three-letter word (``bus``) only counts when the pieces cover the
        whole compound (``bus`` + ``abonnement``): short words hide inside too many others.
        """

        def known(piece: str) -> bool:
            return (
                piece in self._word or piece in self.forms
            ) and piece not in self.decompound_skip

        found = [
            (i, j)
            for i in range(len(token))
            for j in range(len(token), i + 2, -1)
            if j - i < len(token) and known(token[i:j]) and (j - i >= 4 or token[i:j] in self._word)
        ]
        found.sort(key=lambda span: span[0] - span[1])
        chosen: list[tuple[int, int]] = []
        for i, j in found:
            if all(j <= a or i >= b for a, b in chosen):
                chosen.append((i, j))
        chosen.sort()
        if (
            chosen
            and chosen[0][0] == 0
            and chosen[-1][1] == len(token)
            and all(token[b:c] in _LINKS for (_, b), (c, _) in pairwise(chosen))
        ):
            return [token[i:j] for i, j in chosen]  # the pieces make up the whole word
        long = [(i, j) for i, j in chosen if j - i >= 4]
        # a verb prefix before a known head is a derived word, not a compound (``verwerken``)
        anchored = {
            (i, j)
            for i, j in long
            if i == 0 or (j == len(token) and token[:i] not in self.decompound_skip)
        }
        changed = True
        while changed:
            changed = False
            for i, j in long:
                if (i, j) not in anchored and any(
                    token[b:i] in _LINKS or token[j:a] in _LINKS for a, b in anchored
                ):
                    anchored.add((i, j))
                    changed = True
        return [token[i:j] for i, j in sorted(anchored)]

    def analyze(self, token: str) -> frozenset[str]:
        """All patterns (of any entry) the normalised ``token`` matches; cached per token."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        out: set[str] = set()
        direct = self._word_patterns(token, out)
        self._affix_patterns(token, out)
        if not direct and (self.prefixes or self.suffixes):
            for variant in self._stripped(token):
                if self._word_patterns(variant, out):
                    break
                self._affix_patterns(variant, out)
        if not direct and self.decompound and len(token) >= 7:
            for piece in self._pieces(token):
                self._word_patterns(piece, out)
        result = frozenset(out)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = result
        return result

    # -- statement matching ------------------------------------------------------------------
    def match(
        self, clause_tokens: list[list[str]], repeats: list[Hit] | None = None
    ) -> tuple[list[Hit], list[str], list[int]]:
        """Positive hits in a statement given as normalised tokens per clause.

        Returns the hits (negatives applied, overlapping hits of one code reduced to the
        strongest), the flat token list and the clause number of every token.
        """
        tokens: list[str] = []
        clause_of: list[int] = []
        for number, words in enumerate(clause_tokens):
            tokens.extend(words)
            clause_of.extend([number] * len(words))
        analysed = [self.analyze(t) for t in tokens]
        # every pattern found anywhere: a phrase whose other words are absent is not tried
        present: set[str] = set().union(*analysed)
        hits: list[Hit] = []
        for i, token in enumerate(tokens):
            singles, multis = self._entries(token)
            if singles:
                hits += [Hit(entry, i, i + 1) for entry in singles]
            for entry in multis:
                if not present.issuperset(entry.patterns):
                    continue
                end = self._phrase_end(entry.patterns, analysed, clause_of, i)
                if end:
                    hits.append(Hit(entry, i, end))
        return _resolve(hits, repeats), tokens, clause_of

    def _entries(self, token: str) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
        """The single-word entries a token matches and the phrases it may start; cached."""
        cached = self._entry_cache.get(token)
        if cached is None:
            patterns = sorted(self.analyze(token))
            cached = (
                tuple(e for p in patterns for e in self._single.get(p, ())),
                tuple(e for p in patterns for e in self._multi.get(p, ())),
            )
            if len(self._entry_cache) >= _CACHE_LIMIT:
                self._entry_cache.clear()
            self._entry_cache[token] = cached
        return cached

    def _phrase_end(
        self,
        patterns: tuple[str, ...],
        analysed: list[frozenset[str]],
        clause_of: list[int],
        start: int,
    ) -> int:
        """End index of ``patterns`` matched from ``start``, or 0 when they do not match."""
        pos = start
        for pattern in patterns[1:]:
            for j in range(pos + 1, min(pos + 2 + self.phrase_gap, len(analysed))):
                if clause_of[j] != clause_of[start]:
                    return 0
                if pattern in analysed[j]:
                    pos = j
                    break
            else:
                return 0
        return pos + 1


def _resolve(hits: list[Hit], repeats: list[Hit] | None = None) -> list[Hit]:
    """Apply ``not`` entries and keep, per code, the heaviest (then longest) of overlapping hits.

    Overlap is resolved per code because one word often matches several entries of one code
    (``huren`` is a form of both ``huur`` and ``huren``): it must count once. An entry found again
    later counts once too; those later occurrences go to ``repeats`` when a list is given (the
    suggester counts in how many sentences a topic comes back).
    """
    # per code, the token positions its ``not`` entries and its kept hits cover: two spans overlap
    # when they share a position
    blocked: dict[str, set[int]] = defaultdict(set)
    for hit in hits:
        if hit.entry.negative:
            blocked[hit.entry.code].update(range(hit.start, hit.end))
    kept: list[Hit] = []
    taken: dict[str, set[int]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for hit in sorted(
        hits, key=lambda h: (-h.entry.weight, h.start - h.end, h.start, h.entry.code, h.entry.text)
    ):
        entry = hit.entry
        if entry.negative:
            continue
        span = range(hit.start, hit.end)
        covered = taken[entry.code]
        if not covered.isdisjoint(span) or not blocked[entry.code].isdisjoint(span):
            continue
        covered.update(span)
        if (entry.code, entry.text) not in seen:
            seen.add((entry.code, entry.text))
            kept.append(hit)
        elif repeats is not None:
            repeats.append(hit)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept
