"""Which letter a lost character most likely was, from the letters around it.

Words missing from the word list (rare words, names, the long inflected forms of Turkish,
Czech or Polish: "bu?ulanm??t?") still follow the language's spelling: in Turkish
"lanm??t?" is "lanmıştı" by vowel harmony.  This model gives P(letter | the characters on
each side), counted over the word list's word types (each non-ASCII letter, with its
context in word-list shape so that neighbouring lost letters look the same as at lookup
time), backing off from three characters each side to two and one, and, where no
two-sided context was seen often enough, combining the two letters on each side counted
alone (``_sides``).

Counting ~10^6 letters takes seconds, too slow for start-up, so the counts are built once
by ``python -m cleanscrape.repair.letter_model`` into ``data/repair/letters/<lang>.json.gz``
and loaded on first need.  Each context's counts are one string, its letters then one
character per count (``chr(count)``): a dict of small dicts cost twice the memory (Czech:
41k contexts, 15 MB as dicts).

The contexts see a neighbouring non-ASCII letter only as "?" (that is how a lost one looks),
so two adjacent lost letters are each spelled blind to the other ("criv??" as "crivăă", a
pair Romanian never writes).  The table therefore also counts, for each non-ASCII letter,
the non-ASCII letters that follow it in the list's words (key: the letter and ">"), which
:meth:`LetterModel.pair_share` turns into how much rarer a pair is than its letters' own
frequencies make it.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

import orjson

from .language import language_data, supported_languages
from .wordlist import Wordlist, shape, wordlist

__all__ = ["LetterModel", "letter_model"]

#: contexts seen fewer times than this fall back to a shorter one
MIN_CONTEXT_COUNT = 4
#: letters below this share of a context are dropped from the stored counts (keeps files small)
MIN_SHARE = 0.01
#: a pair of non-ASCII letters the list never writes counts as this many sightings
UNSEEN_PAIR_COUNT = 0.5
#: marks a key of the pair counts (a context key always holds "_")
PAIR_MARK = ">"
#: characters of a one-sided context: where no two-sided one was seen often enough (the
#: list writes "o?n" too rarely for "mo?neagului"), each side is counted alone and the two
#: combined ("mo_" is mostly "ș", "_ne" mostly "â", "ă")
SIDE = 2
#: the key of every letter's count, the prior the two sides are combined over
PRIOR_KEY = "_"
#: marks a key of the ending counts (``ENDING`` characters of a word's end, in list shape:
#: "tık$"), counted in languages that build words by suffixing (``suffixing``): how many
#: listed words end so (under ``WORD_ENDS``) and how many go on from there with one more
#: non-ASCII letter, then end (under ``GOES_ON``)
ENDING_MARK = "$"
WORD_ENDS, GOES_ON = "$", "?"
#: the longest ending counted, backing off to shorter ones
ENDING = 3


def _contexts(shaped: str, i: int) -> tuple[str, ...]:
    """Context keys of position ``i``, longest first: 3, 2 and 1 characters each side."""
    padded = "^^^" + shaped + "$$$"
    j = i + 3
    return tuple(padded[j - n:j] + "_" + padded[j + 1:j + 1 + n] for n in (3, 2, 1))


def _sides(shaped: str, i: int) -> list[str]:
    """One-sided context keys of position ``i``: the two letters before it ("mo_") and the
    two after it ("_ne"), each where it is two letters (not a word's edge nor a lost
    neighbour); no two-sided key has its "_" off the middle."""
    left, right = shaped[max(0, i - SIDE):i], shaped[i + 1:i + 1 + SIDE]
    return [key for side, key in ((left, left + "_"), (right, "_" + right)) if len(side) == SIDE and side.isalpha()]


#: code points a count skips: UTF-8 cannot hold the surrogates
_SURROGATES, _SURROGATE_COUNT = 0xD800, 0x800


def _pack(counts: dict[str, int]) -> str:
    return "".join(counts) + "".join(chr(n if n < _SURROGATES else n + _SURROGATE_COUNT) for n in counts.values())


def _unpack(packed: str) -> dict[str, int]:
    half = len(packed) // 2
    return {c: n if n < _SURROGATES else n - _SURROGATE_COUNT for c, n in zip(packed[:half], map(ord, packed[half:]))}


class LetterModel:
    def __init__(self, table: dict[str, str]) -> None:
        #: context key -> packed counts (see :func:`_pack`)
        self._table = table
        #: first letter -> counts of the non-ASCII letters after it (read on first need)
        self._pairs: dict[str, dict[str, int]] = {}
        #: counts of each letter after any non-ASCII letter, and their total
        self._pair_totals: tuple[dict[str, int], int] | None = None

    def distribution(self, lower: str, i: int) -> dict[str, float]:
        """P(letter) for slot ``i`` of ``lower`` (a lower-cased word with slots)."""
        for key in _contexts(shape(lower), i):
            packed = self._table.get(key)
            if packed:
                counts = _unpack(packed)
                total = sum(counts.values())
                if total >= MIN_CONTEXT_COUNT:
                    return {c: n / total for c, n in counts.items()}
        return self._sides_distribution(lower, i)

    def _sides_distribution(self, lower: str, i: int) -> dict[str, float]:
        """P(letter) from the two one-sided contexts of slot ``i``, as independent evidence:
        P(c | left) × P(c | right) / P(c), normalised; empty unless both sides are letters,
        were seen, and share a letter."""
        sides = _sides(shape(lower), i)
        if len(sides) < 2:
            return {}  # a word's edge or a lost neighbour leaves too little to go on ("??b")
        packed = [self._table.get(key) for key in (*sides, PRIOR_KEY)]
        if not all(packed):
            return {}
        left, right, prior = (_unpack(p) for p in packed)  # type: ignore[arg-type]  # all(packed) above
        left_total, right_total, prior_total = sum(left.values()), sum(right.values()), sum(prior.values())
        scores = {c: (n / left_total) * (right[c] / right_total) / (prior[c] / prior_total)
                  for c, n in left.items() if c in right and prior.get(c)}
        total = sum(scores.values())
        return {c: score / total for c, score in scores.items()} if total else {}

    def goes_on(self, stem_shape: str) -> float:
        """How often the list's words that end as ``stem_shape`` does (its last ``ENDING``
        characters, else fewer, each seen in ``MIN_CONTEXT_COUNT`` words or more) go on with
        one more non-ASCII letter and end there, half a word added to those that do (an
        ending none of them goes on from is rare, not impossible; 1 where the table has no
        ending counts):
        a Turkish verb form ending in "-yor", "-dı", "-dık" takes none ("belirtiyor?",
        "saptık?" end questions; "saptıkı" is no word)."""
        for n in range(ENDING, 1, -1):
            if len(stem_shape) < n:
                continue
            packed = self._table.get(stem_shape[-n:] + ENDING_MARK)
            counts = _unpack(packed) if packed else {}
            total = sum(counts.values())
            if total >= MIN_CONTEXT_COUNT:
                return (counts.get(GOES_ON, 0) + 0.5) / (total + 1)
        return 1.0

    def pair_share(self, first: str, second: str) -> float:
        """How much rarer the list writes non-ASCII ``second`` right after non-ASCII ``first``
        than their frequencies next to other non-ASCII letters make it: count(pair) × total
        / (count(first, any) × count(any, second)), at most 1 (only pairs the language
        avoids are marked down: "ăă", "óę"); 1 for letters the counts do not know."""
        if self._pair_totals is None:
            self._pair_totals = self._count_pairs()
        followers = self._pairs.get(first)
        after, total = self._pair_totals
        if not followers or not after.get(second):
            return 1.0
        count = followers.get(second, UNSEEN_PAIR_COUNT)
        return min(1.0, count * total / (sum(followers.values()) * after[second]))

    def _count_pairs(self) -> tuple[dict[str, int], int]:
        self._pairs = {key[:-1]: _unpack(packed) for key, packed in self._table.items()
                       if key.endswith(PAIR_MARK) and "_" not in key}
        after: Counter = Counter()
        for followers in self._pairs.values():
            after.update(followers)
        return dict(after), sum(after.values())


def build(lang: str) -> dict[str, str]:
    data = language_data(lang)
    words = wordlist(lang)
    # a supported language (``__main__``) has both: the repair data and a word list
    alphabet = {c for c in data.alphabet if data.is_native(c)}  # type: ignore[union-attr]  # loanword letters only confuse it
    counts: dict[str, Counter] = defaultdict(Counter)
    pairs: dict[str, Counter] = defaultdict(Counter)
    for word in words.words_of_every_shape():  # type: ignore[union-attr]
        shaped = shape(word)
        for i, char in enumerate(word):
            if char in alphabet:
                for key in (*_contexts(shaped, i), *_sides(shaped, i)):
                    counts[key][char] += 1
                counts[PRIOR_KEY][char] += 1
                if i and word[i - 1] in alphabet and not word[i - 1].isascii() and not char.isascii():
                    pairs[word[i - 1] + PAIR_MARK][char] += 1
    table = {key: _pack(dict(counter)) for key, counter in pairs.items()}
    if data.suffixing:  # type: ignore[union-attr]  # as alphabet above
        table.update(_ending_counts(words))  # type: ignore[arg-type]
    for key, counter in counts.items():
        total = sum(counter.values())
        kept = {c: n for c, n in counter.items() if n / total >= MIN_SHARE}
        if total >= MIN_CONTEXT_COUNT:
            table[key] = _pack(kept)
    return table


def _ending_counts(words: Wordlist) -> dict[str, str]:
    """The ending keys of ``words``' table (see ``ENDING_MARK``), packed."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for word_shape in words.shapes():
        for n in range(2, ENDING + 1):
            if len(word_shape) > n:
                counts[word_shape[-n:] + ENDING_MARK][WORD_ENDS] += 1
                if word_shape[-1] == "?":
                    counts[word_shape[-n - 1:-1] + ENDING_MARK][GOES_ON] += 1
    return {key: _pack(dict(counter)) for key, counter in counts.items() if sum(counter.values()) >= MIN_CONTEXT_COUNT}


@lru_cache(maxsize=None)
def letter_model(lang: str) -> LetterModel | None:
    path = resources.files("cleanscrape") / "data" / "repair" / "letters" / f"{lang}.json.gz"
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        # orjson reads the table in half json's time (French 2.3 -> 1.4 ms, Czech 16 -> 8)
        return LetterModel(orjson.loads(gzip.decompress(fh.read())))


if __name__ == "__main__":  # python -m cleanscrape.repair.letter_model [LANG ...]
    from pathlib import Path

    out = Path(__file__).resolve().parent.parent / "data" / "repair" / "letters"
    out.mkdir(exist_ok=True)
    for lang in sys.argv[1:] or supported_languages():
        table = build(lang)
        blob = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (out / f"{lang}.json.gz").write_bytes(gzip.compress(blob.encode("utf-8"), mtime=0))
        print(lang, len(table), "contexts", file=sys.stderr)
