"""The document's own intact words: the most trusted evidence for a damaged one.

"fran?ais" in a page that also says "français" intact is "français", whatever a general
word list thinks.  Words are indexed by the same shape as the word lists
(:func:`~cleanscrape.repair.wordlist.shape`), so a damaged word finds its intact twins in
one lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Callable, Iterable, NamedTuple

from ..charclass import LETTER, atomic, bmp_class, within_bmp
from .wordlist import shape

__all__ = ["DocumentVocabulary", "restorable_words"]

_WORD_PATTERN = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
_WORD = re.compile(_WORD_PATTERN)
_APOSTROPHES = re.compile(r"['’]")
#: a damaged word (a slot among its letters) written before an apostrophe and its suffix
#: ("?ura'n?n"): the base, as damaged
_DAMAGED_BEFORE_APOSTROPHE = re.compile(r"(?<![^\W\d_?\ufffd])((?:[^\W\d_]|[?\ufffd])*[?\ufffd](?:[^\W\d_]|[?\ufffd])*)"
                                        r"['’](?:[^\W\d_]|[?\ufffd])")
#: A question about one word (its count, the words of one shape) is answered from the lines
#: that hold it alone, on a page of at least this many characters (a page whose "?" turn out
#: to be real question marks asks about a few words, and counting a page of 30,000
#: characters took ~1 ms) ...
FEW_LINES_MIN_CHARS = 5_000
#: ... for this many questions, while the lines counted for one come to at most this share
#: of the page, and for all of them to this share; then the page is counted whole once, for
#: every question after (each question searches the page, ~10 us at 20,000 characters, a
#: hundredth of counting it: Portuguese asks whether the page writes any of ~100 words of
#: the European spelling)
FEW_LINES_QUESTIONS = 16
FEW_LINES_SHARE = 0.25
FEW_LINES_TOTAL_SHARE = 0.5
#: how far back the sentence end before a word is looked for ('." « ' and the like)
SENTENCE_START_REACH = 8
_OPENERS = r"[\"'«“„‚‹(\[\-–—\s]"
#: what would continue a word whose letters are ``LETTER`` at its end (a letter, or an
#: apostrophe and a letter): a word taken whole ends before none
_WORD_GOES_ON = rf"{LETTER}|['’]{LETTER}"


#: The words that open a sentence, found in one pass over lines joined by newlines: within
#: SENTENCE_START_REACH characters before the word, its line's start and openers, or a
#: sentence end, a space and openers (a match reaching back over a newline finds a word
#: that opens its line anyway); no fragment of a damaged word.  Every such word is an
#: intact word too.  Its letters are the category class in every text: the search goes
#: from sentence end to sentence end, reading letters only in the words it finds, and a
#: listed class (:func:`_bmp_word_patterns`) took ~3 ms to compile in every process.
_OPENING_WORD = re.compile(rf"(?:^{_OPENERS}{{0,{SENTENCE_START_REACH}}}|[.!?…:]\s{_OPENERS}{{0,{SENTENCE_START_REACH - 2}}})"
                           rf"({atomic(_WORD_PATTERN, _WORD_GOES_ON)})(?![?\ufffd])", re.MULTILINE)


def _word_patterns(letter: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of the words of text without a slot, of the intact words (with
    ``letter`` the class of a letter) and of the words opening a sentence.

    The intact words: a word as _WORD finds it (starting where no letter, nor a letter and
    an apostrophe, stands before it; taken whole) that is no fragment of a damaged word: no
    slot right before or after it.  It opens with its first letter and looks behind from
    there, so that ``sre`` skips to the next letter in C.  In text without a slot they are
    the words the plain pattern of a word finds one after another: each is taken whole, so
    the next starts after a character that is neither a letter nor an apostrophe before
    one; it reads each word once, where the intact pattern is tried again at each of its
    letters (~1.3x faster).

    The letters after an apostrophe are the category class in both: they are read only
    after an apostrophe (5,440 in the 3.4 MB of the benchmark and dev texts), and each
    listed class took ~1.7 ms to compile in every process."""
    intact = re.compile(rf"{letter}(?<![?\ufffd].)(?<!{letter}.)(?<!{letter}['’].)"
                        + atomic(rf"{letter}*(?:['’]{LETTER}+)*", rf"{letter}|['’]{LETTER}") + r"(?![?\ufffd])")
    return re.compile(rf"{letter}+(?:['’]{LETTER}+)*"), intact, _OPENING_WORD


