"""Paywall, login and membership prompts ("Subscribe to continue reading", "Already a
subscriber? Log in", "Support our journalism: become a member").

The prompts are short fragments next to each other; prose about paying for news stays.  A
membership or donation pitch may run to a paragraph: one that opens with a pitch's lead-in
and names the offer again further in goes up to ``pitch_max_words``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class PaywallStage(LexiconStage):
    name = "paywall"
    categories = ("paywall",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        # "If you enjoyed this article, we have a proposition for you: … no paywalls …" runs
        # to 50-odd words; a pitch of twice the prefix limit is still one offer
        pitch_max_words: Count = 80

    options: PaywallStage.Options
