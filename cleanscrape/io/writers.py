"""Output side of the CLI: encoding records, compressed and atomic output files, checkpoints.

Three kinds of destination (:class:`Sink`):

* :class:`StreamSink` — stdout, written as records arrive;
* :class:`FileSink` — one file (JSONL or text);
* :class:`FolderSink` — a folder mirroring the inputs: one output file per input file,
  same relative name, same format.

Files are never half-written under their final name: each is written to a hidden
temporary file in the same folder (``.NAME.partial``) and renamed when complete.  A name
ending in ``.gz`` or ``.zst`` is compressed.  For ``--resume``, a sink reports its state
at a checkpoint (file and byte offset reached, with the compressed stream closed at a
frame boundary so the file can be truncated there and appended to) and can be reopened
from that state.  :class:`Checkpoint` stores those states next to the output.

A file sink may also take its records already compressed, each write a whole gzip member
or zstd frame (:func:`compress_frame`): the workers compress their batches so, and the
main process only writes them (see :mod:`cleanscrape.parallel`).
"""

from __future__ import annotations

import json
import os
import re
import stat
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable

import orjson

from ..cleaner import Result
from ..pickling import pickled_by_position
from .readers import JsonNumber, Record, detect_format, strip_compression_suffix

__all__ = [
    "encode_jsonl",
    "encode_text",
    "encode_report",
    "failed_result",
    "Sink",
    "StreamSink",
    "FileSink",
    "FolderSink",
    "Checkpoint",
    "OutputError",
    "partial_path",
    "written_in_place",
    "compression_of",
    "compress_frame",
    "CHECKPOINT_VERSION",
]

CHECKPOINT_VERSION = 1
#: an output file's write buffer: records are a few KB, and with the default 8 KiB nearly
#: every record was a write(2) of its own, in the main process
WRITE_BUFFER_BYTES = 1 << 20


class OutputError(OSError):
    """An output that cannot be written."""


# ------------------------------------------------------------------ encoding (runs in workers)

def failed_result(record: Record) -> Result:
    """The Result of a record that could not be decoded: nothing cleaned, input kept."""
    text = record.text or ""
    return Result(text=text, removed=[], repairs=[], lang=None, id=record.id,
                  input_chars=len(text), error=f"{record.location}: {record.error}")


#: line separators other than "\n" that orjson writes raw: ``str.splitlines`` readers
#: (the eval scorers among them) split a record there and lose it.  In valid UTF-8 these
#: byte sequences can only be these characters, and a JSON document holds them only
#: inside strings, so replacing the bytes by their escapes is exact.
_RAW_LINE_BREAKS = ((b"\xe2\x80\xa8", b"\\u2028"), (b"\xe2\x80\xa9", b"\\u2029"), (b"\xc2\x85", b"\\u0085"))


def _orjson_line(obj: dict[str, Any]) -> bytes:
    """One JSONL line with orjson, every line break in it escaped."""
    data = orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)
    if _may_hold_line_break(obj):
        for raw, escaped in _RAW_LINE_BREAKS:
            data = data.replace(raw, escaped)
    return data


def _may_hold_line_break(obj: dict[str, Any]) -> bool:
    """Might orjson write one of those line breaks raw for ``obj``?  Asked of its keys and of
    its values that are strings (in C, a fraction of a microsecond for a page's text), not of
    the line's bytes: three searches of a 5 KB line took ~9 us, for nothing on nearly every
    record.  A value that is not a string, a number, a boolean or null (a list, an object)
    counts as maybe, and the bytes are searched."""
    for key, value in obj.items():
        if _holds_line_break(key):
            return True
        if isinstance(value, str):
            if _holds_line_break(value):
                return True
        elif not (value is None or isinstance(value, (int, float))):  # (a bool is an int)
            return True
    return False


def _holds_line_break(text: str) -> bool:
    """Does ``text`` hold a character of :data:`_RAW_LINE_BREAKS`?"""
    return "\u2028" in text or "\u2029" in text or "\x85" in text


