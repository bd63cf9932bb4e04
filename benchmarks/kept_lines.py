#!/usr/bin/env python3
"""Kept text the gold lacks, line by line: where boilerplate survives the cleaner.

    .venv/bin/python benchmarks/kept_lines.py [--eval-dir DIR] [--half A|B] [--top N]

Runs the default pipeline in-process over the scrapinghub pages of the extraction dev split
(the ones with a gold article body) and lists the kept lines whose 4-token shingles (the
scorer's own tokens and shingles) are mostly missing from the gold, heaviest first.  Each
line says where it stands against the main text ``main_content`` found (``above``: the
title and standfirst it keeps on purpose, which this gold leaves out; ``inside``;
``below``; ``none`` when the stage drew no region) and its weight: its missing shingles
over the page's output shingles, over the number of pages — what removing it would add
to the averaged precision.  Halves as in the quality rounds (first byte of the md5 of the
id: even A, odd B; tune on one, confirm on the other).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from eval_dir import EVAL_DIR
from quality_report import _load_module

from cleanscrape import Cleaner

#: the span main_content names in its reasons: "…, outside the main text (lines 61-95)"
_SPAN = re.compile(r"main text \(lines (\d+)-(\d+)\)")
#: share of a line's shingles missing from the gold from which it is listed
MISSING = 0.5


class KeptLine(NamedTuple):
    weight: float
    doc_id: str
    line: int
    where: str
    text: str


def half(doc_id: str) -> str:
    return "A" if hashlib.md5(doc_id.encode()).digest()[0] % 2 == 0 else "B"


def kept_lines(record: dict[str, Any], result: Any, score: Any, pages: int) -> list[KeptLine]:
    """The lines of ``record`` that ``result`` keeps and the gold mostly lacks."""
    text, gold = record["text"], score.shingles(record["gold"])
    gold_tokens = f" {' '.join(score.tokens(record['gold']))} "
    removed = bytearray(len(text))
    span = None
    for removal in result.removed:
        removed[removal.start:removal.end] = b"\1" * (removal.end - removal.start)
        found = _SPAN.search(removal.reason) if removal.stage == "main_content" else None
        if found:
            span = (int(found.group(1)), int(found.group(2)))
    output = sum(score.shingles(result.text).values()) or 1
    found_lines: list[KeptLine] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        kept = "".join(ch for offset, ch in enumerate(line, start) if not removed[offset])
        start += len(line) + 1
        tokens = score.tokens(kept)
        if not tokens:
            continue
        if len(tokens) >= 4:
            shingles = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
            missing = sum(shingle not in gold for shingle in shingles)
            share = missing / len(shingles)
        else:  # a short line: is its token sequence in the gold at all?
            missing = len(tokens) * (f" {' '.join(tokens)} " not in gold_tokens)
            share = float(missing > 0)
        if share <= MISSING:
            continue
        where = ("none" if span is None else "above" if number < span[0]
                 else "below" if number > span[1] else "inside")
        found_lines.append(KeptLine(missing / output / pages, record["id"], number, where, kept.strip()))
    return found_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--top", type=int, default=60, help="lines listed (default 60)")
    args = parser.parse_args(argv)
    extraction = args.eval_dir / "extraction"
    if not (extraction / "dev.jsonl").exists():
        print(f"no extraction dev set under {args.eval_dir}: skipped", file=sys.stderr)
        return 0
    score = _load_module(extraction / "score.py", "extraction_score")
    with open(extraction / "dev.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records = [r for r in records if r["source"] == "scrapinghub" and (args.half is None or half(r["id"]) == args.half)]
    cleaner = Cleaner()
    lines: list[KeptLine] = []
    for record in records:
        lines += kept_lines(record, cleaner.clean(record["text"], id=record["id"]), score, len(records))
    totals: Counter[str] = Counter()
    for line in lines:
        totals[line.where] += line.weight
    print(f"{len(records)} pages; precision lost to kept lines by place: "
          + ", ".join(f"{where} {weight:.4f}" for where, weight in totals.most_common()))
    for line in sorted(lines, reverse=True)[:args.top]:
        print(f"{line.weight:.5f} {line.doc_id} {half(line.doc_id)} {line.line:5} {line.where:6} {line.text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
