"""The document model shared by every stage.

A :class:`Document` holds the input text exactly as received and never changes it.
Stages *mark* things on it: whole lines to remove, spans inside kept lines to remove,
and repairs (a span of the input replaced by other text).  The output text is computed
from the input and those marks by one function, :func:`apply_edits` (its edits in order),
which is also what replays a report — so "output = input minus removals plus repairs"
holds by construction.

Lines are split on ``"\\n"``.  In a text that uses ``"\\n"``, U+2028, U+0085 and ``"\\r"`` stay
inside lines: they can be part of mojibake, and a stray ``"\\r"`` (a CRLF line's) is whitespace
for the whitespace stage to report.  A text whose content holds no ``"\\n"`` but ``"\\r"``
(old Mac files), U+2028 or U+2029 separates its lines by those (:func:`read_line_breaks`):
the Cleaner builds its Document with them read as ``"\\n"`` (``line_breaks``).  That is one
character for one, so every offset holds: the stages see ``text``, ordinary ``"\\n"``-joined
lines, and the output and the report's texts are of ``input``, the text as received, its own
line breaks kept.  Blocks are runs of non-blank lines separated by blank lines (or, in a
text read so, by U+2029, a paragraph separator, which is one character where a blank line is
two).  Both are computed once here; no stage splits the text its own way.
"""

from __future__ import annotations

import bisect
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, NamedTuple

from .pickling import pickled_by_position

if TYPE_CHECKING:
    from .repair.source_memory import SourceWords

__all__ = ["Line", "Block", "Removal", "Repair", "SpanRepair", "Document", "apply_edits", "line_starts",
           "EditConflict", "LAYOUT_WHITESPACE", "OTHER_LINE_BREAKS", "read_line_breaks"]

#: what a line's edges may hold as layout, which the output trims (the whitespace stage) and
#: every line measure leaves out.  str.strip() without arguments also strips \x1c-\x1f and
#: U+0085/U+2028, which can be bytes of mojibake rather than layout.
LAYOUT_WHITESPACE = " \t\r\f\v\u00a0\u3000\u200b\ufeff"


#: what a text whose content holds no ``"\\n"`` may separate its lines by (U+0085 is not among them: it is
#: the second byte of "Å" read as Latin-1, "Ã\\x85", far more often than a line break)
OTHER_LINE_BREAKS = "\r\u2028\u2029"


def read_line_breaks(text: str) -> str:
    """The characters of :data:`OTHER_LINE_BREAKS` that ``text`` separates its lines by: those
    it holds when no ``"\\n"`` stands between two of its characters of content ("" else, and
    for most texts: they use ``"\\n"``).  Blank lines around the content do not count: a
    text cleaned down to one line of such lines loses them, and a second cleaning must read
    it as the first did."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return ""  # (most texts: no generator run for them, ~0.5 us of a paragraph's ~120)
    if "\n" in text and "\n" in text.strip(LAYOUT_WHITESPACE + "\n"):
        return ""
    return "".join(c for c in OTHER_LINE_BREAKS if c in text)


class EditConflict(ValueError):
    """A stage tried to mark a span that overlaps an existing removal or repair."""


class _RepairOfRemoved(EditConflict):
    """A repair overlapping a span an earlier stage removed (:meth:`Document.repair_spans`
    passes over it)."""


@dataclass(slots=True)
class Line:
    """One line of the input: ``start``/``end`` are offsets of its content in the input
    (the terminating ``"\\n"`` or other line break, if any, is at ``end``).  :class:`Document` sets each field
    of the lines it makes itself, without calling the class: a new field is set there too."""

    index: int
    start: int
    end: int
    #: the line's current text: the input slice with any repairs applied
    text: str
    #: ``text`` is empty or whitespace only (an attribute, not a property: stages ask it of
    #: every line, often several times; :meth:`Document.repair` keeps it in step with ``text``)
    is_blank: bool
    block: int = -1
    removed: bool = False


@dataclass(slots=True)
class Block:
    """A run of consecutive non-blank lines: ``first``..``last`` line indices, inclusive.
    :class:`Document` sets each field of the blocks it makes itself, without calling the
    class: a new field is set there too."""

    index: int
    first: int
    last: int

    @property
    def line_indices(self) -> range:
        return range(self.first, self.last + 1)


class _ReportEntry:
    """The report record of a removal or repair: its fields in order, the line 1-based,
    optional fields left out while unset, scores rounded."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        # a class is hashable: mypy checks type[_ReportEntry] against Hashable by its instances'
        # __hash__ (an unbound method, which it reads as taking an argument)
        for name, default in _report_fields(type(self)):  # type: ignore[arg-type]
            value = getattr(self, name)
            if name == "line":
                value += 1
            elif default is not MISSING and value == default:
                continue
            elif isinstance(value, float):
                value = round(value, 4)
            d[name] = value
        return d


