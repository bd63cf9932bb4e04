"""Worker pool, interruption and --resume: order, identical output, crash isolation,
no half-written output, resuming without duplicates or gaps."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import pickle
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
import zlib
from pathlib import Path

import orjson
import pytest

from cleanscrape import Cleaner, Stage
from cleanscrape.document import Document
from cleanscrape.io.readers import RawRecord
from cleanscrape.io.writers import Item
from cleanscrape.parallel import Job, Outcome, clean_stream

DATA = Path(__file__).parent / "data" / "cli"
HELPER = DATA / "run_cli_with_test_stages.py"


def make_raws(n: int, crash_at: int | None = None) -> list[RawRecord]:
    raws = []
    for i in range(n):
        text = f"  document {i}  \n\n\n\nbody {'x' * (i % 7)}\n"
        if i == crash_at:
            text += "CRASH-ME\n"
        line = orjson.dumps({"id": f"d{i}", "text": text, "n": i}) + b"\n"
        raws.append(RawRecord(f"mem:{i + 1}", "jsonl", line, "mem"))
    return raws


class _CrashOnMarker(Stage):
    """Kills its process on a marked document, as a segfaulting extension would."""

    name = "crash_on_marker_inline"
    categories = ("test",)

    def process(self, doc: Document) -> None:
        if "CRASH-ME" in doc.text:
            os._exit(3)


def test_several_workers_give_the_same_bytes_in_the_same_order() -> None:
    cleaner = Cleaner(stages=["whitespace"])
    job = Job(output_format="jsonl", with_report=True)
    raws = make_raws(150)
    serial = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=1)]
    pooled = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=3, batch_records=4)]
    assert pooled == serial
    assert [json.loads(data)["id"] for data, _ in pooled] == [f"d{i}" for i in range(150)]


def test_workers_start_as_batches_need_them(monkeypatch) -> None:
    # -j 1000 forked a thousand workers up front: 13 s for one document, and past the
    # file descriptors' limit a failed run ('cannot write output: Too many open files')
    import cleanscrape.parallel as parallel

    started = []

    class Counted(parallel._Worker):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(parallel, "_Worker", Counted)
    cleaner, job = Cleaner(stages=["whitespace"]), Job(output_format="jsonl")
    raws = make_raws(40)
    serial = [o.item.data for o in clean_stream(cleaner, job, raws, workers=1)]
    assert [o.item.data for o in clean_stream(cleaner, job, raws, workers=1000, batch_records=16)] == serial
    assert 1 <= len(started) <= 3  # three batches


@pytest.mark.parametrize("startable", [0, 1])
def test_a_worker_the_system_will_not_start_leaves_the_pool_with_those_it_has(monkeypatch, startable: int) -> None:
    import errno

    import cleanscrape.parallel as parallel

    new_worker = parallel._OrderedPool._new_worker
    started: list[object] = []

    def limited(pool):
        if len(started) >= startable:
            raise OSError(errno.EMFILE, "Too many open files")
        started.append(new_worker(pool))
        return started[-1]

    monkeypatch.setattr(parallel._OrderedPool, "_new_worker", limited)
    cleaner, job = Cleaner(stages=[_Sleepy(), "whitespace"]), Job(output_format="jsonl")
    raws = make_raws(40)
    warnings: list[str] = []
    pooled = [o.item.data for o in clean_stream(cleaner, job, raws, workers=4, batch_records=4,
                                                on_warning=warnings.append)]
    assert pooled == [o.item.data for o in clean_stream(cleaner, job, raws, workers=1, batch_records=4)]
    going_on = "none, in this process" if startable == 0 else "1"
    assert warnings == [f"cannot start worker process {startable + 1} ([Errno 24] Too many open files): "
                        f"going on with {going_on}"]
    assert multiprocessing.active_children() == []


def test_the_default_pipeline_gives_the_same_bytes_for_1_and_2_workers() -> None:
    """Catches state carried from one document to the next in any stage: with two
    workers each sees a different subset of the documents."""
    samples = Path(__file__).parent.parent / "corpus_samples"
    raws = [RawRecord(path.name, "text", path.read_bytes(), path.name)
            for path in sorted(samples.glob("*.txt"))]
    lines = (samples / "dump_mixed.jsonl").read_bytes().splitlines(keepends=True)
    raws += [RawRecord(f"dump_mixed.jsonl:{i}", "jsonl", line, "dump_mixed.jsonl") for i, line in enumerate(lines, 1)]
    raws = raws * 3
    cleaner = Cleaner()
    job = Job(output_format="jsonl", with_report=True)
    serial = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=1)]
    pooled = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=2, batch_records=2)]
    assert pooled == serial


def test_what_crosses_the_pipes_pickles_whole() -> None:
    # records, items and outcomes pickle as their fields by position: none may be lost
    raw = RawRecord("d.warc:3", "warc", b"<p>x</p>", "d.warc", {"url": "https://a.example/"})
    outcome = Outcome(Item("d.warc:3", "d.warc", "jsonl", b"{}\n", whole_file=True), b"{}\n", error="e",
                      warning="w", empty=True, batch_end=True, text_bytes_in=3, text_bytes_out=2,
                      removed={"navigation": 2}, repaired={"mojibake": 1})
    for value in (raw, outcome):
        assert pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) == value


def test_the_main_process_of_a_pool_loads_no_stage_tables() -> None:
    """The workers load the lexicons and language profiles their documents need; the main
    process only reads, orders and writes (a fresh interpreter, so that nothing another test
    loaded counts)."""
    script = (
        "from cleanscrape import Cleaner\n"
        "from cleanscrape.io.readers import RawRecord\n"
        "from cleanscrape.lang import _langdetect_factory\n"
        "from cleanscrape.lexicon import load_lexicon\n"
        "from cleanscrape.parallel import Job, clean_stream\n"
        "text = 'Le gouvernement a annoncé mardi une réforme de la loi sur le logement.\\nRechercher\\n'\n"
        "raws = [RawRecord(f'mem:{i}', 'text', text.encode(), 'mem') for i in range(8)]\n"
        "out = list(clean_stream(Cleaner(), Job(output_format='text'), raws, workers=2))\n"
        "print(len(out), load_lexicon.cache_info().currsize, _langdetect_factory.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["8", "0", "0"]


def test_a_worker_crash_fails_only_the_record_that_caused_it() -> None:
    cleaner = Cleaner(stages=[_CrashOnMarker(), "whitespace"])
    job = Job(output_format="jsonl")
    outcomes = list(clean_stream(cleaner, job, make_raws(80, crash_at=37), workers=2, batch_records=4))
    records = [json.loads(o.item.data) for o in outcomes]
    assert [r["id"] for r in records] == [f"d{i}" for i in range(80)]
    failed = [r for r in records if r["status"] == "failed"]
    assert [r["id"] for r in failed] == ["d37"]
    assert "worker process died" in failed[0]["error"] and failed[0]["error"].startswith("mem:38:")
    assert "CRASH-ME" in failed[0]["text"]  # the input passes through
    expected = list(clean_stream(Cleaner(stages=["whitespace"]), job, make_raws(80), workers=1))
    assert [o.item.data for i, o in enumerate(outcomes) if i != 37] == \
           [o.item.data for i, o in enumerate(expected) if i != 37]


def test_records_redone_after_a_worker_died_end_only_their_batch() -> None:
    """The records of a dead worker's batch are redone one at a time, but remain one batch:
    a checkpoint (or a stop on a signal) after one of them would fall mid-batch, and the
    resumed run would form other batches, with another source memory."""
    outcomes = list(clean_stream(Cleaner(stages=[_CrashOnMarker(), "whitespace"]), Job(output_format="jsonl"),
                                 make_raws(40, crash_at=12), workers=2))
    assert [json.loads(o.item.data)["id"] for o in outcomes] == [f"d{i}" for i in range(40)]
    assert [i for i, o in enumerate(outcomes) if o.batch_end] == [15, 31, 39]


def test_messages_larger_than_the_pipes_flow_both_ways_without_deadlock() -> None:
    """Batches and outcomes (with reports) larger than the pipes between the processes:
    the main process writes batches while the workers write outcomes it has not read yet
    (a fresh interpreter with a time-out, so that a deadlock fails the test, not the run)."""
    script = (
        "import orjson\n"
        "from cleanscrape import Cleaner\n"
        "from cleanscrape.io.readers import RawRecord\n"
        "from cleanscrape.parallel import Job, clean_stream\n"
        # each record ~600 KB, of which the stripped tail (and so its report) is ~600 KB
        "raws = [RawRecord(f'mem:{i + 1}', 'jsonl', orjson.dumps({'id': f'd{i}', 'text': f'document {i}'"
        " + ' ' * 600_000 + '\\nbody\\n'}) + b'\\n', 'mem') for i in range(12)]\n"
        "cleaner, job = Cleaner(stages=['whitespace']), Job(output_format='jsonl', with_report=True)\n"
        "serial = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=1, batch_records=2)]\n"
        "pooled = [(o.item.data, o.report) for o in clean_stream(cleaner, job, raws, workers=2, batch_records=2)]\n"
        "print(pooled == serial, len(serial[0][1]) + len(serial[1][1]) > 1 << 20)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "True"]  # the same bytes; a batch's reports outgrow a pipe


def test_a_consumer_stopping_early_stops_the_workers_at_once() -> None:
    """A caller that stops reading (Ctrl-C, --fail-fast) closes the stream: the workers are
    stopped whatever they hold, none is left behind."""
    slow = [RawRecord(f"mem:{i + 1}", "text", b"x\n", "mem") for i in range(400)]
    outcomes = clean_stream(Cleaner(stages=[_Sleepy(), "whitespace"]), Job(output_format="text"), slow,
                            workers=2, batch_records=2)
    assert next(outcomes).item.data
    outcomes.close()
    assert multiprocessing.active_children() == []


# ---------------------------------------------------------------------- Cleaner.clean_many(workers=N)
def _stream_items(n: int) -> list[object]:
    """Texts, (id, text) pairs and (id, text, metadata) triples, with sources whose words
    the repair remembers within a batch, and a damaged word for it to repair."""
    items: list[object] = []
    for i in range(n):
        text = f"  Le document {i} parle du président français.  \n\n\n\nLe pr?sident fran?ais {i}\n"
        items.append(text if i % 3 == 0 else (f"d{i}", text) if i % 3 == 1 else (f"d{i}", text, {"source": f"s{i % 2}"}))
    return items


def test_clean_many_with_workers_gives_the_results_of_one_process_in_order() -> None:
    cleaner = Cleaner()
    items = [*_stream_items(70), ("short",), ("a", "b", "not a mapping"), {"id": "r", "text": "t"}, ["a", "b"]]
    serial = [r.to_dict() for r in cleaner.clean_many(items)]
    pooled = [r.to_dict() for r in cleaner.clean_many(items, workers=2)]
    assert pooled == serial
    assert any(r["repairs"] for r in serial)  # the repair ran, with its memory
    # (a record and a list failed as "text must be a string, got dict", and "... list")
    assert [r["error"] for r in serial[-4:]] == [
        "an item must be a text, (id, text) or (id, text, metadata), got a tuple of 1",
        "an item must be a text, (id, text) or (id, text, metadata), got a tuple of 3 with metadata that is no mapping",
        "an item must be a text, (id, text) or (id, text, metadata), got a mapping (a record: pass "
        "(record['id'], record['text']))",
        "an item must be a text, (id, text) or (id, text, metadata), got a list (pairs and triples are tuples)"]
    assert multiprocessing.active_children() == []


def test_clean_many_with_workers_fails_only_the_item_that_killed_them() -> None:
    texts = [f"text {i}\n" + ("CRASH-ME\n" if i == 21 else "") for i in range(40)]
    results = list(Cleaner(stages=[_CrashOnMarker(), "whitespace"]).clean_many(
        [(f"d{i}", text) for i, text in enumerate(texts)], workers=2))
    assert [r.id for r in results] == [f"d{i}" for i in range(40)]
    assert [r.id for r in results if not r.ok] == ["d21"]
    assert "worker process died" in results[21].error and results[21].text == texts[21]
    assert [r.text for r in results if r.ok] == [f"text {i}" for i in range(40) if i != 21]


def test_clean_many_with_workers_starts_none_for_an_empty_stream(monkeypatch) -> None:
    import cleanscrape.parallel as parallel

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for no item")

    monkeypatch.setattr(parallel, "_OrderedPool", no_pool)
    assert list(Cleaner(stages=["whitespace"]).clean_many(iter([]), workers=2)) == []


class _UnpicklableMetadata(Stage):
    """Leaves in a marked document's metadata what no pickle can take (as a plugin might)."""

    name = "unpicklable_metadata_inline"
    categories = ("test",)

    def process(self, doc: Document) -> None:
        if "LOCK-ME" in doc.text:
            doc.metadata["lock"] = threading.Lock()


