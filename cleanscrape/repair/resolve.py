"""Choosing what a damaged run of a line was.

Every reading of a run gets a plausibility score in log10 units, built from independent
pieces of evidence multiplied together (added, in logs):

* the word's frequency in the language's word list (wordfreq);
* intact occurrences of the word in the same document (strongest: ×100, and more per
  occurrence); else in earlier documents of the same source (×10, and more per document;
  see :mod:`.source_memory`);
* the charset evidence: a character the page's charset evidently kept was not lost
  (×1/100 when the loss is shown to be the charset's, see :mod:`.charset`); a letter
  foreign to the language is less likely than its own (×0.3); a lost ’ is unlikely on a
  page that writes its apostrophes "'" (×0.03);
* the position, for the readings in which a "?" is punctuation: a real question mark
  ends a sentence ("Vraiment?" at the end of a line, before a capital) and is not
  followed by ".", "," or a lower-case word; a lost quotation mark comes in pairs.

The best reading wins when it changes something and has real support; otherwise the run
is left as it is.  The runner-up and the winner's share of the total plausibility are
reported with the repair.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from ..lang import stopwords
from .candidates import APOSTROPHE, KNOWN, LISTED, Candidate, CandidateFinder
from .clauses import (NEXT_WORD, OPENERS, WORD_WITH_SLOTS, clause_before, last_word, preceding_word, run_length_before,
                      sentence_around)
from .charset import CharsetEvidence
from .damage import SLOT_PATTERN, SLOTS, DamagedRun, has_slot, is_slot, spells
from .grammar import MIN_ADVERB, MIN_CASE_STEM, VOWELS, Grammar, capitalised
from .language import LanguageData, Symbol, symbols
from .memo import per_document
from .wordlist import shape

__all__ = ["Reading", "Resolution", "Resolver", "LISTED", "SOFT_HYPHEN_HOW"]

#: log10 factors; each is named for the evidence it weighs
DOC_WORD_BONUS = 2.0
DOC_WORD_PER_LOG_COUNT = 0.5
DOC_ONLY_FREQUENCY = 1e-7
#: a word earlier documents of the same source wrote intact: ×10, and √ per document.  A
#: tier below the document's own words: a memory spans at most a batch of the stream
#: (BATCH_RECORDS documents), so √15 × 10 ≈ 39 < 100, one intact occurrence in the page.
#: Above the word list: a name or rare word the site writes (×10 lifts a source-only word,
#: 1e-7, past the letter model's guesses, ≤ 1e-8) or a word the site spells one way
#: ("António") over a listed one ten times as frequent, not more.
SOURCE_WORD_BONUS = 1.0
SOURCE_WORD_PER_LOG_COUNT = 0.5
UNKNOWN_FREQUENCY = 1e-8
CHARSET_KEPT_PENALTY = -2.0
#: where the loss is not the charset's, a letter the page writes intact elsewhere is its
#: spelling (European "António" against Brazilian "Antônio"): × (1 + count), relative to the
#: word's best-spelled candidate
DOC_LETTER_WEIGHT = 1.0
LOAN_LETTER_PENALTY = -0.5
#: a letter of the regional spelling the page's intact words show (``regional_markers``)
REGIONAL_LETTER = 2.0
ASCII_APOSTROPHE_PAGE_PENALTY = -1.5
#: an infinitive ending for a lost last letter, after a word that governs one or not
INFINITIVE_GOVERNED = 1.0
INFINITIVE_UNGOVERNED = -1.0
#: ... and less still right after a name, its likely subject ("Stefan ugrał", not "ugrać")
INFINITIVE_AFTER_NAME = -1.0
#: a lost last letter that makes the word agree with its noun
AGREEMENT = 1.0
#: a first-person singular verb form on a page that writes no first-person word: a story
#: told in the third person, whose subject-less verbs are the third person's
FIRST_PERSON_ON_THIRD_PERSON_PAGE = -0.5
#: a first-person singular form right after a third-person reflexive clitic ("se sent?" is
#: "sentó": the clitic agrees with the verb's subject, which a first person's "me" would be)
FIRST_PERSON_AFTER_THIRD_PERSON_REFLEXIVE = -1.0
#: a lost last letter that makes a present-tense verb right after a reflexive pronoun
#: ("se stará", not the adjective "staré")
VERB_AFTER_REFLEXIVE = 1.0
#: a lost last letter that makes the case a preposition governs ("przed kolacją" is the
#: only grammatical reading, however rarer than "kolację")
CASE_GOVERNED = 2.0
#: ... and one that makes an ending no noun of that case has ("v malém domů")
CASE_EXCLUDED = -2.0
#: a present-tense verb right after a relative pronoun that is its object ("kterého poctí"):
#: the clause's verb, as sure as agreement
VERB_AFTER_OBJECT_RELATIVE = 1.0
#: an adverb between an oblique demonstrative after a preposition and its noun ("v téhle
#: denně době"): the phrase holds adjectives only, as sure as a case a preposition excludes
ADVERB_IN_DETERMINED_PHRASE = -2.0
#: an adverb ending a clause of a copula and its subject ("kdyby byla jeho přítomnost
#: nepřetržitě,"): a subject's predicate is an adjective, as sure as a case a preposition excludes
ADVERB_AFTER_SUBJECT = -2.0
#: an adjective right before an intact adjective of another ending ("stejné uspěchaný"):
#: stacked adjectives share their ending, so it is none of the stack (the adverb is)
UNSTACKED_ADJECTIVE = -2.0
#: a past participle right after a preposition ("na stál" for "na stůl")
VERB_AFTER_PREPOSITION = -1.0
#: an abbreviation written with no point after it ("?w sztandar" is "ów", not "św.")
ABBREVIATION_WITHOUT_POINT = -2.0
#: a word inside a name (capitalised words around it) is a capital when rarer than this
#: (common words follow names too: "Ankara Üniversitesi üyesi")
NAME_MAX_FREQUENCY = 1e-4
#: an adverb in "-ě" right before a verb: an adjective there would need a noun after it, and
#: a noun there is no subject of the verb in a form it agrees with ("zamyšleně přikývl")
ADVERB_BEFORE_VERB = 2.0
#: an adverb in "-ě" right before an adjective weighs as much as the adjective form that
#: agrees with it: the next adjective's ending is evidence for both ("krásně kulaté")
ADVERB_BEFORE_ADJECTIVE = AGREEMENT
#: a manner adverb ending its clause, its verb of saying or manner this many words before it
#: at most ("zvolal poutník nadšeně"), rather than an adjective
ADVERB_AFTER_VERB = 1.0
#: the Turkish question particle written apart with a vowel against the harmony of the
#: word before it ("Gördün mı"; "mı" is 11× as frequent as "mü" in the word list): as a
#: vowel against harmony inside a word (the exceptions, words of back vowels that take
#: front suffixes, "saat mi", take an ASCII "i", which no charset loses)
PARTICLE_DISHARMONY = -2.0
#: a case suffix after an apostrophe whose first vowel, kept or lost, is of the other vowel
#: class than its name's last one ("Ay?e" is no "Ay’e", which is "Ay’a": "Ayşe"; "Taylor’ın",
#: spoken so, but no "Taylor’ün"); a name spoken otherwise than written takes its suffix as
#: spoken ("Kemal’e"), so it lowers, never rules out
SUFFIX_AGAINST_VOWEL_CLASS = -2.0
#: a word ending like an infinitive whose "-s" form is at least this share of its frequency
#: is a noun ("centre": "centres" 0.14, "plaisir" 0.05; "faire" 0.0002, "dire" 0.005)
NOUN_PLURAL_SHARE = 0.02
#: a word next to a neighbour it goes with (``contexts`` in languages.toml: "bylo jí")
CONTEXT = 1.0
#: a verb reading (``sole_verbs``: Czech "má") in a clause where no other word can be a verb,
#: against the object clitic ("mě") whose clause needs one: "že má od domu klíče"
SOLE_VERB = 1.0
#: a clitic (``third_person_clitics``: Czech "jí") before a third person's present form in its
#: clause and none of another person, against the subject "já" ("ten jí zas nemůže")
THIRD_PERSON_CLITIC = 1.0
#: a present form of the first or second person right after a subject of the third person
#: only ("Kdo víš"): no reading, as sure as a case a preposition excludes
OTHER_PERSON_AFTER_SUBJECT = -2.0
#: a clitic pronoun between its subject and a verb (Romanian "îi" against "și", 35× commoner)
CLITIC_BEFORE_VERB = 2.0
#: a subjunctive form in a clause whose governor requires the mood (as a case after its
#: preposition: the indicative is 13-16× commoner in the word list)
SUBJUNCTIVE_GOVERNED = 2.0
#: a one-letter word holding an article before a noun of its gender ("à entrada")
ONE_LETTER_AGREEMENT = 1.0
#: ... and less likely after a name: the preposition it holds is governed by a verb, noun or
#: adjective before it; a name before a lone slot is more often the subject of "é"
ONE_LETTER_ARTICLE_AFTER_NAME = -1.0
#: ... and likelier after an infinitive a preposition governs ("para trazer à flor"), which is
#: no subject "é" could follow (dev gold, Portuguese: "à" 3, "é" 0)
ONE_LETTER_ARTICLE_AFTER_INFINITIVE = 1.0
#: a verb form ending its sentence, in a language whose verb comes last (Turkish "kalabalık
#: karıştı.", not the noun "karşıtı")
VERB_ENDS_SENTENCE = 0.5
#: a real "?" in a line that shows damage elsewhere, before the position is weighed
QUESTION_IN_DAMAGED_LINE = 0.0
QUESTION_IN_INTACT_LINE = 1.0
#: the "?" is where a sentence ends: before a capital, a digit, "!" or the end of the line
#: (a word that lost its last letter at the end of a sentence is followed by ".")
QUESTION_ENDS_SENTENCE = 0.5
QUESTION_BEFORE_LOWERCASE = -3.0
#: ... and more so in a language that lists its verbs of saying after a quoted question
#: (Turkish: in the dev gold, a lower-case word after a real "?" is "diye" or "dedi" 11 times
#: of 13, the other two an English "what" and a number word)
QUESTION_BEFORE_OTHER_THAN_SAYING = -2.0
#: "?," "?." after a word: rare in real text ("Kim o?."), the usual sign of a lost letter
QUESTION_BEFORE_PUNCTUATION = -3.0
QUESTION_BEFORE_CLOSING = -0.5
#: the next word lost its first letter: mid-sentence words (lower-case) outnumber sentence
#: openers by far, and a non-ASCII capital opening a sentence is rarer still
#: ("lung? ?i joas?" is "lungă și joasă")
QUESTION_BEFORE_SLOT = -1.0
#: a lost quotation mark needs its partner: an unpaired one is never read
QUOTE_PAIRED = -1.0
#: a glued slot before a comma, after a word it is no letter of, with no opening slot
#: before it: a quotation opened in an earlier sentence closes there, as no real "?"
#: stands before a comma (QUESTION_BEFORE_PUNCTUATION)
QUOTE_UNPAIRED_BEFORE_COMMA = -1.5
#: a slot where the quotation opened before it in the line can close
QUOTE_CLOSES_OPEN = 0.5
#: glued quotation marks ("?bola branca?" → "«bola branca»"): an opening slot and the
#: closing slot after it are read as a pair when the words inside are likelier without the
#: slots than with them as letters, by this much (log10) at each end ...
QUOTE_PAIR_MARGIN = 0.3
#: ... and then the pair's reading is the one taken
QUOTE_PAIR_TAKEN = 3.0
#: a glued slot between a word and the comma before a verb of stating ("grito?, disse")
#: closes a quotation: statements, unlike questions, are what such verbs report
QUOTE_BEFORE_ATTRIBUTION = 3.0
#: a lone slot after a colon, before a capital: a quotation opens there far more often than
#: a sentence with "À" (spaced quotation marks: "elle écrit : « J'ai …")
QUOTE_AFTER_COLON = 0.0
#: a lone (spaced) opening quotation mark is taken too when a lone slot that can only close
#: one (before punctuation) follows within this many words
SURE_PAIR_WORDS = 6
#: a single word between the marks has at least this many letters (short words with a lost
#: first and last letter abound: "?at?" is "šatů", "?tie?" "știe?")
MIN_QUOTED_WORD = 4
#: ... and a one-letter word at an end must be this much likelier still ("?o" is "«o",
#: "?i" Czech "či")
SHORT_QUOTED_WORD = 1.0
#: slots as letters no list knows and the letter model cannot spell
NO_SPELLING_FREQUENCY = UNKNOWN_FREQUENCY / 100
#: a symbol its neighbours identify ("km?" → "km²")
SYMBOL_IDENTIFIED = 0.0
#: a finite verb form a language writes in lower case in mid-sentence, where the page
#: capitalises the word (German "in einer kleinen H?tte" is "Hütte", no "Hätte"); a page may
#: capitalise one after a colon or in a title, so it lowers, never rules out
CAPITALISED_VERB_FORM = -2.0
#: a slot glued between a number and a case suffix, in a language that writes a suffix after
#: a number with an apostrophe (Turkish "1990’da", "yüzde 33,3’e"): no letter follows a digit
#: in a word, nor does a question end there
SUFFIX_AFTER_NUMBER = 0.0
#: a symbol a number takes after it ("100 ? de" → "100 €"), against a dash there (× 0.03)
SYMBOL_AFTER_NUMBER = -1.0
#: ... and the sign of a price where the page's currency is written so, before punctuation
#: or a word that makes the price a rate ("900 ? par mois"), above any one-letter word
SYMBOL_PRICE = 1.0
#: two known words joined by a real "?" with the space missing: a typo, far rarer than a
#: word whose lost letter the "?" is, however frequent the two words ("la?que" is "laïque")
GLUED_WORDS_PRIOR = -2.0
QUESTION_OPENING_PAIRED = -0.5
#: a glued slot before a lower-case word after a sentence's end, read as the dialogue dash
#: (``dialogue_dash``): above a question opening unless a "?" that may end a sentence
#: follows in the line, when it falls below it
DIALOGUE_DASH = 0.0
DIALOGUE_DASH_BEFORE_QUESTION = QUESTION_OPENING_PAIRED - 1.0
#: how much likelier the word after a dialogue dash must be than the slot read as its
#: first letter
DIALOGUE_DASH_WORD_RATIO = 100.0
#: where the dialogue dash is glued, the narrator's words inside a turn open with it before
#: a verb of saying in mid-sentence ("decirle ?respondi? ella" is "—respondió"), the turn
#: that holds them opens with it ("?No tengo nada que decirle ?respondi?" is "—No"), and a
#: slot glued to the end of their last word before punctuation closes them ("ella?." is
#: "ella—."): no quotation mark, no question opening
NARRATOR_DASH = QUOTE_PAIR_TAKEN
#: a doubled or tripled real "?" ("Quoi??", "Onde???") is rarer than a single one: a listed
#: word's lost last letter before one real "?" ("Será?" written "Ser??") is read before it
#: (after a word no list knows, "Biener???", the letter model's guesses are no rival)
EMPHATIC_QUESTION = -1.0
#: a real "?" glued to a word no list or page knows that ends in a consonant, in a damaged
#: line, where the language's words end in a vowel the charset loses (``lost_final_vowel``:
#: Romanian "-ă"; dev gold of the damaged kinds, such stems with "ă" after them unlisted too:
#: "ă" 47, a real "?" 0): "Rosiglitazon? Studiile" is "Rosiglitazonă"
QUESTION_AFTER_UNLISTED_CONSONANT = -3.0
#: ... and more so a doubled one when its first "?" may be the word's lost last letter
#: making a listed word before a single real one ("chod???" is "chodíš?" more often than
#: "chodí??", "m???" "máš?"; a tripled one stays emphatic either way: "prezent???")
EMPHATIC_QUESTION_AFTER_LETTER = -1.0
#: a word no list knows is spelled by the letter model only when its letters are this
#: likely (geometric mean over the word's lost letters)
MIN_LETTER_MODEL_LIKELIHOOD = 0.3
#: in a language that builds words by suffixing, a letter-model spelling's last letter for a
#: final "?" (which may be a real one) after an ending the list's words go on from with one
#: more non-ASCII letter less often than this: the spelling counts at that share
#: (:meth:`~cleanscrape.repair.letter_model.LetterModel.goes_on`; "belirtiyor?", "saptık?"
#: end questions).  Where more go on, the letter model's own odds stand ("kasmpatı!")
RARE_LAST_LETTER = 0.05
#: ... and where none of them does (below this share, none of 200 words or more: "-yor"),
#: no spelling: a real "?" stands there even before a lower-case word ("belirtiyor?
#: ikibinüç", whose lower-case word otherwise makes the question five orders rarer)
NO_LAST_LETTER = 0.0025
#: the endings of an inflected (attributive) adjective in a language whose nouns take
#: capitals ("der blutigste Überfall", "einen großen Hut")
ADJECTIVE_INFLECTIONS = ("e", "en", "er", "es", "em")
#: a word listed with this many of ADJECTIVE_INFLECTIONS on one stem is an adjective
NOUN_SHAPE_ADJECTIVE_FORMS = 4
#: a lone slot: which one-letter word, dash or quotation mark it was
LONE_LETTER_BEFORE_CAPITAL = -0.7
LONE_DASH = -1.5
LONE_DASH_STARTS_LINE = -0.5
#: a slot between two digits: the en dash of a range ("1878–1879")
NUMBER_RANGE = 0.0
#: a slot ending an infinitive and a clitic joined by hyphens: the future's ending the clitic
#: stands before (Portuguese "poder-se-á")
MESOCLITIC_FUTURE = 0.0
#: a slot glued after a number, in a language that writes ordinals so ("2ª Divisão") ...
ORDINAL_INDICATOR = 0.0
#: ... of a few digits (a year is no ordinal)
MAX_ORDINAL_DIGITS = 3
#: a real "?" standing apart from the word it ends, in a language that does not write so
LONE_QUESTION_UNSPACED = -1.0
LONE_QUESTION_BEFORE_CAPITAL = -1.0
LONE_QUESTION_BEFORE_LOWERCASE = -3.0
#: a quoted question's own spaced "?" before the lone closing mark of its quotation and an
#: incise ("« Tu as pensé aux billets ? » m’a-t-elle demandé"), as sure as a pair taken
QUESTION_BEFORE_INCISE = QUOTE_PAIR_TAKEN
LONE_QUESTION_BEFORE_DIGIT = -1.0
#: a real "?" set apart after a full stop ("d'acier. ? Tu es"): a question does not end
#: right after a sentence did (an ellipsis may go before one: "Et alors... ? Tu")
LONE_QUESTION_AFTER_FULL_STOP = -3.0
#: where quotation marks stand apart from words (French), a lone slot opening a sentence
#: before a capital may be an opening mark; in mid-line, after another sentence, it is one
#: before a dash, which opens the line of a dialogue's reply ("– Oui, bien sûr.")
SPACED_QUOTE_OPENS_SENTENCE = -1.0
LONE_DASH_MID_LINE_SPACED_QUOTES = -1.5
#: where a language inverts a question's subject pronoun, an interrogative opening a sentence
#: of this many words asks without one (the dev gold of French: "Qui sait ?", "Pourquoi pas ?",
#: "Quoi ?" before a capital 13 times, such a sentence's "à" never)
ELLIPTIC_QUESTION_WORDS = 2
#: a real "?" right after a question word, or in a sentence without one, in a language
#: that always writes one in a question (``question_words``: Turkish)
QUESTION_AFTER_QUESTION_WORD = 1.0
QUESTION_WITHOUT_QUESTION_WORD = -1.0

#: a day's number and its ordinal point right before a word ("2. února")
_DAY_ORDINAL_BEFORE = re.compile(r"(?<!\d)\d{1,2}\.\s+\Z")
#: quotation marks glued to the word they open
_QUOTE_OPENERS = "«“„\"'"
_CLOSERS = "\"'»”“’›)]}"
_IMPOSSIBLE = -math.inf
#: the soft hyphen (U+00AD), which pages put between a long word's syllables
SOFT_HYPHEN = "\xad"
#: how a reading of lost soft hyphens was found (:meth:`Resolver._soft_hyphen_readings`)
SOFT_HYPHEN_HOW = "soft hyphen"
#: a word's slots read as soft hyphens: at most this many, leaving parts of this many
#: characters or more (hyphenation leaves two at a word's edges), beside at most this many
#: lost letters
MAX_SOFT_HYPHENS = 8
MIN_SYLLABLE = 2
MAX_LETTERS_BESIDE_HYPHENS = 2
MIN_SOFT_HYPHEN_WORDS = 2
#: a word of two listed words (each of this many letters or more) read with lost soft hyphens,
#: and how it was found
MIN_COMPOUND_PART = 4
SOFT_HYPHEN_COMPOUND = "compound"
SOFT_HYPHEN_PRIOR = 0.0
#: a soft hyphen before a vowel (hyphenation breaks before a consonant where it may)
SOFT_HYPHEN_BEFORE_VOWEL = -0.5
#: the letters after a word's last apostrophe, up to its end ("?elebi'yi")
_SUFFIX_AFTER_APOSTROPHE = re.compile(r"['’]([^\W\d_]+)$")
#: what ends a token's left context: whitespace and the zero-width layout characters a token
#: is delimited by (see :mod:`.damage`), read backwards from the token's start (a
#: ``$``-anchored search of the line up to it tried every start)
_LAYOUT_RUN = re.compile(r"[\s\u200b\ufeff]+")
#: the vowels that accents are put on (:func:`_is_vowel`)
_BASE_VOWELS = "aeiouy"
#: a token that ends a sentence (or a heading's colon), closing marks after it
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'»”)]*$")
#: a slot glued to a letter: a word that lost one of its letters (or a real "?" glued to a word)
_GLUED_SLOT = re.compile(r"[^\W\d_][?\ufffd]|[?\ufffd][^\W\d_]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: a number with at most one separator, read as its decimal point ("1.200" would be 1.2:
#: a margin is no thousand)
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DECIMAL_NUMBER = re.compile(r"\d+[.,]\d+")
#: a slot standing alone between spaces (a lost mark or one-letter word, or a real "?")
_LONE_SLOT = re.compile(r"(?:^|\s)[?\ufffd](?=\s|$)")
#: a sentence's end inside a line: its punctuation, closing marks, a space and the next word
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'»”)\]]*\s+[\"'«“„(\[]*[^\W\d_]")
#: how far back a dotted acronym is looked for (the search sees no more of the line) ...
MAX_DOTTED_ACRONYM = 40
#: ... its letters with points ("D.A.", "O.N.U."; capitals: see _after_dotted_acronym), right before a word
_DOTTED_LETTERS_BEFORE = re.compile(r"(?<![\w.])((?:[^\W\d_]\.){2,})\s+\Z")
#: a word's letters, a real "?" and a slot for the closing quotation mark, before a space,
#: punctuation or the line's end: a quoted question closing
_QUOTED_QUESTION_CLOSES = re.compile(r"[^\W\d_]\?[?\ufffd](?=[\s,.;:!]|\Z)")
#: a single full stop (no ellipsis), which no real "?" ever precedes
_FULL_STOP_AFTER = re.compile(r"\.(?!\.)")
#: a space, then a slot (or a kept dialogue dash: "tarde? —preguntó") glued to the word after it
_SLOT_OPENS_NEXT_WORD = re.compile(r" [?\ufffd—][^\W\d_]")
#: a sentence ending in "!" after a letter or a U+FFFD for one ("\ufffdYa est\ufffd!"; "?!" ends
#: a question: "?Qui?n gan? el partido?!" is "¿Quién ganó el partido?!"): no full stop and
#: no "?" or U+FFFD that may end one before it (a slot before a space and a lower-case letter
#: is a lost last letter: "?Qu? bien!")
_EXCLAMATION_SENTENCE = re.compile(
    r"(?:[^.!?…\ufffd\n]|[?\ufffd](?=[^\W\d_]| [a-zß-öø-ÿ]))*(?:[^\W\d_]|(?<=[^\W\d_])\ufffd)!")
#: a space and a lower-case letter: the sentence goes on
_LOWER_CASE_WORD_AFTER = re.compile(r" [a-zß-öø-ÿ]")
#: where a sentence surely ends: a full stop, "!" or "…" (closing marks after it) and a space
#: (a "?" may be a lost letter)
_SURE_SENTENCE_END = re.compile(r"[.!…][\"'»”)\]]*\s+")
#: what follows a "?" that may end a sentence: closing marks, then the line end, or a space
#: and the next sentence's first letter (after its opening marks), to be a capital
_AFTER_SENTENCE_END = re.compile(r"[\"'»”)\]]*(?:\s*\Z|\s+[\s\"'«“„(\[¿¡*•\-–—]*([^\W\d_]))")
#: a number that may be a year ("né en 1977 ? Meulan", "Nel 2003 ? stato"): no price
_YEAR = re.compile(r"1\d{3}|20\d{2}")
#: a date written with points ("14.09.2022 ? Kolumne"): no price either
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")


@lru_cache(maxsize=1)
def _symbol_neighbours() -> tuple[frozenset[str], frozenset[str]]:
    """The words a slot that may be a symbol follows (``after_words``,
    ``before_digit_after_words``) and precedes (``after_digit_before_words``), of any symbol."""
    return (frozenset().union(*(symbol.after_words | symbol.before_digit_after_words for symbol in symbols())),
            frozenset().union(*(symbol.after_digit_before_words for symbol in symbols())))


def _is_vowel(char: str) -> bool:
    """Is ``char`` a vowel, accented or not?"""
    return unicodedata.normalize("NFD", char)[:1].lower() in _BASE_VOWELS


def _all_capitals(text: str) -> bool:
    """Is ``text`` written in capitals: two letters or more, all capitals ("ABD", "TBMM";
    not "C'?", nor a name whose other letters were lost, "Ç??")?"""
    if text.islower():
        return False  # most words: no capital letter, told in C
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: a candidate's case that the words around its damaged word decide (see :meth:`Resolver._candidates_of`)
_IN_CONTEXT = object()


class _CoreCase:
    """What the case of a damaged word's letters says, the same for all its candidates."""

    __slots__ = ("all_caps", "lone_capital", "slots", "slots_before_capitals")

    def __init__(self, core: str) -> None:
        self.all_caps = _all_capitals(core)
        #: its only letter kept is its first, a capital ("M?", "Ç??"): in capitals or
        #: capitalised, as the words around it tell
        self.lone_capital = core[:1].isupper() and len(core) > 1 and not any(c.isalpha() for c in core[1:])
        #: where the slots stand
        self.slots = [i for i, c in enumerate(core) if c in SLOTS]
        #: the slots right before a capital: no letter goes there unless the word is in capitals
        self.slots_before_capitals = [i for i in self.slots if core[i + 1:i + 2].isupper()]