@lru_cache(maxsize=None)
def _report_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """A report entry class's fields as (name, default), looked up once per class: a report
    holds tens of thousands of entries per MB of input."""
    return tuple((f.name, f.default) for f in fields(cls))


class _Sliced(_ReportEntry):
    """A report entry that may hold, instead of its ``text``, the document's input
    to slice it from (see :class:`_SlicedText`)."""

    __slots__ = ("_input",)
    #: the document's input, of which ``text`` is the slice ``start:end``; None once
    #: ``text`` is set (the class called, or set later)
    _input: str | None


@dataclass(slots=True)
class Removal(_Sliced):
    """A removed span of the input, with who removed it and why.  :meth:`Document.remove_line`
    sets each field of the removals it makes itself, without calling the class, and leaves
    ``text`` to be sliced when read (:class:`_SlicedText`): a new field is set there too."""

    stage: str
    category: str
    start: int
    end: int
    text: str
    reason: str
    #: index (from 0) of the removed line, or of the line a partial removal sits in; the
    #: report record's ``line`` (:meth:`to_dict`) counts from 1
    line: int
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        # :meth:`_ReportEntry.to_dict` written out for this class's fields: a report holds
        # ~140 removals a page, and the loop over the fields took two thirds of encoding it
        # (a test holds the two to the same output)
        # (the text sliced here as its descriptor slices it, without a call of the descriptor)
        source = self._input
        d: dict[str, Any] = {"stage": self.stage, "category": self.category, "start": self.start,
                             "end": self.end, "text": self.text if source is None else source[self.start:self.end],
                             "reason": self.reason, "line": self.line + 1}
        if self.score is not None:
            d["score"] = round(self.score, 4)
        return d

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A removal of Document.remove_line or remove_span is pickled with the input it is a
        # slice of, not its text: pickle writes a string once and refers to it after (its
        # memo), so the removals of a document carry its input once, and their texts are
        # sliced, in the process they reach, only if read (slicing each to pickle it took 40 %
        # of pickling a pass of results, which the workers of Cleaner.clean_many send: 29 ->
        # 17.5 ms).  A Result packs its removals further (packed_removals).
        if self._input is not None:
            return _sliced_removal, (self.stage, self.category, self.start, self.end, self._input, self.reason,
                                     self.line, self.score)
        return Removal, (self.stage, self.category, self.start, self.end, self.text, self.reason, self.line,
                         self.score)


def _sliced_removal(stage: str, category: str, start: int, end: int, source: str, reason: str, line: int,
                    score: float | None) -> Removal:
    """A removal whose text is the slice ``start:end`` of ``source``, sliced when read:
    one of :meth:`Document.remove_span`, or a pickled one (:meth:`Document.remove_line`
    makes its own the same way, inlined)."""
    removal = _new(Removal)
    removal.stage = stage
    removal.category = category
    removal.start = start
    removal.end = end
    removal._input = source  # type: ignore[misc]  # (a slot of _Sliced, as in remove_line)
    removal.reason = reason
    removal.line = line
    removal.score = score
    return removal


#: the fields of a removal, but its text, as :func:`packed_removals` lists them
_PACKED_FIELDS = ("stage", "category", "start", "end", "reason", "line", "score")
_input_of = attrgetter("_input")


def packed_removals(removals: list[Removal]) -> list[Removal] | tuple[Any, ...]:
    """The removals of one document as its input once and a list of each of their other
    fields, when :meth:`Document.remove_line` or ``remove_span`` made them all; else as they are (so too any
    other sequence than a list, which would come back a list).  What a pickle of a Result
    holds: pickle writes a list of numbers or of strings it has seen in C, where a removal
    of its own costs a call of its ``__reduce__`` (a pass of results from the workers of
    :meth:`Cleaner.clean_many`, pickled, 17.5 -> 8.9 ms)."""
    if type(removals) is not list:
        return removals
    sources = set(map(_input_of, removals))
    if len(sources) != 1 or None in sources:
        return removals
    return (sources.pop(), *(list(map(attrgetter(name), removals)) for name in _PACKED_FIELDS))


