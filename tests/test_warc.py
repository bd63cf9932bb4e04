"""WARC reading: HTML responses kept with URL/date/charset; everything else skipped and
counted by reason; broken files never raise."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleanscrape.io.warc import WarcStats, iter_warc_pages

ARTICLE = (Path(__file__).parent / "data" / "html" / "article.html").read_bytes()
LATIN1 = (Path(__file__).parent / "data" / "html" / "latin1_meta.html").read_bytes()


def build_warc(*, gzip: bool) -> bytes:
    """A small crawl: warcinfo, a request, two HTML pages (one cp1252 with its charset in the
    HTTP header), an image, a 404 page and an HTML page without a Content-Type."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)

    def response(url: str, body: bytes, headers: list[tuple[str, str]], status: str = "200 OK") -> None:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))

    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "cleanscrape tests"}))
    request = StatusAndHeaders("GET /news/flood HTTP/1.1", [("Host", "courier.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://courier.example/news/flood", "request",
                                                  http_headers=request))
    response("https://courier.example/news/flood", ARTICLE, [("Content-Type", "text/html; charset=utf-8")])
    response("https://village.example/fete", LATIN1, [("Content-Type", "text/html; charset=ISO-8859-1")])
    response("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n", [("Content-Type", "image/png")])
    response("https://courier.example/gone", b"<html><body>Not found</body></html>",
             [("Content-Type", "text/html")], status="404 Not Found")
    response("https://courier.example/untyped", b"<!DOCTYPE html><html><body><p>untyped</p></body></html>", [])
    return buf.getvalue()


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_are_read_with_url_date_and_charset(gzip: bool) -> None:
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(build_warc(gzip=gzip)), stats))
    assert [p.url for p in pages] == [
        "https://courier.example/news/flood", "https://village.example/fete", "https://courier.example/untyped"]
    assert pages[0].html == ARTICLE and pages[1].html == LATIN1
    assert [p.http_charset for p in pages] == ["utf-8", "ISO-8859-1", None]
    assert all(p.date and p.date.startswith("20") for p in pages)
    assert all(p.id and p.id.startswith("<urn:uuid:") for p in pages)
    assert stats.records == 7 and stats.pages == 3
    assert stats.skipped == {"not a response (warcinfo)": 1, "not a response (request)": 1, "not HTML": 1,
                             "HTTP status not 2xx": 1}
    assert stats.error is None


def test_garbage_after_the_last_record_ends_the_file_with_a_count() -> None:
    data = build_warc(gzip=False) + b"this is not a WARC record\r\n\r\n"
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(data), stats))
    assert len(pages) == 3
    assert stats.skipped["malformed: rest of file unreadable"] == 1
    assert "ArchiveLoadFailed" in stats.error


@pytest.mark.parametrize("damage", ["deflate data", "crc"])
def test_a_damaged_gzip_member_is_passed_over_and_the_pages_after_it_read(damage: str) -> None:
    """warcio inflates through zlib-ng here (warc.py): its errors must be counted, never
    raised, the pages before the damage kept, and the reading go on at the next member."""
    data = bytearray(build_warc(gzip=True))
    members = [i for i in range(len(data) - 3) if data[i:i + 3] == b"\x1f\x8b\x08"]
    assert len(members) == 7  # warcinfo, request, the two pages, image, 404, untyped
    at = members[4] + 40 if damage == "deflate data" else members[4] - 8  # the image's, or the fete's CRC
    data[at:at + 8] = b"\xff" * 8
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(bytes(data)), stats)]
    assert pages == ["https://courier.example/news/flood"] + (
        ["https://village.example/fete"] if damage == "deflate data" else []) + ["https://courier.example/untyped"]
    assert stats.skipped["malformed: damaged part passed over"] >= 1
    assert "malformed: rest of file unreadable" not in stats.skipped
    assert stats.skipped["HTTP status not 2xx"] == 1  # the 404, after the damage
    assert stats.error


class _Unseekable(io.BytesIO):
    def seekable(self) -> bool:
        return False


def test_a_damaged_member_of_a_stream_that_cannot_seek_ends_it_with_the_pages_before() -> None:
    data = bytearray(build_warc(gzip=True))
    members = [i for i in range(len(data) - 3) if data[i:i + 3] == b"\x1f\x8b\x08"]
    data[members[4] + 40:members[4] + 48] = b"\xff" * 8
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(_Unseekable(bytes(data)), stats)]
    assert pages == ["https://courier.example/news/flood", "https://village.example/fete"]
    assert stats.skipped["malformed: rest of file unreadable"] == 1


def test_a_broken_header_in_a_plain_warc_is_passed_over_past_a_false_start_in_a_payload() -> None:
    """In a plain WARC the next record is found by its first line: a page that quotes one
    at a line start is a false start, which fails in turn and is passed over too."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, body in enumerate([b"<html><body><p>one</p></body></html>",
                              b"<html><body><pre>\nWARC/1.0\r\nWARC-Type: garbage\r\n</pre></body></html>",
                              b"<html><body><p>three</p></body></html>"]):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    data = buf.getvalue()
    second = data.index(b"WARC/1.", 1)
    broken = data[:second] + b"XXXX" + data[second + 4:]  # the second record's first line
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(broken), stats)]
    # (taken for a record, the quoted header, with no Content-Length, would swallow the rest)
    assert pages == ["https://a.example/0", "https://a.example/2"]
    assert stats.skipped == {"malformed: damaged part passed over": 1}
    assert stats.error is not None and "XXXX/1.0" in stats.error


def test_a_payload_served_as_not_html_is_never_read(monkeypatch) -> None:
    """A video or an archive in a crawl may be hundreds of MB: a response whose Content-Type
    says it is no page is skipped unread (warcio passes over its bytes block by block),
    so memory stays that of the largest page; one without a Content-Type is read to be
    sniffed."""
    from warcio.recordloader import ArcWarcRecord

    read: list[str] = []
    content_stream = ArcWarcRecord.content_stream

    def recorded(record):
        read.append(record.rec_headers.get_header("WARC-Target-URI"))
        return content_stream(record)

    monkeypatch.setattr(ArcWarcRecord, "content_stream", recorded)
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(build_warc(gzip=True)), stats)]
    assert pages == ["https://courier.example/news/flood", "https://village.example/fete",
                     "https://courier.example/untyped"]
    assert read == pages  # not the image's (image/png), nor the 404's
    assert stats.skipped["not HTML"] == 1


@pytest.mark.parametrize("gzip", [True, False])
def test_a_page_cut_short_is_one_failed_record_naming_it_not_half_a_page(gzip: bool) -> None:
    """A page whose record the file ends inside (its headers read) is one failed output
    record, as a damaged payload is: it was a skip count, the page gone without a name."""
    from cleanscrape.io.readers import InputFile
    from cleanscrape.io.warc import decode_warc, split_warc

    data = build_warc(gzip=gzip)
    # inside the first page's payload (in a .warc.gz, its member's compressed data)
    cut = data.index(b"seep was under control") if not gzip else data.index(b"\x1f\x8b\x08", 500) + 500
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(data[:cut]), stats))
    assert [(page.url, page.html) for page in pages] == [("https://courier.example/news/flood", b"")]
    assert pages[0].error.startswith("record truncated: the file ends inside it, ")
    assert "malformed: truncated record" not in stats.skipped and stats.pages == 1
    raw = [item for item in split_warc(io.BytesIO(data[:cut]), InputFile("crawl.warc", "crawl.warc", "warc"))
           if hasattr(item, "payload")]
    record = decode_warc(raw[0])
    assert record.error == f"WARC record {pages[0].id} (https://courier.example/news/flood): {pages[0].error}"


def test_a_record_cut_before_it_shows_a_page_stays_a_malformed_count() -> None:
    """Cut inside its HTTP headers, before a Content-Type or a page's start, nothing tells
    the record was a page: it is counted, as a fragment with no header is."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Server", "x"), ("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/", "response", payload=io.BytesIO(ARTICLE),
                                                  http_headers=http))
    data = buf.getvalue()
    stats = WarcStats()
    assert list(iter_warc_pages(io.BytesIO(data[:data.index(b"Server: x") + 6]), stats)) == []
    assert stats.skipped == {"malformed: truncated record": 1}