def test_clean_many_with_workers_fails_only_the_item_whose_result_cannot_come_back() -> None:
    texts = [f"text {i}\n" + ("LOCK-ME\n" if i == 9 else "") for i in range(30)]
    results = list(Cleaner(stages=[_UnpicklableMetadata(), "whitespace"]).clean_many(
        [(f"d{i}", text) for i, text in enumerate(texts)], workers=2))
    assert [r.id for r in results if not r.ok] == ["d9"]
    assert results[9].error.startswith("its result could not be sent back from the worker process: TypeError")
    assert results[9].text == texts[9]
    assert [r.text for r in results if r.ok] == [f"text {i}" for i in range(30) if i != 9]


def test_a_cli_record_whose_counts_do_not_pickle_gives_one_gzip_record_in_place() -> None:
    """A plugin stage's category of its own str type (here local, so it does not pickle)
    ends up in the Outcome's counts: the batch's results do not pickle.  The record must
    come out once, in its place, as in one process, not failed (its output was fine) and
    again inside the batch's gzip member, which had already taken its output in."""

    class Category(str):
        pass

    class OwnCategory(Stage):
        name = "own_category_inline"
        categories = ("own",)

        def process(self, doc: Document) -> None:
            for line in doc.lines:
                if "OWN-CATEGORY" in line.text:
                    self.remove_line(doc, line, "marked", Category("own"))

    cleaner = Cleaner(stages=[OwnCategory(), "whitespace"])
    raws = [RawRecord(f"in.txt:{i}", "text", (f"line {i}\n" + ("OWN-CATEGORY\n" if i == 5 else "")).encode(),
                      "in.txt") for i in range(8)]
    job = Job(output_format="jsonl", output_compression="gz")

    def records(workers: int) -> list[dict]:
        outcomes = list(clean_stream(cleaner, job, raws, workers=workers))
        assert [o.batch_end for o in outcomes] == [False] * 7 + [True]
        return [json.loads(line) for line in gzip.decompress(b"".join(o.item.data for o in outcomes)).splitlines()]

    assert records(2) == records(1) == [{"id": "in.txt", "text": f"line {i}", "status": "ok"} for i in range(8)]


