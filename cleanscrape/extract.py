"""HTML → main text: charset decoding, trafilatura extraction, and a fallback.

The HTML path runs in two parts, and the report keeps them apart:

1. **extraction** (this module): the page bytes are decoded (:func:`decode_html`), parsed
   once, and trafilatura keeps the main content.  What extraction dropped is not itemised
   (trafilatura does not say why); it is summed up in ``metadata["extraction"]``:
   extractor, mode, HTML and text sizes, charset and where it came from, the headline
   taken off the top of the body;
2. **cleaning**: the extracted text goes through :meth:`Cleaner.clean` like any scrape,
   so every line the text stages remove after extraction is reported with its reason.

trafilatura is imported on first use only: importing it costs ~0.5 s, and the CLI must
start fast when no HTML is read.
"""

from __future__ import annotations

import codecs
import copy
import dataclasses
import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterator, Mapping
from urllib.parse import urlsplit

from .cleaner import Cleaner, Result, document_problem
from .limits import DocumentTimeout

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:  # pragma: no cover
    from typing import TypedDict

    from lxml.html import HtmlElement

    from .stage import Stage

    class _ModeArguments(TypedDict, total=False):
        """The keyword arguments of ``trafilatura.extract`` a mode sets."""

        fast: bool
        favor_precision: bool
        favor_recall: bool

__all__ = [
    "EXTRACTION_MODES",
    "ExtractOptions",
    "Extraction",
    "DecodedHtml",
    "decode_html",
    "charset_from_content_type",
    "extract_within_limits",
    "extract",
    "clean_html",
    "extract_for_cleaning",
    "html_cleaner",
    "HTML_SKIPPED_STAGES",
    "HTML_STAGE_OPTIONS",
    "domain_of",
]

#: trafilatura's three trade-offs plus its fast path (no backup extractors)
EXTRACTION_MODES = ("balanced", "precision", "recall", "fast")

_MODE_ARGUMENTS: dict[str, _ModeArguments] = {
    "balanced": {},
    "precision": {"favor_precision": True},
    "recall": {"favor_recall": True},
    "fast": {"fast": True},
}


@dataclass(frozen=True)
class ExtractOptions:
    """How HTML becomes text."""

    #: one of :data:`EXTRACTION_MODES`
    mode: str = "balanced"
    #: keep the text of <table> elements (data tables are often the content)
    tables: bool = True
    #: keep user comments below the article
    comments: bool = False
    #: when trafilatura finds nothing, take trafilatura's baseline (JSON-LD article body,
    #: <article>, paragraphs, then the page's visible text) rather than return nothing
    fallback: bool = True
    #: take the first line off the body when it repeats the page's <title>, og:title or an
    #: <h1>: trafilatura keeps the headline in the body on many news pages, and a headline
    #: is title metadata, not main text (it becomes ``metadata["title"]``)
    drop_headline: bool = True
    #: put back the article's lead paragraph when trafilatura left it out (see :func:`_lead`)
    lead: bool = True
    #: read an article body split into several containers whole (see :func:`_join_body_parts`)
    body_parts: bool = True
    #: put back the posts embedded in the article that trafilatura left out (see :func:`_embedded_posts`)
    embedded_posts: bool = True
    #: let trafilatura's boilerplate patterns see class and id names spelled with capitals
    #: (see :func:`_lower_case_names`)
    lower_case_names: bool = True

    def __post_init__(self) -> None:
        if self.mode not in EXTRACTION_MODES:
            raise ValueError(f"unknown extraction mode {self.mode!r}; use one of {', '.join(EXTRACTION_MODES)}")


@dataclass(frozen=True)
class DecodedHtml:
    text: str
    charset: str | None
    #: which evidence chose the charset: "bom", "http", "meta", "utf-8" (the bytes are valid
    #: UTF-8), "default" (undeclared and no UTF-8: the legacy default of the page's
    #: language, windows-1252 if it declares none; see :func:`_detected`),
    #: "detected" (charset_normalizer), "mixed" (UTF-8 where the bytes are valid UTF-8,
    #: one single-byte code page for the rest: ``charset`` "utf-8+cp1252", "utf-8+cp1250" …,
    #: see :func:`_mixed`), "replace" (nothing fitted;
    #: bad bytes became U+FFFD) or "str" (the caller gave text)
    source: str
    #: "mixed": how many bytes were read as the code page
    fallback_bytes: int = 0


@dataclass
class Extraction:
    """The text of one page and the record of how it was obtained."""

    text: str
    #: the ``metadata["extraction"]`` record
    info: dict[str, Any]
    title: str | None = None


# ---------------------------------------------------------------------------- charsets

# Labels that browsers decode with a superset codec (WHATWG Encoding Standard): pages
# labelled latin-1 use the 0x80-0x9F curly quotes and dashes that only cp1252 defines, pages
# labelled gb2312 or shift_jis use characters only GB18030 or cp932 define.
_SUPERSET_CODECS = {
    **dict.fromkeys(("latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "cp819", "ascii",
                     "us-ascii", "windows-1252", "cp1252", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "windows-1254"), "cp1254"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb_2312-80"), "gb18030"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949"), "cp949"),
    "big5": "big5hkscs",
}

_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=...">; the
# HTML spec prescans the first 1024 bytes, real pages put the tag after long <head> scripts
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
META_PRESCAN_BYTES = 8192
# The page's language, for the legacy default of an undeclared page: <html lang="pl">
# (xml:lang too), or <meta http-equiv="content-language" content="pl">; read from the bytes,
# since the text is what the charset is needed for.
_HTML_LANG = re.compile(rb"""<html\b[^>]*?[\s:]lang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""",
                        re.IGNORECASE)
