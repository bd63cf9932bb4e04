"""The ``cleanscrape clean`` command: inputs, outputs, bad input, report, exit codes.

Stages are pinned to ``whitespace`` (whose behaviour is simple and stable) so these tests
check the command's plumbing, not the cleaning rules.
"""

from __future__ import annotations

import bz2
import gzip
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import zstandard
from click.testing import CliRunner

from cleanscrape import apply_edits
from cleanscrape.cli import cli

DATA = Path(__file__).parent / "data" / "cli"
STAGES = ["--stages", "whitespace"]


def run(args: list[str], stdin: bytes | None = None, workers: int = 1):
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    return runner.invoke(cli, ["clean", *STAGES, "-j", str(workers), *args], input=stdin, catch_exceptions=False)


def jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_jsonl_stdin_to_stdout_keeps_ids_order_and_fields() -> None:
    result = run(["--format", "jsonl", "-"], stdin=(DATA / "records.jsonl").read_bytes())
    assert result.exit_code == 0, result.stderr
    out = jsonl(result.stdout_bytes)
    assert [o["id"] for o in out] == ["r1", "r2", "r3", 4]
    assert out[0] == {"id": "r1", "text": "Line one\n\nLine two", "url": "https://example.org/1",
                      "meta": {"n": 1, "tags": ["a", "b"]}, "status": "ok"}
    assert out[1]["lang"] == "fr" and list(out[1]) == ["text", "id", "lang", "status"]
    assert out[2] == {"id": "r3", "text": "", "score": 0.5, "status": "ok"}
    # an integer orjson cannot hold passes through exactly
    assert out[3]["big"] == 123456789012345678901234567890 and out[3]["text"] == "numeric id"
    assert "4 documents; 0 failed; 1 empty" in result.stderr


def test_integers_beyond_64_bits_pass_through_exactly_wherever_they_are() -> None:
    # orjson reads them as floats: nested in a list, or next to a float, they must still
    # come back as the integers they were; a long digit run inside the text is only text
    records = (b'{"id": "a", "text": "x", "meta": {"ids": [1, 123456789012345678901]}, "score": 0.5}\n'
               b'{"id": "b", "text": "order 12345678901234567890123 \\u00e9t\\u00e9"}\n')
    result = run(["--format", "jsonl", "-"], stdin=records)
    assert result.exit_code == 0, result.stderr
    out = jsonl(result.stdout_bytes)
    assert out[0]["meta"]["ids"] == [1, 123456789012345678901] and out[0]["score"] == 0.5
    assert out[1]["text"] == "order 12345678901234567890123 été"


@pytest.mark.parametrize("workers", [1, 2])
def test_numbers_beyond_a_float_s_range_pass_through_as_written_not_as_infinity(workers: int) -> None:
    # as floats they are infinite, which the standard library writes as Infinity: no JSON a
    # strict reader (orjson, jq) takes; the id names the record as written
    marker = "\x000\x00"  # a string written as the writer's own stand-in for the first number
    records = (b'{"id": 1.5e400, "text": "x", "meta": {"low": [-2E999, 0.5]}}\n'
               b'{"id": "b", "text": "y", "tricky": "%s", "n": 1e400}\n' % json.dumps(marker)[1:-1].encode()
               + b'{"id": "c", "text": "z", "nan": NaN}\n')
    result = run(["--format", "jsonl", "-"], stdin=records, workers=workers)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout_bytes.splitlines()
    assert b'"id":1.5e400,' in lines[0] and b'"low":[-2E999,0.5]' in lines[0]
    assert b'"n":1e400' in lines[1]
    for line in lines[:2]:  # JSON's grammar: no Infinity, no NaN
        json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} is no JSON: {line!r}"))
    out = [json.loads(line) for line in lines]
    assert out[1]["tricky"] == marker
    assert out[2]["nan"] != out[2]["nan"]  # NaN in, NaN out: the input's own (not JSON either)
    report = run(["--format", "jsonl", "--report", "-", "-o", "/dev/null", "-"], stdin=records, workers=workers)
    assert [json.loads(line)["id"] for line in report.stdout_bytes.splitlines()] == ["1.5e400", "b", "c"]


@pytest.mark.parametrize("workers", [1, 2])
def test_numbers_beyond_a_float_s_precision_pass_through_as_written(workers: int) -> None:
    # read as floats they came back rounded: 12345678901234.5678 as 12345678901234.568, an id
    # 1.00000000000000001 as 1.0 (naming its record "1.0")
    records = (b'{"id": 1.00000000000000001, "text": "x", "amount": 12345678901234.5678, "p": 0.5}\n'
               b'{"id": "b", "text": "y", "v": [123456789.123456789, 1e-400, 0.25, 1E+2]}\n')
    result = run(["--format", "jsonl", "-"], stdin=records, workers=workers)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout_bytes.splitlines()
    assert lines[0] == b'{"id":1.00000000000000001,"text":"x","amount":12345678901234.5678,"p":0.5,"status":"ok"}'
    assert b'"v":[123456789.123456789,1e-400,0.25,100.0]' in lines[1]  # (1E+2: the same number)
    report = run(["--format", "jsonl", "--report", "-", "-o", "/dev/null", "-"], stdin=records, workers=workers)
    assert json.loads(report.stdout_bytes.splitlines()[0])["id"] == "1.00000000000000001"


