"""Input side of the CLI: find the input files, split them into raw records, decode records.

Reading happens in two steps so that the expensive one runs in the worker processes:

1. **split** (main process, cheap): an input file is cut into :class:`RawRecord` s — the
   undecoded bytes of one JSONL line, or of one whole text file — tagged with where they
   came from (``"dump.jsonl:17"``).  Nothing is parsed, so the reader runs far ahead of the
   cleaner at little cost and sends plain bytes to the workers (PERF-NOTES §6).
2. **decode** (worker): :func:`decode` turns a RawRecord into a :class:`Record` — id, text
   (or HTML), pass-through fields — or into a Record carrying an ``error`` that names the
   problem.  Decoding never raises: every raw record gives exactly one Record.

Formats live in one table, :data:`FORMATS`, from name to :class:`InputFormat` (its split
and decode functions and the file extensions that select it).  Adding a format (HTML,
WARC) is adding an entry.  Compression is recognised by magic bytes, not by name, so a
``.gz`` that is really plain text, or gzip on stdin, both work.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

import orjson

from ..pickling import pickled_by_position

__all__ = [
    "JsonNumber",
    "RawRecord",
    "Record",
    "Skipped",
    "InputWarning",
    "ReadOptions",
    "InputFormat",
    "InputFile",
    "FORMATS",
    "COMPRESSION_SUFFIXES",
    "STDIN",
    "InputError",
    "is_byte_order_mark_alone",
    "TruncatedFile",
    "DamagedData",
    "Inflating",
    "detect_format",
    "strip_compression_suffix",
    "expand_inputs",
    "open_input",
    "iter_raw_records",
    "DEFAULT_MAX_RECORD_BYTES",
    "decode",
]

STDIN = "-"
COMPRESSION_SUFFIXES = (".gz", ".zst")
#: the buffer lines are read from: a JSONL line of a web page is several KB, and with 64 KiB
#: the buffer was refilled (a call of _CountingReader.readinto) every few lines, and more
#: lines straddled two fills; splitting the 16 MB dump in the main process 3.6 -> 2.7 ms
READ_BUFFER_BYTES = 1 << 18
#: records larger than this are not read (:func:`iter_raw_records`): room for any text under
#: the default ``max_doc_chars`` (10 million characters, at most 40 MB of UTF-8) and the
#: other fields of its record; a record of 200 MB held whole took 0.8 GB at -j 1, 1.45 GB at -j 2
DEFAULT_MAX_RECORD_BYTES = 64 << 20
#: how a gzip stream starts (RFC 1952)
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
#: compressions not read, by their first bytes: read as text, such a dump failed as
#: "invalid UTF-8".  bzip2's header and its first block's (or the stream end's) magic, so
#: that no text is taken for it
_UNREAD_COMPRESSIONS = (("bzip2", re.compile(rb"BZh[1-9](1AY&SY|\x17rE8P\x90)")),
                        ("xz", re.compile(rb"\xfd7zXZ\x00")))
#: the bytes open_input looks at to tell a compression
_MAGIC_BYTES = 10


class InputError(ValueError):
    """An input argument that cannot be read at all (missing file, unknown format)."""


class TruncatedFile(OSError):
    """Compressed input that ends inside a frame.  Not an EOFError, which a reader may take
    for the input's end: warcio does, and a cut .warc.zst ended as if whole, unreported."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to interpret records: which JSON fields hold the id and the text."""

    text_field: str = "text"
    id_field: str = "id"
    #: JSONL field holding a page's HTML: when set, records are HTML pages (extracted in
    #: the worker, see cleanscrape.extract) and ``text_field`` receives the cleaned text
    html_field: str | None = None
    #: JSONL field holding a record's language code (null or absent: the run's, else detected)
    lang_field: str | None = None


@pickled_by_position
@dataclass(slots=True)
class RawRecord:
    """One undecoded input record, as cut out of its file by a splitter."""

    #: where it came from, for messages: ``"dump.jsonl:17"``, ``"notes/a.txt"``, ``"stdin:3"``
    location: str
    #: the input format name (a key of :data:`FORMATS`)
    format: str
    payload: bytes
    #: the name of the input file relative to the argument it was found under (for
    #: mirroring output names and as the id of one-document-per-file inputs)
    name: str
    #: what the splitter knows about the record beyond its bytes (a WARC response's URL,
    #: date and HTTP charset)
    attrs: dict[str, Any] | None = None
    #: why the splitter did not keep the record's bytes (``payload`` is then empty): it was
    #: larger than the reader's limit (:func:`iter_raw_records`); it fails with this reason
    error: str | None = None



