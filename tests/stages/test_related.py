"""related: "Read also" lines and the headline list under such a heading go; prose stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_removed, run_stage


HEADINGS = {"en": "Related articles", "fr": "Lire aussi:", "de": "Das könnte Sie auch interessieren",
            "es": "Noticias relacionadas", "it": "Articoli correlati", "pt": "Leia também", "nl": "Lees ook",
            "pl": "Czytaj także", "ru": "Читайте также"}
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
