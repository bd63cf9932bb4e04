"""The per-partition entry point for cluster engines gives exactly the CLI's output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleanscrape.distributed import clean_jsonl_partition

ROOT = Path(__file__).resolve().parent.parent
DUMP = ROOT / "corpus_samples" / "dump_mixed.jsonl"


def cli_lines(path: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "cleanscrape", "clean", "--format", "jsonl", "--workers", "1", "--quiet", str(path)],
        capture_output=True, check=True,
    ).stdout.decode("utf-8")
    return out.splitlines()


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


def test_report_rides_along_when_asked() -> None:
    lines = list(clean_jsonl_partition(['{"id": "x", "text": "  indented\u2028 ", "n": 123456789012345678901234}'],
                                       with_report=True))
    assert "\u2028" not in lines[0]  # line separators stay escaped: splitlines() readers see one record
    out = [json.loads(line) for line in lines]
    assert out[0]["text"] == "indented\u2028" and out[0]["n"] == 123456789012345678901234
    assert out[0]["report"]["id"] == "x"
    assert {r["category"] for r in out[0]["report"]["removed"]} == {"whitespace"}
