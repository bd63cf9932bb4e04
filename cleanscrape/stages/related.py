"""Related-content blocks: "Lire aussi : <title>", "Read more", "Conseils de la rédaction",
and the list of headlines under such a heading; in a page's extracted text, the headlines
the page shows as whole links (extraction's ``link_lines``).

"Read also the report of the commission, which …" is prose (no separator after the
phrase, a long sentence): it stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..document import Document, Line
from ..lexicon import normalized_lines
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, is_title_like, word_count


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
        #: longest line cut short with an ellipsis that counts as one of its teasers (a
        #: headline or a summary the list cut to its width; 0: none)
        max_teaser_words: Count = 60
        # "Lesen Sie auch den Bericht …" is prose: related lead-ins need a separator or a
        # short line, however many words they have
        specific_prefix_words: Count = 6
        #: fewest words of a line a page shows as one whole link to another page (HTML
        #: input: extraction's ``link_lines``) for it to go as that page's headline;
        #: shorter ones are labels ("Home", "Read more") the lexicons judge
        min_link_words: Count = 5

    options: RelatedStage.Options

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        return self.remove_lists_after_headings(doc, removed, self.is_title, self.options.max_list_items,
                                                _title_list_name) + self.remove_link_lines(doc)

    def remove_link_lines(self, doc: Document) -> list[int]:
        """The lines the page shows as a whole link to another page, of min_link_words to
        max_title_words words: headlines of other articles and promotions standing in the
        body, which trafilatura keeps when they are paragraphs of their own.  Unless they
        are half the text or more: then the page is a list of links (an index, a link
        collection), and the links are what it has to say."""
        numbers = _link_lines(doc)
        if not numbers:
            return []
        norms = normalized_lines(doc)
        opts = self.options
        headlines = [index for index in numbers if not doc.lines[index].removed
                     and opts.min_link_words <= word_count(norms[index]) <= opts.max_title_words]
        if 2 * sum(len(norms[index]) for index in headlines) >= sum(map(len, norms)):
            return []
        for index in headlines:
            self.remove_line(doc, index, "the page shows the whole line as a link to another page "
                                         f"({word_count(norms[index])} words)")
        return headlines

    def is_title(self, line: Line, normalized: str) -> bool:
        # a headline or summary the box cut short ("… as Hurri...", "… auf Gedeih un...") is
        # one of its teasers: the box's ellipsis is no full stop
        return is_title_like(line.text, normalized, max_words=self.options.max_title_words,
                             cut_short=self.options.max_teaser_words)


def _link_lines(doc: Document) -> list[int]:
    """The indices of the lines extraction found to be whole links on the page (none for
    text input, or for metadata that does not hold them as extraction writes them)."""
    extraction = doc.metadata.get("extraction")
    numbers = extraction.get("link_lines") if isinstance(extraction, Mapping) else None
    if not isinstance(numbers, list):
        return []
    return [n - 1 for n in numbers if type(n) is int and 0 < n <= len(doc.lines)]


def _title_list_name(count: int) -> str:
    return f"list of {count} short title lines"
