"""Hostile input and per-document limits: no crash, no hang, a clear message naming the record.

Big inputs are built lazily inside the tests that need them (never at import time) and
kept to sizes that run in a few seconds at most; the full-size figures (a million lines,
multi-megabyte lines) are in docs/reliability.md and benchmarks/bench_limits.py.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invariants import assert_report_replays

from cleanscrape import Cleaner, Stage, apply_edits
from cleanscrape.document import Document
from cleanscrape.limits import DocumentTimeout, Limits


class SleepyStage(Stage):
    """Sleeps in small steps, long enough to overrun any limit the tests set, but bounded so
    that a broken limit fails the test instead of hanging it."""

    name = "sleepy"
    categories = ("test",)

    @dataclass(frozen=True)
    class Options:
        total_seconds: float = 3.0

    def process(self, doc: Document) -> None:
        end = time.monotonic() + self.options.total_seconds
        while time.monotonic() < end:
            time.sleep(0.005)


class SwallowingStage(SleepyStage):
    """A stage with a blanket ``except Exception`` around slow work."""

    name = "swallowing"

    def process(self, doc: Document) -> None:
        try:
            super().process(doc)
        except Exception:  # noqa: BLE001 - the point of the test
            pass


class RecordingStage(Stage):
    name = "recording"
    categories = ("test",)

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str | None] = []

    def process(self, doc: Document) -> None:
        self.seen.append(doc.id)


# ---------------------------------------------------------------------- size limit
def test_size_limit_passes_the_document_through_flagged(caplog: pytest.LogCaptureFixture) -> None:
    recorder = RecordingStage()
    cleaner = Cleaner(stages=[recorder, "whitespace"], max_doc_chars=100)
    text = "  padded line  \n" * 10
    with caplog.at_level(logging.WARNING, logger="cleanscrape"):
        result = cleaner.clean(text, id="big-one")
    assert result.ok and result.text == text
    assert result.removed == [] and result.repairs == []
    assert result.flags == ["limit:size"]
    assert result.to_dict()["flags"] == ["limit:size"]
    assert recorder.seen == []  # no stage ran
    assert "'big-one'" in caplog.text and "max_doc_chars=100" in caplog.text


def test_size_limit_is_inclusive_and_can_be_disabled() -> None:
    text = " x \n" * 25  # 100 characters
    assert Cleaner(stages=["whitespace"], max_doc_chars=100).clean(text).flags == []
    assert Cleaner(stages=["whitespace"], max_doc_chars=99).clean(text).flags == ["limit:size"]
    assert Cleaner(stages=["whitespace"], max_doc_chars=None).clean(text).text == "x\n" * 24 + "x"


@pytest.mark.parametrize("bad", [0, -1, True, "100", -0.5, float("nan")])
def test_limits_reject_nonsense(bad: object) -> None:
    with pytest.raises(ValueError):
        Limits(max_doc_chars=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Cleaner(stages=["whitespace"], max_doc_seconds=bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- time limit
def test_time_limit_interrupts_a_slow_stage_in_the_main_thread(caplog: pytest.LogCaptureFixture) -> None:
    handler_before = signal.getsignal(signal.SIGALRM)
    recorder = RecordingStage()
    cleaner = Cleaner(stages=[SleepyStage(), recorder, "whitespace"], max_doc_seconds=0.05)
    with caplog.at_level(logging.WARNING, logger="cleanscrape"):
        result = cleaner.clean("  slow  \n", id="slow-doc")
    assert result.ok and result.text == "  slow  \n" and result.flags == ["limit:time"]
    assert recorder.seen == []  # interrupted inside the sleepy stage, not after it
    assert "'slow-doc'" in caplog.text and "limit:time" in caplog.text
    # the process is left as it was found
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    # and the next document is cleaned normally
    assert Cleaner(stages=["whitespace"], max_doc_seconds=0.05).clean("  ok  ").text == "ok"


def test_a_stage_catching_exception_cannot_swallow_the_timeout() -> None:
    recorder = RecordingStage()
    result = Cleaner(stages=[SwallowingStage(), recorder], max_doc_seconds=0.05).clean("x")
    assert result.flags == ["limit:time"] and recorder.seen == []
    assert issubclass(DocumentTimeout, BaseException) and not issubclass(DocumentTimeout, Exception)


def test_time_limit_outside_the_main_thread_is_checked_between_stages() -> None:
    recorder = RecordingStage()
    cleaner = Cleaner(stages=[SleepyStage(total_seconds=0.2), recorder], max_doc_seconds=0.05)
    results = []
    worker = threading.Thread(target=lambda: results.append(cleaner.clean("x", id="threaded")))
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert results[0].flags == ["limit:time"] and results[0].text == "x"
    assert recorder.seen == []  # the stage after the slow one never ran


def test_time_limit_does_not_clobber_someone_elses_alarm() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        cleaner = Cleaner(stages=[SleepyStage(total_seconds=0.2)], max_doc_seconds=0.05)
        assert cleaner.clean("x").flags == ["limit:time"]  # via the between-stages check
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # their timer still runs
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_a_loop_holding_the_alarm_handler_still_interrupts_a_slow_stage() -> None:
    handler_before = signal.getsignal(signal.SIGALRM)
    slow = Cleaner(stages=[SleepyStage(), "whitespace"], max_doc_seconds=0.05)
    fast = Cleaner(stages=["whitespace"], max_doc_seconds=0.05)
    with slow.limits.alarm_handler_held():
        assert fast.clean("  ok  ").text == "ok"
        assert slow.clean("  slow  ").flags == ["limit:time"]
        assert fast.clean("  ok  ").text == "ok"
        time.sleep(0.1)  # its timer, left to the hold to disarm, fires between documents: no effect
        signal.raise_signal(signal.SIGALRM)
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_can_be_disabled() -> None:
    cleaner = Cleaner(stages=[SleepyStage(total_seconds=0.1)], max_doc_seconds=None)
    assert cleaner.clean("x").flags == []


@pytest.mark.parametrize("seconds", [1e-9, 1e-5])
def test_a_time_limit_that_runs_out_at_once_holds(seconds: float) -> None:
    """The timer was set before the alarm counted as armed: one that ran out in between (a
    limit of ~10 us or less) found the handler ignoring it, and the document was cleaned with
    no limit at all.  Run out at once, it leaves the handler and timer as they were."""
    handler_before = signal.getsignal(signal.SIGALRM)
    cleaner = Cleaner(stages=[SleepyStage(total_seconds=0.5)], max_doc_seconds=seconds)
    assert cleaner.clean("x").flags == ["limit:time"]
    with cleaner.limits.alarm_handler_held():
        assert [cleaner.clean("x").flags for _ in range(2)] == [["limit:time"]] * 2
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert Cleaner(stages=["whitespace"]).clean(" ok ").text == "ok"


@pytest.mark.parametrize("seconds", [1e10, float("inf")])
def test_a_time_limit_beyond_the_timers_range_cleans_as_no_limit_does(seconds: float) -> None:
    """``--max-doc-seconds inf`` (or 1e10) is accepted, and setitimer cannot take it
    (OverflowError): every document failed, clean_html raised, and the alarm's handler was
    left installed in the caller's process."""
    from cleanscrape.extract import clean_html

    handler_before = signal.getsignal(signal.SIGALRM)
    cleaner = Cleaner(stages=["whitespace"], max_doc_seconds=seconds)
    assert (cleaner.clean("  ok  ").text, cleaner.clean("  ok  ").error) == ("ok", None)
    page = clean_html(cleaner, b"<html><body><article><p>A paragraph of the page's text.</p></article></body></html>")
    assert (page.text, page.error, page.flags) == ("A paragraph of the page's text.", None, [])
    with cleaner.limits.alarm_handler_held():
        assert cleaner.clean("  ok  ").text == "ok"
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# ---------------------------------------------------------------------- long repetitive lines
def _no_sequence_matcher(*args: object, **kwargs: object) -> None:
    raise AssertionError("difflib.SequenceMatcher used on a long line")