def _dumps(obj: dict[str, Any], stdlib: bool) -> bytes:
    if not stdlib:
        try:
            return _orjson_line(obj)
        except TypeError:  # a lone surrogate orjson refuses: a file name that is not UTF-8
            pass
    return _stdlib_line(obj)


def _stdlib_line(obj: dict[str, Any]) -> bytes:
    """One JSONL line with the standard library, a :class:`JsonNumber` written as the input
    had it.  ASCII escapes keep lone surrogates and the like representable in UTF-8 output
    (a name's undecodable bytes so come back through os.fsencode)."""
    literals: list[str] = []
    # json writes no raw text of its own: each number goes in as a string of NULs around its
    # index, put back in place of that string, quotes and all.  The NULs are doubled until
    # no string of the record's own is written the same way.
    mark = "\x00"

    def placeholder(value: object) -> str:
        if not isinstance(value, JsonNumber):
            raise TypeError(f"{type(value).__name__} is not JSON serializable")
        literals.append(value.literal)
        return f"{mark}{len(literals) - 1}{mark}"

    while True:
        line = json.dumps(obj, ensure_ascii=True, separators=(",", ":"), default=placeholder)
        quoted = [json.dumps(f"{mark}{index}{mark}") for index in range(len(literals))]
        if all(line.count(text) == 1 for text in quoted):
            for text, literal in zip(quoted, literals):
                line = line.replace(text, literal)
            return line.encode("ascii") + b"\n"
        literals.clear()
        mark += mark


def _raw_text(raw: bytes) -> str:
    """Undecodable input shown as text: invalid bytes become ``\\xNN`` escapes."""
    return raw.decode("utf-8", errors="backslashreplace")


def encode_jsonl(record: Record, result: Result, text_field: str = "text") -> bytes:
    """The output JSONL line of a record.

    A JSON object passes through with its text field replaced by the cleaned text (the
    input text when cleaning failed) and ``status`` (plus ``error``) added.  A record with
    no JSON object (a text file, an undecodable line) becomes ``{"id", "text", "status"}``;
    undecodable input is kept in ``raw``.
    """
    if record.fields is not None:
        obj = dict(record.fields)
        if result.ok:
            obj[text_field] = result.text
    else:
        obj = {"id": record.id, "text": result.text if record.text is not None else None}
    obj["status"] = "ok" if result.ok else "failed"
    if not result.ok:
        obj["error"] = result.error
        if record.raw is not None and record.fields is None:
            obj["raw"] = _raw_text(record.raw)
    return _dumps(obj, record.needs_stdlib_json)


def encode_text(record: Record, result: Result) -> bytes:
    """The output of a record as text: the cleaned text with a final newline (none for an
    empty text); a record that failed passes through unchanged (its raw bytes when they
    could not be decoded)."""
    if not result.ok:
        if record.text is not None:
            return _utf8(record.text)
        return record.raw or b""
    text = result.text
    if text and not text.endswith("\n"):
        text += "\n"
    return _utf8(text)


#: a UTF-16 surrogate code point, which a JSON string may hold alone ("\ud800") and UTF-8 cannot
_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(text: str) -> bytes:
    """``text`` as UTF-8, a lone surrogate written as U+FFFD, as decoders of UTF-16 write
    one.  (Written as is, "surrogatepass", it made the file invalid UTF-8: read again, by
    cleanscrape too, the whole document failed.)"""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def encode_report(record: Record, result: Result) -> bytes:
    """The report line of a record: ``Result.to_dict()`` without the text, plus ``source``."""
    d = result.to_dict(include_text=False)
    d["source"] = record.location
    try:
        return _orjson_line(d)
    except TypeError:  # stage metadata orjson cannot encode
        return json.dumps(d, ensure_ascii=True, separators=(",", ":"), default=str).encode("ascii") + b"\n"


