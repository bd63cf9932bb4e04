#!/usr/bin/env python3
"""Quality report: the team's yardsticks run through the installed CLI, with floors.

    .venv/bin/python benchmarks/quality_report.py [--eval-dir DIR] [--cmd CMD]
                                                  [--thresholds FILE] [--json OUT]
                                                  [--web-pool OUT]

``DIR`` (default: ``$CLEANSCRAPE_EVAL_DIR`` or ``shared/eval`` beside the checkout) holds
``extraction/`` (boilerplate removal: raw scrape dumps with gold text or must-keep /
must-drop snippets) and ``mojibake/`` (encoding repair, with clean prose that must come
back unchanged), each with its own ``score.py`` and ``dev.jsonl``.  Both scorers drive
``cleanscrape clean --format jsonl -`` (or ``--cmd``) over stdin/stdout, exactly as a user
would run it.

The third yardstick, *web-text repair*, is built here at run time from the extraction set's
raw page texts (`web_text_pool`): the mojibake set is Universal Dependencies prose, which
lacks what web pages write (soft hyphens, typographic quotes, dashes, bullets, breadcrumb
separators).  Its pages are damaged as the mojibake set's ``qmark`` and ``fffd`` kinds, with
the ``clean`` copy beside them, scored by ``mojibake/score.py`` through the repair stages
only (``--stages mojibake,lossy_repair`` is added to the command: the other stages would
rightly remove the cookie notices among the pages' lines).  ``--web-pool OUT`` also writes
the pool, to tune on.

Printed: extraction P/R/F1 per source and per language (the scorer gives languages for
the snippet source; for the gold source they are recomputed here from its per-document
counts with the scorer's own formula), and the mojibake figures per kind and per
language.  Every figure named in ``quality_thresholds.toml`` is checked: plain keys are
floors, ``*_max`` keys ceilings.

Exit status: 0 when all floors hold, or when the eval directory is absent (the report is
skipped with a message: it is a development tool, not a test); 1 on a regression; 2 when
a scorer could not run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

from eval_dir import EVAL_DIR

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
EXTRACTION_METRICS = ("precision", "recall", "f1")
MOJIBAKE_METRICS = ("exact", "repair", "broken_words", "changed_docs", "worse")

Figures = dict[str, dict[str, dict[str, Any]]]

# The languages the repair stages model (the mojibake set's), and what the web-text pool
# takes of a page: lines of 8 words or more (prose, not menus), cut at sentence ends into
# chunks of a little over 500 characters, 4 chunks a page at most.
WEB_LANGS = frozenset({"cs", "de", "es", "fr", "it", "pl", "pt", "ro", "tr"})
WEB_MIN_WORDS, WEB_CHUNK_CHARS, WEB_CHUNKS_PER_PAGE = 8, 500, 4
WEB_REPAIR_STAGES = "mojibake,lossy_repair"
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
# Chunks whose clean copy is not the text a right repair gives back: cp1252 damage the raw
# pages already hold (C1 controls, "\x84" for „) is repaired, and decomposed letters come
# back composed; such a chunk would count as "clean changed" for a right answer.
NOT_GOLD = re.compile(r"[\x80-\x9f]")


class ScorerError(RuntimeError):
    """A scorer could not run or gave no usable output."""


def default_cmd() -> str:
    """The CLI installed next to this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("cleanscrape")
    cli = str(beside) if beside.exists() else shutil.which("cleanscrape")
    if cli is None:
        raise ScorerError("no `cleanscrape` command found: install the package (pip install -e .)")
    return f"{shlex.quote(cli)} clean --format jsonl -"


