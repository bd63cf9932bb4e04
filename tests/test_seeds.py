"""The five seed scrapes (French news pages, tests/data/seeds/) through the default pipeline.

Each seed comes with the exact expected output (NNN.expected.txt) and the list of removed
lines with their category, plus the repairs (NNN.expected.json).  Lines are compared
stripped, blank lines ignored.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cleanscrape import Cleaner, Result

SEEDS = Path(__file__).parent / "data" / "seeds"
SEED_IDS = sorted(p.name[:-4] for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))


def content_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    cleaner = Cleaner()
    return {seed: cleaner.clean((SEEDS / f"{seed}.txt").read_text(encoding="utf-8")) for seed in SEED_IDS}


def expected(seed: str) -> dict:
    return json.loads((SEEDS / f"{seed}.expected.json").read_text(encoding="utf-8"))


def test_all_five_seeds_present() -> None:
    assert len(SEED_IDS) == 5


@pytest.mark.parametrize("seed", SEED_IDS)
def test_output_is_exactly_the_expected_text(seed: str, results: dict[str, Result]) -> None:
    want = content_lines((SEEDS / f"{seed}.expected.txt").read_text(encoding="utf-8"))
    assert content_lines(results[seed].text) == want


@pytest.mark.parametrize("seed", SEED_IDS)
def test_report_lists_each_expected_removal_with_its_category(seed: str, results: dict[str, Result]) -> None:
    reported = Counter((r.text.strip(), r.category) for r in results[seed].removed if r.text.strip())
    wanted = Counter((item["text"].strip(), item["category"]) for item in expected(seed)["removed"])
    missing = wanted - reported
    assert not missing, f"not reported with the expected category: {sorted(missing)}"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_report_lists_each_expected_repair(seed: str, results: dict[str, Result]) -> None:
    reported = Counter((r.before, r.after) for r in results[seed].repairs)
    for item in expected(seed)["repairs"]:
        assert reported[(item["from"], item["to"])] == item["count"], item
