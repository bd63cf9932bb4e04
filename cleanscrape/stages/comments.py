"""Comment sections: the form ("Votre pseudo", "Post a comment"), its rules and buttons.

Prose about comments ends like a sentence, and one phrase inside it is not enough: it stays.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class CommentsStage(LexiconStage):
    name = "comments"
    categories = ("comments",)
