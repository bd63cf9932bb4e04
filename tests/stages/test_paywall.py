"""paywall: login and subscription prompts go; prose about subscriptions stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

PROMPTS = {
    "en": ["Already a subscriber? Log in", "Subscribe to continue reading"],
    "fr": ["Déjà abonné ? Se connecter", "Cet article est réservé aux abonnés"],
    "de": ["Bereits Abonnent? Hier anmelden", "Passwort vergessen?"],
    "es": ["¿Ya eres suscriptor? Inicia sesión", "Este contenido es exclusivo para suscriptores"],
    "it": ["Sei già abbonato? Accedi", "Questo articolo è riservato agli abbonati"],
    "pt": ["Já é assinante? Entre", "Este conteúdo é exclusivo para assinantes"],
    "nl": ["Al abonnee? Log in", "Wachtwoord vergeten?"],
    "pl": ["Masz już subskrypcję? Zaloguj się", "Nie pamiętasz hasła?"],
    "ru": ["Уже есть аккаунт? Войти", "Забыли пароль?"],
}

SENTENCES = {
    "en": "Readers who log in to the city's website can now pay their parking fines online.",
    "fr": "Les abonnés du réseau de bus pourront recharger leur carte en ligne dès lundi.",
    "de": "Abonnenten des Nahverkehrs können ihre Monatskarte ab Montag online verlängern.",
    "es": "Los abonados del autobús podrán recargar su tarjeta por internet desde el lunes.",
    "it": "Gli abbonati dell'autobus potranno ricaricare la tessera online da lunedì.",
    "pt": "Os assinantes do autocarro poderão carregar o cartão pela internet a partir de segunda-feira.",
    "nl": "Abonnees van het busvervoer kunnen hun kaart vanaf maandag online opladen.",
    "pl": "Abonenci komunikacji miejskiej od poniedziałku doładują karty przez internet.",
    "ru": "С понедельника владельцы проездных смогут пополнять карты через интернет.",
}


@pytest.mark.parametrize("lang", sorted(PROMPTS))
def test_login_and_paywall_prompts_go(lang: str) -> None:
    assert_removed("paywall", lang, PROMPTS[lang], PROMPTS[lang])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_subscribers_stays(lang: str) -> None:
    assert_kept("paywall", lang, [SENTENCES[lang]])
