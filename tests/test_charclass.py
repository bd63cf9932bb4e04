"""The listed character classes match what the category classes they stand for match."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
import regex

import cleanscrape
from cleanscrape.charclass import LETTER, _bmp, bmp_class


@pytest.mark.parametrize(("category", "engine"), [(LETTER, re), (r"\d", re), (r"\p{Lu}", regex), (r"\p{Ll}", regex)])
def test_a_listed_class_matches_the_category_within_the_bmp(category: str, engine: ModuleType) -> None:
    listed = re.compile(f"[{bmp_class(category, engine)}]")
    reference = engine.compile(category)
    assert _bmp() == "".join(map(chr, range(0x10000)))
    for char in _bmp():
        assert (listed.match(char) is not None) == (reference.match(char) is not None), hex(ord(char))


def test_no_re_pattern_needs_a_newer_python_than_the_oldest_supported() -> None:
    """pyproject says Python >= 3.10, whose ``re`` has no atomic groups nor possessive
    quantifiers (they came in 3.11; ``regex`` has both everywhere): a literal pattern given
    to ``re`` must not use them (:func:`cleanscrape.charclass.atomic` gives the 3.10 form).
    Patterns built at run time are not seen here; the suite run on 3.10 catches those."""
    import ast

    newer_syntax = re.compile(r"\(\?>|(?<!\\)[+*?}]\+")
    package = Path(cleanscrape.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and newer_syntax.search(node.args[0].value)):
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []
