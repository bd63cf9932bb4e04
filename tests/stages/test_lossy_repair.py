"""lossy_repair: letters and punctuation lost to a lossy charset ("fran?ais", U+FFFD).

Cases are data (tests/data/repair/): ``cases.json`` holds damaged texts with their exact
expected output and undamaged texts with real question marks and URLs, which must come
out unchanged, in the nine languages with repair data; ``known_failures.json`` holds
texts the stage still gets wrong, as strict xfails (fixing one turns the test red, so the
case moves to ``cases.json``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cleanscrape import Cleaner
from cleanscrape.document import apply_edits
from cleanscrape.repair.clauses import clause_after, clause_before
from cleanscrape.repair.language import language_data
from cleanscrape.stages import lossy_repair

DATA = Path(__file__).parent.parent / "data"
CASES = json.loads((DATA / "repair" / "cases.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = json.loads((DATA / "repair" / "known_failures.json").read_text(encoding="utf-8"))
SEEDS = DATA / "seeds"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(stages=["mojibake", "lossy_repair"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}-{i}" for i, c in enumerate(CASES)])
def test_case(case: dict, cleaner: Cleaner) -> None:
    assert cleaner.clean(case["text"], lang=case["lang"]).text == case["expected"], case["why"]


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[f"{c['lang']}-{i}" for i, c in enumerate(KNOWN_FAILURES)])
@pytest.mark.xfail(strict=True, reason="known failure: see tests/data/repair/known_failures.json")
def test_known_failure(case: dict, cleaner: Cleaner) -> None:
    assert cleaner.clean(case["text"], lang=case["lang"]).text == case["gold"]


@pytest.mark.parametrize(("text", "expected"), [
    ("\ufffdok g\ufffdzel.", "Çok güzel."),
    ("Dzi\ufffdkuj\ufffd bardzo.", "Dziękuję bardzo."),
    ("Warum? Na ja.", "Warum? Na ja."),
    ("Kim? Ger?ekten g?zel.", "Kim? Gerçekten güzel."),  # detected as German from "Kim" alone
    ("Kim? Ni?in? Ne zaman?", "Kim? Niçin? Ne zaman?"),  # "Ni?in?" votes as "ni?in" too
])
def test_language_from_damaged_words_when_too_few_are_intact(text: str, expected: str, cleaner: Cleaner) -> None:
    """No language given, or one detected from one or two intact words: the word list that
    spells the damaged words themselves chooses with them; real question marks give it
    nothing to go on (a word whose only "?" end it does not vote)."""
    assert cleaner.clean(text).text == expected


def test_seed_003_gets_exactly_its_repairs(cleaner: Cleaner) -> None:
    text = (SEEDS / "003_ed0140e1a063c6cd.txt").read_text(encoding="utf-8")
    expected = json.loads((SEEDS / "003_ed0140e1a063c6cd.expected.json").read_text(encoding="utf-8"))["repairs"]
    result = cleaner.clean(text)
    got: dict[tuple[str, str], int] = {}
    for repair in result.repairs:
        got[(repair.before, repair.after)] = got.get((repair.before, repair.after), 0) + 1
    assert got == {(r["from"], r["to"]): r["count"] for r in expected}


def test_seed_004_keeps_its_real_question_mark(cleaner: Cleaner) -> None:
    text = (SEEDS / "004_410961eb107209b8.txt").read_text(encoding="utf-8")
    result = cleaner.clean(text)
    assert "l'opposition?" in result.text
    assert result.repairs == []


def test_every_repair_says_why_and_replays(cleaner: Cleaner) -> None:
    text = "Le pr?sident fran?ais ? Paris : l?homme a parl?. Voir https://example.fr/p?q=1 ici."
    result = cleaner.clean(text, lang="fr")
    assert result.text == "Le président français à Paris : l’homme a parlé. Voir https://example.fr/p?q=1 ici."
    assert len(result.repairs) == 5  # one per word, never the whole line
    for repair in result.repairs:
        assert repair.stage == "lossy_repair" and repair.category == "lossy_charset"
        assert repair.reason and repair.evidence
        assert 0.0 < repair.confidence <= 1.0
    assert apply_edits(text, [], [(r.start, r.end, r.after) for r in result.repairs]) == result.text
    runner_ups = {r.before: r.runner_up for r in result.repairs}
    assert runner_ups["parl?"] is not None  # "parlé" beat another reading, named in the report


@pytest.mark.parametrize(("text", "word", "lang"), [
    ("Onorevole collega Bar?n Crespo, lei non ha potuto partecipare gioved? scorso.", "Bar?n", "es"),
    ("Le d?put? est n? ? Chorz?w, en Pologne, et a ?tudi? ? Cracovie.", "Chorz?w", "pl"),
])
def test_a_name_from_another_language_says_which_list(cleaner: Cleaner, text: str, word: str, lang: str) -> None:
    """The reason names what counted: "Barón", which the Italian letter model spells too,
    won by the Spanish list's frequency; "Chorzów" no letter model spelled."""
    repair = next(r for r in cleaner.clean(text).repairs if r.before == word)
    assert f"the {lang} word list" in repair.reason and f"{lang} word frequency" in repair.evidence


