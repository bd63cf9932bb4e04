"""Where a "?" (or U+FFFD) stands for a lost character, and where it is a real "?".

U+FFFD is always a lost character.  A "?" is one only when its position says so: a real
question mark ends a word and is followed by a space, the end of the line, or more
punctuation ("Vraiment?", "Quoi ?", "?!", "???", "(?)"), and a URL's query string
("page.php?id=3") is no text at all.  A "?" glued *before* a letter ("fran?ais",
"?tats-Unis") is never punctuation in running text, so one such "?" outside a URL is the
document-level evidence that damage is present; without it nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["SLOTS", "SLOT_PATTERN", "may_be_damaged", "damage_evidence", "lone_slots", "lost_question_marks",
           "DamagedRun", "damaged_runs", "is_slot", "has_slot", "slot_count", "LETTERS_AND_SLOTS"]

SLOTS = "?\ufffd"

#: a lost character certainly: U+FFFD, a "?" with a letter right after it, or one right
#: after an elided word ("C'?", "l'?cole")
_EVIDENCE = re.compile(r"\ufffd|\?(?=[^\W\d_])|(?<=[^\W\d_]['’])\?")
#: weaker evidence: a "?" glued to a word or alone after one, and followed by a lower-case
#: word ("sar? attribuito", "la terra ? probabilmente": Italian loses mostly word-final
#: letters and "è") or by "," "." ";" ":", also after another "?" ("przytakn??."), and a
#: doubled "?" after a word anywhere ("Libert?? Quanti": the first may be a lost letter,
#: which the word list then tells); real questions are sometimes followed by one
#: ("Vraiment? dit-il", "Kim o?.", "Davvero?? Non"), so it takes two of these
_WEAK_EVIDENCE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_] )|(?<=[^\W\d_]\? )|(?<=[^\W\d_][.!…] ))\?(?: +(?=[^\W\d_A-ZÀ-ÞĀ-ſ])|[,;:]|\.(?!\.))"
    r"|(?<=[^\W\d_]\?)\?(?=[,;:]|\.(?!\.)|\s|$)")
WEAK_EVIDENCE_NEEDED = 2
#: where each weak sign is tried
_QUESTION_MARK = re.compile(r"\?")
#: a run of letters and slots, apostrophes inside: one word as far as the damage is concerned
_RUN = re.compile(r"(?:[^\W\d_]|[?\ufffd])+(?:['’](?:[^\W\d_]|[?\ufffd])+)*")
#: the same where only U+FFFD is a slot: the "?" of a page that lost its characters as U+FFFD
#: are real ones, and no part of a word ("Sie?\ufffd," is "Sie?“,", not "Sieß“,")
_REPLACED_RUN = re.compile(r"(?:[^\W\d_]|\ufffd)+(?:['’](?:[^\W\d_]|\ufffd)+)*")
#: the characters of a token, as many as stand together.  A token is a run of anything but
#: whitespace and the zero-width layout characters (a zero-width space, a BOM) that the
#: whitespace stage strips as layout — a word right after one stands at the line start once
#: the line is cleaned, and must read so the first time
_TOKEN_CHARS = re.compile(r"[^\s\u200b\ufeff]*")
#: a slot: a "?" or U+FFFD that may stand for a lost character
SLOT_PATTERN = re.compile(r"[?\ufffd]")
#: a run of letters and slots, no apostrophe (a damaged word's letters without the marks
#: around it)
LETTERS_AND_SLOTS = re.compile(r"(?:[^\W\d_]|[?\ufffd])+")
#: lines whose slotted tokens are remembered: each step of the repair stage asks about a
#: document's damaged lines again (their signs, their evidence, their runs to resolve) ...
SLOTTED_LINES = 256
#: ... when they are no longer than this (what the memory holds stays small: a longer line
#: is read again each time)
REMEMBERED_LINE_CHARS = 10_000
#: tokens that are addresses, where "?" starts a query string
_URLISH = re.compile(r"://|^www\.|\.[a-z]{2,4}/|[?&][\w%.-]*=|^[\w.+-]+@[\w-]+\.")


def is_slot(char: str) -> bool:
    return char == "?" or char == "\ufffd"


def has_slot(text: str) -> bool:
    """Does ``text`` hold a slot?  (Two searches in C, where the rules and the candidate
    finder tested each character in Python, for every candidate and every word looked up.)"""
    return "?" in text or "\ufffd" in text


def slot_count(text: str) -> int:
    return text.count("?") + text.count("\ufffd")


def spells(word: str, target: str) -> bool:
    """Is ``word`` ``target`` with some of its non-ASCII letters lost to slots ("c?nd": "când")?
    (A loop, not all() over a generator, and ``in SLOTS``, not is_slot: most targets asked
    about differ at once, as most of the number words the candidate finder tries do.)"""
    if len(word) != len(target):
        return False
    for a, b in zip(word, target):
        if a != b and not (a in SLOTS and not b.isascii()):
            return False
    return True


def may_be_damaged(text: str) -> bool:
    """The fast gate: False means no character of ``text`` can be a lost one.

    Looks only around each "?" (a scan of the whole text with the evidence patterns runs
    at ~20 MB/s; ``str.find`` at memory speed).
    """
    if "\ufffd" in text:
        return True
    i = text.find("?")
    while i != -1:
        after = text[i + 1:i + 3]
        if after[:1].isalpha() or (after[:1] in ",;:." and _after_word(text, i)):
            return True
        if after[:1] == "?" and i and text[i - 1].isalpha():
            return True  # "Libert??": the first may be a lost letter, the second a real "?"
        if after[:1] == " " and after[1:].isalpha() and after[1:].islower() and i and (
                text[i - 1].isalpha() or text[i - 1] in " ?"):
            return True
        i = text.find("?", i + 1)
    return False


def _after_word(text: str, i: int) -> bool:
    """Does the "?" at ``i`` end a word, alone or with other "?" ("o?.", "przytakn??.")?"""
    j = i - 1
    while j >= 0 and text[j] == "?":
        j -= 1
    return j >= 0 and text[j].isalpha()


# not frozen, though never changed (a line's runs are remembered, and shared by the steps
# that read them): a frozen dataclass sets each field through object.__setattr__
@dataclass(slots=True)
class DamagedRun:
    """A run of letters and slots in a line, with at least one slot."""

    start: int
    end: int
    text: str
    #: the whitespace-delimited token the run sits in
    token_start: int
    token_end: int
    #: how many of its characters are letters (counted once: the resolver asks several times)
    letters: int


def _slotted_tokens(line: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of ``line`` that hold a slot, left to right, as (start, end, text),
    URL-like ones left out (a "?" there starts a query string)."""
    if len(line) > REMEMBERED_LINE_CHARS:
        return _find_slotted_tokens(line)
    return _remembered_slotted_tokens(line)


