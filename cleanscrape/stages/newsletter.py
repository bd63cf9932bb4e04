"""Newsletter and subscription calls to action ("Sign up for our newsletter").

An article sentence about subscribing is prose: one phrase inside it is not enough.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class NewsletterStage(LexiconStage):
    name = "newsletter"
    categories = ("newsletter",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        # "Sign up for a Hulu account for $11.99 a month" is article text: a lead-in opens
        # a paragraph alone only from four words ("Sign up for our newsletter")
        specific_prefix_words: int = 4
