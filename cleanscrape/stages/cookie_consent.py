"""Cookie-consent banners: the consent paragraphs, their buttons and settings links.

Banners are long, so a single "cookies" in a long line proves nothing ("Les cookies de
Noël se vendent bien"), but a banner paragraph packs several consent phrases, and its
short lines ("OK", "Tout refuser") sit right next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class CookieConsentStage(LexiconStage):
    name = "cookie_consent"
    categories = ("cookie_consent",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        # banner sentences next to a banner are long ("Pour en savoir plus sur vos droits
        # et nos pratiques en matière de cookies, consultez …")
        near_max_words: Count = 80

    options: CookieConsentStage.Options
