"""WARC / WARC.gz reading: the HTML pages of response records, with their URL, date and
HTTP charset.

Only what cleaning needs is read here; decoding and extraction happen later (in the
workers, see :mod:`cleanscrape.extract`), because they are the expensive part.  Records
that carry no HTML page are skipped and counted by reason in :class:`WarcStats`, so a
run can say what it left out; nothing in a broken file raises out of :func:`iter_warc_pages`.
What warcio itself says as it reads (it writes warnings on stderr) is kept there too, as
notices in the project's words (:class:`WarcNotice`).
"""

from __future__ import annotations

import heapq
import importlib
import io
import logging
import re
import sys
import threading
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generator, Iterator, cast

from ..extract import charset_from_content_type
from .readers import (GZIP_MAGIC, ZSTD_MAGIC, Inflating, InputError, InputFile, InputWarning, RawRecord, Record,
                      Skipped, TruncatedFile, inflated_here, read_past, record_too_large)

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders

__all__ = ["WarcPage", "WarcStats", "WarcNotice", "iter_warc_pages", "split_warc", "decode_warc", "HTML_MEDIA_TYPES"]

#: response media types treated as HTML pages
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: a payload without a Content-Type is HTML when its start says so
_HTML_SNIFF = (b"<!doctype html", b"<html")
_SNIFF_BYTES = 512
#: the skip of the rest of a file where no record starts whole after a damage
_NOTHING_READ = "malformed: rest of file unreadable"
#: the record types of WARC 1.1; anything else is a broken header
WARC_RECORD_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit",
                               "conversion", "continuation"})


@dataclass(frozen=True)
class WarcPage:
    """One HTML response: the payload bytes as served, not yet decoded."""

    id: str | None
    url: str | None
    date: str | None
    #: the charset parameter of the HTTP Content-Type header, if any
    http_charset: str | None
    html: bytes
    #: the payload's size when it was over the limit, not read (``html`` is then empty)
    unread_size: int | None = None
    #: why the page cannot be read (``html`` is then empty): a compressed payload that
    #: fails to decompress
    error: str | None = None


@dataclass
class WarcNotice:
    """Something warcio said of a record as it read it, in the project's words: warcio
    writes its warnings on stderr (a record not followed by a blank line, compressed data
    that fails to inflate), where they named no file, and logs one (spaces in a URI)."""

    #: where the record warcio was reading starts (in a WARC.gz, its gzip member; in a
    #: .warc.zst or a WARC gzipped whole, inflated before warcio reads it, in the
    #: decompressed data)
    offset: int
    #: what warcio found, said of that record: "is not followed by a blank line (…)"
    problem: str

    def message(self, name: str, decompressed: bool = False) -> str:
        """Said of the file ``name``; ``decompressed``: the offset is one of its decompressed data."""
        of = " of the decompressed data" if decompressed else ""
        return f"{name}: record at byte {self.offset}{of} {self.problem}"


@dataclass
class WarcStats:
    """What a WARC read produced and what it skipped, by reason."""

    records: int = 0
    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    #: the error that ended the file early, if one did
    error: str | None = None
    #: what warcio said as it read, in order (nothing of it goes to stderr)
    notices: list[WarcNotice] = field(default_factory=list)
    #: the notices' offsets are of the decompressed data: the file was inflated before
    #: warcio read it (a .warc.zst, a WARC gzipped whole)
    decompressed: bool = False

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def notice(self, offset: int, problem: str) -> None:
        # (heard again: compressed data that failed to inflate fails again when the read
        # passes over the rest of its record; warcio found nothing new)
        if not self.notices or self.notices[-1] != WarcNotice(offset, problem):
            self.notices.append(WarcNotice(offset, problem))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def _is_html_media_type(media_type: str) -> bool:
    return media_type.split(";", 1)[0].strip().lower() in HTML_MEDIA_TYPES


#: the Content-Encoding names of gzip (``x-gzip`` is gzip, RFC 9110)
_GZIP_ENCODINGS = ("gzip", "x-gzip")
#: the other content codings HTTP registers (IANA), named when warcio does not decode them
#: (br, undecoded without a brotli module, has a reason of its own); any other name is
#: "unknown": a hostile file must not fill the summary with one reason per record
_OTHER_ENCODINGS = frozenset({"zstd", "compress", "x-compress", "dcb", "dcz", "aes128gcm", "exi", "pack200-gzip"})
#: the C0 control bytes no page of text holds: all but tab, newline, form feed, carriage
#: return and escape (ISO-2022's)
_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}))


def _still_encoded(http: StatusAndHeaders, content: Any, payload: bytes) -> str | None:
    """Why a payload served encoded (Content-Encoding) came out of warcio still encoded, as
    the reason its page fails, or None.  warcio hands out what it did not decode as it is: an
    encoding it does not know (``compress``; br where no brotli module is installed), and any
    whose first block fails to inflate, which it takes for a page sent plain under a wrong
    header (servers send such pages, and they are read as they are).  Compressed bytes tell
    themselves by their control bytes (1 in 10 of them; a page holds none), gzip's also by
    its magic, which no page starts with (nor one gzipped twice, inflated once)."""
    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    if not encoding or encoding == "identity":
        return None
    if encoding in _GZIP_ENCODINGS and payload.startswith(GZIP_MAGIC):
        return f"payload unreadable: its {encoding} Content-Encoding fails to decode (it still starts as gzip data)"
    if getattr(content, "decompressor", None) is not None or not _holds_control_bytes(payload):
        return None  # decoded; or plain
    from warcio.bufferedreaders import BufferedReader

    if encoding in BufferedReader.get_supported_decompressors():
        return f"payload unreadable: its {encoding} Content-Encoding fails to decode at its start"
    if encoding == "br":
        return f"payload in Content-Encoding br, not read: {_BROTLI_NEEDED}"
    return f"payload in an encoding not read ({encoding if encoding in _OTHER_ENCODINGS else 'unknown'})"


