"""What the lexicon-driven boilerplate stages share: how much a phrase hit proves.

A phrase hit alone rarely condemns a line; how much it proves depends on the hit's kind
and on the line around it (docs/lexicons.md):

* ``line`` — the line *is* a boilerplate phrase ("Rechercher", "URL courte"): removed.
* ``prefix`` — the line starts with one ("Lire aussi", "Dernière mise à jour"): removed when
  a separator follows the phrase (``"Lire aussi : <title>"``, up to ``prefix_max_words``),
  when the whole line is a short fragment (no sentence end), or when the phrase has
  ``specific_prefix_words`` words ("Wir verwenden Cookies, um …").  "Read also the report
  of the commission, which …" is prose and stays.
* ``contains`` — removed when the line is a short fragment (≤ ``short_words``, no sentence
  end), holds two distinct phrases in at most twice that, or is packed with several
  (cookie banners are long but say "cookies", "consent", "accept all" and "privacy policy"
  in one paragraph).  A single phrase inside a long sentence is not enough; overlapping
  phrases ("getty images", "getty") count once, and phrases inside URLs not at all.
* Anything weaker (``line_near``, ``contains_near``, a prefix or phrase in a line too long to
  judge alone) counts only within ``near_lines`` non-blank lines of a line already removed
  for the same category: "OK" under a cookie banner, not "OK" in a dialogue.

A stage may narrow the evidence by the line's place (:meth:`LexiconStage.evidence`): a lone
label between paragraphs is a subheading (``navigation``), a lead-in inside a list of items
introduces an item (``newsletter``).

Lines left with nothing but decoration ("•", "|") next to a removed line go with it.

Each concrete stage is a :class:`LexiconStage` with its category; category-specific
structure (the list after a "Read also:" heading, the caption before a photo credit…) lives
in the stage's own :meth:`LexiconStage.apply_structure`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count
from operator import attrgetter, not_
from typing import Callable, Iterable, NamedTuple

from ..document import LAYOUT_WHITESPACE, Document, Line
from ..features import ELLIPSES
from ..lexicon import EDGE_CHARS, GLUE, Hit, category_hits, hits_by_line, normalized_lines, phrase_description
from ..stage import Count, Stage

__all__ = [
    "LexiconStage",
    "is_sentence",
    "is_title_like",
    "word_count",
    "previous_content_line",
    "next_content_line",
    "content_index",
    "is_decoration",
    "in_url",
    "lines_after_heading",
    "has_boilerplate_hits",
    "has_short_line",
    "outermost_hits",
    "Verdict",
]

#: what may follow a prefix phrase for the rest of the line to be "its" content
PREFIX_SEPARATORS = frozenset(":|-–—>»›/•·")
#: what ends a sentence, as str.endswith takes it (built once: most judged lines are asked)
_SENTENCE_ENDS = tuple(".!?…")
#: what may follow a sentence's end on its line: closing quotes and brackets, and the layout
#: the whitespace stage strips after (a CRLF text's "\r": its sentences, read as fragments,
#: were removed where a phrase was in them, "He declined to comment.")
_CLOSERS = LAYOUT_WHITESPACE + "\"'»”’)]"
_KIND = attrgetter("kind")
#: the kinds a line's hits must hold for more than the weak evidence of line_near/contains_near
_JUDGED_KINDS = frozenset({"prefix", "contains"})


def word_count(normalized: str) -> int:
    """The number of words of a normalised line (:func:`~cleanscrape.lexicon.normalize`),
    told by its spaces: its only whitespace is single spaces between its words.  (Splitting
    it into words made a string of each: a paragraph with a phrase in it took ~10x as long.)
    Text that is no normalised line (a phrase as the lexicon writes it, a piece cut out of a
    line) has its words counted by str.split, not here."""
    return normalized.count(" ") + 1 if normalized else 0


def is_sentence(text: str) -> bool:
    """Does the line end like a sentence?  Boilerplate fragments ("Partager sur :",
    "Suivez-nous sur Telegram") do not; prose does."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _second_word_is_lower(text: str) -> bool:
    words = text.strip(EDGE_CHARS).split(maxsplit=2)
    return len(words) > 1 and words[1][:1].islower()


#: a headline cut short to fit a list's width is a long one; a short line ending with an
#: ellipsis is a placeholder or a link ("Loading content ...", "Elsewhere on pv magazine...")
_CUT_HEADLINE_CHARS = 40


