"""Runs the cleanscrape CLI with two extra stages registered, for tests of interruption
and crash handling (tests/test_parallel.py):

* ``slow``: sleeps a little per document, so a run lasts long enough to be interrupted;
  with ``hold_while`` (a path) each document from number ``hold_from`` on (its id
  ``d<number>``) also waits while that file exists, so a run lasts as long as a test needs,
  however loaded the machine;
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
        hold_while: str = ""
        hold_from: int = 0

    def process(self, doc: Document) -> None:
        time.sleep(self.options.seconds)
        if self.options.hold_while and int((doc.id or "d0")[1:]) >= self.options.hold_from:
            while os.path.exists(self.options.hold_while):
                time.sleep(0.02)


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
