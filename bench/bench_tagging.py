"""Throughput of the theme suggester against TextBlob's sentiment alone, on one core, same run.

    .venv/bin/python bench/bench_tagging.py [--min-statements 5000] [--rounds 3]

The corpus is the labelled dev file (all 13 languages) repeated to at least 5,000 statements. The
suggester is timed cold (first pass: empty token caches) and warm (best of the later rounds); the
reference is TextBlob's pattern sentiment over the same texts (textblob-nl for nl, textblob-fr for
fr, English for every other language, as TextBlob does by default). Targets (DESIGN.md §7 style:
a ratio measured in the same run): >= 2,000 statements/s and <= 3x the cost of sentiment alone;
long statements (tests/themes/data/long-*.jsonl, parent testimonies of 40-200 words) >= 300/s.
It also reports the resident memory the 13 expanded lexicons add, which must stay in the tens of MB
(simplemma's own dictionaries would take 40-850 MB per language).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEV_CANDIDATES = (
    ROOT.parent / "shared" / "data" / "themes-dev.jsonl",
    ROOT / "tests" / "themes" / "data" / "themes-dev.jsonl",
)


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux /proc; 0.0 where unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def corpus(minimum: int) -> list[tuple[str, str]]:
    path = next(p for p in DEV_CANDIDATES if p.exists())
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [(row["text"], row["lang"]) for row in rows]
    return texts * -(-minimum // len(texts))


LONG_FILES = ("long-dev.jsonl", "long-heldout.jsonl")


def long_corpus(minimum: int) -> list[tuple[str, str]]:
    """The long labelled statements (40-200 words, nl/fr/en/ar/tr) repeated to ``minimum``."""
    data = ROOT / "tests" / "themes" / "data"
    rows = [
        json.loads(line)
        for name in LONG_FILES
        for line in (data / name).read_text(encoding="utf-8").splitlines()
        if line
    ]
    texts = [(row["text"], row["lang"]) for row in rows]
    return texts * -(-minimum // len(texts))


def timed(func: Callable[[str, str], Any], texts: list[tuple[str, str]]) -> float:
    """CPU seconds of this process for one pass: other processes on a busy machine barely count."""
    start = time.process_time()
    for text, lang in texts:
        func(text, lang)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-statements", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    texts = corpus(args.min_statements)
    rss_start = rss_mb()
    from participatie.tagging import lexicons, sentiment, suggester
    from participatie.tagging.codebook import LANGUAGES

    analyzers: dict[str, Callable[[str], Any]] = {}
    for lang in ("en", "nl", "fr"):
        analyze = sentiment.analyzer(lang)
        assert analyze is not None
        analyze("warm up")  # pattern loads its sentiment lexicon on the first call
        analyzers[lang] = analyze
    rss_imported = rss_mb()
    load_start = time.perf_counter()
    for lang in LANGUAGES:
        lexicons.load(lang)
    load_seconds = time.perf_counter() - load_start
    rss_loaded = rss_mb()

    def textblob_only(text: str, lang: str) -> Any:
        return analyzers.get(lang, analyzers["en"])(text)

    from textblob.en.sentiments import PatternAnalyzer

    wrapped = PatternAnalyzer().analyze

    def textblob_wrapped(text: str, lang: str) -> Any:
        analyze = analyzers[lang] if lang in ("nl", "fr") else wrapped
        return analyze(text)

    cold = timed(suggester.suggest, texts)
    warm = blob = blob_wrapped = float("inf")
    for _ in range(args.rounds):  # interleaved, best of each: drift hits both alike
        warm = min(warm, timed(suggester.suggest, texts))
        blob = min(blob, timed(textblob_only, texts))
        blob_wrapped = min(blob_wrapped, timed(textblob_wrapped, texts))
    long_texts = long_corpus(max(1000, args.min_statements // 5))
    long_cold = timed(suggester.suggest, long_texts)
    long_warm = min(timed(suggester.suggest, long_texts) for _ in range(args.rounds))
    rss_end = rss_mb()

    n = len(texts)
    print(f"statements: {n} ({len(set(texts))} distinct, 13 languages), one core, CPU time")
    print(f"suggester cold:                {n / cold:9,.0f} statements/s")
    print(f"suggester warm:                {n / warm:9,.0f} statements/s")
    print(f"TextBlob sentiment only:       {n / blob:9,.0f} statements/s (pattern function)")
    print(f"TextBlob PatternAnalyzer.analyze (en wrapper): {n / blob_wrapped:,.0f} statements/s")
    print(
        f"cost ratio suggester/sentiment: cold {cold / blob:.2f}x, warm {warm / blob:.2f}x "
        f"(vs PatternAnalyzer wrapper: warm {warm / blob_wrapped:.2f}x)"
    )
    print(f"lexicons: 13 loaded in {load_seconds:.2f} s")
    print(
        f"RSS: start {rss_start:.1f} MB, after imports {rss_imported:.1f} MB, after 13 lexicons "
        f"{rss_loaded:.1f} MB (+{rss_loaded - rss_imported:.1f} MB), end {rss_end:.1f} MB "
        f"(token caches +{rss_end - rss_loaded:.1f} MB)"
    )
    n_long = len(long_texts)
    words = sum(len(text.split()) for text, _ in long_texts) / n_long
    print(
        f"long statements warm:          {n_long / long_warm:9,.0f} statements/s "
        f"({n_long} statements, {words:.0f} words each on average; cold {n_long / long_cold:,.0f}/s)"
    )
    ok = n / warm >= 2000 and warm / blob <= 3 and n_long / long_warm >= 300
    print("targets (>= 2,000/s warm, <= 3x sentiment, long >= 300/s):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
