"""duplicates: later copies go with a reason naming the line they copy; first copies stay."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from rapidfuzz import fuzz

from cleanscrape import Cleaner
from cleanscrape.stages.duplicates import DuplicatesStage, _Candidate

LEAD = (
    "Les chefs de la diplomatie française ont réaffirmé jeudi leur priorité commune, "
    "la lutte contre le terrorisme, a déclaré le ministre à l'issue d'un entretien."
)
SECOND = "Le ministre a rappelé que les deux pays devaient renforcer leur coopération sur ce dossier."
TITLE = "Le Drian à Lavrov : «Nous faisons face à un ennemi commun»"


def clean(text: str):
    return Cleaner(stages=["duplicates"]).clean(text)


def reasons(result) -> dict[int, str]:
    return {r.line + 1: r.reason for r in result.removed}


def test_repeated_title_keeps_the_first_copy():
    result = clean(f"{TITLE}\n\n{TITLE}\n{LEAD}")
    assert reasons(result) == {3: "exact copy of line 1"}
    assert result.text == f"{TITLE}\n\n{LEAD}"


def test_copy_differing_only_in_case_spacing_and_edge_punctuation_is_exact():
    result = clean(f"{LEAD}\n{SECOND}\n  {LEAD.upper().rstrip('.')}  ")
    assert reasons(result) == {3: "exact copy of line 1"}


@pytest.mark.parametrize(("first", "copy"), [
    (TITLE, 'Le Drian à Lavrov : "Nous faisons face à un ennemi commun"'),
    (TITLE, "Le Drian à Lavrov : “Nous faisons face à un ennemi commun”"),
    (TITLE, "Le Drian à Lavrov : « Nous faisons face à un ennemi commun »"),
    ("Lavrov - Kerry : se mettre d'accord sur une liste", "Lavrov – Kerry : se mettre d‘accord sur une liste"),
], ids=["straight", "curly", "spaced guillemets", "dash and apostrophe"])
def test_copy_in_other_quotation_marks_apostrophes_or_dashes_is_exact(first: str, copy: str):
    result = clean(f"{first}\n\n{copy}\n{LEAD}")
    assert reasons(result) == {3: "exact copy of line 1, but for its quotation marks, apostrophes or dashes"}


def test_truncated_teaser_after_the_full_paragraph():
    teaser = LEAD[: LEAD.index("a déclaré") + len("a déclaré le")] + "..."
    result = clean(f"{LEAD}\n{SECOND}\n{teaser}")
    assert reasons(result) == {3: "truncated copy (...) of line 1"}


def test_long_teaser_cut_mid_sentence_without_an_ellipsis_goes():
    # a copy cut at a word count, as a page reprints its lead under the article
    cut = " ".join(LEAD.split()[:20])
    result = clean(f"{LEAD}\n{SECOND}\n{cut}")
    assert reasons(result) == {3: "truncated copy (cut mid-sentence, no ellipsis) of line 1"}


def test_paragraphs_opening_like_a_longer_one_stay_unless_cut_long_mid_sentence():
    first_sentence = "Les chefs de la diplomatie française ont réaffirmé jeudi leur priorité commune."
    short_cut = " ".join(LEAD.split()[:12])  # too few words to tell a copy from a shared opening
    long = f"{LEAD} {SECOND} Il doit se rendre à Moscou en septembre pour une nouvelle série de discussions."
    part_word = long[:long.index("renforcer") + 5]  # cut inside a word: "renfo" is no word of the paragraph
    for line, full in ((first_sentence, f"{first_sentence} {LEAD}"), (short_cut, LEAD), (part_word, long)):
        result = clean(f"{full}\n{TITLE}\n{line}")
        assert reasons(result) == {}, line


def test_truncated_teaser_before_the_full_paragraph_also_goes():
    teaser = LEAD[:60] + "…"
    result = clean(f"{teaser}\n{SECOND}\n{LEAD}")
    assert reasons(result) == {1: "truncated copy (…) of line 3"}


def test_near_copy_names_the_similarity():
    edited = LEAD.replace("jeudi", "mercredi")  # 24 words: a paragraph
    result = clean(f"{LEAD}\n{SECOND}\n{edited}")
    (removal,) = result.removed
    assert removal.line + 1 == 3
    assert removal.reason.endswith("% similar to line 1")
    assert removal.score is not None and 0.9 <= removal.score < 1


def test_templated_items_differing_in_numbers_are_not_copies():
    items = [
        "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 Orange, 1 tsp.",
        "Portion Fix Containers: 1 Green, 2 Red, 1 Yellow, 1 Orange, 1 tsp.",
        "Portion Fix Containers: 2 Green, 1 Red, 1 Yellow, 1 Orange, 1 tsp.",
    ]
    text = "\n".join(items)
    assert clean(text).text == text


def test_different_paragraphs_sharing_words_are_kept():
    other = "Les chefs de la diplomatie russe ont démenti vendredi toute divergence sur la question syrienne."
    text = f"{LEAD}\n{SECOND}\n{other}"
    assert clean(text).text == text


def test_short_repeated_lines_are_left_to_other_stages():
    text = f"Partager\n{LEAD}\nPartager\nEllipsis...\nEllipsis..."
    assert clean(text).removed == []


def test_a_teaser_too_short_to_identify_is_kept():
    text = f"{LEAD}\nLes...\n{SECOND}"
    assert clean(text).text == text


def test_lines_removed_by_an_earlier_stage_are_not_originals():
    from cleanscrape.document import Document
    from cleanscrape.stages.duplicates import DuplicatesStage

    doc = Document(f"{TITLE}\n{LEAD}\n{TITLE}")
    doc.remove_line(0, stage="navigation", category="navigation", reason="test")
    DuplicatesStage().process(doc)
    assert doc.output_text() == f"{LEAD}\n{TITLE}"


def test_repeated_short_title_in_a_script_without_spaces_goes():
    # 14 characters, worth three times as many in a script written without spaces
    title = "商品の改造が商標法違反に！？"
    body = "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されました。"
    result = Cleaner(stages=["duplicates"]).clean(f"{title}\n{title}\n\n{body}", lang="ja")
    assert reasons(result) == {2: "exact copy of line 1"}


def test_repeated_short_label_stays_for_other_stages():
    result = clean(f"Partager\n{LEAD}\nPartager\n{SECOND}")
    assert reasons(result) == {}


def test_kept_lines_run_together_into_one_line_go_as_a_joined_copy():
    third = ("Les deux ministres ont en outre placé cette rencontre dans la continuité de leur premier "
             "entretien, qui s'était déroulé à Moscou au mois de juin de l'année dernière.")
    heading = "Une reprise"
    body = [LEAD, SECOND, heading, third]
    joined = " ".join(body)  # the article body again, as structured data gives it
    result = clean("\n\n".join([*body, joined]))
    assert reasons(result) == {9: "copy of 3 kept lines run together (lines 1-7)"}
    assert result.text.rstrip() == "\n\n".join(body)


def test_a_joined_copy_is_no_piece_of_a_longer_one():
    """Found at HYPOTHESIS_SCALE=10: a joined copy taken as the first piece of a longer line
    left that line kept, and a second run, without the piece, removed it."""
    cleaner = Cleaner(stages=["duplicates"])
    line = " ".join([SECOND] * 2)
    raw = "\n".join(" ".join([line] * n) for n in (6, 5)) + " " + SECOND + "\n" + line
    once = cleaner.clean(raw)
    assert reasons(once) == {1: "copy of 6 kept lines run together (lines 3-3)",
                             2: "copy of 5 kept lines run together (lines 3-3)"}
    assert cleaner.clean(once.text).removed == []


def test_a_paragraph_quoting_one_earlier_line_is_no_joined_copy():
    long = (f"{LEAD} Le ministre russe a ensuite détaillé les groupes visés, la coopération "
            "entre les services de renseignement et le calendrier des prochaines rencontres, "
            "qui devraient avoir lieu avant la fin de l'année, à Paris puis à Moscou, selon "
            "les deux délégations, qui ont salué un climat de confiance retrouvé.")
    result = clean(f"{LEAD}\n\n{SECOND}\n\n{long}")
    assert reasons(result) == {}


def test_a_teaser_edged_with_a_byte_order_mark_goes_on_the_first_run():
    """The output trims a byte-order mark at a line's edge: a teaser judged with it ("…\\ufeff"
    ends with no ellipsis) was kept, and removed when the output was cleaned again."""
    cleaner = Cleaner()
    raw = ("Le président a annoncé mardi une réforme des retraites très attendue par les syndicats.\n\n"
           "Le président a annoncé mardi une réforme…\ufeff\n\nLa suite du texte continue ici avec d'autres phrases.")
    once = cleaner.clean(raw, lang="fr")
    assert "réforme…" not in once.text
    assert cleaner.clean(once.text, lang="fr").text == once.text


def test_a_copy_edged_with_a_byte_order_mark_goes_on_the_first_run():
    """Regression (found by hypothesis): the lines are compared normalised, and normalising
    kept a byte-order mark the output trims, so a copy ending in one was kept, then removed
    as an exact copy when the output was cleaned again."""
    cleaner = Cleaner()
    once = cleaner.clean("000⺀0⺀000\n000⺀0⺀000\ufeff")
    assert once.text == "000⺀0⺀000"
    assert cleaner.clean(once.text, lang=once.lang).text == once.text


def test_near_copy_in_a_script_beyond_latin_1():
    lead = ("Любовь к вкусной еде и красивым картинкам привела меня к тому, чем я сейчас занимаюсь: "
            "к фотографии еды, к рецептам из разных стран и к долгим прогулкам по рынкам.")
    edited = lead.replace("долгим", "частым")
    result = clean(f"{lead}\n{SECOND}\n{edited}")
    assert [r.line + 1 for r in result.removed] == [3]
    assert result.removed[0].reason.endswith("% similar to line 1")


def test_the_near_copy_pre_check_passes_over_no_similar_pair():
    """The pre-check compares lines by their characters' low bytes, first without the commonest
    of them: it may let a dissimilar document through to the sketch search, never stop one
    with a similar pair.  'а' (U+0430) and '0' share a low byte, '𝐀' is two UTF-16 code
    units, '\\udcc3' a lone surrogate; the space, 'e', 'а' and '0' are among the common
    characters.  Half the documents are a line and a copy that lost only uncommon
    characters, as many as a near copy may or one more: the pre-check's bounds are tight
    there."""
    stage = DuplicatesStage()
    # lines of common characters alone: nothing left to compare first, so they are compared whole
    assert stage._some_pair_similar([_Candidate(0, "tee at a tent " * 4), _Candidate(1, "tee at a tent " * 4 + "a")])
    rng = random.Random(17)
    alphabet = "ab0а𝐀йe \udcc3"
    for _ in range(4000):
        base = rng.choices(alphabet, k=rng.randrange(20, 120))
        lines = [_Candidate(0, "".join(base))]
        if rng.random() < 0.5:
            uncommon = [i for i, c in enumerate(base) if c in "bй"]
            # a copy n - k characters long is 90 % similar while k <= 2n / 11
            lost = set(rng.sample(uncommon, min(len(uncommon), 2 * len(base) // 11 + rng.randrange(2))))
            lines.append(_Candidate(1, "".join(c for i, c in enumerate(base) if i not in lost)))
        else:
            for index in range(1, rng.randrange(2, 6)):
                line = list(base if rng.random() < 0.5 else rng.choices(alphabet, k=len(base)))
                for _ in range(rng.randrange(0, 6)):
                    line[rng.randrange(len(line))] = rng.choice(alphabet)
                lines.append(_Candidate(index, "".join(line)))
        similar = any(fuzz.ratio(a.norm, b.norm) >= 90 for a, b in combinations(lines, 2))
        assert stage._some_pair_similar(lines) or not similar, [line.norm for line in lines]


def test_a_near_similarity_of_zero_takes_any_later_paragraph_sharing_words_for_a_copy():
    # the pre-check's cutoff fell below zero, which rapidfuzz refuses: every document with
    # two paragraphs failed, 'OverflowError: can't convert negative value to uint64_t'
    later = f"{LEAD[:60]} and then twenty words more of another paragraph, which shares its opening words"
    result = Cleaner(stages=["duplicates"], stage_options={"duplicates": {"near_similarity": 0.0}}).clean(
        f"{LEAD}\n{SECOND}\n{later}")
    assert result.error is None
    assert [r.line + 1 for r in result.removed] == [3]