_META_LANG = re.compile(rb"""<meta\b[^>]*?content-language[^>]*>""", re.IGNORECASE)
_CONTENT_LANG = re.compile(rb"""\scontent\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""", re.IGNORECASE)
#: the legacy encodings browsers assume per language, in data/
CHARSET_DEFAULTS_FILE = "charset_defaults.toml"

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _python_codec(label: str | bytes | None) -> str | None:
    """A Python codec name for a charset label, or None for an unknown label."""
    if not label:
        return None
    name = (label.decode("ascii", "replace") if isinstance(label, bytes) else label).strip().strip("\"'").lower()
    if name in _SUPERSET_CODECS:
        return _SUPERSET_CODECS[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(value: str | bytes | None) -> str | None:
    """The charset parameter of a Content-Type header (``text/html; charset=UTF-8``)."""
    if not value:
        return None
    raw = value.encode("latin-1", "replace") if isinstance(value, str) else value
    match = _CHARSET_PARAM.search(raw)
    return match.group(1).decode("ascii") if match else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_UNICODE_CODECS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"})
#: the Unicode encodings of two or four bytes a character (Python's codec names start so)
_WIDE_CODECS = ("utf-16", "utf-32")


def decode_html(data: bytes | str, http_charset: str | None = None) -> DecodedHtml:
    """Decode page bytes without creating mojibake.

    Evidence in order: a byte-order mark, the HTTP header charset, the page's own
    ``<meta charset>`` / ``http-equiv`` declaration, then detection.  A declared charset is
    used only if the bytes decode under it without error (labels browsers read as a
    superset, latin-1 as cp1252 or gb2312 as GB18030, are read the same way), or, none
    fitting, a single-byte one the bytes fail only by bytes it leaves unassigned (read as C1
    controls, as browsers do: detection read a Polish page with a stray 0x90 as
    ISO-8859-14); and a
    *single-byte* label
    (latin-1, cp1252, koi8-r …) or any other legacy label loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII
    in them — mislabelled UTF-8 is common, while cp1252 text that happens to be valid UTF-8
    would itself have to be mojibake ("Ã©"); the same holds, more strongly, for the legacy
    multi-byte charsets (Shift_JIS, GBK …).
    """
    if isinstance(data, str):
        return DecodedHtml(data, None, "str")
    codec: str | None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return DecodedHtml(text, codec, "bom")
    utf8 = _strict(data, "utf-8")
    # the first declared single-byte code page that the bytes fail only by bytes it leaves
    # unassigned, read as browsers do (a C1 control each), when no declared charset fits
    unassigned: DecodedHtml | None = None
    for source, label in (("http", http_charset), ("meta", _meta_charset(data))):
        codec = _python_codec(label)
        if codec is None:
            continue
        if codec.startswith(_WIDE_CODECS) and (source == "meta" or b"\x00" not in data[:META_PRESCAN_BYTES]):
            # bytes whose markup reads as ASCII are no UTF-16 or UTF-32 (whose every ASCII
            # character has a NUL byte): the label is a mistake old tools make, and the
            # HTML standard reads a <meta> saying so as UTF-8.  Read as UTF-16, such a page
            # was CJK noise, "not parseable as HTML", its text lost
            codec = "utf-8"
        if utf8 is not None and codec not in _UNICODE_CODECS and not data.isascii():
            return DecodedHtml(utf8, "utf-8", "utf-8")
        mixed = _mixed(data, codec) if utf8 is None else None
        if mixed is not None:
            # UTF-8 in places, the declared code page elsewhere: read as each where it is
            return mixed
        text = _strict(data, codec)
        if text is not None:
            return DecodedHtml(text, codec, source)
        reader = _byte_reader(codec) if utf8 is None and unassigned is None else None
        if reader is not None:
            unassigned = DecodedHtml(data.decode(reader), codec, source)
    if utf8 is not None:
        return DecodedHtml(utf8, "utf-8", "utf-8")
    # (a stray 0x90 in a windows-1250 page, 0x98 in a windows-1251 one: detected, such a
    # page was read as another code page (MacGreek for Russian), or, none fitting whole,
    # with every non-ASCII byte as U+FFFD)
    return unassigned or _detected(data)


def _mess(text: str) -> float:
    """charset_normalizer's measure of how much of ``text`` reads as mojibake (0: none)."""
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text, 1.0)


def _meta_charset(data: bytes) -> bytes | None:
    """The charset label of the page's first ``<meta>`` declaring one outside a comment (the
    HTML standard's prescan passes over comments): a declaration commented out, a template's
    leftover, decided the charset (``<!-- <meta charset="koi8-r"> -->`` above the page's own
    windows-1251 made its Russian "ПХБЕР" for "Привет": any bytes read as a single-byte
    charset)."""
    for match in _META_CHARSET.finditer(data, 0, META_PRESCAN_BYTES):
        opened = data.rfind(b"<!--", 0, match.start())
        if opened < 0 or data.find(b"-->", opened + 2, match.start()) >= 0:  # ("<!-->" is closed)
            return match.group(1)
    return None


@lru_cache(maxsize=1)
def _charset_defaults() -> dict[str, str]:
    with (resources.files("cleanscrape") / "data" / CHARSET_DEFAULTS_FILE).open("rb") as fh:
        return {lang: _python_codec(label) or label for lang, label in tomllib.load(fh).items()}


def _declared_language(data: bytes) -> str | None:
    """The language tag of ``<html lang>`` or, failing that, of a content-language
    ``<meta>``, lowercased with "-" (``zh-tw``)."""
    match = _HTML_LANG.search(data, 0, META_PRESCAN_BYTES)
    if match is None:
        meta = _META_LANG.search(data, 0, META_PRESCAN_BYTES)
        match = _CONTENT_LANG.search(meta.group(0)) if meta else None
    return match.group(1).decode("ascii").lower().replace("_", "-") if match else None


