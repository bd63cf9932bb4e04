"""The per-partition entry point for cluster engines gives exactly the CLI's output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import zstandard

from cleanscrape.distributed import clean_jsonl_partition

ROOT = Path(__file__).resolve().parent.parent
DUMP = ROOT / "corpus_samples" / "dump_mixed.jsonl"


def cli_lines(path: Path, *options: str) -> list[str]:
    """What the command docs/cluster.md names writes: a partition has no source memory.
    (Exit 1 is a run with failed records, which are lines too.)"""
    run = subprocess.run(
        [sys.executable, "-m", "cleanscrape", "clean", "--format", "jsonl", "--no-source-memory", "--workers", "1", "--quiet",
         *options, str(path)],
        capture_output=True,
    )
    assert run.returncode in (0, 1), run.stderr
    return run.stdout.decode("utf-8").splitlines()


def test_partitions_match_the_cli_byte_for_byte() -> None:
    lines = DUMP.read_text(encoding="utf-8").splitlines(keepends=True)
    # an engine cuts the dump anywhere: clean it as two partitions
    cut = len(lines) // 2
    got = list(clean_jsonl_partition(lines[:cut])) + list(clean_jsonl_partition(iter(lines[cut:])))
    assert got == cli_lines(DUMP)


def test_bad_lines_become_failed_records_not_gaps() -> None:
    lines = ['{"id": "a", "text": "Fine text here."}', "not json", "", '{"id": "c"}', b'{"id": "d", "text": "ok"}']
    out = [json.loads(line) for line in clean_jsonl_partition(lines, partition="part-7")]
    assert [r.get("id") for r in out] == ["a", None, "c", "d"]
    assert [r["status"] for r in out] == ["ok", "failed", "failed", "ok"]
    assert "part-7:2" in out[1]["error"]


def test_a_line_that_is_neither_text_nor_bytes_is_a_failed_record_not_the_partitions_end() -> None:
    # an AttributeError ('int' object has no attribute 'rstrip') failed the whole partition
    lines = ['{"id": "a", "text": "Fine text here."}', None, 5, bytearray(b'{"id": "d", "text": "ok"}')]
    out = [json.loads(line) for line in clean_jsonl_partition(lines, partition="part-7", with_report=True)]
    assert [(r["id"], r["status"]) for r in out] == [("a", "ok"), (None, "failed"), (None, "failed"), ("d", "ok")]
    assert out[1]["error"] == "part-7:2: a line must be a string or bytes, not NoneType None"
    assert out[2]["error"] == out[2]["report"]["error"] == "part-7:3: a line must be a string or bytes, not int 5"


def test_a_byte_order_mark_alone_on_the_first_line_is_no_record_as_in_the_cli(tmp_path: Path) -> None:
    # an empty file written "UTF-8 with BOM", then records: the CLI skips the mark, a
    # partition of the file's lines (a str line keeps it as U+FEFF) made it a failed record
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf\n{"id": "a", "text": "Fine text here."}\n')
    assert list(clean_jsonl_partition(path.read_bytes().splitlines())) == cli_lines(path)
    assert list(clean_jsonl_partition(path.read_text(encoding="utf-8").splitlines())) == cli_lines(path)


def test_a_line_over_the_record_limit_is_failed_as_the_cli_fails_it(tmp_path: Path) -> None:
    # the partition cleaned any line, where the CLI fails one over --max-record-bytes
    # (64 MiB by default): a cluster's output differed from the CLI's on such a record
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "Word " * 40})
    path.write_text('{"id": "a", "text": "Fine text here."}\n' + big + "\n", encoding="utf-8")
    expected = [json.loads(line) for line in cli_lines(path, "--max-record-bytes", "100")]
    got = [json.loads(line) for line in clean_jsonl_partition(path.read_text(encoding="utf-8").splitlines(),
                                                                max_record_bytes=100, partition="big.jsonl")]
    assert got == expected
    assert got[1]["status"] == "failed" and f"record of {len(big)} bytes, over" in got[1]["error"]
    assert json.loads(list(clean_jsonl_partition([big], max_record_bytes=None))[0])["status"] == "ok"


@pytest.mark.parametrize("partition", ['{"text": "a"}\n{"text": "b"}\n', b'{"text": "a"}\n'])
def test_a_partition_of_one_string_is_refused_not_cleaned_a_letter_at_a_time(partition) -> None:
    with pytest.raises(TypeError, match="the lines of a partition, not one"):
        list(clean_jsonl_partition(partition))


def test_report_rides_along_when_asked() -> None:
    lines = list(clean_jsonl_partition(['{"id": "x", "text": "  indented\u2028 ", "n": 123456789012345678901234}'],
                                       with_report=True))
    assert "\u2028" not in lines[0]  # line separators stay escaped: splitlines() readers see one record
    out = [json.loads(line) for line in lines]
    # (a text without "\n" separates its lines by its U+2028: the one after the last line goes)
    assert out[0]["text"] == "indented" and out[0]["n"] == 123456789012345678901234
    assert out[0]["report"]["id"] == "x" and out[0]["report"]["line_breaks"] == "\u2028"
    assert "\u2028" in {r["text"] for r in out[0]["report"]["removed"]}
    assert {r["category"] for r in out[0]["report"]["removed"]} == {"whitespace"}


ZIPPED_RUN = """
import sys
# the package from the zip alone, not from this checkout's (editable) install
sys.meta_path = [finder for finder in sys.meta_path if "editable" not in repr(finder).lower()]
sys.path = [sys.argv[1]] + [p for p in sys.path if p != sys.argv[2]]
import cleanscrape
from cleanscrape.distributed import clean_jsonl_partition
assert cleanscrape.__file__.startswith(sys.argv[1]), cleanscrape.__file__
sys.stdout.write("\\n".join(clean_jsonl_partition(open(sys.argv[3], encoding="utf-8"))) + "\\n")
"""


def test_a_zipped_package_reads_its_data_files(tmp_path: Path) -> None:
    # Spark ships pure-Python code to its executors as a zip (--py-files): the lexicons,
    # stopwords and repair tables must be read through the import system, not from a folder
    package = tmp_path / "cleanscrape.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for path in sorted((ROOT / "cleanscrape").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(ROOT))
    out = subprocess.run([sys.executable, "-c", ZIPPED_RUN, str(package), str(ROOT), str(DUMP)],
                         capture_output=True, check=True, cwd=tmp_path).stdout.decode("utf-8")
    assert out.splitlines() == cli_lines(DUMP)


def docs_example(engine: str) -> str:
    """The Python code block under ``## <engine>`` in docs/cluster.md."""
    docs = (ROOT / "docs" / "cluster.md").read_text(encoding="utf-8")
    section = docs.split(f"\n## {engine}\n", 1)[1]
    found = re.search(r"```python[^\n]*\n(.*?)```", section, re.S)
    assert found, f"no python block under '## {engine}' in docs/cluster.md"
    return found.group(1)