@pytest.mark.parametrize(("given", "warned"), [("fr", False), ("fr-CA", False), ("FR", True), ("english", True)])
def test_a_language_cleanscrape_has_no_data_for_is_warned_of(given: str, warned: bool) -> None:
    # given for every document, a code with no stopwords or phrases weakened the cleaning
    # without a word (the stages then read no language)
    result = run(["--lang", given, "-"], stdin=b"Un texte.\n")
    assert result.exit_code == 0, result.stderr
    assert (f"warning: --lang {given}: cleanscrape has no stopword list or phrase lexicon" in result.stderr) is warned


def test_stdin_defaults_to_text() -> None:
    result = run(["-"], stdin=b"  hello  \n\n\n\nworld\n")
    assert result.exit_code == 0
    assert result.stdout_bytes == b"hello\n\nworld\n"


@pytest.mark.parametrize("compress", ["gz", "zst"])
def test_compressed_inputs_are_read_by_content(tmp_path: Path, compress: str) -> None:
    raw = (DATA / "records.jsonl").read_bytes()
    packed = gzip.compress(raw) if compress == "gz" else zstandard.ZstdCompressor().compress(raw)
    path = tmp_path / f"dump.jsonl.{compress}"
    path.write_bytes(packed)
    plain = run([str(DATA / "records.jsonl")])
    result = run([str(path)])
    assert result.exit_code == 0
    assert result.stdout_bytes == plain.stdout_bytes
    assert len(jsonl(result.stdout_bytes)) == 4