def _default_codec(data: bytes) -> str:
    """The encoding a browser assumes for an undeclared page in the page's language
    (windows-1250 for Polish, Shift_JIS for Japanese …), windows-1252 if it names none
    the table holds."""
    lang = _declared_language(data)
    defaults = _charset_defaults()
    if lang is not None:
        for tag in (lang, lang.split("-")[0]):
            if tag in defaults:
                return defaults[tag]
    return "cp1252"


def _detected(data: bytes) -> DecodedHtml:
    """Bytes that declare no charset and are no UTF-8: the legacy default of the page's
    declared language (windows-1252, the WHATWG default, when it declares none), unless
    charset_normalizer's choice reads cleaner.  Its ranking is no evidence where the texts
    read alike: the Latin code pages share most letters, and on "Voilà … très" it ranked
    cp1257 and cp1250 first, tied with cp1252, to give "Voilą … trčs" (its mess measure sees
    a letter either way); for the same reason a short Polish page whose letters cp1252 also
    has ("dostęp" as "dostêp") needs its lang="pl" to be read as cp1250.  Cyrillic or Polish
    bytes read as cp1252 are a mess of symbols ("Ïðèâåò", "paŸdzierniku"), and their own
    code page wins.  Bytes valid UTF-8 in places are read so there, and as one code page
    elsewhere (:func:`_mixed_undeclared`), where that reads cleaner than both."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    best_mess = _mess(str(best)) if best is not None and best.encoding else math.inf
    codec = _default_codec(data)
    default = _strict(data, codec)
    default_mess = _mess(default) if default is not None else math.inf
    mixed = _mixed_undeclared(data, codec)
    if mixed is not None:
        mixed_mess = _mess(mixed.text)
        if mixed_mess < default_mess and mixed_mess <= best_mess:
            return mixed
    if default is not None and default_mess <= best_mess:
        return DecodedHtml(default, codec, "default")
    if best is not None and best.encoding:
        return DecodedHtml(str(best), _python_codec(best.encoding) or best.encoding, "detected")
    return DecodedHtml(data.decode("utf-8", "replace"), "utf-8", "replace")


#: the characters of multi-byte UTF-8 sequences, in bytes decoded with surrogateescape
_UTF8_SEQUENCES = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]+")


#: the Windows code pages, whose letters are those of the living languages written in one
#: byte a character (Latin, Greek, Cyrillic, Hebrew, Arabic, Vietnamese)
_WINDOWS_CODE_PAGES = tuple(f"cp{number}" for number in range(1250, 1259))
_ASCII_BYTES = bytes(range(0x80))


@lru_cache(maxsize=1)
def _written_as_utf8() -> re.Pattern[str]:
    """The runs of multi-byte UTF-8 sequences written as UTF-8, in bytes UTF-8 refuses
    elsewhere (decoded with surrogateescape), as against code-page bytes that form a
    sequence by accident: in windows-1251 a capital before "»", a no-break space or "—"
    ("ТАСС»": "С»" is D1 BB, "ѻ"), in windows-1250 or -1252 an accented capital before
    one ("STRAßE“": "ß“" is DF 93, "ߓ").  A run that touches a refused byte is no UTF-8:
    no word is written half in UTF-8 and half in a legacy code page, UTF-8 and legacy text
    meet at markup, spaces or punctuation, while an accident is part of a word in the code
    page ("ТАСС»" read so was "ТАСѻ").  Between ASCII characters, one character of two
    bytes (what a letter and a punctuation byte make) that no Windows code page writes is
    no UTF-8 either: an archaic or phonetic letter, a combining mark, a letter of NKo or
    Syriac, read so beside the page's letters ("CAFÉ’S" as "CAFɒS").  The rest is: the
    letters of the languages the single-byte code pages write, and what UTF-8 writes in
    three or four bytes (CJK, symbols, emoji).  A capital before a no-break space between
    two ASCII characters (" В\xa02010") still reads as the no-break space alone.  (One
    pattern to split on, no test a run: a page holds thousands of runs.)"""
    written = set("".join(bytes(range(0x80, 0x100)).decode(codec, "ignore") for codec in _WINDOWS_CODE_PAGES))
    unwritten = "".join(chr(point) for point in range(0x80, 0x800) if chr(point) not in written)
    sequence, other = _UTF8_SEQUENCES.pattern[:-1], "[^\\x00-\\x7f]"
    # a run's first character, then what precedes it and whether it is a lone unwritten
    # one: a pattern that opens on a character class is searched for fast, one that opens
    # on a look-behind is tried at every position (3 ms of a 100 KB page)
    return re.compile(f"({sequence}(?<!{other}{sequence})(?:(?<![{unwritten}])|(?={sequence})){sequence}*)"
                      f"(?!{other})")


def _mixed(data: bytes, codec: str = "cp1252") -> DecodedHtml | None:
    """Bytes that are UTF-8 in places and a single-byte code page elsewhere (a UTF-8
    template around text pasted from a legacy source, or the other way round), each read as
    what it is: the bytes UTF-8 refuses, and the UTF-8 sequences they form by accident
    (:func:`_written_as_utf8`), as ``codec`` (ftfy's "sloppy" one where the code page
    leaves bytes unassigned: it maps them to C1 controls, as browsers do).  None if no
    multi-byte UTF-8 sequence in them was written as UTF-8 (the read would be the code
    page's), or ``codec`` is no single-byte code page.  Each sequence is decided where it
    is: a measure of the whole text read both ways (charset_normalizer's) decided all of
    them at once, reading a Russian page's 900 accidental "ТАСС»" and one UTF-8 paragraph
    whole as windows-1251 (the paragraph mojibake), or, with more UTF-8 in it, every
    "ТАСС»" as "ТАСѻ"; and it took 20–60 ms of a 100 KB page.  Read whole as one legacy
    code page, the UTF-8 parts became mojibake ("Ã©"; under cp1250 or ISO-8859-16, which
    detection then preferred, "Ă©", which no repair undoes)."""
    reader = _byte_reader(codec)
    if reader is None:
        return None
    escaped = data.decode("utf-8", "surrogateescape")
    if len(escaped) == len(data):  # (one character a byte: no multi-byte sequence)
        return None
    parts = _written_as_utf8().split(escaped)  # (code page, UTF-8 run, code page, …)
    if len(parts) == 1:
        return None
    # (most parts between UTF-8 runs are ASCII: a space, a tag)
    parts[::2] = [part if part.isascii() else part.encode("utf-8", "surrogateescape").decode(reader)
                  for part in parts[::2]]
    fallback = len(data.translate(None, _ASCII_BYTES)) - sum(len(run.encode()) for run in parts[1::2])
    return DecodedHtml("".join(parts), f"utf-8+{codec}", "mixed", fallback)


@lru_cache(maxsize=None)
def _byte_reader(codec: str) -> str | None:
    """The codec that reads every byte as the single-byte code page ``codec`` does: itself,
    or ftfy's sloppy one where the code page leaves bytes unassigned (cp1250's 0x81 …);
    None for a codec of several bytes a character."""
    import ftfy.bad_codecs  # noqa: F401 (registers the sloppy-* codecs)

    if codec in _UNICODE_CODECS:
        return None
    for name in (codec, f"sloppy-{codec}"):
        try:
            if len(bytes(range(256)).decode(name)) == 256:
                return name
        except (UnicodeDecodeError, LookupError):
            pass
    return None


def _mixed_undeclared(data: bytes, default: str) -> DecodedHtml | None:
    """:func:`_mixed` for a page that declares no single-byte charset: its bytes UTF-8
    refuses are read as windows-1252 (the WHATWG default), unless another code page reads
    them cleaner: the legacy default of the page's declared language (``default``: lang="pl"
    is windows-1250), where it reads them no worse, or the one charset_normalizer finds in
    those bytes, where it reads them better (the Latin code pages share most letters, and
    a tie is no evidence; Polish or Cyrillic read as windows-1252 is a mess of symbols,
    "paŸdzierniku", "Ïðèâåò")."""
    from charset_normalizer import from_bytes

    mixed = _mixed(data)
    if mixed is None:
        return None
    # (detection on the bytes without their UTF-8 sequences: the refused bytes in their
    # ASCII context, as a page in that code page alone would be)
    legacy = _UTF8_SEQUENCES.sub("", data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
    found = from_bytes(legacy).best()
    mess = _mess(mixed.text)
    candidates = [(default, True)]
    if found is not None and found.encoding:
        candidates.append((_python_codec(found.encoding) or found.encoding, False))
    for codec, tie_wins in candidates:
        other = _mixed(data, codec) if codec != "cp1252" else None
        if other is not None and (_mess(other.text) <= mess if tie_wins else _mess(other.text) < mess):
            return other
    return mixed


# ---------------------------------------------------------------------------- extraction

_WORD = re.compile(r"\w+")
#: a headline shorter than this many words must equal a title candidate exactly (a one- or
#: two-word first line such as a section name can be contained in any <title>)
HEADLINE_MIN_WORDS_CONTAINED = 3


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _title_candidates(tree: HtmlElement) -> list[str]:
    """Texts a headline may repeat: the document's <title> (not an SVG icon's), og:/twitter:
    title, every <h1>."""
    found = [el.text_content() for el in tree.xpath("//head/title | //h1")]
    found += tree.xpath('//meta[@property="og:title" or @name="twitter:title"]/@content')
    return [t.strip() for t in found if isinstance(t, str) and t.strip()]


def _headline(first_line: str, candidates: list[str]) -> bool:
    """Whether ``first_line`` repeats a title candidate (as words: case and punctuation
    aside), or a run of at least HEADLINE_MIN_WORDS_CONTAINED words of one
    ("Headline | Site name")."""
    line = _words(first_line)
    if not line:
        return False
    long_enough = line.count(" ") + 1 >= HEADLINE_MIN_WORDS_CONTAINED
    for candidate in candidates:
        words = _words(candidate)
        if line == words or (long_enough and f" {line} " in f" {words} "):
            return True
    return False


#: class or id naming the opening paragraph of an article: lead (not "leader" or
#: "leaderboard", an ad slot), intro, teaser (German "Vorspann"), chapô, abstract, description.
#: Not the summary written beside the article, "summary", "dek", "standfirst", "excerpt":
#: a page's summary is description metadata, as its headline is title metadata (the
#: scrapinghub gold leaves such decks out, and keeps what follows them)
LEAD_MARKS = ("lead", "intro", "teaser", "chapo", "abstract", "description")
#: elements whose text is no lead even when marked so: menus, sidebars, headings (a
#: subheadline or a site's tagline), forms, and a lead *image* with its caption
_NOT_LEAD = frozenset(("nav", "aside", "footer", "form", "button", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
                       "figcaption", "img", "picture", "video", "iframe", "script", "style", "noscript", "template"))
#: a lead is a sentence or more, not a label
LEAD_MIN_WORDS = 8
#: a block whose first this many characters stand in the extracted text is in it already
#: (trafilatura took it in its own way: its end, a link or a line break, may differ)
_OPENING_CHARS = 60
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _body_start(tree: HtmlElement, text: str) -> HtmlElement | None:
    """The deepest element holding the start of the extracted text's first line, on the
    first path down from the root that holds it."""
    words = text.lstrip().partition("\n")[0][:40].split()
    if len(" ".join(words)) < 10:
        return None
    # as the page spaces it: trafilatura folds runs of whitespace
    key = re.compile(r"\s+".join(map(re.escape, words)))
    node = tree.find("body")  # (not the <head>'s scripts and styles)
    if node is None or not key.search(node.text_content()):
        return None
    while True:
        for child in node:
            if isinstance(child.tag, str) and key.search(child.text_content()):
                node = child
                break
        else:
            return node


def _between(first: HtmlElement, last: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after ``first`` and its content and before ``last``, in document order,
    less the ancestors of ``last`` (they open before it, and hold it).  Walked from ``first``:
    on a page the two are near, and the whole tree is not."""
    holding = {last, *last.iterancestors()}
    node = first
    while True:
        after = node.getnext()
        while after is None:
            parent = node.getparent()
            if parent is None or parent in holding:  # (``last`` not after ``first``)
                return
            node = parent
            after = node.getnext()
        while after in holding:
            if after is last:
                return
            after = after[0]  # ``last`` is inside: go in
        yield from after.iter()
        node = after


