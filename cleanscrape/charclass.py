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
from functools import lru_cache
from types import ModuleType

import regex

__all__ = ["ASTRAL", "LETTER", "atomic", "bmp_class", "within_bmp"]

#: a character beyond the Basic Multilingual Plane (emoji, historic scripts): a text that
#: holds one is the caller's to handle (``regex`` passes over the characters outside one
#: range ~2.5x as fast as ``re``)
ASTRAL = regex.compile("[\U00010000-\U0010ffff]")
#: a letter, as ``re`` classes go (a word character that is no digit nor underscore)
LETTER = r"[^\W\d_]"


def atomic(body: str, extends: str) -> str:
    """An atomic group ``(?>body)``: ``body``'s first match, never taken back.  Python
    3.10's ``re`` has no atomic groups (they came in 3.11): there it is ``body`` followed
    by the lookahead ``(?!extends)``, which must fail after every shorter match that
    ``body`` could fall back to (``extends`` is what ``body`` would still take: its next
    letter, or an apostrophe and a letter) and succeed after its first: the same matches,
    found more slowly."""
    if sys.version_info >= (3, 11):
        return f"(?>{body})"
    return f"(?:{body})(?!{extends})"  # pragma: no cover


def within_bmp(text: str) -> bool:
    """Does ``text`` stay within the Basic Multilingual Plane (where a listed class from
    :func:`bmp_class` matches what its category class does)?  An ASCII text is known to,
    without a scan: ``str`` records it."""
    return text.isascii() or ASTRAL.search(text) is None


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane, in code point order, decoded from
    their UTF-32-LE code units, whose bytes are laid out by slices (0.5 ms; an array of the
    code points took 2, a ``chr`` call each 6)."""
    units = bytearray(4 * 0x10000)  # the two high bytes of every unit stay zero
    units[0::4] = bytes(range(256)) * 256  # the low byte: 0-255, once for every high byte
    units[1::4] = b"".join([bytes([high]) * 256 for high in range(256)])
    return units.decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=None)
def bmp_class(category: str, engine: ModuleType = re) -> str:
    """The inside of a character class (no brackets) that lists the characters of the Basic
    Multilingual Plane the one-character pattern ``category`` matches (``r"\\d"``,
    ``r"[^\\W\\d_]"``; ``r"\\p{Lu}"`` with ``engine`` the ``regex`` module, whose
    pattern it then is), as ranges of consecutive code points.  ~1.5 ms once per process.
    A run of one or two characters is written out: a pattern holding the class then parses
    in less time (the upper-case letters, mostly such runs, 0.72 -> 0.43 ms a class), and
    compiles to the same bitmap."""
    runs = engine.compile(f"(?:{category})+").findall(_bmp())
    return "".join(re.escape(run) if len(run) <= 2 else f"{re.escape(run[0])}-{re.escape(run[-1])}" for run in runs)
