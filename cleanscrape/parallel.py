"""Cleaning a stream of raw records, in this process or in a pool of worker processes.

:func:`clean_stream` takes raw records (undecoded bytes, see :mod:`cleanscrape.io.readers`)
and yields one :class:`Outcome` per record — the encoded output, the encoded report line,
counters for the summary — in input order, whatever the number of workers.  Every step
of one record (decode, clean, encode) runs in :func:`clean_raw`, in the worker, and so
does gzip's compression of a batch (:func:`_compress_batch`), so the main process only
reads bytes and writes bytes, and 1 and N workers give identical bytes.  The same pool
serves :meth:`Cleaner.clean_many` with workers (:class:`TextJob`: items in, Results out).

With ``workers > 1``: records go to the workers in batches (a few dozen documents:
PERF-NOTES §6 measured near-2× on 2 cores at 8–32 per chunk); at most
``workers * BATCHES_IN_FLIGHT_PER_WORKER`` batches are in flight, so memory stays flat
however fast the reader is.  Each worker gets the Cleaner once, when it starts, which is
when a batch finds every worker busy: a run of a few batches starts a few, whatever it asked.

The main process does not load the stages' tables (lexicon automata, stopwords, language
profiles, repair word lists): each worker loads what its documents need, in parallel with
the others.  Sharing them copy-on-write from a warmed main process was tried: it saved
~20 MB of summed PSS but cost ~45 MB of summed RSS (every process counts the shared pages)
and a second of serial start-up; measured on an 8 MB dump with 2 workers, peak summed RSS
290 → 246 MB, PSS 186 → 207 MB (docs/history/performance.md).

Records go in batches with any number of workers, closed by ``BATCH_RECORDS`` or
``BATCH_BYTES`` alone, and each batch is cleaned in order with a fresh
:class:`~cleanscrape.repair.source_memory.SourceMemory`: the repair of a record may use
the intact words of the earlier records of its source *in its batch* (up to
``BATCH_RECORDS`` consecutive records), never more, so 1 and N workers see the same
memory.  ``--resume`` keeps the batches: the CLI saves its checkpoints, and stops on a
signal, only after a batch's last record (:attr:`Outcome.batch_end`), so a resumed run
starts where a batch started and forms the same batches after it.  What is left: a run
stopped by ``--fail-fast`` resumes right after the failed record, mid-batch, and a record
cleaned again alone after a worker died (below) is cleaned without memory.

A worker that dies (a crash in a stage, the OOM killer) does not stop the run: a fresh
worker takes its place, and the batches it was holding are cleaned again one record at a
time in a worker of their own; the record that kills two such workers in a row is marked
failed ("worker process died"), all others are cleaned normally.  With ``workers == 1``
everything runs in this process and such a crash ends the run (``--resume`` continues it).

The pool is our own rather than :class:`concurrent.futures.ProcessPoolExecutor`: the
executor's feeder and manager threads cost the main process ~50 ms of CPU on a 16 MB dump
with 2 workers (0.29 → 0.25 s in all), taken from the cores the workers need, and a
worker's death broke the whole executor, so every batch in flight was cleaned again.  Here the main thread alone writes batches and reads outcomes, and a
death costs only the dead worker's batches.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import pickle
import queue
import signal
import sys
import threading
import weakref
from collections import Counter, deque
from itertools import chain, groupby, islice
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Generic, Iterable, Iterator, Protocol, TypeVar

from .cleaner import Cleaner, PausedCollector, Result, item_parts, text_of
from .extract import ExtractOptions, extract_within_limits
from .pickling import pickled_by_position
from .io.readers import FORMATS, RawRecord, ReadOptions, Record, decode
from .io.writers import Item, compress_frame, compression_of, encode_jsonl, encode_report, encode_text, failed_result
from .repair.source_memory import SourceMemory, source_of

if TYPE_CHECKING:  # imported by a pool alone (_mp_context)
    import multiprocessing.context
    from multiprocessing.connection import Connection

__all__ = ["Job", "Outcome", "clean_raw", "clean_stream", "default_workers", "BATCH_RECORDS",
           "BATCH_BYTES"]

_log = logging.getLogger("cleanscrape")

#: records per batch sent to a worker, and the byte budget that closes a batch early
BATCH_RECORDS = 16
BATCH_BYTES = 1 << 20
BATCHES_IN_FLIGHT_PER_WORKER = 3
#: batches a worker holds at most: the one it cleans and the next, already in its inbox
#: when it finishes (more would only let the workers finish unevenly at the end of a run)
BATCHES_HELD_PER_WORKER = 2
#: what each pipe between the main process and the workers may hold (Linux's default, 64 KiB,
#: is less than a batch of a few dozen web pages)
PIPE_BYTES = 1 << 20
#: what each flag of :attr:`cleanscrape.Result.flags` means, in the CLI's own terms
LIMIT_FLAG_MEANING = {"limit:size": "longer than --max-doc-chars", "limit:time": "took longer than --max-doc-seconds"}
#: the same for a page not extracted
PAGE_LIMIT_MEANING = {"limit:size": "its HTML is longer than --max-doc-chars",
                      "limit:time": "its extraction took longer than --max-doc-seconds"}
WORKER_DIED = "worker process died while cleaning this record (a crash in a stage?)"
#: workers of its own a record redone alone after a worker's death may kill before it is
#: marked failed with WORKER_DIED
ISOLATED_ATTEMPTS = 2


#: a container's CPU quota, as cgroup v2 and v1 publish it (read as loky's ``cpu_count``
#: reads it; loky itself would bring cloudpickle and ~20 ms of imports for these lines)
CGROUP_V2_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
CGROUP_V1_CPU_QUOTA = Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")
CGROUP_V1_CPU_PERIOD = Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us")


def default_workers() -> int:
    """All cores this process may run on: its CPU affinity, capped by its container's CPU
    quota.  A node of 64 cores that gives a container 2 CPUs must not get 64 workers, each
    loading its tables (~60 MB) to share 2 CPUs' worth of time."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    return min(cores, quota) if quota is not None else cores