@pytest.mark.parametrize("suffix", ["", ".gz", ".zst"])
def test_output_file_compressed_by_name(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out.jsonl{suffix}"
    result = run([str(DATA / "records.jsonl"), "-o", str(out)])
    assert result.exit_code == 0
    data = out.read_bytes()
    if suffix == ".gz":
        data = gzip.decompress(data)
    elif suffix == ".zst":
        data = zstandard.ZstdDecompressor().stream_reader(data).read()
    assert data == run([str(DATA / "records.jsonl")]).stdout_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary or checkpoint left


def test_folder_input_to_folder_output_mirrors_names(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(DATA / "docs", src)
    shutil.copy(DATA / "records.jsonl", src / "records.jsonl")
    out = tmp_path / "out"
    result = run([str(src), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert files == ["a.txt", "records.jsonl", "sub", "sub/b.txt"]  # hidden file skipped
    assert (out / "a.txt").read_text() == "Home\nNews\n\nFirst document, indented.\n\nSecond paragraph.\n"
    assert (out / "sub" / "b.txt").read_text() == "Only one line\n"
    assert len(jsonl((out / "records.jsonl").read_bytes())) == 4


def test_text_to_stdout_separates_documents_with_headers() -> None:
    result = run([str(DATA / "docs")])
    assert result.exit_code == 0
    assert result.stdout == ("==> a.txt <==\nHome\nNews\n\nFirst document, indented.\n\nSecond paragraph.\n"
                             "\n==> sub/b.txt <==\nOnly one line\n")


def test_text_files_to_jsonl(tmp_path: Path) -> None:
    result = run([str(DATA / "docs"), "--to", "jsonl"])
    out = jsonl(result.stdout_bytes)
    assert [(o["id"], o["status"]) for o in out] == [("a.txt", "ok"), ("sub/b.txt", "ok")]


def test_bad_jsonl_records_each_give_one_failed_output_and_the_run_goes_on() -> None:
    result = run([str(DATA / "bad.jsonl")])
    assert result.exit_code == 1
    out = jsonl(result.stdout_bytes)
    assert [o["status"] for o in out] == ["ok", "failed", "failed", "failed", "failed", "failed", "ok"]
    assert out[0]["text"] == "fine" and out[6]["text"] == "also fine"
    errors = [o.get("error", "") for o in out]
    assert errors[1].startswith("bad.jsonl:2: not valid JSON") and out[1]["raw"] == "this is not json"
    assert errors[2] == "bad.jsonl:3: not a JSON object (got array)"
    assert errors[3] == "bad.jsonl:4: no 'text' field" and out[3]["body"] == "x"
    assert errors[4] == "bad.jsonl:5: field 'text' is array, not a string" and out[4]["text"] == ["a"]
    assert errors[5].startswith("bad.jsonl:6: invalid UTF-8 at byte offset")
    assert out[5]["raw"] == '{"id": "badutf8", "text": "caf\\xe9"}'
    for message in errors[1:6]:
        assert f"cleanscrape: error: {message}" in result.stderr


def test_invalid_utf8_text_file_is_failed_and_passed_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run([str(DATA / "latin1.txt"), str(DATA / "docs" / "sub" / "b.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "latin1.txt: invalid UTF-8 at line 2, byte offset 11" in result.stderr
    assert (out / "latin1.txt").read_bytes() == (DATA / "latin1.txt").read_bytes()
    assert (out / "b.txt").read_text() == "Only one line\n"


def test_missing_file_is_reported_and_the_others_are_cleaned() -> None:
    result = run(["/nonexistent/x.txt", str(DATA / "docs" / "sub" / "b.txt")])
    assert result.exit_code == 1
    assert "/nonexistent/x.txt: cannot open" in result.stderr
    assert result.stdout == "==> b.txt <==\nOnly one line\n"


def test_fail_fast_stops_without_final_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run([str(DATA / "bad.jsonl"), "-o", str(out), "--fail-fast"])
    assert result.exit_code == 1
    assert not out.exists()
    assert "stopped at the first failed record" in result.stderr


def test_report_has_one_record_per_document_and_replays(tmp_path: Path) -> None:
    report = tmp_path / "report.jsonl"
    source = DATA / "records.jsonl"
    result = run([str(source), "--report", str(report)])
    assert result.exit_code == 0
    inputs = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    outputs = jsonl(result.stdout_bytes)
    records = jsonl(report.read_bytes())
    assert [r["id"] for r in records] == ["r1", "r2", "r3", "4"]
    assert [r["source"] for r in records] == ["records.jsonl:1", "records.jsonl:2", "records.jsonl:4",
                                              "records.jsonl:5"]
    for inp, out, rec in zip(inputs, outputs, records):
        assert "text" not in rec and rec["status"] == "ok"
        replayed = apply_edits(inp["text"], [(r["start"], r["end"]) for r in rec["removed"]],
                               [(r["start"], r["end"], r["after"]) for r in rec["repairs"]])
        assert replayed == out["text"]


def test_report_marks_failures(tmp_path: Path) -> None:
    report = tmp_path / "report.jsonl"
    run([str(DATA / "bad.jsonl"), "--report", str(report)])
    records = jsonl(report.read_bytes())
    assert len(records) == 7
    assert records[1]["status"] == "failed" and records[1]["error"].startswith("bad.jsonl:2:")


@pytest.mark.parametrize("args", [
    ["--stages", "no_such_stage", "-"],
    ["--disable", "captions", "-"],  # a typo disabled nothing, silently (the stage is "caption")
    ["--resume", "-"],
    ["-", "-"],
    ["-", "-o", "out.html"],
    ["--stages", "", "-"],  # a script's --stages "$EMPTY" ran the whole default pipeline
    ["--stages", " , ", "-"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["clean", *args], input=b"x")
    assert result.exit_code == 2


def test_module_entry_point_runs() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", "--stages", "whitespace", "-j", "1", "-"],
                          input=b" a \n", capture_output=True, check=True)
    assert proc.stdout == b"a\n"


@pytest.mark.parametrize("during", ["cleanscrape.cleaner", "cleanscrape.cli"])
def test_ctrl_c_during_the_imports_is_an_interrupted_run_not_a_traceback(during: str) -> None:
    # the first ~0.15 s of a run are its imports (the package's, then the command line's):
    # a Ctrl-C there printed a KeyboardInterrupt traceback
    import signal
    import subprocess
    import sys

    interrupt_on_import = (
        "import os, runpy, signal, sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {during!r}:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv = ['cleanscrape', 'clean', '-']\n"
        "runpy.run_module('cleanscrape', run_name='__main__', alter_sys=True)\n")
    # (SIGINT at its default: a background test run's, ignored, would stay ignored)
    proc = subprocess.run([sys.executable, "-c", interrupt_on_import], input=b"x\n", capture_output=True,
                          timeout=60, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (proc.returncode, proc.stderr) == (130, b"cleanscrape: interrupted\n")
    assert proc.stdout == b""


def test_the_script_entry_point_is_the_one_that_takes_ctrl_c_in_the_imports() -> None:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    scripts = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"cleanscrape": "cleanscrape.__main__:main"}


def test_progress_display_runs_and_counts_bytes(capsys) -> None:
    from cleanscrape.cli import _Progress
    from cleanscrape.io.readers import ReadProgress

    read = ReadProgress(done_bytes=2_000_000)
    progress = _Progress(4_000_000, read)
    progress.update(10)
    progress.stop()
    assert progress._progress.tasks[0].completed == 2_000_000
    assert progress._progress.tasks[0].fields["docs"] == "10 docs"


def test_stdin_that_fails_is_named_stdin_as_its_records_are() -> None:
    # "-: read error: ..." beside records located "stdin:2"
    truncated = gzip.compress(b'{"id": 1, "text": "one"}\n' * 100)[:-10]
    result = run(["--format", "jsonl", "-"], stdin=truncated)
    assert result.exit_code == 1
    assert "cleanscrape: error: stdin: read error: TruncatedFile: " in result.stderr, result.stderr
    result = run(["--format", "jsonl", "-"], stdin=bz2.compress(b"x"))
    assert "cleanscrape: error: stdin: bzip2 data, not read" in result.stderr, result.stderr


@pytest.mark.parametrize("output", ["out", "out.jsonl"])
def test_a_run_refused_at_its_report_leaves_its_output_to_the_next(tmp_path: Path, output: str) -> None:
    # the output, opened first, is locked for the run (another run writing it is refused):
    # a run inside another program that failed before it began kept the lock
    (tmp_path / "afile").write_text("x")
    args = [str(DATA / "records.jsonl"), "-o", str(tmp_path / output)]
    assert run([*args, "--report", str(tmp_path / "afile" / "r.jsonl")]).exit_code == 2
    result = run(args)
    assert result.exit_code == 0, result.stderr


def test_counts_of_one_take_the_singular() -> None:
    # "1 documents", "1 unreadable inputs", "after 1 records" on the summary and stop lines
    result = run(["--format", "jsonl", "-", "missing.jsonl"], stdin=b'{"id": "a", "text": "x"}\n')
    assert "cleanscrape: 1 document; 0 failed; 1 unreadable input; 0 empty" in result.stderr
    from cleanscrape.cli import Summary

    summary = Summary(documents=2, input_warnings=1)
    assert "2 documents;" in summary.line(1.0, 0) and "; 1 input warning;" in summary.line(1.0, 0)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_over_max_record_bytes_fails_unread_and_the_run_goes_on(workers: int) -> None:
    big = json.dumps({"id": "big", "text": "word " * 400}).encode()
    stdin = b'{"id": "a", "text": "first"}\n' + big + b'\n{"id": "c", "text": "last"}\n'
    result = run(["--format", "jsonl", "--max-record-bytes", "1000", "-"], stdin=stdin, workers=workers)
    assert result.exit_code == 1
    out = jsonl(result.stdout_bytes)
    message = f"stdin:2: record of {len(big):,} bytes, over --max-record-bytes=1,000: not read"
    assert out == [{"id": "a", "text": "first", "status": "ok"},
                   {"id": None, "text": None, "status": "failed", "error": message},
                   {"id": "c", "text": "last", "status": "ok"}]
    assert f"cleanscrape: error: {message}" in result.stderr
    unlimited = run(["--format", "jsonl", "--max-record-bytes", "0", "-"], stdin=stdin, workers=workers)
    assert unlimited.exit_code == 0 and [o["status"] for o in jsonl(unlimited.stdout_bytes)] == ["ok"] * 3


@pytest.mark.parametrize("clash", ["output-is-input", "report-is-input", "report-is-output", "folder-is-input"])
def test_an_output_naming_an_input_or_the_other_output_is_a_usage_error(tmp_path: Path, clash: str) -> None:
    # Renamed into place, the output would replace the input (the raw data lost); the output
    # and the report in one file interleave (the run failed with a garbled file left there).
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": 1, "text": "one"}\n')
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("a page\n")
    out = str(tmp_path / "out.jsonl")
    args = {"output-is-input": [str(dump), "-o", str(dump)],
            "report-is-input": [str(dump), "-o", out, "--report", str(dump)],
            "report-is-output": [str(dump), "-o", out, "--report", out],
            "folder-is-input": [str(folder), "-o", str(folder)]}[clash]
    result = run(args)
    assert result.exit_code == 2
    assert "same file" in result.stderr
    assert dump.read_bytes() == b'{"id": 1, "text": "one"}\n'
    assert (folder / "a.txt").read_text() == "a page\n"
    assert not Path(out).exists()


def _fifo_reader(path: Path) -> tuple[Any, list[bytes]]:
    import threading

    received: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fifo:
            received.append(fifo.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, received


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_an_output_that_is_a_pipe_is_written_into_not_replaced(tmp_path: Path, option: str) -> None:
    # A temporary file renamed over a pipe or a device replaced it (run as root, --report
    # /dev/null replaced /dev/null with a regular file; -o /dev/null was taken for a folder)
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, received = _fifo_reader(fifo)
    args = ["--format", "jsonl", "-", option, str(fifo)] + (["-o", str(tmp_path / "out.jsonl")] if option == "--report" else [])
    result = run(args, stdin=b'{"id": 1, "text": "one"}\n{"id": 2, "text": "two"}\n')
    reader.join(10)
    assert result.exit_code == 0, result.stderr
    assert fifo.is_fifo()
    records = jsonl(received[0])
    assert [r["id"] for r in records] == ([1, 2] if option == "-o" else ["1", "2"])
    assert not list(tmp_path.glob(".*"))  # no temporary file, no checkpoint


def test_resume_into_a_pipe_is_a_usage_error(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(["--format", "jsonl", "-", "-o", str(fifo), "--resume"], stdin=b"")
    assert result.exit_code == 2
    assert "cannot be resumed" in result.stderr


def test_an_output_file_that_is_a_symlink_is_written_where_it_points(tmp_path: Path) -> None:
    target = tmp_path / "store" / "out.jsonl"
    target.parent.mkdir()
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    result = run(["--format", "jsonl", "-", "-o", str(link)], stdin=b'{"id": 1, "text": "one"}\n')
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert [r["id"] for r in jsonl(target.read_bytes())] == [1]


def test_workers_0_is_every_core_as_in_clean_many() -> None:
    # clean_many(workers=0), xz -T0 and zstd -T0 take 0 for every core; -j 0 was a usage error
    result = run(["--format", "jsonl", "-"], stdin=b'{"id": 1, "text": "one"}\n', workers=0)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(result.stdout_bytes)] == [1]


@pytest.mark.parametrize("workers, warned", [(2, False), (3, True)])
def test_more_workers_than_cores_is_warned_of(monkeypatch, workers: int, warned: bool) -> None:
    monkeypatch.setattr("cleanscrape.cli.default_workers", lambda: 2)
    result = run(["--format", "jsonl", "-"], stdin=b'{"id": 1, "text": "one"}\n', workers=workers)
    assert result.exit_code == 0, result.stderr
    warning = (f"cleanscrape: warning: -j {workers}: more workers than the 2 cores this run may use: no faster, "
               "and each takes memory of its own (~60 MB)\n")
    assert (warning in result.stderr) == warned


def _shown_on_a_terminal(args: list[str], *, stdout_too: bool) -> str:
    """What a terminal shows of a run whose stderr (and stdout, ``stdout_too``) it is,
    its escape sequences taken out."""
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cleanscrape", "clean", *STAGES, "-j", "1", *args],
                            stderr=terminal, stdout=terminal if stdout_too else subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "100"})
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(60)
    os.close(controller)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))


def test_an_error_during_the_progress_bar_gets_a_line_of_its_own(tmp_path: Path) -> None:
    # printed straight to stderr, it ran on after the bar's text, on the bar's line
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'not json\n{"id": 1, "text": "one"}\n')
    shown = _shown_on_a_terminal([str(dump), "-o", str(tmp_path / "out.jsonl")], stdout_too=False)
    [line] = [line for line in shown.split("\n") if "not valid JSON" in line]
    assert line.rstrip("\r").split("\r")[-1].startswith("cleanscrape: error: "), line  # (a terminal's "\r\n")


def test_no_progress_bar_when_the_records_go_to_the_terminal_too(tmp_path: Path) -> None:
    # the documents ran on after the bar's text, and pieces of the bar stayed between them
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(b'{"id": %d, "text": "text %d"}\n' % (i, i) for i in range(40)))
    shown = _shown_on_a_terminal([str(dump)], stdout_too=True)
    assert not re.search(r"\d+ docs? ", shown)
    assert '{"id":39,"text":"text 39","status":"ok"}' in shown
    assert "cleanscrape: 40 documents" in shown  # the summary still


@pytest.mark.parametrize("output", ["clean.jsonl", "clean"])
def test_a_run_into_its_input_folder_does_not_read_its_own_outputs_again(tmp_path: Path, output: str) -> None:
    # the second run read the first's output and report as inputs: its documents twice, the
    # report's lines as failed records (no text field), exit 1
    (tmp_path / "a.txt").write_text("a page\n")
    (tmp_path / "b.jsonl").write_text('{"id": "b", "text": "a record"}\n')
    args = [str(tmp_path), "-o", str(tmp_path / output), "--report", str(tmp_path / "report.jsonl")]
    first = run(args)
    outputs = sorted(p.name for p in tmp_path.iterdir())
    first_report = (tmp_path / "report.jsonl").read_bytes()
    second = run(args)
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == outputs
    assert (tmp_path / "report.jsonl").read_bytes() == first_report
    assert "an output of this run, not read" in second.stderr


def test_ctrl_c_before_the_run_starts_exits_130(monkeypatch) -> None:
    # before the signal handlers were in place (building the Cleaner, walking the inputs for
    # the ETA), Ctrl-C came out as click's "Aborted!", exit 1: an interrupted run is 130
    import cleanscrape.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cleanscrape.cli, "Cleaner", interrupted)
    result = run(["-"], stdin=b"text")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


def test_a_folder_output_stopped_early_says_its_completed_files_are_in_place(tmp_path: Path) -> None:
    # "no final output was written", though the files completed before the stop were
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text('{"id": "a", "text": "one"}\n')
    (inputs / "b.jsonl").write_text('{"id": "b", "text": 2}\n')
    result = run([str(inputs), "-o", str(tmp_path / "out"), "--fail-fast"])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "a.jsonl").exists() and not (tmp_path / "out" / "b.jsonl").exists()
    assert "no final output was written" not in result.stderr
    assert "files completed before the stop are in place" in result.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_name_that_is_not_utf8_is_written_as_its_escapes(tmp_path: Path, workers: int) -> None:
    # a Latin-1 name (wget keeps a URL's bytes) crashed the writer: the worker died on it,
    # then the main process with a traceback, and nothing was written
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text("un caf\u00e9\n")
    (folder / "z.txt").write_text("zed\n")
    report = tmp_path / "report.jsonl"
    result = run([str(folder), "--to", "jsonl", "--report", str(report)], workers=workers)
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout_bytes)
    assert [os.fsencode(r["id"]) for r in records] == [b"caf\xe9.txt", b"z.txt"]
    assert [os.fsencode(r["source"]) for r in jsonl(report.read_bytes())] == [b"caf\xe9.txt", b"z.txt"]