class _Candidates:
    """A damaged word's candidates, each with its page spelling, description, evidence, own
    score (None where it depends on the words around) and case (``_IN_CONTEXT`` where it
    does) (see :meth:`Resolver._candidates_of`), the best page spelling, and its letters' case."""

    __slots__ = ("candidates", "best_spelling", "case")

    def __init__(self, candidates: list[tuple[Candidate, float, str, str, float | None, object]], best_spelling: float,
                 case: _CoreCase) -> None:
        self.candidates = candidates
        self.best_spelling = best_spelling
        self.case = case


#: the words a part between list or breadcrumb separators has at most ("Erneuerbare Energie")
SEPARATED_PART_WORDS = 3


def _separated_part(text: str) -> bool:
    """Is ``text``, between two lone slots, a short part of a list or breadcrumb: a name or
    tag of a few words, no clause (no sentence punctuation)?"""
    words = text.split()
    return 0 < len(words) <= SEPARATED_PART_WORDS and not any(c in text for c in ".!;:,")


# not frozen, though never changed: a frozen dataclass sets each field through
# object.__setattr__, and a reading is made for every candidate in every pass
@dataclass(slots=True)
class Reading:
    """A reading of a run: its replacement text and how plausible it is."""

    text: str
    score: float
    reason: str
    evidence: str = ""
    #: where a filled word came from (a :class:`Candidate`'s ``how``), if anywhere
    how: str = ""


@dataclass(slots=True)
class _ReadingInContext(Reading):
    """A filled word's reading, scored by itself (:meth:`Resolver._own_score`) until the
    rules of the words around it are read (:meth:`Resolver._score_in_context`), as they
    are where other readings compete with it."""

    #: what the rules read: the word's own score, its candidate, the damaged word, its
    #: slots, the run, the line, and the prior and page spelling added to the score
    context: tuple = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    best: Reading
    runner_up: Reading | None
    confidence: float


def _after_dotted_acronym(line: str, pos: int) -> bool:
    """Does an acronym written with points ("D.A.", "O.N.U.") stand right before ``pos``?"""
    acronym = _DOTTED_LETTERS_BEFORE.search(line, max(0, pos - MAX_DOTTED_ACRONYM), pos)
    return acronym is not None and acronym.group(1).isupper()