def unpacked_removals(packed: tuple[Any, ...]) -> list[Removal]:
    """The removals :func:`packed_removals` packed."""
    source, stages, categories, starts, ends, reasons, lines, scores = packed
    return list(map(_sliced_removal, stages, categories, starts, ends, repeat(source), reasons, lines, scores))


class _SlicedText:
    """:attr:`Removal.text`: sliced from the input (``_input``) at ``start:end`` when read,
    while the removal holds its input; else its slot, set by the class or later.
    :meth:`Document.remove_line` and :meth:`~Document.remove_span` only keep a reference to
    the input: a run without a report never reads a removed line's text, and slicing it (a
    scan of its characters for the widest) took ~110 of the ~290 ns a removal cost.  A
    descriptor of this one attribute, not a ``__getattr__``, which would take every
    attribute read of every removal off CPython's fast path; sliced at each read, not kept
    in the slot, which would make the first read of each raise and catch inside (0.5 us)."""

    def __init__(self, slot: Any) -> None:
        self._slot = slot  # the slot's own descriptor, made by dataclass

    def __get__(self, removal: Removal | None, owner: type | None = None) -> Any:
        if removal is None:
            return self
        source = removal._input
        if source is not None:
            return source[removal.start:removal.end]
        return self._slot.__get__(removal, owner)

    def __set__(self, removal: Removal, text: str) -> None:
        # (the class's __init__ sets it so too): the text is no longer a slice of the input
        self._slot.__set__(removal, text)
        removal._input = None  # type: ignore[misc]


setattr(Removal, "text", _SlicedText(Removal.__dict__["text"]))


@pickled_by_position
@dataclass(slots=True)
class Repair(_ReportEntry):
    """A span of the input (``before``) replaced by ``after``."""

    stage: str
    category: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    #: index (from 0) of the repaired line; the report record's ``line`` counts from 1
    line: int
    evidence: str = ""
    runner_up: str | None = None
    confidence: float | None = None


#: an instance of a class without its __init__ (its fields set by the caller, see
#: Document.__init__)
_new = object.__new__

#: sort keys of edits, at C level (a document has ~100 removals)
_START = attrgetter("start")
_SPAN = itemgetter(0, 1)


#: an edit as :func:`apply_edits` takes it: a tuple, a Removal or Repair, or a report record's
Edit = Any


def apply_edits(text: str, removals: Iterable[Edit], repairs: Iterable[Edit]) -> str:
    """Rebuild an output from an input and its edits (offsets into ``text``).

    A removal is a ``(start, end)`` span, a :class:`Removal` or a removal of a report
    record (a mapping with ``start`` and ``end``); a repair is ``(start, end, after)``, a
    :class:`Repair` or a repair of a report record.  So ``apply_edits(text, result.removed,
    result.repairs)`` replays a Result, and ``apply_edits(text, record["removed"],
    record["repairs"])`` its report record (docs/report-schema.md).  Edits must not
    overlap.  This is the single definition of what a report means: report replay and
    :meth:`Document.output` call it (the latter through :func:`_apply_spans`, its edits as
    spans already, or when the edits are removals alone, only its second half,
    :func:`_remove_sorted`: they come in order).
    """
    return _apply_spans(text, map(_removal_span, removals), map(_repair_span, repairs))


def _removal_span(edit: Edit) -> tuple[int, int]:
    if isinstance(edit, Mapping):
        return edit["start"], edit["end"]
    if isinstance(edit, Removal):
        return edit.start, edit.end
    start, end = edit
    return start, end


def _repair_span(edit: Edit) -> tuple[int, int, str]:
    if isinstance(edit, Mapping):
        return edit["start"], edit["end"], edit["after"]
    if isinstance(edit, Repair):
        return edit.start, edit.end, edit.after
    start, end, after = edit
    return start, end, after


def _apply_spans(text: str, removals: Iterable[tuple[int, int]], repairs: Iterable[tuple[int, int, str]]) -> str:
    """:func:`apply_edits` of edits given as ``(start, end)`` and ``(start, end, after)``."""
    return _apply_sorted(text, sorted([(s, e, "") for s, e in removals] + [(s, e, a) for s, e, a in repairs],
                                      key=_SPAN))


