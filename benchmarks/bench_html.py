"""Throughput of the HTML path in pages/s, as a ratio to trafilatura alone in the same run.

Two corpora: the pages of the extraction yardstick (``extraction/html`` of the evaluation sets, ``eval_dir.py``,
or ``$CLEANSCRAPE_EVAL_HTML``; skipped when absent) and the fixtures in ``tests/data/html``.
"trafilatura alone" is ``trafilatura.extract`` with the yardstick's baseline settings on
the same bytes; "cleanscrape" is :func:`cleanscrape.extract.clean_html` (decode, extract,
headline, then the default stages minus the HTML preset).  Both are timed round-robin over
the same pages so that machine noise hits both alike; ratios are steadier than rates.

    .venv/bin/python -m pytest benchmarks/bench_html.py --benchmark-only
    .venv/bin/python benchmarks/bench_html.py [FOLDER] [--limit N] [--rounds R] [--mode fast]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import time
from pathlib import Path
from typing import Callable

import pytest
from eval_dir import EVAL_DIR

from cleanscrape import DEFAULT_STAGES, Cleaner, available_stages
from cleanscrape.extract import EXTRACTION_MODES, ExtractOptions, clean_html, html_cleaner

EVAL_HTML = Path(os.environ.get("CLEANSCRAPE_EVAL_HTML") or EVAL_DIR / "extraction" / "html")
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
#: pages per benchmark round on the yardstick (its 414 pages take ~10 s per pass)
EVAL_PAGES = 60
#: the settings of the yardstick's "trafilatura-html" baseline (../shared/eval/extraction/BASELINES.md)
TRAFILATURA_OPTIONS = dict(fast=False, include_comments=False, include_tables=True, include_formatting=False)


def load_pages(folder: Path, limit: int | None = None) -> list[bytes]:
    """Page bytes of every .html / .htm / .html.gz file in ``folder``, in name order."""
    paths = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".htm", ".html.gz")))
    pages = [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in paths[:limit]]
    return pages


def trafilatura_alone() -> Callable[[bytes], str]:
    import trafilatura

    return lambda page: trafilatura.extract(page, **TRAFILATURA_OPTIONS) or ""


def cleanscrape_html(mode: str = "balanced") -> Callable[[bytes], str]:
    # the default pipeline as far as it is built today (stages land one by one)
    built = set(available_stages())
    cleaner = html_cleaner(Cleaner(stages=[s for s in DEFAULT_STAGES if s in built]))
    options = ExtractOptions(mode=mode)
    return lambda page: clean_html(cleaner, page, options=options).text


def paired_rates(pages: list[bytes], rounds: int, mode: str = "balanced") -> dict[str, float]:
    """Pages/s of both paths, timed alternately per round; median over rounds."""
    paths = {"trafilatura": trafilatura_alone(), "cleanscrape": cleanscrape_html(mode)}
    for run in paths.values():  # warm-up pass: imports, lexicons, language profiles
        for page in pages:
            run(page)
    seconds: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(rounds):
        for name, run in paths.items():
            start = time.perf_counter()
            for page in pages:
                run(page)
            seconds[name].append(time.perf_counter() - start)
    rates = {f"{name}_pages_per_s": len(pages) / statistics.median(s) for name, s in seconds.items()}
    rates["ratio"] = rates["cleanscrape_pages_per_s"] / rates["trafilatura_pages_per_s"]
    return rates


def _corpus(name: str) -> list[bytes]:
    if name == "eval":
        if not EVAL_HTML.is_dir():
            pytest.skip(f"{EVAL_HTML} not present")
        return load_pages(EVAL_HTML, EVAL_PAGES)
    return load_pages(FIXTURES)


@pytest.mark.parametrize("corpus", ["eval", "fixtures"])
@pytest.mark.parametrize("path", ["trafilatura", "cleanscrape"])
def test_html_throughput(benchmark, corpus: str, path: str) -> None:
    pages = _corpus(corpus)
    run = trafilatura_alone() if path == "trafilatura" else cleanscrape_html()
    benchmark.extra_info["pages"] = len(pages)
    # warm-up pass: imports, lexicons and language profiles load on first use
    benchmark.pedantic(lambda: [run(page) for page in pages], rounds=3, iterations=1, warmup_rounds=1)
    benchmark.extra_info["pages_per_s"] = round(len(pages) / benchmark.stats.stats.median, 2)


@pytest.mark.parametrize("corpus", ["eval", "fixtures"])
def test_html_throughput_ratio(benchmark, corpus: str) -> None:
    """The ratio, timed round-robin (the two tests above run minutes apart)."""
    pages = _corpus(corpus)
    rates = benchmark.pedantic(paired_rates, args=(pages, 3), rounds=1, iterations=1)
    benchmark.extra_info.update({k: round(v, 3) for k, v in rates.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=EVAL_HTML if EVAL_HTML.is_dir() else FIXTURES)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=EXTRACTION_MODES, default="balanced", help="cleanscrape's extraction mode")
    args = parser.parse_args()
    pages = load_pages(args.folder, args.limit)
    rates = paired_rates(pages, args.rounds, args.mode)
    print(f"{len(pages)} pages from {args.folder}, median of {args.rounds} rounds, mode {args.mode}: "
          f"trafilatura {rates['trafilatura_pages_per_s']:.1f} pages/s, "
          f"cleanscrape {rates['cleanscrape_pages_per_s']:.1f} pages/s, ratio {rates['ratio']:.3f}")


if __name__ == "__main__":
    main()
