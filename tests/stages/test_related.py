"""related: "Read also" lines and the headline list under such a heading go; prose stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed, run_stage

INLINE = {
    "en": "Read more: Council debates the future of the tram network",
    "fr": "Lire aussi :\u00a0G20 : pour Vladimir Poutine, «les sanctions politiquement motivées sont vouées à l'échec»",
    "de": "Lesen Sie auch: Stadtrat streitet über die Zukunft der Straßenbahn",
    "es": "Lee también: El ayuntamiento debate el futuro del tranvía",
    "it": "Leggi anche: Il consiglio discute il futuro del tram",
    "pt": "Leia também: Câmara debate o futuro do elétrico",
    "nl": "Lees ook: Gemeenteraad debatteert over de toekomst van de tram",
    "pl": "Czytaj także: Rada miasta debatuje o przyszłości tramwajów",
    "ru": "Читайте также: Городской совет обсуждает будущее трамвая",
}

PROSE_WITH_PHRASE = {
    "en": "Read also the report of the commission, which found that the tram network needs major investment "
          "over the next ten years.",
    "fr": "Lire aussi le rapport de la commission, qui estime que le réseau de tramway a besoin "
          "d'investissements importants.",
    "de": "Lesen Sie auch den Bericht der Kommission, der große Investitionen in das Straßenbahnnetz fordert, "
          "bevor Sie urteilen.",
}

HEADINGS = {"en": "Related articles", "fr": "Lire aussi:", "de": "Das könnte Sie auch interessieren",
            "es": "Noticias relacionadas", "it": "Articoli correlati", "pt": "Leia também", "nl": "Lees ook",
            "pl": "Czytaj także", "ru": "Читайте также"}
TITLES = ["Kerry salue la position russe sur le règlement en Syrie",
          "Rencontre Lavrov-Kerry: aucune tolérance envers les terroristes",
          "Lavrov-Kerry: bientôt un dialogue entre Assad et l'opposition?"]


@pytest.mark.parametrize("lang", sorted(INLINE))
def test_read_also_with_a_title_goes(lang: str) -> None:
    assert_removed("related", lang, [INLINE[lang]], [INLINE[lang]])


@pytest.mark.parametrize("lang", sorted(PROSE_WITH_PHRASE))
def test_prose_starting_with_the_phrase_stays(lang: str) -> None:
    assert_kept("related", lang, [PROSE_WITH_PHRASE[lang]])


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
