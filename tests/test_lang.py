"""lang: the stopword vote decides ordinary prose, close languages included; langdetect is
the fallback when the vote is weak."""

from __future__ import annotations

import pytest
import regex

from cleanscrape.document import Document
from cleanscrape.lang import SCRIPT_LANGUAGES, _letters_agree, _lossy_words, detect_language, script_language

SPANISH = ("El alcalde de la ciudad dijo que la obra en la plaza de armas se terminará en marzo, y que los "
           "vecinos de la zona podrán usar el parque desde abril. ")

def test_spanish_is_told_from_portuguese_and_italian_by_the_vote() -> None:
    # "de", "la", "que", "el" are stopwords of several Romance languages: shared words alone
    # would leave the vote split and call langdetect
    assert detect_language(Document(SPANISH * 3)) == ("es", "stopwords")


def test_a_short_text_is_decided_by_a_clear_vote_without_langdetect() -> None:
    # one sentence: under VOTE_MIN_HITS votes, nearly all of them French ("mais", "elle",
    # "sera", "pas", "aux" are French alone)
    text = ("Le maire a dit jeudi que la nouvelle passerelle sera prête pour la rentrée, mais elle ne "
            "sera pas ouverte aux voitures.")
    assert detect_language(Document(text)) == ("fr", "stopwords")


def test_a_short_text_whose_few_votes_are_shared_goes_to_langdetect() -> None:
    # "de", "la" and "que" vote for every Romance language alike: no clear winner
    text = "Plaza de la Constitución que visitamos."
    assert detect_language(Document(text))[1] == "langdetect"


#: Czech written through a lossy charset: most of its stopwords lost a letter ("kdy?" "když",
#: "?e" "že", "u?" "už"); its intact words alone ("to", "je", "mu", "ta") are shared with
#: Slovak and Slovene and would leave the vote to langdetect
DAMAGED_CZECH = ("Kdy? u? v?d?l, ?e p?ijde pozd?, ?ekl to ?en?. Ta mu ?ekla, ?e u? je v?echno "
                 "p?ipraven?, a? p?ijde kdy chce. Kdy? pak p?i?el, u? sp?la.")


@pytest.mark.parametrize("lost", ["?", "\ufffd"])
def test_damaged_stopwords_vote_as_the_stopwords_they_may_be(lost: str) -> None:
    assert detect_language(Document(DAMAGED_CZECH.replace("?", lost))) == ("cs", "stopwords")


def test_a_word_votes_by_its_lossy_spellings_only_while_it_keeps_a_letter() -> None:
    from cleanscrape.lang import _lossy_spellings, _word_to_langs

    assert sorted(_lossy_spellings("když")) == ["kdy?"]
    assert sorted(_lossy_spellings("için")) == ["i?in"]
    assert _lossy_spellings("až") == ["a?"] and _lossy_spellings("à") == []
    assert "cs" in _word_to_langs()["?e"] and "en" not in _word_to_langs()["?e"]
    # a real question mark after a word makes no stopword of it
    assert "it?" not in _word_to_langs() and "what?" not in _word_to_langs()


#: languages without a stopword list whose function words are a listed language's
SHARED_FUNCTION_WORDS = {"no": "da", "bs": "hr", "ms": "id"}


def test_the_short_vote_and_the_letters_leave_languages_without_a_list_to_langdetect() -> None:
    """Two samples each in 16 languages that have no stopword list (Galician, Basque,
    Estonian, Afrikaans, Welsh, Tagalog…): where a rule short of the main vote decides one,
    it says what langdetect says (Malay is Indonesian to both; Galician is not Portuguese),
    or, for a language that writes the function words of a listed one, that one (Norwegian
    Bokmål is Danish to the vote, as it is to the main rule on a longer text)."""
    import json
    from pathlib import Path

    from cleanscrape.lang import LANGDETECT_CHARS, VOTE_MIN_HITS, _langdetect, _vote, sample_text, tokenize_words

    samples = json.loads((Path(__file__).parent / "data" / "lang_samples.json").read_text("utf-8"))
    assert len(samples) == 16
    for lang, texts in samples.items():
        for text in texts:
            doc = Document(text)
            decided, method = detect_language(doc)
            _, votes, _ = _vote(tokenize_words(sample_text(doc)))
            if method == "stopwords+letters" or (method == "stopwords" and votes < VOTE_MIN_HITS):
                assert decided in (_langdetect(text[:LANGDETECT_CHARS]), SHARED_FUNCTION_WORDS.get(lang)), (lang, text)


