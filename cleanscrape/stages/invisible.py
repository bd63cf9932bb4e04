"""Invisible characters inside the text: soft hyphens, zero-width spaces, word joiners.

A page's HTML holds them as hints to the browser (``&shy;`` where a long word may break,
``&#8203;`` where a line may) and they render as nothing, but a scrape keeps them as
characters: "Touristen\\u00adattraktion" is not the word a search, a tokenizer or a
duplicate check sees in "Touristenattraktion".  German and French news sites hyphenate
this way by the hundred a page.  trafilatura drops every non-printable character from
the pages it extracts; on raw text this stage drops only these four (``characters``):
the joiners that shape a script (U+200C, U+200D: Persian, the Indic scripts, emoji) and
the marks of writing direction are part of the text, and stay.

The layout at a line's edges (a zero-width space or a byte-order mark among indentation)
is the whitespace stage's; a line holding nothing else is removed whole.  A soft hyphen
right after "Ã", "Î", "Ð" and the like may be the second byte of a UTF-8 letter read as
Latin-1 ("Ã\\u00ad" is "í"): it stays, as evidence, when the mojibake stage has not
repaired it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..document import LAYOUT_WHITESPACE, Document, Line
from ..stage import Stage, register_stage


def _mojibake_leads() -> frozenset[str]:
    """The Latin-1 letters that, before a soft hyphen (byte AD), are the UTF-8 of a letter
    or of a soft hyphen read as Latin-1: "Ã" (í), "Î" (έ), "Ð" (Э), "Â" (the soft hyphen
    itself); not "ß" (AD after DF is a mark of NKo, in no German word)."""
    leads = set()
    for byte in range(0xC2, 0xE0):
        decoded = bytes((byte, 0xAD)).decode("utf-8")
        if decoded == "\u00ad" or unicodedata.category(decoded).startswith("L"):
            leads.add(chr(byte))
    return frozenset(leads)


_MOJIBAKE_LEADS = _mojibake_leads()


@lru_cache(maxsize=None)
def _finder(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(characters)}]+")


def _reason(run: str) -> str:
    """Why ``run`` goes: the characters in it, each named once."""
    return _reason_of("".join(dict.fromkeys(run)))


# (cached by the run's distinct characters, a few dozen orders of the option's at most: by
# the run itself, every new length or mix of a text's added an entry, for the whole process)
@lru_cache(maxsize=None)
def _reason_of(characters: str) -> str:
    names = ", ".join(f"{unicodedata.name(ch).lower()} (U+{ord(ch):04X})" for ch in characters)
    return f"{names}: a format character that renders as nothing"


@register_stage
class InvisibleStage(Stage):
    name = "invisible"
    categories = ("invisible",)

    @dataclass(frozen=True)
    class Options:
        #: the characters removed: format characters only (Unicode category Cf), so that
        #: nothing visible is ever taken for one
        characters: str = "\u00ad\u200b\u2060\ufeff"

        def __post_init__(self) -> None:
            visible = [ch for ch in self.characters if unicodedata.category(ch) != "Cf"]
            if visible:
                raise ValueError(f"option 'characters' takes format characters only (Unicode category Cf), "
                                 f"not {''.join(visible)!r}")

    options: InvisibleStage.Options

    def process(self, doc: Document) -> None:
        characters = self.options.characters
        # most documents hold none: a search of the input for each character tells, in C
        # (str's search: four of them take ~1/60 of the finder's one scan of the text)
        if not characters or not any(ch in doc.text for ch in characters):
            return
        finder = _finder(characters)
        for line in doc.lines:
            if not line.removed and finder.search(line.text):
                self._remove_in(doc, line, finder)

    def _remove_in(self, doc: Document, line: Line, finder: re.Pattern[str]) -> None:
        source = doc.text[line.start:line.end]
        content = source.strip(LAYOUT_WHITESPACE)
        if not content:
            return  # a blank line, the whitespace stage's
        if not finder.sub("", content).strip(LAYOUT_WHITESPACE):
            self.remove_line(doc, line, "line of invisible characters only")
            return
        # (offsets in the input: the layout at the edges is left to the whitespace stage)
        first = line.start + len(source) - len(source.lstrip(LAYOUT_WHITESPACE))
        for run in finder.finditer(content):
            start, end = first + run.start(), first + run.end()
            # a soft hyphen after a lead the mojibake stage left as it was may be half of a
            # letter ("Ã\u00ad"): it stays, as evidence (after a lead it read, it is a soft hyphen)
            if (run[0][0] == "\u00ad" and run.start() and content[run.start() - 1] in _MOJIBAKE_LEADS
                    and not doc.is_repaired(start - 1, start)):
                start += 1
            # what a repair took is the repair's ("Ã\u00ad" read as "í"); the rest of the run goes
            piece_start = start
            for offset in range(start, end + 1):
                if offset == end or doc.is_repaired(offset, offset + 1):
                    if piece_start < offset:
                        self.remove_span(doc, piece_start, offset, _reason(doc.text[piece_start:offset]))
                    piece_start = offset + 1
