"""Language identification on a bounded sample of a document.

Three steps, cheapest first:

1. a stopword vote over at most ``SAMPLE_CHARS`` of the longest-looking lines (menus and
   button rows say little about the language; sentences do).  A stopword shared by several
   languages ("de", "la" in Spanish, Portuguese, French…) gives each a share of its vote, so
   that close languages are told apart by the words only one of them uses.  The vote is
   decisive on ordinary prose (all but 12 of the 414 dev documents), on short texts whose
   few votes go clearly to one language, and where letters only the winner writes agree
   ("ł", "ř", "ş"), and costs well under a millisecond per document;
2. the writing system, when the sample is written mostly in one that only one of
   langdetect's languages uses (Hangul, kana, Thai, Hebrew, the Indic scripts but
   Devanagari…): langdetect's answer for such a sample, without its cost;
3. langdetect (seeded, so the answer is deterministic) on the start of the same sample
   when the vote is weak or split.  langdetect costs ~7 ms per call (PERF-NOTES §3; ~1.7 ms
   as run here, same answers), so calling it on every document would cap throughput near
   1.2 MB/s per core.  A Latin sample of fewer than ``LANGDETECT_MIN_LETTERS`` letters that
   the vote leaves open is too short for any detector: it gets no language.

The cost is bounded by the sample size, not by the document length.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import chain, combinations
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import orjson
import regex

from .charclass import LETTER, bmp_class, within_bmp
from .document import Document
from .shipped import Shipped

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from langdetect.detector import Detector

__all__ = ["detect_language", "ensure_language", "stopword_table", "stopwords", "tokenize_words"]

SAMPLE_CHARS = 2000
#: one non-zero probability of a langdetect n-gram: language index, value
_PAIR = struct.Struct("<Bd")
#: langdetect reads this much of the sample: its cost is per call and per character (7 ms at
#: 500 characters, 13 ms at 2,000), and 500 agreed with the whole document on 181/181 pages
#: (PERF-NOTES §3)
LANGDETECT_CHARS = 500
#: a line must have this many words to enter the sample (menus rarely do)
SAMPLE_MIN_WORDS = 6
#: vote accepted when the winner has this many stopword votes ...
VOTE_MIN_HITS = 8
#: ... beats the runner-up by this factor ...
VOTE_MIN_MARGIN = 1.6
#: ... and its votes are this share of the sample's words (a few Danish-looking syllables in
#: a Japanese page are not Danish)
VOTE_MIN_SHARE = 0.1
#: A short sample (a comment, a product blurb, a news brief: a few hundred characters) rarely
#: reaches VOTE_MIN_HITS, and langdetect then costs ~2 ms, several times the cleaning of such
#: a document.  Fewer votes decide when they win far more clearly.  Of the documents the main
#: rule leaves to langdetect, this one decides 363 of 1,090 on the mojibake dev set (9
#: languages; all right, all as langdetect answers but one langdetect got wrong), 335 of 664
#: held-out (all right), 144 of the 196 paragraphs of the benchmark's clean texts (all as
#: langdetect; most are English news prose, whose stopwords other languages share: "a",
#: "in", "to"), and none of two samples each in 16 languages without a stopword list
#: (Galician, Basque, Afrikaans, Welsh, Tagalog…: tests/data/lang_samples.json).
SHORT_VOTE_MIN_HITS = 3
SHORT_VOTE_MIN_MARGIN = 3.0
SHORT_VOTE_MIN_SHARE = 0.1
#: A weak vote stands when the sample holds this many letters that only its winner writes
#: (``data/stopwords/letters.toml``: "ł" Polish, "ř" Czech, "ş" Turkish …) and none that
#: only another language writes.  Of what both vote rules leave to langdetect, this decides
#: 142 of 727 mojibake-dev documents and 32 of 329 held-out, all right (text damaged by a
#: lossy charset has lost most such letters: undamaged short texts gain most).
LETTERS_MIN = 2
LETTERS_FILE = "letters.toml"
#: a letter is its language's when at least this share of the language's running words hold
#: it (wordfreq's frequencies) ...
LETTER_MIN_USE = 0.001
#: ... and the language has this share of the letter's use over all of wordfreq's languages
#: (each language's words weighted by their frequency in it)
LETTER_MIN_OWNERSHIP = 0.9
#: A sample damaged by a lossy charset (letters written "?" or U+FFFD inside words, in at
#: least LOSSY_MIN_WORDS words) is one langdetect reads badly: the damage takes the letters
#: that tell close languages apart ("ř", "ě" of Czech) and cuts words into n-grams no language
#: has, so it answers Slovak or Slovene for damaged Czech.  The vote counts the damaged
#: spellings of stopwords ("?e" for "že"), so there a clear lead of a few votes decides: on
#: the mojibake dev set it decides 64 samples langdetect would get, all right (langdetect
#: got 6 of them wrong), and it takes damaged pages' language detection off langdetect
#: (damaged pages 0.96x the time).  A "?" in a URL's query is no damage.
LOSSY_MIN_WORDS = 2
LOSSY_VOTE_MIN_HITS = 3
LOSSY_VOTE_MIN_MARGIN = 2.0

#: A sample written in the Latin alphabet alone, with fewer letters than this, gets no language
#: (method ``none``) when no rule above placed it: the alphabet is shared by 31 of
#: langdetect's 55 languages, and so few letters do not tell them apart.  On windows of 1-12
#: words cut from the gold texts of both dev sets (10 languages, 34,676 samples), langdetect
#: was right on 52 % (tuning half A) and 49 % (half B) of the Latin samples under 10 letters
#: that reached it, a coin flip (37 % under 5 letters, 58 % at 5-9; 76 % at 10-14, 86 % at
#: 15-19), at 2-5 ms a call, ten times the rest of such a document's cleaning.  No language is
#: the safer answer downstream: the lexicon stages then scan every language's phrases, where
#: a wrong guess scans only its own and English (of the lexicons' whole-line phrases under 10
#: letters as one-line documents, langdetect's guess removed 85 %, no language 99 %; of short
#: gold lines, 1.1 % and 1.9 %: "de" and "en" are language-switcher labels); the lossy repair
#: lets the damaged words choose their language; and a caller who routes by language is not
#: sent the wrong way.  Other alphabets are shared by a few languages (Cyrillic 4, Arabic 3,
#: Devanagari 3), and langdetect names them better from few letters (wordfreq's frequent
#: words under 10 letters: Arabic 88 %, Russian 70 %, Hindi 50 %, Bulgarian 38 % right; the
#: Latin languages 14-70 %, 44 % on average, but Vietnamese, whose letters are its own,
#: 82 %): left to it.
LANGDETECT_MIN_LETTERS = 10

#: Writing systems that only one of langdetect's languages is written in: langdetect's
#: profiles give their letters to that language alone (tests/test_lang.py checks), so it
#: answers that language for a sample written mostly in one.  Not here: Devanagari (Hindi,
#: Marathi, Nepali), Arabic (Arabic, Persian, Urdu), Cyrillic; Han is Chinese only where no
#: kana stands beside it (Japanese writes both).
SCRIPT_LANGUAGES = {
    "Hangul": "ko", "Thai": "th", "Hebrew": "he", "Greek": "el", "Bengali": "bn", "Gujarati": "gu",
    "Gurmukhi": "pa", "Kannada": "kn", "Malayalam": "ml", "Tamil": "ta", "Telugu": "te",
}
#: a sample is in a writing system when this share of its letters (and marks) are
SCRIPT_MIN_SHARE = 0.6
#: a CJK sample is Japanese when this share of its CJK letters are kana (Japanese prose
#: holds ~40 %: particles and endings; Chinese none)
JAPANESE_MIN_KANA_SHARE = 0.1
_SCRIPT_LETTERS = {script: regex.compile(rf"\p{{Script={script}}}") for script in SCRIPT_LANGUAGES}
_HAN = regex.compile(r"\p{Script=Han}")
_KANA = regex.compile(r"[\p{Script=Hiragana}\p{Script=Katakana}]")
_LATIN = regex.compile(r"\p{Script=Latin}")
_NON_LATIN_LETTER = regex.compile(r"[[\p{L}\p{M}]--\p{Script=Latin}]", regex.V1)
#: (a combining mark is no other alphabet: decomposed Latin letters carry them)
_OTHER_ALPHABET_LETTER = regex.compile(r"[\p{L}--\p{Script=Latin}]", regex.V1)

#: a run of letters: elided forms split the way wordfreq splits them ("l'homme" → "l", "homme")
_LETTERS = re.compile(LETTER + "+")
#: a run of letters and of letters lost to a lossy charset (each written "?")
_LETTERS_OR_LOST = re.compile(f"(?:{LETTER}|\\?)+")


@lru_cache(maxsize=1)
def _bmp_letters() -> re.Pattern[str]:
    """:data:`_LETTERS` for text within the Basic Multilingual Plane: the same runs, found
    ~1.7× faster (its letters listed, :mod:`~cleanscrape.charclass`)."""
    return re.compile(f"[{bmp_class(LETTER)}]+")


@lru_cache(maxsize=1)
def _bmp_letters_or_lost() -> re.Pattern[str]:
    """:data:`_LETTERS_OR_LOST` for text within the Basic Multilingual Plane (as
    :func:`_bmp_letters`)."""
    return re.compile(f"[{bmp_class(LETTER)}?]+")


def _damaged_words(text: str) -> list[str]:
    """The words of ``text`` with letters lost to a lossy charset (each written "?"), and at
    least one kept: the runs of letters and "?" that hold both (and so a letter beside a
    "?").  A pattern asking for that letter beside a "?" backtracks through every run: ~4×
    slower."""
    runs = (_bmp_letters_or_lost() if within_bmp(text) else _LETTERS_OR_LOST).findall(text)
    return [run for run in runs if "?" in run and run.strip("?")]


#: from a "?" or U+FFFD to the end of its token (whitespace-separated, as str.split splits)
_MARK_TO_TOKEN_END = re.compile("[?\ufffd]\\S*")


def _lossy_words(marked: str) -> int:
    """How many words of ``marked`` (the tokens holding a "?" or U+FFFD, joined by spaces)
    lost a letter inside them: a "?" or U+FFFD before one of the word's letters.  A mark
    that ends its word may be a question's and is not counted, nor one in a URL
    ("article?id=7": the query's)."""
    return sum(
        "?" in word.rstrip("?")
        for token in marked.split() if "/" not in token and "=" not in token
        for word in _damaged_words(token.lower().replace("\ufffd", "?")))


def _split_marked_tokens(text: str) -> tuple[str, str]:
    """``text`` with its tokens that hold a "?" or U+FFFD cut out (a space in place of each),
    and those tokens joined by spaces; a token is what ``str.split`` splits ``text`` into.
    The tokens are found from their marks by searches in C, forward to their ends and, on
    the text reversed, back to their starts (a token with several marks is one match either
    way), not by splitting the text into its ~300 tokens and testing each in Python (~40 us
    a sample; a third of the samples hold a question mark)."""
    ends = [match.end() for match in _MARK_TO_TOKEN_END.finditer(text)]
    starts = [len(text) - match.end() for match in _MARK_TO_TOKEN_END.finditer(text[::-1])]
    starts.reverse()
    kept = " ".join([text[end:start] for end, start in zip([0] + ends, starts + [len(text)])])
    return kept, " ".join([text[start:end] for start, end in zip(starts, ends)])


def tokenize_words(text: str) -> list[str]:
    """Lower-cased alphabetic words; elided forms split the way wordfreq splits them
    ("l'homme" → "l", "homme")."""
    text = text.lower()
    return (_bmp_letters() if within_bmp(text) else _LETTERS).findall(text)


@lru_cache(maxsize=None)
def stopword_table() -> dict[str, frozenset[str]]:
    """Every shipped stopword list, by language."""
    table: dict[str, frozenset[str]] = {}
    folder = resources.files("cleanscrape") / "data" / "stopwords"
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            words = [w.strip() for w in entry.read_text(encoding="utf-8").splitlines()]
            table[entry.name[:-4]] = frozenset(w for w in words if w and not w.startswith("#"))
    return table


@lru_cache(maxsize=None)
def _stopword_langs() -> dict[str, tuple[str, ...]]:
    """The languages each stopword belongs to."""
    index: dict[str, list[str]] = {}
    for lang, words in stopword_table().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@lru_cache(maxsize=None)
def _word_to_langs() -> dict[str, tuple[str, ...]]:
    """:func:`_stopword_langs`, and each stopword's spellings with some of its non-ASCII
    letters lost to a lossy charset ("?e" for Czech and Slovak "že", "i?in" for Turkish
    "için"): a damaged stopword votes as the stopwords it may be."""
    index = {word: list(langs) for word, langs in _stopword_langs().items()}
    for lang, words in stopword_table().items():
        for word in words:
            if word.isascii() or not any(map(str.isascii, word)):
                # no letter to lose; or no letter a lossy charset keeps (a charset that
                # loses Cyrillic or Greek loses a whole word of it: "???")
                continue
            for damaged in _lossy_spellings(word):
                langs = index.setdefault(damaged, [])
                if lang not in langs:  # "??" is many words of a language: one vote each
                    langs.append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def _lossy_spellings(word: str) -> list[str]:
    """``word`` with one or more of its non-ASCII letters written "?", as a lossy charset
    writes what it cannot encode (one "?" a code point), keeping at least one letter."""
    spots = [i for i, char in enumerate(word) if not char.isascii()]
    spellings = []
    for k in range(1, len(spots) + 1):
        for lost in combinations(spots, k):
            spelling = "".join("?" if i in lost else char for i, char in enumerate(word))
            if spelling.strip("?"):
                spellings.append(spelling)
    return spellings


def base_language(tag: str) -> str:
    """The language of a language tag, its region dropped ("fr-FR" and "pt-BR", given by a
    caller, and "zh-cn", by langdetect: "fr", "pt", "zh"): the data is per language."""
    return tag.split("-")[0]


def stopwords(lang: str | None) -> frozenset[str]:
    """The stopword set of ``lang`` (empty for unknown languages)."""
    if not lang:
        return frozenset()
    return stopword_table().get(base_language(lang), frozenset())


def without_data(lang: str) -> str | None:
    """What a warning says of ``lang`` when cleanscrape has neither a stopword list nor a
    phrase lexicon for it (the part before a "-"), else None.  Given for every document
    (``lang="FR"``, ``--lang english``), such a code weakens the cleaning without a word: no
    stopwords for the main-content decision, no phrases of that language."""
    from .lexicon import lexicon_languages  # (lexicon builds on this module)

    base = base_language(lang)
    if stopwords(lang) or base in lexicon_languages():
        return None
    return (f"cleanscrape has no stopword list or phrase lexicon for {base!r} (codes are ISO 639-1 in lower "
            f"case: {', '.join(sorted(stopword_table()))}); the stages that read the language work without them")


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


@lru_cache(maxsize=1)
def _letter_owners() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern finding the letters of ``data/stopwords/letters.toml`` in either case, and
    each one's language."""
    with (resources.files("cleanscrape") / "data" / "stopwords" / LETTERS_FILE).open("rb") as fh:
        owners = {letter: lang for lang, letters in tomllib.load(fh).items() for letter in letters}
    # the capital too, where it is one letter that is no other's capital ("ı" is "I"'s
    # lower case in Turkish only; "I" is no Turkish evidence)
    owners.update({letter.upper(): lang for letter, lang in list(owners.items())
                   if len(letter.upper()) == 1 and letter.upper().lower() == letter})
    return re.compile(f"[{re.escape(''.join(sorted(owners)))}]"), owners


def compute_letter_owners() -> dict[str, str]:
    """For each shipped stopword language, the letters only it writes (what
    ``data/stopwords/letters.toml`` holds; ``python -m cleanscrape.lang`` rewrites it after a
    wordfreq upgrade, and a test checks that it is current)."""
    import logging

    from wordfreq import available_languages, get_frequency_dict

    logging.getLogger("wordfreq").setLevel(logging.ERROR)  # "hr": "using the nearest match, 'sh'"

    def use(lang: str) -> Counter[str]:
        frequencies: Counter[str] = Counter()
        for word, frequency in get_frequency_dict(lang, wordlist="small").items():
            for letter in set(word):
                if letter.isalpha() and not letter.isascii():
                    frequencies[letter] += frequency  # type: ignore[assignment]  # a Counter sums floats too
        return frequencies

    everyone = {lang: use(lang) for lang in sorted(available_languages(wordlist="small"))}
    owned = {}
    for lang in sorted(stopword_table()):
        own = everyone[lang] if lang in everyone else use(lang)  # "hr" is read as "sh"
        # a code wordfreq maps to another's list ("hr" is "sh") must not compete with it
        others = [frequencies for frequencies in everyone.values() if frequencies != own]
        owned[lang] = "".join(sorted(
            letter for letter, frequency in own.items()
            if frequency >= LETTER_MIN_USE
            and frequency >= LETTER_MIN_OWNERSHIP * (frequency + sum(other.get(letter, 0.0) for other in others))))
    return {lang: letters for lang, letters in owned.items() if letters}


def _letters_agree(sample: str, lang: str) -> bool:
    """Does ``sample`` hold LETTERS_MIN letters only ``lang`` writes, and none only another
    language writes?"""
    pattern, owners = _letter_owners()
    found = pattern.findall(sample)
    if len(found) < LETTERS_MIN:
        return False
    langs = Counter(map(owners.__getitem__, found))
    return len(langs) == 1 and langs[lang] >= LETTERS_MIN


@lru_cache(maxsize=None)
def _vote_languages() -> tuple[str, ...]:
    """The stopword languages in name order: the vote counts each one's votes at its place."""
    return tuple(sorted(stopword_table()))


@lru_cache(maxsize=None)
def _voting_places(damaged: bool) -> dict[str, tuple[int, ...]]:
    """:func:`_word_to_langs` (``damaged``: with the lossy spellings) or
    :func:`_stopword_langs`, each language given by its place in :func:`_vote_languages`."""
    place = {lang: i for i, lang in enumerate(_vote_languages())}
    index = _word_to_langs() if damaged else _stopword_langs()
    return {word: tuple(map(place.__getitem__, langs)) for word, langs in index.items()}


def _vote(words: list[str], damaged: Sequence[str] = ()) -> tuple[str | None, float, float]:
    """The language with most stopword votes among ``words`` and the ``damaged`` words
    (letters lost to a lossy charset, written "?"), its votes and the runner-up's; a stopword
    of ``k`` languages gives each ``1/k`` of a vote."""
    languages, stopword_places = _vote_languages(), _voting_places(False)
    # (the lossy spellings' table only for a sample that has damaged words: ~3 ms to build,
    # in every worker)
    index = _voting_places(True) if damaged else stopword_places
    # most words are no stopword: a C-level filter skips them before they are counted (the
    # stopwords keep the order they first occur in, so each language's votes are summed in
    # the same order).  An intact word can only be a stopword, not a lossy spelling: it is
    # looked up in the stopwords alone, a smaller table.  Counted by a Counter, in C: a
    # sample holds ~120 stopwords (the benchmark texts'), which a loop here counted one by
    # one (the vote of their 72 samples: 20.8 -> 18.5 M CPU instructions, callgrind)
    occurrences = Counter(chain(filter(stopword_places.__contains__, words), filter(index.__contains__, damaged)))
    if not occurrences:
        return None, 0.0, 0.0
    # each language's votes in a list, at its place (an index at each of a stopword's
    # languages, not a dict lookup and a store by name: the vote is ~20 % cheaper)
    counts = [0.0] * len(languages)
    for word, occurrence in occurrences.items():
        places = index[word]
        share = occurrence / len(places)
        for place in places:
            counts[place] += share
    # the first language in name order of those with most votes (list.index finds the
    # first place), as ranking (-votes, language) would; the runner-up's votes are the most
    # left once the winner's are set to none (a language without votes has 0.0, as the
    # runner-up of a vote that only one language has): two passes in C, not a sort
    best = max(counts)
    winner = counts.index(best)
    counts[winner] = 0.0
    return languages[winner], best, max(counts)


@lru_cache(maxsize=1)
def _batched_detector_class() -> type[Detector]:
    """langdetect's Detector, with its trials run five n-gram updates per pass over the
    ~55 language probabilities instead of one (the per-language Python loops were most of
    a call).  It draws the same random numbers in the same order and gives each probability
    the same operations in the same order (``p * (w + q1) * (w + q2) …`` is left to right,
    as five in-place updates are; the convergence check still comes after the first update
    and then every fifth), so the probabilities, and the answer, are bit for bit langdetect's.
    The rows of its n-grams are langdetect's too, in the same order, found without a method
    call per character (tests/test_lang.py compares them and the probabilities with
    langdetect's own Detector)."""
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram

    class BatchedDetector(Detector):
        #: langdetect's Detector sets it; langdetect is untyped
        text: str

        #: stop the trials once the leading language is settled (:meth:`_settled`): the
        #: answer is langdetect's, the probabilities are not (they are the first trials')
        answer_only = False

        def _detect_block(self) -> None:
            self.cleaning_text()
            profiles = self._extract_profiles()
            if not profiles:  # no n-gram
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            self.langprob = [0.0] * len(self.langlist)
            self.random.seed(self.seed)
            # random.choice(seq) is seq[_randbelow(len(seq))]: the same draws, a call fewer
            # each (and in the updates, where most are, two: _randbelow draws
            # getrandbits(len(seq).bit_length()) until one is below len(seq))
            randbelow, count = self.random._randbelow, len(profiles)
            getrandbits, bits = self.random.getrandbits, count.bit_length()
            threshold, limit = self.CONV_THRESHOLD, self.ITERATION_LIMIT
            for trial in range(1, self.n_trial + 1):
                prob = self._init_probability()
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                w = alpha / self.BASE_FREQ
                prob = [p * (w + q) for p, q in zip(prob, profiles[randbelow(count)])]
                done = 0
                # langdetect normalises the probabilities before each convergence check;
                # here the next update divides each by the total itself (p / total * …: the
                # same operations in the same order), without a pass of its own, and the
                # check divides the largest alone (a division by a positive total keeps
                # the order, so it is the largest normalised probability)
                while True:
                    total = sum(prob)
                    if max(prob) / total > threshold or done >= limit:
                        break
                    picks: list[list[float]] = []
                    while len(picks) < 5:
                        drawn = getrandbits(bits)
                        if drawn < count:
                            picks.append(profiles[drawn])
                    a, b, c, d, e = picks
                    prob = [p / total * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                            for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e)]
                    done += 5
                self.langprob = [s + p / total / self.n_trial for s, p in zip(self.langprob, prob)]
                if self.answer_only and self._settled(trial):
                    break

        def append(self, text: str) -> None:
            """langdetect's ``append``, its per-character loop done by one substitution: it
            keeps the first ``max_text_length`` characters and drops each space that follows
            a space.  Its e-mail pattern, which opens with a class ``sre`` tries at every
            position, is searched for only in a text with an "@"."""
            text = self.URL_RE.sub(" ", text)
            if "@" in text:
                text = self.MAIL_RE.sub(" ", text)
            self.text += _SPACE_RUN.sub(" ", NGram.normalize_vi(text)[:self.max_text_length])

        def cleaning_text(self) -> None:
            """langdetect's ``cleaning_text``, counted by C-level searches instead of a loop
            per character: a text with more than twice as many non-Latin characters as
            characters from "A" to "z" loses the latter.  Non-Latin is every character from
            U+0300 on: langdetect also means to spare Latin Extended Additional, but compares
            the block's number with its name, so spares none."""
            text = self.text
            if text.isascii():
                return  # nothing from U+0300 on
            # the Latin range counted only when there is something to compare it with: a
            # Latin text's accented letters are below U+0300
            non_latin = len(_from_u0300().findall(text))
            if non_latin and len(_LATIN_RANGE.findall(text)) * 2 < non_latin:
                self.text = _LATIN_RANGE.sub("", text)

        def _settled(self, trials: int) -> bool:
            """Can the trials left no longer change which language leads?  Each adds at most
            ``1 / n_trial`` to a language (its probabilities are normalised, none above 1):
            a lead larger than that many shares stands.  On clear text the leader takes
            nearly all of each trial, and four of the seven decide."""
            second, first = sorted(self.langprob)[-2:]
            return first - second > (self.n_trial - trials) / self.n_trial + SETTLED_MARGIN

        def _extract_profiles(self) -> list[list[float]]:
            """The probabilities per language (:func:`_profile_row`) of langdetect's
            n-grams, in its order (see :func:`_ngrams`): a draw picks one directly.  The text
            is normalised in one C-level pass (NGram.normalize of each character, worked out
            once per process, instead of a block lookup per character and n-gram).  Its
            buffer starts again at every space, so the text's n-grams are those of its words
            one after the other, each word's remembered with the space after it, if any
            (:func:`_word_profile`)."""
            words = self.text.translate(_NGRAM_CHARACTERS).split(" ")
            # every word but the last has a space after it
            words[:-1] = [word + " " for word in words[:-1] if word]
            profiles: list[list[float]] = []
            for word in words:
                found = _word_profiles.get(word)
                if found is None:
                    found = _word_profile(word, self.word_lang_prob_map, len(self.langlist))
                profiles += found
            return profiles

    return BatchedDetector