def _load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ScorerError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(argv: list[str]) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ScorerError(f"{' '.join(argv[:2])} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return proc.stdout


def extraction_figures(eval_dir: Path, cmd: str) -> dict[str, dict[str, Any]]:
    """P/R/F1 per source and per language from extraction/score.py."""
    folder = eval_dir / "extraction"
    data = folder / "dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        summary_path = Path(tmp) / "summary.json"
        _run([sys.executable, str(folder / "score.py"), "--data", str(data), "--cmd", cmd,
              "--by-lang", "--n-bootstrap", "0", "--json", str(summary_path)])
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    if summary.get("missing"):
        raise ScorerError(f"extraction: {summary['missing']} documents got no output")
    figures = {
        key: {"n": s["n"], **{m: s[m] for m in EXTRACTION_METRICS}}
        for key, s in summary["scores"].items()
    }
    # The scorer splits only the snippet source by language; split the gold one here,
    # with the scorer's own averaging, from the per-document counts it already wrote.
    scorer = _load_module(folder / "score.py", "extraction_score")
    langs = {}
    with open(data, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            langs[record["id"]] = str(record.get("lang"))
    for key, s in summary["scores"].items():
        if s.get("metric") != "shingle4":
            continue
        by_lang: dict[str, list] = {}
        for doc_id, triple in s["per_doc"].items():
            by_lang.setdefault(langs.get(doc_id, "None"), []).append(tuple(triple))
        for lang, triples in sorted(by_lang.items()):
            p, r, f = scorer.gold_prf(triples)
            figures[f"{key}[{lang}]"] = {"n": len(triples), "precision": p, "recall": r, "f1": f}
    return figures


def mojibake_figures(eval_dir: Path, cmd: str, data: Path | None = None) -> dict[str, dict[str, Any]]:
    """Figures per group (ALL, kind=…, lang=…) from mojibake/score.py on ``data`` (default:
    the mojibake dev set)."""
    folder = eval_dir / "mojibake"
    out = _run([sys.executable, str(folder / "score.py"), "--data", str(data or folder / "dev.jsonl"),
                "--cmd", cmd, "--json"])
    groups = json.loads(out)["groups"]
    names = sorted((n for n in groups if n == "ALL" or n.startswith(("kind=", "lang="))),
                   key=lambda n: (n != "ALL", not n.startswith("kind="), n))
    return {name: {"n": groups[name]["docs"], **{m: groups[name].get(m) for m in MOJIBAKE_METRICS}}
            for name in names}


def web_text_pool(extraction_data: Path) -> list[dict[str, str]]:
    """The web-text repair pool, in the mojibake set's record format: each chunk of prose
    of the raw pages (in ``WEB_LANGS``, with a non-ASCII character, none of ``NOT_GOLD`` and
    already NFC) as ``qmark`` (one "?" per non-ASCII code point), ``fffd`` (one U+FFFD each)
    and ``clean``, the chunk itself the gold.  Ids are ``PAGE#N~KIND``."""
    pool = []
    with open(extraction_data, encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            if page.get("lang") not in WEB_LANGS:
                continue
            prose = "\n".join(x for x in page["text"].split("\n") if len(x.split()) >= WEB_MIN_WORDS)
            chunk: list[str] = []
            size = taken = 0  # (size: the characters of the chunk's sentences)
            for sentence in SENTENCE_BREAK.split(prose):
                if len(sentence) <= 20:
                    continue
                chunk.append(sentence.strip())
                size += len(chunk[-1])
                if size <= WEB_CHUNK_CHARS:
                    continue
                text, chunk, size = " ".join(chunk), [], 0
                if text.isascii() or NOT_GOLD.search(text) or unicodedata.normalize("NFC", text) != text:
                    continue
                taken += 1
                damaged = {
                    "qmark": text.encode("ascii", "replace").decode("ascii"),
                    "fffd": "".join(c if c.isascii() else "\ufffd" for c in text),
                    "clean": text,
                }
                pool.extend({"id": f"{page['id']}#{taken}~{kind}", "lang": page["lang"], "kind": kind,
                             "text": damaged_text, "gold": text} for kind, damaged_text in damaged.items())
                if taken == WEB_CHUNKS_PER_PAGE:
                    break
    return pool


def web_text_figures(eval_dir: Path, cmd: str, keep: Path | None = None) -> dict[str, dict[str, Any]]:
    """Figures per group of the web-text pool, repaired by the repair stages of ``cmd``."""
    pool = web_text_pool(eval_dir / "extraction" / "dev.jsonl")
    if not pool:
        raise ScorerError("web-text repair: no page of the extraction set in the repair's languages")
    with tempfile.TemporaryDirectory() as tmp:
        data = keep or Path(tmp) / "web_text.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pool), encoding="utf-8")
        return mojibake_figures(eval_dir, f"{cmd} --stages {WEB_REPAIR_STAGES}", data)


def check(figures: Figures, thresholds: dict[str, Any]) -> list[str]:
    """Every floor or ceiling of ``thresholds`` that ``figures`` break, in words."""
    failures = []
    for yardstick, tables in thresholds.items():
        for key, limits in tables.items():
            row = figures.get(yardstick, {}).get(key)
            if row is None:
                failures.append(f"{yardstick} {key}: no such figure in this run")
                continue
            for name, limit in limits.items():
                metric, is_ceiling = (name[:-4], True) if name.endswith("_max") else (name, False)
                value = row.get(metric)
                if value is None:
                    failures.append(f"{yardstick} {key} {metric}: not measured")
                elif (value > limit) if is_ceiling else (value < limit):
                    bound = "ceiling" if is_ceiling else "floor"
                    failures.append(f"{yardstick} {key} {metric} = {value:.4g}, {bound} {limit}")
    return failures


def format_table(title: str, rows: dict[str, dict[str, Any]], metrics: tuple[str, ...]) -> str:
    lines = [title, f"  {'':28}{'n':>5}" + "".join(f"{m:>14}" for m in metrics)]
    for key, row in rows.items():
        cells = "".join(
            f"{'-':>14}" if row.get(m) is None else f"{row[m]:>14.3f}" for m in metrics
        )
        lines.append(f"  {key:28}{row['n']:>5}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    ap.add_argument("--cmd", help="cleaner command (default: the installed CLI, JSONL on stdin/stdout)")
    ap.add_argument("--thresholds", type=Path, default=HERE / "quality_thresholds.toml")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--web-pool", type=Path, help="also write the web-text repair pool (JSONL) here")
    args = ap.parse_args(argv)

    if not (args.eval_dir / "extraction" / "score.py").exists() or not (
        args.eval_dir / "mojibake" / "score.py"
    ).exists():
        print(f"quality report skipped: no evaluation sets under {args.eval_dir}")
        return 0
    thresholds = tomllib.loads(args.thresholds.read_text(encoding="utf-8"))
    try:
        cmd = args.cmd or default_cmd()
        figures: Figures = {
            "extraction": extraction_figures(args.eval_dir, cmd),
            "mojibake": mojibake_figures(args.eval_dir, cmd),
            "web-text": web_text_figures(args.eval_dir, cmd, args.web_pool),
        }
    except ScorerError as exc:
        print(f"quality report failed: {exc}", file=sys.stderr)
        return 2
    print(format_table("extraction (dev): per source and language", figures["extraction"], EXTRACTION_METRICS))
    print()
    print(format_table("mojibake (dev): per kind and language (%)", figures["mojibake"], MOJIBAKE_METRICS))
    print()
    print(format_table("web-text repair (extraction dev's raw pages, repair stages): per kind and"
                       " language (%)", figures["web-text"], MOJIBAKE_METRICS))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    failures = check(figures, thresholds)
    print()
    if failures:
        print(f"REGRESSION: {len(failures)} figure(s) past their limits in {args.thresholds.name}:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print(f"all figures within the limits of {args.thresholds.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
