"""Per-document limits: a document too large or too slow to clean passes through unchanged.

A cleaner in front of a training pipeline or a search index must never stall a run on one
pathological document (a 50 MB single line, a page of deeply repeated text that some
heuristic handles in quadratic time).  Two limits bound the cost of one document:

* ``max_doc_chars`` is checked before any work: a larger text is passed through as is (a
  page whose HTML is larger is not extracted);
* ``max_doc_seconds`` bounds the stage loop (and, on its own, a page's extraction:
  :func:`cleanscrape.extract.extract_within_limits`).  In the main thread of a Unix
  process (the CLI and its workers) a one-shot ``SIGALRM`` timer interrupts a stage in the middle
  (``setitimer`` costs two system calls per document).  Elsewhere (other threads, Windows,
  or when someone else's ``SIGALRM`` timer is already running) the clock is checked between
  stages instead, which bounds the run but cannot cut a single stage short.  The alarm's
  handler is installed for each document and the previous one restored after it, unless
  a loop over many documents holds it (:meth:`Limits.alarm_handler_held`, as the CLI's
  batches do).

A document that hits a limit keeps its input text (a page not extracted has none: its text
is empty), gets no removals or repairs, and is flagged ``limit:size`` or ``limit:time`` in :attr:`cleanscrape.Result.flags`.  The time
limit is the one place where the output can depend on the machine: it is a safety net set
far above the cost of any ordinary document, and ``None`` (or ``0`` on the CLI) turns it off.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import Iterator

try:
    # the C function signal.signal wraps: the wrapper turns the handler it is given and the
    # one it returns into enums where it can, and for a function each way fails (int() of
    # it, then an Enum lookup whose ValueError formats the function's repr), ~3 us of the
    # 5 a document's install and restore cost; the handlers it takes and returns are the
    # same objects, SIG_DFL and SIG_IGN as plain ints
    from _signal import signal as _set_handler  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - an interpreter without CPython's _signal
    _set_handler = signal.signal

__all__ = ["Limits", "DocumentTimeout", "Deadline", "DEFAULT_MAX_DOC_CHARS", "DEFAULT_MAX_DOC_SECONDS"]

#: Ten million characters: ~5-10 s of cleaning at the measured 1-2 MB/s per core; real pages
#: are a few kilobytes, so anything this large is a dump or binary junk, not one page.
DEFAULT_MAX_DOC_CHARS = 10_000_000
#: Ordinary documents take milliseconds; one minute only catches runaway cases.
DEFAULT_MAX_DOC_SECONDS = 60.0


#: a Deadline's timer is running: only then does the alarm's handler interrupt (a held
#: handler stays installed between documents, where a timer that fired as its document
#: ended must change nothing)
_alarm_armed = False
#: :meth:`Limits.alarm_handler_held` keeps the handler installed
_handler_held = False
#: the longest timer set, ~68 years: what a 32-bit time_t holds
_LONGEST_TIMER = 2**31 - 1


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``None`` disables one."""

    max_doc_chars: int | None = DEFAULT_MAX_DOC_CHARS
    max_doc_seconds: float | None = DEFAULT_MAX_DOC_SECONDS

    def __post_init__(self) -> None:
        for name in ("max_doc_chars", "max_doc_seconds"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                      or not value > 0):  # NaN included
                raise ValueError(f"{name} must be a positive number or None, got {value!r}")

    def size_exceeded(self, text: str | bytes) -> str | None:
        """A message if ``text`` is over the size limit, else None.  A page's HTML is held to
        it too, as served (bytes, or characters when given as text), before extraction:
        parsing a page takes ~35 times its size in memory (a 17 MB page, 620 MB)."""
        if self.max_doc_chars is not None and len(text) > self.max_doc_chars:
            unit = "bytes" if isinstance(text, bytes) else "characters"
            return f"{len(text):,} {unit} > max_doc_chars={self.max_doc_chars:,}"
        return None

    def deadline(self) -> Deadline:
        return Deadline(self.max_doc_seconds)

    @contextmanager
    def alarm_handler_held(self) -> Iterator[None]:
        """Keep the alarm's handler installed while the block cleans many documents in a
        row, instead of installing it and restoring the previous one around each: a
        :class:`Deadline` inside only sets the timer (the hold disarms it when it ends; a
        timer that fires between documents finds none to interrupt): four system calls
        fewer a document (installing and restoring the handler, asking whether someone
        else's timer runs, disarming ours), ~0.8 us of a paragraph's ~120.  For a
        loop that runs no one else's code between its documents: inside, ``SIGALRM`` and
        the real-time timer are the time limit's.  Does nothing where the alarm cannot be
        used, or without a time limit."""
        global _handler_held
        if self.max_doc_seconds is None or _handler_held or not _can_use_alarm():
            yield
            return
        previous = _set_handler(signal.SIGALRM, _raise_timeout)
        _handler_held = True
        try:
            yield
        finally:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                _handler_held = False
                _set_handler(signal.SIGALRM, previous)  # type: ignore[arg-type]