def cgroup_cpu_quota() -> int | None:
    """The CPUs' worth of time this process's cgroup may use (rounded up), or None where
    no quota is set or none can be read (not Linux, no cgroup file system)."""
    try:
        fields = CGROUP_V2_CPU_MAX.read_text().split()  # "max 100000" or "200000 100000"
    except OSError:
        try:
            fields = [CGROUP_V1_CPU_QUOTA.read_text().strip(), CGROUP_V1_CPU_PERIOD.read_text().strip()]
        except OSError:
            return None
    try:
        quota, period = int(fields[0]), int(fields[1])
    except (ValueError, IndexError):  # "max": no quota
        return None
    if quota <= 0 or period <= 0:  # v1 writes -1 for no quota
        return None
    return math.ceil(quota / period)


@dataclass(frozen=True)
class Job:
    """What to do with each record besides cleaning it (picklable, sent to workers)."""

    read_options: ReadOptions = ReadOptions()
    #: "jsonl" or "text" for one output stream; None: each record in its input format's
    #: ``mirror_as`` format (folder output)
    output_format: str | None = None
    with_report: bool = False
    #: how HTML pages become text (in the worker: extraction is the expensive part)
    extract_options: ExtractOptions = ExtractOptions()
    #: the Cleaner for extracted text (cleanscrape.extract.html_cleaner); None: the main one
    html_cleaner: Cleaner | None = None
    #: fill an Outcome's counts for the CLI's end-of-run summary (text bytes in and out,
    #: removals and repairs by category): ~16 us of a dump record's ~1.8 ms (reading each
    #: of its ~140 removals' category, encoding both texts to count their bytes), for
    #: nothing in a run that prints no summary (-q, the cluster entry point)
    summary_counts: bool = True
    #: "gz" (or "zst"): the output's records, the report's, come out of each batch as one
    #: gzip member (zstd frame), see :func:`_compress_batch`; "": as they are
    output_compression: str = ""
    report_compression: str = ""
    #: the same for a folder mirroring the inputs, whose output files are compressed by name:
    #: the records of each input whose name says so, a member per batch and input
    mirrored_compression: str = ""

    def clean_batch(self, cleaner: Cleaner, batch: list[RawRecord]) -> list[Outcome]:
        return _clean_in_order(cleaner, self, batch)

    def failed(self, cleaner: Cleaner, raw: RawRecord, reason: str) -> Outcome:
        """The outcome of a record that failed for ``reason`` outside the cleaning (it killed
        the workers cleaning it), compressed as a worker's."""
        failed = [_failed_outcome(self, raw, reason)]
        _compress_batch(self, failed)
        return failed[0]

    def end_batch(self, outcomes: list[Outcome]) -> None:
        """Make ``outcomes``, redone one record at a time, one batch again: each came back
        as the end of a batch of its own."""
        for outcome in outcomes:
            outcome.batch_end = False
        outcomes[-1].batch_end = True