@pytest.mark.parametrize("unit", ["prÃ©sident dÃ©clarÃ© ", "prix Â\xa0€ dÃ©clarÃ© "])
def test_long_repetitive_mojibake_line_is_aligned_without_sequence_matcher(
        monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    """Regression: the mojibake stage aligned a line and its fix with difflib, cubic on
    repeated tokens (a 400-word line took 27 s, a 2,000-word one more than 5 minutes)."""
    from cleanscrape.repair import spans

    monkeypatch.setattr(spans.difflib, "SequenceMatcher", _no_sequence_matcher)
    raw = unit * 2000
    result = Cleaner(stages=["mojibake"], max_doc_seconds=None).clean(raw)
    assert result.ok, result.error
    assert "Ã" not in result.text and result.text.startswith("pr")
    assert_report_replays(raw, result)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "é", "Ã©", " ", "\xa0", "  "]), max_size=40),
       st.lists(st.sampled_from(["a", "b", "é", "Ã©", " ", "\xa0", "  "]), max_size=40),
       st.sampled_from([0, 50, 250_000]))
def test_changed_spans_replay_in_every_alignment_mode(before: list[str], after: list[str], max_pairs: int) -> None:
    from cleanscrape.repair import spans

    old, new = "".join(before), "".join(after)
    original = spans.MAX_MATCHER_PAIRS
    spans.MAX_MATCHER_PAIRS = max_pairs
    try:
        edits = list(spans.changed_spans(old, new))
    finally:
        spans.MAX_MATCHER_PAIRS = original
    assert apply_edits(old, [], edits) == new
    assert all(s1 <= e1 <= s2 for (s1, e1, _), (s2, _e, _a) in zip(edits, edits[1:]))


