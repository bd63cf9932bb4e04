"""Language identification on a bounded sample of a document.

Two steps, cheapest first:

1. a stopword vote over at most ``SAMPLE_CHARS`` of the longest-looking lines (menus and
   button rows say little about the language; sentences do).  The vote is decisive on
   ordinary prose and costs a few microseconds per document;
2. langdetect (seeded, so the answer is deterministic) on the same sample when the vote
   is weak or split.  langdetect costs ~7 ms per call (PERF-NOTES §3), so calling it on
   every document would cap throughput near 1.2 MB/s per core.

The cost is bounded by the sample size, not by the document length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .document import Document

__all__ = ["detect_language", "ensure_language", "stopwords", "tokenize_words"]

SAMPLE_CHARS = 2000
#: a line must have this many words to enter the sample (menus rarely do)
SAMPLE_MIN_WORDS = 6
#: vote accepted when the winner has this many stopword hits ...
VOTE_MIN_HITS = 12
#: ... and beats the runner-up by this factor
VOTE_MIN_MARGIN = 1.6

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"['’]")
#: a word with a character lost to a lossy charset ("fran?ais" would vote as "fran", "ais")
_DAMAGED_WORD = re.compile(r"\S*[?\ufffd]\S*")


def tokenize_words(text: str) -> list[str]:
    """Lower-cased alphabetic words; elided forms split the way wordfreq splits them
    ("l'homme" → "l", "homme")."""
    words: list[str] = []
    for match in _WORD.finditer(text.lower()):
        words.extend(_APOSTROPHE.split(match.group()))
    return words


@lru_cache(maxsize=None)
def _stopword_table() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    folder = resources.files("cleanscrape") / "data" / "stopwords"
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            words = [w.strip() for w in entry.read_text(encoding="utf-8").splitlines()]
            table[entry.name[:-4]] = frozenset(w for w in words if w and not w.startswith("#"))
    return table


@lru_cache(maxsize=None)
def _word_to_langs() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, words in _stopword_table().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def stopwords(lang: str | None) -> frozenset[str]:
    """The stopword set of ``lang`` (empty for unknown languages)."""
    if not lang:
        return frozenset()
    return _stopword_table().get(lang.split("-")[0], frozenset())


def sample_text(doc: Document) -> str:
    """Up to SAMPLE_CHARS of sentence-like lines, in document order."""
    parts: list[str] = []
    size = 0
    for line in doc.lines:
        text = line.text
        if text.count(" ") + 1 < SAMPLE_MIN_WORDS:
            continue
        parts.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    if size < 200:  # no prose: use whatever the document has
        return doc.text[:SAMPLE_CHARS]
    return "\n".join(parts)[:SAMPLE_CHARS]


def _vote(sample: str) -> tuple[str | None, int, int]:
    counts: dict[str, int] = {}
    index = _word_to_langs()
    for word in tokenize_words(sample):
        for lang in index.get(word, ()):
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None, 0, 0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_hits = ranked[0]
    second_hits = ranked[1][1] if len(ranked) > 1 else 0
    return best, best_hits, second_hits


@lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect import DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(_langdetect_profiles())
    factory.set_seed(0)  # langdetect samples n-grams at random: a fixed seed makes it deterministic
    return factory


def _langdetect_profiles() -> str:
    import langdetect

    return str(resources.files(langdetect) / "profiles")


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    try:
        detector.append(sample)
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang.split("-")[0]


def detect_language(doc: Document) -> tuple[str | None, str | None]:
    """Return ``(lang, method)`` for ``doc``; ``(None, None)`` when there is nothing to go on."""
    sample = sample_text(doc)
    if not sample.strip():
        return None, None
    best, best_hits, second_hits = _vote(_DAMAGED_WORD.sub(" ", sample))
    if best is not None and best_hits >= VOTE_MIN_HITS and best_hits >= VOTE_MIN_MARGIN * second_hits:
        return best, "stopwords"
    lang = _langdetect(sample)
    if lang is not None:
        return lang, "langdetect"
    return best, ("stopwords-weak" if best else None)


def ensure_language(doc: Document) -> str | None:
    """Detect ``doc.lang`` once, on first need; a language given by the caller is kept."""
    if doc.lang is None and doc.lang_method is None:
        doc.lang, doc.lang_method = detect_language(doc)
        if doc.lang_method is None:
            doc.lang_method = "none"
    return doc.lang
