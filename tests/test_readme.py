"""The README's two set-up commands are the project's contract: keep them true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("---", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", head, flags=re.S)


def test_readme_starts_with_exactly_two_setup_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert all(cmd.startswith("python3 -m venv .venv") for cmd in commands)
    assert "corpus_samples" in commands[0] and "cleanscrape clean" in commands[0]
    assert "pytest" in commands[1] and "[test]" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert ci_commands == [readme_commands()[1]]