# ---------------------------------------------------------------------- hostile files, through the CLI
def run_cli(args: list[str], workers: int = 1) -> Any:
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    return CliRunner().invoke(cli, ["clean", "-j", str(workers), *args], catch_exceptions=False)


#: (line bytes, expected status) — every kind of wrong a JSONL dump can hold
HOSTILE_JSONL: list[tuple[bytes, str]] = [
    (b'{"id": "plain", "text": "  hello  "}', "ok"),
    (b'{"id": "number", "text": 42}', "failed"),
    (b'{"id": "null", "text": null}', "failed"),
    (b'{"id": "list", "text": ["a", "b"]}', "failed"),
    (b'{"id": {"an": "object"}, "text": "id is an object"}', "ok"),
    (b'{"id": "surrogate", "text": "lone \\ud800 and \\udfff surrogates"}', "ok"),
    (b'{"id": "nul", "text": "a\\u0000b\\u0000"}', "ok"),
    (b'{"id": "latin1", "text": "caf\xe9"}', "failed"),
    (b'\x00\x01\x02\xff\xfe binary', "failed"),
    (b'{"id": "truncated", "text": "abc', "failed"),
    (b'[1, 2, 3]', "failed"),
    (b'"just a string"', "failed"),
    (b'{"id": "rtl-cjk", "text": "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\\n\xe4\xb8\xad\xe6\x96\x87\\n\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"}', "ok"),
    (b'{"text": "no id at all"}', "ok"),
    (b'{"id": 123456789012345678901234567890, "text": "huge integer id", "x": NaN}', "ok"),
    (b'[' * 5000 + b']' * 5000, "failed"),
    (b'{"id": "crlf", "text": "windows line"}\r', "ok"),
    (b'{"id": "dup", "text": "first", "text": "second"}', "ok"),
]


