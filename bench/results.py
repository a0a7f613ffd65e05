"""The issue's targets, judged on the measured numbers, and the tables of bench/RESULTS.md."""

from __future__ import annotations

from dataclasses import dataclass

from bench.memory import WorkerMemory
from bench.report_bench import ReportBenchmark
from bench.tagging import Tagging
from bench.throughput import Measured, Throughput

WORKER_RSS_LIMIT_MB = 150
P95_LIMIT_MS = 100
# Issue 18: the participant hot path, as a share of a bare Flask app's requests/s in one run.
GET_RATIO = 0.5
POST_RATIO = 0.25


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool


@dataclass(frozen=True)
class Results:
    started: str  # date and time, local
    machine: str
    throughput: Throughput | None
    memory: WorkerMemory | None
    report: ReportBenchmark | None
    tagging: Tagging | None
    seconds: float
    load: tuple[float, float]  # 1-minute load average at the start and at the end

    def targets(self) -> list[Target]:
        found: list[Target] = []
        if self.throughput is not None:
            found += _throughput_targets(self.throughput)
        if self.report is not None:
            found += _report_targets(self.report)
        if self.memory is not None:
            worst = max(
                [self.memory.after_suggestions.rss_mb]
                + [m.rss_mb for m in (self.throughput.worker_memory if self.throughput else ())]
            )
            found.append(
                Target(
                    "a web worker ≤ 150 MB RSS after pages and tag suggestions in 13 languages",
                    f"{worst:.0f} MB",
                    worst <= WORKER_RSS_LIMIT_MB,
                )
            )
        if self.tagging is not None:
            found += [
                Target(
                    "tagging ≥ 2,000 statements/s on one core",
                    f"{self.tagging.warm_per_second:,.0f}/s",
                    self.tagging.warm_per_second >= 2000,
                ),
                Target(
                    "tagging ≤ 3× TextBlob sentiment",
                    f"{self.tagging.warm_ratio:.2f}×",
                    self.tagging.warm_ratio <= 3,
                ),
                Target(
                    "tagging long statements (40-200 words) ≥ 300/s on one core",
                    f"{self.tagging.long_per_second:,.0f}/s",
                    self.tagging.long_per_second >= 300,
                ),
            ]
        return found


def _throughput_targets(t: Throughput) -> list[Target]:
    ours = (t.pages, t.answers)
    errors = sum(m.run.errors for m in ours)
    p95 = max(m.run.p95_ms for m in ours)
    return [
        Target(
            "welcome and question pages (GET) ≥ 0.5 of bare Flask's requests/s",
            f"{t.ratio(t.pages):.3f} ({t.pages.run.requests_per_second:,.0f}/s)",
            t.ratio(t.pages) >= GET_RATIO,
        ),
        Target(
            "answers (POST, committed to PostgreSQL) ≥ 0.25 of bare Flask's requests/s",
            f"{t.ratio(t.answers):.3f} ({t.answers.run.requests_per_second:,.0f}/s)",
            t.ratio(t.answers) >= POST_RATIO,
        ),
        Target(
            "p95 latency < 100 ms (pages and answers)",
            f"{t.pages.run.p95_ms:.0f} ms / {t.answers.run.p95_ms:.0f} ms",
            p95 < P95_LIMIT_MS,
        ),
        Target("zero errors (pages and answers)", str(errors), errors == 0),
        Target(
            "zero lost answers (every acknowledged answer is in the database)",
            f"{t.missing} missing of {t.answers.run.acknowledged:,} acknowledged",
            t.missing == 0 and t.applied >= t.answers.run.acknowledged,
        ),
    ]


def _report_targets(r: ReportBenchmark) -> list[Target]:
    worst = max(t.ratio for t in r.timings)
    report_growth, _, data_growth = r.growth()
    return [
        Target(
            "report ≤ 3× the plain SQL GROUP BY",
            " / ".join(f"{t.ratio:.1f}× at {t.responses:,}" for t in r.timings),
            worst <= 3 and all(t.counts_agree for t in r.timings),
        ),
        Target(
            "report time grows no faster than linearly",
            f"{report_growth:.1f}× for {data_growth:.1f}× the answers",
            report_growth <= data_growth,
        ),
    ]


