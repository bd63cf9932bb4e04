"""Article metadata: datelines, bylines, "updated" stamps, reading times, view counters.

Phrases catch the labelled kinds ("Dernière mise à jour", "Rédacteurs :", "min read").
Three shapes need no label:

* a dateline: a short line naming one moment, made mostly of dates and times plus the few
  words a dateline says besides them (``dateline_words``: "Updated", "Stand", "le", "à") and
  at most one short source or byline at either end ("Xinhua | 31.01.2017 10h08", "Reuters
  November 18, 2019 11:03 PM").  Other words elsewhere make it a sentence fragment ("Mitte
  Januar 2022 hat", "Closed on Sun"); two days or two times joined by a dash, or two years
  without a dateline word, make it a schedule or a period ("Tue – Sat 4PM", "Freitag: 9:00
  Uhr – 13:00 Uhr", "29 November 2018 | 20 January 2019"), which pages print as content;
* a counter: a bare number next to removed boilerplate ("URL courte" / "17303").
  A bare number elsewhere (a score, a list item) stays;
* a counter of views, reads or shares: numbers and the words such a counter says
  (``counter_words``: "vues", "Lu … fois", "Aufrufe") and nothing else on a line ("1 245 vues",
  "12.3K views", "Aufrufe: 1.234").  A counter in a sentence ("The video has 1,245 views since
  Monday.") is the article's; a comment count ("13 Comments") is none of these words, as
  ``main_content`` reads it as the head of a comment thread;
* a byline whose word is no phrase (German "Von", which headlines open with too: the
  ``byline_words`` class): the word and a name of two or three capitalised words, alone or
  before a dateline ("Von Georg Kasch", "Von Fanny Guénon des Mesnards, 3. März 2022").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..charclass import bmp_class
from ..document import Document
from ..lexicon import lines_starting_with, normalize, normalized_lines, word_class
from ..stage import Count, register_stage
from ._lexicon_rules import LexiconStage, has_short_line, next_content_line, previous_content_line

#: tokens that are a date or a time by their shape alone, by kind; "113.40" is a price or a
#: score, not a date: two parts need "/", ":" or "h", or two digits after the first ".";
#: an ISO 8601 timestamp ("2019-11-19t08:57:40+01:00", lower-cased) is a date and a time in
#: one token, as pages print their metadata's publication and modification times
_SHAPE = re.compile(
    r"(?P<stamp>\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)"
    r"|(?P<time>\d{1,2}[:h.]\d{2}(?::\d{2})?(?:h|am|pm)?|\d{1,2}(?:h|am|pm))"
    r"|(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}/\d{1,2})"
    r"|(?P<year>(?:19|20)\d\d)"
    r"|(?P<day>\d{1,2}(?:st|nd|rd|th|er))"
)
_DASHES = frozenset("-–—")
#: what sets a dateline's stamps apart on one line (and a comma closing a stamp's last word)
_STAMP_SEPARATORS = _DASHES | frozenset("|•·/")
#: a comma closing a word and the word after it (looked ahead, not taken: that word may end
#: with a comma too), as ``str.split`` parts them
_COMMA_THEN_WORD = re.compile(r",\s+(?=(\S+))")


@lru_cache(maxsize=None)
def _digit() -> re.Pattern[str]:
    """A digit.

    ``\\d`` alone makes ``sre`` look every character up in the Unicode database; a class
    listing the digits of the Basic Multilingual Plane is one bitmap test (twice as fast:
    :mod:`~cleanscrape.charclass`), and the lookbehind leaves the characters beyond it to
    ``\\d``, so the digits found are the same."""
    return re.compile("[" + bmp_class(r"\d") + "\U00010000-\U0010ffff](?<=\\d)")


#: two runs of digits (a digit, then one after something else): one search, no list of the runs
#: (linear without a possessive ``\D++``, which ``re`` has only from Python 3.11: the
#: non-digits after a digit are taken back at most once, and each run follows one digit)
_TWO_NUMBERS = re.compile(r"\d\D+\d")
_NUMBER = re.compile(r"\d{1,3}(?:[ .,']?\d{3})*|\d+")
#: a counter's number, one token of it: "1245", "1.234", "1,245", a group of "1 245" alone,
#: or rounded to thousands or millions ("12.3k", "2m")
_COUNT = re.compile(r"\d+(?:[.,']\d{3})*|\d+(?:[.,]\d{1,2})?[km]")
_TOKEN_EDGE = ",.;:()[]|/-–—•·∙"


@lru_cache(maxsize=4096)
def _shape_kind(token: str) -> str | None:
    """The shape kind of a token opening with a digit, None if it has none; remembered, as
    pages print the same times, years and dates again."""
    shape = _SHAPE.fullmatch(token)
    return None if shape is None else shape.lastgroup or "other"


def _moment_kinds(word_kinds: list[str]) -> set[str]:
    """The kinds of date and time words among ``word_kinds``; a name right after a time
    belongs to it ("1:01 pm", "9:00 Uhr")."""
    return {kind for before, kind in zip(["sep"] + word_kinds, word_kinds)
            if kind in ("stamp", "time", "date", "year") or kind == "named" and before != "time"}


@register_stage
class MetadataStage(LexiconStage):
    name = "metadata"
    categories = ("metadata",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: longest dateline
        max_dateline_words: Count = 10
        #: longest source or byline set apart from a dateline's date ("Xinhua | …")
        max_dateline_other_words: Count = 3
        #: most capitalised words of a name after a byline word ("Von Fanny Guénon des
        #: Mesnards"), of each name where two are joined ("… und Sebastian Drescher")
        max_byline_name_words: Count = 3
        #: most words of a view counter besides its numbers ("Lu 1245 fois")
        max_counter_words: Count = 3

    options: MetadataStage.Options

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        longest = 12 * self.options.max_dateline_words
        if not has_short_line(doc, longest):
            return []  # datelines and counters are short lines
        norms = normalized_lines(doc)
        date_words = word_class(doc, "date_words")
        dateline_words = word_class(doc, "dateline_words")
        counter_words = word_class(doc, "counter_words")
        taken: list[int] = []
        # the short lines with a digit, each searched alone: cheaper than a scan of the whole
        # text, most of which is in the long lines
        has_digit = _digit().search
        for index in [index for index, norm in enumerate(norms) if len(norm) <= longest and has_digit(norm)]:
            line, norm = doc.lines[index], norms[index]
            if line.removed:
                continue
            # a number opens and closes with a digit (str.isdecimal is re's \d): most candidates
            # do not, and are not matched against the number's pattern
            if norm[0].isdecimal() and norm[-1].isdecimal() and _NUMBER.fullmatch(norm):
                neighbours = [n for n in (previous_content_line(doc, line.index), next_content_line(doc, line.index))
                              if n is not None and n.removed]
                if neighbours:
                    self.remove_line(doc, line, f"bare number next to removed line {neighbours[0].index + 1} "
                                                "(a view or comment counter)")
                    taken.append(line.index)
                continue
            reason = self.counter_reason(norm, counter_words) \
                or self.dateline_reason(norm, date_words, dateline_words) \
                or self.stamps_reason(norm, date_words, dateline_words)
            if reason:
                self.remove_line(doc, line, reason)
                taken.append(line.index)
        # (the lines a byline word opens, found in one pass: most documents' languages have
        # no such word, and a German one's lines mostly open otherwise)
        for index in lines_starting_with(doc, word_class(doc, "byline_words")):
            line = doc.lines[index]
            if len(norms[index]) <= longest and not line.removed:
                reason = self.byline_reason(line.text, date_words, dateline_words)
                if reason:
                    self.remove_line(doc, line, reason)
                    taken.append(index)
        return taken

    def counter_reason(self, normalized: str, counter_words: frozenset[str]) -> str | None:
        """A counter of views, reads or shares: numbers and counter words only, separators
        aside ("1 245 vues", "Lu 1245 fois", "Aufrufe: 1.234", "12.3K views")."""
        words: list[str] = []
        for raw in normalized.split():
            token = raw.strip(_TOKEN_EDGE)
            if not token or token[0].isdecimal() and _COUNT.fullmatch(token):
                continue
            if token not in counter_words or len(words) == self.options.max_counter_words:
                return None
            words.append(token)
        if not words:
            return None
        return f"counter of views, reads or shares: a number and {' '.join(map(repr, words))}"

    def byline_reason(self, text: str, date_words: frozenset[str], dateline_words: frozenset[str]) -> str | None:
        """A byline opened by a byline word ("Von"): a name of two or three capitalised
        words, then at most one short lower-case word and a name or the rest of one ("…
        und Sebastian Drescher", "Fanny Guénon des Mesnards"), then nothing or a dateline
        ("Von Fanny Guénon des Mesnards, 3. März 2022").  A headline opening with the
        word goes on in lower case ("Von Kopf bis Fuß", "Von wegen …") or names one thing
        ("Von Äpfeln und Birnen")."""
        opener, *words = text.split()
        runs = [0]  # the capitalised words before the lower-case one, and after it
        taken = 0
        for word in words:
            token = word.rstrip(_TOKEN_EDGE)
            if not token[:1].isalpha():
                break  # a number or a separator: a dateline may follow
            taken += 1
            if token[0].isupper():
                runs[-1] += 1
            elif len(token) > 3 or len(runs) > 1:
                return None  # lower-case words: a sentence or a headline goes on
            else:
                runs.append(0)
            if token != word:
                break  # "Thiele," or "Bund |": the name ends at its separator
        most = self.options.max_byline_name_words
        if not (2 <= runs[0] <= most and 0 < runs[-1] <= most):
            return None
        rest = normalize(" ".join(words[taken:]))
        # a date alone after the name will do ("| 12.03.2021"): the byline says what it is
        if rest and _shape_kind(rest) not in ("date", "stamp") \
                and not self.dateline_reason(rest, date_words, dateline_words):
            return None
        return f"byline: {opener!r} and a name of {sum(runs)} capitalised words" + (", then a date" if rest else "")

    def stamps_reason(self, normalized: str, date_words: frozenset[str], dateline_words: frozenset[str]) -> str | None:
        """A dateline followed by more stamps, each set apart by a separator or a comma and
        opened by a label ("Publié le 31/01/2017 à 08h00 - Mis à jour à 10h09", "Published
        March 3, 2021 | Updated 10:00 AM"): pages print the publication and the update
        times on one line.  A stamp opens with a label of three letters or more
        ("published", "mis"), not with "le" or "on", and says nothing but dates, times and
        labels; a span ("9:00 Uhr – 13:00 Uhr", "Tue – Sat 4PM") has no label after its
        dash, and stays."""
        raws = normalized.split()
        # most short lines with a digit that are no dateline have no second stamp either:
        # told by a set test and a search in C before the walk over their words in Python
        # (the walk on every such line was 0.8 % of the dump benchmark's instructions)
        if _STAMP_SEPARATORS.isdisjoint(raws) and not any(
                len(word) >= 3 and word in dateline_words for word in _COMMA_THEN_WORD.findall(normalized)):
            return None
        parts: list[list[str]] = [[]]
        for raw, following in zip(raws, raws[1:] + [""]):
            if raw in _STAMP_SEPARATORS:
                parts.append([])
                continue
            parts[-1].append(raw)
            # a comma inside a date ("March 3, 2021") is no separator: only before a label
            if raw.endswith(",") and len(following) >= 3 and following in dateline_words:
                parts.append([])
        parts = [part for part in parts if part]
        if len(parts) < 2 or not self.dateline_reason(" ".join(parts[0]), date_words, dateline_words):
            return None
        for part in parts[1:]:
            tokens = [raw.strip(_TOKEN_EDGE) for raw in part]
            if len(tokens[0]) < 3 or tokens[0] not in dateline_words or len(tokens) > self.options.max_dateline_words:
                return None
            kinds = [_shape_kind(token) if token[:1].isdecimal() else "named" if token in date_words
                     else "label" if token in dateline_words or not token else None for token in tokens]
            if None in kinds or kinds.count("label") == len(kinds):
                return None  # another word, or a label without its date or time
        return f"dateline and {len(parts) - 1} more labelled stamps ({parts[1][0]!r}) on one line"

    def dateline_reason(self, normalized: str, date_words: frozenset[str],
                        dateline_words: frozenset[str]) -> str | None:
        if "@" in normalized:  # "— Name (@handle) November 18, 2019" signs an embedded post
            return None
        raws = normalized.split()
        stripped = [raw.strip(_TOKEN_EDGE) for raw in raws]
        separators = stripped.count("")
        if len(stripped) - separators > self.options.max_dateline_words:
            return None  # too long for a dateline, whatever its words are
        if date_words.isdisjoint(stripped) and _TWO_NUMBERS.search(normalized) is None:
            return None  # fewer than two date or time words ("17 comments", "Page 2")
        # each word's kind: a shape kind, "named" (month, weekday, "ago"), "label" (dateline
        # word), "number", "other", or "sep" for a bare separator
        word_kinds: list[str] = []
        others_allowed = self.options.max_dateline_other_words
        for token in stripped:
            # every shape opens with a digit: a word is not matched against them
            kind = (_shape_kind(token) if token[0].isdecimal() else None) if token else "sep"
            if kind is None:
                kind = "named" if token in date_words else "label" if token in dateline_words \
                    else "number" if token.isdigit() else "other"
                if kind == "other":
                    others_allowed -= 1
                    if others_allowed < 0:
                        return None  # more other words than the one source or byline allowed below
            word_kinds.append(kind)
        kinds = [k for k in word_kinds if k != "sep"] if separators else word_kinds
        if not kinds or len(kinds) > self.options.max_dateline_words:
            return None
        named = kinds.count("named")
        # other words: those of no date kind, and plain numbers, as a day number counts only
        # beside a month or weekday name ("Nov 18"); the rest but the labels are date and
        # time words (a shape kind or "named")
        other_count = kinds.count("other") + (0 if named else kinds.count("number"))
        dated = len(kinds) - kinds.count("label") - other_count + kinds.count("stamp")  # a stamp: date and time
        if dated < 2 or other_count > min(dated, self.options.max_dateline_other_words):
            return None
        if other_count:
            # other words only as one source or byline at either end, not inside the date
            others = [i for i, k in enumerate(kinds) if k == "other" or not named and k == "number"]
            if others[-1] - others[0] + 1 != other_count or others[0] != 0 and others[-1] != len(kinds) - 1:
                return None
        if kinds.count("year") > 1 and "label" not in kinds:
            return None  # two dates without "Updated": a period
        if not _DASHES.isdisjoint(raws):  # a dash alone between two words
            for i, kind in enumerate(word_kinds):
                if kind == "sep" and raws[i] in _DASHES \
                        and _moment_kinds(word_kinds[:i]) & _moment_kinds(word_kinds[i + 1:]):
                    return None  # "Tue – Sat", "9:00 Uhr – 13:00 Uhr": a span
        return (f"dateline: {dated - named} date/time numbers and {named} date words"
                + (f" with {other_count} other words" if other_count else ""))
