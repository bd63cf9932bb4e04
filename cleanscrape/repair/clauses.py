"""Reading a line around a damaged run: where its clauses and sentences start and end, and
the words right before and after a position.

The repair rules ask these of the line as the page wrote it (and as the runs before were
repaired), for every candidate of every run: the answers that read the whole line are
remembered for the last lines asked about.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .damage import LETTERS_AND_SLOTS, SLOT_PATTERN, DamagedRun

__all__ = ["CLAUSE_BREAK", "LETTER_RUN", "NEXT_WORD", "OPENERS", "WORD_WITH_SLOTS", "clause_after", "clause_before",
           "following_word", "last_word", "letters_before_space", "preceding_word", "question_ends",
           "run_length_before", "sentence_around", "words_before"]

#: what may stand before a sentence's first word: opening marks, spaces, and the invisible
#: layout no line shows (a text's byte-order mark: its first word, damaged, was not
#: capitalised as at the text's start once the mark opened it)
OPENERS = " \t\ufeff\u200b\"'`«“„‚‹([{*•-–—"
#: a word's letters (no slot, no apostrophe)
LETTER_RUN = re.compile(r"[^\W\d_]+")
#: a word after an opening slot / before a closing one (its own lost letters included)
WORD_WITH_SLOTS = re.compile(r"(?:[^\W\d_]|[?\ufffd])*[^\W\d_](?:[^\W\d_]|[?\ufffd])*")
#: the next word, from its first to its last letter
NEXT_WORD = re.compile(r" ([^\W\d_](?:\S*[^\W\d_])?)")
#: where a sentence or a clause ends: a "?" (or U+FFFD) only before a capital, as a slot
#: stands at a word's end as often as a question's mark
_CLAUSE_STOP = re.compile(r"[.!…;:]|[?\ufffd](?=\s+[\"'«“„(\[]*(\w))")
#: punctuation that ends a clause: not "?" nor U+FFFD, which in a damaged line stand for a
#: lost letter as often as for a question's end, nor a hyphen inside a word ("Bielsko-Biała")
CLAUSE_BREAK = re.compile(r"[,.;:!\"()\[\]„“”«»–—]| - ")
#: a link in running text, with the bracket after it ("[http://…]", "<www.…>"); the one
#: before it is looked for by hand (a pattern that opens with an optional bracket is tried
#: at every character of the line)
_LINK = re.compile(r"(?:https?://|www\.)[^\s\]>)]*[\]>)]?")
_LINK_OPENERS = "[<("
#: the point after an ordinal's digits, before a word ("v 16. století"; a lower-case one is checked)
#: (the point first, its digit looked behind it: a pattern that opens with a lookbehind is
#: tried at every character of the line)
_ORDINAL_POINT = re.compile(r"\.(?<=\d\.)(?= [^\W\d_])")
#: a "?" (or U+FFFD) that may end a question: at the line's end, before closing marks, or
#: before a space and a word (after opening marks); it does there when that word starts
#: with a capital ("Víš co? Nevím."; a quoted question: "víš co?" povídá)
_QUESTION_END = re.compile(r"[?\ufffd](?=[\"'»”“)\]]*\s*\Z|([\"'»”“)\]]+)|\s+[\"'«“„(\[]*(\w))")


def run_length_before(text: str, end: int, run: re.Pattern[str]) -> int:
    """How many characters of ``run`` (one character class, repeated) end at ``end`` in
    ``text``, read backwards a window at a time: a ``$``-anchored search of ``text[:end]``
    tries every start on the line (~0.2 ms a search on a line of a few hundred words, most of
    the repair time of a long damaged line)."""
    window = 32
    while True:
        start = max(0, end - window)
        found = run.match(text[start:end][::-1])
        length = found.end() if found else 0
        if length < end - start or start == 0:
            return length
        window *= 4  # the run fills the window: it may start further back


def preceding_word(text: str, end: int) -> re.Match[str] | None:
    """The word (its lost letters included) that ends at ``end`` in ``text``, as a match of
    :data:`WORD_WITH_SLOTS`; None when no letter stands there."""
    length = run_length_before(text, end, LETTERS_AND_SLOTS)
    return WORD_WITH_SLOTS.match(text, end - length, end) if length else None


def letters_before_space(text: str) -> str:
    """The word of letters before the one space that ends ``text``, when whitespace or the
    text's start stands before it ("" otherwise: "(word ", "2word ", "wo?rd ")."""
    if not text.endswith(" "):
        return ""
    end = len(text) - 1
    start = end - run_length_before(text, end, LETTER_RUN)
    return text[start:end] if start < end and (start == 0 or text[start - 1].isspace()) else ""


