"""Whole-command throughput and memory on a generated JSONL dump, 1 worker vs all cores.

    .venv/bin/python -m pytest benchmarks/bench_dump.py --benchmark-only
    CLEANSCRAPE_DUMP_MB=100,1000 CLEANSCRAPE_DUMP_WORKERS=2 .venv/bin/python -m pytest \
        benchmarks/bench_dump.py --benchmark-only -k test_dump -s

The dump repeats the benchmark documents (conftest: corpus_samples/, plus raw scrapes of
the extraction yardstick when present) with fresh ids until it reaches each size in
``CLEANSCRAPE_DUMP_MB`` (comma-separated; default ``16,64``: large enough that what each
process pays once — start-up, then the tables it loads on first need, ~0.5 s — does not
decide the figures, as it does on a dump of a few MB; the line "MB/s between the two
sizes" gives the rate with it excluded).  ``cleanscrape clean`` runs
as a subprocess, exactly as a user runs it; its wall time includes start-up.  Peak RSS is
the largest sum, over the main process and its workers, of their resident memory sampled
every 50 ms from /proc (shared copy-on-write pages count once per process, so this
over-states real use: with N workers the main process's warmed tables, shared by all,
count N + 1 times; the peak summed PSS, which splits shared pages, is the real use and is
printed next to it).  With N workers the main process's own CPU time is printed too: it
only splits, orders and writes, and must stay a small part of one core.  ftfy is timed on
the distinct documents and scaled by the number of repetitions (same text, same work).

``test_scaling`` runs ``-j 1`` and ``-j N`` alternately ``CLEANSCRAPE_SCALING_ROUNDS``
times (default 3) on the smallest dump, each round next to a pure-CPU-loop measurement of
what N processes can get from the machine at that moment; medians of the paired ratios
are steadier than one run of each on a shared machine.  It prints the speedup, the CPU
loop's (machine contention), their per-round quotient and the CPU seconds of ``-j N``
over ``-j 1`` (the pool's own cost: warm-up, pickling, IPC).  Each round also runs N
separate ``-j 1`` commands at once, one on each of the dump's N parts: what a pool with no
cost of its own would get on this work, since each still pays its start-up and the cores
slow each other on it (shared cache and memory) more than on the CPU loop; the speedup
over that is what the pool itself loses.

``test_dump_gzipped_with_report`` writes the smallest dump as big dumps are written, to a
.gz output and a .gz report with all cores, and prints the main process's CPU (the workers
compress; the main process only writes).

Targets: ``--workers 2`` ≥ 1.8× ``--workers 1`` on 2 cores; peak RSS ≤ 300 MB and flat
(the largest dump within 10% of the smallest); byte-identical output for 1 and N workers.
"""

from __future__ import annotations

import os
import subprocess
import statistics
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest
from conftest import ROOT, dirty_texts, ftfy_seconds, record_ratio

sys.path.insert(0, str(ROOT / "tests"))
from procfs import children_of  # noqa: E402  (a run's workers, as the fault tests find them)

from cleanscrape.parallel import default_workers

SIZES_MB = [float(s) for s in os.environ.get("CLEANSCRAPE_DUMP_MB", "16,64").split(",") if s.strip()]
CLEANSCRAPE = [sys.executable, "-m", "cleanscrape", "clean"]

SCALING_ROUNDS = int(os.environ.get("CLEANSCRAPE_SCALING_ROUNDS", "3"))
#: worker counts of test_dump (comma-separated; default 1 and all cores): a memory check on a
#: 1 GB dump only needs the -j N run
DUMP_WORKERS = sorted({int(n) for n in os.environ.get("CLEANSCRAPE_DUMP_WORKERS", "").split(",") if n.strip()}
                      or {1, default_workers()})

_results: dict[tuple[float, int], dict[str, float]] = {}