# ------------------------------------------------------------------ compressed, atomic files

def partial_path(path: Path) -> Path:
    """The temporary name a file is written under until complete."""
    return path.with_name(f".{path.name}.partial")


def locked_for_this_run(fd: int, path: Path) -> bool:
    """Lock ``fd`` (an output's temporary file, a folder output's folder) for this run, or
    refuse: a second run into the same output (started twice by mistake, by cron) truncated
    the first's temporary file and wrote into it, and one of the two failed at its rename
    ('cannot write output: No such file ... once there is space').  The lock goes with the
    descriptor, at the end of the run or its death (flock: Linux, the BSDs, macOS).  False
    where there is no lock to hold."""
    try:
        import fcntl
    except ImportError:  # (Windows)
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputError(f"{path}: another cleanscrape run is writing it") from None
    except OSError:  # a file system without locks (some network ones): no guard there
        return False
    return True


def _still_named(fd: int, path: Path) -> bool:
    """Is ``path`` the file open as ``fd`` (not renamed away, nor replaced)?"""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def written_in_place(path: Path) -> bool:
    """Whether an output is a pipe, a device or a socket (``/dev/null``, a FIFO, ``/dev/stdout``
    on a terminal): it is written into as records come, as stdout is, and cannot be resumed.
    A temporary file renamed over it would replace it (run as root, ``/dev/null`` itself)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


#: gzip's and zstd's default levels, as their command-line tools use them
GZIP_LEVEL = 6
ZSTD_LEVEL = 3


def compression_of(name: str) -> str:
    """How a file of this name is compressed: "gz", "zst", or "" (not at all)."""
    return "gz" if name.endswith(".gz") else "zst" if name.endswith(".zst") else ""


def compress_frame(data: bytes, kind: str) -> bytes:
    """``data`` as one whole gzip member or zstd frame (``kind``: "gz" or "zst"): the bytes
    :class:`_FramedWriter` writes for it between two frame ends."""
    if kind == "gz":
        from zlib_ng import gzip_ng

        return gzip_ng.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    import zstandard

    return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data)


class _FramedWriter:
    """Writes plain, gzip or zstd (by the final name's suffix) to an open binary file.

    :meth:`end_frame` closes the current gzip member / zstd frame, so that the file up to
    the returned offset is a complete compressed stream that later frames can follow
    (concatenated gzip members and zstd frames decode as one stream).  ``precompressed``:
    each write is already a whole member or frame, written as it is.
    """

    def __init__(self, fh: BinaryIO, name: str, precompressed: bool = False) -> None:
        self._fh = fh
        self._kind = compression_of(name)
        self._stream: Any = None
        self._wrote_frame = False
        self._precompressed = precompressed and bool(self._kind)

    def _open_frame(self) -> Any:
        if self._stream is None:
            if self._kind == "gz":
                from zlib_ng import gzip_ng

                # mtime=0 and no file name: the same content gives the same bytes.  zlib-ng
                # deflates at the same level 2.6x as fast as zlib, to within 1 % of the size
                self._stream = gzip_ng.GzipFile(filename="", mode="wb", fileobj=self._fh, mtime=0,
                                                compresslevel=GZIP_LEVEL)
            elif self._kind == "zst":
                import zstandard

                self._stream = zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(self._fh, closefd=False)
            else:
                self._stream = self._fh
        return self._stream

    def write(self, data: bytes) -> None:
        if not data:
            return
        if self._precompressed:
            self._fh.write(data)
            self._wrote_frame = True
        else:
            self._open_frame().write(data)

    def end_frame(self) -> int:
        """Close the compressed frame, flush, and return the file offset reached."""
        if self._stream is not None and self._stream is not self._fh:
            self._stream.close()  # ends the gzip member / zstd frame; the file stays open
            self._stream = None
            self._wrote_frame = True
        self._fh.flush()
        return self._fh.tell() if self._fh.seekable() else 0  # (a pipe: never resumed)

    def close(self) -> None:
        if self._kind and not self._wrote_frame and self._stream is None and self.end_frame() == 0:
            # an empty output is still a valid (empty) compressed file (a resumed one holds
            # the frames written before its checkpoint already)
            if self._precompressed:
                self._fh.write(compress_frame(b"", self._kind))
            else:
                self._open_frame()
        self.end_frame()


class AtomicFile:
    """A file written under a temporary name and renamed into place by :meth:`commit`; a
    symbolic link's target so (renamed over, the link itself was replaced), and a pipe or
    a device written into directly (:func:`written_in_place`)."""

    def __init__(self, path: Path, resume_offset: int | None = None, precompressed: bool = False) -> None:
        self.in_place = written_in_place(path)
        self._locked = False  # (held on the temporary file: see commit)
        if path.is_symlink() and not self.in_place:
            path = Path(os.path.realpath(path))
        self.path = path
        self.temp = path if self.in_place else partial_path(path)
        # errors name the output asked for: the temporary file is ours, not the user's
        _make_folder(path.parent, path)
        try:
            if self.in_place:
                fh = open(path, "wb", buffering=WRITE_BUFFER_BYTES)
            else:
                if resume_offset is not None and not self.temp.exists() and path.exists():
                    # The interrupted run finished this file (renamed it into place) after
                    # its last checkpoint: the final file starts with the checkpointed
                    # bytes, so take it back and continue from the checkpoint as usual.
                    os.replace(path, self.temp)
                # (opened without truncating it: another run may be writing it)
                fh = os.fdopen(os.open(self.temp, os.O_RDWR | os.O_CREAT, 0o666), "r+b",
                               buffering=WRITE_BUFFER_BYTES)
                try:
                    self._locked = locked_for_this_run(fh.fileno(), path)
                    if self._locked and not _still_named(fh.fileno(), self.temp):
                        # opened as another run renamed it into place, locked once that run
                        # closed it: truncated, it was that run's finished output
                        raise OutputError(f"{path}: another cleanscrape run wrote it as this one started")
                except OutputError:
                    fh.close()
                    raise
                fh.truncate(resume_offset or 0)
                fh.seek(resume_offset or 0)
        except OutputError:
            raise
        except OSError as exc:
            why = exc.strerror or str(exc)
            if not self.in_place and self.temp.exists():  # what is in the way is ours
                why += f" (its temporary file {self.temp})"
            raise OutputError(f"{path}: cannot write: {why}") from None
        self._fh = fh
        self._writer = _FramedWriter(fh, path.name, precompressed)

    def write(self, data: bytes) -> None:
        self._writer.write(data)

    def checkpoint(self) -> int:
        return self._writer.end_frame()

    def commit(self, *, sync: bool = True) -> None:
        """Finish and rename into place.  ``sync`` also forces the data to disk first
        (survives a power cut, not only a killed process); it costs ~5 ms per file, too
        much for a folder of one-document files, where it is off."""
        self._writer.close()
        if self.in_place:
            self._fh.close()
            return
        if sync:
            os.fsync(self._fh.fileno())
        _keep_mode(self.path, self.temp)
        if not self._locked:  # (Windows renames no open file)
            self._fh.close()
            os.replace(self.temp, self.path)
            return
        # renamed while its lock is held: closed first, a second run into the output could
        # lock the temporary file between the two, truncate it and write into it, which the
        # rename then put in place (the second failing at its own rename)
        try:
            os.replace(self.temp, self.path)
        finally:
            self._fh.close()

    def abandon(self) -> None:
        """Stop writing; keep the temporary file (for --resume), never the final name."""
        try:
            self._writer.end_frame()
        finally:
            self._fh.close()


def _keep_mode(path: Path, temp: Path) -> None:
    """Give ``temp`` the permissions of the file at ``path`` it is about to replace, if any:
    renamed over it, a new file had the umask's (an output kept private, 0600, came back
    readable by all, 0644)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # (nothing there yet)
        return
    if stat.S_ISREG(mode):
        os.chmod(temp, stat.S_IMODE(mode))