_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class PoolJob(Protocol[_Item, _Result]):
    """What a pool does with its batches (:class:`Job` for the CLI's raw records,
    :class:`TextJob` for :meth:`Cleaner.clean_many`'s items)."""

    def clean_batch(self, cleaner: Cleaner, batch: list[_Item]) -> list[_Result]:
        """What a worker makes of a batch, in order (the results must pickle)."""

    def failed(self, cleaner: Cleaner, item: _Item, reason: str) -> _Result:
        """The result of an item that failed for ``reason`` outside the cleaning."""

    def end_batch(self, results: list[_Result]) -> None:
        """Make the results of a batch redone item by item one batch again."""


#: an item of :meth:`Cleaner.clean_many`: a text, ``(id, text)`` or ``(id, text, metadata)``
TextItem = Any


@dataclass(frozen=True)
class TextJob:
    """What a pool does for :meth:`Cleaner.clean_many`: each item cleaned into its Result,
    a batch with a memory of its own sources, as the items are cleaned in this process."""

    def clean_batch(self, cleaner: Cleaner, batch: list[TextItem]) -> list[Result]:
        memory = SourceMemory()
        with cleaner.limits.alarm_handler_held():
            return [cleaner.clean_item(item, memory) for item in batch]

    def failed(self, cleaner: Cleaner, item: TextItem, reason: str) -> Result:
        """The Result of an item that failed for ``reason`` outside the cleaning (it killed
        the workers cleaning it, its result did not pickle)."""
        doc_id, text, metadata, _ = item_parts(item)  # (an item of no known shape is never cleaned)
        return Cleaner._failed(doc_id, text_of(text), reason, metadata)

    def end_batch(self, results: list[Result]) -> None:
        pass


@pickled_by_position
@dataclass(slots=True)
class Outcome:
    """One record, cleaned and encoded."""

    item: Item
    report: bytes | None
    #: the failure, naming the record (``"dump.jsonl:17: not valid JSON ..."``)
    error: str | None = None
    #: a limit let the record through unchanged, naming it (``"dump.jsonl:17: passed
    #: through unchanged (limit:size: ...)"``); None otherwise
    warning: str | None = None
    empty: bool = False
    #: the last record of its batch: the records up to here are a run's possible resume
    #: point (a batch's source memory, see above, starts afresh after it)
    batch_end: bool = False
    text_bytes_in: int = 0
    text_bytes_out: int = 0
    #: removals and repairs by category, as plain dicts: the main process unpickles a
    #: Counter by calling its Python __init__ (once per record, with workers)
    removed: dict[str, int] = field(default_factory=dict)
    repaired: dict[str, int] = field(default_factory=dict)



def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def clean_raw(cleaner: Cleaner, job: Job, raw: RawRecord, memory: SourceMemory | None = None) -> Outcome:
    """Decode, clean and encode one raw record (with ``memory``: the earlier records of its
    batch).  Never raises: whatever goes wrong costs this record (marked failed, input
    passed through), not the run."""
    try:
        return _clean_raw(cleaner, job, raw, memory)
    except Exception as exc:  # extraction or encoding failing on an input nobody foresaw
        return _failed_outcome(job, raw, f"{type(exc).__name__}: {exc}")


