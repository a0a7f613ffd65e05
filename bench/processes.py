"""What /proc says about the processes under test: gunicorn workers, their memory and CPU time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Memory:
    pid: int
    rss_mb: float
    peak_mb: float  # VmHWM: the highest RSS the process ever had


def _status(pid: int) -> dict[str, str]:
    fields = {}
    for line in (PROC / str(pid) / "status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return fields


def memory(pid: int) -> Memory:
    status = _status(pid)
    return Memory(
        pid=pid,
        rss_mb=int(status["VmRSS"].split()[0]) / 1024,
        peak_mb=int(status["VmHWM"].split()[0]) / 1024,
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process."""
    stat = (PROC / str(pid) / "stat").read_text()
    # The command name may hold spaces: the fields we want come after its closing parenthesis.
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _parent(pid: int) -> int:
    return int(_status(pid)["PPid"])


def _listening_inode(port: int) -> str:
    for table in ("tcp", "tcp6"):
        for line in (PROC / "net" / table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                return inode
    raise LookupError(f"nothing listens on port {port}")


def gunicorn_workers(address: str) -> list[int]:
    """The worker pids of the gunicorn listening on `address` (host:port).

    Found through the listening socket, which the master and every worker hold open (process
    titles may change): the workers are the holders whose parent holds it too.
    """
    socket = f"socket:[{_listening_inode(int(address.rsplit(':', 1)[1]))}]"
    holders = set()
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) == socket for fd in (entry / "fd").iterdir()):
                holders.add(int(entry.name))
        except OSError:
            continue  # gone meanwhile, or not ours to read
    workers = sorted(pid for pid in holders if _parent(pid) in holders)
    if not workers:
        raise LookupError(f"no gunicorn workers found for {address}")
    return workers


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (/proc/stat: all but idle and iowait)."""
    fields = [int(x) for x in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / CLOCK_TICKS


def total_cpu_seconds(pids: list[int]) -> dict[int, float]:
    """CPU seconds of each process still running."""
    found = {}
    for pid in pids:
        try:
            found[pid] = cpu_seconds(pid)
        except OSError:
            continue  # ended
    return found


def load_average() -> float:
    return os.getloadavg()[0]


def machine() -> tuple[int, float]:
    """Cores this process may use, and total memory in GB."""
    total_kb = next(
        int(line.split()[1])
        for line in (PROC / "meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return len(os.sched_getaffinity(0)), total_kb / 1024 / 1024