def test_an_intact_word_in_the_document_beats_the_word_list(cleaner: Cleaner) -> None:
    # the word list prefers "près"; this page writes "prés" (meadows) intact
    text = "Le pont est pr?s. Les prés sont verts et les pr?s sont fauchés."
    assert cleaner.clean(text, lang="fr").text == "Le pont est prés. Les prés sont verts et les prés sont fauchés."


def test_a_letter_the_charset_kept_was_not_lost(cleaner: Cleaner) -> None:
    # "c?té" lost "ô" and kept "é": the charset holds é and ê, so "p?che" is not "pêche"
    text = "Il est prêt, c?té jardin, la p?che."
    assert cleaner.clean(text, lang="fr").text == "Il est prêt, côté jardin, la pèche."
    # without that evidence the word list's first choice stands
    assert cleaner.clean("Il est prêt, côté jardin, la p?che. Il a d?j? fini.", lang="fr").text == (
        "Il est prêt, côté jardin, la pêche. Il a déjà fini.")


def test_a_real_question_mark_after_a_kept_letter_proves_no_charset(cleaner: Cleaner) -> None:
    # "¿Y tú?" keeps "ú" before a real "?": that is no word that went through a lossy
    # charset, so the intact "ó" elsewhere does not rule out a lost "ó"
    text = "¿Y tú? La canción terminó. El equipo jug? bien y el portero se lesion? en la segunda parte."
    assert cleaner.clean(text, lang="es").text == (
        "¿Y tú? La canción terminó. El equipo jugó bien y el portero se lesionó en la segunda parte.")


def test_language_without_data_uses_only_the_document(cleaner: Cleaner) -> None:
    text = "Jag talar français varje dag. Vi talar fran?ais nu och d?j? i morgon."
    result = cleaner.clean(text, lang="sv")
    assert result.text == "Jag talar français varje dag. Vi talar français nu och d?j? i morgon."


def test_no_evidence_of_damage_changes_nothing(cleaner: Cleaner) -> None:
    # word-final "?" only, before capitals: questions, not lost letters
    text = "Est-ce vrai? Oui. Et lui? Non. Pourquoi pas?"
    assert cleaner.clean(text, lang="fr").repairs == []


def test_undamaged_text_skips_all_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(doc):
        raise AssertionError("language detection must not run on undamaged text")

    monkeypatch.setattr(lossy_repair, "ensure_language", fail)
    cleaner = Cleaner(stages=["lossy_repair"])
    assert cleaner.clean("Un texte sans dommage? Aucun. Voir https://a.fr/?q=1").repairs == []


def test_confidence_floor_leaves_uncertain_words(cleaner: Cleaner) -> None:
    strict = Cleaner(stages=[lossy_repair.LossyRepairStage(min_confidence=0.99)])
    text = "Vl?da schv?lila n?vrh. Praha je hlavn? m?sto."
    loose = cleaner.clean(text, lang="cs")
    kept = strict.clean(text, lang="cs")
    assert len(kept.repairs) < len(loose.repairs)
    assert all(r.confidence >= 0.99 for r in kept.repairs)


def test_damaged_czech_misread_as_slovak_is_repaired_as_czech(monkeypatch: pytest.MonkeyPatch) -> None:
    def slovak(doc):
        doc.lang, doc.lang_method = "sk", "langdetect"
        return "sk"

    monkeypatch.setattr(lossy_repair, "ensure_language", slovak)
    text = "Vláda schv?lila n?vrh z?kona, který jsme v?era poslali. Je to tak a nen? to nic nov?ho."
    result = Cleaner(stages=["lossy_repair"]).clean(text)
    assert "schválila návrh zákona" in result.text


def test_the_pages_own_letters_choose_between_spellings(cleaner: Cleaner) -> None:
    # a Brazilian spelling by default; a page that writes "ó" (European) gets "António"
    assert "Antônio" in cleaner.clean("O ministro Ant?nio Costa falou da pol?tica.", lang="pt").text
    text = "A política económica, disse o académico. O ministro Ant?nio Costa falou."
    assert "António Costa" in cleaner.clean(text, lang="pt").text


