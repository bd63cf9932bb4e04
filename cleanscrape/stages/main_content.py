"""Main-content decision from structure alone: which lines belong to the article.

No phrase lexicon is involved (the lexicon stages run before this one and catch what
words give away); the evidence here is the shape of the text.  The method follows
jusText (Pomikálek 2011) on our line model, with a region step added:

1. **Classify** every line from its own features (:mod:`cleanscrape.features`):
   ``good`` (long, sentence-like, stopword-rich), ``near`` (sentence-like but shorter
   or sparser), ``short`` (too short to judge alone) or ``bad`` (long enough to judge,
   yet no prose: labels, name lists, glued button rows).  Documents in a language
   without a stopword list are judged on punctuation and length only.
2. **Smooth with context**, as jusText does: a short line between good lines is a
   subheading or a short paragraph; between bad lines it is a menu item.  Near-good
   lines next to good text are good.
3. **Find the main region**: each line adds its length if good and subtracts a
   per-line cost if bad; the maximum-sum run of lines (Finn et al.'s body-text
   extraction, on lines instead of tags) is the article.  Good text far outside it
   (comment threads, teasers of other stories, footers) is boilerplate; the title just
   above it is kept.

A document with no ``bad`` line has no boilerplate evidence and is left untouched, so
short prose never loses a sentence.  Each removal reports the score and the signals
that decided it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..document import Document
from ..features import LineFeatures, line_features
from ..stage import Stage, register_stage


_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


class Kind(str, Enum):
    GOOD = "good"
    NEAR = "near-good"
    SHORT = "short"
    BAD = "bad"


@dataclass(slots=True)
class _Line:
    index: int
    features: LineFeatures
    local: Kind
    kind: Kind
    #: length of the menu run the line belongs to (0: none)
    run: int = 0
    #: how often the line's shape recurs in the document (0: not a record separator)
    repeats: int = 0


@register_stage
class MainContentStage(Stage):
    name = "main_content"
    categories = ("boilerplate", "navigation")

    @dataclass(frozen=True)
    class Options:
        #: below this many characters a line is too short to judge alone (jusText: 70)
        length_low: int = 70
        #: a sentence-like line this long with enough stopwords is good (jusText: 200)
        length_high: int = 200
        #: stopword density of prose with our top-150 stopword lists
        stopwords_low: float = 0.25
        stopwords_high: float = 0.30
        #: this many short lines in a row without a sentence end make a menu
        menu_run: int = 3
        #: a short line shape recurring this often separates records of a listing
        record_repeats: int = 3
        #: what a bad line costs the region (in characters of good text)
        bad_line_cost: int = 40
        #: an earlier candidate region this close to the best one is the article
        region_share: float = 0.5
        #: lines between the title and the start of the region
        title_distance: int = 6

    def process(self, doc: Document) -> None:
        features = line_features(doc)
        lines = [
            _Line(line.index, features[line.index], kind, kind)
            for line in doc.kept_nonblank_lines()
            for kind in (self._classify(features[line.index]),)
        ]
        self._mark_menu_runs(lines)
        self._mark_record_separators(lines, doc)
        if not any(item.local is Kind.BAD for item in lines):
            return  # no boilerplate evidence: leave the document as it is
        self._smooth(lines)
        first, last = self._region(lines)
        for pos, item in enumerate(lines):
            inside = first <= pos <= last
            if inside and item.local is not Kind.BAD:
                continue
            reason = self._reason(item, inside)
            self.remove_line(doc, item.index, reason)

    # ------------------------------------------------------------ classification
    def _classify(self, f: LineFeatures) -> Kind:
        opts = self.options
        if f.glued and not f.is_prose_like and f.words <= 8:
            return Kind.BAD
        if f.chars < opts.length_low:
            return Kind.SHORT
        if f.has_stopwords:
            density = f.stopword_density
            if density >= opts.stopwords_high:
                return Kind.GOOD if f.chars >= opts.length_high else Kind.NEAR
            # names, scores and figures thin out the stopwords of real sentences
            floor = opts.stopwords_low / 2 if f.sentence_end else opts.stopwords_low
            return Kind.NEAR if density >= floor else Kind.BAD
        if f.is_prose_like:
            return Kind.GOOD if f.chars >= opts.length_high else Kind.NEAR
        return Kind.BAD

    def _mark_menu_runs(self, lines: list[_Line]) -> None:
        """Runs of short lines without sentence punctuation are menus, link lists or
        button rows: judged bad together, where each alone would only be short."""
        run: list[_Line] = []
        for item in lines + [None]:
            if item is not None and item.local is Kind.SHORT and not item.features.sentence_end:
                run.append(item)
                continue
            if len(run) >= self.options.menu_run:
                for member in run:
                    member.local = member.kind = Kind.BAD
                    member.run = len(run)
            run = []

    def _mark_record_separators(self, lines: list[_Line], doc: Document) -> None:
        """Short lines that recur with the same ending ("joe says:", "May 2, 2019 at 6:44
        am", "Rating: 12 votes") are the headers of a listing: comments, teasers, search
        results.  Each costs the region as much as a paragraph brings, so a listing of
        short records never outweighs the article it follows."""
        shapes: dict[str, list[_Line]] = {}
        for item in lines:
            f = item.features
            if f.chars >= self.options.length_low or f.sentence_end or f.words < 2:
                continue
            last = doc.lines[item.index].text.split()[-1].lower().translate(_DIGITS_TO_ZERO)
            shapes.setdefault(last, []).append(item)
        for group in shapes.values():
            if len(group) >= self.options.record_repeats:
                for item in group:
                    item.local = item.kind = Kind.BAD
                    item.repeats = len(group)

    @staticmethod
    def _neighbour(lines: list[_Line], pos: int, step: int, skip: tuple[Kind, ...]) -> Kind | None:
        pos += step
        while 0 <= pos < len(lines):
            if lines[pos].kind not in skip:
                return lines[pos].kind
            pos += step
        return None

    def _smooth(self, lines: list[_Line]) -> None:
        """jusText's context revision; a document edge counts as no evidence."""
        updates: dict[int, Kind] = {}
        for pos, item in enumerate(lines):
            if item.kind is not Kind.SHORT:
                continue
            prev = self._neighbour(lines, pos, -1, (Kind.SHORT, Kind.NEAR))
            nxt = self._neighbour(lines, pos, 1, (Kind.SHORT, Kind.NEAR))
            sides = {prev, nxt} - {None}
            if sides == {Kind.GOOD}:
                updates[pos] = Kind.GOOD
            elif sides == {Kind.BAD} or not sides:
                updates[pos] = Kind.BAD
            else:
                prev_near = self._neighbour(lines, pos, -1, (Kind.SHORT,)) is Kind.NEAR
                next_near = self._neighbour(lines, pos, 1, (Kind.SHORT,)) is Kind.NEAR
                updates[pos] = Kind.GOOD if (prev is Kind.BAD and prev_near) or (nxt is Kind.BAD and next_near) else Kind.BAD
        for pos, kind in updates.items():
            lines[pos].kind = kind
        updates = {}
        for pos, item in enumerate(lines):
            if item.kind is not Kind.NEAR:
                continue
            prev = self._neighbour(lines, pos, -1, (Kind.SHORT, Kind.NEAR))
            nxt = self._neighbour(lines, pos, 1, (Kind.SHORT, Kind.NEAR))
            updates[pos] = Kind.BAD if {prev, nxt} - {None} == {Kind.BAD} else Kind.GOOD
        for pos, kind in updates.items():
            lines[pos].kind = kind

    def _value(self, item: _Line) -> int:
        """What a line brings to the region: its length if prose, a cost if boilerplate."""
        if item.repeats:
            return -self.options.length_high
        if item.local is Kind.BAD:
            return -self.options.bad_line_cost
        if item.local in (Kind.GOOD, Kind.NEAR):
            return item.features.chars
        return 0

    def _region(self, lines: list[_Line]) -> tuple[int, int]:
        """The main region: the first candidate run of lines whose sum reaches
        ``region_share`` of the best one.

        Candidates are the maximum-sum runs between the points where Kadane's running
        sum drops to zero.  Comment threads and teasers of other stories come after the
        article and can outweigh a short one, hence the earliest comparable candidate.
        """
        candidates: list[tuple[int, int, int]] = []  # (sum, first, last)
        total, first = 0, 0
        for pos, item in enumerate(lines):
            if total <= 0:
                total, first = 0, pos
                candidates.append((0, pos, pos - 1))
            total += self._value(item)
            if total > candidates[-1][0]:
                candidates[-1] = (total, first, pos)
        if not candidates:
            return 0, -1
        best = max(c[0] for c in candidates)
        for total, first, last in candidates:
            if total > 0 and total >= self.options.region_share * best:
                return first, last
        return 0, -1

    @staticmethod
    def _reason(item: _Line, inside: bool) -> str:
        f = item.features
        where = "inside" if inside else "outside"
        return (
            f"{item.kind.value} line {where} the main region (alone: {item.local.value}; "
            f"{f.chars} chars, stopword density {f.stopword_density:.2f}, "
            f"{'sentence end' if f.sentence_end else 'no sentence end'})"
        )