def _lead(tree: HtmlElement, text: str) -> str | None:
    """The lead paragraph trafilatura left out, or None.

    News and magazine pages put the lead (the article's opening paragraph, set apart)
    between the headline and the body, often in the article's header block outside the
    element trafilatura takes the body from; and trafilatura drops "teaser" elements on
    purpose, as most are links to other articles.  Taken back: an element marked as a lead
    by its class or id (:data:`LEAD_MARKS`) between the last <h1> before the start of the
    extracted text and that start, not in or holding a menu, heading, figure or form, not
    mostly link text, of at least LEAD_MIN_WORDS words, and not already in the text.
    """
    if tree.find(".//h1") is None:
        return None
    start = _body_start(tree, text)
    headline = start.xpath("preceding::h1[1]") if start is not None else None
    if not headline:
        return None
    kept = _norm(text)
    leads: list[str] = []
    taken: list[HtmlElement] = []
    for el in _between(headline[0], start):
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower().replace("leader", "")
        if not any(mark in marks for mark in LEAD_MARKS):
            continue
        if el.tag in _NOT_LEAD or any(a.tag in _NOT_LEAD or a in taken for a in el.iterancestors()):
            continue
        if any(d.tag in _NOT_LEAD for d in el.iterdescendants()):
            continue
        lead = _norm(el.text_content())
        # (its start in the text: trafilatura took it, in its own way)
        if len(lead.split()) >= LEAD_MIN_WORDS and not _mostly_links(el, lead) and lead[:_OPENING_CHARS] not in kept:
            taken.append(el)
            leads.append(lead)
    return "\n".join(leads) or None