def write_dump(path: Path, megabytes: float) -> int:
    """Write a JSONL dump of at least ``megabytes``; returns the number of repetitions."""
    texts = dirty_texts()
    target = megabytes * 1e6
    size = 0
    repetition = 0
    with open(path, "wb") as fh:
        while size < target:
            for i, text in enumerate(texts):
                line = orjson.dumps({"id": f"r{repetition}-{i}", "text": text, "source": "bench"}) + b"\n"
                fh.write(line)
                size += len(line)
            repetition += 1
    return repetition


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of one process (its own threads, not its children)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pss_bytes(pid: int) -> int:
    """Proportional set size: shared pages split between the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeRSS:
    """Samples the summed RSS (and PSS) of a process and its descendants in a thread, and
    the CPU time of the process itself (the main process: reading, ordering, writing)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self.main_cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(children_of(pid))
            self.peak = max(self.peak, sum(_rss_bytes(pid) for pid in tree))
            self.peak_pss = max(self.peak_pss, sum(_pss_bytes(pid) for pid in tree))
            self.main_cpu = _cpu_seconds(self.pid) or self.main_cpu
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _spin(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        total += i * i
    return total


def machine_ceiling(workers: int) -> float:
    """How much faster N processes run a pure CPU loop than one, on this machine now: the
    ceiling for any N-worker speedup (on a shared machine it can be far below N)."""
    from concurrent.futures import ProcessPoolExecutor

    work = [4_000_000] * workers * 2
    timings = []
    for pool_size in (1, workers):
        with ProcessPoolExecutor(pool_size) as pool:
            start = time.perf_counter()
            list(pool.map(_spin, work))
            timings.append(time.perf_counter() - start)
    return timings[0] / timings[1]


@pytest.fixture(scope="module", params=SIZES_MB, ids=lambda mb: f"{mb:g}MB")
def dump(request, tmp_path_factory) -> tuple[Path, float, int]:
    if not Path("/proc/self/statm").exists():
        pytest.skip("peak RSS is read from /proc (Linux)")
    path = tmp_path_factory.mktemp("dump") / "dump.jsonl"
    repetitions = write_dump(path, request.param)
    return path, request.param, repetitions


@pytest.mark.parametrize("workers", DUMP_WORKERS)
def test_dump(benchmark, dump, workers: int) -> None:
    path, size_mb, repetitions = dump
    out = path.with_name(f"out-{workers}.jsonl")
    peaks: list[int] = []
    peaks_pss: list[int] = []

    cpu: list[float] = []
    main_cpu: list[float] = []

    def run() -> None:
        proc = subprocess.Popen([*CLEANSCRAPE, str(path), "-o", str(out), "-q", "-j", str(workers)])
        sampler = TreeRSS(proc.pid)
        # wait4's usage includes the workers, which the command waits for
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peaks.append(sampler.stop())
        peaks_pss.append(sampler.peak_pss)
        main_cpu.append(sampler.main_cpu)
        cpu.append(usage.ru_utime + usage.ru_stime)
        assert proc.returncode == 0

    benchmark.pedantic(run, rounds=1, iterations=1)
    seconds = benchmark.stats.stats.min
    mb = path.stat().st_size / 1e6
    text_mb = repetitions * sum(len(t.encode("utf-8")) for t in dirty_texts()) / 1e6
    ratio = record_ratio(benchmark, f"dump {size_mb:g} MB, {workers} worker(s)", text_mb, seconds,
                         repetitions * ftfy_seconds("dirty"))
    peak_mb = max(peaks) / 1e6
    peak_pss_mb = max(peaks_pss) / 1e6
    load = os.getloadavg()[0]
    benchmark.extra_info.update({"dump_MB": round(mb, 1), "workers": workers, "peak_rss_MB": round(peak_mb, 1),
                                 "peak_pss_MB": round(peak_pss_mb, 1), "cpu_s": round(cpu[0], 2),
                                 "main_process_cpu_s": round(main_cpu[0], 2), "load_average": load})
    _results[(size_mb, workers)] = {"seconds": seconds, "peak_rss_MB": peak_mb, "peak_pss_MB": peak_pss_mb,
                                    "ratio": ratio, "mb": mb, "cpu_s": cpu[0]}
    # a busy machine makes wall time meaningless for scaling: say how busy it was
    print(f"\ndump {size_mb:g} MB ({mb:.1f} MB JSONL), -j {workers}: {seconds:.1f} s wall, {cpu[0]:.1f} s CPU, "
          f"{mb / seconds:.2f} MB/s, peak RSS {peak_mb:.0f} MB / PSS {peak_pss_mb:.0f} MB (all processes), "
          f"load average {load:.1f}")
    if workers > 1:
        # the main process only splits, orders and writes: it must stay a small part of a core
        print(f"main process: {main_cpu[0]:.1f} s CPU ({main_cpu[0] / seconds:.0%} of a core over the run, "
              f"start-up and warm-up included)")
    if len(SIZES_MB) > 1 and size_mb == max(SIZES_MB) and (min(SIZES_MB), workers) in _results:
        small = _results[(min(SIZES_MB), workers)]
        marginal = (mb - small["mb"]) / (seconds - small["seconds"])
        benchmark.extra_info["marginal_MB_per_s"] = round(marginal, 3)
        print(f"-j {workers}: {marginal:.2f} MB/s between the two sizes (start-up and word-list loading excluded)")

    serial = path.with_name("out-1.jsonl")
    if workers > 1 and serial.exists():
        assert out.read_bytes() == serial.read_bytes(), "output differs between 1 and N workers"
        speedup = _results[(size_mb, 1)]["seconds"] / seconds
        benchmark.extra_info["speedup_vs_1_worker"] = round(speedup, 2)
        ceiling = machine_ceiling(workers)
        cpu_cost = cpu[0] / _results[(size_mb, 1)]["cpu_s"]
        benchmark.extra_info.update({"machine_ceiling": round(ceiling, 2), "cpu_s_vs_1_worker": round(cpu_cost, 2)})
        print(f"dump {size_mb:g} MB: -j {workers} is {speedup:.2f}x -j 1 (output identical); a pure CPU loop "
              f"gets {ceiling:.2f}x from {workers} processes on this machine right now "
              f"({speedup / ceiling:.0%} of what the machine allows); -j {workers} spends {cpu_cost:.2f}x "
              f"the CPU seconds of -j 1 (the cost of the pool itself)")
    if len(SIZES_MB) > 1 and size_mb == max(SIZES_MB) and (min(SIZES_MB), workers) in _results:
        small = _results[(min(SIZES_MB), workers)]
        print(f"peak RSS, -j {workers}: {small['peak_rss_MB']:.0f} MB at {min(SIZES_MB):g} MB, {peak_mb:.0f} MB at "
              f"{size_mb:g} MB ({peak_mb / small['peak_rss_MB'] - 1:+.0%}); PSS {small['peak_pss_MB']:.0f} -> "
              f"{peak_pss_mb:.0f} MB ({peak_pss_mb / small['peak_pss_MB'] - 1:+.0%})")


def _wall_and_cpu(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU seconds of the command and every process it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(command)
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def split_dump(path: Path, parts: int) -> list[Path]:
    """The dump cut into ``parts`` files of consecutive records, about the same size each."""
    lines = path.read_bytes().splitlines(keepends=True)
    per_part = -(-len(lines) // parts)
    paths = []
    for n in range(parts):
        part = path.with_name(f"part-{n}-of-{parts}.jsonl")
        part.write_bytes(b"".join(lines[n * per_part:(n + 1) * per_part]))
        paths.append(part)
    return paths


def _wall_together(commands: list[list[str]]) -> float:
    """Wall time of the commands started at once, until the last one ends."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command) for command in commands]
    for proc in processes:
        assert proc.wait() == 0
    return time.perf_counter() - start


def test_scaling(benchmark, dump) -> None:
    path, size_mb, _ = dump
    workers = default_workers()
    if size_mb != min(SIZES_MB) or workers < 2:
        pytest.skip("scaling is measured once, on the smallest dump, with several cores")
    speedups: list[float] = []
    ceilings: list[float] = []
    independent: list[float] = []
    cpu_costs: list[float] = []
    parts = [[*CLEANSCRAPE, str(part), "-o", str(part.with_suffix(".out")), "-q", "-j", "1"]
             for part in split_dump(path, workers)]

    def rounds() -> None:
        for round_number in range(SCALING_ROUNDS):
            ceilings.append(machine_ceiling(workers))
            commands = {j: [*CLEANSCRAPE, str(path), "-o", str(path.with_name(f"scaling-{j}.jsonl")), "-q", "-j", str(j)]
                        for j in (1, workers)}
            order = (1, workers) if round_number % 2 == 0 else (workers, 1)  # cancel drift in load
            measured = {j: _wall_and_cpu(commands[j]) for j in order}
            speedups.append(measured[1][0] / measured[workers][0])
            cpu_costs.append(measured[workers][1] / measured[1][1])
            independent.append(measured[1][0] / _wall_together(parts))

    benchmark.pedantic(rounds, rounds=1, iterations=1)
    speedup, ceiling = statistics.median(speedups), statistics.median(ceilings)
    # each round's speedup over the CPU loop's of the same moment: what is left is ours
    efficiency = statistics.median(s / c for s, c in zip(speedups, ceilings))
    cpu_cost = statistics.median(cpu_costs)
    # N separate `-j 1` runs on the dump's N parts, at once: what a pool with no cost of its
    # own would get (each pays its start-up, and the cores slow each other on this very
    # work as they do the pool's workers, which the CPU loop does not show)
    independent_speedup = statistics.median(independent)
    over_independent = statistics.median(s / i for s, i in zip(speedups, independent))
    benchmark.extra_info.update({"speedup_median": round(speedup, 2), "speedups": [round(x, 2) for x in speedups],
                                 "machine_ceiling_median": round(ceiling, 2),
                                 "speedup_over_ceiling_median": round(efficiency, 2),
                                 "independent_parts_median": round(independent_speedup, 2),
                                 "speedup_over_independent_parts_median": round(over_independent, 2),
                                 "cpu_s_vs_1_worker_median": round(cpu_cost, 2)})
    print(f"\nscaling on {size_mb:g} MB: -j {workers} vs -j 1, median of {SCALING_ROUNDS} paired rounds "
          f"{speedup:.2f}x (rounds: {', '.join(f'{x:.2f}' for x in speedups)}); a pure CPU loop got "
          f"{ceiling:.2f}x (rounds: {', '.join(f'{x:.2f}' for x in ceilings)}); ours over the loop's, per round: "
          f"{efficiency:.0%} (the loop does not feel the cores' shared cache and memory; the parts below do); "
          f"-j {workers} spends {cpu_cost:.2f}x the CPU seconds of -j 1; {workers} separate -j 1 runs on the "
          f"dump's {workers} parts at once got {independent_speedup:.2f}x (rounds: "
          f"{', '.join(f'{x:.2f}' for x in independent)}): the pool gets {over_independent:.0%} of that, per round")


def test_dump_gzipped_with_report(benchmark, dump) -> None:
    """The smallest dump with all cores, written as a user of a big dump writes it: a gzip
    output and a gzip report.  The workers compress their batches (docs/cli.md, Outputs), so
    the main process only writes: its CPU, printed, must stay a small part of one core."""
    path, size_mb, repetitions = dump
    workers = default_workers()
    if size_mb != min(SIZES_MB):
        pytest.skip("measured once, on the smallest dump")
    out, report = path.with_name("gz-out.jsonl.gz"), path.with_name("gz-report.jsonl.gz")
    main_cpu: list[float] = []

    def run() -> None:
        proc = subprocess.Popen([*CLEANSCRAPE, str(path), "-o", str(out), "--report", str(report), "-q",
                                 "-j", str(workers)])
        sampler = TreeRSS(proc.pid)
        assert proc.wait() == 0
        sampler.stop()
        main_cpu.append(sampler.main_cpu)

    benchmark.pedantic(run, rounds=1, iterations=1)
    seconds = benchmark.stats.stats.min
    text_mb = repetitions * sum(len(t.encode("utf-8")) for t in dirty_texts()) / 1e6
    record_ratio(benchmark, f"dump {size_mb:g} MB, .gz output and report, {workers} worker(s)", text_mb, seconds,
                 repetitions * ftfy_seconds("dirty"))
    benchmark.extra_info.update({"workers": workers, "main_process_cpu_s": round(main_cpu[0], 2),
                                 "output_MB": round(out.stat().st_size / 1e6, 2),
                                 "report_MB": round(report.stat().st_size / 1e6, 2)})
    print(f"\ndump {size_mb:g} MB to .gz output and report, -j {workers}: {seconds:.1f} s wall, "
          f"{path.stat().st_size / 1e6 / seconds:.2f} MB/s; main process {main_cpu[0]:.2f} s CPU "
          f"({main_cpu[0] / seconds:.0%} of a core, start-up included); output {out.stat().st_size / 1e6:.1f} MB, "
          f"report {report.stat().st_size / 1e6:.1f} MB compressed")
