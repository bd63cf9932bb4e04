"""Share and follow widgets: "Share on Facebook", "Suivez-nous sur Telegram", "URL courte".

A sentence that mentions sharing or a platform ("The minister shared his view on Telegram
with reporters.") carries no widget phrase and ends like a sentence: it stays.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class ShareStage(LexiconStage):
    name = "share"
    categories = ("share",)
