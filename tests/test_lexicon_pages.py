"""A made-up news page per language (tests/data/lexicon_pages/<lang>.txt): a menu, a
breadcrumb, a dateline, share buttons, a photo credit, a "read also" line, tags, a comment
form, a related list, a newsletter box, footer links and a cookie banner around a short
article.  Through the default pipeline, with the language detected as a crawl would, the
article (<lang>.expected.txt) is all that stays, and the debris goes by its words: each
line in the category its language's lexicon gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanscrape import Cleaner

PAGES = Path(__file__).parent / "data" / "lexicon_pages"
LANGS = sorted(p.name[:-4] for p in PAGES.glob("*.txt") if not p.name.endswith(".expected.txt"))
#: the categories of the debris: the lexicon stages', and the trailing newline's
DEBRIS = {"cookie_consent", "share", "related", "tags", "comments", "newsletter", "legal", "caption", "metadata",
          "navigation", "whitespace"}


def content_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_there_is_a_page_per_language_added_with_its_lexicon() -> None:
    assert {"cs", "ro", "tr"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_the_debris_goes_and_the_article_stays(lang: str) -> None:
    result = Cleaner().clean((PAGES / f"{lang}.txt").read_text(encoding="utf-8"))
    assert result.lang == lang
    assert content_lines(result.text) == content_lines((PAGES / f"{lang}.expected.txt").read_text(encoding="utf-8"))
    # by the lexicon stages, not as lines outside the main text
    assert {r.category for r in result.removed} <= DEBRIS, [(r.category, r.text) for r in result.removed]
    assert all(r.reason for r in result.removed)