def test_a_folder_output_names_a_pages_text_and_a_warcs_records_by_their_format(tmp_path: Path) -> None:
    # page.html came out as page.html holding text, crawl.warc.gz as crawl.warc.gz holding
    # gzipped JSONL: the next tool over clean/*.warc.gz read JSONL as WARC
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_text("<html><body><article><p>" + "A sentence of the page. " * 20
                                   + "</p></article></body></html>")
    shutil.copy(DATA / "records.jsonl", src / "notes.txt")
    out = tmp_path / "out"
    result = run([str(src), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "page.html.txt"]
    result = run([str(src / "notes.txt"), "--format", "jsonl", "-o", str(tmp_path / "out2")])
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "out2").iterdir()] == ["notes.txt.jsonl"]
    assert len(jsonl((tmp_path / "out2" / "notes.txt.jsonl").read_bytes())) == 4


@pytest.mark.parametrize("option,name", [("-o", "out.jsonl"), ("-o", "folder"), ("--report", "r.jsonl")])
def test_an_output_under_a_file_is_a_usage_error_naming_it(tmp_path: Path, option: str, name: str) -> None:
    # -o a_file/out.jsonl failed as a write (exit 74, "run again with --resume once there is
    # space"), and so did a folder output there, once its first file was written;
    # --report a_file/r.jsonl said "File exists"
    (tmp_path / "a_file").write_text("")
    result = run(["-", option, str(tmp_path / "a_file" / "sub" / name)], stdin=b"text")
    assert result.exit_code == 2
    assert f"{tmp_path / 'a_file'} is not a folder" in result.stderr


