"""Stress the worker pool as its users' machines will: workers killed from outside at
random moments, records that crash their worker, Ctrl-C mid-run, random worker counts.

Each run cleans a generated JSONL dump with the CLI (``tests/data/cli/run_cli_with_test_stages.py``:
a ``slow`` stage keeps the run long enough to be hit) and must end in one of two ways:

* complete: every record once, in input order, each exactly as an uninterrupted ``-j 1`` run
  writes it, except the crashing records, marked failed ("worker process died"); and with a
  report, one report line per record, in order;
* interrupted (Ctrl-C: exit 130), with no final output, and ``--resume`` completes it to the
  same bytes as above.

The output is plain JSONL or gzipped (by the workers, a member per batch), and a run may
write a gzipped report too.  A run that hangs (two minutes) counts as a failure too.  Run::

    .venv/bin/python fuzz/stress_pool.py [--seed N] [--runs N]

(~20 s a run; it found a record marked failed when the worker cleaning it alone, after its
batch's worker died, was itself killed from outside: parallel.ISOLATED_ATTEMPTS.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from procfs import children_of  # noqa: E402  (the workers, as the fault tests find them)

HELPER = TESTS / "data" / "cli" / "run_cli_with_test_stages.py"
EXIT_INTERRUPTED = 130
HANG_SECONDS = 120


def write_dump(path: Path, records: int, crashing: set[int]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(records):
            text = f"  document {i}  \n\n\nbody {'x' * (i % 7)}\n" + ("CRASH-ME\n" if i in crashing else "")
            fh.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")


def cli(*args: str) -> list[str]:
    return [sys.executable, str(HELPER), "clean", *args, "-q"]


def one_run(rng: random.Random, workdir: Path) -> str | None:
    """One random run; what went wrong, or None."""
    records = rng.choice([30, 120, 250])
    crashing = set(rng.sample(range(records), rng.choice([0, 0, 1, 2])))
    workers = rng.choice([2, 3, 4])
    how = rng.choice(["kill", "kill", "interrupt", "plain"])
    suffix = rng.choice(["", ".gz"])
    report = rng.choice([None, workdir / "report.jsonl.gz"])
    dump, out, reference = workdir / "dump.jsonl", workdir / f"out.jsonl{suffix}", workdir / "reference.jsonl"
    for leftover in [*workdir.glob(".out.jsonl*"), *workdir.glob(".report.jsonl*"), *workdir.glob("out.jsonl*"),
                     *workdir.glob("report.jsonl*")]:
        leftover.unlink()
    write_dump(dump, records, crashing)
    subprocess.run(cli(str(dump), "-o", str(reference), "--stages", "whitespace", "-j", "1"), check=True)
    stages = ("crash_on_marker," if crashing else "") + "slow,whitespace"
    args = cli(str(dump), "-o", str(out), "--stages", stages, "-j", str(workers), "--checkpoint-every", "5",
               *(["--report", str(report)] if report else []))
    proc = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.3, 1.5))
    if how == "kill":
        for _ in range(rng.choice([1, 2, 3])):
            if children := children_of(proc.pid):
                os.kill(rng.choice(children), signal.SIGKILL)
            time.sleep(rng.uniform(0.05, 0.4))
    elif how == "interrupt":
        proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        return f"hang ({how}, {records} records, -j {workers}, crashing {sorted(crashing)})"
    if proc.returncode == EXIT_INTERRUPTED:
        if out.exists():
            return "a final output after an interruption"
        subprocess.run([*args, "--resume"], timeout=HANG_SECONDS, stderr=subprocess.DEVNULL)
    if not out.exists():
        return f"no output (exit {proc.returncode}, {how})"
    expected = [json.loads(line) for line in reference.read_text(encoding="utf-8").splitlines()]
    data = out.read_bytes()
    try:
        got = [json.loads(line) for line in (gzip.decompress(data) if suffix else data).splitlines()]
    except (OSError, EOFError, ValueError) as exc:
        return f"output unreadable ({how}, -j {workers}, {suffix or 'plain'}): {exc}"
    if report is not None:
        try:
            reported = [json.loads(line)["id"] for line in gzip.decompress(report.read_bytes()).splitlines()]
        except (OSError, EOFError, ValueError) as exc:
            return f"report unreadable ({how}, -j {workers}): {exc}"
        if reported != [f"d{i}" for i in range(records)]:
            return f"report lines lost, repeated or out of order ({how}, -j {workers})"
    if [record["id"] for record in got] != [f"d{i}" for i in range(records)]:
        return f"records lost, repeated or out of order ({how}, -j {workers})"
    for i, (record, wanted) in enumerate(zip(got, expected)):
        if i in crashing:
            if record["status"] != "failed" or "worker process died" not in record["error"]:
                return f"crashing record d{i} not marked failed"
        elif record != wanted:
            return f"record d{i} differs from an uninterrupted run ({how}, -j {workers}): {record.get('error')}"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=16)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cleanscrape-stress-") as tmp:
        for run in range(options.runs):
            problem = one_run(rng, Path(tmp))
            print(f"[{run}] {problem or 'ok'}", flush=True)
            failures += problem is not None
    print(f"{failures} of {options.runs} runs failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