def test_clean_many_stopped_early_stops_its_workers() -> None:
    results = Cleaner(stages=[_Sleepy(), "whitespace"]).clean_many(["x\n"] * 400, workers=2)
    assert next(results).text == "x"
    results.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("fails_at", [0, 5, 40])
def test_clean_many_with_workers_yields_every_result_before_a_failing_source(fails_at: int) -> None:
    """An iterable that raises mid-way: as in one process, the results of the items before
    it come first, then its exception (the pool reads ahead, it must not lose them)."""
    def source():
        for i in range(100):
            if i == fails_at:
                raise ValueError("the source broke")
            yield f"d{i}", f" text {i} \n"

    cleaner = Cleaner(stages=["whitespace"])
    for workers in (1, 2):
        got = []
        with pytest.raises(ValueError, match="the source broke"):
            for result in cleaner.clean_many(source(), workers=workers):
                got.append(result.id)
        assert got == [f"d{i}" for i in range(fails_at)], workers
    assert multiprocessing.active_children() == []


def test_clean_many_with_workers_leaves_a_callers_frozen_objects_frozen() -> None:
    """The pool freezes the collector's objects for its forks and unfreezes them after: a
    caller that had frozen its own (a pre-forking server) must find them still frozen."""
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert [r.text for r in Cleaner(stages=["whitespace"]).clean_many(["a\n", "b\n"], workers=2)] == ["a", "b"]
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_clean_many_with_workers_cleans_an_item_that_does_not_pickle() -> None:
    """An item whose metadata cannot cross to a worker (a lock, an open file, a parsed tree)
    is cleaned as in one process, and the stream goes on (it ended, with no result at all)."""
    import threading

    cleaner = Cleaner(stages=["whitespace"])
    items = [(f"d{i}", f" text {i} \n", {"lock": threading.Lock()} if i == 20 else {"n": i}) for i in range(40)]
    serial = [r.to_dict() for r in cleaner.clean_many(items)]
    assert [r.to_dict() for r in cleaner.clean_many(items, workers=2)] == serial
    assert multiprocessing.active_children() == []


class _Sleepy(Stage):
    name = "sleepy_inline"
    categories = ("test",)

    def process(self, doc: Document) -> None:
        time.sleep(0.01)


def _page_and_records(payload: bytes, others: int) -> tuple[list[Outcome], list[dict]]:
    """A page, then ``others`` JSONL records, through the worker's code in process."""
    page = RawRecord("p.html", "html", payload, "p.html")
    outcomes = list(clean_stream(Cleaner(stages=["whitespace"]), Job(output_format="jsonl"),
                                 [page, *make_raws(others)], workers=1))
    return outcomes, [json.loads(o.item.data) for o in outcomes]


def _raising(message: str):
    def broken(*args, **kwargs):
        raise RuntimeError(message)

    return broken