@dataclass(frozen=True, slots=True)
class Skipped:
    """Records a splitter left out on purpose (a WARC's requests, images, broken records),
    counted by reason for the run summary."""

    location: str
    reason: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something a splitter found wrong in its input that costs no record by itself (a
    WARC record whose Content-Length looks wrong), for the run's warnings: the message
    names the file and the place."""

    message: str


@dataclass(slots=True)
class Record:
    """One decoded input record.  ``error`` set means it could not be decoded."""

    location: str
    format: str
    name: str
    id: str | None = None
    text: str | None = None
    #: a page to extract before cleaning: bytes as served (the charset is decided at
    #: extraction) or text; ``text`` then receives the extracted text
    html: str | bytes | None = None
    #: what the reader knows about a page beyond its content (``url``, ``date``,
    #: ``http_charset``): used by extraction and kept in the report's metadata
    attrs: dict[str, Any] | None = None
    #: the JSON object of a JSONL record, to pass through to the output unchanged
    fields: dict[str, Any] | None = None
    #: the language its own field gives (``ReadOptions.lang_field``)
    lang: str | None = None
    #: the JSON object did not fit orjson (huge integers, NaN): re-encode it with :mod:`json`
    needs_stdlib_json: bool = False
    error: str | None = None
    #: the input bytes of a record that could not be decoded, to pass through
    raw: bytes | None = None
    #: what a message calls the record besides its location: a WARC page's record
    #: (``WARC record <urn:uuid:…> (https://…)``, its failures found by the reader and
    #: later alike: docs/cli.md); None for the others
    named: str | None = None

    @property
    def called(self) -> str:
        """The record as a message about it names it: ``crawl.warc:2: WARC record <…> (…)``,
        ``dump.jsonl:17``."""
        return f"{self.location}: {self.named}" if self.named else self.location


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read (or stdin), with the name it is known by and its format."""

    path: str
    name: str
    format: str
    #: why this entry of a folder cannot be read (a folder that cannot be listed, a symbolic
    #: link looping back): reported in its place, and the walk goes on
    error: str | None = None

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def shown_as(self) -> str:
        """What a message about the whole input calls it: its path, or ``stdin`` (as its
        records' locations do: ``stdin:2``), not ``-``."""
        return self.name if self.is_stdin else self.path

    def size(self) -> int | None:
        """Bytes on disk (compressed size for compressed files); None for stdin."""
        if self.is_stdin or self.error:
            return None
        try:
            return os.path.getsize(self.path)
        except OSError:
            return None


#: a splitter cuts a file into raw records, keeping none larger than its third argument
#: (bytes; None: no limit) but failing it, its bytes read past (:func:`record_too_large`)
Splitter = Callable[[BinaryIO, InputFile, "int | None"], Iterator[RawRecord | Skipped | InputWarning]]
Decoder = Callable[[RawRecord, ReadOptions], Record]


@dataclass(frozen=True)
class InputFormat:
    """A readable format: how to cut a file into records and how to decode one."""

    name: str
    split: Splitter
    decode: Decoder
    #: file name endings (after any compression suffix is removed) that select this format
    extensions: tuple[str, ...] = ()
    #: the output format a record of this format is written as in folder (mirror) mode
    mirror_as: str = "text"
    #: a file holds exactly one document (its output file is complete after it)
    one_per_file: bool = False
    #: one line for --help
    description: str = ""
    #: the splitter reads gzip itself: a WARC.gz has one gzip member per record, which warcio
    #: reads one by one; a damaged member is passed over, counted, and the reading goes on at
    #: the next (tests/test_warc.py)
    reads_gzip: bool = False
    #: the decoder makes the failed record of a record the splitter did not read (its
    #: ``error`` set), with what the splitter knew of it (a WARC page's id, URL and date);
    #: other formats' unread records fail with their location alone, and the id a record of
    #: theirs gets when read: a file of one document's name
    decodes_unread: bool = False


# ------------------------------------------------------------------ decoding helpers

