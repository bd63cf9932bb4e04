"""Runs the cleanscrape CLI with a disk that fills up: after ``CLEANSCRAPE_TEST_DISK_BYTES``
bytes written to output files, every further write fails with ENOSPC, as on a full disk
(tests/test_faults.py)."""

from __future__ import annotations

import errno
import os

from cleanscrape.cli import main
from cleanscrape.io import writers

budget = int(os.environ["CLEANSCRAPE_TEST_DISK_BYTES"])
original_write = writers.AtomicFile.write


def write_until_full(self: writers.AtomicFile, data: bytes) -> None:
    global budget
    budget -= len(data)
    if budget < 0:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.temp))
    original_write(self, data)


writers.AtomicFile.write = write_until_full  # type: ignore[method-assign]

if __name__ == "__main__":
    main()
