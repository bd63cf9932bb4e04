"""Per-line text features shared by the structural stages, computed once per document.

Every feature is language-independent except the stopword count, which uses the
document's detected language (:func:`cleanscrape.lang.ensure_language`) and is zero
when the language has no stopword list.  Callers then fall back to structure only
(:attr:`LineFeatures.has_stopwords` tells them which case they are in).

Cost: one regex pass over the whole document (punctuation), one ``str.split`` per line,
all in one loop (a long line's stopwords counted from the same split), and the other
counts a decision needs (short lines' stopwords, capitalised words, punctuation) on first
use, C-level (``map``, ``str.count``); a regex call per line only on the few lines that
ask: glued words, non-ASCII lines with few spaces (the pipeline's budget is ~5 MB/s per
core).  The result is cached in ``doc.cache["line_features"]``, with the class its lines
were made of.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar, overload

import regex

from .document import LAYOUT_WHITESPACE, Document
from .lang import base_language, ensure_language, stopword_table, stopwords
from .lexicon import GLUE, normalized_lines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["LineFeatures", "line_features", "prose_stopword_density", "SENTENCE_END", "ELLIPSES"]

#: per-language prose stopword densities, in data/stopwords/
DENSITY_FILE = "prose_density.toml"
#: characters that end a sentence (Latin, CJK, Devanagari, Arabic)
SENTENCE_END = frozenset(".!?…。！？।؟")
#: how a text cut short ends (a headline a list cut to its width, "Credit...Doug Mills"):
#: three stops or the one character (a tuple, as str.endswith takes it)
ELLIPSES = ("...", "…")
#: closing quotes and brackets that may follow a sentence end ("… la paix." »)
_CLOSERS = "\"'”’»)]›」』"
#: characters that end a line introducing what follows (a set: a membership test where two
#: comparisons of strings, which Python 3.11 specialises only before a jump, were slower)
_COLONS = frozenset(":：")

#: runs of anything but letters and digits separate words, so "monde," and "l'homme"
#: count as words ("l", "homme") the way lang.tokenize_words counts them
_NON_WORD = re.compile(r"[\W_]+")
#: what separates words besides whitespace, in a whole document's text with "_" already
#: spaced (``_SPACED_FIRST``; one pass per document; a class without alternation keeps
#: the regex fast).  One character, not a run: ``str.split`` reads one space or several
#: alike, and ``sre`` scans a bare class ~30 % faster than a repeat of it.  The ASCII
#: letters, digits, space and newline are in ``\w`` or ``\s`` already; listed first, they
#: are most characters of any text and ``sre`` tests them in one table before the Unicode
#: categories (~35 % faster)
_PUNCTUATION = re.compile(r"[^ \na-zA-Z0-9\w\s]")
#: "_" (a word character to the regex) and the commonest punctuation, spaced before the
#: regex pass by ``str.replace``: a replace reads the text at ``memchr`` speed where the
#: regex pays ~170 ns a substitution, and these marks are four in five of a text's
#: punctuation (a mark rarer than these costs a replace more than its substitutions)
_SPACED_FIRST = "_.,-:'()/\"’“”"
_FIRST_CHAR = itemgetter(0)
#: an instance of a class without its __init__ (its fields set by the caller)
_new = object.__new__

#: an upper-case letter directly after a lower-case one: two labels glued together by a
#: scraper ("Tout AccepterTout refuser", "SubscribeSign In").  The upper-case letter comes
#: first in the pattern so that the scan looks for the rare character (~2.5× faster than
#: "[a-z][A-Z]", which starts a match attempt at nearly every letter)
_GLUED = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zß-öø-ÿ].)")


@dataclass(slots=True)
class LineFeatures:
    """Structural facts about one line (all zero for a blank line).

    The counts most lines are never asked for (capitalised words, sentence marks, commas,
    the stopwords of a short line) are counted on first use, from the line's text kept
    here: a decision about a short label needs its length and ending, not its stopwords.
    :func:`line_features` sets each field itself, without calling the class: a new field
    is set there too.  A stage may subclass it with state of its own about each line, and
    ask :func:`line_features` for that class (see its ``cls``).
    """

    #: length of the stripped line
    chars: int = 0
    #: ``chars`` on the scale of space-separated scripts (see ``_UNSPACED_WORD_CHARS``)
    length: int = 0
    #: words; estimated from the length for scripts written without spaces
    words: int = 0
    #: the line ends like a sentence (".", "?", "…" possibly followed by a quote)
    sentence_end: bool = False
    #: the line ends with a colon: it introduces what follows ("You will need:")
    colon_end: bool = False
    #: lower→upper transitions inside a word ("AccepterTout")
    glued: int = 0
    #: the stopword density of running text in the document language (0: no list)
    prose_density: float = 0.0
    #: the stripped line, and the same with punctuation spaced (its words split on spaces)
    text: str = ""
    word_text: str = field(default="", repr=False, compare=False)
    stopword_set: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    #: the stopword count once counted (-1: not yet)
    _stopwords: int = field(default=-1, repr=False, compare=False)

    @property
    def stopwords(self) -> int:
        """Words in the document language's stopword list."""
        if self._stopwords < 0:
            self._stopwords = sum(map(self.stopword_set.__contains__, self.word_text.lower().split()))
        return self._stopwords

    @property
    def capitalized(self) -> int:
        """Words starting with an upper-case letter."""
        return sum(map(str.isupper, map(_FIRST_CHAR, self.word_text.split())))

    @property
    def sentence_marks(self) -> int:
        """Sentence-ending characters anywhere in the line."""
        text = self.text
        return text.count(".") + text.count("!") + text.count("?") + text.count("。")

    @property
    def commas(self) -> int:
        """Commas, the ideographic ones included."""
        text = self.text
        return text.count(",") + text.count("，") + text.count("、")

    @property
    def has_stopwords(self) -> bool:
        return self.prose_density > 0

    @property
    def stopword_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def stopword_ratio(self) -> float:
        """Stopword density relative to running text in the language: about 1 for prose
        (Russian prose has far fewer stopwords per word than French, so raw densities
        cannot share one threshold)."""
        # (the density worked out here, the same division: one property call, not three,
        # for every line judged alone)
        if not (self.prose_density and self.words):
            return 0.0
        return self.stopwords / self.words / self.prose_density

    @property
    def capitalized_ratio(self) -> float:
        return self.capitalized / self.words if self.words else 0.0

    @property
    def is_prose_like(self) -> bool:
        """Has sentence punctuation: a sentence end, or commas between clauses."""
        return self.sentence_end or self.sentence_marks > 1 or self.commas > 1


