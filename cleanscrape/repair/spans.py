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

import regex

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
        yield from _apart_at_format_characters(start, was, now)


def _apart_at_format_characters(start: int, was: str, now: str) -> Iterator[tuple[int, int, str]]:
    """``was`` (at ``start``) became ``now``: one span, or one per piece between the format
    characters the fix kept as they were ("GroÃŸ\u00advÃ¤ter" -> "Groß\u00adväter" is two
    repairs around the soft hyphen).  A repair holding one keeps it from the invisible
    stage, which a second cleaning of the output then removes."""
    if len(was) > MAX_PIECE_CHARS or _FORMAT_RUN.search(was) is None:
        yield start, start + len(was), now
        return
    # cut where an unchanged run of format characters stands on both sides (the pieces
    # around the cuts are what changed; any alignment replays, this one only decides them)
    cut_was = cut_now = 0
    for block in difflib.SequenceMatcher(None, was, now, autojunk=False).get_matching_blocks():
        for kept in _FORMAT_RUN.finditer(was, block.a, block.a + block.size):
            at_now = block.b + kept.start() - block.a
            if was[cut_was:kept.start()] != now[cut_now:at_now]:
                yield start + cut_was, start + kept.start(), now[cut_now:at_now]
            cut_was, cut_now = kept.end(), at_now + len(kept[0])
    if was[cut_was:] != now[cut_now:]:
        yield start + cut_was, start + len(was), now[cut_now:]


#: a changed run longer than this is reported whole (the character alignment is quadratic)
MAX_PIECE_CHARS = 2000
#: a run of format characters (soft hyphens, zero-width spaces...)
_FORMAT_RUN = regex.compile(r"\p{Cf}+")


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