#: a paragraph that opens with this many characters of text marks its container as prose
#: (a body part); a teaser or a comment's first line is shorter
BODY_PART_PARAGRAPH_CHARS = 80
#: the containers a body part is (a paragraph's parent); a list, a table cell or a quote
#: holding a paragraph is inside the body, not a part of it
_BLOCKS = frozenset(("div", "section", "article", "main"))


def _join_body_parts(tree: HtmlElement) -> int:
    """Move the later parts of an article body split into several containers into the
    first, and return how many parts the body has (0: one).

    Pages split the body into chunks with ads between them (``<div class="body__container">``
    once per few paragraphs), and trafilatura takes the body from the first element its
    article-body patterns match (the first of :data:`trafilatura.xpaths.BODY_XPATH`:
    ``articleBody``, "article-body", "post-content" …): all but the first chunk were lost.
    That element must hold a paragraph of its own that opens with BODY_PART_PARAGRAPH_CHARS
    of text (else trafilatura took the body from elsewhere); a part is an element of the
    same tag and class after it, outside it, holding such a paragraph too, and neither is
    mostly link text.  The parts move in document order to the first's end; what stood
    between them (the ads) stays where it was.  trafilatura's patterns are only matched on
    a page where two containers of one class hold such paragraphs (a quarter of pages:
    matching them costs ~1.7 ms a page, the whole test ~0.6 ms on average)."""
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    split = False
    for paragraph in tree.iter("p"):
        holder = paragraph.getparent()
        if holder is None or holder.tag not in _BLOCKS or len(paragraph.text or "") < BODY_PART_PARAGRAPH_CHARS:
            continue
        name = holder.get("class")
        if name:
            group = groups.setdefault((holder.tag, name), [])
            if holder not in group:
                group.append(holder)
                split = split or len(group) > 1
    if not split:
        return 0
    try:
        from trafilatura.xpaths import BODY_XPATH
    except ImportError:  # pragma: no cover - a trafilatura without it extracts as before
        return 0
    first = next(iter(BODY_XPATH[0](tree)), None)
    if first is None:
        return 0
    group = groups.get((first.tag, first.get("class") or ""), [])
    if first not in group or not _prose(first):  # (trafilatura took the body elsewhere)
        return 0
    parts = [el for el in group[group.index(first) + 1:]
             if first not in el.iterancestors() and el not in first.iterancestors() and _prose(el)]
    if not parts:
        return 0
    for part in parts:
        _detach(part)
        first.append(part)
    return len(parts) + 1


def _prose(el: HtmlElement) -> bool:
    """Its text is not mostly link text."""
    return not _mostly_links(el, _norm(el.text_content()))


def _mostly_links(el: HtmlElement, text: str) -> bool:
    """Whether more than half of ``text``, the normalised text of ``el``, is link text."""
    return sum(len(_norm(a.text_content())) for a in el.iter("a")) * 2 > len(text)


