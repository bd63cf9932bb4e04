"""The lexicon data files: every language covers every category, with known lists only,
and the matcher finds each kind of phrase where it should."""

from __future__ import annotations

import sys
from importlib import resources

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanscrape.charclass import within_bmp
from cleanscrape.document import Document
from cleanscrape.lexicon import (
    _GLUED_WORDS,
    GLUE,
    KINDS,
    WORD_CLASS_CATEGORIES,
    Lexicon,
    _bmp_glued_words,
    _glue_before,
    hits_by_line,
    lexicon_langs_for,
    load_lexicon,
    normalize,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LANGUAGES = ["cs", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "ro", "ru", "tr"]
CATEGORIES = {"cookie_consent", "share", "related", "tags", "comments", "caption", "metadata", "navigation",
              "newsletter", "legal", "paywall", "browser_notice", "author_box"}


def tables(lang: str) -> dict:
    path = resources.files("cleanscrape") / "data" / "lexicons" / f"{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_category_and_only_known_lists(lang: str) -> None:
    data = tables(lang)
    assert set(data) == CATEGORIES | WORD_CLASS_CATEGORIES
    for category, lists in data.items():
        assert set(lists) <= set(KINDS), (category, set(lists) - set(KINDS))
        for phrases in lists.values():
            assert all(isinstance(p, str) and normalize(p) for p in phrases), category


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_loads(lang: str) -> None:
    assert load_lexicon(lang).size > 300


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_built_lexicon_is_what_its_data_file_builds(lang: str) -> None:
    # (rewrite: python tools/build_shipped.py)
    from cleanscrape.lexicon import shipped_lexicon

    shipped = shipped_lexicon(lang)
    copy = shipped.shipped()
    assert isinstance(copy, Lexicon), "built from another data file: run python tools/build_shipped.py"
    # the same state, the keys in the same order (the automaton's)
    assert {name: (list(value.items()) if isinstance(value, dict) else value)
            for name, value in copy.__getstate__().items()} == \
        {name: (list(value.items()) if isinstance(value, dict) else value)
         for name, value in shipped.build().__getstate__().items()}


def test_unknown_list_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown list"):
        Lexicon("xx", {"share": {"starts": ["share"]}})


def test_kinds_match_where_they_should() -> None:
    lexicon = Lexicon("xx", {"related": {"line": ["lire aussi"], "prefix": ["read:"], "contains": ["cet article sur"]}})
    assert [h.kind for h in lexicon.match(normalize("Lire aussi :"))] == ["line"]
    assert [h.kind for h in lexicon.match(normalize("Read: the report"))] == ["prefix"]
    assert lexicon.match(normalize("Read all comments")) == []
    assert [h.kind for h in lexicon.match(normalize("Partagez cet article sur :"))] == ["contains"]
    assert lexicon.match(normalize("dans cet article surprenant")) == []


def test_lone_surrogates_are_scanned_like_any_other_character() -> None:
    # the automaton reads UTF-8, which cannot hold them
    lexicon = Lexicon("xx", {"share": {"line": ["share"], "contains": ["share on"]}})
    assert [h.kind for h in lexicon.match("share")] == ["line"]
    assert [(h.kind, h.start) for h in lexicon.match("\ud800 share on x")] == [("contains", 2)]
    assert [(h.kind, h.start) for h in lexicon.match("\ud800share on \udfff")] == [("contains", 1)]


def test_a_lexicon_pickles_and_finds_the_same_hits() -> None:
    # (its automaton does not pickle: it is built again)
    import pickle

    from cleanscrape.lexicon import _lexicon_of

    for lexicon in (load_lexicon("fr"), _lexicon_of(("fr", "en"))):
        copy = pickle.loads(pickle.dumps(lexicon))
        for line in ("Partagez cet article sur :", "accepter les cookies", "share on facebook", "lire aussi"):
            assert copy.match(normalize(line)) == lexicon.match(normalize(line))
    assert copy.match(normalize("Partagez cet article sur :"))


def test_normalize_folds_case_accents_glue_and_edges() -> None:
    assert normalize("  • DERNIÈRE Mise à jour : ") == "derniere mise a jour"
    assert normalize("Tout AccepterTout refuser") == "tout accepter\u2063tout refuser"


def test_normalize_folds_turkish_dotless_i_as_upper_case_loses_it() -> None:
    # "I" lower-cases to "i", so a heading in capitals ("KULLANIM KOŞULLARI") must match a
    # phrase written "kullanım koşulları"; "İ" already folds to "i" (its dot is a combining mark)
    assert normalize("KULLANIM KOŞULLARI") == normalize("Kullanım Koşulları") == "kullanim kosullari"
    assert normalize("GİZLİLİK POLİTİKASI") == normalize("gizlilik politikası")


def test_a_normalised_lines_only_whitespace_is_single_spaces_between_its_words() -> None:
    # rules tell a normalised line's words by its spaces: every character str.split splits
    # at but the newline (lines are split there), alone, in runs and around a combining mark
    # the fold drops; and next to every character, one that decomposes into a space included
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace() and chr(code) != "\n"]
    for space in spaces:
        assert normalize(f"{space}a{space}{space}b {space}\u0301{space}c{space}") == "a b c"
    for code in range(sys.maxunicode + 1):
        norm = normalize(f"a {chr(code)} b")
        assert "\n" in norm or len(norm.split()) == norm.count(" ") + 1


