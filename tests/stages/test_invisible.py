"""invisible: soft hyphens, zero-width spaces and word joiners inside kept lines go, each run
reported with the character it is; the joiners that shape a script stay, and so does a soft
hyphen that may be half of a letter mojibake left."""

from __future__ import annotations

import pytest

from cleanscrape import Cleaner
from cleanscrape.document import apply_edits
from cleanscrape.stage import StageConfigError

PROSE = "Auch in die\u00adsem Jahr wol\u00adlen wir die Touristen\u00ad\u00adattraktion zeigen, sagte er."


def _invisible(result):
    return [r for r in result.removed if r.stage == "invisible"]


def test_soft_hyphens_inside_words_go_one_removal_a_run() -> None:
    result = Cleaner(stages=["invisible"]).clean(PROSE)
    assert result.text == PROSE.replace("\u00ad", "")
    removed = _invisible(result)
    assert [r.text for r in removed] == ["\u00ad", "\u00ad", "\u00ad\u00ad"]
    assert {r.category for r in removed} == {"invisible"}
    assert all("soft hyphen (U+00AD)" in r.reason for r in removed)
    assert apply_edits(PROSE, result.removed, result.repairs) == result.text


def test_the_default_pipeline_removes_them_and_replays() -> None:
    text = f"{PROSE}\nIhr gelang so eini\u00adges in ihrem Le\u2060ben, und die Groß\u00advä\u200bter wussten es."
    result = Cleaner(lang="de").clean(text)
    assert "\u00ad" not in result.text and "\u2060" not in result.text and "\u200b" not in result.text
    assert "Großväter" in result.text
    assert apply_edits(text, result.removed, result.repairs) == result.text


def test_a_zero_width_space_at_a_line_edge_is_the_whitespace_stage_s() -> None:
    text = "\u200bIndented line with a zero\u200bwidth space inside it, and a full stop."
    result = Cleaner(stages=["invisible", "whitespace"]).clean(text)
    assert result.text == "Indented line with a zerowidth space inside it, and a full stop."
    assert [(r.stage, r.reason) for r in result.removed] == [
        ("whitespace", "indentation"),
        ("invisible", "zero width space (U+200B): a format character that renders as nothing"),
    ]


def test_a_line_of_soft_hyphens_goes_whole_and_a_blank_line_stays_the_whitespace_stage_s() -> None:
    text = "First paragraph.\n\u00ad\u00ad\nSecond paragraph.\n\u200b\nThird."
    result = Cleaner(stages=["invisible"]).clean(text)
    assert [(r.line, r.reason) for r in result.removed] == [(1, "line of invisible characters only")]
    assert result.text == "First paragraph.\nSecond paragraph.\n\u200b\nThird."


def test_a_soft_hyphen_that_may_be_half_of_a_letter_stays_until_the_mojibake_stage_reads_it() -> None:
    text = "La ciudad de Am\u00c3\u00adrica del Sur recibi\u00c3\u00b3 a los visitantes con alegr\u00c3\u00ada."
    alone = Cleaner(stages=["invisible"]).clean(text)
    assert alone.text == text and alone.removed == []
    repaired = Cleaner(stages=["mojibake", "invisible"]).clean(text)
    assert repaired.text == "La ciudad de Amírica del Sur recibió a los visitantes con alegría."
    assert _invisible(repaired) == []


@pytest.mark.parametrize("text", [
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the non-joiner spells the word
    "family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji",  # joiners make one emoji
    "\u200fRTL mark and \u202aembedding\u202c stay",
])
def test_joiners_and_direction_marks_are_text(text: str) -> None:
    result = Cleaner(stages=["invisible"]).clean(text)
    assert result.text == text and result.removed == []


def test_the_characters_are_an_option_of_format_characters_only() -> None:
    assert Cleaner(stages=["invisible"], stage_options={"invisible": {"characters": ""}}).clean(PROSE).text == PROSE
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    zwnj = Cleaner(stages=["invisible"], stage_options={"invisible": {"characters": "\u200c"}}).clean(persian)
    assert zwnj.text == persian.replace("\u200c", "")
    with pytest.raises(StageConfigError, match="format characters only"):
        Cleaner(stages=["invisible"], stage_options={"invisible": {"characters": "\u00ad-"}})


def test_a_soft_hyphen_inside_a_mojibake_word_goes_and_the_repair_goes_around_it() -> None:
    # ftfy rewrites the word whole; the repairs are cut at the soft hyphen it kept, which is
    # the invisible stage's (in one repair it stayed, and a second cleaning removed it)
    text = "Die Gro\u00c3\u0178\u00adv\u00c3\u00a4ter kamen aus der Stadt."
    result = Cleaner(stages=["mojibake", "invisible"]).clean(text)
    assert result.text == "Die Großväter kamen aus der Stadt."
    assert [(r.before, r.after) for r in result.repairs] == [("Gro\u00c3\u0178", "Groß"), ("v\u00c3\u00a4ter", "väter")]
    assert [r.text for r in _invisible(result)] == ["\u00ad"]


def test_the_part_of_a_run_a_repair_did_not_take_goes() -> None:
    # "Ã\u00ad" is "í": its soft hyphen is the repair's, the next one the invisible stage's
    text = "La ciudad de Am\u00c3\u00ad\u00adrica del Sur es grande."
    result = Cleaner(stages=["mojibake", "invisible"]).clean(text)
    assert result.text == "La ciudad de Amírica del Sur es grande."
    assert [r.text for r in _invisible(result)] == ["\u00ad"]
    assert apply_edits(text, result.removed, result.repairs) == result.text


def test_the_reasons_are_remembered_by_the_characters_not_by_each_run() -> None:
    # a text's runs of every length named the same characters, and each was kept for the
    # process's life: the cache grew with the input
    from cleanscrape.stages import invisible

    text = " ".join("a" + "\u200b" * n + "b" for n in range(1, 40))
    invisible._reason_of.cache_clear()
    result = Cleaner(stages=["invisible"]).clean(text)
    reasons = {r.reason for r in _invisible(result)}
    assert reasons == {"zero width space (U+200B): a format character that renders as nothing"}
    assert invisible._reason_of.cache_info().currsize == 1
