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


def test_a_user_script_is_checked_against_the_package_s_public_names(tmp_path: Path) -> None:
    """The package imports its names as they are first used (PEP 562 __getattr__): a
    __getattr__ mypy saw made every attribute of ``cleanscrape`` Any, so a misspelt name
    passed the check, and under --strict (no implicit re-export) the public names were not
    exported at all ('Module "cleanscrape" does not explicitly export attribute "Cleaner"')."""
    script = tmp_path / "user_script.py"
    script.write_text("import cleanscrape\nfrom cleanscrape import Cleaner, clean\n\n"
                      "result: cleanscrape.Result = cleanscrape.Cleaner().clean('text')\n"
                      "document = cleanscrape.document.Document('text')\n"
                      "cleanscrape.Cleanr()\n")
    for strict in ([], ["--strict"]):
        proc = subprocess.run([sys.executable, "-m", "mypy", *strict, "--no-incremental", str(script)], cwd=ROOT,
                              capture_output=True, text=True)
        errors = [line for line in proc.stdout.splitlines() if line.startswith(str(script))]
        assert len(errors) == 1 and errors[0].startswith(f'{script}:6: error: Module has no attribute "Cleanr"'), \
            proc.stdout