def test_glued_words_within_the_bmp_are_split_where_the_category_rule_splits_them() -> None:
    # every lower-case letter of the BMP before some upper-case ones, every upper-case one
    # after some lower-case ones, and both next to what is neither
    bmp = [chr(code) for code in range(0x10000)]
    upper = [char for char in bmp if regex.match(r"\p{Lu}", char)]
    lower = [char for char in bmp if regex.match(r"\p{Ll}", char)]
    text = "".join(low + up for low in lower for up in upper[::97]) + "".join(low + up for up in upper for low in lower[::89])
    text += "".join(bmp[::7]) + "x" + "".join(bmp[3::7]) + "AbCDeF gH"
    assert within_bmp(text)
    assert _bmp_glued_words().sub(_glue_before, text) == _GLUED_WORDS.sub(GLUE, text)


def test_hits_are_computed_once_per_document_and_cover_english_too() -> None:
    doc = Document("Rechercher\nShare on Facebook\nUn article.", lang="fr")
    hits = hits_by_line(doc)
    assert hits is hits_by_line(doc)
    assert {(h.lang, h.category) for h in hits[0]} == {("fr", "navigation")}
    assert ("en", "share") in {(h.lang, h.category) for h in hits[1]}
    assert 2 not in hits  # (only the lines that have hits)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normalised_lines_stay_aligned_with_document_lines(text: str) -> None:
    from cleanscrape.lexicon import normalized_lines

    doc = Document(text)
    assert len(normalized_lines(doc)) == len(doc.lines)


def test_hits_are_found_on_the_repaired_text() -> None:
    doc = Document("Rech?rcher\nUn article.", lang="fr")
    doc.repair(0, 0, len("Rech?rcher"), "Rechercher", stage="test", category="test", reason="test")
    assert [h.category for h in hits_by_line(doc)[0]] == ["navigation"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aAzZéÉ ΣσİI\u0301\u00ad\u2019\t\u00a0  •-:.")), max_size=12), min_size=1, max_size=6))
def test_normalised_lines_equal_each_line_normalised_alone(texts: list[str]) -> None:
    # stages reuse normalized_lines(doc)[i] for normalize(line.text) (duplicates does)
    from cleanscrape.lexicon import normalized_lines

    assert normalized_lines(Document("\n".join(texts))) == [normalize(text) for text in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("a •-:.|\t\u00a0\u2028\u200b\ufeff\u3000\x1c\x85")), max_size=6),
                min_size=1, max_size=8))
def test_decoration_lines_are_those_a_line_by_line_look_finds(texts: list[str]) -> None:
    # remove_decoration_next_to looks up the neighbours of the decoration lines listed once
    from cleanscrape.lexicon import normalized_lines
    from cleanscrape.stages._lexicon_rules import decoration_lines, is_decoration

    doc = Document("\n".join(texts))
    norms = normalized_lines(doc)
    expected = [line.index for line in doc.lines if is_decoration(line, norms[line.index])]
    assert decoration_lines(doc) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", " ", ".", "/", ":", "w", "www.", "://", ".php", "html", "h"]),
                         max_size=8).map("".join), min_size=1, max_size=6))
def test_lines_in_url_can_find_a_url_in_may_hold_one(texts: list[str]) -> None:
    # remove_phrase_lines asks in_url only about the lines may_hold_url takes
    from cleanscrape.lexicon import normalized_lines
    from cleanscrape.stages._lexicon_rules import in_url, may_hold_url

    for norm in normalized_lines(Document("\n".join(texts))):
        if any(in_url(norm, start) for start in range(len(norm))):
            assert may_hold_url(norm)


def test_a_language_given_with_its_region_scans_that_language_s_lexicon() -> None:
    """lang="fr-FR" was no lexicon language: the page was scanned with all of them (Portuguese
    pages given as "pt-BR" lost more than as "pt"), while its stopwords and repair data were
    French; the cleaning of a page given "fr-FR" is that of one given "fr"."""
    from pathlib import Path

    from cleanscrape import Cleaner

    assert lexicon_langs_for("fr-FR") == lexicon_langs_for("fr") == ("fr", "en")
    assert lexicon_langs_for("en-GB") == ("en",)
    page = (Path(__file__).parent.parent / "corpus_samples" / "es_cultura.txt").read_text(encoding="utf-8")
    cleaner = Cleaner()
    by_region, plain = cleaner.clean(page, lang="es-MX"), cleaner.clean(page, lang="es")
    assert (by_region.text, by_region.removed) == (plain.text, plain.removed)
