"""Word frequencies of one language, indexed by the shape a lossy charset leaves.

A charset that cannot hold a character writes one "?" (or U+FFFD) per lost code point, so
"français" becomes "fran?ais".  Indexing every word of the frequency list by its *shape*
(each non-ASCII character and each apostrophe replaced by "?") turns candidate generation
into one dict lookup, whatever the number of lost characters: no alphabet product to
enumerate.

wordfreq's own lookup (``zipf_frequency``) tokenizes and normalises on every call; the raw
dict is ~6× faster (PERF-NOTES §4), and a word list is loaded once per language and
process, on first need, because start-up time counts on every CLI run.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["Wordlist", "wordlist", "shape"]

def shape(word: str) -> str:
    """``word`` with every slot, apostrophe and non-ASCII character replaced by "?"."""
    # str.replace and the "replace" codec run in C: 3-4× faster than str.translate here
    return word.replace("'", "?").encode("ascii", "replace").decode("ascii")


class Wordlist:
    """Frequencies of one language's words (lower-case, wordfreq's spelling)."""

    def __init__(self, lang: str, frequencies: dict[str, float]) -> None:
        self.lang = lang
        self._frequencies = frequencies
        self._shapes: dict[str, list[str]] | None = None

    def frequency(self, word: str) -> float:
        return self._frequencies.get(word, 0.0)

    def words_of_shape(self, word_shape: str) -> list[str]:
        """Every listed word whose shape is ``word_shape`` (which must contain a "?")."""
        if self._shapes is None:
            self._shapes = self._build_shapes()
        return self._shapes.get(word_shape, [])

    def words_of_every_shape(self):
        """Every listed word with a non-ASCII character or an apostrophe."""
        if self._shapes is None:
            self._shapes = self._build_shapes()
        for words in self._shapes.values():
            yield from words

    def _build_shapes(self) -> dict[str, list[str]]:
        shapes: dict[str, list[str]] = {}
        for word in self._frequencies:
            if not word.isascii() or "'" in word:
                key = shape(word)
                found = shapes.get(key)
                if found is None:
                    shapes[key] = [word]
                else:
                    found.append(word)
        return shapes


@lru_cache(maxsize=None)
def wordlist(lang: str) -> Wordlist | None:
    """The word list of ``lang`` (None when wordfreq has none), loaded once per process."""
    import wordfreq

    if lang not in wordfreq.available_languages():
        return None
    return Wordlist(lang, wordfreq.get_frequency_dict(lang))
