"""The grammar rules of the repair: what the words around a damaged word say of its
candidates (agreement, the case a preposition or verb governs, the person of a verb).

Each rule is a question about a candidate in its line, answered from the language's tables
(:class:`~.language.LanguageData`) and word list; the resolver (:mod:`.resolve`) weighs the
answers.  A :class:`Grammar` reads one document, as its resolver does: it remembers what it
answered about words for the document, and about the run being resolved until the next.
"""

from __future__ import annotations

import re
from typing import Callable

from ..lang import stopwords
from .candidates import APOSTROPHE, KNOWN, LISTED, CandidateFinder
from .clauses import (CLAUSE_BREAK, LETTER_RUN, NEXT_WORD, OPENERS, clause_after, clause_before, following_word,
                      last_word, letters_before_space, question_ends, sentence_around, words_before)
from .damage import DamagedRun, has_slot, is_slot
from .language import LanguageData
from .memo import per_document, per_run

__all__ = ["Grammar", "MIN_ADVERB", "MIN_CASE_STEM", "VOWELS", "capitalised"]

#: the shortest verb form whose person a lost last letter is read by: a form of one
#: syllable ("sé", "dé") is another mood or person too (the subjunctive "dé" is the third's)
MIN_PERSON_FORM = 3
#: the shortest such verb form ("dá" is a form of "dát", not of "dat")
MIN_REFLEXIVE_VERB = 4
#: how many words back a preposition may govern the case of a word (with words agreeing
#: with it between: "z każdą książką")
PREPOSITION_REACH = 3
#: ... and only for a word with this many letters before its case ending, or a shorter stem
#: whose paradigm sibling is a word of like frequency ("s mým", not "s tým")
MIN_CASE_STEM = 2
#: a noun's nominative is at least this share of its accusative's or instrumental's frequency
#: (nouns 0.18-3.6 on the word list; a verb form's misspelt "nominative", "będa", 0.003-0.05)
NOMINATIVE_SHARE = 0.1
#: the shortest verb form whose person the sentence's other verbs decide ("będę"; not "tę")
MIN_PERSON_VERB = 4
#: a noun whose ending shows the case an adjective before it takes has this many letters
#: (shorter words after an adjective are pronouns and verbs: "jsem", "tím")
MIN_CASE_NOUN = 4
#: adverbs from adjectives are at least this long (shorter words in "-ě" are pronouns: "ně")
MIN_ADVERB = 4
#: a stem is a neuter noun's when its nominative in "-o" is at least this share of the
#: masculine nominative's frequency ("místo" against the genitive plural "míst"; the
#: vocatives "ženo", "člověko" are a hundredth or less of "žen", "člověk")
NEUTER_NOMINATIVE_SHARE = 0.1
#: shorter words with an adjective's ending are pronouns and nouns ("která", "moje")
MIN_ADJECTIVE = 5
#: a predicate adjective after a copula has at least this many letters ("byl malý")
MIN_PREDICATE = 4
#: how many words after a relative pronoun its participle may stand
PARTICIPLE_REACH = 5
#: letters of a noun read as a feminine head (``feminine_heads``): "ca", "ea" are a
#: conjunction and a pronoun
MIN_FEMININE_HEAD = 4
#: how far back a copula may stand before its predicate adjective ("byl sice opravdu malý")
COPULA_REACH = 4
#: how far a past participle stands from its auxiliary ("jsem si ji koupila", "koupila jsem")
SPEAKER_AUXILIARY_REACH = 3
#: a word before a present copula this long may be its subject ("léky jsou"; not "jak je")
MIN_SUBJECT = 4
#: the noun an adjective agrees with has at least this many letters (shorter words after
#: it are pronouns, verbs, conjunctions: "má", "mě", "že")
MIN_AGREEING_NOUN = 3
#: a noun ending in a consonant is feminine when its feminine forms are this many times
#: commoner in the word list than its masculine ones ("věci" against "věcem", a dative plural)
FEMININE_PARADIGM_RATIO = 10.0
#: an adjective between an agreeing word and its noun has at least this many letters ("nahé")
MIN_STACKED_ADJECTIVE = 4
#: at most this many adjectives stand between an agreeing word and its noun
MAX_STACKED_ADJECTIVES = 2
#: how many words before a manner adverb ending its clause its verb may stand (see the
#: resolver's ``ADVERB_AFTER_VERB``)
ADVERB_VERB_REACH = 3
#: a present-tense verb form keeps a stem of at least this many letters before its ending
MIN_PRESENT_STEM = 3
#: an adjective before another is read as agreeing with it only when its adverb ("krásně")
#: is less than this share of its own frequency ("jině" is a misspelling, "krásně" a word)
ADVERB_SIBLING_RATIO = 0.1
#: a word of at least this many letters ending as a past participle ("-l", "-la" …) may be
#: one, listed infinitive or not ("okradli", "přemohla")
MIN_PARTICIPLE_SHAPE = 4
#: what :meth:`Grammar.person_in_sentence` found the sentence's persons to be
THIRD_PERSON = "third person"
OTHER_PERSON = "other person"
#: a verb form's sibling (``verb_form_siblings``) is listed at least this share of the form's
#: frequency: the word list holds stray misspellings ("hlaveš" beside "hlavou")
VERB_SIBLING_SHARE = 0.001
#: how many words back from a verb the "que" of a subjunctive clause is looked for
SUBJUNCTIVE_REACH = 5
#: how many words back a governing word may stand ("może się nie być" …)
GOVERNOR_REACH = 4
#: how many words agreeing with a verb's object may stand between them ("wyremontować tę
#: starą drogę")
AGREEING_BETWEEN = 2
#: ... and how many after it ("startować będą", "wymyślić coś można"; a particle may stand
#: between: "napisać list chyba można")
GOVERNOR_REACH_AFTER = 3
#: how many words before a possessive a copula makes it a predicate ("je váš, ne náš")
POSSESSIVE_COPULA_REACH = 4
#: a soft adjective ("letní") is its stem's adjective, agreeing with any noun, where the hard
#: masculine of that stem is at most this share as frequent ("letný"; not "správný")
SOFT_ADJECTIVE_RATIO = 0.1
#: what ends a sentence (or a heading) before a word
_SENTENCE_END = ".!?…:"
#: the conjunction and a dash before it, read past by the predicate coordination rule
#: ("jsi bohatý - nebo chudý"), which crosses the comma a clause finder would stop at
COORDINATION_WORDS = 2
#: a dash standing as a word between clauses ("jsi bohatý - nebo chudý")
_DASHES = ("-", "–", "—")
#: punctuation around a word in a line split at spaces
_TOKEN_PUNCTUATION = ".,;:!\"'«»„”“()[]…–—-"
#: a participle stem ending in none of these takes the consonant-stem infinitive ("přikýv")
VOWELS = "aeiouyáéěíóúůý"
#: an intact word right after a run, before punctuation or a "?" that may end a sentence ("víš co?")
_NEIGHBOUR_AFTER = re.compile(r" ([^\W\d_]+)(?=[\s,.;:!]|\?(?:[\s\"'»”“)]|$)|$)")


def _within_reach(words: list[str], reach: int, transparent: frozenset[str]) -> list[str]:
    """The first of ``words`` (nearest first) up to the ``reach``-th that is not
    ``transparent``: clitics stand between a governor and its infinitive without putting
    it out of reach ("chciałem się z tobą zaraz podzielić")."""
    counted = 0
    for k, word in enumerate(words):
        if word.lower() not in transparent:
            counted += 1
            if counted == reach:
                return words[:k + 1]
    return words


def capitalised(word: str) -> bool:
    return word[:1].isupper() and word.isalpha()


