"""Legal footers: copyright and rights notices, imprint, privacy and terms links.

Footers are short fragments or link rows; an article sentence about a privacy policy stays.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class LegalStage(LexiconStage):
    name = "legal"
    categories = ("legal",)