def _ngrams(text: str, known: dict[str, bytearray]) -> list[str]:
    """The n-grams of ``text`` (normalised) that ``known`` holds, in langdetect's order:
    its NGram buffer's rules (a buffer of the last three characters, emptied at a space;
    none from a word's letters after two capitals in a row)."""
    ngrams: list[str] = []
    grams, capital_word = " ", False
    for char in text:
        last = grams[-1]
        if last == " ":
            grams, capital_word = " ", False
            if char == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += char
        if char.isupper():
            if last.isupper():
                capital_word = True
        else:
            capital_word = False
        if capital_word:
            continue
        if char != " " and char in known:
            ngrams.append(char)
        if len(grams) >= 2:
            if grams[-2:] in known:
                ngrams.append(grams[-2:])
            if len(grams) == 3 and grams in known:
                ngrams.append(grams)
    return ngrams


#: what langdetect's ``append`` and ``cleaning_text`` test character by character: a run of
#: spaces, its Latin range ("A" to "z", "[", "_" and "`" among them) and its non-Latin
#: (:func:`_from_u0300`)
_SPACE_RUN = re.compile("  +")
_LATIN_RANGE = re.compile("[A-z]")


@lru_cache(maxsize=1)
def _from_u0300() -> re.Pattern[str]:
    """A character from U+0300 on, compiled when first asked: ``re`` sets a bit for each of
    the range's ~65,000 BMP code points first (3 ms at every import), and only a non-ASCII
    text langdetect reads asks.  (``regex``, or the negated class of U+0000-U+02FF, compile
    at once but find these characters 1.1-1.7x as slowly in Cyrillic, Greek or Chinese.)"""
    return re.compile("[\u0300-\U0010ffff]")

