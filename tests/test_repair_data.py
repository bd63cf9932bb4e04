"""The repair data file (cleanscrape/data/repair/languages.toml) and its loader agree."""

from __future__ import annotations

import pytest

from cleanscrape.repair import language


class _ReadRecorder(dict):
    """A TOML section that remembers which of its keys the loader read."""

    def __init__(self, entry: dict) -> None:
        super().__init__(entry)
        self.read: set[str] = set()

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)


@pytest.fixture
def recorded_sections(monkeypatch) -> dict[str, _ReadRecorder]:
    sections = {lang: _ReadRecorder(entry) for lang, entry in language._table().items()}
    monkeypatch.setattr(language, "_table", lambda: sections)
    language.language_data.cache_clear()
    yield sections
    language.language_data.cache_clear()


def test_every_key_of_every_language_is_read(recorded_sections) -> None:
    """A misspelt key, or one a rule no longer reads, would be data silently ignored: the
    rule it was written for would quietly stay off."""
    for lang, section in recorded_sections.items():
        assert language.language_data(lang) is not None
        assert set(section) <= section.read, (lang, sorted(set(section) - section.read))


@pytest.mark.parametrize(("noun", "ending"), [
    ("manželé", "í"), ("občané", "í"), ("křesťané", "í"),  # masculine animate plurals
    ("vstupné", "é"), ("jízdné", "é"),  # neuter nouns made of adjectives
    ("radost", "á"), ("most", "ý"), ("město", "é"),
])
def test_czech_nouns_take_the_adjective_ending_of_their_gender_and_number(noun: str, ending: str) -> None:
    """The longest listed noun ending decides: "-né" (a neuter made of an adjective) must not
    take the plurals of "-an" ("občané": "noví občané", not "nové")."""
    assert language.language_data("cs").agreeing_ending(noun) == ending


@pytest.mark.parametrize(("section", "problem"), [
    # the rule of "speech_dashes" reads the first of "subject_endings"
    ({"letters": "ą", "speech_dashes": "-–"}, "'speech_dashes' needs 'subject_endings'"),
    # a progressive is an auxiliary and its link ("estar a")
    ({"letters": "ã", "regional_progressive": ["estar"], "gerund_endings": [["ar", "ando"]]}, "two-word phrases"),
])
def test_a_language_section_a_rule_cannot_read_is_refused_when_loaded(monkeypatch, section: dict, problem: str) -> None:
    """Refused when loaded, naming the keys, not failed on the first damaged line."""
    monkeypatch.setattr(language, "_table", lambda: {"xx": section})
    language.language_data.cache_clear()
    try:
        with pytest.raises(language.LanguageDataError, match=problem):
            language.language_data("xx")
    finally:
        language.language_data.cache_clear()


@pytest.mark.parametrize(("lang", "first", "avoided", "written"), [
    ("pl", "ó", "ę", "ł"),  # "wpół…", never "wpóę…"
    ("ro", "ă", "ă", "ț"),  # "crivăț", never "ăă"
    ("tr", "ı", "ı", "ş"),
])
def test_the_letter_tables_mark_down_the_letter_pairs_a_language_never_writes(
        lang: str, first: str, avoided: str, written: str) -> None:
    from cleanscrape.repair.letter_model import letter_model

    letters = letter_model(lang)
    assert letters.pair_share(first, avoided) < 0.05
    assert letters.pair_share(first, written) == 1.0


def test_the_turkish_letter_table_tells_which_endings_a_letter_goes_on_from() -> None:
    """A suffixing language's table counts its words' endings: after "-yor" or "-tık" no
    listed word takes one more letter, after "-m" many do ("kadınım"); a language that does
    not suffix has no such counts, and every ending may go on."""
    from cleanscrape.repair.letter_model import letter_model

    turkish = letter_model("tr")
    assert turkish.goes_on("belirtiyor") < 0.01
    assert turkish.goes_on("sapt?k") < 0.05
    assert turkish.goes_on("kad?n?m") > 0.1
    assert letter_model("cs").goes_on("ud?lal") == 1.0
