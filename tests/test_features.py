"""Per-line features: words are counted per line although the separators are found in
one pass over the whole document."""

from cleanscrape.document import Document
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
