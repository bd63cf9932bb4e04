"""cookie_consent: banner paragraphs, their buttons and short lines go; prose about cookies stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

BANNERS = {
    "en": ["We use cookies to improve your experience. By clicking Accept all you consent to our cookie policy.",
           "OK", "Accept all"],
    "fr": ["Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience.", "OK",
           "Tout AccepterTout refuserParamétrer vos choix"],
    "de": ["Wir verwenden Cookies, um unsere Website für Sie optimal zu gestalten.", "Alle akzeptieren",
           "Cookie-Einstellungen"],
    "es": ["Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "Aceptar todo",
           "Configurar cookies"],
    "it": ["Questo sito utilizza cookie tecnici e di profilazione.", "Accetta tutto", "Impostazioni cookie"],
    "pt": ["Este site utiliza cookies para melhorar a sua experiência.", "Aceitar todos", "Configurar cookies"],
    "nl": ["Deze website maakt gebruik van cookies om de site te verbeteren.", "Alles accepteren",
           "Cookie-instellingen"],
    "pl": ["Ta strona używa plików cookie w celach statystycznych.", "Akceptuję", "Ustawienia cookies"],
    "ru": ["Мы используем файлы cookie, чтобы сайт работал лучше.", "Принять", "Отклонить все"],
}

PROSE_ABOUT_COOKIES = {
    "en": "The bakery said its Christmas cookies sold better than ever this year, despite higher prices.",
    "fr": "Les cookies de Noël se vendent bien cette année.",
    "de": "Die Bäckerei verkauft in diesem Jahr besonders viele Cookies und Lebkuchen an Touristen.",
    "es": "La panadería vendió más cookies que nunca durante las fiestas, según su propietaria.",
    "it": "La pasticceria ha venduto più cookies del solito durante le feste, secondo il titolare.",
    "pt": "A padaria vendeu mais cookies do que nunca durante as festas, segundo a proprietária.",
    "nl": "De bakkerij verkocht dit jaar meer cookies dan ooit tijdens de feestdagen.",
    "pl": "Piekarnia sprzedała w tym roku więcej ciastek cookies niż kiedykolwiek wcześniej.",
    "ru": "Пекарня в этом году продала больше печенья cookies, чем когда-либо раньше.",
}


@pytest.mark.parametrize("lang", sorted(BANNERS))
def test_banner_lines_go(lang: str) -> None:
    assert_removed("cookie_consent", lang, BANNERS[lang], BANNERS[lang])


@pytest.mark.parametrize("lang", sorted(PROSE_ABOUT_COOKIES))
def test_sentence_about_cookies_stays(lang: str) -> None:
    assert_kept("cookie_consent", lang, [PROSE_ABOUT_COOKIES[lang]])


def test_long_banner_paragraph_needs_several_phrases() -> None:
    banner = ("En cliquant sur \"Tout Accepter\" vous consentez au traitement de certaines données personnelles "
              "stockées sur votre terminal. En cliquant sur \"Tout Refuser\", seuls les cookies techniques seront "
              "déposés. Vous pouvez modifier vos choix via la rubrique «Paramétrer vos choix».")
    assert_removed("cookie_consent", "fr", [banner], [banner])


def test_ok_alone_is_not_a_banner_button() -> None:
    assert_kept("cookie_consent", "en", ["OK"])


def test_reason_names_the_phrase() -> None:
    from lexicon_cases import run_stage

    result = run_stage("cookie_consent", "en", ["Accept all cookies"])
    assert result.removed[0].reason == "line is en cookie_consent phrase 'accept all cookies'"