def test_an_output_named_with_a_trailing_slash_is_a_folder_not_the_file_of_that_name(tmp_path: Path) -> None:
    # "-o notes/" where notes is a file: the slash was dropped, and the file written over
    # with one document's text
    (tmp_path / "notes").write_text("kept\n")
    result = run(["-", "-o", f"{tmp_path / 'notes'}/"], stdin=b"text")
    assert result.exit_code == 2
    assert f"{tmp_path / 'notes'} is not a folder" in result.stderr
    assert (tmp_path / "notes").read_text() == "kept\n"
    assert run(["-", "-o", f"{tmp_path / 'out.txt'}/"], stdin=b"text").exit_code == 0
    assert (tmp_path / "out.txt" / "stdin.txt").read_text() == "text\n"


@pytest.mark.parametrize("name", ["clean.json", "clean.JSON.gz", "out.gz", "out.zst", "out.jsonl.xz", "out.bz2"])
def test_a_new_output_named_as_a_file_not_written_is_a_usage_error_not_a_folder(tmp_path: Path, name: str) -> None:
    # "-o clean.json" made a folder clean.json/ holding stdin.txt
    result = run(["-", "-o", str(tmp_path / name)], stdin=b"text")
    assert result.exit_code == 2
    assert "of no format written here" in result.stderr and f"-o {tmp_path / name}/" in result.stderr
    assert not (tmp_path / name).exists()
    assert run(["-", "-o", f"{tmp_path / name}/"], stdin=b"text").exit_code == 0
    assert (tmp_path / name / "stdin.txt").read_text() == "text\n"
    assert run(["-", "-o", str(tmp_path / name)], stdin=b"text").exit_code == 0  # an existing folder