def _apply_sorted(text: str, edits: list[tuple[int, int, str]]) -> str:
    """:func:`apply_edits` of ``edits`` already in its order, as ``(start, end, after)``."""
    out: list[str] = []
    pos = 0
    for start, end, after in edits:
        if start < pos:
            raise EditConflict(f"overlapping edits at offset {start}")
        out.append(text[pos:start])
        out.append(after)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _remove_sorted(text: str, removals: list[Removal]) -> str:
    """:func:`_apply_sorted` of removals alone, read from the removals themselves: no tuple
    made and no empty replacement joined for each (a document has ~100 removals), and no
    empty piece kept between two that touch: on the benchmark's pages and the dump's texts,
    97 in 100 start where the one before ends (removed lines come in runs, and the blank
    lines between the runs go too)."""
    out: list[str] = []
    pos = 0
    for removal in removals:
        start = removal.start
        if start != pos:
            if start < pos:
                raise EditConflict(f"overlapping edits at offset {start}")
            out.append(text[pos:start])
        pos = removal.end
    out.append(text[pos:])
    return "".join(out)


def line_starts(lines: list[str], first: int = 0) -> list[int]:
    """Where each of ``lines`` starts in their ``"\\n"``-joined text placed at offset
    ``first`` (C-level: stages map whole-document regex matches to lines with it)."""
    if len(lines) < 2:  # most short documents: no lengths to add up
        return [first] if lines else []
    return list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=first))


class SpanRepair(NamedTuple):
    """One repair of :meth:`Document.repair_spans`: ``line.text[start:end]`` becomes ``after``."""

    start: int
    end: int
    after: str
    reason: str
    evidence: str = ""
    runner_up: str | None = None
    confidence: float | None = None


def _apart(spans: list[SpanRepair], length: int) -> bool:
    """Are ``spans`` within ``length``, in order, and apart: none overlapping the next, and an
    insertion touching no other span (where :meth:`Document.repair` merges two insertions, and
    places one beside a span it repaired before by that span's new text)?"""
    return all(0 <= span.start <= span.end <= length for span in spans) and all(
        span.end < following.start
        or (span.end == following.start and span.start < span.end and following.start < following.end)
        for span, following in zip(spans, spans[1:]))


def _edit_order(edit: Repair) -> tuple[int, int]:
    return edit.start, edit.end


