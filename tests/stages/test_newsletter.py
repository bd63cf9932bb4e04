"""newsletter: sign-up calls to action go; prose about newsletters or subscribing stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

CALLS = {
    "en": ["Sign up for our newsletter", "Enter your email address"],
    "fr": ["Inscrivez-vous à notre newsletter", "Votre adresse e-mail"],
    "de": ["Newsletter abonnieren", "Immer informiert bleiben mit dem wöchentlichen Newsletter. Jetzt anmelden!"],
    "es": ["Suscríbete a nuestro boletín", "Tu correo electrónico"],
    "it": ["Iscriviti alla newsletter", "Inserisci la tua email"],
    "pt": ["Assine a newsletter", "Digite seu e-mail"],
    "nl": ["Schrijf je in voor onze nieuwsbrief", "Je e-mailadres"],
    "pl": ["Zapisz się do newslettera", "Podaj adres e-mail"],
    "ru": ["Подпишитесь на рассылку", "Ваш e-mail"],
}

SENTENCES = {
    "en": "The school sends a weekly newsletter to parents, and most of them read it carefully.",
    "fr": "L'école envoie chaque semaine une lettre aux parents, qui la lisent attentivement.",
    "de": "Die Schule verschickt jede Woche einen Elternbrief, den die meisten Eltern aufmerksam lesen.",
    "es": "La escuela envía cada semana un boletín a los padres, que lo leen con atención.",
    "it": "La scuola invia ogni settimana un bollettino ai genitori, che lo leggono con attenzione.",
    "pt": "A escola envia todas as semanas um boletim aos pais, que o leem com atenção.",
    "nl": "De school stuurt elke week een brief naar de ouders, die hem aandachtig lezen.",
    "pl": "Szkoła co tydzień wysyła rodzicom biuletyn, który większość z nich uważnie czyta.",
    "ru": "Школа каждую неделю отправляет родителям бюллетень, и большинство внимательно его читает.",
}


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_sign_up_calls_go(lang: str) -> None:
    assert_removed("newsletter", lang, CALLS[lang], CALLS[lang])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_a_newsletter_stays(lang: str) -> None:
    assert_kept("newsletter", lang, [SENTENCES[lang]])


def test_sign_up_lead_in_of_an_item_in_a_deal_list_stays() -> None:
    assert_kept("newsletter", "en", ["Get the Disney+ bundle with ESPN+ for $12.99 a month",
                                     "Sign up for Hulu with ads for $5.99 a month",
                                     "Buy an annual Disney+ plan and save 16 percent"])


def test_sign_up_call_between_widget_lines_still_goes() -> None:
    assert_removed("newsletter", "en", ["Sign up for our weekly newsletter today", "Enter your email address"],
                   ["Sign up for our weekly newsletter today", "Enter your email address"])
