"""share: share and follow widgets go; sentences about sharing or platforms stay."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

WIDGETS = {
    "en": ["Share on Facebook", "Follow us on Twitter", "Copy link"],
    "fr": ["Suivez RT en français surTelegram", "Partez cet article sur :", "URL courte"],
    "de": ["Auf Facebook teilen", "Folgen Sie uns", "Link kopieren"],
    "es": ["Compartir en Facebook", "Síguenos en Twitter", "Copiar enlace"],
    "it": ["Condividi su Facebook", "Seguici su Instagram", "Copia link"],
    "pt": ["Compartilhar no Facebook", "Siga-nos no Instagram", "Copiar link"],
    "nl": ["Delen op Facebook", "Volg ons op Twitter", "Kopieer link"],
    "pl": ["Udostępnij na Facebooku", "Obserwuj nas na Twitterze", "Kopiuj link"],
    "ru": ["Поделиться", "Подписывайтесь на наш канал в Telegram", "Скопировать ссылку"],
}

SENTENCES = {
    "en": "The minister shared his view on Telegram with reporters.",
    "fr": "Le ministre a partagé son avis sur Telegram avec les journalistes.",
    "de": "Der Minister teilte seine Meinung auf Telegram mit Journalisten.",
    "es": "El ministro compartió su opinión en Telegram con los periodistas.",
    "it": "Il ministro ha condiviso la sua opinione su Telegram con i giornalisti.",
    "pt": "O ministro compartilhou a sua opinião no Telegram com os jornalistas.",
    "nl": "De minister deelde zijn mening op Telegram met journalisten.",
    "pl": "Minister podzielił się swoją opinią na Telegramie z dziennikarzami.",
    "ru": "Министр поделился своим мнением в Telegram с журналистами.",
}


@pytest.mark.parametrize("lang", sorted(WIDGETS))
def test_widget_lines_go(lang: str) -> None:
    assert_removed("share", lang, WIDGETS[lang], WIDGETS[lang])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_sharing_stays(lang: str) -> None:
    assert_kept("share", lang, [SENTENCES[lang]])


def test_glued_platform_name_is_not_a_prefix_match() -> None:
    # "HomePod"-style product names are not "Home" + something
    assert_kept("share", "en", ["FollowMe app review: a week with the tracker"])


@pytest.mark.parametrize("row", ["twitter linkedin facebook instagram", "Facebook | Twitter | WhatsApp",
                                 "FacebookTwitterEmail"])
def test_row_of_button_names_goes(row: str) -> None:
    assert_removed("share", "en", [row], [row])


def test_sentence_listing_platforms_stays() -> None:
    assert_kept("share", "en", ["Facebook and Twitter removed the accounts on Monday."])
