"""Main-content decision from structure: which lines belong to the article.

The stage has no phrases of its own (the lexicon stages run before this one and catch
what words give away); the evidence here is the shape of the text, and the lexicon
stages' hits only where a line's place makes a phrase too weak for its stage count (an
offer after the last paragraph, a link heading over a list).  The method starts from
jusText's paragraph classes (Pomikálek 2011) on our line model and replaces its
neighbour smoothing by two kinds of context:

1. **Classify** every line alone from its features (:mod:`cleanscrape.features`):
   ``good`` (long, sentence-like, stopword-rich), ``near`` (sentence-like but shorter
   or sparser), ``short`` (too short to judge alone) or ``bad`` (long enough to judge
   yet no prose, or a glued button row: "Tout AccepterTout refuser").  Languages
   without a stopword list are judged on punctuation and length only.
2. **Neighbour context**: a run of ``menu_run`` or more *labels* (short or Title-Cased
   lines without a sentence end) is a menu, link list or headline list, where one
   label alone between paragraphs is a subheading.  Sentence-less lines of a headline's
   few words stacked on consecutive lines (``headline_stack`` or more) are labels too,
   whatever their capitals: a list of other stories.  Short lines that end the same way
   as several other short lines ("joe says:", "May 2, 2019 at 6:44 am") are *record
   headers* of a listing: comments, teasers, search results.
3. **Document context**: every line gets a value, its length if good or near (nothing
   when the line is laid out unlike the bulk of the document's prose: inside a
   multi-line block where most paragraphs stand alone; such lines join the article
   only as its neighbours, never draw it toward a teaser block), zero if
   short, a cost if bad (a menu run costs at most ``menu_run_cost_cap`` in all: one
   widget inside the article is one interruption; a list with two prose lines on
   either side, one bad line's worth), a paragraph's worth (``length_high``) if a record
   header or a line an earlier stage removed as a comments, related-stories or
   newsletter signpost (what follows such a line is not the article).  The
   runs of maximum sum (Kadane; Finn et al.'s body-text extraction on lines instead of
   tags) are the candidate regions, except a comment thread (record headers below a
   comments signpost); the earliest one reaching ``region_share`` of the
   best is the article, because comment threads and teasers of other stories come
   after it and can outweigh a short article.  A box of other stories or an offer set
   into the story (lines an earlier stage removed as related or newsletter) costs a
   paragraph per line and cuts it: the paragraph right above a box the region starts
   under, and the text after a box right below the region when a paragraph follows it (or
   shorter prose standing alone in its block, worth a paragraph before the next box),
   are the article's; captions among the box's lines and the labels under them are the
   box's.  Rows of a ranked table (each opening with a rank counting up
   and giving a figure, under a header row or a heading) count like prose and are no
   labels: a standings page has no paragraph.  Sentences at its edges join it, even
   thin in stopwords (names, figures).  Inside the region only structurally bad
   lines go (menu runs, record headers, glued rows; not a shape the article's own
   headings share: one camel-cased join, or headers ending with a topic word and no
   figure), except short label runs between
   paragraphs or announced by a colon, above or as their own heading (lists, tables; a
   list the colon announces right below the region joins it, as does one whose items give
   quantities or dates with what happens then (ingredients, tour dates: menus give no
   amounts), under a short heading of its own, or whose steps lines ending with a colon
   announce one by one, and so do the items of a
   numbered list the region ends in whose count goes on below it); offers written to the
   reader as sentences and teaser cards (a short block printing a headline twice, or a
   run of cards whose kickers repeat labels of the menu above the article) go too.  Outside it everything goes except the standfirst (the
   nearest prose sentence above the region when a headline-like line stands right over
   it, however many byline or offer lines separate it from the body) and the title (the
   longest digit-free line in the few lines above the standfirst, or the region, with
   its copies there).  The region ends before its tail: offers after the last paragraph
   (lines carrying a newsletter, share, paywall or related phrase too weak for its own
   stage), what follows such a line among its last lines when no paragraph does, and the
   author's box (a line starting with the byline's name, or a heading naming the author
   that the next line repeats).  An author's box that a heading or link of the
   ``author_box`` lexicon announces goes wherever it stands after the article's first
   paragraph, when it holds a bio only (category ``author_box``, as the others).

A document without structural evidence of boilerplate (no menu run, record header,
glued row, nor any line removed by an earlier stage) is left untouched: short prose
never loses a sentence to a stopword count.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import compress, groupby, islice
from operator import attrgetter
from typing import Annotated

import regex

from ..charclass import bmp_class
from ..document import Document
from ..features import ELLIPSES, SENTENCE_END, LineFeatures, line_features
from ..lexicon import Hit, category_hits, copy_keys, hits_by_line, lines_opening, normalize, normalized_lines, whole_line_phrases, word_class
from ..stage import Count, Range, Share, Stage, register_stage

#: the digits 1-9 written 0 (records' figures fold to one shape), as a string of the ASCII
#: characters: ``str.translate`` reads a string table by index, where a dict raises a
#: KeyError for each character it does not map (characters past it are kept either way)
_DIGITS_TO_ZERO = "".join("0" if char in "123456789" else char for char in map(chr, range(128)))
#: how many lines below a record header its body starts, at most ("joe says:", date, body)
_RECORD_BODY_DISTANCE = 3
#: record headers that make a region below a comments signpost a comment thread (one
#: alone may be the article's own byline repeated in a quote)
_THREAD_HEADERS = 2
#: prose lines on each side that make a label run a list inside the text
_LIST_CONTEXT = 2
#: a headline has at most this many words
_HEADLINE_WORDS = 20
#: a headline glued to a summary has this many words at least
_TEASER_TITLE_WORDS = 4
#: a headline's last word ending in four lower-case letters, and the summary glued to it
#: (matched at the summary's capital: the scan looks for the rare character first, ~8×
#: faster than matching the lower-case letters first)
_TEASER_JOIN = regex.compile(r"(?<=\p{Ll}{4})\p{Lu}")
#: lexicon categories whose headings introduce links, not the article's lists
_LINK_LIST_CATEGORIES = frozenset({"navigation", "related"})
#: what may stand between a sentence's end and the next sentence's first word (spaces, the
#: lexicon's mark between glued words, opening quotes and brackets)
_OPENERS = " \u2063\"'“„«‹([¿¡"
#: words after a two-word lead-in ("Follow the", "Join our") from which it opens an offer
_OFFER_WORDS = 4
#: the fewest words of a headline printed twice in a teaser card, the most lines between
#: its two copies, and the most lines of a card (a longer block is a widget of cards, or
#: a widget and the article's next lines scraped together: the menu runs' to judge)
_CARD_TITLE_WORDS = 4
_CARD_SPAN = 3
_CARD_LINES = 6
#: a kicker (a card's section label) has this many words at most; this many kickers, each
#: this many lines at most from the next, make a run of teaser cards
_KICKER_WORDS = 3
_KICKER_CARDS = 2
_KICKER_GAP = 3
#: a line set in capitals between two of the article's paragraphs with this many words or
#: more is the headline of another story linked from the text ("SEAN SPICER ELIMINATED FROM
#: 'DANCING WITH THE STARS'"); the article's own subheadings set in capitals are shorter
#: ("HOW TO USE A WATER BATH CANNER", "DOES SHE HAVE A PLAN FOR THAT?")
_CAPITAL_HEADLINE_WORDS = 8
#: the fewest words of a phrase that makes a sentence inside the article an offer
_INSIDE_OFFER_WORDS = 3
#: a numbered item's number ("3) Polistil…", "4. Blade Runner…"), and the lines an item may
#: take before the next (its link, a line of description) counted from it
_ITEM_NUMBER = regex.compile(r"\s*(\d{1,3})[.)]\s+\S")
_ITEM_SPAN = 4
#: numbered items in a row inside the region that make the list its own
_ITEMS_INSIDE = 3
#: a quantity: a number and the word it counts ("1 tsp cinnamon", "8-9 ripe pears", "12 ml",
#: "48 months"; "15 Amazing Images of Stars" is a headline's count)
_QUANTITY = regex.compile(r"(?:^|\s)[-+~±%]?\d[\d.,/\-–]*\s?\p{Ll}")
#: a word of a line, lower-cased, to look up among the date words ("Aug." is "aug")
_WORD = regex.compile(r"\p{L}+")
#: measured items in a row that make a list below the article its own, and the lines of
#: the list's own heading above them, at most ("Spiced Honey Pear Jam" / "Print" / "Ingredients")
_MEASURED_ITEMS = 3
_LIST_HEADING = 3
#: the heading of the section such a list opens has this many words at most ("Instructions")
_SECTION_WORDS = 3
#: lines ending with a colon, each announcing the next line, that make the run below the
#: article its steps, and the most lines from one to the next (itself and its step)
_ANNOUNCED_STEPS = 2
_STEP_LINES = 2
#: a line ending with one of these goes on in the next line
_CONTINUED = ",;，、；"
#: a table row's rank, its first cell counting the rows ("1\tKyle Busch\t5040", "2a etapa: 8
#: de abril", "4A\tAKERHIELM"): a number, at most two letters or an ordinal sign, a full
#: stop, bracket or colon, then the row's next cell
_RANK = regex.compile(r"(\d{1,3})[\p{L}º°]{0,2}[.):]?[\t ]+(?=\S)")
#: the fewest ranks in a row (1, 2, 3, 4) that make a table
_TABLE_RANKS = 4
#: a table row's figure (points, a date, a size) after its rank: a digit, as the rank's
_FIGURE = regex.compile(r"\d")


@lru_cache(maxsize=1)
def _line_opening_digit() -> re.Pattern[str]:
    """The newline before a line opening with a digit (for
    :func:`~cleanscrape.lexicon.lines_opening`): the digits of the Basic Multilingual Plane
    listed as ``regex`` reads ``\\d`` there (:mod:`~cleanscrape.charclass`), and every
    character beyond it (a few digits there are ``regex``'s alone)."""
    return re.compile("\n(?=[" + bmp_class(r"\d", regex) + "\U00010000-\U0010ffff])")


#: a link to the author's posts has this many words at most ("View all posts by Jane Porter")
_AUTHOR_LINK_WORDS = 10
#: the arrows and brackets a theme sets around the name in such a link ("… Jane Porter →")
_EDGE_SYMBOLS = regex.compile(r"^\W+|\W+$")
#: words besides the author's name in the heading of the author's box ("About Jane Porter")
_NAME_HEADING_WORDS = 2


class _BioCount:
    """The kept lines of an author's box counted against its limits: ``lines`` of them at
    most, ``chars`` characters in all."""

    def __init__(self, lines: int, chars: int) -> None:
        self.max_lines, self.max_chars = lines, chars
        self.lines = self.chars = 0

    def add(self, item: LineFeatures) -> bool:
        """Count ``item``; False once the box holds more than a bio."""
        self.lines += 1
        self.chars += item.chars
        return self.lines <= self.max_lines and self.chars <= self.max_chars


def _is_count(text: str, phrase_start: int) -> bool:
    """The line holds only a number before ``phrase_start`` (an offset in its
    normalised text: the number and the space before the phrase normalise as they are)."""
    count = text.lstrip()[:phrase_start].strip()
    return count.isdigit()


def _dates(hit: Hit, doc: Document) -> bool:
    """A metadata phrase that dates the text ("3 hours ago", "updated on"): the
    article's last sentence may say when ("He died two days ago."); only the notes
    under it name people ("Reporting by", "… contributed reporting")."""
    words = normalize(hit.phrase).split()
    return any(word in word_class(doc, "date_words") or word in word_class(doc, "dateline_words")
               for word in words)


def _opens_sentence(hit: Hit, doc: Document, index: int) -> bool:
    """The phrase starts the line or a sentence in it.  An offer speaks to the reader in
    the imperative ("Need more space? Subscribe to our sister title…", "Follow him on
    Twitter"); inside a sentence the same words report ("how many services consumers
    will sign up for", "the company said in its newsletter")."""
    before = normalized_lines(doc)[index][:hit.start]
    if before and before[-1] in SENTENCE_END:
        # glued to the sentence before it ("… like offline business.Click To Tweet"): the
        # label of a widget scraped with the text it quotes, not a sentence of its own
        return False
    before = before.rstrip(_OPENERS)
    return not before or before[-1] in SENTENCE_END


def _leads_into_an_offer(hit: Hit, doc: Document, index: int) -> bool:
    """A prefix phrase that may open an offer: three words or more ("sign up for"), or
    two that lead into what is offered, a colon or ``_OFFER_WORDS`` more words ("Follow
    The New York Times Opinion section on Facebook", "Join our Space Forums to keep
    talking…", "Don't miss: …").  One word ("More", "Follow") or two leading into
    little ("Don't miss it!", "Follow the money.", "Join the club.") are as often the
    story's own last words."""
    words = len(hit.phrase.split())
    if words >= 3:
        return True
    if words < 2:
        return False
    rest = normalized_lines(doc)[index][hit.end:]
    return rest.lstrip().startswith(":") or len(rest.split()) >= _OFFER_WORDS


def _is_link_heading(item: _Line, doc: Document) -> bool:
    """A heading of links a lexicon knows ("More:", "Read more"), left by its stage
    (the colon may introduce one link of the article's own): it heads no list of the
    article."""
    return any(hit.kind == "line" and hit.category in _LINK_LIST_CATEGORIES
               for hit in hits_by_line(doc).get(item.index, ()))


def _is_glued_teaser(text: str) -> bool:
    """A teaser card scraped without the break between its title and its summary
    ("Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left…"):
    a headline of ``_TEASER_TITLE_WORDS`` or more words, capitalised beyond German
    prose's nouns, whose last word ends in lower-case letters glued to the sentence
    after it (camel-cased names do not: "Mc|Pherson", "Air|Pods", "Mac|Book")."""
    join = _TEASER_JOIN.search(text)
    if join is None:
        return False
    head = text[:join.start()].split()
    return len(head) >= _TEASER_TITLE_WORDS and sum(word[:1].isupper() for word in head) > 0.75 * len(head)


def _headline_sparse(item: _Line) -> bool:
    """No more stopwords than running text, as in a headline (which drops articles and
    auxiliaries); true in a language without a stopword list."""
    return not (item.prose_density and item.words and item.stopwords >= item.prose_density * item.words)


def _is_name(first: str, second: str) -> bool:
    """Two words that may be a person's name: both capitalised, letters only."""
    return first[:1].isupper() and second[:1].isupper() and first.isalpha() and second.isalpha()


class Kind(str, Enum):
    GOOD = "good"
    NEAR = "near-good"
    SHORT = "short"
    BAD = "bad"


# The kinds as module names: a member looked up on its Enum class costs a descriptor call
# (~70 ns in Python 3.11, ten times a global's), and the passes compare every line's kind,
# by identity: ``kind in (GOOD, NEAR)`` compares a kind that is neither as strings (~80 ns
# against ~30 for two ``is``).
GOOD, NEAR, SHORT, BAD = Kind.GOOD, Kind.NEAR, Kind.SHORT, Kind.BAD


@dataclass(slots=True)
class _Line(LineFeatures):
    """One non-blank line as the stage judges it: its features and the stage's judgement in
    one object (:func:`line_features` makes the document's lines of this class: a second
    object a line, holding the features, cost the stage 3-4 % of its time).
    :meth:`MainContentStage.process` sets each field of the judgement itself: a new field
    is set there too (the defaults are a blank line's, which the stage skips)."""

    #: the line's index in the document
    index: int = -1
    kind: Kind = SHORT
    #: why the line is bad, in words, when it is (else "")
    signal: str = ""
    #: the line is part of a menu run or is a record header
    structural: bool = False
    #: structural only by a shape the article's own headings share, so it goes outside
    #: the article and stays inside it: one lower-to-upper join ("MacBook Pro",
    #: "(@RobertMaguire_)" under a quoted tweet), or a record header ending with a word
    #: and without a figure (subheadings on the article's topic: "Making spiced pear
    #: jam" / "Giving the gift of homemade jam"; comment headers carry a date, a time or
    #: a count)
    shape_only: bool = False
    #: the line opens or heads something other than the article (a record header, a
    #: comments or related-stories signpost): it costs the region a paragraph
    barrier: bool = False
    #: the category of an earlier stage's removal of the line (None: not removed), or
    #: "comments" for a comment thread's heading (``_mark_thread_headings``)
    removed_as: str | None = None
    #: one of a stack of headlines (see ``_mark_headline_stacks``)
    headline: bool = False
    #: prose laid out unlike the document's other prose (see ``_mark_layout``), or a
    #: teaser card glued to its summary (``_is_glued_teaser``)
    off_layout: bool = False
    #: a row or the header row of a ranked table (see ``_mark_tables``)
    table_row: bool = False


#: a line's ``barrier`` flag, read C-level over a run's members
_IS_BARRIER = attrgetter("barrier")
#: a line's index in the document, to find its position among the non-blank lines
_INDEX = attrgetter("index")
#: a run's first position, to find it among the runs
_START = attrgetter("start")
#: a line's ``colon_end`` flag, read C-level over a run's members
_COLON_END = attrgetter("colon_end")


def _run_starting(runs: list[range], start: int) -> range | None:
    """The run of ``runs`` (in order, none sharing its start) starting at ``start``, if any."""
    found = bisect_left(runs, start, key=_START)
    return runs[found] if found < len(runs) and runs[found].start == start else None


def _consecutive(items: list[_Line]) -> Iterator[list[_Line]]:
    """``items`` cut into runs on consecutive lines of the document."""
    run: list[_Line] = []
    for item in items:
        if run and item.index != run[-1].index + 1:
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def _one_line_at_most(doc: Document) -> bool:
    """Is ``doc`` one non-blank line (or none) with nothing removed, like a comment or a
    blurb?  The stage leaves such a document as it is, and can say so without its features:
    the line is either no boilerplate evidence (the stage stops before looking for a
    region) or structural, and then bad, leaving no prose to make a region of."""
    # most documents have several blocks: no line to look at (the blocks are the input's,
    # and a repair that blanks a line only makes this pass over a document it could take)
    if len(doc.blocks) > 1 or doc.has_removals:
        return False
    nonblank = (line for line in doc.lines if not line.is_blank)
    return next(nonblank, None) is None or next(nonblank, None) is None


@register_stage
class MainContentStage(Stage):
    name = "main_content"
    categories = ("boilerplate", "navigation", "author_box")

    @dataclass(frozen=True)
    class Options:
        #: below this many characters a line is too short to judge alone (jusText: 70)
        length_low: Count = 70
        #: a sentence-like line this long with enough stopwords is good (jusText: 200)
        length_high: Count = 200
        #: stopword density relative to running text in the language (jusText's fixed
        #: 0.30 / 0.32 suit its long lists and Western languages only); halved for lines
        #: that end like a sentence: names, scores and figures thin out real sentences
        stopwords_low: Annotated[float, Range(0.0)] = 0.5
        stopwords_high: Annotated[float, Range(0.0)] = 0.6
        #: share of capitalised words from which a line reads as a headline
        title_case: Share = 0.5
        #: this many labels in a row make a menu
        menu_run: Annotated[int, Range(1)] = 2
        #: this many headline-shaped lines on consecutive lines are a headline list
        headline_stack: Count = 3
        #: a label run between two paragraphs of the article, without lexicon evidence,
        #: is part of it (ingredients, a table) up to this many lines
        inline_list: Count = 30
        #: a short line ending recurring on this many distinct lines is a record header
        record_repeats: Count = 3
        #: lines removed by earlier stages in these categories open a section that is not
        #: the article (comment thread, other stories, sign-up box): each costs the region
        #: a paragraph (``length_high``), like a record header
        barrier_categories: tuple[str, ...] = ("comments", "related", "newsletter")
        #: share of the prose standing alone in its block from which that is the
        #: article's layout, and what prose laid out otherwise is worth (teaser cards,
        #: title and summary on consecutive lines: half their length still drew the
        #: region over the gap to them)
        layout_share: Share = 0.75
        off_layout_weight: Share = 0.0
        #: what a bad line costs the region (in characters of good text)
        bad_line_cost: Count = 40
        #: what a whole menu run costs the region, at most: a widget inside the article
        #: (job ads, a table of contents) is one interruption however many items it
        #: lists, and must not cut the article in two.  A run holding a section
        #: boundary (a record header, a comments or related-stories signpost) pays
        #: in full: what follows it is not the article.
        menu_run_cost_cap: Count = 500
        #: an earlier candidate region this close to the best one is the article
        region_share: Share = 0.5
        #: how many lines above the region the title is looked for
        title_distance: Count = 6
        #: phrases of these lexicon categories, too weak in a paragraph for their stage,
        #: mark a line after the article's last paragraph as an offer, not the article
        #: ("Need more space? Subscribe to our sister title…"), or as a note about its
        #: writing ("Reporting by …", "… contributed reporting"; not a time phrase, see
        #: ``_dates``); empty: no tail zone.
        #: Not ``comments``: news stories end "He declined to comment."
        tail_categories: tuple[str, ...] = ("newsletter", "share", "paywall", "related", "metadata")
        #: the author's box is looked for among the region's last lines, this many, and
        #: the byline's names among the lines this far above the region (0: no box)
        author_box_lines: Count = 3
        byline_distance: Count = 40
        #: an author's box that a heading or link of the ``author_box`` lexicon announces
        #: holds ``author_box_lines`` kept lines at most besides them, this many characters
        #: in all: a bio, never the article's paragraphs
        author_bio_chars: Count = 600

    options: MainContentStage.Options

    def process(self, doc: Document) -> None:
        if _one_line_at_most(doc):
            return
        # Lines removed by earlier stages stay in view as bad lines: they still separate
        # the article from what follows it and belong to the menus they were part of.
        low = self.options.length_low
        barrier_categories = self.options.barrier_categories
        doc_lines = doc.lines
        lines: list[_Line] = []
        append = lines.append
        # the positions of the lines judged alone: no other line is prose or a longer line
        # for the headline stacks, and they are a few of a page's lines
        judged: list[int] = []
        for index, item in enumerate(line_features(doc, _Line)):
            if not item.chars:
                continue  # blank (a blank line's features are all zero)
            # every field of the judgement set here, whatever the line held: the lines are
            # the document's cached features
            item.index = index
            item.kind = SHORT
            item.signal = ""
            item.structural = item.shape_only = item.barrier = item.headline = item.off_layout = False
            item.table_row = False
            item.removed_as = None
            # the flag first: most lines are not removed, and a flag is cheaper than a lookup
            if doc_lines[index].removed:
                category = doc.removal_of(index).category  # type: ignore[union-attr]
                item.kind = BAD
                item.structural = True
                item.removed_as = category
                item.barrier = category in barrier_categories
            elif item.length >= low or item.glued:
                self._classify(item)
                judged.append(len(lines))
            # else short, as _classify would find: most lines, spared the call
            append(item)
        self._mark_tables(lines, doc)
        thread_headings = self._mark_thread_headings(lines, doc)
        self._mark_headline_stacks(lines, judged, doc)
        runs = self._mark_menu_runs(lines, doc)
        headers = self._mark_record_separators(lines)
        counted = self._counted_threads(lines, headers, doc)
        if counted:  # (rare: most pages have no thread, or one heading naming the post)
            thread_headings = sorted(thread_headings + counted)
        if not (any(item.structural for item in lines) or doc.has_removals):
            return  # no boilerplate evidence: leave the document as it is
        self._mark_layout(lines, judged, doc)
        # every line's value is final here: the region and the removal scores share it
        values = self._values(lines, self._run_costs(lines, runs, doc))
        first, last = self._region(values, lines, headers, thread_headings)
        if last < first:
            return  # no prose anywhere: nothing to tell the article from boilerplate with
        # a box of other stories or an offer set into the article cuts it
        first = self._lead_above_box(lines, first)
        last = self._text_below_boxes(lines, last, values, doc)
        # Short sentences right at the edges add nothing to the sum but are the article's
        # first or last words ("Why?", "He declined to comment."), and so are sentences
        # too thin in stopwords to count (names, figures): nothing separates them.
        while first > 0 and self._joins_edge(lines[first - 1]):
            first -= 1
        while last + 1 < len(lines) and self._joins_edge(lines[last + 1]):
            last += 1
        standfirst = self._standfirst(lines, judged, first, doc)
        titles = self._titles(lines, first if standfirst is None else standfirst, doc)
        closing_list = (self._closing_list(lines, runs, last, doc) or self._measured_list(lines, runs, last, doc)
                        or self._announced_steps(lines, runs, last, doc))
        last = max(last, closing_list.stop - 1)
        enumeration = self._enumeration_after(lines, last, doc)
        last = max(last, enumeration.stop - 1)
        tail = self._tail(lines, first, last, doc)
        authors, after_authors = self._author_box(lines, first, min(tail, default=last + 1) - 1, doc)
        tail.update(after_authors)
        authors.update(self._announced_author_boxes(lines, first, doc))
        inline = self._inline_lists(lines, runs, first, last, doc) | set(closing_list) | set(enumeration)
        cards = self._kicker_cards(lines, first, last, doc)
        cards.update(self._teaser_cards(lines, first, last, doc))
        cards.update(self._capital_headlines(lines, first, last, doc))
        span = f"lines {lines[first].index + 1}-{lines[last].index + 1}"
        # (each line's reason is its signal and one of these, joined by one concatenation)
        outside, inside = f", outside the main text ({span})", f", inside the main text ({span})"
        # the Document's own call, not Stage.remove_line's wrapper of it, made in this loop,
        # not in a method of its own, and with its arguments by position (Python 3.11
        # specialises no call made with keywords): this stage removes ~100 lines a document
        remove_line, stage = doc.remove_line, self.name
        for pos, item in enumerate(lines):
            if doc_lines[item.index].removed:
                continue  # an earlier stage's: no removal, so no reason to word
            # outside the article first: most lines are (the tail is inside it, the titles and
            # the standfirst above it)
            if pos in authors:
                # (a box closing the region, or one set into it, is inside the span the reason
                # names: "after the article (lines 92-178)" for line 177 read as a contradiction)
                where = outside if pos < first or pos > last else inside
                remove_line(item.index, stage, "author_box", authors[pos] + where, values[pos])
                continue
            if pos < first or pos > last:
                if pos in titles or pos == standfirst:
                    continue
                reason = (item.signal or self._describe(item)) + outside
            elif pos in tail:
                reason = f"{tail[pos]}, after the article's last paragraph ({span})"
            elif pos in cards:
                reason = cards[pos] + inside
            else:
                # inside the article only structure removes: a long line short of
                # stopwords there is a table row, a list of names, a foreign quote
                if not item.structural or item.shape_only or pos in inline:
                    # but an offer written as a sentence to the reader ("Get the day's big
                    # stories … Sign up for …", "Click to subscribe!"), not a paragraph
                    # (which may mention one) nor a heading (a deals page's item names)
                    offer = "" if item.kind is GOOD or not item.sentence_end else self._offer(item, doc, inside=True)
                    if not offer:
                        continue
                    reason = f"{offer}: an offer to the reader{inside}"
                else:
                    reason = item.signal + inside
            category = "navigation" if item.structural and not item.barrier else "boilerplate"
            remove_line(item.index, stage, category, reason, values[pos])

    @staticmethod
    def _mark_thread_headings(lines: list[_Line], doc: Document) -> list[int]:
        """Mark the headings of comment threads that count the comments and name the post
        ("10 thoughts on “<title>”", "4 Gedanken zu „<title>“") as comments signposts, and
        return their positions: the `comments` stage leaves them when the title makes them
        long, yet only a thread follows such a heading.  Only a count before the phrase
        makes it a heading ("His thoughts on “…”" is prose); a bare count ("5 Kommentare")
        also stands under the headline, as a link to the thread (it heads the thread only
        right above a reply's header: :meth:`_counted_threads`)."""
        indices = {
            index for index, hits in category_hits(doc, "comments").items()
            if not doc.lines[index].removed and any(
                hit.kind == "contains" and hit.start and _is_count(doc.lines[index].text, hit.start)
                for hit in hits)
        }
        if not indices:
            return []
        positions = [pos for pos, item in enumerate(lines) if item.index in indices]
        for pos in positions:
            item = lines[pos]
            item.kind = BAD
            item.structural = True
            item.barrier = True
            item.removed_as = "comments"
            item.signal = "comment thread heading (a count and a comments phrase)"
        return positions

    @staticmethod
    def _counted_threads(lines: list[_Line], headers: list[int], doc: Document) -> list[int]:
        """Positions of bare comment counts ("5 Comments", "27 commentaires": a number and
        a whole-line phrase of the `comments` lexicon) right above a record header: the
        thread's heading, its first reply's header below it.  A bare count under the
        headline links to the thread, with the article below it, not a reply."""
        phrases = whole_line_phrases(doc, "comments")
        norms = normalized_lines(doc)
        found: list[int] = []
        for pos in headers:
            above = lines[pos - 1] if pos else None
            if above is None or doc.lines[above.index].removed:
                continue
            count, _, rest = norms[above.index].partition(" ")
            if count.isdigit() and rest in phrases:
                above.signal = "comment thread heading (a count and a comments phrase, a reply's header below)"
                found.append(pos - 1)
        return found

    # ------------------------------------------------------------ one line alone
    def _classify(self, item: _Line) -> None:
        opts = self.options
        if item.glued and not item.is_prose_like and item.words <= 8:
            item.kind = BAD
            item.structural = True
            item.signal = f"glued button row ({item.glued} lower-to-upper joins, no sentence punctuation)"
            item.shape_only = item.glued == 1
        elif item.length < opts.length_low:
            item.kind = SHORT
        elif item.has_stopwords:
            ratio = item.stopword_ratio
            floor = opts.stopwords_low / 2 if item.sentence_end else opts.stopwords_low
            if ratio >= opts.stopwords_high:
                item.kind = GOOD if item.length >= opts.length_high else NEAR
            elif ratio >= floor:
                item.kind = NEAR
            else:
                item.kind = BAD
                item.signal = (
                    f"{item.chars} chars, stopword density {item.stopword_density:.2f} = {ratio:.2f} of prose's"
                    f" < {floor:.2f}: not prose"
                )
        elif item.is_prose_like:
            item.kind = GOOD if item.length >= opts.length_high else NEAR
        else:
            item.kind = BAD
            item.signal = f"{item.chars} chars without sentence punctuation (no stopword list for this language)"
        if item.glued and (item.kind is GOOD or item.kind is NEAR):
            # counts toward the region like prose laid out unlike the article
            item.off_layout = _is_glued_teaser(item.text)

    @staticmethod
    def _describe(item: _Line) -> str:
        density = f"stopword density {item.stopword_density:.2f}, " if item.has_stopwords else ""
        end = "sentence end" if item.sentence_end else "no sentence end"
        return f"{item.kind.value} line ({item.chars} chars, {density}{end})"

    # ------------------------------------------------------------ neighbours
    def _mark_tables(self, lines: list[_Line], doc: Document) -> None:
        """Rows of a data table (standings, a calendar, a catalogue) are the article's text,
        however short or thin in stopwords: on consecutive lines, each opens with a rank
        counting the rows up by one (a row's variants repeat it: "4", "4A", "4B") and gives a
        figure besides it (points, a date, a size: the data), ``_TABLE_RANKS`` ranks or more,
        announced by a header row of tab-separated column names or a line ending with a
        colon or a heading right above, none of them removed by an earlier stage.  Menus
        and pagination count nothing, archives and tickers are not ranked, and a sidebar's
        top list stands under a heading a lexicon stage removes.  Each row counts toward
        the region like prose (a table of short rows outweighs a sidebar's blurbs) and is
        no label."""
        # A row opens with a digit, and so does its normalised line (folding keeps digits,
        # and stripping stops at one): the rows stand in runs of consecutive lines opening
        # with one, found by one search of the text; a run shorter than a table is passed
        # over, and no table reaches past its run.
        openers = lines_opening(doc, _line_opening_digit())
        if len(openers) < _TABLE_RANKS:
            return
        for _, run in groupby(enumerate(openers), lambda step: step[1] - step[0]):
            run_lines = [index for _, index in run]
            if len(run_lines) >= _TABLE_RANKS:
                start = bisect_left(lines, run_lines[0], key=_INDEX)
                self._mark_table_run(lines, start, start + len(run_lines), doc)

    def _mark_table_run(self, lines: list[_Line], pos: int, end: int, doc: Document) -> None:
        """:meth:`_mark_tables` over the lines from ``pos`` to ``end``, a run of lines
        opening with a digit."""
        doc_lines = doc.lines
        while pos < end:
            ranks = self._ranked_rows(lines, pos, doc)
            if not ranks:
                pos += 1
                continue
            stop = pos + len(ranks)
            first = pos
            above = lines[pos - 1] if pos and lines[pos - 1].index == lines[pos].index - 1 else None
            if (above is not None and "\t" in above.text and "\t" in lines[pos].text
                    and not doc_lines[above.index].removed and not _RANK.match(above.text)):
                first = pos - 1  # the header row: the columns' names
            announcer = lines[first - 1] if first else None
            if announcer is not None and (doc_lines[announcer.index].removed or announcer.sentence_end
                                          and not announcer.colon_end):
                announcer = None
            if ranks[-1] - ranks[0] + 1 >= _TABLE_RANKS and (first < pos or announcer is not None):
                # the heading or lead-in goes with its table ("Race calendar 2024")
                first -= announcer is not None
                signal = f"row, header or heading of a table ranked {ranks[0]}-{ranks[-1]}"
                for item in lines[first:stop]:
                    item.table_row = True
                    item.signal = signal
                    item.off_layout = False
                for item in lines[pos:stop]:
                    item.kind = NEAR
            pos = stop

    @staticmethod
    def _ranked_rows(lines: list[_Line], pos: int, doc: Document) -> list[int]:
        """The ranks of the rows from ``pos`` on: consecutive lines, none removed, each
        opening with a rank equal to the one before or one more, and a figure and a letter
        after it ([] when the line at ``pos`` opens none)."""
        ranks: list[int] = []
        for item in islice(lines, pos, None):
            if ranks and item.index != lines[pos + len(ranks) - 1].index + 1:
                break
            match = _RANK.match(item.text)
            if match is None or doc.lines[item.index].removed:
                break
            rank, rest = int(match[1]), item.text[match.end():]
            if ranks and rank - ranks[-1] not in (0, 1):
                break
            if not _FIGURE.search(rest) or not any(map(str.isalpha, rest)):
                break
            ranks.append(rank)
        return ranks

    def _labels(self, lines: list[_Line], doc: Document) -> list[bool]:
        """Which lines name something rather than say something: short, or Title-Cased
        like a headline, or stacked headlines, and without a sentence end, nor cells
        separated by tabs (a table's header or row: the table is the article's when it
        stands in it); lines removed or judged structural before are labels too."""
        low, high, title_case = self.options.length_low, self.options.length_high, self.options.title_case
        # a document without a tab (most: one search of its text) has no line to search for one
        untabbed = "\t" not in doc.current_text()
        return [
            not item.table_row and (item.structural or item.headline or (
                not item.sentence_end
                and not (item.colon_end and self._is_lead_in(item))
                and (item.length < low or (item.length < high and item.capitalized_ratio >= title_case))
                and (untabbed or "\t" not in item.text)  # cells: a table's header or row, not a label
            ))
            for item in lines
        ]

    def _is_headline_text(self, item: _Line, doc: Document) -> bool:
        """No comma or semicolon carrying the line on, no table cells, no lead-in."""
        text = doc.lines[item.index].text.strip()
        return text[-1:] not in _CONTINUED and "\t" not in text and not (
            item.colon_end and self._is_lead_in(item)
        )

    def _mark_headline_stacks(self, lines: list[_Line], judged: list[int], doc: Document) -> None:
        """Headline-shaped lines stacked on consecutive lines, ``headline_stack`` or more,
        are a list of other stories ("Prince Andrew: BT and three universities abandon
        ties with duke"), whatever their capitals: they are labels.  An article's
        paragraphs stand apart, and its sentences end."""
        high = self.options.length_high

        def headline_shaped(item: _Line) -> bool:
            return (not item.sentence_end and item.words <= _HEADLINE_WORDS and item.length < high
                    and not item.table_row)

        # says something without being a sentence, in a headline's few words, and with
        # no more stopwords than running text (headlines drop articles and auxiliaries);
        # the stopwords are counted only in stacks that pass without them, since a part
        # of a stack too thin to be one is none either, and only as far as a stack grows
        for shaped in self._stacks(lines, judged, keep=headline_shaped):
            for stack in self._stacks(shaped, range(len(shaped)), keep=_headline_sparse):
                for headlines in _consecutive([item for item in stack if self._is_headline_text(item, doc)]):
                    # lines an earlier stage removed (a dateline, a share button) may stand
                    # between the headlines but are none
                    if sum(not doc.lines[item.index].removed for item in headlines) >= self.options.headline_stack:
                        for item in headlines:
                            item.headline = True

    def _stacks(self, items: list[_Line], candidates: Iterable[int],
                keep: Callable[[_Line], bool]) -> Iterator[list[_Line]]:
        """The items that ``keep`` accepts cut into runs on consecutive lines, those of
        ``headline_stack`` lines or more holding a line of ``length_low`` or more not
        structural (looked for at ``candidates``, positions in ``items`` in order): a
        stack of short lines is a menu already, only one holding a longer line is worth
        the look at the text."""
        low, size = self.options.length_low, self.options.headline_stack
        # grown from its longer lines (a few per document) rather than cut out of all the
        # short ones: most items are menu entries, which no such line joins, and ``keep``
        # is asked only of the items a run grows over
        end = 0  # items before ``end`` are in a run grown already
        for pos in candidates:
            item = items[pos]
            if pos < end or item.length < low or item.structural or not keep(item):
                continue
            start = pos
            while start > end and items[start - 1].index == items[start].index - 1 and keep(items[start - 1]):
                start -= 1
            end = pos + 1
            while end < len(items) and items[end].index == items[end - 1].index + 1 and keep(items[end]):
                end += 1
            if end - start >= size:
                yield items[start:end]

    def _mark_menu_runs(self, lines: list[_Line], doc: Document) -> list[range]:
        """Runs of labels are menus, link lists, headline lists or button rows: judged
        bad together, where each alone would only be short (a subheading).  Returns the
        runs as ranges of positions in ``lines``."""
        runs: list[range] = []
        labels = self._labels(lines, doc)
        labels.append(False)  # the end closes the last run
        start = 0
        while start < len(labels):
            # the next line that is no label, found C-level: most lines of a page are labels
            pos = labels.index(False, start)
            if pos - start >= self.options.menu_run:
                runs.append(range(start, pos))
                signal = f"menu run of {pos - start} labels (short or Title-Cased, no sentence end)"
                for member in lines[start:pos]:
                    member.kind = BAD
                    member.structural = True
                    member.signal = signal
                    member.shape_only = False
            start = pos + 1
        return runs

    def _inline_lists(self, lines: list[_Line], runs: list[range], first: int, last: int,
                      doc: Document) -> set[int]:
        """Positions of label runs that belong to the article: inside the region, with
        prose right above and a paragraph right below, no line of them removed by a
        lexicon stage,
        and at most ``inline_list`` lines (ingredients, a table, a subheading with its
        caption).  A menu inside the article carries lexicon evidence or is longer."""
        kept: set[int] = set()
        for run in runs:
            if not (first < run.start and run.stop - 1 <= last) or not self._may_be_list(run, lines, doc):
                continue
            # announced by the line above or by its own heading ("Ingredients:")
            announced = self._announces_list(lines[run.start - 1], doc) or self._announces_list(lines[run.start], doc)
            if announced or (
                run.stop <= last
                and self._is_prose(lines[run.start - 1])
                and (lines[run.stop].kind is GOOD or lines[run.stop].kind is NEAR)
            ):
                kept.update(run)
        return kept

    def _may_be_list(self, run: range, lines: list[_Line], doc: Document) -> bool:
        """Short enough for a list in an article, and no line of it removed by a lexicon
        stage (a menu inside the article carries lexicon evidence or is longer)."""
        return len(run) <= self.options.inline_list and not _is_link_heading(lines[run.start], doc) and not any(
            doc.lines[lines[pos].index].removed for pos in run
        )

    @staticmethod
    def _announces_list(item: _Line, doc: Document) -> bool:
        """The line ends with a colon: it introduces what follows ("You will need:",
        "The ten best phones of the year:"), unless it is a link-list heading a lexicon
        knows ("More:", "Read more:"): its stage leaves it alone, since the colon may
        introduce one link of the article's own, but it announces no article list."""
        return item.colon_end and not _is_link_heading(item, doc)

    def _is_lead_in(self, item: _Line) -> bool:
        """A sentence that introduces what follows ("Here is our ranking, from the best
        value to the most comfortable:"): it ends with a colon and reads like prose (five
        words or more, as many stopwords as running text).  A list's own heading
        ("Ingredients:", "Recommended by Dennis:") stays a label."""
        return (
            item.colon_end
            and item.words >= 5
            and item.has_stopwords
            and item.stopword_ratio >= self.options.stopwords_high
        )

    def _closing_list(self, lines: list[_Line], runs: list[range], last: int, doc: Document) -> range:
        """Positions of a list that ends the article: the labels right below the region
        when its last line, or a lead-in sentence right after it, announces them with a
        colon (a list at the end has no paragraph below it to tell it from a menu; the
        colon does).  The list stops at the first line a lexicon stage removed: the
        share row or related links that follow it belong to the same label run."""
        lead_in = last + 1 if last + 1 < len(lines) and self._is_lead_in(lines[last + 1]) else last
        if not self._announces_list(lines[lead_in], doc):
            return range(last + 1, last + 1)
        run = _run_starting(runs, lead_in + 1)
        if run is not None:
            stop = next((pos for pos in run if doc.lines[lines[pos].index].removed), run.stop)
            if stop - run.start <= self.options.inline_list:
                return range(lead_in, stop)
        return range(last + 1, last + 1)

    def _measured_list(self, lines: list[_Line], runs: list[range], last: int, doc: Document) -> range:
        """Positions of a list of the article's own figures that ends it without a colon
        announcing it: the labels right below the region whose items, ``_MEASURED_ITEMS``
        or more in a row, each give a quantity ("1 tsp cinnamon", "8-9 ripe pears", "12
        ml") or a date with what happens then ("June 9 – Tampa, FL @ …"), under a heading of ``_LIST_HEADING``
        lines at most ("Spiced Honey Pear Jam" / "Print" / "Ingredients", "Tour Dates").
        Menus name places to go, not amounts: the footer's phone numbers and the counts
        that open headlines ("15 Amazing Images of Stars") give none; and the list stops
        at its last such item, where the widgets below begin, unless a heading of a few
        words over sentences follows it: the next section of the card (a recipe's method
        under "Instructions")."""
        run = _run_starting(runs, last + 1)
        if run is None:
            return range(last + 1, last + 1)
        dates, datelines = word_class(doc, "date_words"), word_class(doc, "dateline_words")

        def measured(pos: int) -> bool:
            item = lines[pos]
            if item.barrier or doc.lines[item.index].removed or not any(map(str.isdigit, item.text)):
                return False
            if _QUANTITY.search(item.text):
                return True
            # a date and what happens then ("June 9 – Tampa, FL"), not a date alone (an
            # archive's "June 2019", a record's "May 2, 2019 at 6:44 am")
            words = _WORD.findall(item.text.lower())
            return any(word in dates for word in words) and any(
                word not in dates and word not in datelines for word in words)

        start = next((pos for pos in run[:_LIST_HEADING + 1] if measured(pos)), run.stop)
        end = start
        while end < run.stop and measured(end):
            end += 1
        if end - start < _MEASURED_ITEMS:
            return range(last + 1, last + 1)
        # the section the list opens: a heading and its sentences ("Instructions" / "Fill
        # the canner with water…"), up to the first line that is neither
        heading = lines[end] if end < len(lines) else None
        if heading is not None and not doc.lines[heading.index].removed and not heading.barrier \
                and heading.words <= _SECTION_WORDS and not heading.sentence_end:
            method = end + 1
            while method < len(lines) and not doc.lines[lines[method].index].removed \
                    and self._joins_edge(lines[method]):
                method += 1
            if method > end + 1:
                end = method
        return range(run.start, end)

    def _announced_steps(self, lines: list[_Line], runs: list[range], last: int, doc: Document) -> range:
        """Positions of steps that end the article, each announced by a line of its own
        ending with a colon: the labels right below the region, under a heading of
        ``_LIST_HEADING`` lines at most, down to the line the last of two or more such
        announcements (each within two lines of the one before) announces ("Autotuning
        deaktivieren:" / "netsh interface tcp set global autotuninglevel=disabled" /
        "Autotuning wieder aktivieren:" / "netsh … =normal"; the tags and the comments
        below go).  A form's fields end with colons too, but one after the other, with no
        item between; a lexicon's link heading ("Read more:") announces no step."""
        run = _run_starting(runs, last + 1)
        if run is None:
            return range(last + 1, last + 1)

        def kept(pos: int) -> bool:
            return not doc.lines[lines[pos].index].removed

        # (the few lines ending with a colon picked C-level: a run below the article may be
        # the page's long footer)
        colons = compress(run[:-1], map(_COLON_END, islice(lines, run.start, run.stop - 1)))
        announcing = [pos for pos in colons if kept(pos) and self._announces_list(lines[pos], doc)
                      and kept(pos + 1) and not lines[pos + 1].colon_end]
        if len(announcing) < _ANNOUNCED_STEPS or announcing[0] - run.start > _LIST_HEADING or any(
                after - before > _STEP_LINES for before, after in zip(announcing, announcing[1:])):
            return range(last + 1, last + 1)
        return range(run.start, announcing[-1] + 2)

    def _enumeration_after(self, lines: list[_Line], last: int, doc: Document) -> range:
        """Positions of the numbered list the region ends in, past its last line: when
        ``_ITEMS_INSIDE`` numbered items count up to the region's end ("7) …", "8) …",
        "9) …", each within ``_ITEM_SPAN`` lines of the one before) and the count goes
        on right below it ("10) …", "11) …", no line between removed by a lexicon
        stage), the items that follow are the same list, however menu-like they look,
        up to the last item's line.  Menus are not numbered, and a numbered list of
        other stories ("Most read: 1. …") does not start inside the article."""
        def number(pos: int) -> int | None:
            match = _ITEM_NUMBER.match(lines[pos].text)
            return int(match.group(1)) if match else None

        pos = next((p for p in range(last, max(-1, last - _ITEM_SPAN), -1) if number(p) is not None), None)
        if pos is None:
            return range(last + 1, last + 1)
        count: int = number(pos)  # type: ignore[assignment]  # pos was picked for its number
        above: int | None = pos
        for expected in range(count - 1, count - _ITEMS_INSIDE, -1):  # its predecessors
            # above is an int here (None returns below); mypy narrows no name inside a generator
            above = next((p for p in range(above - 1, max(-1, above - 1 - _ITEM_SPAN), -1)  # type: ignore[operator]
                          if number(p) == expected), None)
            if above is None:
                return range(last + 1, last + 1)
        item = pos
        while True:
            following = next((p for p in range(item + 1, min(len(lines), item + 1 + _ITEM_SPAN))
                              if number(p) == count + 1), None)
            if following is None or any(
                    doc.lines[lines[p].index].removed for p in range(item + 1, following + 1)):
                break
            item, count = following, count + 1
        if item <= last:
            return range(last + 1, last + 1)
        # the last item's own line: what follows it may be its link as well as the
        # heading of the next widget
        return range(last + 1, item + 1)

    def _tail(self, lines: list[_Line], first: int, last: int, doc: Document) -> dict[int, str]:
        """The region's closing lines that are offers and notes, not the article, by
        position, with the reason: lines carrying a phrase of ``tail_categories`` that
        its stage found too weak alone ("Need more space? Subscribe to our sister
        title…", "Follow him on Twitter"), and labels among them.  Right after the
        last paragraph the same phrase that a sentence inside the article may use
        ends it.  An offer or note among the region's last ``author_box_lines`` lines
        ends it too when no paragraph follows it: what follows is the page's close
        ("… contributed to this report." / "Julius is an LA Entertainment Reporter for
        Fox News.", "Follow me on Twitter." / the author's name and bio)."""
        if not self.options.tail_categories:
            return {}
        tail: dict[int, str] = {}
        labels: list[int] = []  # short lines below the highest offer found so far
        pos = last
        while pos > first:
            item = lines[pos]
            if not doc.lines[item.index].removed:
                reason = self._offer(item, doc)
                if reason:
                    tail.update((label, "short line among offers") for label in labels)
                    labels.clear()
                    tail[pos] = reason
                elif item.kind is SHORT and not item.sentence_end:
                    labels.append(pos)
                else:
                    break
            pos -= 1
        # the walk up judged every kept line from the last down to here: those not in the
        # tail are no offers, and are not asked again
        judged_from = pos
        kept = list(islice((pos for pos in range(last, first, -1)
                            if pos not in tail and not doc.lines[lines[pos].index].removed),
                           self.options.author_box_lines))
        for pos in kept:  # latest first: no paragraph may follow the offer
            if lines[pos].kind is GOOD:
                break
            if pos >= judged_from:
                continue
            reason = self._offer(lines[pos], doc)
            if reason:
                closing = f"closes the page after the offer or note on line {lines[pos].index + 1} ({reason})"
                tail.update((after, closing) for after in range(pos + 1, last + 1)
                            if after not in tail and not doc.lines[lines[after].index].removed)
                tail[pos] = reason
        return tail

    def _offer(self, item: _Line, doc: Document, *, inside: bool = False) -> str:
        """The reason ``item`` is an offer or a note on the writing, or "": a phrase of
        ``tail_categories`` that opens a sentence (two distinct ones in a paragraph).
        ``inside`` the article, before its last paragraph, only an offer of a phrase of
        ``_INSIDE_OFFER_WORDS`` words or more counts ("Sign up for …", "Click to
        subscribe!"): two-word lead-ins open the article's own sentences there ("Want
        more proof? Look at the numbers.", "More on that later."), and so do the notes'
        phrases ("Published by Penguin in 2005, the book …")."""
        # a one-word lead-in ("More", "Follow") starts sentences as often as offers,
        # and a two-word one that leads into little closes stories ("Don't miss
        # it!", "Follow the money.")
        categories = self.options.tail_categories
        found = [h for h in hits_by_line(doc).get(item.index, ()) if h.category in categories
                 and not h.kind.endswith("_near")
                 and not (h.kind == "prefix" and not _leads_into_an_offer(h, doc, item.index))
                 and not (h.category == "metadata" and (inside or _dates(h, doc)))
                 and not (inside and len(h.phrase.split()) < _INSIDE_OFFER_WORDS)]
        # a paragraph may close the article asking for comments: it takes two; and
        # one of them must open a sentence, as an offer does, unless it is a note
        # on the writing (those name the reporters: "… contributed reporting")
        if len({h.phrase for h in found}) >= (2 if item.kind is GOOD else 1) and any(
                h.kind != "contains" or h.category == "metadata" or _opens_sentence(h, doc, item.index)
                for h in found):
            return found[0].describe()
        return ""

    @staticmethod
    def _teaser_cards(lines: list[_Line], first: int, last: int, doc: Document) -> dict[int, str]:
        """The teaser cards set into the article, by position, with the reason: a block
        of the region, ``_CARD_LINES`` lines at most and one paragraph at most (the
        summary), that prints a headline twice within ``_CARD_SPAN`` lines (the card's
        picture and its title link to the same story: "Business" / "Tribune Publishing
        renames itself Tronc…" / "Business" / the same headline / its summary).  A
        headline is a line of ``_CARD_TITLE_WORDS`` words or more with no more
        stopwords than running text, without a sentence end, a trailing comma or a
        tab: a refrain repeated in a stanza reads like prose ("I want to hold your
        hand") or goes on in the next line, and a table repeats its header row for
        each group of rows; an article prints no headline twice so close."""
        norms = normalized_lines(doc)
        doc_lines = doc.lines
        cards: dict[int, str] = {}
        pos = first
        while pos <= last:
            block = doc_lines[lines[pos].index].block
            end = pos
            while end < last and doc_lines[lines[end + 1].index].block == block:
                end += 1
            card = lines[pos:end + 1]
            if 1 < len(card) <= _CARD_LINES and sum(item.kind is GOOD for item in card) <= 1:
                seen: dict[str, int] = {}
                for item in card:
                    if item.sentence_end or item.words < _CARD_TITLE_WORDS or "\t" in item.text \
                            or item.text.endswith(_CONTINUED) or not _headline_sparse(item):
                        continue
                    norm = norms[item.index]
                    if item.index - seen.get(norm, -_CARD_SPAN - 1) <= _CARD_SPAN:
                        reason = (f"teaser card: a block printing the headline of line {seen[norm] + 1} "
                                  f"again on line {item.index + 1}")
                        cards.update((card_pos, reason) for card_pos in range(pos, end + 1)
                                     if not doc_lines[lines[card_pos].index].removed)
                        break
                    seen[norm] = item.index
            pos = end + 1
        return cards

    @staticmethod
    def _kicker_cards(lines: list[_Line], first: int, last: int, doc: Document) -> dict[int, str]:
        """Teaser cards inside the region whose kickers repeat the page's menu, by position,
        with the reason: lines that print a label of the menu above the article ("B2B",
        "Nacionales": the section of the story teased), ``_KICKER_CARDS`` or more of them
        each at most ``_KICKER_GAP`` lines from the next, and between them only the cards'
        headline (``_CARD_TITLE_WORDS`` words or more) and summary, no paragraph.  The
        article's own subheadings that name a section stand over paragraphs."""
        norms = normalized_lines(doc)
        menu = {norms[item.index]: item.index for item in lines[:first]
                if item.structural and item.words <= _KICKER_WORDS and any(map(str.isalpha, norms[item.index]))}
        if not menu:
            return {}
        kickers = [pos for pos in range(first, last + 1)
                   if lines[pos].words <= _KICKER_WORDS and norms[lines[pos].index] in menu]
        cards: dict[int, str] = {}
        run: list[int] = []
        for pos in [*kickers, None]:
            if pos is not None and run and pos - run[-1] <= _KICKER_GAP \
                    and MainContentStage._card_between(lines[run[-1] + 1:pos]):
                run.append(pos)
                continue
            if len(run) >= _KICKER_CARDS:
                # the last card: as many lines after its kicker as the card before it had
                end = min(last, run[-1] + run[-1] - run[-2] - 1)
                while end > run[-1] and not MainContentStage._card_between(lines[run[-1] + 1:end + 1]):
                    end -= 1
                kicker = doc.lines[lines[run[0]].index].text.strip()
                reason = (f"teaser card: one of {len(run)} kickers printing a label of the menu above the "
                          f"article ({kicker!r}, line {menu[norms[lines[run[0]].index]] + 1})")
                cards.update((card, reason) for card in range(run[0], end + 1))
            run = [] if pos is None else [pos]
        return cards

    @classmethod
    def _capital_headlines(cls, lines: list[_Line], first: int, last: int, doc: Document) -> dict[int, str]:
        """Headlines of other stories the article links to between its paragraphs, set in
        capitals, by position, with the reason: a line inside the region, alone in its
        block, of ``_CAPITAL_HEADLINE_WORDS`` words or more, all its letters capitals,
        without a sentence end or a tab (a table's row), right between two lines of prose
        standing alone as the article's paragraphs do.  A subheading set in capitals is a few words; a
        sentence-long line in capitals that does not end like one is a link."""
        blocks, doc_lines = doc.blocks, doc.lines
        found: dict[int, str] = {}
        for pos in range(first + 1, last):
            item = lines[pos]
            if item.words < _CAPITAL_HEADLINE_WORDS or item.sentence_end or not item.text.isupper() \
                    or "\t" in item.text or doc_lines[item.index].removed:
                continue
            block = blocks[doc_lines[item.index].block]
            if block.first == block.last and cls._stands_alone(lines[pos - 1], doc) \
                    and cls._stands_alone(lines[pos + 1], doc):
                found[pos] = (f"link set in capitals between two paragraphs ({item.words} words, no "
                              f"sentence end): another story's headline, not a subheading")
        return found

    @staticmethod
    def _card_between(items: list[_Line]) -> bool:
        """A card's headline, and its summary if any: no paragraph, and a line of a
        headline's words without a sentence end (or cut short: "Capuchinos invitan a…")."""
        return all(item.kind is not GOOD for item in items) and any(
            item.words >= _CARD_TITLE_WORDS and (not item.sentence_end or item.text.endswith(ELLIPSES))
            for item in items)

    def _author_box(self, lines: list[_Line], first: int, last: int,
                    doc: Document) -> tuple[dict[int, str], dict[int, str]]:
        """The author's box closing the region and what follows it to the region's end, each
        by position, with the reason: among the region's last ``author_box_lines`` lines,
        one that starts with the name of a byline above the article ("Eric Song is IGN's
        deal curator…" under "By Eric Song, IGN Staff", removed by ``metadata``), or a
        short heading ending with a name shown above the article and the next line, which
        repeats it ("Über Moritz Bachmann" / "Als Sales Manager bildet Moritz Bachmann…"),
        or the name alone on a line, as a line above the article shows it, over a bio
        that need not repeat it ("Isabella Beyer" / "Als Content Marketing Managerin…").
        A name is two capitalised words; names of things (a country, a company) are in
        menus and headlines as much as in bylines, hence the byline or the repetition."""
        opts = self.options
        box_lines = list(islice(
            (pos for pos in range(last, first, -1) if not doc.lines[lines[pos].index].removed),
            opts.author_box_lines,
        ))
        if not box_lines:
            return {}, {}
        above = lines[max(0, first - opts.byline_distance):first]
        for pos in reversed(box_lines):  # earliest first: the box runs to the region's end
            item = lines[pos]
            # the first four words and the rest, if any: a name starts the line, or ends a
            # heading of four words at most (the box's lines are paragraphs, long to split)
            words = doc.lines[item.index].text.split(None, 4)
            if len(words) >= 3 and _is_name(words[0], words[1]) and self._named_above(
                f"{words[0]} {words[1]}", above, doc, byline=True
            ):
                named, end = f"starts with the byline's name {words[0]} {words[1]!r}", pos
            elif (item.kind is SHORT and not item.sentence_end and 2 < len(words) <= 4
                  and _is_name(words[-2], words[-1]) and pos < last
                  and f"{words[-2]} {words[-1]}" in doc.lines[lines[pos + 1].index].text
                  and self._named_above(f"{words[-2]} {words[-1]}", above, doc, byline=False)):
                named, end = f"heading ending with the name {words[-2]} {words[-1]!r}, repeated below", pos + 1
            elif (len(words) == 2 and pos < last and _is_name(words[0], words[1])
                  and words[0][1:].islower() and words[1][1:].islower()
                  and self._alone_above(doc.lines[item.index].text, above, doc)):
                # the name alone over the bio, as the byline shows it ("Isabella Beyer" /
                # "Als Content Marketing Managerin betreue ich den Blog…"); capitals only
                # ("VISUAL MARKETING") are a section's label, not a name
                named, end = f"the name {words[0]} {words[1]!r} alone, as a line above the article shows it", pos + 1
            else:
                continue
            box = f"author's box ({named}, line {lines[pos].index + 1})"
            after = f"closes the page after the author's box on line {lines[pos].index + 1}"
            kept = [box_pos for box_pos in range(pos, last + 1) if not doc.lines[lines[box_pos].index].removed]
            return ({box_pos: box for box_pos in kept if box_pos <= end},
                    {box_pos: after for box_pos in kept if box_pos > end})
        return {}, {}

    def _announced_author_boxes(self, lines: list[_Line], first: int, doc: Document) -> dict[int, str]:
        """The author's boxes after the region's start that the ``author_box`` lexicon
        announces, by position, with the reason: under a heading ("About the author", "Über
        den Autor"), the bio down to the box's link to the author's posts, the next
        section's signpost (comments, other stories, a sign-up box) or the text's end (the
        box may close the region or follow it, and its lines go either way, as what they
        are; a box inside the region ends the article above it); above such a link
        ("View all posts by Jane Porter", "Zeige alle Beiträge von …"), the bio up to the
        line naming the author ("Über Jane Porter") or the heading.  The box follows the
        article (a paragraph of it stands above) and holds a bio only: ``author_box_lines``
        kept lines at most besides the heading and the link, ``author_bio_chars``
        characters in all.  A paragraph that names the author is no box."""
        announced = category_hits(doc, "author_box")
        if not announced:
            return {}
        boxes: dict[int, str] = {}
        paragraph_above = False
        for pos in range(first, len(lines)):
            item = lines[pos]
            hits = announced.get(item.index)
            if hits and paragraph_above and pos not in boxes:
                heading = next((hit for hit in hits if hit.kind == "line"), None)
                if heading is not None:
                    span = self._box_below(lines, pos, announced)
                    evidence = f"{heading.describe()} (line {item.index + 1}) heads it"
                else:
                    link = next((hit for hit in hits if hit.kind == "prefix"), None)
                    span = None if link is None else self._box_above(lines, pos, first, link, announced, doc)
                    evidence = "" if link is None else f"{link.describe()} (line {item.index + 1}) closes it"
                if span is not None:
                    boxes.update((box, f"author's box: {evidence}") for box in span
                                 if not doc.lines[lines[box].index].removed)
            paragraph_above = paragraph_above or item.kind is GOOD
        return boxes

    def _box_below(self, lines: list[_Line], heading: int, announced: dict[int, list[Hit]]) -> range | None:
        """Positions of the box under an author heading at ``heading``: down to a link of
        the ``author_box`` lexicon, or up to the next barrier or the text's end; None when
        more than a bio stands there."""
        last = len(lines) - 1
        bio = _BioCount(self.options.author_box_lines, self.options.author_bio_chars)
        for pos in range(heading + 1, last + 1):
            item = lines[pos]
            if item.barrier:
                return range(heading, pos) if bio.lines else None
            if any(hit.kind == "prefix" for hit in announced.get(item.index, ())):
                return range(heading, pos + 1) if bio.lines else None
            if item.removed_as is None and not bio.add(item):
                return None
        return range(heading, last + 1) if bio.lines else None

    def _box_above(self, lines: list[_Line], link: int, first: int, hit: Hit,
                   announced: dict[int, list[Hit]], doc: Document) -> range | None:
        """Positions of the box closed by a link of the ``author_box`` lexicon at ``link``
        (a short line, no sentence: "Zeige alle Beiträge von Jane Porter →"): up to the
        heading above that names the author the link names, or an author heading; None
        when more than a bio stands between."""
        item = lines[link]
        if item.sentence_end or item.words > _AUTHOR_LINK_WORDS:
            return None
        norms = normalized_lines(doc)
        # the name the link names, without the arrow or bracket many themes close it with
        name = _EDGE_SYMBOLS.sub("", norms[item.index][hit.end:])
        bio = _BioCount(self.options.author_box_lines, self.options.author_bio_chars)
        for pos in range(link - 1, first - 1, -1):
            above = lines[pos]
            # the heading over the bio ("Über Jane Porter", "Jane Porter"): the bio may
            # name the author too
            named = bool(name) and name in norms[above.index] and not above.sentence_end \
                and above.words <= len(name.split()) + _NAME_HEADING_WORDS
            if named or any(h.kind == "line" for h in announced.get(above.index, ())):
                return range(pos, link + 1) if bio.lines else None
            if above.barrier or (above.removed_as is None and not bio.add(above)):
                return None
        return None

    def _named_above(self, name: str, above: list[_Line], doc: Document, *, byline: bool) -> bool:
        """Does a line above the article show ``name``: a byline (a short line removed by
        ``metadata``), or with ``byline`` False any line shorter than a paragraph?"""
        if byline:
            above = [item for item in above
                     if item.removed_as == "metadata" and item.length < self.options.length_low]
        else:
            above = [item for item in above if item.length < self.options.length_high]
        return any(name in doc.lines[item.index].text for item in above)

    @staticmethod
    def _alone_above(text: str, above: list[_Line], doc: Document) -> bool:
        """Does a line above the article hold ``text`` and nothing else (a byline's name
        on a line of its own, whichever stage removed it)?"""
        name = text.strip()
        return any(doc.lines[item.index].text.strip() == name for item in above)

    @staticmethod
    def _is_prose(item: _Line) -> bool:
        return item.kind is GOOD or item.kind is NEAR or (item.kind is SHORT and item.sentence_end)

    def _joins_edge(self, item: _Line) -> bool:
        """Prose, a table's heading or header row, or a sentence that failed the stopword
        count alone (not a menu, record header or removed line): right at the article's
        edge it is the article's."""
        return self._is_prose(item) or item.table_row or (
            item.kind is BAD and not item.structural and item.sentence_end
        )

    def _mark_record_separators(self, lines: list[_Line]) -> list[int]:
        """Short lines that recur with the same last word ("joe says:", "May 2, 2019 at
        6:44 am", "Rating: 12 votes") head the records of a listing.  Returns their
        positions, in order."""
        headers: list[int] = []
        shapes: dict[str, list[int]] = {}
        length_low = self.options.length_low
        for pos, item in enumerate(lines):
            # photo credits recur ("(Image: Getty)") but picture the article
            if (item.length < length_low and not item.sentence_end and item.words >= 2
                    and item.removed_as != "caption" and not item.table_row):
                last = item.text.rsplit(None, 1)[-1].lower()
                # most last words are letters only, with no digit to fold (translate is slow)
                shape = last if last.isalpha() else last.translate(_DIGITS_TO_ZERO)
                # (a plain dict: Python 3.11 specialises a subscript of a dict, not of a
                # defaultdict, and most shapes are new, each a call of __missing__ there)
                group = shapes.get(shape)
                if group is None:
                    shapes[shape] = [pos]
                else:
                    group.append(pos)
        for last, group in shapes.items():
            if len(group) < self.options.record_repeats:
                continue
            # distinct texts: a name repeated as heading and table-of-contents entry
            # shares its last word with itself, not with other records
            distinct = {lines[pos].text for pos in group}
            if len(distinct) < self.options.record_repeats:
                continue
            if self._mostly_headed(group, lines):
                headers += group
                topical = last.isalpha()
                signal = f"record header: one of {len(distinct)} short lines ending in {last!r}"
                for item in (lines[pos] for pos in group):
                    # a line in a menu run or removed earlier stays boilerplate anywhere
                    item.shape_only = (topical and (item.shape_only or not item.structural)
                                       and not any(map(str.isdigit, item.text)))
                    item.kind = BAD
                    item.structural = True
                    item.barrier = True
                    item.signal = signal
        return sorted(headers)

    def _mostly_headed(self, group: list[int], lines: list[_Line]) -> bool:
        """A record is a header and a body: do half the lines at ``group`` or more have
        prose within a few lines below, as most headers do (the items of a list, tour
        dates or specs, have more items there)?  Counted until the answer is known."""
        wanted = (len(group) + 1) // 2  # headed lines still wanted
        spare = len(group) - wanted  # lines that may still go without
        for pos in group:
            if any(map(self._is_prose, lines[pos + 1:pos + 1 + _RECORD_BODY_DISTANCE])):
                wanted -= 1
                if not wanted:
                    return True
            else:
                spare -= 1
                if spare < 0:
                    return False
        return False  # (not reached: one of the two counts runs out first)

    # ------------------------------------------------------------ the document
    def _mark_layout(self, lines: list[_Line], judged: list[int], doc: Document) -> None:
        """An article's paragraphs share one layout.  When most of a document's prose
        stands alone in its block (one paragraph per blank-line-separated block, as
        ``<p>`` elements come out), prose inside multi-line blocks is laid out like list
        items and teaser cards, and counts less toward the region (by default nothing:
        it stays when it is inside the region or touches its edges)."""
        blocks, doc_lines = doc.blocks, doc.lines
        total = alone = 0  # the length of the prose, and of the prose standing alone
        grouped: list[_Line] = []  # the prose inside multi-line blocks
        for item in map(lines.__getitem__, judged):  # (no other line is prose, but table rows)
            if (item.kind is GOOD or item.kind is NEAR) and not item.table_row:
                total += item.length
                block = blocks[doc_lines[item.index].block]
                if block.first != block.last:
                    grouped.append(item)
                else:
                    alone += item.length
        if total and alone >= self.options.layout_share * total:
            for item in grouped:
                item.off_layout = True

    def _run_costs(self, lines: list[_Line], runs: list[range], doc: Document) -> list[tuple[range, float]]:
        """The menu runs whose cost is capped, each with what one of its lines costs the
        region: its share of the cap.  A run holding a section boundary (a barrier) pays in
        full, ``bad_line_cost`` a line, and is not listed."""
        opts = self.options
        costs: list[tuple[range, float]] = []
        for run in runs:
            if not any(map(_IS_BARRIER, lines[run.start:run.stop])):
                # a list running through the text (ingredients between the introduction
                # and the method) is one interruption, like one bad line
                cap = opts.bad_line_cost if self._within_prose(run, lines, doc) else opts.menu_run_cost_cap
                costs.append((run, min(float(opts.bad_line_cost), cap / len(run))))
        return costs

    def _within_prose(self, run: range, lines: list[_Line], doc: Document) -> bool:
        """The run may be a list and sits inside running text: two prose lines right
        above it and two right below, the first a paragraph laid out like the article.
        Teaser cards alternate label runs with single summaries and do not qualify, nor
        does a run whose next line is prose laid out like list items (``off_layout``):
        the list goes on there, as the promotions closing a list of other stories do
        ("More Great WIRED Stories", five headlines, "Want the best tools to get
        healthy? Check out…" in one block)."""
        above = lines[run.start - _LIST_CONTEXT:run.start] if run.start >= _LIST_CONTEXT else []
        below = lines[run.stop:run.stop + _LIST_CONTEXT]
        return (
            len(above) == len(below) == _LIST_CONTEXT
            and (lines[run.stop].kind is GOOD or lines[run.stop].kind is NEAR)
            and not lines[run.stop].off_layout
            and all(self._is_prose(item) for item in (*above, *below))
            and self._may_be_list(run, lines, doc)
        )

    def _values(self, lines: list[_Line], run_costs: list[tuple[range, float]]) -> list[float]:
        """What each line brings to the region: its length if prose (part of it when laid
        out unlike the article), a cost if boilerplate (its share of the cost of a capped
        menu run, ``run_costs``), a paragraph's worth off if it opens another section,
        nothing if short."""
        # floats, every one: Python 3.11 specialises the sums and comparisons of the region's
        # walk over them for two floats (or two ints), not for a float and an int
        barrier = float(-self.options.length_high)
        bad = float(-self.options.bad_line_cost)
        weight = self.options.off_layout_weight
        values: list[float] = [
            barrier if item.barrier
            else bad if item.kind is BAD
            else 0.0 if item.kind is SHORT
            else float(int(item.length * weight)) if item.off_layout
            else float(item.length)
            for item in lines
        ]
        # (a capped run's lines are all bad, none a barrier: slices assigned C-level, where
        # a cost on each line cost a store per menu line)
        for run, cost in run_costs:
            values[run.start:run.stop] = [-cost] * len(run)
        return values

    def _region(self, values: list[float], lines: list[_Line], headers: list[int],
                thread_headings: list[int]) -> tuple[int, int]:
        """Positions (in ``values``, aligned with the lines) of the first and last line of
        the main region.  A comment thread is never the article, however long: a
        candidate below a comments signpost that holds record headers (``headers``: their
        positions, in order) is left out, and a region running on past a comment thread's
        heading (``thread_headings``, positions in order) into record headers ends above
        it (the thread's replies are prose like the post's).  Other comments signposts do
        not cut the region: "Comments" labels also stand under the headline."""
        # (sum, first, last) of the runs that reach a positive sum: a run that never does is
        # no candidate (most lines of a page are boilerplate, each a run of its own), but while
        # one exists, the filter of comment threads below has a run left to fall back on,
        # which chooses nothing
        candidates: list[tuple[float, int, int]] = []
        fruitless = False
        total = best_here = 0.0  # the open run's running sum and maximum, and its start and end
        start = end = 0
        for pos, value in enumerate(values):
            if total <= 0.0:
                if best_here > 0.0:
                    candidates.append((best_here, start, end))
                elif pos:
                    fruitless = True
                total = best_here = 0.0
                start = pos
            total += value
            if total > best_here:
                best_here, end = total, pos
        if best_here > 0.0:
            candidates.append((best_here, start, end))
        elif values:
            fruitless = True
        if len(headers) >= _THREAD_HEADERS:
            signpost = next(
                (pos for pos, item in enumerate(lines) if item.removed_as == "comments"), len(lines)
            )
            outside_threads = [
                c for c in candidates
                if not (c[1] > signpost
                        and bisect_right(headers, c[2]) - bisect_left(headers, c[1]) >= _THREAD_HEADERS)
            ]
            candidates = outside_threads if outside_threads or fruitless else candidates
        best = max((c[0] for c in candidates), default=0)
        for total, first, last in candidates:
            if total >= self.options.region_share * best:
                for heading in thread_headings:
                    if first < heading <= last and (
                            bisect_right(headers, last) - bisect_left(headers, heading) >= _THREAD_HEADERS):
                        return first, heading - 1
                return first, last
        return 0, -1

    def _lead_above_box(self, lines: list[_Line], first: int) -> int:
        """Position of the article's first line: the paragraph right above a box that an
        earlier stage removed as other stories or a sign-up offer ("Related articles"
        and its two headlines after the first paragraph), when the region starts right
        below the box.  The box costs the region a paragraph per line, so a lead of one
        paragraph never outweighs it; a paragraph (``good``, with a sentence end, laid
        out like the article) right against the box is the article's, where the summary
        of another story would be shorter or stand in a teaser card."""
        boxes = self._box_categories()
        pos = first - 1
        while pos >= 0 and lines[pos].removed_as in boxes:
            pos -= 1
        if pos == first - 1 or pos < 0 or not self._is_paragraph(lines[pos]):
            return first
        return pos

    def _box_categories(self) -> tuple[str, ...]:
        """Removal categories of a box set into an article (other stories, a sign-up
        offer); a comments signpost opens the thread, below the article."""
        return tuple(c for c in self.options.barrier_categories if c != "comments")

    @staticmethod
    def _is_paragraph(item: _Line) -> bool:
        """A paragraph of the article: long prose with a sentence end, laid out like it."""
        return item.kind is GOOD and item.sentence_end and not item.off_layout

    @staticmethod
    def _stands_alone(item: _Line, doc: Document) -> bool:
        """Prose with a sentence end, laid out like the article, alone in its block as
        paragraphs stand (a teaser's summary shares its block with the teaser's title)."""
        block = doc.blocks[doc.lines[item.index].block]
        return (item.kind is GOOD or item.kind is NEAR) and item.sentence_end and not item.off_layout \
            and block.first == block.last

    @staticmethod
    def _box_end(lines: list[_Line], pos: int, boxes: tuple[str, ...]) -> int:
        """Position of the first line after the box that starts at ``pos``, or ``pos`` when
        there is no box line to cross.  A box is its lines (``boxes``: removed as other
        stories or an offer), the pictures' captions among and around them ("READ MORE: …"
        / a caption / "Related articles" and its headlines), and the labels right under a
        box line or another such label: its headlines the lexicons left ("DON'T MISS" and
        three headlines).  Not a label under a caption, where the next teaser card
        begins, nor a comments signpost: the thread follows it."""
        crossed = False
        previous = ""  # what the line above was: "box", "label" or "caption"
        end = pos
        while end < len(lines):
            item = lines[end]
            if item.removed_as in boxes:
                previous, crossed = "box", True
            elif item.removed_as == "caption":
                previous = "caption"
            elif (previous == "box" or previous == "label") and item.removed_as is None \
                    and item.structural and not item.shape_only:
                previous = "label"
            else:
                break
            end += 1
        return end if crossed else pos

    def _text_below_boxes(self, lines: list[_Line], last: int, values: list[float], doc: Document) -> int:
        """Position of the article's last line: past a box right below the region that an
        earlier stage removed as other stories or a sign-up offer ("Related" and two
        headlines in the middle of a story), when a paragraph (``good``, with a sentence
        end, laid out like the article) follows it, or shorter prose standing alone in
        its block that opens text worth a paragraph (``length_high``) before the next
        box, or that is all the text adds there under a box of other stories (the
        story's closing paragraph under its related links) unless the box ends with a date
        (the box's last teaser card, whose summary that is; an offer's blurb follows its
        sign-up heading as closely), the text after the box is the article's, as far as it adds to
        the region (up to the next box or barrier), and so on past the next box.  The box
        costs the region a paragraph per line, more than the story's next paragraphs may
        bring back before its end."""
        boxes = self._box_categories()
        while True:
            pos = start = self._box_end(lines, last + 1, boxes)
            if pos == last + 1 or pos == len(lines):
                return last
            paragraph = self._is_paragraph(lines[pos])
            if not (paragraph or self._stands_alone(lines[pos], doc)):
                return last
            total = best = 0.0
            end = last
            while pos < len(lines) and lines[pos].removed_as not in boxes and not lines[pos].barrier:
                total += values[pos]
                if total > best:
                    best, end = total, pos
                pos += 1
            if end == last or not (paragraph or best >= self.options.length_high
                                   or end == start and self._undated_link(lines[start - 1], doc)):
                return last
            last = end

    @staticmethod
    def _undated_link(item: _Line, doc: Document) -> bool:
        """A link to another story with no moment or count of days in it: not a teaser
        card's header ("vor 2 Monaten von …", "Nov 18"), which its summary follows.  (Its
        words are looked up normalised, as the date words are: "März" is "marz".)"""
        return item.removed_as == "related" and not any(map(str.isdigit, item.text)) \
            and word_class(doc, "date_words").isdisjoint(_WORD.findall(normalized_lines(doc)[item.index]))

    def _standfirst(self, lines: list[_Line], judged: list[int], first: int, doc: Document) -> int | None:
        """Position of the article's standfirst (dek): the nearest prose sentence above
        the region when it sits right under a headline-like line.  Bylines, share rows,
        author boxes and paywall offers often stand between the standfirst and the
        body, however far; the headline right above it is what tells it from the
        summary of another story (which follows a teaser's title the same way, but is
        not the nearest prose above the article).  (Looked for among the lines judged
        alone, ``judged``: no other line is prose of its own.)"""
        pos = next((p for p in reversed(judged[:bisect_left(judged, first)])
                    if (lines[p].kind is GOOD or lines[p].kind is NEAR) and lines[p].sentence_end), -1)
        if pos < 0:
            return None
        above = pos - 1
        while above >= 0 and lines[above].removed_as == "metadata":
            above -= 1  # a dateline between headline and standfirst
        if above < 0:
            return None
        headline = lines[above]
        # a byline or dateline right under the sentence is the dek's own place: under
        # it, a headline of two words will do ("Unstillbares Heimweh"); elsewhere two
        # words are as often a label over a copyright line or a teaser's summary
        bylined = pos + 1 < first and all(lines[p].removed_as == "metadata" for p in range(pos + 1, first))
        if (
            headline.kind is GOOD or headline.kind is NEAR
            or headline.words < (2 if bylined else 3)
            or headline.length >= self.options.length_high
            or doc.lines[headline.index].text.rstrip().endswith(".")
        ):
            return None
        return pos

    def _titles(self, lines: list[_Line], first: int, doc: Document) -> set[int]:
        """Positions of the article title: the longest line of three words or more,
        without a full stop and without digits (bylines and datelines have them),
        among the few lines above the region, and its copies there (a repeated title
        is the ``duplicates`` stage's to report, as a copy of the first): copies as that
        stage tells them, normalised, since a page's heading and its article's title
        differ in case, spacing or quotation marks ("LE DRIAN À LAVROV" over "Le Drian à
        Lavrov", « » over " "), and the longer one is not always the first."""
        candidates: list[int] = []
        for pos in range(max(0, first - self.options.title_distance), first):
            item = lines[pos]
            if (
                doc.lines[item.index].removed
                or item.barrier
                or item.words < 3
                or item.length >= self.options.length_high
                or doc.lines[item.index].text.rstrip().endswith(".")
            ):
                continue
            text = doc.lines[item.index].text
            if any(map(str.isdigit, text)):
                continue
            candidates.append(pos)
        if not candidates:
            return set()
        best = max(reversed(candidates), key=lambda pos: lines[pos].length)
        norms = normalized_lines(doc)
        keys = dict(zip(candidates, copy_keys([norms[lines[pos].index] for pos in candidates])))
        return {pos for pos in candidates if keys[pos] == keys[best]}
