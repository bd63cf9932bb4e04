"""`mypy cleanscrape` reports no error: the type hints stay true for the next developer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_reports_no_error() -> None:
    # from the root, so that mypy reads pyproject.toml's [tool.mypy]
    proc = subprocess.run([sys.executable, "-m", "mypy", "cleanscrape"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
