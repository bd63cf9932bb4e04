"""The document model: apply_edits, and every way stages mark a Document.

The central check is a model-based property test: random sequences of ``remove_line``,
``remove_span`` and ``repair`` calls are mirrored on a simple model (each line as a list
of characters tagged with their input offset, or ``None`` for inserted text), and after
every call the Document must agree with the model and keep the report invariants:
no overlapping edits, ``before``/``text`` equal to input slices, output = replay of the
report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanscrape.document import Document, EditConflict, SpanRepair, apply_edits

#: multiply example counts for a long local run: HYPOTHESIS_SCALE=50 pytest tests/test_document.py
SCALE = int(os.environ.get("HYPOTHESIS_SCALE", "1"))

# Small alphabets make collisions (adjacent, nested, zero-width edits) frequent.
LINE_CHARS = st.sampled_from(list("ab é\r\t?\ufffd\u2028"))
TEXTS = st.lists(st.text(LINE_CHARS, max_size=8), min_size=1, max_size=5).map("\n".join)
AFTER = st.text(st.sampled_from(list("xyZ é\u00e9")), max_size=4)


# ---------------------------------------------------------------------- apply_edits
@st.composite
def text_with_edits(draw):
    """A text and non-overlapping removals/repairs on it (zero-width repairs included)."""
    text = draw(st.text(max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10)))
    removals, repairs = [], []
    pos = 0
    for cut in cuts:
        if cut < pos:
            continue
        end = draw(st.integers(cut, len(text)))
        if draw(st.booleans()) and end > cut:
            removals.append((cut, end))
        else:
            repairs.append((cut, end, draw(st.text(max_size=3))))
        pos = end  # a zero-width repair may share its offset with the next edit
    return text, removals, repairs


def naive_apply(text, removals, repairs):
    """Character-by-character reference for apply_edits."""
    out = []
    removed = {i for s, e in removals for i in range(s, e)}
    inserts: dict[int, list[str]] = {}
    replaced = set()
    for s, e, after in repairs:
        inserts.setdefault(s, []).append(after)
        replaced.update(range(s, e))
    for i in range(len(text) + 1):
        out.extend(inserts.get(i, ()))
        if i < len(text) and i not in removed and i not in replaced:
            out.append(text[i])
    return "".join(out)


@settings(max_examples=200 * SCALE)
@given(text_with_edits())
def test_apply_edits_matches_a_character_level_reference(case):
    text, removals, repairs = case
    assert apply_edits(text, removals, repairs) == naive_apply(text, removals, repairs)


@given(st.text(max_size=20))
def test_apply_edits_without_edits_is_identity(text):
    assert apply_edits(text, [], []) == text


def test_apply_edits_rejects_overlap():
    with pytest.raises(EditConflict):
        apply_edits("abcdef", [(0, 3)], [(2, 4, "x")])


# ---------------------------------------------------------------------- construction
@given(st.text(max_size=40))
def test_lines_tile_the_input(text):
    doc = Document(text)
    assert "\n".join(line.text for line in doc.lines) == text
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text
        assert doc.line_at(line.start) == line.index
        if line.index + 1 < len(doc.lines):
            assert doc.line_at(line.end) == line.index  # the newline belongs to its line
    for block in doc.blocks:
        assert all(not doc.lines[i].is_blank for i in block.line_indices)
        assert all(doc.lines[i].block == block.index for i in block.line_indices)
    assert doc.output_text() == text


# ---------------------------------------------------------------------- model-based marking
@dataclass
class LineModel:
    """A line as characters tagged with their input offset (None: inserted by a repair)."""

    chars: list[tuple[int | None, str]]
    newline: int | None  # input offset of the terminating newline, if any
    removed: bool = False

    @property
    def text(self) -> str:
        return "".join(c for _, c in self.chars)


def build_model(doc: Document) -> list[LineModel]:
    return [
        LineModel(
            [(line.start + i, c) for i, c in enumerate(line.text)],
            line.end if line.index + 1 < len(doc.lines) else None,
        )
        for line in doc.lines
    ]


def model_output(model: list[LineModel], removed_offsets: set[int]) -> str:
    out = []
    for line in model:
        if line.removed:
            continue
        out.extend(c for off, c in line.chars if off is None or off not in removed_offsets)
        if line.newline is not None and line.newline not in removed_offsets:
            out.append("\n")
    return "".join(out)


def snapshot(doc: Document):
    return (
        [(line.text, line.removed) for line in doc.lines],
        [r.to_dict() for r in doc.removals],
        [r.to_dict() for r in doc.repairs],
        {i: [r.to_dict() for r in reps] for i, reps in doc._repairs.items() if reps},
    )


def check_invariants(doc: Document, model: list[LineModel], removed_offsets: set[int]) -> None:
    for line, m in zip(doc.lines, model):
        assert line.text == m.text
        assert line.removed == m.removed
    edits = [(r.start, r.end) for r in doc.removals] + [(r.start, r.end) for r in doc.repairs]
    edits.sort()
    for (s1, e1), (s2, e2) in zip(edits, edits[1:]):
        assert e1 <= s2 or (s1 == e1 == s2), f"overlapping edits {s1}:{e1} and {s2}:{e2}"
    for r in doc.removals:
        assert r.text == doc.text[r.start:r.end]
    for line_index, reps in doc._repairs.items():
        line = doc.lines[line_index]
        for r in reps:
            assert r.before == doc.text[r.start:r.end]
            assert line.start <= r.start <= r.end <= line.end
    output = doc.output_text()
    assert output == model_output(model, removed_offsets)
    replay = apply_edits(
        doc.text,
        [(r["start"], r["end"]) for r in (x.to_dict() for x in doc.removals)],
        [(r["start"], r["end"], r["after"]) for r in (x.to_dict() for x in doc.repairs)],
    )
    assert replay == output


def near_a_removal(m: LineModel, lo: int, hi: int, removed_offsets: set[int]) -> bool:
    """Whether current-text positions lo..hi touch a removed input character (a conflict
    is legitimate only then)."""
    window = m.chars[max(lo - 1, 0):hi + 1]
    offsets = [off for off, _ in window if off is not None]
    if hi >= len(m.chars) and m.newline is not None:
        offsets.append(m.newline)
    return any(off in removed_offsets for off in offsets)


@settings(max_examples=400 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.data())
def test_marking_agrees_with_a_character_model(text, data):
    doc = Document(text)
    model = build_model(doc)
    removed_offsets: set[int] = set()
    check_invariants(doc, model, removed_offsets)
    for _ in range(data.draw(st.integers(1, 12), label="steps")):
        index = data.draw(st.integers(0, len(doc.lines) - 1), label="line")
        m = model[index]
        kind = data.draw(st.sampled_from(["repair", "repair", "repair", "span", "line"]), label="op")
        before = snapshot(doc)
        if kind == "line":
            changed = doc.remove_line(index, stage="t", category="c", reason="r")
            assert changed == (not m.removed)
            m.removed = True
        elif kind == "span":
            line = doc.lines[index]
            line_end = line.end + (1 if m.newline is not None else 0)
            if line_end == line.start:
                continue
            start = data.draw(st.integers(line.start, line_end - 1), label="span start")
            end = data.draw(st.integers(start + 1, line_end), label="span end")
            try:
                changed = doc.remove_span(start, end, stage="t", category="c", reason="r")
            except EditConflict:
                assert snapshot(doc) == before
                assert removed_offsets & set(range(start, end)) or any(
                    r.start < end and start < r.end or start < r.start == r.end < end
                    for r in doc._repairs.get(index, ())
                ), "spurious conflict"
                continue
            assert changed == (not m.removed)
            if changed:
                removed_offsets.update(range(start, end))
        else:
            lo = data.draw(st.integers(0, len(m.chars)), label="local start")
            hi = data.draw(st.integers(lo, len(m.chars)), label="local end")
            after = data.draw(AFTER, label="after")
            try:
                doc.repair(index, lo, hi, after, stage="t", category="c", reason="r")
            except EditConflict:
                assert snapshot(doc) == before
                assert near_a_removal(m, lo, hi, removed_offsets), "spurious conflict"
                continue
            m.chars[lo:hi] = [(None, c) for c in after]
        check_invariants(doc, model, removed_offsets)


# ---------------------------------------------------------------------- regressions
def test_repair_offsets_are_in_the_current_text():
    doc = Document("abc def")
    doc.repair(0, 0, 3, "xyzw", stage="t", category="c", reason="r")
    doc.repair(0, 5, 8, "DEF", stage="t", category="c", reason="r")
    assert doc.lines[0].text == "xyzw DEF"
    assert [(r.before, r.after) for r in doc.repairs] == [("abc", "xyzw"), ("def", "DEF")]
    assert doc.output_text() == "xyzw DEF"


def test_overlapping_repairs_merge_into_one():
    doc = Document("abcdef")
    doc.repair(0, 1, 3, "XY", stage="t", category="c", reason="r")
    doc.repair(0, 2, 5, "Q", stage="t", category="c", reason="r")
    assert doc.lines[0].text == "aXQf"
    assert [(r.start, r.end, r.before, r.after) for r in doc.repairs] == [(1, 5, "bcde", "XQ")]


def test_repair_inside_a_removed_span_is_a_conflict():
    doc = Document("abcdef")
    doc.remove_span(1, 4, stage="t", category="c", reason="r")
    with pytest.raises(EditConflict):
        doc.repair(0, 2, 3, "X", stage="t", category="c", reason="r")
    assert doc.output_text() == "aef"


def test_two_insertions_at_one_point_keep_their_order():
    """Regression: the second insertion was stored as a separate zero-width repair at the
    same offset, and apply_edits put them in the wrong order (output "Z " for text " Z")."""
    doc = Document("")
    doc.repair(0, 0, 0, "Z", stage="t", category="c", reason="r")
    doc.repair(0, 0, 0, " ", stage="t", category="c", reason="r")
    assert doc.lines[0].text == " Z"
    assert doc.output_text() == " Z"
    assert [(r.start, r.end, r.after) for r in doc.repairs] == [(0, 0, " Z")]


def test_edit_inside_merged_insertions_maps_to_input_offsets():
    """Regression: a repair inside text built by two insertions at one point got input
    offset -1."""
    doc = Document("")
    doc.repair(0, 0, 0, "ZZ", stage="t", category="c", reason="r")
    doc.repair(0, 0, 0, "Z", stage="t", category="c", reason="r")
    doc.repair(0, 1, 1, "y", stage="t", category="c", reason="r")
    assert doc.lines[0].text == "ZyZZ" == doc.output_text()
    assert all(0 <= r.start <= r.end <= 0 for r in doc.repairs)


def test_merged_repair_over_a_removed_character_is_a_conflict():
    """Regression: merging skipped the removal check, so the merged repair overlapped a
    span removal and output_text() raised later, failing the whole document."""
    doc = Document("?")
    doc.repair(0, 1, 1, "Z", stage="t", category="c", reason="r")
    doc.remove_span(0, 1, stage="t", category="c", reason="r")
    with pytest.raises(EditConflict):
        doc.repair(0, 0, 2, "", stage="t", category="c", reason="r")
    assert doc.lines[0].text == "?Z" and doc.output_text() == "Z"


def test_many_repairs_on_one_line_stay_cheap(monkeypatch):
    """Regression: every repair re-sorted all the line's repairs (a 176,000-character line
    of mojibake, 8,000 repairs, took 7.7 s in the mojibake stage alone).  Counted, not timed:
    the sort key runs O(log n) times per repair, not O(n)."""
    import cleanscrape.document as document

    calls = 0

    def counting_order(edit):
        nonlocal calls
        calls += 1
        return edit.start, edit.end

    monkeypatch.setattr(document, "_edit_order", counting_order)
    n = 4000
    doc = Document("ab " * n)
    for i in reversed(range(n)):  # right to left, as stages do to keep offsets valid
        doc.repair(0, 3 * i, 3 * i + 2, "AB", stage="t", category="c", reason="r")
    assert doc.output_text() == "AB " * n
    assert calls < 20 * n


def test_repairs_left_to_right_do_not_rewalk_the_line():
    """Regression: each repair walked all earlier repairs of its line to map offsets, so
    4,000 left-to-right repairs (lossy_repair on a long line) cost 16 s.  Counted, not timed."""
    visited = 0

    class CountingList(list):
        def __iter__(self):
            nonlocal visited
            for item in super().__iter__():
                visited += 1
                yield item

    n = 4000
    doc = Document("a?b " * n)
    doc._repairs[0] = CountingList()
    for i in range(n):
        current = 4 * i + 2 * i  # each earlier repair made its word two characters longer
        doc.repair(0, current, current + 3, "axxxb", stage="t", category="c", reason="r")
    assert doc.output_text() == "axxxb " * n
    assert visited < 10 * n


@st.composite
def line_with_spans(draw):
    """A line, sorted spans on it that may touch or be insertions (not always apart), and
    whether the line already carries a repair."""
    text = draw(st.text(LINE_CHARS, max_size=20))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans, pos = [], 0
    for cut in cuts:
        if cut < pos:
            continue
        end = draw(st.integers(cut, min(len(text), cut + 3)))
        spans.append((cut, end, draw(AFTER)))
        pos = end
    return text, spans, draw(st.booleans())


@settings(max_examples=300 * SCALE)
@given(line_with_spans())
def test_repair_spans_makes_what_repairing_each_span_from_the_last_makes(case):
    text, spans, repaired_before = case
    at_once, one_by_one = Document(text + "\nnext"), Document(text + "\nnext")
    if repaired_before:  # the line already repaired: the spans go one by one
        for doc in (at_once, one_by_one):
            doc.repair(1, 0, 1, "N", stage="earlier", category="c", reason="first")
    try:
        expected = [one_by_one.repair(0, start, end, after, stage="t", category="c", reason=f"r{start}",
                                      evidence="e", runner_up=after[:1], confidence=0.5)
                    for start, end, after in reversed(spans)][::-1]
    except EditConflict:
        with pytest.raises(EditConflict):
            at_once.repair_spans(0, [SpanRepair(start, end, after, f"r{start}", "e", after[:1], 0.5)
                                     for start, end, after in spans], stage="t", category="c")
        return
    made = at_once.repair_spans(0, [SpanRepair(start, end, after, f"r{start}", "e", after[:1], 0.5)
                                    for start, end, after in spans], stage="t", category="c")
    assert made == expected
    assert at_once.lines == one_by_one.lines
    assert at_once.output() == one_by_one.output()


def test_repair_spans_passes_over_a_span_an_earlier_stage_removed():
    """Regression: with whitespace before mojibake (a pipeline a user may choose), the
    trailing no-break space of "Ã\u00a0" ("à") was removed, and the repair of "Ã\u00a0"
    then failed the document, 'EditConflict: repair at 41:43 overlaps a removal'."""
    text = "son pÃ¨re Ã\u00a0\nnext"
    doc = Document(text)
    doc.remove_span(11, 12, stage="whitespace", category="whitespace", reason="trailing whitespace")
    made = doc.repair_spans(0, [SpanRepair(5, 7, "è", "r"), SpanRepair(10, 12, "à", "r")], stage="t", category="c")
    assert [(r.before, r.after) for r in made] == [("Ã¨", "è")]
    assert doc.output_text() == "son père Ã\nnext"
    assert apply_edits(text, [(r.start, r.end) for r in doc.removals],
                       [(r.start, r.end, r.after) for r in doc.repairs]) == doc.output_text()
    with pytest.raises(EditConflict):  # (a stage's own repair of it is its bug, as before)
        doc.repair(0, 10, 12, "à", stage="t", category="c", reason="r")


def test_repair_spans_rebuilds_a_long_line_once():
    """Regression: the mojibake and lossy_repair stages repaired a line's words one by one,
    each rebuilding the line: one line of 320,000 characters of mojibake took 1.3 s.
    Counted, not timed."""
    n = 4000
    doc = Document("Ã© " * n)
    rebuilt = 0

    class CountingLine(type(doc.lines[0])):
        __slots__ = ()

        def __setattr__(self, name, value):
            nonlocal rebuilt
            rebuilt += name == "text"
            super().__setattr__(name, value)

    line = doc.lines[0]
    doc.lines[0] = CountingLine(line.index, line.start, line.end, line.text, line.is_blank, line.block)
    rebuilt = 0
    made = doc.repair_spans(0, [SpanRepair(3 * i, 3 * i + 2, "é", "r") for i in range(n)], stage="t", category="c")
    assert len(made) == n and doc.output_text() == "é " * n
    assert rebuilt == 1


def test_is_blank_follows_repairs():
    doc = Document("  \nword")
    assert [line.is_blank for line in doc.lines] == [True, False]
    doc.repair(0, 0, 0, "x", stage="test", category="test", reason="insert")
    doc.repair(1, 0, 4, " ", stage="test", category="test", reason="blank out")
    assert [line.is_blank for line in doc.lines] == [False, True]


def test_a_repair_empties_the_shared_cache():
    doc = Document("a\nb")
    doc.cache["derived"] = ["a", "b"]
    doc.repair(0, 0, 1, "c", stage="test", category="test", reason="test")
    assert doc.cache == {}


def test_is_removed_sees_line_and_span_removals():
    doc = Document("one\ntwo  \nthree")
    doc.remove_line(0, stage="test", category="test", reason="test")
    doc.remove_span(8, 10, stage="test", category="test", reason="test")
    assert [doc.is_removed(i) for i in range(len(doc.text))] == [i < 4 or 8 <= i < 10 for i in range(len(doc.text))]


def test_output_gives_the_text_with_its_removals_and_repairs():
    doc = Document("one\ntwo\nthree")
    doc.remove_line(1, stage="test", category="test", reason="test")
    doc.repair(2, 0, 1, "T", stage="test", category="test", reason="test")
    text, removals, repairs = doc.output()
    assert text == doc.output_text() == "one\nThree"
    assert removals == doc.removals and repairs == doc.repairs


def test_objects_made_without_their_class_have_every_field_set(monkeypatch) -> None:
    """Lines, removals and line features (main_content's lines among them, a subclass whose
    own fields the stage sets) are made by object.__new__ with their fields set by hand (a
    class call costs a frame per line): a field added to one of these classes and not set
    there would fail only where it is first read."""
    import dataclasses

    from cleanscrape import Cleaner, features
    from cleanscrape import document as document_module

    made: list[object] = []

    def recorded_new(cls):
        instance = object.__new__(cls)
        made.append(instance)
        return instance

    for module in (document_module, features):
        monkeypatch.setattr(module, "_new", recorded_new)
    seeds = Path(__file__).parent / "data" / "seeds"
    text = next(p for p in sorted(seeds.iterdir()) if p.name.endswith(".txt") and ".expected" not in p.name).read_text(
        encoding="utf-8")
    Cleaner().clean(text)
    features.line_features(document_module.Document(text))  # main_content asks for its subclass
    kinds = {type(instance).__name__ for instance in made}
    assert {"Line", "Removal", "LineFeatures", "_Line"} <= kinds
    for instance in made:
        unset = [f.name for f in dataclasses.fields(instance) if not hasattr(instance, f.name)]
        assert not unset, f"{type(instance).__name__}: {unset}"


@pytest.mark.parametrize("score", [None, 2.0, -1.23456789, 0])
def test_a_removal_reports_what_every_report_entry_reports(score) -> None:
    """Removal.to_dict is written out for speed: it must give what the generic one gives
    over the class's fields (every field, in order; the line 1-based; the score left out
    while unset, rounded), so a field added to Removal and not to it fails here."""
    from cleanscrape.document import Removal, _ReportEntry

    doc = Document("one\ntwo\nthree")
    doc.remove_line(1, stage="test", category="navigation", reason="a menu label", score=score)
    removal = doc.removals[0]
    generic = _ReportEntry.to_dict(removal)
    assert list(removal.to_dict().items()) == list(generic.items())
    assert generic["line"] == 2 and generic["text"] == "two\n"
    assert ("score" in generic) is (score is not None)
    assert isinstance(removal, Removal)


def test_removals_pickle_whole_however_their_text_was_set() -> None:
    """A removal of remove_line is pickled with its document's input, not its text (sliced
    where it is read); one made by the class, or whose text was set after, with its text.
    Every field must come back, and a text set by hand must not be sliced again."""
    import dataclasses
    import pickle

    from cleanscrape.document import Removal

    doc = Document("one\ntwo\nthree\nfour")
    doc.remove_line(1, stage="test", category="navigation", reason="a menu label", score=0.5)
    doc.remove_line(2, stage="test", category="share", reason="a widget")
    doc.remove_line(3, stage="test", category="tags", reason="a tag list")
    unread, read, overwritten = doc.removals
    assert read.text == "three\n"
    overwritten.text = "set by hand"
    made = Removal("test", "caption", 0, 4, "one\n", "a caption", 0)
    removals = [unread, read, overwritten, made]
    copies = pickle.loads(pickle.dumps(removals, pickle.HIGHEST_PROTOCOL))
    for removal, copy in zip(removals, copies):
        assert [getattr(copy, f.name) for f in dataclasses.fields(Removal)] == \
               [getattr(removal, f.name) for f in dataclasses.fields(Removal)]
    assert [copy.text for copy in copies] == ["two\n", "three\n", "set by hand", "one\n"]


def test_a_result_pickles_its_removals_packed_or_as_they_are() -> None:
    """A Result pickles the removals of remove_line and remove_span as its input once and a
    list of each other field; a removal made by the class among them (a plugin's) sends
    them one by one.  Either way every removal comes back whole, in order."""
    import dataclasses
    import pickle

    from cleanscrape import Cleaner
    from cleanscrape.document import Removal, packed_removals

    seeds = Path(__file__).parent / "data" / "seeds"
    text = next(p for p in sorted(seeds.iterdir()) if p.name.endswith(".txt") and ".expected" not in p.name).read_text(
        encoding="utf-8")
    result = Cleaner().clean(text)
    assert isinstance(packed_removals(result.removed), tuple)
    mixed = dataclasses.replace(result, removed=[*result.removed, Removal("plugin", "ads", 0, 1, text[:1], "an ad", 0)])
    assert isinstance(packed_removals(mixed.removed), list)
    for original in (result, mixed):
        copy = pickle.loads(pickle.dumps(original, pickle.HIGHEST_PROTOCOL))
        assert copy == original
        assert [r.text for r in copy.removed] == [text[r.start:r.end] for r in original.removed]


@pytest.mark.parametrize("kind", [tuple, list])
def test_a_result_pickles_whatever_sequence_holds_its_removals(kind) -> None:
    """A Result made by hand may hold its removals in a tuple: it comes back as it was (an
    empty tuple was taken for packed removals, and failed to unpickle)."""
    import pickle

    from cleanscrape.cleaner import Result
    from cleanscrape.document import Removal

    doc = Document("one\ntwo")
    doc.remove_line(0, stage="test", category="navigation", reason="a menu label")
    for removals in ((), doc.removals, [Removal("plugin", "ads", 0, 1, "o", "an ad", 0)]):
        result = Result("two", kind(removals), [], "en", "id")
        copy = pickle.loads(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
        assert copy == result and type(copy.removed) is kind
