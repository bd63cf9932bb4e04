"""whitespace: line edges and blank-line runs, each removal named."""

from __future__ import annotations

import pytest

from cleanscrape import Cleaner


def clean(text: str):
    return Cleaner(stages=["whitespace"]).clean(text)


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_a_blank_line_kept_between_paragraphs_keeps_no_layout(newline: str) -> None:
    # a CRLF text's lines lost their "\r", the blank line kept between them kept its own:
    # "line one\nline two\n\r\nline three", the output's line ends mixed
    result = clean(newline.join(["line one", "line two", "", "", "", "line three", ""]))
    assert result.text == "line one\nline two\n\nline three"
    assert "\r" not in result.text
    result = clean("first paragraph\n \t \nsecond paragraph")
    assert result.text == "first paragraph\n\nsecond paragraph"
    assert [(r.text, r.reason) for r in result.removed] == [(" \t ", "whitespace on a blank line")]


def test_without_strip_lines_a_blank_line_kept_keeps_its_layout_as_the_other_lines_do() -> None:
    text = "first paragraph \n \nsecond paragraph"
    assert Cleaner(stages=["whitespace"], stage_options={"whitespace": {"strip_lines": False}}).clean(text).text == text