def test_an_unforeseen_exception_costs_one_record(monkeypatch) -> None:
    monkeypatch.setattr("cleanscrape.parallel.extract_within_limits", _raising("extractor bug"))
    _, records = _page_and_records(b"<html><body><p>text</p></body></html>", 2)
    assert [r["status"] for r in records] == ["failed", "ok", "ok"]
    assert records[0]["error"] == "p.html: RuntimeError: extractor bug"


def test_a_page_that_fails_extraction_is_a_failed_record_naming_it() -> None:
    # extract_within_limits gives a failed Result, not only a limit's: the warning for a
    # limit read its flags[0], and the record failed as "IndexError: list index out of range"
    outcomes, records = _page_and_records(b"\x00\x01binary\x00 data", 1)
    assert [r["status"] for r in records] == ["failed", "ok"]
    assert records[0]["error"] == "p.html: page not parseable as HTML" and records[0]["text"] is None
    assert outcomes[0].warning is None and not outcomes[0].empty


def test_a_page_whose_extraction_raises_is_a_failed_record_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleanscrape.extract._load_tree", _raising("boom"))
    _, records = _page_and_records(b"<html><body><p>text</p></body></html>", 1)
    # (it was an empty ok record, as if the page held no text)
    assert [r["status"] for r in records] == ["failed", "ok"]
    assert records[0]["error"] == "p.html: extraction failed: RuntimeError: boom"


# ------------------------------------------------------------------ the CLI, as a process

def write_dump(path: Path, n: int) -> None:
    with open(path, "wb") as fh:
        for raw in make_raws(n):
            fh.write(raw.payload)


def cli_command(*args: str) -> list[str]:
    return [sys.executable, str(HELPER), "clean", *args]


