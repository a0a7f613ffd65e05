"""`make bench` on tiny settings: every part runs and its bookkeeping holds, whatever the speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.load import WRK
from bench.results import markdown
from bench.run import DEFAULT_OUTPUT, parser, run
from participatie.tagging.codebook import LANGUAGES
from tests.database import postgres_available

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

TINY = [
    "--seconds", "1", "--warmup", "0", "--connections", "4", "--participants", "8",
    "--report-sizes", "500,1000", "--report-rounds", "1", "--texts-per-language", "1",
    "--tagging-statements", "100", "--tagging-rounds", "1",
]  # fmt: skip


def test_the_benchmark_runs_on_tiny_settings(tmp_path: Path) -> None:
    if not Path(WRK).exists():
        pytest.skip("wrk is not installed (apt-get install wrk)")
    if not postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    before = DEFAULT_OUTPUT.stat().st_mtime_ns if DEFAULT_OUTPUT.exists() else None

    results = run(parser().parse_args([*TINY, "--output", str(tmp_path / "RESULTS.md")]))

    throughput = results.throughput
    assert throughput is not None
    assert throughput.bare[0].run.ok > 0 and throughput.bare[1].run.ok > 0
    assert throughput.pages.run.ok > 0, "no question page answered 200 with a replayed session"
    answers = throughput.answers.run
    assert answers.acknowledged > 0 and len(answers.acked_keys) == answers.acknowledged
    # Every acknowledged answer is in the database. Applied without an acknowledgement: at most
    # the requests in flight when wrk stopped (one per connection) or cut off by a socket error.
    assert throughput.missing == 0
    unacknowledged = throughput.applied - answers.acknowledged
    assert 0 <= unacknowledged <= 4 + answers.socket_errors
    assert all(m.rss_mb > 0 for m in throughput.worker_memory) and throughput.worker_memory

    memory = results.memory
    assert memory is not None
    assert set(memory.statements) == set(LANGUAGES)
    assert all(memory.suggested[lang] > 0 for lang in LANGUAGES), memory.suggested
    assert memory.after_suggestions.rss_mb >= memory.at_start.rss_mb

    report = results.report
    assert report is not None
    assert [t.responses for t in report.timings] == [500, 1000]
    assert all(t.counts_agree and t.report_seconds > 0 for t in report.timings)

    assert results.tagging is not None and results.tagging.warm_per_second > 0
    assert results.tagging.long_per_second > 0

    text = markdown(results)
    assert len(results.targets()) == 11  # issue 20 added long statements ≥ 300/s
    for target in results.targets():
        assert f"| {target.name} | {target.measured} |" in text
    # The tiny run leaves the real results alone.
    after = DEFAULT_OUTPUT.stat().st_mtime_ns if DEFAULT_OUTPUT.exists() else None
    assert after == before