def _detach(el: HtmlElement) -> None:
    """Take ``el`` out of its parent, leaving the text after it (its tail) in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
        el.tail = None
    parent.remove(el)


#: the markup of a post embedded in an article: Twitter's (X's) embed code, a <blockquote>
#: holding the post's text, which its script turns into a card
EMBEDDED_POST_XPATH = '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
#: how many blocks before and after a post are looked at for the article text around it
_POST_NEIGHBOURS = 5
#: the characters of a block around a post looked for in the extracted text, and the fewest
#: a block must have to be looked for (see :func:`_line_of`)
_ANCHOR_CHARS = 50
_MIN_ANCHOR_CHARS = 20
_POST_NEIGHBOUR_XPATH = ("{axis}::*[self::p or self::li or self::h2 or self::h3 or self::h4]"
                         f"[position() <= {_POST_NEIGHBOURS}]")


def _embedded_posts(tree: HtmlElement, text: str) -> tuple[str, int]:
    """``text`` with the embedded posts trafilatura left out of the article put back, each
    after the line of the article text before it, and how many were put back.

    A post the author embeds in an article (a player's farewell, the club statement the
    story is about) is quoted main text, and the scrapinghub gold keeps it; trafilatura
    drops many by their link density (hashtags, the picture link and the date are links)
    or their widget container.  Only a post that stands *between* two pieces of the
    extracted text is taken: one before or after the article (a sidebar's feed) is not."""
    posts = tree.xpath(EMBEDDED_POST_XPATH)
    if not posts:
        return text, 0
    lines = text.split("\n")
    kept = _norm(text)
    # (normalised once: each post looks for up to 2 x _POST_NEIGHBOURS blocks in them)
    normalized = [_norm(line) for line in lines]
    after: dict[int, list[str]] = {}
    taken = 0
    for post in posts:
        post_lines = _post_lines(post)
        if not post_lines or post_lines[0][:_OPENING_CHARS] in kept:
            continue
        before = _line_of(normalized, post.xpath(_POST_NEIGHBOUR_XPATH.format(axis="preceding"))[::-1])
        following = _line_of(normalized, [el for el in post.xpath(_POST_NEIGHBOUR_XPATH.format(axis="following"))
                                     if post not in el.iterancestors()])
        if before is None or following is None or following <= before:
            continue
        after.setdefault(before, []).extend(post_lines)
        taken += 1
    if not taken:
        return text, 0
    out: list[str] = []
    for number, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(number, ()))
    return "\n".join(out), taken


def _post_lines(post: HtmlElement) -> list[str]:
    """The lines of an embedded post: its paragraphs (a <br> breaks a line), then what
    follows them (the author and date)."""
    lines: list[str] = []
    rest: list[str] = [post.text or ""]
    for child in post:
        if not isinstance(child.tag, str):
            rest.append(child.tail or "")
            continue
        if child.tag == "p":
            lines.extend(_norm(part) for part in _text_with_breaks(child).split("\n"))
        else:
            rest.append(child.text_content())
        rest.append(child.tail or "")
    lines.append(_norm(" ".join(rest)))
    return [line for line in lines if line]


def _text_with_breaks(el: HtmlElement) -> str:
    """The text of ``el`` with a newline for each <br>."""
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "br" else _text_with_breaks(child) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _line_of(normalized: list[str], blocks: list[HtmlElement]) -> int | None:
    """The index of the line of ``normalized`` (the text's lines, :func:`_norm`-ed) holding
    the start of the first of ``blocks`` whose text is found there (its first
    ``_ANCHOR_CHARS`` characters; a block of fewer than ``_MIN_ANCHOR_CHARS``, a short
    label, may be anywhere)."""
    for block in blocks:
        key = _norm(block.text_content())[:_ANCHOR_CHARS]
        if len(key) < _MIN_ANCHOR_CHARS:
            continue
        for number, line in enumerate(normalized):
            if key in line:
                return number
    return None


#: trafilatura's list-item marker in plain text ("- ", indented two spaces a level)
_LIST_MARKER = re.compile(r"^\s*- ")
#: a label in brackets after a link, outside it, saying what or whose the linked page is
#: ("… jibe [INSIGHT]|", "… [VIDEO]", "„…“ (brand eins 08/2019)"): news sites set their
#: headline links so in the body, and the label hid the line from the whole-link test
_BRACKETED_LABEL = re.compile(r"\s*[\[(][^\[\]()]{1,20}[\])]\W*$")


def _link_lines(tree: HtmlElement, text: str) -> list[int]:
    """The numbers (1-based) of the lines of ``text`` that the page shows as one whole link
    to another page: its whole text, less a list marker and a label in brackets after it
    (:data:`_BRACKETED_LABEL`), is the text of an ``<a href>``.
    Headlines of other articles and promotions stand in the body so (a related-articles
    box, "SEE ALSO" lines, a teaser strip), and the text alone does not show it: the
    ``related`` stage takes the ones long enough to be headlines.  A link to a part of a
    page (an ``#…`` in it: a table of contents naming the article's own headings, with the
    page's own address or none) and a script are no other page."""
    body = tree.find("body")
    if body is None:
        return []
    targets: set[str] = set()
    for a in body.iter("a"):
        href = a.get("href")
        if href is None or "#" in href or href.lstrip().startswith("javascript:"):
            continue
        # (most links hold their text alone: no walk of their children)
        words = (a.text if len(a) == 0 else "".join(a.itertext())) or ""
        targets.add(" ".join(words.split()))
    targets.discard("")
    numbers = []
    for number, line in enumerate(text.split("\n"), 1):
        words = " ".join(_LIST_MARKER.sub("", line).split())
        if words in targets or _BRACKETED_LABEL.sub("", words) in targets:
            numbers.append(number)
    return numbers


