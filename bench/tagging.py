"""bench/bench_tagging.py (the tag suggester against TextBlob's sentiment) as a part of the run.

It runs as its own process, as written: it pins itself to one core, and its resident memory
figures must not include the rest of this benchmark.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("bench_tagging.py")


@dataclass(frozen=True)
class Tagging:
    statements: int
    warm_per_second: float
    cold_per_second: float
    sentiment_per_second: float
    warm_ratio: float  # suggester cost over sentiment cost, warm
    long_per_second: float  # long statements (40-200 words), warm
    output: str


def _number(pattern: str, output: str) -> float:
    match = re.search(pattern, output)
    if match is None:
        raise RuntimeError(f"bench_tagging.py printed no {pattern!r}:\n{output}")
    return float(match.group(1).replace(",", ""))


def measure_tagging(min_statements: int, rounds: int) -> Tagging:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--min-statements", str(min_statements),
         "--rounds", str(rounds)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = result.stdout
    # Exit status 1 means "targets not met": still a result. Anything else is a failure.
    if result.returncode not in (0, 1) or "statements:" not in output:
        raise RuntimeError(
            f"bench_tagging.py failed ({result.returncode}): {result.stderr[-2000:]}"
        )
    return Tagging(
        statements=int(_number(r"statements: ([\d,]+)", output)),
        warm_per_second=_number(r"suggester warm:\s+([\d,.]+)", output),
        cold_per_second=_number(r"suggester cold:\s+([\d,.]+)", output),
        sentiment_per_second=_number(r"TextBlob sentiment only:\s+([\d,.]+)", output),
        warm_ratio=_number(r"warm ([\d.]+)x", output),
        long_per_second=_number(r"long statements warm:\s+([\d,.]+)", output),
        output=output.strip(),
    )