#: the rows of words' n-grams (:func:`_word_profile`), with the space after them or not,
#: kept across calls: a language's words recur (at most this many words)
WORD_PROFILE_CACHE = 16384
_word_profiles: dict[str, tuple[list[float], ...]] = {}


class _NGramCharacters(dict):
    """langdetect's ``NGram.normalize`` of each character, as a ``str.translate`` table
    filled on first sight of a character (emptied past ``NGRAM_CHARACTER_CACHE`` entries: a
    stream of random code points must not grow it to all of Unicode)."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        if len(self) >= NGRAM_CHARACTER_CACHE:
            self.clear()
        normal = self[code] = NGram.normalize(chr(code))
        return normal


NGRAM_CHARACTER_CACHE = 65536


_NGRAM_CHARACTERS = _NGramCharacters()


@lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect import DetectorFactory

    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = shipped_profiles().load()
    factory.set_seed(0)  # langdetect samples n-grams at random: a fixed seed makes it deterministic
    return factory


def shipped_profiles() -> Shipped[tuple[list[str], dict[str, bytearray]]]:
    """langdetect's profiles compacted (:func:`_compact_profiles`), as shipped built: read
    and packed, they took every process that needed them ~95 ms; unpickled, ~25.  Their
    source is the profile files' bytes, in the order the folder lists them (the languages'
    order)."""
    folder = _langdetect_profiles()
    profiles = []
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, "rb") as fh:
            profiles.append(fh.read())
    source = b"".join(len(profile).to_bytes(8, "little") + profile for profile in profiles)
    return Shipped(resources.files("cleanscrape") / "data" / "langdetect_profiles.pickle.zst", source,
                   lambda: _compact_profiles(profiles))


def _compact_profiles(profiles: list[bytes]) -> tuple[list[str], dict[str, bytearray]]:
    """langdetect's profiles (the files' bytes, in the order the folder lists them), read as
    ``DetectorFactory.load_profile`` reads them (same order, same arithmetic), but each
    n-gram keeps only its non-zero probabilities, packed as (language index, double) pairs.
    langdetect keeps a list of ~55 floats per n-gram: ~65 MB for its 87,598 n-grams, which
    have 2.1 non-zero values on average; packed, the table is ~17 MB, and holds no object
    the garbage collector tracks (the lists were most of what a full collection of a long
    run walked)."""
    langs: list[str] = []
    packed: dict[str, bytearray] = {}
    for data in profiles:
        profile = orjson.loads(data)  # ~55 files of ~1 MB: 1.7x json
        index = len(langs)
        langs.append(profile["name"])
        n_words = profile["n_words"]
        for ngram, count in profile["freq"].items():
            pairs = packed.get(ngram)
            if pairs is None:
                pairs = packed[ngram] = bytearray()
            if 1 <= len(ngram) <= 3:
                pairs += _PAIR.pack(index, 1.0 * count / n_words[len(ngram) - 1])
    return langs, packed


#: what a lead must exceed the trials left by for langdetect's answer to stand: the sums
#: of probabilities are rounded at each addition
SETTLED_MARGIN = 1e-9

#: dense rows kept across calls, by n-gram: a page's n-grams recur on the next pages of
#: its language (at most this many, and a word's, ~0.5 KB each)
PROFILE_ROW_CACHE = 16384
_profile_rows: dict[str, list[float]] = {}


def _word_profile(word: str, packed: dict[str, bytearray], size: int) -> tuple[list[float], ...]:
    """The rows of the n-grams of ``word`` (normalised) in langdetect's order, remembered.
    The words and the rows are forgotten together once either cache is full: rows that
    only words kept would outgrow the rows' bound."""
    if len(_word_profiles) >= WORD_PROFILE_CACHE or len(_profile_rows) >= PROFILE_ROW_CACHE:
        _word_profiles.clear()
        _profile_rows.clear()
    rows = _word_profiles[word] = tuple(_profile_row(packed, ngram, size) for ngram in _ngrams(word, packed))
    return rows


