"""Cost of the per-document limits, and of pathological documents (docs/reliability.md).

    .venv/bin/python -m pytest benchmarks/bench_limits.py --benchmark-only

* ``test_limit_overhead``: the corpus documents through the ``whitespace`` stage alone (so
  the limits' share is visible), with the default limits and with none.  The time limit
  arms and disarms a ``SIGALRM`` timer per document (about 2 µs since 2026-11-27, when the
  handler came to be installed through ``_signal.signal``, without the enum conversions of
  ``signal.signal``; 5 µs before): well under 1% of the milliseconds a real page takes.
* ``test_pathological``: one document each of the shapes that once took quadratic time
  (a long line of repeated mojibake, a long line of lossy "?" words, a million tiny lines
  scaled down, pages flattened to one line, pages run together in one document), through
  the default pipeline with the limits off; time should grow linearly with size (4× from
  the first size to the second).
"""

from __future__ import annotations

import pytest
from conftest import dirty_texts

from cleanscrape import Cleaner

ROUNDS = 5


@pytest.mark.parametrize("limits", ["default", "off"])
def test_limit_overhead(benchmark, limits: str) -> None:
    options = {} if limits == "default" else {"max_doc_chars": None, "max_doc_seconds": None}
    cleaner = Cleaner(stages=["whitespace"], **options)
    texts = dirty_texts()
    benchmark.pedantic(lambda: [cleaner.clean(t) for t in texts], rounds=ROUNDS, iterations=1)
    benchmark.extra_info["us_per_doc"] = round(1e6 * benchmark.stats.stats.min / len(texts), 2)


def _pages(chars: int, joiner: str) -> str:
    """The benchmark's pages (their lines joined by ``joiner``), repeated to ``chars``."""
    pages = [joiner.join(text.split("\n")) for text in dirty_texts()]
    out, size = [], 0
    while size < chars:
        page = pages[len(out) % len(pages)]
        out.append(page)
        size += len(page) + 2
    return "\n\n".join(out) if joiner == "\n" else " ".join(out)


PATHOLOGICAL = {
    "mojibake line": lambda n: "prÃ©sident dÃ©clarÃ© " * n,
    "lossy line": lambda n: "La d?cision a ?t? prise apr?s les n?gociations. " * (n // 2),
    "tiny lines": lambda n: "a\n" * (n * 10),
    # pages flattened to one line (a scraper's get_text(" ")): the lossy repair read each
    # run's context in the whole line
    "flattened pages": lambda n: _pages(n * 100, " "),
    # pages run together in one document: the list under each heading was read from a copy
    # of every line after it
    "pages in one document": lambda n: _pages(n * 500, "\n"),
}


@pytest.mark.parametrize("size", [1000, 4000])
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_pathological(benchmark, shape: str, size: int) -> None:
    cleaner = Cleaner(max_doc_chars=None, max_doc_seconds=None)
    text = PATHOLOGICAL[shape](size)
    cleaner.clean(text)  # warm: lexicons, word lists
    result = benchmark.pedantic(lambda: cleaner.clean(text), rounds=1, iterations=1)
    assert result.ok and not result.flags
    benchmark.extra_info["chars"] = len(text)