_WORD_PATTERNS = _word_patterns(LETTER)


@lru_cache(maxsize=1)
def _bmp_word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """:data:`_WORD_PATTERNS` for text within the Basic Multilingual Plane: the same words,
    the words and the intact words found twice as fast (their letters listed,
    :mod:`~cleanscrape.charclass`)."""
    return _word_patterns(f"[{bmp_class(LETTER)}]")


class _Words(NamedTuple):
    """A document's intact words, as :class:`DocumentVocabulary` counts them."""

    #: lower-cased word -> how often it is written intact
    counts: dict[str, int]
    #: the words with a non-ASCII letter, lower-cased, as written, their count, and
    #: whether they may open a sentence (not so a part after an apostrophe), for
    #: :attr:`DocumentVocabulary.spellings`
    written: list[tuple[str, str, int, bool]]
    #: the words indexed by shape (with a non-ASCII letter or an apostrophe), as counted
    shaped: list[str]
    #: the lines without a slot joined, and those with one (of the lines that may hold a
    #: shaped word alone, where these were counted first: the others hold no word of
    #: ``written``, the only ones looked for as a sentence's first)
    texts: tuple[str, str]
    #: the pattern of the words opening a sentence in those texts
    opening_word: re.Pattern[str]


class DocumentVocabulary:
    """Intact words of a document, lower-cased, with counts and the spellings seen."""

    def __init__(self, lines: list[str], lower: Callable[[str], str]) -> None:
        #: the lines, counted when a word is first asked about (a page whose "?" the stage
        #: finds no damage may never ask: 2 of the 20 benchmark pages that build one; on a
        #: long page, the lines holding the word alone, for its first few questions), and
        #: searched again for :attr:`damaged_before_apostrophe` if it is asked
        self._lines = lines
        self._lower = lower
        #: the words of the lines holding a fragment of a word asked about, by the fragment
        #: (:meth:`_lines_holding`), and how many more questions may be answered so (none
        #: once the page is counted, nor on a short page)
        self._few_lines_words: dict[str, _Words] = {}
        chars = sum(map(len, lines))
        self._few_lines_questions = FEW_LINES_QUESTIONS if chars >= FEW_LINES_MIN_CHARS else 0
        self._few_lines_chars = FEW_LINES_TOTAL_SHARE * chars
        self._few_lines_max_chars = FEW_LINES_SHARE * chars

    @cached_property
    def _words(self) -> _Words:
        self._few_lines_questions = 0
        shaped = self.__dict__.get("_shaped_words")  # (where the cached property keeps it)
        if shaped is None:
            return _count(self._lines, self._lower)
        # the lines that may hold a shaped word were counted for the shapes (on most pages
        # with such words, most of the text): the others add words to the counts alone, as
        # their words are ASCII without an apostrophe once lower-cased
        lower = self._lower
        counts = shaped.counts
        for word, n in _count([line for line in self._lines if not _may_hold_shaped_word(line, lower)],
                              lower).counts.items():
            counts[word] = counts.get(word, 0) + n
        return shaped

    @cached_property
    def counts(self) -> dict[str, int]:
        """Lower-cased word -> how often the document writes it intact."""
        return self._words.counts

    @cached_property
    def spellings(self) -> dict[str, dict[str, int]]:
        """Lower-cased word -> the spellings it was seen in ("Éric", "ÉRIC") outside a
        sentence's opening (a capital there says nothing of the word's own case: "În 1945 …"
        does not make "în" a name), with their counts; for words with a non-ASCII letter,
        the only ones a restored word can be.

        Worked out when first asked (only a word's case asks; most pages whose "?" turn
        out to be real question marks never do).  Every word opening a sentence is one of
        the counted words too: the same pattern, where no letter stands before it."""
        counted = self._words
        opening: Counter = Counter()
        for text in counted.texts:
            opening.update(counted.opening_word.findall(text))
        spellings: dict[str, dict[str, int]] = {}
        for low, spelled, n, may_open in counted.written:
            seen = spellings.get(low)
            if seen is None:
                seen = spellings[low] = {}
            if may_open:
                n -= opening.get(spelled, 0)
            if n:
                seen[spelled] = seen.get(spelled, 0) + n
        return spellings

    @cached_property
    def _shapes(self) -> dict[str, set[str]]:
        """The words indexed by shape, when first asked for (a page whose "?" turn out to
        be real question marks may never ask).  Shaped all at once: a shape keeps a word's
        length, and the newlines that join them.  Unless the words were counted already,
        only the lines that may hold a shaped word (one with a non-ASCII letter or an
        apostrophe, lower-cased) are read: a page without repair data (English with a glued
        "?") asks for nothing else."""
        counted = self.__dict__.get("_words")
        if counted is None:
            counted = self._shaped_words
        shapes: dict[str, set[str]] = {}
        shaped = counted.shaped
        for word_shape, low in zip(shape("\n".join(shaped)).split("\n"), shaped):
            shapes.setdefault(word_shape, set()).add(low)
        return shapes

    @cached_property
    def _shaped_words(self) -> _Words:
        """The words of the lines that may hold a shaped word, counted for the shapes alone
        (and completed by :attr:`_words` if the counts are asked for after them)."""
        self._few_lines_questions = 0
        lower = self._lower
        return _count([line for line in self._lines if _may_hold_shaped_word(line, lower)], lower)

    @cached_property
    def damaged_before_apostrophe(self) -> set[str]:
        """Damaged words written before an apostrophe and a suffix, as damaged ("?ura" of
        "?ura'n?n"): in a language that splits a suffix off names only, the page's name.
        Found when first asked: only such a language asks, and the search of every damaged
        line that holds an apostrophe (French, Italian: most of them) is costly."""
        found: set[str] = set()
        for line in self._lines:
            if ("?" in line or "\ufffd" in line) and ("'" in line or "’" in line):
                found.update(_DAMAGED_BEFORE_APOSTROPHE.findall(line))
        return found

    def count(self, word: str) -> int:
        if self._few_lines_questions and (counted := self._words_of_lines_holding(word)) is not None:
            return counted.counts.get(word, 0)
        return self.counts.get(word, 0)

    def writes_any(self, words: Iterable[str]) -> bool:
        """Does the page write any of ``words`` intact?  Asked of a set of words (a
        language's markers, ~100 in Portuguese): the page is counted whole at once."""
        return any(self.counts.get(word, 0) for word in words)  # (none counted where none are asked)

    def words_of_shape(self, word_shape: str) -> set[str]:
        # a word of the shape holds its longest run of ASCII letters
        if self._few_lines_questions and (counted := self._words_of_lines_holding(
                max(word_shape.split("?"), key=len))) is not None:
            shaped = counted.shaped
            return {low for low, low_shape in zip(shaped, shape("\n".join(shaped)).split("\n"))
                    if low_shape == word_shape}
        return self._shapes.get(word_shape, set())

    def _words_of_lines_holding(self, fragment: str) -> _Words | None:
        """The words of the lines that hold ``fragment`` (:meth:`_lines_holding`), counted
        once for every question it answers; None where the page is to be counted whole."""
        counted = self._few_lines_words.get(fragment)
        if counted is None:
            lines = self._lines_holding(fragment)
            if lines is None:
                return None
            counted = self._few_lines_words[fragment] = _count(lines, self._lower) if lines else _NO_WORDS
        return counted

    @cached_property
    def _lowered(self) -> tuple[str, list[int]] | None:
        """The lines lower-cased (each as its words are: no context crosses a newline) and
        joined, apostrophes as "'", with where each starts; None where the page is counted
        whole: one with a capital sigma, whose lower case depends on what follows it beyond
        the word ("ΟΔΟΣ." is "οδοσ." before a letter, and the word "οδος")."""
        text = "\n".join(self._lines)
        if "Σ" in text:
            return None
        lowered = self._lower(text)
        lengths = [len(line) + 1 for line in lowered.split("\n")]
        if len(lengths) != len(self._lines):
            return None  # a line of several lines
        return lowered.replace("’", "'"), [0, *accumulate(lengths)]

    def _lines_holding(self, fragment: str) -> list[str] | None:
        """The lines whose lower case holds ``fragment`` (lower-cased, apostrophes as "'"):
        the only ones whose words may count as a word that holds it; None where the page
        is to be counted whole (:data:`FEW_LINES_QUESTIONS`)."""
        if not fragment:
            return None
        lowered = self._lowered
        if lowered is None:
            return None
        text, starts = lowered
        holding = []
        chars = 0
        at = text.find(fragment)
        while at != -1:
            k = bisect_right(starts, at) - 1
            chars += starts[k + 1] - starts[k]
            if chars > self._few_lines_chars or chars > self._few_lines_max_chars:
                self._few_lines_questions = 0  # a common fragment, or many: the page counted whole
                return None
            holding.append(self._lines[k])
            at = text.find(fragment, starts[k + 1])
        self._few_lines_chars -= chars
        self._few_lines_questions -= 1
        return holding

    def capitalised_share(self, word: str) -> float:
        """How often ``word`` was seen starting with a capital (0 when never seen)."""
        seen = self.spellings.get(word)
        if not seen:
            return 0.0  # never seen, or only opening sentences
        return sum(n for w, n in seen.items() if w[:1].isupper()) / sum(seen.values())