#: the byte-order marks of the UTF encodings other than UTF-8, with their codecs (UTF-32's
#: first: UTF-32LE's starts as UTF-16LE's does)
_OTHER_UTF_MARKS = ((b"\xff\xfe\x00\x00", "UTF-32", "utf-32-le"), (b"\x00\x00\xfe\xff", "UTF-32", "utf-32-be"),
                    (b"\xff\xfe", "UTF-16", "utf-16-le"), (b"\xfe\xff", "UTF-16", "utf-16-be"))


def _other_utf(data: bytes, opening: str = "") -> str | None:
    """``"UTF-16 text (it opens with a byte-order mark), not UTF-8: ..."`` when ``data``
    opens with a UTF-16 or UTF-32 byte-order mark (a file saved as "Unicode" on Windows),
    and then with ``opening`` in that encoding; else None."""
    for mark, name, codec in _OTHER_UTF_MARKS:
        if data.startswith(mark):
            if not data[len(mark):len(mark) + 4].decode(codec, "ignore").startswith(opening):
                return None
            return f"{name} text (it opens with a byte-order mark), not UTF-8: convert it first " \
                   f"(iconv -f {name} -t UTF-8)"
    return None


def _decode_utf8(data: bytes) -> tuple[str | None, str | None]:
    """Strict UTF-8: a text we cannot decode exactly is not guessed at, it is reported.
    Returns ``(text, None)`` or ``(None, reason)`` naming the line and byte."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        other = _other_utf(data)
        if other is not None:
            return None, other
        line = data.count(b"\n", 0, exc.start) + 1
        return None, f"invalid UTF-8 at line {line}, byte offset {exc.start}: {exc.reason} ({data[exc.start:exc.start + 4]!r})"


def _id_string(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, JsonNumber):
        return value.literal
    return json.dumps(value, ensure_ascii=False)


def _json_type(value: Any) -> str:
    """JSON's name for the type of a value as read from JSON (``null``, ``object``, ...): the
    name a JSONL writer knows, where Python's (``NoneType``, ``dict``) is an implementation's."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # (before number: a bool is an int to Python)
        return "boolean"
    if isinstance(value, (int, float, JsonNumber)):
        return "number"
    names: dict[type, str] = {str: "string", dict: "object", list: "array"}
    return names.get(type(value), type(value).__name__)


def record_too_large(size: int, max_bytes: int) -> str:
    """The error of a record not read because it is larger than the limit: holding it would
    take several times its size in memory (its bytes, its text, its output), and one record
    of a few GB in a dump would end the run."""
    return f"record of {size:,} bytes, over --max-record-bytes={max_bytes:,}: not read"


def read_past(read: Callable[[int], bytes]) -> int:
    """Read a stream to its end with its ``read`` in bounded pieces, keeping nothing: the
    number of bytes passed over."""
    passed = 0
    while piece := read(READ_BUFFER_BYTES):
        passed += len(piece)
    return passed


def _read_past_line(stream: BinaryIO) -> tuple[int, bool]:
    """Read to the end of the current line in bounded pieces, keeping nothing: the number
    of bytes passed over (its "\n" not counted), and whether they were all whitespace."""
    passed, blank = 0, True
    while piece := stream.readline(READ_BUFFER_BYTES):
        blank = blank and piece.isspace()
        passed += len(piece)
        if piece.endswith(b"\n"):
            return passed - 1, blank
    return passed, blank


# ------------------------------------------------------------------ text

def _split_whole_file(stream: BinaryIO, source: InputFile, max_bytes: int | None) -> Iterator[RawRecord]:
    if max_bytes is None:
        yield RawRecord(source.name, source.format, stream.read(), source.name)
        return
    data = stream.read(max_bytes + 1)
    if len(data) <= max_bytes:
        yield RawRecord(source.name, source.format, data, source.name)
        return
    size = len(data) + read_past(stream.read)
    yield RawRecord(source.name, source.format, b"", source.name, error=record_too_large(size, max_bytes))


_NOT_BLANK = re.compile(rb"\S")


