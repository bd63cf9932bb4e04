"""Candidate restorations of a damaged word, from the document, the earlier documents of
its source (:mod:`.source_memory`) and the word list.

A damaged word is lower-cased and looked up by shape (see :mod:`.wordlist`), so
"fran?ais" finds "français" and "c?té" finds "côté" (the intact "é" must match).  Each
slot may be any letter of the language's alphabet, or an apostrophe inside the word.
Two more readings of an inner slot cover apostrophes the word list splits off:

* after an elided word ("l?homme" → "l’homme", "qu?il" → "qu’il": the rest must itself
  be a word, possibly damaged too: "d??t?" → "d’été");
* before a case suffix, in languages that write one after proper nouns
  ("Ankara?da" → "Ankara’da").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator
from weakref import WeakKeyDictionary

from .damage import SLOTS, has_slot, is_slot, slot_count, spells
from .language import LanguageData, supported_languages
from .letter_model import LetterModel
from .source_memory import SourceWords
from .vocabulary import DocumentVocabulary
from .wordlist import Wordlist, shape, wordlist

__all__ = ["Candidate", "CandidateFinder", "KNOWN", "LISTED"]

_APOSTROPHES = re.compile(r"['’]")
#: the characters a word may be split at: a slot or an apostrophe
_JOINTS = SLOTS + "'’"
#: how much more frequent a word must be with its final letter restored than without it
#: for the final "?" to count as a lost letter
RESTORED_WORD_RATIO = 10.0
#: how much less likely a lost vowel is when it breaks vowel harmony (loanwords do, but the
#: letter model's odds for a common letter sequence, "t?r" as "tır", are no reason to)
DISHARMONY = 0.01
#: ... and a case suffix's vowel against its base's, which harmony always rules
SUFFIX_DISHARMONY = 0.01

#: a paradigm's form no list has, against the listed form of the same word (a rarer form,
#: or the list would have it)
SIBLING_SHARE = 0.1
#: a negated word no list has, against its listed positive form (a rarer form, but a word,
#: where the letter model's spelling is a guess)
NEGATED_SHARE = 0.3
#: a past form with a person ending no list has, against its listed form (the lists' own
#: such forms stand at 2-54 % of theirs, most near 5-15 %)
PERSON_FORM_SHARE = 0.05
#: a listed word with the vowel a charset loses at words' ends after it (``lost_final_vowel``)
#: that no list has, against the listed word: where the Romanian list holds both ("biografic"
#: and "biografică"), the second stands at 0.30-0.98 of the first (quartiles; median 0.55),
#: and a form the list lacks is rarer than the lower quartile ...
FINAL_VOWEL_SHARE = 0.3
#: ... and than the list's floor (Zipf 3, where the Romanian list stops)
FINAL_VOWEL_CEILING = 1e-6
#: the shortest word the negative prefix is read before ("ne?" is no negated word)
MIN_NEGATED_WORD = 4
#: the shortest beginning a softened final consonant may follow ("kıza" + "k")
MIN_SOFTENED_STEM = 4
#: the apostrophe a lossy charset can lose (an ASCII "'" always survives)
APOSTROPHE = "’"
#: respelling and split readings combine the readings of a word's slots (respelling: 2^slots
#: variants; split readings: candidates multiplied at every split point): beyond this many
#: slots and apostrophes they are skipped (fuzzed words ran for over 20 minutes)
MAX_COMBINED_SLOTS = 4
#: the shortest verb stem a verb form no list has is read as ("iç" + "memek") ...
MIN_VERB_STEM = 2
#: ... and how much less likely it is with each more suffix (a longer stem the list knows
#: explains more of the word: "bağlan-ma-mış", not "bağl-an-ma-mış")
SUFFIX_SHARE = 0.3
#: the shortest listed word read as a noun's stem before suffixes ("çay-ı-na")
MIN_NOUN_STEM = 3
#: stems found for a beginning, per word list, kept across documents (cleared when full)
MAX_STEM_CACHE = 200_000
_STEM_CACHE: WeakKeyDictionary[Wordlist, dict[tuple[str, str], dict[str, float]]] = WeakKeyDictionary()
#: a word no list knows takes the lost letters of a beginning of it that listed words
#: start with (its stem) when that beginning is this long ...
MIN_STEM = 4
#: ... with this many letters after its last slot ...
MIN_STEM_TAIL = 2
#: ... or, in a language that builds words by suffixing, is a listed word this long
MIN_STEM_WORD = 5
#: ... or, with one letter after its last slot, is this long (a long beginning is one
#: word's: "kozioro?c" of "koziorożca", "koziorożec")
MIN_LONG_STEM = 6
#: ... reading at most this many of those words
MAX_STEM_WORDS = 200
#: where no beginning is listed, a compound's last word gives the lost letters: an ending
#: this long that the list has whole ("peroxodi-sulf?rico" of "sulfúrico") ...
MIN_COMPOUND_TAIL = 8
#: ... after a first part this long, with no lost letter (a prefix or another word)
MIN_COMPOUND_HEAD = 3
#: the shortest last part of a compound after a noun's linking "s" (``noun_links``) whose
#: lost letters the list gives ("Qualitäts-böden")
MIN_LINKED_TAIL = 4
#: how many beginnings of a word no list knows are kept while its neighbouring lost letters
#: are spelled together (:meth:`CandidateFinder._jointly_spelled`)
SPELLING_BEAM = 12
#: a word read as another language's keeps this many letters, and more than it lost: the
#: shape of a short or mostly lost one fits words of every language ("??b" as Czech "žáb")
MIN_FOREIGN_KEPT = 3
#: how a candidate known as a whole word was found (the others are spelled or split)
KNOWN = ("word list", "document", "source")
#: candidate sources that are known words, not spellings guessed by the letter model
LISTED = KNOWN + ("elision", "suffix", "negation", "person", "final vowel", "stem")
#: the tables of a language without any (no letters, no suffixes), read where there is no language data
_NO_LANGUAGE = LanguageData(lang="", letters="")


# not frozen, though never changed (``dataclasses.replace`` makes a changed copy): a frozen
# dataclass sets each field through object.__setattr__, and every word a document's
# damaged words may be is made a candidate
@dataclass(slots=True)
class Candidate:
    """A restoration of a lower-cased damaged word (page spelling, ’ for apostrophes)."""

    text: str
    frequency: float
    in_document: int
    #: "document", "source" (only earlier documents of the source wrote it), "word list",
    #: "elision", "suffix", "negation" (a listed word after the negative prefix), "person"
    #: (a listed past form and a person ending), "final vowel" (a listed word and the vowel a
    #: charset loses at words' ends), "stem" (a listed verb stem and its
    #: suffixes), "letter model" or "foreign list" (another language's list: a name)
    how: str
    #: the word-initial slot is a capital whose lower case is ASCII (Turkish "İ")
    ascii_capital: str = ""
    #: for "letter model" candidates: the probability of the letters chosen
    likelihood: float = 1.0
    #: earlier documents of the same source that wrote the word intact
    in_source: int = 0
    #: for a paradigm's form no list has, made from another candidate (``paradigm_endings``):
    #: the likelihood of the letters of the spelling it was made from, which the letter
    #: model's floor judges it by (its own is cut by SIBLING_SHARE, to rank it below)
    spelled_likelihood: float | None = None
    #: a word another language's list holds (a "foreign list" candidate, or a letter-model
    #: spelling that list holds too): its frequency there, and that language (a "foreign
    #: list" candidate's likelihood is 0: no letter model spelled it)
    abroad: float = 0.0
    lang: str = ""

    @property
    def attested(self) -> bool:
        """Does a word list, the page or an earlier document of its source write the word?"""
        return bool(self.frequency or self.in_document or self.in_source)

    @property
    def known(self) -> bool:
        """Is it a known word: a list's, the page's, the source's, or an attested one after an
        elided word ("l?enseignement"), not a spelling (letter model, stem, suffixes)?"""
        return self.how in KNOWN or (self.how == "elision" and self.attested)


class CandidateFinder:
    """Finds candidates for damaged words of one document (results cached per word)."""

    # Each may be None (a language without repair data, word list or letter model), but the
    # methods that read them unchecked run only where a caller found them not None: declared
    # without None, those reads (per word, per letter) need no check a type checker could see.
    # The None case is the constructor's, and the checks that guard those calls.
    data: LanguageData
    words: Wordlist
    letters: LetterModel

    def __init__(self, data: LanguageData | None, words: Wordlist | None,
                 vocabulary: DocumentVocabulary, letters: LetterModel | None = None,
                 source_words: SourceWords | None = None) -> None:
        self.data = data  # type: ignore[assignment]  # None allowed: see the class's declarations
        self.words = words  # type: ignore[assignment]  # as data
        self.letters = letters  # type: ignore[assignment]  # as data
        self.vocabulary = vocabulary
        self.source_words = source_words
        # the language's tables, derived once per language (an empty language's where there is none)
        tables = data if data is not None else _NO_LANGUAGE
        self._alphabet = tables.alphabet_set if data is not None else None
        self._to_list_form = tables.list_letters
        self._numerals_by_start = tables.numerals_by_start
        self._longest_numeral = tables.longest_numeral
        self._suffixes_by_length = tables.suffixes_by_length
        self._list_spellings = tables.list_spellings
        self._harmony = tables.harmony
        self._harmonic_vowels = tables.harmonic_vowels
        self._same_class = tables.same_class_vowels
        self._vowel_pair = tables.vowel_pair
        self._verb_set = tables.verb_suffix_set
        self._inflection_set = tables.inflection_suffix_set
        self._all_suffixes = tables.chain_suffixes
        self._suffix_lengths = tables.chain_suffix_lengths
        self._chain_bounds = tables.chain_bounds
        self._noun_groups = tables.noun_suffix_groups
        self._longest_noun_chain = tables.longest_noun_chain
        self._suffix_initials = tables.suffix_initials
        self._high = tables.high_harmony
        self._chain_consonants = tables.chain_consonants
        self._cache: dict[str, list[Candidate]] = {}
        self._foreign_cache: dict[str, list[Candidate]] = {}
        self._chain_splits: dict[tuple[str, str, str, str], int | None] = {}
        self._chain_fillings: dict[tuple[str, str], list[str]] = {}
        self._verb_form_frequencies: dict[str, float] = {}
        #: the stems found for the word list's beginnings (``_cached_stems``), read once a
        #: document (a weak-keyed lookup, in Python, at each of ~18,000 calls a pass of the
        #: Turkish damaged dev docs)
        self._stem_cache = _STEM_CACHE.setdefault(words, {}) if words is not None else {}

    def frequency(self, word: str) -> float:
        if self.words is None:
            return 0.0
        return self.words.frequency(word.replace(APOSTROPHE, "'"))

    def restores_known_word(self, lower: str) -> bool:
        """Is ``lower``, which ends in a slot, a known word with its final slots filled, and
        a far rarer one (or none) without them ("pi?" → "più", not "pi")?  Of a doubled
        "?", the last may be a real question mark ("Libert??" → "Libertà?")."""
        core = lower.rstrip("?\ufffd")
        if core == lower or not core or self.vocabulary.count(core):
            return False
        known = [c.frequency for c in self.find(lower) if c.how in KNOWN]
        if lower.endswith("??"):
            known += [c.frequency for c in self.find(lower[:-1]) if c.how in KNOWN]
        return bool(known) and max(known) > RESTORED_WORD_RATIO * self.frequency(core)

    def find(self, lower: str) -> list[Candidate]:
        """Candidates for ``lower`` (a lower-cased word with at least one slot)."""
        cached = self._cache.get(lower)
        if cached is None:
            cached = self._cache[lower] = self._find(lower)
        return cached

    def find_with_foreign(self, lower: str, name: bool) -> list[Candidate]:
        """:meth:`find`'s candidates for ``lower``, and, for a ``name`` (a capitalised word,
        or one whose first letter and its case were lost; not ending in "?", which may be a
        real one after a word of the page: "Hara??" is no Turkish "Haraç?", but a final
        U+FFFD is a lost letter: "Paveli\ufffd" is "Pavelić") no list of the page's
        language nor the page knows, the words of its shape the other languages' lists hold:
        a name from another language ("Jal?n" is the Spanish "Jalón" on a French page,
        "Chorz?w" the Polish "Chorzów"), which the page's letter model can only spell with
        its own letters ("Jalén").  A spelling of the letter model that another list holds
        stays the letter model's, with that list's frequency (``abroad``)."""
        found = self.find(lower)
        if not name or lower[-1] == "?" or self.data is None \
                or any(c.how in ("word list", "document") for c in found):
            return found
        kept = sum(c.isalpha() for c in lower)
        if kept < MIN_FOREIGN_KEPT or kept <= slot_count(lower):
            return found
        cached = self._foreign_cache.get(lower)
        if cached is None:
            by_text = {cand.text: cand for cand in found}
            for text, (freq, lang) in self._foreign(lower).items():
                spelled = by_text.get(text)
                if spelled is None:
                    by_text[text] = Candidate(text, 0.0, 0, "foreign list", likelihood=0.0, abroad=freq, lang=lang)
                elif spelled.how == "letter model":
                    by_text[text] = replace(spelled, abroad=freq, lang=lang)
            cached = self._foreign_cache[lower] = list(by_text.values())
        return cached

    def _find(self, lower: str) -> list[Candidate]:
        found: dict[str, Candidate] = {}
        for cand in self._by_shape(lower):
            found[cand.text] = cand
        if self.data is not None:
            for cand in (self._ascii_capital(lower) + self._split_readings(lower) + self._respelled(lower)
                         + self._compound_numeral(lower) + self._apocope(lower)):
                if cand.text not in found or found[cand.text].frequency < cand.frequency:
                    found[cand.text] = cand
        if self.data is not None and self.data.negative_prefix and not any(c.how in ("word list", "document")
                                                                          for c in found.values()):
            for cand in self._negated(lower):
                found.setdefault(cand.text, cand)
        if self.data is not None and self.data.person_suffixes and not any(c.how in ("word list", "document")
                                                                          for c in found.values()):
            for cand in self._person_forms(lower):
                found.setdefault(cand.text, cand)
        if self.data is not None and self.data.lost_final_vowel and not any(c.how in ("word list", "document")
                                                                           for c in found.values()):
            for cand in self._final_vowel_forms(lower):
                found.setdefault(cand.text, cand)
        if self.letters is not None and not any(c.how in ("word list", "document") for c in found.values()):
            # no known word fits (an apostrophe split may, if the word is a name): spell it;
            # a word only earlier documents of the source wrote competes with the spelling
            # a listed verb stem and suffixes that split regularly explain the word better
            # than letters spelled one by one
            verb_forms = self._verb_forms(lower)
            if verb_forms or any(c.how == "stem" for c in found.values()):
                # nor those of a capital "İ" ("İpçşmelere" for "öpüşmelere")
                found = {text: cand for text, cand in found.items() if cand.how != "letter model"}
            for cand in verb_forms or ([] if any(c.how == "stem" for c in found.values()) else self._spelled(lower)):
                found.setdefault(cand.text, cand)
        if self.data is not None and self.data.paradigm_endings:
            for cand in list(found.values()):
                for sibling in self._siblings(lower, cand):
                    spelled = found.get(sibling.text)
                    if spelled is None:
                        found[sibling.text] = sibling
                    elif spelled.how == "letter model" == sibling.how and spelled.spelled_likelihood is None:
                        # the letter model's second spelling is the paradigm's other form:
                        # its letters are as likely as the first's ("rozpraskan?m")
                        found[sibling.text] = replace(
                            spelled, likelihood=max(spelled.likelihood, sibling.likelihood),
                            spelled_likelihood=max(spelled.likelihood, sibling.spelled_likelihood or 0.0))
        return list(found.values())

    def _foreign(self, lower: str) -> dict[str, tuple[float, str]]:
        """The words of ``lower``'s shape that the other supported languages' lists hold
        (its kept letters theirs, its slots letters), each with its highest frequency among
        them and the language of that list."""
        best: dict[str, tuple[float, str]] = {}
        word_shape = shape(lower)
        for lang in supported_languages():
            listed = wordlist(lang) if lang != self.data.lang else None
            if listed is None:
                continue
            # (of the shape, a word has ``lower``'s length and ASCII letters: its other kept
            # letters are compared, and what stands in the slots)
            for word, freq in listed.frequencies_of_shape(word_shape).items():
                if freq > best.get(word, (0.0, ""))[0] \
                        and all(a == b or is_slot(a) and b.isalpha() for a, b in zip(lower, word)):
                    best[word] = (freq, lang)
        return dict(sorted(best.items()))

    def _negated(self, lower: str) -> list[Candidate]:
        """The negative prefix (``negative_prefix``: Czech "ne-") before a listed word, for a
        word no list has whole: "ne?zkostliv?" is "ne" + "úzkostlivé" (any adjective, verb
        or adverb takes it; the lists hold the commoner negated forms only)."""
        prefix = self.data.negative_prefix
        rest = lower[len(prefix):]
        if not lower.startswith(prefix) or len(rest) < MIN_NEGATED_WORD or not has_slot(rest):
            return []
        return [Candidate(prefix + c.text, c.frequency * NEGATED_SHARE, 0, "negation")
                for c in self.find(rest) if c.how == "word list"]

    def _person_forms(self, lower: str) -> list[Candidate]:
        """A listed past form and its person ending (``person_suffixes``), for a word no list
        has whole: "wygrywa?a?" is "wygrywała" + "ś" (the lists hold "byłaś", "zrobiłaś" of
        common verbs only)."""
        out = []
        for ending, suffix in self.data.person_suffixes:
            base, tail = lower[:len(lower) - len(suffix)], lower[len(lower) - len(suffix):]
            if len(base) <= len(ending) or not spells(tail, suffix):
                continue
            bases = self.find(base) if has_slot(base) else self._known(base)
            out += [Candidate(b.text + suffix, b.frequency * PERSON_FORM_SHARE, 0, "person")
                    for b in bases if b.how == "word list" and b.text.endswith(ending)]
        return out

    def _final_vowel_forms(self, lower: str) -> list[Candidate]:
        """A listed word ending in a consonant and the vowel a charset loses at words' ends
        (``lost_final_vowel``: Romanian "-ă", of feminine adjectives and nouns and of verb
        forms), for a word no list has whole: "antisemit?" is "antisemit" + "ă" (the
        Romanian list, of words at Zipf 3 and up, lacks the rarer feminine forms of listed
        adjectives: "biografică", "totalitară")."""
        base = lower[:-1]
        if not is_slot(lower[-1]) or len(base) < 2 or not base[-1].isascii() or not base[-1].isalpha() \
                or base[-1] in "aeiouy":
            return []
        bases = self.find(base) if has_slot(base) else self._known(base)
        return [Candidate(b.text + vowel, min(b.frequency * FINAL_VOWEL_SHARE, FINAL_VOWEL_CEILING), 0, "final vowel")
                for b in bases if b.how == "word list" for vowel in self.data.lost_final_vowel]

    def _siblings(self, lower: str, cand: Candidate) -> list[Candidate]:
        """Forms of ``cand``'s paradigm its lost letters may hold that no list has: the
        word list lacks the rarer forms of rare words ("dřevnatým" but not "v dřevnatém"),
        which context rules (the case a preposition governs) may then choose."""
        out = []
        for group in self.data.paradigm_endings:
            ending = next((e for e in group if cand.text.endswith(e)), None)
            if ending is None:
                continue
            stem = cand.text[:len(cand.text) - len(ending)]
            if any(self.frequency(stem + blocking) for blocking in self.data.paradigm_blocking_endings):
                continue  # "własn-ego": an adjective, of another paradigm
            for other in group:
                if other == ending or len(other) != len(ending):
                    continue
                if all(a == b or is_slot(c) for a, b, c in zip(ending, other, lower[len(stem):])):
                    out.append(self._sibling(cand, stem + other))
        endings = self.data.adjective_paradigm_endings
        ending = cand.text[-1:]
        if endings and ending in endings[:-1] and is_slot(lower[-1]) and cand.how == "letter model":
            # a word no list has, spelled as an adjective: its lost last letter is the
            # ending, which agreement chooses ("zharmonizovan? člověk" → "zharmonizovaný");
            # a word in the last ending may be a soft adjective, one form for all ("dnešní")
            out += [self._sibling(cand, cand.text[:-1] + other) for other in endings if other != ending]
        return out

    @staticmethod
    def _sibling(cand: Candidate, text: str) -> Candidate:
        """``text``, another form of ``cand``'s paradigm, ranked below it."""
        spelled = cand.how == "letter model"
        return Candidate(text, cand.frequency * SIBLING_SHARE, 0, cand.how, cand.ascii_capital,
                         cand.likelihood * SIBLING_SHARE if spelled else cand.likelihood,
                         spelled_likelihood=cand.likelihood)

    def _spelled(self, lower: str) -> list[Candidate]:
        """Best and second-best spelling by the letter model, for words no list knows; the
        lost letters of a beginning that listed words start with are theirs (a stem:
        "m?r?ldand?" finds "mırıl…", "ba?bakanl???yla" "başbakanlığı").  None for a word
        that kept a letter foreign to the language: the model, counted over its own letters,
        reads it as one more of them (German "?á" was spelled "äá")."""
        if self.data is not None and any(not c.isascii() and not is_slot(c) and not self.data.is_native(c)
                                         for c in lower):
            return []
        if self.data is not None and len(lower) > 2 and is_slot(lower[-1]) and lower[-2] in "'’" \
                and lower[:-2] in self.data.elisions:
            return []  # "l'?": a one-letter word after an elided one, which the word list gives or none
        chars = list(lower)
        likelihood = 1.0
        last_distribution: dict[str, float] = {}
        second: tuple[float, int, str] | None = None  # (ratio to best, slot, letter)
        stem = self._stem_letters(lower) or self._compound_tail_letters(lower)
        stem = {**self._linked_tail_letters(lower), **stem}
        if any(is_slot(a) and (is_slot(b) or not b.isascii()) or is_slot(b) and not a.isascii()
               for a, b in zip(lower, lower[1:])):
            spellings = self._jointly_spelled(lower, stem)
            if not spellings:
                return []
            best, likelihood, last_distribution = spellings[0]
            out = [Candidate(text, 0.0, 0, "letter model", likelihood=share) for text, share, _ in spellings]
            return out + self._spelled_verb_endings(lower, best, likelihood, last_distribution)
        for i, char in enumerate(lower):
            if not is_slot(char):
                continue
            distribution = stem.get(i) or self._softened(lower, i) or self._harmonised(
                self.letters.distribution(lower, i), chars[:i], lower[i + 1:])
            distribution = self._open_before_mute_e(distribution, lower, i)
            ranked = sorted(((letter, p) for letter, p in distribution.items()
                             if self._writable(lower[i - 1:i], letter) and self._writable(letter, lower[i + 1:i + 2])),
                            key=lambda kv: -kv[1])
            if not ranked:
                return []
            last_distribution = distribution
            chars[i] = ranked[0][0]
            likelihood *= ranked[0][1]
            if len(ranked) > 1 and (second is None or ranked[1][1] / ranked[0][1] > second[0]):
                second = (ranked[1][1] / ranked[0][1], i, ranked[1][0])
        best = "".join(chars)
        out = [Candidate(best, 0.0, 0, "letter model", likelihood=likelihood)]
        if second is not None:
            ratio, i, letter = second
            out.append(Candidate(best[:i] + letter + best[i + 1:], 0.0, 0, "letter model",
                                 likelihood=likelihood * ratio))
        return out + self._spelled_verb_endings(lower, best, likelihood, last_distribution)

    def _jointly_spelled(self, lower: str, stem: dict[int, dict[str, float]]
                         ) -> list[tuple[str, float, dict[str, float]]]:
        """The two likeliest spellings of ``lower``, a word with a lost letter next to another
        lost or non-ASCII one, with their likelihoods and their last slot's distribution.
        The letter model's contexts see that neighbour only as "?", so each pair of
        neighbouring non-ASCII letters is weighed by how rarely the list writes it
        (:meth:`LetterModel.pair_share`: "criv??" is "crivăț", not "crivăă"), and the slots
        are read together, keeping the likeliest ``SPELLING_BEAM`` beginnings.  The
        likelihoods are rescaled so that the spellings kept sum to what they sum to without
        the pairs' shares, so that a word whose every reading the pairs mark down is judged
        by the letter model's floor as before."""
        # (text so far, likelihood with the pairs' shares, without them, last distribution)
        beam: list[tuple[str, float, float, dict[str, float]]] = [("", 1.0, 1.0, {})]
        for i, char in enumerate(lower):
            if not is_slot(char):
                paired = i and is_slot(lower[i - 1]) and not char.isascii()
                beam = [(text + char, share * (self.letters.pair_share(text[-1], char) if paired else 1.0), plain, last)
                        for text, share, plain, last in beam if self._writable(text[-1:], char)]
                continue
            fixed = stem.get(i) or self._softened(lower, i)
            counted = {} if fixed else self.letters.distribution(lower, i)
            grown = []
            for text, share, plain, _ in beam:
                # harmony weighs the letters by the vowels restored before them
                distribution = fixed or self._harmonised(counted, list(text), lower[i + 1:])
                distribution = self._open_before_mute_e(distribution, lower, i)
                if not distribution:
                    return []
                before = text[-1:]
                grown += [(text + letter, share * p * (self.letters.pair_share(before, letter)
                                                       if before and not before.isascii() else 1.0),
                           plain * p, distribution)
                          for letter, p in distribution.items() if self._writable(before, letter)]
            beam = sorted(grown, key=lambda spelling: -spelling[1])[:SPELLING_BEAM]
        total = sum(share for _, share, _, _ in beam)
        if not total:
            return []
        scale = sum(plain for _, _, plain, _ in beam) / total
        return [(text, share * scale, last) for text, share, _, last in beam[:2]]

    def _spelled_verb_endings(self, lower: str, best: str, likelihood: float,
                              distribution: dict[str, float]) -> list[Candidate]:
        """A word no list has whose last letter is lost may be a verb's infinitive or past
        form (``infinitive_ending``, the last of ``past_endings``: Polish "aby kłamstwem
        tumani? prawdę" is "tumanić"), which context rules choose: its spelling with those
        endings, as likely as the letter model makes them there."""
        if not self.data.infinitive_ending or not self.data.past_endings or not is_slot(lower[-1]):
            return []
        top = distribution.get(best[-1], 0.0)
        # the word's letters are as likely as the best spelling's (the floor weighs those)
        return [Candidate(best[:-1] + ending, 0.0, 0, "letter model", likelihood=likelihood * distribution[ending] / top,
                          spelled_likelihood=likelihood)
                for ending in (self.data.infinitive_ending, self.data.past_endings[-1])
                if ending != best[-1] and distribution.get(ending) and top]

    def _verb_forms(self, lower: str, nouns: bool = True) -> list[Candidate]:
        """A verb form no list has ("??memek" → "içmemek", "u?mu?tu" → "uçmuştu"): a verb
        stem the list knows by one of its forms (``verb_stem_forms``: "içmek", "uçmuş"),
        with the lost letters those forms have, and a chain of suffixes (see
        :meth:`_suffix_count`: "üşü-me-mek", "eriş-eme-yeceğ-i") whose lost letters are
        native consonants or the high vowel harmony gives; or a listed word whose final
        consonant softens before a vowel (``softened_finals``: "soluk" → "soluğ-a",
        "aşık" → "aşığ-ı-yla") and inflectional suffixes.  As frequent as the stem's
        likeliest form × SIBLING_SHARE, × SUFFIX_SHARE per suffix.  Where one is found, the
        letter model spells none (a listed stem and suffixes that split regularly say more
        than letters read one by one)."""
        if self.data is None or not self.data.verb_suffixes or self.words is None \
                or slot_count(lower) > MAX_COMBINED_SLOTS:
            return []
        best: dict[str, float] = {}
        for k in range(MIN_VERB_STEM, len(lower)):
            stem_part, chain = lower[:k], lower[k:]
            if not chain.strip(SLOTS):
                continue  # a suffix the page shows no letter of ("what?" is no "whatı")
            if not is_slot(chain[0]) and chain[0] not in self._suffix_initials:
                continue  # no suffix starts so
            # each stem with its kind: a verb's chain opens with a verbal suffix, a softened
            # final's and a noun's with an inflectional one (a noun's by noun_suffixes' groups)
            stems = [(stem, frequency, "verb")
                     for stem, frequency in self._cached_stems(self._verb_stems, stem_part).items()]
            if stem_part[-1] in SLOTS and len(stem_part) >= MIN_SOFTENED_STEM:  # its lost last letter
                stems += [(stem, frequency, "softened")
                          for stem, frequency in self._cached_stems(self._softened_stems, stem_part).items()]
            if nouns and len(chain) <= self._longest_noun_chain:  # no noun takes more
                stems += [(stem, frequency, "noun")
                          for stem, frequency in self._cached_stems(self._listed_stems, stem_part).items()]
            for stem, frequency, kind in stems:
                softened = stem.endswith("ğ")
                if softened and chain[0] not in self._harmony and not is_slot(chain[0]):
                    continue  # a softened final stands before a vowel only
                # the fillings depend on the stem only through its last vowel, the split
                # through that and its last letter
                vowel = next((c for c in reversed(stem) if c in self._harmony), "")
                fillings = self._chain_fillings.get((vowel, chain))
                if fillings is None:
                    fillings = self._chain_fillings[vowel, chain] = self._harmonic_chains(vowel, chain)
                endings, openings = self._chain_bounds[kind]
                for filled in fillings:
                    if softened and filled[0] not in self._harmony:
                        continue
                    if not filled.endswith(endings.get(filled[-1], ())) \
                            or not filled.startswith(openings.get(filled[0], ())):
                        continue  # no suffix ends it (half the fillings), or opens it (half the rest)
                    key = (stem[-1], vowel, filled, kind)
                    if key not in self._chain_splits:
                        self._chain_splits[key] = self._noun_suffix_count(stem, filled) if kind == "noun" \
                            else self._suffix_count(stem, filled, nominal=kind == "softened")
                    suffixes = self._chain_splits[key]
                    if suffixes is None:
                        continue
                    word = stem + filled
                    share = frequency * SIBLING_SHARE * SUFFIX_SHARE ** suffixes
                    if share > best.get(word, 0.0):
                        best[word] = share
        if len(lower) > MIN_VERB_STEM and not is_slot(lower[-1]):
            # the bare stem is the imperative ("Diz çök, ok?a saçlarını" → "okşa", known by
            # "okşayan"); its last letter kept, so that no real "?" is read as a lost one
            for stem, frequency in self._cached_stems(self._verb_stems, lower).items():
                best[stem] = max(best.get(stem, 0.0), frequency * SIBLING_SHARE)
        return [Candidate(word, frequency, 0, "stem") for word, frequency in best.items()]

    def _cached_stems(self, find: Callable[[str], dict[str, float]], stem_part: str) -> dict[str, float]:
        """``find(stem_part)``, remembered for the word list across documents (it does not
        change; the same beginnings recur)."""
        cache = self._stem_cache
        key = (find.__name__, stem_part)
        stems = cache.get(key)
        if stems is None:
            if len(cache) >= MAX_STEM_CACHE:
                cache.clear()
            stems = cache[key] = find(stem_part)
        return stems

    def _listed_stems(self, stem_part: str) -> dict[str, float]:
        """The listed words ``stem_part`` spells, nouns before their suffixes ("çay-ı-na",
        "saç-lar-ı"), with their frequencies."""
        if not self.data.noun_suffixes or len(stem_part) < MIN_NOUN_STEM:
            return {}
        return dict(self._listed_fits(stem_part))

    def _noun_suffix_count(self, stem: str, chain: str) -> int | None:
        """How many suffixes ``chain`` splits into as a noun's: at most one of each of
        ``noun_suffixes``' groups, in their order (plural, possessive, case), every vowel
        harmonising with the one before it (``high_vowel_harmony`` for the high ones), no
        two vowels side by side, a "d"/"t" voiced as the letter before; None if none.  Asked
        only of a chain a noun suffix opens and one ends (``chain_bounds``)."""
        word = stem + chain
        last = next((c for c in reversed(stem) if c in self._high), None)
        if last is None:
            return None
        for i, char in enumerate(chain):
            if char not in self._high:
                continue
            before = word[len(stem) + i - 1]
            if before in self._high or (last, char) not in self._same_class \
                    or (char in self._high.values() and char != self._high[last]):
                return None
            last = char
        states = {0: 0}
        for group, lengths in self._noun_groups:
            grown = dict(states)
            for start, count in states.items():
                before = word[len(stem) + start - 1]
                for length in lengths:  # shortest first
                    end = start + length
                    if end > len(chain):
                        break
                    suffix = chain[start:end]
                    if suffix not in group \
                            or (suffix[0] == "d" and before in self.data.voiceless_consonants) \
                            or (suffix[0] == "t" and before not in self.data.voiceless_consonants):
                        continue
                    if end not in grown or grown[end] > count + 1:
                        grown[end] = count + 1
            states = grown
        return states.get(len(chain)) or None

    def _softened_stems(self, stem_part: str) -> dict[str, float]:
        """The listed words ``stem_part`` (``MIN_SOFTENED_STEM`` letters or more, its last
        one lost) spells with its lost last letter a softened final consonant ("solu?" →
        "soluğ" of "soluk"), with their frequencies."""
        stems: dict[str, float] = {}
        for plain, soft in self.data.softened_finals:
            for restored, frequency in self._listed_fits(stem_part[:-1] + plain):
                stems[restored[:-1] + soft] = max(stems.get(restored[:-1] + soft, 0.0), frequency)
        return stems

    def verb_form_frequency(self, word: str) -> float:
        """The frequency of an intact word as a verb form (see :meth:`_verb_forms`:
        "uçmuştu", "saptık", "karıştı"; not the noun "karşıt-ı"); 0 if it is none.
        Remembered: every candidate of a sentence's last word asks."""
        frequency = self._verb_form_frequencies.get(word)
        if frequency is None:
            frequency = self._verb_form_frequencies[word] = max(
                (c.frequency for c in self._verb_forms(word, nouns=False) if c.text == word), default=0.0)
        return frequency

    def _verb_stems(self, stem_part: str) -> dict[str, float]:
        """The verb stems ``stem_part`` spells, with their likeliest listed form's frequency.
        A form whose suffix opens with a buffer consonant ("okuyan", "üşüyor") may split a
        stem that ends in it: "koyan" is "koy-an", not "ko-yan", as "koymak" shows."""
        stems: dict[str, float] = {}
        if not self.words.words_starting(shape(stem_part), 1):
            return stems  # no listed word begins so: one lookup, not one per form (a third of them)
        buffers = self.data.suffix_buffers
        plain_forms = [f for f in self.data.verb_stem_forms if f[0] not in buffers]
        for form in self.data.verb_stem_forms:
            for restored, frequency in self._listed_fits(stem_part + form):
                stem = restored[:len(stem_part)]
                if form[0] in buffers and any(self.frequency(stem + form[0] + plain) for plain in plain_forms):
                    continue
                stems[stem] = max(stems.get(stem, 0.0), frequency)
        return stems

    def _listed_fits(self, damaged: str) -> Iterator[tuple[str, float]]:
        """The listed words ``damaged`` may be (itself if intact and listed), restored with
        their frequencies; none read across an apostrophe."""
        words = self.words.words_of_shape(shape(damaged)) if has_slot(damaged) \
            else [damaged] if self.frequency(damaged) else []
        for word in words:
            restored = self._restored_by(damaged, word)
            if restored is not None and APOSTROPHE not in restored:
                yield restored, self.frequency(word)

    def _harmonic_chains(self, stem_vowel: str, chain: str) -> list[str]:
        """``chain`` after a stem whose last vowel is ``stem_vowel`` ("" if none) with its
        lost letters filled (see :meth:`_verb_forms`): each a native consonant or the high
        vowel harmony gives after the last vowel."""
        fills = [""]
        for char in chain:
            if not is_slot(char):
                fills = [f + char for f in fills]
                continue
            grown = []
            for f in fills:
                last = next((c for c in reversed(f) if c in self._harmony), stem_vowel or None)
                options = self._chain_consonants + (self._harmony[last] if last is not None else "")
                grown += [f + letter for letter in options if letter]
            fills = grown
        return fills

    def _suffix_count(self, stem: str, chain: str, nominal: bool) -> int | None:
        """The fewest suffixes ``chain`` splits into, the first one verbal (``verb_suffixes``)
        after a verb stem, inflectional (``inflection_suffixes``, and so all of them) after
        a ``nominal`` one, whose first vowel is of the class of ``stem``'s last vowel
        (the progressive's "yor" keeps its own), the others verbal or inflectional
        (``inflection_suffixes``; a softened "ğ" only before an inflectional one's vowel:
        "-diği"), each
        "d" or "t" that opens one voiced as the letter before it (``voiceless_consonants``:
        "açtı", not "açdı"), no two vowels side by side (buffer consonants keep them apart);
        None if it does not split so.  Asked only of a chain a suffix ends and one of the
        first's kind opens (``chain_bounds``)."""
        stem_vowel = next((c for c in reversed(stem) if c in self._harmony), None)
        word = stem + chain
        # _vowel_pair is None only without vowel harmony, and then stem_vowel is None
        if stem_vowel is None or self._vowel_pair.search(word, len(stem) - 1):  # type: ignore[union-attr]
            return None
        first = next((c for c in chain if c in self._harmony), None)
        if first is not None and not chain.startswith("yor") and (stem_vowel, first) not in self._same_class:
            return None
        fewest: list[int | None] = [None] * len(chain) + [0]
        for start in range(len(chain) - 1, -1, -1):
            before = word[len(stem) + start - 1]
            options = (self._inflection_set if nominal else self._verb_set) if start == 0 \
                else self._inflection_set if before == "ğ" or nominal else self._all_suffixes
            for length in self._suffix_lengths:  # shortest first
                end = start + length
                if end > len(chain):
                    break
                if fewest[end] is None:
                    continue  # no split of the rest
                suffix = chain[start:end]
                if suffix not in options \
                        or (suffix.endswith("ğ") and chain[end:end + 1] not in self._harmony) \
                        or (suffix[0] == "d" and before in self.data.voiceless_consonants) \
                        or (suffix[0] == "t" and before not in self.data.voiceless_consonants):
                    continue
                # fewest[end] is not None (checked above), nor fewest[start] after "or": a
                # subscript by a variable is not narrowed
                if fewest[start] is None or fewest[end] + 1 < fewest[start]:  # type: ignore[operator]
                    fewest[start] = fewest[end] + 1  # type: ignore[operator]
        return fewest[0]

    def _softened(self, lower: str, i: int) -> dict[str, float]:
        """The slot at ``i`` as the softened final consonant of a listed word before a
        suffix's vowel (Turkish "kızak" + "a" → "kızağa", "porsuk" → "porsu?unu")."""
        if i < MIN_SOFTENED_STEM or i + 1 >= len(lower) or lower[i - 1] not in self._harmony \
                or lower[i + 1] not in self._harmony or has_slot(lower[:i]):
            return {}  # a short word ("erik") ends too many beginnings ("eri?emeyece?i")
        for plain, soft in self.data.softened_finals:
            if self.frequency(lower[:i] + plain):
                return {soft: 1.0}
        return {}

    def _stem_letters(self, lower: str) -> dict[int, dict[str, float]]:
        """For each slot in the longest beginning of ``lower`` (at least ``MIN_STEM``
        characters) that listed words start with, the letters those words have there,
        weighted by frequency."""
        if self.words is None or self._alphabet is None:
            return {}
        for end in range(len(lower) - 1, MIN_STEM - 1, -1):
            prefix = lower[:end]
            slots = [i for i, c in enumerate(prefix) if c in SLOTS]
            if not slots:
                return {}
            # "ger?" starts "gerä…" as well as "gerç…": without letters after the slot to
            # decide, only a whole word counts, in a language that builds words by
            # suffixing ("b??a??yla" is "bıçağı" + "yla"; Romanian "egal?nd" is no "egală")
            whole_word_only = end - slots[-1] - 1 < MIN_STEM_TAIL and not self._lost_vowel_closed(prefix, slots[-1]) \
                and not (end - slots[-1] == 2 and end >= MIN_LONG_STEM)
            if whole_word_only and (not self.data.suffixing or end < MIN_STEM_WORD):
                continue  # decided before the listed words are read
            words = [(word, freq) for word, freq in self.words.words_starting(shape(prefix), MAX_STEM_WORDS)
                     if all(c == word[i] if c not in SLOTS else word[i] in self._alphabet or word[i] == "'"
                            for i, c in enumerate(prefix))]
            if whole_word_only:
                words = [(word, freq) for word, freq in words if len(word) == end]
            if not words:
                continue
            total = sum(freq for _, freq in words)
            stem: dict[int, dict[str, float]] = {}
            for i in slots:
                letters: dict[str, float] = {}
                for word, freq in words:
                    letter = APOSTROPHE if word[i] == "'" else word[i]
                    letters[letter] = letters.get(letter, 0.0) + freq / total
                stem[i] = letters
            return stem
        return {}

    def _compound_tail_letters(self, lower: str) -> dict[int, dict[str, float]]:
        """For each slot of ``lower``, a word no list knows, the letters of the longest
        ending of it (``MIN_COMPOUND_TAIL`` characters or more, after an intact first part
        of ``MIN_COMPOUND_HEAD`` or more) that the list has whole, weighted by frequency: a
        compound or a prefixed word keeps its last word's spelling ("peroxodisulf?rico" is
        "peroxodi" + "sulfúrico"; the letter model read "sulférico").  Not where listed words
        begin with its whole intact beginning: that is a stem of its own, not two parts
        ("confrunta?i" is no "con" + "fruntași")."""
        if self.words is None:
            return {}
        first_slot = next((i for i, c in enumerate(lower) if is_slot(c)), len(lower))
        if self.words.words_starting(shape(lower[:first_slot]), 1):
            return {}  # listed words begin as it does past any split: one word's stem ("confrunta?i")
        for start in range(MIN_COMPOUND_HEAD, min(first_slot, len(lower) - MIN_COMPOUND_TAIL) + 1):
            letters = self._listed_tail_letters(lower[start:], start)
            if letters:
                return letters
        return {}

    def _linked_tail_letters(self, lower: str) -> dict[int, dict[str, float]]:
        """For each slot of ``lower``'s last part after a noun's linking "s" (``noun_links``:
        "-täts", "-ungs"), a word the list has whole, the letters of the listed words of
        its shape, weighted by frequency: the compound's last word keeps its spelling, where
        the first part lost letters too ("Qualit?tsb?den" is "Qualitäts" + "böden"; the
        letter model read "bäden").  A beginning that listed words start with (its stem)
        still rules its own slots."""
        if self.words is None or self.data is None:
            return {}
        for link in self.data.noun_links:
            for start in range(MIN_COMPOUND_HEAD, len(lower) - len(link) - MIN_LINKED_TAIL + 1):
                if not spells(lower[start:start + len(link)], link):
                    continue
                letters = self._listed_tail_letters(lower[start + len(link):], start + len(link))
                if letters:
                    return letters
        return {}

    def _listed_tail_letters(self, tail: str, at: int) -> dict[int, dict[str, float]]:
        """The letters the listed words of ``tail``'s shape that fit it put in its slots,
        weighted by frequency, by the slot's offset in the whole word (``tail`` starts at
        ``at``); empty when no listed word fits or ``tail`` has no slot."""
        words = [(word, self.words.frequency(word)) for word in self.words.words_of_shape(shape(tail))
                 if spells(tail, word)]
        total = sum(freq for _, freq in words)
        letters: dict[int, dict[str, float]] = {}
        if not total:
            return letters
        for i, char in enumerate(tail):
            if is_slot(char):
                slot = letters.setdefault(at + i, {})
                for word, freq in words:
                    slot[word[i]] = slot.get(word[i], 0.0) + freq / total
        return letters

    def _lost_vowel_closed(self, prefix: str, slot: int) -> bool:
        """In a language that builds words by suffixing, does one consonant close
        ``prefix`` after its last slot, a lost vowel between consonants ("?rk?t" of
        "?rk?t?yor")?  That vowel is the stem's own, which the words that begin so show
        ("ürkütücü"); a lost consonant before a vowel is not ("se?i" begins "seçim" and
        "seğirtmek" alike)."""
        return bool(self.data.suffixing) and slot == len(prefix) - 2 and prefix[-1] not in self._harmony \
            and prefix[slot - 1:slot] not in self._harmony

    def _by_shape(self, lower: str) -> list[Candidate]:
        word_shape = shape(lower)
        pool = set(self.vocabulary.words_of_shape(word_shape))
        # the frequencies of every word of the shape, in one lookup (each word's a lookup of its shape)
        listed = self.words.frequencies_of_shape(word_shape) if self.words is not None else {}
        pool.update(listed)
        if self.source_words is not None:
            pool.update(self.source_words.words_of_shape(word_shape))
        out = []
        # sorted: readings that tie keep one order whatever the hash seed (the same output on every run)
        for word in sorted(pool):
            restored = self._restored_by(lower, word)
            if restored is not None:
                out.append(self._candidate(restored, word, listed.get(word.replace(APOSTROPHE, "'"), 0.0)))
        return out

    def _candidate(self, restored: str, word: str, freq: float | None = None) -> Candidate:
        """``word`` (a known word, as the lists spell it) restoring a damaged one as
        ``restored``; ``freq`` its frequency, where the caller knows it."""
        if freq is None:
            freq = self.frequency(word)
        count = self.vocabulary.count(word)
        in_source = self.source_words.count(word) if self.source_words is not None else 0
        how = "document" if count else "source" if in_source and not freq else "word list"
        return Candidate(restored, freq, count, how, in_source=in_source)

    def _restored_by(self, lower: str, word: str) -> str | None:
        """``word`` spelled as it restores ``lower``, or None if it does not fit."""
        chars = []
        for have, cand in zip(lower, word):
            if have in SLOTS:  # a character: as is_slot, without a call for each
                if cand == "'":
                    cand = APOSTROPHE
                elif self._alphabet is not None and cand not in self._alphabet:
                    return None
                chars.append(cand)
            elif have == cand or self._to_list_form.get(have) == cand or (have == APOSTROPHE and cand == "'"):
                chars.append(have)
            else:
                return None
        restored = "".join(chars)
        if APOSTROPHE not in restored:
            return restored
        for i, (have, got) in enumerate(zip(lower, restored)):
            if is_slot(have) and got == APOSTROPHE and not self._apostrophe_fits(restored, i):
                return None
        return restored

    def _apostrophe_fits(self, word: str, i: int) -> bool:
        if self.data is None or i == 0 or i == len(word) - 1:
            return False
        left = _APOSTROPHES.split(word[:i])[-1]
        right = _APOSTROPHES.split(word[i + 1:])[0]
        return self.data.apostrophe_fits(left, right)

    def _ascii_capital(self, lower: str) -> list[Candidate]:
        if not is_slot(lower[0]) or not self.data.ascii_capitals:
            return []
        out = []
        for capital in self.data.ascii_capitals:
            rest = capital.lower() + lower[1:]
            # "İ".lower() is "i" plus a combining dot; the word list spells it "i"
            rest = rest.replace("i\u0307", "i")
            subs = self.find(rest) if has_slot(rest) else self._known(rest)
            out += [Candidate(c.text, c.frequency, c.in_document, c.how, capital, in_source=c.in_source)
                    for c in subs]
        return out

    def _respelled(self, lower: str) -> list[Candidate]:
        """Slots read as a letter the word list spells otherwise ("gro?e" → "grosse" → "große")."""
        if slot_count(lower) > MAX_COMBINED_SLOTS:
            return []
        out = []
        for listed, page in self._list_spellings:
            for i, char in enumerate(lower):
                if not is_slot(char):
                    continue
                variant = lower[:i] + listed + lower[i + 1:]
                subs = self.find(variant) if has_slot(variant) else self._known(variant)
                out += [Candidate(c.text[:i] + page + c.text[i + len(listed):], c.frequency, c.in_document,
                                  c.how, c.ascii_capital, in_source=c.in_source) for c in subs
                        if c.text[i:i + len(listed)] == listed and c.how != "letter model"]
        return out

    def _compound_numeral(self, lower: str) -> list[Candidate]:
        """A number written as one word of number words ("ikiy?zk?rkyedi" = "iki" + "yüz" +
        "kırk" + "yedi"), each part with its own lost letters: vowel harmony does not cross
        the parts, and no list holds every compound. Counted as listed, as rare as its rarest part."""
        numerals = self._numerals_by_start
        if not numerals:
            return []
        # parts[i]: a spelling of lower[:i] as number words, with the rarest part's frequency
        parts: list[tuple[str, float, int] | None] = [("", 1.0, 0)] + [None] * len(lower)
        longest = self._longest_numeral
        spelled = [0]  # where the spellings found end, in order
        for end in range(1, len(lower) + 1):
            if end - spelled[-1] > longest:
                return []  # no number word spans the gap from the last spelling found: no number
            # the first number word listed that ends here after a spelling: only those of
            # the length from a spelling's end, that may start with its character, are tried
            first: tuple[int, str, int] | None = None  # (place in the list, number word, start)
            for start in spelled:
                if end - start > longest:
                    continue
                for place, numeral in numerals.get((end - start, "?" if is_slot(lower[start]) else lower[start]), ()):
                    if first is not None and place > first[0]:
                        break
                    if spells(lower[start:end], numeral):
                        first = (place, numeral, start)
                        break
            if first is not None:
                _, numeral, start = first
                text, freq, count = parts[start]  # type: ignore[misc]  # start is in spelled: a spelling ends there
                parts[end] = (text + numeral, min(freq, self.frequency(numeral)), count + 1)
                spelled.append(end)
        if parts[-1] is None or parts[-1][2] < 2 or not parts[-1][1]:
            return []
        return [Candidate(parts[-1][0], parts[-1][1], 0, "word list")]

    def known_words(self, lower: str) -> list[Candidate]:
        """The known words (a list's, the page's, the source's; also after an elided word:
        "l?enseignement") that ``lower`` may be, its slots their letters; no spelling of
        the letter model."""
        if not has_slot(lower):
            return self._known(lower)
        elided = self._split_readings(lower) if self.data is not None else []
        return [c for c in self._by_shape(lower) + self._respelled(lower) if c.how in KNOWN] \
            + [c for c in elided if c.known]

    def _known(self, word: str) -> list[Candidate]:
        candidate = self._candidate(word, word.replace(APOSTROPHE, "'"))
        return [candidate] if candidate.attested else []

    def _apocope(self, lower: str) -> list[Candidate]:
        """A final slot as the apostrophe of a word written so (``apocopes``: "po?" is
        "po’"), as frequent as the word list's apostrophe-less spelling of it."""
        base = lower[:-1]
        if not is_slot(lower[-1]) or base not in self.data.apocopes:
            return []
        return [self._candidate(base + APOSTROPHE, base)]

    def _split_readings(self, lower: str) -> list[Candidate]:
        if slot_count(lower) + lower.count("'") + lower.count("’") > MAX_COMBINED_SLOTS:
            return []
        out: list[Candidate] = []
        for i in range(1, len(lower) - 1):
            if lower[i] not in _JOINTS:
                continue
            joint = APOSTROPHE if is_slot(lower[i]) else lower[i]
            left, right = lower[:i], lower[i + 1:]
            if left in self.data.elisions:
                subs = self.find(right) if has_slot(right) else (
                    self._known(right) or [Candidate(right, 0.0, 0, "elision")])
                out += [Candidate(left + joint + c.text, c.frequency, c.in_document, "elision",
                                  in_source=c.in_source)
                        for c in subs if c.text[0] in self.data.elides_before
                        and (len(c.text) > 1 or c.text in self.data.one_letter_after(left))]
            if self.data.suffix_apostrophe and i >= 2:
                suffixes = self._suffixes_fitting(right)
                if suffixes:
                    bases = self.find(left) if has_slot(left) else (
                        self._known(left) or [Candidate(left, 0.0, 0, "suffix")])
                    # a base no list knows brings its letters' likelihood: the letter model's
                    # runner-up "akgündız" (against harmony) must not tie with "akgündüz"; a
                    # name takes one suffix after an apostrophe ("Da?lar?'na" is no "Da’ları'na")
                    out += [Candidate(b.text + joint + s, b.frequency, b.in_document, "suffix", b.ascii_capital,
                                      b.likelihood * self._letters_likelihood(right, s)
                                      * self._suffix_harmony(b.text, right, s),
                                      b.in_source)
                            for b in bases for s in suffixes
                            if not any(is_slot(have) and got == APOSTROPHE for have, got in zip(left, b.text))]
        return out

    def _harmonised(self, distribution: dict[str, float], before: list[str], after: str) -> dict[str, float]:
        """``distribution`` with the vowels that break vowel harmony with the last vowel
        before the slot (or, in the first syllable, the first one after it) made unlikely
        (× DISHARMONY), renormalised."""
        if not self._harmony or not distribution:
            return distribution
        last = next((c for c in reversed(before) if c in self._harmony), None)
        if last is None:
            last = next((c for c in after if c in self._harmony), None)
        if last is None:
            return distribution
        allowed = self._harmony[last]
        weighted = {c: p * (DISHARMONY if c in self._harmonic_vowels and c not in allowed else 1.0)
                    for c, p in distribution.items()}
        vowels = [p for c, p in distribution.items() if c in self._harmonic_vowels]
        if vowels and not any(c in distribution for c in allowed):
            # a context seen too rarely to hold the harmonic vowel ("m?r" has only "ü", "ö"
            # behind it in the list): it takes the place of the vowel proposed against harmony
            weighted.update((c, max(vowels)) for c in allowed)
        total = sum(weighted.values())
        return {c: p / total for c, p in weighted.items()}

    def _writable(self, first: str, second: str) -> bool:
        """May the language write ``second`` right after ``first`` (``letter_never_before``:
        French "ç" only before "a", "o", "u")?  True when either is empty."""
        return not (self.data and first and second and second in self.data.letter_never_before.get(first, ()))

    def _open_before_mute_e(self, distribution: dict[str, float], lower: str, i: int) -> dict[str, float]:
        """``distribution`` with the closed vowel's share given to the open one where the slot
        stands before consonants and a final mute "e" (``mute_e_open_vowel``: French writes
        "è" there, "dacorène", "Gièze", never "é"; the model, counting letter contexts over
        all positions, often proposes "é")."""
        if not self.data or not self.data.mute_e_open_vowel or self.data.mute_e_ending is None:
            return distribution
        closed, open_vowel = self.data.mute_e_open_vowel
        if closed not in distribution or not self.data.mute_e_ending.fullmatch(lower, i + 1):
            return distribution
        moved = dict(distribution)
        moved[open_vowel] = moved.get(open_vowel, 0.0) + moved.pop(closed)
        return moved

    def _suffix_harmony(self, base: str, lower: str, suffix: str) -> float:
        """× SUFFIX_DISHARMONY for each lost vowel of a case suffix that breaks vowel harmony with
        the base's last vowel ("Bakan’ın", not "Bakan’ün"; "Enstitüsü’nün", not "’nın")."""
        last = next((c for c in reversed(base) if c in self._harmony), None)
        if last is None:
            return 1.0
        allowed = self._harmony[last]
        factor = 1.0
        for have, got in zip(lower, suffix):
            if is_slot(have) and got in self._harmonic_vowels and got not in allowed:
                factor *= SUFFIX_DISHARMONY
        return factor

    def _letters_likelihood(self, lower: str, filled: str) -> float:
        """How likely the letter model finds the letters ``filled`` puts in ``lower``'s slots
        (1 without a model): it tells "Ankara’dır" from "Ankara’dür" by vowel harmony."""
        if self.letters is None:
            return 1.0
        likelihood = 1.0
        for i, (have, got) in enumerate(zip(lower, filled)):
            if is_slot(have):
                likelihood *= self.letters.distribution(lower, i).get(got, 0.01)
        return likelihood

    def _suffixes_fitting(self, right: str) -> list[str]:
        return [s for s in self._suffixes_by_length.get(len(right), ()) if spells(right, s)]
