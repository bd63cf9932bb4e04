"""comments: comment forms, their rules and buttons go; prose about comments stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import assert_kept


def test_lone_bullet_goes_only_next_to_a_removed_line() -> None:
    assert_kept("comments", "fr", ["  •  "])


def test_a_crlf_text_s_sentences_are_sentences() -> None:
    # the "\r" before each "\n" hid the sentence's end: "declined to comment." was read as
    # a fragment and removed, in 25 of the 3,139 texts of the identity set given with CRLF
    from cleanscrape import Cleaner

    text = ("The company reported a loss for the third quarter in a row on Tuesday, and its shares fell.\n"
            "A spokesperson for the company declined to comment.\nAnalysts had expected a smaller loss.")
    for stages in (["comments"], None):
        cleaner = Cleaner(stages=stages)
        assert cleaner.clean(text.replace("\n", "\r\n")).text.replace("\r\n", "\n") == cleaner.clean(text).text
