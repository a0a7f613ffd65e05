"""Bare Flask and participatie under the same gunicorn settings, back to back in one run.

Order: bare Flask, our question pages (GET), our answers (POST), bare Flask again. The ratios use
the mean of the two bare runs, so drift on a shared machine during the run shows in the table
(the two bare runs differ) instead of silently favouring one side.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.database import applied_answers, backend_pids, missing_keys
from bench.load import Run, run_wrk
from bench.participants import Participant, start_participants
from bench.processes import (
    Memory,
    gunicorn_workers,
    machine_busy_seconds,
    memory,
    total_cpu_seconds,
)
from bench.servers import bare_flask, started
from tests.deploy.servers import gunicorn

Log = Callable[[str], None]


@dataclass(frozen=True)
class Measured:
    """One wrk run and where the machine's CPU went meanwhile (in cores: CPU s / wall s)."""

    run: Run
    server_cpu_share: float  # the gunicorn workers
    database_cpu_share: float | None  # the PostgreSQL backends of the benchmark database
    machine_busy: float  # every process on the machine, ours and anyone else's


@dataclass(frozen=True)
class Settings:
    seconds: float = 12
    warmup: float = 3
    connections: int = 16
    participants: int = 64
    workers: int = 2


@dataclass(frozen=True)
class Throughput:
    settings: Settings
    bare: tuple[Measured, Measured]
    pages: Measured
    answers: Measured
    applied: int  # answer writes in the database for the measured POST run
    missing: int  # acknowledged answers the database does not hold
    worker_memory: tuple[Memory, ...]  # after serving the pages and answers

    @property
    def bare_rps(self) -> float:
        return sum(m.run.requests_per_second for m in self.bare) / len(self.bare)

    def ratio(self, measured: Measured) -> float:
        return measured.run.requests_per_second / self.bare_rps if self.bare_rps else 0.0


def _measure(
    address: str,
    mode: str,
    settings: Settings,
    workdir: Path,
    participants: Sequence[Participant] = (),
    database_url: str | None = None,
) -> Measured:
    workers = gunicorn_workers(address)
    if settings.warmup > 0:
        run_wrk(
            address, mode, seconds=settings.warmup, connections=settings.connections,
            workdir=workdir, participants=participants,
        )  # fmt: skip
    backends = backend_pids(database_url) if database_url else []
    before = total_cpu_seconds(workers + backends)
    busy_before = machine_busy_seconds()
    run = run_wrk(
        address, mode, seconds=settings.seconds, connections=settings.connections,
        workdir=workdir, participants=participants,
    )  # fmt: skip
    busy = machine_busy_seconds() - busy_before
    if database_url:  # connections opened during the run count from zero
        backends = sorted(set(backends) | set(backend_pids(database_url)))
    after = total_cpu_seconds(workers + backends)

    def used(pids: list[int]) -> float:
        return sum(after[pid] - before.get(pid, 0.0) for pid in pids if pid in after)

    wall = run.wall_seconds
    return Measured(
        run=run,
        server_cpu_share=used(workers) / wall,
        database_cpu_share=used(backends) / wall if database_url else None,
        machine_busy=busy / wall,
    )


def _settled_count(database_url: str, run_prefix: str) -> int:
    """The applied answers once requests still in flight when wrk stopped have finished."""
    count = applied_answers(database_url, run_prefix)
    for _ in range(20):
        time.sleep(0.25)
        again = applied_answers(database_url, run_prefix)
        if again == count:
            return count
        count = again
    return count


def _bare(settings: Settings, workdir: Path, log: Log) -> Measured:
    with bare_flask(workers=settings.workers) as address:
        log(f"bare Flask at {address}: GET / for {settings.seconds:g} s")
        return _measure(address, "hello", settings, workdir)


def measure_throughput(
    database_url: str, settings: Settings, workdir: Path, log: Log
) -> Throughput:
    first = _bare(settings, workdir, log)
    with started(lambda: gunicorn(database_url, workers=settings.workers)) as address:
        log(f"participatie at {address}: starting {settings.participants} participants over HTTP")
        participants = start_participants(f"http://{address}", settings.participants)
        log(f"welcome and question pages (GET) for {settings.seconds:g} s")
        pages = _measure(address, "pages", settings, workdir, participants, database_url)
        log(f"answers (POST) for {settings.seconds:g} s")
        answers = _measure(address, "answers", settings, workdir, participants, database_url)
        applied = _settled_count(database_url, answers.run.run_prefix)
        missing = missing_keys(database_url, answers.run.acked_keys)
        worker_memory = tuple(memory(pid) for pid in gunicorn_workers(address))
    second = _bare(settings, workdir, log)
    return Throughput(
        settings=settings,
        bare=(first, second),
        pages=pages,
        answers=answers,
        applied=applied,
        missing=missing,
        worker_memory=worker_memory,
    )