def _holds_control_bytes(payload: bytes) -> bool:
    """Do more than 2 % of the first bytes of ``payload`` hold control bytes no text does?"""
    head = payload[:_SNIFF_BYTES]
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) * 50 > len(head)


def _starts_as_html(payload: bytes) -> bool:
    """Does a payload served without a Content-Type start as an HTML page does?"""
    return payload[:_SNIFF_BYTES].lstrip().lower().startswith(_HTML_SNIFF)


@lru_cache(maxsize=1)
def _extend_warcio_decoders() -> None:
    """Through warcio's table of decompressors:

    - gzip (its records' members, a payload's Content-Encoding) inflated with zlib-ng, as
      the other gzip inputs are: the same zlib stream format and API, 1.8x as fast, in the
      main process, which reads a WARC for every worker (1,242 pages, 37 MB of WARC.gz: its
      inflation 0.81 of the main process's 1.0 s at -j 2); ``x-gzip`` too, which is gzip
      (RFC 9110) and which warcio left compressed;
    - a payload's ``br`` and ``zstd``, which browsers ask for (and browser-made crawls keep
      responses as sent), with brotli and zstandard: warcio left zstd compressed, and its
      own br decoder is written for brotlipy's API, not brotli's (with brotli installed,
      it failed every br record's read)."""
    from warcio.bufferedreaders import BufferedReader
    from zlib_ng import zlib_ng

    for encoding in _GZIP_ENCODINGS:
        BufferedReader.DECOMPRESSORS[encoding] = lambda: zlib_ng.decompressobj(16 + zlib_ng.MAX_WBITS)
    if _brotli() is not None:  # (without, warcio hands br out still encoded: a failed page, _still_encoded)
        BufferedReader.DECOMPRESSORS["br"] = _BrotliDecoder
    BufferedReader.DECOMPRESSORS["zstd"] = _ZstdDecoder


class _BoundedDecoder:
    """A payload's decoder with the zlib decompressobj's interface warcio reads, its output
    bounded: warcio decodes a block (16 KB) at a time and keeps what it gives whole, and a
    few KB of brotli or zstd decode to GBs (gzip inflates at most 1,032 times: 16 MB a
    block).  Output comes in pieces of about a MB; past ``keep`` bytes (set by the read:
    more than --max-record-bytes), they are counted, not kept."""

    #: (warcio reads it to tell whether a stream has ended; the end of a brotli stream or of
    #: zstd data ends the payload, so nothing is ever left over)
    unused_data = b""

    def __init__(self) -> None:
        self.keep: int | None = None
        self.kept: list[bytes] = []
        self.kept_bytes = 0
        #: the bytes decoded past ``keep``, not kept: part of the payload's size
        self.dropped = 0

    def write(self, piece: bytes) -> int:
        """Take a piece of the output."""
        if self.keep is None or self.kept_bytes < self.keep:
            self.kept.append(piece)
            self.kept_bytes += len(piece)
        else:
            self.dropped += len(piece)
        return len(piece)

    def decompress(self, data: bytes) -> bytes:
        self.decode(data)
        output, self.kept = b"".join(self.kept), []
        return output

    def decode(self, data: bytes) -> None:
        """Decode ``data``, each piece of output to :meth:`write`."""
        raise NotImplementedError


class _BrotliDecoder(_BoundedDecoder):
    """brotli's streaming decoder."""

    def __init__(self) -> None:
        super().__init__()
        self._decoder = _brotli().Decompressor()

    def decode(self, data: bytes) -> None:
        for piece in _brotli_pieces(self._decoder, data):
            self.write(piece)


class _ZstdDecoder(_BoundedDecoder):
    """zstandard's streaming decoder (its decompressobj gives a block's output whole: 8 KB
    of zstd held 256 MB at once)."""

    def __init__(self) -> None:
        import zstandard

        super().__init__()
        # (its writer takes anything with a write method: this decoder's, which bounds it)
        self._writer = zstandard.ZstdDecompressor().stream_writer(cast(IO[bytes], self), write_size=_DECODED_PIECE)

    def decode(self, data: bytes) -> None:
        self._writer.write(data)


class InflateError(Exception):
    """Compressed data (a gzip member, a gzipped payload) that failed to inflate part way:
    warcio's error, which it wrote on stderr and read on past."""


#: ``listener``: the :class:`_Listener` of the read this thread is driving warcio for, if any
_reading = threading.local()


