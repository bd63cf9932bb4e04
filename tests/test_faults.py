"""Faults during a CLI run: a full disk, a worker killed from outside, a dump cut short.

Whatever happens, a run either completes or stops with a clear message and no final
output file (only the ``.partial`` files and the checkpoint --resume continues from); a
resumed run gives exactly the bytes of an uninterrupted one.
(Signals, --fail-fast and crashing stages: tests/test_parallel.py.)
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from procfs import children_of

DISK_FULL_HELPER = Path(__file__).parent / "data" / "faults" / "run_cli_disk_full.py"
CLI = [sys.executable, "-m", "cleanscrape.cli", "clean"]
EXIT_IO_ERROR = 74


def write_dump(path: Path, n: int) -> None:
    with open(path, "wb") as fh:
        for i in range(n):
            text = f"  document {i}  \n\n\n\nbody {'x' * (i % 13)} {i}\n"
            fh.write(orjson.dumps({"id": f"d{i}", "text": text}) + b"\n")


def reference(tmp_path: Path, dump: Path, suffix: str = "") -> bytes:
    out = tmp_path / f"reference.jsonl{suffix}"
    subprocess.run([*CLI, str(dump), "-o", str(out), "--stages", "whitespace", "-j", "1", "-q"],
                   check=True, timeout=120)
    return out.read_bytes()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout_is_a_clear_error(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*CLI, str(dump), "--stages", "whitespace", "-j", "1"], stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == EXIT_IO_ERROR, proc.stderr
    assert b"No space left on device" in proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("output", ["clean.jsonl", "clean.jsonl.gz"])
def test_full_disk_leaves_no_final_output_and_resume_completes_it(tmp_path: Path, output: str) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 400)
    out = tmp_path / "out" / output
    report = tmp_path / "out" / "report.jsonl"
    args = [str(dump), "-o", str(out), "--report", str(report), "--stages", "whitespace", "-j", "2",
            "--checkpoint-every", "25"]
    proc = subprocess.run([sys.executable, str(DISK_FULL_HELPER), "clean", *args], capture_output=True,
                          timeout=120, env={**os.environ, "CLEANSCRAPE_TEST_DISK_BYTES": "20000"})
    assert proc.returncode == EXIT_IO_ERROR, proc.stderr
    assert b"No space left on device" in proc.stderr and b"Traceback" not in proc.stderr
    assert not out.exists() and not report.exists()  # nothing that looks complete

    subprocess.run([*CLI, *args, "--resume", "-q"], check=True, timeout=120)
    data = out.read_bytes()
    if output.endswith(".gz"):
        data = gzip.decompress(data)
    assert data == reference(tmp_path, dump)
    assert [json.loads(line)["id"] for line in report.read_text().splitlines()] == [f"d{i}" for i in range(400)]


@pytest.mark.parametrize("stderr", ["closed", "/dev/full"])
def test_a_stderr_that_cannot_be_written_loses_the_messages_not_the_run(tmp_path: Path, stderr: str) -> None:
    """Its messages are the run's diagnostics: with fd 2 closed (2>&-) the run ended in an
    AttributeError, nothing written; with a stderr that fails (2>/dev/full) the first
    message stopped it as a failed output write, its output abandoned."""
    if stderr == "/dev/full" and not Path(stderr).exists():
        pytest.skip("no /dev/full")
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 40)
    dump.write_bytes(dump.read_bytes() + b"not json\n")  # a failed record: a message
    out = tmp_path / "clean.jsonl"
    args = [*CLI, str(dump), "-o", str(out), "--stages", "whitespace", "-j", "2"]
    if stderr == "closed":
        proc = subprocess.run(args, preexec_fn=lambda: os.close(2), timeout=120)
    else:
        with open(stderr, "wb") as full:
            proc = subprocess.run(args, stderr=full, timeout=120)
    assert proc.returncode == 1  # (the failed record)
    assert out.read_bytes().count(b"\n") == 41 and b'"status":"failed"' in out.read_bytes()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_killed_from_outside_costs_no_record(tmp_path: Path) -> None:
    """The OOM killer (or an operator) kills a worker mid-run: its batches are cleaned again
    and every record still comes out once, cleaned, in order."""
    helper = Path(__file__).parent / "data" / "cli" / "run_cli_with_test_stages.py"
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    out = tmp_path / "clean.jsonl"
    proc = subprocess.Popen([sys.executable, str(helper), "clean", str(dump), "-o", str(out), "-q",
                             "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "10"],
                            stderr=subprocess.PIPE)
    checkpoint = tmp_path / ".clean.jsonl.checkpoint.json"
    deadline = time.monotonic() + 60
    while not checkpoint.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children_of(proc.pid)
    assert workers, "no worker process found"
    for worker in workers:  # every worker, so the pool certainly lost batches in flight
        os.kill(worker, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert out.read_bytes() == reference(tmp_path, dump)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_sigterm_to_the_whole_group_stops_the_run_without_replacing_its_workers(tmp_path: Path) -> None:
    """systemd stops a service with SIGTERM to every process of it: the workers died of it,
    and were replaced while the run stopped, their batches cleaned again one record at a
    time in a worker of their own."""
    helper = Path(__file__).parent / "data" / "cli" / "run_cli_with_test_stages.py"
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    proc = subprocess.Popen([sys.executable, str(helper), "clean", str(dump), "-o", str(tmp_path / "clean.jsonl"),
                             "-q", "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "10"],
                            stderr=subprocess.PIPE, start_new_session=True)
    checkpoint = tmp_path / ".clean.jsonl.checkpoint.json"
    deadline = time.monotonic() + 60
    while not checkpoint.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = set(children_of(proc.pid))
    assert workers, "no worker process found"
    os.killpg(proc.pid, signal.SIGTERM)
    while proc.poll() is None:  # any process started from here on replaces a worker
        workers |= set(children_of(proc.pid))
        time.sleep(0.01)
    assert proc.returncode == 143, proc.stderr.read() if proc.stderr else ""
    assert len(workers) == 2, workers


@pytest.mark.parametrize("records, name", [(50, "out.jsonl"), (55, "out.jsonl"), (55, "out.jsonl.gz")])
def test_resume_after_a_kill_between_final_rename_and_checkpoint_removal(tmp_path: Path, records: int,
                                                                         name: str) -> None:
    # 55 records: the last checkpoint (at 50) is behind the finished file, whose tail is redone
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, records)
    out = tmp_path / name
    args = [str(dump), "-o", str(out), "--stages", "whitespace", "-j", "1", "-q", "--checkpoint-every", "10"]
    keep_checkpoint = ("import sys; from cleanscrape.io import writers; from cleanscrape.cli import main; "
                       "writers.Checkpoint.remove = lambda self: None; sys.argv[0] = 'cleanscrape'; main()")
    subprocess.run([sys.executable, "-c", keep_checkpoint, "clean", *args], check=True, timeout=120)
    complete = out.read_bytes()
    resumed = subprocess.run([*CLI, *args, "--resume"], capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == complete
