"""The processes a run started, read from Linux's /proc: the fault tests, the pool's stress
run (fuzz/stress_pool.py) and the dump benchmark's memory sampler find a run's workers here."""

from __future__ import annotations

from pathlib import Path


def children_of(pid: int) -> list[int]:
    """The direct children of ``pid`` (every thread's), or none once it has exited: a
    sampler racing a worker's exit must not fail."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        pass
    return found
