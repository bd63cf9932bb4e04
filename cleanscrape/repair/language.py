"""Per-language knowledge for lossy-charset repair, read from ``data/repair/languages.toml``."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import MISSING, Field, dataclass, field, fields
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..lang import base_language
from ..shipped import Shipped

__all__ = ["LanguageData", "language_data", "supported_languages", "LOAN_LETTERS", "Symbol", "symbols"]

#: Latin letters any European page may hold in names and loanwords ("Müller" in French,
#: "café" in German): possible readings of a lost letter, at a lower prior than the
#: language's own letters.
LOAN_LETTERS = "áàâäãåçéèêëíìîïñóòôöõøúùûüýÿ"
#: languages whose capital I lower-cases to dotless "ı" (and "İ" to "i")
_TURKIC_CASING = ("tr", "az")


@dataclass(frozen=True, init=False, repr=False, eq=False)
class LanguageData:
    """One language's section of the repair data, as :func:`language_data` reads it.  (A
    docstring of its own also spares every process the one ``dataclass`` would otherwise
    write from the signature of its ~200 fields, ~0.5 ms at import; no ``__repr__`` and no
    ``__eq__``, which nothing calls (one language's data is one object, cached), another
    ~2.5 ms: ``dataclass`` writes each as source over every field and compiles it; and an
    ``__init__`` written out below, which it would write so too, ~3.5 ms.)"""

    lang: str
    letters: str
    #: (word-list spelling, page spelling) pairs
    equivalents: tuple[tuple[str, str], ...] = ()
    #: plain letters the language writes in loanwords and foreign names only (Czech "q", "w"):
    #: a word holding one is no word of the language, and the letter model, which spells
    #: the language's words, does not spell it ("Why? osobní" stays, not "Whyň")
    foreign_letters: str = ""
    ascii_capitals: str = ""
    elisions: frozenset[str] = frozenset()
    elides_before: str = ""
    #: the one-letter words an elided word may stand before ("l’a", "s’y"; not "n’e": "née")
    one_letter_after_elision: frozenset[str] = frozenset()
    #: the only elided words some of them stand after ("qu’à", "jusqu’à"; no "l’à")
    one_letter_elisions: dict[str, frozenset[str]] = field(default_factory=dict)
    #: words written with a final apostrophe for a lost syllable ("po’" for "poco")
    apocopes: frozenset[str] = frozenset()
    suffix_apostrophe: frozenset[str] = frozenset()
    one_letter_words: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()
    #: one-letter word -> words it never precedes (French "à le" is always "au")
    never_before: dict[str, frozenset[str]] = field(default_factory=dict)
    #: ... except these object pronouns before an infinitive, which the one-letter word
    #: governs uncontracted ("prêt à les rejoindre", "à le faire")
    infinitive_clitics: frozenset[str] = frozenset()
    quotes: tuple[tuple[str, str], ...] = ()
    spaced_quotes: bool = False
    space_before_question_mark: bool = False
    infinitive_ending: str = ""
    #: the endings of infinitives, which "à" governs ("à rester à"): no single quoted word
    infinitive_endings: tuple[str, ...] = ()
    infinitive_governors: frozenset[str] = frozenset()
    #: governors that may follow the infinitive ("startować będą")
    infinitive_governors_after: frozenset[str] = frozenset()
    #: clitics that stand between a governor and its infinitive without counting towards
    #: its reach ("chciałem się z tobą zaraz podzielić")
    reach_clitics: frozenset[str] = frozenset()
    #: prepositions: a governor's reach passes them without counting them, a preposition
    #: and its noun being one phrase ("nie może pani się na słońcu tak pokazywać"); no
    #: ``clitic_forms`` follow one
    simple_prepositions: frozenset[str] = frozenset()
    #: pronouns' clitic forms, which never follow a preposition: it takes the full form
    #: ("z sobą", "do niego"), so "z si? nie opadła" is "z sił", not "z się"
    clitic_forms: frozenset[str] = frozenset()
    #: clitics that never open a sentence (their full forms do: "ciebie", "jemu"), so a
    #: capitalised one after a "?" is no sentence's first word but a polite pronoun in
    #: mid-sentence, and that "?" no question's end ("Bawi? Cię moje zalety" is "Bawią")
    sentence_enclitics: frozenset[str] = frozenset()
    #: (source prepositions, goal prepositions) of a distributive pair of one noun ("z
    #: místa na místo", "z roku na rok"): the first noun is the second's
    distributive_prepositions: tuple[frozenset[str], frozenset[str]] | None = None
    #: clitics that fill a verb's accusative ("się", "cię"): a plural noun phrase right
    #: after them is no object but the verb's subject ("Mylą mu się domy")
    object_clitics: frozenset[str] = frozenset()
    #: a plural adjective's nominative ending and its genitive plural ("nowe" → "nowych",
    #: "moje" → "moich"), which no adverb has ("pięknie": no "pięknich")
    plural_adjective_genitives: tuple[tuple[str, str], ...] = ()
    #: a masculine noun's nominative plural ending, its instrumental singular ("domy" →
    #: "domem", "krzyki" → "krzykiem") and a feminine's, which it must not have: no
    #: masculine genitive singular ends so, as a feminine's does ("krowy": "krową" listed)
    masculine_plural_instrumentals: tuple[tuple[str, str, str], ...] = ()
    #: endings of active participles, which take a complement of their own, a preposition
    #: and its noun, before the noun they agree with ("o leżącą na ścieżce dachówkę")
    complement_participle_endings: tuple[str, ...] = ()
    #: interrogatives that ask what to do, with an infinitive ("jak to zrobić", "co robić")
    infinitive_question_words: frozenset[str] = frozenset()
    #: pronouns that may stand between such an interrogative and its infinitive ("jak to zrobić")
    infinitive_question_pronouns: frozenset[str] = frozenset()
    #: (infinitive ending, endings of its past participle) pairs: an infinitive is known by
    #: its participle in the word list ("číst" → "četl"), where its ending holds no lost letter
    infinitive_participles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: person/conditional endings a past-tense governor may carry ("chciał" + "em")
    infinitive_governor_endings: tuple[str, ...] = ()
    #: words are built by stacking suffixes on a word ("bıçağı" + "yla")
    suffixing: bool = False
    #: number words a number written as one word is made of ("ikiyüzkırkyedi")
    compound_numerals: tuple[str, ...] = ()
    #: (final consonant, its softened form before a vowel) pairs ("kızak" → "kızağa")
    softened_finals: tuple[tuple[str, str], ...] = ()
    #: vowel -> the lost vowels that may follow it in a word (vowel harmony)
    vowel_harmony: tuple[tuple[str, str], ...] = ()
    #: the vowel classes a suffix agrees with its stem in (Turkish back "aıou", front "eiöü"):
    #: a word ends in a suffix only if the suffix's vowel is of its stem's last vowel's class
    #: ("şahin" is no "şah" + "-in", which would be "şahın")
    vowel_classes: tuple[str, ...] = ()
    #: a verb form no list has is a verb stem the list knows by one of these forms
    #: (``verb_stem_forms``: "üşü" by "üşüyor") and a chain of suffixes, the first of
    #: ``verb_suffixes``, the others of these or ``inflection_suffixes`` ("me-mek",
    #: "mü-yor-dum"), whose lost vowels follow harmony
    verb_stem_forms: tuple[str, ...] = ()
    verb_suffixes: tuple[str, ...] = ()
    inflection_suffixes: tuple[str, ...] = ()
    #: the consonants after which a suffix's "d" is "t" ("açtı", "gitti")
    voiceless_consonants: str = ""
    #: the consonants a case suffix after an apostrophe opens with after a vowel only
    #: ("Ankara’nın", "Ankara’ya"; "Esin’in", "Esin’e")
    suffix_buffers: str = ""
    #: the verb ends the sentence (Turkish): a form read as a verb there is likelier
    verb_final: bool = False
    #: a noun's suffixes, one group per slot in their order (plural, possessive, case), at
    #: most one of each ("çay-ı-na", "saç-lar-ı"); and the high vowel each vowel takes after it
    noun_suffixes: tuple[tuple[str, ...], ...] = ()
    high_vowel_harmony: tuple[tuple[str, str], ...] = ()
    #: (adjective ending, endings of the nouns it agrees with) pairs
    agreement: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (ending of a subject word, endings of the past participles it agrees with) pairs, and
    #: the subject words (relative pronouns) they apply to; a participle is recognised by
    #: its verb: the stem with ``participle_infinitive`` is a word ("chodíval" → "chodívat")
    participle_agreement: tuple[tuple[str, tuple[str, ...]], ...] = ()
    participle_subjects: frozenset[str] = frozenset()
    #: (oblique endings, nominative ending, instrumental ending, relative's ending) rows of
    #: an antecedent's singular paradigms, and the neuter's (nominative ending, the
    #: instrumental ending it shares with one of them)
    oblique_antecedents: tuple[tuple[tuple[str, ...], str, str, str], ...] = ()
    neuter_nominative: tuple[str, str] = ("", "")
    #: (noun endings, relative's ending, prepositions, endings of the adjectives between):
    #: a noun so ending after a preposition of the genitive only is a singular's genitive
    genitive_antecedents: tuple[tuple[str, ...], str, frozenset[str], tuple[str, ...]] | None = None
    participle_infinitive: str = ""
    #: the endings of a past participle, which with its stem make it a verb form ("chodila")
    past_participle_endings: tuple[str, ...] = ()
    #: the infinitive ending of a participle whose stem ends in a consonant ("přikývl" →
    #: "přikývnout", "vytáhla" → "vytáhnout")
    participle_infinitive_after_consonant: str = ""
    #: words between a subject and its participle that show another subject ("které jsem")
    participle_auxiliaries: frozenset[str] = frozenset()
    #: endings of a noun that is the subject when it follows a participle agreeing with it,
    #: as no object ends ("nechala sestra": the accusative is "sestru")
    participle_subject_endings: tuple[str, ...] = ()
    #: the singular's instrumental ending that shows a noun in one of
    #: ``participle_subject_endings`` to be a subject between a relative pronoun and its
    #: participle ("který mi lékařka vyčistila": "lékařkou"; "která se léta nepoužívala":
    #: "léta" is a plural, no "létou")
    participle_subject_instrumental: str = ""
    #: past participles of the copula ("byl", "byla"), whose adjective after them agrees
    #: with them as a participle agrees with its subject, and the words that may stand
    #: between ("byl jsem šťastný", "bylo to dobré", "byl sice opravdu malý")
    copulas: frozenset[str] = frozenset()
    #: (adjective ending, demonstratives of that gender and number) pairs ("ta druhá")
    determiner_agreement: tuple[tuple[str, frozenset[str]], ...] = ()
    #: words of comparison: an adjective after one with no noun of its own agrees with the
    #: noun before it ("škola jako dělaná pro mě")
    comparison_words: frozenset[str] = frozenset()
    #: the vocative ending of masculine nouns ending in a consonant ("pane", "doktore"):
    #: set apart by commas, such a noun takes the masculine adjective ("vzácný pane,")
    masculine_vocative_ending: str = ""
    #: a case ending of soft adjectives ("-ího"): a word in "-í" whose form in it is listed
    #: is an adjective ("příchozí", "příchozího"), not a noun ("nádraží") or a verb
    soft_adjective_case_ending: str = ""
    #: relative pronouns in an oblique case, the object of their clause's verb: a word right
    #: after one is that verb sooner than a noun of another case ("kterého poctí svým")
    object_relatives: frozenset[str] = frozenset()
    #: demonstratives in an oblique case, as determiners only (not the pronouns "tom",
    #: "toho", "tím"): after a preposition they open a noun phrase, whose words before the
    #: noun are adjectives, not adverbs ("v téhle denní době")
    oblique_demonstratives: frozenset[str] = frozenset()
    #: pronouns whose last letter looks like an adjective ending ("já"): no agreement
    personal_pronouns: frozenset[str] = frozenset()
    copula_between: frozenset[str] = frozenset()
    #: present forms of the copula ("je", "jsou"): the predicate agrees with the subject before them
    present_copulas: frozenset[str] = frozenset()
    #: the neuter pronoun subject after a present copula ("je to krásné")
    neuter_subject: str = ""
    #: the plural present copulas ("jsou"), and the plural endings of a predicate adjective,
    #: the one of most genders first (Czech "-é": masculine inanimate and feminine)
    plural_copulas: frozenset[str] = frozenset()
    plural_predicate_endings: tuple[str, ...] = ()
    #: words only one regional spelling writes, and (its letter, the other's) pairs
    #: (European Portuguese "facto", "actual": "ó" and "é" where Brazilian writes "ô", "ê")
    regional_markers: frozenset[str] = frozenset()
    regional_letters: tuple[tuple[str, str], ...] = ()
    #: the letters the regional letters stand before (a nasal: "António", "fenómeno")
    regional_letters_before: str = ""
    #: the two words that open a progressive only one regional spelling writes, before an
    #: infinitive (European Portuguese "está a fazer", Brazilian "está fazendo"), and the
    #: [infinitive ending, gerund ending] pairs an infinitive is known by (its gerund is listed)
    regional_progressive: tuple[tuple[str, str], ...] = ()
    gerund_endings: tuple[tuple[str, str], ...] = ()
    #: the ending of adverbs made from adjectives ("-ě"), and clitics they go before
    adverb_ending: str = ""
    adverb_before: frozenset[str] = frozenset()
    #: endings only adjectives have, which an adverb may stand before ("stejně opálená")
    adjective_endings: tuple[str, ...] = ()
    #: reflexive pronouns, which a verb follows ("se stará"), and (present-tense endings,
    #: infinitive endings) pairs that tell a verb form ("stará" → "starat")
    reflexive_pronouns: frozenset[str] = frozenset()
    present_endings: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    #: words a verb never follows ("na stůl", not "na stál")
    prepositions: frozenset[str] = frozenset()
    #: (verb ending, subject pronouns it agrees with) pairs
    subject_endings: tuple[tuple[str, frozenset[str]], ...] = ()
    #: (verb ending, noun endings) pairs: nouns of these endings are subjects of that person
    #: (Polish masculine personal plurals "-cy", "-si", "-owie": "rodacy", "najlepsi")
    plural_subject_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: what shows a verb form's person for its coordinated verbs: (ending, forms) pairs
    #: of listed forms ("jestem", "są") and of past endings with a person ("łem", "li"),
    #: and the first person's present ending with its third plural's ("zamykam" /
    #: "zamykają"); the words that open another clause, with a subject of its own ("że")
    person_words: tuple[tuple[str, frozenset[str]], ...] = ()
    past_person_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    present_first_person: tuple[str, str] = ("", "")
    subordinators: frozenset[str] = frozenset()
    #: the dashes that open a sentence of direct speech, whose subject-less present forms
    #: are most often the speaker's own: the first ``subject_endings`` person ("- Już kończę.")
    speech_dashes: str = ""
    #: the dash that opens a turn of dialogue, where a lone slot opens a line or a sentence
    #: ("" for the en dash "–")
    dialogue_dash: str = ""
    #: the dialogue dash is glued to the word after it (Spanish "—me preguntó")
    glued_dialogue_dash: bool = False
    #: (verb ending, word endings) pairs: a present form right after a word of these
    #: endings (a plural noun or adjective, its subject) takes that person ("gazety piszą")
    adjacent_plural_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: a present tense's second person singular endings, and (stem end, alternant) pairs
    #: its consonant alternates by ("pomog-ę" → "pomożesz"): a present stem is known by it
    second_person_endings: tuple[str, ...] = ()
    #: ... or, after its consonant alternates, a third person singular ("gasz-ę" → "gasi")
    third_person_endings: tuple[str, ...] = ()
    #: the endings the third singular takes in the plural persons ("" for itself: "chwyta",
    #: "chwytamy"), and what it takes in the second singular ("chwytasz")
    present_person_endings: tuple[str, ...] = ()
    second_person_from_third: str = ""
    second_person_alternations: tuple[tuple[str, str], ...] = ()
    #: (first-person singular verb ending, third-person endings) pairs a lost last letter
    #: tells apart ("intentaré"/"intentará"), and the first-person words whose absence
    #: makes a page a third-person story
    person_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    first_person_words: frozenset[str] = frozenset()
    #: the first-person singular reflexive clitics ("mi"), and (form ending, infinitive
    #: endings, reflexive infinitive endings) triples that find a form's infinitives
    #: ("arrenderò" → "arrendere", "arrendersi")
    reflexive_clitics: frozenset[str] = frozenset()
    #: the third-person reflexive clitics ("se"), and the first-person singular endings a
    #: lost last letter makes ("sentí", "levanté"): right after such a clitic, which agrees
    #: with its verb's subject, a verb is no first person ("se sentó")
    third_person_reflexives: frozenset[str] = frozenset()
    first_person_singular_endings: tuple[str, ...] = ()
    pronominal_infinitives: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    #: (case ending, words governing that case) pairs: prepositions, and quantifiers that
    #: govern the genitive plural; the data may give one entry several endings
    preposition_cases: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the case ending a transitive verb gives the noun right after it, its object (Polish
    #: accusative "-ę": "wylizałam łyżeczkę"), and (case ending, verbs) pairs of verbs that
    #: govern another case (the copulas and gestures: "była Ukrainką", "skinął głową", by
    #: their infinitives), for the nouns whose nominative ends in ``object_nominative``
    #: (Polish "-a": "łyżeczka"; a verb form has none: "startować będą")
    object_ending: str = ""
    object_nominative: str = ""
    verb_cases: tuple[tuple[str, frozenset[str]], ...] = ()
    #: adverbs that may stand between a verb and its object, whose case they leave as the
    #: verb governs it ("chwyta zawsze gotową strzykawkę")
    object_adverbs: frozenset[str] = frozenset()
    #: a past form's endings, longest first, and (letter, letters) its stem's last letter
    #: alternates with in the infinitive ("milcza-ł" → "milczeć", "zamknę-ła" → "zamknąć"):
    #: a word is a past form when its infinitive is listed
    past_endings: tuple[str, ...] = ()
    past_stem_alternations: tuple[tuple[str, str], ...] = ()
    #: (adjective case ending, noun endings) pairs: after a preposition and an adjective in
    #: the case it governs, the noun has none of these endings ("v malém domě", not "domů")
    case_excluded_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: a lower-case word after a real "?" is one of ``saying_verbs`` and no other (Turkish
    #: quoted questions: "olur mu? dedi"; an embedded question takes no mark)
    only_saying_after_question: bool = False
    #: participles of stating whose clause's subject, a rare word closing its clause right
    #: after them, is the speaker's name ("… kaydeden ?ahin, …")
    reporting_participles: frozenset[str] = frozenset()
    #: verbs of stating that follow quoted speech after a comma ("…», disse ele"): a lost
    #: mark glued between the speech and that comma closes the quotation
    attribution_verbs: frozenset[str] = frozenset()
    #: verbs of asking that follow a quoted question after a comma where the language
    #: opens its questions ("¿Vienes?, preguntó"): a slot glued before that comma is the
    #: question's own "?", no closing quotation mark
    asking_verbs: frozenset[str] = frozenset()
    #: auxiliaries of a compound tense and clitic pronouns the verb of stating or asking may
    #: follow ("», a regretté", "?, le preguntó")
    before_reporting_verb: frozenset[str] = frozenset()
    question_opening: str = ""
    #: the mark that opens an exclamation ("¡"), closed by "!"
    exclamation_opening: str = ""
    #: words every question has (Turkish "mi", "ne"): a "?" in a sentence without one is
    #: unlikely a real one
    question_words: frozenset[str] = frozenset()
    #: endings only nouns have, in a language that capitalises every noun (German)
    noun_endings: tuple[str, ...] = ()
    #: a noun-only ending with the linking "s" of a compound ("-ungs-" of "Überzeugungsarbeit"):
    #: the compound is a noun unless its last part is an adjective's (``adjective_heads``:
    #: "handlungsfähig", "beziehungsweise", "reibungslos")
    noun_links: tuple[str, ...] = ()
    adjective_heads: tuple[str, ...] = ()
    #: groups of endings of one paradigm that differ in one non-ASCII letter (Czech
    #: adjectives' locative "-ém" and instrumental "-ým"): a listed word's sibling is a word
    paradigm_endings: tuple[tuple[str, ...], ...] = ()
    #: endings of another paradigm whose listed form on the same stem shows that the word
    #: is not of the one ``paradigm_endings`` describe (Polish "-ego": "własną" is an
    #: adjective, whose accusative is "-ą" too, so it has no "-ę" sibling)
    paradigm_blocking_endings: tuple[str, ...] = ()
    #: the masculine and feminine ordinal indicators ("1º", "1ª"), and the endings of
    #: feminine nouns, which take the feminine one
    ordinal_indicators: tuple[str, ...] = ()
    feminine_endings: tuple[str, ...] = ()
    #: the ordinal indicator follows an abbreviating point ("2.º", "3.ª")
    ordinal_point: bool = False
    #: singular articles (with their prepositions) that a number set apart from its ordinal
    #: indicator follows ("el 14 º país"): no price takes a singular article
    ordinal_articles: frozenset[str] = frozenset()
    #: in a language that capitalises every noun, words only a noun phrase follows (articles,
    #: possessives, contracted prepositions): a word right after one, or after one and an
    #: inflected adjective, with no capitalised word after it, is the noun; the articles
    #: that are relative pronouns too ("der", "die", "das") count only before an adjective
    noun_determiners: frozenset[str] = frozenset()
    noun_determiners_before_adjective: frozenset[str] = frozenset()
    #: number words: a one-letter word may stand between two of them ("une à deux") though
    #: the first is an article as well
    numerals: frozenset[str] = frozenset()
    #: verbs of saying that follow quoted speech in lower case, after its "?" or "!" too
    #: ('"…vás?" řekl primář', "olur mu? dedi")
    saying_verbs: frozenset[str] = frozenset()
    #: words that end no clause (conjunctions, articles, contracted prepositions); with the
    #: prepositions, no real "?" follows them
    non_final: frozenset[str] = frozenset()
    #: elided negations and the words that complete them in the clause after ("n’" …
    #: "pas"): without one, the elided reading is no negation ("n?es entre" is "nées")
    negation_partners: dict[str, frozenset[str]] = field(default_factory=dict)
    #: words a question ends with in a language that spaces its "?" ("Combien ?", "Et alors ?"):
    #: a lone "?" after one is a real question mark
    question_enders: frozenset[str] = frozenset()
    #: interrogatives a question opens with ("pourquoi", Romanian "de ce"; phrases are
    #: lower-case words separated by spaces) and, where a question may open with a verb and
    #: its subject pronoun inverted, the endings of that first word ("-t-il", "-ils"): the
    #: last "?" of such a sentence, where it ends, is a real question mark
    question_openers: tuple[tuple[str, ...], ...] = ()
    question_opener_endings: tuple[str, ...] = ()
    #: names no common word spells, lower-cased: written with a capital anywhere
    proper_nouns: frozenset[str] = frozenset()
    #: inflectional endings a name takes after its last letter (German genitive "-s":
    #: "Österreichs")
    proper_noun_endings: tuple[str, ...] = ()
    #: lost first letters that open only listed words of the language: a word no list knows
    #: opening with one is a name ("?vreux" → "Évreux")
    name_initials: str = ""
    #: the closed vowel and the open one a word's last syllable takes before consonants and
    #: a final mute "e" (French "é", "è": "-ène", never "-éne")
    mute_e_open_vowel: tuple[str, ...] = ()
    #: what follows that vowel: consonants and the mute "e" (French "-ne", "-bre", "-ques";
    #: not "-ent", a verb's or an adverb's ending)
    mute_e_ending: re.Pattern[str] | None = None
    #: letters the language's spelling never writes before certain others (French "ç" only
    #: before "a", "o", "u": "c" before "e", "i", "y" already sounds [s]), by letter
    letter_never_before: dict[str, frozenset[str]] = field(default_factory=dict)
    #: vowels that end the language's words and that a charset loses (Romanian "ă"): a glued
    #: "?" after a consonant-final word no list knows is one of them, seldom a real "?"
    lost_final_vowel: str = ""
    #: (definite ending, indefinite ending) of a feminine singular noun with its article
    #: ("valoarea" of "valoare"), longest first: a word after one agrees with it
    feminine_heads: tuple[tuple[str, str], ...] = ()
    #: words that open a feminine singular noun phrase ("o", "această")
    feminine_determiners: frozenset[str] = frozenset()
    #: the one-letter ending of the future a clitic stands inside ("poder-se-á"), after an
    #: infinitive and one of ``mesoclitic_pronouns``
    mesoclitic_ending: str = ""
    mesoclitic_pronouns: frozenset[str] = frozenset()
    #: the stems of irregular futures a clitic may stand inside ("dir-lhe-á" of "dizer")
    mesoclitic_stems: frozenset[str] = frozenset()
    #: words that may stand between a preposition and the word whose case it governs without
    #: agreeing with it (indeclinable possessives: Czech "o jeho neobvyklém chování")
    case_transparent: frozenset[str] = frozenset()
    #: (genitive plural endings, partitive prepositions, numerals): a numeral and the
    #: preposition after it govern the genitive plural ("jeden z žáků", "jedna z nejlepších")
    partitive_cases: tuple[tuple[str, ...], frozenset[str], frozenset[str]] = ((), frozenset(), frozenset())
    #: (genitive plural endings, degree adverbs) that govern a noun in those endings as
    #: quantifiers do ("jen málo stromů", not the participle "mělo") but modify adjectives
    #: too ("málo známý"), so that no preposition_cases row holds them
    degree_quantifiers: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset())
    #: adjective ending -> endings of the nouns right after it that show its case
    case_agreement: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: word -> ((words before it, words after it), ...): the word is written with a capital
    #: right after one of the first (an elided word without its apostrophe), unless one of the
    #: second follows (French "l’État", "les États membres"; "l’état de santé")
    capital_senses: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = field(default_factory=dict)
    #: one-letter word -> endings of the nouns it goes before (it holds an article)
    one_letter_agreement: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: plural endings, in a language that capitalises every word of a name but its function
    #: words (Spanish "Órdenes Militares"; French capitalises the first only: "l’École
    #: nationale"): a plural word before a capitalised plural one is a word of a name
    name_plural_endings: tuple[str, ...] = ()
    #: the language capitalises every word of a title, function words too (Turkish "Ev
    #: Üstüne Felsefece Bir Deneme"): a word between capitalised words in mid-sentence is one
    capitalises_title_words: bool = False
    #: adjectives that go before their noun ("los últimos Juegos"), never a name's last word
    prenominal_adjectives: frozenset[str] = frozenset()
    #: the function words a name keeps in lower case between its capitalised words (Portuguese
    #: "Área Metropolitana de Lisboa"): a word between two capitalised words of a name, past
    #: one of these, takes a capital too ("a Assembleia da ?rea Metropolitana")
    name_particles: frozenset[str] = frozenset()
    #: months as a date writes them after a day's number and its ordinal point, in lower case
    #: (Czech "2. února"): the point ends no sentence there
    date_months: frozenset[str] = frozenset()
    #: abbreviations the word list holds as words, which the language writes with a point
    #: after them (Polish "św." for "święty", "ul.", "np."): without one, another reading
    point_abbreviations: frozenset[str] = frozenset()
    #: forms of the subjunctive that a lost accent confuses with the indicative (Spanish
    #: "esté"/"está"), and the words before "que" that govern it ("espera que", "para que")
    subjunctive_forms: frozenset[str] = frozenset()
    subjunctive_governors: frozenset[str] = frozenset()
    #: finite verb forms no noun shares, written in lower case in mid-sentence (German
    #: "hätte", "führe"): capitalised there, a noun of the same letters ("Hütte", "Fähre")
    lower_case_verb_forms: frozenset[str] = frozenset()
    #: clitic pronouns a lost letter confuses with a conjunction (Romanian "îi"/"și"), and the
    #: words after which one opens a predicate (relatives: "unde îi", "care îi")
    clitic_pronouns: frozenset[str] = frozenset()
    clitic_subjects: frozenset[str] = frozenset()
    #: endings that show a verb form (Romanian "întinse", Czech "oddychuje"), less those of
    #: the participles and nouns among them ("-ată", "-rea"): see ``shows_verb``
    verb_endings: tuple[str, ...] = ()
    non_verb_endings: tuple[str, ...] = ()
    #: singular articles and demonstratives opening a sentence's subject ("A entrada é")
    subject_determiners: frozenset[str] = frozenset()
    #: "and": a word no list knows after it and a name is a name too ("Yeltsin ve ?ernomirdin")
    name_conjunctions: frozenset[str] = frozenset()
    #: words a verb follows rather than a preposition ("não é", "que é"): no agreement then
    before_verbs: frozenset[str] = frozenset()
    #: possessive determiners: after a ``before_verbs`` word, one after a lone slot opens the
    #: verb's complement ("que é sua intenção"), no phrase of "à" (``contexts``); a damaged
    #: word read as one stands before its noun, not before punctuation or a preposition,
    #: unless a copula makes it the predicate ("je váš.")
    possessives: frozenset[str] = frozenset()
    #: prepositions governing an infinitive ("para trazer"): an infinitive after one is no
    #: subject, so a lone slot after it is "à", not "é"
    infinitive_prepositions: frozenset[str] = frozenset()
    #: feminine participle ending -> its masculine ending: a word so ending whose masculine
    #: form is at least as frequent is a participle, no noun ("é usada", not "à usada";
    #: "à entrada", "entrado" being rare)
    feminine_participles: tuple[tuple[str, str], ...] = ()
    #: word -> ((side, neighbours), ...): side "after" or "before"; a neighbour starting
    #: with "-" is an ending
    contexts: tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...] = ()
    #: verb readings of a damaged short word whose other reading is an object clitic (Czech
    #: "má" against "mě"): the clitic's clause has a verb of its own, the verb's none
    sole_verbs: frozenset[str] = frozenset()
    #: words opening a comparison, which often leaves its clause verbless ("než trochu vaší
    #: pozornosti"): no sole verb is read there
    elliptic_openers: frozenset[str] = frozenset()
    #: conjunctions and relative words that open a clause ("že", "protože", "který")
    clause_openers: frozenset[str] = frozenset()
    #: (ending, sibling ending) pairs: a word so ending is a verb form when its sibling, which
    #: only a verb has, is listed: a present form's second person ("nechce" → "nechceš",
    #: "všimnou" → "všimneš"), an imperative's plural ("nech" → "nechte")
    verb_form_siblings: tuple[tuple[str, str], ...] = ()
    #: clitics a lost letter confuses with the subject "já" (Czech "jí"), and the endings of
    #: a present form of the third person and of another one ("nemůže", "vyhovuje"; "můžu",
    #: "vím", "můžeme"): a third person's verb after it takes no subject "já"
    third_person_clitics: frozenset[str] = frozenset()
    clitic_person_endings: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    #: determiners that are object pronouns too ("všechno"), an adverb after them as often as
    #: an adjective: they show an adjective's ending only where its adverb is rare
    adverbial_determiners: frozenset[str] = frozenset()
    #: pronouns that are subjects of the third person only ("kdo", "nikdo"): a present form
    #: of another person right after one is no reading ("Kdo ví?", not "Kdo víš")
    third_person_subjects: frozenset[str] = frozenset()
    #: (adjective ending, feminine case endings, masculine case endings) of a noun ending in a
    #: consonant: feminine when the word list holds its feminine forms far more ("noci")
    consonant_noun_gender: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    #: (masculine and neuter oblique adjective endings, case endings of a noun in a consonant):
    #: after such an adjective no feminine noun's case form stands ("do tichého pláče", not "pláže")
    masculine_oblique_endings: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    #: ... nor the accusative of a feminine in "-a" (this ending: "prostorného sálu", not
    #: "sílu" of "síla"), known as ``genitive_plural_forms`` knows the feminine
    feminine_accusative_ending: str = ""
    #: the endings of an adjective that agrees with the noun after it as the adjective before
    #: it does ("velké nahé ženské tělo")
    stacked_adjective_endings: tuple[str, ...] = ()
    #: an adjective's endings of the other cases than the nominative: after an intact adjective
    #: in one, no adjective in a nominative ending (``stacked_adjective_endings``) stands, as
    #: adjectives stacked before a noun share its case ("hustou čerň", not "hustou šerá")
    oblique_adjective_endings: tuple[str, ...] = ()
    #: conjunctions joining predicate adjectives that agree alike ("starý a unavený")
    predicate_coordinators: frozenset[str] = frozenset()
    #: (participle stem ending, infinitive root): the participle's stem is another root's
    #: ("šel", "přišla" of "jít", "přijít"; "chtěl" of "chtít")
    participle_stem_roots: tuple[tuple[str, str], ...] = ()
    #: (endings of a passive participle's short form, the ending of its long form)
    passive_participle_endings: tuple[tuple[str, ...], str] = ((), "")
    #: present copulas of the first and second person, whose predicate adjective takes
    #: the speaker's gender, shown by a past participle with that person's auxiliary
    #: ("koupila jsem … a jsem spokojená")
    person_copulas: frozenset[str] = frozenset()
    #: (vowel before a short form's "-n-", the long form's): "kontrolováno" → "kontrolovaný"
    passive_long_vowels: tuple[tuple[str, str], ...] = ()
    #: verbs whose clause a manner adverb ends ("dodala zadumaně."): the verbs of saying and these
    adverb_after_verbs: frozenset[str] = frozenset()

    def __init__(self, lang: str, letters: str, **values: Any) -> None:
        """Every field from the keyword of its name, else its default."""
        values.update(lang=lang, letters=letters)
        for f in fields(self):
            object.__setattr__(self, f.name, values.pop(f.name) if f.name in values else _default(f))  # (frozen)
        if values:
            raise TypeError(f"LanguageData has no field {', '.join(map(repr, values))}")

    @cached_property
    def predicate_endings(self) -> frozenset[str]:
        """The last letters of the adjectives agreeing with a participle's subject ("ý", "á" …)."""
        return frozenset(self.participle_agreement_endings)
    #: (adjective ending, singular case endings, masculine case endings) of a noun ending in a
    #: consonant that is the genitive plural of a feminine in "-a" ("květin" of "květina")
    genitive_plural_forms: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    #: letter -> the letter it is before an ending ("stůl" → "stolu", "píseň" → "písni")
    stem_alternations: tuple[tuple[str, str], ...] = ()
    #: the vowel a stem loses before an ending ("láhev" → "láhve", "pes" → "psa")
    mobile_vowel: str = ""
    #: last letters of feminine nouns whose singular and plural nominative are one form
    #: ("vůně", "ulice"): the number of a past form in their clause tells the adjective's
    number_neutral_endings: str = ""
    #: the prefix that negates any adjective, verb or adverb (Czech "ne-"): a listed word
    #: after it is a word, where the list lacks the negated form
    negative_prefix: str = ""
    #: (listed ending, person ending) pairs: a past form ending so takes the person ending
    #: after it (Polish "wygrywała" + "ś"), where no list has the longer form
    person_suffixes: tuple[tuple[str, str], ...] = ()
    #: the last letters of an adjective's nominative forms, the soft adjectives' one form
    #: last (Czech "ý á é í"): a letter-model spelling in one of them has the others as
    #: candidates, for agreement to choose
    adjective_paradigm_endings: str = ""
    #: (noun ending, verb endings): a noun so ending is a plural subject, in the nominative,
    #: when a verb form so ending follows it in its clause ("lidé … pozorovali", not the
    #: genitive "lidí")
    plural_subject_verbs: tuple[str, tuple[str, ...]] | None = None

    def noun_stems(self, noun: str) -> list[str]:
        """The stems ``noun`` (ending in a consonant) may take before a case ending: itself,
        without its mobile vowel, and both with ``stem_alternations``."""
        stems = [noun]
        if self.mobile_vowel and len(noun) >= 3 and noun[-2] == self.mobile_vowel:
            stems.append(noun[:-2] + noun[-1])
        alternations = dict(self.stem_alternations)
        for stem in list(stems):
            altered = "".join(alternations.get(c, c) for c in stem)
            if altered != stem:
                stems.append(altered)
        return stems

    @property
    def never_final(self) -> frozenset[str]:
        """Words that end no clause, so no real question mark follows them; elided forms
        ("d", "qu", "dell") stand only before their apostrophe ("avait d? vendre" is "dû")."""
        return self.prepositions | self.non_final | self.elisions

    @cached_property
    def any_present_ending(self) -> tuple[str, ...]:
        """Every ending of ``present_endings``: a word in none of them is no present form."""
        return tuple(ending for endings, _ in self.present_endings for ending in endings)

    @cached_property
    def any_infinitive_ending(self) -> tuple[str, ...]:
        """Every ending of ``infinitive_participles``: a word in none of them is no infinitive."""
        return _firsts(self.infinitive_participles)

    @cached_property
    def agreement_endings(self) -> frozenset[str]:
        """The adjective endings ``agreement`` lists: an adjective in none agrees with no noun."""
        return frozenset(_firsts(self.agreement))

    @cached_property
    def participle_agreement_endings(self) -> tuple[str, ...]:
        """Every ending of ``participle_agreement``: a word in none of them agrees with no subject."""
        return _firsts(self.participle_agreement)

    @cached_property
    def case_agreement_endings(self) -> tuple[str, ...]:
        """Every ending of ``case_agreement``: a word in none of them shows no case a noun agrees with."""
        return _firsts(self.case_agreement)

    @cached_property
    def any_subject_ending(self) -> tuple[str, ...]:
        """Every ending of ``subject_endings``: a word in none of them shows no person."""
        return _firsts(self.subject_endings)

    @cached_property
    def any_adjacent_plural_ending(self) -> tuple[str, ...]:
        """Every ending of ``adjacent_plural_endings``: a word in none of them is no present
        form of a plural subject's person."""
        return _firsts(self.adjacent_plural_endings)

    @cached_property
    def contexts_by_word(self) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
        """``contexts`` as a mapping: the words that have some, and their sides."""
        by_word: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        for word, sides in self.contexts:
            by_word[word] = by_word.get(word, ()) + sides
        return by_word

    def context_fits(self, word: str, word_before: str, word_after: str) -> bool:
        """Is ``word`` next to a neighbour it goes with (both neighbours lower-case)?"""
        for side, neighbours in self.contexts_by_word.get(word, ()):
            neighbour = word_before if side == "after" else word_after
            if neighbour and (neighbour in neighbours
                              or any(n[0] == "-" and neighbour.endswith(n[1:]) for n in neighbours)):
                return True
        return False

    @cached_property
    def alphabet(self) -> str:
        """Every letter a lost character may be: the language's own first."""
        variants = "".join(page for _, page in self.equivalents)
        return self.letters + variants + "".join(c for c in LOAN_LETTERS if c not in self.letters)

    # What the candidate finder (.candidates) reads, derived once per language: a finder is
    # made for every document.  Shared by them all, so none may change it.

    @cached_property
    def alphabet_set(self) -> frozenset[str]:
        """The letters of :attr:`alphabet`."""
        return frozenset(self.alphabet)

    @cached_property
    def list_letters(self) -> dict[str, str]:
        """Page letter -> the one letter the word list spells it with (``equivalents``)."""
        return {page: listed for listed, page in self.equivalents if len(listed) == 1}

    @cached_property
    def list_spellings(self) -> tuple[tuple[str, str], ...]:
        """The (word-list spelling, page letter) pairs of ``equivalents`` whose word-list
        spelling has several ASCII letters ("ß" as "ss")."""
        return tuple((listed, page) for listed, page in self.equivalents if len(listed) > 1)

    @cached_property
    def numerals_by_start(self) -> dict[tuple[int, str], list[tuple[int, str]]]:
        """The number words a compound numeral is written of (``compound_numerals``) by their
        length and the first character of a damaged one they fit (their first letter, or "?"
        for a slot: a non-ASCII first letter), each with its place in the list (the first
        listed that fits is read)."""
        by_start: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for place, numeral in enumerate(self.compound_numerals):
            for first in (numeral[0],) if numeral[0].isascii() else (numeral[0], "?"):
                by_start.setdefault((len(numeral), first), []).append((place, numeral))
        return by_start

    @cached_property
    def longest_numeral(self) -> int:
        return max(map(len, self.compound_numerals), default=0)

    @cached_property
    def suffixes_by_length(self) -> dict[int, list[str]]:
        """The case suffixes after an apostrophe (``suffix_apostrophe``) by their length, in
        their order: only those of its length may be a damaged one."""
        by_length: dict[int, list[str]] = {}
        for suffix in self.suffix_apostrophe:
            by_length.setdefault(len(suffix), []).append(suffix)
        return by_length

    @cached_property
    def harmony(self) -> dict[str, str]:
        """``vowel_harmony`` as a mapping."""
        return dict(self.vowel_harmony)

    @cached_property
    def harmonic_vowels(self) -> frozenset[str]:
        """The vowels harmony chooses among (none where the language has no harmony)."""
        return frozenset("".join(self.harmony.values()) + "ö") if self.harmony else frozenset()

    @cached_property
    def same_class_vowels(self) -> frozenset[tuple[str, str]]:
        """The pairs of vowels of one class (``vowel_classes``: back or front), in either order."""
        return frozenset((a, b) for group in self.vowel_classes for a in group for b in group)

    @cached_property
    def vowel_pair(self) -> re.Pattern[str] | None:
        """Two vowels side by side, which no chain of suffixes writes (buffer consonants part them)."""
        return re.compile("[" + "".join(self.harmony) + "]{2}") if self.harmony else None

    @cached_property
    def high_harmony(self) -> dict[str, str]:
        """``high_vowel_harmony`` as a mapping."""
        return dict(self.high_vowel_harmony)

    @cached_property
    def verb_suffix_set(self) -> frozenset[str]:
        return frozenset(self.verb_suffixes)

    @cached_property
    def inflection_suffix_set(self) -> frozenset[str]:
        return frozenset(self.inflection_suffixes)

    @cached_property
    def chain_suffixes(self) -> frozenset[str]:
        """The suffixes of a verb form's chain (``verb_suffixes`` and ``inflection_suffixes``)."""
        return self.verb_suffix_set | self.inflection_suffix_set

    @cached_property
    def chain_suffix_lengths(self) -> list[int]:
        """The lengths of :attr:`chain_suffixes`, shortest first."""
        return sorted({len(s) for s in self.chain_suffixes})

    @cached_property
    def chain_bounds(self) -> dict[str, tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]]:
        """What the chain of suffixes after a stem of each kind may end in, by the last
        letter, and open with, by the first: after a verb stem (``verb_suffixes`` open it), a
        softened final (``inflection_suffixes`` do) and a noun (``noun_suffixes``).  A chain
        is tested by one str.endswith and one str.startswith against the few suffixes of its
        own last and first letter (~10 of Turkish's 199, which a test of all reads through)."""
        endings = _by_letter(self.chain_suffixes, -1)
        nouns = [s for group in self.noun_suffixes for s in group]
        return {"verb": (endings, _by_letter(self.verb_suffix_set, 0)),
                "softened": (endings, _by_letter(self.inflection_suffix_set, 0)),
                "noun": (_by_letter(nouns, -1), _by_letter(nouns, 0))}

    @cached_property
    def noun_suffix_groups(self) -> list[tuple[frozenset[str], list[int]]]:
        """``noun_suffixes``' groups, each with its lengths, shortest first."""
        return [(frozenset(group), sorted({len(s) for s in group})) for group in self.noun_suffixes]

    @cached_property
    def longest_noun_chain(self) -> int:
        """The longest chain of suffixes a noun takes: the longest suffix of each group."""
        return sum(max(lengths, default=0) for _, lengths in self.noun_suffix_groups)

    @cached_property
    def suffix_initials(self) -> frozenset[str]:
        """The letters a chain's or a noun's suffix opens with."""
        return frozenset(s[0] for s in self.chain_suffixes) \
            | frozenset(s[0] for group, _ in self.noun_suffix_groups for s in group)

    @cached_property
    def chain_consonants(self) -> str:
        """The consonants a suffix's lost letter may be (no vowel: harmony gives that; nor a
        vowel with a circumflex, "â", whose base letter is one); "" without harmony."""
        if not self.harmony:
            return ""
        return "".join(c for c in self.letters if unicodedata.normalize("NFD", c)[0] not in self.harmony)

    @property
    def soft_adjective_ending(self) -> str:
        """The ending of the adjectives of one form for every gender (Czech "stropní"): the
        last of ``adjective_paradigm_endings``; "" where none is listed."""
        return self.adjective_paradigm_endings[-1:]

    def shows_verb(self, word: str) -> bool:
        """Does ``word`` end as only verb forms do (``verb_endings`` less ``non_verb_endings``)?"""
        return word.endswith(self.verb_endings) and not word.endswith(self.non_verb_endings)

    def governs_infinitive(self, word: str) -> bool:
        """Is ``word`` (lower-case) a listed governor, or a past-tense one with a person
        or conditional ending ("chciałem", "musiałabym")?"""
        if word in self.infinitive_governors:
            return True
        return any(word.endswith(ending) and word[:-len(ending)] in self.infinitive_governors
                   for ending in self.infinitive_governor_endings)

    @property
    def article_holders(self) -> frozenset[str]:
        """The one-letter words that hold an article ("à"): those of ``one_letter_agreement``."""
        return frozenset(word for word, _ in self.one_letter_agreement)

    def agreeing_ending(self, noun: str) -> str | None:
        """The adjective ending that agrees with ``noun``, known by the longest noun ending
        listed in ``agreement`` ("radost" is feminine by "-ost", "most" masculine by "-t":
        an ending of several letters needs two letters before it)."""
        best, longest = None, 0
        for ending, noun_endings in self.agreement:
            for tail in noun_endings:
                if len(tail) > longest and noun.endswith(tail) and (len(tail) == 1 or len(noun) - len(tail) >= 2):
                    best, longest = ending, len(tail)
        return best

    def one_letter_after(self, elided: str) -> frozenset[str]:
        """The one-letter words that may stand after ``elided`` and its apostrophe."""
        return frozenset(word for word in self.one_letter_after_elision
                         if elided in self.one_letter_elisions.get(word, (elided,)))

    def is_proper_noun(self, word: str) -> bool:
        """Is ``word`` (lower-case) a listed name, or one with an inflectional ending?"""
        return word in self.proper_nouns or any(
            word.endswith(ending) and word[:-len(ending)] in self.proper_nouns for ending in self.proper_noun_endings)

    def determiners_ending(self, word: str) -> str | None:
        """The adjective ending the demonstrative ``word`` agrees with, or None."""
        return next((ending for ending, words in self.determiner_agreement if word in words), None)

    def is_native(self, char: str) -> bool:
        return char in self.letters or any(char == page for _, page in self.equivalents)

    def apostrophe_fits(self, left: str, right: str) -> bool:
        """May an apostrophe join ``left`` and ``right`` (both lower-case) in this language?"""
        if left in self.elisions and right[:1] and right[0] in self.elides_before:
            return True
        return left[:1].isalnum() and right in self.suffix_apostrophe

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The verbs of saying, stating and asking together (``saying_verbs``,
        ``attribution_verbs``, ``asking_verbs``): what may follow quoted speech."""
        return self.saying_verbs | self.attribution_verbs | self.asking_verbs

    @property
    def casing(self) -> str:
        """How :meth:`lower` lower-cases: languages of one casing lower-case every text alike."""
        return "turkic" if self.lang in _TURKIC_CASING else "default"

    @cached_property
    def lower_function(self) -> Callable[[str], str]:
        """:meth:`lower`, or ``str.lower`` itself where the language lower-cases as it does
        (called in C: the rules lower-case ~1 M times on the dev set)."""
        return self.lower if self.casing != "default" else str.lower

    def lower(self, text: str) -> str:
        """Lower-case ``text`` the way this language does (Turkish dotted/dotless i)."""
        if self.lang in _TURKIC_CASING:
            text = text.replace("I", "ı").replace("İ", "i")
        return text.lower()


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    return shipped_table().load()


def shipped_table() -> Shipped[dict[str, dict]]:
    """The repair data of every language, ``languages.toml``, as shipped parsed."""
    folder = resources.files("cleanscrape") / "data" / "repair"
    text = (folder / "languages.toml").read_text(encoding="utf-8")
    return Shipped(folder / "languages.pickle.zst", text.encode("utf-8"), lambda: tomllib.loads(text))


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(_table()))


#: keys a rule reads only together with others: the rule of the first reads the others'
#: first entries, so a language giving it alone would fail on its first damaged line
_REQUIRED_WITH = {
    "speech_dashes": ("subject_endings",),
    "mesoclitic_ending": ("mesoclitic_pronouns", "gerund_endings"),
    "mute_e_open_vowel": ("mute_e_ending",),
    "agreement": ("stacked_adjective_endings",),
    "number_neutral_endings": ("plural_predicate_endings", "consonant_noun_gender"),
    "plural_subject_verbs": ("stacked_adjective_endings",),
    "adjective_paradigm_endings": ("paradigm_endings",),
    "verb_stem_forms": ("verb_suffixes", "inflection_suffixes", "suffix_buffers"),
    "oblique_demonstratives": ("adverb_ending", "prepositions"),
    "spaced_quotes": ("quotes",),
    "masculine_vocative_ending": ("stacked_adjective_endings",),
    "masculine_oblique_endings": ("consonant_noun_gender",),
    "feminine_accusative_ending": ("masculine_oblique_endings", "genitive_plural_forms"),
    "oblique_adjective_endings": ("stacked_adjective_endings",),
    "third_person_subjects": ("clitic_person_endings",),
    "adverbial_determiners": ("adverb_ending",),
    "regional_progressive": ("gerund_endings",),
    "infinitive_prepositions": ("gerund_endings",),
}


class LanguageDataError(ValueError):
    """A language's section of the repair data lacks a key another of its keys needs."""