def as_a_terminal_s_job() -> None:
    """In a child, before it runs the CLI: SIGINT and SIGHUP at their defaults, as a
    terminal's foreground job has them, whatever the test run's (a background job ignores
    SIGINT, nohup SIGHUP, and a signal ignored from the start stays ignored in the CLI)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def wait_for(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared")
        time.sleep(0.05)


def reference_output(tmp_path: Path, dump: Path) -> bytes:
    """The uninterrupted output (the "slow" stage only waits: it changes nothing)."""
    out = tmp_path / "reference.jsonl"
    subprocess.run(cli_command(str(dump), "-o", str(out), "--stages", "whitespace", "-j", "1", "-q"), check=True)
    return out.read_bytes()


def test_crashing_record_in_the_cli_is_reported_and_the_run_completes(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    raws = make_raws(40, crash_at=12)
    dump.write_bytes(b"".join(r.payload for r in raws))
    proc = subprocess.run(cli_command(str(dump), "--stages", "crash_on_marker,whitespace", "-j", "2"),
                          capture_output=True, timeout=120)
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 40
    assert [r["id"] for r in records if r["status"] == "failed"] == ["d12"]
    assert b"dump.jsonl:13: worker process died" in proc.stderr


def _gunzip_members(data: bytes) -> list[bytes]:
    """The decompressed members of a gzip file, in order."""
    members = []
    while data:
        decompressor = zlib.decompressobj(wbits=31)
        members.append(decompressor.decompress(data))
        data = decompressor.unused_data
    return members


def test_gzip_output_and_report_are_compressed_by_the_workers_a_member_per_batch(tmp_path: Path) -> None:
    """With 1 or 2 workers, the same bytes: one gzip member per batch of records, made where
    the batch was cleaned, holding what the uncompressed run writes."""
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 40)  # batches of 16: three
    made = {}
    for workers in ("1", "2"):
        out, report = tmp_path / f"out{workers}.jsonl.gz", tmp_path / f"report{workers}.jsonl.gz"
        subprocess.run(cli_command(str(dump), "-o", str(out), "--report", str(report), "--stages", "whitespace",
                                   "-j", workers, "-q"), check=True, timeout=120)
        made[workers] = (out.read_bytes(), report.read_bytes())
    assert made["1"] == made["2"]
    plain_out, plain_report = tmp_path / "plain.jsonl", tmp_path / "plain-report.jsonl"
    subprocess.run(cli_command(str(dump), "-o", str(plain_out), "--report", str(plain_report), "--stages",
                               "whitespace", "-j", "1", "-q"), check=True, timeout=120)
    for compressed, plain in zip(made["1"], (plain_out, plain_report)):
        members = _gunzip_members(compressed)
        assert [len(member.splitlines()) for member in members] == [16, 16, 8]
        assert b"".join(members) == plain.read_bytes()


def _gzipped_shards(folder: Path) -> None:
    """A folder as big dumps come: gzipped JSONL shards (40 and 20 records), one plain (10),
    read in the order a.jsonl.gz, c.jsonl, sub/b.jsonl.gz."""
    raws = make_raws(70)
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl.gz").write_bytes(gzip.compress(b"".join(r.payload for r in raws[:40])))
    (folder / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(b"".join(r.payload for r in raws[40:60])))
    (folder / "c.jsonl").write_bytes(b"".join(r.payload for r in raws[60:]))


def test_a_folder_of_gzip_shards_is_gzipped_by_the_workers_a_member_per_batch_and_shard(tmp_path: Path) -> None:
    """Mirrored into a folder, each .gz input's records come back a gzip member per batch
    and input (a batch of 16 may hold the end of one shard and the start of the next), the
    same bytes for 1 and 2 workers, holding what the main process writes when it compresses
    (as it does with --fail-fast)."""
    _gzipped_shards(tmp_path / "in")
    made = {}
    for name, options in [("one", ["-j", "1"]), ("two", ["-j", "2"]), ("main", ["-j", "2", "--fail-fast"])]:
        subprocess.run(cli_command(str(tmp_path / "in"), "-o", str(tmp_path / name), "--stages", "whitespace", "-q",
                                   *options), check=True, timeout=120)
        made[name] = {p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                      for p in sorted((tmp_path / name).rglob("*")) if p.is_file()}
    assert sorted(made["one"]) == ["a.jsonl.gz", "c.jsonl", "sub/b.jsonl.gz"]
    assert made["one"] == made["two"]
    assert [len(m.splitlines()) for m in _gunzip_members(made["one"]["a.jsonl.gz"])] == [16, 16, 8]
    # batches: a's 16, 16, 8 and c's first 8; c's last 2 and b's first 14; b's last 6
    assert [len(m.splitlines()) for m in _gunzip_members(made["one"]["sub/b.jsonl.gz"])] == [14, 6]
    assert gzip.decompress(made["one"]["a.jsonl.gz"]) == gzip.decompress(made["main"]["a.jsonl.gz"])
    assert gzip.decompress(made["one"]["sub/b.jsonl.gz"]) == gzip.decompress(made["main"]["sub/b.jsonl.gz"])
    assert made["one"]["c.jsonl"] == made["main"]["c.jsonl"]


def test_resume_after_kill_in_a_folder_of_gzip_shards(tmp_path: Path) -> None:
    _gzipped_shards(tmp_path / "in")
    out = tmp_path / "out"
    args = [str(tmp_path / "in"), "-o", str(out), "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "5"]
    proc = subprocess.Popen(cli_command(*args), start_new_session=True, stderr=subprocess.DEVNULL)
    checkpoint = out / ".cleanscrape-checkpoint.json"
    wait_for(checkpoint)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    subprocess.run(cli_command(str(tmp_path / "in"), "-o", str(tmp_path / "reference"), "--stages", "whitespace",
                               "-j", "1", "-q"), check=True, timeout=120)
    for name in ("a.jsonl.gz", "sub/b.jsonl.gz"):
        assert gzip.decompress((out / name).read_bytes()) == gzip.decompress((tmp_path / "reference" / name).read_bytes())
    assert (out / "c.jsonl").read_bytes() == (tmp_path / "reference" / "c.jsonl").read_bytes()


def test_a_worker_crash_leaves_the_gzip_output_whole(tmp_path: Path) -> None:
    """The record that killed its workers is marked failed by the main process, which
    compresses it as a worker would have."""
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(r.payload for r in make_raws(40, crash_at=12)))
    out, report = tmp_path / "out.jsonl.gz", tmp_path / "report.jsonl.gz"
    proc = subprocess.run(cli_command(str(dump), "-o", str(out), "--report", str(report), "--stages",
                                      "crash_on_marker,whitespace", "-j", "2", "-q"), capture_output=True, timeout=120)
    assert proc.returncode == 1
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert [r["id"] for r in records] == [f"d{i}" for i in range(40)]
    assert [r["id"] for r in records if r["status"] == "failed"] == ["d12"]
    assert len(gzip.decompress(report.read_bytes()).splitlines()) == 40


def test_fail_fast_mid_batch_then_resume_gives_the_whole_gzip_output(tmp_path: Path) -> None:
    """--fail-fast stops right after a failed record, inside a batch: the records before it
    in the batch must be in the files the checkpoint records (so they are compressed in the
    main process there), and the resumed run completes them."""
    dump = tmp_path / "dump.jsonl"
    lines = [raw.payload for raw in make_raws(40)]
    lines[20] = b"this is not json\n"
    dump.write_bytes(b"".join(lines))
    out, report = tmp_path / "out.jsonl.gz", tmp_path / "report.jsonl.gz"
    args = [str(dump), "-o", str(out), "--report", str(report), "--stages", "whitespace", "-j", "2", "-q"]
    stopped = subprocess.run(cli_command(*args, "--fail-fast"), capture_output=True, timeout=120)
    assert stopped.returncode == 1 and not out.exists()
    subprocess.run(cli_command(*args, "--fail-fast", "--resume"), capture_output=True, timeout=120)
    reference_out, reference_report = tmp_path / "reference.jsonl", tmp_path / "reference-report.jsonl"
    subprocess.run(cli_command(str(dump), "-o", str(reference_out), "--report", str(reference_report), "--stages",
                               "whitespace", "-j", "1", "-q"), capture_output=True, timeout=120)
    assert gzip.decompress(out.read_bytes()) == reference_out.read_bytes()
    assert gzip.decompress(report.read_bytes()) == reference_report.read_bytes()


def test_workers_started_after_output_began_do_not_repeat_it(tmp_path: Path) -> None:
    """A crash replaces workers mid-run; forked from a main process whose stdout buffer
    holds unflushed records, they must not write those records again when they exit."""
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(r.payload for r in make_raws(150, crash_at=120)))
    proc = subprocess.run(cli_command(str(dump), "--stages", "crash_on_marker,whitespace", "-j", "2", "-q"),
                          capture_output=True, timeout=120)
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines()]
    assert ids == [f"d{i}" for i in range(150)]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_print_in_a_stage_goes_to_stderr_not_into_the_records(tmp_path: Path, workers: str) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 30)
    proc = subprocess.run(cli_command(str(dump), "--stages", "chatty,whitespace", "-j", workers, "-q"),
                          capture_output=True, timeout=120, check=True)
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [f"d{i}" for i in range(30)]
    assert proc.stderr.count(b"debug: ") == 30


@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_signal_leaves_no_final_output_and_resume_completes_it(tmp_path: Path, signum: int, code: int) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 120)
    out = tmp_path / "out" / "clean.jsonl.gz"
    report = tmp_path / "out" / "report.jsonl"
    args = [str(dump), "-o", str(out), "--report", str(report), "--stages", "slow,whitespace",
            "-j", "2", "--checkpoint-every", "10"]
    proc = subprocess.Popen(cli_command(*args), stderr=subprocess.PIPE, preexec_fn=as_a_terminal_s_job)
    wait_for(out.parent / f".{out.name}.checkpoint.json")
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert b"run again with --resume" in stderr
    assert not out.exists() and not report.exists()
    assert (out.parent / f".{out.name}.partial").exists()

    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    expected = reference_output(tmp_path, dump)
    assert gzip.decompress(out.read_bytes()) == expected
    assert [json.loads(line)["id"] for line in report.read_text().splitlines()] == [f"d{i}" for i in range(120)]
    assert sorted(p.name for p in out.parent.iterdir()) == ["clean.jsonl.gz", "report.jsonl"]


def test_more_workers_than_file_descriptors_allow_is_a_warning_not_a_failed_run(tmp_path: Path) -> None:
    # the pool forked every worker up front: past the limit, the run failed as a write
    # ('cannot write output: [Errno 24] Too many open files ... once there is space', exit 74)
    import resource

    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 400)
    out = tmp_path / "clean.jsonl"
    proc = subprocess.run(cli_command(str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "40", "-q",
                                      "--checkpoint-every", "10"),
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64)),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert re.search(rb"warning: cannot start worker process \d+ \(\[Errno 24\] Too many open files\): "
                     rb"going on with \d+\n", proc.stderr), proc.stderr
    assert out.read_bytes() == reference_output(tmp_path, dump)


def test_a_terminal_that_hangs_up_stops_the_run_as_sigterm_does(tmp_path: Path) -> None:
    """The terminal closed: SIGHUP to the run and its workers, and its stderr a terminal
    that is gone (a write there fails with EIO).  SIGHUP killed the run outright, nothing
    checkpointed past the last one; the stop's messages must not fail it either."""
    import pty

    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    out = tmp_path / "clean.jsonl"
    args = [str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "10"]
    pid, terminal = pty.fork()
    if pid == 0:  # the run, its stdin, stdout and stderr the terminal, which it controls
        as_a_terminal_s_job()
        os.execv(sys.executable, cli_command(*args))
    try:
        wait_for(tmp_path / ".clean.jsonl.checkpoint.json")
    finally:
        os.close(terminal)  # hang up
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 129
    assert not out.exists() and (tmp_path / ".clean.jsonl.partial").exists()
    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    assert out.read_bytes() == reference_output(tmp_path, dump)


