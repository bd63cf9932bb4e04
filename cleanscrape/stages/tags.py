"""Tag lists: a "Tags:" / "Schlagwörter:" heading and the list under it, or an inline
"Tags: a, b, c" line.

A sentence that mentions tags is prose and stays; only the heading's own list goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Line
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, is_sentence, word_count

_TAG_DELIMITERS = str.maketrans({c: "," for c in "|;·•/#"})


@register_stage
class TagsStage(LexiconStage):
    name = "tags"
    categories = ("tags",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: most lines taken under one heading (some sites put one tag per line)
        max_list_items: Count = 30
        #: longest single tag
        max_tag_words: Count = 8

    options: TagsStage.Options

    def is_tag_list(self, line: Line, normalized: str) -> bool:
        """A delimited list of short items ("terrorisme, rencontre, John Kerry"), or one
        short item per line."""
        if is_sentence(line.text):
            return False
        items = [item for item in normalized.translate(_TAG_DELIMITERS).split(",") if item.strip()]
        return all(len(item.split()) <= self.options.max_tag_words for item in items) and (
            len(items) >= 2 or word_count(normalized) <= 4
        )

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        return self.remove_lists_after_headings(doc, removed, self.is_tag_list, self.options.max_list_items,
                                                _tag_list_name)


def _tag_list_name(count: int) -> str:
    return "tag list"