class _Listener:
    """Hears what warcio says while a read drives it: a notice of the record it is at."""

    def __init__(self, stats: WarcStats) -> None:
        self.stats = stats
        #: the iterator warcio reads with: its offset is where the record it is at starts
        self.archive: ArchiveIterator | None = None

    def heard(self, source: str, said: str) -> None:
        said = said.strip()[:200]
        offset = self.archive.offset if self.archive is not None else 0
        self.stats.notice(offset, _in_our_words(source, said))
        if source == "warcio.bufferedreaders":
            # warcio reads on without the block that failed to inflate, and on, block by
            # block, to the end of the file: a page came out cut short as if whole, or a
            # member's failure took the pages after it.  As an error, it is the damage it is
            raise InflateError(said)


def _in_our_words(source: str, said: str) -> str:
    """What warcio said, said of the record it was reading.  Each of its modules that
    writes on stderr writes one message: ArchiveIterator.INC_RECORD, on a record's end
    that is not blank lines; BufferedReader, an inflation error after some data inflated."""
    if source == "warcio.archiveiterator":
        return "is not followed by a blank line (its Content-Length may be wrong)"
    if source == "warcio.bufferedreaders":
        return f"has damaged compressed data ({said})"
    if said.startswith("Replacing spaces in invalid WARC-Target-URI"):
        return "has spaces in its WARC-Target-URI (read with %20 for each)"
    return f"made warcio warn: {said!r}"


class _Said:
    """warcio's stderr while a read drives it."""

    def __init__(self, listener: _Listener, source: str) -> None:
        self._listener = listener
        self._source = source

    def write(self, text: str) -> int:
        self._listener.heard(self._source, text)
        return len(text)

    def flush(self) -> None:
        pass


class _SysOfWarcio:
    """Stands in for the sys module in a warcio module whose one use of it is writing on
    ``sys.stderr``: on a thread driving warcio for a read, that stderr is the read's
    listener; anywhere else, sys.stderr as ever, looked up at each write as warcio does.
    (Replacing sys.stderr around the calls into warcio would also take what other threads
    write meanwhile.)"""

    def __init__(self, source: str) -> None:
        self._source = source

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)

    @property
    def stderr(self) -> Any:
        listener = getattr(_reading, "listener", None)
        return sys.stderr if listener is None else _Said(listener, self._source)


def _warcio_log_heard(record: logging.LogRecord) -> bool:
    """A filter on warcio's logger: on a thread driving warcio for a read, its record is
    heard by the read, not logged."""
    listener = getattr(_reading, "listener", None)
    if listener is None:
        return True
    listener.heard(record.name, record.getMessage())
    return False


@lru_cache(maxsize=1)
def _hear_warcio() -> None:
    """Have what warcio says heard by the read that drives it (:class:`_Listener`), not
    written on stderr (its lines named no file and broke into the progress bar): its two
    modules that write there get a ``sys`` of their own, its logger a filter.  Neither
    changes a thing for a thread that is not inside a read."""
    import warcio.archiveiterator
    import warcio.bufferedreaders

    for module in (warcio.archiveiterator, warcio.bufferedreaders):
        module.sys = _SysOfWarcio(module.__name__)
    logging.getLogger("warcio.recordloader").addFilter(_warcio_log_heard)


def iter_warc_pages(stream: BinaryIO, stats: WarcStats | None = None,
                    max_payload_bytes: int | None = None) -> Iterator[WarcPage]:
    """Yield the HTML pages of the 2xx response records of a WARC (gzipped or not).

    Skipped, counted in ``stats.skipped``: records that are not responses (requests,
    metadata, revisits …), non-2xx responses, non-HTML payloads (unread where the
    Content-Type says so, sniffed where there is none), and malformed records (an unknown
    WARC-Type, a payload that cannot be read, a record cut short by the end of the file before
    anything tells it is a page: in its headers, or a response not HTML).  A page cut short (its
    headers read) comes as a failed page (:attr:`WarcPage.error`), as a damaged payload does.  A
    record whose headers are broken, or a gzip member whose data is, is passed over, counted
    as ``"malformed: damaged part passed over"``, and the reading goes on at the next record
    that starts whole (:func:`_next_record_start`) where the stream can seek; where it cannot
    (a pipe), or when no record starts after the damage, it ends the file, counted as
    ``"malformed: rest of file unreadable"``.  The first such error is kept in ``stats.error``.
    A page whose payload is over ``max_payload_bytes`` comes with its size, its bytes read
    past (:attr:`WarcPage.unread_size`).  What warcio says as it reads, which it would write
    on stderr or log, is kept in ``stats.notices`` instead (:class:`WarcNotice`), of the
    record it was at; warcio used by other code, or between two pages, writes as ever.
    """
    _extend_warcio_decoders()
    _hear_warcio()
    if not stream.seekable():  # (a pipe: a WARC gzipped whole is told once its first record is read)
        stream = _Replayable(stream)  # type: ignore[assignment]
    stats = stats if stats is not None else WarcStats()
    listener = _Listener(stats)
    pages = _read_pages(stream, stats, max_payload_bytes, listener)
    try:
        while True:
            # warcio is heard only while it reads here, never while the caller has the page
            outer = getattr(_reading, "listener", None)
            _reading.listener = listener
            try:
                page = next(pages, None)
            finally:
                _reading.listener = outer
            if page is None:
                return
            stats.pages += 1
            yield page
    finally:
        pages.close()


