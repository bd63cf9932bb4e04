"""What one worker pays once before its first results: CPU seconds, by table loaded.

    .venv/bin/python benchmarks/worker_startup.py [DOCS]

A fresh process imports the CLI and builds a Cleaner (what the main process does before
forking its workers), then cleans the first ``DOCS`` documents (default: one repetition)
of the benchmark dump (``bench_dump.write_dump``: the same documents, in the same order)
twice.  The first pass minus the second is everything one-off a worker pays on them;
each table loader (every ``functools.lru_cache`` function of the package) is timed on its
first calls, so the list says where that goes (loaders called by loaders count in both).
CPU time, not wall time: the figures hold on a busy machine.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: loaders taking less than this on a call are left out of the list
MIN_SECONDS = 0.002


def main() -> None:
    clock = time.process_time
    start = clock()
    import cleanscrape.cli  # noqa: F401  (what the main process imports before forking)

    imported = clock() - start
    from cleanscrape import Cleaner

    start = clock()
    cleaner = Cleaner()
    built = clock() - start
    loaders: dict[str, float] = {}
    _time_loaders(loaders)
    from conftest import dirty_texts

    texts = list(dirty_texts())
    texts = texts[:int(sys.argv[1])] if len(sys.argv) > 1 else texts
    start = clock()
    for text in texts:
        cleaner.clean(text)
    first = clock() - start
    start = clock()
    for text in texts:
        cleaner.clean(text)
    second = clock() - start
    print(f"main process: import cleanscrape.cli {imported:.3f} s, Cleaner() {built:.3f} s")
    print(f"worker, {len(texts)} documents: first pass {first:.3f} s, second {second:.3f} s, "
          f"one-off {first - second:.3f} s CPU")
    for name, seconds in sorted(loaders.items(), key=lambda item: -item[1]):
        print(f"  {seconds:.3f}  {name}")


def _time_loaders(loaders: dict[str, float]) -> None:
    """Wrap every lru_cache function of the loaded cleanscrape modules with a timer."""
    wrapped: dict[int, object] = {}
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("cleanscrape"):
            continue
        for attribute, value in list(vars(module).items()):
            if not (callable(value) and hasattr(value, "cache_info")):
                continue
            if id(value) not in wrapped:
                wrapped[id(value)] = _timed(value, loaders)
            setattr(module, attribute, wrapped[id(value)])


def _timed(function, loaders: dict[str, float]):
    name = f"{function.__module__.removeprefix('cleanscrape.')}.{function.__name__}"

    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = time.process_time()
        result = function(*args, **kwargs)
        seconds = time.process_time() - start
        if seconds >= MIN_SECONDS:
            key = f"{name}{args!r}"[:80]
            loaders[key] = loaders.get(key, 0.0) + seconds
        return result

    return timed


if __name__ == "__main__":
    main()
