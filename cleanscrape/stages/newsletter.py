"""Newsletter and subscription calls to action ("Sign up for our newsletter").

An article sentence about subscribing is prose: one phrase inside it is not enough.  Nor is a
lead-in on an item of a list ("Sign up for Hulu with ads for $5.99 a month" between other
offers): in a list whose neighbouring items carry no boilerplate phrase, the lead-in
introduces an item, not a sign-up form, and only phrases further in the line count.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..lexicon import Hit, hits_by_line
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, word_count


@register_stage
class NewsletterStage(LexiconStage):
    name = "newsletter"
    categories = ("newsletter",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        # "Sign up for a Hulu account for $11.99 a month" is article text: a lead-in opens
        # a paragraph alone only from four words ("Sign up for our newsletter")
        specific_prefix_words: Count = 4
        #: shortest item of a list of content (offers, steps), this line and its neighbours
        content_line_words: Count = 6

    options: NewsletterStage.Options

    def evidence(self, doc: Document, index: int, hits: list[Hit], norms: list[str]) -> tuple[list[Hit], bool]:
        if self.is_content_list_item(doc, index, norms):
            return [h for h in hits if h.start > 0], False
        return hits, True

    def is_content_list_item(self, doc: Document, index: int, norms: list[str]) -> bool:
        """Is line ``index`` a content-sized item between two adjacent content-sized items (no
        blank line between, a menu's items are short) that are kept and carry no boilerplate
        phrase strong enough to count alone?"""
        if word_count(norms[index]) < self.options.content_line_words or not 0 < index < len(doc.lines) - 1:
            return False
        hits = hits_by_line(doc)
        neighbours = (doc.lines[index - 1], doc.lines[index + 1])
        return all(not n.removed and word_count(norms[n.index]) >= self.options.content_line_words
                   and all(h.kind.endswith("_near") for h in hits.get(n.index, ())) for n in neighbours)