@dataclass(init=False)
class Document:
    """Input text plus everything the stages decided about it: ``input`` is the text as
    received, ``text`` the same read as lines (the same string, but for a text whose
    ``line_breaks`` are read as ``"\\n"``: see the module's docstring).

    Its ``__init__`` is written out, not made by dataclass (which calls a factory for each
    of the four dicts and ``__post_init__`` as a method, ~0.3 us more a document: a
    paragraph's cleaning is ~120 us); the fields' defaults are its own."""

    #: the input as lines, what stages read: ``input`` with ``line_breaks`` read as ``"\\n"``
    text: str
    id: str | None
    lang: str | None
    #: how ``lang`` was decided (``"stopwords"``, ``"langdetect"``, ``"given"``, ``None``)
    lang_method: str | None
    metadata: dict[str, Any]
    lines: list[Line] = field(init=False)
    blocks: list[Block] = field(init=False)
    _line_removals: dict[int, Removal] = field(init=False)
    #: partial removals by line (a span never leaves its line, so overlaps are looked for
    #: on one line only)
    _span_removals: dict[int, list[Removal]] = field(init=False)
    #: repairs per line, kept sorted by start offset
    _repairs: dict[int, list[Repair]] = field(init=False)
    #: per-document scratch space shared between stages (e.g. lexicon hits), never reported;
    #: derived from the lines' text, so a repair empties it
    cache: dict[str, Any] = field(init=False)
    #: what earlier documents of the same source wrote intact, for the repair stages
    #: (:mod:`cleanscrape.repair.source_memory`); None: cleaned without memory
    source_words: SourceWords | None = field(repr=False)
    #: the characters of the input read as line breaks other than ``"\\n"``
    #: (:func:`read_line_breaks`); "" for most
    line_breaks: str = ""
    #: the text as received: what removals, repairs and the output are slices of
    input: str = field(init=False, repr=False)

    def __init__(self, text: str, id: str | None = None, lang: str | None = None, lang_method: str | None = None,
                 metadata: dict[str, Any] | None = None, source_words: SourceWords | None = None,
                 line_breaks: str = "") -> None:
        self.input = text
        self.line_breaks = line_breaks
        # one character for one: every offset into ``text`` is one into ``input``
        self.text = text.translate({ord(c): "\n" for c in line_breaks}) if line_breaks else text
        self.id = id
        self.lang = lang
        self.lang_method = lang_method
        self.metadata = {} if metadata is None else metadata
        self._line_removals = {}
        self._span_removals = {}
        self._repairs = {}
        self.cache = {}
        self.source_words = source_words
        # one pass builds lines and blocks: this runs for every document, ~180 lines each.
        # Each Line is made by object.__new__ and its fields set here, not by calling the
        # class: Python 3.11 calls a class's __init__ through a tuple of the arguments and a
        # frame of its own, ~50 ns a line more (~90,000 lines a benchmark pass)
        blocks: list[Block]
        self.lines = lines = []
        self.blocks = blocks = []
        current: Block | None = None
        block = -1
        pos = 0
        # a U+2029 (PARAGRAPH SEPARATOR) read as "\n" ends its block as a blank line does:
        # it parts paragraphs, which U+2028 (LINE SEPARATOR) does not; read as a line break
        # alone, the paragraphs of a text so written (word processors' exports) were one block
        paragraphs = "\u2029" in line_breaks
        for i, piece in enumerate(self.text.split("\n")):
            line = _new(Line)
            line.index = i
            line.start = pos
            line.end = pos = pos + len(piece)
            line.text = piece
            line.removed = False
            # not blank: what str.strip() would leave something of, asked without the copy
            if piece and not piece.isspace():
                if current is None:
                    block = len(blocks)
                    current = _new(Block)  # (made as the lines are)
                    current.index = block
                    current.first = current.last = i
                    blocks.append(current)
                else:
                    current.last = i
                line.is_blank = False
                line.block = block
            else:
                current = None
                line.is_blank = True
                line.block = -1
            if paragraphs and text[pos:pos + 1] == "\u2029":
                current = None
            lines.append(line)
            pos += 1

    # ------------------------------------------------------------------ queries
    def kept_lines(self) -> Iterator[Line]:
        """Lines not removed so far, in order."""
        return (line for line in self.lines if not line.removed)

    def kept_nonblank_lines(self) -> Iterator[Line]:
        """Lines not removed so far and not blank, in order."""
        return (line for line in self.lines if not line.removed and not line.is_blank)

    def current_text(self) -> str:
        """The lines' current text (repairs applied) joined by ``"\\n"``: the input itself
        until something is repaired."""
        if not self._repairs:
            return self.text
        return "\n".join([line.text for line in self.lines])

    def removed_line_indices(self) -> Iterable[int]:
        """Indices of the lines removed so far, in the order they were removed."""
        return self._line_removals.keys()

    def removal_of(self, line_index: int) -> Removal | None:
        return self._line_removals.get(line_index)

    @property
    def removals(self) -> list[Removal]:
        """Every removal, in input order."""
        items = list(self._line_removals.values()) + [
            r for index, spans in self._span_removals.items() if not self.lines[index].removed for r in spans
        ]
        return sorted(items, key=_START)

    @property
    def has_removals(self) -> bool:
        """Is anything removed so far?  :attr:`removals` without gathering and sorting them."""
        return bool(self._line_removals) or any(self._span_removals.values())

    @property
    def repairs(self) -> list[Repair]:
        """Every repair on a kept line, in input order (repairs on removed lines are moot)."""
        items = [r for idx, reps in self._repairs.items() if not self.lines[idx].removed for r in reps]
        return sorted(items, key=_START)

    # ------------------------------------------------------------------ marking
    def _line_span(self, index: int) -> tuple[int, int]:
        """The input span a whole-line removal takes: the content and its newline."""
        line = self.lines[index]
        if index + 1 < len(self.lines):
            return line.start, line.end + 1
        return line.start, line.end

    def remove_line(self, index: int, stage: str, category: str, reason: str, score: float | None = None) -> bool:
        """Mark line ``index`` removed.  Returns False (and changes nothing) if it already is.
        (No keyword-only parameters: Python 3.11 specialises no call of a function that has
        them, and :meth:`Stage.remove_line` passes its arguments by position; stages remove
        ~74,000 lines a pass of the benchmark pages.)"""
        line = self.lines[index]
        if line.removed:
            return False
        # the span of _line_span, inlined: stages remove tens of thousands of lines per MB
        start = line.start
        end = line.end + 1 if index + 1 < len(self.lines) else line.end
        line.removed = True
        # made without calling the class, as the lines are (__init__)
        removal = _new(Removal)
        removal.stage = stage
        removal.category = category
        removal.start = start
        removal.end = end
        # its text sliced from the input when read (_SlicedText); (_input is a slot of
        # _Sliced: mypy looks only at the slots dataclass made)
        removal._input = self.input  # type: ignore[misc]
        removal.reason = reason
        removal.line = index
        removal.score = score
        self._line_removals[index] = removal
        return True

    def remove_span(
        self, start: int, end: int, *, stage: str, category: str, reason: str, score: float | None = None
    ) -> bool:
        """Mark a span inside one kept line (its newline included) removed.

        Returns False if the line is already removed.  Raises :class:`EditConflict` if the
        span crosses a line boundary or overlaps another removal or repair.
        """
        if not 0 <= start < end <= len(self.text):
            raise EditConflict(f"span {start}:{end} outside the text")
        index = self.line_at(start)
        line = self.lines[index]
        line_end = self._line_span(index)[1]
        if end > line_end:
            raise EditConflict(f"span {start}:{end} crosses the end of line {index + 1}")
        if line.removed:
            return False
        spans = self._span_removals.setdefault(index, [])
        for other in spans:
            if other.start < end and start < other.end:
                raise EditConflict(f"span {start}:{end} overlaps a removal at {other.start}:{other.end}")
        for rep in self._repairs.get(index, ()):
            if rep.start < end and start < rep.end:
                raise EditConflict(f"span {start}:{end} overlaps a repair at {rep.start}:{rep.end}")
        spans.append(_sliced_removal(stage, category, start, end, self.input, reason, index, score))
        return True

    def is_removed(self, offset: int) -> bool:
        """Is the input character at ``offset`` removed (by a line or a span removal)?"""
        index = self.line_at(offset)
        if self.lines[index].removed:
            return True
        return any(r.start <= offset < r.end for r in self._span_removals.get(index, ()))

    def is_repaired(self, start: int, end: int) -> bool:
        """Does a repair overlap the input span ``start:end`` (of one line)?"""
        return any(r.start < end and start < r.end for r in self._repairs.get(self.line_at(start), ()))

    def line_at(self, offset: int) -> int:
        """Index of the line containing input offset ``offset`` (a newline belongs to its line)."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def repair(
        self,
        index: int,
        local_start: int,
        local_end: int,
        after: str,
        *,
        stage: str,
        category: str,
        reason: str,
        evidence: str = "",
        runner_up: str | None = None,
        confidence: float | None = None,
    ) -> Repair:
        """Replace ``line.text[local_start:local_end]`` by ``after``.

        Offsets are in the line's *current* text (which may already carry repairs); they are
        mapped back to input offsets here.  A repair overlapping an earlier one on the same
        line (or inserting at the very point an earlier insertion did) is merged with it, so
        the report never holds overlapping or unordered edits; the merged repair carries the
        latest stage and reason.
        """
        line = self.lines[index]
        if not 0 <= local_start <= local_end <= len(line.text):
            raise EditConflict(f"repair {local_start}:{local_end} outside line {index + 1}")
        existing = self._repairs.setdefault(index, [])
        # Walk the repairs in input order, tracking how far current offsets have drifted from
        # input offsets, to find the ones the new span touches: those it overlaps, and an
        # insertion at the same point as a new insertion (two insertions at one input offset
        # would have no defined order in apply_edits).  Those are merged into the new repair.
        shift = 0  # current offset minus input offset, before the merged span
        drift = 0  # the same, accumulated over the merged repairs
        lo, hi = local_start, local_end  # the merged span, in current offsets
        merged: list[Repair] = []
        walk: Iterable[Repair] = existing
        line_drift = len(line.text) - (line.end - line.start)
        if existing and local_start > existing[-1].end - line.start + line_drift:
            # after every repair of the line (stages often repair left to right): no walk
            walk, shift = (), line_drift
        for rep in walk:
            cur_start = rep.start - line.start + shift + drift
            cur_end = cur_start + len(rep.after)
            overlaps = cur_start < local_end and local_start < cur_end
            same_point = (rep.start == rep.end and local_start == local_end
                          and local_start in (cur_start, cur_end))
            if overlaps or same_point:
                merged.append(rep)
                lo, hi = min(lo, cur_start), max(hi, cur_end)
                drift += len(rep.after) - (rep.end - rep.start)
            elif cur_end <= local_start:
                shift += len(rep.after) - (rep.end - rep.start)
            else:
                break
        in_start = line.start + lo - shift
        in_end = line.start + hi - shift - drift
        for other in self._span_removals.get(index, ()):
            if other.start < in_end and in_start < other.end:
                raise _RepairOfRemoved(f"repair at {in_start}:{in_end} overlaps a removal")
        rep = Repair(stage, category, in_start, in_end, self.input[in_start:in_end],
                     line.text[lo:local_start] + after + line.text[local_end:hi],
                     reason, index, evidence, runner_up, confidence)
        for r in merged:
            existing.remove(r)
        # insort, not append + sort: a stage may make thousands of repairs on one long line
        bisect.insort(existing, rep, key=_edit_order)
        line.text = line.text[:local_start] + after + line.text[local_end:]
        line.is_blank = not line.text.strip()
        self.cache.clear()  # everything cached is derived from the lines' text
        return rep

    def repair_spans(self, index: int, spans: Iterable[SpanRepair], *, stage: str, category: str) -> list[Repair]:
        """Several repairs of line ``index``, as :meth:`repair` of each, from the last, would
        make them: the spans' offsets are in the line's current text, in order and apart.

        A span overlapping a span an earlier stage removed is not repaired (the other spans
        are).  A line none of whose text was repaired or removed yet is rebuilt once, not once
        a span: a long line of mojibake or of lost letters holds thousands of changed words
        (one line of 320,000 characters: 1.3 s of copying).  Any other line takes them one by
        one."""
        spans = list(spans)
        line = self.lines[index]
        if self._repairs.get(index) or self._span_removals.get(index) or not _apart(spans, len(line.text)):
            made = []
            for span in reversed(spans):
                try:
                    made.append(self.repair(index, span.start, span.end, span.after, stage=stage, category=category,
                                            reason=span.reason, evidence=span.evidence, runner_up=span.runner_up,
                                            confidence=span.confidence))
                except _RepairOfRemoved:
                    # an earlier stage removed part of it (a pipeline running whitespace
                    # before mojibake: "Ã\u00a0" at a line's end lost its trailing no-break
                    # space, then its repair to "à" failed the document): the removal stands
                    continue
            return made[::-1]
        if not spans:
            return []
        # current offsets are input offsets: nothing on the line was repaired yet
        made = [Repair(stage, category, line.start + span.start, line.start + span.end,
                       self.input[line.start + span.start:line.start + span.end], span.after, span.reason, index,
                       span.evidence, span.runner_up, span.confidence)
                for span in spans]
        self._repairs[index] = list(made)
        line.text = _apply_spans(line.text, (), [(span.start, span.end, span.after) for span in spans])
        line.is_blank = not line.text.strip()
        self.cache.clear()  # everything cached is derived from the lines' text
        return made

    # ------------------------------------------------------------------ output
    def output_text(self) -> str:
        """The cleaned text: the input minus removals plus repairs."""
        return self.output()[0]

    def output(self) -> tuple[str, list[Removal], list[Repair]]:
        """The cleaned text with the removals and repairs it is made of (each list gathered
        and sorted once: a caller wanting all three should not pay for them twice)."""
        if not (self._line_removals or self._span_removals or self._repairs):
            return self.input, [], []  # most short documents: nothing to gather, sort or apply
        removals, repairs = self.removals, self.repairs
        if repairs:
            text = _apply_spans(self.input, [(r.start, r.end) for r in removals],
                               [(r.start, r.end, r.after) for r in repairs])
        else:
            # the removals alone, the edits of most documents, come in apply_edits's order
            # already (sorted by their starts, no two alike): no second sort
            text = _remove_sorted(self.input, removals)
        return text, removals, repairs
