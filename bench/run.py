"""`make bench`: every benchmark of issue 11 in one run, written to bench/RESULTS.md.

    .venv/bin/python -m bench.run [--seconds 12] [--warmup 3] [--output bench/RESULTS.md]
                                  [--only throughput|memory|report|tagging ...]

1. a fresh PostgreSQL database, migrated (`participatie db upgrade`) and loaded with the demo
   (`participatie demo`), dropped at the end;
2. bare Flask and participatie under the same gunicorn settings, driven by wrk (throughput.py);
3. one web worker's memory after pages and suggestions in 13 languages (memory.py);
4. the report function against a plain SQL GROUP BY at two sizes (report_bench.py);
5. the tag suggester against TextBlob's sentiment (bench_tagging.py);
6. the project's home page with the demo data and with 100,000 responses (home_bench.py).

Progress goes to stderr, the tables to stdout and to the output file. The exit status is 0 when
every part ran, whatever the numbers (RESULTS.md says which targets are met), 2 on wrong usage
and 1 when a part failed, or with --strict when a target is not met.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

from bench import home_bench
from bench.database import prepare
from bench.load import wrk_binary
from bench.memory import measure_memory
from bench.processes import load_average, machine
from bench.report_bench import measure_report
from bench.results import Results, markdown
from bench.tagging import measure_tagging
from bench.throughput import Settings, measure_throughput
from tests.database import fresh_postgres_database

DEFAULT_OUTPUT = Path(__file__).with_name("RESULTS.md")
PARTS = ("throughput", "memory", "report", "tagging")
_clock = {"started": time.perf_counter()}


def elapsed() -> float:
    return time.perf_counter() - _clock["started"]


def log(message: str) -> None:
    print(f"[bench {elapsed():6.1f} s] {message}", file=sys.stderr, flush=True)


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part) for part in value.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers, e.g. 10000,100000") from None
    if len(sizes) < 2 or sizes != sorted(set(sizes)) or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give at least two growing sizes, e.g. 10000,100000")
    return sizes


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=12, help="length of each measured wrk run")
    p.add_argument("--warmup", type=float, default=3, help="wrk warm-up before each run")
    p.add_argument("--connections", type=int, default=16, help="wrk connections (= threads)")
    p.add_argument("--participants", type=int, default=64, help="sessions replayed by wrk")
    p.add_argument("--report-sizes", type=_sizes, default=[10_000, 100_000])
    p.add_argument("--report-rounds", type=int, default=3, help="best of N report timings")
    p.add_argument("--texts-per-language", type=int, default=4, help="statements per language")
    p.add_argument("--tagging-statements", type=int, default=5000)
    p.add_argument("--tagging-rounds", type=int, default=3)
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the tables")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    p.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    return p


def _machine() -> str:
    cores, memory_gb = machine()
    return f"{platform.node()} ({cores} cores, {memory_gb:.1f} GB memory, Python {platform.python_version()})"


def run(args: argparse.Namespace) -> Results:
    started = datetime.now().astimezone()
    load_at_start = load_average()
    parts = set(args.only or PARTS)  # --only: one part, e.g. while tuning (RESULTS.md shows it)
    wrk_binary()  # fail before minutes of setup when wrk is missing
    settings = Settings(
        seconds=args.seconds,
        warmup=args.warmup,
        connections=args.connections,
        participants=args.participants,
    )
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as workdir,
        fresh_postgres_database() as database_url,
    ):
        log("fresh PostgreSQL database: migrating and loading the demo")
        prepare(database_url)
        throughput = (
            measure_throughput(database_url, settings, Path(workdir), log)
            if "throughput" in parts
            else None
        )
        memory = (
            measure_memory(database_url, args.texts_per_language, log)
            if "memory" in parts
            else None
        )
        report = (
            measure_report(database_url, args.report_sizes, args.report_rounds, log)
            if "report" in parts
            else None
        )
    tagging = None
    if "tagging" in parts:
        log(f"tagging: {args.tagging_statements} statements, {args.tagging_rounds} rounds")
        tagging = measure_tagging(args.tagging_statements, args.tagging_rounds)
    return Results(
        started=started.strftime("%Y-%m-%d %H:%M %Z"),
        machine=_machine(),
        throughput=throughput,
        memory=memory,
        report=report,
        tagging=tagging,
        seconds=elapsed(),
        load=(load_at_start, load_average()),
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _clock["started"] = time.perf_counter()
    try:
        results = run(args)
    except Exception:  # any part failing: show where, exit 1
        traceback.print_exc()
        log("failed: no results written")
        return 1
    text = markdown(results)
    print(text)
    args.output.write_text(text)
    # The home page (issue 22) adds its own section, in its own fresh database: +100,000 responses.
    home_bench.main(["--output", str(args.output)])
    log(f"done in {results.seconds / 60:.1f} minutes; written to {args.output}")
    missed = [t.name for t in results.targets() if not t.met]
    if missed:
        log("targets not met: " + "; ".join(missed))
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
