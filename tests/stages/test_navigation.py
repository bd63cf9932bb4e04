"""navigation: search boxes, breadcrumbs, menus, "skip to content" and labels between
boilerplate go; prose mentioning navigation, and section names alone, stay.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed, run_stage


MENUS = {
    "en": ["News", "Politics", "Business", "Sports"],
    "fr": ["International", "Politique", "Économie", "Sport"],
    "de": ["Politik", "Wirtschaft", "Kultur", "Sport"],
    "es": ["Noticias", "Política", "Economía", "Deportes"],
    "it": ["Cronaca", "Politica", "Economia", "Sport"],
    "pt": ["Notícias", "Política", "Economia", "Desporto"],
    "nl": ["Nieuws", "Politiek", "Economie", "Sport"],
    "pl": ["Wiadomości", "Polityka", "Gospodarka", "Sport"],
    "ru": ["Новости", "Политика", "Экономика", "Спорт"],
    "cs": ["Zprávy", "Domácí", "Zahraničí", "Ekonomika"],
    "ro": ["Știri", "Politică", "Economie", "Externe"],
    "tr": ["Gündem", "Siyaset", "Ekonomi", "Spor"],
}


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_run_of_section_names_is_a_menu(lang: str) -> None:
    assert_removed("navigation", lang, MENUS[lang], MENUS[lang])


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_one_section_name_alone_stays(lang: str) -> None:
    assert_kept("navigation", lang, [MENUS[lang][1]])


def test_label_between_two_removed_lines_goes() -> None:
    result = run_stage("navigation", "fr", ["Rechercher", "Raconter l'actualité", "Dernières Infos"])
    assert [r.text.strip() for r in result.removed] == ["Rechercher", "Raconter l'actualité", "Dernières Infos"]
    assert result.removed[1].reason == "2-word label between removed lines 2 and 4"


def test_glued_product_name_is_not_home() -> None:
    assert_kept("navigation", "en", ["HomePod", "Apple shipped the new speaker with a faster chip this week."])


@pytest.mark.parametrize(("lang", "line"), [("de", "Start|Magazin|Coole Tipps|Magic Cleaning"),
                                            ("en", "Home › News › Local")])
def test_breadcrumb_with_bars_or_chevrons_goes(lang: str, line: str) -> None:
    assert_removed("navigation", lang, [line], [line])


def test_breadcrumb_without_a_home_word_goes() -> None:
    line = "Mensagens » Mensagens de Autoestima » Só quem se Ama…"
    assert_removed("navigation", "pt", [line], [line])


def test_sentence_with_chevrons_stays() -> None:
    assert_kept("navigation", "en", ["Prices rose from 3 > 4 > 5 dollars in a week, the report said."])


@pytest.mark.parametrize("line", ["STAFF", "More:", "All...", "UP NEXT"])
def test_lone_label_between_paragraphs_stays(line: str) -> None:
    assert_kept("navigation", "en", [line])


@pytest.mark.parametrize("line", ["Advertisement", "- Advertisement -"])
def test_advertisement_label_between_paragraphs_goes(line: str) -> None:
    assert_removed("navigation", "en", [line], [line])


def test_section_names_in_a_menu_run_still_go() -> None:
    assert_removed("navigation", "en", ["Staff", "More", "Politics"], ["Staff", "More", "Politics"])