class DocumentTimeout(BaseException):
    """The time limit of one document ran out.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that a stage's own
    ``except Exception`` cannot swallow it.
    """


class Deadline:
    """A context manager bounding the time spent in its block.

    Inside it, :meth:`check` raises :class:`DocumentTimeout` once the time is up; when the
    alarm could be armed, the timeout is also raised asynchronously, wherever the main
    thread is running Python code.
    """

    __slots__ = ("seconds", "_end", "_armed", "_handler_installed", "_previous_handler")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = float("inf")
        self._armed = False
        self._handler_installed = False
        self._previous_handler: object = None

    def __enter__(self) -> Deadline:
        global _alarm_armed
        if self.seconds is None:
            return self
        self._end = time.monotonic() + self.seconds
        if _handler_held:
            # the hold made sure no one else's timer ran, and runs no one else's code: only
            # a document of ours may be timed already (cleaned inside another's stage)
            use_alarm = not _alarm_armed and threading.current_thread() is threading.main_thread()
        else:
            use_alarm = _can_use_alarm()
        if use_alarm:
            if not _handler_held:
                self._previous_handler = _set_handler(signal.SIGALRM, _raise_timeout)
                self._handler_installed = True
            # armed before the timer is set: a timer that ran out before the flag was set
            # (a limit of 10 us or less) found the handler ignoring it, and the document was
            # cleaned with no limit at all.  Run out inside this call, it ends the block here
            self._armed = _alarm_armed = True
            try:
                # (a longer limit, as inf, is no limit: setitimer would raise OverflowError)
                signal.setitimer(signal.ITIMER_REAL, min(self.seconds, _LONGEST_TIMER))
            except BaseException:
                self.__exit__(None, None, None)
                raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        global _alarm_armed
        if self._armed:
            try:
                if self._handler_installed:  # (a held handler's timer is disarmed by the hold)
                    signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                self._armed = _alarm_armed = False
                if self._handler_installed:
                    _set_handler(signal.SIGALRM, self._previous_handler)  # type: ignore[arg-type]
                    self._handler_installed = False

    @property
    def needs_checks(self) -> bool:
        """Must :meth:`check` be called between stages?  Not when the alarm is armed (it
        interrupts on time anyway) nor without a limit."""
        return self.seconds is not None and not self._armed

    def check(self) -> None:
        """Raise :class:`DocumentTimeout` if the time is up (the between-stages fallback)."""
        if time.monotonic() > self._end:
            raise DocumentTimeout(f"over max_doc_seconds={self.seconds}")


def _can_use_alarm() -> bool:
    """SIGALRM handlers can only be set from the main thread, and a timer someone else armed
    (a test-timeout plugin, an application's own watchdog) must not be clobbered."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    if _alarm_armed:
        raise DocumentTimeout("over max_doc_seconds (interrupted by SIGALRM)")