def _profile_row(packed: dict[str, bytearray], ngram: str, size: int) -> list[float]:
    """One n-gram's probability per language, as langdetect holds it (``packed``: the
    compact table of :func:`_langdetect_factory`, the one a process has)."""
    row = _profile_rows.get(ngram)
    if row is None:
        row = _profile_rows[ngram] = [0.0] * size
        for index, prob in _PAIR.iter_unpack(packed[ngram]):
            row[index] = prob
    return row


def _langdetect_profiles() -> str:
    import langdetect

    return str(resources.files(langdetect) / "profiles")


def script_language(sample: str) -> str | None:
    """The language a sample written mostly in a one-language writing system is in (see
    :data:`SCRIPT_LANGUAGES`); None for any other sample."""
    # most samples that reach here are Latin (a short or mixed text): a pass that finds
    # only the other letters says so without listing every letter
    others = len(_NON_LATIN_LETTER.findall(sample))
    if not others:
        return None
    least = SCRIPT_MIN_SHARE * (others + len(_LATIN.findall(sample)))
    if others < least:
        return None
    han, kana = len(_HAN.findall(sample)), len(_KANA.findall(sample))
    if han + kana >= least:
        if kana >= JAPANESE_MIN_KANA_SHARE * (han + kana):
            return "ja"
        return "zh" if not kana and han >= least else None
    for script, pattern in _SCRIPT_LETTERS.items():
        if len(pattern.findall(sample)) >= least:
            return SCRIPT_LANGUAGES[script]
    return None


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _batched_detector_class()(_langdetect_factory())
    detector.answer_only = True  # only the language is asked for
    try:
        detector.append(sample)
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else base_language(lang)