def is_title_like(text: str, normalized: str, *, max_words: int = 25, cut_short: int = 0) -> bool:
    """A headline-shaped line: a few words, not ending with a full stop (titles may end
    with "?" or "!"); with ``cut_short``, also a line of at most that many words cut off
    with an ellipsis, as lists of other stories print long headlines ("… to devastate
    Britain as Hurri...") and their summaries."""
    words = word_count(normalized)
    end = text.rstrip(_CLOSERS)
    if cut_short and len(end) >= _CUT_HEADLINE_CHARS and end.endswith(ELLIPSES):
        return 2 <= words <= cut_short
    return 2 <= words <= max_words and not end.endswith((".", "…", ";", ","))


def may_hold_url(normalized: str) -> bool:
    """Could :func:`in_url` find a URL anywhere in this line (does it hold one of the marks
    in_url looks for in a token)?  Asked of the line instead of a token cut out around each
    phrase hit; four string searches, not one regex alternation of the marks (half the
    time on the short lines most hits are on)."""
    return "://" in normalized or "www." in normalized or ".php" in normalized or ".html" in normalized


def in_url(normalized: str, start: int) -> bool:
    """Is offset ``start`` inside a URL-like token ("forum.example.pl/index.php" holds the
    credit phrase "/forum" by accident)?"""
    left = normalized.rfind(" ", 0, start) + 1
    right = normalized.find(" ", start)
    token = normalized[left:] if right < 0 else normalized[left:right]
    return "://" in token or token.startswith("www.") or ".php" in token or ".html" in token


def is_decoration(line: Line, normalized: str) -> bool:
    """A non-blank line with nothing left once bullets and punctuation are trimmed."""
    return not normalized and not line.is_blank


def content_index(doc: Document) -> tuple[list[int], list[int]]:
    """The indices of the non-blank lines, and for each line how many non-blank lines precede
    it (distance between lines ignoring blank lines, which scrapes insert or drop at random);
    computed once per document."""
    cached = doc.cache.get("content_index")
    if cached is None:
        # (a comprehension: Python 3.11 reads a slot of each line in place, where attrgetter
        # mapped over them takes the generic lookup, twice as slow)
        is_content = [not line.is_blank for line in doc.lines]
        nonblank = list(compress(count(), is_content))
        ranks = list(accumulate(is_content[:-1], initial=0))
        cached = (nonblank, ranks)
        doc.cache["content_index"] = cached
    return cached


def decoration_lines(doc: Document) -> list[int]:
    """The indices of the lines holding nothing but decoration (:func:`is_decoration`), in
    order; computed once per document."""
    cached = doc.cache.get("decoration_lines")
    if cached is None:
        norms = normalized_lines(doc)
        cached = []
        # a blank line normalises to "" too: most documents have no other, and then are not
        # walked line by line
        if norms.count("") > len(doc.lines) - len(content_index(doc)[0]):
            lines = doc.lines
            cached = [index for index in compress(count(), map(not_, norms)) if not lines[index].is_blank]
        doc.cache["decoration_lines"] = cached
    return cached


def has_short_line(doc: Document, length: int) -> bool:
    """Does ``doc`` hold a non-empty normalised line of at most ``length`` characters?  Rules
    about short lines only (datelines, rows of buttons) pass over a document of long ones, as
    most comments and blurbs are.  The search stops at the first such line, on a page among
    its first few (its shortest line was looked for through all of them); the answer is
    remembered for the document, which share and metadata ask with the same length."""
    cached = doc.cache.get("has_short_line")
    if cached is not None and cached[0] == length:
        return cached[1]
    found = any(map(length.__ge__, filter(None, map(len, normalized_lines(doc)))))
    doc.cache["has_short_line"] = (length, found)
    return found


def next_content_line(doc: Document, index: int) -> Line | None:
    """The first non-blank line after ``index`` (removed or not: callers decide)."""
    nonblank, ranks = content_index(doc)
    rank = ranks[index] + (not doc.lines[index].is_blank)
    return doc.lines[nonblank[rank]] if rank < len(nonblank) else None


def previous_content_line(doc: Document, index: int) -> Line | None:
    """The last non-blank line before ``index`` (removed or not: callers decide)."""
    nonblank, ranks = content_index(doc)
    rank = ranks[index]
    return doc.lines[nonblank[rank - 1]] if rank else None


def has_boilerplate_hits(hits: Iterable[Hit], *, besides: str | None = None) -> bool:
    """Does a line carry phrases of a boilerplate category (other than ``besides``)?"""
    return any(h.category != besides for h in hits)


