"""Boilerplate phrase lexicons: data files per language, matched in one pass per document.

Each ``data/lexicons/<lang>.toml`` holds one table per category (``cookie_consent``,
``share``, ``navigation`` …) with up to five phrase lists (docs/lexicons.md):

``line``
    the whole line, normalised, *is* the phrase ("rechercher", "tags");
``prefix``
    the normalised line *starts with* the phrase ("lire aussi", "suivez-nous sur");
``contains``
    the phrase occurs anywhere in the line, on word boundaries ("utilise des cookies");
``line_near`` / ``contains_near``
    like ``line`` / ``contains``, but too common to count alone ("ok", "cookies"): a stage
    only acts on them next to a line it already removed for stronger evidence.

How much a hit proves is decided by the stages (``stages/_lexicon_rules.py``); this module
only finds the hits.

Normalisation (:func:`normalize`) separates words glued at a lower→upper case change
("Tout AccepterTout refuser" → "tout accepter|tout refuser", the bar being :data:`GLUE`:
scrapes drop the spaces between adjacent buttons), folds Latin diacritics ("Écoutez" and "Ecoutez" are both
written), lower-cases, folds typographic apostrophes and whitespace runs, and trims
bullets and punctuation at both line ends, so the data files stay short and readable.

Each lexicon is also shipped built (``data/lexicons/<lang>.pickle.zst``, :mod:`cleanscrape.shipped`):
reading and building the nine took ~30 ms in every process, unpickling them takes ~3.

The prefix and contains phrases of a language go into one Aho-Corasick automaton, and each
document is normalised and scanned *as a whole* once per language (its lines looked up among
the whole-line phrases in the same pass); the hits are shared by every stage
through :func:`hits_by_line` (only the lines that have some) and :func:`category_hits`
(PERF-NOTES §1: an automaton runs ~20× faster than a 500-way regex).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from functools import lru_cache, partial
from importlib import resources
from itertools import compress, count, repeat
from operator import itemgetter
from typing import Iterable, NamedTuple

import regex
from ahocorasick_rs import AhoCorasick, MatchKind

from .charclass import bmp_class, within_bmp
from .document import LAYOUT_WHITESPACE, Document, line_starts
from .lang import base_language, ensure_language
from .shipped import Shipped

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Hit",
    "normalize",
    "copy_keys",
    "Lexicon",
    "load_lexicon",
    "lexicon_languages",
    "lexicon_langs_for",
    "normalized_lines",
    "hits_by_line",
    "lines_matching",
    "lines_glued",
    "lines_opening",
    "lines_starting_with",
    "category_hits",
    "word_class",
    "whole_line_phrases",
    "KINDS",
    "WORD_CLASS_CATEGORIES",
    "GLUE",
]

KINDS = ("line", "prefix", "contains", "line_near", "contains_near")
#: categories that are word classes a rule looks words up in (month names and the words a
#: dateline may carry; the names of picture agencies, the labels a picture credit opens with,
#: the words that say a credit follows a caption or join its owners; the verbs of an
#: invitation to follow; the word a byline opens with; the words a view counter says), not
#: boilerplate phrases: they are not matched, see :func:`word_class`
WORD_CLASS_CATEGORIES = frozenset({"date_words", "dateline_words", "credit_names", "credit_labels",
                                   "credit_signs", "credit_joiners", "follow_words", "byline_words",
                                   "counter_words"})
#: kinds whose phrase must span the whole normalised line
WHOLE_LINE_KINDS = frozenset({"line", "line_near"})
CONTAINS_KINDS = frozenset({"contains", "contains_near"})

#: decoration trimmed at both ends of a line before matching (bullets, bars, arrows,
#: punctuation), and all the layout whitespace the output trims there: a line that ends in a
#: byte-order mark must match its copy without one, or a second cleaning of the output finds
#: a copy the first did not
EDGE_CHARS = LAYOUT_WHITESPACE + "•·*|>»›<«‹-–—_=~:;,.!?()[]{}#/\\\"'’“”„"
#: a lower-case letter directly followed by an upper-case one: two words glued together
_GLUED_WORDS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
#: what :func:`normalize` puts between glued words (U+2063 INVISIBLE SEPARATOR): a word
#: boundary for phrases, but not a space, so rules can tell "Home > News" from "HomePod"
GLUE = "\u2063"


@lru_cache(maxsize=1)
def _bmp_glued_words() -> re.Pattern[str]:
    """:data:`_GLUED_WORDS` for a text within the Basic Multilingual Plane, as the upper-case
    letter after a lower-case one, their classes listed: ``sre`` scans for an upper-case
    letter (one bitmap test a character) and looks behind only there, where ``regex`` tries
    its lookbehind at every position (the dump's texts 3.7 -> 2.4 ms; compiled once, ~4 ms)."""
    upper, lower = bmp_class(r"\p{Lu}", regex), bmp_class(r"\p{Ll}", regex)
    return re.compile(f"[{upper}](?<=[{lower}].)", re.DOTALL)


def _glue_before(upper: re.Match[str]) -> str:
    # (a function, not the template GLUE + r"\g<0>", which Python 3.11 expands in Python)
    return GLUE + upper[0]


#: combining marks left by NFD: dropping them folds Latin diacritics ("Écoutez" = "Ecoutez")
#: (``regex`` passes over the characters outside one range ~1.4x as fast as ``re``)
_COMBINING = regex.compile("[\u0300-\u036f]")
#: whitespace other than " " and "\\n" (tabs, no-break and other spaces), folded to " " one
#: character at a time by str.replace: a replace finds its character at memchr speed (and
#: returns the text itself when it holds none, or at once when the character is wider than
#: the text's kind), where a regex scan for the class tests every character in sre's
#: charset loop (the benchmark texts: 31 M CPU instructions a pass for the class, 10.5 M
#: for the 27 replaces, callgrind) ...
_OTHER_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + \
    "\u2028\u2029\u202f\u205f\u3000"
#: ... of which an ASCII text can hold only these (the others' replaces cost a call each, ~2 us
#: of a paragraph's cleaning for nothing)
_ASCII_OTHER_SPACES = "".join(space for space in _OTHER_SPACES if space.isascii())
#: ... then runs of spaces to one (two literal passes cost half one pass of negated classes)
_SPACE_RUNS = re.compile(" {2,}")


def _fold(text: str) -> str:
    """Everything :func:`normalize` does except trimming the line ends; keeps newlines."""
    text = _bmp_glued_words().sub(_glue_before, text) if within_bmp(text) else _GLUED_WORDS.sub(GLUE, text)
    # an ASCII text has no apostrophe, soft hyphen or diacritic to fold, and str knows it is
    # one without a scan: a quarter of short paragraphs skip the combining marks' pass
    plain = text.isascii()
    if not plain:
        # Turkish dotless "ı": capitals write it "I", which lower-cases to "i"
        text = text.replace("\u2019", "'").replace("\u00ad", "").replace("\u0131", "i")
        text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    text = text.lower()
    for space in _ASCII_OTHER_SPACES if plain else _OTHER_SPACES:
        text = text.replace(space, " ")
    # a regex scan stops at every space to look at the next character: test for a double
    # space with str's fast search first (there is rarely one)
    return _SPACE_RUNS.sub(" ", text) if "  " in text else text


def normalize(text: str) -> str:
    """Split glued words, fold diacritics, apostrophes and spaces, lower-case, and strip
    decoration at both ends: a normalised line's only whitespace is single spaces between
    its words."""
    return _fold(text).strip(EDGE_CHARS)


#: the quotation marks, apostrophes and dashes one text's copies print in different forms
#: (« », " " or “ ”; ' or ‘; - or –): :func:`copy_keys` drops the quotation marks and writes the
#: others as :func:`normalize` writes "’", in ASCII (the plain apostrophe and hyphen, common
#: inside words, stay as they are); one str.replace a mark, as :func:`_fold` folds its spaces
#: (the short kept lines of the 414 extraction dev pages, which duplicates asks about: 2.1 ms,
#: as fast as one regex scan for the class with a replacement function)
_COPY_MARK_FOLDS = (("\"", ""), ("“", ""), ("”", ""), ("„", ""), ("«", ""), ("»", ""), ("‹", ""), ("›", ""),
                    ("‘", "'"), ("‚", "'"), ("‐", "-"), ("‑", "-"), ("‒", "-"), ("–", "-"), ("—", "-"))


def copy_keys(normalized: list[str]) -> list[str]:
    """Normalised lines as their copies are told: without their quotation marks, with one
    apostrophe and one dash (a page's heading prints its article's title with « », the
    article with " "), spaced and trimmed as :func:`normalize` leaves a line."""
    text = "\n".join(normalized)
    for mark, fold in _COPY_MARK_FOLDS:
        text = text.replace(mark, fold)
    return [line if key == line else (_SPACE_RUNS.sub(" ", key) if "  " in key else key).strip(EDGE_CHARS)
            for key, line in zip(text.split("\n"), normalized)]


def _phrase_key(phrase: str, kind: str) -> str:
    # Contains phrases keep their edge punctuation ("©" and "xinhua/" *are* the evidence),
    # prefixes their trailing one ("read:" must not take "Read all comments").
    if kind in CONTAINS_KINDS:
        return _fold(phrase).strip()
    if kind == "prefix":
        return _fold(phrase).lstrip(EDGE_CHARS).rstrip()
    return normalize(phrase)


class Hit(NamedTuple):
    """A lexicon phrase found on a line (a named tuple: a document has one per phrase
    occurrence, tens of thousands per MB, and a tuple is built ~3× faster than a frozen
    dataclass)."""

    category: str
    kind: str  # one of KINDS
    phrase: str  # as written in the lexicon file
    lang: str
    start: int  # in the normalised line
    end: int

    def describe(self) -> str:
        return phrase_description(self.category, self.kind, self.phrase, self.lang)


#: how :meth:`Hit.describe` says what the line does with the phrase, by kind
_VERBS = {"line": "is", "line_near": "is", "prefix": "starts with"}


@lru_cache(maxsize=None)
def phrase_description(category: str, kind: str, phrase: str, lang: str) -> str:
    """:meth:`Hit.describe`, worked out once per phrase: a document has a reason per removed
    line, tens of thousands per MB, from a few thousand phrases."""
    return f"line {_VERBS.get(kind, 'contains')} {lang} {category} phrase {phrase!r}"


#: (category, kind, phrase as written in the data file, language)
Target = tuple[str, str, str, str]

#: where a phrase must be: anywhere, at a line's start (the automaton's keys), or the whole line
_ANYWHERE, _LINE_START, _WHOLE_LINE = 0, 1, 2
_WRAPS = {_ANYWHERE: "{}", _LINE_START: "\n{}"}
#: lone surrogates, which a scrape may hold and UTF-8 cannot
_SURROGATES = re.compile("[\ud800-\udfff]")
#: a Hit from a target plus its offsets (``target + (start, end)``), without a call per field
_new_hit = partial(tuple.__new__, Hit)


def _is_new(targets: Iterable[Target], target: Target) -> bool:
    """Is ``target`` other evidence than ``targets`` (a phrase of the same category and kind
    is one piece of evidence in one language, or written the same in two)?"""
    return not any(t[:2] == target[:2] and (t[3] == target[3] or t[2] == target[2]) for t in targets)


def _add(keys: dict[tuple[int, str], list[Target]], where_key: tuple[int, str], target: Target) -> None:
    """Add ``target`` to the targets of ``where_key`` in ``keys`` if it is new evidence."""
    targets = keys.setdefault(where_key, [])
    if _is_new(targets, target):
        targets.append(target)


class Lexicon:
    """The phrases of one language (or of several, :meth:`merged`), in one Aho-Corasick
    automaton run over the whole document.

    A document is scanned as its normalised lines joined by ``"\\n"``, with a ``"\\n"`` at both
    ends; a prefix is the key ``"\\n" + phrase`` (it matches at a line's start only).  A
    whole-line phrase is no key: each line is looked up among them.

    What a scan needs (the automaton, the whole-line phrases' hits) is built at the first
    scan: a language's own lexicon is mostly read only to be merged with English.
    """

    def __init__(self, lang: str, tables: dict[str, dict[str, list[str]]]) -> None:
        self.lang = lang
        self.categories = sorted(tables)
        #: the words of each word class as written (a rule that reads them in the raw text,
        #: where case and accents are still there, builds its pattern from these) ...
        self.written_word_classes: dict[str, frozenset[str]] = {
            category: frozenset(word.strip() for phrases in kinds.values() for word in phrases)
            for category, kinds in tables.items() if category in WORD_CLASS_CATEGORIES
        }
        #: ... and normalised, as rules look up the words of normalised lines
        self.word_classes: dict[str, frozenset[str]] = {
            category: frozenset(map(normalize, words)) for category, words in self.written_word_classes.items()
        }
        keys: dict[tuple[int, str], list[Target]] = {}
        for category, kinds in tables.items():
            if category in WORD_CLASS_CATEGORIES:
                continue
            for kind, phrases in kinds.items():
                if kind not in KINDS:
                    raise ValueError(f"lexicon {lang}/{category}: unknown list {kind!r} (use {KINDS})")
                where = _WHOLE_LINE if kind in WHOLE_LINE_KINDS else _ANYWHERE if kind in CONTAINS_KINDS else _LINE_START
                for phrase in phrases:
                    key = _phrase_key(phrase, kind)
                    if key:
                        _add(keys, (where, key), (category, kind, phrase, lang))
        for (where, key), targets in list(keys.items()):
            # "Quellen:" alone normalises to "quellen": the prefix "quellen:" is then the line
            bare = key.rstrip(EDGE_CHARS)
            if where == _LINE_START and bare != key and bare:
                for target in targets:
                    _add(keys, (_WHOLE_LINE, bare), target)
        self._freeze({where_key: tuple(targets) for where_key, targets in keys.items()}, {lang: 0})

    @classmethod
    def merged(cls, lexicons: Iterable[Lexicon]) -> Lexicon:
        """One automaton for several lexicons; a phrase in two of them ("international") is
        one piece of evidence, the first lexicon's."""
        merged = cls.__new__(cls)
        lexicons = list(lexicons)
        merged.lang = "+".join(lex.lang for lex in lexicons)
        merged.categories = sorted({c for lex in lexicons for c in lex.categories})
        merged.word_classes = merged.written_word_classes = {}
        keys: dict[tuple[int, str], tuple[Target, ...]] = {}
        for lex in lexicons:
            # most keys are one lexicon's: its frozen targets are taken as they are, at C
            # level (the merges of the nine languages 6.2 -> 2.3 ms); a key already
            # there gets the targets it lacks (a lexicon's own are distinct as _add tells)
            shared = [(where_key, keys[where_key]) for where_key in keys.keys() & lex._keys.keys()]
            keys.update(lex._keys)
            for where_key, present in shared:
                keys[where_key] = present + tuple([target for target in lex._keys[where_key]
                                                   if _is_new(present, target)])
        merged._freeze(keys, {lex.lang: rank for rank, lex in enumerate(lexicons)})
        return merged

    def _freeze(self, keys: dict[tuple[int, str], tuple[Target, ...]], lang_rank: dict[str, int]) -> None:
        """The lexicon's keys final, ``keys``: their targets in tuples, which the garbage
        collector stops tracking (tens of thousands of lists a full collection would walk in
        every long run); ``lang_rank``, the rank of each of its languages' hits.  What a
        scan needs is built at the first."""
        #: targets by (where the key matches, key)
        self._keys = keys
        self._lang_rank = lang_rank
        self.size = len(keys)
        self._whole: dict[str, tuple[tuple[int, Hit], ...]] | None = None

    def _build(self) -> dict[str, tuple[tuple[int, Hit], ...]]:
        """Build what a scan needs; the whole-line phrases' hits, by line."""
        # each line is looked up among the whole-line phrases: hashing it costs less than
        # carrying the match of a "\n" + phrase + "\n" key out of the automaton; and their
        # hits are the same on every line, made once.  For the other keys, what the scan
        # needs of a match, by key number, worked out once per key instead of per match:
        # where the key matches, and whether its ends must fall on word boundaries.
        # A target's rank among a line's hits: one lexicon after the other, whole-line
        # phrases first, then prefixes, then phrases inside.
        # A line that is a phrase and matches no key has the phrase's hits as they are.
        # The targets of a key are added to tuples in a loop: most keys have one, and a
        # comprehension a key (a function call in Python 3.11) took a third of the build
        # (the dump's nine lexicons: 13 -> 8 ms, once a process).
        lang_rank = {lang: rank * 3 for lang, rank in self._lang_rank.items()}
        whole: dict[str, tuple[tuple[int, Hit], ...]] = {}
        whole_line_hits: dict[str, tuple[Hit, ...]] = {}
        self._key_info = []
        wrapped = []
        for (where, key), targets in self._keys.items():
            if where == _WHOLE_LINE:
                offsets = (0, len(key))
                ranked_hits: tuple[tuple[int, Hit], ...] = ()
                hits: tuple[Hit, ...] = ()
                for target in targets:
                    hit = _new_hit(target + offsets)
                    ranked_hits += ((lang_rank[target[3]], hit),)
                    hits += (hit,)
                whole[key] = ranked_hits
                whole_line_hits[key] = hits
            else:
                order = _WHOLE_LINE - where
                ranked: tuple[tuple[int, Target], ...] = ()
                for target in targets:
                    ranked += ((lang_rank[target[3]] + order, target),)
                self._key_info.append((where, key[0].isalnum(), key[-1].isalnum(), ranked))
                wrapped.append(_WRAPS[where].format(key))
        self._automaton = AhoCorasick(wrapped, matchkind=MatchKind.Standard) if wrapped else None
        self._whole_line_hits = whole_line_hits
        self._whole = whole
        return whole

    def __getstate__(self) -> dict[str, object]:
        # ahocorasick_rs's automaton does not pickle: what a scan needs is built again
        state = self.__dict__.copy()
        for built in ("_automaton", "_key_info", "_whole_line_hits"):
            state.pop(built, None)
        state["_whole"] = None
        return state

    def scan(self, lines: list[str], text: str, line_starts: list[int]) -> dict[int, list[Hit]]:
        """The hits on ``lines`` (normalised; ``text`` is ``"\\n"``, them joined by ``"\\n"``,
        and ``"\\n"``; line ``i`` starts at ``line_starts[i]``), by line index, for the lines
        that have some."""
        if not self.size:
            return {}
        whole = self._whole if self._whole is not None else self._build()
        whole_line_hits = self._whole_line_hits
        hits_by_line: dict[int, list[Hit]] = {
            i: list(whole_line_hits[lines[i]]) for i in compress(count(), map(whole.__contains__, lines))}
        # (rank, hit) by line, of the keys matched (and of whole-line phrases glued)
        found: dict[int, list[tuple[int, Hit]]] = {}
        key_info = self._key_info
        for key, start, end in self._matches(text):
            where, word_at_start, word_at_end, ranked = key_info[key]
            if where == _LINE_START:
                start += 1  # after the key's "\n"
            i = bisect_right(line_starts, start) - 1
            line_start = line_starts[i]
            line_end = line_start + len(lines[i])
            if where == _ANYWHERE:
                if end > line_end:  # a phrase never spans two lines
                    continue
                if word_at_start and start != line_start and text[start - 1].isalnum():
                    continue
                if word_at_end and end != line_end and text[end].isalnum():
                    continue
            elif word_at_end and end < line_end and text[end].isalnum():
                continue  # "read" does not start "readers"
            offsets = (start - line_start, end - line_start)
            matches = found.get(i)
            if matches is None:
                matches = found[i] = []
            for rank, target in ranked:  # (a loop, not a list built and added: most keys have one)
                matches.append((rank, _new_hit(target + offsets)))
        # "WhatsApp" is written "whatsapp" in the data files: try glued lines unglued too
        glue_at = text.find(GLUE)
        while glue_at >= 0:
            i = bisect_right(line_starts, glue_at) - 1
            norm = lines[i]
            # the lookup first: one glued line in twenty is a phrase unglued ("iPhone" in prose)
            ranked_hits = whole.get(norm.replace(GLUE, ""))
            if ranked_hits and norm not in whole:
                found.setdefault(i, []).extend((rank, hit._replace(end=len(norm))) for rank, hit in ranked_hits)
            glue_at = text.find(GLUE, line_starts[i] + len(norm))  # the next glued line
        for i, hits in found.items():
            if i in hits_by_line:  # a whole-line phrase that also matches keys
                hits = list(whole[lines[i]]) + hits
            if len(hits) > 1:
                # a stable sort: hits of one rank stay in the automaton's order, which is by end
                hits.sort(key=itemgetter(0))
            hits_by_line[i] = [hit for _, hit in hits]
        return hits_by_line

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """Every key occurrence in ``text`` as (key number, start, end), overlapping ones
        included, in the order of their ends."""
        if self._automaton is None:
            return []
        try:
            return self._automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            # the automaton reads UTF-8, which has no lone surrogates (a scrape may hold
            # one): they are in no key, and neither is "\x00" in their place
            return self._automaton.find_matches_as_indexes(_SURROGATES.sub("\x00", text), overlapping=True)

    def whole_line_phrases(self, category: str) -> frozenset[str]:
        """The normalised ``line`` phrases of ``category``."""
        return frozenset(key for (where, key), targets in self._keys.items()
                         if where == _WHOLE_LINE and any(target[0] == category and target[1] == "line"
                                                         for target in targets))

    def match(self, normalized_line: str) -> list[Hit]:
        """Hits on one normalised line (tests and tools; stages use :func:`hits_by_line`)."""
        return self.scan([normalized_line], f"\n{normalized_line}\n", [1]).get(0, [])


#: the lexicons' data files, ``<lang>.toml``, each shipped built too (:func:`shipped_lexicon`)
LEXICON_FOLDER = resources.files("cleanscrape") / "data" / "lexicons"


@lru_cache(maxsize=None)
def lexicon_languages() -> tuple[str, ...]:
    return tuple(sorted(e.name[:-5] for e in LEXICON_FOLDER.iterdir() if e.name.endswith(".toml")))


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (an empty one for languages without a data file)."""
    if lang not in lexicon_languages():
        return Lexicon(lang, {})
    return shipped_lexicon(lang).load()


def shipped_lexicon(lang: str) -> Shipped[Lexicon]:
    """The lexicon of ``lang``, built from its data file, as shipped built."""
    text = (LEXICON_FOLDER / f"{lang}.toml").read_text(encoding="utf-8")
    return Shipped(LEXICON_FOLDER / f"{lang}.pickle.zst", text.encode("utf-8"), lambda: Lexicon(lang, tomllib.loads(text)))


@lru_cache(maxsize=None)
def _lexicon_of(langs: tuple[str, ...]) -> Lexicon:
    """The lexicon a document in ``langs`` is scanned with: one automaton, one pass."""
    return load_lexicon(langs[0]) if len(langs) == 1 else Lexicon.merged(load_lexicon(lang) for lang in langs)


def lexicon_langs_for(doc_lang: str | None) -> tuple[str, ...]:
    """Which lexicons to scan a document with: its language, plus English, which sites in
    every language use for widgets ("Share", "Cookie settings"); all of them when the
    language is unknown.  A language given with its region ("fr-FR") is the language, as for
    stopwords and repair data."""
    lang = base_language(doc_lang) if doc_lang else None
    if not lang or lang not in lexicon_languages():
        return lexicon_languages()
    return (lang,) if lang == "en" else (lang, "en")


def normalized_lines(doc: Document) -> list[str]:
    """:func:`normalize` of every line of ``doc`` (index-aligned with ``doc.lines``), computed
    once per document on the whole text."""
    cached = doc.cache.get("lexicon_normalized")
    if cached is None:
        # the lines' current text, not the input: repairs (mojibake, lost letters) run first;
        # folding never adds or removes a "\n", and a repair's own newline is masked, so the
        # pieces stay aligned with doc.lines (only a repaired text is counted: the input's
        # "\n"s are what doc.lines were split at)
        current = doc.current_text()
        if current is not doc.text and current.count("\n") != len(doc.lines) - 1:
            current = "\n".join([line.text.replace("\n", " ") for line in doc.lines])
        cached = list(map(str.strip, _fold(current).split("\n"), repeat(EDGE_CHARS)))
        doc.cache["lexicon_normalized"] = cached
    return cached


def _doc_langs(doc: Document) -> tuple[str, ...]:
    """The lexicons ``doc`` is scanned with; worked out once per document (every lexicon
    stage asks, several times)."""
    langs = doc.cache.get("lexicon_langs")
    if langs is None:
        langs = doc.cache["lexicon_langs"] = lexicon_langs_for(ensure_language(doc))
    return langs


def word_class(doc: Document, category: str, *, written: bool = False) -> frozenset[str]:
    """The words of a word-class category (e.g. ``date_words``) in the lexicons used for
    ``doc``, normalised (as written in the data files with ``written``)."""
    return _word_class_of(_doc_langs(doc), category, written)


@lru_cache(maxsize=None)
def _word_class_of(langs: tuple[str, ...], category: str, written: bool) -> frozenset[str]:
    lexicons = map(load_lexicon, langs)
    classes = (lex.written_word_classes if written else lex.word_classes for lex in lexicons)
    return frozenset().union(*(words.get(category, ()) for words in classes))


def whole_line_phrases(doc: Document, category: str) -> frozenset[str]:
    """The normalised ``line`` phrases of ``category`` in the lexicons used for ``doc``."""
    return _whole_line_phrases_of(_doc_langs(doc), category)


@lru_cache(maxsize=None)
def _whole_line_phrases_of(langs: tuple[str, ...], category: str) -> frozenset[str]:
    return frozenset().union(*(_whole_line_phrases(lang, category) for lang in langs))


@lru_cache(maxsize=None)
def _whole_line_phrases(lang: str, category: str) -> frozenset[str]:
    return load_lexicon(lang).whole_line_phrases(category)


def _joined(doc: Document) -> tuple[str, list[int]]:
    """The normalised lines joined by ``"\\n"``, with a ``"\\n"`` at both ends, and where each
    line starts in it; computed once per document."""
    cached = doc.cache.get("lexicon_joined")
    if cached is None:
        lines = normalized_lines(doc)
        cached = ("\n" + "\n".join(lines) + "\n", line_starts(lines, 1))
        doc.cache["lexicon_joined"] = cached
    return cached


def lines_matching(doc: Document, pattern: re.Pattern[str], needles: Iterable[str] = ()) -> list[int]:
    """Indices of the lines whose normalised text ``pattern`` matches, in order, found in one
    pass over the whole document instead of one search per line (``pattern`` must not match
    a newline).  ``needles``: literal strings of which every match holds one; a document
    holding none of them is not scanned (a string search runs ~50× faster than a regex)."""
    text, starts = _joined(doc)
    if needles and not any(map(text.__contains__, needles)):
        return []
    # each match's line, placed at C level; matches come in text order, so the lines are in
    # order and dict.fromkeys drops the repeats
    after = map(bisect_right, repeat(starts), map(re.Match.start, pattern.finditer(text)))
    return [index - 1 for index in dict.fromkeys(after)]


def lines_glued(doc: Document, words: tuple[str, ...], marks: Iterable[str]) -> list[int]:
    """Indices of the lines whose normalised text holds one of ``marks`` right after one of
    ``words`` ("credit…"), in order: a search for each mark, and a look back from each one
    found (marks that few lines hold: an ellipsis, not a stop)."""
    text, starts = _joined(doc)
    found: set[int] = set()
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            if text.endswith(words, 0, at):
                found.add(bisect_right(starts, at) - 1)
            at = text.find(mark, at + 1)
    return sorted(found)


def hits_by_line(doc: Document) -> dict[int, list[Hit]]:
    """Lexicon hits of ``doc`` by line index, for the lines that have some (most have none:
    a rule asking about a few lines looks them up here); one scan per document."""
    cached = doc.cache.get("lexicon_hits_by_line")
    if cached is None:
        text, starts = _joined(doc)
        cached = _lexicon_of(_doc_langs(doc)).scan(normalized_lines(doc), text, starts)
        doc.cache["lexicon_hits_by_line"] = cached
    return cached


#: what ends a line's first word for :func:`lines_starting_with`: a space, a "|", a glue or
#: the line's end
_FIRST_WORD_ENDS = " |\n" + GLUE


@lru_cache(maxsize=None)
def _line_start_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """A ``"\\n"`` followed by one of ``words`` as a whole first word (None if no word can
    be one).  The words are grouped by their first character: ``sre`` tries a group's words
    only when that character matches, so most lines are passed over after one test a group
    (listing every line's first word costs 2.4x as much, a flat alternation 1.8x)."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words):
        if not any(char in _FIRST_WORD_ENDS for char in word):  # (else never a first word)
            rests.setdefault(word[:1], []).append(re.escape(word[1:]))
    if not rests:
        return None
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items())
    return re.compile(f"\n(?:{groups})(?=[{re.escape(_FIRST_WORD_ENDS)}])")


def lines_starting_with(doc: Document, words: frozenset[str]) -> list[int]:
    """Indices of the lines whose normalised text starts with one of ``words`` (a word
    ending at a space, a "|", a glue or the line's end), in order, found in one regex pass."""
    pattern = _line_start_pattern(words)
    return [] if pattern is None else lines_opening(doc, pattern)


def lines_opening(doc: Document, pattern: re.Pattern[str]) -> list[int]:
    """Indices of the lines whose normalised text opens with what ``pattern`` matches after
    the ``"\\n"`` it matches first (the one before the line), in order, found in one regex
    pass: ``sre`` skips from one newline to the next at string-search speed and tests the
    rest of the pattern there only, where a class of first characters with a look behind
    stops at every character of the class (the digits: 5x as slow)."""
    text, starts = _joined(doc)
    # a match starts at the "\n" before its line: the line's index is the number of line
    # starts before the match
    return list(map(bisect_right, repeat(starts), map(re.Match.start, pattern.finditer(text))))


def category_hits(doc: Document, category: str) -> dict[int, list[Hit]]:
    """The hits of one category, by line index (only lines that have some), in line order."""
    index = doc.cache.get("lexicon_by_category")
    if index is None:
        index = {}
        by_line = hits_by_line(doc)
        for i in sorted(by_line):
            for hit in by_line[i]:
                lines = index.get(hit.category)
                if lines is None:  # not setdefault: it would build a dict and a list per hit
                    index[hit.category] = {i: [hit]}
                elif i in lines:
                    lines[i].append(hit)
                else:
                    lines[i] = [hit]
        doc.cache["lexicon_by_category"] = index
    return index.get(category, {})