def test_word_table_finds_every_word_of_a_shape_and_no_neighbour() -> None:
    from cleanscrape.repair.wordlist import Wordlist

    # shapes that are prefixes of one another sort next to each other: "ab" < "ab?" < "ab?c"
    words = {"ab": 100, "abé": 250, "abè": 300, "abéc": 400, "ab'c": 410, "abd": 120, "zz": 500}
    from cleanscrape.repair.wordlist import shape

    lines = []
    for word, centibels in words.items():
        letters = "".join(c for c, s in zip(word, shape(word)) if s == "?")
        lines.append(f"{shape(word)}\t{letters}\t{centibels}\n".encode())
    table = Wordlist("xx", b"".join(sorted(lines)))
    assert sorted(table.words_of_shape("ab?")) == ["abè", "abé"]
    assert sorted(table.words_of_shape("ab?c")) == ["ab'c", "abéc"]
    assert table.words_of_shape("a?") == []
    assert table.frequency("abé") == pytest.approx(10 ** -2.5)
    assert table.frequency("ab") == pytest.approx(10 ** -1.0)
    assert table.frequency("zz") == pytest.approx(10 ** -5.0)
    assert table.frequency("abc") == 0.0 and table.frequency("zzz") == 0.0
    assert sorted(table.words_of_every_shape()) == ["ab'c", "abè", "abé", "abéc"]


def test_shipped_word_tables_match_wordfreq_for_words_with_a_slot() -> None:
    import wordfreq

    from cleanscrape.repair.wordlist import wordlist

    words = wordlist("fr")
    for word in ("français", "été", "aujourd'hui", "à"):
        assert words.frequency(word) == pytest.approx(wordfreq.word_frequency(word, "fr"), rel=0.03)
    assert "français" in words.words_of_shape("fran?ais")


def test_language_vote_reads_a_language_without_repair_data_as_its_word_list() -> None:
    # English has no repair data: the vote builds a table of the words it may ask about
    # only, and must get the word list's values for them (a plain word below the word
    # list's floor is missing from both; "ⅱ" is a word without being letters)
    import wordfreq

    from cleanscrape.lang import tokenize_words
    from cleanscrape.repair.wordlist import Wordlist, build_table

    listed = Wordlist("en", build_table("en"))
    frequency = lossy_repair._vote_frequency("en")
    pack = wordfreq.get_frequency_list("en")
    sample = [word for bucket in pack for word in bucket[::10] if tokenize_words(word) == [word]]
    sample += ["ⅱ", "café", "naïve", "qzxjv"]
    assert any(frequency(w) == 0.0 for w in sample) and any(frequency(w) > 0.0 for w in sample)
    assert [frequency(w) for w in sample] == [listed.frequency(w) for w in sample]
    assert frequency("ⅱ") > 0.0 and frequency("café") > 0.0
    assert lossy_repair._vote_frequency("xx") is None


def test_the_shipped_vote_tables_are_what_wordfreq_gives() -> None:
    # a shipped table saves every worker building it; it must not drift from the words
    # the installed wordfreq gives (rewrite: python -m cleanscrape.repair.wordlist)
    from cleanscrape.repair.wordlist import SHIPPED_VOTE_LANGUAGES, _table_path, build_vote_table, read_table

    assert SHIPPED_VOTE_LANGUAGES
    for lang in SHIPPED_VOTE_LANGUAGES:
        assert read_table(_table_path(lang, "votes")) == build_vote_table(lang), lang


def test_the_shipped_heads_are_their_word_tables_heads() -> None:
    # the heads bound the language vote; they must not drift from the tables they come from
    # (rewrite: python -m cleanscrape.repair.wordlist)
    from cleanscrape.repair.language import supported_languages
    from cleanscrape.repair.wordlist import _table_path, read_table, shipped_head

    for lang in supported_languages():
        path = _table_path(lang, "heads")
        head = shipped_head(lang)
        assert (read_table(path) if path.is_file() else None) == head, lang


def test_a_head_gives_each_of_its_words_the_tables_frequency() -> None:
    from cleanscrape.repair.wordlist import HEAD_FLOOR, Wordlist, head_table

    # (a table's lines sorted) "ab" listed thrice: its first line says its frequency and is
    # its line in the head; "zz" is rarer than Zipf 3
    lines = [b"a?\t\xc3\xa9\t300\n", b"ab\t\t120\n", b"ab\t\t90\n", b"ab\t\t950\n", b"zy\t\t600\n", b"zz\t\t601\n"]
    table, head = Wordlist("xx", b"".join(lines)), Wordlist("xx", head_table(b"".join(lines)))
    for word in ("aé", "ab", "zy"):
        assert head.frequency(word) == table.frequency(word) > 0.0
    assert head.frequency("zz") == 0.0 < table.frequency("zz") <= HEAD_FLOOR


