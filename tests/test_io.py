"""Readers and writers: format detection, folder walking, decompression by content,
record decoding, atomic and resumable output files."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import sys
import zlib
from pathlib import Path

import pytest
import zstandard

from cleanscrape.io.readers import (
    InputFile,
    RawRecord,
    ReadOptions,
    ReadProgress,
    decode,
    detect_format,
    expand_inputs,
    iter_raw_records,
    open_input,
)
from cleanscrape.cleaner import Result
from cleanscrape.io.writers import (
    AtomicFile,
    Checkpoint,
    FileSink,
    FolderSink,
    Item,
    OutputError,
    compress_frame,
    encode_jsonl,
    encode_report,
    partial_path,
)

DATA = Path(__file__).parent / "data" / "cli"


@pytest.mark.parametrize("name,expected", [
    ("a.jsonl", "jsonl"), ("a.JSONL.gz", "jsonl"), ("a.ndjson.zst", "jsonl"),
    ("a.txt", "text"), ("a.txt.gz", "text"), ("README", "text"), ("jsonl", "text"),
])
def test_detect_format(name: str, expected: str) -> None:
    assert detect_format(name) == expected


def test_folders_are_walked_sorted_recursively_without_hidden_files() -> None:
    found = list(expand_inputs([str(DATA / "docs")]))
    assert [(f.name, f.format) for f in found] == [("a.txt", "text"), ("sub/b.txt", "text")]


def _folder_with(tmp_path: Path, *links: tuple[str, str]) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("a")
    (folder / "sub" / "b.txt").write_text("b")
    (folder / "z.txt").write_text("z")
    for name, target in links:
        (folder / name).symlink_to(target)
    return folder


@pytest.mark.parametrize("link", [("sub/loop", ".."), ("self", "self"), ("gone.txt", "nowhere.txt")])
def test_a_folder_link_that_loops_or_leads_nowhere_is_reported_and_the_walk_goes_on(tmp_path: Path, link) -> None:
    # a loop was followed until the OS refused (ELOOP), and that OSError ended the run as a
    # failed write (exit 74); a link to nothing was passed over in silence
    folder = _folder_with(tmp_path, link)
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(folder), str(folder / "a.txt")]), on_error=errors.append))
    assert [r.location for r in raws] == ["a.txt", "sub/b.txt", "z.txt", "a.txt"]
    assert len(errors) == 1 and link[0] in errors[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_in_a_folder_is_reported_not_read_and_the_walk_goes_on(tmp_path: Path) -> None:
    # passed over in silence (read, it would wait for a writer, for ever if none came)
    folder = _folder_with(tmp_path)
    os.mkfifo(folder / "sub" / "pipe.txt")
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(folder)]), on_error=errors.append))
    assert [r.location for r in raws] == ["a.txt", "sub/b.txt", "z.txt"]
    assert errors == [f"{folder / 'sub' / 'pipe.txt'}: a FIFO, not a file: not read"]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_inputs_after_it_are_read(tmp_path: Path,
                                                                                     monkeypatch) -> None:
    # the walk raised inside the generator of inputs, which ended it: every input after
    # the folder was left unread, unreported
    folder = _folder_with(tmp_path)
    listed = os.scandir

    def scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return listed(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(folder), str(folder / "a.txt")]), on_error=errors.append))
    assert [r.location for r in raws] == ["a.txt", "z.txt", "a.txt"]
    assert errors == [f"{folder / 'sub'}: cannot list folder: Permission denied"]


def test_forced_format_applies_to_every_file() -> None:
    assert {f.format for f in expand_inputs([str(DATA / "docs")], "jsonl")} == {"jsonl"}


def two_zstd_frames(data: bytes) -> bytes:
    half = len(data) // 2
    return zstandard.ZstdCompressor().compress(data[:half]) + zstandard.ZstdCompressor().compress(data[half:])


@pytest.mark.parametrize("packer", [gzip.compress, zstandard.ZstdCompressor().compress, two_zstd_frames, lambda b: b])
def test_compression_is_recognised_by_content_not_name(tmp_path: Path, packer) -> None:
    raw = (DATA / "records.jsonl").read_bytes()
    path = tmp_path / "misnamed.txt"
    path.write_bytes(packer(raw))
    stream, counter = open_input(InputFile(str(path), "misnamed.txt", "jsonl"))
    assert stream.read() == raw
    assert counter.count == path.stat().st_size


def test_jsonl_lines_become_raw_records_with_locations() -> None:
    errors: list[str] = []
    progress = ReadProgress()
    raws = list(iter_raw_records(expand_inputs([str(DATA / "records.jsonl")]), on_error=errors.append,
                                 progress=progress))
    assert [r.location for r in raws] == ["records.jsonl:1", "records.jsonl:2", "records.jsonl:4",
                                          "records.jsonl:5"]  # the blank line 3 holds no record
    assert not errors
    assert progress.bytes_read == (DATA / "records.jsonl").stat().st_size


@pytest.mark.parametrize("max_bytes", [None, 1000])
def test_a_byte_order_mark_alone_on_a_jsonl_file_s_first_line_holds_no_record(tmp_path: Path, max_bytes) -> None:
    # an empty file written "UTF-8 with BOM" (PowerShell's Out-File, Notepad) was one failed
    # record, 'not valid JSON: Expecting value'; a record after the mark is read
    for data, ids in [(b"\xef\xbb\xbf", []), (b"\xef\xbb\xbf\r\n", []),
                      (b'\xef\xbb\xbf\r\n{"id": "a", "text": "t"}\r\n', ["a"]),
                      (b'\xef\xbb\xbf{"id": "a", "text": "t"}\n', ["a"])]:
        (tmp_path / "bom.jsonl").write_bytes(data)
        errors: list[str] = []
        raws = list(iter_raw_records(expand_inputs([str(tmp_path / "bom.jsonl")]), on_error=errors.append,
                                     max_record_bytes=max_bytes))
        records = [decode(raw, ReadOptions()) for raw in raws]
        assert [(r.id, r.error) for r in records] == [(i, None) for i in ids] and not errors, data


@pytest.mark.parametrize("codec, name", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_a_file_saved_in_utf_16_or_32_is_said_to_be_so(tmp_path: Path, codec: str, name: str) -> None:
    # a JSONL file split on b"\n" gave one record more than it held, each failed its own way
    # ("could not decode: UnicodeDecodeError: 'utf-16-be' codec can't decode byte 0x00"); a
    # text file failed "invalid UTF-8 at line 1, byte offset 0: invalid start byte"
    said = f"{name} text (it opens with a byte-order mark), not UTF-8: convert it first (iconv -f {name} -t UTF-8)"
    bom = "\ufeff" if codec == "utf-16-be" else ""
    (tmp_path / "dump.jsonl").write_bytes((bom + '{"id": "a", "text": "eins"}\n{"id": "b", "text": "zwei"}\n').encode(codec))
    (tmp_path / "page.txt").write_bytes((bom + "Grüße aus Köln.\n").encode(codec))
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(tmp_path)]), on_error=errors.append))
    assert errors == [f"{tmp_path / 'dump.jsonl'}: {said}"]
    assert [(decode(raw, ReadOptions()).location, decode(raw, ReadOptions()).error) for raw in raws] == [
        ("page.txt", said)]


def test_a_jsonl_file_opening_with_garbage_that_looks_like_a_utf_16_mark_keeps_its_records(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_bytes(b'\xff\xfe\x00\n{"id": "a", "text": "t"}\n')
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(tmp_path / "dump.jsonl")]), on_error=errors.append))
    assert [decode(raw, ReadOptions()).id for raw in raws] == [None, "a"] and not errors


@pytest.mark.parametrize("suffix,packer", [("gz", gzip.compress), ("zst", zstandard.ZstdCompressor().compress)])
def test_truncated_compressed_file_keeps_what_was_read_and_reports_the_rest(tmp_path: Path, suffix, packer) -> None:
    packed = packer(b"".join(b'{"id": %d, "text": "t"}\n' % i for i in range(50000)))
    path = tmp_path / f"cut.jsonl.{suffix}"
    path.write_bytes(packed[: len(packed) // 2])
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=errors.append))
    assert 0 < len(raws) < 50000
    assert len(errors) == 1 and f"cut.jsonl.{suffix}: read error" in errors[0]


def _inflated_prefix(suffix: str, packed: bytes) -> bytes:
    """What a streaming decoder makes of ``packed``, up to where it is cut or damaged."""
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS) if suffix == "gz" else zstandard.ZstdDecompressor().decompressobj()
    out = []
    for at in range(0, len(packed), 1000):  # (piece by piece: what came before a damage)
        try:
            out.append(decoder.decompress(packed[at:at + 1000]))
        except (zlib.error, zstandard.ZstdError):
            break
        if decoder.eof:
            break
    return b"".join(out)


@pytest.mark.parametrize("suffix,packer", [("gz", gzip.compress),
                                           ("zst", zstandard.ZstdCompressor(write_checksum=True).compress)])
@pytest.mark.parametrize("damage", ["cut", "bytes after", "flipped bit"])
def test_a_damaged_compressed_file_keeps_every_record_before_the_damage(tmp_path: Path, suffix, packer,
                                                                          damage: str) -> None:
    # GzipFile (zlib-ng's and Python's) lost what had inflated in the read that failed: 21
    # whole records before a cut of a .jsonl.gz, and all of a .jsonl.zst with bytes after its
    # frame, which decoded in one read
    content = b"".join(b'{"id": %d, "text": "record %d of a dump"}\n' % (i, i) for i in range(20000))
    packed = packer(content)
    if damage == "cut":
        packed = packed[: len(packed) // 2]
    elif damage == "bytes after":
        packed += b"<html>404 Not Found</html>\n"
    else:
        packed = packed[:len(packed) // 2] + bytes([packed[len(packed) // 2] ^ 0x10]) + packed[len(packed) // 2 + 1:]
    path = tmp_path / f"dump.jsonl.{suffix}"
    path.write_bytes(packed)
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=errors.append))
    whole = _inflated_prefix(suffix, packed) if damage != "bytes after" else content
    complete = whole[: whole.rfind(b"\n") + 1].splitlines(keepends=True)
    if damage == "flipped bit":  # (the lines a damaged read gives out may be garbled: counted, not compared)
        assert 0 < len(raws) <= 20000
    else:
        assert [raw.payload for raw in raws] == complete
    assert len(errors) == 1 and f"dump.jsonl.{suffix}: read error: " in errors[0]
    if damage == "bytes after":
        name = {"gz": "gzip member is not gzip", "zst": "zstd frame is not zstd"}[suffix]
        assert f"the data after the last {name} (b'<html>40'...): not read" in errors[0]


def test_gzip_padded_with_nuls_after_its_members_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n') + gzip.compress(b'{"text": "b"}\n') + b"\x00" * 1000)
    errors: list[str] = []
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=errors.append))
    assert [raw.payload for raw in raws] == [b'{"text": "a"}\n', b'{"text": "b"}\n'] and not errors


def raw_jsonl(line: bytes) -> RawRecord:
    return RawRecord("f.jsonl:1", "jsonl", line, "f.jsonl")


@pytest.mark.parametrize("line,error", [
    (b"nope\n", "not valid JSON: Expecting value: line 1 column 1 (char 0)"),
    (b'"a string"\n', "not a JSON object (got string)"),
    (b'[1]\n', "not a JSON object (got array)"),
    (b'1e400\n', "not a JSON object (got number)"),
    (b'{"id": 1}\n', "no 'text' field"),
    # JSON's names for its types, not Python's (NoneType, dict, bool, int)
    (b'{"id": 1, "text": null}\n', "field 'text' is null, not a string"),
    (b'{"text": {"a": 1}}\n', "field 'text' is object, not a string"),
    (b'{"text": true}\n', "field 'text' is boolean, not a string"),
    (b'{"text": 3}\n', "field 'text' is number, not a string"),
    (b'{"text": "caf\xe9"}\n', "invalid UTF-8 at byte offset 13: invalid continuation byte (b'\\xe9\"}')"),
])
def test_bad_jsonl_records_decode_to_an_error(line: bytes, error: str) -> None:
    record = decode(raw_jsonl(line), ReadOptions())
    assert record.error == error
    assert record.text is None


def test_jsonl_fields_and_custom_field_names() -> None:
    record = decode(raw_jsonl(b'{"doc": "x", "body": "hello", "n": [1]}\r\n'), ReadOptions("body", "doc"))
    assert (record.id, record.text, record.fields) == ("x", "hello", {"doc": "x", "body": "hello", "n": [1]})
    assert decode(raw_jsonl(b'{"id": 7, "text": ""}'), ReadOptions()).id == "7"


def test_text_decoding_is_strict_utf8() -> None:
    record = decode(RawRecord("a.txt", "text", b"ok\nbad \xff here", "a.txt"), ReadOptions())
    assert record.error == "invalid UTF-8 at line 2, byte offset 7: invalid start byte (b'\\xff he')"
    assert record.raw == b"ok\nbad \xff here"


LINE_BREAKS_INSIDE = "a\u2028b\u2029c\x85d \u00e9"


def test_jsonl_output_escapes_every_line_break_splitlines_knows() -> None:
    # orjson writes U+2028, U+2029 and U+0085 raw; a str.splitlines reader would cut the
    # record in pieces there
    record = decode(raw_jsonl(b'{"id": "x\\u2028y", "text": "t"}'), ReadOptions())
    result = Result(text=LINE_BREAKS_INSIDE, removed=[], repairs=[], lang=None, id=record.id)
    for line in (encode_jsonl(record, result), encode_report(record, result)):
        assert len(line.decode("utf-8").splitlines()) == 1
        assert b"\\u2028" in line
    assert json.loads(encode_jsonl(record, result)) == {"id": "x\u2028y", "text": LINE_BREAKS_INSIDE, "status": "ok"}
    assert json.loads(encode_report(record, result))["id"] == "x\u2028y"


def test_atomic_file_has_no_final_name_until_commit(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    out = AtomicFile(path)
    out.write(b"one\n")
    assert not path.exists() and partial_path(path).exists()
    out.commit()
    assert path.read_bytes() == b"one\n" and not partial_path(path).exists()


@pytest.mark.parametrize("mode", [0o600, 0o664])
def test_an_output_written_over_a_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    # renamed over it, the new file had the umask's: a private output came back world-readable
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"old\n")
    path.chmod(mode)
    for sync in (True, False):
        out = AtomicFile(path)
        out.write(b"new\n")
        out.commit(sync=sync)
        assert path.read_bytes() == b"new\n" and path.stat().st_mode & 0o777 == mode


@pytest.mark.skipif(sys.platform == "win32", reason="no flock")
def test_a_second_run_at_the_first_s_rename_finds_the_output_locked(tmp_path: Path, monkeypatch) -> None:
    """The first run's temporary file was closed, and its lock let go, before the rename:
    a second run starting between the two locked it, truncated it and wrote into it, and
    the rename put that in place (the first run's output lost, the second failing at its
    own rename)."""
    from cleanscrape.io import writers

    path = tmp_path / "out.jsonl"
    first = AtomicFile(path)
    first.write(b"first\n")
    refused = []
    rename = os.replace

    def replace_as_a_second_run_starts(source, target):  # (the moment the window was)
        with pytest.raises(OutputError, match="another cleanscrape run is writing it") as second:
            AtomicFile(path)
        refused.append(second)
        rename(source, target)

    monkeypatch.setattr(writers.os, "replace", replace_as_a_second_run_starts)
    first.commit()
    assert refused and path.read_bytes() == b"first\n"


@pytest.mark.skipif(sys.platform == "win32", reason="no flock")
def test_a_second_run_locking_the_first_s_file_after_its_rename_leaves_it_alone(tmp_path: Path, monkeypatch) -> None:
    """A second run that opened the temporary file just before the first renamed it into
    place, and locked it once the first closed it, held the finished output: truncated."""
    from cleanscrape.io import writers

    path = tmp_path / "out.jsonl"
    first = AtomicFile(path)
    first.write(b"first\n")
    lock = writers.locked_for_this_run

    def first_commits_then_lock(fd: int, locked: Path) -> bool:
        first.commit()
        return lock(fd, locked)

    monkeypatch.setattr(writers, "locked_for_this_run", first_commits_then_lock)
    with pytest.raises(OutputError, match=f"{path}: another cleanscrape run wrote it as this one started"):
        AtomicFile(path)
    assert path.read_bytes() == b"first\n"


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst"])
def test_file_sink_resumes_at_the_checkpoint_offset(tmp_path: Path, name: str) -> None:
    path = tmp_path / name

    def item(data: bytes) -> Item:
        return Item("x:1", "x", "jsonl", data, whole_file=False)

    sink = FileSink(path)
    sink.write(item(b"a\n"))
    state = sink.state()
    sink.write(item(b"lost after the checkpoint\n"))
    sink.abandon()
    resumed = FileSink(path, resume=state)
    resumed.write(item(b"b\n"))
    resumed.commit()
    data = path.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    elif name.endswith(".zst"):
        data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True).read()
    assert data == b"a\nb\n"


@pytest.mark.parametrize("precompressed", [False, True])
def test_empty_compressed_output_is_valid(tmp_path: Path, precompressed: bool) -> None:
    path = tmp_path / "empty.jsonl.gz"
    FileSink(path, precompressed=precompressed).commit()
    assert gzip.decompress(path.read_bytes()) == b""


@pytest.mark.parametrize("name", ["out.jsonl.gz", "out.jsonl.zst"])
def test_a_precompressed_sink_writes_whole_frames_and_resumes_between_them(tmp_path: Path, name: str) -> None:
    """The workers' frames (one per batch) are written as they come: the file is their
    concatenation, a checkpoint falls between two, and a resumed run appends after it."""
    path = tmp_path / name
    kind = name.rsplit(".", 1)[1]

    def item(data: bytes) -> Item:
        return Item("x:1", "x", "jsonl", compress_frame(data, kind), whole_file=False)

    sink = FileSink(path, precompressed=True)
    sink.write(item(b"a\nb\n"))
    state = sink.state()
    sink.write(item(b"lost after the checkpoint\n"))
    sink.abandon()
    resumed = FileSink(path, resume=state, precompressed=True)
    resumed.write(item(b"c\n"))
    resumed.commit()
    if kind == "gz":
        data = gzip.decompress(path.read_bytes())
    else:
        data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(path.read_bytes()), read_across_frames=True).read()
    assert data == b"a\nb\nc\n"


@pytest.mark.parametrize("name,precompressed", [("out.jsonl.gz", False), ("out.jsonl.gz", True),
                                                ("out.jsonl.zst", False)])
def test_a_run_resumed_with_nothing_left_to_write_gives_the_uninterrupted_bytes(tmp_path: Path, name: str,
                                                                               precompressed: bool) -> None:
    """A signal during the last batch checkpoints every record: the resumed run only
    commits, and must not append an empty gzip member / zstd frame to the file."""
    kind = name.rsplit(".", 1)[1]
    data = compress_frame(b"a\nb\n", kind) if precompressed else b"a\nb\n"
    item = Item("x:1", "x", "jsonl", data, whole_file=False)
    uninterrupted = FileSink(tmp_path / "reference" / name, precompressed=precompressed)
    uninterrupted.write(item)
    uninterrupted.commit()
    path = tmp_path / name
    stopped = FileSink(path, precompressed=precompressed)
    stopped.write(item)
    state = stopped.state()
    stopped.abandon()
    FileSink(path, resume=state, precompressed=precompressed).commit()
    assert path.read_bytes() == (tmp_path / "reference" / name).read_bytes()


def test_text_headers_cannot_go_between_precompressed_frames(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="text header"):
        FileSink(tmp_path / "out.txt.gz", text_headers=True, precompressed=True)


def test_folder_sink_writes_one_file_per_input(tmp_path: Path) -> None:
    sink = FolderSink(tmp_path)
    sink.write(Item("a/x.txt", "a/x.txt", "text", b"x\n", whole_file=True))
    assert (tmp_path / "a" / "x.txt").read_bytes() == b"x\n"
    sink.write(Item("d.jsonl:1", "d.jsonl", "jsonl", b"1\n", whole_file=False))
    sink.write(Item("d.jsonl:2", "d.jsonl", "jsonl", b"2\n", whole_file=False))
    assert not (tmp_path / "d.jsonl").exists()
    sink.commit()
    assert (tmp_path / "d.jsonl").read_bytes() == b"1\n2\n"


def test_a_folder_that_cannot_be_opened_for_its_lock_is_written_unlocked(tmp_path: Path, monkeypatch) -> None:
    """The folder output's lock is taken on the folder opened read-only, which Windows does
    not allow (nor, to a user, a folder they may write into but not list): where it cannot
    be opened the output goes on without the guard, as on a file system without locks;
    every folder output failed there with a PermissionError."""
    import cleanscrape.io.writers as writers

    opened = os.open

    def no_folder(path, flags, *args):
        if os.path.isdir(path):
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, flags, *args)

    monkeypatch.setattr(writers.os, "open", no_folder)
    sink = FolderSink(tmp_path)
    sink.write(Item("d.jsonl:1", "d.jsonl", "jsonl", b"1\n", whole_file=False))
    sink.commit()
    assert (tmp_path / "d.jsonl").read_bytes() == b"1\n"


def test_checkpoint_refuses_a_different_run(tmp_path: Path) -> None:
    Checkpoint(tmp_path / "cp.json", "aaa").save(3, {"output": {"offset": 10}})
    assert Checkpoint(tmp_path / "cp.json", "aaa").load()["records"] == 3
    with pytest.raises(OutputError, match="different inputs or options"):
        Checkpoint(tmp_path / "cp.json", "bbb").load()


@pytest.mark.parametrize("packer", [lambda data: data, gzip.compress])
def test_a_record_over_the_byte_limit_is_failed_unread_and_the_next_ones_read(tmp_path: Path, packer) -> None:
    """A line one byte over the limit (its "\\n" not counted) is not held: it comes empty,
    failing with its size; a line exactly at the limit is whole, and so is the rest of the
    file, a last line without its "\\n" included."""
    at_limit = b'{"text": "' + b"a" * 88 + b'"}'  # 100 bytes
    over = b'{"text": "' + b"b" * 5000 + b'"}'
    last_over = b'{"text": "' + b"c" * 89 + b'"}'  # 101 bytes, no newline after it
    path = tmp_path / "dump.jsonl"
    path.write_bytes(packer(at_limit + b"\n" + over + b"\n\n" + b'{"text": "after"}\n' + last_over))
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=pytest.fail, max_record_bytes=100))
    assert [r.location for r in raws] == ["dump.jsonl:1", "dump.jsonl:2", "dump.jsonl:4", "dump.jsonl:5"]
    assert raws[0].payload == at_limit + b"\n" and raws[0].error is None
    assert raws[2].payload == b'{"text": "after"}\n'
    for raw, size in ((raws[1], len(over)), (raws[3], 101)):
        assert raw.payload == b""
        assert raw.error == f"record of {size:,} bytes, over --max-record-bytes=100: not read"
        record = decode(raw, ReadOptions())
        assert (record.error, record.text, record.fields, record.raw) == (raw.error, None, None, None)


def test_a_text_file_over_the_byte_limit_is_failed_unread(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 1001)
    (tmp_path / "small.txt").write_bytes(b"y" * 1000)
    raws = list(iter_raw_records(expand_inputs([str(tmp_path)]), on_error=pytest.fail, max_record_bytes=1000))
    assert [(r.name, len(r.payload), r.error) for r in raws] == [
        ("big.txt", 0, "record of 1,001 bytes, over --max-record-bytes=1,000: not read"), ("small.txt", 1000, None)]


def test_reading_past_a_huge_record_holds_a_bounded_amount_of_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"text": "')
        for _ in range(40):
            fh.write(b"z" * 1_000_000)
        fh.write(b'"}\n{"text": "next"}\n')
    tracemalloc.start()
    try:
        raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=pytest.fail, max_record_bytes=1 << 20))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.error is None for r in raws] == [False, True]
    assert peak < 5_000_000  # the line is 40 MB: held whole, it would be that much at least


def test_a_blank_line_over_the_byte_limit_is_skipped_as_any_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b'{"text": "a"}\n' + b" " * 300 + b"\t\n" + b" " * 50 + b'{"text": "not blank"}' + b"\n")
    raws = list(iter_raw_records(expand_inputs([str(path)]), on_error=pytest.fail, max_record_bytes=20))
    assert [(r.location, r.error is None) for r in raws] == [("blank.jsonl:1", True), ("blank.jsonl:3", False)]


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_a_file_over_the_byte_limit_fails_with_its_name_as_id(tmp_path: Path, name: str) -> None:
    """A text or HTML file's id is its name, known without reading it: its record fails
    with it, as a file that is not valid UTF-8 does (it came out with no id)."""
    (tmp_path / name).write_bytes(b"<p>" + b"x" * 1000 + b"</p>")
    [raw] = iter_raw_records(expand_inputs([str(tmp_path)]), on_error=pytest.fail, max_record_bytes=100)
    record = decode(raw, ReadOptions())
    assert (record.id, record.error, record.text, record.html) == (name, raw.error, None, None)


@pytest.mark.parametrize("packer", [lambda b: b, zstandard.ZstdCompressor().compress])
def test_records_sent_down_a_pipe_that_stalls_are_read_before_it_ends(packer) -> None:
    # a read waited to fill the whole buffer (256 KB; 64 KB of zstd data): records from a
    # slow source on stdin were held back until more came, or the pipe closed
    import threading

    reader, writer = os.pipe()
    os.write(writer, packer(b'{"id": 1, "text": "one"}\n{"id": 2, "text": "two"}\n'))
    read: list[str] = []

    def read_two() -> None:
        raws = iter_raw_records([InputFile(f"/dev/fd/{reader}", "pipe", "jsonl")], on_error=pytest.fail)
        read.extend(next(raws).location for _ in range(2))

    thread = threading.Thread(target=read_two, daemon=True)
    thread.start()
    thread.join(30)
    waiting = thread.is_alive()
    os.close(writer)  # (ends a waiting read)
    thread.join(30)
    assert not waiting
    assert read == ["pipe:1", "pipe:2"]


def test_progress_never_steps_back_nor_runs_past_the_file_when_a_reader_seeks(tmp_path: Path, monkeypatch) -> None:
    """A WARC read after a damaged part searches ahead for the next record, checks each
    candidate (seeking to where its Content-Length says it ends: past the file's end, for a
    page quoting a header with a huge one) and seeks back to the one found: the bytes read,
    as progress shows them at any moment, went back and forth with it (to 10**12 here)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from cleanscrape.io import warc

    quoted = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1000000000000\r\n\r\n"
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n in range(40):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = b"<html><body><pre>\n%s</pre>%s</body></html>" % (quoted if n == 3 else b"", b"text " * 4000)
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    data = buf.getvalue()
    third = data.index(b"WARC/1.0\r\n", data.index(b"https://a.example/2\r\n"))
    path = tmp_path / "damaged.warc"
    path.write_bytes(data[:third] + b"XXXX" + data[third + 4:])  # the third record's header broken
    progress = ReadProgress()
    seen = []

    def starts_a_record(stream, offset):
        starts = checked(stream, offset)
        seen.append(progress.bytes_read)
        return starts

    checked = warc._starts_a_record
    monkeypatch.setattr(warc, "_starts_a_record", starts_a_record)
    for _ in iter_raw_records(expand_inputs([str(path)]), on_error=pytest.fail, progress=progress):
        seen.append(progress.bytes_read)
    assert len(seen) > 39  # (every page but the broken one's, and two candidates at least)
    assert seen == sorted(seen) and seen[-1] <= len(data)
    assert progress.bytes_read == len(data)