def test_hostile_jsonl_gives_one_valid_record_per_line_naming_failures(tmp_path: Path) -> None:
    dump = tmp_path / "hostile.jsonl"
    dump.write_bytes(b"\n".join(line for line, _ in HOSTILE_JSONL) + b"\n")
    result = run_cli([str(dump), "--stages", "whitespace"])
    assert result.exit_code == 1  # some records failed
    lines = result.stdout_bytes.split(b"\n")
    assert lines[-1] == b"" and len(lines) - 1 == len(HOSTILE_JSONL)
    for number, (line, (_, expected)) in enumerate(zip(lines, HOSTILE_JSONL), 1):
        record = json.loads(line.decode("utf-8"))  # one line of valid UTF-8 JSON each
        assert record["status"] == expected, (number, record)
        if expected == "failed":
            assert record["error"].startswith(f"hostile.jsonl:{number}:"), record
            assert f"hostile.jsonl:{number}:" in result.stderr
    assert json.loads(lines[5])["text"] == "lone \ud800 and \udfff surrogates"
    assert json.loads(lines[4])["id"] == {"an": "object"}
    # the same bytes with a worker pool and with the whole default pipeline's plumbing
    assert run_cli([str(dump), "--stages", "whitespace"], workers=2).stdout_bytes == result.stdout_bytes


def test_hostile_jsonl_through_the_default_pipeline_does_not_crash(tmp_path: Path) -> None:
    dump = tmp_path / "hostile.jsonl"
    dump.write_bytes(b"\n".join(line for line, _ in HOSTILE_JSONL))
    result = run_cli([str(dump), "-q"])
    statuses = [json.loads(line)["status"] for line in result.stdout_bytes.splitlines()]
    assert statuses == [expected for _, expected in HOSTILE_JSONL]