def test_a_weak_vote_stands_when_the_letters_only_its_language_writes_agree() -> None:
    # two votes, short of any vote rule; "ł", "ź", "ś", "ę"… are Polish letters
    assert detect_language(Document("Jest ładny dzień, ale źle śpię.")) == ("pl", "stopwords+letters")
    # one Polish letter is not enough
    assert detect_language(Document("Jest dobry dzień, ale pada."))[1] == "langdetect"


def test_another_languages_letters_leave_the_weak_vote_to_langdetect() -> None:
    # a Czech sentence ("ů") naming a Polish city ("Ł"): letters of two languages
    assert not _letters_agree("Ten dům je hezký, ale Łódź je daleko.", "cs")
    assert _letters_agree("Ten dům je hezký a řeka je daleko.", "cs")


def test_a_capital_that_is_another_letters_capital_is_no_evidence() -> None:
    # Turkish "ı" upper-cases to "I", which every Latin text writes
    assert not _letters_agree("I SAID I WOULD", "tr")
    assert _letters_agree("IŞIK ÇOK GÜZELDİ, AĞAÇ DÜŞTÜ", "tr")


def test_shipped_letters_are_current() -> None:
    """data/stopwords/letters.toml is what wordfreq gives (`python -m cleanscrape.lang`)."""
    import sys

    from cleanscrape.lang import LETTERS_FILE, compute_letter_owners

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from importlib import resources

    shipped = tomllib.loads((resources.files("cleanscrape") / "data" / "stopwords" / LETTERS_FILE).read_text("utf-8"))
    assert shipped == compute_letter_owners()
    assert shipped["pl"] == "łńśźż" and "ı" in shipped["tr"]


def test_a_few_latin_stopwords_in_japanese_text_do_not_decide() -> None:
    text = "og ikke jeg har af hvad\n" * 2 + "サイトマップ プライバシーポリシー 免責事項 お問い合わせ ソフトウェア一般 " * 60
    assert detect_language(Document(text)) == ("ja", "script")


@pytest.mark.parametrize(("text", "lang"), [
    ("‘보좌관2’ 꿈과 현실 사이, 이정재 앞에 놓인 선택\n악녀의 덫에 걸린 이유리", "ko"),
    ("นายกรัฐมนตรีเดินทางไปเยือนเชียงใหม่เมื่อวันอังคาร", "th"),
    ("ראש הממשלה ביקר היום בירושלים", "he"),
    ("এমপির ভাইকে নিজ বাড়ির সামনেই কুপিয়ে হত্যা", "bn"),
    ("お客様のブランドをお守りします。商標登録出願で弁理士をお探しなら", "ja"),
    ("国务院总理今天在北京会见了来访的代表团。", "zh"),
])
def test_a_sample_in_a_one_language_script_is_that_language_without_langdetect(text: str, lang: str) -> None:
    assert detect_language(Document(text)) == (lang, "script")


@pytest.mark.parametrize("text", [
    "Hello 한국어 Seoul Busan Incheon Daegu KBS MBC",  # mostly Latin
    "प्रधानमंत्री ने आज दिल्ली में कहा",  # Devanagari: Hindi, Marathi or Nepali
    "Председатель правительства заявил сегодня",  # Cyrillic: Russian, Bulgarian, Macedonian…
])
def test_scripts_that_do_not_name_one_language_go_to_langdetect(text: str) -> None:
    assert script_language(text) is None
    assert detect_language(Document(text))[1] == "langdetect"


def test_each_listed_script_is_one_language_in_langdetect_profiles() -> None:
    from langdetect.utils.ngram import NGram

    from cleanscrape.lang import _PAIR, _langdetect_factory

    factory = _langdetect_factory()
    for script, lang in SCRIPT_LANGUAGES.items():
        letter = regex.compile(rf"\p{{Script={script}}}")
        mass: dict[str, float] = {}
        for code in range(0x0370, 0xD7A4):
            char = chr(code)
            pairs = factory.word_lang_prob_map.get(NGram.normalize(char)) if letter.match(char) else None
            for index, prob in _PAIR.iter_unpack(pairs or b""):
                mass[factory.langlist[index]] = mass.get(factory.langlist[index], 0.0) + prob
        assert mass and mass.get(lang, 0.0) >= 0.95 * sum(mass.values()), (script, mass)


