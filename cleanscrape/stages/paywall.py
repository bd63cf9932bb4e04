"""Paywall and login prompts ("Subscribe to continue reading", "Already a subscriber? Log in").

The prompts are short fragments next to each other; prose about paying for news stays.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class PaywallStage(LexiconStage):
    name = "paywall"
    categories = ("paywall",)
