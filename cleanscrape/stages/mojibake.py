"""Repair mojibake ("franÃ§ais", "lâ€™homme", double-encoded "ÃƒÂ©") with ftfy, and
normalise to NFC.

ftfy costs about 1 MB/s (PERF-NOTES §2), so it runs only on lines a cheap pre-filter flags:
a character that starts a UTF-8 sequence when read as Latin-1/cp1252 ("Â".."ô") followed
by one that continues one (the cp1252 or Latin-1 reading of bytes 0x80–0xBF), or a C1
control character.  Correct UTF-8 text almost never has either; mojibake always does.  ftfy is configured to fix encodings
only: curly quotes, full-width characters, ligatures, HTML entities, line breaks and
control characters are content, not damage, and stay as they are.

Each changed word is reported on its own (the line before and after are aligned word by
word), with ftfy's own explanation of the decoding it undid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import LAYOUT_WHITESPACE, Document, SpanRepair
from ..repair.spans import changed_spans
from ..stage import Stage, register_stage


def _continuation_chars() -> str:
    """How bytes 0x80–0xBF read in cp1252 and in Latin-1 (C1 controls)."""
    chars = [chr(byte) for byte in range(0x80, 0xC0)]
    for byte in range(0x80, 0xA0):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            pass  # undefined in cp1252: read as the C1 control, already listed
    return "".join(chars)


# Both patterns are searched for in every document: the `regex` module finds them ~3×
# faster than `re` (a character-class search in `re` tests every character in Python's
# generic charset loop).
#: a UTF-8 lead byte read as cp1252, then a continuation byte read as cp1252
MOJIBAKE_HINT = regex.compile("[\u00c2-\u00f4][" + re.escape(_continuation_chars()) + "]")
#: a C1 control alone, which text never holds but a cp1252 byte read as Latin-1 leaves
#: ("5\x80" for "5€"): flagged only after a lead character, it was fixed on a second run
#: once lossy_repair had written one before it ("A\ufffd\x80" -> "Aï\x80").  Or a lone
#: surrogate (a JSON "\ud800" escape), which ftfy replaces with U+FFFD: flagged only with
#: other damage on its line, it was replaced on a second run once lossy_repair had written
#: a lead and a continuation character on it ("?R\ud800RÉ\ufffd" -> "…RÉŠ").  A pattern of
#: its own: an alternation in MOJIBAKE_HINT made every search 3× slower.  And each range
#: a pattern of its own: ``regex`` scans for a class of one range ~10× as fast as for a
#: class of two (the dump's texts: one search of both 2.9 ms, two searches 0.6 ms).
C1_CONTROL = regex.compile("[\x80-\x9f]")
SURROGATE = regex.compile("[\ud800-\udfff]")


#: the layout characters that cp1252 and Latin-1 lack ("\u3000\u200b\ufeff"), read off the
#: document's list: a character added there is passed over here too
_UNENCODABLE_LAYOUT = "".join(ch for ch in LAYOUT_WHITESPACE
                              if not any(ch.encode(charset, "ignore") for charset in ("latin-1", "cp1252")))


def _suspect(text: str) -> bool:
    # the patterns look for non-ASCII characters: an ASCII text (a flag str keeps) has none
    return not text.isascii() and (MOJIBAKE_HINT.search(text) is not None or C1_CONTROL.search(text) is not None
                                   or SURROGATE.search(text) is not None)


@lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization="NFC",
        explain=True,
    )


@register_stage
class MojibakeStage(Stage):
    name = "mojibake"
    categories = ("mojibake", "unicode_normalization")

    @dataclass(frozen=True)
    class Options:
        normalize_nfc: bool = True

    options: MojibakeStage.Options

    def process(self, doc: Document) -> None:
        text = doc.text
        suspect = _suspect(text)
        not_nfc = self.options.normalize_nfc and not text.isascii() and not unicodedata.is_normalized("NFC", text)
        if not (suspect or not_nfc):
            return
        for line in doc.kept_lines():
            if suspect and _suspect(line.text):
                self._fix_mojibake(doc, line)
            elif not_nfc and not unicodedata.is_normalized("NFC", line.text):
                fixed = unicodedata.normalize("NFC", line.text)
                self._report(doc, line, fixed, "Unicode normalisation to NFC", "", self.categories[1])

    def _fix_mojibake(self, doc: Document, line) -> None:
        import ftfy

        # ftfy re-encodes a line whole, which a character no legacy charset holds stops: a
        # byte-order mark opening a text (a file saved "UTF-8 with BOM") left its first
        # line's mojibake as it was.  Such layout at the line's edges is passed over.
        text = line.text
        lead = len(text) - len(text.lstrip(_UNENCODABLE_LAYOUT))
        inner = text[lead:].rstrip(_UNENCODABLE_LAYOUT)
        fixed, steps = ftfy.fix_and_explain(inner, config=_ftfy_config())
        fixed = text[:lead] + fixed + text[lead + len(inner):]
        if fixed == text:
            return
        decodings = [f"{verb} {what}" for verb, what in steps or ()]
        reason = "mojibake repaired by ftfy"
        self._report(doc, line, fixed, reason, ", ".join(decodings), self.categories[0])

    def _report(self, doc: Document, line, fixed: str, reason: str, evidence: str, category: str) -> None:
        doc.repair_spans(line.index, [SpanRepair(start, end, after, reason, evidence)
                                      for start, end, after in changed_spans(line.text, fixed)],
                         stage=self.name, category=category)
