"""paywall: login prompts and membership or donation pitches go; prose about paying stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import PROSE, assert_kept, assert_removed, run_stage




# a membership pitch of a paragraph: the lead-in, then what members get
LONG_PITCH = ("If you enjoyed this article, we would like to ask something of you: join our club of readers. "
              "Members read everything we publish, with no paywalls and fewer adverts, meet our reporters twice a "
              "year and receive the printed quarterly at home. And importantly, every member keeps our small "
              "newsroom independent of advertisers.")


def test_a_long_pitch_that_names_the_offer_again_goes() -> None:
    assert 40 < len(LONG_PITCH.split()) <= 80
    assert_removed("paywall", "en", [LONG_PITCH], [LONG_PITCH])


def test_a_long_paragraph_about_memberships_stays() -> None:
    # the same words, but the paragraph does not open with a pitch's lead-in: reporting
    assert_kept("paywall", "en", [
        "The club's members voted on Tuesday to raise the fee, and the board said it hoped more people would "
        "become a member before the season starts. Readers of the club bulletin, which has no paywalls, were told "
        "that the new fee would pay for the pitch, the changing rooms and a part-time coach for the youth teams."])


def test_a_long_paragraph_opening_with_the_lead_in_alone_stays() -> None:
    # a lead-in with nothing of a pitch after it: a letter or a column, not an offer
    assert_kept("paywall", "en", [
        "If you enjoyed this article, you may remember the council meeting last spring, when the mayor promised "
        "new buses for the northern districts, a second bridge over the river and cheaper tickets for students, "
        "none of which has happened yet, as the residents we spoke to this week were quick to point out."])


def test_a_pitch_longer_than_the_limit_stays() -> None:
    long_text = LONG_PITCH + " " + " ".join(["The quarterly also carries long reports from the region."] * 5)
    result = run_stage("paywall", "en", [long_text])
    assert long_text in result.text and PROSE["en"] in result.text
