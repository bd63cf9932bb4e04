"""caption: photo credits and the short caption before a credit go; sentences about photos stay.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed, run_stage


def test_agency_credit_in_parentheses_goes() -> None:
    assert_removed("caption", "fr", ["(Xinhua/Dai Tianfang) |"], ["(Xinhua/Dai Tianfang) |"])


def test_short_caption_before_title_and_credit_goes() -> None:
    lines = ["John Kerry et Sergueï Lavrov", "",
             "Lavrov et Kerry confirment le besoin de se mettre d'accord sur une liste des terroristes", "",
             "© AFP 2019 Leonard Foeger"]
    result = run_stage("caption", "fr", lines)
    assert [r.text.strip() for r in result.removed if r.text.strip()] == [lines[0], lines[4]]
    assert result.removed[0].reason == "short caption line before the credit line 6 and the title line 4"


def test_short_line_without_a_credit_stays() -> None:
    assert_kept("caption", "fr", ["John Kerry et Sergueï Lavrov"])


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Nur die beiden Engländer waren zu stark. Maxi Taucher ist in der Weltspitze angekommen. (Foto: Privat)"),
    ("en", "The protests kicked off in June and have strengthened in size (Image: GETTY )"),
    ("de", "Bei der Beckenkippung nach hinten sinkt der Brustkorb ein. © Pferderevue"),
])
def test_caption_paragraph_closed_by_a_credit_goes(lang: str, line: str) -> None:
    assert_removed("caption", lang, [line], [line])


def test_labelled_credit_and_the_long_caption_under_it_go() -> None:
    # "Image copyright" labels the credit; the caption's own label is then near evidence
    lines = ["Image copyright Reuters",
             "Image caption Protesters gathered outside the embassy on Thursday after the arrest of its best-known guest"]
    assert_removed("caption", "en", lines, lines)


@pytest.mark.parametrize("line", [
    "Media captionWhat did the minister promise the striking nurses?",  # a sentence after the label
    "Image captionThe flooded high street of the town on Sunday morning, seen from the bridge over the river",
])
def test_caption_label_glued_to_its_caption_goes(line: str) -> None:
    # the scrape runs the label into the caption: the glue sets the label apart as a separator would
    assert_removed("caption", "en", [line], [line])


def test_one_word_phrase_glued_to_a_word_stays() -> None:
    # "Photo" glued to "Shop" is part of a name, not a label
    assert_kept("caption", "en", ["PhotoShop tutorials for the beginners among our readers and their friends"])


@pytest.mark.parametrize("line", [
    "Image: The new coach, left, has replaced the former manager of the club after a poor run of results",
    "Pictured: The couple leaving the court in London on Monday afternoon with their lawyers and two friends",
])
def test_labelled_image_caption_goes(line: str) -> None:
    assert_removed("caption", "en", [line], [line])


def test_sentence_opening_with_the_credit_label_stays() -> None:
    assert_kept("caption", "en", ["Image copyright law is a mess, the judge wrote in a ruling that surprised both sides."])


def test_sentence_ending_with_an_ordinary_phrase_stays() -> None:
    assert_kept("caption", "en", ["The paintings were lent to the exhibition courtesy of the Getty."])


def test_credit_phrase_inside_a_url_is_not_a_credit() -> None:
    assert_kept("caption", "pl", ["Ci dwaj byli na forum [http://forum.example.pl/index.php?topic=367.0]"])


def test_bare_credit_label_takes_the_credit_text_below_not_the_heading_above() -> None:
    result = run_stage("caption", "ru", ["Андрей Рудьков", "Фото:", "личный архив Андрея Рудькова"])
    assert [r.text.strip() for r in result.removed] == ["Фото:", "личный архив Андрея Рудькова"]


@pytest.mark.parametrize(("lang", "line"), [
    # one long sentence: a paragraph, whatever credit closes it
    ("de", "Gemeinsam mit Kindern der Grundschule, des Jugendclubs und Jugendlichen des Stadtrates eröffnete "
           "der Oberbürgermeister am vergangenen Freitag nach langer Bauzeit den neuen Park im Norden der Stadt "
           "(Foto: Stadt)"),
    # three sentences: a paragraph, however short each is
    ("de", "Die Lage entwickelte sich günstig. Viele Hänge wurden begangen. Auch steile Couloirs waren "
           "stabil (Foto: R. Muster, 15.01.2022)."),
])
def test_paragraph_ending_with_a_credit_stays(lang: str, line: str) -> None:
    assert_kept("caption", lang, [line])


@pytest.mark.parametrize(("lang", "line"), [
    # a picture agency's name after the caption's last sentence, spaced or glued to it
    ("en", "A farmer inspects his flooded field near the river. Getty"),
    ("en", "The old lighthouse on the northern cape at dusk.Reuters"),
    ("de", "Der Bürgermeister eröffnet den neuen Bahnhof. dpa"),
    # in the brackets closing it: after a sentence, after a label, or joined to another name
    ("en", "Firefighters at the scene of the blaze in Leeds. (AP)"),
    ("en", "Crowds gathered outside the stadium before the final [File: Reuters]"),
    ("en", "An artist's view of the lander on the surface of the moon [Acme Space via Nasa]"),
    # names of anyone joined by "/" in brackets after the caption's sentence
    ("en", "The first map of the far side of the moon. (NASA/JPL-Caltech/ASU)"),
    ("en", "Fleas carry the bacteria from rats to people. ( JANE DOE/ACME PHOTO ARCHIVE)"),
    # a name in capitals after "By", and "Credit..." glued to the caption
    ("en", "Rescue crews pulled the boat ashore at the harbour. By COAST GUARD DISTRICT SEVEN"),
    ("en", "The mayor greeted voters at the market.Credit...Jane Doe/The Daily Times"),
])
def test_caption_with_a_name_for_credit_goes(lang: str, line: str) -> None:
    assert_removed("caption", lang, [line], [line])


@pytest.mark.parametrize("line", [
    # a labelled credit after the last sentence: a caption, however long (diagrams, AP photos)
    "SpaceX said its lunar lander will be able to carry 100 metric tons to the surface of the moon, far "
    "more than the agency requires under the programme, and that it hopes to fly it within three years. Credit: SpaceX",
    "The violent simulated birth of a galaxy cluster where dark matter structures merge together while "
    "black holes and supernovae expel cosmic gas away from the centre of the cluster. (Image credit: TNG Collaboration)",
    "The record company acquired the label, home to the singer's first six albums, including the winners of "
    "the album of the year award in 2008 and 2014 and three more. (Photos by Jane Doe, left, and John Roe/Invision/AP)",
    # the agency's label joined to the photographer's name by a slash
    "Judge Jane Roe, left, walks with the governor from the Capitol Building to the Temple of Justice for her "
    "introduction as the newest member of the state Supreme Court Wednesday, December 4, 2019, in Olympia, "
    "Washington. (AP Photo/John Doe)",
    "Members of the tribe sing and play drums during a swearing in ceremony for the new justice, center-right, "
    "and the new chief justice, center-left, Monday, January 6, 2020, in Olympia. (AFP PHOTO/JOHN DOE)",
])
def test_long_caption_closed_by_a_labelled_credit_goes(line: str) -> None:
    assert_removed("caption", "en", [line], [line])


@pytest.mark.parametrize("line", [
    # the label inside the last sentence: the paragraph's reference to its picture
    "Together with children of the primary school and the youth club, the mayor opened the new park in "
    "the north of the city last Friday after a long construction period (Photo: City)",
    # no label: a bracket naming a source, a photo's subject
    "Unemployment fell to 6.1 percent in March, the lowest level since the statistics office began to "
    "publish its monthly survey of households across the country in 1994. (Source: Eurostat)",
    "The photographers whose work the museum shows this winter were all born in the city, and most of them "
    "took their first pictures there as children. (Photo of the week)",
    # the agency's photo is the sentence's subject, in the sentence
    "The court ruled on Monday that the newspaper had not needed the agency's permission to print the picture "
    "that an AP photo editor had sent it by mistake, and dismissed the claim (AP photo/archive case).",
])
def test_paragraph_with_a_picture_reference_stays(line: str) -> None:
    assert_kept("caption", "en", [line])


@pytest.mark.parametrize("line", [
    # the agency is what the sentence is about, not who took a picture
    "Reuters reported that the talks had stalled late on Friday.",
    "The figures were confirmed late on Friday, according to Reuters.",
    "The museum bought the painting in 1998. It now hangs in the main hall of the Getty",
    "The deal was struck in a hotel in Geneva. Reuters, the news agency, first reported it.",
    # a source that names no picture agency; brackets not closing a sentence
    "Unemployment fell to 6.1 percent in March. (Source: Eurostat)",
    "The two teams split the points evenly this season (Home/Away)",
    # a paragraph, not a caption: three sentences before the name
    "The talks resumed on Monday. Both sides made offers. Neither accepted them. Reuters",
    # a copyright footer is not a caption, nor are a form's buttons joined by a spaced "/"
    "© Example Media, Inc. 11 Main Street, New York, NY 10036.",
    "You are commenting using your Example account. ( Log Out / Change )",
])
def test_sentence_naming_an_agency_stays(line: str) -> None:
    assert_kept("caption", "en", [line])


def test_credit_signs_and_joiners_are_read_as_written_in_the_data() -> None:
    # another language's words, accents and all, work as English "By", "Credit" and "via" do
    from cleanscrape.stages.caption import _credit_signs

    signs = _credit_signs(frozenset({"crédit", "foto von"}), frozenset({"über"}))
    match = signs.after_sentence.search("Le maire salue les électeurs au marché.Crédit…Jean Dupont/Le Quotidien")
    assert match is not None and match["credit"] == "Crédit…Jean Dupont/Le Quotidien"
    match = signs.after_sentence.search("Der Bürgermeister eröffnet den Bahnhof. Foto von MAX MUSTERMANN")
    assert match is not None and match["credit"] == "Foto von MAX MUSTERMANN"
    assert signs.parts.split("Acme über Beta") == ["Acme", "Beta"]
    assert signs.glued == ("credit", "foto von")