#: a class of line features: :class:`LineFeatures` or a stage's subclass of it
_Features = TypeVar("_Features", bound=LineFeatures)

#: the features of every blank line: one shared instance (a third of a scrape's lines are
#: blank, and nothing a blank line has is ever counted or changed)
_BLANK = LineFeatures()

#: Chinese and Japanese are written without spaces between words: a line with CJK
#: characters whose space-separated chunks average more characters than this is such a
#: line.  A word there takes about two characters against about six (with its space)
#: in Latin, Cyrillic or Greek script, so the line counts ``_UNSPACED_SCALE`` times its
#: characters and one word per two characters.
_UNSPACED_WORD_CHARS = 8
_UNSPACED_SCALE = 3
#: a character from the CJK blocks on (a regex scan, in C: ``max()`` of the line compares
#: every character as an object, ~8× slower on the long space-less lines that ask); in
#: ``regex``, which compiles the range at once (``re`` sets a bit for each of its 53,000
#: code points in the BMP, 2.5 ms at every start) and scans a long line 2.5x as fast
_FROM_CJK = regex.compile("[\u2e80-\U0010ffff]")
#: from this many characters a line's stopwords are counted with its words, from one split
#: of the lower-cased line: nearly every line this long is judged on them (a stage's "too
#: short to judge alone" is shorter), and counting them later would split it a second time
_STOPWORDS_AT_ONCE = 70


def _glued_counts(doc: Document, texts: list[str]) -> list[int]:
    """Glued-word counts per line (``texts``: the lines' current text).  Only lines whose
    normalised text holds the lexicon's mark between glued words are searched: it stands
    between every lower-case letter and upper-case one, so no other line holds a match
    (the lexicon stages that run first have normalised the lines already; a regex pass
    over the whole text cost ten times this)."""
    counts = [0] * len(texts)
    for index, norm in enumerate(normalized_lines(doc)):
        if GLUE in norm:
            counts[index] = len(_GLUED.findall(texts[index]))
    return counts


def _word_lines(joined: str, texts: list[str]) -> list[str]:
    """Every line with its punctuation replaced by spaces, from one regex pass over the
    whole document: ``str.split`` of a line then gives its words (and is all these lines
    are read with).  Only punctuation is substituted (whitespace already separates words
    for ``split``, and the single spaces between words are most of the non-word runs of a
    text, so leaving them halves the substitutions)."""
    for mark in _SPACED_FIRST:
        joined = joined.replace(mark, " ")
    spaced = _PUNCTUATION.sub(" ", joined).split("\n")
    if len(spaced) != len(texts):
        # a repair put a newline inside a line: the joined text no longer splits back
        return [_NON_WORD.sub(" ", text) for text in texts]
    return spaced