@pytest.mark.parametrize("gzip", [True, False])
def test_a_file_cut_short_inside_a_record_skipped_unread_still_says_so(gzip: bool) -> None:
    """A response served as no page is skipped without reading its payload; a file that
    ends inside it (a download cut short, most likely in a crawl's big media records) must
    still be counted as a truncated record, not as a whole one that is merely not HTML."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for url, body, media_type in [("https://courier.example/news/flood", ARTICLE, "text/html"),
                                  ("https://courier.example/clip.mp4", bytes(range(256)) * 400, "video/mp4")]:
        http = StatusAndHeaders("200 OK", [("Content-Type", media_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    data = buf.getvalue()
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(data[:len(data) * 3 // 4]), stats)]
    assert pages == ["https://courier.example/news/flood"]
    assert stats.skipped == {"malformed: truncated record": 1}
    whole = WarcStats()
    assert len(list(iter_warc_pages(io.BytesIO(data), whole))) == 1 and whole.skipped == {"not HTML": 1}

def test_a_garbled_record_type_counts_as_malformed() -> None:
    data = build_warc(gzip=False).replace(b"WARC-Type: warcinfo", b"WARC-Type: warcinf0", 1)
    stats = WarcStats()
    assert len(list(iter_warc_pages(io.BytesIO(data), stats))) == 3
    assert stats.skipped["malformed: bad WARC-Type"] == 1


@pytest.mark.parametrize("gzip", [True, False])
def test_no_cut_point_makes_reading_raise(gzip: bool) -> None:
    data = build_warc(gzip=gzip)
    for cut in range(0, len(data), max(1, len(data) // 150)):
        stats = WarcStats()
        pages = list(iter_warc_pages(io.BytesIO(data[:cut]), stats))
        # every page read whole or failed (its payload cut short in a .warc.gz: a damaged
        # gzip member), every record accounted for
        assert all(p.html in (ARTICLE, LATIN1) or p.html.endswith(b"</html>") or p.error and not p.html
                   for p in pages)
        assert stats.pages == len(pages)
        unreadable = stats.skipped.get("malformed: rest of file unreadable", 0)
        assert stats.pages + stats.skipped_total == stats.records + unreadable


@pytest.mark.parametrize("gzip", [True, False])
def test_a_warc_cut_short_inside_a_record_says_so(gzip: bool) -> None:
    """A record whose first lines were cut off (a truncated download) was the end of the
    input to warcio: its page lost, nothing said (in a .warc.gz, 102 of 173 places to cut
    it).  Only a cut between two records leaves nothing to say."""
    data, _ = twenty_pages(gzip=gzip)
    starts = [at for at in range(1, len(data)) if data.startswith(b"\x1f\x8b\x08" if gzip else b"WARC/1.0\r\n", at)]
    silent = []
    for cut in range(150, len(data), 23):
        stats = WarcStats()
        pages = list(iter_warc_pages(io.BytesIO(data[:cut]), stats))
        if not stats.skipped and not any(page.error for page in pages):
            silent.append(cut)
    # (a plain WARC's record ends in two blank lines: a cut among them leaves it whole)
    assert all(any(0 <= start - cut <= (0 if gzip else 4) for start in starts) for cut in silent), silent


@pytest.mark.parametrize("after", [b"\n", "an empty gzip member", "two empty gzip members"])
def test_what_a_writer_leaves_after_the_last_record_is_no_truncated_record(after: bytes | str) -> None:
    """A newline, or gzip members of nothing, after a .warc.gz's last record (a writer's
    last flush, files concatenated; an empty file gzipped) hold no record: they were
    counted as 'malformed: truncated record', a record invented, since the bytes read past
    the last record told a cut."""
    import gzip as gzip_module

    data, bodies = twenty_pages(gzip=True)
    padding = after if isinstance(after, bytes) else gzip_module.compress(b"") * (2 if after.startswith("two") else 1)
    for warc, pages in ((data + padding, bodies), (padding, [])):
        if not pages and isinstance(after, bytes):
            continue  # (a file of blank lines alone is no WARC: 'no WARC record in it')
        stats = WarcStats()
        assert [page.html for page in iter_warc_pages(io.BytesIO(warc), stats)] == pages
        assert stats.skipped == {} and stats.records == len(pages)


def test_cli_cleans_html_records_and_counts_the_skipped(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from cleanscrape.cli import cli

    # a WARC ending in garbage: the pages before it are cleaned, the rest is counted
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(build_warc(gzip=True) + b"\x1f\x8b not a gzip member")
    report = tmp_path / "report.jsonl"
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["clean", "-j", "1", "--report", str(report), str(warc)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    assert [o["url"] for o in out] == [
        "https://courier.example/news/flood", "https://village.example/fete", "https://courier.example/untyped"]
    assert all(o["status"] == "ok" and o["date"] and o["id"].startswith("<urn:uuid:") for o in out)
    assert out[0]["text"].startswith("Residents of the lower valley")
    assert "l’été" in out[1]["text"]
    reports = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    meta = reports[1]["metadata"]
    assert (meta["domain"], meta["http_charset"]) == ("village.example", "ISO-8859-1")
    assert (meta["extraction"]["charset"], meta["extraction"]["charset_source"]) == ("cp1252", "http")
    assert "skipped: " in result.stderr
    for reason in ("WARC record HTTP status not 2xx 1", "WARC record not HTML 1",
                   "WARC record not a response (request) 1", "WARC record not a response (warcinfo) 1"):
        assert reason in result.stderr


def test_a_failed_page_without_a_url_is_named_by_its_record_id_alone() -> None:
    # (a resource record, or a response whose target URI was lost: "(None)" named nothing)
    from cleanscrape.io.readers import RawRecord, ReadOptions, decode

    raw = RawRecord("crawl.warc:1", "warc", b"", "crawl.warc", attrs={"warc_id": "<urn:uuid:1>"},
                    error="payload unreadable")
    assert decode(raw, ReadOptions()).error == "WARC record <urn:uuid:1>: payload unreadable"


@pytest.mark.parametrize("gzip", [True, False])
def test_a_page_over_the_byte_limit_fails_unread_with_its_url_and_the_next_are_read(tmp_path: Path, gzip: bool) -> None:
    from cleanscrape.io.readers import ReadOptions, decode, expand_inputs, iter_raw_records

    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(build_warc(gzip=gzip))
    limit = len(ARTICLE) - 1  # the first page is one byte over; the others are smaller
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=pytest.fail, max_record_bytes=limit))
    assert [r.attrs["url"] for r in raws] == [  # type: ignore[index]
        "https://courier.example/news/flood", "https://village.example/fete", "https://courier.example/untyped"]
    assert raws[0].payload == b"" and raws[1].payload == LATIN1
    assert raws[0].error == f"record of {len(ARTICLE):,} bytes, over --max-record-bytes={limit:,}: not read"
    record = decode(raws[0], ReadOptions())
    assert record.error == f"WARC record {raws[0].attrs['warc_id']} (https://courier.example/news/flood): {raws[0].error}"
    assert record.html is None
    assert record.fields is not None and record.fields["url"] == "https://courier.example/news/flood"


def twenty_pages(*, gzip: bool) -> tuple[bytes, list[bytes]]:
    """A crawl of twenty HTML pages of random lengths, and their bodies; the record ids and
    dates are fixed, so the same bytes each run (damage tests sweep or draw places in it)."""
    rng = random.Random(5)
    bodies = [b"<html><body><p>page %d %s</p></body></html>" % (n, b"text " * rng.randint(1, 300)) for n in range(20)]
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for n, body in enumerate(bodies):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://a.example/{n}", "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                               "WARC-Date": "2026-11-27T00:00:00Z"}))
    return buf.getvalue(), bodies


@pytest.mark.parametrize("gzip", [True, False])
def test_random_damage_never_raises_repeats_or_reorders_pages(gzip: bool, capsys) -> None:
    """Bytes overwritten, cut out or put in at random: reading goes on past each damage, and
    the pages that come out are in order, each once, and (where gzip's CRC can tell) each
    exactly the page written; what warcio says of the damage is the read's, not stderr's."""
    data, bodies = twenty_pages(gzip=gzip)
    rng = random.Random(5)
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            at, size = rng.randrange(len(damaged)), rng.randint(1, 30)
            damaged[at:at + size] = rng.choice([bytes(rng.randrange(256) for _ in range(size)), b"",
                                                damaged[at:at + size] + rng.randbytes(size)])
        pages = list(iter_warc_pages(io.BytesIO(bytes(damaged)), _LoopGuard()))
        numbers = [int(page.url.rsplit("/", 1)[1]) for page in pages
                   if page.url and page.url.startswith("https://a.example/") and page.url[18:].isdigit()]
        assert numbers == sorted(set(numbers))
        if gzip:  # (a page whose member is damaged fails, its bytes not given out)
            assert all(page.html == bodies[number] or page.error and not page.html
                       for page, number in zip(pages, numbers))
            assert len(numbers) == len(pages)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("damaged", [(0, 1), (0, 2), (2, 3)])
def test_a_warc_gz_whose_first_bytes_are_damaged_is_read_from_its_next_member(damaged: tuple[int, int],
                                                                             monkeypatch) -> None:
    """A file that starts with neither a gzip member nor a WARC record may be either: its
    next record is looked for as both, not as a plain WARC's alone (which lost every page).
    (Record ids and dates fixed: warcio reads the first member's deflated bytes as a plain
    file, and some random ids make a line of them an ARC header, whose length covers pages.)"""
    from warcio.recordbuilder import RecordBuilder

    ids = iter(range(100))
    monkeypatch.setattr(RecordBuilder, "_make_warc_id",
                        classmethod(lambda cls: f"<urn:uuid:00000000-0000-0000-0000-{next(ids):012d}>"))
    monkeypatch.setattr(RecordBuilder, "_make_warc_date", classmethod(lambda cls, use_micros=False: "2026-11-27T00:00:00Z"))
    data = bytearray(build_warc(gzip=True))
    data[damaged[0]:damaged[1]] = b"\xff" * (damaged[1] - damaged[0])
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(bytes(data)), stats)]
    assert pages == ["https://courier.example/news/flood", "https://village.example/fete",
                     "https://courier.example/untyped"]
    assert stats.skipped["malformed: damaged part passed over"] == 1


def test_a_page_quoting_a_whole_warc_header_is_no_false_start_after_a_broken_header() -> None:
    """A page that quotes a WARC header block with a Content-Length, after a broken header,
    is not taken for a record: it came out as a page of its own, and its length swallowed
    the real records after it."""
    quoted = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://quoted.example/\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 3000\r\n\r\n"
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>quoted</html>")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n in range(8):
        body = b"<html><body><pre>\n" + quoted + b"\n</pre></body></html>" if n == 2 else \
            b"<html><body><p>page %d %s</p></body></html>" % (n, b"text " * 100)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    data = buf.getvalue()
    third = [i for i in range(len(data)) if data.startswith(b"WARC/1.0\r\nWARC-Type: response", i)][2]
    broken = data[:third] + b"XXXX" + data[third + 4:]
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(broken), stats)]
    assert pages == [f"https://a.example/{n}" for n in (0, 1, 3, 4, 5, 6, 7)]
    assert stats.skipped == {"malformed: damaged part passed over": 1}


class _LoopGuard(WarcStats):
    """Fails a reading that passes over more damaged parts than a file could hold."""

    def skip(self, reason: str) -> None:
        super().skip(reason)
        assert sum(self.skipped.values()) < 100, f"reading loops: {self.skipped}"


def test_a_member_whose_damaged_data_runs_into_the_next_ones_is_passed_over_once() -> None:
    """Damaged deflate data may inflate on through the members after it; warcio then puts
    its offset back before the member it started at, and the search from there found that
    member again, forever (the random-damage test hung now and then, its memory growing
    with warcio's warnings)."""
    data, _ = twenty_pages(gzip=True)
    members = [i for i in range(len(data) - 3) if data[i:i + 3] == b"\x1f\x8b\x08"]
    noise = b'qhA\x14\x8c\xbb\xa3"\x926\xad\xd7\xbb?\xbb\x93?\xb1CY\x08\xe2w\xa2l\xdfkl\xcd'
    for at in range(members[-3], len(data)):  # (at 6229 of 6571 bytes, among others, it looped)
        damaged = data[:at] + noise + data[at + len(noise):]
        pages = list(iter_warc_pages(io.BytesIO(damaged), _LoopGuard()))
        numbers = [int(page.url.rsplit("/", 1)[1]) for page in pages]
        assert numbers == sorted(set(numbers)) and numbers[:17] == list(range(17))


def test_a_record_line_split_between_two_search_windows_must_still_start_a_line() -> None:
    """The search reads 256 KB at a time: a WARC line cut by a window's end is found whole
    in the next with the bytes carried over, and the byte before it must still be a newline
    (the first carried byte was taken for a line start, whatever stood before it)."""
    from cleanscrape.io.warc import _SEARCH_WINDOW, _next_record_start

    record = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nab\r\n\r\n"
    mid_line = _SEARCH_WINDOW - 8  # the failed byte at 0, the window from 1: cut after 9 bytes
    data = b"x" * mid_line + record + b"y" * 1000 + b"\n" + record
    assert _next_record_start(io.BytesIO(data), 0, False) == len(data) - len(record)
    for at in range(mid_line - 12, mid_line + 12):  # the same record at a line start
        lined = b"x" * (at - 1) + b"\n" + record
        assert _next_record_start(io.BytesIO(lined), 0, False) == at


@pytest.mark.parametrize("limit", [10, 1000])
def test_a_payload_without_content_type_over_the_byte_limit_is_sniffed_before_it_is_passed_over(limit: int) -> None:
    """Over the limit or not, a payload served with no Content-Type is a page only if its
    start says so: a large binary one is skipped as not HTML (it came out as a page that
    failed, and failed the run), an HTML one fails unread."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, body in (("https://a.example/video", b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 5000),
                      ("https://a.example/page", b"<!DOCTYPE html><html><body>" + b"<p>text</p>" * 500)):
        http = StatusAndHeaders("200 OK", [], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(buf.getvalue()), stats, limit))
    assert [(page.url, page.html, page.unread_size) for page in pages] == [
        ("https://a.example/page", b"", 27 + 11 * 500)]
    assert stats.skipped == {"not HTML": 1}


def test_a_page_whose_gzip_member_is_damaged_never_comes_out_garbled() -> None:
    """warcio reads a payload as it inflates: damaged deflate data may inflate to other
    bytes, or run on to the end of the file, before anything fails.  A page goes out only
    once its member has ended whole, its CRC checked (the last page came out garbled)."""
    data, bodies = twenty_pages(gzip=True)
    members = [i for i in range(len(data) - 3) if data[i:i + 3] == b"\x1f\x8b\x08"]
    for at in range(members[-2], len(data) - 1):  # (at 6556 of 6571 bytes, among others)
        damaged = data[:at] + b"2\xe9" + data[at + 2:]
        pages = list(iter_warc_pages(io.BytesIO(damaged), _LoopGuard()))
        assert [page.url for page in pages][:18] == [f"https://a.example/{n}" for n in range(18)]
        assert all(page.html == bodies[int(page.url.rsplit("/", 1)[1])] or page.error and not page.html
                   for page in pages), at


def test_a_warc_whose_first_line_passes_for_an_arc_header_is_read_from_its_next_record() -> None:
    """A file that starts with neither a gzip member, a WARC record nor an ARC file's
    ``filedesc:`` is damaged at its start: read from there, warcio took this line for an ARC
    header, whose length swallowed the first page and made bogus records of the rest of it.
    The reading now starts at the first record that starts whole."""
    data = b"http://x.example/ 1.2.3.4 20260101000000 text/html 2000\n" + build_warc(gzip=False)[10:]
    stats = WarcStats()
    pages = [page.url for page in iter_warc_pages(io.BytesIO(data), stats)]
    assert pages == ["https://courier.example/news/flood", "https://village.example/fete",
                     "https://courier.example/untyped"]
    assert stats.skipped == {"malformed: damaged part passed over": 1, "not a response (request)": 1,
                             "not HTML": 1, "HTTP status not 2xx": 1}
    assert stats.error == "the file does not start with a WARC record"


def test_an_empty_warc_is_no_damage_and_blank_lines_before_the_first_record_are_passed_over() -> None:
    stats = WarcStats()
    assert list(iter_warc_pages(io.BytesIO(b""), stats)) == [] and stats == WarcStats()
    # (warcio, reading them, took them for a record of no known type, and the file ended there)
    pages = list(iter_warc_pages(io.BytesIO(b"\r\n\r\n" + build_warc(gzip=False)), stats))
    assert len(pages) == 3 and stats.skipped["malformed: damaged part passed over"] == 1


# ---------------------------------------------------------------------------- what warcio says

def _content_length_short(data: bytes, url: bytes, by: int) -> tuple[bytes, int]:
    """A plain WARC whose record for ``url`` says it is ``by`` bytes shorter than it is, and
    where that record starts."""
    target = data.index(b"WARC-Target-URI: " + url + b"\r\n")
    start = data.rindex(b"WARC/1.0\r\n", 0, target)
    at = data.index(b"Content-Length: ", target) + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    return data[:at] + b"%d" % (int(data[at:end]) - by) + data[end:], start


def _a_member_damaged_past_its_first_block() -> tuple[bytes, int]:
    """A WARC.gz of three pages, the second's gzip member damaged 20 KB in: warcio inflates a
    block of 16 KB at a time, and once one has inflated it writes a later block's error on
    stderr and reads on.  Where the damaged member starts."""
    rng = random.Random(1)
    large = b"<html><body><p>%s</p></body></html>" % bytes(rng.choice(b"abcdefghij klmnopqrstuvwxyz")
                                                         for _ in range(60000))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n, body in enumerate([b"<html><body><p>one</p></body></html>", large, b"<html><body><p>three</p></body></html>"]):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://a.example/{n}", "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                               "WARC-Date": "2026-11-27T00:00:00Z"}))
    data = bytearray(buf.getvalue())
    second = data.index(b"\x1f\x8b\x08", 1)
    data[second + 20000:second + 20008] = b"\xff" * 8
    return bytes(data), second


#: the failed page of :func:`_a_member_damaged_past_its_first_block`
DAMAGED_MEMBER = "payload unreadable: InflateError: Error -3 while decompressing data: invalid distance too far back"
NOT_FOLLOWED = "is not followed by a blank line (its Content-Length may be wrong)"


def test_warcio_s_warning_of_a_wrong_content_length_goes_to_the_stats_not_to_stderr(capsys) -> None:
    """warcio writes its warnings on stderr itself; read here, they are the read's notices,
    naming the record by where it starts."""
    from cleanscrape.io.warc import WarcNotice

    data, start = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(data), stats))
    assert len(pages) == 20
    assert stats.notices == [WarcNotice(start, NOT_FOLLOWED)]
    assert capsys.readouterr().err == ""


def test_warcio_s_error_in_a_damaged_member_goes_to_the_stats_not_to_stderr(capsys) -> None:
    data, second = _a_member_damaged_past_its_first_block()
    stats = WarcStats()
    list(iter_warc_pages(io.BytesIO(data), stats))
    assert [(notice.offset, notice.problem.split(" (")[0]) for notice in stats.notices] == [
        (second, "has damaged compressed data")]
    assert "Error -3 while decompressing data" in stats.notices[0].problem
    assert capsys.readouterr().err == ""


def test_warcio_writes_on_stderr_as_ever_outside_a_read(capsys) -> None:
    """Only what warcio says while a read drives it is taken: code that uses warcio between
    two pages of a read (or in another thread) has its warnings on stderr as before."""
    from warcio.archiveiterator import ArchiveIterator

    bad, _ = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    stats = WarcStats()
    for n, _page in enumerate(iter_warc_pages(io.BytesIO(build_warc(gzip=False)), stats)):
        if n == 1:
            for _record in ArchiveIterator(io.BytesIO(bad)):
                pass
    assert "WARNING: Record not followed by newline" in capsys.readouterr().err
    assert stats.notices == []


def test_warcio_in_another_thread_writes_on_stderr_as_ever_while_a_read_is_in_warcio(capsys) -> None:
    """What warcio says is heard by the read only on the thread driving it: another thread
    using warcio meanwhile is not (as it would be under a redirect of sys.stderr)."""
    import threading

    from warcio.archiveiterator import ArchiveIterator

    bad, _ = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    inside, go_on = threading.Event(), threading.Event()

    class Held(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            if not inside.is_set():
                inside.set()
                go_on.wait(10)
            return super().read(size)

    stats = WarcStats()
    reading = threading.Thread(target=lambda: list(iter_warc_pages(Held(bad), stats)))
    reading.start()
    assert inside.wait(10)
    for _record in ArchiveIterator(io.BytesIO(bad)):
        pass
    go_on.set()
    reading.join(10)
    assert capsys.readouterr().err.count("WARNING: Record not followed by newline") == 1  # this thread's
    assert [notice.problem for notice in stats.notices] == [NOT_FOLLOWED]


@pytest.mark.parametrize("quiet", [False, True])
def test_cli_reports_warcio_s_warnings_as_its_own_naming_the_file_and_byte(tmp_path: Path, quiet: bool) -> None:
    """No line of warcio's own on stderr (it named no file, and broke into the progress
    bar): a warning of the CLI's, in the run's count of warnings and under its cap."""
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    plain, start = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    (tmp_path / "a.warc").write_bytes(plain)
    damaged, second = _a_member_damaged_past_its_first_block()
    (tmp_path / "b.warc.gz").write_bytes(damaged)
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["clean", "-j", "1", *(["-q"] if quiet else []), "-o", str(tmp_path / "out.jsonl"),
                                 str(tmp_path / "a.warc"), str(tmp_path / "b.warc.gz")], catch_exceptions=False)
    lines = result.stderr.splitlines()
    assert all(line.startswith("cleanscrape: ") for line in lines), result.stderr
    assert f"cleanscrape: warning: a.warc: record at byte {start} {NOT_FOLLOWED}" in lines
    assert any(line.startswith(f"cleanscrape: warning: b.warc.gz: record at byte {second} has damaged compressed data")
               for line in lines), result.stderr
    assert ("2 input warnings" in result.stderr) != quiet


def test_a_warc_zst_s_warning_says_its_byte_is_one_of_the_decompressed_data(tmp_path: Path) -> None:
    # zstd is inflated before warcio reads: its offset, 4275 in a file of 1,555 bytes, is
    # none of the file's (a .warc.gz's is: warcio reads gzip itself, and names the member)
    import zstandard

    from cleanscrape.io.readers import expand_inputs, iter_raw_records

    plain, start = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    (tmp_path / "a.warc.zst").write_bytes(zstandard.compress(plain))
    warnings: list[str] = []
    list(iter_raw_records(expand_inputs([str(tmp_path / "a.warc.zst")]), on_error=print, on_warning=warnings.append))
    assert warnings == [f"a.warc.zst: record at byte {start} of the decompressed data {NOT_FOLLOWED}"]


def test_a_warc_gzipped_whole_s_warning_says_its_byte_is_one_of_the_decompressed_data(tmp_path: Path) -> None:
    # (gzip crawl.warc: one member, inflated here and read as a plain WARC) its offset was
    # said as the file's, as a .warc.zst's was
    import gzip as gzip_module

    from cleanscrape.io.readers import expand_inputs, iter_raw_records

    plain, start = _content_length_short(twenty_pages(gzip=False)[0], b"https://a.example/3", 5)
    (tmp_path / "a.warc.gz").write_bytes(gzip_module.compress(plain, mtime=0))
    warnings: list[str] = []
    list(iter_raw_records(expand_inputs([str(tmp_path / "a.warc.gz")]), on_error=print, on_warning=warnings.append))
    assert warnings == [f"a.warc.gz: record at byte {start} of the decompressed data {NOT_FOLLOWED}"]


@pytest.mark.parametrize("name", ["dump.warc.gz", "-"])
def test_a_file_holding_no_warc_record_is_an_unreadable_input(tmp_path: Path, name: str) -> None:
    # (a file misnamed, --format warc on other data): it was '0 documents; skipped: WARC
    # record malformed: rest of file unreadable 1', exit 0
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    data = b'{"id": 1, "text": "not a crawl"}\n' * 50
    (tmp_path / "dump.warc.gz").write_bytes(data)
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["clean", "-j", "1", "--format", "warc", str(tmp_path / name) if name != "-" else "-"],
                           input=data, catch_exceptions=False)
    assert result.exit_code == 1
    shown = "stdin" if name == "-" else str(tmp_path / name)
    assert f"cleanscrape: error: {shown}: no WARC record in it (" in result.stderr, result.stderr
    assert "1 unreadable input" in result.stderr and "skipped" not in result.stderr


def test_warcio_s_log_of_a_uri_with_spaces_goes_to_the_stats_not_to_its_logger(caplog, capsys) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/a b", "response",
                                                  payload=io.BytesIO(b"<html>a b</html>"), http_headers=http))
    stats = WarcStats()
    with caplog.at_level("WARNING", logger="warcio"):
        pages = list(iter_warc_pages(io.BytesIO(buf.getvalue()), stats))
    assert [page.url for page in pages] == ["https://a.example/a%20b"]
    assert [notice.problem for notice in stats.notices] == ["has spaces in its WARC-Target-URI (read with %20 for each)"]
    assert not caplog.records and capsys.readouterr().err == ""


def test_a_member_whose_data_fails_to_inflate_past_its_first_block_is_passed_over_and_the_pages_after_read() -> None:
    """warcio writes such an error on stderr and reads on without the block, and on, to the
    end of the file: the page was counted as cut short by the file's end, and the pages
    after it were lost, uncounted."""
    data, second = _a_member_damaged_past_its_first_block()
    stats = WarcStats()
    pages = [(page.url, page.error) for page in iter_warc_pages(io.BytesIO(data), stats)]
    assert pages == [("https://a.example/0", None), ("https://a.example/1", DAMAGED_MEMBER), ("https://a.example/2", None)]
    assert stats.skipped == {}
    assert [notice.offset for notice in stats.notices] == [second]


def test_a_page_whose_content_encoding_fails_to_inflate_past_its_first_block_fails_not_cut_short() -> None:
    """A page served gzipped (Content-Encoding), its gzip damaged: warcio inflated it up to
    the damage, wrote the error on stderr, and the page came out cut short as if whole.  It
    fails, saying why, as a page compressed without a Content-Encoding does (it was skipped,
    a count on the summary line: a record with no output record)."""
    import gzip as gzip_module

    rng = random.Random(1)
    served = gzip_module.compress(b"<html><body><p>%s</p></body></html>" % bytes(
        rng.choice(b"abcdefghij klmnopqrstuvwxyz") for _ in range(60000)), mtime=0)
    served = served[:20000] + b"\xff" * 8 + served[20008:]
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, (body, encoding) in enumerate([(b"<html><body><p>one</p></body></html>", []),
                                          (served, [("Content-Encoding", "gzip")]),
                                          (b"<html><body><p>three</p></body></html>", [])]):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *encoding], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    data = buf.getvalue()
    stats = WarcStats()
    pages = [(page.url, page.html == b"", page.error) for page in iter_warc_pages(io.BytesIO(data), stats)]
    assert [page[:2] for page in pages] == [("https://a.example/0", False), ("https://a.example/1", True),
                                            ("https://a.example/2", False)]
    assert pages[1][2].startswith("payload unreadable: its gzip Content-Encoding fails to decode (InflateError: ")
    assert stats.skipped == {}
    second = data.index(b"WARC/1.0\r\n", 1)
    assert [(notice.offset, notice.problem.split(" (")[0]) for notice in stats.notices] == [
        (second, "has damaged compressed data")]


def _served_gzipped(bodies: list[tuple[bytes, bool]]) -> bytes:
    """A plain WARC of HTML responses, each body given with whether its header says it is
    served gzipped (Content-Encoding)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, (body, encoded) in enumerate(bodies):
        headers = [("Content-Type", "text/html"), *([("Content-Encoding", "gzip")] if encoded else [])]
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


def test_a_page_whose_content_encoding_fails_to_inflate_at_its_start_fails_not_passed_on_compressed() -> None:
    """Damaged in its first block, a gzipped page is taken by warcio for one served plain
    (servers that say gzip and send plain text exist): it handed out the compressed bytes
    as the page.  Compressed bytes are no page; plain text under a gzip header still is."""
    import gzip as gzip_module

    served = gzip_module.compress(b"<html><body><p>%s</p></body></html>" % (b"word " * 2000), mtime=0)
    damaged = served[:12] + b"\xff" * 8 + served[20:]
    plain_under_a_gzip_header = b"<html><body><p>plain after all</p></body></html>"
    data = _served_gzipped([(b"<html><body><p>one</p></body></html>", False), (damaged, True),
                            (plain_under_a_gzip_header, True), (served, True)])
    stats = WarcStats()
    read = list(iter_warc_pages(io.BytesIO(data), stats))
    pages = {page.url: page.html for page in read}
    assert list(pages) == [f"https://a.example/{n}" for n in range(4)]
    assert (pages["https://a.example/1"], read[1].error) == (
        b"", "payload unreadable: its gzip Content-Encoding fails to decode (it still starts as gzip data)")
    assert pages["https://a.example/2"] == plain_under_a_gzip_header
    assert pages["https://a.example/3"].startswith(b"<html><body><p>word word")
    assert stats.skipped == {}


def test_a_page_in_another_content_encoding_that_warcio_hands_out_still_encoded_fails() -> None:
    """deflate damaged in its first block, and an encoding nothing here decodes: warcio
    handed out the encoded bytes as the page, to extraction, where gzip's are caught by their
    magic.  Plain pages under such a header (servers send them) and whole deflate data (zlib
    or raw) are still read."""
    import zlib

    page = b"<html><body><p>%s</p></body></html>" % (b"word " * 2000)
    zlib_data = zlib.compress(page)
    raw_deflate = zlib.compressobj(wbits=-15)
    raw_data = raw_deflate.compress(page) + raw_deflate.flush()
    compressed_like = bytes(random.Random(2).randrange(256) for _ in range(3000))
    plain = b"<html><body><p>plain after all</p></body></html>"
    served = [(zlib_data, "deflate"), (raw_data, "deflate"), (zlib_data[:2] + b"\xff" * 8 + zlib_data[10:], "deflate"),
              (b"\xff" * 8 + raw_data[8:], "deflate"), (plain, "deflate"), (plain, "br"),
              (compressed_like, "compress"), (compressed_like, "x-unheard-of")]
    stats = WarcStats()
    read = list(iter_warc_pages(io.BytesIO(_served_encoded(served)), stats))
    assert [page.html for page in read] == [page, page, b"", b"", plain, plain, b"", b""]
    assert [page.error for page in read] == [
        None, None, *["payload unreadable: its deflate Content-Encoding fails to decode at its start"] * 2, None, None,
        "payload in an encoding not read (compress)", "payload in an encoding not read (unknown)"]
    assert stats.skipped == {}


def test_pages_served_br_or_zstd_are_decoded() -> None:
    """Browsers ask for br and zstd, and browser-made crawls keep responses as sent: warcio
    decodes br with the brotli module (a dependency) and zstd as cleanscrape registers it; it
    handed both out still encoded, skipped.  Damaged in their first block, they are skipped
    as gzip's are, and a plain page under either header is read."""
    brotli = pytest.importorskip("brotli")
    import zstandard

    words = random.Random(3)
    page = b"<html><body><p>%s</p></body></html>" % b" ".join(b"%x" % words.randrange(1 << 40) for _ in range(2000))
    br_data, zstd_data = brotli.compress(page), zstandard.compress(page)
    plain = b"<html><body><p>plain after all</p></body></html>"
    served = [(br_data, "br"), (zstd_data, "zstd"), (br_data[:2] + b"\xff" * 40 + br_data[42:], "br"),
              (b"\xff" * 8 + zstd_data[8:], "zstd"), (plain, "br"), (plain, "zstd"), (zstd_data, "ZSTD")]
    stats = WarcStats()
    read = list(iter_warc_pages(io.BytesIO(_served_encoded(served)), stats))
    assert [page.html for page in read] == [page, page, b"", b"", plain, plain, page]
    assert [page.error for page in read][2:4] == [
        "payload unreadable: its br Content-Encoding fails to decode at its start",
        "payload unreadable: its zstd Content-Encoding fails to decode at its start"]
    assert stats.skipped == {}


def test_a_page_brotli_compressed_without_a_content_encoding_is_decoded() -> None:
    """brotli data has no magic bytes: served with no Content-Encoding (a crawler that stored
    it decoded and dropped the header but not the bytes), a page went to extraction as
    binary noise.  Binary (control bytes), it is tried as brotli, and read when it decodes
    whole; bytes that do not, and a page in UTF-16 (a NUL a character), go on as they are."""
    brotli = pytest.importorskip("brotli")

    page = b"<html><body><p>%s</p></body></html>" % (b"Served compressed, the header lost. " * 40)
    noise = bytes(random.Random(4).randrange(256) for _ in range(3000))
    utf16 = "<html><body><p>Jedna dva tři</p></body></html>".encode("utf-16-le")
    served = [(brotli.compress(page), None), (brotli.compress(page), "identity"), (noise, None), (utf16, None)]
    read = list(iter_warc_pages(io.BytesIO(_served_encoded(served))))
    assert [(p.html, p.error) for p in read] == [(page, None), (page, None), (noise, None), (utf16, None)]
    over = list(iter_warc_pages(io.BytesIO(_served_encoded(served[:1])), max_payload_bytes=len(page) - 1))
    assert (over[0].html, over[0].unread_size) == (b"", len(page))


def test_without_a_brotli_module_a_brotli_page_fails_saying_what_to_install(monkeypatch) -> None:
    """In an install made without dependencies there may be no brotli: a page served br was
    handed out still encoded, and one brotli-compressed without a Content-Encoding went to
    extraction as binary noise.  Both fail, saying what reads them; a page in UTF-16, and
    binary bytes with no Content-Type (no page), are not taken for brotli."""
    brotli = pytest.importorskip("brotli")
    from warcio.bufferedreaders import BufferedReader

    from cleanscrape.io import warc

    warc._extend_warcio_decoders()
    monkeypatch.delitem(BufferedReader.DECOMPRESSORS, "br")
    monkeypatch.setattr(warc, "_brotli", lambda: None)
    page = b"<html><body><p>%s</p></body></html>" % (b"Served compressed. " * 40)
    utf16 = "<html><body><p>Jedna dva tři</p></body></html>".encode("utf-16-le")
    served = [(brotli.compress(page), "br"), (brotli.compress(page), None), (utf16, None)]
    read = list(iter_warc_pages(io.BytesIO(_served_encoded(served))))
    assert [p.html for p in read] == [b"", b"", utf16]
    assert read[0].error == ("payload in Content-Encoding br, not read: reading brotli needs the brotli "
                             "module (pip install brotli)")
    assert read[1].error is not None and read[1].error.startswith(
        "payload is binary data, not text, served without a Content-Encoding: brotli data")
    assert read[1].error.endswith("(pip install brotli)")
    stats = WarcStats()
    assert list(iter_warc_pages(io.BytesIO(_served_encoded(served[1:2], None)), stats)) == []
    assert stats.skipped == {"not HTML": 1}


def _served_encoded(served: list[tuple[bytes, str | None]], content_type: str | None = "text/html") -> bytes:
    """A WARC of HTML responses, each payload served under its Content-Encoding (None: no
    such header), all under ``content_type`` (None: no such header)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, (body, encoding) in enumerate(served):
        headers = [("Content-Type", content_type), ("Content-Encoding", encoding)]
        http = StatusAndHeaders("200 OK", [(name, value) for name, value in headers if value is not None],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


def test_pages_gzipped_or_zstd_compressed_without_a_content_encoding_are_decompressed() -> None:
    """A payload compressed with no Content-Encoding to say so (a server's, or a crawler's that
    stored it decoded and dropped the header but not the bytes) went to extraction as it was:
    an empty page.  One that fails to decompress is a failed page saying why, and without a
    Content-Type, which leaves no telling whether it was a page, a record skipped."""
    import gzip as gzip_module

    import zstandard

    page = b"<html><body><p>%s</p></body></html>" % (b"Served compressed, the header lost. " * 40)
    gz = gzip_module.compress(page)
    damaged = gz[:20] + b"\xff" * 8 + gz[28:]
    served = [(gz, None), (zstandard.compress(page), None), (gz, "identity"), (damaged, None), (gz[:-12], None)]
    stats = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(_served_encoded(served)), stats))
    assert [p.html for p in pages] == [page, page, page, b"", b""]
    assert [p.error for p in pages[:3]] == [None, None, None]
    assert pages[3].error is not None and pages[3].error.startswith(
        "payload starts as gzip data (served without a Content-Encoding) that fails to decompress: damaged gzip data")
    assert pages[4].error == ("payload starts as gzip data (served without a Content-Encoding) that fails to "
                              "decompress: gzip data ends inside a member (truncated file)")
    assert stats.skipped == {}
    untyped = WarcStats()
    pages = list(iter_warc_pages(io.BytesIO(_served_encoded([(gz, None), (damaged, None)], None)), untyped))
    assert [p.html for p in pages] == [page]
    assert untyped.skipped == {"malformed: payload unreadable": 1}


def test_a_damaged_payload_is_one_failed_record_naming_it_with_a_content_encoding_or_without(tmp_path: Path) -> None:
    """Damaged gzip data under a Content-Encoding was skipped, a count on the summary line,
    and without one a failed record: every HTML record read gives one output record, and a
    failed one names the record (its WARC-Record-ID and URI) and what is wrong."""
    import gzip as gzip_module
    import json

    from click.testing import CliRunner

    from cleanscrape.cli import cli

    page = b"<html><body><p>%s</p></body></html>" % (b"Served compressed. " * 40)
    gz = gzip_module.compress(page)
    damaged = gz[:20] + b"\xff" * 8 + gz[28:]
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(_served_encoded([(damaged, None), (damaged, "gzip"), (gz, "gzip")]))
    result = CliRunner().invoke(cli, ["clean", "-j", "1", str(warc)], catch_exceptions=False)
    assert result.exit_code == 1  # (records failed; the run went on)
    out = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    assert [o["status"] for o in out] == ["failed", "failed", "ok"]
    for n, o in enumerate(out[:2]):
        assert o["url"] == f"https://a.example/{n}"
        assert o["error"].startswith(f"crawl.warc:{n + 1}: WARC record {o['id']} (https://a.example/{n}): payload ")
    assert out[1]["error"].endswith("its gzip Content-Encoding fails to decode (it still starts as gzip data)")


@pytest.mark.parametrize("encoding", ["br", None, "zstd", "gzip"])
def test_a_brotli_or_zstd_bomb_fails_with_its_size_in_bounded_memory(encoding: str | None) -> None:
    """A few KB of brotli or zstd that decode to 64 MB, over the limit: the page fails with
    its size, as a gzip bomb does, and the decoding holds little more than the limit.  Under
    a Content-Encoding, warcio's decoder gave a block's output whole (64 MB at once; a few
    KB decode to GBs); brotli without one went piece by piece already, but stopped short.
    (gzip inflates at most 1,032 times: a 16 KB block of warcio's to 16 MB, held three
    times over.)"""
    import gzip as gzip_module
    import tracemalloc

    import zstandard

    brotli = pytest.importorskip("brotli")
    size, limit = 64 << 20, 1 << 20
    start = b"<html><body><p>%s</p>" % b" ".join(b"%x" % random.Random(5).randrange(1 << 40) for _ in range(400))
    page = start + bytes(size - len(start))
    bomb = {"gzip": gzip_module.compress, "zstd": zstandard.compress}.get(
        encoding or "", lambda data: brotli.compress(data, quality=5))(page)
    assert len(bomb) < 8000 or encoding == "gzip"
    warc = _served_encoded([(bomb, encoding)])
    tracemalloc.start()
    try:
        read = list(iter_warc_pages(io.BytesIO(warc), max_payload_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(page.html, page.unread_size, page.error) for page in read] == [(b"", size, None)]
    assert peak < (56 << 20 if encoding == "gzip" else 8 << 20)


def test_a_page_decompressed_over_the_byte_limit_fails_unread_with_its_size(tmp_path: Path) -> None:
    import gzip as gzip_module
    import json

    from click.testing import CliRunner

    from cleanscrape.cli import cli

    page = b"<html><body><p>%s</p></body></html>" % (b"Served compressed, the header lost. " * 40)
    gz = gzip_module.compress(page)
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(_served_encoded([(gz, None), (gz[:20] + b"\xff" * 8 + gz[28:], None)]))
    limit = len(gz) + 1  # the compressed page is under it, the page not
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["clean", "-j", "1", "--max-record-bytes", str(limit), str(warc)],
                           catch_exceptions=False)
    assert result.exit_code == 1, result.stderr  # (records failed; the run went on)
    out = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    assert [o["status"] for o in out] == ["failed", "failed"]
    assert f"record of {len(page):,} bytes, over --max-record-bytes={limit:,}: not read" in out[0]["error"]
    assert "fails to decompress: damaged gzip data" in out[1]["error"]


def test_an_inflate_error_read_again_is_one_notice_not_warcio_repeating_itself() -> None:
    """A member that fails to inflate is read twice (its payload, then warcio's step past the
    record): the error is heard twice of the same data, and the warning said "warcio said so
    2 times", as if warcio had found it again (19 of 29 such warnings on random damage)."""
    data, second = _a_member_damaged_past_its_first_block()
    stats = WarcStats()
    list(iter_warc_pages(io.BytesIO(data), stats))
    [notice] = stats.notices
    assert notice.message("b.warc.gz") == f"b.warc.gz: record at byte {second} {notice.problem}"


def test_a_truncated_warc_zst_is_a_read_error_keeping_the_pages_before(tmp_path: Path) -> None:
    """A .warc.zst cut short: the zstd reader raised EOFError there, which warcio takes for
    the end of the input, so the file ended as if whole (no error, exit 0; 107 pages of 300
    here), where a truncated compressed input is a read error (docs/reliability.md)."""
    import zstandard

    from cleanscrape.io.readers import expand_inputs, iter_raw_records

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    rng = random.Random(3)
    letters = b"abcdefgh ijklmnop" * 16
    for n in range(300):  # (zstd puts out a block of 128 KB once it is whole: several here)
        body = b"<html><body><p>%s</p></body></html>" % bytes(rng.choices(letters, k=2000))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    compressed = zstandard.compress(buf.getvalue())
    errors: list[str] = []
    read = []
    for cut, name in ((len(compressed) // 2, "half.warc.zst"), (200, "start.warc.zst")):
        (tmp_path / name).write_bytes(compressed[:cut])
        pages = list(iter_raw_records(expand_inputs([str(tmp_path / name)]), on_error=errors.append))
        assert all(page.attrs and page.attrs["url"] == f"https://a.example/{n}" for n, page in enumerate(pages))
        read.append(len(pages))
    assert 0 < read[0] < 150 and read[1] == 0 and len(errors) == 2
    assert all(f"{name}: read error: " in error and "truncated" in error
               for error, name in zip(errors, ("half.warc.zst", "start.warc.zst"))), errors


def test_a_warc_gzipped_whole_is_read_whole() -> None:
    """gzip crawl.warc makes one member of the whole file, where warcio reads a member per
    record: it refused the file after its first page (1 page of 20, the rest 'malformed:
    rest of file unreadable').  Cut short, it is a read error after the pages before the
    cut, as a truncated .warc.zst is."""
    import gzip as gzip_module

    plain, bodies = twenty_pages(gzip=False)
    whole = gzip_module.compress(plain, mtime=0)
    stats = WarcStats()
    assert [page.html for page in iter_warc_pages(io.BytesIO(whole), stats)] == bodies
    assert stats.skipped == {} and stats.records == 20
    cut = WarcStats()
    pages = []
    with pytest.raises(OSError, match="truncated file"):
        for page in iter_warc_pages(io.BytesIO(whole[:len(whole) // 2]), cut):
            pages.append(page.html)
    assert 0 < len(pages) < 20 and pages == bodies[:len(pages)] and cut.skipped == {}


@pytest.mark.parametrize("whole", [True, False])
def test_a_gzipped_warc_through_a_pipe_is_read_whole(whole: bool) -> None:
    """A pipe cannot seek back to read a WARC gzipped whole again, inflated here, once warcio
    refuses it after its first record: ``cat crawl.warc.gz | cleanscrape clean --format warc -``
    gave 1 page of 20, the rest 'malformed: rest of file unreadable' (a file gave all 20)."""
    import gzip as gzip_module

    plain, bodies = twenty_pages(gzip=False)
    data = gzip_module.compress(plain, mtime=0) if whole else twenty_pages(gzip=True)[0]
    stats = WarcStats()
    assert [page.html for page in iter_warc_pages(_Unseekable(data), stats)] == bodies
    assert stats.skipped == {} and stats.records == 20 and stats.error is None


def test_a_warc_gzipped_whole_too_large_to_read_twice_from_a_pipe_is_a_read_error(monkeypatch) -> None:
    """The pipe's bytes are kept until the second record is read; a first record over the
    limit cannot be read again, and the rest of the file is not passed off as unreadable."""
    import gzip as gzip_module

    from cleanscrape.io import warc

    monkeypatch.setattr(warc, "_REPLAY_BYTES", 100)
    plain, bodies = twenty_pages(gzip=False)
    pages = []
    with pytest.raises(OSError, match="whose first record takes over 0 MB cannot be read from a pipe"):
        for page in iter_warc_pages(_Unseekable(gzip_module.compress(plain, mtime=0))):
            pages.append(page.html)
    assert pages == bodies[:1]
    # a WARC gzipped a member a record keeps nothing past its second record
    assert [page.html for page in iter_warc_pages(_Unseekable(twenty_pages(gzip=True)[0]))] == bodies


def test_a_gzipped_warc_on_stdin_is_read_whole(tmp_path: Path) -> None:
    import gzip as gzip_module
    import json
    import subprocess
    import sys

    plain, bodies = twenty_pages(gzip=False)
    proc = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", "-q", "--stages", "whitespace", "-j", "1",
                           "--format", "warc", "-"], input=gzip_module.compress(plain), capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["url"] for line in proc.stdout.splitlines()] == [
        f"https://a.example/{n}" for n in range(20)]


def test_a_page_served_x_gzip_is_inflated_as_gzip() -> None:
    """``Content-Encoding: x-gzip`` is gzip (RFC 9110); warcio inflates only what it calls
    "gzip", so such a page came out still compressed, and was skipped as unreadable."""
    import gzip as gzip_module

    page = b"<html><body><p>served as x-gzip</p></body></html>"
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "x-gzip")],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/", "response",
                                                  payload=io.BytesIO(gzip_module.compress(page)), http_headers=http))
    stats = WarcStats()
    assert [p.html for p in iter_warc_pages(io.BytesIO(buf.getvalue()), stats)] == [page]
    assert stats.skipped == {}