@lru_cache(maxsize=None)
def language_data(lang: str | None) -> LanguageData | None:
    """The repair data of ``lang``, or None when there is none (no dictionary repair then)."""
    entry = _table().get(base_language(lang or ""))
    if entry is None:
        return None
    for key, required in _REQUIRED_WITH.items():
        missing = [other for other in required if key in entry and other not in entry]
        if missing:
            raise LanguageDataError(f"repair data of {lang!r}: {key!r} needs {', '.join(map(repr, missing))}")
    malformed = [phrase for phrase in entry.get("regional_progressive", ()) if len(phrase.split()) != 2]
    if malformed:
        raise LanguageDataError(f"repair data of {lang!r}: 'regional_progressive' takes two-word phrases "
                                f"(auxiliary, link), not {malformed!r}")
    return LanguageData(lang=base_language(lang),  # type: ignore[arg-type]  # an entry found: lang is a code
                        **{f.name: _read_field(f, entry) for f in fields(LanguageData) if f.name != "lang"})


def _pairs(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """Rows of items (pairs, triples), each a tuple."""
    return tuple(tuple(row) for row in rows)


def _split_rows(rows: list[str]) -> tuple[tuple[str, ...], ...]:
    """Rows of space-separated words, each split."""
    return tuple(tuple(row.split()) for row in rows)


#: how a field is read from its language's section: by a reader of its own (a field read
#: from other keys, or from rows of another shape than its type's) ...
_FIELD_READERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "letters": lambda entry: entry["letters"],
    "vowel_harmony": lambda entry: tuple(entry.get("vowel_harmony", {}).items()),
    "high_vowel_harmony": lambda entry: tuple(entry.get("high_vowel_harmony", {}).items()),
    "regional_progressive": lambda entry: _split_rows(entry.get("regional_progressive", ())),
    "distributive_prepositions": lambda entry: tuple(frozenset(words.split())
                                                     for words in entry["distributive_prepositions"])
    if "distributive_prepositions" in entry else None,
    "one_letter_elisions": lambda entry: {word: frozenset(words.split())
                                          for word, words in entry.get("one_letter_elisions", ())},
    "never_before": lambda entry: {word: frozenset(words.split()) for word, words in entry.get("never_before", ())},
    "present_endings": lambda entry: tuple((tuple(endings.split()), tuple(infinitives.split()))
                                           for endings, infinitives in entry.get("present_endings", ())),
    "pronominal_infinitives": lambda entry: tuple(
        (form, tuple(bare.split()), tuple(reflexive.split()))
        for form, bare, reflexive in entry.get("pronominal_infinitives", ())),
    # a row may give several endings the same words
    "preposition_cases": lambda entry: tuple((ending, frozenset(words.split()))
                                             for endings, words in entry.get("preposition_cases", ())
                                             for ending in endings.split()),
    "noun_determiners_before_adjective": lambda entry: frozenset(entry.get("noun_determiners", ()))
    | frozenset(entry.get("noun_determiners_before_adjective", ())),
    "adverb_after_verbs": lambda entry: frozenset(entry.get("saying_verbs", ()))
    | frozenset(entry.get("manner_verbs", ())),
    "negation_partners": lambda entry: {word: frozenset(partners.split())
                                        for word, partners in entry.get("negation_partners", {}).items()},
    "mute_e_ending": lambda entry: re.compile(entry["mute_e_ending"]) if "mute_e_ending" in entry else None,
    "letter_never_before": lambda entry: {letter: frozenset(after)
                                          for letter, after in entry.get("letter_never_before", ())},
    "oblique_antecedents": lambda entry: tuple((tuple(endings.split()), nominative, instrumental, relative)
                                               for endings, nominative, instrumental, relative
                                               in entry.get("oblique_antecedents", ())),
    "genitive_antecedents": lambda entry: (tuple(entry["genitive_antecedents"][0].split()),
                                           entry["genitive_antecedents"][1],
                                           frozenset(entry["genitive_antecedents"][2].split()),
                                           tuple(entry["genitive_antecedents"][3].split()))
    if "genitive_antecedents" in entry else None,
    "partitive_cases": lambda entry: _partitive_cases(entry.get("partitive_cases")),
    "degree_quantifiers": lambda entry: _degree_quantifiers(entry.get("degree_quantifiers")),
    "capital_senses": lambda entry: _capital_senses(entry.get("capital_senses", ())),
    "contexts": lambda entry: _contexts(entry.get("contexts", ())),
    "consonant_noun_gender": lambda entry: _consonant_noun_gender(entry.get("consonant_noun_gender")),
    "genitive_plural_forms": lambda entry: _consonant_noun_gender(entry.get("genitive_plural_forms")),
    "passive_participle_endings": lambda entry: _passive_participle_endings(entry.get("passive_participle_endings")),
    "plural_subject_verbs": lambda entry: (entry["plural_subject_verbs"][0],
                                           tuple(entry["plural_subject_verbs"][1].split()))
    if "plural_subject_verbs" in entry else None,
}
#: ... or else from the key of its name, by its declared type (absent: the field's default)
_TYPE_READERS: dict[str, Callable[[Any], Any]] = {
    "str": lambda value: value,
    "bool": lambda value: value,
    "frozenset[str]": frozenset,
    "tuple[str, ...]": tuple,
    "tuple[str, str]": tuple,
    "tuple[tuple[str, str], ...]": _pairs,
    "tuple[tuple[str, str, str], ...]": _pairs,
    "tuple[tuple[str, ...], ...]": _split_rows,
    "tuple[tuple[str, ...], tuple[str, ...]]": _split_rows,
    # (key, its words space-separated) rows
    "tuple[tuple[str, tuple[str, ...]], ...]": lambda rows: tuple((key, tuple(words.split())) for key, words in rows),
    "tuple[tuple[str, frozenset[str]], ...]": lambda rows: tuple((key, frozenset(words.split()))
                                                                 for key, words in rows),
}