def _read_pages(stream: BinaryIO, stats: WarcStats, max_payload_bytes: int | None, listener: _Listener,
                passed_over: int = 0) -> Generator[WarcPage, None, None]:
    """The pages of ``stream`` for :func:`iter_warc_pages`; its first ``passed_over``
    records, which a read of it before this one took in (a WARC gzipped whole, inflated here:
    :class:`Inflating`), are read past again, neither counted nor yielded."""
    from warcio.archiveiterator import ArchiveIterator

    origin = stream.tell() if stream.seekable() else 0
    gzipped = _starts_gzipped(stream)
    if gzipped is None:
        # its first bytes are damaged: read by warcio, a line of them may pass for an ARC
        # header whose length covers the pages after (~2 % of such files lost one); the
        # reading starts at the first record that starts whole
        stats.error = "the file does not start with a WARC record"
        restart = _next_record_start(stream, stream.tell(), None)
        if restart is None:
            stats.skip(_NOTHING_READ)
            return
        stats.skip("malformed: damaged part passed over")
        stream.seek(restart)
    if not gzipped and isinstance(stream, _Replayable):
        stream.forget()
    archive = listener.archive = ArchiveIterator(stream)
    records = iter(archive)
    unread = None  # a record skipped unread: counted once warcio has passed over its bytes
    # where the last record read, or the last resynchronisation, started: the next search
    # starts past it.  warcio's offset can go back: a member whose damaged deflate data runs
    # on into the next members makes it subtract the length of an inflated line from a
    # compressed offset, and a search from there found the same member again, and again
    passed = -1
    # where the last record whose payload could not be read starts: its member, if its data
    # failed to inflate, fails again as warcio passes over the rest of it, the same damage
    unreadable_at = -1
    while True:
        try:
            record = next(records)
        except StopIteration:
            _count_unread(stats, unread)
            if _ends_inside_a_record(archive):
                stats.records += 1
                stats.skip("malformed: truncated record")
            return
        # warcio's header parser fails in assorted ways (ArchiveLoadFailed, AttributeError
        # on a header cut short, zlib errors) and cannot resume after any of them: a new
        # iterator starts at the next record after the damage, if one does
        except TruncatedFile:
            raise  # the file's own read error, not a damaged part of it (the pages before are out)
        except Exception as exc:
            _count_unread(stats, unread)
            unread = None
            if gzipped and passed == origin and "non-chunked gzip" in str(exc):
                # gzipped whole (gzip crawl.warc), which warcio refuses after its first
                # record: 1 page of 20, the rest 'malformed: rest of file unreadable'.  (A
                # member further on that runs past its record is damage, passed over.)
                if isinstance(stream, _Replayable):
                    stream.replay()
                else:
                    stream.seek(origin)
                read, stats.records, stats.decompressed = stats.records, 0, True
                yield from _read_pages(Inflating(stream, "gzip"), stats, max_payload_bytes,  # type: ignore[arg-type]
                                       listener, passed_over=read)
                return
            stats.error = stats.error or f"{type(exc).__name__}: {exc}"[:200]
            # (warcio's offset: where the record or member it failed in starts)
            restart = _next_record_start(stream, max(archive.offset, passed), gzipped)
            if restart is None:
                stats.skip(_NOTHING_READ)
                return
            if not (isinstance(exc, InflateError) and archive.offset == unreadable_at):
                stats.skip("malformed: damaged part passed over")
            passed = restart
            stream.seek(restart)
            archive = listener.archive = ArchiveIterator(stream)
            records = iter(archive)
            continue
        _count_unread(stats, unread)
        unread = None
        start = archive.offset  # (the record's; moved on by a read to its end)
        passed = max(passed, start)
        if passed > origin and isinstance(stream, _Replayable):
            stream.forget()  # a second record read: the file is no WARC gzipped whole
        stats.records += 1
        if stats.records <= passed_over:
            continue
        if record.rec_type not in WARC_RECORD_TYPES:
            stats.skip("malformed: bad WARC-Type")
            continue
        if record.rec_type != "response":
            stats.skip(f"not a response ({record.rec_type})")
            continue
        http = record.http_headers
        status = http.get_statuscode() if http is not None else None
        if not (status or "").startswith("2"):
            stats.skip("HTTP status not 2xx" if status else "no HTTP headers")
            continue
        content_type = http.get_header("Content-Type")
        if content_type and not _is_html_media_type(content_type):
            # not read: a video or an archive may be hundreds of MB, which warcio passes
            # over block by block when it moves to the next record
            unread = record
            continue
        unread_size = None
        try:
            content = record.content_stream()
            if max_payload_bytes is None:
                payload = content.read()
            else:
                # (its start read whole even under a smaller limit: it is sniffed below)
                wanted = max(max_payload_bytes + 1, _SNIFF_BYTES)
                decoder = getattr(content, "decompressor", None)
                if isinstance(decoder, _BoundedDecoder):
                    decoder.keep = wanted
                payload = content.read(wanted)
                if len(payload) > max_payload_bytes:
                    unread_size = len(payload) + read_past(content.read) + getattr(decoder, "dropped", 0)
        except TruncatedFile:
            raise  # the file's own read error (a cut .warc.zst), not this record's
        except Exception as exc:  # warcio surfaces bad chunking/compression as assorted errors
            unreadable_at = start
            if not content_type:  # (no telling whether it was a page)
                stats.skip("malformed: payload unreadable")
            else:
                yield _failed_page(record, content_type, f"payload unreadable: {_what_failed(http, exc)}")
            continue
        # the record's byte reader counts down from Content-Length: left over means the
        # file ended inside the record, and half a page would be cleaned as if whole.  A page
        # (its headers read) is one failed record naming it, as a damaged payload is; a
        # record cut before its Content-Type, with no start of a page, may have been none
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            if content_type or _starts_as_html(payload):
                yield _failed_page(record, content_type, f"record truncated: the file ends inside it, "
                                                         f"{missing:,} of its {record.length:,} bytes missing")
            else:
                stats.skip("malformed: truncated record")
            continue
        # (a payload over the limit too: a video served with no Content-Type is no page
        # that failed, but a record skipped, as it is under the limit)
        error = None
        if unread_size is None and _undeclared_encoding(http):
            payload, unread_size, error = _undeclared_compression(payload, content_type, max_payload_bytes)
            if error is not None and not content_type:  # (no telling whether it was a page)
                stats.skip("malformed: payload unreadable")
                continue
        if not content_type and not _starts_as_html(payload):
            stats.skip("not HTML")
            continue
        if archive.reader.decompressor is not None and not _member_ends_whole(archive):
            unreadable_at = start
            yield _failed_page(record, content_type, "payload unreadable: the gzip member of its record is damaged "
                                                     "(its data or checksum), its bytes not to be trusted")
            continue
        error = error or _still_encoded(http, content, payload)
        yield _page(record, content_type, payload, unread_size, error)


