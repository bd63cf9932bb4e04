"""related: "Read also" lines and the headline list under such a heading go; prose stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_removed, run_stage

from cleanscrape import Cleaner


HEADINGS = {"en": "Related articles", "fr": "Lire aussi:", "de": "Das könnte Sie auch interessieren",
            "es": "Noticias relacionadas", "it": "Articoli correlati", "pt": "Leia também", "nl": "Lees ook",
            "pl": "Czytaj także", "ru": "Читайте также", "cs": "Čtěte také", "ro": "Citește și",
            "tr": "İlgili haberler"}
TITLES = ["Kerry salue la position russe sur le règlement en Syrie",
          "Rencontre Lavrov-Kerry: aucune tolérance envers les terroristes",
          "Lavrov-Kerry: bientôt un dialogue entre Assad et l'opposition?"]


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_heading_and_its_list_of_titles_go(lang: str) -> None:
    lines = [HEADINGS[lang], "", *TITLES]
    assert_removed("related", lang, lines, [HEADINGS[lang], *TITLES])


def test_list_reason_names_the_heading() -> None:
    result = run_stage("related", "fr", ["Lire aussi:", "", *TITLES])
    assert result.removed[1].reason == "list of 3 short title lines after a fr related heading 'lire aussi' (line 2)"


def test_list_stops_at_prose() -> None:
    paragraph = ("Le ministre a ensuite rappelé que la coopération entre les deux pays restait indispensable "
                 "pour la stabilité de la région.")
    assert_removed("related", "fr", ["Lire aussi:", TITLES[0], paragraph], ["Lire aussi:", TITLES[0]])


def test_link_label_does_not_take_the_title_under_it() -> None:
    title = "Stadtrat beschließt neuen Haushalt für Schulen und Straßen"
    result = run_stage("related", "de", ["Zurück zur Übersicht", "", title])
    assert [r.text.strip() for r in result.removed] == []


LINKED = ["The ferry council met on Tuesday and voted to keep the winter service running for another year.",
          "Island school reopens after two years of repairs to its roof", "Weather",
          "Islanders had feared they would have to leave their homes without the winter service."]


def test_a_headline_the_page_links_out_goes() -> None:
    # extraction lists the lines a page shows as one whole link (HTML input)
    result = Cleaner(stages=["related"]).clean("\n".join(LINKED), lang="en",
                                               metadata={"extraction": {"link_lines": [2, 3]}})
    assert [r.text.strip() for r in result.removed] == [LINKED[1]]
    assert result.removed[0].reason == "the page shows the whole line as a link to another page (11 words)"


@pytest.mark.parametrize("metadata", [None, {"extraction": {"link_lines": ["2"]}}, {"extraction": [2]},
                                      {"extraction": {"link_lines": [0, 99, True]}}])
def test_without_link_lines_from_extraction_the_line_stays(metadata: dict | None) -> None:
    result = Cleaner(stages=["related"]).clean("\n".join(LINKED), lang="en", metadata=metadata)
    assert result.removed == []


def test_a_page_that_is_mostly_links_keeps_them() -> None:
    # an index page: the links are what it has to say
    titles = ["Island school reopens after two years of repairs to its roof",
              "Fishermen ask the council for a second pier on the island",
              "The old lighthouse on the northern cape opens to visitors again"]
    result = Cleaner(stages=["related"]).clean("\n".join(["Latest news from the island", *titles]), lang="en",
                                               metadata={"extraction": {"link_lines": [2, 3, 4]}})
    assert result.removed == []


def test_a_headline_the_list_cut_short_is_one_of_its_headlines() -> None:
    cut = "UK weather alert: Plague of mosquitos to devastate Britain as Hurri..."
    assert_removed("related", "en", ["Related articles", cut, TITLES[0]], ["Related articles", cut, TITLES[0]])


def test_a_short_line_ending_with_an_ellipsis_ends_the_list() -> None:
    # a placeholder or a link, not a headline cut to the list's width
    assert_removed("related", "en", ["Related articles", TITLES[0], "Loading content ...", TITLES[1]],
                   ["Related articles", TITLES[0]])


def test_summaries_the_list_cut_short_go_with_their_headlines() -> None:
    # other stories under the heading, each a headline and its summary cut to the box's width
    summary = ("Von unserer Presse so gut wie nicht gewürdigt haben die Isländer den Banken-Crash genutzt, "
               "um sich vom weltweiten Finanzsystem zu lösen. Hiesige Medien schwören die Bevölkerung auf Gedeih un...")
    other = ("Die Kundgebung am Mittwoch stand unter einem guten Vorzeichen, und die Redner sprachen vor "
             "dem Gericht zu mehreren tausend Menschen. Das richtige D...")
    lines = ["Weiterführende Artikel zu diesem Thema", "Island setzt korrupte Regierung ab", summary,
             "ESM – Letzte Kundgebung vor dem Urteil", other]
    assert_removed("related", "de", lines, lines)