def test_a_file_named_json_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    # a dump of JSON lines named .json was cleaned as one text document, and nothing said so
    dump = tmp_path / "dump.json"
    dump.write_bytes(b'{"id": 1, "text": "one"}\n')
    result = run([str(dump)])
    assert result.exit_code == 0
    assert f"warning: {dump}: read as one text document, by its name (.json)" in result.stderr
    assert result.stdout_bytes == dump.read_bytes()
    forced = run(["--format", "jsonl", str(dump)])
    assert "warning" not in forced.stderr and jsonl(forced.stdout_bytes)[0]["status"] == "ok"


@pytest.mark.parametrize("name", ["f{}.json", "f{}.txt"])
def test_a_folder_of_files_read_as_text_by_their_name_is_warned_of_once_not_per_file(tmp_path: Path,
                                                                                    name: str) -> None:
    # a warning each: a folder of 100 .json dumps filled the 100 lines of errors and warnings a
    # run prints, and a record failing after them went unsaid
    for i in range(4):
        (tmp_path / name.format(i)).write_bytes(b'{"id": 1, "text": "one"}\n')
    (tmp_path / "z.jsonl").write_bytes(b'{"text": 5}\n')
    result = run([str(tmp_path)])
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 2, warnings
    assert str(tmp_path / name.format(0)) in warnings[0] and name.format(1) in warnings[1]
    assert "not named again" in warnings[1]
    assert "error: z.jsonl:1: field 'text' is number" in result.stderr


@pytest.mark.parametrize("args", [["--html-field", "html", "-"], ["--text-field", "body", "-"],
                                  ["--format", "text", "--id-field", "key", "-"], ["--lang-field", "lang", "-"]])