@pytest.mark.parametrize("text", ["Forgot your password privacy policy register", "Le président a dit que la loi",
                                  "Der Präsident sagte heute", "o que disse o ministro", "wrzsk qpxv",
                                  "il presidente ha detto che"])
@pytest.mark.parametrize("detected", [None, "en", "fr", "cs"])
def test_the_bounded_vote_chooses_as_the_whole_vote(text: str, detected: str | None) -> None:
    from collections import Counter

    from cleanscrape.lang import tokenize_words
    from cleanscrape.repair.language import supported_languages

    words = Counter(tokenize_words(text.lower()))
    candidates = supported_languages() + ((detected,) if detected not in supported_languages() + (None,) else ())
    every = {lang: lossy_repair._log_likelihood(lang, words) for lang in candidates}
    bounded = lossy_repair._vote(candidates, words, detected)
    assert max(bounded, key=bounded.__getitem__) == max(every, key=every.__getitem__)
    assert all(bounded[lang] == every[lang] for lang in bounded)
    assert detected not in every or detected in bounded


def test_portuguese_lone_slot_before_a_feminine_noun_is_the_contraction(cleaner: Cleaner) -> None:
    # "à" holds an article: it goes before a noun of its gender, even one still damaged
    assert "chegou à entrada" in cleaner.clean("Ele chegou ? entrada da casa e disse que n?o sabia.", lang="pt").text
    assert "Devido à informação" in cleaner.clean("Devido ? informa??o recebida, ela ? muito feliz.", lang="pt").text
    # ... but not before an article, nor after a word a verb follows
    text = cleaner.clean("A casa ? uma beleza, n?o ? verdade que ? bonita.", lang="pt").text
    assert "casa é uma" in text and "não é verdade" in text and "que é bonita" in text


def test_a_final_slot_before_a_word_that_lost_its_first_letter_is_a_lost_letter(cleaner: Cleaner) -> None:
    # "lung" and "lungă" are both words; the next word lost its first letter, which is far
    # more often a lower-case one in mid-sentence than a capital after a real question
    text = cleaner.clean("Noaptea dormea ?ntr-o odaie lung? ?i joas?, umed? ?i ?ntunecoas?.", lang="ro").text
    assert "odaie lungă și joasă, umedă și întunecoasă." in text


def test_czech_clitic_order_chooses_the_pronoun(cleaner: Cleaner) -> None:
    # frequency alone says "já"; a past tense before and the clitic order say "jí"
    text = cleaner.clean("Tatínek nep?ijel. Bylo j? hodn? p?es dvacet a zd?lo se j?, že spí.", lang="cs").text
    assert "Bylo jí hodně" in text and "zdálo se jí," in text
    assert "A já jsem" in cleaner.clean("A j? jsem ?pln? zoufal?, ?ekl.", lang="cs").text


def test_a_lone_slot_after_a_full_stop_is_a_dash(cleaner: Cleaner) -> None:
    # a real question mark does not follow a full stop: it opens the next clause
    text = cleaner.clean("Oleksy przekazywa? dokumenty ?wiadomie. ? ale no dobry jest.", lang="pl").text
    assert "świadomie. – ale" in text


def test_a_lone_slot_between_numbers_is_a_word(cleaner: Cleaner) -> None:
    # few sentences open with a number; the word before the slot is the number, not "de"
    text = cleaner.clean("Il fut professeur de 1949 ? 1976, doyen de la facult? de 1953 ? 1968.", lang="fr").text
    assert "de 1949 à 1976" in text and "de 1953 à 1968." in text


def test_a_past_tense_governor_with_a_person_ending_governs_the_infinitive(cleaner: Cleaner) -> None:
    # "musiała" is listed; "musiałabym" is it with the conditional first-person ending
    text = cleaner.clean("Musia?abym zagra? jak?? posta?, tak to jest.", lang="pl").text
    assert "Musiałabym zagrać" in text


def test_turkish_questions_hold_a_question_word(cleaner: Cleaner) -> None:
    # "mı" asks; "kitaplar?" before a name, in a sentence with no question word, lost its "ı"
    text = cleaner.clean("Bunu bilen var m?? Evet, o ?ocuklar?n kitaplar? Ahmet ald?.", lang="tr").text
    assert "var mı? Evet" in text and "çocukların kitapları Ahmet aldı." in text


