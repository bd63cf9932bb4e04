"""Word frequencies of one language, indexed by the shape a lossy charset leaves.

A charset that cannot hold a character writes one "?" (or U+FFFD) per lost code point, so
"français" becomes "fran?ais".  Indexing every word of the frequency list by its *shape*
(each non-ASCII character and each apostrophe replaced by "?") turns candidate generation
into one lookup, whatever the number of lost characters: no alphabet product to
enumerate.

Memory and start-up count on every CLI run, in every worker: wordfreq's own dict of the
nine repair languages held ~3 million Python objects (~540 MB of RSS, 2-6 s to load and
index).  Instead each language is one sorted, UTF-8 ``bytes`` table (a few MB), one line
per word, ``shape TAB letters-in-the-slots TAB centibels``, sorted by shape so that the
words of one shape are adjacent: a lookup is a binary search over the bytes (a word with
no slot is its own shape, so plain frequencies use the same search).  The tables are
generated from wordfreq into ``data/repair/words/<lang>.tsv.zst``, keeping the words at or
above a frequency floor for plain ASCII words (:data:`MIN_PLAIN_ZIPF`), by ``python -m cleanscrape.repair.wordlist``;
a language without a shipped table is built the same way from wordfreq on first need.

Languages without repair data only vote on which language a damaged page is in
(:func:`vote_wordlist`): their tables hold only the words the vote can ask about.
English, detected on most pages, is shipped too (``data/repair/votes/en.tsv.zst``):
built at run time it took ~0.13 s and left ~20 MB of RSS in every worker (reading
wordfreq's whole English list), loaded it takes 5 ms and 3 MB.

The tables are compressed with zstandard, not gzip: a page whose glued "?" makes all nine
repair languages vote may load all nine tables, and zstd reads them 3× faster (Czech's 7.5 MB:
10 ms against gzip's 32) from smaller files.

Each repair language also ships its table's head (:func:`head_wordlist`,
``data/repair/heads/<lang>.tsv.zst``, derived from its table by :func:`head_table`): the words
at least Zipf 3 frequent, whose frequencies bound a vote's score without the whole table.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterator

import zstandard

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["Wordlist", "wordlist", "vote_wordlist", "head_wordlist", "HEAD_FLOOR", "shape", "build_table",
           "build_vote_table", "head_table"]

#: plain ASCII words (no slot: never a candidate, only evidence of what a bare "pi" or the
#: rest of "l?homme" is) rarer than this (Zipf scale: 1.0 is once per billion words) are
#: left out of the tables, unless they hold a letter group a lost letter is listed as
#: ("grosse" for "große"); words with a slot are all kept.  Measured on the dev set
#: (docs/repair.md, "Word lists"): the same figures as the whole lists.
MIN_PLAIN_ZIPF = 2.0
#: the same floor as a place in wordfreq's cBpack, whose n-th list holds the words of Zipf 9 - n / 100
_MAX_PLAIN_CENTIBELS = round((9 - MIN_PLAIN_ZIPF) * 100)
#: looked-up shapes remembered per language (documents repeat their words)
CACHED_SHAPES = 8192
#: a line of the table is sampled every this many bytes: a lookup bisects the samples (in
#: C) and finds its line between two of them with one search, where a binary search over
#: the whole table took ~20 steps in Python (most of the cost of a shape not cached).  The
#: search is most of a lookup's cost: a shape no word has took ~3 us between samples 4 KB
#: apart, ~1.3 us at 1 KB; the nine repair tables then hold ~26,000 samples (~2.5 MB),
#: taken at load in ~10 ms
SAMPLE_BYTES = 1024
#: wordfreq stores frequencies in centibels: frequency = 10 ** (-centibels / 100)
_FREQUENCY_OF_CENTIBELS = [10 ** (-cb / 100) for cb in range(1000)]
#: a table's head holds the words at most this many centibels rare (Zipf 3: once per million
#: words) ...
HEAD_MAX_CENTIBELS = 600
#: ... so a word outside it is at most this frequent in the whole table
HEAD_FLOOR = _FREQUENCY_OF_CENTIBELS[HEAD_MAX_CENTIBELS + 1]


def shape(word: str) -> str:
    """``word`` with every slot, apostrophe and non-ASCII character replaced by "?"."""
    if word.isascii() and "'" not in word:
        return word  # most words asked about (two tests in C, where three calls made a copy)
    # str.replace and the "replace" codec run in C: 3-4× faster than str.translate here
    return word.replace("'", "?").encode("ascii", "replace").decode("ascii")


def _fill(word_shape: str, letters: str) -> str:
    """``word_shape`` with its "?" replaced, in order, by ``letters``."""
    if not letters:
        return word_shape
    pieces = word_shape.split("?")
    return "".join(p + l for p, l in zip(pieces, letters)) + pieces[-1]


class Wordlist:
    """Frequencies of one language's words (lower-case, wordfreq's spelling)."""

    def __init__(self, lang: str, table: bytes) -> None:
        self.lang = lang
        #: sorted lines "shape\tletters\tcentibels", each ending in "\n"
        self._table = table
        #: the sampled lines (see SAMPLE_BYTES), in table order, and where each starts
        self._sampled: list[bytes] = []
        self._sampled_at: list[int] = []
        for pos in range(SAMPLE_BYTES, len(table), SAMPLE_BYTES):
            start = table.find(b"\n", pos) + 1
            if 0 < start < len(table) and (not self._sampled_at or start > self._sampled_at[-1]):
                self._sampled.append(table[start:table.index(b"\n", start)])
                self._sampled_at.append(start)
        self._group = lru_cache(maxsize=CACHED_SHAPES)(self._lookup)

    def frequency(self, word: str) -> float:
        return self._group(shape(word)).get(word, 0.0)

    def words_of_shape(self, word_shape: str) -> list[str]:
        """Every listed word whose shape is ``word_shape`` (which must contain a "?")."""
        return list(self._group(word_shape))

    def frequencies_of_shape(self, word_shape: str) -> dict[str, float]:
        """Every listed word whose shape is ``word_shape`` and its frequency (not to be
        changed: the word list's own, remembered)."""
        return self._group(word_shape)

    def words_starting(self, prefix_shape: str, limit: int) -> list[tuple[str, float]]:
        """Up to ``limit`` listed words (with their frequencies) whose shape starts with
        ``prefix_shape``: the lines of one shape prefix are adjacent in the sorted table."""
        key = prefix_shape.encode("ascii", "replace")
        table = self._table
        start = self._first_line_starting(key)
        out: list[tuple[str, float]] = []
        while start >= 0 and table.startswith(key, start) and len(out) < limit:
            end = table.index(b"\n", start)
            word_shape, letters, centibels = table[start:end].decode("utf-8").split("\t")
            out.append((_fill(word_shape, letters), _FREQUENCY_OF_CENTIBELS[int(centibels)]))
            start = end + 1
        return out

    def words_of_every_shape(self) -> Iterator[str]:
        """Every listed word with a non-ASCII character or an apostrophe."""
        for line in self._table.decode("utf-8").splitlines():
            word_shape, letters, _ = line.split("\t")
            if letters:
                yield _fill(word_shape, letters)

    def shapes(self) -> Iterator[str]:
        """Every listed word's shape, a word of plain letters its own (a word spelled two ways
        counts once for each spelling's line)."""
        for line in self._table.decode("utf-8").splitlines():
            yield line.split("\t", 1)[0]

    def _lookup(self, word_shape: str) -> dict[str, float]:
        """The listed words of ``word_shape`` and their frequencies, in table order (a word
        asked about is found by a lookup, not a scan of its shape's words: ~20 a shape on
        the damaged dev documents)."""
        key = word_shape.encode("ascii", "replace") + b"\t"
        table = self._table
        start = self._first_line_starting(key)
        out: dict[str, float] = {}
        while start >= 0 and table.startswith(key, start):
            end = table.index(b"\n", start)
            _, letters, centibels = table[start:end].decode("utf-8").split("\t")
            out.setdefault(_fill(word_shape, letters), _FREQUENCY_OF_CENTIBELS[int(centibels)])
            start = end + 1
        return out

    def _first_line_starting(self, key: bytes) -> int:
        """Offset of the first line of the table that starts with ``key``; -1 if none.

        Lines compare as bytes, and the lines starting with ``key`` follow one another from
        the first line not below it, which lies after the last sampled line below ``key``
        and at or before the next sampled line.  ("\\t" sorts before every character of a
        shape, so the lines of one shape follow every line of a shape it is a prefix of.)
        """
        table = self._table
        j = bisect_left(self._sampled, key)
        lo = self._sampled_at[j - 1] if j else 0
        hi = self._sampled_at[j] if j < len(self._sampled_at) else len(table)
        if lo == 0 and table.startswith(key):
            return 0
        found = table.find(b"\n" + key, lo, hi + len(key))
        return found + 1 if found >= 0 else -1


#: what :func:`shape` replaces by "?", one character at a time ("?" itself aside)
_SHAPED_AWAY = re.compile(r"[^\x00-\x7f]|'")


def table_line(word: str, centibels: int) -> bytes | None:
    """``word``'s line in a table: its shape, the letters its slots hold, its frequency in
    centibels (None for a word with a "?" of its own: no slot can be told from it)."""
    word_shape = shape(word)
    letters = "".join(_SHAPED_AWAY.findall(word))
    if len(letters) != word_shape.count("?"):
        return None
    return f"{word_shape}\t{letters}\t{centibels}\n".encode("utf-8")


def build_table(lang: str) -> bytes | None:
    """The sorted table of ``lang`` from wordfreq (None when wordfreq has no list)."""
    import wordfreq

    path = wordfreq.available_languages().get(lang)
    if path is None:
        return None
    from .language import language_data

    data = language_data(lang)
    respellings = [listed for listed, _ in data.equivalents if len(listed) > 1] if data else []
    lines = []
    for centibels, words in enumerate(wordfreq.read_cBpack(path)):
        for word in words:
            if "\t" in word or "\n" in word:
                continue
            word_shape = shape(word)
            if (word_shape == word and centibels > _MAX_PLAIN_CENTIBELS
                    and not any(listed in word for listed in respellings)):
                continue
            line = table_line(word, centibels)
            if line is not None:
                lines.append(line)
    lines.sort()
    return b"".join(lines)


def build_vote_table(lang: str) -> bytes | None:
    """The sorted table of the words of ``lang`` the language vote can ask about (what
    :func:`~cleanscrape.lang.tokenize_words` gives), each on the line :func:`build_table`
    gives it (a plain word only down to ``MIN_PLAIN_ZIPF``), so that every answer is the
    whole word list's; None when wordfreq has no list."""
    import wordfreq

    from ..lang import tokenize_words

    path = wordfreq.available_languages().get(lang)
    if path is None:
        return None
    lines: list[bytes] = []
    for centibels, words in enumerate(wordfreq.read_cBpack(path)):
        if centibels <= _MAX_PLAIN_CENTIBELS:  # a plain word is its own shape, with no letters in slots
            lines += [f"{word}\t\t{centibels}\n".encode() for word in words if word.isascii() and word.isalpha()]
        # letters, or what tokenize_words keeps whole all the same ("ⅱ")
        lines += [line for word in words
                  if not word.isascii() and (word.isalpha() or tokenize_words(word) == [word])
                  and (line := table_line(word, centibels)) is not None]
    lines.sort()
    return b"".join(lines)


def head_table(table: bytes) -> bytes:
    """The head of ``table``: the line a word's frequency is read from (its first) where the
    word is at most ``HEAD_MAX_CENTIBELS`` rare, in table order, so that a word of the head
    has the frequency the whole table gives it and any other at most ``HEAD_FLOOR``."""
    seen: set[bytes] = set()
    head = []
    for line in table.split(b"\n")[:-1]:  # (each line ends in "\n", which alone ends one)
        word_shape, letters, centibels = line.split(b"\t")
        word = word_shape + b"\t" + letters
        if word not in seen:
            seen.add(word)
            if int(centibels) <= HEAD_MAX_CENTIBELS:
                head.append(line + b"\n")
    return b"".join(head)


#: languages without repair data whose vote table is shipped
SHIPPED_VOTE_LANGUAGES = ("en",)


def _table_path(lang: str, folder: str = "words") -> Traversable:
    return resources.files("cleanscrape") / "data" / "repair" / folder / f"{lang}.tsv.zst"


def read_table(path: Traversable) -> bytes:
    """The table shipped at ``path`` (a :func:`_table_path`)."""
    with path.open("rb") as fh:
        return zstandard.ZstdDecompressor().decompress(fh.read())


def _load(lang: str, folder: str, build: Callable[[str], bytes | None]) -> Wordlist | None:
    """The shipped table of ``lang`` in ``folder``, else ``build(lang)``'s."""
    path = _table_path(lang, folder)
    if path.is_file():
        return Wordlist(lang, read_table(path))
    table = build(lang)
    return Wordlist(lang, table) if table is not None else None


@lru_cache(maxsize=None)
def wordlist(lang: str) -> Wordlist | None:
    """The word list of ``lang`` (None when wordfreq has none), loaded once per process."""
    return _load(lang, "words", build_table)


@lru_cache(maxsize=None)
def vote_wordlist(lang: str) -> Wordlist | None:
    """The vote table of ``lang``, a language without repair data (None when wordfreq has
    no list), loaded once per process."""
    return _load(lang, "votes", build_vote_table)


@lru_cache(maxsize=None)
def head_wordlist(lang: str) -> Wordlist | None:
    """The head of ``lang``'s word list (:func:`head_table`), loaded once per process; None
    when none is shipped (a table with no word rarer than Zipf 3, Romanian's and Turkish's,
    is its own head)."""
    path = _table_path(lang, "heads")
    return Wordlist(lang, read_table(path)) if path.is_file() else None


def shipped_head(lang: str) -> bytes | None:
    """The head to ship for ``lang``, from its shipped table (None when it is the table)."""
    table = read_table(_table_path(lang))
    head = head_table(table)
    return head if head != table else None


def _write_tables(folder: str, langs, build) -> None:
    from pathlib import Path

    out = Path(__file__).resolve().parent.parent / "data" / "repair" / folder
    out.mkdir(exist_ok=True)
    for lang in langs:
        table = build(lang)
        if table is None:  # (none to ship: one shipped before goes)
            (out / f"{lang}.tsv.zst").unlink(missing_ok=True)
            continue
        (out / f"{lang}.tsv.zst").write_bytes(zstandard.ZstdCompressor(level=19).compress(table))
        print(folder, lang, table.count(b"\n"), "words", len(table), "bytes", file=sys.stderr)


if __name__ == "__main__":  # python -m cleanscrape.repair.wordlist [LANG ...]
    from .language import supported_languages

    _write_tables("words", sys.argv[1:] or supported_languages(), build_table)
    _write_tables("heads", sys.argv[1:] or supported_languages(), shipped_head)
    if not sys.argv[1:]:
        _write_tables("votes", SHIPPED_VOTE_LANGUAGES, build_vote_table)
