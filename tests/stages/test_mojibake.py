"""mojibake: UTF-8 read as cp1252/Latin-1 ("franÃ§ais"), double encoding, NFC."""

from __future__ import annotations

import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest

from cleanscrape import Cleaner
from cleanscrape.document import apply_edits
from cleanscrape.stages import mojibake


def as_cp1252(text: str) -> str:
    """UTF-8 bytes read as cp1252, bytes cp1252 leaves undefined read as Latin-1 (the
    "sloppy" reading browsers use; ftfy ships it as a codec)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(stages=["mojibake"])


@pytest.mark.parametrize("text", [
    "Le président français a rencontré l’équipe à Noël.",
    "Die Straße ist schön, aber die Brücke ist größer.",
    "Zażółć gęślą jaźń – powiedział.",
    "Türkiye’nin başkenti Ankara’dır.",
])
def test_cp1252_mojibake_is_undone(text: str, cleaner: Cleaner) -> None:
    assert cleaner.clean(as_cp1252(text)).text == text


def test_double_encoding_is_undone(cleaner: Cleaner) -> None:
    text = "Été chaud à Besançon."
    assert cleaner.clean(as_cp1252(as_cp1252(text))).text == text


def test_latin1_reading_with_c1_controls_is_undone(cleaner: Cleaner) -> None:
    text = "Został ułaskawiony."  # ł is C5 82: 0x82 reads as a C1 control in Latin-1
    assert cleaner.clean(text.encode("utf-8").decode("latin-1")).text == text


def test_repairs_are_reported_word_by_word(cleaner: Cleaner) -> None:
    broken = as_cp1252("Un café très chaud, dit-il.")
    result = cleaner.clean(broken)
    assert [(r.before, r.after) for r in result.repairs] == [("cafÃ©", "café"), ("trÃ¨s", "très")]
    assert all(r.reason.startswith("mojibake repaired by ftfy") and r.evidence for r in result.repairs)
    assert apply_edits(broken, [], [(r.start, r.end, r.after) for r in result.repairs]) == result.text


@pytest.mark.parametrize("text", [
    "Le français, l’homme, « les guillemets » et “the quotes”.",
    "Ligatures ﬁne et largeur ＡＢＣ restent ; &amp; aussi.",
    "Vraiment ? Oui. SÃO PAULO est écrit ainsi sur la page.",
])
def test_correct_text_is_not_rewritten(text: str, cleaner: Cleaner) -> None:
    assert cleaner.clean(text).repairs == []


def test_decomposed_text_is_normalised_to_nfc_and_reported(cleaner: Cleaner) -> None:
    text = unicodedata.normalize("NFD", "Il a réussi à l’école.")
    result = cleaner.clean(text)
    assert result.text == unicodedata.normalize("NFC", text)
    assert {r.category for r in result.repairs} == {"unicode_normalization"}
    assert [r.after for r in result.repairs] == ["réussi", "à", "l’école."]


def test_ftfy_runs_only_where_the_prefilter_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    import ftfy

    calls: list[str] = []
    real = ftfy.fix_and_explain

    def counting(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ftfy, "fix_and_explain", counting)
    cleaner = Cleaner(stages=["mojibake"])
    cleaner.clean("Un texte propre, accentué, sans dégât.\nUne deuxième ligne.")
    assert calls == []
    cleaner.clean("Ligne propre.\nUn cafÃ© ici.\nAutre ligne propre.")
    assert calls == ["Un cafÃ© ici."]


def test_prefilter_pattern_flags_every_utf8_sequence_read_as_cp1252() -> None:
    for char in "éàçôüßłęąśżźńšřžčěůışğ’€–…«»":
        assert mojibake.MOJIBAKE_HINT.search(as_cp1252(char)), char
        assert mojibake.MOJIBAKE_HINT.search(char.encode("utf-8").decode("latin-1")), char


def test_invisible_characters_at_a_repaired_word_edge_are_left_to_the_whitespace_stage() -> None:
    # the repair of "Â\x80" must not span the byte-order mark after it, which the whitespace
    # stage removes (the two edits overlapped: EditConflict)
    result = Cleaner(stages=["mojibake", "whitespace"]).clean("Â\x80\ufeff")
    assert result.ok, result.error
    assert "\ufeff" not in result.text


def test_a_space_a_repair_took_is_not_stripped_again_as_trailing_whitespace() -> None:
    # ftfy reads "Â " as a no-break space: "Â Ã\xad " comes back "\xa0í ", its last space
    # the input's second while the word-by-word repair took the input's last; the line still
    # ends in a space, which the whitespace stage took for the input's (EditConflict: the
    # document failed)
    text = "Â Ã\xad "
    result = Cleaner(stages=["mojibake", "whitespace"]).clean(text)
    assert result.ok, result.error
    assert apply_edits(text, result.removed, result.repairs) == result.text == "\xa0í "  # (the space stays: a repair holds it)


def test_a_c1_control_is_repaired_on_the_first_run() -> None:
    """A C1 control is a cp1252 byte read as Latin-1 ("5\\x80" for "5€"). Flagged only after
    a lead character, it was left alone until lossy_repair wrote one before it, and then
    repaired by a second run (hypothesis: "A\\ufffd\\x80" -> "Aï\\x80" -> "Aï€")."""
    cleaner = Cleaner(stages=["mojibake", "lossy_repair"])
    assert cleaner.clean("Prix : 5\x80 seulement.").text == "Prix : 5€ seulement."
    once = cleaner.clean("Le conseil municipal a voté la création de pistes cyclables.\nA\ufffd\x80")
    assert "\x80" not in once.text
    assert cleaner.clean(once.text, lang=once.lang).repairs == []


@pytest.mark.parametrize("edged", ["\ufeff{}", "{}\u200b", "\u3000{}\ufeff"])
def test_a_line_edged_with_layout_no_legacy_charset_holds_is_repaired(edged: str) -> None:
    # ftfy re-encodes a line whole, which the mark stopped: a text saved "UTF-8 with BOM"
    # kept its first line's mojibake (46 of 500 identity-set texts, a BOM put before them,
    # came out otherwise)
    result = Cleaner(stages=["mojibake"]).clean(edged.format("- ÅšciÄ…gniÄ™to mnie z urlopu."))
    assert result.text == edged.format("- Ściągnięto mnie z urlopu.")
    assert [(r.before, r.after) for r in result.repairs] == [("ÅšciÄ…gniÄ™to", "Ściągnięto")]


@pytest.mark.parametrize("stages", [["whitespace", "mojibake"], ["invisible", "mojibake"],
                                    ["whitespace", "invisible", "lossy_repair", "mojibake"]])
def test_a_pipeline_with_the_repairs_after_the_removals_cleans_the_document(stages: list[str]) -> None:
    # the trailing no-break space of "Ã\u00a0", the soft hyphen read as the second byte of
    # "ß\u00ad" (U+07ED), removed first: their repairs failed the document (EditConflict)
    for text in ("Il est allÃ© voir son pÃ¨re Ã\u00a0\nLa suite.\n", "cß\u00adß\ud800\n"):
        result = Cleaner(stages=stages).clean(text, lang="fr")
        assert result.ok, result.error
        assert apply_edits(text, [(r.start, r.end) for r in result.removed],
                           [(r.start, r.end, r.after) for r in result.repairs]) == result.text
    assert "allé voir son père" in Cleaner(stages=stages).clean("Il est allÃ© voir son pÃ¨re Ã\u00a0\n").text