def _read_field(field: Field[Any], entry: dict[str, Any]) -> Any:
    reader = _FIELD_READERS.get(field.name)
    if reader is not None:
        return reader(entry)
    if field.name not in entry:
        return _default(field)
    return _TYPE_READERS[field.type](entry[field.name])  # type: ignore[index]


def _default(field: Field[Any]) -> Any:
    """A field's default (made by its factory if it has one)."""
    return field.default_factory() if field.default is MISSING else field.default  # type: ignore[operator]


def _by_letter(words: Iterable[str], at: int) -> dict[str, tuple[str, ...]]:
    """``words`` by their letter at ``at`` (0: the first, -1: the last)."""
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[at], []).append(word)
    return {letter: tuple(group) for letter, group in by_letter.items()}


def _firsts(pairs: tuple[tuple[str, object], ...]) -> tuple[str, ...]:
    """The first item of each pair (the endings of a table of (ending, what it says) rows)."""
    return tuple(first for first, _ in pairs)


def _passive_participle_endings(row: list[str] | None) -> tuple[tuple[str, ...], str]:
    if not row:
        return (), ""
    endings, long_ending = row
    return tuple(endings.split()), long_ending


def _degree_quantifiers(row: list[str] | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """``degree_quantifiers``: [endings, words], each a space-separated list."""
    if not row:
        return (), frozenset()
    endings, words = row
    return tuple(endings.split()), frozenset(words.split())


def _partitive_cases(row: list[str] | None) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    if not row:
        return (), frozenset(), frozenset()
    endings, prepositions, numerals = row
    return tuple(endings.split()), frozenset(prepositions.split()), frozenset(numerals.split())


def _consonant_noun_gender(row: list[str] | None) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    if not row:
        return None
    ending, feminine, masculine = row
    return ending, tuple(feminine.split()), tuple(masculine.split())


def _capital_senses(rows: list[list[str]]) -> dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
    by_word: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for word, before, not_after in rows:
        by_word.setdefault(word, []).append((frozenset(before.split()), frozenset(not_after.split())))
    return {word: tuple(rows) for word, rows in by_word.items()}


def _contexts(rows: list[list[str]]) -> tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...]:
    """The ``contexts`` rows by word; a row may name several words and both sides, space
    separated (the forms of a verb that goes with its reflexive pronoun on either side)."""
    by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for words, sides, neighbours in rows:
        for word in words.split():
            for side in sides.split():
                by_word.setdefault(word, []).append((side, frozenset(neighbours.split())))
    return tuple((word, tuple(sides)) for word, sides in by_word.items())


