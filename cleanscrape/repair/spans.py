"""Word-level differences between a line and its fixed version.

Fixers such as ftfy work on whole lines; a report saying "this line was replaced" tells
the reader nothing.  Aligning the two versions word by word (whitespace runs are tokens
too, so offsets add up) yields one repair per changed word or group of words.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterator

__all__ = ["changed_spans"]

_TOKENS = re.compile(r"\s+|\S+")


def changed_spans(before: str, after: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` spans of ``before`` that differ in ``after``, left to right."""
    old = _TOKENS.findall(before)
    new = _TOKENS.findall(after)
    offsets = [0]
    for token in old:
        offsets.append(offsets[-1] + len(token))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            yield offsets[i1], offsets[i2], "".join(new[j1:j2])
