"""newsletter: sign-up calls to action go; prose about newsletters or subscribing stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import assert_kept, assert_removed


def test_sign_up_lead_in_of_an_item_in_a_deal_list_stays() -> None:
    assert_kept("newsletter", "en", ["Get the Disney+ bundle with ESPN+ for $12.99 a month",
                                     "Sign up for Hulu with ads for $5.99 a month",
                                     "Buy an annual Disney+ plan and save 16 percent"])


def test_sign_up_call_between_widget_lines_still_goes() -> None:
    assert_removed("newsletter", "en", ["Sign up for our weekly newsletter today", "Enter your email address"],
                   ["Sign up for our weekly newsletter today", "Enter your email address"])
