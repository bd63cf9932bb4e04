"""Cost of the whole pipeline per document, and of each stage, on dirty and clean text.

    .venv/bin/python -m pytest benchmarks/bench_pipeline.py --benchmark-only

Four kinds of document (conftest): raw scrapes ("dirty"), their cleaned text ("clean"), its
paragraphs one by one ("short": comments, blurbs, briefs), and its lines of 1-10 words one by
one ("tiny": titles, headings, captions).

Target: the whole pipeline at ≥ 4× the throughput of ``ftfy.fix_text`` in one process.

A stage is timed alone on fresh Documents whose language is already set (detection is its
own row, ``language``), so a stage row is what that stage adds.  Stages that read the
shared lexicon hits pay for computing them when timed alone; in the pipeline the first
of them pays once.  ``document`` is the cost of building the Document (line and block
split) that every stage row includes.
"""

from __future__ import annotations

import gc
import time
from functools import lru_cache

import pytest
from conftest import documents, ftfy_seconds, megabytes, record_ratio

from cleanscrape import DEFAULT_STAGES, Cleaner, Document
from cleanscrape.lang import detect_language, ensure_language
from cleanscrape.stage import get_stage_class

KINDS = ("dirty", "clean", "short", "tiny")
ROUNDS = 3


@lru_cache(maxsize=None)
def languages(kind: str) -> tuple[str | None, ...]:
    return tuple(detect_language(Document(text))[0] for text in documents(kind))


def _measure(benchmark, label: str, kind: str, run) -> float:
    run()  # warm-up: word lists, lexicons and language profiles load on first use
    benchmark.pedantic(run, rounds=ROUNDS, iterations=1)
    texts = documents(kind)
    seconds = benchmark.stats.stats.min
    benchmark.extra_info["ms_per_doc"] = round(1000 * seconds / len(texts), 3)
    return record_ratio(benchmark, label, megabytes(texts), seconds, ftfy_seconds(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_pipeline(benchmark, kind: str) -> None:
    cleaner = Cleaner()
    texts = documents(kind)
    _measure(benchmark, f"pipeline [{kind}]", kind, lambda: [cleaner.clean(t) for t in texts])
    shares = stage_shares(cleaner, texts)
    benchmark.extra_info["share_of_time"] = shares
    print(f"\npipeline [{kind}] time by stage: " + ", ".join(f"{k} {v:.0%}" for k, v in shares.items()))


def stage_shares(cleaner: Cleaner, texts) -> dict[str, float]:
    """Each stage's share of the pipeline's time, measured inside the pipeline (so shared
    work such as the lexicon scan counts once, for the first stage that asks for it);
    language detection is its own entry."""
    spent = {"language": 0.0, **{stage.name: 0.0 for stage in cleaner.stages}}
    # detection here reads the text before the repair stages, unlike the pipeline's: the
    # first pass may load what the pipeline never needed (langdetect's profiles)
    for text in texts:
        ensure_language(Document(text))
    # the cyclic collector off, as Cleaner.clean has it: left on, it would charge its walks
    # to whichever stage allocates when one starts (~10 % of main_content)
    gc.disable()
    try:
        for text in texts:
            doc = Document(text)
            start = time.perf_counter()
            ensure_language(doc)
            spent["language"] += time.perf_counter() - start
            for stage in cleaner.stages:
                start = time.perf_counter()
                stage.process(doc)
                spent[stage.name] += time.perf_counter() - start
    finally:
        gc.enable()
    total = sum(spent.values())
    return {name: round(seconds / total, 3) for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])}


@pytest.mark.parametrize("kind", KINDS)
def test_document(benchmark, kind: str) -> None:
    texts = documents(kind)
    _measure(benchmark, f"document [{kind}]", kind, lambda: [Document(t) for t in texts])


@pytest.mark.parametrize("kind", KINDS)
def test_language(benchmark, kind: str) -> None:
    texts = documents(kind)
    _measure(benchmark, f"language [{kind}]", kind, lambda: [detect_language(Document(t)) for t in texts])


@pytest.mark.parametrize("stage_name", DEFAULT_STAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_stage(benchmark, kind: str, stage_name: str) -> None:
    stage = get_stage_class(stage_name)()
    pairs = list(zip(documents(kind), languages(kind)))

    def run() -> None:
        for text, lang in pairs:
            doc = Document(text, lang=lang)
            doc.lang_method = "given"
            stage.process(doc)

    _measure(benchmark, f"stage {stage_name} [{kind}]", kind, run)


#: the raw scrapes, repeated: enough work (~9 MB) that the pool's start-up weighs little
CLEAN_MANY_REPEATS = 16


def test_clean_many_workers(benchmark) -> None:
    """``Cleaner.clean_many(texts, workers=N)``, all cores, against one process, on the same
    stream, in alternating pairs: the pipeline user's scaling.  The results come back pickled
    (their removals packed, docs/cli.md, Parallelism); the caller's CPU is printed."""
    from cleanscrape.parallel import default_workers

    workers = default_workers()
    if workers < 2:
        pytest.skip("needs several cores")
    cleaner = Cleaner()
    texts = documents("dirty") * CLEAN_MANY_REPEATS
    for _ in cleaner.clean_many(texts[:16]):  # warm-up, as the other benchmarks
        pass
    measured: dict[int, list[tuple[float, float]]] = {1: [], workers: []}

    def pairs() -> None:
        for round_number in range(ROUNDS):
            for n in ((1, workers) if round_number % 2 == 0 else (workers, 1)):  # cancel drift in load
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in cleaner.clean_many(texts, workers=n):
                    pass
                measured[n].append((time.perf_counter() - wall, time.process_time() - cpu))

    benchmark.pedantic(pairs, rounds=1, iterations=1)
    speedups = [one[0] / many[0] for one, many in zip(measured[1], measured[workers])]
    caller_cpu = [many[1] for many in measured[workers]]
    mb = megabytes(texts)
    benchmark.extra_info.update({"MB": round(mb, 3), "workers": workers,
                                 "speedup_median": round(sorted(speedups)[len(speedups) // 2], 2),
                                 "speedups": [round(s, 2) for s in speedups],
                                 "caller_cpu_s": [round(c, 2) for c in caller_cpu]})
    print(f"\nclean_many on {mb:.1f} MB: workers={workers} vs 1, per pair "
          f"{', '.join(f'{s:.2f}x' for s in speedups)}; the caller's process "
          f"{', '.join(f'{c:.2f}' for c in caller_cpu)} s CPU with workers, "
          f"{', '.join(f'{one[1]:.2f}' for one in measured[1])} s alone")