def test_a_second_hangup_does_not_stop_the_run_at_once(tmp_path: Path) -> None:
    # a hangup may come twice (the shell passes its own on to its jobs): as a second
    # signal, it stopped the run mid-batch, without the checkpoint of the stop
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    out = tmp_path / "clean.jsonl"
    args = [str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "1000"]
    errors = tmp_path / "stderr"
    with open(errors, "wb") as stderr:
        proc = subprocess.Popen(cli_command(*args), stderr=stderr, preexec_fn=as_a_terminal_s_job)
    wait_for(tmp_path / ".clean.jsonl.partial")
    time.sleep(0.3)  # (into the run)
    proc.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 60
    while b"stopping" not in errors.read_bytes():  # the first one heard
        assert time.monotonic() < deadline, errors.read_bytes()
        time.sleep(0.01)
    proc.send_signal(signal.SIGHUP)
    assert proc.wait(60) == 129 and b"stopped at once" not in errors.read_bytes(), errors.read_bytes()
    assert json.loads((tmp_path / ".clean.jsonl.checkpoint.json").read_text())["records"] % 16 == 0
    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    assert out.read_bytes() == reference_output(tmp_path, dump)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGINT])
def test_a_signal_ignored_from_the_start_stays_ignored(tmp_path: Path, signum: int) -> None:
    # nohup's SIGHUP, a shell's background job's SIGINT (so that Ctrl-C stops only the
    # foreground job): the run's own handler replaced SIGINT's
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 60)
    out = tmp_path / "clean.jsonl"
    proc = subprocess.Popen(cli_command(str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "2", "-q",
                                        "--checkpoint-every", "10"),
                            preexec_fn=lambda: signal.signal(signum, signal.SIG_IGN))
    wait_for(tmp_path / ".clean.jsonl.checkpoint.json")
    proc.send_signal(signum)
    assert proc.wait(timeout=120) == 0
    assert out.read_bytes() == reference_output(tmp_path, dump)


def test_a_signal_in_the_last_batch_then_resume_gives_the_uninterrupted_bytes(tmp_path: Path) -> None:
    """Stopped by a signal in its last batch, a run checkpoints every record: the resumed
    run has nothing left to clean, and its files must be those of a run never stopped."""
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 12)  # one batch
    config = tmp_path / "slow.toml"
    config.write_text("[stages.slow]\nseconds = 0.15\n")
    out, report = tmp_path / "out" / "clean.jsonl.gz", tmp_path / "out" / "report.jsonl.gz"
    options = ["--stages", "slow,whitespace", "--config", str(config), "-j", "2", "-q"]
    args = [str(dump), "-o", str(out), "--report", str(report), *options]
    proc = subprocess.Popen(cli_command(*args), stderr=subprocess.DEVNULL)
    wait_for(out.parent / f".{out.name}.partial")
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert json.loads((out.parent / f".{out.name}.checkpoint.json").read_text())["records"] == 12
    subprocess.run(cli_command(*args, "--resume"), check=True, timeout=120)
    reference_out, reference_report = tmp_path / "reference.jsonl.gz", tmp_path / "reference-report.jsonl.gz"
    subprocess.run(cli_command(str(dump), "-o", str(reference_out), "--report", str(reference_report), *options),
                   check=True, timeout=120)
    assert out.read_bytes() == reference_out.read_bytes()
    assert report.read_bytes() == reference_report.read_bytes()


@pytest.mark.parametrize("output", ["clean.jsonl", "clean.jsonl.zst", "clean.jsonl.gz", "folder"])
def test_resume_after_kill_neither_duplicates_nor_skips(tmp_path: Path, output: str) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 150)
    out = tmp_path / "out" / output
    args = [str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "2", "--checkpoint-every", "7"]
    proc = subprocess.Popen(cli_command(*args), start_new_session=True, stderr=subprocess.DEVNULL)
    checkpoint = out / ".cleanscrape-checkpoint.json" if output == "folder" else \
        out.parent / f".{out.name}.checkpoint.json"
    wait_for(checkpoint)
    time.sleep(0.3)  # let it write past the checkpoint: the resume must cut that off
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    final = out / "dump.jsonl" if output == "folder" else out
    assert not final.exists()
    assert json.loads(checkpoint.read_text())["records"] > 0

    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    data = final.read_bytes()
    if output.endswith(".zst"):
        import zstandard

        data = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True).read()
    elif output.endswith(".gz"):  # members made by the workers, the checkpoint between two
        data = gzip.decompress(data)
    assert data == reference_output(tmp_path, dump)
    assert not checkpoint.exists()


