"""Browser notices: "You are using an outdated browser", "Please enable JavaScript".

Sites print them above everything else for visitors whose browser they do not serve, often
with a list of browsers to get instead ("Google Chrome", "Mozilla Firefox"); a scrape keeps
them as prose at the top of the page, where they can pass for the article's lead.  An
article sentence about browsers stays: it holds one phrase, not a notice's several.
"""

from __future__ import annotations

from ..stage import register_stage
from ._lexicon_rules import LexiconStage


@register_stage
class BrowserNoticeStage(LexiconStage):
    name = "browser_notice"
    categories = ("browser_notice",)