def lines_after_heading(
    doc: Document, index: int, category: str, accept: Callable[[Line, str], bool], max_items: int
) -> list[Line]:
    """The list under a heading line: the next lines that ``accept`` takes, blank lines
    skipped before the first item only, stopping at a removed line or one that carries
    another category's phrases (the next widget begins)."""
    norms = normalized_lines(doc)
    hits = hits_by_line(doc)
    items: list[Line] = []
    # (an index, not a slice of the lines after the heading: copying the rest of a document
    # of 100,000 lines for each heading made a long one cost the square of its length)
    lines = doc.lines
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if line.is_blank:
            if items:
                break
            continue
        if line.removed or len(items) >= max_items or has_boilerplate_hits(hits.get(line.index, ()), besides=category):
            break
        if not accept(line, norms[line.index]):
            break
        items.append(line)
    return items


def outermost_hits(hits: list[Hit]) -> list[Hit]:
    """The hits not inside a longer hit.  A sweep in start order, not all pairs: a long
    one-line scrape of repeated text can hold thousands of hits (9,000 made the pairwise
    check take 34 s)."""
    kept: list[Hit] = []
    reach = -1  # furthest end of the hits in earlier groups
    ordered = sorted(hits, key=lambda h: (h.start, h.start - h.end))
    group_start = 0
    for i, hit in enumerate(ordered):
        if i > group_start and (hit.start, hit.end) != (ordered[group_start].start, ordered[group_start].end):
            reach = max(reach, ordered[group_start].end)
            group_start = i
        if reach < hit.end:
            kept.append(hit)
    return kept


class Verdict(NamedTuple):
    """What a line's phrase hits prove: enough alone (strong) or only next to removed lines."""

    strong: bool
    reason: str


@lru_cache(maxsize=None)
def _phrase_verdict(strong: bool, category: str, kind: str, phrase: str, lang: str) -> Verdict:
    """The verdict of one hit of a phrase that speaks for itself, its reason the hit's own
    description (:meth:`Hit.describe`): the same on every line, made once per phrase (most
    judged lines get one: a menu's labels, a banner's buttons; a verdict is a tuple)."""
    return Verdict(strong, phrase_description(category, kind, phrase, lang))


