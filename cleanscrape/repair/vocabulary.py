"""The document's own intact words: the most trusted evidence for a damaged one.

"fran?ais" in a page that also says "français" intact is "français", whatever a general
word list thinks.  Words are indexed by the same shape as the word lists
(:func:`~cleanscrape.repair.wordlist.shape`), so a damaged word finds its intact twins in
one lookup.
"""

from __future__ import annotations

import re
from collections import Counter

from .damage import SLOTS
from .wordlist import shape

__all__ = ["DocumentVocabulary"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHES = re.compile(r"['’]")


class DocumentVocabulary:
    """Intact words of a document, lower-cased, with counts and the spellings seen."""

    def __init__(self, lines: list[str], lower) -> None:
        self.counts: Counter = Counter()
        #: lower-cased word -> Counter of the spellings it was seen in ("Éric", "ÉRIC")
        self.spellings: dict[str, Counter] = {}
        self._shapes: dict[str, set[str]] = {}
        for line in lines:
            for match in _WORD.finditer(line):
                end = match.end()
                if end < len(line) and line[end] in SLOTS or match.start() > 0 and line[match.start() - 1] in SLOTS:
                    continue  # a fragment of a damaged word
                word = match.group()
                low = lower(word).replace("’", "'")
                # "l'école" counts as "l'école" and as "école": the word list splits it so
                for part in [low] + (_APOSTROPHES.split(low)[1:] if "'" in low else []):
                    self.counts[part] += 1
                    if not part.isascii() or "'" in part:
                        self._shapes.setdefault(shape(part), set()).add(part)
                for part, spelled in zip([low] + _APOSTROPHES.split(low)[1:], [word] + _APOSTROPHES.split(word)[1:]):
                    self.spellings.setdefault(part, Counter())[spelled] += 1

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def words_of_shape(self, word_shape: str) -> set[str]:
        return self._shapes.get(word_shape, set())

    def capitalised_share(self, word: str) -> float:
        """How often ``word`` was seen starting with a capital (0 when never seen)."""
        seen = self.spellings.get(word)
        if not seen:
            return 0.0
        return sum(n for w, n in seen.items() if w[:1].isupper()) / sum(seen.values())
