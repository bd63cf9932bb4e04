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

import re
from collections import Counter
from functools import cached_property

from .damage import LETTERS_AND_SLOTS, SLOTS

__all__ = ["CharsetEvidence"]

#: apostrophes written between two letters ("l'homme", "l’homme")
_APOSTROPHES = "'’"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class CharsetEvidence:
    """What the page's lines show of its charset, read from them when first asked: a page
    whose "?" the stage finds no damage may never ask (9 of the 20 benchmark pages that
    build one)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    @cached_property
    def _text(self) -> str:
        # counted on the lines joined, in C, not character by character in Python: a
        # newline is no letter, so an apostrophe at a line's edge stays between no letters
        return "\n".join(self._lines)

    @cached_property
    def kept(self) -> Counter:
        """The non-ASCII characters that survived intact, with counts."""
        kept = Counter(_NON_ASCII.findall(self._text))
        kept.pop("\ufffd", None)
        return kept

    @cached_property
    def _slotted_tokens(self) -> list[str]:
        """The page's tokens (split at spaces, punctuation kept) that hold a slot."""
        return [token for line in self._lines if "?" in line or "\ufffd" in line
                # most tokens of a damaged line hold no slot: two searches in C, not a call
                for token in line.split() if "?" in token or "\ufffd" in token]

    @cached_property
    def charset_loss(self) -> bool:
        """Did a damaged word also keep a non-ASCII character: is the loss the charset's?"""
        return any(not token.isascii() and _slot_between_letters(token)
                   and any(ord(c) > 127 and c.isalpha() and c != "\ufffd" for c in token)
                   for token in self._slotted_tokens)

    @cached_property
    def slotted_words(self) -> frozenset[str]:
        """The page's words (letters and slots, punctuation around them left out) with a
        slot between two letters: where a charset lost characters inside words."""
        return frozenset(word for token in self._slotted_tokens
                         for word in LETTERS_AND_SLOTS.findall(token) if _slot_between_letters(word))

    @cached_property
    def apostrophes(self) -> Counter:
        """The apostrophes seen intact between letters, by kind."""
        return Counter({mark: count for mark in _APOSTROPHES if (count := _between_letters(self._text, mark))})

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
    """A slot inside ``word`` ("c?té"), a word holding one: one at its end may be a real
    question mark ("tú?"), which proves nothing about the charset."""
    return any(word[i] in SLOTS and word[i - 1].isalpha() and word[i + 1].isalpha() for i in range(1, len(word) - 1))


def _between_letters(text: str, mark: str) -> int:
    """How many ``mark`` stand between two letters in ``text``."""
    count = 0
    start = text.find(mark)
    while start != -1:
        if 0 < start < len(text) - 1 and text[start - 1].isalpha() and text[start + 1].isalpha():
            count += 1
        start = text.find(mark, start + 1)
    return count
