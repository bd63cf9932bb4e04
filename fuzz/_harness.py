"""What the fuzz targets share: turning fuzzer bytes into text, and running a target either
under atheris (coverage-guided, when installed) or as a seeded random search.

Every target module defines ``test_one_input(data: bytes) -> None`` that raises on a bug,
and calls :func:`main` from its ``__main__`` block.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import zstandard

if TYPE_CHECKING:  # (imported at run time only after instrument_cleanscrape)
    from cleanscrape.io.readers import RawRecord
    from cleanscrape.parallel import Outcome

FUZZ_DIR = Path(__file__).resolve().parent
#: every input that once crashed a target, replayed by tests/test_fuzz_regressions.py
REGRESSIONS_DIR = FUZZ_DIR / "regressions"

sys.path.insert(0, str(FUZZ_DIR.parent / "tests"))  # shared strategies and invariants

from strategies import BOILERPLATE, DAMAGED, PROSE  # noqa: E402

#: lines a fuzzer can splice in by reference (byte 0xFD then an index), so that it reaches
#: the content-dependent stages without having to guess whole French sentences
LINE_POOL = PROSE + BOILERPLATE + DAMAGED
POOL_MARK = 0xFD


@lru_cache(maxsize=1)
def _workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="cleanscrape-fuzz-")  # removed at exit


def workdir() -> Path:
    """A temporary folder for the files a target writes, one per process."""
    return Path(_workdir().name)


def compress(content: bytes, how: str, cut: int) -> bytes:
    """``content`` as ``how`` says: "none", "gzip", "zstd", or either "-cut" short at a point
    ``cut`` picks (the 4 magic bytes kept: with fewer, the data is rightly read as plain)."""
    if how.startswith("gzip"):
        packed = gzip.compress(content, mtime=0)
    elif how.startswith("zstd"):
        packed = zstandard.ZstdCompressor().compress(content)
    else:
        return content
    if not how.endswith("-cut"):
        return packed
    return packed[: 4 + cut % (len(packed) - 4)]


def checked_record(outcome: Outcome, raw: RawRecord) -> dict[str, Any]:
    """The output record of ``clean_raw``'s ``outcome`` for ``raw``, after the checks every
    record passes: a failure names its record, the output is one line of UTF-8 JSON marked
    ok or failed, and the report names the record's source."""
    if outcome.error is not None:
        assert outcome.error.startswith(raw.location), outcome.error
    line = outcome.item.data
    assert line.endswith(b"\n") and line.count(b"\n") == 1, line
    record = json.loads(line.decode("utf-8"))
    assert record["status"] in ("ok", "failed")
    assert outcome.report is not None and json.loads(outcome.report.decode("utf-8"))["source"] == raw.location
    return record


def instrument_cleanscrape() -> None:
    """Import cleanscrape (all its stages and readers) with atheris coverage instrumentation,
    when atheris is installed and the run is coverage-guided.  Call before anything imports
    cleanscrape."""
    if "--random" in sys.argv or "pytest" in sys.modules:
        return
    try:
        import atheris
    except ImportError:
        return
    with atheris.instrument_imports(include=["cleanscrape"]):
        import cleanscrape.io.readers  # noqa: F401
        import cleanscrape.stages  # noqa: F401


def text_from_bytes(data: bytes) -> str:
    """Fuzzer bytes to text.  Invalid UTF-8 becomes lone surrogates (``surrogateescape``),
    so the pipeline also sees the code points a JSON ``"\\udc80"`` escape produces;
    ``0xFD n`` inserts line ``n`` of :data:`LINE_POOL`."""
    parts: list[str] = []
    pieces = data.split(bytes([POOL_MARK]))
    parts.append(pieces[0].decode("utf-8", "surrogateescape"))
    for piece in pieces[1:]:
        if piece:
            parts.append(LINE_POOL[piece[0] % len(LINE_POOL)])
            piece = piece[1:]
        parts.append(piece.decode("utf-8", "surrogateescape"))
    return "".join(parts)


def random_input(rng: random.Random) -> bytes:
    """An input for the random search: pool lines, newlines and random bytes."""
    out = bytearray()
    for _ in range(rng.randrange(0, 40)):
        kind = rng.random()
        if kind < 0.4:
            out += bytes([POOL_MARK, rng.randrange(256)])
        elif kind < 0.6:
            out += b"\n" * rng.randrange(1, 4)
        elif kind < 0.8:
            out += rng.choice([b" ", b"\t", b"\r", b"\xc3\xa9", b"?", b"\xef\xbf\xbd", b"\x00", b"\xc3"])
        else:
            out += rng.randbytes(rng.randrange(1, 30))
    return bytes(out)


def main(name: str, test_one_input: Callable[[bytes], None]) -> None:
    """Run a target: under atheris with libFuzzer arguments, or ``--random SECONDS`` for a
    seeded random search without atheris.  Either way the number of inputs tried is
    written to ``--count-file`` (default: fuzz/logs/<name>.count) when the run ends."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--random", type=float, metavar="SECONDS")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count-file", default=str(FUZZ_DIR / "logs" / f"{name}.count"))
    args, libfuzzer_args = parser.parse_known_args()
    counter = {"inputs": 0, "started": time.time()}

    def counted(data: bytes) -> None:
        counter["inputs"] += 1
        if counter["inputs"] % 1000 == 0:
            _write_count(args.count_file, counter)
        test_one_input(data)

    try:
        if args.random is not None:
            rng = random.Random(args.seed)
            end = time.monotonic() + args.random
            while time.monotonic() < end:
                data = random_input(rng)
                try:
                    counted(data)
                except BaseException:
                    _save_crash(name, data)
                    raise
        else:
            import atheris

            atheris.Setup([sys.argv[0], *libfuzzer_args], counted)
            atheris.Fuzz()
    finally:
        _write_count(args.count_file, counter)


def _write_count(path: str, counter: dict) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    elapsed = time.time() - counter["started"]
    with open(path, "w") as fh:
        fh.write(f"inputs_tried {counter['inputs']}\nseconds {elapsed:.0f}\n")


def _save_crash(name: str, data: bytes) -> None:
    folder = FUZZ_DIR / "crashes"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}-{hashlib.sha1(data).hexdigest()[:12]}"
    path.write_bytes(data)
    print(f"crashing input saved to {path}", file=sys.stderr)
