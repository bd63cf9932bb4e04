"""Fuzz target: the cleaning pipeline on arbitrary text.

A bug is any input for which cleaning fails (a stage raised), the report does not replay
to the output or misquotes the input, the same input cleans differently twice, or one
document takes longer than the fuzz time limit.

Run (coverage-guided, atheris; logs the inputs tried to fuzz/logs/fuzz_stages.count)::

    nice .venv/bin/python fuzz/fuzz_stages.py fuzz/corpus/stages -max_total_time=900 -print_final_stats=1

or without atheris, a seeded random search::

    .venv/bin/python fuzz/fuzz_stages.py --random 600

A crashing input goes to a file (libFuzzer: ``crash-<sha1>`` in the working directory;
random search: fuzz/crashes/); copy it to fuzz/regressions/fuzz_stages/ and the test suite
replays it from then on (tests/test_hostile.py).
"""

from __future__ import annotations

import sys
from functools import lru_cache

from _harness import instrument_cleanscrape, main, text_from_bytes

instrument_cleanscrape()

from cleanscrape import Cleaner  # noqa: E402
from invariants import assert_report_replays  # noqa: E402

#: the first byte picks the language handed to the cleaner (None: detect it)
LANGS = (None, None, None, "fr", "en", "de", "zh", "ar", "xx")
#: generous (a shared machine under load is slow), but fuzz inputs are small: anything this
#: slow is a bug worth a look
FUZZ_MAX_DOC_SECONDS = 30.0


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    return Cleaner(max_doc_seconds=FUZZ_MAX_DOC_SECONDS)


def test_one_input(data: bytes) -> None:
    lang = LANGS[data[0] % len(LANGS)] if data else None
    raw = text_from_bytes(data[1:])
    result = cleaner().clean(raw, id="fuzz", lang=lang)
    assert result.flags == [], f"limit hit: {result.flags}"
    assert_report_replays(raw, result)
    assert cleaner().clean(raw, id="fuzz", lang=lang).to_dict() == result.to_dict(), "not deterministic"


if __name__ == "__main__":
    main("fuzz_stages", test_one_input)
    sys.exit(0)