def _clean_raw(cleaner: Cleaner, job: Job, raw: RawRecord, memory: SourceMemory | None) -> Outcome:
    record = decode(raw, job.read_options)
    if record.error is not None:
        return _outcome(job, raw, record, failed_result(record))
    metadata = None
    if record.html is not None:  # a page: extract here, in the worker, then clean the text
        attrs = record.attrs or {}
        extracted = extract_within_limits(cleaner, record.html, id=record.id, url=attrs.get("url"),
                                          http_charset=attrs.get("http_charset"), metadata=attrs,
                                          options=job.extract_options)
        if isinstance(extracted, Result) and extracted.error is not None:  # failed, as a damaged page is
            extracted.error = f"{record.called}: {extracted.error}"
            return _outcome(job, raw, record, extracted)
        if isinstance(extracted, Result):  # not extracted: over a limit
            record.text = ""
            outcome = _outcome(job, raw, record, extracted)
            outcome.warning = f"{record.called}: page not extracted ({extracted.flags[0]}: " \
                              f"{PAGE_LIMIT_MEANING[extracted.flags[0]]})"
            return outcome
        record.text, metadata = extracted
        cleaner = job.html_cleaner or cleaner
    # a JSONL record's "source" or "url" field, a page's URL
    source = source_of(record.fields) or source_of(record.attrs)
    # a record has text, or a page whose text was extracted above
    result = cleaner.clean(record.text, id=record.id, lang=record.lang, metadata=metadata,  # type: ignore[arg-type]
                           memory=memory, source=source)
    if result.error is not None:
        result.error = f"{record.called}: {result.error}"
    return _outcome(job, raw, record, result)


def _failed_outcome(job: Job, raw: RawRecord, reason: str) -> Outcome:
    record = decode(raw, job.read_options)
    record.error = f"{record.named}: {reason}" if record.named else reason
    return _outcome(job, raw, record, failed_result(record))


def _outcome(job: Job, raw: RawRecord, record: Record, result: Result) -> Outcome:
    input_format = FORMATS[raw.format]
    out_format = job.output_format or input_format.mirror_as
    if out_format == "jsonl":
        data = encode_jsonl(record, result, job.read_options.text_field)
    else:
        data = encode_text(record, result)
    outcome = Outcome(
        Item(raw.location, raw.name, out_format, data, whole_file=input_format.one_per_file),
        encode_report(record, result) if job.with_report else None,
        error=result.error,
        empty=record.text is not None and not record.text.strip(),
    )
    if result.flags:
        outcome.warning = f"{record.called}: passed through unchanged (" + \
            "; ".join(f"{flag}: {LIMIT_FLAG_MEANING.get(flag, flag)}" for flag in result.flags) + ")"
    if result.ok and job.summary_counts:
        outcome.text_bytes_in = _utf8_len(record.text or "")
        outcome.text_bytes_out = _utf8_len(result.text)
        # most short records have neither: a Counter costs a microsecond even empty.  The
        # categories as plain str: a plugin's of a str type of its own may not pickle, and an
        # Outcome must (its output is already in its batch's gzip member, see _sendable)
        if result.removed:
            outcome.removed = {str(c): n for c, n in Counter(r.category for r in result.removed).items()}
        if result.repairs:
            outcome.repaired = {str(c): n for c, n in Counter(r.category for r in result.repairs).items()}
    return outcome


# ------------------------------------------------------------------ worker side

def _prepare_worker() -> None:
    # Ctrl-C, the terminal's hangup, and a service manager's SIGTERM (systemd's goes to
    # the whole group) reach the workers too: the main process handles them and stops the
    # workers (SIGKILL: see _Worker.ask_to_stop).  A worker printing its own
    # KeyboardInterrupt traceback would only be noise, and one killed by the signal would
    # be replaced, its batches cleaned again one record at a time while the run stops (a
    # second and more for a few batches of pages).  The main process's own handlers,
    # inherited through fork, are no worker's either.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker if the main process dies, even by SIGKILL, so no
    orphan keeps running (PR_SET_PDEATHSIG; a no-op elsewhere)."""
    prctl = _libc_prctl()
    if prctl is not None:
        prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


@lru_cache(maxsize=1)
def _libc_prctl() -> Callable[..., int] | None:
    """libc's prctl (None but on Linux).  Looked up by the main process as its pool starts:
    the workers forked after it inherit it, and ctypes, whose import (~2 ms) each would
    pay again."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _worker_main(tasks: Connection, results: Connection, cleaner: Cleaner, job: PoolJob[Any, Any]) -> None:
    """A worker's life: batches in, outcomes out, until an empty message.

    A thread of its own takes the batches off the pipe as they come, so the main process,
    which has no threads and writes a batch whole, never waits on a worker that is itself
    waiting for the main process to read its outcomes."""
    _prepare_worker()
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    threading.Thread(target=_receive_tasks, args=(tasks, inbox), daemon=True).start()
    while message := inbox.get():
        batch = pickle.loads(message)
        cleaned = job.clean_batch(cleaner, batch)
        try:
            answer = pickle.dumps(cleaned, pickle.HIGHEST_PROTOCOL)
        except Exception:  # a result holds what cannot be pickled (a plugin stage's metadata)
            answer = pickle.dumps([_sendable(job, cleaner, item, result) for item, result in zip(batch, cleaned)],
                                  pickle.HIGHEST_PROTOCOL)
        results.send_bytes(answer)


