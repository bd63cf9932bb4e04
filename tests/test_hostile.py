"""Hostile input and per-document limits: no crash, no hang, a clear message naming the record.

Big inputs are built lazily inside the tests that need them (never at import time) and
kept to sizes that run in well under a second.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import dataclass

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


def test_time_limit_can_be_disabled() -> None:
    cleaner = Cleaner(stages=[SleepyStage(total_seconds=0.1)], max_doc_seconds=None)
    assert cleaner.clean("x").flags == []


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
