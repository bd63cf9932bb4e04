"""comments: comment forms, their rules and buttons go; prose about comments stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

FORMS = {
    "en": ["Leave a comment", "Your email address will not be published. Required fields are marked *"],
    "fr": ["  • Votre pseudo", "  • \u00a0\u00a0\u00a0\u00a0", "Règles de conduiteDiscussion",
           "Commenter via FacebookCommenter via Sputnik"],
    "de": ["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht."],
    "es": ["Deja un comentario", "Tu dirección de correo electrónico no será publicada."],
    "it": ["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato."],
    "pt": ["Deixe um comentário", "O seu endereço de e-mail não será publicado."],
    "nl": ["Laat een reactie achter", "Je e-mailadres wordt niet gepubliceerd."],
    "pl": ["Dodaj komentarz", "Twój adres e-mail nie zostanie opublikowany."],
    "ru": ["Оставить комментарий", "Ваш адрес email не будет опубликован."],
}

SENTENCES = {
    "en": "The mayor declined to comment on the budget before the vote on Thursday evening.",
    "fr": "Le maire n'a pas souhaité commenter le budget avant le vote de jeudi soir.",
    "de": "Der Bürgermeister wollte den Haushalt vor der Abstimmung am Donnerstag nicht kommentieren.",
    "es": "El alcalde no quiso comentar el presupuesto antes de la votación del jueves.",
    "it": "Il sindaco non ha voluto commentare il bilancio prima del voto di giovedì.",
    "pt": "O presidente da câmara não quis comentar o orçamento antes da votação de quinta-feira.",
    "nl": "De burgemeester wilde de begroting voor de stemming van donderdag niet becommentariëren.",
    "pl": "Burmistrz nie chciał komentować budżetu przed czwartkowym głosowaniem.",
    "ru": "Мэр отказался комментировать бюджет до голосования в четверг.",
}


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_comment_form_lines_go(lang: str) -> None:
    assert_removed("comments", lang, FORMS[lang], FORMS[lang])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_commenting_stays(lang: str) -> None:
    assert_kept("comments", lang, [SENTENCES[lang]])


def test_lone_bullet_goes_only_next_to_a_removed_line() -> None:
    assert_kept("comments", "fr", ["  •  "])