def _sendable(job: PoolJob[_Item, _Result], cleaner: Cleaner, item: _Item, result: _Result) -> _Result:
    """``result`` if it pickles, else the job's failure of ``item`` saying why."""
    try:
        pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        return job.failed(cleaner, item, f"its result could not be sent back from the worker process: "
                                         f"{type(exc).__name__}: {exc}")
    return result


def _receive_tasks(tasks: Connection, inbox: queue.SimpleQueue[bytes]) -> None:
    try:
        while message := tasks.recv_bytes():
            inbox.put(message)
    except (EOFError, OSError):  # the main process is gone: stop as on an empty message
        pass
    inbox.put(b"")


def _clean_in_order(cleaner: Cleaner, job: Job, batch: list[RawRecord]) -> list[Outcome]:
    """One batch, in order, with a memory of its own sources (and the time limit's alarm
    handler installed once for it: nothing else runs between its documents)."""
    memory = SourceMemory()
    with cleaner.limits.alarm_handler_held():
        outcomes = [clean_raw(cleaner, job, raw, memory) for raw in batch]
    outcomes[-1].batch_end = True
    _compress_batch(job, outcomes)
    return outcomes


def _one_frame(parts: list[bytes], kind: str) -> list[bytes]:
    """``parts`` compressed together into one frame, in the last part's place; the others
    left empty."""
    return [b""] * (len(parts) - 1) + [compress_frame(b"".join(parts), kind)]


def _compress_batch(job: Job, outcomes: list[Outcome]) -> None:
    """Compress the batch's output and report, as the job asks, each into one frame on its
    last record (the others' left empty), in the worker that made them: the main process
    then only writes bytes, and the compression scales with the workers.  A batch's frame
    ends with it, where a checkpoint may fall; 1 and N workers make the same frames."""
    kind = job.output_compression or job.mirrored_compression
    groups: list[list[Outcome]] = []
    if job.output_compression:
        groups = [outcomes]
    elif job.mirrored_compression:  # a frame per input file the batch holds records of
        groups = [list(group) for name, group in groupby(outcomes, key=lambda outcome: outcome.item.name)
                  if compression_of(name) == kind]
    for group in groups:
        for outcome, data in zip(group, _one_frame([outcome.item.data for outcome in group], kind)):
            outcome.item.data = data
    if job.report_compression:
        for outcome, data in zip(outcomes, _one_frame([outcome.report or b"" for outcome in outcomes],
                                                      job.report_compression)):
            outcome.report = data


# ------------------------------------------------------------------ main side