def test_a_warc_that_ends_in_a_read_error_still_tells_what_it_skipped_and_warned_of(tmp_path: Path) -> None:
    """The skip counts and warcio's notices of a file went out after its last page: a read
    error ending the file (a truncated .warc.zst) took them with it."""
    import zstandard

    from cleanscrape.io.readers import Skipped, expand_inputs, iter_raw_records

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    rng = random.Random(3)
    letters = b"abcdefgh ijklmnop" * 16
    for n in range(300):
        image = n % 10 == 0
        body = b"\x89PNG" if image else b"<html><body><p>%s</p></body></html>" % bytes(rng.choices(letters, k=2000))
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png" if image else "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}" + (" x" if n == 5 else ""), "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    compressed = zstandard.compress(buf.getvalue())
    (tmp_path / "cut.warc.zst").write_bytes(compressed[:len(compressed) // 2])
    errors: list[str] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    pages = list(iter_raw_records(expand_inputs([str(tmp_path / "cut.warc.zst")]), on_error=errors.append,
                                  on_skip=skipped.append, on_warning=warnings.append))
    assert pages and len(errors) == 1
    # (and the page the cut fell in: its payload unreadable)
    assert {item.reason for item in skipped} >= {"WARC record not HTML"}
    assert len(warnings) == 1 and "WARC-Target-URI" in warnings[0]


def test_a_member_that_fails_to_inflate_is_one_failed_page_not_a_skip_too() -> None:
    """Its payload failed (payload unreadable), then the step past the rest of the record
    failed the same way, and the search on from there counted a damaged part passed over
    too: one page lost, two skips on the summary line."""
    data, _ = _a_member_damaged_past_its_first_block()
    stats = WarcStats()
    assert [(page.url, page.error) for page in iter_warc_pages(io.BytesIO(data), stats)] == [
        ("https://a.example/0", None), ("https://a.example/1", DAMAGED_MEMBER), ("https://a.example/2", None)]
    assert stats.skipped == {}
    assert stats.records == 3


def _pages_warc(bodies: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, body in bodies:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_failing_past_the_reader_is_named_by_its_record_as_a_reader_failure_is(tmp_path: Path,
                                                                                      jobs: str) -> None:
    # (by its number in the file alone, the page was found in no other tool: docs/cli.md)
    import json

    from click.testing import CliRunner

    from cleanscrape.cli import cli

    warc = tmp_path / "crawl.warc"
    warc.write_bytes(_pages_warc([("https://a.example/binary", bytes(range(256)) * 4),
                                  ("https://a.example/long", b"<html><body><p>" + b"Long text. " * 2000 + b"</p></body></html>"),
                                  ("https://a.example/fine", ARTICLE)]))
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["clean", "-j", jobs, "--max-doc-chars", "10000", str(warc)], catch_exceptions=False)
    out = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    assert [o["status"] for o in out] == ["failed", "ok", "ok"]
    binary, long = (f"WARC record {o['id']} ({o['url']})" for o in out[:2])
    assert out[0]["error"] == f"crawl.warc:1: {binary}: page not parseable as HTML"
    assert f"error: crawl.warc:1: {binary}: page not parseable as HTML\n" in result.stderr
    assert f"warning: crawl.warc:2: {long}: page not extracted (limit:size: " in result.stderr


def test_a_page_whose_cleaning_raises_is_named_by_its_record(monkeypatch) -> None:
    import orjson

    import cleanscrape.parallel as parallel
    from cleanscrape import Cleaner
    from cleanscrape.io.readers import RawRecord

    def raising(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "extract_within_limits", raising)
    raw = RawRecord("crawl.warc:3", "warc", ARTICLE, "crawl.warc",
                    attrs={"warc_id": "<urn:uuid:3>", "url": "https://a.example/3"})
    outcome = parallel.clean_raw(Cleaner(), parallel.Job(output_format="jsonl"), raw)
    assert outcome.error == "crawl.warc:3: WARC record <urn:uuid:3> (https://a.example/3): RuntimeError: boom"
    assert orjson.loads(outcome.item.data)["error"] == outcome.error