def test_german_nouns_keep_their_capital_mid_sentence(cleaner: Cleaner) -> None:
    text = cleaner.clean("Das war eine gro?e ?berraschung f?r uns, und die ?bertragung lief ?berall gut.", lang="de").text
    assert "große Überraschung für" in text and "die Übertragung lief überall gut" in text


def test_tied_readings_do_not_depend_on_the_hash_seed() -> None:
    # candidate sets iterate in hash order; tied readings (here the runner-up of 'Binba??')
    # must still come out the same in every process
    import os
    import subprocess
    import sys

    script = ("from cleanscrape import Cleaner; c = Cleaner(stages=['lossy_repair']); "
              "r = c.clean('Binba?? Ahmet d?n ak?am eve geldi ve kap?y? a?t?.', lang='tr'); "
              "print([(x.before, x.after, x.runner_up) for x in r.repairs])")
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(outputs) == 1


@pytest.mark.parametrize("raw", ["\ufeff\ufffd\x85A", "\u200b\ufeff?\x85Tak, oczywiście."])
def test_a_slot_after_zero_width_layout_reads_as_at_the_line_start(cleaner: Cleaner, raw: str) -> None:
    """Regression (found by hypothesis): the whitespace stage strips a leading BOM or
    zero-width space as layout, so a slot after one must be read as opening the line the
    first time, or a second clean repairs what the first left."""
    once = cleaner.clean(raw)
    twice = cleaner.clean(once.text, lang=once.lang)
    assert twice.repairs == [] and twice.text == once.text


def test_reads_a_replacement_character_an_earlier_stage_wrote() -> None:
    """ftfy replaces a lone surrogate by U+FFFD: the stage reads the current text, not the
    input, so a second run finds nothing left to do."""
    cleaner = Cleaner(stages=["mojibake", "lossy_repair"])
    once = cleaner.clean("\ud800Ã\x80")
    assert cleaner.clean(once.text, lang=once.lang).repairs == []


def test_a_word_restored_in_a_short_text_keeps_its_language_on_a_second_run(cleaner: Cleaner) -> None:
    """With no language detected, the damaged words choose one; once restored, "ça" is an
    intact word and votes for the language it was restored in, so the second run does not
    read the "??b" left alone as Czech "Žáb" (hypothesis: '??b\\x85?a')."""
    once = cleaner.clean("??b ?a")
    assert once.text == "??b ça"
    for raw in ("??b ?a", "??b\x85?a"):  # (the mojibake stage reads "\x85" as cp1252 "…")
        once = cleaner.clean(raw)
        twice = cleaner.clean(once.text, lang=once.lang)
        assert twice.repairs == [] and twice.text == once.text


def test_a_repeated_line_votes_on_the_language_once() -> None:
    """The language vote counts distinct damaged lines: main_content removes one copy of
    a repeated label, and a second run must decide as the first (hypothesis: four copies of
    ':::A\\u2028\\ud7fc?AA' voted Portuguese, three French)."""
    cleaner = Cleaner()  # the whole pipeline: main_content removes the copy
    prose = "Le conseil municipal a voté mercredi la création de deux kilomètres de pistes cyclables."
    label = ":::A\u2028\ud7fc?AA"
    once = cleaner.clean("\n".join([label] * 3 + [prose] * 6 + [label]))
    twice = cleaner.clean(once.text, lang=once.lang)
    assert twice.repairs == [] and twice.text == once.text


@pytest.mark.parametrize("stray", [
    "B\ud800é\xa0P",  # a second run read "Béé" (Czech)
    "\ud800á\xa0",  # ... "Äá" (German)
    "\ud800A\x80",  # ... "„A" (German)
])
def test_a_line_too_short_to_vote_keeps_its_reading_on_a_second_run(stray: str, cleaner: Cleaner) -> None:
    """A damaged line with too few words of its own to vote reads alone, as it will when
    the output is cleaned again once the other damaged lines are repaired: read with the
    French line before it, it was left as French left it, and alone a second run read it
    otherwise (hypothesis; a lone surrogate becomes U+FFFD in the mojibake stage)."""
    raw = ("Der Stadtrat hat am Mittwoch den Bau von zwei Kilometern neuer Radwege beschlossen.\n"
           "La d?cision a ?t? prise apr?s de longues n?gociations.\n" + stray)
    once = cleaner.clean(raw)
    twice = cleaner.clean(once.text, lang=once.lang)
    assert twice.repairs == [] and twice.text == once.text