class LexiconStage(Stage):
    """Base of the lexicon stages: remove lines whose phrase evidence for the stage's
    category (``categories[0]``) is strong enough, then apply the stage's structural rules."""

    @dataclass(frozen=True)
    class Options:
        #: a line with at most this many words and no sentence end is a "fragment"
        short_words: Count = 10
        #: "Read also: <title>" — longest line a separated prefix may take
        prefix_max_words: Count = 40
        #: a prefix phrase of this many words condemns a line up to prefix_max_words alone
        specific_prefix_words: Count = 3
        #: ... and a longer one up to this many words when another phrase of the category
        #: follows it in the line (a pitch; stages whose pitches run long raise it: at
        #: ``prefix_max_words`` or below, the default, the rule is off, as every line it could
        #: take the prefix rule takes already)
        pitch_max_words: Count = 40
        #: distinct phrases that condemn a long line ...
        dense_min_phrases: Count = 3
        #: ... when there is at least one per this many words
        words_per_phrase: Count = 40
        #: weak evidence counts within this many non-blank lines of a removed line
        near_lines: Count = 2
        #: longest line weak evidence may remove
        near_max_words: Count = 25

    options: LexiconStage.Options

    @cached_property  # asked a dozen times a document
    def category(self) -> str:
        return self.categories[0]

    def process(self, doc: Document) -> None:
        removed = self.remove_phrase_lines(doc)
        removed.extend(self.apply_structure(doc, removed))
        if removed:  # most documents: no line removed to look next to
            self.remove_decoration_next_to(doc, removed)

    # ------------------------------------------------------------------ phrase evidence
    def judge(self, line: Line, normalized: str, hits: list[Hit]) -> Verdict | None:
        """How much this line's hits of the category prove (None: nothing)."""
        for hit in hits:
            if hit.kind == "line":
                return _phrase_verdict(True, hit.category, hit.kind, hit.phrase, hit.lang)
        opts = self.options
        if _JUDGED_KINDS.isdisjoint(map(_KIND, hits)):
            # weak kinds only ("line_near", "contains_near", most lines of a menu): what the
            # rules below would conclude, without working out what they need (a line has no
            # more words than characters: a menu's labels are not counted)
            if len(normalized) > opts.near_max_words and word_count(normalized) > opts.near_max_words:
                return None
            hit = hits[0]
            return _phrase_verdict(False, hit.category, hit.kind, hit.phrase, hit.lang)
        words = word_count(normalized)
        # a short fragment (Options.short_words): the sentence end is looked for only in a short
        # line (most judged lines are paragraphs a phrase occurs in)
        fragment = words <= opts.short_words and not is_sentence(line.text)
        for hit in hits:
            if hit.kind != "prefix":
                continue
            rest = normalized[hit.end:].lstrip()
            separator = hit.phrase.rstrip()[-1:] if hit.phrase.rstrip()[-1:] in PREFIX_SEPARATORS else rest[:1]
            if separator and separator in PREFIX_SEPARATORS and words <= opts.prefix_max_words:
                return Verdict(True, f"{hit.describe()} followed by {separator!r}")
            # a phrase of two words or more run into a capitalised word was a label of its own,
            # glued to the text after it by the scrape ("Image captionThe minister arrives …"):
            # as good as a separator (a one-word phrase glued is part of a word: "HomePod")
            if rest[:1] == GLUE and " " in hit.phrase.strip() and words <= opts.prefix_max_words:
                return Verdict(True, f"{hit.describe()} glued to the text after it")
            # a phrase of three words or more is specific enough to open any short paragraph
            # ("Wir verwenden Cookies, um …"); "Read also the report …" has only two
            if len(hit.phrase.split()) >= opts.specific_prefix_words:
                if words <= opts.prefix_max_words:
                    return Verdict(True, f"{hit.describe()} ({hit.phrase.count(' ') + 1}-word phrase)")
                # a paragraph that opens with a pitch and names it again further in is the
                # pitch ("If you enjoyed this article … no paywalls …"), however long; an
                # article about memberships does not open with the lead-in
                if words <= opts.pitch_max_words:
                    further = next((h for h in hits if h.kind == "contains" and h.start >= hit.end
                                    and h.phrase != hit.phrase), None)
                    if further is not None:
                        return Verdict(True, f"{hit.describe()} ({hit.phrase.count(' ') + 1}-word phrase) opening "
                                             f"a {words}-word pitch that goes on with {further.phrase!r}")
            # "HomePod" is not "Home" + "Pod": a prefix glued to the next word proves nothing;
            # a one-word lead-in opens a byline or a label ("By John Smith", "Ecoutez Radio
            # Sputnik"), not a phrase going on in lower case ("By the numbers")
            if fragment and normalized[hit.end:hit.end + 1] != GLUE \
                    and not (" " not in hit.phrase.strip() and _second_word_is_lower(line.text)):
                return Verdict(True, f"{hit.describe()} (a {words}-word fragment)")
        contains = [h for h in hits if h.kind == "contains"]
        # "getty images" also holds "getty": overlapping phrases are one piece of evidence
        # (most judged lines hold one phrase, or none: nothing to sort out)
        phrases = sorted({h.phrase for h in outermost_hits(contains)}) if len(contains) > 1 \
            else [h.phrase for h in contains]
        if len(phrases) >= opts.dense_min_phrases and words <= len(phrases) * opts.words_per_phrase:
            listed = ", ".join(repr(p) for p in phrases[:4]) + (", …" if len(phrases) > 4 else "")
            return Verdict(True, f"line contains {len(phrases)} {hits[0].lang} {self.category} phrases ({listed})")
        if phrases and fragment:
            hit = next(h for h in hits if h.kind == "contains")
            return Verdict(True, f"{hit.describe()} (a {words}-word fragment)")
        if len(phrases) >= 2 and words <= 2 * opts.short_words:
            return Verdict(True, f"line contains {hits[0].lang} {self.category} phrases "
                                  f"{phrases[0]!r} and {phrases[1]!r} ({words} words)")
        if words <= opts.near_max_words:
            hit = hits[0]
            return _phrase_verdict(False, hit.category, hit.kind, hit.phrase, hit.lang)
        return None

    def remove_phrase_lines(self, doc: Document) -> list[int]:
        """Remove lines with strong evidence, then weak ones next to removed ones."""
        by_line = category_hits(doc, self.category)
        if not by_line:  # most documents hold no phrase of most categories
            return []
        lines = doc.lines
        norms = normalized_lines(doc)
        evidence, judge = self.evidence, self.judge  # (tens of thousands of lines per MB)
        strong: list[int] = []
        weak: dict[int, str] = {}
        for index, hits in by_line.items():  # in line order
            line = lines[index]
            if line.removed:
                continue
            norm = norms[index]
            if may_hold_url(norm):
                hits = [h for h in hits if h.kind not in ("contains", "contains_near") or not in_url(norm, h.start)]
            hits, weak_counts = evidence(doc, index, hits, norms)
            verdict = judge(line, norm, hits) if hits else None
            if verdict is None:
                continue
            if verdict.strong:
                self.remove_line(doc, index, verdict.reason)
                strong.append(index)
            elif weak_counts:
                weak[index] = verdict.reason
        removed = list(strong)
        if not weak or not strong:
            return removed
        nonblank, ranks = content_index(doc)
        near_lines = self.options.near_lines
        # the ranks of the removed lines, in order, to find the nearest one to a weak line by
        # bisection (lines with phrases are not blank: no two share a rank, and the line of a
        # rank is nonblank[rank])
        anchors = sorted([ranks[i] for i in strong])
        # another pass only when this one removed a line within reach after a weak line it
        # had left: every line it left saw the same removed lines near it otherwise, and
        # would be left again (the last pass of a loop run until nothing changed)
        again = True
        while again and weak:
            again = False
            left = -near_lines - 1  # the rank of the last weak line this pass left
            for index in sorted(weak):
                rank = ranks[index]
                pos = bisect_left(anchors, rank)
                # how far the removed lines just before and just after are; the one before
                # if as near
                before = rank - anchors[pos - 1] if pos else near_lines + 1
                after = anchors[pos] - rank if pos < len(anchors) else near_lines + 1
                if before <= near_lines or after <= near_lines:
                    closest = nonblank[anchors[pos - 1] if before <= after else anchors[pos]]
                    reason = weak.pop(index)
                    self.remove_line(doc, index, f"{reason}, next to removed {self.category} line {closest + 1}")
                    removed.append(index)
                    anchors.insert(pos, rank)
                    again = again or rank - left <= near_lines
                else:
                    left = rank
        return removed

    def evidence(self, doc: Document, index: int, hits: list[Hit], norms: list[str]) -> tuple[list[Hit], bool]:
        """The hits line ``index`` is judged by, and whether weak evidence may remove it.
        Stages narrow this where a line's place says more than its words (a lone label
        between paragraphs, an item of a list)."""
        return hits, True

    # ------------------------------------------------------------------ structure
    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        """Category-specific rules run after the phrase rules; returns the lines removed."""
        return []

    def remove_decoration_next_to(self, doc: Document, removed: list[int]) -> None:
        """Bullets or bars left on their own line right above or below a removed line."""
        if not removed:
            return
        decoration = decoration_lines(doc)
        if not decoration:
            return
        # each decoration line goes with the first removed line next to it, and in their order
        # (looked up from the few decoration lines, not from the neighbours of every removed one)
        taken = set(removed)
        lines = doc.lines
        next_to: list[tuple[int, int]] = []
        for index in decoration:
            if lines[index].removed:
                continue
            if index - 1 in taken:
                next_to.append((index - 1, index))
            elif index + 1 in taken:
                next_to.append((index + 1, index))
        for by, index in sorted(next_to):
            self.remove_line(doc, index, f"decoration-only line next to removed {self.category} line {by + 1}")

    # ------------------------------------------------------------------ helpers for subclasses
    def remove_lists_after_headings(self, doc: Document, removed: list[int], accept: Callable[[Line, str], bool],
                                    max_items: int, items_name: Callable[[int], str]) -> list[int]:
        """Under each removed line that is a heading of the category (its phrase is the whole
        line: "Lire aussi :", "Tags"), the list :func:`lines_after_heading` finds; the reason
        names the list by ``items_name(number of items)``."""
        if not removed:
            return []
        norms = normalized_lines(doc)
        hits = category_hits(doc, self.category)
        taken: list[int] = []
        for index in sorted(removed):
            heading = self.heading_hit(hits.get(index, []), norms[index])
            if heading is None:
                continue
            items = lines_after_heading(doc, index, self.category, accept, max_items)
            if not items:
                continue
            # one reason for the whole list, worded once
            reason = f"{items_name(len(items))} after a {heading.lang} {self.category} heading {heading.phrase!r} " \
                     f"(line {index + 1})"
            for line in items:
                self.remove_line(doc, line, reason)
                taken.append(line.index)
        return taken

    def heading_hit(self, hits: list[Hit], normalized: str) -> Hit | None:
        """A hit that is the whole line: the line is a heading ("Tags:", "Lire aussi:")."""
        for hit in hits:
            if hit.category == self.category and hit.kind != "contains_near" and hit.start == 0 \
                    and hit.end == len(normalized):
                return hit
        return None
