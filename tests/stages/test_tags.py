"""tags: a tags heading and the list under it, or an inline tag line, go; prose stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import assert_removed


def test_inline_tags_line_goes() -> None:
    assert_removed("tags", "en", ["Tags: budget, transport, schools"], ["Tags: budget, transport, schools"])


def test_prose_after_a_tags_heading_stays() -> None:
    paragraph = "The mayor said the vote was a turning point for the city and thanked the council members."
    assert_removed("tags", "en", ["Tags", paragraph], ["Tags"])