@pytest.mark.parametrize("lang", ["en", "xx"])
def test_rules_of_a_language_stay_off_for_a_language_without_repair_data(lang: str, cleaner: Cleaner) -> None:
    """A language without repair data has no rule tables: the rule that reads a lone slot
    after a sentence's subject ("A entrada ? gratuita") must not fail the document when its
    line is not in a language with data (found by test_properties with lang="en")."""
    prose = "Le conseil municipal a voté mercredi la création de deux kilomètres de pistes cyclables.\n"
    result = cleaner.clean("?A\n" + prose * 3 + "¹\ufffd\u2028?\u20280\n?A", lang=lang)
    assert result.ok, result.error


@pytest.mark.parametrize(("line", "word", "before", "after"), [
    # a "?" before a capital ends a question; before a small letter it is a lost letter
    ("Gdzie poszed?? Pojecha? do Gda?ska, prawda?", "Pojecha?", " ", " do Gda?ska"),
    ("O? est-il all?? Il est parti, n?est-ce pas?", "n?est-ce", " ", " pas"),
    ("Lecz jakimi kategoriami my?l? Anglicy? Lecz nikt", "my?l?", "Lecz jakimi kategoriami ", " Anglicy"),
    # a "?" before a closing quotation mark ends a quoted question; before a small letter not
    ("\"Už ji nedostane?, ale v?? co?\" pov?d? sta?e?ek.", "v??", " ale ", " co"),
    ("Nie wiem, co? robi? dzisiaj.", "robi?", " co? ", " dzisiaj"),
    # a hyphen inside a word ends nothing; a dash between spaces does
    ("jedzie do Bielsko-Bia?ej jutro - a potem", "Bia?ej", "jedzie do Bielsko-", " jutro"),
])
def test_a_clause_ends_at_punctuation_and_at_a_question_mark_before_a_capital(
        line: str, word: str, before: str, after: str) -> None:
    """The rules read the words of a damaged word's clause: a "?" in it ends the clause only
    where it ends a question (the line's end, or before a capital), as it stands for a lost
    letter as often."""
    start = line.index(word)
    assert clause_before(line, start) == before
    assert clause_after(line, start + len(word)) == after


def test_a_turkish_verb_stem_is_not_split_before_its_own_last_consonant() -> None:
    """"koyan" is "koy-an" ("koymak"), not a stem "ko" with the buffered "-yan": a stem read
    so would make "kodu" a verb form (found in review)."""
    from cleanscrape.repair.candidates import CandidateFinder
    from cleanscrape.repair.language import language_data
    from cleanscrape.repair.vocabulary import DocumentVocabulary
    from cleanscrape.repair.wordlist import wordlist

    finder = CandidateFinder(language_data("tr"), wordlist("tr"), DocumentVocabulary([], str.lower))
    assert finder.verb_form_frequency("kodu") == finder.verb_form_frequency("sadı") == 0.0
    assert finder.verb_form_frequency("okudu") > 0 and finder.verb_form_frequency("üşüdü") > 0


def test_a_line_longer_than_a_passage_is_repaired_passage_by_passage_as_each_alone(cleaner: Cleaner) -> None:
    """A page flattened to one line of megabytes is repaired in passages cut at sentence ends
    (the rules read a run's context in its line: read whole for each run, the cost grew with
    the square of the line); every passage is repaired as the same sentences alone are, and
    each repair lands at its place in the line."""
    sentence = "Le fran?ais est une langue tr?s r?pandue, et l'?t? dernier il a fait tr?s chaud. "
    alone = cleaner.clean(sentence.strip())
    assert alone.text == "Le français est une langue très répandue, et l'été dernier il a fait très chaud."
    copies = 3 * lossy_repair.PASSAGE_CHARS // len(sentence)
    line = (sentence * copies).strip()
    passages = lossy_repair._passages(line)
    assert len(passages) == 3 and passages[0][0] == 0 and passages[-1][1] == len(line)
    assert all(line[end - 2:end] == ". " and end - start >= lossy_repair.PASSAGE_CHARS
               for start, end in passages[:-1])
    result = cleaner.clean(line)
    assert result.text == ((alone.text + " ") * copies).strip()
    assert len(result.repairs) == copies * len(alone.repairs)


def test_a_long_line_without_a_sentence_end_is_cut_at_a_space_or_not_at_all() -> None:
    words = "abc " * lossy_repair.PASSAGE_CHARS
    passages = lossy_repair._passages(words)
    assert all(words[end - 1] == " " for _, end in passages[:-1]) and len(passages) == 4
    unbroken = "a" * (3 * lossy_repair.PASSAGE_CHARS)
    assert lossy_repair._passages(unbroken) == [(0, len(unbroken))]
    assert lossy_repair._passages("court") == [(0, 5)]