def domain_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased, without a leading ``www.`` (None: no URL, or one
    whose host cannot be read, as ``http://[not-an-address]/``)."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:  # a bracketed host that is no IP address, an unclosed "["
        return None
    return host.removeprefix("www.") or None


def _lower_case_names(tree: HtmlElement) -> None:
    """Add to each class and id that holds capitals its lower-case spelling.

    trafilatura's boilerplate patterns ("newsletter", "comments", "related", "byline" …) are
    written in lower case and matched case-sensitively, so a page naming its widgets with
    capitals (BEM's "Newsletter-form", a component's "ShareBar") kept them in the text:
    a newsletter box's "Thanks for signing up!", a comment count, "Auf die Merkliste".  The
    names as written stay, so the patterns spelled with capitals ("articleBody") still match."""
    for el in tree.iter():
        if not isinstance(el.tag, str):  # (comments and processing instructions)
            continue
        for name in ("class", "id"):
            value = el.get(name)
            if value and value != value.lower():
                capitalised = [token.lower() for token in value.split() if token != token.lower()]
                el.set(name, f"{value} {' '.join(capitalised)}")


#: ``metadata["extraction"]["error"]`` of a page that is not blank and still parses to no
#: tree: its record fails
NOT_PARSEABLE = "not parseable as HTML"
#: how far into a page that trafilatura rejects a NUL says it is binary, not a fragment
BINARY_SNIFF_CHARS = 8000
#: how far libxml2 reads nested elements with XML_PARSE_HUGE (256 without it)
DEEPEST_ELEMENTS = 2048


def _load_tree(html: str) -> tuple[HtmlElement | None, bool]:
    """The page's tree (None: nothing parses), and whether elements nested deeper than
    libxml2 reads were left out.

    trafilatura's ``load_html`` takes a page whose first 50 characters do not say ``html``
    and that parses to fewer than two elements for something that is not HTML, and gives
    None: a fragment such as ``<p>Hello there.</p>`` (a dump's HTML field, a feed's item)
    lost its text.  Such a page is parsed again as the body of a document, as trafilatura's
    docstring advises (its own advice, a ``<div>`` around it, still parses to one element);
    Data with a NUL among its first :data:`BINARY_SNIFF_CHARS` characters is binary (git's
    test), not a fragment: an image or a PDF served as a page is not read as text."""
    from trafilatura import utils

    _read_deep_html()
    tree = utils.load_html(html)
    if tree is None and html.strip() and "\x00" not in html[:BINARY_SNIFF_CHARS]:
        tree = utils.load_html(f"<html><body>{html}</body></html>")
    return tree, tree is not None and any(entry.type_name == "ERR_RESOURCE_LIMIT" and "depth" in entry.message
                                          for entry in utils.HTML_PARSER.error_log)


@lru_cache(maxsize=1)
def _read_deep_html() -> None:
    """trafilatura's parser, its options kept, made to read :data:`DEEPEST_ELEMENTS` levels
    of nested elements (XML_PARSE_HUGE).  It read 256 and dropped everything below, without
    a word: a page of unclosed ``<div>``, ``<font>`` or ``<b>`` tags (each opening a level, as
    old pages and forum posts leave them) lost its text after the 255th, status ok.  Its
    module's parser is replaced, not passed: trafilatura parses a page again for its
    readability fallback, with the same one.  (The cost of a deep page grows with its
    depth: 2,000 levels of text take ~5 s; the size and time limits bound it.)"""
    from lxml.html import HTMLParser
    from trafilatura import utils

    utils.HTML_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                   remove_comments=True, remove_pis=True, huge_tree=True)


def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    options: ExtractOptions = ExtractOptions(),
) -> Extraction:
    """Extract the main text of one page.  Never raises on bad HTML: the worst case is an
    empty text with ``info["extractor"] == "none"``."""
    decoded = decode_html(html, http_charset)
    info: dict[str, Any] = {
        "extractor": "none",
        "mode": options.mode,
        "html_chars": len(decoded.text),
        "chars": 0,
        "url": url,
        "charset": decoded.charset,
        "charset_source": decoded.source,
    }
    if decoded.fallback_bytes:
        info["charset_fallback_bytes"] = decoded.fallback_bytes
    tree, too_deep = _load_tree(decoded.text)
    if too_deep:
        info["warning"] = f"elements nested more than {DEEPEST_ELEMENTS:,} deep were not read"
    if tree is None:
        # a blank page is an empty document, as an empty text file is; anything else
        # fails (extract_within_limits)
        if decoded.text.strip():
            info["error"] = NOT_PARSEABLE
        return Extraction("", info)
    if options.lower_case_names:
        _lower_case_names(tree)
    parts = _join_body_parts(tree) if options.body_parts else 0
    if parts:
        info["body_parts"] = parts
    text = _trafilatura_text(tree, url, options)
    if text.strip():
        info["extractor"] = "trafilatura"
    elif options.fallback:
        from trafilatura import baseline

        text = baseline(tree)[1]
        if text.strip():
            info["extractor"] = "fallback-baseline"
    candidates = _title_candidates(tree)
    title = candidates[0] if candidates else None
    if options.drop_headline:
        first, _, rest = text.partition("\n")
        # a page whose whole text is its headline keeps it: empty output would say less
        if rest.strip() and _headline(first, candidates):
            info["headline"] = title = first
            text = rest
    if options.lead and info["extractor"] == "trafilatura":
        lead = _lead(tree, text)
        if lead:
            info["lead"] = lead
            text = f"{lead}\n{text}"
    if options.embedded_posts and info["extractor"] == "trafilatura":
        text, posts = _embedded_posts(tree, text)
        if posts:
            info["embedded_posts"] = posts
    links = _link_lines(tree, text)
    if links:
        info["link_lines"] = links
    info["chars"] = len(text)
    return Extraction(text, info, title)


def _trafilatura_text(tree: HtmlElement, url: str | None, options: ExtractOptions) -> str:
    import trafilatura

    return trafilatura.extract(
        tree,
        url=url,
        include_tables=options.tables,
        include_comments=options.comments,
        include_formatting=False,
        **_MODE_ARGUMENTS[options.mode],
    ) or ""


#: Stages skipped on extracted text because trafilatura already did their job, with the
#: evidence (dev set of /work/shared/eval/extraction, docs/html.md):
#: ``main_content`` picks the main region of a raw dump from line statistics (stopword
#: density, link-like lines, region scores).  On trafilatura's output there is no menu
#: region left to find, and it removed gold lines (data tables, short list items, bylines
#: inside the article): 869 gold lines on dev, recall 0.978 → 0.918 (scrapinghub) and
#: 0.949 → 0.875 (snippets).
HTML_SKIPPED_STAGES: tuple[str, ...] = ("main_content",)

