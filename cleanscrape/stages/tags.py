"""Tag lists: a "Tags:" / "Schlagwörter:" heading and the list under it, or an inline
"Tags: a, b, c" line.

A sentence that mentions tags is prose and stays; only the heading's own list goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Line
from ..lexicon import category_hits, normalized_lines
from ..stage import register_stage
from ._lexicon_rules import LexiconStage, is_sentence, lines_after_heading, word_count

_TAG_DELIMITERS = str.maketrans({c: "," for c in "|;·•/#"})


@register_stage
class TagsStage(LexiconStage):
    name = "tags"
    categories = ("tags",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: most lines taken under one heading (some sites put one tag per line)
        max_list_items: int = 30
        #: longest single tag
        max_tag_words: int = 8

    def is_tag_list(self, line: Line, normalized: str) -> bool:
        """A delimited list of short items ("terrorisme, rencontre, John Kerry"), or one
        short item per line."""
        if is_sentence(line.text):
            return False
        items = [item for item in normalized.translate(_TAG_DELIMITERS).split(",") if item.strip()]
        return all(word_count(item) <= self.options.max_tag_words for item in items) and (
            len(items) >= 2 or word_count(normalized) <= 4
        )

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        norms = normalized_lines(doc)
        hits = category_hits(doc, self.category)
        taken: list[int] = []
        for index in sorted(removed):
            heading = self.heading_hit(hits.get(index, []), norms[index])
            if heading is None:
                continue
            for line in lines_after_heading(doc, index, self.category, self.is_tag_list, self.options.max_list_items):
                self.remove_line(doc, line, f"tag list after a {heading.lang} tags heading "
                                            f"{heading.phrase!r} (line {index + 1})")
                taken.append(line.index)
        return taken
