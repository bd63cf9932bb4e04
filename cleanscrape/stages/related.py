"""Related-content blocks: "Lire aussi : <title>", "Read more", "Conseils de la rédaction",
and the list of headlines under such a heading.

"Read also the report of the commission, which …" is prose (no separator after the
phrase, a long sentence): it stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..lexicon import category_hits, normalized_lines
from ..stage import register_stage
from ._lexicon_rules import LexiconStage, is_title_like, lines_after_heading


@register_stage
class RelatedStage(LexiconStage):
    name = "related"
    categories = ("related",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: most headlines taken under one "Read also:" heading
        max_list_items: int = 15
        #: longest line that still counts as a headline in such a list
        max_title_words: int = 25
        # "Lesen Sie auch den Bericht …" is prose: related lead-ins need a separator or a
        # short line, however many words they have
        specific_prefix_words: int = 6

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        norms = normalized_lines(doc)
        hits = category_hits(doc, self.category)
        taken: list[int] = []
        for index in sorted(removed):
            heading = self.heading_hit(hits.get(index, []), norms[index])
            if heading is None:
                continue
            items = lines_after_heading(
                doc, index, self.category,
                lambda line, norm: is_title_like(line.text, norm, max_words=self.options.max_title_words),
                self.options.max_list_items,
            )
            for line in items:
                self.remove_line(doc, line, f"list of {len(items)} short title lines after a "
                                            f"{heading.lang} related heading {heading.phrase!r} (line {index + 1})")
                taken.append(line.index)
        return taken