# found at HYPOTHESIS_SCALE=20 (seed 115): "?A??A\ud800 " in German failed the whole document
# (IndexError: a one-word quotation looked for a word after its closing slot in the blanks
# that end the line)
@pytest.mark.parametrize(("raw", "lang"), [("?Perch?", "it"), ("Dijo ?Verdad?", "es"), ("?A??A?", "de")])
@pytest.mark.parametrize("blanks", [" ", " \t", "  \n"])
def test_a_quoted_word_before_a_lines_trailing_blanks_reads_as_at_the_lines_end(
        raw: str, lang: str, blanks: str, cleaner: Cleaner) -> None:
    result = cleaner.clean(raw + blanks, lang=lang)
    assert result.ok, result.error
    assert result.text == cleaner.clean(raw, lang=lang).text + blanks


@pytest.mark.parametrize("lang", ["fr-FR", "fr-CA", "pt-BR"])
def test_a_language_given_with_its_region_repairs_as_the_language(lang: str, cleaner: Cleaner) -> None:
    # every damaged document failed: "stage 'lossy_repair' failed: KeyError: 'fr-FR'" (the
    # repair data is the language's, "fr", but its vote was looked up as given)
    text = "Le march? est ouvert ? partir de l'ann?e prochaine, selon la mairie.\n"
    result = cleaner.clean(text, lang=lang)
    assert result.ok, result.error
    assert result.text == cleaner.clean(text, lang=lang.split("-")[0]).text
    assert result.lang == lang


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b"])
def test_a_damaged_first_word_after_a_byte_order_mark_is_capitalised_as_the_text_s_first(mark: str) -> None:
    # the mark was taken for a character before the word, no sentence end: "życzę"
    text = ("\ufffdycz\ufffd powodzenia. \ufffdywi nie powinni w ten spos\ufffdb igra\ufffd z pot\ufffd\ufffdniejszymi"
            " mocami. \ufffdy\ufffd nam nie da!")
    cleaner = Cleaner(stages=["lossy_repair"])
    assert cleaner.clean(text).text.startswith("Życzę powodzenia")
    assert cleaner.clean(mark + text).text == mark + cleaner.clean(text).text


