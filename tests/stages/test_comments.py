"""comments: comment forms, their rules and buttons go; prose about comments stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed


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


# a moderation notice stands alone between paragraphs, with no comment form next to it to
# lend it weak evidence: its own lead-in, or two of its phrases, must condemn it
MODERATION_NOTICES = [
    ("en", "Comments are moderated and will appear after approval."),
    ("de", "Kommentare werden moderiert und erst nach Prüfung freigeschaltet."),
    ("fr", "Les commentaires sont modérés avant publication."),
    ("es", "Los comentarios son moderados y no serán publicados si son ofensivos."),
    ("pt", "Os comentários são moderados antes da publicação."),
    ("it", "I commenti sono moderati e non saranno pubblicati subito."),
    ("nl", "Reacties worden gemodereerd voordat ze online komen."),
    ("pl", "Komentarze są moderowane: pojawią się po zatwierdzeniu."),
    ("ru", "Все комментарии модерируются и появятся после проверки."),
]


@pytest.mark.parametrize(("lang", "line"), MODERATION_NOTICES, ids=[lang for lang, _ in MODERATION_NOTICES])
def test_a_moderation_notice_alone_goes(lang: str, line: str) -> None:
    assert_removed("comments", lang, [line], [line])
