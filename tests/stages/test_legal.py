"""legal: copyright notices, imprint, privacy and terms links go; prose about them stays."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed

FOOTERS = {
    "en": ["© 2019 Example Media. All rights reserved.", "Privacy Policy", "Terms of Use"],
    "fr": ["© 2019 Exemple. Tous droits réservés", "Mentions légales", "Politique de confidentialité"],
    "de": ["© 2019 Beispiel GmbH. Alle Rechte vorbehalten.", "Impressum", "Datenschutz"],
    "es": ["© 2019 Ejemplo. Todos los derechos reservados.", "Aviso legal", "Política de privacidad"],
    "it": ["© 2019 Esempio. Tutti i diritti riservati.", "Note legali", "Privacy policy"],
    "pt": ["© 2019 Exemplo. Todos os direitos reservados.", "Termos de uso", "Política de privacidade"],
    "nl": ["© 2019 Voorbeeld. Alle rechten voorbehouden.", "Disclaimer", "Privacybeleid"],
    "pl": ["© 2019 Przykład. Wszelkie prawa zastrzeżone.", "Regulamin", "Polityka prywatności"],
    "ru": ["© 2019 Пример. Все права защищены.", "Пользовательское соглашение", "Политика конфиденциальности"],
}

SENTENCES = {
    "en": "The company changed its privacy policy after regulators opened an investigation last year.",
    "fr": "L'entreprise a modifié sa politique de confidentialité après l'ouverture d'une enquête.",
    "de": "Das Unternehmen änderte seine Datenschutzerklärung, nachdem die Behörde Ermittlungen eingeleitet hatte.",
    "es": "La empresa cambió su política de privacidad después de que los reguladores abrieran una investigación.",
    "it": "L'azienda ha cambiato la sua informativa dopo che le autorità hanno aperto un'indagine.",
    "pt": "A empresa alterou a sua política de privacidade depois de os reguladores abrirem uma investigação.",
    "nl": "Het bedrijf paste zijn privacybeleid aan nadat toezichthouders een onderzoek waren begonnen.",
    "pl": "Firma zmieniła swoją politykę prywatności po tym, jak regulatorzy wszczęli dochodzenie.",
    "ru": "Компания изменила политику конфиденциальности после того, как регулятор начал расследование.",
}


@pytest.mark.parametrize("lang", sorted(FOOTERS))
def test_footer_lines_go(lang: str) -> None:
    assert_removed("legal", lang, FOOTERS[lang], FOOTERS[lang])


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_sentence_about_a_policy_stays(lang: str) -> None:
    assert_kept("legal", lang, [SENTENCES[lang]])