@pytest.mark.parametrize("compression", ["gz", "zst"])
def test_truncated_compressed_dump_keeps_the_records_before_the_damage(tmp_path: Path, compression: str) -> None:
    import gzip

    import zstandard

    # enough for several zstd blocks: a zstd frame decodes block by block, so a cut
    # inside the only block of a small frame leaves nothing to keep
    content = b"".join(b'{"id": "d%d", "text": "document %d"}\n' % (i, i) for i in range(20000))
    packed = gzip.compress(content) if compression == "gz" else zstandard.ZstdCompressor().compress(content)
    dump = tmp_path / f"cut.jsonl.{compression}"
    dump.write_bytes(packed[: len(packed) * 2 // 3])
    result = run_cli([str(dump), "--stages", "whitespace"])
    assert result.exit_code == 1
    assert f"cut.jsonl.{compression}: read error" in result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout_bytes.splitlines()]
    assert 0 < len(ids) < 20000 and ids == [f"d{i}" for i in range(len(ids))]


def test_hostile_jsonl_as_text_is_valid_utf8(tmp_path: Path) -> None:
    # a lone surrogate ("\\ud800") was written with surrogatepass: the text output was no
    # UTF-8, and cleaned again (cleanscrape clean out.txt) the whole document failed
    # (a line that is no UTF-8 passes through as its bytes: docs/cli.md)
    dump = tmp_path / "hostile.jsonl"
    dump.write_bytes(b"\n".join(line for line, _ in HOSTILE_JSONL if line.isascii() or b"rtl" in line) + b"\n")
    result = run_cli([str(dump), "--stages", "whitespace", "--to", "text"])
    assert result.exit_code == 1
    text = result.stdout_bytes.decode("utf-8")
    assert "==> hostile.jsonl:6 <==\nlone \ufffd and \ufffd surrogates\n" in text


def test_empty_and_binary_files(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_empty.jsonl").write_bytes(b"")
    (tmp_path / "in" / "b_empty.txt").write_bytes(b"")
    (tmp_path / "in" / "c_empty.jsonl.gz").write_bytes(b"")
    (tmp_path / "in" / "d_empty_member.jsonl.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "in" / "e_binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "in" / "f_blank_lines.jsonl").write_bytes(b"\n\n   \n")
    result = run_cli([str(tmp_path / "in"), "--to", "jsonl", "--stages", "whitespace"])
    records = [json.loads(line) for line in result.stdout_bytes.splitlines()]
    assert [(r["id"], r["status"]) for r in records] == [("b_empty.txt", "ok"), ("e_binary.txt", "failed")]
    assert records[1]["error"].startswith("e_binary.txt: invalid UTF-8")
    assert result.exit_code == 1


# ---------------------------------------------------------------------- big and strange documents
def test_fifty_megabyte_single_line_passes_through_flagged() -> None:
    raw = "x" * 50_000_000
    result = Cleaner().clean(raw, id="huge")
    assert result.ok and result.text is raw and result.flags == ["limit:size"]


def test_limit_flags_reach_the_cli_report(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": "small", "text": " a "}\n{"id": "big", "text": "%s"}\n' % (b"y " * 600))
    report = tmp_path / "report.jsonl"
    result = run_cli([str(dump), "--stages", "whitespace", "--max-doc-chars", "1000", "--report", str(report)])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout_bytes.splitlines()]
    assert out[0]["text"] == "a" and out[1]["text"] == "y " * 600  # unchanged
    flags = [json.loads(line).get("flags") for line in report.read_text().splitlines()]
    assert flags == [None, ["limit:size"]]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_limit_warning_names_the_record_by_file_and_line(tmp_path: Path, workers: int,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": "small", "text": " a "}\n{"id": "big", "text": "%s"}\n' % (b"y " * 600))
    result = run_cli([str(dump), "--stages", "whitespace", "--max-doc-chars", "1000"], workers=workers)
    assert result.exit_code == 0
    assert "cleanscrape: warning: dump.jsonl:2: passed through unchanged (limit:size: longer than --max-doc-chars)" \
        in result.stderr
    assert "1 passed through by a limit" in result.stderr
    # the library's own log line (by id) is not repeated by the CLI, and is back after the run
    assert "'big'" not in caplog.text and "'big'" not in result.stderr
    Cleaner(stages=["whitespace"], max_doc_chars=10).clean("y " * 20, id="after-the-run")
    assert "'after-the-run'" in caplog.text


def test_every_unicode_category_survives_the_default_pipeline() -> None:
    import sys
    import unicodedata

    by_category: dict[str, list[str]] = {}
    for code in range(0, sys.maxunicode + 1, 7):  # every 7th code point covers every category
        by_category.setdefault(unicodedata.category(chr(code)), []).append(chr(code))
    assert {"Cs", "Co", "Cn", "Cc", "Zl", "Mn", "Lo"} <= set(by_category)
    raw = "\n".join(f"{cat} " + "".join(chars[:: max(1, len(chars) // 40)]) for cat, chars in by_category.items())
    result = Cleaner().clean(raw)
    assert_report_replays(raw, result)


@pytest.mark.parametrize("raw", [
    "a\n" * 100_000,                                    # many tiny lines
    "Partager sur Facebook\n" * 5_000,                  # deeply repeated boilerplate
    ("The same paragraph, over and over again. " * 50 + "\n\n") * 200,  # repeated paragraphs
    "?" * 50_000 + "\n" + "\ufffd" * 50_000,            # nothing but damage markers
    "\x00" * 20_000,                                    # NUL bytes
])
def test_pathological_documents_clean_and_replay(raw: str) -> None:
    result = Cleaner(max_doc_seconds=None).clean(raw)  # correctness here, not speed
    assert result.flags == []
    assert_report_replays(raw, result)


# ---------------------------------------------------------------------- fuzz targets, briefly
FUZZ_DIR = Path(__file__).resolve().parent.parent / "fuzz"


@pytest.mark.parametrize("target,random_inputs", [("fuzz_stages", 40), ("fuzz_readers", 300), ("fuzz_pages", 150)])
def test_fuzz_target_short_run(monkeypatch: pytest.MonkeyPatch, target: str, random_inputs: int) -> None:
    """Every input that ever crashed a target (fuzz/regressions/), the seed corpus, and a
    seeded random sample.  The long runs are in docs/reliability.md."""
    import importlib
    import random

    monkeypatch.syspath_prepend(str(FUZZ_DIR))
    module = importlib.import_module(target)
    harness = importlib.import_module("_harness")
    folder = target.removeprefix("fuzz_")
    files = sorted((FUZZ_DIR / "regressions" / target).glob("*")) + sorted((FUZZ_DIR / "corpus" / folder).glob("*"))
    assert files, "the seed corpus is missing"
    rng = random.Random(7)
    inputs = [path.read_bytes() for path in files] + [harness.random_input(rng) for _ in range(random_inputs)]
    for data in inputs:
        module.test_one_input(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 5), st.sampled_from(["a", "b", "c"])), max_size=15))
def test_outermost_hits_match_the_pairwise_definition(spans: list[tuple[int, int, str]]) -> None:
    """Regression companion: the sweep that replaced an all-pairs check (34 s on a line
    with 9,000 hits) keeps exactly the hits no strictly longer hit contains."""
    from cleanscrape.lexicon import Hit
    from cleanscrape.stages._lexicon_rules import outermost_hits

    hits = [Hit("caption", "contains", phrase, "en", start, start + length) for start, length, phrase in spans]
    pairwise = [h for h in hits if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                           for o in hits)]
    assert sorted(outermost_hits(hits), key=id) == sorted(pairwise, key=id)


def test_huge_record_in_a_dump_passes_through_and_the_next_is_cleaned(tmp_path: Path) -> None:
    text = "word " * 2_400_000  # 12 million characters on one line, over the default limit
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(json.dumps({"id": "huge", "text": text}).encode() + b'\n{"id": "after", "text": " x "}\n')
    report = tmp_path / "report.jsonl"
    result = run_cli([str(dump), "--stages", "whitespace", "--report", str(report)])
    assert result.exit_code == 0
    huge, after = (json.loads(line) for line in result.stdout_bytes.splitlines())
    assert huge["text"] == text and after["text"] == "x"
    assert [json.loads(line).get("flags") for line in report.read_text().splitlines()] == [["limit:size"], None]


def test_a_word_full_of_lost_letters_does_not_explode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (found by fuzz_stages, fuzz/regressions/fuzz_stages/): respelling tried
    every subset of a word's slots, 2^23 variants for a 23-slot word in a German document.
    Counted, not timed: candidate searches are capped and the cap must not be reached."""
    from cleanscrape.repair import candidates

    searches = 0
    original = candidates.CandidateFinder._find

    def counted_find(self: candidates.CandidateFinder, lower: str) -> list:
        nonlocal searches
        searches += 1
        if searches > 2000:
            raise AssertionError("candidate search exploded")
        return original(self, lower)

    monkeypatch.setattr(candidates.CandidateFinder, "_find", counted_find)
    raw = "Der Stadtrat hat am Mittwoch den Bau beschlossen. Stra" + "\ufffd" * 23 + "e"
    result = Cleaner(stages=["lossy_repair"], max_doc_seconds=None).clean(raw, lang="de")
    assert result.ok, result.error
    assert_report_replays(raw, result)


def test_split_readings_of_a_word_full_of_lost_letters_do_not_multiply(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (found by fuzz_stages): in a language with apostrophe suffixes (Turkish)
    every slot is a split point and the candidates of each part were multiplied at every
    level: a 53-slot word ran for over 20 minutes.  Counted, not timed."""
    from cleanscrape.repair import candidates

    scored = 0
    original = candidates.CandidateFinder._letters_likelihood

    def counted(self: candidates.CandidateFinder, lower: str, filled: str) -> float:
        nonlocal scored
        scored += 1
        if scored > 20000:
            raise AssertionError("split readings exploded")
        return original(self, lower, filled)

    monkeypatch.setattr(candidates.CandidateFinder, "_letters_likelihood", counted)
    raw = "Ankara'da bir toplantı yapıldı ve karar alındı. I" + "\ufffd" * 30 + "n"
    result = Cleaner(stages=["lossy_repair"], max_doc_seconds=None).clean(raw, lang="tr")
    assert result.ok, result.error
    assert_report_replays(raw, result)
