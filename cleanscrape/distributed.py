"""Cleaning on a cluster: one function per partition for an existing distributed engine.

When one machine is not enough, the engine you already run (Spark, Dask, Ray, Beam)
distributes the JSONL lines; cleanscrape cleans each partition with the same code path as
the CLI (:func:`cleanscrape.parallel.clean_raw`), so a line cleaned on a cluster is
byte-for-byte the line ``cleanscrape clean --format jsonl --no-source-memory`` writes (the
source memory spans a batch of the CLI's stream; records here are cleaned one by one).  The
Cleaner is built once per worker process and reused across partitions.

PySpark::

    from cleanscrape.distributed import clean_jsonl_partition
    sc.textFile("s3://bucket/dump/*.jsonl.gz") \\
      .mapPartitions(clean_jsonl_partition) \\
      .saveAsTextFile("s3://bucket/clean/")

Dask (a compressed file is one partition; each output file ends with a newline; the
guard because a bag's default scheduler starts its worker processes by spawn)::

    import dask.bag as db
    from cleanscrape.distributed import clean_jsonl_partition

    if __name__ == "__main__":
        db.read_text("dump/*.jsonl.zst", blocksize=None).map_partitions(clean_jsonl_partition) \\
          .to_textfiles("clean/*.jsonl", last_endline=True)

Options (a config file or mapping, field names, report lines) are keyword arguments; bind
them with ``functools.partial``.  See docs/cluster.md.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .cleaner import Cleaner
from .extract import ExtractOptions, html_cleaner
from .io.readers import DEFAULT_MAX_RECORD_BYTES, RawRecord, ReadOptions, is_byte_order_mark_alone, record_too_large
from .parallel import Job, Outcome, clean_raw

__all__ = ["clean_jsonl_partition"]


@lru_cache(maxsize=8)
def _worker_setup(config: str | Path | None, text_field: str, id_field: str, html_field: str | None,
                  with_report: bool, config_json: str | None = None) -> tuple[Cleaner, Job]:
    """The Cleaner and Job of a worker process, built once for each set of options; a
    config given as a mapping comes as its JSON (``config_json``: a mapping is no key of a
    cache)."""
    cleaner = Cleaner(config=json.loads(config_json) if config_json is not None else config)
    job = Job(ReadOptions(text_field=text_field, id_field=id_field, html_field=html_field), "jsonl",
              with_report, ExtractOptions(), html_cleaner(cleaner) if html_field else None, summary_counts=False)
    return cleaner, job


def clean_jsonl_partition(
    lines: Iterable[str | bytes],
    *,
    config: str | Path | Mapping[str, Any] | None = None,
    text_field: str = "text",
    id_field: str = "id",
    html_field: str | None = None,
    with_report: bool = False,
    partition: str = "partition",
    max_record_bytes: int | None = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[str]:
    """Clean JSONL lines; yield one output JSONL line (no newline) per input line, in order.

    With ``with_report=True`` each output line carries the report record under ``"report"``
    (engines write one dataset; split it downstream).  A line that is not valid JSON, or
    lacks the text field, gives a line with ``"status": "failed"`` and the reason, as the
    CLI does, and so does an item that is no line (``None``): no record is ever dropped.
    Blank lines are no records, as in the CLI.  A line longer than ``max_record_bytes``
    (its UTF-8 bytes without the line end; the CLI's ``--max-record-bytes`` and default;
    ``None`` or 0: no limit) is a failed record, as in the CLI: cleaning it would take
    several times its size in the worker's memory.
    """
    if isinstance(lines, (str, bytes)):  # an iterable of letters (or of numbers): a mistake, not a partition
        raise TypeError(f"clean_jsonl_partition takes the lines of a partition, not one {type(lines).__name__}: "
                        "splitlines() gives its lines")
    if isinstance(config, Mapping):
        cleaner, job = _worker_setup(None, text_field, id_field, html_field, with_report,
                                     json.dumps(config, sort_keys=True))
    else:
        cleaner, job = _worker_setup(config, text_field, id_field, html_field, with_report)
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str):
            payload = line.encode("utf-8", "surrogatepass")
        elif isinstance(line, (bytes, bytearray, memoryview)):
            payload = bytes(line)
        else:  # (what a line of a partition cannot be: a failed record, not the partition's end)
            raw = RawRecord(f"{partition}:{number}", "jsonl", b"", partition,
                            error=f"a line must be a string or bytes, not {type(line).__name__} {line!r:.80}")
            yield _line(clean_raw(cleaner, job, raw), with_report)
            continue
        payload = payload.rstrip(b"\r\n")
        if not payload.strip() or number == 1 and is_byte_order_mark_alone(payload):
            continue  # blank lines, and a mark opening an empty file, are no records, as in the CLI reader
        if max_record_bytes and len(payload) > max_record_bytes:
            raw = RawRecord(f"{partition}:{number}", "jsonl", b"", partition,
                            error=record_too_large(len(payload), max_record_bytes))
        else:
            raw = RawRecord(f"{partition}:{number}", "jsonl", payload, partition)
        yield _line(clean_raw(cleaner, job, raw), with_report)


def _line(outcome: Outcome, with_report: bool) -> str:
    """The output line of a record's outcome (no newline), its report under "report"."""
    data = outcome.item.data.rstrip(b"\n")
    if with_report and outcome.report is not None:
        # Splice the encoded report into the encoded record rather than decoding and
        # re-encoding both: the writer's escaping and big-integer handling stay intact.
        data = data[:-1] + b',"report":' + outcome.report.rstrip(b"\n") + b"}"
    return data.decode("utf-8", "surrogatepass")
