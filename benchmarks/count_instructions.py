#!/usr/bin/env python3
"""CPU instructions of one warm pass of the pipeline (or of one stage) over the benchmark texts.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --callgrind-out-file=OUT \\
        .venv/bin/python benchmarks/count_instructions.py [STAGE]

A shared host makes wall time useless for differences of a few per cent (the same tree
timed against itself swings by ±20 %); an instruction count does not move with the load.
The texts are the benchmarks' "dirty" documents (``conftest.dirty_texts``: the corpus
samples and the first raw dev scrapes).  They are cleaned once as a warm-up (imports, word
lists, lexicons, caches), then once more inside ``functools.reduce``, which nothing in
``cleanscrape`` calls: callgrind, told to count only inside that function, counts that pass
alone ("Collected" on stderr; ``callgrind_annotate OUT`` for the C functions).  With a
STAGE name only that stage's ``process`` runs inside it (a lazy document property, such as
the lexicon scan or the language, is counted in the first stage that asks for it).
How many texts were cleaned is printed on stderr: a copy of the tree that has no
``shared/eval`` beside it (a ``git archive`` of a base to compare with) holds the corpus
samples alone, 12 texts of 9 KB, unless ``CLEANSCRAPE_EVAL_DIR`` names the sets.
"""

from __future__ import annotations

import functools
import sys

from conftest import dirty_texts

from cleanscrape import Cleaner


def main() -> None:
    texts = dirty_texts()
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters", file=sys.stderr)
    cleaner = Cleaner()
    for text in texts:
        cleaner.clean(text)
    if len(sys.argv) < 2:
        functools.reduce(lambda _, text: cleaner.clean(text), texts, None)
        return
    stage = next(s for s in cleaner.stages if s.name == sys.argv[1])
    process = stage.process
    stage.process = lambda doc: functools.reduce(lambda _, d: process(d), (doc,), None)  # type: ignore[method-assign]
    for text in texts:
        cleaner.clean(text)


if __name__ == "__main__":
    main()
