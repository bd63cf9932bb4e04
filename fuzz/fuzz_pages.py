"""Fuzz target: HTML pages, alone and in WARC files, read, decoded, extracted and cleaned as
the CLI does.

The first byte picks the container (an HTML file; a WARC, plain or gzipped per record) and
what the WARC's HTTP headers say (charset, Content-Encoding); the second picks how the
payload is compressed (none, gzip, zstd, or either cut short) and whether the WARC's
Content-Length is wrong; the rest is the page, opened with markup a third of the time so
that extraction has a body to work on (its ``<meta charset>`` the charset picked).  Under a
declared windows-1250 or windows-1251, half the pages are mixed: the page in UTF-8 (its pool
lines spliced in), a line in that code page after each of its lines, as a UTF-8 template
around text pasted from a legacy source is; every such line must be read as itself.  A WARC holds the fuzzed page and then a well-formed
one.  A bug is any exception escaping the reader or the per-record path (``clean_raw``), a
failure message that does not name its record, an output line that is not one line of
valid UTF-8 JSON, or — when the fuzzed record's length is right — the well-formed page
after it lost.

Run (atheris)::

    nice .venv/bin/python fuzz/fuzz_pages.py fuzz/corpus/pages -max_total_time=900 -print_final_stats=1

or ``--random SECONDS`` for a seeded random search without atheris.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache

from _harness import checked_record, compress, instrument_cleanscrape, main, text_from_bytes, workdir

instrument_cleanscrape()

from cleanscrape import Cleaner  # noqa: E402
from cleanscrape.extract import decode_html, html_cleaner  # noqa: E402
from cleanscrape.io.readers import InputFile, RawRecord, ReadOptions, iter_raw_records  # noqa: E402
from cleanscrape.parallel import Job, clean_raw  # noqa: E402

CONTAINERS = ("html", "warc", "warc.gz")
CHARSETS = (None, "utf-8", "iso-8859-1", "windows-1252", "no-such-charset", "windows-1250", "windows-1251")
#: the lines a mixed page holds in its declared code page (none of them valid UTF-8 there)
LEGACY_LINES = {
    "windows-1250": ("Zażółć gęślą jaźń, powiedział dyrektor szkoły.", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    "windows-1251": ("Широкая электрификация южных губерний даст мощный толчок.",
                     "Съешь же ещё этих мягких французских булок, да выпей чаю."),
}
CONTENT_ENCODINGS = (None, "gzip", "identity", "br", "zstd")
PAYLOAD_COMPRESSIONS = ("none", "gzip", "zstd", "gzip-cut", "zstd-cut")
#: the well-formed page every WARC ends with: whatever the fuzzed record did to the reader,
#: a record whose length was right must not take this one with it
SENTINEL_TEXT = "The sentinel page closes every fuzzed archive and must always be read back."
SENTINEL_HTML = f"<html><body><article><p>{SENTINEL_TEXT}</p></article></body></html>".encode()


@lru_cache(maxsize=1)
def job() -> Job:
    # the stages have their own target; whitespace keeps this one fast and still edits text
    return Job(ReadOptions(), output_format="jsonl", with_report=True,
               html_cleaner=html_cleaner(Cleaner(stages=["whitespace"])))


def warc_record(number: int, http_head: bytes, payload: bytes, length_error: int) -> bytes:
    block = http_head + b"\r\n" + payload
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Date: 2024-01-0{number}T00:00:00Z\r\nWARC-Target-URI: https://example.com/{number}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block) + length_error}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def http_head(charset: str | None, encoding: str | None) -> bytes:
    lines = ["HTTP/1.1 200 OK", "Content-Type: text/html" + (f"; charset={charset}" if charset else "")]
    if encoding:
        lines.append(f"Content-Encoding: {encoding}")
    return ("\r\n".join(lines) + "\r\n").encode()


def mixed_page(page: bytes, charset: str) -> tuple[bytes, list[str]]:
    """``page`` in UTF-8, its pool lines spliced in, a line of ``charset`` after each of its
    lines: the page, and the lines in ``charset``."""
    legacy = LEGACY_LINES[charset]
    out, pasted = [], []
    for line in text_from_bytes(page).split("\n"):
        pasted.append(legacy[len(line) % len(legacy)])
        out += [line.encode("utf-8", "surrogateescape"), pasted[-1].encode(charset)]
    return b"\n".join(out), pasted


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    container = CONTAINERS[data[0] % len(CONTAINERS)]
    charset = CHARSETS[(data[0] // 3) % len(CHARSETS)]
    encoding = CONTENT_ENCODINGS[(data[0] // 15) % len(CONTENT_ENCODINGS)]
    how = PAYLOAD_COMPRESSIONS[data[1] % len(PAYLOAD_COMPRESSIONS)]
    length_error = (0, 0, 0, 1, -1, 7)[(data[1] // 5) % 6]
    page, pasted = data[2:], []
    if charset in LEGACY_LINES and data[1] // 30 % 2:
        page, pasted = mixed_page(page, charset)
    if data[1] % 3 == 0 or pasted:
        meta = f'<meta charset="{charset}">'.encode() if charset else b""
        page = b"<html><head>" + meta + b"</head><body><article><p>" + page + b"</p></article></body></html>"
    if pasted:
        decoded = decode_html(page, charset if container != "html" else None).text
        assert all(line in decoded for line in pasted), (pasted, decoded)
    if container == "html":
        path = workdir() / "page.html"
        path.write_bytes(page)
        expected_pages = 1
    else:
        fuzzed = warc_record(1, http_head(charset, encoding), compress(page, how, data[1]), length_error)
        sentinel = warc_record(2, http_head("utf-8", None), SENTINEL_HTML, 0)
        if container == "warc.gz":
            fuzzed, sentinel = gzip.compress(fuzzed, mtime=0), gzip.compress(sentinel, mtime=0)
        path = workdir() / f"archive.{container}"
        path.write_bytes(fuzzed + sentinel)
        expected_pages = 2
    errors: list[str] = []
    raws = [r for r in iter_raw_records([InputFile(str(path), path.name, container.split(".")[0])],
                                        on_error=errors.append, on_warning=lambda message: None)
            if isinstance(r, RawRecord)]
    assert len(raws) <= expected_pages, raws
    texts = []
    for raw in raws:
        record = checked_record(clean_raw(job().html_cleaner, job(), raw), raw)
        texts.append(record.get("text", ""))
    if container == "html":
        assert len(raws) == 1 and errors == [], (raws, errors)
    elif length_error == 0:
        assert any(SENTINEL_TEXT in text for text in texts), (texts, errors)


if __name__ == "__main__":
    main("fuzz_pages", test_one_input)
    sys.exit(0)