def _make_folder(folder: Path, written: Path) -> None:
    """``mkdir -p folder`` for the file ``written``; a file in the way is named (mkdir's
    "File exists" or "Not a directory" names neither it nor the cause)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocking = next((parent for parent in reversed((folder, *folder.parents))
                         if parent.exists() and not parent.is_dir()), None)
        why = f"{blocking} is not a folder" if blocking is not None else exc.strerror or exc
        raise OutputError(f"{written}: cannot write: {why}") from None


# ------------------------------------------------------------------ sinks

@pickled_by_position
@dataclass
class Item:
    """One encoded output record, as a sink receives it."""

    location: str
    name: str
    #: output format of ``data``: "jsonl" or "text"
    format: str
    data: bytes
    #: the input file it came from is one document (a text file), not a stream of records
    whole_file: bool



class Sink:
    """Where encoded records go.  ``state()`` is what a checkpoint needs to resume."""

    def write(self, item: Item) -> None:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        return {}

    def commit(self) -> None:
        """Everything was written: make it final."""

    def abandon(self) -> None:
        """The run stopped early: flush what was written, leave no final file behind."""


def _text_header(item: Item, first: bool) -> bytes:
    # The convention of head(1)/tail(1): a blank line between documents, then "==> id <==".
    return ("" if first else "\n").encode() + f"==> {item.name if item.whole_file else item.location} <==\n".encode(
        "utf-8", errors="backslashreplace")


class StreamSink(Sink):
    """Writes to an already open binary stream (stdout), flushing after each batch."""

    def __init__(self, stream: BinaryIO, *, text_headers: bool) -> None:
        self._stream = stream
        self._text_headers = text_headers
        self._first = True

    def write(self, item: Item) -> None:
        if item.format == "text" and self._text_headers:
            self._stream.write(_text_header(item, self._first))
        self._first = False
        self._stream.write(item.data)

    def write_bytes(self, data: bytes) -> None:
        """Append already encoded lines (the report, to stdout)."""
        self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def commit(self) -> None:
        self._stream.flush()

    def abandon(self) -> None:
        self._stream.flush()


class FileSink(Sink):
    """One output file (JSONL, or text with a header before each document).  ``precompressed``:
    a compressed file's data comes compressed, whole members or frames (no text headers)."""

    def __init__(self, path: Path, *, text_headers: bool = False, resume: dict[str, Any] | None = None,
                 precompressed: bool = False) -> None:
        if precompressed and text_headers:
            raise ValueError("a text header cannot go between compressed frames")
        self.path = path
        self._file = AtomicFile(path, resume["offset"] if resume else None, precompressed)
        self._text_headers = text_headers
        self._first = not (resume and resume["offset"])

    def write(self, item: Item) -> None:
        if item.format == "text" and self._text_headers:
            self._file.write(_text_header(item, self._first))
        self._first = False
        self._file.write(item.data)

    def write_bytes(self, data: bytes) -> None:
        """Append already encoded lines (the report)."""
        self._file.write(data)

    def state(self) -> dict[str, Any]:
        return {"offset": self._file.checkpoint()}

    def commit(self) -> None:
        self._file.commit()

    def abandon(self) -> None:
        self._file.abandon()


