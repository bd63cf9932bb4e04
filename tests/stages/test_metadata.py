"""metadata: datelines, bylines, update stamps, reading times and counters go; prose with
dates and numbers stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import re
import sys

import pytest
from lexicon_cases import assert_kept, assert_removed


def test_dateline_of_agency_and_timestamp_goes() -> None:
    assert_removed("metadata", "fr", ["Xinhua | 31.01.2017 10h08"], ["Xinhua | 31.01.2017 10h08"])


def test_bare_number_goes_only_next_to_removed_boilerplate() -> None:
    assert_kept("metadata", "fr", ["17303"])
    assert_removed("metadata", "fr", ["Publié le 31/01/2017", "17303"], ["Publié le 31/01/2017", "17303"])


@pytest.mark.parametrize("line", ["— Jane Doe (@janedoe) November 18, 2019", "LOW 113.40 -1.62 -1.41%",
                                  "Oct. 3 -- Ak-Chin Pavilion, Phoenix, AZ"])
def test_embedded_post_signatures_prices_and_tour_dates_stay(line: str) -> None:
    assert_kept("metadata", "en", [line])


def test_byline_goes_but_a_lower_case_phrase_after_by_stays() -> None:
    assert_removed("metadata", "en", ["By John Smith"], ["By John Smith"])
    assert_kept("metadata", "en", ["By the numbers"])


@pytest.mark.parametrize("line", [
    "Von Georg Kasch", "von Martina Scharmann", "Von Roland Brockmann und Sebastian Drescher",
    "Von Fanny Guénon des Mesnards", "Von Fanny Guénon des Mesnards, 3. März 2022",
    "Von Roland Brockmann und Sebastian Drescher | 12.03.2021",
])
def test_german_byline_of_von_and_a_name_goes(line: str) -> None:
    # "von" is no metadata phrase (headlines open with it): the name's shape tells a byline
    assert_removed("metadata", "de", [line], [line])


@pytest.mark.parametrize("line", [
    "Von Kopf bis Fuß: Frost-Schützer für Mountainbiker", "Von wegen Entspannung",
    "Von Äpfeln und Birnen", "Von Ast getroffen: Waldarbeiter verunglückt",
    "Von Georg Kasch und anderen Autoren", "Von Deutscher Tennis Bund Weltranglisten",
    "Von Georg Kasch, dem Kritiker",
])
def test_headlines_opening_with_von_stay(line: str) -> None:
    assert_kept("metadata", "de", [line])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Tue – Sat 4PM (Closed on Sun & Mon)"),  # opening hours: a span of days, other words inside
    ("de", "Freitag: 9:00 Uhr – 13:00 Uhr"),  # a span of times
    ("en", "29 November 2018 | 20 January 2019"),  # an exhibition's period: two dates, no dateline word
    ("de", "Mitte Januar 2022 hat"),  # a sentence fragment: other words on both sides of the date
])
def test_schedules_periods_and_fragments_with_dates_stay(lang: str, line: str) -> None:
    assert_kept("metadata", lang, [line])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Reuters November 18, 2019 11:03 PM"),  # a source before the date
    ("en", "October 9, 2018 | by Olivia Larsen"),  # a byline after it
    ("en", "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)"),  # two times, not joined by a dash
    ("de", "06.11.2023, 13.47 Uhr"),
    ("es", "hace 3 horas"),
    ("en", "Jane Roe - Mar 3, 2021, 9:05 am CDT"),  # a US zone beside an author's name
    ("en", "Updated 4:12 PM HST, June 2, 2022"),
])
def test_datelines_with_a_source_or_time_zones_go(lang: str, line: str) -> None:
    assert_removed("metadata", lang, [line], [line])


@pytest.mark.parametrize("line", ["2021-03-04T10:15:30+01:00", "2021-03-04T10:15:30Z", "2021-03-04T10:15:30.123Z"])
def test_iso_timestamp_alone_on_its_line_goes(line: str) -> None:
    # pages print their metadata's publication and modification times as they store them
    assert_removed("metadata", "en", [line], [line])


@pytest.mark.parametrize("line", ["2021-03-04T10:15:30+01:00 server restarted after the update",
                                  "Build 2021-03-04 passed"])
def test_timestamp_inside_a_log_line_or_a_fragment_stays(line: str) -> None:
    assert_kept("metadata", "en", [line])


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "This entry was posted on Tuesday, May 6th, 2014 at 11:30 pm and is filed under Linux, Tutorials. "
           "You can follow any responses to this entry through the RSS 2.0 feed. "
           "Both comments and pings are currently closed."),
    ("de", "Dieser Eintrag wurde am 6. Mai 2014 um 23:30 veröffentlicht und ist abgelegt unter Linux, Tutorials. "
           "Kommentare zu diesem Eintrag im RSS 2.0 Feed. Kommentare und Pings sind derzeit nicht erlaubt."),
])
def test_blog_posts_filing_note_goes(lang: str, line: str) -> None:
    # the post metadata paragraph of WordPress's classic theme, and its translation
    assert_removed("metadata", lang, [line], [line])


def test_sentence_about_a_filing_stays() -> None:
    assert_kept("metadata", "en", ["The lawsuit, which is filed under seal, names three former executives of the firm."])


def test_a_numbers_edges_are_told_by_isdecimal_as_re_tells_a_digit() -> None:
    # the stage asks str.isdecimal of a candidate's first and last characters before matching
    # it against the bare number's pattern, whose \d must match both
    digit = re.compile(r"\d")
    assert all(bool(digit.fullmatch(char)) == char.isdecimal() for char in map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Publié le 31 janvier 2017 à 10h08, mis à jour à 12h15"),
    # the word before the label's comma ends with a comma of its own (what a quick search for
    # a comma and the word after it has to look ahead for, not take)
    ("fr", "Publié le 31 janvier 2017, 10h08, mis à jour à 12h15"),
    ("fr", "Publié le 31/01/2017 à 08h00 - Mis à jour le 31/01/2017 à 10h09"),
    ("en", "Published March 3, 2021 | Updated 10:00 AM"),
    ("de", "Veröffentlicht am 03.03.2021 | Aktualisiert am 04.03.2021, 10:15 Uhr"),
])
def test_publication_and_update_stamps_on_one_line_go(lang: str, line: str) -> None:
    # pages print both times on one line, longer than one dateline: each stamp opens with its label
    assert_removed("metadata", lang, [line], [line])


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Le 31 janvier 2017 à 10h08 - le conseil a voté le plan"),  # a label of two letters opens prose
    ("en", "March 3, 2021 | Updated guidance for the schools of the county"),  # a headline opening with a label
])
def test_a_dateline_before_other_text_stays(lang: str, line: str) -> None:
    assert_kept("metadata", lang, [line])