def following_word(line: str, run: DamagedRun) -> re.Match[str] | None:
    """The word right after the run's word, past one space (None when punctuation or the
    line's end follows it)."""
    return NEXT_WORD.match(line, run.token_end) if line[run.end:run.token_end] == "" else None


def last_word(text: str) -> str:
    """The last whitespace-separated word of ``text`` ("" when it has none)."""
    return (text.rsplit(None, 1) or [""])[-1]


def words_before(line: str, run: DamagedRun, count: int) -> list[str]:
    """The last ``count`` words before the run's word, when a space separates them from it."""
    before = line[:run.token_start]
    return before.rsplit(None, count)[-count:] if before.endswith(" ") else []


def sentence_around(line: str, run: DamagedRun) -> tuple[int, int]:
    """Where the sentence holding ``run`` starts and ends in ``line``: at a clause stop
    (``_CLAUSE_STOP``), a "?" only before a space and a capital."""
    stops = _sentence_stops(line)
    before = bisect_left(stops, run.token_start)
    after = bisect_left(stops, run.end)
    return stops[before - 1] + 1 if before else 0, stops[after] if after < len(stops) else len(line)


@lru_cache(maxsize=64)
def _sentence_stops(line: str) -> list[int]:
    """Where the sentences of ``line`` stop (see :func:`sentence_around`), left to right:
    listed once per line, not again for every candidate a rule asks about."""
    return [m.start() for m in _CLAUSE_STOP.finditer(line) if m.group(1) is None or m.group(1)[0].isupper()]


def question_ends(line: str, start: int, end: int) -> list[int]:
    """Where a question ends in ``line[start:end]``, judged by what follows in the line."""
    ends = []
    # each slot of the stretch tried where it stands, its lookahead reading on past ``end``
    # (a search from ``start`` went on to the next question's end, often the line's end)
    for slot in SLOT_PATTERN.finditer(line, start, end):
        m = _QUESTION_END.match(line, slot.start())
        if m is not None and (m.group(2) is None or m.group(2).isupper()):
            ends.append(m.start())
    return ends


@lru_cache(maxsize=256)
def clause_before(line: str, end: int) -> str:
    """The text of the clause that ``line[end]`` stands in, from its start to ``end``; a
    link in it (a URL, bracketed or bare) is blanked out, no word of the sentence.
    Remembered for the last lines asked about: a run's rules ask it of the same position
    again and again (seven times in ten on the damaged dev documents)."""
    line = _clause_line(line)
    breaks = _clause_breaks(line)
    k = bisect_right(breaks, end)
    start = breaks[k - 1] if k else 0
    return line[max([start] + [i + 1 for i in question_ends(line, start, end)]):end]


def clause_after(line: str, start: int) -> str:
    """The text of the clause that ``line[start]`` stands in, from ``start`` to its end; a
    link in it is blanked out."""
    line = _clause_line(line)
    found = CLAUSE_BREAK.search(line, start)
    end = found.start() if found else len(line)
    return line[start:min([end] + question_ends(line, start, end))]


@lru_cache(maxsize=64)
def _clause_breaks(line: str) -> list[int]:
    """Where the clause breaks of ``line`` (a :func:`_clause_line`) end, left to right: the
    rules ask for the clause before a word once per candidate, and a split of the line up to
    it read the whole line each time (the breaks before a position are the same as in the
    line cut there: none of them reaches past the cut)."""
    return [m.end() for m in CLAUSE_BREAK.finditer(line)]


@lru_cache(maxsize=64)
def _clause_line(line: str) -> str:
    """``line`` as the clause finder reads it: links blanked out (``_without_links``), and
    the point of an ordinal number, after its digits before a lower-case word, a space ("v
    16. století nechal", "w 5. rocznicę"): it ends no sentence, which would open in capitals."""
    line = _without_links(line)
    if "." not in line:
        return line
    return _ORDINAL_POINT.sub(lambda m: " " if line[m.end() + 1].islower() else ".", line)


@lru_cache(maxsize=64)
def _without_links(line: str) -> str:
    """``line`` with each link a scraper left in a sentence ("Nie chciał [www.site.pl/a?id=3]
    komentować") replaced by spaces: its punctuation ends no clause, and it is no word."""
    if "://" not in line and "www." not in line:
        return line
    kept: list[str]
    kept, end = [], 0
    for link in _LINK.finditer(line):
        start = link.start()
        if start and line[start - 1] in _LINK_OPENERS:
            start -= 1  # no link before it ends on it: a link goes on over a bracket
        kept += (line[end:start], " " * (link.end() - start))
        end = link.end()
    return "".join(kept) + line[end:]
