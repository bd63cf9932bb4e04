"""What the page's charset evidently could hold.

A page that went through a lossy charset keeps every character that charset has: if "é"
survives anywhere in such a page, a "?" in it was not an "é" (seed 003 lost ç, ô, î, ï and
kept é, è, ê, à).  That is only proof when the loss is a charset's: a page pieced together
from damaged and undamaged sources (a damaged title over an intact body) keeps "é" in one
place and loses it in another.  The two are told apart by the damaged words themselves: a
word that lost one character inside it but kept another non-ASCII one ("c?té") went through
the lossy charset whole, so the charset is known to hold what survived.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .damage import SLOTS

__all__ = ["CharsetEvidence"]

#: apostrophes written between two letters ("l'homme", "l’homme")
_APOSTROPHES = "'’"


@dataclass
class CharsetEvidence:
    #: non-ASCII characters that survived intact, with counts
    kept: Counter
    #: True when a damaged word also kept a non-ASCII character: the loss is the charset's
    charset_loss: bool
    #: apostrophes seen intact between letters, by kind
    apostrophes: Counter

    @classmethod
    def of_lines(cls, lines: list[str]) -> "CharsetEvidence":
        kept: Counter = Counter()
        apostrophes: Counter = Counter()
        charset_loss = False
        for line in lines:
            if line.isascii():
                apostrophes.update(_between_letters(line, "'"))
                continue
            kept.update(c for c in line if ord(c) > 127 and c not in SLOTS)
            for mark in _APOSTROPHES:
                apostrophes.update(_between_letters(line, mark))
            if not charset_loss and any(c in line for c in SLOTS):
                charset_loss = any(
                    _slot_between_letters(word) and any(ord(c) > 127 and c.isalpha() and c != "\ufffd" for c in word)
                    for word in line.split()
                )
        return cls(kept, charset_loss, apostrophes)

    def was_kept(self, char: str) -> bool:
        return self.kept.get(char, 0) > 0

    @property
    def typographic_apostrophe_seen(self) -> bool:
        return self.apostrophes.get("’", 0) > 0

    @property
    def only_ascii_apostrophes(self) -> bool:
        """The page writes "l'homme": a lost character between letters is no apostrophe."""
        return self.apostrophes.get("'", 0) >= 2 and not self.typographic_apostrophe_seen


def _slot_between_letters(word: str) -> bool:
    """A slot inside ``word`` ("c?té"): one at its end may be a real question mark ("tú?"),
    which proves nothing about the charset."""
    return any(word[i] in SLOTS and word[i - 1].isalpha() and word[i + 1].isalpha() for i in range(1, len(word) - 1))


def _between_letters(line: str, mark: str) -> Counter:
    count = 0
    start = line.find(mark)
    while start != -1:
        if 0 < start < len(line) - 1 and line[start - 1].isalpha() and line[start + 1].isalpha():
            count += 1
        start = line.find(mark, start + 1)
    return Counter({mark: count}) if count else Counter()