def opens_as_json_lines(payload: bytes, text_field: str) -> bool:
    """Does a text's first non-blank line parse as a JSON object with ``text_field`` (a dump
    of JSON lines read as text, each line then cleaned as words)?  Only the first line is
    parsed: a text may start with ``{`` and be text all the same."""
    first = _NOT_BLANK.search(payload, len(_UTF8_BOM) if payload.startswith(_UTF8_BOM) else 0)
    if first is None or payload[first.start()] != ord("{"):
        return False
    end = payload.find(b"\n", first.start())
    try:
        obj = orjson.loads(payload[first.start():end if end >= 0 else len(payload)])
    except orjson.JSONDecodeError:
        return False
    return isinstance(obj, dict) and text_field in obj


def _decode_text(raw: RawRecord, options: ReadOptions) -> Record:
    record = Record(raw.location, raw.format, raw.name, id=raw.name)
    record.text, record.error = _decode_utf8(raw.payload)
    if record.error:
        record.raw = raw.payload
    return record


# ------------------------------------------------------------------ JSONL

class JsonNumber:
    """A JSON number a float does not hold, kept as written, so that a record's field comes
    back as the input had it: beyond a float's range (``1.5e400``: as a float it is
    infinite, which JSON cannot write, the standard library writing ``Infinity``, which no
    strict reader takes), or its precision (``12345678901234.5678`` came back
    ``12345678901234.568``, ``1e-400`` came back ``0.0``)."""

    __slots__ = ("literal",)

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __repr__(self) -> str:
        return f"JsonNumber({self.literal!r})"


def _float_or_literal(literal: str) -> float | JsonNumber:
    value = float(literal)
    # (the shortest spelling of the float: the same number as the literal, or another)
    return value if Decimal(repr(value)) == Decimal(literal) else JsonNumber(literal)


#: where a number a float may not hold can be (16 digits or more, a decimal point among
#: them or not; an integer beyond 64 bits, which orjson reads as a float, among them):
#: searched for in a line whose record holds a float
_INEXACT_NUMBER = re.compile(rb"[0-9.]{17}")


def _holds_float(value: Any) -> bool:
    """Whether a decoded JSON value holds a float anywhere.  orjson reads an integer beyond
    64 bits as a float: a record with no float holds none, and asking costs a look per
    field, where searching the line for a long run of digits read every byte of its text.
    (A loop, not recursion: orjson accepts deeper nesting than Python's recursion limit.)"""
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, float):
            return True
    return False


#: what a file written "UTF-8 with BOM" starts with (a record after it on its line is read
#: by the standard library's json, which takes it)
_UTF8_BOM = b"\xef\xbb\xbf"


def is_byte_order_mark_alone(line: bytes) -> bool:
    """Is ``line``, a JSONL file's first, a byte-order mark and nothing else?  Windows tools
    write one into an empty file: no record (it was a failed one, 'not valid JSON: Expecting
    value')."""
    return line.startswith(_UTF8_BOM) and not line[len(_UTF8_BOM):].strip()


def _split_jsonl(stream: BinaryIO, source: InputFile, max_bytes: int | None) -> Iterator[RawRecord]:
    # Blank lines separate nothing and hold no record: they are skipped, not failed.
    # (isspace, not strip: the same ASCII whitespace, without copying every line)
    if max_bytes is None:
        lines: Iterable[bytes] = stream
    else:
        # a line is read up to one byte over the limit (its "\n" aside): a longer one is
        # never held whole
        lines = iter(partial(stream.readline, max_bytes + 1), b"")
    for number, line in enumerate(lines, 1):
        if number == 1 and is_byte_order_mark_alone(line):
            continue
        if number == 1 and (other := _other_utf(line, "{")) is not None:
            # its lines are no lines of bytes: split on b"\n", each failed in its own way
            # ('utf-16-be' codec can't decode...'), one more than its records
            raise InputError(f"{source.shown_as}: {other}")
        if max_bytes is not None and len(line) > max_bytes and not line.endswith(b"\n"):
            rest, blank = _read_past_line(stream)
            if not (blank and line.isspace()):
                yield RawRecord(f"{source.name}:{number}", "jsonl", b"", source.name,
                                error=record_too_large(len(line) + rest, max_bytes))
        elif not line.isspace():
            yield RawRecord(f"{source.name}:{number}", "jsonl", line, source.name)


