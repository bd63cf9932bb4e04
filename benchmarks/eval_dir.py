"""Where the team's evaluation sets are: ``shared/eval`` beside the checkout (CI clones the
project with ``../shared`` next to it), or ``$CLEANSCRAPE_EVAL_DIR``.  Benchmarks and the
quality report read them when present and skip cleanly when not."""

from __future__ import annotations

import os
from pathlib import Path

EVAL_DIR = Path(os.environ.get("CLEANSCRAPE_EVAL_DIR") or Path(__file__).resolve().parents[2] / "shared" / "eval")