class Grammar:
    """The grammar rules, asked by the resolver of one document."""

    # None for a language without repair data, as the resolver's (see :class:`.resolve.Resolver`)
    data: LanguageData

    def __init__(self, data: LanguageData | None, finder: CandidateFinder, lower: Callable[[str], str]) -> None:
        self.data = data  # type: ignore[assignment]  # None allowed: see the class's declaration
        self.finder = finder
        self.lower = lower
        self.lang = data.lang if data else "?"
        self._first_person: bool | None = None
        #: the endings of the cases prepositions govern (``preposition_cases``), in order:
        #: most candidates end in none, which one test in C tells
        self._case_endings = tuple(e for e, _ in data.preposition_cases) if data else ()
        #: what :func:`.memo.per_document` questions were answered
        self._answers: dict[tuple, object] = {}
        #: what :func:`.memo.per_run` questions were answered about the run being resolved, in its line
        self._run_answers: dict[Callable, object] = {}
        self._run_line = ""
        self._run: DamagedRun | None = None
        self._source = ""

    def start_run(self, run: DamagedRun, line: str, source: str) -> None:
        """Read ``run`` in ``line`` (as repaired so far; ``source`` as received) from now on:
        what was remembered of the run before is forgotten."""
        self._source = source
        self._run_answers = {}
        self._run_line, self._run = line, run

    def particle_against_harmony(self, word: str, core: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` the question particle ("mı", "mü", "mısın" …: a ``question_words``
        entry in "m") with a lost vowel against the harmony of the word before it, which it
        follows though written apart ("Gördün m?" is "mü", "roman m?" "mı")?"""
        if word not in self.data.question_words or word[:1] != "m" or len(core) < 2 or not is_slot(core[1]):
            return False
        previous = self.neighbours(line, run)[0]
        last = next((c for c in reversed(previous) if c in "aeıioöuü"), None)
        allowed = dict(self.data.vowel_harmony).get(last, "") if last else ""
        return bool(allowed) and word[1] not in allowed

    def negation_unpaired(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` an elided negation ("n’es") whose other part ("pas", "jamais" after it,
        "rien", "personne" before it …; ``negation_partners``) stands nowhere in its clause?"""
        elided = re.split("['’]", word, maxsplit=1)[0]
        partners = self.data.negation_partners.get(self.lower(elided))
        if not partners:
            return False
        clause = clause_before(line, run.token_start) + " " + clause_after(line, run.end)
        return not any(re.split("['’]", self.lower(w))[0] in partners for w in clause.split())

    def proper_noun_start(self, core: str, base: str, run: DamagedRun, line: str) -> bool:
        """Is ``base`` (the start of ``core``) a name: a capital not owed to the sentence
        start, all capitals ("IMF"), a number, or a word no list has?  A lost first letter
        hides the capital: in a language that splits a case suffix off names only, a listed
        base of such a word is one when no listed word spells the whole ("?zmir?de" is
        "İzmir’de"; "?ok?a" is "çokça", not "Çok’a"); so is a listed base whose capital the
        sentence start may owe ("Sivas?tan doğar" is "Sivas’tan")."""
        if core[0].isdigit() or (len(base) > 1 and base.isupper()):
            return True
        suffixing_names = self.data is not None and bool(self.data.suffix_apostrophe)
        if is_slot(core[0]) and suffixing_names:
            return bool(self.finder.frequency(self.lower(base))) and not self._spelled_whole(core)
        if not core[0].isupper():
            return False
        if not self.sentence_start(line, run.start) or not self.finder.frequency(self.lower(base)):
            return True
        return suffixing_names and not self._spelled_whole(core)

    def _spelled_whole(self, core: str) -> bool:
        """Does a listed word spell all of ``core``, its slots as letters?"""
        return any(c.how in KNOWN and APOSTROPHE not in c.text for c in self.finder.find(self.lower(core)))

    def clitic_position(self, line: str, run: DamagedRun) -> bool:
        """Does the word stand where a clitic pronoun does, between its subject and its verb:
        after a capitalised word (a name, or the subject opening the sentence) or a relative
        (``clitic_subjects``),
        right before a lower-case word with a verb's ending (``verb_endings``, not a
        participle's or a noun's: ``non_verb_endings``): Romanian "Stănică îi întinse",
        "unde îi eliberă", where the conjunction "și" would join the subject to no second
        one?"""
        if run.start != run.token_start or line[run.end:run.token_end] != "":
            return False
        before = line[:run.token_start].rsplit(None, 1)[-1:]
        after = line[run.token_end:].split(None, 1)[:1]
        if not before or not after:
            return False
        previous, following = before[0], after[0].rstrip(",.;:!?")
        # a capitalised word opening the sentence is its subject too ("Femeia îi"), not a
        # function word ("Dar și")
        subject = self.lower(previous) in self.data.clitic_subjects or self.name_word(previous)
        return subject and following.isalpha() and following.islower() and following not in stopwords(self.lang) \
            and self.data.shows_verb(following)

    def subjunctive_clause(self, line: str, run: DamagedRun) -> bool:
        """Is the word in a clause that "que" opens after a word governing the subjunctive,
        within its clause and SUBJUNCTIVE_REACH words (``subjunctive_governors``: Spanish
        "espera que Nelson Mandela esté", "para que", "es necesario que"; "que al
        principio está" after no governor)?"""
        words = clause_before(line, run.token_start).rsplit(None, SUBJUNCTIVE_REACH)[-SUBJUNCTIVE_REACH:]
        return any(self.lower(word) == "que" and i > 0 and self.lower(words[i - 1]) in self.data.subjunctive_governors
                   for i, word in enumerate(words))

    def neighbours(self, line: str, run: DamagedRun) -> tuple[str, str]:
        """The intact words right before and after ``run``'s word, lower-cased ("" when
        punctuation or a damaged word is in between)."""
        previous = letters_before_space(line[:run.token_start])
        following = _NEIGHBOUR_AFTER.match(line, run.token_end)
        if following is not None and line[following.end():following.end() + 1] == "?" \
                and not question_ends(line, following.end(), following.end() + 1):
            following = None  # "co? robić": a lost letter ("coś"), no question's end
        return self.lower(previous), self.lower(following.group(1)) if following else ""

    @per_run
    def verbless_clause(self, line: str, run: DamagedRun) -> list[str] | None:
        """The words after the run in its clause (between punctuation or ``clause_openers``)
        when there are some, none of them or of those before it a possible finite verb, and
        no preposition right before the run ("pro mě"); else None.  An infinitive after it is
        no finite verb: "má" governs it ("jestli se má mlýn přestavět")."""
        before, after = self._clause_words(line, run)
        if not after or (before and self.lower(before[-1]) in self.data.prepositions):
            return None
        if any(self._may_be_verb(w) for w in after) or any(self._may_be_verb(w, infinitive=True) for w in before):
            return None
        return after

    def full_clause(self, line: str, run: DamagedRun) -> bool:
        """Does the sentence or a subordinator open the run's clause ("Dědovi to pořád vrtá
        v hlavě", "že má od domu klíče"), not a comma, a coordinator or a comparison, after
        which a clause often leaves its verb out ("jen klid a trochu vaší pozornosti", "A
        vám taky."; ``elliptic_openers``: "než trochu vaší pozornosti")?"""
        opener = self._clause_words(line, run, opened=True)[0][:1]
        if opener and opener[0] in self.data.clause_openers:
            return opener[0] not in self.data.predicate_coordinators and opener[0] not in self.data.elliptic_openers
        return not line[:run.start - len(clause_before(line, run.start))].rstrip().endswith(",")

    def _clause_words(self, line: str, run: DamagedRun, opened: bool = False) -> tuple[list[str], list[str]]:
        """The words (lower-case) before and after the run in its clause, between
        punctuation or ``clause_openers`` (with ``opened``, the opener among the words before)."""
        before = [self.lower(w) for w in clause_before(line, run.start).split()]
        after = [self.lower(w) for w in clause_after(line, run.end).split()]  # "učím j?, je"
        openers = self.data.clause_openers
        starts = [i for i, w in enumerate(before) if w in openers]
        ends = [i for i, w in enumerate(after) if w in openers]
        return before[starts[-1] + (0 if opened else 1):] if starts else before, after[:ends[0]] if ends else after

    @per_document
    def likeliest_reading(self, word: str) -> str:
        """``word`` (lower-case), or if damaged its likeliest listed reading ("p?estav?t" →
        "přestavět"; itself when none is listed)."""
        readings = [c for c in self.finder.find(word) if c.how in LISTED] \
            if has_slot(word) else []
        return max(readings, key=lambda c: c.frequency or 0.0).text if readings else word

    def third_person_clause(self, line: str, run: DamagedRun) -> bool:
        """Does a present form of the third person follow the run in its clause, and none of
        the first singular ("ten jí zas nemůže", "že jí to možná vyhovuje"): no subject "já"?"""
        persons = [self._present_person(self.likeliest_reading(w)) for w in self._clause_words(line, run)[1]]
        return THIRD_PERSON in persons and OTHER_PERSON not in persons

    @per_run
    def _previous_word(self, line: str, run: DamagedRun) -> str:
        """The word right before the run's word, lower-case, when a space parts them ("" when
        none does): a question of several rules, asked again by each candidate."""
        previous = words_before(line, run, 1)
        return self.lower(previous[0]) if previous else ""

    def other_person_after_subject(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) a present form of another person than the third, not an
        auxiliary ("kdo jsi?"), right after a subject of the third person only
        (``third_person_subjects``: "Kdo víš" is no Czech, "Kdo ví?" is)?"""
        previous = self._previous_word(line, run)
        return bool(previous) and previous in self.data.third_person_subjects \
            and word not in self.data.participle_auxiliaries and self._present_person(word) == OTHER_PERSON

    def _present_person(self, word: str) -> str | None:
        """THIRD_PERSON or OTHER_PERSON for a present form (a copula or auxiliary, or known by
        its infinitive or its sibling) by its ending (``clitic_person_endings``), else None."""
        if word in self.data.present_copulas:
            return THIRD_PERSON
        if word in self.data.participle_auxiliaries:
            return OTHER_PERSON  # "jsem", "jsi"
        if not (self._is_present(word) or self.data.shows_verb(word) or self._verb_by_sibling(word)):
            return None
        third, other = self.data.clitic_person_endings
        return OTHER_PERSON if word.endswith(other) else THIRD_PERSON if word.endswith(third) else None

    def _may_be_verb(self, word: str, infinitive: bool = False) -> bool:
        """Can ``word`` (lower-case, maybe damaged) be a finite verb form, or with
        ``infinitive`` an infinitive ("rušit mě", which "má" does not govern before it): any
        listed reading of a damaged one, and a word no list reads is taken as one?"""
        readings = self._readings(word)
        return not readings or any(self._finite_verb(r) or (infinitive and self.is_infinitive(r)) for r in readings)

    def _readings(self, word: str) -> list[str]:
        """``word`` (lower-case), or if damaged its listed readings (none when no list
        reads it)."""
        return [c.text for c in self.finder.find(word) if c.how in LISTED] if has_slot(word) else [word]

    def _finite_verb(self, word: str) -> bool:
        """Is ``word`` a listed auxiliary, copula or modal, shaped as a past participle or
        as only verbs end (``verb_endings``), a present form by its infinitive ("mrzí" →
        "mrzet") or a verb form by its sibling (``verb_form_siblings``: "nechce" → "nechceš",
        "nech" → "nechte"), or such a form after the negative prefix ("nevadí", which the
        word list may hold with no listed infinitive "nevadit")?"""
        data = self.data
        if word in data.participle_auxiliaries or word in data.present_copulas or word in data.copulas \
                or word in data.infinitive_governors or data.shows_verb(word):
            return True
        if len(word) >= MIN_PARTICIPLE_SHAPE and word.endswith(data.past_participle_endings) \
                or self._is_present(word) or self._verb_by_sibling(word):
            return True
        prefix = data.negative_prefix
        return bool(prefix) and word.startswith(prefix) and len(word) - len(prefix) >= MIN_PRESENT_STEM \
            and self._finite_verb(word[len(prefix):])

    def _verb_by_sibling(self, word: str) -> bool:
        """Is ``word`` a verb form by its listed sibling (``verb_form_siblings``)?"""
        floor = VERB_SIBLING_SHARE * self.finder.frequency(word)
        return len(word) >= MIN_PARTICIPLE_SHAPE - 1 and any(
            word.endswith(ending) and self.finder.frequency(word[:len(word) - len(ending)] + sibling) > floor
            for ending, sibling in self.data.verb_form_siblings)

    def agrees(self, word: str, line: str, run: DamagedRun) -> bool:
        """Does the ending of ``word`` agree with its noun: the one before a comma right
        before the run (a relative pronoun: "muž, který"), else the one after the run ("malá
        sestra"), past the adjectives agreeing with it ("velké nahé ženské tělo")?  A soft
        adjective, one form for every gender (``soft_adjective_ending``, known by its
        ``soft_adjective_case_ending``: "letní", "letního"), agrees with any noun that shows
        an ending after it ("tenké letní šaty" as much as "tenké letné")."""
        ending = word[-1]
        if ending not in self.data.agreement_endings:
            return False
        before = line[:run.start].rstrip() if word in self.data.participle_subjects else ""
        if before.endswith(","):
            # a relative pronoun; any other adjective after a comma opens its own noun
            # phrase ("'pracovat', druhé veslo")
            previous = LETTER_RUN.findall(before[-40:])
            if previous and previous[-1][-1] not in self.data.stacked_adjective_endings:
                # "krásný, zlý archanděl": a list of adjectives
                # a demonstrative antecedent shows its gender itself ("ten, který")
                antecedent = self.lower(previous[-1])
                oblique = self._feminine_oblique_ending(before)
                if oblique is not None:
                    return oblique == ending  # "na mou duši, která": "duše", no plural "duši"
                shown = self.data.determiners_ending(antecedent) or self._oblique_antecedent_ending(antecedent) \
                    or self._genitive_antecedent_ending(before)
                return (shown or self._agreeing_ending(antecedent, antecedent=True)) == ending
        determiner = self._determiner_ending(word, line, run)
        if determiner is not None:
            return determiner == ending or self._soft_listed_adjective(word)
        agreeing, adverb_may_modify = self._agreement_after(line, run)
        if adverb_may_modify and self.finder.frequency(word[:-1] + self.data.adverb_ending) \
                >= ADVERB_SIBLING_RATIO * self.finder.frequency(word):
            return False  # "krásně kulaté slunce" or "husté černé vlasy": the adverb may modify it
        return agreeing == ending or (agreeing is not None and self._soft_listed_adjective(word)
                                      and not self._adverb_after(line, run))

    def _adverb_after(self, line: str, run: DamagedRun) -> bool:
        """Is the word after the run an adjective's form no noun takes, its adverb ("absolutně
        strnule": the adjective's stem and its last letter, "strnulý" listed)?"""
        following = following_word(line, run)
        if following is None:
            return False
        low = self.lower(following.group(1))
        return len(low) >= MIN_ADJECTIVE and not low.endswith(self.data.stacked_adjective_endings) \
            and self._has_adjective(low[:-1])

    def _soft_listed_adjective(self, word: str) -> bool:
        """Is ``word`` a soft adjective, one form for every gender (``soft_adjective_ending``),
        known by its listed ``soft_adjective_case_ending`` ("letní": "letního"), the stem's
        adjective: its hard masculine (the first ``stacked_adjective_endings``) at most
        ``SOFT_ADJECTIVE_RATIO`` as frequent ("letný" is rare; "správní" is not "správný"'s)?"""
        soft, case_ending = self.data.soft_adjective_ending, self.data.soft_adjective_case_ending
        if not soft or not case_ending or not word.endswith(soft) or len(word) < MIN_ADJECTIVE:
            return False
        stem = word[:-len(soft)]
        return bool(self.finder.frequency(stem + case_ending)) and self.finder.frequency(
            stem + self.data.stacked_adjective_endings[0]) <= SOFT_ADJECTIVE_RATIO * self.finder.frequency(word)

    @per_run
    def _agreement_after(self, line: str, run: DamagedRun) -> tuple[str | None, bool]:
        """The ending an adjective in the run's place takes from what follows it (see
        :meth:`agrees`), None where nothing after it gives one; and whether an adjective
        stacked with it follows, which the word's adverb may modify instead.  Read once per
        resolution: none of it depends on the candidate."""
        following = NEXT_WORD.match(line, run.end)
        listed = following is None and line[run.end:run.token_end] == ","
        if listed:
            # "krásný, zlý archanděl": an adjective listed before another agrees with the
            # same noun, or with the last one's ending; no adverb modifies across the comma
            following = NEXT_WORD.match(line, run.token_end)
            if following is None or self._stacked_adjective(self.lower(following.group(1)), MIN_AGREEING_NOUN) is None:
                return self._coordinated_predicate(line, run), False  # "bohatý - nebo chudý, to nevím"
        if following is not None and self.lower(following.group(1)) in self.data.predicate_coordinators \
                and not line[run.end:following.start()].strip():
            # "štíhlý a atraktivní muž": an adjective joined to it agrees with the same noun
            joined = NEXT_WORD.match(line, following.end())
            if joined is None or self.is_present_verb(self.lower(joined.group(1))) \
                    or not (self._soft_adjective(joined.group(1))
                            or self._stacked_adjective(self.lower(joined.group(1)))):
                return None, False  # "zdraví a záleží": a verb joined, a predicate
            following = joined
        if following is not None and self._soft_adjective(following.group(1)):
            # "silná stropní lampa": an adjective of one form for every gender stands between
            further = NEXT_WORD.match(line, following.end())
            following = further or following
        if following is None:
            # "je hezká, chytrá.", "je krutý, ale zato je mladý."
            return self._listed_after_adjective(line, run) or self._coordinated_predicate(line, run), False
        if is_slot(line[following.end():following.end() + 1] or " "):
            return None, False  # the noun's own last letter was lost
        stacked = self._stacked_adjective(self.lower(following.group(1)), MIN_AGREEING_NOUN if listed else MIN_STACKED_ADJECTIVE)
        adverb_may_modify = stacked is not None and not listed
        for _ in range(MAX_STACKED_ADJECTIVES):
            if stacked is None:
                break
            # "velké nahé ženské tělo": the adjectives between agree with the same noun
            further = NEXT_WORD.match(line, following.end())
            if further is None or is_slot(line[further.end():further.end() + 1] or " ") \
                    or len(further.group(1)) < MIN_AGREEING_NOUN:
                return stacked, adverb_may_modify  # no noun after it: it shows the ending alone
            following = further
            stacked = self._stacked_adjective(self.lower(following.group(1)))
        if self.lower(following.group(1)) in self.data.prepositions:
            # no noun follows ("pro" is none): a predicate, after a comparison word agreeing
            # with the noun compared ("škola jako dělaná pro mě", "auto jako nové po")
            return self._compared_noun_ending(line, run), adverb_may_modify
        if len(following.group(1)) < MIN_AGREEING_NOUN:
            return None, adverb_may_modify  # "jediná má", "jasně že": a pronoun or a verb, not a noun
        if self._is_participle(self.lower(following.group(1))) or self.is_present_verb(self.lower(following.group(1))):
            # "zvědavě pozorovali", "možná kontroluje": a verb agrees with no adjective
            return None, adverb_may_modify
        if listed and capitalised(following.group(1)):
            # "Kůra: stříbrošedá, hladká Plod:": a list of features ends at a new heading
            return None, adverb_may_modify
        if capitalised(following.group(1)) and line[following.end():following.end() + 1] == ":":
            # the heading is no noun: the list's last adjective agrees with the one before it
            return self._listed_after_adjective(line, run), adverb_may_modify
        noun = self.lower(following.group(1))
        vocative = self._masculine_vocative(noun, line, run, following.end())
        if vocative is not None:
            return vocative, adverb_may_modify
        oblique = next((e for e in self.data.adjective_endings if noun.endswith(e) and len(e) > 1), None)
        if oblique is not None and self._has_adjective(noun[:-len(oblique)]):
            # "plně naloženým": an adjective in an oblique case, no noun ending in a consonant
            return None, adverb_may_modify
        agreeing = self._feminine_number(noun, line, run, following.end()) or self._agreeing_ending(noun)
        return agreeing, adverb_may_modify

    def _compared_noun_ending(self, line: str, run: DamagedRun) -> str | None:
        """The ending that agrees with the noun before a comparison word right before the
        run (``comparison_words``: "škola jako"), if a noun of a known gender stands there."""
        before = words_before(line, run, 2)
        if len(before) < 2 or self.lower(before[1]) not in self.data.comparison_words:
            return None
        noun = self.lower(before[0])
        if len(noun) < MIN_AGREEING_NOUN or not noun.isalpha() or noun in self.data.prepositions:
            return None
        return self._agreeing_ending(noun)

    def _listed_after_adjective(self, line: str, run: DamagedRun) -> str | None:
        """The ending of the adjective before a comma right before the run, the one listed
        before it ("Kůra: stříbrošedá, hladká"), if it has one of ``stacked_adjective_endings``."""
        before = line[:run.token_start]
        if not before.endswith(", "):
            return None
        previous = LETTER_RUN.findall(before[-40:])
        return self._stacked_adjective(self.lower(previous[-1]), MIN_AGREEING_NOUN) if previous else None

    def _coordinated_predicate(self, line: str, run: DamagedRun) -> str | None:
        """The ending of the adjective before a conjunction (``predicate_coordinators``)
        before the run, past a copula, clitics and adverbs after the conjunction and a comma
        or dash before it ("je krutý, ale zato je mladý", "jsi bohatý - nebo chudý", "není
        bohatý, ale velmi chudý"): predicates joined so agree with one subject; else None."""
        words = line[:run.token_start].rsplit(None, COPULA_REACH + COORDINATION_WORDS)[-COPULA_REACH - COORDINATION_WORDS:]
        while words and (self.lower(words[-1]) in self.data.copula_between
                         or self.lower(words[-1]) in self.data.present_copulas
                         or self.lower(words[-1]) in self.data.copulas or self._is_adverb(self.lower(words[-1]))):
            words.pop()
        if len(words) < 2 or self.lower(words[-1]) not in self.data.predicate_coordinators:
            return None
        words.pop()
        if words[-1] in _DASHES:
            words.pop()
        if not words:
            return None
        return self._stacked_adjective(self.lower(words[-1].rstrip(",")), MIN_AGREEING_NOUN)

    def _masculine_vocative(self, noun: str, line: str, run: DamagedRun, noun_end: int) -> str | None:
        """The masculine ending if ``noun`` (lower-case) is the vocative of a masculine noun
        in a consonant (``masculine_vocative_ending``: "pane" of "pan"), set apart as an
        address is, by a comma or the sentence's start before the adjective and a comma or
        "!" after the noun ("To máte tak, vzácný pane, ..."); else None."""
        suffix = self.data.masculine_vocative_ending
        if not suffix or not noun.endswith(suffix) or len(noun) - len(suffix) < MIN_AGREEING_NOUN \
                or line[noun_end:noun_end + 1] not in (",", "!"):
            return None
        if not (line[:run.token_start].rstrip().endswith(",") or self.sentence_start(line, run.token_start)):
            return None
        stem = noun[:-len(suffix)]
        if not self.finder.frequency(stem) or stem[-1] in VOWELS:
            return None
        masculine = self.data.stacked_adjective_endings[0]
        return masculine if self._agreeing_ending(stem) == masculine else None

    def _feminine_number(self, noun: str, line: str, run: DamagedRun, noun_end: int) -> str | None:
        """For a feminine noun in "-e"/"-ě" (``number_neutral_endings``), one form for the
        singular and the plural ("vůně", "demonstrace"; feminine by its paradigm,
        ``consonant_noun_gender``: "vůní" listed, no "vůněm"; "moře" and "soudce" have
        "mořem", "soudcem"), the ending its number takes, which the past form of its clause
        shows: a participle after it ("silná vichřice se přehnala", "těžké bouře zničily")
        or a copula before it ("byla to těžká situace"); else None."""
        gender = self.data.consonant_noun_gender
        if gender is None or not noun.endswith(tuple(self.data.number_neutral_endings)) \
                or len(noun) < MIN_AGREEING_NOUN + 1:
            return None
        if not self._feminine_paradigm(noun[:-1]):
            return None
        feminine_ending = gender[0]
        before = [self.likeliest_reading(self.lower(w)) for w in clause_before(line, run.token_start).split()]
        after = []
        for word in clause_after(line, noun_end).split():
            low = self.likeliest_reading(self.lower(word))
            if low in self.data.clause_openers:
                break
            after.append(low)
        # a participle's shape right after a reflexive pronoun is one, its infinitive listed
        # or not ("vůně se vinula": "vinout" is under the word list's floor)
        participles = [w for i, w in enumerate(after) if self._is_participle(w) or (
            i and after[i - 1] in self.data.reflexive_pronouns and len(w) >= MIN_PARTICIPLE_SHAPE
            and w.endswith(self.data.past_participle_endings))]
        shown = {ending for ending, endings in self.data.participle_agreement
                 for verb in [w for w in before if w in self.data.copulas] + participles
                 if verb.endswith(endings)}
        numbers = shown & {feminine_ending, self.data.plural_predicate_endings[0]}
        return numbers.pop() if len(numbers) == 1 and numbers == shown else None

    def _feminine_paradigm(self, stem: str) -> bool:
        """Is ``stem`` a feminine noun's of the "-e"/"-ě" class: its feminine forms
        (``consonant_noun_gender``: "vůni", "vůní") listed ten times more than any masculine
        or neuter one ("vůněm" none; "moře" and "soudce" have "mořem", "soudcem")?"""
        # both callers return first where consonant_noun_gender is None
        _, feminine, masculine = self.data.consonant_noun_gender  # type: ignore[misc]
        return min(self.finder.frequency(stem + e) for e in feminine) \
            > FEMININE_PARADIGM_RATIO * max(self.finder.frequency(stem + e) for e in masculine)

    def _oblique_antecedent_ending(self, noun: str) -> str | None:
        """The ending of the relative pronoun after ``noun`` (lower-case) if it is a singular
        oblique case form whose paradigm the word list shows, its instrumental ten times
        commoner than another gender's (``oblique_antecedents``: "projektu" by "projekt"
        and "projektem", "ženu" by "žena" and "ženou"); None when none or two fit, or when
        a neuter nominative is listed ("místa", "městu": the neuter shares the masculine's
        endings)."""
        found: dict[str, float] = {}
        neuter, neuter_instrumental = self.data.neuter_nominative
        for endings, nominative, instrumental, relative in self.data.oblique_antecedents:
            for oblique in endings:
                stem = noun[:-len(oblique)]
                if not noun.endswith(oblique) or len(stem) < MIN_CASE_STEM + 1 \
                        or not self.finder.frequency(stem + nominative):
                    continue
                if instrumental == neuter_instrumental and self.finder.frequency(stem + neuter) \
                        >= NEUTER_NOMINATIVE_SHARE * self.finder.frequency(stem + nominative):
                    continue  # "místa", "městu": the neuter's
                found[relative] = max(found.get(relative, 0.0), self.finder.frequency(stem + instrumental))
        if not found:
            return None
        best = max(sorted(found), key=found.__getitem__)
        # "ženu": "ženou", not the rare verb "ženem"
        return best if found[best] > FEMININE_PARADIGM_RATIO * max(
            (f for relative, f in found.items() if relative != best), default=0.0) else None

    def _genitive_antecedent_ending(self, before: str) -> str | None:
        """The ending of a relative pronoun after the noun before the comma that ends
        ``before`` if a preposition that governs the genitive only stands before that noun,
        past adjectives agreeing with it, and the noun ends as only a singular's genitive
        does after one (``genitive_antecedents``: "do velké komnaty, která", "do
        místnosti, která"; a plural's genitive ends otherwise: "do krajin", "do lesů"); a
        damaged word by its likeliest reading; else None."""
        if self.data.genitive_antecedents is None:
            return None
        endings, relative, prepositions, between = self.data.genitive_antecedents
        words = [self.likeliest_reading(self.lower(w)) for w in clause_before(before[:-1], len(before) - 1).split()]
        if len(words) < 2 or not words[-1].endswith(endings) or len(words[-1]) < MIN_AGREEING_NOUN:
            return None
        for word in words[-2:-2 - MAX_STACKED_ADJECTIVES - 1:-1]:
            if word in prepositions:
                return relative
            if not word.endswith(between):
                return None
        return None

    def _feminine_oblique_ending(self, before: str) -> str | None:
        """The feminine singular ending if the word before the comma that ends ``before`` is
        the "-i" form of a feminine noun in "-e"/"-ě" (``number_neutral_endings``: "duši" of
        "duše", "ulici", "písni" of "píseň"), a singular only, its plural being the "-e" form
        itself: the relative pronoun after it agrees with it ("na mou duši, která se
        spouští"); a damaged word by its likeliest reading; else None.  Not a noun in a
        consonant, whose "-i" is a plural too ("noci, které"; its rare "noce" no nominative:
        ``NOMINATIVE_SHARE``)."""
        gender = self.data.consonant_noun_gender
        words = before[:-1].rsplit(None, 1)[-1:]
        if gender is None or not self.data.number_neutral_endings or not words:
            return None
        feminine_ending, feminine, _ = gender
        noun = self.likeliest_reading(self.lower(words[-1]))
        oblique = feminine[0]
        if not noun.endswith(oblique) or len(noun) < MIN_AGREEING_NOUN + 1 or not noun.isalpha():
            return None
        stem = noun[:-len(oblique)]
        nominative = max(self.finder.frequency(stem + e) for e in self.data.number_neutral_endings)
        if nominative < NOMINATIVE_SHARE * self.finder.frequency(noun) or not self._feminine_paradigm(stem):
            return None
        return feminine_ending

    def _stacked_adjective(self, word: str, min_length: int = MIN_STACKED_ADJECTIVE) -> str | None:
        """The ending of ``word`` (lower-case) if it is an adjective in an agreeing ending
        (``stacked_adjective_endings``: "nahé" before "ženské tělo"), else None: not a
        present-tense verb ("která hledá": "hledat" is listed), nor a word that may stand
        between a copula and its adjective ("také"), nor one whose masculine form in the
        first ending is no word (a noun: "manželé", no "manželý")."""
        ending = word[-1:]
        if ending not in self.data.stacked_adjective_endings or len(word) < min_length \
                or word in self.data.copula_between or self.is_present_verb(word):
            return None
        if not self._has_adjective(word[:-1]):
            return None  # no masculine form: a noun ("manželé", "lidé")
        return ending

    @per_document
    def is_present_verb(self, word: str) -> bool:
        """Is ``word`` a present-tense verb form: its infinitive listed (``present_endings``:
        "hledá" → "hledat"; a stem of 3 letters or more: "nám" is no verb), or in an ending
        only verbs take (``verb_endings``: "oddychuje")?"""
        if self.data.shows_verb(word) and len(word) > MIN_PRESENT_STEM + 2:
            return True
        return self._is_present(word, MIN_PRESENT_STEM)

    def noun_determined(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word``, a noun ending in a consonant, of the gender of the demonstrative right
        before it ("ten pláč", not the feminine "pláž"; "ta noc")?"""
        if len(word) < MIN_AGREEING_NOUN or not word.isalpha() or word[-1] in VOWELS:
            return False
        previous = self._previous_word(line, run)
        if not previous:
            return False
        determiner = self.data.determiners_ending(previous)
        return determiner is not None and self._agreeing_ending(word) == determiner

    def feminine_after_masculine_adjective(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) a case form (``masculine_oblique_endings``: "-e", "-ě",
        "-i") of a feminine noun in a consonant ("pláže" of "pláž", by ``consonant_noun_gender``)
        right after an intact adjective in a masculine or neuter oblique ending ("-ého",
        "-ému"), which no feminine noun takes ("dala se do tichého pláče")?"""
        noun_endings = self.data.masculine_oblique_endings[1]
        if not word.endswith(noun_endings):
            return False  # most words (one test in C, not a generator over the endings)
        ending = next(e for e in noun_endings if word.endswith(e))
        stem = self._noun_stem_after_masculine_adjective(word, ending, line, run)
        if stem is None or stem[-1] in VOWELS:
            return False
        # masculine_oblique_endings, read above, needs consonant_noun_gender (language.py)
        return self._agreeing_ending(stem) == self.data.consonant_noun_gender[0]  # type: ignore[index]

    def feminine_accusative_after_masculine_adjective(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) the accusative (``feminine_accusative_ending``: "-u") of
        a feminine noun in "-a", known by its instrumental singular in "-ou" listed far more
        than any masculine form (``genitive_plural_forms``: "sílu" of "síla"), right after an
        intact adjective in a masculine or neuter oblique ending ("-ého", "-ému"), which no
        feminine noun takes ("po pravé straně prostorného sálu")?"""
        ending = self.data.feminine_accusative_ending
        if not ending or not word.endswith(ending):
            return False
        stem = self._noun_stem_after_masculine_adjective(word, ending, line, run)
        if stem is None:
            return False
        # feminine_accusative_ending needs genitive_plural_forms (language.py)
        _, singular, masculine = self.data.genitive_plural_forms  # type: ignore[misc]
        as_feminine = max(self.finder.frequency(stem + e) for e in singular)
        as_masculine = max(self.finder.frequency(stem + e) for e in masculine)
        return as_feminine > FEMININE_PARADIGM_RATIO * as_masculine

    def _noun_stem_after_masculine_adjective(self, word: str, ending: str, line: str, run: DamagedRun) -> str | None:
        """The stem of ``word`` (lower-case) less its case ``ending``, a noun's (letters only,
        ``MIN_AGREEING_NOUN`` or more), when an intact adjective in a masculine or neuter
        oblique ending (the first of ``masculine_oblique_endings``: "-ého", "-ému") stands
        right before it; else None.  The two rules that read it ask then whether the noun is
        feminine, which such an adjective never precedes."""
        adjective = self._previous_word(line, run)
        if not adjective or not adjective.isalpha() or not adjective.endswith(self.data.masculine_oblique_endings[0]):
            return None
        stem = word[:-len(ending)]
        return stem if len(stem) >= MIN_AGREEING_NOUN and stem.isalpha() else None

    def possessive_alone(self, line: str, run: DamagedRun) -> bool:
        """Does no noun follow the run's word, a possessive (``possessives``): punctuation
        glued to it or a preposition after it ("Váš, Magdičko", "Váš o tom" are "Víš"), and
        no copula stands within a few words before it in its sentence, whose predicate it would
        be ("ten dům je váš.", "je váš, ne náš")?"""
        tail = line[run.end:run.token_end]
        following = line[run.token_end:].split(None, 1)[:1]
        if not (tail[:1] in (",", ".", ";", ":", "!") or (not tail and following
                                                               and self.lower(following[0]) in self.data.prepositions)):
            return False
        start, _ = sentence_around(line, run)
        words = [self.lower(w.strip(_TOKEN_PUNCTUATION))
                 for w in line[start:run.token_start].split()[-POSSESSIVE_COPULA_REACH:]]
        data = self.data
        return not any(w in data.copulas or w in data.present_copulas or w in data.person_copulas for w in words)

    def nominative_after_oblique_adjective(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) an adjective in a nominative ending
        (``stacked_adjective_endings``) right after an intact adjective in another case's
        (``oblique_adjective_endings``: "hustou šerá"), whose case adjectives stacked before
        a noun share ("hustou čerň")?"""
        if not word.endswith(self.data.stacked_adjective_endings) or not self._has_adjective(word[:-1]):
            return False
        previous = self._previous_word(line, run)
        ending = next((e for e in self.data.oblique_adjective_endings if previous.endswith(e)), None)
        return ending is not None and previous.isalpha() and len(previous) > len(ending) + 1 \
            and self._has_adjective(previous[:-len(ending)])

    def noun_before_masculine_noun(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) a noun in the soft ending ("-í": "desetiletí", no
        "desetiletího" listed; not a present verb, "sedí") that is a hard adjective's in
        the masculine ("desetiletý") too, right before an intact masculine noun in a
        consonant, a nominative or accusative ("jejich desetiletý syn"), which a noun in "-í"
        does not take (a noun takes a genitive after it: "desetiletí válek", the genitive
        plural of a feminine, ``genitive_plural_forms``)?"""
        soft = self.data.soft_adjective_ending
        if not word.endswith(soft) or len(word) < MIN_ADJECTIVE or not self._has_adjective(word[:-len(soft)]) \
                or self.finder.frequency(word[:-len(soft)] + self.data.soft_adjective_case_ending) \
                or self.is_present_verb(word):
            return False
        following = following_word(line, run)
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False
        noun = following.group(1)
        low = self.lower(noun)
        if capitalised(noun) or not low.isalpha() or len(low) < MIN_AGREEING_NOUN or low[-1] in VOWELS \
                or low in self.data.prepositions or low in self.data.copula_between or self._finite_verb(low):
            return False
        return self._agreeing_ending(low, antecedent=True) == self.data.stacked_adjective_endings[0]

    def _agreeing_ending(self, noun: str, antecedent: bool = False) -> str | None:
        """The adjective ending that agrees with ``noun`` (lower-case): by its ending, or, for
        a noun ending in a consonant, by its paradigm in the word list (``consonant_noun_gender``:
        "noc" is feminine, its "noci" and "nocí" common, a "nocu" or "nocem" rare).  The
        ``antecedent`` of a relative pronoun may be a genitive plural ("květin, které"); an
        adjective before a genitive plural is a genitive plural itself ("-ých"), or does not
        agree with it ("plný holek")."""
        ending = self.data.agreeing_ending(noun)
        gender = self.data.consonant_noun_gender
        if gender is None or ending is None or noun[-1:] in VOWELS or not noun.isalpha():
            return ending
        feminine_ending, feminine, masculine = gender
        stems = self.data.noun_stems(noun)
        as_feminine = max(min(self.finder.frequency(stem + e) for e in feminine) for stem in stems)
        as_masculine = max(self.finder.frequency(stem + e) for stem in stems for e in masculine)
        if as_feminine > FEMININE_PARADIGM_RATIO * as_masculine:
            return feminine_ending
        if antecedent and self.data.genitive_plural_forms is not None:
            # "květin, které": the genitive plural of a feminine in "-a", known by its
            # instrumental singular ("květinou") where no masculine form is listed
            plural_ending, singular, masculine = self.data.genitive_plural_forms
            as_plural = max(self.finder.frequency(stem + e) for stem in stems for e in singular)
            as_masculine = max(self.finder.frequency(stem + e) for stem in stems for e in masculine)
            if as_plural > FEMININE_PARADIGM_RATIO * as_masculine:
                return plural_ending
        return ending

    def _determiner_ending(self, word: str, line: str, run: DamagedRun) -> str | None:
        """The ending a demonstrative right before or after the run shows to ``word`` ("ta
        druhá", "celá ta cesta", "ten starý"; a damaged one by its likeliest reading:
        "v?echno připravené"; an ``adverbial_determiners`` one only where the word's adverb
        is rare: "uklidila všechno pečlivě"; past an adjective stacked with the word, damaged
        or not: "jedna jedin? správná"), or None."""
        found = self._determiner_around(line, run)
        if found is None:
            return None
        determiner, ending = found
        if determiner in self.data.adverbial_determiners \
                and self.finder.frequency(word[:-1] + self.data.adverb_ending) \
                >= ADVERB_SIBLING_RATIO * self.finder.frequency(word):
            return None
        return ending

    @per_run
    def _determiner_around(self, line: str, run: DamagedRun) -> tuple[str, str] | None:
        """The demonstrative (lower-case, a damaged one by its likeliest reading) next to the
        run that :meth:`_determiner_ending` reads, and the ending it shows; None if none."""
        previous = words_before(line, run, 2)
        following = following_word(line, run)
        # a quotation mark before the determiner parts nothing ("„Kdo jin?,“")
        neighbours = [w.lstrip(OPENERS) for w in previous[-1:]] + ([following.group(1)] if following else [])
        if len(previous) == 2 and self.likeliest_reading(self.lower(previous[1])).endswith(
                tuple(self.data.stacked_adjective_endings)) and len(previous[1]) >= MIN_ADJECTIVE:
            neighbours.append(previous[0])
        for neighbour in neighbours:
            determiner = self.likeliest_reading(self.lower(neighbour))
            ending = self.data.determiners_ending(determiner)
            if ending is not None:
                return determiner, ending
        return None

    def participle_agreement(self, word: str, core: str, line: str, run: DamagedRun) -> bool | None:
        """Does the subject word ``word`` agree with the past participle of its clause
        ("který chodíval")? None when it is no subject word or no participle follows, or
        when the participle's own subject follows it or stands between ("dopis, který mu
        nechala sestra", "zub, který mi ráno lékařka vyčistila": the pronoun is its object,
        and takes its gender from the noun before the comma)."""
        if self.data is None or word not in self.data.participle_subjects or not is_slot(core[-1]):
            return None
        clause = clause_after(line, run.end).split()
        for i, following in enumerate(clause[:PARTICIPLE_REACH]):
            low = self.lower(following)
            if low in self.data.participle_auxiliaries or self._present_finite(low):
                return None  # "který nemá síly": the clause's verb is a present form ("síly" no "sít")
            for ending, participles in self.data.participle_agreement:
                for participle in participles:
                    stem = low[:-len(participle)]
                    if low.endswith(participle) and len(stem) >= 2 and self._has_infinitive(stem):
                        if self._subject_after_participle(low, ending, clause[i + 1:i + 2]) \
                                or any(self._subject_before_participle(low, ending, w) for w in clause[:i]):
                            return None
                        return word.endswith(ending)
        return None

    def _subject_before_participle(self, participle: str, ending: str, word: str) -> bool:
        """Is ``word``, between a relative pronoun and ``participle``, a noun agreeing with
        it that only a subject is (:meth:`_subject_after_participle`), a singular by its
        listed instrumental (``participle_subject_instrumental``: "lékařka", "lékařkou")?
        A damaged one by its likeliest reading."""
        instrumental = self.data.participle_subject_instrumental
        noun = self.likeliest_reading(self.lower(word))
        if not instrumental or not self._subject_after_participle(participle, ending, [noun]):
            return False
        stem = next(noun[:-len(e)] for e in self.data.participle_subject_endings if noun.endswith(e))
        return bool(self.finder.frequency(stem + instrumental))

    @per_run
    def after_feminine_head(self, line: str, run: DamagedRun) -> bool:
        """Does a feminine singular noun phrase stand right before the run: a noun with its
        article (``feminine_heads``: "valoarea", whose "valoare" is listed; a damaged one by
        its likeliest reading), a determiner (``feminine_determiners``: "o") or a determiner
        and a noun of a feminine indefinite ending (``feminine_heads``' second: "o fișă")?
        The word after it agrees with it ("valoarea minim?" is "minimă", "o fișă biografic?
        Céline" "biografică", no question's end)."""
        previous = self.likeliest_reading(self._previous_word(line, run).lstrip(OPENERS))
        if previous in self.data.feminine_determiners:
            return True
        if len(previous) < MIN_FEMININE_HEAD or not previous.isalpha():
            return False
        definite, indefinite = next(((d, i) for d, i in self.data.feminine_heads if previous.endswith(d)), ("", ""))
        if definite and self.finder.frequency(previous[:-len(definite)] + indefinite):
            return True
        before = words_before(line, run, 2)
        return len(before) == 2 and previous.endswith(tuple(i for _, i in self.data.feminine_heads)) \
            and self.likeliest_reading(self.lower(before[0]).lstrip(OPENERS)) in self.data.feminine_determiners \
            and bool(self.finder.frequency(previous))

    def _present_finite(self, word: str) -> bool:
        """Is ``word`` (lower-case) a present-tense finite verb: a present copula, a present
        modal (``infinitive_governors`` not shaped as a participle: "nemá", "musí") or a
        form known by its infinitive ("hledá")?  Not a word of two letters, as often a
        pronoun ("má", "je")."""
        data = self.data
        return len(word) > 2 and (word in data.present_copulas or self.is_present_verb(word) or (
            word in data.infinitive_governors and not word.endswith(data.past_participle_endings)))

    def _subject_after_participle(self, participle: str, ending: str, after: list[str]) -> bool:
        """Is the word right after ``participle`` a noun agreeing with it (its ``ending``)
        in a form only a subject takes (``participle_subject_endings``: "nechala sestra";
        "nakládal písek" may be its object)?  Not after a copula, whose noun is the
        predicate ("která byla učitelka")."""
        if not after or participle in self.data.copulas:
            return False
        noun = self.lower(after[0])
        if len(noun) < MIN_AGREEING_NOUN or not noun.isalpha() or self._is_participle(noun) \
                or not noun.endswith(self.data.participle_subject_endings):
            return False
        return self.data.agreeing_ending(noun) == ending

    def predicate_agreement(self, word: str, core: str, line: str, run: DamagedRun) -> bool | None:
        """Does the adjective ``word`` after a copula agree with it as a participle with its
        subject ("byl šťastný", "byla to dlouhá", "bylo opravdu dobré")?  None when its lost
        last letter makes no agreeing ending or no copula stands before it in its clause."""
        if self.data is None or not self.data.copulas or not is_slot(core[-1]) \
                or not word.endswith(self.data.participle_agreement_endings):
            return None
        endings = self._predicate_ending(line, run)
        return None if endings is None else word.endswith(endings)

    @per_run
    def _predicate_ending(self, line: str, run: DamagedRun) -> str | tuple[str, ...] | None:
        """The ending (or endings) that the run's word, read as the predicate adjective of
        a copula before it in its clause, takes from the copula or its subject (see
        :meth:`predicate_agreement`); None where it is no such predicate.  Read once per
        resolution: none of it depends on the candidate."""
        following = following_word(line, run)
        if following is not None and not self.oblique_adjective_after(line, run):
            low = self.lower(following.group(1))
            if len(low) >= MIN_AGREEING_NOUN and low not in self.data.prepositions \
                    and low not in self.data.copula_between and not low.endswith(self.data.adverb_ending):
                return None  # "bylo demokratický stát", "byly stejně spokojené": its noun or adjective follows
        clause = clause_before(line, run.token_start).split()
        inverted = self.copula_before_subject(line, run)
        if inverted is not None:
            # "kdyby byla jeho přítomnost nepřetržitá": the subject between agrees with it
            return tuple(ending for ending, participles in self.data.participle_agreement
                         if inverted.endswith(participles))
        i = len(clause) - 1
        past_phrase = False
        while i > max(-1, len(clause) - 1 - COPULA_REACH):
            low = self.lower(clause[i])
            if low in self.data.copulas:
                return tuple(ending for ending, participles in self.data.participle_agreement
                             if low.endswith(participles))
            if low in self.data.person_copulas and not self._participle_near(clause, i):
                speaker = self._speaker_gender(low, line, run)
                if speaker is not None:
                    return speaker  # "koupila jsem si je a jsem s nimi spokojená"
            if i > 1 and self.lower(clause[i - 1]) in self.data.prepositions:
                i -= 2  # "byl na to zvyklý", "jsem s nimi spokojená": a prepositional phrase is no subject
                past_phrase = True
                continue
            if low in self.data.present_copulas and past_phrase:
                return None  # "Proto je na Flajšmana milá": the word before the copula may be no subject
            if low in self.data.present_copulas:
                # the present tense shows no gender: its subject does, "to" after it ("je to
                # krásné") or a noun right before it ("město je skvělé"; not "jak je", nor a
                # preposition's noun: "hotely na horách jsou")
                plural = low in self.data.plural_copulas
                if self.data.neuter_subject in clause[i + 1:]:
                    subject = self.data.neuter_subject
                else:
                    subject = self.lower(clause[i - 1]) if i > 0 else ""
                    if len(subject) < MIN_SUBJECT or not subject.isalpha() or subject in self.data.copula_between \
                            or (i > 1 and self.lower(clause[i - 2]) in self.data.prepositions):
                        subject = ""
                ending = self.data.agreeing_ending(subject) if subject else None
                if plural and ending not in self.data.plural_predicate_endings:
                    # no plural subject before the plural copula: the plural of masculine
                    # inanimate and feminine subjects, the commonest ("hotely na horách jsou plné")
                    return self.data.plural_predicate_endings[0]
                return ending
            if low in self.data.predicate_coordinators and i > 0 \
                    and self.lower(clause[i - 1])[-1:] in self.data.predicate_endings:
                i -= 1
                continue  # "cítil se starý a unavený": both agree with the copula's subject
            if low not in self.data.copula_between and not self._may_be_adverb(low) \
                    and not (i + 1 < len(clause) and self.lower(clause[i + 1]) in self.data.predicate_coordinators
                             and low[-1:] in self.data.predicate_endings):
                return None
            i -= 1
        return None

    def repeats_distributive(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is the run's word the first of a distributive pair, a source preposition before it
        and a goal one and the same noun, intact, after it (``distributive_prepositions``: "z
        m?sta na místo" → "místa", "z roku na rok", "z miejsca na miejsce"), and ``word`` of
        that noun's stem (its last letter apart)?"""
        # asked only where distributive_prepositions is set (the resolver's _own_score)
        sources, goals = self.data.distributive_prepositions  # type: ignore[misc]
        before = self._previous_word(line, run)
        if not before or before not in sources:
            return False
        after = line[run.token_end:].split(None, 2)
        if len(after) < 2 or line[run.end:run.token_end] or self.lower(after[0]) not in goals:
            return False
        noun = self.lower(after[1].rstrip(_TOKEN_PUNCTUATION))
        return not has_slot(noun) and len(noun) >= MIN_PERSON_VERB and word != noun \
            and word[:-1] == noun[:-1]

    def _participle_near(self, clause: list[str], i: int) -> bool:
        """Is an intact past participle within reach of ``clause[i]``, whose auxiliary it
        then is, no copula ("vypravila jsem ze sebe nejasně")?"""
        near = clause[max(0, i - SPEAKER_AUXILIARY_REACH):i] + clause[i + 1:i + SPEAKER_AUXILIARY_REACH + 1]
        return any(not has_slot(w) and self._is_participle(self.lower(w.strip(_TOKEN_PUNCTUATION)))
                   for w in near)

    def _speaker_gender(self, copula: str, line: str, run: DamagedRun) -> str | None:
        """The ending of the gender of the first or second person a present copula
        (``person_copulas``: "jsem", "jsi") stands for, where an intact past participle next
        to that person's auxiliary shows it in the sentence ("Sluchátka jsem si koupila … a
        jsem s nimi spokojená"); None where none does, or two disagree."""
        auxiliary = copula.removeprefix(self.data.negative_prefix) if self.data.negative_prefix else copula
        start, end = sentence_around(line, run)
        words = [self.lower(w.strip(_TOKEN_PUNCTUATION)) for w in line[start:end].split()]
        genders: set[str] = set()
        for i, low in enumerate(words):
            if has_slot(low) or not self._is_participle(low):
                continue
            if auxiliary in words[max(0, i - SPEAKER_AUXILIARY_REACH):i + SPEAKER_AUXILIARY_REACH + 1]:
                genders.update(e for e, participles in self.data.participle_agreement if low.endswith(participles))
        return genders.pop() if len(genders) == 1 else None

    @per_run
    def oblique_adjective_after(self, line: str, run: DamagedRun) -> bool:
        """Is the word right after the run, intact, an adjective in an oblique case (an
        ``adjective_endings`` one no ``stacked_adjective_endings`` nominative shares: "plná
        černých bobulí"), which agrees with no nominative before it?"""
        following = following_word(line, run)
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False
        low = self.lower(following.group(1))
        oblique = tuple(e for e in self.data.adjective_endings if e not in self.data.stacked_adjective_endings)
        return len(low) >= MIN_ADJECTIVE and bool(oblique) and low.endswith(oblique)

    def _may_be_adverb(self, word: str) -> bool:
        """Is ``word`` (lower-case) an adverb in ``adverb_ending`` of ``MIN_ADVERB`` letters
        or more, or, damaged, has it a listed reading that is one ("byl vlastn? malý":
        "vlastně" may stand between a copula and its predicate)?"""
        return any(r.endswith(self.data.adverb_ending) and len(r) >= MIN_ADVERB for r in self._readings(word))

    def between_copula_and_predicate(self, line: str, run: DamagedRun) -> bool:
        """Does the run's word stand after a past copula (``copulas``, past the words of
        ``copula_between``) and right before the clause's last word, which may read as a
        predicate adjective (``participle_agreement``: "byl vlastně malý,")?  No noun stands
        there for an adjective to agree with: the word is an adverb."""
        after = clause_after(line, run.token_end).split()
        if len(after) != 1 or line[run.end:run.token_end]:
            return False
        predicate = self.lower(after[0].rstrip(".,;:!…\"“”»)"))
        if not any(len(r) >= MIN_PREDICATE and r.endswith(self.data.participle_agreement_endings)
                   for r in self._readings(predicate)):
            return False
        before = [self.lower(w) for w in clause_before(line, run.token_start).split()][-COPULA_REACH:]
        for low in reversed(before):
            if low in self.data.copulas:
                return True
            if low not in self.data.copula_between:
                return False
        return False

    @per_run
    def copula_before_subject(self, line: str, run: DamagedRun) -> str | None:
        """The past copula (lower-case) of a clause the run's word ends (punctuation after it)
        where the copula's subject stands between them: a noun agreeing with the copula right
        before the run, past clitics, determiners and possessives after the copula ("kdyby
        byla jeho přítomnost", "byla mu ta noc"); the word is then the subject's predicate,
        an adjective agreeing with both, no adverb; else None."""
        tail = line[run.end:run.token_end]
        if not (tail.startswith((",", ".", ";", ":", "!")) if tail else run.token_end == len(line)):
            return None
        clause = clause_before(line, run.token_start).split()
        if len(clause) < 2:
            return None
        subject = self._inverted_subject(self.lower(clause[-1]))
        if subject is None:
            return None
        for previous in reversed(clause[-COPULA_REACH:-1]):
            low = self.lower(previous)
            if low in self.data.copulas:
                return low if any(subject == ending and low.endswith(participles)
                                  for ending, participles in self.data.participle_agreement) else None
            if not (low in self.data.case_transparent or low in self.data.copula_between
                    or self.data.determiners_ending(low) is not None):
                return None  # "jeho", "ta", "mu" may stand before the subject
        return None

    def _inverted_subject(self, word: str) -> str | None:
        """The ending that ``word`` (lower-case; a damaged one by its likeliest reading)
        agrees with if it is a noun: not a verb, an adverb, an adjective or a function word;
        else None."""
        noun = self.likeliest_reading(word)
        if len(noun) < MIN_SUBJECT or not noun.isalpha() or noun in self.data.prepositions \
                or noun in self.data.copula_between or noun.endswith(self.data.adverb_ending) \
                or self._finite_verb(noun) or self.is_infinitive(noun) or self._soft_adjective(noun) \
                or self._stacked_adjective(noun) is not None \
                or any(noun.endswith(e) and self._has_adjective(noun[:-len(e)]) for e in self.data.adjective_endings):
            return None
        return self._agreeing_ending(noun)

    def case_governed(self, word: str, core: str, line: str, run: DamagedRun) -> bool:
        """Does ``word``'s ending, holding a lost letter, make the case the preposition
        before it governs ("z wodą", "przed chwilą", "na ścianę"; Czech "v zoufalém",
        "s kovovým")?  Words agreeing with it may stand between ("z każdą książką",
        "z panią Zosią", "przez taką gówniarę")."""
        if not word.endswith(self._case_endings):
            return False
        ending = next(e for e in self._case_endings if word.endswith(e))
        if not has_slot(core[-len(ending):]) \
                or (len(word) - len(ending) < MIN_CASE_STEM and not self._declined_stem(word, ending)):
            return False  # "s tím" is a pronoun, not "tým" (team)
        return ending in self._governed_endings(line, run) or self._coordinated_case(ending, line, run) \
            or self._postposed_case(ending, line, run)

    def _declined_stem(self, word: str, ending: str) -> bool:
        """Is ``word`` (lower-case), ending in ``ending``, a form of a declined word however
        short its stem: its sibling in ``paradigm_endings`` a word of like frequency, within
        ``ADVERB_SIBLING_RATIO`` either way ("mým" and "mém"; not the noun "tým", whose
        "tém" is a misspelling)?"""
        frequency = self.finder.frequency(word)
        stem = word[:-len(ending)]
        return any(self.finder.frequency(stem + sibling) >= ADVERB_SIBLING_RATIO * frequency
                   and frequency >= ADVERB_SIBLING_RATIO * self.finder.frequency(stem + sibling)
                   for endings in self.data.paradigm_endings if ending in endings
                   for sibling in endings if sibling != ending)

    def _postposed_case(self, ending: str, line: str, run: DamagedRun) -> bool:
        """Does the run's word follow, past an adverb at most (a word whose form in
        ``adverb_ending`` is listed), a noun
        whose ending shows the case ``ending`` makes (``case_agreement``) right after a
        preposition governing that case, or with words between it and the preposition
        (an adjective or a numeral): a participle after its noun ("v květináči obtočeném
        papírem", "s jedním ramenem mírně přivráceným")?"""
        nouns = dict(self.data.case_agreement).get(ending)
        if not nouns:
            return False
        words = [self.lower(w) for w in clause_before(line, run.token_start).split()]
        readings = [words]
        if words and len(words[-1]) >= MIN_ADVERB and self.finder.frequency(words[-1][:-1] + self.data.adverb_ending):
            readings.append(words[:-1])  # "mírně", or an adjective read before the participle was ("mírný")
        for words in readings:  # "v domě postaveném" before "s batohem plně naloženým"
            if len(words) < 2 or len(words[-1]) < MIN_CASE_NOUN or not words[-1].isalpha() \
                    or not words[-1].endswith(nouns) or self._finite_verb(words[-1]):
                continue
            for previous in reversed(words[-PREPOSITION_REACH - 1:-1]):
                governed = self._cases_governed_by(previous)
                if governed:
                    if ending in governed:
                        return True
                    break
        return False

    def _coordinated_case(self, ending: str, line: str, run: DamagedRun) -> bool:
        """Does the run's word follow a conjunction (``predicate_coordinators``) that joins
        it to a phrase the preposition before that governs, a word of which shows ``ending``
        ("v prostém životě a úmyslném odříkání")?"""
        words = [self.lower(w) for w in clause_before(line, run.token_start).split()]
        if not words or words[-1] not in self.data.predicate_coordinators:
            return False
        conjunct = words[:-1][-PREPOSITION_REACH:]
        for i in range(len(conjunct) - 1, -1, -1):
            governed = self._cases_governed_by(conjunct[i])
            if governed:
                return ending in governed and any(w.endswith(ending) for w in conjunct[i + 1:])
        return False

    def _cases_governed_by(self, word: str, before: str = "") -> frozenset[str]:
        """The case endings ``word`` (lower-case) governs as a preposition (``preposition_cases``),
        or after the numeral ``before`` as a partitive one (``partitive_cases``: "jeden z")."""
        endings, partitives, numerals = self.data.partitive_cases
        if word in partitives and before in numerals:
            return frozenset(endings)
        return frozenset(e for e, prepositions in self.data.preposition_cases if word in prepositions)

    def quantifies_next(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` (lower-case) a degree adverb (``degree_quantifiers``) right before an
        intact noun in the genitive plural it governs ("jen málo stromů", not "mělo")?"""
        endings, adverbs = self.data.degree_quantifiers
        if word not in adverbs:
            return False
        following = following_word(line, run)
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False
        noun = self.lower(following.group(1))
        return len(noun) >= MIN_CASE_NOUN and noun.isalpha() and noun.endswith(endings)

    @per_run
    def _governed_endings(self, line: str, run: DamagedRun) -> frozenset[str]:
        """The endings that the word governing the run's word gives it: a preposition (after
        a numeral a partitive one: "jeden z žáků"), or a quantifier (noun and adjectives:
        "mnoho starých mostů"), within reach before it in
        its clause, with only words agreeing with it between; empty without one."""
        clause = clause_before(line, run.token_start).split()
        # a participle's own complement, a preposition and its noun, stands between it and
        # the noun it agrees with ("o leżącą na ścieżce dachówkę"): the phrase is skipped
        if len(clause) > 3 and self.lower(clause[-2]) in self.data.simple_prepositions \
                and self.lower(clause[-3]).endswith(self.data.complement_participle_endings):
            clause = clause[:-2]
        for i in range(len(clause) - 1, max(-1, len(clause) - 1 - PREPOSITION_REACH), -1):
            low = self.lower(clause[i])
            governed = self._cases_governed_by(low, self.lower(clause[i - 1]) if i else "")
            if governed:
                return governed
            # an adjective between ends in "-ą" in the accusative too ("przez taką gówniarę");
            # an indeclinable possessive agrees with nothing ("o jeho neobvyklém"), and a
            # pronoun is in the preposition's case, its adjective after it ("po ni?em jiném")
            if not (low.endswith(self._case_endings) or is_slot(low[-1:])
                    or self.likeliest_reading(low) in self.data.case_transparent):
                return frozenset()
        return frozenset()

    def verb_governs(self, word: str, line: str, run: DamagedRun) -> bool:
        """Does ``word``'s last letter, on a noun (``object_nominative``), make the case the
        verb right before it governs: a transitive verb's object (``object_ending``:
        "wylizałam łyżeczkę", "zagotować wodę") or the case of ``verb_cases`` ("była
        Ukrainką", "skinął głową"; after the reflexive pronoun, whose verb takes no
        accusative object: "bawię się obrączką")?  Words agreeing with it may stand
        between (``agreeing_between`` of them, ending in its case's endings:
        "wyremontować tę drogę", "bawię się złotą obrączką"), and one adverb before them
        (``object_adverbs``: "chwyta zawsze gotową strzykawkę").  Not where a preposition
        governs it ("potknął się o dachówkę")."""
        governed = self._verb_case(line, run)
        return governed is not None and word.endswith(governed) and self._declined_noun(word[:-len(governed)])

    @per_run
    def _verb_case(self, line: str, run: DamagedRun) -> str | None:
        """The case ending the verb before the run's word governs in it (see
        :meth:`verb_governs`), None where no such verb stands there.  Read once per
        resolution: none of it depends on the candidate."""
        before = line[:run.token_start]
        # only the last words are read: the agreeing ones and an adverb it skips, the verb,
        # and the one more the loop wants before a word it skips
        words = before.rsplit(None, AGREEING_BETWEEN + 3)[-(AGREEING_BETWEEN + 3):]
        agreeing = adverbs = 0
        while len(words) > agreeing + adverbs + 1:
            between = self.lower(words[-1 - agreeing - adverbs])
            if agreeing < AGREEING_BETWEEN and self._agrees_between(between, self._case_endings):
                agreeing += 1
            elif not adverbs and between in self.data.object_adverbs:  # "chwyta zawsze gotową strzykawkę"
                adverbs = 1
            else:
                break
        skipped = agreeing + adverbs
        previous = words[-1 - skipped:len(words) - skipped]
        if not previous or not before.endswith(" ") or not previous[0].isalpha() \
                or self._governed_endings(line, run):
            return None
        low = self.lower(previous[0])
        governed = next((ending for ending, verbs in self.data.verb_cases if low in verbs), None)
        if governed is None:
            infinitive = self._infinitive_of(low)
            if infinitive is None and not self._present_form(low):
                return None
            governed = next((ending for ending, verbs in self.data.verb_cases if infinitive in verbs),
                            self.data.object_ending)
        return governed

    def _agrees_between(self, word: str, endings: tuple[str, ...]) -> bool:
        """May ``word`` agree with a noun of these case ``endings`` after it ("tę", "złotą"):
        does it end so without being a verb form ("kupują", "bawię") or "się"?"""
        return word.endswith(endings) and word not in self.data.reach_clitics \
            and not self._present_form(word) and self._infinitive_of(word) is None

    def _declined_noun(self, stem: str) -> bool:
        """Is ``stem`` a noun's of the declension whose accusative and instrumental are
        ``object_ending`` and ``verb_cases``' endings: is its nominative
        (``object_nominative``) about as common as those forms ("łyżeczka")?  A verb
        form's "nominative" is at most a misspelling without diacritics ("będa" for
        "będą"), a few hundredths of it, or a verb's third singular, known by its second
        ("trafia": "trafiasz")."""
        forms = max(self.finder.frequency(stem + ending)
                    for ending in (self.data.object_ending, *(e for e, _ in self.data.verb_cases)))
        nominative = stem + self.data.object_nominative
        return self.finder.frequency(nominative) >= NOMINATIVE_SHARE * forms > 0 \
            and not self.finder.frequency(nominative + self.data.second_person_from_third)  # "trafia": "trafiasz"

    def _infinitive_of(self, word: str) -> str | None:
        """The listed infinitive of ``word``, an infinitive whose past form is listed
        ("zagotować": "zagotował") or a past form (``past_endings``, its stem's letter
        alternating as ``past_stem_alternations`` say: "milczał" → "milczeć"); else None."""
        ending = self.data.infinitive_ending
        if not ending or not self.data.past_endings:
            return None
        if word.endswith(ending) and len(word) > MIN_CASE_STEM + 2:
            return word if self.finder.frequency(word[:-len(ending)] + self.data.past_endings[-1]) else None
        past = next((e for e in self.data.past_endings if word.endswith(e)), None)
        stem = word[:-len(past)] if past else ""
        if len(stem) < MIN_CASE_STEM + 1:
            return None
        stems = [stem] + [stem[:-len(past_letter)] + infinitive for past_letter, infinitive in self.data.past_stem_alternations
                          if stem.endswith(past_letter)]
        return next((s + ending for s in stems if self.finder.frequency(s + ending)), None)

    def case_excluded(self, word: str, line: str, run: DamagedRun) -> bool:
        """Does ``word`` end as no noun does in the case of the preposition right before it,
        or before an adjective in that case before it ("na dom?", "v malém dom?": the
        locative is "domě"; "domů" is a genitive plural or the adverb)?"""
        excluded = [(case, nouns) for case, nouns in self.data.case_excluded_endings if word.endswith(nouns)]
        if not excluded:
            return False
        clause = [self.lower(w) for w in clause_before(line, run.token_start).rsplit(None, 2)[-2:]]
        governed = dict(self.data.preposition_cases)
        for case, nouns in excluded:
            prepositions = governed.get(case, frozenset())
            if clause and (clause[-1] in prepositions or (
                    len(clause) == 2 and clause[-1].endswith(case) and clause[-2] in prepositions)):
                return True
        return False

    def case_agrees(self, word: str, core: str, line: str, run: DamagedRun) -> bool:
        """Does ``word``'s ending, holding a lost letter, make the case the noun right after
        it shows by its own ending (``case_agreement``: Czech "letmým pohledem", "v pijavém
        papíře")?"""
        if not word.endswith(self.data.case_agreement_endings):
            return False  # most words (one test in C, not a generator over the endings)
        ending = next(e for e, _ in self.data.case_agreement if word.endswith(e))
        if not has_slot(core[-len(ending):]) or line[run.end:run.token_end] \
                or len(word) - len(ending) < MIN_CASE_STEM:
            return False  # "tím způsobem" is a pronoun, not "tým" (team)
        following = NEXT_WORD.match(line, run.token_end)
        if following is not None and self.lower(following.group(1)) in self.data.predicate_coordinators:
            # "tvrdým a hlubokým spánkem": an adjective joined to it agrees with the same noun
            joined = NEXT_WORD.match(line, following.end())
            if joined is None or not self.lower(joined.group(1)).endswith(tuple(self.data.adjective_endings)):
                return False
            following = NEXT_WORD.match(line, joined.end())
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False  # the noun's own ending was lost
        noun = self.lower(following.group(1))
        if len(noun) < MIN_CASE_NOUN or noun.endswith(tuple(self.data.adjective_endings)) \
                or noun in self.data.participle_auxiliaries:
            return False  # a pronoun or an auxiliary ("o kterém jsem"), or an adjective stacked before the noun
        return noun.endswith(dict(self.data.case_agreement)[ending])

    def _plural_noun(self, word: str) -> bool:
        """Is ``word`` (lower-case) a plural noun in the nominative ending of
        ``plural_subject_verbs`` ("lidé", "obyvatelé"), no adjective: its masculine form in
        the first ``stacked_adjective_endings`` ("lidý") is no word?"""
        if self.data.plural_subject_verbs is None:
            return False
        noun_ending = self.data.plural_subject_verbs[0]
        return word.endswith(noun_ending) and len(word) > MIN_AGREEING_NOUN \
            and not self._has_adjective(word[:-len(noun_ending)])

    def plural_subject(self, word: str, line: str, run: DamagedRun) -> bool | None:
        """For a plural noun in the nominative ending (``plural_subject_verbs``: "lidé", no
        adjective "lidý" listed): False right after a preposition or a quantifier, which
        takes no nominative ("u sousedů", "mnoho lidí"); True with a plural verb form after
        it in its clause, up to a subordinate clause (``clause_openers`` but the
        coordinators: "Lidé v tramvajích a metru koukají"), a participle or a present form
        known by its infinitive ("Lidé ho zvědavě pozorovali"); else None."""
        if not self._plural_noun(word):
            return None
        # _plural_noun is False without plural_subject_verbs
        verb_endings = self.data.plural_subject_verbs[1]  # type: ignore[index]
        if self._after_preposition(line, run) or self._governed_endings(line, run):
            return False
        for following in clause_after(line, run.token_end).split():
            low = self.lower(following)
            if low in self.data.clause_openers and low not in self.data.predicate_coordinators:
                return None
            if low.endswith(verb_endings) and (self._is_participle(low) or self._is_present(low, MIN_PRESENT_STEM)):
                return True
        return None

    def verb_after_preposition(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a past participle ("stál": "stát" is listed) or a present-tense
        finite verb of 3 letters or more right after a preposition ("na st?l", "na jedn? z
        mých návštěv": "jedné", not "jedná")?"""
        return self._after_preposition(line, run) and (self._is_participle(word) or self._present_finite(word))

    @per_run
    def _after_preposition(self, line: str, run: DamagedRun) -> bool:
        """Is the last word before the run's word (whatever space parts them) a preposition
        (``prepositions``)?  Asked of every candidate."""
        previous = line[:run.token_start].rsplit(None, 1)[-1:]
        return bool(previous) and self.lower(previous[0]) in self.data.prepositions

    def verb_after_reflexive(self, word: str, core: str, line: str, run: DamagedRun) -> bool:
        """Is ``word``, its lost letter its last or in a two-letter person ending ("se
        star?m," → "starám", "se oprav?m" → "opravím", not the locative "starém" nor the
        dative "opravám"), a present-tense verb form (``present_endings``: its infinitive is a
        word, "stará" → "starat") right after a reflexive pronoun ("se stará o")?  Not
        before a noun in the instrumental (``case_agreement``), which "se" governs as a
        preposition ("se starým přítelem")."""
        if len(word) < MIN_REFLEXIVE_VERB:
            return False
        if self._previous_word(line, run) not in self.data.reflexive_pronouns:
            return False
        if not is_slot(core[-1]):
            if not is_slot(core[-2]):
                return False
            # the noun after it agreeing with a case ending its slot may hold
            following = following_word(line, run)
            noun = self.lower(following.group(1)) if following is not None else ""
            if any(noun.endswith(nouns) and all(a == b or is_slot(a) for a, b in zip(core[-len(ending):], ending))
                   for ending, nouns in self.data.case_agreement):
                return False
        return self._is_present(word)

    @per_document
    def _is_present(self, word: str, min_stem: int = 0) -> bool:
        """Is ``word`` a present-tense form by its listed infinitive (``present_endings``:
        "stará" → "starat", "mrzí" → "mrzet"), its stem ``min_stem`` letters at least?"""
        return word.endswith(self.data.any_present_ending) and any(
            word.endswith(ending) and len(word) - len(ending) >= min_stem
            and any(self.finder.frequency(word[:-len(ending)] + infinitive) for infinitive in infinitives)
            for endings, infinitives in self.data.present_endings for ending in endings)

    def _is_participle(self, word: str) -> bool:
        for ending in self.data.past_participle_endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return self._has_infinitive(word[:-len(ending)])
        return False

    def is_infinitive(self, word: str) -> bool:
        """Is ``word`` an infinitive: is its past participle a word (``infinitive_participles``:
        "dělat" → "dělal", "spát" → "spal", "číst" → "četl"; not the noun "část")?"""
        return word.endswith(self.data.any_infinitive_ending) and any(
            word.endswith(ending) and len(word) > len(ending) + 1
            and any(self.finder.frequency(word[:-len(ending)] + participle) for participle in participles)
            for ending, participles in self.data.infinitive_participles)

    def _has_infinitive(self, stem: str) -> bool:
        """Is ``stem`` (a past participle without its ending) a verb's: is its infinitive a
        word ("chodíva" → "chodívat"; after a consonant "přikýv" → "přikývnout"; a stem of
        another root, ``participle_stem_roots``: "seše" → "sejít")?"""
        if self.finder.frequency(stem + self.data.participle_infinitive):
            return True
        for tail, root in self.data.participle_stem_roots:
            if stem.endswith(tail) and self.finder.frequency(stem[:-len(tail)] + root + self.data.participle_infinitive):
                return True  # "sešel" → "sejít", "chtěl" → "chtít"
        after_consonant = self.data.participle_infinitive_after_consonant
        return bool(after_consonant) and stem[-1] not in VOWELS \
            and bool(self.finder.frequency(stem + after_consonant))

    def before_verb(self, line: str, run: DamagedRun) -> bool:
        """Is the word after the run a verb or a clitic, which an adverb goes before and an
        adjective does not ("zamyšleně přikývl", "nenápadně zjistit", "aktivně mi")?  A verb
        form is known by its partner: an infinitive whose past participle is a word
        ("zjistit" → "zjistil") or the reverse ("pozorovali" → "pozorovat", "přikývl" →
        "přikývnout").  Not right after a preposition or a quantifier, which governs a noun
        ("na oddělení se", "po šesté se", "několik starých mostů je").  An adverb set apart
        in parentheses modifies the verb after them as well ("(zamyšleně) vytáhl")."""
        parenthesised = line[run.token_start:run.start] == "(" and line[run.end:run.token_end] == ")"
        following = NEXT_WORD.match(line, run.token_end) \
            if line[run.end:run.token_end] == "" or parenthesised else None
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False
        if self._after_preposition(line, run) or self._governed_endings(line, run):
            return False
        low = self.lower(following.group(1))
        if low in self.data.adverb_before:
            return True
        if low.endswith(self.data.participle_infinitive) and len(low) > 3:
            return self.is_infinitive(low)
        return self._is_participle(low) or self.is_present_verb(low) or self._is_passive_participle(low)

    def _is_passive_participle(self, word: str) -> bool:
        """Is ``word`` the short form of a passive participle, its long adjective form listed
        (``passive_participle_endings``: "vyzdobena" → "vyzdobený"; "bohatě vyzdobena"), a
        long vowel before it shortened (``passive_long_vowels``: "kontrolováno" →
        "kontrolovaný")?  Its "-n-" or "-t-" follows a vowel ("-en", "-án", "-yt"): "hrozny"
        is a noun, not "hrozný"."""
        endings, long_ending = self.data.passive_participle_endings
        shortened = dict(self.data.passive_long_vowels)
        for ending in endings:
            stem = word[:len(word) - len(ending)]
            if not word.endswith(ending) or len(stem) < MIN_PRESENT_STEM or stem[-1] not in VOWELS:
                continue
            consonant = ending.rstrip(VOWELS + "y")
            stems = [stem] + ([stem[:-1] + shortened[stem[-1]]] if stem[-1] in shortened else [])
            if any(self.finder.frequency(s + consonant + long_ending) for s in stems):
                return True
        return False

    def ends_verb_clause(self, line: str, run: DamagedRun) -> bool:
        """Does the run end a clause (punctuation or a conjunction after it) whose verb, within
        reach before it, takes a manner adverb (``adverb_after_verbs``, the verbs of saying
        among them: "dodala zadumaně.", "zvolal poutník nadšeně.", "tváří se lhostejně a"),
        or right after an adverb and a conjunction ("šťastně a spokojeně.")?"""
        after = line[run.token_end:].lstrip()
        following = LETTER_RUN.match(after)
        # punctuation glued to the word ends the clause whatever follows ("Tvářil se
        # naštvaně, měl pomačkané sako")
        if following is not None and self.lower(following.group(0)) not in self.data.predicate_coordinators \
                and not CLAUSE_BREAK.search(line, run.end, run.token_end):
            return False  # "zvolal nadšený dav": a noun after it
        clause = clause_before(line, run.token_start).split()
        if len(clause) >= 2 and self.lower(clause[-1]) in self.data.predicate_coordinators \
                and self._is_adverb(self.lower(clause[-2])):
            return True  # "žili šťastně a spokojeně.": joined to an adverb, an adverb
        return any(self.lower(word) in self.data.adverb_after_verbs for word in clause[-ADVERB_VERB_REACH:])

    @per_document
    def _has_adjective(self, stem: str) -> bool:
        """Does ``stem`` make a listed adjective, its masculine nominative (the first of
        ``stacked_adjective_endings``: "mlad" → "mladý"; a noun's stem makes none:
        "manžel")?"""
        return bool(self.data.stacked_adjective_endings) \
            and bool(self.finder.frequency(stem + self.data.stacked_adjective_endings[0]))

    def _is_adverb(self, word: str) -> bool:
        """Is ``word`` (lower-case) an adverb made from an adjective: in ``adverb_ending``,
        its adjective in the first ``stacked_adjective_endings`` listed ("šťastně" →
        "šťastný"; not the locative "životě")?"""
        ending = self.data.adverb_ending
        return len(word) >= MIN_ADVERB and word.endswith(ending) and self._has_adjective(word[:-len(ending)])

    def before_adjective(self, line: str, run: DamagedRun) -> bool:
        """Is the word after the run an adjective (``adjective_endings``), which an adverb
        may modify ("stejně opálená", "krásně kulaté") as an adjective may agree with it?"""
        following = following_word(line, run)
        if following is None or is_slot(line[following.end():following.end() + 1] or " "):
            return False
        low = self.lower(following.group(1))
        if self.data.soft_adjective_case_ending and len(low) >= MIN_ADJECTIVE and self._soft_adjective(low) \
                and self.finder.frequency(low[:-len(self.data.soft_adjective_ending)] + self.data.soft_adjective_case_ending):
            # a soft adjective, known by its "-ího", standing for its noun: a verb or the
            # clause's end after it ("nově příchozí obdržel"); before a noun an adjective of
            # any gender may agree with that noun past it ("silná stropní lampa")
            further = NEXT_WORD.match(line, following.end())
            return further is None or self._is_participle(self.lower(further.group(1))) \
                or self.is_present_verb(self.lower(further.group(1)))
        return len(low) >= MIN_ADJECTIVE and low.endswith(self.data.adjective_endings) and not self._plural_noun(low)

    def verb_after_object_relative(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a present-tense verb right after a relative pronoun that is its object
        (``object_relatives``: "kterého poctí")?"""
        before = self._previous_word(line, run)
        return bool(before) and before in self.data.object_relatives and self.is_present_verb(word)

    def adjective_adverb(self, word: str) -> bool:
        """Is ``word`` (lower-case) an adverb of a hard or a soft adjective ("stejně" →
        "stejný", "denně" → "denní"; not the locative "době")?"""
        ending, soft = self.data.adverb_ending, self.data.soft_adjective_ending
        return self._is_adverb(word) or (len(word) >= MIN_ADVERB and bool(ending) and word.endswith(ending)
                                         and bool(soft) and bool(self.finder.frequency(word[:-len(ending)] + soft)))

    def _soft_adjective(self, word: str) -> bool:
        """Does ``word`` end as an adjective of one form for every gender ("stropní": the
        noun comes after it)?"""
        return bool(self.data.soft_adjective_ending) and word.endswith(self.data.soft_adjective_ending)

    def in_determined_phrase(self, line: str, run: DamagedRun) -> bool:
        """Does the run stand after a preposition and a demonstrative of an oblique case
        (``oblique_demonstratives``: "v téhle"), before a word that is no adjective or verb?
        It is then an adjective of the noun phrase they open ("v téhle denní době"), not an
        adverb, which would modify an adjective or a verb after it ("v téhle úplně nové")."""
        before = words_before(line, run, 2)
        if len(before) < 2 or self.lower(before[1]) not in self.data.oblique_demonstratives \
                or self.lower(before[0]) not in self.data.prepositions:
            return False
        following = following_word(line, run)
        return following is not None and not self.before_adjective(line, run) and not self.before_verb(line, run)

    def unstacked_before_adjective(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` an adjective in one agreeing ending right before an adjective in
        another ("stejn? uspěchaný dav": no "stejné" stacks on "uspěchaný")? Stacked
        adjectives share their ending; the word is the adverb ("stejně") or another form."""
        next_ending = self._stacked_adjective_after(line, run)
        if next_ending is None:
            return False
        ending = self._stacked_adjective(word)
        return ending is not None and ending != next_ending

    @per_run
    def _stacked_adjective_after(self, line: str, run: DamagedRun) -> str | None:
        """The agreeing ending of the adjective right after the run's word, intact and in
        lower case (:meth:`_stacked_adjective`), None if none follows it."""
        following = following_word(line, run)
        # the next word as written, not as read: a repaired one may be wrong ("jedna jedin?
        # prav?" read "pravé" first)
        if following is None or following.group(1)[:1].isupper() \
                or has_slot(self._source[following.start():following.end() + 1]):
            return None
        return self._stacked_adjective(self.lower(following.group(1)), MIN_ADJECTIVE)

    def subject_agrees(self, word: str, line: str, run: DamagedRun) -> bool:
        """Does ``word``'s last letter make the person of a subject before it in its clause
        ("ja stracę", "ludzie siedzą", "rodacy go lubią"), or, where none stands there, of
        a subject after it ("jakimi kategoriami myślą Anglicy", "trafią do niej
        najlepsi")?"""
        if not word.endswith(self.data.any_subject_ending):
            return False  # most words (one test in C, not a generator over the endings)
        ending = next(e for e, _ in self.data.subject_endings if word.endswith(e))
        subject = self._listed_subject_before(line, run)
        if subject is not None:
            return subject == ending
        # a plural noun, or a subject after the word, where the word is a present form
        # (not "to są naprawdę bardzo zdolni ludzie", "Istotą Ja jest")
        if not self.data.plural_subject_endings or not self._present_person_form(word, ending, line, run):
            return False  # "niż" is no "nią" after "uczniowie czytają dziś mniej"
        return self._subject_near(line, run) == ending

    @per_run
    def _listed_subject_before(self, line: str, run: DamagedRun) -> str | None:
        """The person ending of the listed subject (``subject_endings``) nearest before the
        run's word in its clause, within ``GOVERNOR_REACH`` words; None if none stands there."""
        for previous in reversed(clause_before(line, run.token_start).split()[-GOVERNOR_REACH:]):
            subject = next((e for e, words in self.data.subject_endings if self.lower(previous) in words), None)
            if subject is not None:
                return subject
        return None

    @per_run
    def _subject_near(self, line: str, run: DamagedRun) -> str | None:
        """The person ending of the subject nearest the run's word in its clause, before it
        or after it (:meth:`_subject_person`: a listed one or a masculine personal plural);
        where none stands there, the third plural's if clitics and a plural noun phrase
        follow the word (:meth:`_plural_after_object_clitic`); else None.  Read once per
        resolution: none of it depends on the candidate."""
        clause = clause_before(line, run.token_start).split()
        after = [] if line[run.end:run.token_end] else \
            clause_after(line, run.token_end).split()
        for neighbour in [*reversed(clause[-GOVERNOR_REACH:]), *after[:GOVERNOR_REACH]]:
            subject = self._subject_person(self.lower(neighbour))
            if subject is not None:
                return subject
        return self.data.subject_endings[-1][0] if self._plural_after_object_clitic(after) else None

    def _plural_after_object_clitic(self, after: list[str]) -> bool:
        """Do clitics open ``after``, the clause after a verb, one of them filling its
        accusative (``object_clitics``: "się", "cię"), and a plural noun phrase follow them,
        which is then no object but the verb's subject: a plural adjective
        (``plural_adjective_genitives``: "Bawią Cię moje zalety") or a masculine noun's plural
        (``masculine_plural_instrumentals``: "Mylą mu się domy")?  A feminine's "-y" is its
        genitive singular too ("Boję się krowy"), and after "się" a genitive is its object."""
        words = [self.lower(w) for w in after]
        count = next((i for i, w in enumerate(words) if w not in self.data.clitic_forms), len(words))
        if count == len(words) or not self.data.object_clitics.intersection(words[:count]):
            return False
        word = words[count]
        if not word.isalpha() or len(word) < MIN_PERSON_FORM:
            return False
        frequency = self.finder.frequency
        if any(word.endswith(ending) and frequency(word[:-len(ending)] + genitive)
               for ending, genitive in self.data.plural_adjective_genitives):
            return True
        return any(word.endswith(ending) and frequency(word[:-len(ending)] + masculine)
                   and not frequency(word[:-len(ending)] + feminine)
                   for ending, masculine, feminine in self.data.masculine_plural_instrumentals)

    def _subject_person(self, word: str) -> str | None:
        """The ending of the person of ``word`` as a subject: a listed subject
        (``subject_endings``), or a masculine personal plural (``plural_subject_endings``:
        "rodacy", "najlepsi", "panowie"; not a feminine genitive in "-cy", "pracy": its
        accusative "pracę" is listed)."""
        listed = next((e for e, words in self.data.subject_endings if word in words), None)
        if listed is not None or len(word) < MIN_PERSON_VERB + 1:
            return listed
        for ending, plurals in self.data.plural_subject_endings:
            if word.endswith(plurals) and not self.finder.frequency(word[:-1] + self.data.object_ending):
                return ending
        return None

    def person_in_sentence(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a present form (``subject_endings``: "-ę" first person singular, "-ą"
        third plural; no noun that ends so, "łyżeczkę") of the person of
        the sure verb forms elsewhere in its sentence, between the subordinating
        conjunctions around it (``subordinators``: another clause has its own subject),
        which coordinated verbs share ("gaszę światło i zamykam drzwi", "odezwą się i
        podziękują")?  A form is sure when intact and of one person only: a past form
        with a person ending (``past_person_endings``: "zrobiłem", "zrobili"), a listed
        form (``person_words``: "jestem", "są"), a present form ("myślę", "myślą": its
        second person is listed), a first person in "-m" whose third plural in "-ją" is
        listed ("zamykam")."""
        if not word.endswith(self.data.any_subject_ending):
            return False  # most words (one test in C): no person ending, no present form
        ending = next(e for e, _ in self.data.subject_endings if word.endswith(e))
        if not self._present_person_form(word, ending, line, run):
            return False  # "postawę" is the noun's, though "postawisz" is listed
        return self._sure_persons(line, run) == {ending}

    @per_run
    def _sure_persons(self, line: str, run: DamagedRun) -> set[str]:
        """The persons of the sure verb forms in the run's sentence, between the
        subordinating conjunctions around it (see :meth:`person_in_sentence`).  Read once
        per resolution: none of it depends on the candidate."""
        start, end = sentence_around(line, run)
        persons: set[str] = set()
        for side in (line[start:run.token_start].split()[::-1], line[run.token_end:end].split()):
            for token in side:
                low = self.lower(token.strip(_TOKEN_PUNCTUATION))
                if low in self.data.subordinators:
                    break
                if has_slot(token) or not self.finder.vocabulary.count(low):
                    continue  # damaged, or repaired here (its reading may be wrong)
                person = self._sure_person(low)
                if person is not None:
                    persons.add(person)
        return persons

    def _present_person_form(self, word: str, ending: str | None, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a present form with the person ending ``ending``: long enough, its
        stem a present stem, and no noun's ("postawę", "łyżeczkę"), unless the reflexive
        right after it makes it a verb ("odezwą się", though "odezwa" is a noun)?"""
        return ending is not None and len(word) >= MIN_PERSON_VERB and self._present_stem(word[:-len(ending)]) \
            and (self._before_reflexive(line, run) or not self._declined_noun(word[:-len(ending)]))

    def _before_reflexive(self, line: str, run: DamagedRun) -> bool:
        """Is the word right after ``run``'s the reflexive (``reach_clitics``: "się"), which
        follows verbs, not nouns?"""
        following = following_word(line, run)
        return following is not None and self.lower(following.group(1)) in self.data.reach_clitics

    def speaker_person(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a present form of the first person ("-ę": "kończę", not the noun
        "łyżeczkę") in a sentence of direct speech, opened by a dash (``speech_dashes``:
        "- Już kończę.", "- Nie mogę ci pomóc."), where nothing in its clause names another
        subject (``subject_endings``: "- Wszyscy siedzą.")?"""
        ending = self.data.subject_endings[0][0]
        if not word.endswith(ending) or not self._present_person_form(word, ending, line, run):
            return False
        start = sentence_around(line, run)[0]
        opening = line[start:run.token_start].lstrip()
        if len(opening) < 2 or opening[0] not in self.data.speech_dashes or not opening[1].isspace():
            return False
        return not any(self._subject_person(self.lower(w)) for w in clause_before(line, run.start).split())

    def plural_right_before(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a present form of the person of the plural noun or adjective right
        before it, its subject (``adjacent_plural_endings``: "gazety piszą", "Milicjanci
        głoszą"; not a function word, "mi", nor a verb, "robi")?"""
        if not word.endswith(self.data.any_adjacent_plural_ending):
            return False  # most words (one test in C): no person ending, no present form
        ending, finals = next((e, f) for e, f in self.data.adjacent_plural_endings if word.endswith(e))
        previous = self._previous_word(line, run)
        if not self._present_person_form(word, ending, line, run):
            return False
        return len(previous) >= MIN_PERSON_FORM and previous.isalpha() and previous.endswith(finals) \
            and previous not in stopwords(self.lang) and not self._present_form(previous)

    def _present_form(self, word: str) -> bool:
        """Is ``word`` a present-tense form: a first singular or third plural of a present
        stem ("piją"), or a third singular, or its plural persons
        (``present_person_endings``: "mamy"), whose second singular adds
        ``second_person_from_third`` ("chwyta" → "chwytasz", "mamy" → "masz")?"""
        if len(word) < MIN_PERSON_VERB - 1:
            return False
        ending = next((e for e, _ in self.data.subject_endings if word.endswith(e)), None)
        if ending is not None:
            return self._present_stem(word[:-len(ending)])
        return any(word.endswith(ending) and len(word) - len(ending) >= MIN_CASE_STEM
                   and self.finder.frequency(word[:len(word) - len(ending)] + self.data.second_person_from_third)
                   for ending in self.data.present_person_endings)

    @per_document
    def _present_stem(self, stem: str) -> bool:
        """Is ``stem`` a present tense's: is its second person singular listed
        (``second_person_endings``, after the stem's consonant alternates as
        ``second_person_alternations`` say: "myśl-ę" → "myślisz", "pomog-ę" → "pomożesz",
        "będ-ę" → "będziesz"), or, its consonant alternating, its third singular
        (``third_person_endings``: "gasz-ę" → "gasi")?  No noun has one ("łyżeczk-ę")."""
        stems = [stem] + [stem[:-len(a)] + b for a, b in self.data.second_person_alternations if stem.endswith(a)]
        return any(self.finder.frequency(s + e) for s in stems for e in self.data.second_person_endings) \
            or any(self.finder.frequency(s + e) for s in stems[1:] for e in self.data.third_person_endings)

    def _sure_person(self, word: str) -> str | None:
        """The ``subject_endings`` ending of the person an intact verb form ``word`` shows
        beyond doubt, or None (see :meth:`person_in_sentence`)."""
        listed = next((e for e, words in self.data.person_words if word in words), None)
        if listed is not None:
            return listed
        if len(word) < MIN_PERSON_VERB:
            return None
        past = next((e for e, forms in self.data.past_person_endings if word.endswith(forms)), None)
        if past is not None:
            return past if self._infinitive_of(word) else None
        for ending in self.data.any_subject_ending:
            if word.endswith(ending):
                return ending if self._present_stem(word[:-len(ending)]) else None
        first, third = self.data.present_first_person
        if first and word.endswith(first) and self.finder.frequency(word[:-len(first)] + third):
            return self.data.any_subject_ending[0]
        return None

    def first_person_form(self, word: str) -> bool:
        """Is ``word`` a first-person singular verb form whose third-person partner, its
        last letter apart, is a word too ("intentaré"/"intentará", "arrenderò"/"arrenderà")?"""
        return len(word) >= MIN_PERSON_FORM and any(
            word.endswith(first) and any(self.finder.frequency(word[:-len(first)] + third) for third in thirds)
            for first, thirds in self.data.person_endings)

    def first_person_page(self) -> bool:
        """Does the page write a first-person pronoun, clitic or possessive (``first_person_words``)?"""
        if self._first_person is None:
            self._first_person = self.finder.vocabulary.writes_any(self.data.first_person_words)
        return self._first_person

    def first_person_after_third_reflexive(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a first-person singular form (``first_person_singular_endings``:
        "sentí", "levanté") right after a third-person reflexive clitic
        (``third_person_reflexives``: "se"), which agrees with the verb's subject ("se
        sent?" is "sentó"; the first person takes "me")?  Not the subjunctive "esté", a
        third person ("que se esté")."""
        word = self.lower(word)
        return self._previous_word(line, run) in self.data.third_person_reflexives \
            and len(word) >= MIN_PERSON_FORM and word.endswith(self.data.first_person_singular_endings) \
            and word not in self.data.subjunctive_forms

    def pronominal_after_reflexive(self, word: str, line: str, run: DamagedRun) -> bool:
        """Is ``word`` a pronominal verb (its infinitive with the reflexive attached commoner
        than without: "arrendersi" against "arrendere") right after the first-person
        reflexive clitic ("Non mi arrenderò"), which then agrees with its subject?"""
        if self._previous_word(line, run) not in self.data.reflexive_clitics:
            return False
        for form, bare, reflexive in self.data.pronominal_infinitives:
            if word.endswith(form):
                stem = word[:-len(form)]
                if max(self.finder.frequency(stem + end) for end in reflexive) \
                        > max(self.finder.frequency(stem + end) for end in bare):
                    return True
        return False

    @per_run
    def infinitive_governed(self, line: str, run: DamagedRun) -> bool:
        """Is a governing word within reach before the run in its clause ("mógł sobie na to
        pozwolić"), or a future auxiliary or modal right after it ("startować będą")?"""
        before = LETTER_RUN.findall(clause_before(line, run.token_start))[::-1]
        words = _within_reach(before, GOVERNOR_REACH, self.data.reach_clitics)
        if any(self.data.governs_infinitive(self.lower(w)) for w in words):
            return True
        if self.data.simple_prepositions and self._governed_past_prepositions(before):
            return True
        # from the run's end: punctuation glued to the word ends its clause ("majaczył, miał")
        after = LETTER_RUN.findall(clause_after(line, run.end))
        return any(self.lower(w) in self.data.infinitive_governors_after
                   for w in _within_reach(after, GOVERNOR_REACH_AFTER, self.data.reach_clitics))

    def after_simple_preposition(self, line: str, run: DamagedRun) -> bool:
        """Does a preposition (``simple_prepositions``) stand right before the run's word?"""
        return self._previous_word(line, run) in self.data.simple_prepositions

    def _governed_past_prepositions(self, before: list[str]) -> bool:
        """Is a governor within reach when prepositions are not counted, a preposition and its
        noun being one phrase ("nie może pani się na słońcu tak pokazywać"), with no
        infinitive between, which the governor has already ("chciał zjechać po poręczy i
        stracił")?  ``before``: the clause's words before the run, nearest first."""
        words = _within_reach(before, GOVERNOR_REACH, self.data.reach_clitics | self.data.simple_prepositions)
        for word in words:
            lower = self.lower(word)
            if self.data.governs_infinitive(lower):
                return True
            if self.data.infinitive_ending and lower.endswith(self.data.infinitive_ending):
                return False
        return False

    def asks_what_to_do(self, line: str, run: DamagedRun) -> bool:
        """Does an interrogative that asks what to do stand right before the run, with only
        a pronoun (``infinitive_question_pronouns``) or a clitic between (``infinitive_question_words``: "nie wiedział,
        jak to zrobić", "Cóż zrobić?", "Dlaczego opuszczać?")?  The infinitive then needs no
        governor; the past form is as likely ("Gdzie pracował?")."""
        # whole tokens: a question word that ends its own question asks nothing of the run ("Co? Stał")
        words = [self.lower(w) for w in clause_before(line, run.token_start).split()]
        while words and (words[-1] in self.data.reach_clitics or words[-1] in self.data.infinitive_question_pronouns):
            words.pop()
        return bool(words) and words[-1] in self.data.infinitive_question_words

    def after_name(self, line: str, run: DamagedRun) -> bool:
        """Does a name stand right before the run ("Stefan ugra?", "Solana zwiedza?")?"""
        previous = line[:run.token_start].rsplit(None, 1)[-1:]
        return bool(previous) and line[:run.token_start].endswith(" ") and self.name_word(previous[0])

    def elided(self, before_apostrophe: str) -> bool:
        return self.data is not None and re.split("['’]", before_apostrophe)[-1] in self.data.elisions

    def sentence_start(self, line: str, pos: int) -> bool:
        before = line[:pos].rstrip(OPENERS)
        if not before:
            return True
        last = before[-1]
        if last == "\ufffd":
            return False  # a lost letter; a "?" still there after the repairs to its left is real
        if last == "?" and not before[:-1].rstrip()[-1:].isalpha() and before[-2:-1] not in (" ", ".", "!", "…"):
            return False  # "(?)", "???"; a question trailing off ends its sentence ("ikimizi..? Âdetim")
        if last == "?" and before[-2:-1] == " " and self.data is not None \
                and self.lower(last_word(before[:-1])) in self.data.determiners:
            return False  # "un ? état": a lost mark after a determiner ends no sentence
        return last in _SENTENCE_END

    def name_word(self, word: str) -> bool:
        """A capitalised word, not a function word ("Erol", "Esin’le")."""
        return word[:1].isupper() and word.replace("'", "").replace(APOSTROPHE, "").isalpha() \
            and self.lower(word) not in stopwords(self.lang)