def _decode_jsonl(raw: RawRecord, options: ReadOptions) -> Record:
    record = Record(raw.location, raw.format, raw.name)
    line = raw.payload.rstrip(b"\r\n")
    try:
        obj: Any = orjson.loads(line)
    except orjson.JSONDecodeError:
        obj = None
    if obj is None:
        # orjson reads only valid UTF-8 (its documentation says so): a line it read needs no
        # check of its own (decoding the line to a string only to test it cost a third of
        # orjson's time); one it did not is checked here, to name the byte
        _, utf8_error = _decode_utf8(line)
        if utf8_error:
            record.error, record.raw = utf8_error.replace(" at line 1,", " at"), line
            return record
    elif _holds_float(obj) and _INEXACT_NUMBER.search(line):
        obj = None
    if obj is None:
        # orjson turns integers beyond 64 bits into floats and refuses NaN and lone
        # surrogates; the standard library keeps them (and words its errors better).
        try:
            obj = json.loads(line, parse_float=_float_or_literal)
        except json.JSONDecodeError as exc:
            record.error, record.raw = f"not valid JSON: {exc}", line
            return record
        record.needs_stdlib_json = True
    if not isinstance(obj, dict):
        record.error, record.raw = f"not a JSON object (got {_json_type(obj)})", line
        return record
    record.fields = obj
    record.id = _id_string(obj.get(options.id_field))
    source_field = options.html_field or options.text_field
    if source_field not in obj:
        record.error = f"no {source_field!r} field"
        return record
    text = obj[source_field]
    if not isinstance(text, str):
        record.error = f"field {source_field!r} is {_json_type(text)}, not a string"
        return record
    if options.lang_field is not None:
        lang = obj.get(options.lang_field)
        if lang is not None and not isinstance(lang, str):
            record.error = (f"field {options.lang_field!r} is {_json_type(lang)}, not a language code "
                            "(a string such as 'fr') or null")
            return record
        # (a blank one says no more than an empty one: " " was taken as the language, given)
        record.lang = lang if lang and not lang.isspace() else None
    if options.html_field:
        record.html = text
        # the page is consumed: the output record carries the cleaned text, not the HTML
        record.fields = {k: v for k, v in obj.items() if k != options.html_field}
        if isinstance(obj.get("url"), str):
            record.attrs = {"url": obj["url"]}
    else:
        record.text = text
    return record


# ------------------------------------------------------------------ HTML and WARC (pages, extracted in the worker)

def _decode_html(raw: RawRecord, options: ReadOptions) -> Record:
    # bytes as they are: the charset is decided at extraction (HTTP, <meta>, detection)
    return Record(raw.location, raw.format, raw.name, id=raw.name, html=raw.payload)


def _split_warc(stream: BinaryIO, source: InputFile,
                max_bytes: int | None) -> Iterator[RawRecord | Skipped | InputWarning]:
    from .warc import split_warc  # warcio is imported only when a WARC is read

    return split_warc(stream, source, max_bytes)


def _decode_warc(raw: RawRecord, options: ReadOptions) -> Record:
    from .warc import decode_warc

    return decode_warc(raw)


FORMATS: dict[str, InputFormat] = {
    "jsonl": InputFormat("jsonl", _split_jsonl, _decode_jsonl, (".jsonl", ".ndjson", ".jsonlines"), "jsonl", False,
                         'one JSON object per line, text in "text" (--text-field)'),
    "text": InputFormat("text", _split_whole_file, _decode_text, (".txt", ".text"), "text", True,
                        "one document per file, UTF-8"),
    "html": InputFormat("html", _split_whole_file, _decode_html, (".html", ".htm", ".xhtml"), "text", True,
                        "one HTML page per file; main text extracted with trafilatura"),
    "warc": InputFormat("warc", _split_warc, _decode_warc, (".warc",), "jsonl", False,
                        "WARC (.warc, .warc.gz): the HTML pages of its responses", reads_gzip=True,
                        decodes_unread=True),
}


def decode(raw: RawRecord, options: ReadOptions) -> Record:
    """Decode a raw record with its format's decoder.  Never raises."""
    if raw.error is not None and not FORMATS[raw.format].decodes_unread:
        return Record(raw.location, raw.format, raw.name, id=raw.name if FORMATS[raw.format].one_per_file else None,
                      error=raw.error)
    try:
        return FORMATS[raw.format].decode(raw, options)
    except Exception as exc:  # a decoder bug must cost one record, not the run
        return Record(raw.location, raw.format, raw.name, error=f"could not decode: {type(exc).__name__}: {exc}",
                      raw=raw.payload)


