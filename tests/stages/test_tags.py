"""tags: a tags heading and the list under it, or an inline tag line, go; prose stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

HEADINGS = {"en": "Tags:", "fr": "Mots-clés :", "de": "Schlagwörter:", "es": "Etiquetas:", "it": "Tag:",
            "pt": "Tags:", "nl": "Trefwoorden:", "pl": "Tagi:", "ru": "Теги:"}
TAG_LINE = "terrorisme, rencontre, Groupe de soutien international à la Syrie (ISSG), Etat islamique, John Kerry"

SENTENCES = {
    "en": "Police tags on the stolen cars led investigators to a warehouse near the port.",
    "fr": "Les tags sur les murs de la gare ont été effacés par les services municipaux.",
    "de": "Die Themen der Sitzung waren Schulen, Straßen und der Nahverkehr der Stadt.",
    "es": "Las etiquetas de los productos deberán indicar el origen de la carne desde enero.",
    "it": "Le etichette dei prodotti dovranno indicare l'origine della carne da gennaio.",
    "pt": "As etiquetas dos produtos deverão indicar a origem da carne a partir de janeiro.",
    "nl": "De onderwerpen van de vergadering waren scholen, wegen en het openbaar vervoer.",
    "pl": "Tematy posiedzenia dotyczyły szkół, dróg i transportu publicznego w mieście.",
    "ru": "Темы заседания касались школ, дорог и общественного транспорта города.",
}


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_heading_and_tag_line_go(lang: str) -> None:
    assert_removed("tags", lang, [HEADINGS[lang], TAG_LINE], [HEADINGS[lang], TAG_LINE])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_tags_or_topics_stays(lang: str) -> None:
    assert_kept("tags", lang, [SENTENCES[lang]])


def test_inline_tags_line_goes() -> None:
    assert_removed("tags", "en", ["Tags: budget, transport, schools"], ["Tags: budget, transport, schools"])


def test_prose_after_a_tags_heading_stays() -> None:
    paragraph = "The mayor said the vote was a turning point for the city and thanked the council members."
    assert_removed("tags", "en", ["Tags", paragraph], ["Tags"])
