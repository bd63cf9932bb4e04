"""Newsletter and subscription calls to action ("Sign up for our newsletter").

An article sentence about subscribing is prose: one phrase inside it is not enough.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class NewsletterStage(LexiconStage):
    name = "newsletter"
    categories = ("newsletter",)