# ------------------------------------------------------------------ files

def strip_compression_suffix(name: str) -> str:
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def detect_format(name: str, default: str = "text") -> str:
    """The format a file name's extension selects (``default`` when none does)."""
    base = strip_compression_suffix(name).lower()
    for fmt in FORMATS.values():
        if fmt.extensions and base.endswith(fmt.extensions):
            return fmt.name
    return default


def expand_inputs(arguments: Iterable[str], forced_format: str | None = None,
                  on_empty_folder: Callable[[str], None] | None = None) -> Iterator[InputFile]:
    """The files named by the arguments: files as given, folders walked recursively in
    sorted order (hidden entries skipped), ``-`` for stdin.  Lazy, so a missing file is
    reported when the run reaches it, after the inputs before it were processed.  A folder
    with no file below it (hidden ones aside) is given to ``on_empty_folder``."""
    for arg in arguments:
        if arg == STDIN:
            yield InputFile(STDIN, "stdin", forced_format or "text")
        elif os.path.isdir(arg):
            root = Path(arg)
            found = False
            for path, error in _walk_sorted(root, frozenset()):
                found = True
                name = path.relative_to(root).as_posix()
                yield InputFile(str(path), name, forced_format or detect_format(name), error)
            if not found and on_empty_folder is not None:
                on_empty_folder(arg)
        else:
            yield InputFile(arg, os.path.basename(arg) or arg, forced_format or detect_format(arg))


def _walk_sorted(folder: Path, outer: frozenset[tuple[int, int]]) -> Iterator[tuple[Path, str | None]]:
    """The files below ``folder`` with None, and what cannot be read with why, in its place.
    Symbolic links are followed, but not back into a folder they are in (``outer``, by
    device and inode): a loop would go on until the system refused the path.  A link to
    nothing is a file, which fails to open, as when named."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in outer:
            yield folder, f"{folder}: a symbolic link to a folder it is in (a loop): not followed"
            return
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield folder, f"{folder}: cannot list folder: {exc.strerror}"
        return
    outer |= {(info.st_dev, info.st_ino)}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
        except OSError as exc:  # a link to itself
            yield Path(entry.path), f"{entry.path}: cannot open: {exc.strerror}"
            continue
        if is_dir:
            yield from _walk_sorted(Path(entry.path), outer)
        elif is_file:
            yield Path(entry.path), None
        else:  # (read, a FIFO waited for a writer, for ever if none came; it was passed over unsaid)
            yield Path(entry.path), f"{entry.path}: {_special_kind(entry)}, not a file: not read"


def _special_kind(entry: os.DirEntry[str]) -> str:
    """What a folder's entry that is neither a file nor a folder is, in words."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return "not a regular file"
    return ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from the underlying (possibly compressed) file, for progress:
    the furthest byte read, so the count never goes back where a reader seeks back, nor
    past the file's end where it seeks beyond (a WARC's resynchronisation does both)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.count = 0
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        # a file opened "rb" or stdin's buffer: typing.BinaryIO declares no readinto1.  What
        # the input has: readinto waits until the buffer is full, and a pipe that stalls (a
        # slow source on stdin) held back the records it had already sent.  But at least
        # the bytes that tell a compression (open_input peeks at them), or the end
        view, n = memoryview(buffer), 0
        while n < min(len(view), _MAGIC_BYTES):
            got = self._raw.readinto1(view[n:])  # type: ignore[attr-defined]
            if not got:
                break
            n += got
        if n:  # (none read past the end: a seek there reached no byte)
            self._position += n
            self.count = max(self.count, self._position)
        return n

    # seeking, where the file allows it: a WARC read goes on after a damaged part (warc.py)
    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._position = self._raw.seek(offset, whence)
        return self._position

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._raw.close()
        super().close()


class DamagedData(OSError):
    """Compressed input that fails to decompress: data that does not inflate, a checksum
    that does not match, or bytes after the last gzip member or zstd frame that start no
    other (gzip(1) passes over those with a warning, "trailing garbage ignored")."""


