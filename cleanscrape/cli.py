"""The ``cleanscrape`` command line.  Usage and behaviour are documented in docs/cli.md."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import gc
import hashlib
import json
import logging
import os
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

import click

from .cleaner import UNSET, Cleaner
from .extract import EXTRACTION_MODES, ExtractOptions, html_cleaner
from .lang import without_data
from .limits import DEFAULT_MAX_DOC_CHARS, DEFAULT_MAX_DOC_SECONDS
from .io.readers import (
    DEFAULT_MAX_RECORD_BYTES,
    FORMATS,
    STDIN,
    InputFile,
    RawRecord,
    ReadOptions,
    ReadProgress,
    Skipped,
    detect_format,
    expand_inputs,
    iter_raw_records,
    opens_as_json_lines,
    strip_compression_suffix,
)
from .io.writers import (
    Checkpoint,
    FileSink,
    FolderSink,
    OutputError,
    Sink,
    StreamSink,
    compression_of,
    written_in_place,
)
from .parallel import Job, Outcome, clean_stream, default_workers
from .stage import StageConfigError

__all__ = ["main", "cli"]

EXIT_OK = 0
EXIT_RECORDS_FAILED = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT: a run stopped by a signal exits 128 + its number, as a shell reports one
EXIT_SIGNALLED = 128
EXIT_BROKEN_PIPE = 141
EXIT_IO_ERROR = 74  # sysexits EX_IOERR: an output could not be written (disk full, I/O error)
#: failures printed one per line on stderr; beyond this only their count (the output
#: and the report still mark every one)
MAX_ERROR_LINES = 100
CHECKPOINT_EVERY = 1000
OUTPUT_FORMATS = ("jsonl", "text")


def _counted(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``: a count with its noun in the number it takes."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleanscrape")
def cli() -> None:
    """Clean raw scraped web text into main text, with a report of every removal and repair."""


@dataclass
class Summary:
    """Counters for the end-of-run line on stderr."""

    documents: int = 0
    failed: int = 0
    #: failed among the records written by the interrupted run this one resumes
    failed_before: int = 0
    #: passed through unchanged by a limit
    flagged: int = 0
    empty: int = 0
    input_errors: int = 0
    #: what a reader found wrong in an input short of a record it could not read (what
    #: warcio says of a WARC's records: a Content-Length that looks wrong, …)
    input_warnings: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    removed: Counter = field(default_factory=Counter)
    repaired: Counter = field(default_factory=Counter)
    #: records the readers left out on purpose (a WARC's non-HTML records), by reason
    skipped: Counter = field(default_factory=Counter)
    errors_printed: int = 0
    #: prints a line on stderr (above the progress bar while it is shown)
    echo: Callable[[str], None] = field(default=functools.partial(click.echo, err=True))

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.failed += outcome.error is not None
        self.flagged += outcome.warning is not None
        self.empty += outcome.empty
        self.bytes_in += outcome.text_bytes_in
        self.bytes_out += outcome.text_bytes_out
        if outcome.removed:  # (most records of short text have none)
            self.removed.update(outcome.removed)
        if outcome.repaired:
            self.repaired.update(outcome.repaired)

    def error(self, message: str, kind: str = "error") -> None:
        if self.errors_printed < MAX_ERROR_LINES:
            self.echo(f"cleanscrape: {kind}: {message}")
        elif self.errors_printed == MAX_ERROR_LINES:
            self.echo(f"cleanscrape: more than {MAX_ERROR_LINES} errors and warnings; the rest are only counted "
                      "(every failed or flagged record is marked in the output and the report)")
        self.errors_printed += 1

    def line(self, seconds: float, resumed_from: int) -> str:
        # sizes in the unit that fits them ('3.40 kB', '1.52 MB'): a run of a few KB was
        # '0.00 MB in, 0.00 MB out'
        from rich.filesize import decimal
        parts = [_counted(self.documents, "document")]
        if resumed_from:
            failed_before = f", {self.failed_before} of them failed" if self.failed_before else ""
            parts[0] += f" (after {resumed_from} done by the interrupted run{failed_before})"
        parts.append(f"{self.failed} failed")
        if self.flagged:
            parts.append(f"{self.flagged} passed through by a limit")
        if self.input_errors:
            parts.append(_counted(self.input_errors, "unreadable input"))
        if self.input_warnings:
            parts.append(_counted(self.input_warnings, "input warning"))
        parts.append(f"{self.empty} empty")
        if self.skipped:
            parts.append("skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())))
        parts.append(f"text {decimal(self.bytes_in, precision=2)} in, {decimal(self.bytes_out, precision=2)} out")
        parts.append(f"{seconds:.1f} s ({decimal(int(self.bytes_in / seconds) if seconds > 0 else 0, precision=2)}/s)")
        removed = ", ".join(f"{k} {v}" for k, v in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])))
        repaired = ", ".join(f"{k} {v}" for k, v in sorted(self.repaired.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(f"removed: {removed or 'nothing'}")
        parts.append(f"repairs: {repaired or 'none'}")
        return "cleanscrape: " + "; ".join(parts)


class _PassedOver:
    """The records an interrupted run wrote, read past by ``--resume`` (they are not
    cleaned again)."""

    def __init__(self, records: int) -> None:
        self.left = records

    def records_after(self, raws: Iterator[RawRecord]) -> Iterator[RawRecord]:
        for raw in raws:
            if self.left:
                self.left -= 1
            else:
                yield raw


@dataclass
class Plan:
    """Where the output goes, decided from -o and the inputs."""

    kind: str  # "stream" | "file" | "folder"
    path: Path | None
    #: one format for a stream or file; None for a folder (each input mirrored)
    output_format: str | None
    text_headers: bool


def _plan_output(output: str | None, to: str | None, inputs: list[str], forced_format: str | None) -> Plan:
    arg_formats = [forced_format or ("text" if a == STDIN else detect_format(a)) for a in inputs if not os.path.isdir(a)]
    # (a single page is one document, as a single text is: `curl … | cleanscrape clean
    # --format html --to text -` began with a '==> stdin <==' header)
    several = (len(inputs) > 1 or any(os.path.isdir(a) for a in inputs)
               or any(not FORMATS[f].one_per_file for f in arg_formats))
    stream_format = to or ("jsonl" if any(f != "text" for f in arg_formats) else "text")
    if output is None or output == STDIN:
        return Plan("stream", None, stream_format, several)
    path = Path(output)
    # (a name ending in a slash is a folder's, whatever is there: Path drops the slash, and a
    # file of that name was written over, one document's text in place of a folder)
    named_a_folder = output.endswith(("/", os.sep))
    file_format = detect_format(output, default="") if not (path.is_dir() or named_a_folder) else ""
    if not file_format and path.exists() and not path.is_dir() and not named_a_folder:  # /dev/null, a pipe
        file_format = stream_format
    if file_format:
        if file_format not in OUTPUT_FORMATS:
            raise click.UsageError(f"-o {output}: cannot write {file_format}; name a .jsonl or .txt file "
                                   "(optionally .gz/.zst), or a folder")
        if to and to != file_format:  # (a file of no known extension takes --to's)
            raise click.UsageError(f"--to {to} against -o {output}, a {file_format} file's name: drop --to, or "
                                   "rename the output")
        return Plan("file", path, file_format, several)
    if to:
        raise click.UsageError(f"--to applies to one output file or stdout; {output} is a folder "
                               "(each input is mirrored in its own format)")
    if not (path.exists() or named_a_folder):
        _refuse_a_file_name_for_a_folder(output)
    return Plan("folder", path, None, False)


#: the ends of a new output's name that name a file of no format written here, which made a
#: folder of that name (``-o clean.json`` → ``clean.json/dump.jsonl``), and what to name instead
_FILE_NAMES_NOT_WRITTEN = {
    ".json": "JSONL is written as .jsonl or .ndjson",
    ".gz": "name the format too: .jsonl.gz or .txt.gz",
    ".zst": "name the format too: .jsonl.zst or .txt.zst",
    ".bz2": "bzip2 is not written: .gz or .zst",
    ".xz": "xz is not written: .gz or .zst",
}


def _refuse_a_file_name_for_a_folder(output: str) -> None:
    """A new output named as a file of no format written here would be made a folder: a
    usage error (a folder of that name is asked for with a final ``/``)."""
    lower = output.lower()
    ending = ".json" if strip_compression_suffix(lower).endswith(".json") else next(
        (end for end in _FILE_NAMES_NOT_WRITTEN if lower.endswith(end)), None)
    if ending is not None:
        raise click.UsageError(f"-o {output}: a file's name, of no format written here "
                               f"({_FILE_NAMES_NOT_WRITTEN[ending]}); a folder of that name: -o {output}/")


def _refuse_record_fields_without_jsonl(inputs: list[str], forced_format: str | None, given: list[str]) -> None:
    """--text-field, --id-field and --html-field (``given``: those set to other than their
    defaults) name fields of JSONL records: where no input is read as JSONL, they were
    ignored (``cat dump.jsonl | cleanscrape clean --html-field html -`` cleaned each line of
    JSON as text).  A folder may hold JSONL: with one, nothing is refused."""
    if not given or any(os.path.isdir(arg) for arg in inputs if arg != STDIN):
        return
    formats = {arg: forced_format or ("text" if arg == STDIN else detect_format(arg)) for arg in inputs}
    if "jsonl" not in formats.values():
        read_as = ", ".join(f"{'stdin' if arg == STDIN else arg} as {fmt}" for arg, fmt in formats.items())
        what = "name fields" if len(given) > 1 else "names a field"
        raise click.UsageError(f"{' and '.join(given)} {what} of JSONL records, and no input is read as JSONL "
                               f"({read_as}): give --format jsonl")


def _refuse_clashing_paths(plan: Plan, report: str | None, inputs: list[str]) -> None:
    """An output renamed into place over an input would replace the raw data, and the output
    and the report written to one file would interleave: both are usage errors (into one
    pipe or /dev/null, both may go)."""
    if report == STDIN and plan.path is None:
        raise click.UsageError("--report - and the output cannot both go to stdout: give -o")
    outputs = {"-o": str(plan.path) if plan.path is not None else None,
               "--report": report if report != STDIN else None}
    named = [(option, os.path.realpath(path)) for option, path in outputs.items() if path is not None]
    for option, path in named:
        for arg in inputs:
            if arg != STDIN and os.path.realpath(arg) == path:
                raise click.UsageError(f"{option} {outputs[option]} is the same file as the input {arg}")
    if len(named) == 2 and named[0][1] == named[1][1] and not written_in_place(Path(named[0][1])):
        raise click.UsageError(f"-o and --report name the same file ({report})")


def _refuse_mirroring_to_one_name(plan: Plan, inputs: list[str], forced_format: str | None,
                                  report: str | None) -> None:
    """In a folder output, the later of two inputs mirrored to one name would replace the
    earlier's output (``clean 2023/ 2024/ -o out``, each holding ``part-0000.jsonl``), and
    an input mirrored to the report's name would be written into it: usage errors, before
    anything is read."""
    assert plan.path is not None
    first: dict[str, tuple[str, str]] = {}  # output name -> what goes there, and its real path
    if report is not None and report != STDIN:
        inside = os.path.relpath(os.path.realpath(report), os.path.realpath(plan.path))
        if inside != os.pardir and not inside.startswith(os.pardir + os.sep):  # in the output folder
            first[Path(inside).as_posix()] = (f"the report {report}", "")
    for source in expand_inputs(inputs, forced_format):
        if source.error is None and source.format in FORMATS:
            name = FolderSink.output_name(source.name, FORMATS[source.format].mirror_as)
            what, real = first.setdefault(name, (source.path, os.path.realpath(source.path)))
            if real != os.path.realpath(source.path):
                raise click.UsageError(f"{what} and {source.path} would both be written to "
                                       f"{plan.path / name}: give the folder above them, or distinct names")


def _without_own_outputs(sources: Iterable[InputFile], plan: Plan, report: str | None,
                         warn: Callable[[str], None]) -> Iterator[InputFile]:
    """The inputs less this run's output and report (a file, or the files of a folder output)
    found in an input folder: run again, ``clean . -o clean.jsonl`` read the first run's
    output as input (its documents twice, a report's lines as failed records).  Passed over
    with a warning, as tar passes over its own archive."""
    own = [os.path.realpath(path) for path in (plan.path, report) if path is not None and path != STDIN]
    for source in sources:
        if not source.is_stdin:
            real = os.path.realpath(source.path)
            if any(real == path or real.startswith(path + os.sep) for path in own):
                warn(f"{source.path}: an output of this run, not read")
                continue
        yield source


def _named_json(source: InputFile) -> bool:
    return not source.is_stdin and strip_compression_suffix(source.path.lower()).endswith(".json")


def _said_once(warn: Callable[[str], None], what: str) -> Callable[[str, str], None]:
    """``warn`` for the first input of a kind, one line more for the second, then nothing:
    a folder of such files warned of each filled the lines of errors and warnings a run
    prints (:data:`MAX_ERROR_LINES`), and the records failing after them went unsaid."""
    said = 0

    def say(name: str, message: str) -> None:
        nonlocal said
        if said == 0:
            warn(f"{name}: {message}")
        elif said == 1:
            warn(f"{name}: {what}, as any more of this run will be: not named again")
        said += 1

    return say


def _json_names_said(sources: Iterable[InputFile], forced_format: str | None,
                     warn: Callable[[str], None]) -> Iterator[InputFile]:
    """The inputs, with a warning for the files named ``.json`` read by their name: as
    text, one document, where many dumps so named hold JSON lines (cleaned as one text, the
    run said nothing and exited 0)."""
    say = _said_once(warn, "read as one text document by its name (.json) too")
    for source in sources:
        if forced_format is None and source.error is None and _named_json(source):
            say(source.path, "read as one text document, by its name (.json); "
                             "JSON lines: --format jsonl, or name it .jsonl")
        yield source


class _JsonLinesAsText:
    """Warns of a text input (stdin, a .txt) that reads as JSON lines: its first non-blank
    line a JSON object with the text field.  'cat dump.jsonl | cleanscrape clean -' cleaned
    each line as words, exit 0, nothing said.  A warning only: a text may open with a
    JSON object.  The input is named by its path, which its one record's location is not."""

    def __init__(self, text_field: str, warn: Callable[[str], None]) -> None:
        self._text_field = text_field
        self._say = _said_once(warn, "read as text too, though its first line is a JSON object")
        self._source: InputFile | None = None

    def sources(self, sources: Iterable[InputFile]) -> Iterator[InputFile]:
        # (the reader takes the next input once the last one's records are read)
        for self._source in sources:
            yield self._source

    def records(self, raws: Iterable[RawRecord]) -> Iterator[RawRecord]:
        for raw in raws:
            source = self._source
            if (raw.format == "text" and source is not None and not _named_json(source)
                    and opens_as_json_lines(raw.payload, self._text_field)):
                self._say(source.shown_as, "read as text, one document, but its first line is a JSON object "
                                           f"with a {self._text_field!r} field: for JSON lines, give --format jsonl")
            yield raw


def _fingerprint(**settings: Any) -> str:
    """Identifies the arguments that shape the output, so --resume can refuse others."""
    config = settings.get("config")
    if config:
        settings["config_sha256"] = hashlib.sha256(Path(config).read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def _checkpoint_path(plan: Plan) -> Path:
    assert plan.path is not None
    if plan.kind == "folder":
        return plan.path / ".cleanscrape-checkpoint.json"
    return plan.path.with_name(f".{plan.path.name}.checkpoint.json")


#: the compression the workers do (see parallel.py): gzip (zlib-ng, ~85 MB/s of cleaned text
#: and ~130 MB/s of report a core, on the extraction dev pages) in the main process capped a
#: run with a .gz output and report near 20-30 MB/s of input (a report is ~4-5x its input),
#: the work of five to eight workers.  zstd, 3-4x as fast, is left to the main process (it
#: binds past ~110 MB/s of input): its frames per batch would cost 5-8 % of the size (4.5 %
#: on the dev pages' report, 7.6 % on their output, against 0.6 % and 1.6 % for gzip)
COMPRESSED_IN_WORKERS = "gz"


def _compressed_in_workers(name: str) -> str:
    """The compression of a file of this name if the workers do it, else ""."""
    return COMPRESSED_IN_WORKERS if compression_of(name) == COMPRESSED_IN_WORKERS else ""


def _writes_text_headers(plan: Plan) -> bool:
    return plan.text_headers and plan.output_format == "text"


def _open_sinks(plan: Plan, report: str | None, state: dict[str, Any] | None, job: Job) -> dict[str, Sink]:
    sinks: dict[str, Any] = {}
    resume = (state or {}).get("sinks", {})
    if plan.kind == "stream":
        sinks["output"] = StreamSink(_stdout(), text_headers=plan.text_headers)
    elif plan.kind == "file":
        assert plan.path is not None
        sinks["output"] = FileSink(plan.path, text_headers=_writes_text_headers(plan), resume=resume.get("output"),
                                   precompressed=bool(job.output_compression))
    else:
        assert plan.path is not None
        sinks["output"] = FolderSink(plan.path, resume=resume.get("output"), precompressed=job.mirrored_compression)
    try:
        if report == STDIN:
            sinks["report"] = StreamSink(_stdout(), text_headers=False)
        elif report:
            sinks["report"] = FileSink(Path(report), resume=resume.get("report"),
                                       precompressed=bool(job.report_compression))
    except OutputError:
        _abandon_quietly(sinks)  # (the output's lock too: the CLI may run inside another program)
        raise
    return sinks


def _stdout() -> BinaryIO:
    if sys.stdout is None:  # (fd 1 closed: Python gives no sys.stdout)
        raise OutputError("stdout is closed: give -o")
    return sys.stdout.buffer


def _input_size(inputs: list[str]) -> int | None:
    """Total bytes of all inputs, for the ETA; None when stdin is among them."""
    if STDIN in inputs:
        return None
    total = 0
    for source in expand_inputs(inputs):
        total += source.size() or 0
    return total


class _Progress:
    """Documents, MB read, MB/s and ETA on stderr, through rich (imported only when shown)."""

    def __init__(self, total_bytes: int | None, read: ReadProgress) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._read = read
        columns: list[Any] = [TextColumn("{task.fields[docs]}"), BarColumn(),
                              TextColumn("{task.fields[mb]:.1f} MB"), TextColumn("{task.fields[rate]:.2f} MB/s"),
                              TimeElapsedColumn()]
        if total_bytes:
            columns.append(TimeRemainingColumn())
        # auto_refresh=False: no refresh thread, so forking workers stays safe
        self._progress = Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False)
        self._task = self._progress.add_task("clean", total=total_bytes or None, docs=_counted(0, "doc"), mb=0.0,
                                             rate=0.0)
        self._start = time.perf_counter()
        self._last = 0.0
        self._progress.start()

    def update(self, docs: int) -> None:
        now = time.perf_counter()
        if now - self._last < 0.2:
            return
        self._last = now
        done = self._read.bytes_read
        self._progress.update(self._task, completed=done, docs=_counted(docs, "doc"), mb=done / 1e6,
                              rate=done / 1e6 / max(now - self._start, 1e-9))
        self._progress.refresh()

    def echo(self, line: str) -> None:
        """A line above the bar: written straight to stderr, it ran on after the bar's text."""
        self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self._progress.stop()


def _interrupt_exits_130(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C outside the run's own handling (building the Cleaner, walking the inputs for
    the ETA, renaming the outputs) exits as an interrupted run does, not as click's
    "Aborted!" (exit 1).  A checkpoint, if one was written, still holds for --resume."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("cleanscrape: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
    return run


@cli.command("clean", short_help="Clean text, JSONL, HTML or WARC inputs, reporting every removal and repair.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="OUT",
              help="Output file (.jsonl or .txt, optionally .gz/.zst) or folder (mirrors the inputs). "
                   "Default: stdout.")
@click.option("--format", "input_format", type=click.Choice(sorted(FORMATS)), default=None,
              help="Input format (default: by file extension; stdin: text).")
@click.option("--to", "to", type=click.Choice(OUTPUT_FORMATS), default=None,
              help="Output format for stdout, a pipe or a file of no known extension (default: jsonl if an "
                   "input is JSONL, HTML or WARC, else text); a .jsonl or .txt file is written as its name says.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the id.")
@click.option("--html-field", default=None,
              help="JSONL field holding page HTML: each page is extracted (trafilatura), then cleaned.")
@click.option("--lang-field", default=None, metavar="NAME",
              help="JSONL field holding a record's language code, used as --lang is for all (null or "
                   "absent: --lang, else detected).")
@click.option("--html-mode", type=click.Choice(EXTRACTION_MODES), default="balanced", show_default=True,
              help="trafilatura's trade-off for HTML/WARC pages (docs/html.md).")
@click.option("--html-tables/--no-html-tables", default=True, show_default=True,
              help="Keep the text of tables in HTML/WARC pages.")
@click.option("--html-comments/--no-html-comments", default=False, show_default=True,
              help="Keep user comments below HTML/WARC pages.")
@click.option("--report", type=click.Path(dir_okay=False),
              help="Write one report record per document (JSONL; - for stdout, with -o).")
@click.option("--stages", multiple=True, help="Comma-separated stage names, in order (default: all).")
@click.option("--disable", multiple=True, help="Comma-separated stage names to skip.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="TOML configuration file.")
@click.option("--lang", default=None, help="Language of all documents (skips detection).")
@click.option("--max-doc-chars", type=click.IntRange(min=0), default=None,
              help="A longer document passes through unchanged, flagged limit:size; a page whose HTML is "
                   "longer is not extracted (0: no limit). "
                   f"Default: the config's max_doc_chars, else {DEFAULT_MAX_DOC_CHARS:,}.")
@click.option("--max-doc-seconds", type=click.FloatRange(min=0), default=None,
              help="A document taking longer passes through unchanged, flagged limit:time; a page whose "
                   "extraction takes longer is given up (0: no limit). "
                   f"Default: the config's max_doc_seconds, else {DEFAULT_MAX_DOC_SECONDS:g}.")
@click.option("--max-record-bytes", type=click.IntRange(min=0), default=DEFAULT_MAX_RECORD_BYTES,
              help="A larger input record (a JSONL line, a text or HTML file, a WARC page's payload, "
                   "after decompression) is not read: it is marked failed, and memory stays bounded "
                   f"(0: no limit). Default: {DEFAULT_MAX_RECORD_BYTES:,}.")
@click.option("--source-memory/--no-source-memory", default=None,
              help="Repair a record with the words earlier records of its source (JSONL 'source' field, "
                   "else the URL's host) wrote intact, within a batch of records (default: on).")
@click.option("-j", "--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes (default and 0: all cores, within a container's CPU quota; 1: no pool).")
@click.option("--resume", is_flag=True, help="Continue an interrupted run into the same -o.")
@click.option("--keep-going/--fail-fast", default=True, show_default=True,
              help="On a failed record: mark it and go on, or stop the run there.")
@click.option("--checkpoint-every", type=click.IntRange(min=1), default=CHECKPOINT_EVERY, show_default=True,
              help="Records between two --resume checkpoints (each at the end of a batch of records).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (errors are still printed).")
@_interrupt_exits_130
def clean_command(inputs: tuple[str, ...], output: str | None, input_format: str | None, to: str | None,
                  text_field: str, id_field: str, html_field: str | None, lang_field: str | None, html_mode: str, html_tables: bool,
                  html_comments: bool, report: str | None, stages: tuple[str, ...],
                  disable: tuple[str, ...], config: str | None, lang: str | None, max_doc_chars: int | None,
                  max_doc_seconds: float | None, max_record_bytes: int, source_memory: bool | None,
                  workers: int | None,
                  resume: bool, keep_going: bool, checkpoint_every: int, quiet: bool) -> None:
    """Clean INPUT... (text files, folders, JSONL, HTML pages, WARC, .gz/.zst, or - for
    stdin): one output record per input record, and with --report one report record (what
    was removed and repaired, and why).  docs/cli.md has the details."""
    started = time.perf_counter()
    input_list = list(inputs)
    if input_list.count(STDIN) > 1:
        raise click.UsageError("stdin (-) can be read only once")
    plan = _plan_output(output, to, input_list, input_format)
    _refuse_record_fields_without_jsonl(input_list, input_format, [
        option for option, value, default in (("--text-field", text_field, "text"), ("--id-field", id_field, "id"),
                                              ("--html-field", html_field, None), ("--lang-field", lang_field, None))
        if value != default])
    _refuse_clashing_paths(plan, report, input_list)
    if plan.kind == "folder":
        _refuse_mirroring_to_one_name(plan, input_list, input_format, report)
    resumable = plan.kind != "stream" and not written_in_place(plan.path)  # type: ignore[arg-type]
    if resume and not resumable:
        raise click.UsageError("--resume needs -o (a file or folder): stdout, a pipe or a device cannot be resumed")
    stage_names = _split_names(stages) or None
    if stages and stage_names is None:
        # (the default pipeline ran: a script's --stages "$EMPTY" cleaned with all of it)
        raise click.UsageError("--stages names no stage (to run none, a config's pipeline = [])")
    try:
        with _library_lines_replaced():  # (a lang without data: said below, naming the flag or the config)
            cleaner = Cleaner(stages=stage_names, disable=_split_names(disable), config=config, lang=lang,
                              max_doc_chars=UNSET if max_doc_chars is None else max_doc_chars or None,
                              max_doc_seconds=UNSET if max_doc_seconds is None else max_doc_seconds or None,
                              source_memory=source_memory)
    except StageConfigError as exc:
        raise click.UsageError(str(exc)) from None
    lacking = without_data(cleaner.lang) if cleaner.lang else None
    if lacking:
        given = f"--lang {lang}" if lang else f"the config's lang = {cleaner.lang!r}"
        click.echo(f"cleanscrape: warning: {given}: {lacking}", err=True)

    cores = default_workers()
    if workers is not None and workers > cores:
        # (started as batches need them: a short input starts a few, whatever -j says)
        click.echo(f"cleanscrape: warning: -j {workers}: more workers than the {_counted(cores, 'core')} this "
                   "run may use: no faster, and each takes memory of its own (~60 MB)", err=True)

    checkpoint: Checkpoint | None = None
    state: dict[str, Any] | None = None
    if resumable:
        fingerprint = _fingerprint(
            inputs=[os.path.abspath(a) if a != STDIN else a for a in input_list], format=input_format, to=to,
            text_field=text_field, id_field=id_field, html_field=html_field, lang_field=lang_field,
            html_mode=html_mode,
            html_tables=html_tables, html_comments=html_comments, stages=stage_names, disable=_split_names(disable),
            config=config, lang=lang, max_doc_chars=cleaner.limits.max_doc_chars,
            max_doc_seconds=cleaner.limits.max_doc_seconds, max_record_bytes=max_record_bytes,
            source_memory=cleaner.source_memory,
            report=os.path.abspath(report) if report else None,
            output=os.path.abspath(str(plan.path)),
        )
        checkpoint = Checkpoint(_checkpoint_path(plan), fingerprint)
        if resume:
            try:
                state = checkpoint.load()
            except OutputError as exc:
                raise click.UsageError(str(exc)) from None
            if state is None:
                click.echo(f"cleanscrape: no checkpoint at {checkpoint.path}: starting from the beginning", err=True)

    # The workers gzip an output file's records and the report's, a member per batch
    # (parallel.py), and in a mirrored folder each .gz input's, but where a record's output
    # must stand alone: after a text header, or where --fail-fast stops after a failed
    # record, mid-batch.
    output_compression = _compressed_in_workers(plan.path.name) \
        if plan.kind == "file" and plan.path is not None and not _writes_text_headers(plan) and keep_going else ""
    report_compression = _compressed_in_workers(report) if report is not None and keep_going else ""
    mirrored_compression = COMPRESSED_IN_WORKERS if plan.kind == "folder" and keep_going else ""
    # Pages get the HTML stage preset (docs/html.md) unless --stages named the stages.
    job = Job(ReadOptions(text_field=text_field, id_field=id_field, html_field=html_field, lang_field=lang_field),
              plan.output_format,
              report is not None, ExtractOptions(mode=html_mode, tables=html_tables, comments=html_comments),
              cleaner if stage_names else html_cleaner(cleaner), summary_counts=not quiet,
              output_compression=output_compression, report_compression=report_compression,
              mirrored_compression=mirrored_compression)
    summary = Summary()
    read = ReadProgress()

    try:
        sinks = _open_sinks(plan, report, state, job)
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    if checkpoint is not None and not resume:
        checkpoint.remove()  # (not before the outputs are this run's: another's may be writing them)
    done = resumed_from = state["records"] if state else 0
    summary.failed_before = state.get("failed", 0) if state else 0
    next_checkpoint = done + checkpoint_every
    passed_over = _PassedOver(resumed_from)

    def input_error(message: str) -> None:
        summary.input_errors += 1
        summary.error(message)

    # What the reader says of the records an interrupted run wrote, read past again on
    # --resume, that run said (an unreadable input, which this run's output lacks too, is
    # said again, and sets the exit code)
    def input_warning(message: str) -> None:
        if not passed_over.left:
            summary.input_warnings += 1
            summary.error(message, kind="warning")

    def skipped(item: Skipped) -> None:
        if not passed_over.left:
            summary.skipped[item.reason] += item.count

    warn = functools.partial(summary.error, kind="warning")
    # An empty folder is a warning, exit 0 (jq, cat and find read no input as none; a
    # scheduled run over a day's empty shard folder is no failure): 1 says records failed
    def empty_folder(folder: str) -> None:
        warn(f"{folder}: no file in this folder (names starting with '.' are skipped): nothing read from it")

    sources = _json_names_said(_without_own_outputs(expand_inputs(input_list, input_format, empty_folder),
                                                    plan, report, warn), input_format, warn)
    if input_format is None:  # (--format text said what it is)
        json_lines = _JsonLinesAsText(text_field, warn)
        sources = json_lines.sources(sources)
    raws = passed_over.records_after(iter_raw_records(sources, on_error=input_error, progress=read, on_skip=skipped,
                                                      max_record_bytes=max_record_bytes or None,
                                                      on_warning=input_warning))
    if input_format is None:
        raws = json_lines.records(raws)
    progress = None
    # Only where the records do not go to the terminal too: they ran on after the bar's text,
    # and pieces of the bar stayed between them
    records_to_terminal = (plan.path is None or report == STDIN) and sys.stdout.isatty()
    if not quiet and sys.stderr.isatty() and not records_to_terminal:
        progress = _Progress(_input_size(input_list), read)
        summary.echo = progress.echo
    # A print() in a stage (in this process or a forked worker) must not land among the
    # records on stdout: during the run, sys.stdout is stderr; the data keeps the real one.
    data_stdout, sys.stdout = sys.stdout, sys.stderr
    outcomes = clean_stream(cleaner, job, raws, workers=workers or cores,
                            on_warning=functools.partial(summary.error, kind="warning"))
    stop: str | None = None  # why the run ended early: "signal", "fail-fast", "hard"
    with _StopSignals() as signals, _library_lines_replaced():
        try:
            for outcome in outcomes:
                sinks["output"].write(outcome.item)
                if outcome.report is not None:
                    sinks["report"].write_bytes(outcome.report)  # type: ignore[attr-defined]  # File/StreamSink
                summary.add(outcome)
                done += 1
                if outcome.warning is not None:
                    summary.error(outcome.warning, kind="warning")
                if outcome.error is not None:
                    summary.error(outcome.error)
                    if not keep_going:
                        stop = "fail-fast"
                        break
                # Checkpoints and signal stops fall between batches: a resumed run then forms
                # the same batches, so the source memory (parallel.py) gives the same output.
                if outcome.batch_end:
                    if checkpoint is not None and done >= next_checkpoint:
                        _save_checkpoint(checkpoint, sinks, done, summary.failed_before + summary.failed)
                        next_checkpoint = done + checkpoint_every
                    if signals.received is not None:
                        stop = "signal"
                        break
                if progress is not None:
                    progress.update(done)
        except KeyboardInterrupt:  # a second signal: stop now, mid-record
            stop = "hard"
        except BrokenPipeError:
            # The reader of stdout went away (`| head`): stop quietly, as Unix tools do.
            outcomes.close()
            sys.stdout = data_stdout
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit's flush
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError:  # a write failed
            _abandon_quietly(sinks)
            raise
        finally:
            outcomes.close()  # stops the workers if the loop ended early
            sys.stdout = data_stdout
            if progress is not None:
                progress.stop()

    if stop is None:
        with _closed_on_write_error(sinks):
            for sink in sinks.values():
                sink.commit()
        if checkpoint is not None:
            checkpoint.remove()
        failed = summary.failed_before + summary.failed  # (the output holds both)
        exit_code = EXIT_RECORDS_FAILED if failed or summary.input_errors else EXIT_OK
    else:
        with _closed_on_write_error(sinks):
            _stop_early(sinks, checkpoint, done, summary.failed_before + summary.failed, stop)
        if stop == "fail-fast":
            exit_code = EXIT_RECORDS_FAILED
        else:
            exit_code = EXIT_SIGNALLED + (signals.received or signal.SIGINT)  # (a second signal: the first's)
    if not quiet:
        click.echo(summary.line(time.perf_counter() - started, resumed_from), err=True)
    sys.exit(exit_code)


@cli.command("stages", short_help="List the stages with their report categories and options.")
@click.argument("names", nargs=-1, metavar="[NAME]...")
@_interrupt_exits_130
def stages_command(names: tuple[str, ...]) -> None:
    """List the stages (the default pipeline first, in its order, then installed plugins),
    each with what it does, its report categories and its options as a config file sets
    them ([stages.NAME] tables), defaults shown."""
    from .cleaner import DEFAULT_STAGES
    from .stage import StageConfigError, available_stages, get_stage_class

    try:  # (an unknown name, or a broken plugin, named in the error)
        chosen = list(names) or [*DEFAULT_STAGES, *(name for name in available_stages() if name not in DEFAULT_STAGES)]
        stage_classes = [get_stage_class(name) for name in chosen]
    except StageConfigError as exc:
        raise click.UsageError(str(exc)) from None
    for name, stage_class in zip(chosen, stage_classes):
        heading = f"{name}{'' if name in DEFAULT_STAGES else ' (not in the default pipeline)'}: "
        click.echo(click.wrap_text(heading + _summary_line(stage_class), width=100, subsequent_indent="    "))
        click.echo(f"  categories: {', '.join(stage_class.categories) or '-'}")
        for option in dataclasses.fields(stage_class.Options):
            default = option.default
            if default is dataclasses.MISSING and option.default_factory is not dataclasses.MISSING:
                default = option.default_factory()
            if default is None or default is dataclasses.MISSING:  # (TOML has no null): commented out
                click.echo(f"  # {option.name} = ({'unset' if default is None else 'required'})")
            else:
                click.echo(f"  {option.name} = {_toml_value(default)}")


def _summary_line(stage_class: type) -> str:
    """The first paragraph of what a stage's class, else its module, says of it, on one line."""
    module = sys.modules.get(stage_class.__module__)  # (a class made at run time may name none loaded)
    doc = stage_class.__dict__.get("__doc__") or getattr(module, "__doc__", None) or ""
    return " ".join(doc.strip().split("\n\n", 1)[0].split())


def _toml_value(value: Any) -> str:
    """``value`` as a TOML config file writes it (a JSON string or array is a TOML one)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, tuple, list, frozenset, set)):
        return json.dumps(sorted(value) if isinstance(value, (frozenset, set)) else value, ensure_ascii=True)
    return repr(value)


@contextlib.contextmanager
def _library_lines_replaced() -> Iterator[None]:
    """The library logs a limit by document id, and a lang it has no data for; the CLI
    prints its own warnings, naming the record by ``file:line`` (Outcome.warning), the lang
    by ``--lang`` or the config, so the library's lines would only repeat them.  A filter on
    the logger (inherited by forked workers), removed after the run: the CLI also runs
    inside other programs (tests, notebooks) whose logging must not change."""
    library_log = logging.getLogger("cleanscrape")
    drop_repeated_lines = _DropRepeatedLines()
    library_log.addFilter(drop_repeated_lines)
    try:
        yield
    finally:
        library_log.removeFilter(drop_repeated_lines)


class _DropRepeatedLines(logging.Filter):
    """Only the lines the CLI says itself (tagged ``limit_flag`` or ``lang_without_data``
    by the Cleaner): any other library message still reaches the user."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (hasattr(record, "limit_flag") or hasattr(record, "lang_without_data"))


#: the signals that stop a run cleanly: Ctrl-C, kill's default, and the terminal closing
#: (SIGHUP killed the run outright, its outputs never checkpointed)
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class _StopSignals:
    """Ctrl-C, SIGTERM and SIGHUP ask the run to stop at the end of the batch being written,
    so that the outputs and the checkpoint agree; a second signal, but another hangup,
    stops at once (the previous checkpoint stays valid: --resume truncates anything written
    after it).  A signal the run was started ignoring stays ignored (nohup's SIGHUP; the
    SIGINT a shell's background job ignores, so that Ctrl-C stops only the foreground)."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: Any) -> None:
        hangup = signum == getattr(signal, "SIGHUP", None)
        if self.received is not None:
            if hangup:  # (a hangup said twice, by the shell and the kernel, is no one insisting)
                return
            raise KeyboardInterrupt()
        self.received = signum
        if hangup:
            _silence_hung_up_terminal()
        # Said at once: the stop waits for a batch to end, which may take a while (slow
        # pages; an input that stalls).  os.write, as a write through sys.stderr's buffer
        # may be the one this signal interrupted; on a terminal, after its "^C" (and any bar)
        with contextlib.suppress(OSError, ValueError):
            terminal = os.isatty(sys.stderr.fileno())
            os.write(sys.stderr.fileno(), b"\n" * terminal + b"cleanscrape: stopping at the end of the batch "
                     b"being cleaned; a second signal stops at once\n")

    def __enter__(self) -> "_StopSignals":
        for signum in STOP_SIGNALS:
            if signal.getsignal(signum) != signal.SIG_IGN:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        hangup = getattr(signal, "SIGHUP", None)
        for signum, handler in self._previous.items():
            # a run stopping by a signal says so and exits after this: a hangup said again in
            # between (the shell's after the kernel's) killed it, exit -1 and no last line
            signal.signal(signum, signal.SIG_IGN if signum == hangup and self.received is not None else handler)


def _silence_hung_up_terminal() -> None:
    """After a hangup, a write to the terminal that was stdout or stderr fails (EIO): the
    stop's messages, and the records of the batch finished before it, would fail the run
    as a write error (exit 74, 'no space') instead of stopping it cleanly.  They go to
    /dev/null: nobody is left to read them (a stream redirected to a file or a pipe is
    kept).  A zero-length write tells: it fails on a hung-up terminal, and on nothing else."""
    for fd in (1, 2):
        try:
            os.write(fd, b"")
        except OSError as exc:
            if exc.errno == errno.EIO:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, fd)
                os.close(devnull)


@contextlib.contextmanager
def _closed_on_write_error(sinks: dict[str, Sink]) -> Iterator[None]:
    """If a write fails (main() reports it), close the outputs at once."""
    try:
        yield
    except OSError:
        _abandon_quietly(sinks)
        raise


def _abandon_quietly(sinks: dict[str, Sink]) -> None:
    """After a failed write, close the outputs as a stop does, their own errors ignored
    (the disk may still be full; --resume truncates the files to the last checkpoint),
    rather than leave them to the finalizers at exit, which fail flushing what is left, or
    close a file before the gzip stream that writes into it.  Python 3.13 prints such
    errors at exit (earlier versions hid them)."""
    for sink in sinks.values():
        with contextlib.suppress(OSError, ValueError):
            sink.abandon()


def _save_checkpoint(checkpoint: Checkpoint, sinks: dict[str, Sink], done: int, failed: int) -> None:
    checkpoint.save(done, {name: sink.state() for name, sink in sinks.items()}, failed=failed)


def _stop_early(sinks: dict[str, Sink], checkpoint: Checkpoint | None, done: int, failed: int, why: str) -> None:
    """Leave the run resumable: what was written stays in the temporary files, recorded
    by a checkpoint (with the number of them that ``failed``); no final file is produced
    (in a folder output, but the files completed before the stop)."""
    if checkpoint is not None and why != "hard":  # a hard stop may be mid-record
        _save_checkpoint(checkpoint, sinks, done, failed)
    for sink in sinks.values():
        sink.abandon()
    what = {"signal": "interrupted", "hard": "interrupted (second signal: stopped at once)",
            "fail-fast": "stopped at the first failed record (--fail-fast)"}[why]
    resume = "; run again with --resume to continue" if checkpoint is not None else ""
    written = "the files completed before the stop are in place, no other" if isinstance(sinks["output"], FolderSink) \
        else "no final output was written"
    click.echo(f"cleanscrape: {what} after {_counted(done, 'record')}; {written}{resume}", err=True)


def _standard_streams_kept_safe() -> None:
    """A standard stream the run was started without (``2>&-``) is /dev/null for it: the
    next file it opened took that number, and its output would have been written to by
    whatever writes to fd 2 (a closed stdin or stdout is still told apart: Python gives no
    sys.stdin / sys.stdout then, and the CLI says so).  Its messages on stderr go through
    :class:`_Diagnostics`, which a stderr that fails cannot stop."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:  # closed
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    if not isinstance(sys.stderr, _Diagnostics):  # (main() run again in one process)
        sys.stderr = _Diagnostics(sys.stderr if sys.stderr is not None else open(2, "w", closefd=False))


class _Diagnostics:
    """The CLI's stderr: its messages are the run's diagnostics, not its output.  One that
    cannot be written (``2>/dev/full``, a pipe whose reader has gone) is lost and the run
    goes on; the failed write stopped it as a failed output write (its finished output
    abandoned, 'run again with --resume once there is space', exit 74), or, at the summary,
    exit 1 with a traceback into the void.  From the first failure on, stderr is /dev/null."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)  # type: ignore[no-any-return]
        except OSError:
            self._lost()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._lost()

    def _lost(self) -> None:
        """Point the failing stream's descriptor at /dev/null, and flush what it holds there
        (held, it would fail again at exit, whose flush of stderr failing is exit 120)."""
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # fileno, isatty, encoding, buffer...
        return getattr(self._stream, name)


def main() -> None:
    """Entry point of the ``cleanscrape`` script."""
    _standard_streams_kept_safe()
    try:
        cli(prog_name="cleanscrape")
    except OSError as exc:
        # Reading errors are reported per input and never get here: this is a write that
        # failed.  The outputs were never renamed into place, and the last checkpoint
        # still matches the start of the .partial files (--resume truncates the rest).
        click.echo(f"cleanscrape: error: cannot write output: {exc}; no final output was written "
                   "(with -o a file or folder, run again with --resume once there is space)", err=True)
        sys.exit(EXIT_IO_ERROR)
    finally:
        # The process ends here.  Frozen, its objects are left out of the collections the
        # interpreter runs as it exits, which walked every table the stages loaded (~40 ms
        # of the 16 MB dump's 3.7 s at -j 1).  The outputs are closed by now; atexit
        # handlers still run and the standard streams are still flushed.
        gc.freeze()


if __name__ == "__main__":
    main()
