"""comments: comment forms, their rules and buttons go; prose about comments stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import assert_kept


def test_lone_bullet_goes_only_next_to_a_removed_line() -> None:
    assert_kept("comments", "fr", ["  •  "])