@dataclass(frozen=True)
class _Codec:
    """How :class:`Inflating` decompresses one compression: a file is a run of units (gzip
    members, zstd frames), each decoded by a new decoder."""

    name: str
    #: a gzip member, a zstd frame
    unit: str
    new_decoder: Callable[[], Any]
    #: the decoder takes a most to return (zlib's ``max_length``), else returns all it has
    bounded: bool
    #: compressed bytes read at a time.  A decoder loses what it decoded in a call that
    #: fails: one that returns all it has is given small pieces (64 KiB of a zstd dump
    #: decode to MBs)
    piece: int
    #: bytes a writer may pad the file with after a unit, passed over (gzip's NULs, which
    #: Python's gzip and gzip(1) pass over too)
    padding: bytes = b""


def _gzip_codec() -> _Codec:
    # zlib-ng: the zlib stream format and API on a faster inflate, 1.8x the MB/s, in the main
    # process, which reads for every worker (imported here: ~2 ms of start-up)
    from zlib_ng import zlib_ng

    return _Codec("gzip", "member", lambda: zlib_ng.decompressobj(16 + zlib_ng.MAX_WBITS), True, 1 << 16,
                  b"\x00")


def _zstd_codec() -> _Codec:
    import zstandard

    return _Codec("zstd", "frame", zstandard.ZstdDecompressor().decompressobj, False, 1 << 13)


class Inflating(io.RawIOBase):
    """Decompresses a run of gzip members or zstd frames, giving out everything that
    decompressed before a damage, and the damage as the error of the read after.  Python's
    and zlib-ng's ``GzipFile`` raise at once, what had inflated in the same read lost with
    it: a cut or damaged dump lost up to a read buffer of whole records before the damage
    (21 records of 9,924 in a cut ``.jsonl.gz``; all 20,000 of a ``.jsonl.zst`` with bytes
    after its frame).  Raises :class:`TruncatedFile` when the input ends inside a unit
    (zstandard's ``stream_reader`` ended silently there, which passed a truncated dump off as
    complete, and warcio takes an EOFError for the input's end), and :class:`DamagedData`
    when its units fail to decompress or bytes after a unit start no other."""

    def __init__(self, raw: BinaryIO, compression: str) -> None:
        self._raw = raw
        # (what there is: see _CountingReader.readinto)
        self._read = getattr(raw, "read1", raw.read)
        self._codec = _gzip_codec() if compression == "gzip" else _zstd_codec()
        self._decoder: Any = None  # the unit's, None between units
        self._input = b""  # read, not yet decompressed
        self._pending = memoryview(b"")  # decompressed, not yet given out
        self._error: Exception | None = None  # the damage, raised once the bytes before it are out
        self._units = 0  # ended whole

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if self._error is not None:
                raise self._error
            try:
                if not self._inflate(len(buffer)):
                    return 0
            except OSError as exc:  # (the file's read error, or its damage)
                self._error = exc
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _inflate(self, limit: int) -> bool:
        """Decompress the next piece of input into ``_pending``; False at the input's end."""
        codec = self._codec
        at_end = False
        if not self._input:
            self._input = self._read(codec.piece)
            at_end = not self._input
        if self._decoder is None:
            self._input = self._input.lstrip(codec.padding) if codec.padding else self._input
            if not self._input:
                return not at_end  # (padding: read on)
            self._decoder = codec.new_decoder()
            try:
                out, tail = self._decompress(limit)
            except DamagedData:
                if not self._units:
                    raise  # (its magic bytes said it was one)
                raise DamagedData(f"the data after the last {codec.name} {codec.unit} is not {codec.name} "
                                  f"({self._input[:8]!r}...): not read") from None
        else:
            # (with no input left, zlib may still hold output back that it had no room for)
            out, tail = self._decompress(limit)
            if not out and not self._input:
                raise TruncatedFile(f"{codec.name} data ends inside a {codec.unit} (truncated file)")
        if self._decoder.eof:
            self._input, self._decoder = self._decoder.unused_data, None
            self._units += 1
        else:
            self._input = tail
        self._pending = memoryview(out)
        return True

    def _decompress(self, limit: int) -> tuple[bytes, bytes]:
        """What the input decompresses to (``limit`` bytes at most, if the decoder takes a
        most), and the input it leaves for lack of room."""
        try:
            if self._codec.bounded:
                return self._decoder.decompress(self._input, limit), self._decoder.unconsumed_tail
            return self._decoder.decompress(self._input), b""
        except Exception as exc:  # (zlib.error, ZstdError)
            raise DamagedData(f"damaged {self._codec.name} data: {exc}") from None

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_input(source: InputFile) -> tuple[BinaryIO, _CountingReader]:
    """Open a file or stdin for binary reading, decompressing gzip/zstd by magic bytes
    (bzip2 and xz are told, and refused with an InputError).  Returns the readable stream
    and the counter of raw bytes consumed."""
    if source.is_stdin:
        if sys.stdin is None:  # (fd 0 closed: Python gives no sys.stdin)
            raise InputError(f"{source.shown_as}: cannot open: stdin is closed")
        raw: BinaryIO = sys.stdin.buffer
    else:
        try:
            raw = open(source.path, "rb")
        except OSError as exc:
            raise InputError(f"{source.path}: cannot open: {exc.strerror}") from None
    counter = _CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=READ_BUFFER_BYTES)
    magic = buffered.peek(_MAGIC_BYTES)[:_MAGIC_BYTES]
    for name, signature in _UNREAD_COMPRESSIONS:
        if signature.match(magic):
            if not source.is_stdin:
                buffered.close()
            raise InputError(f"{source.shown_as}: {name} data, not read (gzip and zstd are): decompress it first")
    if magic.startswith(GZIP_MAGIC) and not FORMATS[source.format].reads_gzip:
        return io.BufferedReader(Inflating(buffered, "gzip"), buffer_size=READ_BUFFER_BYTES), counter
    if magic.startswith(ZSTD_MAGIC):
        return io.BufferedReader(Inflating(buffered, "zstd"), buffer_size=READ_BUFFER_BYTES), counter
    return buffered, counter