def _page(record: Any, content_type: str | None, payload: bytes, unread_size: int | None = None,
          error: str | None = None) -> WarcPage:
    """The page of a response record: its payload, or its size (over the limit) or why it
    cannot be read, with ``html`` empty."""
    headers = record.rec_headers
    return WarcPage(
        id=headers.get_header("WARC-Record-ID"),
        url=headers.get_header("WARC-Target-URI"),
        date=headers.get_header("WARC-Date"),
        http_charset=charset_from_content_type(content_type),
        html=payload if unread_size is None and error is None else b"",
        unread_size=unread_size,
        error=error,
    )


def _failed_page(record: Any, content_type: str | None, error: str) -> WarcPage:
    """A page whose payload is damaged: a failed output record, with the record's id, URL
    and date, saying why (every HTML record read gives one output record, as every record
    of the other formats does; skipped, it was a count on the summary line, with no
    telling which page it was)."""
    return _page(record, content_type, b"", error=error)


def _what_failed(http: StatusAndHeaders, exc: Exception) -> str:
    """What went wrong reading a payload (warcio raises assorted errors for bad chunking
    and compression), said of its Content-Encoding if it has one."""
    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    said = f"{type(exc).__name__}: {exc}"[:200]
    if encoding and encoding != "identity":
        return f"its {encoding} Content-Encoding fails to decode ({said})"
    return said


#: what starts a gzip member or a zstd frame: a payload served so without a Content-Encoding
#: (by a server, or a crawler that stored it decoded and dropped the header but not the
#: bytes) went to extraction compressed, an empty page.  (brotli data has no magic.)
_UNDECLARED_COMPRESSIONS = (GZIP_MAGIC, ZSTD_MAGIC)


def _undeclared_encoding(http: StatusAndHeaders) -> bool:
    """Was the payload served with no Content-Encoding (or ``identity``)?"""
    return (http.get_header("Content-Encoding") or "").strip().lower() in ("", "identity")


def _undeclared_compression(payload: bytes, content_type: str | None,
                            max_bytes: int | None) -> tuple[bytes, int | None, str | None]:
    """A payload served with no Content-Encoding, decompressed if it is compressed: gzip
    and zstd by their magic (:func:`_decompressed`); brotli, which has none, when the
    payload is binary (:func:`_may_be_brotli`) and decodes whole as brotli.  As
    :func:`_decompressed` returns; the payload as it is when it is none of these."""
    if payload.startswith(_UNDECLARED_COMPRESSIONS):
        return _decompressed(payload, max_bytes)
    if _may_be_brotli(payload):
        library = _brotli()
        if library is None:
            # (without a Content-Type, a binary payload is no page: skipped as not HTML)
            return (payload, None, None) if not content_type else (b"", None, _BINARY_NO_BROTLI)
        decoded = _brotli_decompressed(library, payload, max_bytes)
        if decoded is not None:
            return decoded
    return payload, None, None


#: the reason of a failed page that may be brotli data, with no library to read it
_BROTLI_NEEDED = "reading brotli needs the brotli module (pip install brotli)"
_BINARY_NO_BROTLI = ("payload is binary data, not text, served without a Content-Encoding: brotli data "
                     f"(which has no magic bytes to tell it) perhaps, and {_BROTLI_NEEDED}")


def _may_be_brotli(payload: bytes) -> bool:
    """Is ``payload`` binary as compressed data is (control bytes no text holds), and not
    text in UTF-16 or UTF-32 (a NUL for each ASCII character of its markup), which holds
    them too?"""
    head = payload[:_SNIFF_BYTES]
    return _holds_control_bytes(head) and head.count(0) * 8 < len(head)


