"""legal: copyright notices, footer links and disclaimers go; sentences about them stay.
Per-language cases of this stage are data: tests/data/lexicon_cases.toml."""

from __future__ import annotations

import pytest
from lexicon_cases import assert_kept, assert_removed


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Copyright 2019 Example News Now. All rights reserved."),
    ("de", "Copyright 2019 Beispiel Verlag GmbH. Alle Rechte vorbehalten."),
])
def test_notice_opened_and_closed_by_legal_phrases_goes_whatever_its_full_stops(lang: str, line: str) -> None:
    # a sentence end makes the line no fragment: the phrases at both ends are the evidence
    assert_removed("legal", lang, [line], [line])


def test_sentence_that_only_ends_with_a_legal_phrase_stays() -> None:
    assert_kept("legal", "en", ["The label printed the lyrics with a note saying all rights reserved."])
