"""Share and follow widgets: "Share on Facebook", "Suivez-nous sur Telegram", "URL courte",
rows of button names ("Twitter LinkedIn Facebook Instagram"), and invitations to follow
that end with them ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.").

A sentence that mentions sharing or a platform ("The minister shared his view on Telegram
with reporters.") carries no widget phrase and ends like a sentence: it stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..lexicon import GLUE, lines_starting_with, normalized_lines, whole_line_phrases, word_class
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, has_short_line, word_count


#: a sentence ending inside a line ("…Twitter. Read more …"): an invitation is one sentence
_SENTENCE_BREAK = ". "
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
        #: longest invitation to follow someone on the networks it ends with
        max_invitation_words: Count = 12

    options: ShareStage.Options

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        return self.remove_invitations(doc) + self.remove_button_rows(doc)

    def remove_invitations(self, doc: Document) -> list[int]:
        """Invitations to follow a person or a show, opened by a verb of the ``follow_words``
        word class ("Follow", "Segui", "Volg"), naming whom to follow, and closed by a
        share-button name: "Follow NBC Latino on Facebook, Twitter and Instagram."  As a
        sentence the line is too long for a fragment, and the verb alone proves nothing
        ("Follow-up questions …"); the name and the networks closing the line do.  (Only the
        lines the verbs open are read.)"""
        taken: list[int] = []
        norms = normalized_lines(doc)
        for index in lines_starting_with(doc, word_class(doc, "follow_words")):
            line, norm = doc.lines[index], norms[index]
            words = line.text.split(maxsplit=2)
            # whom to follow is named ("Follow NBC Latino on …"); "Follow the instructions
            # posted on Facebook." is advice
            if line.removed or len(words) < 3 or not words[1][:1].isupper() or _SENTENCE_BREAK in line.text.strip():
                continue
            count = word_count(norm)
            if count > self.options.max_invitation_words:
                continue
            # "YouTube" is glued at its capital: the lexicon writes the name whole
            last = norm.rpartition(" ")[2].replace(GLUE, "")
            if last in whole_line_phrases(doc, self.category):  # (cached per set of languages)
                self.remove_line(doc, line, f"invitation to follow on {last!r} (a {count}-word line)")
                taken.append(index)
        return taken

    def remove_button_rows(self, doc: Document) -> list[int]:
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
