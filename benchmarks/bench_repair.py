"""Cost of the encoding-repair stages (mojibake, lossy_repair) alone, next to ftfy.

    .venv/bin/python -m pytest benchmarks/bench_repair.py --benchmark-only

Documents: the clean texts of the shared benchmark set (conftest), and two damaged
versions of them: every non-ASCII character replaced by "?" (a lossy charset) and the
UTF-8 bytes read as cp1252 (mojibake).  ``ftfy.fix_text`` with default options runs over the
same documents in the same run; the ratio (ours / ftfy's throughput) is printed at the end.

The language is set on each document beforehand (detection is a pipeline cost, measured in
bench_pipeline), and word lists are loaded by a warm-up pass before timing.
"""

from __future__ import annotations

import time
from functools import lru_cache

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest
from conftest import clean_texts, megabytes, record_ratio

from cleanscrape import Cleaner, Document
from cleanscrape.lang import detect_language

KINDS = ("clean", "qmark", "mojibake")
ROUNDS = 3


def _sloppy_cp1252(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@lru_cache(maxsize=None)
def documents(kind: str) -> tuple[str, ...]:
    texts = clean_texts()
    if kind == "qmark":
        return tuple(t.encode("ascii", "replace").decode("ascii") for t in texts)
    if kind == "mojibake":
        return tuple(_sloppy_cp1252(t) for t in texts)
    return texts


@lru_cache(maxsize=None)
def languages(kind: str) -> tuple[str | None, ...]:
    return tuple(detect_language(Document(text))[0] for text in documents(kind))


@lru_cache(maxsize=None)
def ftfy_seconds(kind: str) -> float:
    import ftfy

    texts = documents(kind)
    ftfy.fix_text(texts[0])
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for text in texts:
            ftfy.fix_text(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("kind", KINDS)
def test_repair_stages(benchmark, kind: str) -> None:
    cleaner = Cleaner(stages=["mojibake", "lossy_repair"])
    texts = documents(kind)
    langs = languages(kind)

    def run() -> None:
        for text, lang in zip(texts, langs):
            cleaner.clean(text, lang=lang)

    run()  # warm-up: word lists and letter models load on first use
    benchmark.pedantic(run, rounds=ROUNDS, iterations=1)
    seconds = benchmark.stats.stats.min
    benchmark.extra_info["ms_per_doc"] = round(1000 * seconds / len(texts), 3)
    ratio = record_ratio(benchmark, f"mojibake+lossy_repair [{kind}]", megabytes(texts), seconds, ftfy_seconds(kind))
    print(f"\nmojibake+lossy_repair [{kind}]: {ratio:.2f}× ftfy.fix_text's throughput")
