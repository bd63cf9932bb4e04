"""Shared set-up of the throughput benchmarks.

Run them with ``.venv/bin/python -m pytest benchmarks/ --benchmark-only`` (the plain test
run only collects ``tests/``).  Benchmark modules are named ``bench_*.py``: the hook
below collects them here, and nowhere else.

Every benchmark compares itself to ``ftfy.fix_text`` (default options) on the same
documents in the same run — the one well-known text-cleaning baseline, and a ratio measured
in one run survives a noisy machine better than absolute rates (PERF-NOTES).  The ratios
are printed at the end of the session.

Documents: the texts of ``corpus_samples/`` always; plus, when present, the first
``CLEANSCRAPE_BENCH_DOCS`` (default 60) raw scrape texts of
``extraction/dev.jsonl`` of the evaluation sets (``eval_dir.py``; or ``CLEANSCRAPE_EVAL_EXTRACTION``).  "dirty" is
those raw texts; "clean" is their cleaned output (text that needs nothing done); "short" is
each paragraph of that output as a document of its own; "tiny" each of its lines of 1-10
words (titles, headings, captions).
"""

from __future__ import annotations

import gzip
import json
import os
import time
from functools import lru_cache
from pathlib import Path

import pytest
from eval_dir import EVAL_DIR

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus_samples"
EVAL_EXTRACTION = Path(os.environ.get("CLEANSCRAPE_EVAL_EXTRACTION") or EVAL_DIR / "extraction" / "dev.jsonl")
BENCH_DOCS = int(os.environ.get("CLEANSCRAPE_BENCH_DOCS", "60"))

_ratios: list[tuple[str, float, float, float]] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    # a file named on the command line is collected by pytest itself
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


@pytest.fixture(scope="session", autouse=True)
def compiled_package() -> None:
    """Byte-compile the package before anything is timed.  A wheel install ships its
    ``.pyc`` files (pip compiles at install, as it did ftfy's) and an editable one writes
    them on first import, unless ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's
    machines): then every ``cleanscrape`` process, each worker included, compiled the
    package's ~14,000 lines again (~0.1 s per process), and the dump benchmark timed
    CPython's compiler.  ``compileall`` writes them whatever that variable says."""
    import compileall

    compileall.compile_dir(str(ROOT / "cleanscrape"), quiet=1)


def corpus_sample_texts() -> list[str]:
    """Every document of corpus_samples/, in name order (text files, JSONL, gzipped JSONL)."""
    texts: list[str] = []
    for path in sorted(CORPUS.iterdir()):
        if path.name.endswith(".txt"):
            texts.append(path.read_text(encoding="utf-8"))
        elif path.name.endswith((".jsonl", ".jsonl.gz")):
            data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
            texts.extend(json.loads(line)["text"] for line in data.decode("utf-8").splitlines() if line.strip())
    return texts


@lru_cache(maxsize=None)
def dirty_texts() -> tuple[str, ...]:
    texts = corpus_sample_texts()
    if EVAL_EXTRACTION.is_file():
        with open(EVAL_EXTRACTION, encoding="utf-8") as fh:
            for _, line in zip(range(BENCH_DOCS), fh):
                texts.append(json.loads(line)["text"])
    return tuple(texts)


@lru_cache(maxsize=None)
def clean_texts() -> tuple[str, ...]:
    from cleanscrape import Cleaner

    cleaner = Cleaner()
    return tuple(cleaner.clean(text).text for text in dirty_texts())


#: a paragraph of the clean texts this long or longer is a "short" document
SHORT_MIN_CHARS = 150


@lru_cache(maxsize=None)
def short_texts() -> tuple[str, ...]:
    """Short documents (comments, blurbs, news briefs: ~350 characters): each paragraph of
    the clean texts alone.  What such a document costs is mostly per document (language
    detection above all), not per character."""
    return tuple(line for text in clean_texts() for line in text.split("\n") if len(line) >= SHORT_MIN_CHARS)


#: a line of the clean texts with this many words or fewer is a "tiny" document
TINY_MAX_WORDS = 10


@lru_cache(maxsize=None)
def tiny_texts() -> tuple[str, ...]:
    """Very short documents (titles, headings, captions, snippets: 1-10 words): each such
    line of the clean texts alone.  Language detection is most of what they cost, and all
    of it where a detector is asked about a few words."""
    return tuple(line for text in clean_texts() for line in text.split("\n")
                 if 1 <= len(line.split()) <= TINY_MAX_WORDS)


def documents(kind: str) -> tuple[str, ...]:
    return {"dirty": dirty_texts, "clean": clean_texts, "short": short_texts, "tiny": tiny_texts}[kind]()


def megabytes(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


@lru_cache(maxsize=None)
def ftfy_seconds(kind: str) -> float:
    """Best of three passes of ``ftfy.fix_text`` over the documents of ``kind``."""
    import ftfy

    texts = documents(kind)
    ftfy.fix_text(texts[0])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            ftfy.fix_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def record_ratio(benchmark, label: str, mb: float, seconds: float, ftfy_s: float) -> float:
    """Store MB/s and the throughput ratio to ftfy (ours / ftfy's: > 1 means faster)."""
    ratio = ftfy_s / seconds
    benchmark.extra_info.update({"MB": round(mb, 3), "MB_per_s": round(mb / seconds, 3),
                                 "ftfy_MB_per_s": round(mb / ftfy_s, 3), "ratio_to_ftfy": round(ratio, 3)})
    _ratios.append((label, mb / seconds, mb / ftfy_s, ratio))
    return ratio


def pytest_terminal_summary(terminalreporter) -> None:
    if not _ratios:
        return
    terminalreporter.section("throughput vs ftfy.fix_text (same documents, same run)")
    terminalreporter.write_line(f"{'benchmark':<48}{'MB/s':>9}{'ftfy MB/s':>11}{'ratio':>8}")
    for label, ours, theirs, ratio in _ratios:
        terminalreporter.write_line(f"{label:<48}{ours:>9.3f}{theirs:>11.3f}{ratio:>8.2f}")
