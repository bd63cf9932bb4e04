"""cookie_consent: banner paragraphs, their buttons and short lines go; prose about cookies stays.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

from lexicon_cases import assert_kept, assert_removed, run_stage


def test_long_banner_paragraph_needs_several_phrases() -> None:
    banner = ("En cliquant sur \"Tout Accepter\" vous consentez au traitement de certaines données personnelles "
              "stockées sur votre terminal. En cliquant sur \"Tout Refuser\", seuls les cookies techniques seront "
              "déposés. Vous pouvez modifier vos choix via la rubrique «Paramétrer vos choix».")
    assert_removed("cookie_consent", "fr", [banner], [banner])


def test_ok_alone_is_not_a_banner_button() -> None:
    assert_kept("cookie_consent", "en", ["OK"])


def test_reason_names_the_phrase() -> None:
    result = run_stage("cookie_consent", "en", ["Accept all cookies"])
    assert result.removed[0].reason == "line is en cookie_consent phrase 'accept all cookies'"
