"""Runs the cleanscrape CLI with two extra stages registered, for tests of interruption
and crash handling (tests/test_parallel.py):

* ``slow``: sleeps a little per document, so a run lasts long enough to be interrupted;
* ``crash_on_marker``: kills its process (``os._exit``) on a document containing
  ``CRASH-ME``, as a segfaulting extension would;
* ``chatty``: print()s a debugging line per document, as stages under development do.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

from cleanscrape.document import Document
from cleanscrape.stage import Stage, register_stage


@register_stage
class SlowStage(Stage):
    name = "slow"
    categories = ("test",)

    @dataclass(frozen=True)
    class Options:
        seconds: float = 0.02

    def process(self, doc: Document) -> None:
        time.sleep(self.options.seconds)


@register_stage
class CrashOnMarkerStage(Stage):
    name = "crash_on_marker"
    categories = ("test",)

    def process(self, doc: Document) -> None:
        if "CRASH-ME" in doc.text:
            os._exit(3)


@register_stage
class ChattyStage(Stage):
    name = "chatty"
    categories = ("test",)

    def process(self, doc: Document) -> None:
        print(f"debug: {len(doc.lines)} lines")


if __name__ == "__main__":
    from cleanscrape.cli import main

    sys.argv[0] = "cleanscrape"
    main()
