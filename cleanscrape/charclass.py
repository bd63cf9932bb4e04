"""Category classes listed out, for patterns run over whole documents.

``sre`` tests a category class (``\\d``, ``[^\\W\\d_]``) by looking every character up in
the Unicode database, several lookups for a compound class; a class that lists its
characters is one bitmap test a character, about twice as fast over a document.  The
lists are derived from the category classes themselves, over the Basic Multilingual Plane,
so that they match the same characters there.  Characters beyond it are the caller's to
handle: listed, they would make a list of ranges that ``sre`` scans at every character.
"""

from __future__ import annotations

import re
import sys
from array import array
from functools import lru_cache
from typing import Iterable

import regex

__all__ = ["ASTRAL", "LETTER", "bmp_class", "bmp_negated_class", "within_bmp"]

#: a character beyond the Basic Multilingual Plane (emoji, historic scripts): a text that
#: holds one is the caller's to handle (``regex`` passes over the characters outside one
#: range ~2.5x as fast as ``re``)
ASTRAL = regex.compile("[\U00010000-\U0010ffff]")
#: a letter, as ``re`` classes go (a word character that is no digit nor underscore)
LETTER = r"[^\W\d_]"


def within_bmp(text: str) -> bool:
    """Does ``text`` stay within the Basic Multilingual Plane (where a listed class from
    :func:`bmp_class` matches what its category class does)?  An ASCII text is known to,
    without a scan: ``str`` records it."""
    return text.isascii() or ASTRAL.search(text) is None


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane, in code point order (decoded from
    their UTF-32 code units: ~3x faster than a ``chr`` call each)."""
    return array("I", range(0x10000)).tobytes().decode(_UTF32, "surrogatepass")


#: UTF-32 in the byte order of an array of C ints (4 bytes wherever CPython runs)
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


@lru_cache(maxsize=None)
def _runs(category: str) -> tuple[tuple[int, int], ...]:
    """The runs of consecutive code points of the Basic Multilingual Plane that the
    one-character pattern ``category`` matches, each as (first, after the last)."""
    return tuple(match.span() for match in re.finditer(f"(?:{category})+", _bmp()))


def _ranges(runs: Iterable[tuple[int, int]]) -> str:
    bmp = _bmp()
    return "".join(f"{re.escape(bmp[first])}-{re.escape(bmp[end - 1])}" for first, end in runs)


@lru_cache(maxsize=None)
def bmp_class(category: str) -> str:
    """The inside of a character class (no brackets) that lists the characters of the Basic
    Multilingual Plane the one-character pattern ``category`` matches (``r"\\d"``,
    ``r"[^\\W\\d_]"``), as ranges of consecutive code points.  ~2 ms once per process."""
    return _ranges(_runs(category))


@lru_cache(maxsize=None)
def bmp_negated_class(category: str, also: str = "") -> str:
    """A character class (brackets included) that matches, within the Basic Multilingual
    Plane, what the one-character pattern ``category`` matches and the characters of
    ``also``, written as the negation of the plane's other characters; beyond the plane it
    matches every character, so it is for a text :func:`within_bmp` only.

    For a class of most of the plane (the letters: 49,000 code points): ``sre`` sets a
    class's bitmap one code point at a time as it compiles it, ~1.5 ms for each letter
    class in a pattern, a third of that for the 16,000 other characters."""
    others = []
    start = 0
    for first, end in _runs(category) + ((0x10000, 0x10000),):
        if first > start:
            others.append((start, first))
        start = end
    for point in sorted(map(ord, also)):
        # (a character of ``also`` that ``category`` matches is in no run of others)
        others = [piece for first, end in others
                  for piece in (((first, point), (point + 1, end)) if first <= point < end else ((first, end),))
                  if piece[0] < piece[1]]
    return f"[^{_ranges(others)}]"