def docstring_example(engine: str) -> str:
    """The literal block after the paragraph starting ``<engine>`` in cleanscrape.distributed's docstring."""
    import cleanscrape.distributed

    doc = cleanscrape.distributed.__doc__ or ""
    found = re.search(rf"^{engine}\b.*?::\n\n((?:    [^\n]*\n|\n)+)", doc, re.M | re.S)
    assert found, f"no example for {engine} in cleanscrape.distributed's docstring"
    return textwrap.dedent(found.group(1))


@pytest.mark.parametrize("example", [docs_example, docstring_example], ids=["docs", "docstring"])
def test_the_dask_example_writes_the_cli_output(tmp_path: Path, example) -> None:
    """The example as users copy it into a script, run on dask's default scheduler
    (processes, started by spawn): two compressed files, one partition each, written back
    as files that concatenate to the CLI's output.  (The docstring's example, without the
    import nor the ``__main__`` guard, failed: NameError, then BrokenProcessPool.)"""
    pytest.importorskip("dask.bag")
    lines = DUMP.read_bytes().splitlines(keepends=True)
    cut = len(lines) // 2
    (tmp_path / "dump").mkdir()
    for name, part in (("a", lines[:cut]), ("b", lines[cut:])):
        (tmp_path / "dump" / f"{name}.jsonl.zst").write_bytes(zstandard.compress(b"".join(part)))
    (tmp_path / "example.py").write_text(example("Dask"), encoding="utf-8")
    run = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-3000:]
    written = sorted((tmp_path / "clean").glob("*.jsonl"))
    assert len(written) == 2
    assert "".join(path.read_text(encoding="utf-8") for path in written).splitlines() == cli_lines(DUMP)


def test_a_config_may_be_a_mapping_as_the_cleaners_may() -> None:
    # "TypeError: unhashable type: 'dict'" (the per-worker cache's key), the partition lost
    config = {"pipeline": ["whitespace"], "stages": {"whitespace": {"max_blank_lines": 2}}}
    out = list(clean_jsonl_partition(['{"text": "ab  \\n\\n\\n\\nc"}'], config=config))
    assert [json.loads(line)["text"] for line in out] == ["ab\n\n\nc"]