@dataclass(frozen=True)
class Symbol:
    """A lost symbol and the neighbours that identify it (``data/repair/symbols.toml``)."""

    char: str
    #: whole words the "?" follows ("km?"), after a number or after one of ``after_words_after``
    after_words: frozenset[str] = frozenset()
    after_words_after: frozenset[str] = frozenset()
    #: whole words the "?" precedes, right after a digit ("6?C", "2 ?C")
    after_digit_before_words: frozenset[str] = frozenset()
    #: whole words the "?" follows, before a number ("n? 12" → "n° 12")
    before_digit_after_words: frozenset[str] = frozenset()
    #: the symbol as some languages write it (Portuguese "nº", French "n°")
    char_by_language: tuple[tuple[str, str], ...] = ()
    #: a "?" standing alone right after a number, before no number, may be the symbol
    #: ("100 ? de reserva" → "100 € de reserva")
    alone_after_number: bool = False
    #: the languages whose prices take this sign, and the words after a price that make it a
    #: rate ("par mois"), per language: a lone "?" between a number and one is the sign
    price_languages: frozenset[str] = frozenset()
    rate_words_by_language: tuple[tuple[str, frozenset[str]], ...] = ()
    #: a "?" standing alone between a number and a smaller one, one of them with a decimal
    #: part, is the symbol ("6,48 ? 0,54" → "6,48 ± 0,54")
    margin_between_numbers: bool = False

    #: the languages whose statutes number their sections with the symbol, and the words
    #: of a subsection reference after the number ("§ 5 Abs. 2"), per language
    heading_languages: frozenset[str] = frozenset()
    heading_words_by_language: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the words (lower case) a "?" standing alone after them before a name is the symbol
    #: after: a picture's credit ("Foto: ? Hans Muster" → "Foto: © Hans Muster")
    credit_words: frozenset[str] = frozenset()
    #: the words (lower case) naming a home page: lone "?"s between short parts after one
    #: are a breadcrumb's separators ("Startseite ? Nachrichten ? …")
    home_words: frozenset[str] = frozenset()
    #: this many lone "?"s in a row between short parts are a list's separators (0: none)
    separator_run: int = 0

    def heading_words(self, lang: str) -> frozenset[str]:
        return dict(self.heading_words_by_language).get(lang, frozenset())

    def rate_words(self, lang: str) -> frozenset[str]:
        return dict(self.rate_words_by_language).get(lang, frozenset())

    def char_in(self, lang: str) -> str:
        return dict(self.char_by_language).get(lang, self.char)


@lru_cache(maxsize=1)
def symbols() -> tuple[Symbol, ...]:
    path = resources.files("cleanscrape") / "data" / "repair" / "symbols.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Symbol(entry["char"], frozenset(entry.get("after_words", ())), frozenset(entry.get("after_words_after", ())),
               frozenset(entry.get("after_digit_before_words", ())),
               frozenset(entry.get("before_digit_after_words", ())),
               tuple(entry.get("char_by_language", {}).items()), entry.get("alone_after_number", False),
               frozenset(entry.get("price_languages", ())),
               tuple((lang, frozenset(words)) for lang, words in entry.get("rate_words_by_language", {}).items()),
               entry.get("margin_between_numbers", False),
               frozenset(entry.get("heading_languages", ())),
               tuple((lang, frozenset(words)) for lang, words in entry.get("heading_words_by_language", {}).items()),
               frozenset(entry.get("credit_words", ())), frozenset(entry.get("home_words", ())),
               entry.get("separator_run", 0))
        for entry in table.values()
    )