def _title_word(word: str) -> bool:
    """A word of letters, capitalised, the rest lower-case ("Metropolitana", not "AML")."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _ends_like(word: str, ending: str) -> bool:
    """Does ``word`` end in ``ending``, a slot of it standing for any non-ASCII letter?"""
    if len(word) < len(ending):
        return False
    return all(w == e or (is_slot(w) and not e.isascii()) for w, e in zip(word[-len(ending):], ending))


def _slot_positions(line: str, lo: int, hi: int) -> Iterator[int]:
    """Where the slots of ``line[lo:hi]`` stand, left to right (found in C: a loop over the
    characters was ~1% of the repair time)."""
    return (m.start() for m in SLOT_PATTERN.finditer(line, lo, hi))


class Resolver:
    """Resolves the damaged runs of one document."""

    # None for a language without repair data; then only the rules that check it first run
    # (each language rule is reached through such a check).  Declared without None so that
    # the rules' reads of it (here and in :class:`.grammar.Grammar`, which is given it) need no
    # check a type checker could see: the None case is the constructor's (``lang``, ``lower``,
    # the quote marks) and those checks'.
    data: LanguageData

    def __init__(self, data: LanguageData | None, finder: CandidateFinder, charset: CharsetEvidence) -> None:
        self.data = data  # type: ignore[assignment]  # None allowed: see the class's declaration
        self.finder = finder
        self.charset = charset
        self.lang = data.lang if data else "?"
        #: lower-cases as the language does (bound once: its rules ask ~1 M times on the dev set)
        self.lower: Callable[[str], str] = data.lower_function if data else str.lower
        self._regional: bool | None = None
        self._progressive_of: tuple[str, bool] = ("", False)
        self._quote_marks = frozenset(mark for pair in data.quotes for mark in pair) if data else frozenset()
        self.grammar = Grammar(data, finder, self.lower)
        #: what :func:`.memo.per_document` questions were answered
        self._answers: dict[tuple, object] = {}
        #: whether the stage found the line being resolved damaged (read through
        #: :meth:`_is_line_damaged` alone), and whether the resolution being made asked
        self._line_damaged = self._line_damage_asked = False
        #: the resolutions made on a line as received, by the run (its place) and the line,
        #: with whether the line was damaged where that was asked (None where it was not)
        self._resolutions_received: dict[tuple[int, int, int, int, str], tuple[bool | None, Resolution | None]] = {}

    # ---------------------------------------------------------------- entry point
    def resolve(self, run: DamagedRun, line: str, line_damaged: bool, source: str | None = None) -> Resolution | None:
        """The best reading of ``run`` if it changes the run; None to leave it alone.

        ``line`` is the line as repaired so far (the context is read from it); ``source``
        the line as received, where the partners of lost quotation marks are still slots.
        """
        source = source if source is not None else line
        # Resolved on the line as received, a run is remembered: the stage weighs the
        # evidence of damage and then repairs a line's first runs on it again.
        received = line is source
        if received:
            key = (run.start, run.end, run.token_start, run.token_end, line)
            made = self._resolutions_received.get(key)
            # the line's damage weighs a real "?" only (:meth:`_question_prior`)
            if made is not None and made[0] in (None, line_damaged):
                return made[1]
        self._source = source
        self.grammar.start_run(run, line, source)
        self._line_damaged, self._line_damage_asked = line_damaged, False
        resolution = self._resolution(run, line)
        if received:
            self._resolutions_received[key] = (line_damaged if self._line_damage_asked else None, resolution)
        return resolution

    def _resolution(self, run: DamagedRun, line: str) -> Resolution | None:
        """The best reading of ``run`` in ``line`` if it changes the run (see :meth:`resolve`)."""
        if run.letters == 0:
            readings = self._lone_readings(run, line)
        else:
            readings = self._asked_question(run, self._word_readings(run, line))
            # (an elided word's filling is "elision" whatever its word: "l?en?sei?gne?ment"
            # had "l’enèseiégneâment", the letter model's, against "l’en\xadsei\xadgne\xadment")
            if not any(r.how in LISTED and r.how != "elision" and r.score > _IMPOSSIBLE for r in readings):
                readings += self._soft_hyphen_readings(run, line)
        kept_before, kept_after = self._kept_quotes_beside(run, line)
        if kept_before or kept_after:
            # no mark stands twice: a reading may not put one beside a kept one
            marks = self._quote_marks
            readings = [r for r in readings if r.score > _IMPOSSIBLE
                        and not ((kept_after and r.text[-1:] in marks) or (kept_before and r.text[:1] in marks))]
        else:
            readings = [r for r in readings if r.score > _IMPOSSIBLE]
        if not readings:
            return None
        if len(readings) == 1:
            # a reading alone is sure (confidence 1) whatever its score, which nothing else
            # reads: the rules of its context (most of a filled word's cost: ~40 in Czech)
            # are read only where readings compete, and nothing is ranked or summed
            best = readings[0]
            return Resolution(best, None, 1.0) if best.text != run.text else None
        for r in readings:
            if type(r) is _ReadingInContext:
                r.score = self._score_in_context(r)
        # ties broken by text: candidate sets iterate in hash order, which varies per process
        readings.sort(key=lambda r: (-r.score, r.text))
        best = readings[0]
        if best.text == run.text:
            return None
        runner_up = next((r for r in readings[1:] if r.text != best.text), None)
        total = sum(10 ** (r.score - best.score) for r in readings)
        return Resolution(best, runner_up, 1.0 / total)

    def _is_line_damaged(self) -> bool:
        """Did the stage find the line being resolved damaged?  Read only through here: a
        resolution that asked is remembered with the answer (:meth:`resolve`), one that did
        not serves the line either way."""
        self._line_damage_asked = True
        return self._line_damaged

    def _kept_quotes_beside(self, run: DamagedRun, line: str) -> tuple[bool, bool]:
        """Does a quotation mark the line kept stand right before the run, right after it?
        Only there may a reading double one: a slot before a kept closing mark is a real "?"
        or a letter ("?Co se stalo?“ zeptal" is "stalo?“", not "stalo““").  Asked once a
        run, not of each of its readings."""
        marks = self._quote_marks
        return run.start > 0 and line[run.start - 1] in marks, line[run.end:run.end + 1] in marks

    # ---------------------------------------------------------------- words
    def _word_readings(self, run: DamagedRun, line: str) -> list[Reading]:
        text = run.text
        lead = len(text) - len(text.lstrip("?\ufffd"))
        trail = len(text) - len(text.rstrip("?\ufffd"))
        readings = self._fills(text, run, line, 0, len(text), "", "", 0.0)
        readings += self._glued_words(text)
        readings += self._symbols(run, line)
        readings += self._number_suffix(run, line)
        # the last one, two or three "?" may be real ("Quoi?", "Onde??", "Qu???"), or all of them
        marks = [k for k in range(1, trail + 1)
                 if (k <= 3 or k == trail) and text[len(text) - k:].count("?") == k]
        questions: list[Reading] = []  # a word and a real "?" after it
        # no real "?" stands before a full stop ("para m??." is "mí».")
        lost_before_full_stop = trail > 1 and _FULL_STOP_AFTER.match(line, run.end) is not None
        if marks and not lost_before_full_stop:
            prior = self._question_prior(run, line)
            for k in marks:
                stem = self.lower(text[:len(text) - k])
                if self.data is not None and stem in self.data.never_final:
                    continue  # "(v z???)", "a? ?ije": a preposition or conjunction ends no question
                if self.data is not None and len(stem) == 1 and stem in self.data.elisions:
                    continue  # "N? ? Genève": an elided consonant is no word, its frequency that of "n’"
                prior_k = prior
                if k == 1 and self._unlisted_consonant_final(text[:-1]) and self._sentence_lost_letters(run):
                    prior_k += QUESTION_AFTER_UNLISTED_CONSONANT
                if k > 1 and self._known_frequency(text[:len(text) - k]):
                    prior_k += EMPHATIC_QUESTION
                    if k == 2 and self._known_frequency(text[:len(text) - 1]):
                        prior_k += EMPHATIC_QUESTION_AFTER_LETTER
                if self.data is not None and self.data.question_words:
                    prior_k += self._question_word_prior(text[:len(text) - k], line, run)
                questions += self._fills(text, run, line, 0, len(text) - k, "", text[len(text) - k:], prior_k,
                                         question=True)
        questions_at = len(readings)
        readings += questions
        opening = self.data.question_opening if self.data else ""
        if opening and lead and self._at_token_start(run, line) \
                and (self._question_may_open(line, run.start) or self._asks_alone(run, line, trail)):
            end = self._question_end_after(self._source, run.start + 1)
            if end is not None:
                readings += self._fills(text, run, line, 1, len(text), opening, "", QUESTION_OPENING_PAIRED)
                for k in marks:
                    # the question ends in the run's last "?"s: any of them may be the real ones
                    # ("?Qu???" is "¿Qué??", its first final "?" a lost "é")
                    if run.end - trail <= end < run.end:
                        readings += self._fills(text, run, line, 1, len(text) - k, opening, text[len(text) - k:],
                                                QUESTION_OPENING_PAIRED)
        readings += self._exclamation_readings(run, line, lead)
        readings += self._paired_quote_readings(run, line)
        readings += self._quote_after_elision(run, line)
        readings += self._dialogue_dash_readings(run, line, lead)
        if trail == 1 and run.letters >= 2 and self._narrator_closes(line, run):
            readings += self._fills(text, run, line, 0, len(text) - 1, "", self.data.dialogue_dash, NARRATOR_DASH)
        if 0 < trail <= 2 and run.end == run.token_end - 1 and self._before_attribution(line, run.end - 1):
            readings += self._fills(text, run, line, 0, len(text) - 1, "", self.data.quotes[0][1],
                                    QUOTE_BEFORE_ATTRIBUTION)
        # not where the line already opened the quotation that closer ends ("?Perspectivele …
        # inclusiv ?n ceea ce prive?te politica fiscal??, a declarat": "în", it opened at
        # "„Perspectivele")
        if lead == 1 and self._at_token_start(run, line) and self._attributed_closer_after(self._source, run.start + 1) \
                and not self._open_quotation(line, run.start):
            readings += self._fills(text, run, line, 1, len(text), self.data.quotes[0][0], "",
                                    QUOTE_BEFORE_ATTRIBUTION)
        # no letter goes before a capital: a quotation opens the sentence ("disse: ?Onze milhões
        # …", "?A NASA …"), its closing mark sentences or lines away
        opens_sentence = self.data is not None and self.data.quotes and not self.data.spaced_quotes \
            and lead == 1 and text[1:2].isupper() and self._at_token_start(run, line) \
            and self.grammar.sentence_start(line, run.start)
        if opens_sentence:
            readings += self._fills(text, run, line, 1, len(text), self.data.quotes[0][0], "", QUOTE_PAIRED)
        if lost_before_full_stop and self.data is not None and self.data.quotes and not self.data.spaced_quotes \
                and not self._open_quotation(line, run.start):
            # two lost letters end few words: the last slot closes a quotation opened in a
            # sentence before ("Fue un gran descanso para m??." is "mí».")
            readings += self._fills(text, run, line, 0, len(text) - 1, "", self.data.quotes[0][1],
                                    QUOTE_UNPAIRED_BEFORE_COMMA)
        if self.data is None or run.letters < 2:
            return readings
        # a quotation the line opened closes where its stretch ends, before punctuation, even
        # after a word a letter there would make ("Eu só tive de ler?, o que": "ler»,", not "lerá")
        closes_open = bool(self.data.quotes) and not self.data.spaced_quotes and trail == 1 \
            and line[run.end:run.end + 1] in (",", ".", ";", ":", "!") and self._open_quotation(line, run.start)
        if closes_open:
            readings += self._fills(text, run, line, 0, len(text) - 1, "", self.data.quotes[0][1], QUOTE_CLOSES_OPEN)
        readings += self._quoted_question_readings(run, line, lead, trail)
        questions_end = questions_at + len(questions)
        if any(r.how in LISTED for r in readings[:questions_at]) \
                or any(r.how in LISTED for r in readings[questions_end:]):
            # the slots can be letters of a known word: no quotation marks (a known word before
            # a real "?" is no such reason: "una «reivindicación hist?rica? del" closes it)
            return readings
        if self.data.quotes and not self.data.spaced_quotes:
            opening, closing = self.data.quotes[0]
            if lead and self._at_token_start(run, line):
                if trail and self._at_token_end(run, line):
                    readings += self._fills(text, run, line, 1, len(text) - 1, opening, closing, QUOTE_PAIRED)
                if self._slot_at_word_end_after(self._source, run.end) and not opens_sentence:
                    readings += self._fills(text, run, line, 1, len(text), opening, "", QUOTE_PAIRED)
            if trail and self._at_token_end(run, line) and not self._asking_after(line, run.end):
                if self._open_quotation(line, run.start):
                    if not closes_open:
                        # a quoted question closing further on ("?Auzi tunetele? Crezi c? vine
                        # furtuna?? I-am") holds this "?" as its own, before the next sentence
                        prior = QUOTE_PAIRED if _QUOTED_QUESTION_CLOSES.search(self._source, run.end) \
                            else QUOTE_CLOSES_OPEN
                        readings += self._fills(text, run, line, 0, len(text) - 1, "", closing, prior)
                elif self._opening_slot_before(self._source, run.start):
                    readings += self._fills(text, run, line, 0, len(text) - 1, "", closing, QUOTE_PAIRED)
                elif trail == 1 and line[run.end:run.end + 1] == ",":
                    # no letter makes a known word, and no real "?" stands before a comma
                    # unless a verb of asking follows: a quotation opened in a sentence before
                    # closes ("Esse é o meu grito?, se inflama")
                    readings += self._fills(text, run, line, 0, len(text) - 1, "", closing, QUOTE_UNPAIRED_BEFORE_COMMA)
        return readings

    def _dialogue_dash_readings(self, run: DamagedRun, line: str, lead: int) -> list[Reading]:
        """The dash that opens a turn of dialogue or the narrator's words in it, glued to
        the word after it, where a sentence ends before it: a slot before a lower-case word
        ("—¿Por qué tardas? ?me pregunt?" is "—me preguntó"), no question opening unless a
        "?" that may end a sentence follows; two slots before a capital where a question
        follows, the dash and the question's opening ("??Por qu? tardas?" is "—¿Por qué")."""
        if self.data is None or not self.data.glued_dialogue_dash or lead not in (1, 2) \
                or not self._at_token_start(run, line):
            return []
        before = line[:run.start].rstrip()
        dash = self.data.dialogue_dash
        if lead == 1 and before[-1:].isalnum() \
                and self._narrator_verb([run.text[1:]] + line[run.end:].split(None, 2)[:1]):
            # "No tengo nada que decirle ?respondi? ella": the narrator's words
            return self._fills(run.text, run, line, 1, len(run.text), dash, "", NARRATOR_DASH)
        if lead == 1 and before[-1:] in ("", ".", "!", "?", "…") and run.text[1:2].isupper() \
                and self._narrator_dash_ahead(self._source, run.start + 1):
            # "?No tengo nada que decirle ?respondi? ella": the turn the narrator's words are in
            return self._fills(run.text, run, line, 1, len(run.text), dash, "", NARRATOR_DASH)
        if before[-1:] not in ("", ".", "!", "?", "…") or (before and line[run.start - 1:run.start] != " "):
            return []
        asks = self._question_follows(self._source, run.start + lead)
        if lead == 1 and before and run.text[1:2].islower() and self._word_after_dash(run.text):
            prior = DIALOGUE_DASH_BEFORE_QUESTION if asks else DIALOGUE_DASH
            return self._fills(run.text, run, line, 1, len(run.text), dash, "", prior)
        if lead == 2 and run.text[2:3].isupper() and asks and self.data.question_opening:
            return self._fills(run.text, run, line, 2, len(run.text), dash + self.data.question_opening, "",
                               QUESTION_OPENING_PAIRED)
        return []

    def _exclamation_readings(self, run: DamagedRun, line: str, lead: int) -> list[Reading]:
        """A slot glued before a capital where a sentence opens, in a sentence that ends in
        "!", is the language's exclamation opening (``exclamation_opening``: "?Qu? sorpresa!"
        is "¡Qué sorpresa!"), as "¿" is a question's; two such slots after a sentence's end,
        where the dialogue dash is glued, are the dash and the opening ("??El autob?s se ha
        averiado!" is "—¡El autobús")."""
        if self.data is None or not self.data.exclamation_opening or lead not in (1, 2) \
                or not self._at_token_start(run, line) or not run.text[lead:lead + 1].isupper() \
                or not self._exclamation_follows(self._source, run.start + lead):
            return []
        opening = self.data.exclamation_opening
        if lead == 1 and self._question_may_open(line, run.start):
            return self._fills(run.text, run, line, 1, len(run.text), opening, "", QUESTION_OPENING_PAIRED)
        if lead == 2 and self.data.glued_dialogue_dash and line[:run.start].rstrip()[-1:] in ("", ".", "!", "?", "…"):
            return self._fills(run.text, run, line, 2, len(run.text), self.data.dialogue_dash + opening, "",
                               QUESTION_OPENING_PAIRED)
        return []

    @staticmethod
    def _exclamation_follows(source: str, pos: int) -> bool:
        """Does the sentence from ``pos`` end in "!" (after a letter or a slot for one, with
        no full stop and no "?" that may end a question before it: a slot between words
        before a lower-case letter is a word's lost last letter, "?Qu? bien!")?"""
        return _EXCLAMATION_SENTENCE.match(source, pos) is not None

    def _narrator_verb(self, words: list[str]) -> bool:
        """Do ``words`` (perhaps with lost letters, punctuation after them) open with a verb
        of saying, stating or asking (``saying_verbs``, ``attribution_verbs``,
        ``asking_verbs``), perhaps after a clitic (``before_reporting_verb``: "le contest?")?"""
        words = [self.lower(word.rstrip(".,;:!")) for word in words[:2]]
        if len(words) == 2 and words[0] in self.data.before_reporting_verb:
            words = words[1:]
        return bool(words) and any(spells(words[0], verb) for verb in self.data.reporting_verbs)

    def _quote_after_elision(self, run: DamagedRun, line: str) -> list[Reading]:
        """"l'? oasis de vie ?, dans": a slot glued after an elided word opens a quotation
        where the language sets its marks apart ("l’« oasis de vie »"), when a slot after it
        may close it."""
        text = run.text
        if len(text) < 3 or not self._opens_after_elision(line, run.end - 1) \
                or not self._closing_slot_after(self._source, run.end):
            return []
        return [Reading(text[:-1] + self.data.quotes[0][0], QUOTE_PAIRED,
                        "'?' after an elided word, before a space, read as an opening quotation mark")]

    def _opens_after_elision(self, line: str, slot: int) -> bool:
        """Is the slot at ``slot`` glued after an elided word and its apostrophe, before a
        space, where no one-letter word the language writes with a non-ASCII letter may
        follow that word (``one_letter_elisions``: no "l’à"): an opening quotation mark set
        apart from its word, if the language spaces its marks?"""
        if self.data is None or not self.data.spaced_quotes or line[slot + 1:slot + 2] != " " \
                or line[slot - 1:slot] not in ("'", APOSTROPHE):
            return False
        elided = self.lower(last_word(line[:slot - 1]))
        return elided in self.data.elisions and all(word.isascii() for word in self.data.one_letter_after(elided))

    def _narrator_dash_ahead(self, source: str, pos: int) -> bool:
        """Is there, after ``pos`` in its sentence and before any "?" that may end a question
        (one glued to the end of a listed word and followed by no lower-case word: "?Vienes?
        ?pregunt?" is "¿Vienes? —preguntó"; "llegu?" lost its last letter), a slot glued
        before a verb of saying in mid-sentence, the narrator's dash ("?No tengo nada que
        decirle ?respondi? ella", "?Ya llegu? ?le contest?")?"""
        end = _SURE_SENTENCE_END.search(source, pos)
        for i in _slot_positions(source, pos, end.start() if end else len(source)):
            if source[i - 1] == " " and source[i - 2:i - 1] not in ("", " ") and source[i + 1:i + 2].isalpha():
                if self._narrator_verb(source[i + 1:].split(None, 2)[:2]):
                    return True
            elif source[i - 1].isalpha() and not source[i + 1:i + 2].isalnum() \
                    and not _LOWER_CASE_WORD_AFTER.match(source, i + 1) \
                    and self._known_frequency(
                        # a letter stands before the slot, so a word ends there
                        preceding_word(source, i).group().lstrip("?\ufffd")):  # type: ignore[union-attr]
                return False
        return False

    def _narrator_closes(self, line: str, run: DamagedRun) -> bool:
        """Is the slot ending the run glued after a listed word, before punctuation or a
        lower-case word, inside the narrator's words of a turn, opened by the glued dialogue
        dash before a lower-case word in this sentence and not closed ("—respondió ella?." is
        "ella—.", "La empresa —dijo el portavoz? no hará" "portavoz—"), the word likelier
        without the slot than with a letter there ("—le respond?." is "respondí", "—le
        contest?," "contesté")?"""
        if self.data is None or not self.data.glued_dialogue_dash \
                or not (line[run.end:run.end + 1] in (".", ",", ";") or _LOWER_CASE_WORD_AFTER.match(line, run.end)) \
                or self._known_frequency(run.text[:-1]) <= self._known_frequency(run.text):
            return False
        before = line[:run.start]
        opened = before.rfind(" " + self.data.dialogue_dash)
        return opened >= 0 and before[opened + 2:opened + 3].islower() \
            and not any(c in before[opened + 2:] for c in ".!?…" + self.data.dialogue_dash)

    def _word_after_dash(self, token: str) -> bool:
        """Is ``token`` without its first slot a listed word far likelier
        (``DIALOGUE_DASH_WORD_RATIO``) than any listed word with a letter there?  A sentence
        opening on a lost capital looks the same ("?poca de cambios" is "Época", and "poca"
        is commoner still; "?l" is "Él")."""
        rest = self._known_frequency(token[1:])
        return rest > 0 and rest >= DIALOGUE_DASH_WORD_RATIO * self._known_frequency(token, KNOWN)

    def _question_follows(self, source: str, pos: int) -> bool:
        """Does a "?" after a letter that may end a sentence (the line's end, a capital after
        it, or a slot or dash glued to the next word: the dialogue's next dash) follow ``pos`` before
        the sentence's sure end?"""
        end = _SURE_SENTENCE_END.search(source, pos)
        return any(source[i] == "?" and source[i - 1].isalpha()
                   and (self._may_end_sentence(source, i) or _SLOT_OPENS_NEXT_WORD.match(source, i + 1))
                   for i in _slot_positions(source, pos, end.start() if end else len(source)))

    def _asks_alone(self, run: DamagedRun, line: str, trail: int) -> bool:
        """Is the run a word after a glued slot, before a "?" of its own, that spells an
        interrogative (``question_openers``, accented: "?D?nde?" is "¿Dónde?"; a page that
        lost its letters as U+FFFD keeps the "?", outside the run), a question wherever it
        stands (after "(?)", a quotation)?  Quoted, a word so accented is rare."""
        if trail == 1 and self._at_token_end(run, line):
            word = run.text[1:-1]
        elif trail == 0 and line[run.end:run.end + 1] == "?" and not line[run.end + 1:run.end + 2].isalnum():
            word = run.text[1:]
        else:
            return False
        return any(len(opener) == 1 and spells(self.lower(word), opener[0]) for opener in self.data.question_openers)

    def _quoted_question_readings(self, run: DamagedRun, line: str, lead: int, trail: int) -> list[Reading]:
        """A quotation closing after the question it quotes, before a comma: no real "?"
        stands between a question mark and a comma, so "„Wer sind Sie??, fragte sie" is
        "Sie?“,"; "?Warum??, fragte sie" opens it too ("„Warum?“,"); or before the
        lower-case verb of saying that goes on with the sentence ("do kina?? zeptala se"
        is "kina?“ zeptala"), or, in a quotation the line opened before, any lower-case
        word ("«Perché non mi hai risposto al telefono?? mi ha chiesto": a question mark
        ends its sentence, so what goes on in lower case is outside the quotation)."""
        if not self.data.quotes or self.data.spaced_quotes or trail < 2 or run.text[-2] != "?":
            return []
        opened_before = self._open_quotation(line, run.start)
        if not (line[run.end:run.end + 1] == "," or self._saying_follows(line, run.end, any_word=opened_before)):
            return []
        opening, closing = self.data.quotes[0]
        opens = lead == 1 and self._at_token_start(run, line)
        if not opens and not opened_before:
            return []
        lo, prefix = (1, opening) if opens else (0, "")
        readings = self._fills(run.text, run, line, lo, len(run.text) - 2, prefix, "?" + closing, QUOTE_CLOSES_OPEN,
                               question=True)
        if re.match(r" [-–—?\ufffd] ", line[run.end:]):
            # before the dash of its attribution the quotation closes either way, and the first
            # slot may be a letter ("„Nie poddam si?? ? powiedziała" is "się” –"), as before
            # a comma (closes_open); not before a mere lower-case word ("vr?t?? s námi")
            readings += self._fills(run.text, run, line, lo, len(run.text) - 1, prefix, closing, QUOTE_CLOSES_OPEN)
        return readings

    def _paired_quote_readings(self, run: DamagedRun, line: str) -> list[Reading]:
        """The run between glued quotation marks that pair up in the line ("?bola branca?")."""
        if self.data is None or not self.data.quotes or self.data.spaced_quotes:
            return []
        openers, closers = self._quote_pairs(self._source)
        text = run.text
        lo = 1 if run.start in openers and run.start == run.token_start else 0
        hi = len(text) - 1 if run.end - 1 in closers and len(text) > 1 \
            and not self._closed_since_opener(openers, run.end - 1, line) else len(text)
        if lo == 0 and hi == len(text):
            return []
        opening, closing = self.data.quotes[0]
        return self._fills(text, run, line, lo, hi, opening if lo else "", closing if hi < len(text) else "",
                           QUOTE_PAIR_TAKEN)

    def _closed_since_opener(self, openers: frozenset[int], pos: int, line: str) -> bool:
        """Did the repaired ``line`` close the quotation of the last opening slot before
        the closing slot at ``pos`` already (a lone slot read as its closing mark: "cu ?u ?
        fiind predominant?." is "„u ” fiind predominantă.")?  Marks of one kind do not nest."""
        opener = max((i for i in openers if i < pos), default=None)
        return opener is not None and self.data.quotes[0][1] in line[opener:pos]

    @per_document
    def _quote_pairs(self, source: str) -> tuple[frozenset[int], frozenset[int]]:
        """Offsets of the slots of ``source`` read as glued quotation marks: an opening one
        (at a word's start, after a space or the line start) and the next closing one (at a
        word's end, before a space, punctuation or the line end), when the words they touch
        are likelier (word list, document) without the slots than with them as letters.
        Remembered for the document: the stage reads its damaged lines for their evidence
        first, then repairs them, and each line asked again was read afresh."""
        openers: set[int] = set()
        closers: set[int] = set()
        pending: int | None = None
        best: tuple[float, int] | None = None  # the pending opener's likeliest closer so far

        def settle() -> None:
            if pending is not None and best is not None:
                openers.add(pending)
                closers.add(best[1])

        for i in _slot_positions(source, 0, len(source)):
            before = source[i - 1] if i else " "
            after = source[i + 1] if i + 1 < len(source) else " "
            if (before.isspace() or before in "([") and after.isalpha():
                if not self._identified_symbol(source, i):  # "38 ?C, co? je": "°C", then "což"
                    settle()
                    pending, best = i, None
            elif before.isspace() and not after.isspace():
                settle()  # a lone slot before punctuation closes it ("?rom?ni ?,")
                pending, best = None, None
            elif pending is not None and (before.isalpha() or before in ".!…") \
                    and (after.isspace() or after in ",.;:)!") and not self._ends_question(source, i):
                # of the closing slots before the next opening one, the one whose word is
                # likeliest without it: "?O programa ter? a??o … informa??o?, diz" closes at
                # "informação", whose "?" is no letter, not at "ter", which "terá" may be
                margin = self._pair_margin(source, pending, i)
                if margin > 0 and (best is None or margin > best[0]):
                    best = (margin, i)
        settle()
        return frozenset(openers), frozenset(closers)

    @staticmethod
    def _identified_symbol(source: str, slot: int) -> bool:
        """Is the slot at ``slot``, at a word's start, a symbol its neighbours identify
        ("38 ?C": a number before, a temperature scale after), so no quotation mark?"""
        scale = re.match(r"[^\W\d_]+", source[slot + 1:])
        after_number = source[:slot].rstrip()[-1:].isdigit()
        return after_number and scale is not None \
            and any(scale.group() in symbol.after_digit_before_words for symbol in symbols())

    def _pair_margin(self, source: str, opener: int, closer: int) -> float:
        """How much likelier (log10) the words at ``opener`` and ``closer`` are without the
        slots than with them as letters (or, at the closing end, as a real question mark;
        at the opening end, as the language's question opening); -inf when either end alone
        is likelier otherwise."""
        first = WORD_WITH_SLOTS.match(source, opener + 1)
        last = preceding_word(source, closer)
        if first is None or last is None:
            return _IMPOSSIBLE
        one_word = last.start() <= opener + 1
        inner_first = first.group().removesuffix(source[closer]) if first.end() == closer + 1 else first.group()
        inner_last = inner_first if one_word else last.group()
        if len(inner_last) < 2:
            return _IMPOSSIBLE  # "j?" is "já", "d?" "dá"
        if one_word and len(inner_first) < MIN_QUOTED_WORD:
            return _IMPOSSIBLE
        if one_word:  # "?downsizing?": the slots as letters are both the word's
            token = source[opener:closer + 1]
            # "?Verdad?" is "¿Verdad?", but no question goes on with a lower-case word
            # ("usada para ?espeloterapia? como un sanatorio": "«espeloterapia»") other than
            # one saying who asked it ("?Verdad? preguntó")
            following = source[closer + 1:]
            # (no word follows the trailing blanks of a line: "?Verdad? " ends it)
            next_words = following.split(None, 1) if following[:1].isspace() else []
            next_word = next_words[0].rstrip(".,;:!?") if next_words else ""
            goes_on = next_word[:1].islower() and not any(
                spells(self.lower(next_word), verb) for verb in self.data.saying_verbs | self.data.asking_verbs)
            question = bool(self.data.question_opening) and not goes_on
            ends = ((inner_first, token, question), (inner_last, token, question))
            # one slot a mark, the other a letter of a listed word, reads the same token too: a
            # quotation opening on a word that lost its last letter ("?Perch? non mi hai
            # risposto" is "«Perché", its closing mark further on), or closing after one that
            # lost its first
            half_quoted = max(self._known_frequency(token[1:], KNOWN), self._known_frequency(token[:-1], KNOWN))
        else:
            # a real "?" may close the last word where a sentence may end (a U+FFFD is never
            # one: "de \ufffdimport-export\ufffd Ramada"); "¿" open the first
            after = source[closer + 1:closer + 3]
            question = source[closer] == "?" and (
                not after or after[0] in "!?" or (after[0].isspace() and (after[1:2].isupper() or not after[1:2])))
            # a question opening pairs with a question mark: none before a verb of stating
            opening_question = bool(self.data.question_opening) and not self._before_attribution(source, closer)
            ends = ((inner_first, source[opener] + inner_first, opening_question),
                    (inner_last, inner_last + source[closer], question))
            half_quoted = 0.0
        margins = []
        for inner, as_letters, other_mark in ends:
            listed = self._known_frequency(as_letters)
            bare = self._inner_frequency(inner, listed)
            if not bare:
                return _IMPOSSIBLE
            rival = max(listed, self._spelled_frequency(as_letters), bare if other_mark else 0.0, half_quoted,
                        NO_SPELLING_FREQUENCY)
            # one letter after an opening slot ("?o", "?i") is a word's rest as often as a word
            short = SHORT_QUOTED_WORD if len(inner) == 1 else 0.0
            margins.append(math.log10(bare) - math.log10(rival) - short)
        return min(margins) - QUOTE_PAIR_MARGIN

    def _inner_frequency(self, word: str, as_letters: float) -> float:
        """How likely ``word`` is between quotation marks: its frequency, or for an intact word
        no list knows (a foreign word, a name: "«downsizing»") where no listed word has the
        slots as letters either, that of an unknown word."""
        known = self._known_frequency(word)
        if known or as_letters or has_slot(word):
            return known
        return UNKNOWN_FREQUENCY

    def _spelled_frequency(self, word: str) -> float:
        """How likely ``word``'s slots are letters of a word no list knows: an unknown word's
        frequency times the letter model's probability of its likeliest spelling (0 when
        it has none: "?downsizing?" gets only unlikely letters, "?ntunecoas?" sure ones)."""
        low = self.lower(word)
        return UNKNOWN_FREQUENCY * max((c.likelihood for c in self.finder.find(low) if c.how == "letter model"),
                                       default=0.0)

    def _unlisted_consonant_final(self, stem: str) -> bool:
        """Is ``stem`` (a word before a glued "?") one no list or page knows, ending in a
        consonant, in a language whose words end in a vowel a charset loses
        (``lost_final_vowel``: Romanian "-ă")?"""
        if self.data is None or not self.data.lost_final_vowel or len(stem) < 2 or not stem.isalpha():
            return False
        last = self.lower(stem[-1])
        return last.isascii() and last not in VOWELS and not self._known_frequency(stem)

    @per_document
    def _known_frequency(self, word: str, kinds: tuple[str, ...] = LISTED) -> float:
        """The frequency of ``word`` or, with slots, of its likeliest reading of ``kinds``
        (0: none); ``KNOWN`` for a word a list or the page has whole (no stem and suffix, no
        elision).  A word in lower case is no name, which alone takes a case suffix after an
        apostrophe: "?ar??s?, Cinci Han?" is no quotation of "arı’sı" (Turkish "çarşısı")."""
        low = self.lower(word)
        if not has_slot(low):
            return self.finder.frequency(low) or (DOC_ONLY_FREQUENCY if self.finder.vocabulary.count(low) else 0.0)
        named = not word[:1].islower()
        return max((c.frequency or DOC_ONLY_FREQUENCY for c in self.finder.find(low)
                    if c.how in kinds and (named or c.how != "suffix")), default=0.0)

    def _symbols(self, run: DamagedRun, line: str) -> list[Reading]:
        """A lost symbol its neighbours identify: "20 km?" → "20 km²", "6?C" and "2 ?C" →
        "6°C", "2 °C" (Turkish "38 ?C?ye" → "38 °C’ye"), "n? 12" → "n° 12"."""
        text = run.text
        lost_first, lost_last = is_slot(text[0]), is_slot(text[-1])
        if not (lost_first or lost_last):
            return []  # each symbol is a slot at the word's edge
        # the word beside the slot names few symbols ("km", "C", "n"): the line is read for those
        # only, and most words name none (three lookups, where each symbol was asked four times)
        before_slot, after_slot = _symbol_neighbours()
        if text[:-1] not in before_slot and text[1:] not in after_slot and text[1:2] not in after_slot:
            return []
        named = [symbol for symbol in symbols()
                 if text[:-1] in symbol.after_words or text[:-1] in symbol.before_digit_after_words
                 or text[1:] in symbol.after_digit_before_words or text[1:2] in symbol.after_digit_before_words]
        if not named:
            return []
        out = []
        at_token_start = run.start == run.token_start
        before = line[:run.start]
        after_digit = before[-1:].isdigit() or (at_token_start and before.rstrip()[-1:].isdigit())
        for symbol in named:
            char = symbol.char_in(self.lang)
            if len(text) > 1 and lost_last and text[:-1] in symbol.after_words and at_token_start \
                    and (before.rstrip()[-1:].isdigit() or self.lower(last_word(before))
                         in symbol.after_words_after):
                out.append(Reading(text[:-1] + char, SYMBOL_IDENTIFIED,
                                   f"'?' after '{text[:-1]}' read as a lost '{char}'"))
            if lost_first and text[1:] in symbol.after_digit_before_words and after_digit:
                out.append(Reading(char + text[1:], SYMBOL_IDENTIFIED,
                                   f"'?' between a number and '{text[1:]}' read as a lost '{char}'"))
            if lost_first and text[1:2] in symbol.after_digit_before_words and after_digit \
                    and len(text) > 3 and is_slot(text[2]) and self.data is not None \
                    and self.lower(text[3:]) in self.data.suffix_apostrophe:
                # "38 ?C?ye": the scale takes a case suffix after an apostrophe (Turkish "°C’ye")
                out.append(Reading(char + text[1] + APOSTROPHE + text[3:], SYMBOL_IDENTIFIED,
                                   f"'?' between a number and '{text[1]}' read as a lost '{char}', "
                                   "the next as the apostrophe before its suffix"))
            if len(text) > 1 and lost_last and text[:-1] in symbol.before_digit_after_words \
                    and at_token_start and run.end == run.token_end and line[run.end + 1:run.end + 2].isdigit():
                out.append(Reading(text[:-1] + char, SYMBOL_IDENTIFIED,
                                   f"'?' after '{text[:-1]}' before a number read as a lost '{char}'"))
        return out

    def _number_suffix(self, run: DamagedRun, line: str) -> list[Reading]:
        """The apostrophe between a number and its case suffix, in a language that writes one
        after names and numbers alike (``suffix_apostrophe``: "1990?da" is "1990’da", "33,3?e"
        "33,3’e"; the letter model had "1990ıda", "33,3şe")."""
        text = run.text
        if self.data is None or not self.data.suffix_apostrophe or not is_slot(text[0]) \
                or not line[run.start - 1:run.start].isdigit() or self.lower(text[1:]) not in self.data.suffix_apostrophe:
            return []
        return [Reading(APOSTROPHE + text[1:], SUFFIX_AFTER_NUMBER,
                        f"'?' between a number and the case suffix '{text[1:]}' read as a lost apostrophe")]

    def _soft_hyphen_readings(self, run: DamagedRun, line: str) -> list[Reading]:
        """Soft hyphens (U+00AD) lost with the letters: pages hyphenate long words for the
        browser ("Ver&shy;fah&shy;ren"), and a charset without the character writes
        "Ver?fah?ren", whose letter fillings make no word ("Verüfahören").  Asked only where
        no filling of the slots is a known word: "na?ve" is "naïve", not "na\xadve"."""
        if not self._lost_soft_hyphens():
            return []
        out = []
        for hyphens, rest, cand in self._soft_hyphen_fits(run.text):
            sentence_start = self.grammar.sentence_start(line, run.start) if is_slot(rest[0]) else True
            word = self._apply_case(rest, cand, run, line, sentence_start)
            if word is None:
                continue
            letters = iter(word)
            text = "".join(SOFT_HYPHEN if i in hyphens else next(letters) for i in range(len(run.text)))
            # hyphenation parts syllables, each with its vowel ("schö\xadnen", not "sch\xadönen"),
            # before a consonant where it may ("supé\xadrieur", not "sup\xadérieur")
            parts = text.split(SOFT_HYPHEN)
            if not all(any(map(_is_vowel, part)) for part in parts):
                continue
            before_vowels = sum(_is_vowel(part[0]) for part in parts[1:])
            out.append(Reading(text, math.log10(cand.frequency or DOC_ONLY_FREQUENCY) + SOFT_HYPHEN_PRIOR
                               + before_vowels * SOFT_HYPHEN_BEFORE_VOWEL,
                               f"{len(hyphens)} '?' read as lost soft hyphens",
                               f"'{cand.text}' ({cand.how}) frequency {cand.frequency:.2g}", SOFT_HYPHEN_HOW))
        return out

    @per_document
    def _lost_soft_hyphens(self) -> bool:
        """Did the page lose soft hyphens?  A page hyphenates its long words, not one: at least
        ``MIN_SOFT_HYPHEN_WORDS`` of its words are known words with (some of) their inner
        slots taken out and no letter lost ("Ver?fah?ren", "Jah?ren").  One such word is as
        likely a rare word's lost letter ("bal?ul" is the Romanian "balțul", not "balul"), and
        a word with lost letters beside the slots taken out shows no page's hyphenation ("?a?ska"
        is the name "Łańska", not "łaska").  Only a charset without any non-ASCII character
        loses them (every Latin one has U+00AD): not one a damaged word kept a letter of, nor
        one that kept the soft hyphen."""
        if self.charset.charset_loss or self.charset.was_kept(SOFT_HYPHEN):
            return False
        found = 0
        for word in self.charset.slotted_words:
            # no letter lost: every slot a hyphen (asked of the whole word alone, not of each
            # set of its slots, which only the page's words that need a reading are read for)
            slots = tuple(i for i, c in enumerate(word) if is_slot(c))
            if 0 in slots or len(word) - 1 in slots or not self._syllables(word, slots):
                continue
            whole = self.lower("".join(c for c in word if not is_slot(c)))
            if self.finder.known_words(whole) and not self._filled_known(word):
                found += 1
                if found >= MIN_SOFT_HYPHEN_WORDS:
                    return True
        return False

    def _filled_known(self, word: str) -> bool:
        """Does a known word fill ``word``'s slots (its candidates, which its resolution
        finds too: remembered per document)?"""
        return any(c.known for c in self.finder.find(self.lower(word)))

    @per_document
    def _soft_hyphen_fits(self, text: str) -> list[tuple[tuple[int, ...], str, Candidate]]:
        """The sets of ``text``'s inner slots (each between two letters or slots, the parts it
        leaves of ``MIN_SYLLABLE`` characters or more, as hyphenation leaves them) that, taken
        out, leave ``rest``, a known word ``cand`` with its other slots
        (``MAX_LETTERS_BESIDE_HYPHENS`` at most) as letters: "sch?d?li?chen" is
        "schäd\xadli\xadchen"."""
        if self._filled_known(text):
            return []  # a known word fills the slots ("qu?il" is "qu’il", not "qu\xadil")
        inner = [i for i in range(1, len(text) - 1) if is_slot(text[i])
                 and (text[i - 1].isalpha() or is_slot(text[i - 1])) and (text[i + 1].isalpha() or is_slot(text[i + 1]))]
        if len(inner) > MAX_SOFT_HYPHENS:
            return []
        out = []
        for mask in range(1, 1 << len(inner)):
            hyphens = tuple(i for k, i in enumerate(inner) if mask >> k & 1)
            # (a slot beside a hyphen is a lost letter: "pr??si?dence" is "pré\xadsi\xaddence")
            if not self._syllables(text, hyphens):
                continue
            rest = "".join(c for i, c in enumerate(text) if i not in hyphens)
            if sum(map(is_slot, rest)) > MAX_LETTERS_BESIDE_HYPHENS:
                continue
            out += [(hyphens, rest, cand) for cand in self.finder.known_words(self.lower(rest))]
        whole = "".join(c for i, c in enumerate(text) if i not in inner)
        if not out and inner and whole.isalpha() and self._listed_compound(self.lower(whole)) and self._syllables(text, tuple(inner)):
            # every slot a hyphen: a compound no list holds, of two that do
            # ("Strah?lenan?wen?dung": "strahlen" + "anwendung"), as rare as an unknown word
            # (which the letter model's filling is too, times its letters' odds)
            out.append((tuple(inner), whole, Candidate(self.lower(whole), UNKNOWN_FREQUENCY, 0, SOFT_HYPHEN_COMPOUND)))
        return out

    @staticmethod
    def _syllables(text: str, hyphens: tuple[int, ...]) -> bool:
        """Does every part soft hyphens at ``hyphens`` leave of ``text`` have ``MIN_SYLLABLE``
        characters or more, as hyphenation leaves them?"""
        bounds = (-1,) + hyphens + (len(text),)
        return all(b - a - 1 >= MIN_SYLLABLE for a, b in zip(bounds, bounds[1:]))

    def _listed_compound(self, word: str) -> bool:
        """Is ``word`` two listed words of ``MIN_COMPOUND_PART`` letters or more, one after the other?"""
        return any(self.finder.frequency(word[:k]) and self.finder.frequency(word[k:])
                   for k in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1))

    @per_document
    def _glued_words(self, text: str) -> list[Reading]:
        """A real "?" between two intact words with no space ("Kdo je to?zeptal").  Remembered
        for the document: every resolution of a run asks, in each of the stage's passes."""
        if text.count("?") + text.count("\ufffd") != 1:
            return []
        i = text.index("?") if "?" in text else -1
        left, right = text[:i], text[i + 1:]
        if len(left) < 2 or len(right) < 2:
            return []
        f_left = self.finder.frequency(self.lower(left))
        f_right = self.finder.frequency(self.lower(right)) if f_left else 0.0
        if not (f_left and f_right):
            return []
        score = math.log10(f_left) + GLUED_WORDS_PRIOR
        if self.data is None or self.lower(right) not in self.data.saying_verbs:
            # a verb of saying is what follows a question in reported speech ("Tak jak to
            # šlo?zeptali se"): no cost of its own; any other word is one more word to explain
            score += math.log10(f_right)
        return [Reading(text, score, "a real '?' between two words")]

    def _fills(self, text: str, run: DamagedRun, line: str, lo: int, hi: int, prefix: str, suffix: str,
               prior: float, question: bool = False) -> list[Reading]:
        """Readings where ``text[lo:hi]`` is a word (its slots filled) between ``prefix`` and
        ``suffix`` (punctuation the outer slots stood for)."""
        core = text[lo:hi]
        if not core.strip(SLOTS):
            return []  # no letter: nothing to fill
        punctuation = self._describe_punctuation(prefix, suffix, question)
        if not has_slot(core):
            # a verb form no list has, before a real "?" ("uçmuştu?", not "uçmuştuş")
            freq = self.finder.frequency(self.lower(core)) or self.finder.verb_form_frequency(self.lower(core))
            score = math.log10(max(freq, UNKNOWN_FREQUENCY)) + prior
            return [Reading(prefix + core + suffix, score, punctuation, f"'{core}' frequency {freq:.2g}")]
        out: list[Reading] = []
        found = self._candidates_of(core, self._regional_spelling())
        slots = found.case.slots
        # read by the case of a lost first letter alone (:meth:`_capital_start`)
        sentence_start = self.grammar.sentence_start(line, run.start + lo) if lo == 0 and slots[0] == 0 else True
        for cand, spelling, reason, evidence, own, word in found.candidates:
            if own is None:
                own = self._own_score(cand, core, slots, run, line)
            # the page's spelling weighs candidates against each other, not against other readings
            score = own + prior + spelling - found.best_spelling
            if score == _IMPOSSIBLE or (APOSTROPHE in cand.text and self._lost_letters_score(
                    own, cand, core, slots, run, line) == _IMPOSSIBLE):
                continue  # (an apostrophe in a slot is the one letter that may rule a word out)
            if word is _IN_CONTEXT:
                word = self._apply_case(core, cand, run, line, sentence_start, found.case)
            if word is None:
                continue
            if punctuation:
                reason = f"{reason}; {punctuation}"
            out.append(_ReadingInContext(prefix + word + suffix, score, reason, evidence, cand.how,
                                         (own, cand, core, slots, run, line, prior, spelling, found.best_spelling)))
        return out

    def _score_in_context(self, reading: _ReadingInContext) -> float:
        """The score of ``reading``, a filled word, with the rules of the words around it."""
        own, cand, core, slots, run, line, prior, spelling, best_spelling = reading.context
        return self._word_score(own, cand, core, slots, run, line) + prior + spelling - best_spelling

    @per_document
    def _candidates_of(self, core: str, regional_page: bool) -> _Candidates:
        """The candidates of ``core`` (a damaged word) with what holds of them wherever it
        stands: the page's spelling of each (:meth:`_page_spelling`), its description, the
        case of ``core``'s letters.  Worked out once per document: the evidence and both
        repair passes read most damaged words again."""
        candidates = self.finder.find_with_foreign(self.lower(core), core[0].isupper() or is_slot(core[0]))
        texts = {cand.text for cand in candidates}
        spelling = [self._page_spelling(cand, core, texts, regional_page) for cand in candidates]
        case = _CoreCase(core)
        # where no word around it weighs in (most candidates), its own score and its case
        # too: the rest are worked out where the word stands (run and line None here)
        return _Candidates([(cand, page, self._describe_candidate(cand), self._evidence(cand),
                             None if self._own_score_reads_context(cand)
                             # run and line None: the two predicates pick the candidates
                             # that read them, scored later where the word stands
                             else self._own_score(cand, core, case.slots, None, None),  # type: ignore[arg-type]
                             _IN_CONTEXT if self._case_reads_context(cand, case)
                             else self._apply_case(core, cand, None, None, True, case))  # type: ignore[arg-type]
                            for cand, page in zip(candidates, spelling)],
                           max(spelling, default=0.0), case)

    def _own_score_reads_context(self, cand: Candidate) -> bool:
        """Does :meth:`_own_score` read the words around ``cand``'s damaged word: an elided
        negation's partner, the word after it, a preposition before it, a point after it?"""
        data = self.data
        if data is None:
            return False
        low = self.lower(cand.text)
        return cand.how == "elision" or low in data.never_before or low in data.clitic_forms \
            or low in data.point_abbreviations

    @staticmethod
    def _case_reads_context(cand: Candidate, case: _CoreCase) -> bool:
        """Does :meth:`_apply_case` read the words around ``cand``'s damaged word (of case
        ``case``): a lost first letter (the sentence start, a name), or a lost letter after
        an elision ("l’?tat")?"""
        text = cand.text
        if (case.slots[:1] == [0] and not cand.ascii_capital) or case.lone_capital:
            return True
        # most candidates hold no apostrophe: two searches in C, not a test at every slot
        return ("'" in text or APOSTROPHE in text) and any(i > 1 and text[i - 1] in "'" + APOSTROPHE
                                                           for i in case.slots if i < len(text))

    def _page_spelling(self, cand: Candidate, core: str, others: set[str], regional_page: bool) -> float:
        """The page's spelling: where the loss is not the charset's, the letters the page
        writes intact elsewhere (European "António" against Brazilian "Antônio"); and, on a
        page of a regional spelling (``regional_page``: :meth:`_regional_spelling`), the
        letters of that spelling, where ``others`` (the candidates) hold the other spelling
        ("actual", "facto" are European: "fenómeno", not "fenômeno"; but "avô" and "avó" are
        two words)."""
        regional = 0.0
        if regional_page:
            variants = dict(self.data.regional_letters)
            regional = sum(REGIONAL_LETTER for i, (have, got) in enumerate(zip(core, cand.text))
                           if is_slot(have) and got in variants
                           and i + 1 < len(cand.text) and cand.text[i + 1] in self.data.regional_letters_before
                           and cand.text[:i] + variants[got] + cand.text[i + 1:] in others)
        if self.charset.charset_loss or not self.charset.kept:
            return regional
        return regional + sum(DOC_LETTER_WEIGHT * math.log10(1 + self.charset.kept.get(got, 0))
                              for have, got in zip(core, cand.text) if is_slot(have))

    def _regional_spelling(self) -> bool:
        """Does the page write one of the language's regional spellings (``regional_markers``),
        or the line being read its regional progressive (``regional_progressive``)?"""
        if self._regional is None:
            self._regional = self.data is not None and self.finder.vocabulary.writes_any(self.data.regional_markers)
        return self._regional or self._regional_progressive(self._source)

    def _regional_progressive(self, line: str) -> bool:
        """Does ``line`` write the progressive only the regional spelling writes: an
        auxiliary, its link and an infinitive, known by its listed gerund ("estivesse a ser":
        "sendo"; not "está a par": "pando" is no word)?"""
        if self.data is None or not self.data.regional_progressive:
            return False
        if self._progressive_of[0] != line:
            words = [self.lower(w.strip(OPENERS + _CLOSERS + ".,;:!?")) for w in line.split()]
            # the link first ("a"), in one set lookup a word: the auxiliaries only after it
            links = {link for _, link in self.data.regional_progressive}
            found = any(
                spells(first, auxiliary) and self._is_listed_infinitive(infinitive)
                for first, second, infinitive in zip(words, words[1:], words[2:]) if second in links
                for auxiliary, link in self.data.regional_progressive if link == second)
            self._progressive_of = (line, found)
        return self._progressive_of[1]

    def _is_listed_infinitive(self, word: str) -> bool:
        return any(word.endswith(ending) and len(word) > len(ending)
                   and self.finder.frequency(word[:-len(ending)] + gerund)
                   for ending, gerund in self.data.gerund_endings)

    def _own_score(self, cand: Candidate, core: str, slots: list[int], run: DamagedRun, line: str) -> float:
        """How plausible ``cand`` is (log10) for ``core``, a damaged word whose slots stand at
        ``slots``, by its frequency, the page and the source, before the rules of the words
        around ``run`` in ``line`` (:meth:`_word_score`); -inf where a neighbour rules it out.
        Which candidates it reads ``run`` and ``line`` for, :meth:`_own_score_reads_context` tells."""
        freq = cand.frequency or (DOC_ONLY_FREQUENCY if cand.in_document or cand.in_source else 0.0)
        data = self.data
        low = self.lower(cand.text)
        if cand.how == "letter model":
            freq = self._letter_model_frequency(cand, core, slots)
        if cand.abroad:
            freq = max(freq, cand.abroad)  # a name another language's list holds
        if cand.how in ("suffix", "elision") and not freq:
            freq = UNKNOWN_FREQUENCY  # a name after the apostrophe: "d’Unalaska"
        if cand.how == "elision" and data is not None and self.grammar.negation_unpaired(cand.text, line, run):
            return _IMPOSSIBLE  # "les divergences n?es entre …": no "pas" follows, "nées"
        if not freq:
            return _IMPOSSIBLE
        score = math.log10(freq)
        if data is not None and low in data.never_before \
                and self.grammar.neighbours(line, run)[1] in data.never_before[low]:
            return _IMPOSSIBLE  # "Quem ?s tu": "às" (a + as) never stands before a pronoun, "és"
        if data is not None and low in data.clitic_forms \
                and self.grammar.after_simple_preposition(line, run):
            return _IMPOSSIBLE  # "z si? nie opadła" is "z sił": the reflexive after one is "sobą"
        if data is not None and low in data.point_abbreviations \
                and line[run.end:run.end + 1] != ".":
            score += ABBREVIATION_WITHOUT_POINT
        if cand.how == "suffix":
            score += math.log10(cand.likelihood)
            if data is not None and data.suffix_buffers and not self._suffix_joins(cand.text, core):
                return _IMPOSSIBLE  # "Çay’na", "Adalar’na": "-na" follows a vowel only
            if data is not None and data.vowel_classes and not self._suffix_in_vowel_class(cand.text, core):
                score += SUFFIX_AGAINST_VOWEL_CLASS
        if cand.in_document:
            score += DOC_WORD_BONUS + DOC_WORD_PER_LOG_COUNT * math.log10(cand.in_document)
        elif cand.in_source:
            score += SOURCE_WORD_BONUS + SOURCE_WORD_PER_LOG_COUNT * math.log10(cand.in_source)
        return score

    def _letter_model_frequency(self, cand: Candidate, core: str, slots: list[int]) -> float:
        """The frequency a spelling of the letter model counts at: 0 where its letters are
        too unlikely or ``core`` holds a letter the language writes in foreign words only."""
        data = self.data
        if data is not None and data.foreign_letters \
                and any(c in data.foreign_letters for c in self.lower(core)):
            return 0.0  # "Why?": a foreign word, which the language's letters do not spell
        spelled = cand.likelihood if cand.spelled_likelihood is None else cand.spelled_likelihood
        if spelled ** (1 / len(slots)) < MIN_LETTER_MODEL_LIKELIHOOD:
            return 0.0
        return UNKNOWN_FREQUENCY * cand.likelihood * self._last_letter_share(core)

    def _last_letter_share(self, core: str) -> float:
        """The share a letter-model spelling of ``core`` counts at for its last letter, where
        ``core`` ends in a "?" that may be a real one (a U+FFFD is never one) after a letter,
        in a language that builds words by suffixing: how often the list's words go on with
        one more letter after that ending, where that is rare (``RARE_LAST_LETTER``), 0 where
        none does (``NO_LAST_LETTER``); else 1."""
        if self.data is None or not self.data.suffixing or len(core) < 4 or core[-1] != "?" or is_slot(core[-2]):
            return 1.0
        share = self.finder.letters.goes_on(shape(self.lower(core[:-1])))
        if share < NO_LAST_LETTER:
            return 0.0
        return share if share < RARE_LAST_LETTER else 1.0

    def _word_score(self, score: float, cand: Candidate, core: str, slots: list[int], run: DamagedRun,
                    line: str) -> float:
        """How plausible ``cand`` is (log10) for ``core``, a damaged word whose slots stand at
        ``slots``, where ``run`` stands in ``line``: its own ``score`` (:meth:`_own_score`)
        with what the words around the run say and the letters in its slots."""
        data = self.data
        if data is None:
            return self._lost_letters_score(score, cand, core, slots, run, line)
        # asked by most of the rules below, once per candidate
        low = self.lower(cand.text)
        listed = cand.how in LISTED
        final_slot = is_slot(core[-1])  # its last letter lost: the ending the agreement rules weigh
        # what the words around the run say: the rules of the language
        if data.infinitive_ending and final_slot \
                and cand.text.endswith(data.infinitive_ending):
            if self.grammar.infinitive_governed(line, run):
                score += INFINITIVE_GOVERNED
            elif not self.grammar.asks_what_to_do(line, run):  # "jak to zrobić", "Cóż zrobić?"
                score += INFINITIVE_UNGOVERNED
                if self.grammar.after_name(line, run):
                    score += INFINITIVE_AFTER_NAME
        elif data.infinitive_participles and listed \
                and self.grammar.is_infinitive(cand.text) and self.grammar.infinitive_governed(line, run):
            score += INFINITIVE_GOVERNED  # "začal číst", not the noun "část"
        # a case ending holds its lost letter in a word no list has too ("v pijav?m papíře":
        # the letter model spells the stem, the preposition and the noun the case); not a
        # final slot, where a real "?" may stand ("w dziewkach?")
        declined = listed or (cand.how == "letter model" and not final_slot)
        if data.preposition_cases and declined \
                and self.grammar.case_governed(cand.text, core, line, run):
            score += CASE_GOVERNED
        if data.object_ending and final_slot and listed \
                and len(cand.text) > MIN_CASE_STEM + 1 and self.grammar.verb_governs(cand.text, line, run):
            score += AGREEMENT
        if data.case_excluded_endings and final_slot and listed \
                and self.grammar.case_excluded(cand.text, line, run):
            score += CASE_EXCLUDED
        if data.degree_quantifiers[1] and listed \
                and self.grammar.quantifies_next(low, line, run):
            score += AGREEMENT
        if data.case_agreement and declined \
                and self.grammar.case_agrees(cand.text, core, line, run):
            score += AGREEMENT
        if data.subject_endings and final_slot and listed \
                and self.grammar.subject_agrees(cand.text, line, run):
            score += AGREEMENT
        if data.feminine_heads and final_slot and low[-1] in data.lost_final_vowel \
                and self.grammar.after_feminine_head(line, run):
            score += AGREEMENT
        if data.subject_endings and data.past_person_endings \
                and final_slot and listed and self.grammar.person_in_sentence(cand.text, line, run):
            score += AGREEMENT
        if data.speech_dashes and final_slot and listed \
                and self.grammar.speaker_person(cand.text, line, run):
            score += AGREEMENT
        if data.adjacent_plural_endings and final_slot \
                and listed and self.grammar.plural_right_before(cand.text, line, run):
            score += AGREEMENT
        if data.person_endings and final_slot and listed \
                and self.grammar.first_person_form(cand.text):
            if self.grammar.pronominal_after_reflexive(cand.text, line, run):
                score += AGREEMENT
            elif not self.grammar.first_person_page():
                score += FIRST_PERSON_ON_THIRD_PERSON_PAGE
        if data.third_person_reflexives and final_slot and listed \
                and self.grammar.first_person_after_third_reflexive(cand.text, line, run):
            score += FIRST_PERSON_AFTER_THIRD_PERSON_REFLEXIVE
        if data.reflexive_pronouns and listed \
                and self.grammar.verb_after_reflexive(cand.text, core, line, run):
            score += VERB_AFTER_REFLEXIVE
        if data.plural_subject_verbs is not None and final_slot \
                and listed:
            subject = self.grammar.plural_subject(cand.text, line, run)
            if subject is not None:
                score += AGREEMENT if subject else CASE_EXCLUDED
        if data.prepositions and listed \
                and self.grammar.verb_after_preposition(cand.text, line, run):
            score += VERB_AFTER_PREPOSITION
        if data.adverb_ending and final_slot \
                and cand.text.endswith(data.adverb_ending) and len(cand.text) >= MIN_ADVERB \
                and self.grammar.before_verb(line, run):
            score += ADVERB_BEFORE_VERB
        elif data.adverb_ending and final_slot \
                and cand.text.endswith(data.adverb_ending) and len(cand.text) >= MIN_ADVERB \
                and self.grammar.before_adjective(line, run) and not (
                    self.grammar.oblique_adjective_after(line, run) and self.grammar.predicate_agreement(
                        cand.text[:-len(data.adverb_ending)] + data.stacked_adjective_endings[0],
                        core, line, run) is not None):
            # an adjective in an oblique case after a copula's predicate (where the masculine
            # adjective would be one) is its complement ("je plná zralých jablek"), which
            # leaves no predicate to the adverb "plně"
            score += ADVERB_BEFORE_ADJECTIVE
        if data.adverb_ending and data.copulas and final_slot \
                and cand.text.endswith(data.adverb_ending) and self.grammar.copula_before_subject(line, run) is not None:
            score += ADVERB_AFTER_SUBJECT
        if data.adverb_ending and data.copulas and final_slot \
                and cand.text.endswith(data.adverb_ending) and len(cand.text) >= MIN_ADVERB \
                and self.grammar.between_copula_and_predicate(line, run):
            score += AGREEMENT  # "byl vlastně malý,", not the adjective "vlastní", which no noun follows
        if data.object_relatives and final_slot and listed \
                and self.grammar.verb_after_object_relative(low, line, run):
            score += VERB_AFTER_OBJECT_RELATIVE
        if data.oblique_demonstratives and final_slot \
                and self.grammar.adjective_adverb(low) and self.grammar.in_determined_phrase(line, run):
            score += ADVERB_IN_DETERMINED_PHRASE
        if data.stacked_adjective_endings and final_slot and listed \
                and self.grammar.unstacked_before_adjective(low, line, run):
            score += UNSTACKED_ADJECTIVE
        if data.adverb_after_verbs and data.adverb_ending and final_slot \
                and cand.text.endswith(data.adverb_ending) and len(cand.text) >= MIN_ADVERB \
                and self.grammar.ends_verb_clause(line, run):
            score += ADVERB_AFTER_VERB
        if data.consonant_noun_gender and listed \
                and self.grammar.noun_determined(low, line, run):
            score += AGREEMENT
        if data.masculine_oblique_endings[0] and listed \
                and (self.grammar.feminine_after_masculine_adjective(low, line, run)
                     or self.grammar.feminine_accusative_after_masculine_adjective(low, line, run)):
            score += CASE_EXCLUDED
        if low in data.possessives and self.grammar.possessive_alone(line, run):
            score += CASE_EXCLUDED
        if data.oblique_adjective_endings and final_slot and listed \
                and self.grammar.nominative_after_oblique_adjective(low, line, run):
            score += CASE_EXCLUDED
        if data.soft_adjective_case_ending and data.consonant_noun_gender \
                and final_slot and listed \
                and self.grammar.noun_before_masculine_noun(low, line, run):
            score += CASE_EXCLUDED
        participle = self.grammar.participle_agreement(cand.text, core, line, run)
        predicate = self.grammar.predicate_agreement(cand.text, core, line, run) if participle is None else None
        if participle is not None or predicate is not None:
            score += AGREEMENT if participle or predicate else 0.0
        elif data.agreement and final_slot \
                and cand.text not in data.personal_pronouns and self.grammar.agrees(cand.text, line, run):
            score += AGREEMENT
        if data.distributive_prepositions and listed \
                and self.grammar.repeats_distributive(low, line, run):
            score += CONTEXT
        if cand.text in data.contexts_by_word \
                and data.context_fits(cand.text, *self.grammar.neighbours(line, run)):
            score += CONTEXT
        if cand.text in data.sole_verbs:
            after = self.grammar.verbless_clause(line, run)
            if after is not None and self.grammar.full_clause(line, run):
                score += SOLE_VERB
                if data.governs_infinitive(cand.text) and any(self.grammar.is_infinitive(self.grammar.likeliest_reading(w)) for w in after):
                    score += INFINITIVE_GOVERNED  # "jestli se má mlýn přestavět", against "se mě"
        elif data.sole_verbs and listed \
                and self.grammar.is_present_verb(low) and self.grammar.verbless_clause(line, run) is not None \
                and self.grammar.full_clause(line, run):
            score += SOLE_VERB  # "Strýc od rána štípá dříví", not "štípě"
        if cand.text in data.third_person_clitics \
                and self.grammar.third_person_clause(line, run):
            score += THIRD_PERSON_CLITIC
        if data.third_person_subjects and listed \
                and self.grammar.other_person_after_subject(low, line, run):
            score += OTHER_PERSON_AFTER_SUBJECT
        if cand.text in data.lower_case_verb_forms and core[:1].isupper() \
                and not self.grammar.sentence_start(line, run.start):
            score += CAPITALISED_VERB_FORM
        if cand.text in data.subjunctive_forms and self.grammar.subjunctive_clause(line, run):
            score += SUBJUNCTIVE_GOVERNED
        if cand.text in data.clitic_pronouns and self.grammar.clitic_position(line, run):
            score += CLITIC_BEFORE_VERB
        if data.vowel_harmony and self.grammar.particle_against_harmony(cand.text, core, line, run):
            score += PARTICLE_DISHARMONY
        if data.verb_final and listed \
                and self._ends_sentence(line, run) and self.finder.verb_form_frequency(cand.text):
            score += VERB_ENDS_SENTENCE  # "kalabalık karıştı.", not "karşıtı."
        return self._lost_letters_score(score, cand, core, slots, run, line)

    def _lost_letters_score(self, score: float, cand: Candidate, core: str, slots: list[int], run: DamagedRun,
                            line: str) -> float:
        """``score`` with what the letters ``cand`` puts in ``core``'s slots (at ``slots``) say:
        an apostrophe splitting a suffix off, a loan letter, a letter the charset kept."""
        data = self.data
        for i in slots:
            if i >= len(cand.text):
                break
            got = cand.text[i]
            if got == APOSTROPHE:
                if self.charset.only_ascii_apostrophes:
                    score += ASCII_APOSTROPHE_PAGE_PENALTY
                if i == len(cand.text) - 1 and data is not None and cand.text[:i] in data.apocopes:
                    continue  # "un po’"
                if not self.grammar.elided(cand.text[:i]) and not self.grammar.proper_noun_start(core, cand.text[:i], run, line):
                    return _IMPOSSIBLE  # a case suffix is split off proper nouns only
                continue
            if data is not None and not data.is_native(got):
                score += LOAN_LETTER_PENALTY
            if self.charset.charset_loss:
                if self.charset.was_kept(got) or self.charset.was_kept(got.upper()):
                    score += CHARSET_KEPT_PENALTY
        return score

    # ---------------------------------------------------------------- lone slots
    def _lone_readings(self, run: DamagedRun, line: str) -> list[Reading]:
        """A slot alone between spaces: "?" for "à"/"è"/"é", a dash, a spaced quotation mark
        — or a real "?" ("Quoi ?", and "???", "?!", "(?)", which are never touched)."""
        if len(run.text) == 1 and run.start > run.token_start and run.end == run.token_end:
            glued = self._glued_price_signs(run, line)
            if glued:
                return glued  # "cuesta 15? por persona": a price, no ordinal "15º"
        if len(run.text) == 1 and self.data is not None and self.data.ordinal_point and run.end == run.token_end \
                and re.fullmatch(r"\d{1,%d}\." % MAX_ORDINAL_DIGITS, line[run.token_start:run.start]) \
                and line[run.token_end:].strip():
            # "el 2.? clasificado", "Artigo 3.? O presente": the indicator after its point
            return [self._ordinal_indicator(run, line)]
        if len(run.text) == 1 and run.start > run.token_start and line[run.start - 1] in ".!…?":
            return self._closing_after_punctuation(run, line)
        if len(run.text) == 1 and run.start > run.token_start and line[run.start - 1] == "," \
                and run.end == run.token_end:
            return self._closing_after_comma(run, line)
        if len(run.text) == 1 and line[run.start - 1:run.start].isdigit() and line[run.end:run.end + 1].isdigit():
            # "1878?1879": a range of numbers; no question mark stands between two digits
            return [Reading("–", NUMBER_RANGE, "'?' between two numbers read as a lost en dash")]
        if len(run.text) == 1 and self.data is not None and self.data.ordinal_indicators \
                and line[run.token_start:run.start].isdigit() and run.start - run.token_start <= MAX_ORDINAL_DIGITS \
                and all(not c.isalnum() for c in line[run.end:run.token_end]) and line[run.token_end:].strip() \
                and not self._sentence_follows(line[run.token_end:].strip()):
            # "2? Divisão", "6?,": an ordinal; "2003? Claro" and "tens 3? Eu" end questions
            return [self._ordinal_indicator(run, line)]
        if len(run.text) == 1 and run.end == run.token_end and self._ends_mesoclisis(line[run.token_start:run.start]):
            # no real "?" follows a hyphen: a listed infinitive and a clitic before it say which letter it lost
            ending = self.data.mesoclitic_ending
            if _all_capitals(line[run.token_start:run.start]):
                ending = ending.upper()  # "PODER-SE-Á"
            return [Reading(ending, MESOCLITIC_FUTURE,
                            f"'?' after an infinitive and a clitic read as the future's lost '{ending}'")]
        if len(run.text) == 1 and line[run.start - 1:run.start] == "-" and line[run.end:run.end + 1] == "-":
            # "c’est-?-dire", "prêt-?-porter": what links a compound is a preposition, never a
            # verb (Portuguese "é"): the one-letter words holding an article, where there are any
            readings = self._one_letter_readings("", "-", False)
            holders = self.data.article_holders if self.data is not None else frozenset()
            return [r for r in readings if r.text in holders] if holders else readings
        if len(run.text) == 2 and run.start == run.token_start and run.end == run.token_end:
            return self._quoted_one_letter_word(run, line) + self._lost_two_letter_words(run, line)
        if len(run.text) != 1 or run.start != run.token_start:
            return []
        if self.data is not None and self.data.space_before_question_mark and run.end == run.token_end \
                and self._ends_question(self._source, run.start):
            return []  # "Pourquoi … qu’avant ? Selon une étude": the question's own "?"
        tail = line[run.end:run.token_end]
        before = line[:run.token_start - run_length_before(line, run.token_start, _LAYOUT_RUN)]
        following = line[run.token_end:].lstrip()
        if following[:1] in _QUOTE_OPENERS and following[1:2].isalpha():
            following = following[1:]  # "devido ? «entrada»": the word after opens a quotation
        elif self.data is not None and self.data.spaced_quotes and is_slot(following[:1]) \
                and following[1:2] == " " and following[2:3].isalpha() and before:
            # "invité ? ? goûter ? le plaisir": a lone slot after a lone slot opens a quotation
            # (no one-letter word is doubled), so the word after that is the one this one meets
            following = following[2:]
        if not before or before[-1] in ".!…":
            section = self._section_signs(following)
            if section:
                return section  # "? 3 Diese Verordnung": a statute's section
        if not before and not following[:1].isalpha():
            return []  # a line that is "?" or starts "? 12": nothing to go on
        spaced_quotes = self.data is not None and self.data.spaced_quotes
        if tail and tail[0] in "([-–—" and self.data is not None and self.data.quotes and not spaced_quotes \
                and (not before or before[-1] in ".!…:"):
            # "grupos. ?(pág. 158)", "mensagem: ?-- Quando": glued before a bracket or a dash
            # that opens a sentence, only an opening quotation mark stands
            return [Reading(self.data.quotes[0][0], QUOTE_PAIRED,
                            "'?' glued before a bracket or dash opening a sentence read as an opening quotation mark")]
        if tail:  # "?," "?." ...: punctuation follows, so it is no question mark and no word
            if tail[0] in ".,;:)" and spaced_quotes and self._opening_slot_before(self._source, run.start):
                closing = self.data.quotes[0][1]
                return [Reading(closing, QUOTE_PAIRED, "lone '?' before punctuation read as the closing quotation mark of a pair")]
            if tail[0] in ".,;:)" and self.data is not None and self.data.quotes \
                    and self._open_quotation(line, run.start):
                # "„român ?," : the quotation opened before it closes, set apart from its last word
                return [Reading(self.data.quotes[0][1], QUOTE_CLOSES_OPEN,
                                "lone '?' before punctuation read as the closing quotation mark of one opened before")]
            if tail[0] in ".,;:!)":  # "recibirá 500 ?.": a price
                prices = self._price_signs(before)
                if prices:
                    return prices
            if tail[0] in ".,;:)" and before and self.data is not None:
                # "isto ?, à beira", "paroquial ?, sem dúvida": a one-letter word that may end a
                # clause (the verb "é"; a preposition, "à", never does)
                word_before = before.rsplit(None, 1)[-1].lstrip(OPENERS)
                return [r for r in self._one_letter_readings(word_before, "", self.grammar.sentence_start(line, run.start))
                        if self.lower(r.text) not in self.data.never_final]
            return []
        if not following:
            return []  # end of line: a real question mark (or nothing to tell)
        separator = self._separator_reading(run, line)
        if separator is not None:
            return [separator]
        if before and self._narrator_dash_before(following):
            return [Reading(self.data.dialogue_dash, LONE_DASH_STARTS_LINE,
                            "lone '?' before a verb of saying read as the dash setting the narrator's words apart")]
        nxt = following[0]
        if is_slot(nxt) and following[1:2].isalpha():
            nxt = "X"  # the next word lost its first letter: a word all the same, of either case
        sentence_follows = self._sentence_follows(following)
        if self._ordinal_set_apart(before, following):
            return [self._ordinal_indicator(run, line)]  # "fue el 14 ? país": "14 º país"
        readings = self._lone_symbols(before, following)
        after_colon = before.endswith(":")
        quoted_question = spaced_quotes and self._open_quotation(line, run.start) \
            and self._closer_before_incise(line, run.end)
        if run.text == "?" and before and not after_colon:  # "dit : ? Oui": no question opens so
            if quoted_question:
                keep = QUESTION_BEFORE_INCISE
            elif nxt.isalpha() and not sentence_follows:
                keep = LONE_QUESTION_BEFORE_CAPITAL if nxt.isupper() else LONE_QUESTION_BEFORE_LOWERCASE
            elif nxt.isdigit():  # "de 1949 ? 1976": few sentences open with a number
                keep = LONE_QUESTION_BEFORE_DIGIT
            else:
                keep = 0.0
            if not self.data or not self.data.space_before_question_mark:
                keep += LONE_QUESTION_UNSPACED  # "Co ?" is not how this language writes a question
            elif before.rsplit(None, 1)[-1].lower() in self.data.question_enders:
                keep += QUESTION_AFTER_QUESTION_WORD  # "Combien ? Cet article", "Et alors ? Secourue"
            if before.endswith(".") and not before.endswith(".."):
                keep += LONE_QUESTION_AFTER_FULL_STOP
            readings.append(Reading(run.text, keep, "real question mark"))
        sentence_start = self.grammar.sentence_start(line, run.start)
        if nxt.isalnum():
            # the token right before: "de 1949 ? 1976" follows a number, not the determiner "de"
            word_before = before.rsplit(None, 1)[-1].lstrip(OPENERS) if before else ""
            word_after = following.split(None, 1)[0].rstrip(_CLOSERS + ".,;:!")
            readings += self._one_letter_readings(word_before, word_after, sentence_start,
                                                  after_name=self._name_before(before) or self._subject_before(before),
                                                  after_infinitive=self._governed_infinitive_before(before),
                                                  clitic_infinitive=self._clitic_infinitive_after(before, following),
                                                  subject_before=self._article_noun_before(before))
        # a turn of dialogue opens with the language's dialogue dash
        dialogue_dash = (self.data.dialogue_dash if self.data is not None else "") or "–"
        if not before:  # "? Tak, oczywiście.": a dialogue line
            readings.append(Reading(dialogue_dash, LONE_DASH_STARTS_LINE, "lone '?' opening a line read as a lost dash"))
        elif before[-1] in ".!…" or (before[-1] == "?" and run.text != "?"):
            # "świadomie. ? ale": a question mark follows no full stop; "Co? � i tak": nor a
            # question's own mark, which a page that writes its lost letters as U+FFFD kept
            # (where they are "?", the one before may be a lost letter: "wypi?a? ? Gdzie")
            readings.append(Reading(dialogue_dash, LONE_DASH_MID_LINE_SPACED_QUOTES if spaced_quotes
                                    else LONE_DASH_STARTS_LINE, "lone '?' opening a sentence read as a lost dash"))
        elif before[-1].isalnum() or before[-1] in _CLOSERS:
            readings.append(Reading("–", LONE_DASH, "lone '?' between words read as a lost dash"))
        # a closing mark the line kept after the slot, with none opening it: its own opening one
        opens_kept = spaced_quotes and nxt.isalnum() and self._opens_kept_closer(self._source, run.start)
        if spaced_quotes and after_colon and nxt.isupper() and not self._open_quotation(line, run.start):
            # "elle écrit : ? J'ai …": what a colon announces, a quotation opening a sentence
            readings.append(Reading(self.data.quotes[0][0], QUOTE_AFTER_COLON,
                                    "lone '?' after a colon read as an opening quotation mark"))
        elif self.data is not None and self.data.quotes and self._open_quotation(line, run.start) \
                and (spaced_quotes or not self._closing_slot_after(self._source, run.end)):
            # (where quotation marks cling to their words, a closing one later in the line,
            # glued to its last word, closes the quotation: "„von Wassersportlern ? für
            # Wassersportler?" holds a dash)
            # set apart from its last word only where the language spaces its quotation marks;
            # elsewhere as rare as a quotation mark in the wrong place ("„român ? ar"); a
            # quotation of whole sentences closes where one ends, not before a lower-case word
            # that goes on with the sentence ("le droit de « collecter (...). Les clubs jouent
            # les uns contre les autres ? deux reprises" is "à"), nor before a later lone slot
            # that closes it before a verb of stating ("« Nous irons ? Paris … ?, a déclaré")
            # nor where the line kept the quotation's own closing mark further on ("« Ils
            # vont ? Paris », dit-il")
            kept_closer_follows = self._kept_closer_follows(self._source, run.end)
            closes = spaced_quotes and not (nxt.islower() and self._quotes_sentence_end(line, run.start)) \
                and not self._lone_attributed_closer_after(self._source, run.end) and not kept_closer_follows \
                and not quoted_question
            if spaced_quotes and before.endswith(" ?") and self._closer_before_incise(line, run.start - 2):
                closes = True  # the second of "? ? m?a-t-elle", after the question's own "?"
            # before a bracket no word goes on, as before punctuation ("„România ? [1]")
            closes = closes or (following[:1] in "([" and not kept_closer_follows)
            readings.append(Reading(self.data.quotes[0][1], QUOTE_CLOSES_OPEN if closes else QUOTE_PAIRED,
                                    "lone '?' read as the closing quotation mark of one opened before"))
        elif spaced_quotes and nxt.isupper() and (not before or before[-1] in ".!…") \
                and not (opens_kept or self._closing_slot_after(self._source, run.end)):
            readings.append(Reading(self.data.quotes[0][0], SPACED_QUOTE_OPENS_SENTENCE,
                                    "lone '?' opening a sentence read as an opening quotation mark"))
        elif spaced_quotes and nxt.isalnum() and (opens_kept or self._closing_slot_after(self._source, run.end)):
            sure = opens_kept or self._lone_closer_after(self._source, run.end) \
                or (nxt.isupper() and sentence_start and (self._lone_attributed_closer_after(self._source, run.end)
                                                          or self._question_closes_before_incise(self._source, run.end)))
            readings.append(Reading(self.data.quotes[0][0], QUOTE_PAIR_TAKEN if sure else QUOTE_PAIRED,
                                    "lone '?' before a word read as the opening quotation mark of a pair"))
        return readings

    def _narrator_dash_before(self, following: str) -> bool:
        """Does a verb of saying (``saying_verbs``, perhaps with lost letters of its own) open
        ``following``, after a lone slot in mid-line: the dialogue dash that sets the
        narrator's words apart from a turn ("— Quem és tu? ? perguntou", "venho da parte do
        seu filho ? respondeu ele")?  No one-letter word ("é", "à") stands before a finite
        verb, nor a real "?" set apart from its word.  Only where the dash stands apart from
        the words (not ``glued_dialogue_dash``)."""
        if self.data is None or not self.data.dialogue_dash or self.data.glued_dialogue_dash:
            return False
        word = self.lower(following.split(None, 1)[0].rstrip(".,;:!"))
        return any(spells(word, verb) for verb in self.data.saying_verbs)

    def _turn_asks_before(self, line: str, pos: int) -> bool:
        """Does a question or exclamation of a turn of dialogue end right before ``pos``, the
        sentence opened by a dash ("— Tot nu s-a întors? întrebă")?  A verb of saying after
        it goes on with that sentence, in lower case."""
        before = line[:pos].rstrip()
        if before[-1:] not in ("?", "!"):
            return False
        opening = max(before.rfind(end, 0, len(before) - 1) for end in (". ", "! ", "? ", "… ", "\n"))
        turn = before[opening + 1:].lstrip()
        return turn[:1] in ("—", "–", "-", self.data.dialogue_dash or "—")

    def _closer_before_incise(self, line: str, pos: int) -> bool:
        """Does a lone slot follow ``pos``, then a verb whose subject is inverted after it
        (``question_opener_endings``: "m?a-t-elle", "demanda-t-il")?  That slot closes a
        quotation before its incise, and a lone slot right before it is the quoted question's
        own "?" ("« Tu as pensé aux billets ? ? m?a-t-elle demandé")."""
        following = re.match(r" [?\ufffd] (\S+)", line[pos:])
        if following is None or self.data is None:
            return False
        word = self.lower(following.group(1).rstrip(".,;:!"))
        return any(word.endswith(ending) for ending in self.data.question_opener_endings if ending.startswith("-"))

    def _question_closes_before_incise(self, line: str, pos: int) -> bool:
        """Does a quoted question close after ``pos`` before an incise (two lone slots, the
        second before a verb with its subject inverted: "? Vous partez d?j? ? ?
        demanda-t-il")?  The sentence opened by a lone slot is then that quotation."""
        return any(line[i - 1] == " " and self._closer_before_incise(line, i + 1)
                   for i in _slot_positions(line, pos, len(line)))

    def _quoted_one_letter_word(self, run: DamagedRun, line: str) -> list[Reading]:
        """Two slots alone where a sentence opens, before a lower-case word, in a language that
        glues its quotation marks: a quotation opening on a one-letter word ("assunto. ?? que a
        presença" is "«É que"; no word is two lost letters alone, no real "??" goes on so)."""
        following = line[run.token_end:].lstrip()
        if self.data is None or not self.data.quotes or self.data.spaced_quotes \
                or not following[:1].islower() or not self.grammar.sentence_start(line, run.start):
            return []
        word_after = following.split(None, 1)[0].rstrip(_CLOSERS + ".,;:!?")
        opening = self.data.quotes[0][0]
        return [Reading(opening + r.text, r.score + QUOTE_PAIRED, f"{r.reason}, after a lost opening quotation mark",
                        r.evidence)
                for r in self._one_letter_readings("", word_after, True)]

    def _lost_two_letter_words(self, run: DamagedRun, line: str) -> list[Reading]:
        """Two slots alone before a lower-case word, in a sentence that lost letters of other
        words too: a listed word both of whose letters were lost (Turkish "?? saatlik" is "üç
        saatlik"), both of them the language's own letters.  A real "??" may go on in lower
        case ("Vraiment ?? je ne crois pas"), but not in a sentence whose words lost letters."""
        following = line[run.token_end:].lstrip()
        if self.data is None or not following[:1].islower() or not self._sentence_lost_letters(run):
            return []
        return [Reading(self._apply_case(run.text, cand, run, line, self.grammar.sentence_start(line, run.start)) or cand.text,
                        math.log10(cand.frequency), self._describe_candidate(cand), self._evidence(cand),
                        cand.how)
                for cand in self.finder.find(run.text) if cand.how == "word list" and cand.frequency
                and not cand.ascii_capital and all(c in self.data.letters for c in cand.text)]

    def _sentence_lost_letters(self, run: DamagedRun) -> bool:
        """Did the sentence of ``run``, in the line as it came, lose letters elsewhere: a slot
        glued to a letter outside the run's token?  A damaged page shows it around its
        slots; a real question mark next to intact words does not ("Ai instalat Photoshop?
        Nu, încă nu", on a page damaged elsewhere)."""
        start, end = sentence_around(self._source, run)
        return any(not run.token_start <= m.start() < run.token_end
                   for m in _GLUED_SLOT.finditer(self._source, start, end))

    def _ordinal_set_apart(self, before: str, following: str) -> bool:
        """Does a singular article and a number of a few digits stand before the slot, and a
        lower-case word after it ("el 14 ? país", "la 4 ? temporada"), no article nor a word
        making a price a rate (Portuguese "vende a 30 ? o quilo", "a 30 ? por mês")?"""
        words = before.rsplit(None, 2)[-2:]
        noun = re.match(r"[^\W\d_]+", following)
        return self.data is not None and bool(self.data.ordinal_articles) and len(words) == 2 \
            and self.lower(words[0]) in self.data.ordinal_articles and words[1].isdigit() \
            and len(words[1]) <= MAX_ORDINAL_DIGITS and noun is not None and noun.group().islower() \
            and len(noun.group()) >= 3 and not any(noun.group() in s.rate_words(self.lang) for s in symbols())

    def _separator_reading(self, run: DamagedRun, line: str) -> Reading | None:
        """The separator a lone slot is, when it is one of a chain of such slots between
        short parts (``SEPARATED_PART_WORDS`` words at most, no sentence punctuation): a
        breadcrumb's after a home page's name ("Startseite ? Nachrichten ? Energie ?"), a
        list's in a long enough chain ("Corona ? Covid-19 ? Hilfe ? Piraten") where quotation
        marks are not set apart."""
        line = self._source  # as damaged: the chain's other slots may be read already
        seps = [m.start() for m in re.finditer(r"(?<= )%s(?= )" % re.escape(run.text), line)]
        if run.start not in seps or len(seps) < 2:
            return None
        at = seps.index(run.start)
        first = last = at
        while first > 0 and _separated_part(line[seps[first - 1] + 2:seps[first] - 1]):
            first -= 1
        while last + 1 < len(seps) and _separated_part(line[seps[last] + 2:seps[last + 1] - 1]):
            last += 1
        chain = last - first + 1
        if chain < 2:
            return None
        home = self.lower(last_word(line[:seps[first]]).strip(OPENERS + ":"))
        # where quotation marks stand apart from their words, a chain of short parts is
        # quotations ("sa « grande » réforme de « moralisation »"): a breadcrumb only
        listed = not (self.data is not None and self.data.spaced_quotes)
        # a home page's name says whose separator it is; without one, a list's long chain does
        breadcrumb = any(home in symbol.home_words for symbol in symbols())
        for symbol in symbols():
            if (home in symbol.home_words) if breadcrumb \
                    else (listed and symbol.separator_run and chain >= symbol.separator_run):
                return Reading(symbol.char, SYMBOL_IDENTIFIED,
                               f"lone '?' in a row of {chain} between short parts read as a lost '{symbol.char}'")
        return None

    def _lone_symbols(self, before: str, following: str) -> list[Reading]:
        """A lone slot after a number: a symbol its next word identifies ("9 ? C" → "9 ° C")
        or one a number takes ("100 ? de reserva" → "100 € de reserva"); after the word
        introducing a picture's credit, before a name: the copyright sign ("Foto: ? Hans")."""
        previous = before.rsplit(None, 1)[-1:]
        if previous and following[:1].isupper():
            credit = self.lower(previous[0].rstrip(":"))
            credits = [Reading(symbol.char, SYMBOL_IDENTIFIED, f"lone '?' after '{previous[0]}' read as a lost '{symbol.char}'")
                       for symbol in symbols() if credit in symbol.credit_words]
            if credits:
                return credits
        if not previous or not _NUMBER.fullmatch(previous[0]):
            return []
        if following[:1].isdigit():
            return self._margin_signs(previous[0], following)
        word_after = following.split(None, 1)[0].rstrip(".,;:!)") if following else ""
        out = []
        for symbol in symbols():
            char = symbol.char_in(self.lang)
            if word_after in symbol.after_digit_before_words:
                out.append(Reading(char, SYMBOL_IDENTIFIED,
                                   f"lone '?' between a number and '{word_after}' read as a lost '{char}'"))
            elif symbol.alone_after_number and self.lower(word_after) in symbol.rate_words(self.lang) \
                    and self._price_number(symbol, previous[0]):
                out.append(Reading(char, SYMBOL_PRICE,
                                   f"lone '?' between a number and '{word_after}' read as the price's '{char}'"))
            elif symbol.alone_after_number and not _DATE.fullmatch(previous[0]):
                # (after a date a dash stands: "Nike Jane ? 14.09.2022 ? Kolumne"; a year
                # may be a price: "hasta 1500 ? y pico")
                out.append(Reading(char, SYMBOL_AFTER_NUMBER, f"lone '?' after a number read as a lost '{char}'"))
        return out

    @staticmethod
    def _margin_signs(value: str, following: str) -> list[Reading]:
        """A lone slot between a number and a smaller one, one of them with a decimal part
        ("6,48 ? 0,54", "3,4 ? 0,5 ml/min"): the measure's margin. A range goes up, and a
        score has no decimals."""
        margin = _NUMBER.match(following)
        numbers = (value, margin.group() if margin else "")
        if not all(_PLAIN_NUMBER.fullmatch(n) for n in numbers) or not any(_DECIMAL_NUMBER.fullmatch(n) for n in numbers):
            return []
        first, second = (float(n.replace(",", ".")) for n in numbers)
        if second >= first:
            return []
        return [Reading(symbol.char, SYMBOL_IDENTIFIED,
                        f"lone '?' between {numbers[0]} and the smaller {numbers[1]} read as a lost '{symbol.char}'")
                for symbol in symbols() if symbol.margin_between_numbers]

    def _section_signs(self, following: str) -> list[Reading]:
        """A lone slot opening a line or sentence before a number that a sentence or a
        subsection reference follows: a statute's section sign ("? 3 Diese Verordnung",
        "? 5 odst. 1", "? 3. Ustawa")."""
        heading = re.match(r"\d{1,4}[a-z]?\.? +([^\W\d_]+)", following)
        if heading is None or self.data is None:
            return []
        word = heading.group(1)
        # a capital after the number opens a sentence, where no noun takes one
        sentence = self._sentence_follows(word) or (word[:1].isupper() and not self.data.noun_endings)
        return [Reading(symbol.char, SYMBOL_IDENTIFIED, f"lone '?' before a section's number read as '{symbol.char}'")
                for symbol in symbols()
                if self.lang in symbol.heading_languages
                and (sentence or self.lower(word) in symbol.heading_words(self.lang))]

    def _glued_price_signs(self, run: DamagedRun, line: str) -> list[Reading]:
        """A slot glued after a number, before a word that makes a price a rate ("650? par
        mois", "15? por persona"): the price's sign, as when set apart."""
        number = line[run.token_start:run.start]
        following = NEXT_WORD.match(line, run.token_end)
        if following is None:
            return []
        word = self.lower(following.group(1))
        return [Reading(symbol.char_in(self.lang), SYMBOL_PRICE,
                        f"'?' between a number and '{word}' read as the price's '{symbol.char_in(self.lang)}'")
                for symbol in symbols()
                if symbol.alone_after_number and word in symbol.rate_words(self.lang)
                and self._price_number(symbol, number)]

    def _price_signs(self, before: str) -> list[Reading]:
        """A lone slot between a number and punctuation ("recibirá 500 ?."): no real "?"
        stands before a full stop, so it is the sign of a price, where the page's currency
        is written with one."""
        previous = before.rsplit(None, 1)[-1:]
        return [Reading(symbol.char_in(self.lang), SYMBOL_PRICE,
                        f"lone '?' between a number and punctuation read as the price's '{symbol.char_in(self.lang)}'")
                for symbol in symbols()
                if symbol.alone_after_number and previous and self._price_number(symbol, previous[0])]

    def _price_number(self, symbol: Symbol, number: str) -> bool:
        """Is ``number`` a price in a language whose prices take ``symbol``: a number, no year?"""
        return self.lang in symbol.price_languages and _NUMBER.fullmatch(number) is not None \
            and not _YEAR.fullmatch(number)

    def _ordinal_indicator(self, run: DamagedRun, line: str) -> Reading:
        """"2? Divisão", "1? lugar": a slot glued after a number is the ordinal indicator,
        feminine before a noun with a feminine ending or after a feminine ordinal earlier in
        the line ("3ª a 6?" is "6ª"), masculine otherwise; an ordinal a short word joins to
        the next one takes that one's indicator, or is read by the noun after it ("3? a 6ª"
        is "3ª", "3? a 6? sessões" "3ª a 6ª": ordinals of one range count one noun); where a sentence follows, the
        noun is the heading's before the number ("Artículo 5.? Las" is "5.º", "Cláusula 2.?" "2.ª")."""
        masculine, feminine = self.data.ordinal_indicators
        # (the indicators are data: escaped, as any of the language table's strings may hold a
        # pattern's character; the patterns are compiled once, by the re module's cache)
        either = re.escape(feminine) + "|" + re.escape(masculine)
        # the ordinal a short word joins it to ("3? a 6?", "3? a 6ª"): the range's noun follows that one
        partner = re.match(r"\s+\S{1,3}\s+\d+(" + either + r"|[?\ufffd])", line[run.end:])
        if partner is not None and partner.group(1) in (feminine, masculine):
            return Reading(partner.group(1), ORDINAL_INDICATOR,
                           f"'?' after a number read as the ordinal indicator '{partner.group(1)}' of the one after it")
        # (the partner's token ends at the next space: "6?," is one)
        end = line.find(" ", run.end + partner.end()) if partner else run.token_end
        following = NEXT_WORD.match(line, end) if end >= 0 else None
        word = self.lower(following.group(1)) if following else ""
        if self._sentence_follows(line[run.token_end:].strip()):
            word = self.lower(last_word(line[:run.token_start]))
        feminine_word = len(word) > 1 and any(_ends_like(word, ending) for ending in self.data.feminine_endings)
        after_feminine = re.search(r"\d" + re.escape(feminine) + r"\W+\S{0,3}\W*$", line[:run.start]) is not None
        char = feminine if feminine_word or after_feminine else masculine
        return Reading(char, ORDINAL_INDICATOR, f"'?' after a number read as the ordinal indicator '{char}'")

    def _before_attribution(self, line: str, slot: int) -> bool:
        """Is the slot at ``slot`` glued between a word and a comma that a verb of stating
        follows ("mostrarem as suas capacidades?, afirmou"), where quotation marks are glued
        (French "donn?, a dit" is "donné")?"""
        # the comma and the verb first: most slots have neither after them
        if self.data is None or self.data.spaced_quotes or not self._attribution_after(line, slot + 1):
            return False
        before = line[slot - 1:slot]  # a letter, or a slot for one ("seguir as??, nos dijo")
        # a word of one letter is no quotation's end ("B?, dice Nauges" is "Bè"), and an
        # apocope's final slot is its apostrophe ("Be?, disse" is "Be’")
        word = preceding_word(line, slot)
        letters = sum(c.isalpha() for c in word.group()) if word else 0
        # two letters or more: a word stands there
        return ((before.isalpha() or is_slot(before)) and letters >= 2
                and self.lower(word.group()) not in self.data.apocopes  # type: ignore[union-attr]
                and not (self._takes_lost_final_vowel(word.group())  # type: ignore[union-attr]
                         and not self._open_quotation(line, slot)))

    def _takes_lost_final_vowel(self, word: str) -> bool:
        """Is ``word``, with the vowel a charset loses at words' ends (``lost_final_vowel``:
        Romanian "-ă") after it, a listed word?  Then a slot after it is that vowel as often
        as a closing mark ("dificil?, a spus ministrul" is "dificilă"): a closing mark only
        where the line opened a quotation."""
        return bool(self.data.lost_final_vowel) and word.isalpha() \
            and self._known_frequency(word + self.data.lost_final_vowel) > 0

    def _attribution_after(self, line: str, pos: int) -> bool:
        """Do a comma and a verb of stating follow at ``pos`` (", afirmou", ", a regretté",
        ", a-t-il dit")?"""
        if self.data is None or not self.data.quotes:
            return False
        return self._reporting_verb_after(line, pos, self.data.attribution_verbs)

    def _asking_after(self, line: str, pos: int) -> bool:
        """Do a comma and a verb of asking follow at ``pos`` ("¿Vienes?, preguntó")?"""
        return self.data is not None and self._reporting_verb_after(line, pos, self.data.asking_verbs)

    def _reporting_verb_after(self, line: str, pos: int, verbs: frozenset[str]) -> bool:
        """Do a comma and one of ``verbs`` follow at ``pos``, perhaps after an auxiliary?"""
        if not verbs or line[pos:pos + 2] != ", ":
            return False
        following = line[pos + 2:].split(None, 2)
        words = [self.lower(word.split("-")[0].rstrip(".,;:!")) for word in following]  # "disse-nos"
        if len(words) > 1 and words[0] in self.data.before_reporting_verb:
            words = words[1:]  # "a regretté", "a-t-il dit"
        if not words:
            return False
        verb = words[0]
        if verb.rstrip("?") in verbs:
            return True
        # the verb may have lost letters itself ("suficiente?, lament? el"), not read yet
        return has_slot(verb) and any(spells(verb, v) for v in verbs)

    @per_document
    def _attributed_closer_after(self, line: str, pos: int) -> bool:
        """Is the next glued slot after ``pos`` at a word's edge one before a verb of stating
        ("?Já perdemos … figurinhas?, desabafou"), with no slot opening a word before it that
        may be a quotation mark (a listed word's lost first letter is none: "?Hemos sufrido
        hasta el ?ltimo minuto?, celebr?")?"""
        for i in _slot_positions(line, pos, len(line)):
            if i + 1 < len(line) and line[i + 1].isalpha() and (line[i - 1].isspace() or line[i - 1] in OPENERS) \
                    and not self._lost_first_letter(line, i):
                return False  # another quotation opens first
            if self._before_attribution(line, i):
                return True
        return False

    def _lost_first_letter(self, line: str, slot: int) -> bool:
        """Is the slot at ``slot``, glued before a word, that word's lost first letter: the
        word without it unlisted, with a letter there listed ("?ltimo" is "último")?"""
        word = WORD_WITH_SLOTS.match(line, slot + 1)
        if word is None or self._known_frequency(word.group()):
            return False
        return self._known_frequency(line[slot:word.end()]) > 0

    def _lone_closer_after(self, line: str, pos: int) -> bool:
        """Is the next lone slot after ``pos``, within a few words, one that can only be a
        closing quotation mark: standing alone before punctuation ("un aspect ? formel ?.",
        "le mot ? indépendante ?, qui") or before a word no one-letter word of the language
        stands before (``never_before``: "aux candidats ? sassanides légitimes ? au trône",
        "un ? Souverain grand comité ? dont"), or right after a single lower-case word that is no
        infinitive (one word set apart by two lone slots is quoted: "de droit ? romain ? et",
        "le poids ? sec ? des navires"; "à rester à" holds an infinitive ``à`` governs,
        "arrivé ? Paris ? 20 heures" a name, "peu ? peu ? la" a doubled word)?  The opening
        one then pairs with it."""
        for i in _slot_positions(line, pos, len(line)):
            if self._opens_after_elision(line, i):
                return False  # "? obtenir ce qu'il appelait l'? instantanéité ?,": the closer is that one's
            if line[i - 1] != " " or (i + 1 < len(line) and line[i + 1].isalnum()):
                continue  # a slot inside a word
            words = line[pos:i].split()
            if len(words) == 1 and words[0].isalpha() and words[0].islower() and line[i + 1:i + 2] == " " \
                    and not words[0].endswith(self.data.infinitive_endings) \
                    and line[:pos].rsplit(None, 2)[-2:-1] != words:
                return True
            return len(words) <= SURE_PAIR_WORDS and i + 1 < len(line) \
                and (line[i + 1] in ".,;:)" or self._no_one_letter_word_before(line[i + 1:]))
        return False

    def _no_one_letter_word_before(self, following: str) -> bool:
        """Does ``following`` open with a lower-case word none of the language's one-letter
        words stands before (``never_before``: French "à" before "et", "au", "dont")?  A
        capitalised one may open a sentence after a real "?" ("la fuite ? Et toi ?"), and an
        object pronoun its infinitive after "à" (``infinitive_clitics``: "prêt à les
        rejoindre")."""
        words = following.split(None, 1)
        if not words or not self.data.one_letter_words or not words[0][:1].islower():
            return False
        word = self.lower(words[0])
        if word in self.data.infinitive_clitics:
            return False
        return all(word in self.data.never_before.get(one, ()) for one in self.data.one_letter_words)

    def _kept_closer_follows(self, line: str, pos: int) -> bool:
        """Is the next quotation mark after ``pos`` in the line as received a closing one
        (the line kept it: "« Ils vont ? Paris », dit-il")?"""
        opening, closing = self.data.quotes[0]
        closer = line.find(closing, pos)
        return closer >= 0 and opening not in line[pos:closer]

    def _opens_kept_closer(self, line: str, slot: int) -> bool:
        """Is the lone slot at ``slot`` the lost opening mark of a closing one the line kept
        after it, with no opening one left in the line before it ("? La défense … de graves
        abus », a ajouté", "et de ? quinze de profondeur »")?  A closing mark is never
        without its opening one: of the lone slots before a word since the line's last
        quotation mark, the last one where a sentence opens (a quoted statement: "? Nous
        ne céderons rien ? personne », a déclaré"), else the last one, past those before a
        lower-case word ending like an infinitive, which ``à`` governs ("continuent ? être
        les victimes")."""
        if not self._kept_closer_follows(line, slot):
            return False
        opening, closing = self.data.quotes[0]
        last_opening, last_closing = line.rfind(opening, 0, slot), line.rfind(closing, 0, slot)
        if last_opening > last_closing:
            return False  # a quotation the line opened: the kept mark closes it
        openers = []
        for i in _slot_positions(line, last_closing + 1, line.find(closing, slot)):
            if not (i == 0 or line[i - 1] == " ") or line[i + 1:i + 2] != " ":
                continue  # no lone slot
            word = line[i + 2:].split(None, 1)[0] if line[i + 2:].strip() else ""
            if not (word[:1].isalnum() or (is_slot(word[:1]) and word[1:2].isalpha())):
                continue
            if word.islower() and word.rstrip(".,;:!").endswith(self.data.infinitive_endings):
                continue
            openers.append((line[:i].rstrip()[-1:] in ("", ".", "!", "…", ":"), i))
        return bool(openers) and max(openers)[1] == slot

    def _lone_attributed_closer_after(self, line: str, pos: int) -> bool:
        """Is a later lone slot one before a comma and a verb of stating ("? On a tout
        donné, mais ça n’a pas suffi ?, a regretté l’entraîneur"), with no lone slot before
        other punctuation first, which would close the quotation there?  A sentence opened
        by a lone slot is then the quoted statement, no dialogue line opened by a dash."""
        for i in _slot_positions(line, pos, len(line)):
            if line[i - 1] != " " or (i + 1 < len(line) and line[i + 1].isalnum()):
                continue  # a slot inside a word
            if self._attribution_after(line, i + 1):
                return True
            if i + 1 < len(line) and line[i + 1] in ".,;:)":
                return False
            if line[:i].rstrip()[-1:] in (".", "!", "…", ":"):
                return False  # "? Paris, le maire … plan. ? Nous investirons ?, a-t-il": that one opens it
        return False

    def _ends_mesoclisis(self, before: str) -> bool:
        """Is ``before`` (the token before a slot that ends it) a listed infinitive, or an
        irregular future's stem (``mesoclitic_stems``), and a clitic joined by hyphens
        ("Poder-se-", "dir-lhe-"): the clitic stands inside the future, whose one-letter
        ending is the slot (``mesoclitic_ending``: "poder-se-á")?"""
        if self.data is None or not self.data.mesoclitic_ending or not before.endswith("-"):
            return False
        verb, _, pronoun = before[:-1].rpartition("-")
        verb = self.lower(verb)
        return verb.isalpha() and self.lower(pronoun) in self.data.mesoclitic_pronouns \
            and (verb in self.data.mesoclitic_stems or self._is_listed_infinitive(verb))

    def _closing_after_punctuation(self, run: DamagedRun, line: str) -> list[Reading]:
        """"Porto.?": a slot glued after a full stop closes a quotation opened earlier; so
        does one after a real question mark, before a comma or a space ("Sie?\ufffd, fragte sie": a
        "?" is real only where the page lost its characters as U+FFFD)."""
        if self.data is None or not self.data.quotes:
            return []
        closing = self.data.quotes[0][1]
        if line[run.start - 1] == "?":
            if line[run.end:run.token_end] in ("", ",") and self._open_quotation(line, run.start):
                return [Reading(closing, QUOTE_CLOSES_OPEN,
                                "slot after a question mark read as the closing quotation mark of one opened before")]
            return []
        source = self._source
        # a slot at a word's start that may have opened it: not one the line, repaired to the
        # left, reads as a word's letter ("?al??arak ikimizi..?" is "çalışarak ikimizi..?", a
        # question trailing off)
        if run.end != run.token_end or not any((i == 0 or source[i - 1] in OPENERS) and not line[i].isalpha()
                                               for i in _slot_positions(source, 0, run.start)):
            return []
        return [Reading(closing, QUOTE_PAIRED, "'?' after a full stop read as the closing quotation mark of a pair")]

    def _saying_follows(self, line: str, pos: int, any_word: bool = True) -> bool:
        """Does a verb of saying (perhaps one that lost its first letter: "?ekl"), or with
        ``any_word`` or after a dash (Polish "„…?” – zapytała") any lower-case word, follow
        the space at ``pos``, going on with the sentence a quotation ended in?"""
        following = re.match(r" ([-–—?\ufffd] )?(\S+)", line[pos:])
        if following is None:
            return False
        word = self.lower(following.group(2).rstrip(".,;:!"))
        if any(spells(word, verb) for verb in self.data.saying_verbs):
            return True
        return word[:1].islower() and (any_word or following.group(1) is not None)

    def _closing_after_comma(self, run: DamagedRun, line: str) -> list[Reading]:
        """"ale nestačilo to,? ?ekl trenér": a slot glued after a comma, before a word that
        goes on with the sentence (lower-case, or a verb of saying that lost its first
        letter), closes the quotation the line opened, where the comma goes inside it (Czech
        "„…, ale nestačilo to,“ řekl"); no letter and no real "?" follows a comma."""
        if self.data is None or not self.data.quotes or self.data.spaced_quotes \
                or not self._open_quotation(line, run.start) or not self._saying_follows(line, run.end):
            return []
        return [Reading(self.data.quotes[0][1], QUOTE_CLOSES_OPEN,
                        "'?' after a comma read as the closing quotation mark of one opened before")]

    def _one_letter_readings(self, word_before: str, word_after: str, sentence_start: bool,
                             after_name: bool = False, after_infinitive: bool = False,
                             clitic_infinitive: bool = False, subject_before: bool = False) -> list[Reading]:
        """The language's one-letter words for a lone slot; none right after a determiner;
        one holding an article is likelier before a noun of its gender, and less likely
        after a name, which governs no preposition ("A URV ? produzida" is "é"), more likely
        after an infinitive a preposition governs, which is no subject of a verb ("para
        trazer ? flor" is "à")."""
        if self.data is None or not self.data.one_letter_words:
            return []
        if word_before and self.lower(word_before) in self.data.determiners \
                and not self._numeral_range(word_before, word_after):
            return []
        after = self.lower(word_after)
        top = max(self.finder.frequency(w) for w in self.data.one_letter_words) or 1.0
        agreeing = self._agreeing_one_letter_words(word_before, word_after, subject_before)
        # a real "?" may end the word after ("Vens hoje ? noite?"); a slot inside it stays
        context_after = after.rstrip("?") if after.rstrip("?").isalpha() else after
        if self.lower(word_before) in self.data.before_verbs and context_after in self.data.possessives:
            # a word the language puts a verb after wants its verb, and a possessive after the
            # slot opens its complement ("que ? sua intenção" is "é sua", against "à sua"); a
            # fixed adverbial phrase stands anywhere ("que à noite")
            context_after = ""
        readings = []
        for word in self.data.one_letter_words:
            freq = self.finder.frequency(word)
            if not freq or (after in self.data.never_before.get(word, ()) and not clitic_infinitive):
                continue  # "à le" is always "au", but for "à le faire"
            if self.lower(word_before) == word:
                continue  # "invité à ? goûter": no such word is doubled
            score = math.log10(freq / top) + (LONE_LETTER_BEFORE_CAPITAL if word_after[:1].isupper() else 0.0)
            if word in agreeing:
                score += ONE_LETTER_AGREEMENT
            if after_name and word in self.data.article_holders \
                    and not self.data.context_fits(word, self.lower(word_before), ""):
                score += ONE_LETTER_ARTICLE_AFTER_NAME
            if self.data.contexts and self.data.context_fits(word, self.lower(word_before), context_after):
                score += CONTEXT
            if after_infinitive and word in self.data.article_holders:
                score += ONE_LETTER_ARTICLE_AFTER_INFINITIVE
            if self.charset.charset_loss and self.charset.was_kept(word):
                score += CHARSET_KEPT_PENALTY
            shown = word.upper() if sentence_start else word
            readings.append(Reading(shown, score, f"lone '?' between words read as the {self.lang} word '{word}'",
                                    f"frequency {freq:.2g}"))
        return readings

    @staticmethod
    def _name_before(before: str) -> bool:
        """Does a name end ``before``: a capitalised word (or one closing a bracket) in
        mid-sentence, not after a comma ("Em Lagoa, ? inaugurada" may be "à noite" too)?"""
        tokens = before.split()
        if len(tokens) < 2 or re.search(r"[.!?:…]$", tokens[-2]):
            return False
        word = tokens[-1].lstrip(OPENERS).rstrip(")")
        return word[:1].isupper() and word.isalpha()

    def _clitic_infinitive_after(self, before: str, following: str) -> bool:
        """Does ``following`` (the line after a lone slot) open with an object pronoun and an
        infinitive (``infinitive_clitics``: "prêt ? les rejoindre", "? le faire"), after a
        word that is no question's last (``question_enders``: "Et pourquoi ? les aider")?  An
        infinitive ends like one (``infinitive_endings``) and has no plural: a word whose
        "-s" form the list holds at ``NOUN_PLURAL_SHARE`` of its frequency or more is a noun
        ("le centre", "le plaisir", "le devoir"), which takes "au".  Not when another lone
        slot follows in the sentence, which may close a quotation the slot opens ("le mot ?
        le faire ? dans")."""
        if self.data is None or not self.data.infinitive_clitics:
            return False
        words = following.split(None, 2)
        if len(words) < 2 or words[0] not in self.data.infinitive_clitics \
                or self.lower(before.rsplit(None, 1)[-1]) in self.data.question_enders:
            return False
        verb = words[1].rstrip(_CLOSERS + ".,;:!")
        if not (verb.isalpha() and verb.islower() and verb.endswith(self.data.infinitive_endings)):
            return False
        frequency = self.finder.frequency(verb)
        if not frequency or self.finder.frequency(verb + "s") >= NOUN_PLURAL_SHARE * frequency:
            return False
        rest = words[2] if len(words) > 2 else ""
        end = _SURE_SENTENCE_END.search(rest)
        return not _LONE_SLOT.search(rest[:end.start()] if end else rest)

    def _governed_infinitive_before(self, before: str) -> bool:
        """Does ``before`` end in an infinitive (known by its listed gerund) right after a
        preposition that governs it in mid-sentence (``infinitive_prepositions``: "para
        trazer", "a ler")?  Such an infinitive is no subject, so a lone slot after it is no
        verb of its: "é" would need one.  A sentence opening with the preposition fronts a
        clause its verb may follow ("Para ganhar é preciso")."""
        if self.data is None or not self.data.infinitive_prepositions:
            return False
        tokens = before.split()
        return len(tokens) >= 3 and not _ENDS_SENTENCE.search(tokens[-3]) \
            and self.lower(tokens[-2]) in self.data.infinitive_prepositions \
            and tokens[-1].isalpha() and self._is_listed_infinitive(self.lower(tokens[-1]))

    def _subject_before(self, before: str) -> bool:
        """Does ``before`` end in the subject opening its sentence, a singular article and a
        lower-case noun (``subject_determiners``: "A entrada ? gratuita", "O mar ?
        cristalino"), whose verb the lone slot is rather than a preposition?  A noun that
        governs one keeps it ("O acesso à praia": ``contexts``)."""
        tokens = before.split()
        return self._article_noun_before(before) and (len(tokens) == 2 or bool(_ENDS_SENTENCE.search(tokens[-3])))

    def _article_noun_before(self, before: str) -> bool:
        """Does ``before`` end in a singular article and a lower-case noun ("o vencedor"),
        a subject a lone slot after it may be the verb of?"""
        if self.data is None or not self.data.subject_determiners:
            return False
        tokens = before.split()
        if len(tokens) < 2:
            return False
        article, noun = tokens[-2].lstrip(OPENERS), tokens[-1]
        return self.lower(article) in self.data.subject_determiners and noun.isalpha() and noun.islower()

    def _numeral_range(self, word_before: str, word_after: str) -> bool:
        """Do two numerals stand around the slot ("une ? deux semaines": "une à deux"), the
        first of which is also an article?"""
        return bool(self.data.numerals) and self.lower(word_before) in self.data.numerals \
            and self.lower(word_after) in self.data.numerals

    def _agreeing_one_letter_words(self, word_before: str, word_after: str, subject_before: bool) -> set[str]:
        """The one-letter words holding an article that agree with ``word_after``: a word
        of three letters or more in lower case or capitalised, not a determiner, with one of
        their noun endings, lost letters matching any non-ASCII one ("à entrada", "à
        informa??o"; not "é uma", "é a"); never after a word the language puts a verb after
        ("não é bonita"), nor before a participle ("A energia nuclear ? usada" is "é").  A
        capitalised word names a place or a body, whose gender its ending shows as a noun's
        ("críticas à Câmara", "atribuída à Roménia": the Portuguese dev gold writes "à"
        before 11 such words and "é" before none); an abbreviation in capitals shows none
        ("depoimentos à PF"), and the name after a subject, an article and a noun, may be
        its predicate ("o vencedor é Costa"; ``subject_before``)."""
        low = self.lower(word_after)
        if (len(low) < 3 or not word_after[1:].islower() or (subject_before and not word_after[:1].islower())
                or low in self.data.determiners
                or self.lower(word_before) in self.data.before_verbs
                or not all(c.isalpha() or is_slot(c) for c in low) or self._feminine_participle(low)):
            return set()
        return {word for word, endings in self.data.one_letter_agreement
                if any(_ends_like(low, ending) for ending in endings)}

    def _feminine_participle(self, word: str) -> bool:
        """Is ``word`` (lower-case, intact) a feminine participle rather than a noun: its
        masculine form at least as frequent in the word list ("usada" / "usado", not
        "entrada" / "entrado")?"""
        for feminine, masculine in self.data.feminine_participles:
            if word.endswith(feminine) and len(word) > len(feminine) + 1:
                frequency = self.finder.frequency(word)
                if frequency and self.finder.frequency(word[:-len(feminine)] + masculine) >= frequency:
                    return True
        return False

    def _sentence_follows(self, following: str) -> bool:
        """Does ``following`` start a new sentence: a capitalised function word ("Le", "Il",
        "Pour"), not a name ("Paris")?"""
        first = re.split("['’]", following.split(None, 1)[0])[0]  # "L'enclave": "L"
        word = first.strip(_CLOSERS + OPENERS + ".,;:!?")
        if not word[:1].isupper():
            return False
        return self.lower(word) in stopwords(self.lang)

    # ---------------------------------------------------------------- position
    def _ends_question(self, source: str, pos: int) -> bool:
        """Is the "?" at ``pos`` of the line as received a question's own: the last "?" that
        ends (a capital or the line end after it) a sentence opening with an interrogative
        (``question_openers``, ``question_opener_endings``: "Pourquoi … lisent-ils … qu?avant ?
        Selon", "De ce … ?nainte? Potrivit")?  Sentences are told apart by sure ends only (".",
        "!", "…"), as any "?" may be a lost letter.  Not after a capitalised word in mid-sentence:
        a name before another capitalised word lost its last letter ("Kiedy Pawe? Kowalski",
        "Quando Nicol? Barella")."""
        if self.data is None or not self.data.question_openers or source[pos] != "?" \
                or not self._may_end_sentence(source, pos):
            return False
        start = self._sure_sentence_start(source, pos)
        end = _SURE_SENTENCE_END.search(source, pos)
        if any(source[i] == "?" and self._may_end_sentence(source, i)
               for i in _slot_positions(source, pos + 1, end.start() if end else len(source))):
            return False  # "Pourquoi aller ? Paris … ? Je": the question ends further on
        words = source[start:pos].split()
        if len(words) > 1 and words[-1].lstrip(OPENERS)[:1].isupper():
            return False
        return self._opens_question(source[start:pos])

    @staticmethod
    def _may_end_sentence(source: str, pos: int) -> bool:
        """Is the slot at ``pos`` followed (past closing marks) by the line end, or a space
        and a capital?"""
        after = _AFTER_SENTENCE_END.match(source, pos + 1)
        return after is not None and (after.group(1) is None or after.group(1).isupper())

    @staticmethod
    def _sure_sentence_start(source: str, pos: int) -> int:
        """Where the sentence holding ``pos`` starts: after the last sure end before it."""
        end = pos
        while True:
            end = max(source.rfind(mark, 0, end) for mark in ".!…")
            if end < 0:
                return 0
            found = _SURE_SENTENCE_END.match(source, end)
            if found is not None and found.end() <= pos:
                return found.end()

    def _opens_question(self, sentence: str) -> bool:
        """Is ``sentence`` a question by its opening: an interrogative or the language's
        question opening ("¿", or a slot glued before an interrogative: "?C?mo")?  Where the
        language inverts a question's subject pronoun (``question_opener_endings``: French
        "Faut-il", "Est-ce"), a first word so inverted, or an interrogative with such a word
        after it ("Pourquoi les élèves lisent-ils"), or one word at most after it, an elliptic
        question ("Qui sait ? Harold", "Pourquoi pas ? Les"): an interrogative before a plain
        subject and its verb opens a clause ("Quand il est arrivé ? Paris," is "à Paris")."""
        sentence = sentence.lstrip(OPENERS)
        opening = self.data.question_opening
        if opening and sentence[:1] == opening:
            return True
        if opening and is_slot(sentence[:1]) and sentence[1:2].isalpha():
            sentence = sentence[1:]
        words = [self.lower(w.rstrip(",;:")) for w in sentence.split()]
        if not words:
            return False
        endings = self.data.question_opener_endings
        inverted = [bool(endings) and "-" in w and w.endswith(endings) for w in words]
        if inverted[0]:
            return True
        opens = any(len(words) >= len(phrase) and all(spells(w, p) for w, p in zip(words, phrase))
                    for phrase in self.data.question_openers)
        return opens and (not endings or any(inverted) or len(words) <= ELLIPTIC_QUESTION_WORDS)

    def _asked_question(self, run: DamagedRun, readings: list[Reading]) -> list[Reading]:
        """Readings of ``run`` that keep its word's last "?" where that is a question's own
        (``_ends_question``): no quotation mark there, nor a letter when the word before it
        is a listed one; nor is the word's leading slot before lower-case letters an opening
        quotation mark when that "?" is its only other slot ("De ce … ?nainte? Potrivit",
        "\ufffdnainte?": "înainte?", never "„nainte”")."""
        source = self._source
        # the token's last slot must be a "?" that may end a sentence (most are a lost
        # letter's): told by two searches before the token's slots are listed and remembered
        last = max(source.rfind("?", run.token_start, run.token_end),
                   source.rfind("\ufffd", run.token_start, run.token_end))
        if last < 0 or source[last] != "?" or not self._may_end_sentence(source, last):
            return readings
        slots = self._slots_ending_question(source, run.token_start, run.token_end)
        if slots is None:
            return readings
        if run.end - 1 == slots[-1]:
            if any(r.text.endswith("?") and r.how in LISTED for r in readings):
                readings = [r for r in readings if r.text.endswith("?")]
            elif self.data.quotes:
                closings = tuple(closing for _, closing in self.data.quotes)
                readings = [r for r in readings if not r.text.endswith(closings)]
        if len(slots) == 2 and run.start == slots[0] and self._at_token_start(run, source) \
                and source[slots[0] + 1:slots[1]].isalpha() and source[slots[0] + 1:slots[1]].islower() \
                and self.data.quotes:
            openings = tuple(opening for opening, _ in self.data.quotes)
            readings = [r for r in readings if not r.text.startswith(openings)]
        return readings

    @per_document
    def _slots_ending_question(self, source: str, start: int, end: int) -> list[int] | None:
        """Where the slots of the token ``source[start:end]`` stand, when its last one ends
        a question (:meth:`_ends_question`); None otherwise.  Remembered for the document:
        every resolution of a run asks, on the line as received, in each of the stage's passes."""
        slots = [m.start() for m in SLOT_PATTERN.finditer(source, start, end)]
        if not slots or self.data is None or not self._ends_question(source, slots[-1]):
            return None
        return slots

    def _question_word_prior(self, core: str, line: str, run: DamagedRun) -> float:
        """log10 plausibility of a real "?" after ``core`` from the question words of a
        language that always writes one in a question (Turkish "mi", "ne", "nasıl"): likelier
        right after one, unlikely in a sentence with none (a word that may be one because
        of its lost letters counts)."""
        start = max(line.rfind(c, 0, run.token_start) for c in ".!?…:;\n") + 1
        words = [self.lower(w) for w in line[start:run.token_start].split()] + [self.lower(core)]
        words = [w.strip(OPENERS + _CLOSERS + ",") for w in words]
        if self.lower(core) in self.data.question_words:
            return QUESTION_AFTER_QUESTION_WORD
        if any(self._may_be_question_word(w) for w in words):
            return 0.0
        return QUESTION_WITHOUT_QUESTION_WORD

    def _may_be_question_word(self, word: str) -> bool:
        if word in self.data.question_words:
            return True
        if not has_slot(word):
            return False
        return any(len(q) == len(word) and _ends_like(word, q) for q in self.data.question_words)

    def _question_prior(self, run: DamagedRun, line: str) -> float:
        """log10 plausibility that the run's last "?" is a real question mark."""
        prior = QUESTION_IN_DAMAGED_LINE if self._is_line_damaged() else QUESTION_IN_INTACT_LINE
        tail = line[run.end:run.token_end]
        if tail:
            if tail.startswith(("...", "…")):
                return prior
            if self._asking_after(line, run.end):
                return prior + QUESTION_ENDS_SENTENCE  # "¿Vienes?, preguntó": who asked it follows
            if tail[0] in ".,;:" or (tail[0] == "-" and tail[1:2].isalnum()):
                return prior + QUESTION_BEFORE_PUNCTUATION  # "Kim o?.", "pr?-ménopausiques"
            if tail[0] == "!":
                return prior + QUESTION_ENDS_SENTENCE
            return prior + QUESTION_BEFORE_CLOSING
        following = line[run.token_end:].lstrip()
        if following[:1] in _QUOTE_OPENERS and following[1:2].isalpha():
            following = following[1:]  # "será «um importante …»": the word the quotation opens
        if following and following[0] in "?\ufffd":
            if following[1:2] == " " and following[2:3].islower():
                return prior + QUESTION_BEFORE_LOWERCASE  # "transport? ? l'hôpital": a lone "à" follows
            return prior + QUESTION_BEFORE_SLOT
        if following and following[0].islower():
            if self.data is not None and self.lower(following.split(None, 1)[0].rstrip(".,;:!?")) in self.data.saying_verbs:
                return prior  # "olur mu? dedi", "Kam to jde? zeptala se": a question, then who asked it
            if self.data is not None and self.data.only_saying_after_question \
                    and not run.text.endswith(("??", "\ufffd\ufffd")):
                # a language whose quoted questions are followed by its verbs of saying has
                # no other lower-case word after a real "?" ("nasıl anlatacağımı bilmiyorum":
                # an embedded question, with no mark); a doubled one stays emphatic
                # ("bilmiyorum??? dedim" or not)
                return prior + QUESTION_BEFORE_LOWERCASE + QUESTION_BEFORE_OTHER_THAN_SAYING
            return prior + QUESTION_BEFORE_LOWERCASE  # the sentence goes on
        if following and following[0].isupper() and self._inside_name_before_vowel(run, line):
            return prior + QUESTION_BEFORE_LOWERCASE  # "Societatea Literar? Rom?n?": "Literară"
        if following and following[0].isupper() and self.data is not None \
                and self.lower(following.split(None, 1)[0].rstrip(".,;:!?")) in self.data.sentence_enclitics:
            return prior + QUESTION_BEFORE_LOWERCASE  # "Bawi? Cię moje zalety": no sentence opens so
        if following and following[0].isupper() and not self._sentence_follows(following):
            return prior  # a name may follow a word in mid-sentence
        return prior + QUESTION_ENDS_SENTENCE

    def _inside_name_before_vowel(self, run: DamagedRun, line: str) -> bool:
        """Is the run's word, before its final slot, a capitalised word right after another
        in mid-sentence (a name: "Societatea Literar? Rom?n?", "Banca Na?ional? Rom?n?"), and,
        with the vowel a charset loses at words' ends (``lost_final_vowel``: Romanian "-ă"),
        a listed word?  Names of institutions are nouns and their adjectives, capitalised
        word after word, and a question ends in none of them ("Literară", "Națională")."""
        word = line[run.token_start:run.end - 1]
        before = line[:run.token_start].rsplit(None, 1)[-1:]
        return self.data is not None and bool(self.data.lost_final_vowel) and run.end == run.token_end \
            and word[:1].isupper() and all(c.isalpha() or is_slot(c) for c in word) \
            and bool(before) and self.grammar.name_word(before[-1]) \
            and not self.grammar.sentence_start(line, line.rfind(before[-1], 0, run.token_start)) \
            and self._known_frequency(word + self.data.lost_final_vowel) > 0

    @staticmethod
    def _at_token_start(run: DamagedRun, line: str) -> bool:
        return all(c in OPENERS for c in line[run.token_start:run.start])

    @staticmethod
    def _at_token_end(run: DamagedRun, line: str) -> bool:
        return all(not c.isalnum() for c in line[run.end:run.token_end])

    def _open_quotation(self, line: str, pos: int) -> bool:
        """Was a quotation opened (and not closed) before ``pos`` in the repaired line?"""
        opening, closing = self.data.quotes[0]
        return line.count(opening, 0, pos) > line.count(closing, 0, pos)

    def _quotes_sentence_end(self, line: str, pos: int) -> bool:
        """Does a sentence end between the quotation left open before ``pos`` and ``pos``?"""
        opened = line.rfind(self.data.quotes[0][0], 0, pos)
        return _SENTENCE_BREAK.search(line, opened, pos) is not None

    def _closing_slot_after(self, line: str, pos: int) -> bool:
        """A slot after ``pos`` where a closing quotation mark could have been: at the end
        of a word, or (spaced quotes) alone."""
        for i in _slot_positions(line, pos, len(line)):
            after_ok = i + 1 == len(line) or not line[i + 1].isalnum()
            if self.data.spaced_quotes:
                before_ok = i > 0 and (line[i - 1].isalnum() or line[i - 1] in ".!…" or line[i - 1] == " ")
            else:
                before_ok = i > 0 and (line[i - 1] in ".!…" or self._known_word_before(line, i))
            if after_ok and before_ok:
                return True
        return False

    def _opening_slot_before(self, line: str, pos: int) -> bool:
        """A slot before ``pos`` where an opening quotation mark could have been."""
        for i in _slot_positions(line, 0, pos):
            if i > 0 and line[i - 1] not in OPENERS:
                continue  # no opening mark stands there (told before the word after it is looked up)
            if self.data.spaced_quotes:
                after_ok = i + 1 < len(line) and (line[i + 1].isalnum() or line[i + 1] == " ")
            else:
                after_ok = self._known_word_at(line, i + 1)
            if after_ok:
                return True
        return False

    def _known_word_before(self, line: str, pos: int) -> bool:
        """Is the slot at ``pos`` glued after a listed word it cannot be a letter of?"""
        start = pos
        while start > 0 and line[start - 1].isalpha():
            start -= 1
        if start == pos or (start > 0 and is_slot(line[start - 1])):
            return False
        return self._quote_not_letter(line[start:pos], line[start:pos + 1])

    def _known_word_at(self, line: str, pos: int) -> bool:
        """Is the slot before ``pos`` glued to a listed word it cannot be a letter of?"""
        end = pos
        while end < len(line) and line[end].isalpha():
            end += 1
        if end == pos or (end < len(line) and is_slot(line[end])):
            return False
        return self._quote_not_letter(line[pos:end], line[pos - 1:end])

    @per_document
    def _quote_not_letter(self, word: str, with_slot: str) -> bool:
        """A slot glued to ``word`` is a quotation mark's only if ``word`` is listed and no
        listed word has the slot as a letter ("?Wort", but not "?ey": "şey")."""
        if not self.finder.frequency(self.lower(word)):
            return False
        return not any(c.how in KNOWN for c in self.finder.find(self.lower(with_slot)))

    @staticmethod
    def _slot_at_word_end_after(line: str, pos: int) -> bool:
        """A slot after ``pos`` glued to the end of a word or punctuation."""
        for i in _slot_positions(line, pos, len(line)):
            if (i + 1 == len(line) or not line[i + 1].isalnum()) and i > 0 and not line[i - 1].isspace():
                return True
        return False

    @staticmethod
    def _question_end_after(line: str, pos: int) -> int | None:
        """Offset of the first "?" after ``pos`` that may end a question (before a space,
        the end of the line or more punctuation), after a letter, or a letter lost as U+FFFD
        ("\ufffdQu\ufffd? No" is "¿Qué? No")."""
        for i in _slot_positions(line, pos, len(line)):
            if line[i] == "?" and (i + 1 == len(line) or not line[i + 1].isalnum()) \
                    and (line[i - 1].isalpha() or line[i - 1] == "\ufffd"):
                return i
        return None

    def _question_may_open(self, line: str, pos: int) -> bool:
        """May a question open at ``pos``: at a sentence start, or after ";" or "," (Spanish
        "…del departamento; ¿Cómo es posible?")?"""
        return self.grammar.sentence_start(line, pos) or line[:pos].rstrip(OPENERS)[-1:] in (";", ",")

    # ---------------------------------------------------------------- case
    def _apply_case(self, core: str, cand: Candidate, run: DamagedRun, line: str,
                    sentence_start: bool, case: _CoreCase | None = None) -> str | None:
        """``cand`` written in ``core``'s case (``case``: ``core``'s, when the caller has it
        for all its candidates); None when no case of it can have been lost so.  Which
        candidates it reads ``run`` and ``line`` for, :meth:`_case_reads_context` tells."""
        case = case or _CoreCase(core)
        text = cand.text
        if not case.all_caps and case.slots_before_capitals \
                and any(text[i] != APOSTROPHE for i in case.slots_before_capitals if i < len(text)):
            return None  # "?Tomislav", "d?Unalaska": a letter before a capital starts no word
        if case.all_caps and cand.how == "final vowel":
            return None  # "OK?": a word in capitals, an abbreviation, takes no inflection's vowel
        # a case suffix after an abbreviation's apostrophe is lower-case ("ANAP’ı", "ABD’nin")
        # unless its kept letters are capitals ("ANKARA’DA")
        suffix_from = max(text.rfind(APOSTROPHE), text.rfind("'")) + 1 if cand.how == "suffix" else len(text)
        lower_suffix = case.all_caps and not any(c.isupper() for c in core[suffix_from:])
        capitals = case.all_caps or (case.lone_capital and self._among_capitals(line, run))
        chars = list(core[:len(text)])
        for i in case.slots:
            if i >= len(text):
                break
            if i == 0 and cand.ascii_capital:
                chars[0] = cand.ascii_capital
                continue
            got = text[i]
            upper = (capitals and not (i >= suffix_from and lower_suffix)) \
                or (i == 0 and self._capital_start(core, cand, run, line, sentence_start)) \
                or (i > 1 and text[i - 1] in "'" + APOSTROPHE and self._capital_after_elision(cand, run, line))
            if upper and got != APOSTROPHE:
                big = got.upper()
                if len(big) != 1 or big.isascii():
                    return None  # no capital of this letter could have been lost (Turkish ı → I)
                got = big
            chars[i] = got
        return "".join(chars)

    def _among_capitals(self, line: str, run: DamagedRun) -> bool:
        """Is the word after the run's written in capitals, or the word before it and the one
        after not in lower case ("proč M? VLASTN? D?T?": a word whose only kept letter is its
        first capital is in capitals too, "MÉ")?"""
        after = line[run.token_end:].split(None, 1)[:1]
        if after and _all_capitals(after[0]):
            return True
        before = line[:run.token_start].rsplit(None, 1)[-1:]
        return bool(before) and _all_capitals(before[0]) and not (after and after[0].islower())

    def _capital_start(self, core: str, cand: Candidate, run: DamagedRun, line: str,
                       sentence_start: bool) -> bool:
        if sentence_start and cand.text in stopwords(self.lang) and _after_dotted_acronym(line, run.token_start):
            # "pe listele Alianței D.A. ?i este": the point is the acronym's; the dev gold
            # writes a function word after one in lower case 4 times, capitalised once
            sentence_start = False
        if cand.how == "foreign list":
            return True  # a name: the page's letter model does not spell it
        if sentence_start:
            if self._month_after_day(cand, run, line):
                return False  # "2. ?nora 2006": the day's ordinal point ends no sentence
            # '"…vás?" ?ekl primář': the verb of saying after quoted speech goes on its sentence
            # ("— Tot nu s-a întors? ?ntreb? bătrâna": after a turn of dialogue's question too)
            return not (self.data is not None and self.lower(cand.text) in self.data.saying_verbs
                        and (line[:run.start].rstrip()[-1:] in _CLOSERS or self._turn_asks_before(line, run.start)))
        if self.finder.vocabulary.capitalised_share(cand.text.replace(APOSTROPHE, "'")) >= 0.5:
            return True
        after = line[run.end:run.end + 2]
        if len(after) == 2 and after[0] == "-" and after[1].isupper():
            return True  # "?tats-Unis": the parts of a capitalised compound share its case
        if self.data is None:
            return False
        if self.data.capital_senses and self._capital_sense(cand.text, run, line):
            return True
        if self.data.is_proper_noun(self.lower(cand.text)):
            return True  # "el ?frica central", "im Süden ?sterreichs": a name, wherever it stands
        if self._unlisted_name(cand):
            return True  # "el distrito de ?vreux": no word of the language opens so
        if self.data.noun_endings:
            # German capitalises nouns: "?berraschung" is "Überraschung" anywhere in a sentence,
            # and so is the word a determiner opens a noun phrase for ("meiner ?lbremse")
            return cand.text.endswith(self.data.noun_endings) or self._linked_compound_noun(self.lower(cand.text)) \
                or self._heads_noun_phrase(run, line, self.lower(cand.text))
        suffix = _SUFFIX_AFTER_APOSTROPHE.search(cand.text)
        if suffix is not None and self.lower(suffix.group(1)) in self.data.suffix_apostrophe:
            return True  # Turkish splits a case suffix off proper nouns only: "?elebi'yi"
        if self.data.suffix_apostrophe and core in self.finder.vocabulary.damaged_before_apostrophe:
            return True  # "çadırda ?ura ekmek" where the page writes "?ura'n?n": its name again
        return self._in_name(line, cand, run) or self._opens_listed_name(line, cand, run) \
            or self._plural_name_word(line, cand, run) or self._inner_name_word(line, cand, run) \
            or self._in_title(line, run)

    def _in_title(self, line: str, run: DamagedRun) -> bool:
        """In a language that capitalises every word of a title (``capitalises_title_words``),
        is the word inside one: a capitalised word right before it in mid-sentence and two
        right after it, no punctuation between ("Ev ?st?ne Felsefece Bir Deneme başlıklı")?
        Function words count: a title capitalises them too, and mid-sentence nothing else
        does ("Bir")."""
        if not self.data.capitalises_title_words or run.start != run.token_start \
                or line[run.end:run.token_end] != "":
            return False
        before = line[:run.token_start].rsplit(None, 1)[-1:]
        after = line[run.token_end:].split(None, 2)[:2]
        if not before or len(after) < 2 or not capitalised(before[0]) or not capitalised(after[0]) \
                or not capitalised(after[1].rstrip(",.;:!")):
            return False
        return not self.grammar.sentence_start(line, line.rfind(before[0], 0, run.token_start))

    def _unlisted_name(self, cand: Candidate) -> bool:
        """Is the word one neither the word list nor the page knows, opening with a lost
        letter the language's own words open with only in common words (``name_initials``:
        Spanish "época", "índice", "último", all listed), so a foreign name ("el distrito de
        ?vreux" → "Évreux")?"""
        return bool(self.data.name_initials) and cand.text[:1] in self.data.name_initials \
            and not cand.frequency and not cand.in_document

    def _plural_name_word(self, line: str, cand: Candidate, run: DamagedRun) -> bool:
        """In a language that capitalises every word of a name but its function words
        (Spanish, Portuguese; ``name_plural_endings``), is a plural word right before a
        capitalised plural word in mid-sentence, the adjective or noun agreeing with it in a
        name ("las ?rdenes Militares", "dos Negócios Estrangeiros")?  A first name or a
        surname after a common noun, which stays lower-case ("el guitarrista Paul"), is no
        plural; an adjective that goes before its noun qualifies the name after it
        (``prenominal_adjectives``: "los últimos Juegos Olímpicos")."""
        if not self.data.name_plural_endings or run.start != run.token_start or line[run.end:run.token_end] != "" \
                or cand.text in stopwords(self.lang) or not cand.text.endswith(self.data.name_plural_endings) \
                or cand.text in self.data.prenominal_adjectives:
            return False  # "los últimos Juegos Olímpicos": an adjective before the name it qualifies
        after = line[run.token_end:].split(None, 1)[:1]
        if not after:
            return False
        following = after[0].rstrip(",.;:)")
        return following[:1].isupper() and following[1:].islower() and following.endswith(self.data.name_plural_endings) \
            and following.isalpha() and self.finder.frequency(self.lower(following)) > 0

    def _inner_name_word(self, line: str, cand: Candidate, run: DamagedRun) -> bool:
        """In a language that capitalises every word of a name but its function words, is the
        word inside a name: a capitalised word in mid-sentence before it and another after
        it, a particle (``name_particles``) between the word and one of them, not both ("a
        Assembleia da ?rea Metropolitana", "los Baños ?rabes de Cogollos")?  Between two
        such words the dev gold writes 4 words opening with an accented vowel capitalised
        and none in lower case (of all words not function words, 497 against 42, mostly
        verbs and prepositions: "Port Royal desde Inglaterra"). Both neighbours must be
        plain capitalised words: an abbreviation or a quoted title is no word of the name."""
        if not self.data.name_particles or run.start != run.token_start or line[run.end:run.token_end] != "" \
                or cand.text in stopwords(self.lang):
            return False
        before = line[:run.token_start].rsplit(None, 2)[-2:]
        after = line[run.token_end:].split(None, 2)[:2]
        particle_before = bool(before) and self.lower(before[-1]) in self.data.name_particles
        particle_after = bool(after) and self.lower(after[0]) in self.data.name_particles
        before, after = before[:len(before) - particle_before], after[particle_after:]
        if not before or not after or particle_before == particle_after:
            # two names side by side may hold any word ("en Madrid últimamente Juan"), and a
            # phrase may stand between two of a name's complements ("a Lisboa da época de Pombal")
            return False
        name_before, name_after = before[-1], after[0].rstrip(",.;:)")
        return _title_word(name_before) and _title_word(name_after) \
            and not self.grammar.sentence_start(line, line.rfind(name_before, 0, run.token_start))

    def _month_after_day(self, cand: Candidate, run: DamagedRun, line: str) -> bool:
        """Is the word a month right after a day's number and its ordinal point, in a
        language that writes dates so and its months in lower case (``date_months``: Czech
        "2. února 2006", "24. června")?"""
        return self.data is not None and self.lower(cand.text) in self.data.date_months \
            and _DAY_ORDINAL_BEFORE.search(line, 0, run.token_start) is not None

    def _opens_listed_name(self, line: str, cand: Candidate, run: DamagedRun) -> bool:
        """Does the word open the next name of a list of names: after a comma or "and" closing
        a name of two capitalised words that itself follows a comma, before a capitalised word
        ("Dalar, Nurullah Eren, ?emsi Ara?, Behzat Kulur", "Karada?, Cavit Erkut, ?zg?r ILS
        ve", "Ara?, Behzat Kulur ve ?zg?r Ta?")?  Not an apposition to a single name ("com
        Jorge Petiz, ?rbitro Internacional"), nor a function word ("Isabel Cruz, da
        Associação")."""
        if run.start != run.token_start or line[run.end:run.token_end] != "" or cand.text in stopwords(self.lang):
            return False
        before = line[:run.token_start].rsplit(None, 4)[-4:]  # all that is asked
        after = line[run.token_end:].split(None, 1)[:1]
        if before and self.lower(before[-1]) in self.data.name_conjunctions:
            before = before[:-1]
        elif before and before[-1].endswith(","):
            before[-1] = before[-1][:-1]
        else:
            return False
        if len(before) < 3 or not after or not before[-3].endswith(","):
            return False  # a list has an item before the name ("Jorge Petiz, ?rbitro da FIFA" is no list)
        first, second, following = before[-2], before[-1], after[0].rstrip(",.;:")
        return self.grammar.name_word(first) and self.grammar.name_word(second) and following[:1].isupper() \
            and all(c.isalpha() or is_slot(c) for c in following) \
            and not self.grammar.sentence_start(line, line.rfind(first, 0, run.token_start))

    def _linked_compound_noun(self, word: str) -> bool:
        """Is ``word`` a compound whose first part is a noun joined by its linking "s"
        ("überzeugungsarbeit"), and whose last part, at least three letters, no adjective's
        ("handlungsfähige", "bildungspolitisch")?"""
        for link in self.data.noun_links:
            at = word.find(link, 2)
            if at < 0 or len(word) - at - len(link) < 3:
                continue
            stem = word
            for inflection in ADJECTIVE_INFLECTIONS:
                if stem.endswith(inflection) and stem[:-len(inflection)].endswith(self.data.adjective_heads):
                    stem = stem[:-len(inflection)]
                    break
            return not stem.endswith(self.data.adjective_heads)
        return False

    def _heads_noun_phrase(self, run: DamagedRun, line: str, word: str) -> bool:
        """Is ``word`` (lower-case) the noun of a phrase a determiner opens: right after it
        ("meiner ?lbremse wurden"; after one that is a pronoun too, "die ?mter in", only a
        word shaped as no adjective, verb or function word is), or after it and an inflected
        adjective ("der blutigste ?berfall in"), with no capitalised word after it (then it
        is an adjective: "die ?berzeugte Frau")?"""
        if run.start != run.token_start or not self.data.noun_determiners_before_adjective:
            return False
        if self._between_listed_nouns(run, line):
            return True
        clause = clause_before(line, run.token_start).split()
        if not clause:
            return False
        if line[run.end:run.token_end] == "":
            # a capitalised word after it, or after an inflected adjective after it, is the
            # noun ("einen ?bergroßen Hut", "ein ?berm??ig großer Hut")
            after = line[run.token_end:].split(None, 2)[:2]
            if after and after[0][:1].isupper():
                return False
            # (a function word in an adjective's endings opens the next phrase: "zur ?bersicht der
            # Hauptinhalte")
            if len(after) == 2 and after[0].rstrip(".,;:!?").lower().endswith(ADJECTIVE_INFLECTIONS) \
                    and after[0][-1:].isalpha() and after[1][:1].isupper() \
                    and self.lower(after[0]) not in stopwords(self.lang):
                return False
        previous = self.lower(clause[-1])
        if previous in self.data.noun_determiners:
            return True
        if (previous in self.data.noun_determiners_before_adjective or self._inflected_adjective(clause[-1])) \
                and self._noun_shaped(word, previous):
            return True
        return len(clause) > 1 and clause[-1].islower() and previous.endswith(ADJECTIVE_INFLECTIONS) \
            and self.lower(clause[-2]) in self.data.noun_determiners_before_adjective

    def _noun_shaped(self, word: str, determiner: str) -> bool:
        """Is ``word`` (lower-case) after ``determiner`` (a pronoun too, "die", "der", "am",
        or an adjective, "soziale") no function word ("die über 50"), no adverb ("übrigens",
        "üblicherweise"), no adjective ("die übliche", "die älter"), no verb in "-t" whose
        stem takes the infinitive's "-en"/"-n" ("die überzeugt sind", "das ändert"), nor a
        verb in "-en" (its stem takes "-t": "die überleben"; after an adjective not in "-en",
        any word in "-en": "selber übernehmen"), or after "am" a superlative ("am ärgsten");
        4 letters or listed ("kleinem „g“!" lost its quotation marks)?"""
        if not word.isalpha() or not (len(word) > 3 or self.finder.frequency(word)) \
                or word in stopwords(self.lang) or word.endswith(("weise", "ens")) or self._adjective_shaped(word):
            return False
        if word.endswith("en") and (determiner == "am" or self.finder.frequency(word[:-2] + "t") or not (
                determiner.endswith("en") or determiner in self.data.noun_determiners_before_adjective)):
            return False  # an adjective agrees with its plural noun in "-en" ("brutalen ?bergriffen")
        listed = self.finder.frequency
        return not (word.endswith("t") and (listed(word[:-1] + "en") or listed(word[:-1] + "n")))

    def _inflected_adjective(self, word: str) -> bool:
        """Is ``word`` an adjective in lower case with an inflection on a listed stem
        ("soziale", "brutalen"; not "selber", nor a function word, "alles")?"""
        if not word.islower() or word in stopwords(self.lang):
            return False
        return any(word.endswith(ending) and self.finder.frequency(word[:-len(ending)])
                   and self._adjective_shaped(word[:-len(ending)]) for ending in ADJECTIVE_INFLECTIONS)

    def _adjective_shaped(self, word: str) -> bool:
        """Is ``word`` (lower-case) listed with 4 of the adjective inflections on its stem
        (``NOUN_SHAPE_ADJECTIVE_FORMS``: "üblich", "übliche", "üblichen", "üblicher")?"""
        listed = self.finder.frequency
        return any(sum(1 for ending in ADJECTIVE_INFLECTIONS if listed(stem + ending)) >= NOUN_SHAPE_ADJECTIVE_FORMS
                   for stem in {word, *(word[:-len(ending)] for ending in ADJECTIVE_INFLECTIONS if word.endswith(ending))})

    def _between_listed_nouns(self, run: DamagedRun, line: str) -> bool:
        """Does the word stand in a list between two capitalised words, nouns where every noun
        takes a capital ("viel Zeit, ?rger, Stress und Geld")?"""
        before = line[:run.token_start].rsplit(None, 1)[-1:]
        after = line[run.token_end:].split(None, 1)[:1]
        return line[run.end:run.token_end] == "," and bool(before) and before[-1].endswith(",") \
            and capitalised(before[-1].rstrip(",")) and bool(after) and capitalised(after[0].rstrip(",.;:"))

    def _capital_after_elision(self, cand: Candidate, run: DamagedRun, line: str) -> bool:
        """Is the word after an elided one ("l’?tat") written with a capital: as the page
        writes it elsewhere, or in the sense the language capitalises ("l’État")?"""
        bare = cand.text.replace(APOSTROPHE, "'").rpartition("'")[2]
        if self.finder.vocabulary.capitalised_share(bare) >= 0.5:
            return True
        if self.data is None:
            return False
        return self.data.is_proper_noun(self.lower(bare)) or (
            bool(self.data.capital_senses) and self._capital_sense(cand.text, run, line))

    def _capital_sense(self, word: str, run: DamagedRun, line: str) -> bool:
        """Is ``word`` where the language writes it with a capital (``capital_senses``:
        French "l’État", "chef d’État", "les États membres"; not "l’état de santé")?"""
        elided, _, bare = word.replace(APOSTROPHE, "'").rpartition("'")
        senses = self.data.capital_senses.get(self.lower(bare))
        if senses is None:
            return False
        if elided:
            before = self.lower(elided)
        elif run.start > run.token_start:
            before = self.lower(line[run.token_start:run.start].rstrip("'" + APOSTROPHE))
        else:
            words = line[:run.token_start].rsplit(None, 1)[-1:]
            before = self.lower(words[-1].strip(OPENERS + _CLOSERS)) if words else ""
        tail = line[run.end:run.token_end]
        following = tail[1:] if tail.startswith("-") else line[run.token_end:]
        after = re.split(r"['’\s]", following.strip().lstrip(OPENERS), maxsplit=1)[0]
        after = self.lower(after.rstrip(_CLOSERS + ".,;:!?"))
        return any(before in befores and after not in not_after for befores, not_after in senses)

    def _in_name(self, line: str, cand: Candidate, run: DamagedRun) -> bool:
        """Is the word part of a name: a rare word (not a function word) right after a
        capitalised word in mid-sentence, with another one before that or after the word
        ("Ali Talip ?zdemir", "Miguel ?ngel Pichetto"; in a list of names: "Behzat Kulur,
        Erol ?im?ek,")?  Not one before a name ("la défunte ?pouse René Jacquin"), nor in a
        language that capitalises every noun."""
        if (run.start != run.token_start or cand.frequency >= NAME_MAX_FREQUENCY
                or cand.text in stopwords(self.lang)):
            return False
        before = line[:run.token_start].rsplit(None, 2)[-2:]  # all that is asked
        if before and self.lower(before[-1]) in self.data.saying_verbs | self.data.reporting_participles \
                and line[run.end:run.token_end][:1] in ("", ".", ",", "!", ";", ":") \
                and not any(len(suffix) >= 2 and cand.text.endswith(suffix) and self._harmonic_suffix(cand.text, suffix)
                            for suffix in self.data.suffix_apostrophe):
            # the subject put after a verb of saying, closing its clause ("dedi ?akir.", "…
            # kaydeden ?ahin,"); a subject takes no case suffix ("dedi ?aresizlikle.")
            return True
        if self._coordinated_with_name(before, cand, run, line):
            return True
        if self._declined_common_noun(cand.text):
            return False  # "Erkekler Parkı önümüzde": a name takes its suffix after an apostrophe
        if before and self._suffixed_name(before[-1]):
            return False  # "Toros Dağları'na ??kt?k": a name ends at its case suffix
        if not before or not self.grammar.name_word(before[-1]) \
                or self.grammar.sentence_start(line, line.rfind(before[-1], 0, run.token_start)):
            return False  # no name right before, or a capital owed to the sentence start
        # the name may be the next in a list ("Kulur, Erol ?im?ek")
        capitalised_before = 1 + (len(before) > 1 and self.grammar.name_word(before[-2].rstrip(",;")))
        capitalised_after = 0
        if line[run.end:run.token_end] == "":  # no punctuation closes the name at the word
            for word in line[run.token_end:].split(None, 2)[:2]:
                if not self.grammar.name_word(word.rstrip(",.;:")):
                    break
                capitalised_after += 1
                if word[-1:] in ",.;:":
                    break
        return capitalised_before + capitalised_after >= 2

    def _suffixed_name(self, word: str) -> bool:
        """Does ``word`` end in a case suffix after an apostrophe (``suffix_apostrophe``:
        "Dağları'na", "Ankara’da")?"""
        cut = max(word.rfind("'"), word.rfind(APOSTROPHE))
        return cut > 0 and self.lower(word[cut + 1:].rstrip(",.;:!?")) in self.data.suffix_apostrophe

    def _declined_common_noun(self, word: str) -> bool:
        """Is ``word`` a common word with a case suffix glued to it (``suffix_apostrophe``,
        two letters or more, in harmony with it), its stem one the list declines otherwise
        too ("önümüz-de": "önümüze" is listed)?  A name takes its suffixes after an
        apostrophe ("Özer’de"), so such a word is no part of one."""
        for suffix in self.data.suffix_apostrophe:
            stem = word[:-len(suffix)]
            if len(suffix) < 2 or len(stem) < MIN_CASE_STEM or not word.endswith(suffix) \
                    or not self._harmonic_suffix(word, suffix):
                continue
            if any(other != suffix and self.finder.frequency(stem + other) for other in self.data.suffix_apostrophe):
                return True
        return False

    def _coordinated_with_name(self, before: list[str], cand: Candidate, run: DamagedRun, line: str) -> bool:
        """Is the word one no list knows, joined by "and" to a name in mid-sentence
        ("Yeltsin ve ?ernomirdin", "entre Paris et ?vreux")?  A common word after a name and
        "and" goes on the sentence ("Ankara ve çevresi"); one no list knows is a name far
        more often (in the dev gold and the team's sentences, 35 capitalised against 4)."""
        if cand.frequency or cand.in_document or len(before) < 2 \
                or self.lower(before[-1]) not in self.data.name_conjunctions:
            return False
        name = before[-2]
        return self.grammar.name_word(name) and not name.isupper() \
            and not self.grammar.sentence_start(line, line.rfind(name, 0, run.token_start))

    @staticmethod
    def _ends_sentence(line: str, run: DamagedRun) -> bool:
        """Does the run's word end its sentence (".", "!", "…" or the line's end after it,
        past closing marks: 'karıştı".')?"""
        after = line[run.end:run.token_end].lstrip(_CLOSERS)
        return after[:1] in (".", "!", "…") or (not after and not line[run.token_end:].strip())

    def _suffix_joins(self, word: str, core: str) -> bool:
        """Does the case suffix after ``word``'s apostrophe join its base as the base's last
        sound wants: a buffer consonant (``suffix_buffers``: "Ankara’nın", "Esin’e" → no
        "Esin’ye") only after a vowel, a vowel only after a consonant?  An abbreviation's
        base (capitals in ``core``: "ABD’nin", "TBMM’ye") is read by its letters' names, and
        joins as it is spoken."""
        cut = max(word.rfind(APOSTROPHE), word.rfind("'"))
        base, suffix = word[:max(cut, 0)], word[cut + 1:]
        if cut <= 0 or not suffix or _all_capitals(core[:cut]) or not base[-1].isalpha():
            return True
        vowels = "".join(self.data.vowel_classes)
        if suffix[0] in self.data.suffix_buffers:
            return base[-1] in vowels
        return suffix[0] not in vowels or base[-1] not in vowels

    def _suffix_in_vowel_class(self, word: str, core: str) -> bool:
        """Is the case suffix after ``word``'s apostrophe of its base's vowel class, or is the
        base read by its letters' names (capitals in ``core``: "AB’ye")?"""
        cut = word.rfind(APOSTROPHE)
        if cut <= 0 or _all_capitals(core[:cut]):
            return True
        return self._harmonic_suffix(word, word[cut + 1:])

    def _harmonic_suffix(self, word: str, suffix: str) -> bool:
        """May ``word`` end in the case suffix ``suffix``: is the suffix's first vowel of the
        class of its stem's last vowel (``vowel_classes``; "çaresizlik-le", not "şah-in")?
        True where the language lists no classes."""
        stem_vowels = [c for c in word[:-len(suffix)] if any(c in group for group in self.data.vowel_classes)]
        suffix_vowels = [c for c in suffix if any(c in group for group in self.data.vowel_classes)]
        if not stem_vowels or not suffix_vowels:
            return True
        return any(stem_vowels[-1] in group and suffix_vowels[0] in group for group in self.data.vowel_classes)

    # ---------------------------------------------------------------- reporting
    def _describe_candidate(self, cand: Candidate) -> str:
        if cand.how == "elision":
            elided = re.split("['’]", cand.text, maxsplit=1)[0]
            return f"lost apostrophe after the elided {self.lang} word '{elided}'"
        if cand.how == "suffix":
            suffix = re.split("['’]", cand.text)[-1]
            return f"lost apostrophe before the {self.lang} case suffix '{suffix}'"
        if cand.in_document:
            return "lost letter restored from an intact occurrence in the document"
        if cand.in_source:
            return "lost letter restored from intact occurrences in earlier documents of the same source"
        if cand.abroad > UNKNOWN_FREQUENCY * cand.likelihood:  # what counted: see _own_score
            return f"word not in the {self.lang} word list: a name restored from the {cand.lang} word list"
        if cand.how == "letter model":
            return f"word not in the {self.lang} word list: lost letter spelled from the letters around it"
        if cand.how == "negation":
            return f"lost letter restored from the {self.lang} word list, after the negative prefix"
        if cand.how == "stem":
            return f"word not in the {self.lang} word list: a listed verb stem and its suffixes"
        if cand.how == "person":
            return f"word not in the {self.lang} word list: a listed past form and its person ending"
        if cand.how == "final vowel":
            return f"word not in the {self.lang} word list: a listed word and the lost final vowel"
        return f"lost letter restored from the {self.lang} word list"

    @staticmethod
    def _describe_punctuation(prefix: str, suffix: str, question: bool) -> str:
        if question and suffix.strip("?"):
            return f"a real question mark, then the final '?' read as a lost '{suffix.strip('?')}'"
        if question:
            return "final '?' kept as a real question mark"
        parts = []
        if prefix:
            parts.append(f"leading '?' read as a lost '{prefix}'")
        if suffix:
            parts.append(f"final '?' read as a lost '{suffix}'")
        return "; ".join(parts)

    def _evidence(self, cand: Candidate) -> str:
        bits = []
        if cand.how == "letter model":
            bits.append(f"letter-model probability {cand.likelihood:.2g}")
        if cand.frequency:
            bits.append(f"{self.lang} word frequency {cand.frequency:.2g}")
        if cand.abroad:
            bits.append(f"{cand.lang} word frequency {cand.abroad:.2g}")
        if cand.in_document:
            bits.append(f"seen intact {cand.in_document}× in the document")
        if cand.in_source:
            documents = "document" if cand.in_source == 1 else "documents"
            bits.append(f"seen intact in {cand.in_source} earlier {documents} of source "
                        f"{self.finder.source_words.source}")  # type: ignore[union-attr]
        if self.charset.charset_loss:
            kept = "".join(sorted(c for c in self.charset.kept if c.isalpha()))
            bits.append(f"the page's charset kept {kept}")
        return "; ".join(bits)
