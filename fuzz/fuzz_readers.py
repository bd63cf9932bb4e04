"""Fuzz target: reading, decoding, cleaning and encoding input files, as the CLI does.

The first byte picks the format (JSONL or text) and the compression (none, gzip, zstd, or
either cut short at a point the second byte picks); the rest is the file content.  A bug
is any exception escaping the reader or the per-record path (``clean_raw``), a record
lost (JSONL: one record per non-blank line) or a file cut short without an error, a
failure message that does not name its record, or an output line that is not one line of
valid UTF-8 JSON.

Run (atheris; fuzz/jsonl.dict helps it build JSON)::

    nice .venv/bin/python fuzz/fuzz_readers.py fuzz/corpus/readers -dict=fuzz/jsonl.dict \\
        -max_total_time=900 -print_final_stats=1

or ``--random SECONDS`` for a seeded random search without atheris.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from _harness import checked_record, compress, instrument_cleanscrape, main, workdir

instrument_cleanscrape()

from cleanscrape import Cleaner  # noqa: E402
from cleanscrape.io.readers import InputFile, RawRecord, ReadOptions, iter_raw_records  # noqa: E402
from cleanscrape.parallel import Job, clean_raw  # noqa: E402

FORMATS = ("jsonl", "text")
COMPRESSIONS = ("none", "gzip", "zstd", "gzip-cut", "zstd-cut")


@lru_cache(maxsize=1)
def cleaner() -> Cleaner:
    # the stages have their own target; whitespace keeps this one fast and still edits text
    return Cleaner(stages=["whitespace"])


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    how = COMPRESSIONS[(data[0] // len(FORMATS)) % len(COMPRESSIONS)]
    content = data[2:]
    path = workdir() / f"input.{fmt}"
    path.write_bytes(compress(content, how, data[1]))
    errors: list[str] = []
    # a third of the inputs read with a byte limit most of their records pass over
    max_record_bytes = 1 + data[1] // 4 if data[1] % 3 == 0 else None
    raws = [r for r in iter_raw_records([InputFile(str(path), path.name, fmt)], on_error=errors.append,
                                        max_record_bytes=max_record_bytes)
            if isinstance(r, RawRecord)]
    expected = sum(1 for line in content.split(b"\n") if line.strip()) if fmt == "jsonl" else 1
    # compression is recognised by magic bytes, not by name: plain content that opens with
    # one is read as a compressed stream, damaged (no JSON or text opens so)
    looks_compressed = how == "none" and content.startswith((b"\x1f\x8b", b"\x28\xb5\x2f\xfd"))
    if how in ("none", "gzip", "zstd") and not looks_compressed:
        assert len(raws) == expected and errors == [], (len(raws), expected, errors)
    else:  # a file cut short either still holds every record or says it is damaged
        assert errors or len(raws) == expected, (len(raws), expected)
    job = Job(ReadOptions(), output_format="jsonl", with_report=True)
    for raw in raws:
        if raw.error is not None:  # over the limit: nothing held
            assert max_record_bytes is not None and raw.payload == b"", raw
        checked_record(clean_raw(cleaner(), job, raw), raw)


if __name__ == "__main__":
    main("fuzz_readers", test_one_input)
    sys.exit(0)
