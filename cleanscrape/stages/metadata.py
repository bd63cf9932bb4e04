"""Article metadata: datelines, bylines, "updated" stamps, reading times, view counters.

Phrases catch the labelled kinds ("Dernière mise à jour", "Rédacteurs :", "min read").
Two shapes need no label:

* a dateline: a short line made of dates and times with at most a few other words
  ("Xinhua | 31.01.2017 10h08", "Tuesday November 19, 2019");
* a counter: a bare number next to removed boilerplate ("URL courte" / "17303").
  A bare number elsewhere (a score, a list item) stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..lexicon import normalized_lines, word_class
from ..stage import register_stage
from ._lexicon_rules import LexiconStage, next_content_line, previous_content_line

#: tokens that are a date or a time by their shape alone (31.01.2017, 31/01, 10h08, 10:09,
#: 2019, 3pm); "113.40" is a price or a score, not a date: two parts need "/", ":" or "h"
_DATE_SHAPE = re.compile(
    r"\d{1,4}(?:[./-]\d{1,2}[./-]\d{2,4}|[/:h]\d{1,4})(?:h|am|pm)?|(?:19|20)\d\d|\d{1,2}(?:h|am|pm|st|nd|rd|th|er)"
)
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d{1,3}(?:[ .,']?\d{3})*|\d+")
_TOKEN_EDGE = ",.;:()[]|/-–—•"


@register_stage
class MetadataStage(LexiconStage):
    name = "metadata"
    categories = ("metadata",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: longest dateline
        max_dateline_words: int = 10
        #: words other than dates and times a dateline may carry (agency, "le", "at")
        max_dateline_other_words: int = 2

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        norms = normalized_lines(doc)
        date_words = word_class(doc, "date_words")
        taken: list[int] = []
        for line in doc.lines:
            norm = norms[line.index]
            if line.removed or not norm or len(norm) > 12 * self.options.max_dateline_words:
                continue
            if _NUMBER.fullmatch(norm):
                neighbours = [n for n in (previous_content_line(doc, line.index), next_content_line(doc, line.index))
                              if n is not None and n.removed]
                if neighbours:
                    self.remove_line(doc, line, f"bare number next to removed line {neighbours[0].index + 1} "
                                                "(a view or comment counter)")
                    taken.append(line.index)
                continue
            if not _DIGIT.search(norm):
                continue
            reason = self.dateline_reason(norm, date_words)
            if reason:
                self.remove_line(doc, line, reason)
                taken.append(line.index)
        return taken

    def dateline_reason(self, normalized: str, date_words: frozenset[str]) -> str | None:
        if "@" in normalized:  # "— Name (@handle) November 18, 2019" signs an embedded post
            return None
        tokens = [t.strip(_TOKEN_EDGE) for t in normalized.split()]
        tokens = [t for t in tokens if t]
        if not tokens or len(tokens) > self.options.max_dateline_words:
            return None
        date_word_count = sum(1 for t in tokens if t in date_words)
        shaped = sum(1 for t in tokens if _DATE_SHAPE.fullmatch(t))
        if not shaped and not date_word_count:
            return None
        # a plain day number counts only beside a month or weekday name ("Nov 18")
        numbers = sum(1 for t in tokens if t.isdigit() and not _DATE_SHAPE.fullmatch(t)) if date_word_count else 0
        others = sum(1 for t in tokens if t.isalpha()) - date_word_count
        if shaped + date_word_count + numbers >= 2 and others <= self.options.max_dateline_other_words:
            return (f"dateline: {shaped + numbers} date/time numbers and {date_word_count} date words "
                    f"with {max(others, 0)} other words")
        return None
