"""wrk with bench/journey.lua: one run, its numbers, and wrk's own CPU share.

wrk (Debian's /usr/bin/wrk) is an event loop in C: a few percent of one core drives thousands of
requests per second, so the load generator is not what limits a 2-core machine. Its CPU time is
read from the kernel when it exits (this process's children's rusage) and reported with every run.
"""

from __future__ import annotations

import json
import resource
import secrets
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.participants import JOURNEY, SURVEY, Participant

SCRIPT = Path(__file__).with_name("journey.lua")
WRK = "/usr/bin/wrk"
MODES = ("hello", "pages", "answers")


class LoadError(RuntimeError):
    """wrk could not run or printed no result."""


@dataclass(frozen=True)
class Run:
    mode: str
    seconds: float
    requests: int
    sent: int
    ok: int  # 200s where a page was expected
    acknowledged: int  # 302s to the next question, for answers
    unexpected: int  # any other status, or a redirect elsewhere
    socket_errors: int  # connect, read, write, timeout
    status_errors: int  # non-2xx/3xx, as wrk counts them
    p50_ms: float
    p95_ms: float
    p99_ms: float
    wrk_cpu_seconds: float
    wall_seconds: float
    acked_keys: tuple[str, ...] = ()
    run_prefix: str = ""

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        """Socket errors plus every response that was not the expected one: the non-2xx/3xx wrk
        counts as errors are among them, and so is a redirect to the welcome page."""
        return self.socket_errors + self.unexpected

    @property
    def wrk_cpu_share(self) -> float:
        """wrk's CPU time over the wall time of its run: 1.0 = one core busy all along."""
        return self.wrk_cpu_seconds / self.wall_seconds if self.wall_seconds else 0.0


def wrk_binary() -> str:
    found = WRK if Path(WRK).exists() else shutil.which("wrk")
    if not found:
        raise LoadError("wrk is not installed (apt-get install wrk; .ci/run installs it)")
    return found


def _lua_string(value: str) -> str:
    """A Lua string literal. Cookies, tokens, paths and URL-encoded bodies are printable ASCII."""
    if not (value.isascii() and value.isprintable()):
        raise ValueError(f"not printable ASCII: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_data(path: Path, participants: Sequence[Participant], run_prefix: str) -> None:
    """The Lua data file journey.lua loads: sessions, pages, answers, idempotency key prefix."""
    sessions = ",\n".join(
        f"  {{cookie = {_lua_string(p.cookie)}, csrf = {_lua_string(urllib.parse.quote(p.csrf))}}}"
        for p in participants
    )
    # GET: the welcome page and the question pages (issue 18), as a participant goes through them.
    paths = [f"/s/{SURVEY}"] + [f"/s/{SURVEY}/{step.question}" for step in JOURNEY]
    pages = ", ".join(_lua_string(path) for path in paths)
    answers = ",\n".join(
        f"  {{path = {_lua_string(f'/s/{SURVEY}/{step.question}')}, "
        f"body = {_lua_string(urllib.parse.urlencode(step.data, doseq=True))}, "
        f"next = {_lua_string(f'/{SURVEY}/{step.next}')}}}"
        for step in JOURNEY
    )
    path.write_text(
        f"return {{\nrun = {_lua_string(run_prefix)},\nsessions = {{\n{sessions}\n}},\n"
        f"pages = {{{pages}}},\nanswers = {{\n{answers}\n}},\n}}\n"
    )


def run_wrk(
    address: str,
    mode: str,
    *,
    seconds: float,
    connections: int,
    workdir: Path,
    participants: Sequence[Participant] = (),
) -> Run:
    """One wrk run of `seconds` with one thread per connection (see journey.lua)."""
    if mode not in MODES:
        raise ValueError(mode)
    run_prefix = "b" + secrets.token_hex(5)
    data = workdir / f"{run_prefix}.lua"
    acks = workdir / f"{run_prefix}.acks"
    write_data(data, participants, run_prefix)
    command = [
        wrk_binary(), f"-t{connections}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        "-s", str(SCRIPT), f"http://{address}", "--", mode, str(data), str(connections), str(acks),
    ]  # fmt: skip
    # Servers started by this process are still running (not reaped), so between these two
    # readings the only child that ends and is reaped is wrk: the difference is wrk's CPU time.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line = next((x for x in stdout.splitlines() if x.startswith("BENCH_RESULT ")), None)
    if process.returncode != 0 or line is None:
        raise LoadError(f"wrk failed ({process.returncode}): {stderr.strip()} {stdout[-500:]}")
    numbers = json.loads(line.removeprefix("BENCH_RESULT "))
    keys = tuple(acks.read_text().split()) if acks.exists() else ()
    return Run(
        mode=mode,
        seconds=numbers["duration_us"] / 1e6,
        requests=numbers["requests"],
        sent=numbers["sent"],
        ok=numbers["ok"],
        acknowledged=numbers["acknowledged"],
        unexpected=numbers["unexpected"],
        socket_errors=sum(numbers[k] for k in ("connect", "read", "write", "timeout")),
        status_errors=numbers["status"],
        p50_ms=numbers["p50_us"] / 1000,
        p95_ms=numbers["p95_us"] / 1000,
        p99_ms=numbers["p99_us"] / 1000,
        wrk_cpu_seconds=cpu,
        wall_seconds=wall,
        acked_keys=keys,
        run_prefix=run_prefix,
    )
