"""Share and follow widgets: "Share on Facebook", "Suivez-nous sur Telegram", "URL courte",
and rows of button names ("Twitter LinkedIn Facebook Instagram").

A sentence that mentions sharing or a platform ("The minister shared his view on Telegram
with reporters.") carries no widget phrase and ends like a sentence: it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..lexicon import GLUE, lines_starting_with, normalized_lines, whole_line_phrases
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, has_short_line


#: characters a button name takes in a row, with its separator, on average at most
#: ("LinkedIn | "): a line longer than max_button_row of them is no row of buttons
_BUTTON_CHARS = 12


@lru_cache(maxsize=None)
def _row_starts(buttons: frozenset[str]) -> frozenset[str]:
    """The words a row of ``buttons`` may start with: a name, or the part of a glued name
    before its glue ("whats" of "whats\u2063app")."""
    return buttons.union(name.split(GLUE, 1)[0] for name in buttons)


@register_stage
class ShareStage(LexiconStage):
    name = "share"
    categories = ("share",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: fewest button names that make a row
        min_button_row: Count = 2
        #: most button names in a row
        max_button_row: Count = 10

    options: ShareStage.Options

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        """Rows made only of share-button names, each a ``line`` phrase of the lexicon."""
        longest = self.options.max_button_row * _BUTTON_CHARS
        if not has_short_line(doc, longest):
            return []  # a row of buttons is a short line
        buttons = whole_line_phrases(doc, self.category)
        norms = normalized_lines(doc)
        taken: list[int] = []
        # a row starts with a name, whole or glued to the next ("FacebookTwitter"): its first
        # word up to a glue is a name or the start of a glued one ("whats" of "WhatsApp");
        # the rules below look at those lines only
        for index in lines_starting_with(doc, _row_starts(buttons)):
            line, norm = doc.lines[index], norms[index]
            if line.removed or not norm or len(norm) > longest:
                continue
            first = norm.partition(" ")[0].partition("|")[0]
            if first not in buttons and first.split(GLUE, 1)[0] not in buttons:
                continue
            # "WhatsApp" is one name, "FacebookTwitter" two
            names = [part for word in norm.replace("|", " ").split()
                     for part in ([word.replace(GLUE, "")] if word.replace(GLUE, "") in buttons else word.split(GLUE))]
            if self.options.min_button_row <= len(names) <= self.options.max_button_row \
                    and all(name in buttons for name in names):
                self.remove_line(doc, line, f"row of {len(names)} share-button names ({', '.join(names[:4])})")
                taken.append(line.index)
        return taken