@lru_cache(maxsize=1)  # (asked for each binary payload: a failed import is not cached by Python)
def _brotli() -> Any:
    """Google's brotli (a dependency; None in an install made without dependencies).  The
    bounded reading asks for brotli 1.2's output_buffer_limit and can_accept_more_data,
    which brotlicffi's Decompressor is not known to have."""
    try:
        return importlib.import_module("brotli")
    except ImportError:
        return None


#: the output a brotli or zstd decoder gives at a time (a small payload may decode to GBs)
_DECODED_PIECE = 1 << 20


def _brotli_decompressed(library: Any, payload: bytes,
                         max_bytes: int | None) -> tuple[bytes, int | None, str | None] | None:
    """``payload`` decoded as brotli data, as :func:`_decompressed` returns; None if it is
    no brotli stream (or one cut short): it goes on as it is, binary as it was."""
    decoder = library.Decompressor()
    pieces: list[bytes] = []
    size = 0
    try:
        for piece in _brotli_pieces(decoder, payload):
            size += len(piece)
            if max_bytes is None or size <= max_bytes:
                pieces.append(piece)
    except library.error:
        return None
    if not decoder.is_finished():
        return None
    if max_bytes is not None and size > max_bytes:
        return b"", size, None
    return b"".join(pieces), None, None


def _brotli_pieces(decoder: Any, data: bytes) -> Iterator[bytes]:
    """What a brotli decoder gives for ``data``, in pieces of about ``_DECODED_PIECE``
    bytes (2 MB, brotli's at 1), till it has nothing more to give.  (brotli says it can take
    more input with output still to give: asked no further, 64 MB of zeros decoded to 57, and
    the stream, unfinished, was no brotli: a bomb went on as binary bytes.)"""
    piece = decoder.process(data, output_buffer_limit=_DECODED_PIECE)
    while piece or not decoder.can_accept_more_data():
        yield piece
        piece = decoder.process(b"", output_buffer_limit=_DECODED_PIECE)


def _decompressed(payload: bytes, max_bytes: int | None) -> tuple[bytes, int | None, str | None]:
    """A payload that starts with gzip's or zstd's magic, decompressed: (its bytes, its size
    if over ``max_bytes`` and so not kept, None), or (b"", None, why it fails to decompress)."""
    compression = "gzip" if payload.startswith(GZIP_MAGIC) else "zstd"
    reader = io.BufferedReader(Inflating(io.BytesIO(payload), compression))
    try:
        if max_bytes is None:
            return reader.read(), None, None
        data = reader.read(max_bytes + 1)
        if len(data) > max_bytes:
            return b"", len(data) + read_past(reader.read), None
        return data, None, None
    except OSError as exc:  # (DamagedData, TruncatedFile: the payload's, not the file's)
        return b"", None, (f"payload starts as {compression} data (served without a Content-Encoding) "
                           f"that fails to decompress: {exc}")


#: the most a pipe's first bytes kept to read again as a WARC gzipped whole: its first
#: record's compressed bytes and warcio's block after them (a warcinfo record's, mostly)
_REPLAY_BYTES = 64 << 20


class _Replayable(io.RawIOBase):
    """A stream that cannot seek (a WARC on stdin), its bytes kept from its start until
    :meth:`forget`, to be read again once (:meth:`replay`): warcio refuses a WARC gzipped
    whole after its first record, and a file is then read again from its start, inflated
    here (:class:`Inflating`); a pipe cannot go back, and its pages after the first were
    lost, 'malformed: rest of file unreadable'.  Over ``_REPLAY_BYTES`` kept, a replay is a
    read error saying so.  A WARC not gzipped, or gzipped a member a record, forgets at
    once, or at its second record."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._kept: bytearray | None = bytearray()  # None: forgotten, or too many kept
        self._pending = memoryview(b"")  # kept bytes to read (again)

    def readable(self) -> bool:
        return True

    def peek_start(self, size: int) -> bytes:
        """The stream's first ``size`` bytes (fewer at its end), read again after."""
        assert self._kept is not None and not self._kept and not self._pending
        head = self._raw.read(size)
        self._kept += head
        self._pending = memoryview(bytes(head))
        return head

    def readinto(self, buffer: Any) -> int:
        if self._pending:
            n = min(len(buffer), len(self._pending))
            buffer[:n] = self._pending[:n]
            self._pending = self._pending[n:]
            return n
        data = self._raw.read(len(buffer))
        if self._kept is not None:
            if len(self._kept) + len(data) > _REPLAY_BYTES:
                self._kept = None
            else:
                self._kept += data
        buffer[:len(data)] = data
        return len(data)

    def forget(self) -> None:
        self._kept = None

    def replay(self) -> None:
        """Read the stream from its start again, once: after its first record, not forgotten."""
        if self._kept is None:  # (over _REPLAY_BYTES)
            raise OSError(f"a WARC gzipped whole (gzip crawl.warc) whose first record takes over "
                          f"{_REPLAY_BYTES >> 20} MB cannot be read from a pipe (its start is read twice): "
                          "give it as a file, or gunzip it into the pipe")
        self._pending, self._kept = memoryview(bytes(self._kept)), None