def inflated_here(stream: BinaryIO) -> bool:
    """Is ``stream`` (from :func:`open_input`) zstd data inflated by this module, so that a
    position in it is one of the decompressed data, not of the file?"""
    return isinstance(getattr(stream, "raw", None), Inflating)


@dataclass
class ReadProgress:
    """Raw bytes consumed so far across all inputs (compressed bytes for compressed files)."""

    done_bytes: int = 0
    _current: _CountingReader | None = field(default=None, repr=False)

    @property
    def bytes_read(self) -> int:
        return self.done_bytes + (self._current.count if self._current else 0)


def iter_raw_records(
    sources: Iterable[InputFile],
    *,
    on_error: Callable[[str], None],
    progress: ReadProgress | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    max_record_bytes: int | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[RawRecord]:
    """Raw records of every source, in order.  A source that cannot be opened or read is
    reported through ``on_error`` (it holds no records) and the run goes on; records a
    splitter leaves out on purpose go to ``on_skip``, what it found wrong short of that (a
    WARC reader's notices) to ``on_warning``.  A record larger than
    ``max_record_bytes`` (as stored, after decompression: a JSONL line without its "\n",
    a whole text or HTML file, a WARC page's payload) is not held: it comes with its bytes
    read past, empty, and an ``error`` saying so."""
    for source in sources:
        if source.error:
            on_error(source.error)
            continue
        if source.format not in FORMATS:
            on_error(f"{source.shown_as}: unknown format {source.format!r}")
            continue
        try:
            stream, counter = open_input(source)
        except (InputError, OSError, EOFError) as exc:
            on_error(str(exc) if isinstance(exc, InputError) else f"{source.shown_as}: {exc}")
            continue
        if progress is not None:
            progress._current = counter
        try:
            for item in FORMATS[source.format].split(stream, source, max_record_bytes):
                if isinstance(item, Skipped):
                    if on_skip is not None:
                        on_skip(item)
                elif isinstance(item, InputWarning):
                    if on_warning is not None:
                        on_warning(item.message)
                else:
                    yield item
        except Exception as exc:
            # A truncated or corrupt file (OSError, EOFError, zlib.error, ZstdError) ends
            # that file only; the records read before the damage are kept.
            on_error(str(exc) if isinstance(exc, InputError) else
                     f"{source.shown_as}: read error: {type(exc).__name__}: {exc}")
        finally:
            if progress is not None:
                progress.done_bytes += counter.count
                progress._current = None
            if not source.is_stdin:
                stream.close()