def test_batched_langdetect_gives_langdetect_ngrams_and_probabilities_bit_for_bit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from langdetect import DetectorFactory
    from langdetect.detector import Detector

    from cleanscrape import lang
    from cleanscrape.lang import _batched_detector_class, _langdetect_factory, _langdetect_profiles

    # caches of its own, that nothing empties while it runs: each n-gram one row object
    monkeypatch.setattr(lang, "_word_profiles", {})
    monkeypatch.setattr(lang, "_profile_rows", {})

    # langdetect's own factory, its profiles as it loads them (a list of floats per n-gram)
    langdetect_factory = DetectorFactory()
    langdetect_factory.load_profile(_langdetect_profiles())
    langdetect_factory.set_seed(0)
    assert langdetect_factory.langlist == _langdetect_factory().langlist

    samples = [SPANISH, "Ceci est un texte court, mais il dit assez.", "ok",
               "Bırak z?rlas?n A?z?n? Kanatm?? m?y?m dudaklar? " * 5, "サイトマップ プライバシーポリシー 免責事項",
               # capitals (NGram skips the rest of a word written in capitals), Romanian
               # comma-below letters, Vietnamese combining marks, Farsi yeh, Hangul, Latin
               # words in a non-Latin text, punctuation and digits
               "La UNESCO și NATO au anunțat 3 programe: «ȘCOALA» începe luni!",
               "Tiếng Việt có dấu: Tiếng Việt, Hà Nội", "این یک متن فارسی است", "한국어 문장 KBS 뉴스",
               "Москва — столица России (Moscow)",
               # runs of spaces, an address, the Latin range's punctuation in a non-Latin text
               "Write  to   me@example.org  or see https://example.org/a?b=c  now", "Привет [_`] мир^ ъ"]
    for sample in samples:
        reference, batched = Detector(langdetect_factory), _batched_detector_class()(_langdetect_factory())
        reference.append(sample)
        batched.append(sample)
        assert batched.text == reference.text, sample
        reference.cleaning_text()
        batched.cleaning_text()
        assert batched.text == reference.text, sample
        # the rows of langdetect's own n-grams, in its order (what the trials draw from): the
        # very rows kept for those n-grams, and their values langdetect's
        profiles, ngrams = batched._extract_profiles(), reference._extract_ngrams()
        assert len(profiles) == len(ngrams), sample
        assert all(row is lang._profile_rows[ngram] for row, ngram in zip(profiles, ngrams)), sample
        assert profiles == [langdetect_factory.word_lang_prob_map[ngram] for ngram in ngrams], sample
        # the list of every language's probability, not just the winner
        reference.get_probabilities()
        assert batched.get_probabilities() and batched.langprob == reference.langprob


def test_langdetect_asked_for_its_answer_alone_stops_once_the_leader_is_settled() -> None:
    from langdetect import DetectorFactory
    from langdetect.detector import Detector

    from cleanscrape.lang import _batched_detector_class, _langdetect_factory, _langdetect_profiles

    langdetect_factory = DetectorFactory()
    langdetect_factory.load_profile(_langdetect_profiles())
    langdetect_factory.set_seed(0)
    # clear prose, damaged text, and word salads whose first trial names another language
    # than the seven do (the trials disagree: the answer is settled late or never)
    samples = [SPANISH, "Ceci est un texte court, mais il dit assez.", "Plaza de la Constitución que visitamos.",
               "Bırak z?rlas?n A?z?n? Kanatm?? m?y?m dudaklar?", "Jest dobry dzień, ale pada.",
               "Tak de for Hotel", "la sol Park vino", "Restaurant banco Park", "boka Kiitos", "Roma boka"]
    settled_early = 0
    for sample in samples:
        reference, answer_only = Detector(langdetect_factory), _batched_detector_class()(_langdetect_factory())
        answer_only.answer_only = True
        reference.append(sample)
        answer_only.append(sample)
        assert answer_only.detect() == reference.detect(), sample
        settled_early += sum(answer_only.langprob) < 0.99  # fewer than the seven trials added up
    assert settled_early >= len(samples) // 2