def _ms(value: float) -> str:
    return f"{value:,.1f}"


def _cpu_ms(m: Measured) -> str:
    rate = m.run.requests_per_second
    return f"{m.server_cpu_share / rate * 1000:.2f}" if rate else "–"


def _throughput_tables(t: Throughput) -> list[str]:
    s = t.settings
    rows = [
        ("bare Flask, GET / (first)", t.bare[0]),
        ("participatie, GET welcome and question pages", t.pages),
        ("participatie, POST answers", t.answers),
        ("bare Flask, GET / (again)", t.bare[1]),
    ]
    lines = [
        "## Throughput and latency",
        "",
        f"gunicorn with deploy/gunicorn.conf.py, {s.workers} sync workers, for both apps; "
        f"wrk -t{s.connections} -c{s.connections} (one connection per thread), "
        f"{s.seconds:g} s per run after {s.warmup:g} s of warm-up; {s.participants} participants' "
        "sessions (cookie and CSRF token) replayed over the welcome page and the 7 question pages "
        "of the demo survey (GET) and the answers to those questions (POST), "
        "every request with `Accept-Encoding: gzip, deflate, br` as a phone sends it. Ratios are "
        "to the mean of the two bare Flask runs, measured before and after ours: absolute numbers "
        "move with whatever else runs on the machine (see 'machine busy' below).",
        "",
        "| run | requests/s | ratio to bare | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, m in rows:
        lines.append(
            f"| {label} | {m.run.requests_per_second:,.0f} | {t.ratio(m):.3f} "
            f"| {_ms(m.run.p50_ms)} | {_ms(m.run.p95_ms)} | {_ms(m.run.p99_ms)} "
            f"| {m.run.errors} |"
        )
    lines += [
        "",
        "Where the CPU went during each run, in cores (CPU seconds per second of the run; the "
        "machine has 2): wrk's own time is read from the kernel when it exits, the others from "
        "/proc. 'machine' counts every process, other people's work on a shared machine too. "
        "'app CPU per request' is the app workers' CPU time over the requests served: less "
        "sensitive to other work on the machine than requests/s.",
        "",
        "| run | wrk | app workers | app CPU ms per request | PostgreSQL | machine busy |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, m in rows:
        database = "–" if m.database_cpu_share is None else f"{m.database_cpu_share:.2f}"
        lines.append(
            f"| {label} | {m.run.wrk_cpu_share:.2f} | {m.server_cpu_share:.2f} "
            f"| {_cpu_ms(m)} | {database} | {m.machine_busy:.2f} |"
        )
    lines += ["", "Errors per run: socket errors (connect, read, write, timeout > 2 s) + "
              "responses other than the expected 200 (pages) or 302 to the next question "
              "(answers); wrk's own non-2xx/3xx count is part of the latter.", ""]  # fmt: skip
    lines += [
        "| run | socket errors | non-2xx/3xx | other unexpected |",
        "|---|---:|---:|---:|",
    ]
    for label, m in rows:
        r = m.run
        lines.append(
            f"| {label} | {r.socket_errors} | {r.status_errors} "
            f"| {r.unexpected - r.status_errors} |"
        )
    a = t.answers.run
    in_flight = t.applied - (a.acknowledged - t.missing)
    lines += [
        "",
        "### Answers acknowledged vs answers in the database",
        "",
        "Each POST carries a unique idempotency key made in Lua; a 302 to the next question is "
        "the acknowledgement, and journey.lua records the key it acknowledges. The database holds "
        "one `idempotency_keys` row (scope 'answer') per applied answer write.",
        "",
        "| acknowledged (302) | applied (rows in the database) | acknowledged but not in the "
        "database (lost) | applied, not acknowledged (in flight when wrk stopped) |",
        "|---:|---:|---:|---:|",
        f"| {a.acknowledged:,} | {t.applied:,} | {t.missing} | {in_flight} |",
        "",
        "App worker memory after these runs: "
        + ", ".join(f"{m.rss_mb:.0f} MB (pid {m.pid})" for m in t.worker_memory)
        + ".",
        "",
    ]
    return lines


def _memory_table(m: WorkerMemory) -> list[str]:
    languages = sorted(m.statements)
    lines = [
        "## Web-worker memory",
        "",
        "One worker (the same gunicorn configuration with WEB_CONCURRENCY=1, so every request "
        "lands in the worker measured). A participant in each of the 13 languages opens every "
        "question page; the demo coordinator logs in (password + TOTP); then per language, "
        "participants give statements from the labelled dev corpus and the coordinator opens the "
        "review queue filtered on that language, which runs the tag suggester in the worker (the "
        "first visit also covers the statements already there: the demo's, in six languages, and "
        "the load test's open answers). VmRSS and VmHWM (peak) from /proc/<pid>/status.",
        "",
        "| after | RSS MB | peak MB |",
        "|---|---:|---:|",
        f"| worker start | {m.at_start.rss_mb:.0f} | {m.at_start.peak_mb:.0f} |",
        f"| question pages in 13 languages | {m.after_pages.rss_mb:.0f} "
        f"| {m.after_pages.peak_mb:.0f} |",
        f"| coordinator login | {m.after_login.rss_mb:.0f} | {m.after_login.peak_mb:.0f} |",
    ]
    lines += [
        f"| statements + review queue in {language} | {mem.rss_mb:.0f} | {mem.peak_mb:.0f} |"
        for language, mem in m.after_language.items()
    ]
    lines += [
        "",
        "New statements with suggested tags, per language (with / created): "
        + ", ".join(f"{lang} {m.suggested.get(lang, 0)}/{m.statements[lang]}" for lang in languages)
        + ".",
        "",
    ]
    return lines


def _report_table(r: ReportBenchmark) -> list[str]:
    report_growth, sql_growth, data_growth = r.growth()
    lines = [
        "## Report",
        "",
        '`survey_result(survey, "nl")` in-process against one plain SQL `GROUP BY question, '
        "declined, value` over the same rows (fetched through the same connection), for a "
        "10-question survey filled by COPY; warm, best of "
        f"{r.rounds}, interleaved. 'counts agree': the report's n, declined and per-option "
        "counts recomputed from the SQL's groups.",
        "",
        "| responses | answer rows | report s | (its CPU s) | plain SQL s | ratio | counts agree |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for t in r.timings:
        lines.append(
            f"| {t.responses:,} | {t.answers:,} | {t.report_seconds:.3f} "
            f"| {t.report_cpu_seconds:.3f} | {t.sql_seconds:.3f} | {t.ratio:.1f}× "
            f"| {'yes' if t.counts_agree else 'NO'} |"
        )
    lines += [
        "",
        f"Growth from the smallest to the largest size: report {report_growth:.1f}× "
        f"({r.cpu_growth():.1f}× in CPU time), plain SQL {sql_growth:.1f}×, answer rows "
        f"{data_growth:.1f}×.",
        "",
    ]
    return lines


def _tagging_table(t: Tagging) -> list[str]:
    return [
        "## Tagging (bench/bench_tagging.py)",
        "",
        f"{t.statements:,} statements, one core, CPU time: suggester {t.warm_per_second:,.0f}/s "
        f"warm ({t.cold_per_second:,.0f}/s cold), TextBlob sentiment alone "
        f"{t.sentiment_per_second:,.0f}/s: the suggester costs {t.warm_ratio:.2f}× the sentiment; "
        f"long statements (40-200 words) {t.long_per_second:,.0f}/s.",
        "",
        "```",
        t.output,
        "```",
        "",
    ]


def markdown(results: Results) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run {results.started} on {results.machine}; load average {results.load[0]:.1f} at the "
        f"start, {results.load[1]:.1f} at the end; {results.seconds / 60:.1f} minutes in all.",
        "",
        "## Targets (issues 11 and 18)",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    lines += [
        f"| {t.name} | {t.measured} | {'met' if t.met else '**not met**'} |"
        for t in results.targets()
    ]
    lines.append("")
    if results.throughput is not None:
        lines += _throughput_tables(results.throughput)
    if results.memory is not None:
        lines += _memory_table(results.memory)
    if results.report is not None:
        lines += _report_table(results.report)
    if results.tagging is not None:
        lines += _tagging_table(results.tagging)
    return "\n".join(lines).rstrip() + "\n"