def _batches(raws: Iterable[RawRecord], records: int, max_bytes: int) -> Iterator[list[RawRecord]]:
    batch: list[RawRecord] = []
    size = 0
    for raw in raws:
        batch.append(raw)
        size += len(raw.payload)
        if len(batch) >= records or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _mp_context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # (a pool's alone: ~5 ms of imports a run in this process never uses)

    # fork: workers start in milliseconds with the modules and the Cleaner already in
    # memory (no pickling of stages, plugin stages defined at run time work too).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _grow_pipe(connection: Connection) -> None:
    """Let a batch, and a batch's outcomes, fit whole in a pipe: in a pipe smaller than the
    message (Linux's default is 64 KiB), the writer waits for the reader to take each
    piece.  Linux only (elsewhere nothing changes)."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):  # not Linux; beyond pipe-max-size or the user's quota
        pass


class _Worker(Generic[_Item, _Result]):
    """One worker process, its two pipes, and the batches it holds (oldest first)."""

    def __init__(self, context: multiprocessing.context.BaseContext, cleaner: Cleaner,
                 job: PoolJob[_Item, _Result]) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        for connection in (self.tasks, self.results):
            _grow_pipe(connection)
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(task_reader, result_writer, cleaner, job), daemon=True)
        try:
            self.process.start()
        except BaseException:  # (out of processes or memory): no pipe left open
            for connection in (task_reader, self.tasks, self.results, result_writer):
                connection.close()
            raise
        # The worker's ends are its own now: a worker that dies leaves no writer of its
        # results behind, so reading them ends in EOFError rather than waiting forever.
        task_reader.close()
        result_writer.close()
        self.held: deque[int] = deque()

    def send(self, batch: list[_Item]) -> None:
        self.tasks.send_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))

    def receive(self) -> list[_Result]:
        message = self.results.recv_bytes()
        # a batch of Results is thousands of objects (a removal each)
        with PausedCollector():
            return pickle.loads(message)

    def finished(self) -> Iterator[list[_Result]]:
        """The outcomes a dead worker sent whole before it died."""
        try:
            while self.results.poll():
                yield self.receive()
        except (EOFError, OSError):  # the last message was cut short by the death
            pass

    def stop(self, *, abort: bool) -> None:
        """Let the worker finish what it holds and exit, or with ``abort`` kill it now."""
        self.ask_to_stop(abort=abort)
        self.join()

    def ask_to_stop(self, *, abort: bool) -> None:
        if abort:
            # SIGKILL, not SIGTERM: a worker stopped in its first moments, before it set its
            # own handlers, ran the SIGTERM handler it inherited (the CLI's: stop at the end
            # of the batch) and lived on, and the main process waited for it for ever
            self.process.kill()
        else:
            try:
                self.tasks.send_bytes(b"")
            except OSError:  # already dead
                pass

    def join(self) -> None:
        """Wait for the worker, asked to stop, to exit."""
        self.process.join()
        self.tasks.close()
        self.results.close()


class _OrderedPool(Generic[_Item, _Result]):
    """Worker processes fed batches by the main thread alone (no feeder or manager thread
    to take the GIL, and so a core, from the workers), whose outcomes come back in
    submission order, and which survives the death of a worker."""

    def __init__(self, cleaner: Cleaner, job: PoolJob, workers: int, on_warning: Callable[[str], None]) -> None:
        self.cleaner, self.job = cleaner, job
        #: the workers this pool may start: each only when a batch finds every other busy,
        #: so a run of a few batches starts a few, whatever was asked (-j 1000 forked a
        #: thousand up front, 13 s for one document, and ran out of file descriptors)
        self._size = workers
        self._on_warning = on_warning
        self._context = _mp_context()
        _libc_prctl()  # before the fork (see there)
        # Frozen objects are never visited by a collection again: a worker's collector
        # would otherwise write to every inherited object's header (the imported modules)
        # and copy its page.  (No collection first: after start-up it frees next to
        # nothing, 5 objects, and costs ~7 ms before any worker starts.)  Not where objects
        # are frozen already (by the caller, or another pool): close() would unfreeze them.
        self._froze = gc.get_freeze_count() == 0
        if self._froze:
            gc.freeze()
        self._workers: list[_Worker[_Item, _Result]] = []
        _OPEN_POOLS.add(self)
        _disowned_in_forked_children()

    def _new_worker(self) -> _Worker[_Item, _Result]:
        return _Worker(self._context, self.cleaner, self.job)

    def _grow(self) -> _Worker[_Item, _Result] | None:
        """A new worker, or None where the system will start no more (out of processes,
        file descriptors or memory): the pool goes on with the workers it has, or with
        none, in this process, and says so."""
        try:
            worker = self._new_worker()
        except OSError as exc:
            self._size = len(self._workers)
            self._on_warning(f"cannot start worker process {len(self._workers) + 1} ({exc}): going on with "
                             + (f"{len(self._workers)}" if self._workers else "none, in this process"))
            return None
        self._workers.append(worker)
        return worker

    def run(self, batches: Iterator[list[_Item]]) -> Iterator[_Result]:
        in_flight: dict[int, list[_Item]] = {}  # batch number -> batch, until yielded
        finished: dict[int, list[_Result]] = {}
        submitted = yielded = 0
        more = True
        while True:
            while more and len(in_flight) < max(self._size, 1) * BATCHES_IN_FLIGHT_PER_WORKER:
                worker = min(self._workers, key=lambda w: len(w.held), default=None)
                grow = len(self._workers) < self._size and (worker is None or bool(worker.held))
                if not grow and worker is not None and len(worker.held) >= BATCHES_HELD_PER_WORKER:
                    break
                batch = next(batches, None)
                if batch is None:
                    more = False
                    break
                if grow:
                    worker = self._grow() or worker
                in_flight[submitted] = batch
                submitted += 1
                if worker is None:  # no worker could be started
                    finished[submitted - 1] = self.job.clean_batch(self.cleaner, batch)
                    continue
                worker.held.append(submitted - 1)
                try:
                    worker.send(batch)
                except OSError:  # it died while idle (killed from outside)
                    self._replace(worker, in_flight, finished)
                except Exception:  # the batch does not pickle (an item's metadata): nothing was sent
                    worker.held.pop()
                    finished[submitted - 1] = self.job.clean_batch(self.cleaner, batch)
            while yielded in finished:
                del in_flight[yielded]
                yield from finished.pop(yielded)
                yielded += 1
            if in_flight:
                self._wait(in_flight, finished)
            elif not more:
                return

    def _wait(self, in_flight: dict[int, list[_Item]], finished: dict[int, list[_Result]]) -> None:
        """Take in the outcomes of the workers that have some; replace a worker that died."""
        from multiprocessing.connection import wait  # (a pool's alone, see _mp_context)

        owner = {}
        for worker in self._workers:
            if worker.held:
                owner[worker.results] = owner[worker.process.sentinel] = worker
        for ready in wait(list(owner)):
            worker = owner[ready]
            if worker not in self._workers:  # replaced earlier in this loop
                continue
            if ready is worker.results:
                try:
                    finished[worker.held[0]] = worker.receive()
                    worker.held.popleft()
                    continue
                except (EOFError, OSError):  # the worker died
                    pass
            self._replace(worker, in_flight, finished)

    def _replace(self, dead: _Worker[_Item, _Result], in_flight: dict[int, list[_Item]],
                 finished: dict[int, list[_Result]]) -> None:
        """A worker died: keep the batches it finished, redo the others one record at a
        time in isolation; a fresh worker takes its place when a batch needs one (run)."""
        for outcomes in dead.finished():
            finished[dead.held.popleft()] = outcomes
        dead.stop(abort=True)
        self._workers.remove(dead)
        isolation: list[_Worker[_Item, _Result]] = []  # the worker of the records redone alone, while it lives
        for number in dead.held:
            redone = [self._clean_isolated(raw, isolation) for raw in in_flight[number]]
            self.job.end_batch(redone)
            finished[number] = redone
        for worker in isolation:
            worker.stop(abort=False)

    def _clean_isolated(self, raw: _Item, isolation: list[_Worker[_Item, _Result]]) -> _Result:
        # Twice before the record is blamed: a worker killed from outside (an operator, the
        # OOM killer making room for another process) while it cleaned an innocent record
        # must not cost that record.
        for _ in range(ISOLATED_ATTEMPTS):
            try:
                if not isolation:  # (a worker the system will not start is one more attempt failed)
                    isolation.append(self._new_worker())
                isolation[0].send([raw])
                return isolation[0].receive()[0]
            except (EOFError, OSError):
                if isolation:
                    isolation.pop().stop(abort=True)
        return self.job.failed(self.cleaner, raw, WORKER_DIED)

    def close(self, *, abort: bool) -> None:
        """Stop the workers: at the end of the input, once they are idle; on ``abort``
        (the caller stopped early, an exception) at once, whatever they hold."""
        # All are asked before any is waited for: they exit side by side (a worker's exit,
        # the kernel unmapping what it wrote to, takes ~3.5 ms at the end of the 16 MB dump)
        for worker in self._workers:
            worker.ask_to_stop(abort=abort)
        for worker in self._workers:
            worker.join()
        _OPEN_POOLS.discard(self)
        if self._froze:
            gc.unfreeze()  # the caller's objects are collectable again


#: the pools of this process whose workers may be running (see _disowned_in_forked_children)
_OPEN_POOLS: weakref.WeakSet[_OrderedPool[Any, Any]] = weakref.WeakSet()


@lru_cache(maxsize=None)
def _disowned_in_forked_children() -> None:
    """Have a child forked from this process (``os.fork``) while a pool was open leave its
    workers alone: they are the parent's.  The child's copy of the pool, closed at its exit
    (its generator finalised), killed them, and the parent's pool cleaned their batches again
    record by record; multiprocessing's exit handler tried to join them ('AssertionError:
    can only join a child process').  Registered once, when the first pool starts.  (A
    worker is such a child too, and so disowns them: it never uses the pool.)"""
    os.register_at_fork(after_in_child=_disown_workers)


def _disown_workers() -> None:
    import multiprocessing.process  # (imported already: a pool was open)

    for pool in list(_OPEN_POOLS):
        for worker in pool._workers:
            # (multiprocessing's own children forget their parent's so, in Process._bootstrap)
            multiprocessing.process._children.discard(worker.process)  # type: ignore[attr-defined]
        pool._workers = []
    _OPEN_POOLS.clear()


def clean_stream(
    cleaner: Cleaner,
    job: Job,
    raws: Iterable[RawRecord],
    *,
    workers: int = 1,
    batch_records: int = BATCH_RECORDS,
    batch_bytes: int = BATCH_BYTES,
    on_warning: Callable[[str], None] | None = None,
) -> Generator[Outcome, None, None]:
    """Clean raw records, yielding their Outcomes in input order; ``on_warning`` (default:
    the ``cleanscrape`` logger) hears of a worker the system would not start."""
    if workers <= 1:
        # the same batches as the workers get: the same memory, the same output
        for batch in _batches(raws, batch_records, batch_bytes):
            yield from _clean_in_order(cleaner, job, batch)
        return
    yield from _pooled(cleaner, job, _batches(raws, batch_records, batch_bytes), workers, on_warning)


def clean_items(cleaner: Cleaner, items: Iterable[TextItem], workers: int) -> Generator[Result, None, None]:
    """:meth:`Cleaner.clean_many` in ``workers`` processes: the items in batches of
    ``BATCH_RECORDS``, the runs over which the memory of a source lasts in this process too,
    so the results are the same."""
    remaining = iter(items)
    failure: list[Exception] = []

    def batches() -> Iterator[list[TextItem]]:
        # An iterable that raises ends the input there: the items before it are cleaned
        # and yielded first, then its exception is raised, as in one process (the pool
        # reads ahead of what it has yielded)
        while True:
            batch: list[TextItem] = []
            try:
                for item in islice(remaining, BATCH_RECORDS):
                    batch.append(item)
            except Exception as exc:
                failure.append(exc)
                if batch:
                    yield batch
                return
            if not batch:
                return
            yield batch

    pending = batches()
    first = next(pending, None)
    if first is not None:  # (no worker started for an empty stream)
        yield from _pooled(cleaner, TextJob(), chain([first], pending), workers)
    if failure:
        raise failure[0]


def _pooled(cleaner: Cleaner, job: PoolJob[_Item, _Result], batches: Iterator[list[_Item]],
            workers: int, on_warning: Callable[[str], None] | None = None) -> Generator[_Result, None, None]:
    """What ``job`` makes of each batch, in order, from a pool of up to ``workers`` processes
    (``on_warning`` hears of those the system would not start), which stops with the caller:
    at the end, or at once if the caller stops reading first."""
    pool: _OrderedPool[_Item, _Result] = _OrderedPool(cleaner, job, workers, on_warning or _log.warning)
    finished = False
    try:
        yield from pool.run(batches)
        finished = True
    finally:
        pool.close(abort=not finished)
