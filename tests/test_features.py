"""Per-line features: words are counted per line although the separators are found in
one pass over the whole document."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanscrape.document import LAYOUT_WHITESPACE, Document
from cleanscrape.features import LineFeatures, line_features


def test_words_stop_at_line_ends_and_underscores_separate():
    doc = Document("Foo_bar, baz!\nqux_Quux\n\n  «Wörter» — l'homme  ", lang="en")
    features = line_features(doc)
    assert [(f.words, f.capitalized) for f in features] == [(3, 1), (2, 1), (0, 0), (3, 1)]
    assert features[2] == LineFeatures()


def test_line_repaired_with_a_newline_keeps_features_aligned():
    doc = Document("alpha beta\nGamma delta epsilon", lang="en")
    doc.repair(0, 5, 6, "\n", stage="test", category="test", reason="newline inserted")
    features = line_features(doc)
    assert [(f.words, f.capitalized) for f in features] == [(2, 0), (3, 1)]


def test_a_stage_gets_its_own_subclass_and_every_caller_the_same_features():
    """A stage adding state of its own to each line asks for its subclass of LineFeatures:
    a caller asking for the base class then gets those lines, and one asking for another
    class gets them made again, the same features."""
    from dataclasses import dataclass, fields

    @dataclass(slots=True)
    class Judged(LineFeatures):
        verdict: str = ""

    def values(features):
        return [tuple(getattr(f, field.name) for field in fields(LineFeatures)) for f in features]

    doc = Document("Foo_bar, baz!\n\nThe cat sat on the mat, and then it slept in the sun.", lang="en")
    plain = line_features(doc)
    judged = line_features(doc, Judged)
    assert all(type(f) is Judged for f in judged) and values(judged) == values(plain)
    assert line_features(doc, Judged) is judged and line_features(doc) is judged


def test_a_line_is_measured_without_the_layout_its_edges_lose_in_the_output():
    """A byte-order mark or a zero-width space at a line's edge is trimmed from the output:
    measured with it, "00000000⺀ \ufeff" was a spaced line of 11 characters and too short
    to be a duplicate, and once trimmed, on a second run, a 9-character line of a script
    written without spaces that counts three times, a duplicate (found by test_properties:
    cleaning twice removed a line the first run kept)."""
    doc = Document("00000000⺀ \ufeff\n\u200b00000000⺀", lang="en")
    assert [(f.chars, f.length) for f in line_features(doc)] == [(9, 27), (9, 27)]


def test_cleaning_the_output_again_keeps_a_line_the_first_run_kept() -> None:
    from cleanscrape import Cleaner

    once = Cleaner().clean("00000000⺀ \ufeff\n00000000⺀ \ufeff")
    assert Cleaner().clean(once.text, lang=once.lang).text == once.text


def _reference(text: str, lang: str) -> tuple:
    """The features of one line computed alone, the plain way."""
    from cleanscrape.lang import stopwords

    stripped = text.strip(LAYOUT_WHITESPACE)
    words = re.sub(r"[\W_]+", " ", text).split()
    stop = stopwords(lang)
    return (len(stripped), sum(w.lower() in stop for w in words), sum(w[0].isupper() for w in words),
            sum(stripped.count(c) for c in ".!?。"), sum(stripped.count(c) for c in ",，、"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aZé_ ,.!?:\t\u00a0\ufeff\u200b\x1c'«»—-ΣσλΛ\u3000漢字")), max_size=20), max_size=6))
def test_whole_document_passes_agree_with_each_line_alone(texts):
    doc = Document("\n".join(texts), lang="en")
    for text, f in zip(texts, line_features(doc)):
        chars, stop, capitalized, marks, commas = _reference(text, "en")
        assert (f.chars, f.capitalized, f.sentence_marks, f.commas) == (chars, capitalized, marks, commas)
        if f.length == f.chars:  # spaced script: words are counted, not estimated
            assert (f.words, f.stopwords) == (len(re.sub(r"[\W_]+", " ", text).split()), stop)


def test_shipped_prose_densities_are_current() -> None:
    """The shipped densities (data/stopwords/prose_density.toml) are what wordfreq gives for
    the shipped stopword lists: a list edited without `python -m cleanscrape.features` fails."""
    import pytest

    from cleanscrape.features import _shipped_densities, compute_prose_densities, prose_stopword_density

    assert _shipped_densities() == pytest.approx(compute_prose_densities(), rel=1e-12)
    assert 0.45 < prose_stopword_density("en") < 0.55 and prose_stopword_density("pt-BR") == _shipped_densities()["pt"]
    assert prose_stopword_density("xx") == prose_stopword_density(None) == 0.0