#: the words of no line (read, never changed)
_NO_WORDS = _Words({}, [], [], ("", ""), _OPENING_WORD)


def _may_hold_shaped_word(line: str, lower) -> bool:
    """May ``line`` hold a word indexed by shape (one with a non-ASCII letter or an
    apostrophe, lower-cased)?"""
    return "'" in line or not lower(line).isascii()


def _count(lines: list[str], lower) -> _Words:
    """The intact words of ``lines``, counted in one regex pass over the lines joined (the
    lines without a slot first, then the others; the words opening a sentence in another,
    if :attr:`DocumentVocabulary.spellings` is asked), not by a look back from every word;
    a fragment of a damaged word is no word."""
    texts = ("\n".join([line for line in lines if "?" not in line and "\ufffd" not in line]),
             "\n".join([line for line in lines if "?" in line or "\ufffd" in line]))
    words, intact, opening_word = _bmp_word_patterns() if all(map(within_bmp, texts)) else _WORD_PATTERNS
    found = Counter(words.findall(texts[0]))
    found.update(intact.findall(texts[1]))
    counted = _Words({}, [], [], texts, opening_word)
    counts = counted.counts
    for word, n in found.items():
        low = lower(word)
        if low.isascii() and "'" not in low:
            counts[low] = counts.get(low, 0) + n  # most words: no spelling nor shape to keep
            continue
        low = low.replace("’", "'")
        _add(counted, low, word, n, True)
        if "'" in low:
            # "l'école" counts as "l'école" and as "école": the word list splits it so
            for part, spelled in zip(_APOSTROPHES.split(low)[1:], _APOSTROPHES.split(word)[1:]):
                _add(counted, part, spelled, n, False)
    return counted


def _add(counted: _Words, low: str, spelled: str, n: int, may_open: bool) -> None:
    """Count ``low`` ``n`` times, spelled ``spelled``."""
    counted.counts[low] = counted.counts.get(low, 0) + n
    if not low.isascii():
        counted.written.append((low, spelled, n, may_open))
        counted.shaped.append(low)
    elif "'" in low:
        counted.shaped.append(low)


def restorable_words(lines: list[str], lower: Callable[[str], str]) -> set[str]:
    """The intact words of ``lines`` with a non-ASCII letter (the only ones a lost letter
    restores), lower-cased and split at apostrophes as :class:`DocumentVocabulary` counts
    them; lines with a slot are skipped whole, and all-ASCII lines cost one check."""
    intact = "\n".join([line for line in lines if not line.isascii() and "?" not in line and "\ufffd" not in line])
    words: set[str] = set()
    for word in set(_WORD.findall(intact)):
        if word.isascii():
            continue
        low = lower(word).replace("’", "'")
        words.add(low)
        if "'" in low:
            words.update(part for part in _APOSTROPHES.split(low)[1:] if not part.isascii())
    return words