def _find_slotted_tokens(line: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of ``line`` that hold a slot (see :func:`_slotted_tokens`), found from their
    first slot, each read back to its start (on the line reversed) and on to its end: the
    slots are found in C, where a pattern of the whole token was tried at every character of
    the line (most lines the stage reads hold a few real "?" among hundreds of characters:
    ~3.5x slower there, ~2x on damaged lines)."""
    tokens = []
    reversed_line = ""
    end = 0
    for slot in SLOT_PATTERN.finditer(line):
        at = slot.start()
        if at < end:
            continue  # another slot of the token found
        reversed_line = reversed_line or line[::-1]
        before = len(line) - at  # where the characters before the slot start, reversed
        # _TOKEN_CHARS matches the empty string too: never None
        start = at - (_TOKEN_CHARS.match(reversed_line, before).end() - before)  # type: ignore[union-attr]
        end = _TOKEN_CHARS.match(line, at).end()  # type: ignore[union-attr]
        token = line[start:end]
        if not _URLISH.search(token):
            tokens.append((start, end, token))
    return tuple(tokens)


_remembered_slotted_tokens = lru_cache(maxsize=SLOTTED_LINES)(_find_slotted_tokens)


def damaged_runs(line: str, replaced: bool = False) -> tuple[DamagedRun, ...]:
    """Runs with a slot in ``line``, skipping URL-like tokens, left to right; with
    ``replaced`` (the page lost characters as U+FFFD), U+FFFD is the only slot.  Those of a
    line no longer than ``REMEMBERED_LINE_CHARS`` are remembered (``SLOTTED_LINES`` lines):
    the stage reads a damaged line's runs for its evidence, then again to repair it."""
    if len(line) > REMEMBERED_LINE_CHARS:
        return _find_damaged_runs(line, replaced)
    return _remembered_damaged_runs(line, replaced)


def _find_damaged_runs(line: str, replaced: bool) -> tuple[DamagedRun, ...]:
    pattern = _REPLACED_RUN if replaced else _RUN
    runs = []
    for start, end, text in _slotted_tokens(line):
        if replaced and "\ufffd" not in text:
            continue
        for run in pattern.finditer(text):
            piece = run.group()
            if "\ufffd" in piece or (not replaced and "?" in piece):
                runs.append(DamagedRun(start + run.start(), start + run.end(), piece, start, end,
                                       sum(map(str.isalpha, piece))))
    return tuple(runs)


_remembered_damaged_runs = lru_cache(maxsize=SLOTTED_LINES)(_find_damaged_runs)


def damage_evidence(line: str) -> float:
    """How much ``line`` shows lost characters outside URLs: 1 per certain sign, 1/2 per
    weak one (see ``WEAK_EVIDENCE_NEEDED``)."""
    if "?" not in line and "\ufffd" not in line:
        return 0.0  # most lines of a page the gate let through: two searches in C, no call
    score = sum(len(_EVIDENCE.findall(token)) for _, _, token in _slotted_tokens(line))
    # a weak sign starts at its "?" and holds no other: it is tried at each "?" alone (a
    # scan of the line tried the lookbehinds the pattern opens with at every character)
    weak = sum(1 for mark in _QUESTION_MARK.finditer(line) if _WEAK_EVIDENCE.match(line, mark.start()))
    return score + weak / WEAK_EVIDENCE_NEEDED


#: a "?" standing alone between two lower-case words ("la terra ? probabilmente"), or after
#: a sentence's end before one, where no question mark stands ("in mano serba. ? finita");
#: the "?" first, what stands before it looked behind it (a pattern that opens with a
#: lookbehind is tried at every character of the line)
_LONE_SLOT = re.compile(r"\?(?:(?<=[^\W\d_] \?)|(?<=[^\W\d_][.!…] \?))(?= +[^\W\d_A-ZÀ-ÞĀ-ſ])")


#: a "?" certainly lost (glued before a letter, or after an elided word)
_QUESTION_MARK_EVIDENCE = re.compile(r"\?(?=[^\W\d_])|(?<=[^\W\d_]['’])\?")


def lost_question_marks(line: str) -> int:
    """How many "?" of ``line`` outside URLs are certainly lost characters."""
    if "?" not in line:
        return 0
    return sum(len(_QUESTION_MARK_EVIDENCE.findall(token)) for _, _, token in _slotted_tokens(line) if "?" in token)


def lone_slots(line: str) -> list[int]:
    """Where lone "?" stand between lower-case words: each a weak sign of a lost one-letter word."""
    return [m.start() for m in _LONE_SLOT.finditer(line)] if "?" in line else []
