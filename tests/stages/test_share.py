"""share: share and follow widgets go; sentences about sharing or platforms stay.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed


def test_glued_platform_name_is_not_a_prefix_match() -> None:
    # "HomePod"-style product names are not "Home" + something
    assert_kept("share", "en", ["FollowMe app review: a week with the tracker"])


@pytest.mark.parametrize("row", ["twitter linkedin facebook instagram", "Facebook | Twitter | WhatsApp",
                                 "FacebookTwitterEmail"])
def test_row_of_button_names_goes(row: str) -> None:
    assert_removed("share", "en", [row], [row])


def test_sentence_listing_platforms_stays() -> None:
    assert_kept("share", "en", ["Facebook and Twitter removed the accounts on Monday."])
