"""The web-text repair pool of benchmarks/quality_report.py, built from a written page set
(tests never read the shared eval sets)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def report():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("quality_report", BENCHMARKS / "quality_report.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


SENTENCE = "Die Straße führt über den Fluss und weiter in die Stadt, sagte er gestern Abend."


def _pages(tmp_path: Path, pages: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps({"id": i, "lang": lang, "text": text}) + "\n"
                            for i, lang, text in pages), encoding="utf-8")
    return path


def test_chunks_of_prose_lines_damaged_three_ways(report, tmp_path: Path) -> None:
    prose = "\n".join([SENTENCE] * 8)
    data = _pages(tmp_path, [("p1", "de", "Start » Blog\n" + prose)])
    pool = report.web_text_pool(data)
    assert [r["id"] for r in pool] == ["p1#1~qmark", "p1#1~fffd", "p1#1~clean"]
    gold = pool[0]["gold"]
    assert "Start" not in gold and len(gold) > 500 and gold.startswith(SENTENCE)
    assert pool[0]["text"] == gold.replace("ß", "?").replace("ü", "?")
    assert pool[1]["text"] == gold.replace("ß", "\ufffd").replace("ü", "\ufffd")
    assert pool[2]["text"] == gold and {r["kind"] for r in pool} == {"qmark", "fffd", "clean"}


def test_chunks_a_right_repair_would_change_are_left_out(report, tmp_path: Path) -> None:
    ascii_line = "The road runs over the river and on into the town, he said last night."
    pages = [
        ("en", "en", "\n".join([SENTENCE] * 8)),  # a language the repair does not model
        ("ascii", "de", "\n".join([ascii_line] * 8)),
        ("c1", "de", "\n".join([SENTENCE.replace("sagte", "\x84sagte\x93")] * 8)),
        ("nfd", "de", "\n".join([SENTENCE.replace("ü", "u\u0308")] * 8)),
    ]
    assert report.web_text_pool(_pages(tmp_path, pages)) == []