def test_record_fields_where_no_input_is_jsonl_are_a_usage_error(args: list[str]) -> None:
    # `cat dump.jsonl | cleanscrape clean --html-field html -` cleaned each line of JSON as text
    result = run(args, stdin=b'{"id": 1, "html": "<p>x</p>", "body": "x", "text": "x"}\n')
    assert result.exit_code == 2
    assert "of JSONL records, and no input is read as JSONL" in result.stderr and "--format jsonl" in result.stderr
    assert run(["--format", "jsonl", *args[-3:]], stdin=b'{"id": 1, "html": "<p>x</p>", "body": "x", "text": "x"}\n').exit_code == 0


def test_a_single_page_to_text_gets_no_header_as_a_single_text_does(tmp_path: Path) -> None:
    # a page is one document: `--format html --to text -` began with '==> stdin <=='
    page = (b"<html><body><article><p>The river rose overnight and the town filled sandbags "
            b"before dawn, as it has done every spring.</p></article></body></html>")
    result = run(["--format", "html", "--to", "text", "-"], stdin=page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "The river rose overnight and the town filled sandbags before dawn, as it has done every spring.\n"
    (tmp_path / "a.html").write_bytes(page)
    (tmp_path / "b.txt").write_text("two\n")
    assert run([str(tmp_path / "a.html"), str(tmp_path / "b.txt"), "--to", "text"]).stdout.startswith("==> a.html <==\n")


def test_report_dash_is_stdout(tmp_path: Path, monkeypatch) -> None:
    # as for -o and INPUT; it wrote a file named "-"
    monkeypatch.chdir(tmp_path)
    result = run(["--format", "jsonl", "-", "-o", "out.jsonl", "--report", "-"], stdin=b'{"id": 1, "text": "one"}\n')
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in jsonl(result.stdout_bytes)] == ["stdin:1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    result = run(["--format", "jsonl", "-", "--report", "-"], stdin=b'{"id": 1, "text": "one"}\n')
    assert result.exit_code == 2
    assert "both" in result.stderr


def test_two_inputs_mirrored_to_one_name_are_a_usage_error(tmp_path: Path) -> None:
    # two shards' folders (Spark's part files) given side by side: the later replaced the
    # earlier's output, which was lost without a word
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "part-0000.jsonl").write_text(f'{{"id": "{year}", "text": "t"}}\n')
    out = tmp_path / "out"
    result = run([str(tmp_path / "2023"), str(tmp_path / "2024"), "-o", str(out)])
    assert result.exit_code == 2
    assert "part-0000.jsonl" in result.stderr and "both" in result.stderr
    assert not (out / "part-0000.jsonl").exists()
    result = run([str(tmp_path / "2023"), f"{tmp_path}/./2023", "-o", str(out)])  # the same file twice: no loss
    assert result.exit_code == 0, result.stderr


def test_an_existing_file_of_no_known_extension_is_written_as_one_file(tmp_path: Path) -> None:
    # taken for a folder, it failed as a write (exit 74, "Not a directory")
    out = tmp_path / "cleaned"
    out.write_text("old\n")
    result = run(["--format", "jsonl", "-", "-o", str(out)], stdin=b'{"id": 1, "text": "one"}\n')
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in jsonl(out.read_bytes())] == [1]


@pytest.mark.parametrize("to,name", [("text", "out.jsonl"), ("jsonl", "out.txt.gz")])
def test_to_against_the_output_files_extension_is_a_usage_error(tmp_path: Path, to: str, name: str) -> None:
    # --to won: text with "==>" headers went into out.jsonl, which no JSONL reader reads
    result = run(["--format", "jsonl", "-", "--to", to, "-o", str(tmp_path / name)], stdin=b'{"id": 1, "text": "t"}\n')
    assert result.exit_code == 2
    assert f"--to {to}" in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("closed,args,message", [
    (0, ["-"], "stdin: cannot open: stdin is closed"),
    (1, [str(DATA / "docs")], "stdout is closed"),
])
def test_a_closed_standard_stream_is_an_error_not_a_traceback(closed: int, args: list[str], message: str) -> None:
    # sys.stdin / sys.stdout are None then: AttributeError and its traceback (and, with
    # stdin closed, workers stopped so early that the run hung, before ef571a0)
    import os
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", "-q", *STAGES, "-j", "2", *args],
                          preexec_fn=lambda: os.close(closed), capture_output=closed == 0, timeout=60,
                          **({} if closed == 0 else {"stderr": subprocess.PIPE}))
    assert b"Traceback" not in proc.stderr
    assert message.encode() in proc.stderr
    assert proc.returncode in (1, 2)


