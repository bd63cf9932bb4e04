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
#: the text before a word that opens a sentence: nothing, or a sentence end and openers
#: how far back the sentence end before a word is looked for ('." « ' and the like)
SENTENCE_START_REACH = 8
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+)[\"'«“„‚‹(\[\-–—\s]*$")


class DocumentVocabulary:
    """Intact words of a document, lower-cased, with counts and the spellings seen."""

    def __init__(self, lines: list[str], lower) -> None:
        self.counts: Counter = Counter()
        #: lower-cased word -> Counter of the spellings it was seen in ("Éric", "ÉRIC"); kept
        #: for words with a non-ASCII letter, the only ones a restored word can be
        self.spellings: dict[str, Counter] = {}
        self._shapes: dict[str, set[str]] = {}
        #: (word, opens a sentence) -> count: a capital opening a sentence says nothing of
        #: the word's own case ("În 1945 …" does not make "în" a name)
        words: Counter = Counter()
        for line in lines:
            for match in _WORD.finditer(line):
                end, start = match.end(), match.start()
                if (end < len(line) and line[end] in SLOTS) or (start > 0 and line[start - 1] in SLOTS):
                    continue  # a fragment of a damaged word
                opens = _SENTENCE_START.search(line, max(0, start - SENTENCE_START_REACH), start) is not None
                words[match.group(), opens] += 1
        for (word, opens), n in words.items():
            low = lower(word).replace("’", "'")
            if "'" not in low:
                self._add(low, word, n, opens)
                continue
            # "l'école" counts as "l'école" and as "école": the word list splits it so
            self._add(low, word, n, opens)
            for part, spelled in zip(_APOSTROPHES.split(low)[1:], _APOSTROPHES.split(word)[1:]):
                self._add(part, spelled, n, False)

    def _add(self, low: str, spelled: str, n: int, opens_sentence: bool) -> None:
        self.counts[low] += n
        if not low.isascii():
            spellings = self.spellings.setdefault(low, Counter())
            if not opens_sentence:
                spellings[spelled] += n
            self._shapes.setdefault(shape(low), set()).add(low)
        elif "'" in low:
            self._shapes.setdefault(shape(low), set()).add(low)

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def words_of_shape(self, word_shape: str) -> set[str]:
        return self._shapes.get(word_shape, set())

    def capitalised_share(self, word: str) -> float:
        """How often ``word`` was seen starting with a capital (0 when never seen)."""
        seen = self.spellings.get(word)
        if not seen:
            return 0.0  # never seen, or only opening sentences
        return sum(n for w, n in seen.items() if w[:1].isupper()) / sum(seen.values())