def test_the_lost_final_vowels_are_a_set_of_vowels(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``lost_final_vowel`` lists vowels; the agreement after a feminine head read it as one
    # ending, and a language with two lost the rule: "terorist?" stayed a question
    ro = dataclasses.replace(language_data("ro"), lost_final_vowel="ăe")
    monkeypatch.setattr(lossy_repair, "language_data", lambda lang: ro if lang == "ro" else language_data(lang))
    text = "Au fost revendicate de organiza?ia terorist? Al-Qaida, a declarat guvernul britanic."
    result = Cleaner(stages=["lossy_repair"]).clean(text, lang="ro")
    assert "organizația teroristă Al-Qaida" in result.text


@pytest.mark.parametrize("slot", ["?", "\ufffd"])
def test_slots_a_known_word_leaves_taken_out_are_lost_soft_hyphens(slot: str, cleaner: Cleaner) -> None:
    # German news pages hyphenate long words with &shy;, which an ASCII charset writes "?":
    # the letter model filled every one ("Verüfahören", "schädöliächen"); with a lost
    # letter beside them ("sch?d?li?chen"), and a lost capital first ("?ber?tra?gungs?we?ge")
    text = ("?ber?tra?gungs?we?ge der Ver?fah?ren: die For?schung zeigt f?r die Men?schen "
            "sch?d?li?chen Strah?lung.").replace("?", slot)
    assert cleaner.clean(text, lang="de").text == (
        "Über\xadtra\xadgungs\xadwe\xadge der Ver\xadfah\xadren: die For\xadschung zeigt für die Men\xadschen "
        "schäd\xadli\xadchen Strah\xadlung.")


def test_a_word_with_lost_letters_beside_the_slots_shows_no_hyphenated_page(cleaner: Cleaner) -> None:
    # "łaska" with a soft hyphen was the one reading of a known word for the name "?a?ska"
    # ("Łańska"): a page that lost soft hyphens shows it by words that lost nothing else
    text = ("Po to tu przyjad?, ?eby zatkn?? kwiatek, zapali? znicz. Po uderzeniu policyjn? pa?k? "
            "kobieta dozna?a powa?nego urazu wewn?trznego. Po wielu, wielu latach przyby?o w okolice "
            "?a?ska dw?ch rybak?w.")
    assert "\xad" not in cleaner.clean(text, lang="pl").text


def test_one_word_read_as_lost_soft_hyphens_is_no_hyphenated_page(cleaner: Cleaner) -> None:
    # a page hyphenates its long words, not one: "bal?ul" is "balțul", not a hyphenated "balul"
    text = ("Toat? frica ei se risipea pe ne?tiute ?i, c?nd au ?ntins masa, vr?nd-nevr?nd ?i-a pus "
            "bal?ul ?i-a mers la biseric?.")
    assert "pus balțul și-a" in cleaner.clean(text, lang="ro").text


def test_a_page_that_kept_a_soft_hyphen_lost_none(cleaner: Cleaner) -> None:
    # a charset that holds U+00AD (every Latin one) did not write it as "?"
    text = "Die Ver\xadfah\xadren sind f?r die Men?schen und die For?schung."
    out = cleaner.clean(text, lang="de").text
    assert "\xad" not in out.replace("Ver\xadfah\xadren", "")


def test_a_lost_letter_beside_a_lost_soft_hyphen_and_an_elided_word_before(cleaner: Cleaner) -> None:
    # "pr??si?dence": one of two slots side by side is the hyphen, the other a letter; the
    # hyphen parts syllables, each with its vowel ("pré\xadsi", not "pr\xadési"), and breaks
    # before a consonant where it may ("supé\xadrieur", not "sup\xadérieur"); an elided word's
    # apostrophe before ("l?en?sei?gne?ment": the letter model had "l’enèseiégneâment")
    text = "La pr??si?dence de l?en?sei?gne?ment sup??rieur veut la for?ma?tion et la pro?fes?sion."
    assert cleaner.clean(text, lang="fr").text == (
        "La pré\xadsi\xaddence de l’en\xadsei\xadgne\xadment supé\xadrieur veut la for\xadma\xadtion "
        "et la pro\xadfes\xadsion.")
    assert cleaner.clean("Die sch??nen Ver?fah?ren der For?schung.", lang="de").text == \
        "Die schö\xadnen Ver\xadfah\xadren der For\xadschung."


def test_a_soft_hyphen_leaves_no_part_without_a_vowel(cleaner: Cleaner) -> None:
    # hyphenation parts syllables: "Ang?st" is no "Ang\xadst" on a page that lost soft hyphens
    out = cleaner.clean("Die Ang?st vor den Ver?fah?ren der For?schung.", lang="de").text
    assert out.startswith("Die Ang") and "\xad" not in out.split()[1]


def test_an_elided_word_is_no_hyphenated_word(cleaner: Cleaner) -> None:
    # "qu?il" is "qu’il": taken out, its slot leaves "quil", and "qu?il", "qu?elle" made a
    # French page one that lost soft hyphens ("qu\xadil", "lé\xadtat" were runners-up)
    result = cleaner.clean("Il dit qu?il part et qu?elle reste dans d?une ville de l??tat.", lang="fr")
    assert result.text == "Il dit qu’il part et qu’elle reste dans d’une ville de l’État."
    assert not any("\xad" in (repair.runner_up or "") for repair in result.repairs)


def test_a_lone_slot_after_a_date_is_no_price(cleaner: Cleaner) -> None:
    # the euro a number takes was read after a date too: "14.09.2022 €"
    text = "Nike Jane ? 14.09.2022 ? Kolumne f?r die M?dchen und die Gr??e der Welt."
    assert "14.09.2022 – Kolumne für" in cleaner.clean(text, lang="de").text


def test_a_lone_slot_after_a_pictures_credit_word_is_the_copyright_sign(cleaner: Cleaner) -> None:
    # news pages credit their pictures "Bild © Name", "Foto: © Name": the slot was a dash
    text = "Menschen vor der B?hne Bild ? Johannes Gregor/hr Diese Solidarit?t. Foto: ? Peter M?ller GmbH"
    out = cleaner.clean(text, lang="de").text
    assert "Bild © Johannes" in out and "Foto: © Peter" in out


def test_a_compound_no_list_holds_of_two_listed_words_takes_lost_soft_hyphens(cleaner: Cleaner) -> None:
    # the letter model filled it: "Strahälenanöwenödung"
    text = "Die Strah?lenan?wen?dung der Ver?fah?ren bei den Men?schen."
    assert cleaner.clean(text, lang="de").text.startswith("Die Strah\xadlenan\xadwen\xaddung der Ver\xadfah\xadren")