class FolderSink(Sink):
    """A folder mirroring the inputs: the records of one input file go to one output file
    of the same relative name (compressed if that name says so).  ``precompressed``: the
    data of the files compressed so ("gz") comes compressed, whole members."""

    def __init__(self, root: Path, *, resume: dict[str, Any] | None = None, precompressed: str = "") -> None:
        _make_folder(root, root)  # (a file in the way is a usage error, not a failed write later)
        try:
            lock = os.open(root, os.O_RDONLY)
        except OSError:  # (Windows opens no folder so; nor may a user a folder they cannot list)
            self._unlock: Callable[[], Any] = lambda: None  # unguarded, as where flock is not
        else:
            # (closed, and the lock with it, at the commit or the stop, or if the run fails
            # before either, when the sink goes: a run inside another program must not keep it)
            self._unlock = weakref.finalize(self, os.close, lock)
            locked_for_this_run(lock, root)
        self.root = root
        self._precompressed = precompressed
        self._current: AtomicFile | None = None
        self._current_name: str | None = None
        if resume and resume.get("current"):
            self._current_name = resume["current"]
            self._current = self._open(self._current_name, resume["offset"])

    def _open(self, name: str, resume_offset: int | None = None) -> AtomicFile:
        precompressed = bool(self._precompressed) and compression_of(name) == self._precompressed
        return AtomicFile(self._dest(name), resume_offset, precompressed)

    def _dest(self, name: str) -> Path:
        return self.root / name

    @staticmethod
    def output_name(name: str, output_format: str) -> str:
        """The output file of the input file ``name``: its relative name, with the output
        format's extension added (before any compression suffix) where the name says
        another format: a page is written as text and a WARC's pages as JSONL (``page.html``
        -> ``page.html.txt``, ``crawl.warc.gz`` -> ``crawl.warc.jsonl.gz``), and so is a file
        read with ``--format``."""
        if name == "stdin":
            return "stdin.jsonl" if output_format == "jsonl" else "stdin.txt"
        base = strip_compression_suffix(name)
        if detect_format(base) == output_format:
            return name
        return base + {"jsonl": ".jsonl", "text": ".txt"}[output_format] + name[len(base):]

    def write(self, item: Item) -> None:
        name = self.output_name(item.name, item.format)
        if name != self._current_name:
            self._finish_current()
            self._current_name = name
            self._current = self._open(name)
        assert self._current is not None
        self._current.write(item.data)
        if item.whole_file:
            self._finish_current()

    def _finish_current(self) -> None:
        if self._current is not None:
            self._current.commit(sync=False)
        self._current = None
        self._current_name = None

    def state(self) -> dict[str, Any]:
        if self._current is None:
            return {"current": None, "offset": 0}
        return {"current": self._current_name, "offset": self._current.checkpoint()}

    def commit(self) -> None:
        try:
            self._finish_current()
        finally:
            self._unlock()

    def abandon(self) -> None:
        try:
            if self._current is not None:
                self._current.abandon()
        finally:
            self._unlock()