def test_a_resumed_run_does_not_repeat_the_warnings_of_the_records_it_passes_over(tmp_path: Path) -> None:
    """The interrupted run warned of its records; --resume reads past them again, and said
    it all again ('1 input warning' on a summary of the documents it cleaned itself).  Its
    exit code is the whole output's: a failed record before the checkpoint made it 0."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/", "response", http_headers=http,
                                                  payload=io.BytesIO(b"<html><body><p>a page</p></body></html>")))
    warc = buf.getvalue()
    at = warc.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = warc.index(b"\r\n", at)
    (tmp_path / "a.warc").write_bytes(warc[:at] + b"%d" % (int(warc[at:end]) - 5) + warc[end:])  # said short
    dump = tmp_path / "b.jsonl"
    write_dump(dump, 200)
    dump.write_bytes(b"not json\n" + dump.read_bytes())
    out = tmp_path / "clean.jsonl"
    args = [str(tmp_path / "a.warc"), str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "2",
            "--checkpoint-every", "10"]
    proc = subprocess.Popen(cli_command(*args), stderr=subprocess.PIPE)
    wait_for(tmp_path / ".clean.jsonl.checkpoint.json")
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert b"cleanscrape: warning: a.warc: record at byte 0 is not followed by a blank line" in stderr
    assert b"cleanscrape: error: b.jsonl:1: not valid JSON" in stderr

    resumed = subprocess.run(cli_command(*args, "--resume"), capture_output=True, timeout=120)
    assert resumed.returncode == 1, resumed.stderr
    assert b"a.warc" not in resumed.stderr and b"input warning" not in resumed.stderr
    assert re.search(rb"cleanscrape: \d+ documents \(after \d+ done by the interrupted run, 1 of them failed\); "
                     rb"0 failed; 0 empty", resumed.stderr), resumed.stderr


@pytest.mark.parametrize("output", ["clean.jsonl", "folder"])
def test_a_second_run_into_an_output_being_written_is_refused(tmp_path: Path, output: str) -> None:
    """Started twice by mistake (by cron): the second truncated the first's temporary file
    and wrote into it, and one of the two failed at its rename ('cannot write output: No
    such file ... once there is space'); in a folder, the two interleaved."""
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 150)
    out = tmp_path / output
    # the first run holds at its third batch until the second runs are done (it finished
    # before them on a loaded machine: 1.5 s of sleeps against two runs' start-up)
    hold, config = tmp_path / "hold", tmp_path / "hold.toml"
    hold.touch()
    config.write_text(f"[stages.slow]\nhold_while = '{hold}'\nhold_from = 32\n")
    args = [str(dump), "-o", str(out), "--stages", "slow,whitespace", "--config", str(config), "-j", "2", "-q",
            "--checkpoint-every", "10"]
    first = subprocess.Popen(cli_command(*args), stderr=subprocess.PIPE)
    wait_for(out / ".cleanscrape-checkpoint.json" if output == "folder" else tmp_path / ".clean.jsonl.checkpoint.json")
    for again in ([], ["--resume"]):
        second = subprocess.run(cli_command(*args, *again), capture_output=True, timeout=120)
        assert second.returncode == 2
        assert f"Error: {out}: another cleanscrape run is writing it".encode() in second.stderr, second.stderr
    hold.unlink()
    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr
    assert (out / "dump.jsonl" if output == "folder" else out).read_bytes() == reference_output(tmp_path, dump)


def test_resume_with_other_arguments_is_refused(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 80)
    out = tmp_path / "clean.jsonl"
    args = [str(dump), "-o", str(out), "--stages", "slow,whitespace", "-j", "1", "--checkpoint-every", "5"]
    proc = subprocess.Popen(cli_command(*args), stderr=subprocess.DEVNULL)
    wait_for(tmp_path / ".clean.jsonl.checkpoint.json")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    other = subprocess.run(cli_command(*args[:-2], "--resume", "--text-field", "body"), capture_output=True)
    assert other.returncode == 2
    assert b"different inputs or options" in other.stderr


def test_a_resumed_run_keeps_the_batches_and_so_the_source_memory(tmp_path: Path) -> None:
    """Checkpoints fall only between batches (16 records): a run resumed from one forms
    the same batches, so a damaged record whose batch taught it a word is repaired as in
    an uninterrupted run (a checkpoint mid-batch would restart the memory there)."""
    teaches = "La directrice de l'école, Noëlie Martin, a accueilli les parents hier matin devant le portail."
    damaged = "Selon No?lie Martin, la rénovation de l'?cole a d?j? commenc? et sera termin?e avant l'?t?."
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(orjson.dumps({"id": f"d{i}", "source": "ecole.example",
                                            "text": teaches if i % 16 == 0 else damaged}) + b"\n"
                              for i in range(64)))
    stages = "mojibake,lossy_repair,whitespace"
    reference = tmp_path / "reference.jsonl"
    subprocess.run(cli_command(str(dump), "-o", str(reference), "--stages", stages, "-j", "1", "-q"), check=True)
    assert reference.read_text(encoding="utf-8").count("Selon Noëlie") == 60

    out = tmp_path / "clean.jsonl"
    args = [str(dump), "-o", str(out), "--stages", f"slow,{stages}", "-j", "1", "--checkpoint-every", "5"]
    proc = subprocess.Popen(cli_command(*args), stderr=subprocess.DEVNULL)
    checkpoint = tmp_path / ".clean.jsonl.checkpoint.json"
    wait_for(checkpoint)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert json.loads(checkpoint.read_text())["records"] % 16 == 0

    subprocess.run(cli_command(*args, "--resume", "-q"), check=True, timeout=120)
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize("v2, v1, expected", [
    ("200000 100000\n", None, 2),        # cgroup v2: 2 CPUs' worth
    ("150000 100000\n", None, 2),        # 1.5 CPUs: rounded up
    ("max 100000\n", None, None),        # v2, no quota
    (None, ("50000", "100000"), 1),      # cgroup v1: half a CPU is still one worker
    (None, ("-1", "100000"), None),      # v1, no quota
    (None, None, None),                  # no cgroup file system (not Linux)
])
def test_the_default_worker_count_keeps_to_a_containers_cpu_quota(tmp_path: Path, monkeypatch, v2, v1,
                                                                  expected) -> None:
    from cleanscrape import parallel

    files = {"CGROUP_V2_CPU_MAX": v2, "CGROUP_V1_CPU_QUOTA": v1 and v1[0], "CGROUP_V1_CPU_PERIOD": v1 and v1[1]}
    for name, content in files.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content)
        monkeypatch.setattr(parallel, name, path)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert parallel.cgroup_cpu_quota() == expected
    assert parallel.default_workers() == (64 if expected is None else expected)


