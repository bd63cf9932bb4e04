"""The listed character classes match what the category classes they stand for match."""

from __future__ import annotations

import re

import pytest

from cleanscrape.charclass import LETTER, _bmp, bmp_class, bmp_negated_class


@pytest.mark.parametrize("category, also", [(LETTER, ""), (LETTER, "?"), (r"\d", "x?")])
def test_a_negated_class_matches_the_category_within_the_bmp(category: str, also: str) -> None:
    negated = re.compile(bmp_negated_class(category, also))
    listed = re.compile(f"[{bmp_class(category)}{re.escape(also)}]")
    reference = re.compile(f"{category}|[{re.escape(also)}]" if also else category)
    for char in _bmp():
        expected = reference.match(char) is not None
        assert (negated.match(char) is not None) == expected, hex(ord(char))
        assert (listed.match(char) is not None) == expected, hex(ord(char))