def test_a_report_named_as_a_mirrored_output_is_a_usage_error(tmp_path: Path) -> None:
    # both were written to out/a.jsonl's one temporary file, interleaved, then the second
    # rename failed (exit 74, "run again with --resume once there is space")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"id": 1, "text": "t"}\n')
    out = tmp_path / "out"
    result = run([str(tmp_path / "in"), "-o", str(out), "--report", str(out / "a.jsonl")])
    assert result.exit_code == 2
    assert "the report" in result.stderr and "both" in result.stderr
    assert not (out / "a.jsonl").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_output_that_cannot_be_written_is_named_as_given_not_by_its_temporary_file() -> None:
    # '--report /proc/nope.jsonl' said "/proc/.nope.jsonl.partial: cannot write", a name
    # the user never gave
    result = run(["-", "--report", "/proc/nope.jsonl"], stdin=b"text")
    assert result.exit_code == 2
    assert "Error: /proc/nope.jsonl: cannot write: " in result.stderr and ".partial" not in result.stderr


def test_a_temporary_file_in_the_way_of_an_output_is_named(tmp_path: Path) -> None:
    (tmp_path / ".out.jsonl.partial").mkdir()
    result = run(["-", "-o", str(tmp_path / "out.jsonl")], stdin=b"text")
    assert result.exit_code == 2
    assert f"{tmp_path / 'out.jsonl'}: cannot write: Is a directory (its temporary file " in result.stderr


def test_text_input_that_reads_as_json_lines_is_warned_of_once_and_cleaned_as_text(tmp_path: Path) -> None:
    # 'cat dump.jsonl | cleanscrape clean -' cleaned each JSON line as words, exit 0,
    # nothing said
    dump = b'{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n'
    result = run(["-"], stdin=b"\n" + dump)
    assert result.exit_code == 0
    assert result.stderr.count("warning:") == 1
    assert ("warning: stdin: read as text, one document, but its first line is a JSON object with a 'text' "
            "field: for JSON lines, give --format jsonl") in result.stderr
    assert result.stdout_bytes == dump  # a warning, not another reading
    (tmp_path / "dump.txt").write_bytes(dump)
    result = run([str(tmp_path / "dump.txt")])
    assert f"warning: {tmp_path / 'dump.txt'}: read as text" in result.stderr


@pytest.mark.parametrize("args,stdin", [
    (["-"], b'{"id": "a", "body": "one"}\n'),  # no text field
    (["-"], b"{braces} open this text\n"),
    (["--format", "text", "-"], b'{"id": "a", "text": "one"}\n'),  # said to be text
])
def test_text_input_not_read_as_json_lines_is_not_warned_of(args: list[str], stdin: bytes) -> None:
    result = run(args, stdin=stdin)
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_an_empty_input_folder_is_warned_of_and_exits_0(tmp_path: Path) -> None:
    # "0 documents", exit 0 and nothing said: a typo'd or not yet filled folder looked like
    # a run that cleaned it
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden.txt").write_text("skipped")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("text")
    result = run([str(tmp_path / "empty"), str(tmp_path / "full")])
    assert result.exit_code == 0
    assert result.stderr.count("warning:") == 1
    assert (f"warning: {tmp_path / 'empty'}: no file in this folder (names starting with '.' are skipped): "
            "nothing read from it") in result.stderr
    assert "1 document;" in result.stderr


@pytest.mark.parametrize("bytes_in,bytes_out,shown", [
    (3_400, 1_520, "text 3.40 kB in, 1.52 kB out; 2.0 s (1.70 kB/s)"),  # was '0.00 MB in, 0.00 MB out'
    (3_760_000, 1_520_000, "text 3.76 MB in, 1.52 MB out; 2.0 s (1.88 MB/s)"),
    (5_000_000_000, 12, "text 5.00 GB in, 12 bytes out; 2.0 s (2.50 GB/s)"),
])
def test_the_summary_gives_sizes_in_the_unit_that_fits_them(bytes_in: int, bytes_out: int, shown: str) -> None:
    from cleanscrape.cli import Summary

    assert shown in Summary(bytes_in=bytes_in, bytes_out=bytes_out).line(2.0, 0)


def test_lang_field_gives_each_record_its_language(tmp_path: Path) -> None:
    records = (b'{"id": "a", "text": "Zum Inhalt springen\\nDer Text.", "lang": "de"}\n'
               b'{"id": "b", "text": "Der Text.", "lang": null}\n'
               b'{"id": "c", "text": "Der Text.", "lang": 5}\n'
               b'{"id": "d", "text": "Der Text."}\n'
               b'{"id": "e", "text": "Der Text.", "lang": " "}\n')  # blank: as empty (it was lang " ", given)
    report = tmp_path / "r.jsonl"
    result = run(["--format", "jsonl", "--lang-field", "lang", "--lang", "fr", "--report", str(report), "-"],
                 stdin=records)
    assert result.exit_code == 1  # record c failed
    rows = jsonl(report.read_bytes())
    assert [(r["lang"], r["lang_method"]) for r in rows] == [("de", "given"), ("fr", "given"), (None, None),
                                                             ("fr", "given"), ("fr", "given")]
    assert rows[2]["error"] == "stdin:3: field 'lang' is number, not a language code (a string such as 'fr') or null"
    out = jsonl(result.stdout_bytes)
    assert out[0]["lang"] == "de" and out[2]["status"] == "failed" and out[2]["lang"] == 5  # passed through