@lru_cache(maxsize=None)
def prose_stopword_density(lang: str | None) -> float:
    """Share of running text that the stopword list of ``lang`` covers: the summed
    wordfreq frequencies of its words (0.50 for English, 0.36 for Russian; 0 without a
    list)."""
    if not stopwords(lang):
        return 0.0
    return _shipped_densities()[base_language(lang)]  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _shipped_densities() -> dict[str, float]:
    # Shipped, not computed at run time: wordfreq's "small" list costs ~6 MB per language
    # in every worker process, for one number per language.
    with (resources.files("cleanscrape") / "data" / "stopwords" / DENSITY_FILE).open("rb") as fh:
        return tomllib.load(fh)


def compute_prose_densities() -> dict[str, float]:
    """The densities of every shipped stopword list, from wordfreq (what
    ``data/stopwords/prose_density.toml`` holds; ``python -m cleanscrape.features`` rewrites it
    after a stopword list changes, and a test checks that it is current)."""
    from wordfreq import word_frequency

    return {lang: math.fsum(word_frequency(word, lang, wordlist="small") for word in sorted(words))
            for lang, words in sorted(stopword_table().items())}


@overload
def line_features(doc: Document) -> list[LineFeatures]: ...
@overload
def line_features(doc: Document, cls: type[_Features]) -> list[_Features]: ...


def line_features(doc: Document, cls: type[Any] = LineFeatures) -> list[Any]:
    """Features of every line of ``doc`` (index-aligned with ``doc.lines``), computed once.

    ``cls``: a subclass of :class:`LineFeatures` to make them of, which a stage adds its own
    state of each line to (one object a line, not a second one holding the features).  The
    features are served to every caller asking for their class or a base of it; asked for
    another class, they are made again (as that class, which the cache then keeps)."""
    cached = doc.cache.get("line_features")
    if cached is not None and issubclass(cached[0], cls):
        return cached[1]
    lang = ensure_language(doc)
    stop = stopwords(lang)
    prose_density = prose_stopword_density(lang) if stop else 0.0
    texts = [line.text for line in doc.lines]  # current text: repairs already applied
    joined = doc.current_text()
    glued = _glued_counts(doc, texts)
    word_lines = _word_lines(joined, texts)
    # no line of a document without a character from the CJK blocks on (most documents) is
    # written without spaces: one scan of the text, not a test of every non-ASCII line
    may_be_unspaced = _FROM_CJK.search(joined) is not None
    # (a subclass's blank lines share one instance of it: the list holds that class only)
    blank = _BLANK if cls is LineFeatures else cls()
    result: list[LineFeatures] = []
    append = result.append
    # one loop without a call per line: this runs on every line of every document
    for text, word_text, glued_count in zip(texts, word_lines, glued):
        # what the output keeps of the line: a measure of more would change once the edges
        # are trimmed, and a second run would judge the line otherwise
        stripped = text.strip(LAYOUT_WHITESPACE)
        if not stripped:
            append(blank)
            continue
        last = stripped[-1]
        if last in _CLOSERS:  # a quote or bracket after the end (most lines have none)
            last = stripped.rstrip(_CLOSERS)[-1:]
        chars = len(stripped)
        # (an ASCII line holds no CJK: isascii() reads a flag where count() and the search
        # read the line)
        unspaced = (may_be_unspaced and not stripped.isascii()
                    and chars > _UNSPACED_WORD_CHARS * (stripped.count(" ") + 1)
                    and _FROM_CJK.search(stripped) is not None)
        stopword_count = -1
        if unspaced:
            words = chars // 2
        elif stop and chars >= _STOPWORDS_AT_ONCE:
            # (lower-casing never makes or unmakes a space: the same words)
            lowered = word_text.lower().split()
            words = len(lowered)
            stopword_count = sum(map(stop.__contains__, lowered))
        else:
            words = len(word_text.split())
        # made without calling the class, its fields set here: Python 3.11 calls a class's
        # __init__ through a tuple of the arguments and a frame of its own (~60 ns a line)
        features = _new(cls)
        features.chars = chars
        features.length = chars * _UNSPACED_SCALE if unspaced else chars
        features.words = words
        # (an empty ``last``, a line of closers alone, is in neither set)
        features.sentence_end = last in SENTENCE_END
        features.colon_end = last in _COLONS
        features.glued = glued_count
        features.prose_density = prose_density
        features.text = stripped
        features.word_text = word_text
        features.stopword_set = stop
        features._stopwords = stopword_count
        append(features)
    doc.cache["line_features"] = (cls, result)
    return result


if __name__ == "__main__":
    target = resources.files("cleanscrape") / "data" / "stopwords" / DENSITY_FILE
    lines = ["# Share of running text each stopword list covers: the summed frequencies of its",
             "# words in wordfreq's \"small\" list.  Written by `python -m cleanscrape.features`."]
    lines += [f"{lang} = {density!r}" for lang, density in compute_prose_densities().items()]
    Path(str(target)).write_text("\n".join(lines) + "\n", encoding="utf-8")