# ------------------------------------------------------------------ checkpoints

class Checkpoint:
    """The sidecar file that lets ``--resume`` continue a run.

    It records how many input records are fully written and, for the output and the
    report, the temporary file and byte offset they reached at that moment.  It is
    replaced atomically, so a kill at any time leaves either the old or the new one.
    ``fingerprint`` identifies the arguments that affect the output: resuming with
    different ones is refused.
    """

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise OutputError(f"{self.path}: unreadable checkpoint: {exc}") from None
        if data.get("version") != CHECKPOINT_VERSION:
            raise OutputError(f"{self.path}: checkpoint version {data.get('version')!r} not supported")
        if data.get("fingerprint") != self.fingerprint:
            raise OutputError(
                f"{self.path}: the interrupted run used different inputs or options; "
                "rerun with the same arguments, or without --resume to start over"
            )
        return data

    def save(self, records: int, sinks: dict[str, dict[str, Any]], failed: int = 0) -> None:
        """``records`` written, ``failed`` of them (the resumed run's exit code is the whole output's)."""
        data = {"version": CHECKPOINT_VERSION, "fingerprint": self.fingerprint, "records": records,
                "failed": failed, "sinks": sinks}
        temp = self.path.with_name(self.path.name + ".tmp")
        temp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temp, self.path)

    def remove(self) -> None:
        try:
            self.path.unlink()
        except (FileNotFoundError, NotADirectoryError):  # none there (its folder a file: the output says so)
            pass
