"""Restore characters lost to a charset that could not hold them ("fran?ais" → "français").

When a page passes through a charset without "ç", the "ç" becomes "?" (or U+FFFD): no
byte is left to decode, so ftfy cannot help.  This stage reads the lost characters back
from language knowledge and context (see :mod:`cleanscrape.repair`):

1. a fast gate: no U+FFFD and no "?" glued before a letter → nothing to do;
2. the document must show damage outside URLs, or nothing is changed (real question
   marks, "?!", "???", "(?)", query strings stay as they are);
3. each run of letters and "?" is resolved from intact words elsewhere in the document,
   in a stream the intact words of earlier documents of its source
   (``doc.source_words``, :mod:`cleanscrape.repair.source_memory`; step 2 never sees
   them), the word list of the document's language, the page's charset evidence and the
   position of the "?" (see :mod:`cleanscrape.repair.resolve`);
4. every change is reported with its reason, evidence, runner-up and confidence.

Without word-list data for the language only the document's own intact words are used.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from ..charclass import atomic
from ..document import Document, Line, SpanRepair
from ..lang import ensure_language, tokenize_words
from ..repair.candidates import CandidateFinder
from ..repair.charset import CharsetEvidence
from ..repair.damage import (DamagedRun, damage_evidence, damaged_runs, lone_slots, lost_question_marks,
                             may_be_damaged, spells)
from ..repair.language import LanguageData, language_data, supported_languages
from ..repair.letter_model import letter_model
from ..repair.resolve import LISTED, SOFT_HYPHEN_HOW, Resolution, Resolver
from ..repair.source_memory import SourceWords
from ..repair.vocabulary import DocumentVocabulary
from ..repair.wordlist import HEAD_FLOOR, head_wordlist, shape, vote_wordlist, wordlist
from ..stage import Share, Stage, register_stage


#: a word counts as damage evidence when its restoration is at least this sure ...
MIN_EVIDENCE_CONFIDENCE = 0.5
#: ... and a known word: a list's, or one its slots taken out as lost soft hyphens leave
_EVIDENCE_HOWS = frozenset(LISTED + (SOFT_HYPHEN_HOW,))
#: the evidence that makes a line damaged and its document too (at least 1 is needed)
DAMAGED_LINE_EVIDENCE = 1.0
#: on a page that lost characters as U+FFFD, how many "?" glued before a letter show that it
#: lost some as "?" too (one is as likely a typo)
MIN_LOST_QUESTION_MARKS = 2
#: intact words the damaged lines need before they may overrule the detected language
MIN_FALLBACK_WORDS = 3
#: when the damaged lines (each counted once) are shorter than this, the detected language
#: is checked against their intact words even when it has repair data ...
SHORT_DOCUMENT = 200
#: ... and replaced when another language makes them this much likelier (log10)
SHORT_DOCUMENT_MARGIN = 2.0
#: what a word missing from a word list counts as, in the language vote
UNLISTED_FREQUENCY = 1e-8
#: the least a language must score (log10 likelihood ratio against unlisted words) for the
#: damaged words' shapes to choose it: one word 100× likelier than an unlisted one.  Below
#: it the shapes say nothing ("b?é" is listed only as Czech "béé", 2.5e-8)
MIN_SHAPE_VOTE = 2.0
#: a word with a lost character: it says nothing about the language (matched from a word's
#: start only, up to its first lost character: ``\S*[?\ufffd]\S*`` finds the same words, but
#: runs through every intact word from each of its characters, ~1.7x slower; and read there
#: without backtracking, which cannot find a lost character among the others: ~1.3x faster)
_DAMAGED_WORD = re.compile(r"(?<!\S)" + atomic(r"[^\s?\ufffd]*", r"[^\s?\ufffd]") + r"[?\ufffd]\S*")
#: a damaged word's letters and lost ones, without the punctuation around it
_SLOTTED_CORE = re.compile(r"[^\W\d_]*[?\ufffd][^\W\d_?\ufffd]*(?:[?\ufffd][^\W\d_?\ufffd]*)*")


def repair_language(doc: Document, damaged_lines: list[str]) -> LanguageData | None:
    """The repair data for ``doc``'s language.

    Damage skews language identification towards neighbours (damaged Czech reads as
    Slovak or Slovene), a short text misleads it, and a page may mix languages.  When the
    detected language has no repair data (or none was detected), the damaged lines' own
    intact words choose: the language whose word list
    makes them most likely (a unigram model over wordfreq's frequencies) wins if it has
    repair data.  When they are short they overrule a detected language that has repair
    data too, but only when another makes them far likelier.  Only the damaged lines vote, so what other
    stages remove elsewhere on the page cannot change the decision.  With too few intact
    words and no language detected, or one detected from too few words in the whole
    document, the damaged words themselves vote by their shapes.
    """
    detected = ensure_language(doc)
    data = language_data(detected)
    # distinct lines: what the duplicates and main_content stages remove (a repeated line,
    # one copy of a repeated label) must not change the decision on a second run
    distinct = set(damaged_lines)
    if data is not None and sum(map(len, distinct)) >= SHORT_DOCUMENT:
        return data
    words = Counter(w for line in distinct for w in _intact_words(line))
    if sum(words.values()) < MIN_FALLBACK_WORDS:
        if data is not None and not _detected_from_few_words(doc):
            return data
        # nothing detected, or detected from one or two words ("Kim. Ni?in. Ger?ekten mi?"
        # read as German): the damaged words' shapes vote with them
        return _language_of_damaged_words(damaged_lines, words) or data
    candidates = supported_languages() + ((detected,) if detected and data is None else ())
    # (a language given with its region, "fr-FR", votes as the candidates are named: "fr")
    scores = _vote(candidates, words, data.lang if data is not None else detected)
    best = max(scores, key=lambda lang: scores[lang])
    if data is not None:
        # a short text, where detection errs most ("A d?ti m?te?" read as Romanian): the
        # detected language stands unless the intact words say otherwise clearly
        # data is not None here, so detected is a language
        return language_data(best) if scores[best] - scores[data.lang] >= SHORT_DOCUMENT_MARGIN else data
    return language_data(best) if best != detected else None


def _detected_from_few_words(doc: Document) -> bool:
    """Was ``doc``'s language detected (not given) from fewer than ``MIN_FALLBACK_WORDS``
    intact words in all?"""
    if doc.lang_method == "given":
        return False
    count = 0
    for line in doc.kept_lines():
        count += len(_intact_words(line.text))
        if count >= MIN_FALLBACK_WORDS:
            return False
    return True


def _language_of_damaged_words(damaged_lines: list[str], intact: Counter) -> LanguageData | None:
    """Too few intact words and no language detected ("A��r�, a��r�."), or one detected
    from too few: the language whose word list spells the damaged words themselves, each by
    its likeliest word of the same shape that keeps its kept letters (their lost letters are
    its non-ASCII ones), if any spells them well enough (``MIN_SHAPE_VOTE``).

    The few intact words vote too, on the same scale: a word this stage restored is intact
    when the output is cleaned again, and must keep the language it was restored in
    ("??b ?a" → "??b ça" as French; alone, "??b" would read as Czech "Žáb")."""
    damaged = Counter(w.lower() for line in damaged_lines for w in _DAMAGED_WORD.findall(line))
    forms: Counter[tuple[str, ...]] = Counter()
    for word, n in damaged.items():
        core = _SLOTTED_CORE.search(word)
        if core is None:
            continue
        bare = core.group().rstrip("?")
        if "?" not in bare and "\ufffd" not in bare:
            continue  # its only "?" end it, maybe a real question ("Kim bilir?", "o?."): no vote
        # a final "?" may be a lost letter or a real one ("Ni?in?"): the word votes by either
        forms[tuple(dict.fromkeys(form.replace("\ufffd", "?") for form in (core.group(), bare)))] += n
    best, best_score = None, MIN_SHAPE_VOTE
    for lang in supported_languages():
        listed = wordlist(lang)
        if listed is None:
            continue
        score = sum(n * math.log10(max((listed.frequency(w) for form in spellings
                                        for w in listed.words_of_shape(shape(form)) if spells(form, w)),
                                       default=0.0) / UNLISTED_FREQUENCY + 1) for spellings, n in forms.items()) \
            + sum(n * math.log10(listed.frequency(w) / UNLISTED_FREQUENCY + 1) for w, n in intact.items())
        if score > best_score:
            best, best_score = lang, score
    return language_data(best) if best is not None else None


def _vote(candidates: tuple[str, ...], words: Counter, detected: str | None) -> dict[str, float]:
    """The log likelihoods of ``words`` (:func:`_log_likelihood`) in the detected language
    and in every candidate that may make them likeliest, in the order of ``candidates``.

    A candidate is left out, its word list not loaded, when its head (its commonest words,
    :func:`~cleanscrape.repair.wordlist.head_wordlist`) bounds its likelihood below one
    worked out (an English page with a glued "?" loaded all nine lists, ~50 ms and ~25 MB
    in every process): it can be no maximum, and the first maximum is what it was."""
    exact = {detected: _log_likelihood(detected, words)} if detected in candidates else {}
    bounds = {lang: _likelihood_bound(lang, words) for lang in candidates if lang not in exact}
    for lang in sorted(bounds, key=bounds.__getitem__, reverse=True):
        if exact and bounds[lang] < max(exact.values()):
            break
        exact[lang] = _log_likelihood(lang, words)
    return {lang: exact[lang] for lang in candidates if lang in exact}


def _likelihood_bound(lang: str, words: Counter) -> float:
    """At least :func:`_log_likelihood` of ``words`` in ``lang``, from its head alone: a word
    outside it counts as ``HEAD_FLOOR`` frequent, at least its frequency (infinite without a
    head).  Each term is at least the likelihood's, summed in the same order."""
    head = head_wordlist(lang)
    if head is None:
        return math.inf
    return sum(n * math.log10((head.frequency(w) or HEAD_FLOOR) + UNLISTED_FREQUENCY) for w, n in words.items())


def _log_likelihood(lang: str, words: Counter) -> float:
    frequency = _vote_frequency(lang)
    if frequency is None:
        return -math.inf
    return sum(n * math.log10(frequency(w) + UNLISTED_FREQUENCY) for w, n in words.items())


@lru_cache(maxsize=None)
def _vote_frequency(lang: str) -> Callable[[str], float] | None:
    """How often ``lang`` writes a word, as its word list says (None without a list).

    A language without repair data (English, the language detected on most pages) only
    votes, and is only asked about the words :func:`tokenize_words` gives: its table
    (:func:`~cleanscrape.repair.wordlist.vote_wordlist`) holds those words alone, each on
    the line its word list has, so every answer is the word list's."""
    listed = wordlist(lang) if language_data(lang) is not None else vote_wordlist(lang)
    return listed.frequency if listed is not None else None


def _intact_words(text: str) -> list[str]:
    """The words of ``text`` that lost no character."""
    return tokenize_words(_DAMAGED_WORD.sub(" ", text))


def _key(data: LanguageData | None) -> str | None:
    """What tells repair languages apart (None: no repair data)."""
    return data.lang if data is not None else None


def _resolver(data: LanguageData | None, vocabulary: DocumentVocabulary, charset: CharsetEvidence,
              source_words: SourceWords | None = None, finder: CandidateFinder | None = None) -> Resolver:
    """A resolver for ``data``'s language with the document's ``vocabulary`` (reusing
    ``finder``'s word list and letter model, with the source's words, when given)."""
    if finder is not None:
        finder = CandidateFinder(data, finder.words, vocabulary, finder.letters, source_words)
    else:
        finder = CandidateFinder(data, wordlist(data.lang) if data else None, vocabulary,
                                 letter_model(data.lang) if data else None)
    return Resolver(data, finder, charset)


def _casing(data: LanguageData | None) -> str:
    return data.casing if data is not None else "default"


def _damage_follows(line: str, runs: Sequence[DamagedRun], k: int) -> bool:
    """Is there a run after ``runs[k]`` in the token right after it (or its own token), or
    further in its clause (no ",", ".", ";", ":", "!" between)?"""
    if k + 1 >= len(runs):
        return False
    return runs[k + 1].token_start <= runs[k].token_end + 1 \
        or not _CLAUSE_BREAK.search(line, runs[k].end, runs[k + 1].token_start)


@register_stage
class LossyRepairStage(Stage):
    name = "lossy_repair"
    categories = ("lossy_charset",)

    @dataclass(frozen=True)
    class Options:
        #: below this confidence (the winner's share of all readings' plausibility) a
        #: damaged word is left as it is
        min_confidence: Share = 0.0

    options: LossyRepairStage.Options

    def process(self, doc: Document) -> None:
        # the current text: an earlier stage may have written the U+FFFD (ftfy replaces a
        # lone surrogate), and a second run would read it
        if not may_be_damaged(doc.current_text()):
            return
        # only a line holding a slot shows damage, or has any to repair: the others are read
        # for their words alone (the vocabulary, the charset's evidence), once the page shows some
        slotted = [line for line in doc.kept_lines() if "?" in line.text or "\ufffd" in line.text]
        evidence = {line.index: damage_evidence(line.text) for line in slotted}
        if not any(evidence.values()):
            return
        # Damaged lines with words enough of their own to vote choose the language together;
        # a line with fewer chooses alone, as it will alone when the output is cleaned again
        # once the others are repaired ("B�é P" read with a damaged French line was left as
        # French left it; alone, a second run read it as Czech).
        damaged_lines = [line for line in slotted if evidence[line.index]]
        votes = {line.index for line in damaged_lines if len(_intact_words(line.text)) >= MIN_FALLBACK_WORDS}
        pooled = repair_language(doc, [line.text for line in damaged_lines if line.index in votes]) if votes else None
        language_of = {line.index: pooled if line.index in votes else repair_language(doc, [line.text])
                       for line in damaged_lines}
        languages = {_key(data): data for data in language_of.values()}
        if languages.keys() == {None} and sum(evidence.values()) < DAMAGED_LINE_EVIDENCE:
            return  # no line has a language to weigh its signs by: they are all there is
        texts = [line.text for line in doc.kept_lines() if line.text]
        charset = CharsetEvidence(texts)
        # one resolver per language and one vocabulary per way of lower-casing, however many
        # lines chose them: building a vocabulary is most of the cost of a page whose "?"
        # turn out to be no damage ("Auf Twitter teilen?Auf Twitter teilen?" on every comment)
        vocabularies: dict[str, DocumentVocabulary] = {}
        for data in languages.values():
            casing = _casing(data)
            if casing not in vocabularies:
                vocabularies[casing] = DocumentVocabulary(texts, data.lower_function if data else str.lower)
        resolvers = {key: _resolver(data, vocabularies[_casing(data)], charset) for key, data in languages.items()}
        resolver_of = {index: resolvers[_key(data)] for index, data in language_of.items()}
        # With a word list, each sign is weighed by the words around it: real pages glue a "?"
        # to the next word ("schmeckt ?Haben", "matéria?comunique").
        evidence = {line.index: self._evidence(line.text, resolver_of[line.index], resolver_of[line.index].data)
                    if evidence[line.index] and resolver_of[line.index].data is not None else evidence[line.index]
                    for line in slotted}
        if sum(evidence.values()) < DAMAGED_LINE_EVIDENCE:
            return
        if doc.source_words is not None:
            # Whether the page is damaged was decided from the page alone (a site's words
            # never make a real "?" a lost letter); which word a damaged one was may draw on
            # what earlier documents of its source wrote intact.
            resolvers = {key: _resolver(resolver.data, resolver.finder.vocabulary, charset, doc.source_words,
                                        resolver.finder)
                         if resolver.data is not None else resolver for key, resolver in resolvers.items()}
            resolver_of = {index: resolvers[_key(data)] for index, data in language_of.items()}
        # a line whose "?" showed no damage alone: the language most damaged lines chose
        default = resolvers[Counter(map(_key, language_of.values())).most_common(1)[0][0]]
        damaged = {index for index, score in evidence.items() if score > 0}
        # A page that lost characters as U+FFFD (a decoder's replacement) lost them so, unless
        # its "?" show a loss of their own ("d?j? pr?par? un d�ner"): a stray glued "?" is a
        # real one there ("Why?", "?eredesindiye", "Sie?\ufffd,"), and only U+FFFD are slots.
        replaced = any("\ufffd" in line.text for line in slotted) \
            and sum(lost_question_marks(line.text) for line in slotted) < MIN_LOST_QUESTION_MARKS
        resolver_of = {line.index: resolver_of.get(line.index, default) for line in slotted}
        # A line without a language reads the page's intact words alone, and the words the
        # other lines restore are intact words to a second pass over the output: it is
        # repaired after them, from the page as they left it, as that pass would read it
        # ("?bb\n?0?BB": the German list restores "Öbb", from which a second pass filled "?BB").
        page_words_only = [line for line in slotted if resolver_of[line.index].data is None]
        restored = self._repair_lines(doc, [line for line in slotted if resolver_of[line.index].data is not None],
                                      resolver_of, damaged, replaced)
        if restored and page_words_only:
            repaired = [line.text for line in doc.kept_lines() if line.text]
            page_words = _resolver(None, DocumentVocabulary(repaired, str.lower), CharsetEvidence(repaired))
            resolver_of.update((line.index, page_words) for line in page_words_only)
        self._repair_lines(doc, page_words_only, resolver_of, damaged, replaced)

    def _repair_lines(self, doc: Document, lines: list[Line], resolver_of: dict[int, Resolver], damaged: set[int],
                      replaced: bool) -> bool:
        """Repair ``lines``, each with its resolver; did any change?"""
        changed = False
        for line in lines:
            # every slot becomes one character: the offsets of the line as received are
            # those of the line repaired, and its repairs are made together
            changed |= bool(doc.repair_spans(
                line.index, [span for start, end in _passages(line.text)
                             for span in self._passage_repairs(start, line.text[start:end], resolver_of[line.index],
                                                               line.index in damaged, replaced)],
                stage=self.name, category=self.categories[0]))
        return changed

    def _passage_repairs(self, offset: int, source: str, resolver: Resolver, line_damaged: bool,
                         replaced: bool) -> list[SpanRepair]:
        """The repairs of the runs of ``source``, the part of a line at ``offset``."""
        # Left to right, on the text repaired so far, so that context (a sentence end, a
        # governing verb) is read repaired; every slot becomes one character, so the
        # runs found on the original line keep their offsets.
        runs = damaged_runs(source, replaced)
        resolutions: list[Resolution | None] = [None] * len(runs)
        repaired = source
        words_repaired = source  # the same, lone slots left as they came
        for k, run in enumerate(runs):
            resolutions[k] = resolution = resolver.resolve(run, repaired, line_damaged, source)
            if resolution is not None:
                repaired = repaired[:run.start] + resolution.best.text + repaired[run.end:]
                if run.letters:
                    words_repaired = words_repaired[:run.start] + resolution.best.text + words_repaired[run.end:]
        # Again, with the words after each run read repaired too: an adjective agrees
        # with the noun after it, a clitic goes with the word after it ("malá ?ena"),
        # a relative pronoun with the participle of its clause, unless the participle's
        # own subject follows it ("kter? zasadila babi?ka").
        # A lone slot after it stays a slot: what it was is read from this word's side.
        # A run whose reading changed changes the left context of the runs after it
        # ("un ? ?tat" read "un « état" opens a quotation "? ce" then closes).
        final = repaired
        left_changed = False
        for k, run in enumerate(runs):
            if left_changed or _damage_follows(source, runs, k):
                context = final[:run.start] + source[run.start:run.end] + words_repaired[run.end:]
                resolutions[k] = resolver.resolve(run, context, line_damaged, source)
                # checked not None: a subscript by a variable is not narrowed
                text = resolutions[k].best.text if resolutions[k] is not None else source[run.start:run.end]  # type: ignore[union-attr]
                left_changed = left_changed or final[run.start:run.end] != text
                final = final[:run.start] + text + final[run.end:]
        return [SpanRepair(offset + run.start, offset + run.end, resolution.best.text, resolution.best.reason,
                           resolution.best.evidence, resolution.runner_up.text if resolution.runner_up else None,
                           resolution.confidence)
                for run, resolution in zip(runs, resolutions)
                if resolution is not None and resolution.confidence >= self.options.min_confidence]

    @staticmethod
    def _evidence(text: str, resolver: Resolver, data: LanguageData) -> float:
        """How much ``text`` shows lost characters, word by word: 1 per U+FFFD; 1 per word
        that a known word explains as lost letters (a "?" inside it, or at its edge when
        the word is no word without it: "fran?ais", "?tats", "titolarit?"); 1 per lone "?"
        between lower-case words (1/2 in French, which writes "Quoi ? dit-il") in a sentence
        that lost its accented letters.  In a line that kept its own accented letters, a "?"
        at the edge of a known word is a real one with a space misplaced ("?les"); the
        sentence counts, not the line: one sentence of a line may be damaged, the next
        intact.

        Counted only up to ``DAMAGED_LINE_EVIDENCE``: a line with that much is damaged and
        makes the document so, and more changes nothing; the cheap signs are counted first,
        and a word is resolved (most of the cost) only while the line still falls short."""
        finder = resolver.finder
        # a lone "?" between lower-case words: French writes "Quoi ? dit-il", others do not;
        # none in a sentence that kept its own letters, which lost no character ("– to jest
        # tamta ? to jest zupełnie inna sprawa", a real one)
        lone = [i for i in lone_slots(text)
                if not _sentence_keeps_letters(text, i, i + 1, data.letters, questions=True)]
        score = len(lone) * (0.5 if data.space_before_question_mark else 1.0)
        runs = damaged_runs(text)
        score += sum(1 for run in runs if "\ufffd" in run.text)
        for run in runs:
            if score >= DAMAGED_LINE_EVIDENCE:
                break
            if "\ufffd" in run.text or run.letters == 0:
                continue
            low = data.lower(run.text)
            core = low.strip("?")
            inner = "?" in core
            if not inner and (finder.frequency(core) or finder.vocabulary.count(core)):
                if run.text[0] != "?":  # "pi?": only if far more frequent restored ("più"), or
                    # written so intact elsewhere on the page ("Otworzy?" beside "Otworzył"), or
                    # where no question ends: before a lower-case word ("Cominci? l'attesa"),
                    # unless the mark is doubled after a whole word, an emphatic question's that
                    # may go on in lower case ("na czym ona polega?? bo tu dmucha"; an elided
                    # word is no whole one: "Dov?? andato" is "Dov’è")
                    emphatic = low.endswith("??") and core not in data.elisions
                    if not finder.restores_known_word(low) and not any(c.in_document for c in finder.find(low)) \
                            and (emphatic or not _NO_QUESTION_AFTER.match(text, run.token_end)):
                        continue
                elif _sentence_keeps_letters(text, run.start, run.end, data.letters):
                    continue  # "?les" in a sentence that kept its accents
            resolution = resolver.resolve(run, text, False)
            if resolution is not None and resolution.best.how in _EVIDENCE_HOWS and resolution.confidence >= MIN_EVIDENCE_CONFIDENCE:
                score += 1
        return score


_SENTENCE_BREAK = re.compile(r"[.!…]\s")
_CLAUSE_BREAK = re.compile(r"[,.;:!…]\s")
#: A line longer than this is repaired passage by passage, each ending at the first sentence
#: end past this many characters: the rules read a run's context in its line (an open
#: quotation, the sentence start, the slots before it), and in a line of a megabyte (a whole
#: page flattened to one line) reading it again for each of its thousands of runs made the
#: repair quadratic.  No real paragraph is this long.
PASSAGE_CHARS = 10_000
_SPACE = re.compile(r"\s")


def _passages(text: str) -> list[tuple[int, int]]:
    """``text`` cut into passages of at least ``PASSAGE_CHARS`` characters (the last one
    shorter), at sentence ends where there are some; the whole of a shorter line."""
    passages = []
    start = 0
    while len(text) - start > PASSAGE_CHARS:
        # after a sentence end and its space ("?" may be a lost letter), else after any space
        end = _SENTENCE_BREAK.search(text, start + PASSAGE_CHARS) or _SPACE.search(text, start + PASSAGE_CHARS)
        if end is None:
            break
        passages.append((start, end.end()))
        start = end.end()
    passages.append((start, len(text)))
    return passages
_QUESTION_OR_SENTENCE_BREAK = re.compile(r"[.!?…]\s")
#: what follows a word whose final "?" is no question mark: a lower-case word
_NO_QUESTION_AFTER = re.compile(r" [^\W\d_A-ZÀ-ÞĀ-ſ]")


def _sentence_keeps_letters(text: str, start: int, end: int, letters: str, questions: bool = False) -> bool:
    """Does the sentence around ``text[start:end]`` hold one of ``letters`` intact?  With
    ``questions``, a "?" before a capital ends a sentence too (where the "?" at issue is a
    lone one, the "?" of "bomba? Quando" is read as a real question's)."""
    pattern = _QUESTION_OR_SENTENCE_BREAK if questions else _SENTENCE_BREAK

    def ends(m: re.Match[str]) -> bool:
        return m.group()[0] != "?" or text[m.end():m.end() + 1].isupper()

    opening = max((m.end() for m in pattern.finditer(text, 0, start) if ends(m)), default=0)
    closing = next((m for m in pattern.finditer(text, end) if ends(m)), None)
    sentence = text[opening:closing.start() + 1 if closing else len(text)]
    return any(c in letters for c in sentence)