@pytest.mark.parametrize("packer", [gzip.compress, zstandard.ZstdCompressor().compress])
def test_compressed_stdin_is_recognised_when_it_comes_a_byte_at_a_time(monkeypatch, packer) -> None:
    # a read takes what the pipe has: its first could hold less than the magic bytes
    class Trickle(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk, self.data = self.data[:1], self.data[1:]
            buffer[:len(chunk)] = chunk
            return len(chunk)

    raw = (DATA / "records.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Trickle(packer(raw)))))
    stream, _ = open_input(InputFile("-", "stdin", "jsonl"))
    assert stream.read() == raw


@pytest.mark.parametrize("suffix,packer,name", [("bz2", bz2.compress, "bzip2"), ("xz", lzma.compress, "xz")])
def test_a_compression_not_read_is_named(tmp_path: Path, suffix: str, packer, name: str) -> None:
    # read as text, a .bz2 or .xz dump failed as "invalid UTF-8 at line 1"
    path = tmp_path / f"dump.jsonl.{suffix}"
    path.write_bytes(packer((DATA / "records.jsonl").read_bytes()))
    errors: list[str] = []
    assert list(iter_raw_records(expand_inputs([str(path)]), on_error=errors.append)) == []
    assert errors == [f"{path}: {name} data, not read (gzip and zstd are): decompress it first"]