def _ends_inside_a_record(archive: ArchiveIterator) -> bool:
    """Did the input end inside a record warcio made nothing of?  A gzip member cut short
    (a truncated .warc.gz) that inflates to less than a whole header is the end of the
    input to warcio: the record was lost without a word (in 102 of 173 places to cut a
    20-page file).  Its bytes, read, lie past the end of the last record, and are more
    than what a writer may leave there (:func:`_holds_no_record`)."""
    try:
        end = archive.fh.tell()
        if end <= archive.offset:
            return False
        archive.fh.seek(archive.offset)
        rest = archive.fh.read(min(end - archive.offset, _PADDING_BYTES + 1))
    except (OSError, ValueError):
        return False
    return len(rest) > _PADDING_BYTES or not _holds_no_record(rest)


#: what is read past the last record to tell padding from a record cut short
_PADDING_BYTES = 1 << 12


def _holds_no_record(rest: bytes) -> bool:
    """Is ``rest`` (the bytes after the last record) only blank lines, or whole gzip members
    of nothing: a newline after the file, a writer's last flush, an empty file gzipped?"""
    while rest.startswith(GZIP_MAGIC):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            inflated = member.decompress(rest, _PADDING_BYTES)
        except zlib.error:
            return False
        if not member.eof or inflated.strip():
            return False
        rest = member.unused_data
    return not rest.strip()


def _member_ends_whole(archive: ArchiveIterator) -> bool:
    """Does the gzip member of the record just read end whole, its CRC checked, right after
    the record?  Checked before its page goes out: warcio reads a payload's bytes as they
    inflate, and damaged deflate data may inflate to other bytes, or on into the members
    after, before anything fails (a page came out garbled now and then).  (warcio's own
    step to the next record, done here first: it does not do it twice.)"""
    try:
        archive.read_to_end()
    except Exception:
        return False
    # (no end: the file ended inside it; more after the record in its member: it runs on,
    # unless that is a record, in a gzip of a whole WARC, which warcio refuses after this one)
    after = archive.next_line
    return after.startswith(_WARC_LINES) if after else archive.reader.decompressor.eof


#: what starts a gzip member (magic, deflate), and a WARC record's first line
_GZIP_MEMBER_START = GZIP_MAGIC + b"\x08"
_WARC_RECORD_START = re.compile(rb"WARC/1\.[01]\r\n")
_WARC_LINES = (b"WARC/1.0\r\n", b"WARC/1.1\r\n")
#: the longest of the two: a window's last bytes, carried to the next, where one may begin
#: with the byte before it (a WARC line must follow a newline)
_MARKER_OVERLAP = 10
#: how much is read at a time looking for the next record, and of a candidate to check it
#: (its header block: a few hundred bytes, more with a long URL)
_SEARCH_WINDOW = 1 << 18
_CHECKED_BYTES = 1 << 16


def _starts_gzipped(stream: BinaryIO) -> bool | None:
    """Does a seekable stream start with a gzip member (True) or a plain WARC record, an ARC
    file or nothing (False)?  None when it starts with none of these, its first bytes
    damaged (or blank lines, which warcio takes for a record): the records after may be of
    either kind.  A stream that cannot seek, where nothing is resynchronised, is gzipped
    or not (its start is read again: a _Replayable's)."""
    if isinstance(stream, _Replayable):  # (damage on a pipe is not passed over: gzip or not)
        return stream.peek_start(len(_GZIP_MEMBER_START)).startswith(_GZIP_MEMBER_START)
    if not stream.seekable():
        return False
    position = stream.tell()
    head = stream.read(_SNIFF_BYTES)
    stream.seek(position)
    if head.startswith(_GZIP_MEMBER_START):
        return True
    # (an empty file holds nothing to pass over; warcio reads ARC files too)
    return False if not head or head.startswith((b"WARC/", b"filedesc:")) else None


def _next_record_start(stream: BinaryIO, failed_at: int, gzipped: bool | None) -> int | None:
    """The offset, after ``failed_at``, of the first record that starts whole: in a
    WARC.gz, where each record is a gzip member of its own, a member that inflates to a
    WARC header line; in a plain WARC, a WARC header line at a line start; either in a file
    whose own start is damaged (``gzipped`` None).  None if none does, or the stream cannot
    seek.  WARC has no sync marker of its own: a false start (the marker's bytes inside a
    payload) fails warcio's parsing in turn and is passed over the same way, each time
    further on."""
    if not stream.seekable():
        return None
    # from the failed byte, the one before the first that may start a record: at index 0 of
    # each window's data stands that byte, or the first carried one (a marker there was whole
    # in the window before, and checked)
    position = failed_at
    carried = b""
    while True:
        stream.seek(position)
        window = stream.read(_SEARCH_WINDOW)
        if not window:
            return None
        data = carried + window
        base = position - len(carried)
        for offset in _candidates(data, gzipped):
            if _starts_a_record(stream, base + offset):
                return base + offset
        position += len(window)
        carried = data[-_MARKER_OVERLAP:]


