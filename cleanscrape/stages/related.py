"""Related-content blocks: "Lire aussi : <title>", "Read more", "Conseils de la rédaction",
and the list of headlines under such a heading.

"Read also the report of the commission, which …" is prose (no separator after the
phrase, a long sentence): it stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Line
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, is_title_like


@register_stage
class RelatedStage(LexiconStage):
    name = "related"
    categories = ("related",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: most headlines taken under one "Read also:" heading
        max_list_items: Count = 15
        #: longest line that still counts as a headline in such a list
        max_title_words: Count = 25
        # "Lesen Sie auch den Bericht …" is prose: related lead-ins need a separator or a
        # short line, however many words they have
        specific_prefix_words: Count = 6

    options: RelatedStage.Options

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        return self.remove_lists_after_headings(doc, removed, self.is_title, self.options.max_list_items,
                                                _title_list_name)

    def is_title(self, line: Line, normalized: str) -> bool:
        return is_title_like(line.text, normalized, max_words=self.options.max_title_words)


def _title_list_name(count: int) -> str:
    return f"list of {count} short title lines"