def _clean_many_in_a_pool_worker(count: int) -> list[str]:
    return [r.text for r in Cleaner(stages=["whitespace"]).clean_many([f"text {i}  \n" for i in range(count)],
                                                                      workers=2)]


def test_clean_many_with_workers_in_a_daemonic_process_cleans_in_that_process() -> None:
    # a multiprocessing.Pool's worker (daemonic) may start no process: clean_many(workers=2)
    # there raised "AssertionError: daemonic processes are not allowed to have children"
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_clean_many_in_a_pool_worker, (40,)) == [f"text {i}" for i in range(40)]


def test_a_signal_while_the_input_stalls_says_the_run_is_stopping(tmp_path: Path) -> None:
    # the run stops at the end of a batch; with an input that stalls (a pipe from a slow
    # source) none ends, and the first Ctrl-C did nothing anyone could see
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "stderr"
    with open(errors, "wb") as stderr:
        proc = subprocess.Popen(cli_command("--format", "jsonl", "-", "-o", str(out), "-j", "1",
                                            "--stages", "whitespace", "--checkpoint-every", "1"),
                                stdin=subprocess.PIPE, stderr=stderr, preexec_fn=as_a_terminal_s_job)
    assert proc.stdin is not None
    proc.stdin.write(b"".join(b'{"id": %d, "text": "t"}\n' % i for i in range(17)))
    proc.stdin.flush()
    wait_for(tmp_path / ".out.jsonl.checkpoint.json")  # a batch written: the run's handlers are in place
    proc.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 60
    while b"stopping" not in errors.read_bytes():
        assert time.monotonic() < deadline, errors.read_bytes()
        time.sleep(0.05)
    assert b"a second signal stops at once" in errors.read_bytes()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(60) == 130
    proc.stdin.close()


_ABORT_BEFORE_THE_WORKERS_ARE_READY = """
import signal, time
import cleanscrape.parallel as parallel
from cleanscrape import Cleaner

signal.signal(signal.SIGTERM, lambda *args: None)  # the caller's handler, as the CLI's (_StopSignals)
prepare = parallel._prepare_worker

def slow_start():  # a worker still in its first moments when the pool is stopped
    time.sleep(2)
    prepare()

parallel._prepare_worker = slow_start

def items():
    yield from ["text"] * 20
    raise KeyboardInterrupt

try:
    list(Cleaner(stages=["whitespace"]).clean_many(items(), workers=2))
except KeyboardInterrupt:
    print("stopped")
"""


def test_a_pool_stopped_before_its_workers_are_ready_does_not_hang() -> None:
    # a worker stopped before it set its own SIGTERM handler ran the one it inherited (the
    # CLI's: stop at the end of the batch), lived on, and the main process waited for it
    # for ever (the CLI with stdin closed: its input failed at once)
    proc = subprocess.run([sys.executable, "-c", _ABORT_BEFORE_THE_WORKERS_ARE_READY], capture_output=True,
                          timeout=60)
    assert proc.stdout == b"stopped\n", proc.stderr


def test_a_child_forked_while_clean_many_runs_leaves_the_workers_alone() -> None:
    # the child's copy of the pool, closed at its exit, SIGKILLed the parent's workers (the
    # parent's pool then redid their batches record by record), and multiprocessing's exit
    # handler failed on them: "AssertionError: can only join a child process"
    script = textwrap.dedent("""
        import os, sys
        from cleanscrape import Cleaner
        stream = Cleaner(stages=["whitespace"]).clean_many([f"doc {i}  " for i in range(200)], workers=2)
        next(stream)
        workers = [int(p) for p in os.listdir("/proc") if p.isdigit()
                   and open(f"/proc/{p}/stat").read().split(")")[-1].split()[1] == str(os.getpid())]
        child = os.fork()
        if child == 0:
            sys.exit(0)  # (an exit that finalises: the stream's generator, atexit's handlers)
        os.waitpid(child, 0)
        alive = [p for p in workers if open(f"/proc/{p}/stat").read().split(")")[-1].split()[0] != "Z"]
        print(len(workers), len(alive), len(list(stream)) + 1)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2", "2", "200"]
    assert "Error" not in out.stderr, out.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
def test_a_hangup_after_a_stop_is_ignored_until_the_process_exits() -> None:
    # between the end of the stop and the exit (the summary line, sys.exit), the default
    # handler was back: a second hangup there killed the run (-1) instead of exit 129
    from cleanscrape.cli import _StopSignals

    before = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        with _StopSignals() as stopped:
            os.kill(os.getpid(), signal.SIGHUP)
        assert stopped.received == signal.SIGHUP
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGHUP)  # ignored: the test goes on
        with _StopSignals():
            pass
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN  # (what it found, kept)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        with _StopSignals():
            pass
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL  # no stop: put back as it was
    finally:
        signal.signal(signal.SIGHUP, before)