def _candidates(data: bytes, gzipped: bool | None) -> Iterator[int]:
    if gzipped is None:
        yield from heapq.merge(_candidates(data, True), _candidates(data, False))
    elif gzipped:
        at = data.find(_GZIP_MEMBER_START, 1)
        while at >= 0:
            yield at
            at = data.find(_GZIP_MEMBER_START, at + 1)
    else:
        for match in _WARC_RECORD_START.finditer(data, 1):
            if data[match.start() - 1] == 0x0A:  # at a line start
                yield match.start()


def _starts_a_record(stream: BinaryIO, offset: int) -> bool:
    """Does a record start at ``offset``: a WARC header block (inflated first, at a gzip
    member's start) whose WARC-Type is one of WARC's and whose Content-Length is a number?
    Without one, warcio would read the rest of the file as a single record's content.  A
    plain record must also end where that length says, with its blank line: a page that
    quotes a header block, a length included, is no record (taken for one, it came out as a
    page and its length swallowed the records after it)."""
    stream.seek(offset)
    head = stream.read(_CHECKED_BYTES)
    inflated = head.startswith(_GZIP_MEMBER_START)
    if inflated:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _CHECKED_BYTES)
        except zlib.error:
            return False
    end = head.find(b"\r\n\r\n")
    if not head.startswith(_WARC_LINES) or end < 0:
        return False
    fields: dict[bytes, bytes] = {}
    for line in head[10:end].split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if not colon:
            return False
        fields[name.strip().lower()] = value.strip()
    length = fields.get(b"content-length", b"")
    if fields.get(b"warc-type", b"").decode("latin-1") not in WARC_RECORD_TYPES or not length.isdigit():
        return False
    if inflated:  # (quoted in a payload, a member's bytes would be deflated again)
        return True
    stream.seek(offset + end + 4 + int(length))
    return stream.read(4) == b"\r\n\r\n"


def _count_unread(stats: WarcStats, record: object | None) -> None:
    """Count a record skipped unread as not HTML, or as truncated if the file ended inside
    it (its byte reader, drained by warcio on its way to the next record, has bytes left)."""
    if record is not None:
        truncated = getattr(getattr(record, "raw_stream", None), "limit", 0) > 0
        stats.skip("malformed: truncated record" if truncated else "not HTML")


# ---------------------------------------------------------------------------- as an input format

def split_warc(stream: BinaryIO, source: InputFile,
               max_bytes: int | None = None) -> Iterator[RawRecord | Skipped | InputWarning]:
    """The ``warc`` splitter of :mod:`cleanscrape.io.readers`: one RawRecord per HTML page
    (location ``file:N``, N the record's number in the file), a warning per notice of
    warcio's as the reading passes it, then the skip counts (a read error that ends the
    file, a truncated .warc.zst, comes after them)."""
    stats = WarcStats(decompressed=inflated_here(stream))  # (a .warc.zst: warcio reads gzip itself)
    told = 0  # notices passed on
    pages = iter_warc_pages(stream, stats, max_bytes)
    while True:
        try:
            page = next(pages, None)
        except Exception:  # (the read's own error, not one thrown in by the consumer)
            yield from _found(stats, told, source)
            raise
        if page is None:
            break
        attrs = {"url": page.url, "date": page.date, "http_charset": page.http_charset, "warc_id": page.id}
        error = page.error
        if page.unread_size is not None:
            error = record_too_large(page.unread_size, max_bytes or 0)
        yield RawRecord(f"{source.name}:{stats.records}", "warc", page.html, source.name, attrs=attrs, error=error)
        for notice in stats.notices[told:]:
            yield InputWarning(notice.message(source.name, stats.decompressed))
        told = len(stats.notices)
    if stats.records == 0 and stats.skipped.get(_NOTHING_READ):
        # not one record in it: no WARC (a file misnamed, --format warc on other data),
        # an unreadable input as any other, not a run that read nothing and exited 0
        raise InputError(f"{source.shown_as}: no WARC record in it ({stats.error})")
    yield from _found(stats, told, source)


def _found(stats: WarcStats, told: int, source: InputFile) -> Iterator[InputWarning | Skipped]:
    """What the read of a file found besides its pages: the notices not yet passed on (from
    ``told``), and the skip counts."""
    for notice in stats.notices[told:]:
        yield InputWarning(notice.message(source.name, stats.decompressed))
    for reason, count in stats.skipped.items():
        yield Skipped(source.name, f"WARC record {reason}", count)


def decode_warc(raw: RawRecord) -> Record:
    """A WARC page as a Record: the id is the WARC-Record-ID; URL and date also go to the
    output record (as pass-through fields), of a page that failed unread too.  The record is
    named by both (:attr:`Record.named`) in its errors, the reader's here and any later one
    (the file location alone, its number in the file, finds it in no other tool)."""
    attrs = raw.attrs or {}
    fields = {"id": attrs.get("warc_id"), "url": attrs.get("url"), "date": attrs.get("date")}
    named = " ".join(str(part) for part in ("WARC record", attrs.get("warc_id"), attrs.get("url") and f"({attrs['url']})")
                     if part)
    error = raw.error and f"{named}: {raw.error}"
    return Record(raw.location, raw.format, raw.name, id=attrs.get("warc_id"),
                  html=raw.payload if raw.error is None else None, attrs=dict(attrs), fields=fields, error=error,
                  named=named)
