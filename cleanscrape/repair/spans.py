"""Word-level differences between a line and its fixed version.

Fixers such as ftfy work on whole lines; a report saying "this line was replaced" tells
the reader nothing.  Aligning the two versions word by word (whitespace runs are tokens
too, so offsets add up) yields one repair per changed word or group of words.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterator

__all__ = ["changed_spans"]

#: tokens split on ASCII whitespace only: mojibake of a no-break space ("Â\xa0") and its
#: repair ("\xa0") must stay one token each, so that most repaired lines keep their token
#: count and align position by position
_TOKENS = re.compile(r"[ \t\r\f\v]+|[^ \t\r\f\v]+")


def changed_spans(before: str, after: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` spans of ``before`` that differ in ``after``, left to right."""
    old = _TOKENS.findall(before)
    new = _TOKENS.findall(after)
    offsets = [0]
    for token in old:
        offsets.append(offsets[-1] + len(token))
    for i1, i2, j1, j2 in _differing_runs(old, new):
        start, end = offsets[i1], offsets[i2]
        was, now = before[start:end], "".join(new[j1:j2])
        # unchanged whitespace or invisible characters at the edges (a no-break space, a
        # byte-order mark) are layout, not the repair: the whitespace stage may remove them
        while was and now and was[-1] == now[-1] and _layout(was[-1]):
            was, now, end = was[:-1], now[:-1], end - 1
        while was and now and was[0] == now[0] and _layout(was[0]):
            was, now, start = was[1:], now[1:], start + 1
        yield start, end, now


def _layout(char: str) -> bool:
    """Whitespace, or a format or control character ("\ufeff", "\u200b", "\x7f")."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc")


#: SequenceMatcher is cubic on long repetitive lines (a 400-word line of repeated mojibake
#: took 27 s); beyond this many token pairs a cheaper alignment is used
MAX_MATCHER_PAIRS = 250_000


def _differing_runs(old: list[str], new: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)``: ``old[i1:i2]`` became ``new[j1:j2]``; everything between runs is
    equal.  Any such runs replay exactly; the alignment only decides how fine they are."""
    if len(old) == len(new):
        # Same token structure (fixes changed words, not spacing): align by position.
        i = 0
        while i < len(old):
            if old[i] == new[i]:
                i += 1
                continue
            start = i
            while i < len(old) and old[i] != new[i]:
                i += 1
            yield start, i, start, i
    elif len(old) * len(new) <= MAX_MATCHER_PAIRS:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                yield i1, i2, j1, j2
    else:
        # One run between the common prefix and suffix: coarse, but linear.
        prefix = 0
        while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        yield prefix, len(old) - suffix, prefix, len(new) - suffix