#: Stage options for extracted text, over the Cleaner's own.
#: ``duplicates.min_chars``: in a raw dump short repeated lines are menus and widgets; in
#: trafilatura's output they are content that repeats by design (a meal plan's "Pre-Workout
#: Supplement" per day, a table header per table, a product's feature bullets), and
#: removing them cost 0.007 recall (scrapinghub dev).  Only paragraph-sized copies go (a
#: page whose body trafilatura emitted twice): recall loss 0.003, precision gain kept.
HTML_STAGE_OPTIONS: dict[str, dict[str, Any]] = {"duplicates": {"min_chars": 120}}


def html_cleaner(cleaner: Cleaner) -> Cleaner:
    """The Cleaner for extracted text: ``cleaner`` (same settings, same stage instances:
    nothing is reloaded) minus :data:`HTML_SKIPPED_STAGES`, with
    :data:`HTML_STAGE_OPTIONS` applied."""
    derived = copy.copy(cleaner)
    derived.stages = [_with_html_options(stage) for stage in cleaner.stages if stage.name not in HTML_SKIPPED_STAGES]
    return derived


def _with_html_options(stage: Stage) -> Stage:
    overrides = HTML_STAGE_OPTIONS.get(stage.name)
    if not overrides:
        return stage
    return type(stage)(**{**dataclasses.asdict(stage.options), **overrides})


def extract_for_cleaning(
    html: str | bytes,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    options: ExtractOptions = ExtractOptions(),
) -> tuple[str, dict[str, Any]]:
    """The text to clean and the metadata to clean it with: ``metadata`` plus ``url``,
    ``domain`` (for site-aware stages), ``title`` and the ``extraction`` record.  Never
    raises: a page that breaks the extractor gives an empty text and an ``error`` in the
    record."""
    try:
        extraction = extract(html, url=url, http_charset=http_charset, options=options)
    except Exception as exc:  # one broken page must not stop a run
        extraction = Extraction("", {"extractor": "none", "mode": options.mode, "url": url,
                                     "error": f"{type(exc).__name__}: {exc}"})
    meta: dict[str, Any] = dict(metadata or {})
    meta.update({"url": url, "domain": domain_of(url), "extraction": extraction.info})
    if extraction.title:
        meta.setdefault("title", extraction.title)
    return extraction.text, meta


def clean_html(
    cleaner: Cleaner,
    html: str | bytes,
    *,
    id: str | None = None,
    url: str | None = None,
    http_charset: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    options: ExtractOptions = ExtractOptions(),
) -> Result:
    """Extract one page, then clean the extracted text.

    The Result's ``input_chars`` and offsets refer to the extracted text; what extraction
    itself kept and dropped is in ``metadata["extraction"]``.  Pass :func:`html_cleaner`
    of your Cleaner to get the stage preset the CLI uses for HTML.
    """
    extracted = extract_within_limits(cleaner, html, id=id, url=url, http_charset=http_charset, metadata=metadata,
                                      options=options)
    if isinstance(extracted, Result):
        return extracted
    text, meta = extracted
    return cleaner.clean(text, id=id, metadata=meta)


def extract_within_limits(cleaner: Cleaner, html: str | bytes, *, id: str | None, url: str | None,
                          http_charset: str | None, metadata: Mapping[str, Any] | None,
                          options: ExtractOptions) -> tuple[str, dict[str, Any]] | Result:
    """:func:`extract_for_cleaning` held to the Cleaner's limits, as its cleaning is.  A page
    whose HTML is over the size limit (parsing takes ~35x a page's size in memory), or whose
    extraction outlasts the time limit (trafilatura has run without end on some pages, its
    issues #189 and #704), gives the Result passing it through: not extracted, its text
    empty, flagged ``limit:size`` or ``limit:time``, and why in ``metadata["extraction"]``.
    A page that is not blank and parses to no tree (:data:`NOT_PARSEABLE`), or whose
    extraction raises, gives a failed Result."""
    problem = document_problem(metadata=metadata, url=url)
    if problem is not None:
        return cleaner._failed(id, "", problem, metadata if isinstance(metadata, Mapping) else None)
    if not isinstance(html, (str, bytes)):  # (as Cleaner.clean fails a text that is no string)
        return cleaner._failed(id, "", f"page must be a string or bytes, got {type(html).__name__}",
                               metadata if isinstance(metadata, Mapping) else None)
    too_large = cleaner.limits.size_exceeded(html)
    if too_large is not None:
        return _unextracted(cleaner, id, url, metadata, options, "limit:size", f"the page's HTML is {too_large}")
    try:
        with cleaner.limits.deadline():
            text, meta = extract_for_cleaning(html, url=url, http_charset=http_charset, metadata=metadata,
                                              options=options)
    except DocumentTimeout:
        return _unextracted(cleaner, id, url, metadata, options, "limit:time",
                            f"extraction took longer than max_doc_seconds={cleaner.limits.max_doc_seconds}")
    # an empty ok record would say the page had no text, when it could not be read at all
    # (docs/reliability.md: every record is cleaned or marked failed with the reason)
    error = meta["extraction"].get("error")
    if error is not None:
        return cleaner._failed(id, "", f"page {error}" if error == NOT_PARSEABLE else f"extraction failed: {error}",
                               meta)
    return text, meta


def _unextracted(cleaner: Cleaner, id: str | None, url: str | None, metadata: Mapping[str, Any] | None,
                 options: ExtractOptions, flag: str, why: str) -> Result:
    meta: dict[str, Any] = dict(metadata or {})
    extraction = {"extractor": "none", "mode": options.mode, "url": url, "error": f"not extracted: {why}"}
    meta.update({"url": url, "domain": domain_of(url), "extraction": extraction})
    return cleaner._passed_through(id, "", flag, f"page not extracted: {why}", meta)