def test_langdetect_forgets_the_words_and_their_rows_together(monkeypatch: pytest.MonkeyPatch) -> None:
    # a word keeps its n-grams' rows: forgetting the rows alone would leave them to the words,
    # past the rows' bound
    from cleanscrape import lang

    samples = [SPANISH, "Ceci est un texte court, mais il dit assez.", "Jest dobry dzień, ale pada.",
               "Москва — столица России (Moscow)", "サイトマップ プライバシーポリシー 免責事項"]
    answers = [lang._langdetect(sample) for sample in samples]
    monkeypatch.setattr(lang, "WORD_PROFILE_CACHE", 6)
    monkeypatch.setattr(lang, "PROFILE_ROW_CACHE", 50)
    monkeypatch.setattr(lang, "_word_profiles", {})
    monkeypatch.setattr(lang, "_profile_rows", {})
    for sample, answer in zip(samples * 2, answers * 2):
        assert lang._langdetect(sample) == answer, sample
        assert len(lang._word_profiles) <= 6
        kept = {id(row) for row in lang._profile_rows.values()}
        assert all(id(row) in kept for rows in lang._word_profiles.values() for row in rows), sample
        longest_word = max(map(len, lang._word_profiles.values()), default=0)
        assert len(lang._profile_rows) < 50 + longest_word, sample


def test_words_are_the_letter_runs_of_the_category_class_on_every_character() -> None:
    # tokenize_words lists the BMP letters as an explicit class (faster in sre): it must cut
    # every character the way [^\W\d_] does, astral ones and case changes included
    from cleanscrape.lang import _LETTERS, tokenize_words

    plane = "".join(map(chr, range(0x10000)))
    assert tokenize_words(plane) == _LETTERS.findall(plane.lower())
    for text in ("l'homme et l'enfant", "ẞTRASSE_1 İstanbul", "naïve 𝐁old 𝐁 x²", "日本語のテキスト 123abc"):
        assert tokenize_words(text) == _LETTERS.findall(text.lower()), text


def test_a_clear_vote_decides_a_sample_damaged_by_a_lossy_charset() -> None:
    # Czech written through a charset without "ř", "ě", "í"…: the vote reads "?e" as "že";
    # 4.5 votes against 1.5, short of the main rule and of the short one (3x)
    damaged = "Kdy? jsem p?i?el dom?, ?ekla mi, ?e je v?echno p?ipraven? a ?e na m? ?ek? u? dlouho."
    assert detect_language(Document(damaged)) == ("cs", "stopwords+lossy")
    # the same lead without damage is left to the rules for undamaged text
    intact = "Když jsem přišel domů, řekla mi, že je všechno připravené a že na mě čeká už dlouho."
    assert detect_language(Document(intact))[1] != "stopwords+lossy"


def test_question_marks_and_queries_are_no_lossy_damage() -> None:
    assert _lossy_words("dom? Jasn?? https://a.cz/clanek?id=7 clanek?id=7") == 0
    assert _lossy_words("?e v?echno d\ufffdm") == 3


@pytest.mark.parametrize("text", ["\ufeff", "\ufeff\r\n \r\n", "12 345\n678", "\u00a0\u2028!!"])
def test_a_text_without_a_letter_has_no_language(text: str) -> None:
    """A byte-order mark alone was given Latvian, by langdetect, which names a language for
    whatever n-gram it finds (the libcheck helper's finding): the report said "lv"."""
    assert detect_language(Document(text)) == (None, None)


def _no_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanscrape import lang

    def fail(sample: str) -> str | None:
        raise AssertionError(f"langdetect asked about {sample!r}")

    monkeypatch.setattr(lang, "_langdetect", fail)


@pytest.mark.parametrize("text", ["OK", "Gracias", "Bonjour!", "Ne oldu.", "A��r�, a��r�.", "onbe? ya??nda."])
def test_a_latin_sample_too_short_for_any_detector_has_no_language(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # langdetect named "OK" Portuguese, and two of these three Turkish texts Estonian and
    # Hungarian: under 10 Latin letters it is right about half the time
    _no_langdetect(monkeypatch)
    assert detect_language(Document(text)) == (None, None)


@pytest.mark.parametrize("text", ["Hello world.", "Der Hund schläft."])
def test_a_latin_sample_of_ten_letters_goes_to_langdetect(text: str) -> None:
    assert detect_language(Document(text))[1] == "langdetect"


@pytest.mark.parametrize("text", ["Привет", "شكرا", "Hi 世界"])
def test_a_short_sample_in_another_alphabet_goes_to_langdetect(text: str) -> None:
    # few languages share these alphabets: langdetect names them from a few letters
    assert detect_language(Document(text))[1] == "langdetect"


def test_a_short_sample_the_vote_places_keeps_its_language(monkeypatch: pytest.MonkeyPatch) -> None:
    # under 10 letters, but three Polish letters and a Polish stopword
    _no_langdetect(monkeypatch)
    assert detect_language(Document("Już źle.")) == ("pl", "stopwords+letters")