def _too_short_to_tell(words: list[str], damaged: list[str], sample: str) -> bool:
    """Are ``words`` and the ``damaged`` words (letters lost written "?") of ``sample`` fewer
    than LANGDETECT_MIN_LETTERS letters, all of them Latin?"""
    letters = sum(map(len, words)) + sum(len(word) - word.count("?") for word in damaged)
    return letters < LANGDETECT_MIN_LETTERS and _OTHER_ALPHABET_LETTER.search(sample) is None


def _decisive(votes: float, runner_up: float, words: int, min_hits: int, min_margin: float,
              min_share: float) -> bool:
    return votes >= min_hits and votes >= min_margin * runner_up and votes >= min_share * words


def detect_language(doc: Document) -> tuple[str | None, str | None]:
    """Return ``(lang, method)`` for ``doc``; ``(None, None)`` when there is nothing to go on,
    or too little (:data:`LANGDETECT_MIN_LETTERS`)."""
    sample = sample_text(doc)
    if not sample.strip():
        return None, None
    # a word with a character lost to a lossy charset votes as a whole ("fran?ais" must not
    # vote as "fran", "ais"): as the stopwords it may be ("?e": "že"), or not at all
    voters, marked = sample, ""
    damaged: list[str] = []
    if "?" in voters or "\ufffd" in voters:  # most samples have neither
        voters, marked = _split_marked_tokens(sample)
        damaged = _damaged_words(marked.lower().replace("\ufffd", "?"))
    words = tokenize_words(voters)
    if not words and not damaged:
        return None, None  # no letter ("\ufeff", digits): langdetect would still name one ("lv")
    best, best_votes, second_votes = _vote(words, damaged)
    n_words = len(words) + len(damaged)
    if best is not None and (_decisive(best_votes, second_votes, n_words, VOTE_MIN_HITS, VOTE_MIN_MARGIN,
                                       VOTE_MIN_SHARE)
                             or _decisive(best_votes, second_votes, n_words, SHORT_VOTE_MIN_HITS,
                                          SHORT_VOTE_MIN_MARGIN, SHORT_VOTE_MIN_SHARE)):
        return best, "stopwords"
    if best is not None and _letters_agree(sample, best):
        return best, "stopwords+letters"
    if best is not None and _decisive(best_votes, second_votes, n_words, LOSSY_VOTE_MIN_HITS, LOSSY_VOTE_MIN_MARGIN,
                                      VOTE_MIN_SHARE) and _lossy_words(marked) >= LOSSY_MIN_WORDS:
        return best, "stopwords+lossy"
    lang = script_language(sample)
    if lang is not None:
        return lang, "script"
    if _too_short_to_tell(words, damaged, sample):
        return None, None
    lang = _langdetect(sample[:LANGDETECT_CHARS])
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


if __name__ == "__main__":
    target = resources.files("cleanscrape") / "data" / "stopwords" / LETTERS_FILE
    lines = ["# Letters only one of the stopword languages writes, among all of wordfreq's languages:",
             f"# in >= {LETTER_MIN_USE:.1%} of its running words, and >= {LETTER_MIN_OWNERSHIP:.0%} of the letter's use.",
             "# Written by `python -m cleanscrape.lang`."]
    lines += [f'{lang} = "{letters}"' for lang, letters in compute_letter_owners().items()]
    Path(str(target)).write_text("\n".join(lines) + "\n", encoding="utf-8")
