"""Peak memory and time of one process that repairs one damaged document per language.

    .venv/bin/python benchmarks/repair_memory.py [--stages mojibake,lossy_repair]

Takes the first ``qmark`` document of each language from the mojibake dev set
(``mojibake/dev.jsonl`` of the evaluation sets, ``eval_dir.py``; exits cleanly when it is absent) and cleans them in
turn in one process, printing the time of each and the peak RSS so far (``VmHWM``): the
word lists and letter models load on each language's first damaged document.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval_dir import EVAL_DIR

DEV = EVAL_DIR / "mojibake" / "dev.jsonl"


def peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stages", help="comma-separated stages (default: the default pipeline)")
    args = parser.parse_args()
    if not DEV.is_file():
        print(f"skipped: {DEV} not found", file=sys.stderr)
        return
    docs: dict[str, str] = {}
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["kind"] == "qmark":
                docs.setdefault(record["lang"], record["text"])
    start = time.perf_counter()
    from cleanscrape import Cleaner

    cleaner = Cleaner(stages=args.stages.split(",")) if args.stages else Cleaner()
    cleaner.clean("Warm-up. Bonjour le monde.")
    print(f"start-up {time.perf_counter() - start:.2f} s, peak RSS {peak_rss_kb() / 1024:.0f} MB")
    for lang, text in sorted(docs.items()):
        t = time.perf_counter()
        cleaner.clean(text)
        print(f"{lang} {time.perf_counter() - t:.2f} s, peak RSS {peak_rss_kb() / 1024:.0f} MB")
    print(f"total {time.perf_counter() - start:.2f} s, peak RSS {peak_rss_kb() / 1024:.0f} MB")


if __name__ == "__main__":
    main()
