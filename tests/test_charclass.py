"""The listed character classes match what the category classes they stand for match."""

from __future__ import annotations

import re
from types import ModuleType

import pytest
import regex

from cleanscrape.charclass import LETTER, _bmp, bmp_class


@pytest.mark.parametrize(("category", "engine"), [(LETTER, re), (r"\d", re), (r"\p{Lu}", regex), (r"\p{Ll}", regex)])
def test_a_listed_class_matches_the_category_within_the_bmp(category: str, engine: ModuleType) -> None:
    listed = re.compile(f"[{bmp_class(category, engine)}]")
    reference = engine.compile(category)
    assert _bmp() == "".join(map(chr, range(0x10000)))
    for char in _bmp():
        assert (listed.match(char) is not None) == (reference.match(char) is not None), hex(ord(char))
