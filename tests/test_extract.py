"""HTML → text: charset decoding order, trafilatura extraction, fallback, headline, and
the hand-over to the Cleaner."""

from __future__ import annotations

import codecs
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cleanscrape import Cleaner
from cleanscrape.extract import (
    HTML_STAGE_OPTIONS,
    ExtractOptions,
    _charset_defaults,
    charset_from_content_type,
    clean_html,
    decode_html,
    domain_of,
    extract,
    extract_for_cleaning,
    html_cleaner,
)

HTML_DIR = Path(__file__).parent / "data" / "html"


def page(name: str) -> bytes:
    return (HTML_DIR / name).read_bytes()


# ------------------------------------------------------------------ charsets

def test_meta_latin1_label_decodes_as_cp1252() -> None:
    decoded = decode_html(page("latin1_meta.html"))
    assert (decoded.charset, decoded.source) == ("cp1252", "meta")
    assert "l’été" in decoded.text and "—" in decoded.text


def test_utf8_bytes_under_a_single_byte_label_stay_utf8() -> None:
    decoded = decode_html(page("mislabelled_utf8.html"))
    assert (decoded.charset, decoded.source) == ("utf-8", "utf-8")
    assert "l’été" in decoded.text and "Ã" not in decoded.text


def test_http_charset_wins_over_meta() -> None:
    body = '<html><head><meta charset="utf-8"></head><body>Привет, мир</body></html>'.encode("koi8_r")
    decoded = decode_html(body, http_charset="KOI8-R")
    assert (decoded.charset, decoded.source) == ("koi8-r", "http")
    assert "Привет, мир" in decoded.text


def test_a_label_the_bytes_do_not_fit_is_skipped() -> None:
    # labelled UTF-8 by the server, really cp1252 and undeclared in the page: strict UTF-8
    # fails, so detection decides (on real prose; detection is weak on a few repeated words)
    raw = page("latin1_meta.html").replace(b"; charset=iso-8859-1", b"")
    decoded = decode_html(raw, http_charset="utf-8")
    assert (decoded.charset, decoded.source) == ("cp1252", "default")
    assert "l’été" in decoded.text


GERMAN = "Der Bürgermeister äußerte sich über die Größe der Straßenbrücke. Die Prüfung dauert bis März. " * 8


def test_an_undeclared_page_of_utf8_and_windows_1252_is_read_as_each_where_it_is() -> None:
    # a UTF-8 page with a quote pasted from windows-1252: detection read it all as cp1250,
    # "Der BĂĽrgermeister", mojibake no repair undoes
    quote = "It’s “quoted” – on the page."  # (4 bytes no UTF-8)
    data = f"<html><body><p>{GERMAN}</p><p>".encode() + quote.encode("cp1252") + b"</p></body></html>"
    decoded = decode_html(data)
    assert (decoded.charset, decoded.source, decoded.fallback_bytes) == ("utf-8+cp1252", "mixed", 4)
    assert GERMAN in decoded.text and quote in decoded.text
    info = extract(data).info
    assert (info["charset"], info["charset_source"], info["charset_fallback_bytes"]) == ("utf-8+cp1252", "mixed", 4)


CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Řeřicha roste na zahrádce u řeky. " * 4
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 4
POLISH_PASTED = "Zażółć gęślą jaźń. Pójdźże, kiń tę chmurność w głąb flaszy! Źdźbło trawy."
CZECH_PASTED = "Kočka leží na střeše a dívá se dolů na zahradu, kde rostou řepa a mrkev."
RUSSIAN_PASTED = "Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства."


def _page(parts: list[bytes], html_attrs: bytes = b"", head: bytes = b"") -> bytes:
    return (b"<html" + html_attrs + b"><head>" + head + b"<title>t</title></head><body>"
            + b"".join(b"<p>" + part + b"</p>" for part in parts) + b"</body></html>")


@pytest.mark.parametrize("utf8, pasted, codec, declared", [
    (CZECH, POLISH_PASTED, "cp1250", {"head": b'<meta charset="windows-1250">'}),
    (CZECH, CZECH_PASTED, "cp1250", {"http_charset": "windows-1250"}),
    (RUSSIAN, RUSSIAN_PASTED, "cp1251", {"http_charset": "windows-1251"}),
    (RUSSIAN, RUSSIAN_PASTED, "cp1251", {"head": b'<meta http-equiv="Content-Type" content="text/html; charset=cp1251">'}),
    (CZECH, POLISH_PASTED, "cp1250", {"html_attrs": b' lang="pl"'}),
    (CZECH, POLISH_PASTED, "cp1250", {}),  # (detection: Polish read as cp1252 is "ZaŸdŸ¿e", a mess)
    (RUSSIAN, RUSSIAN_PASTED, "cp1251", {}),  # (detection: "Øèðîêàÿ")
], ids=["pl-meta", "cs-http", "ru-http", "ru-meta", "pl-lang", "pl-detected", "ru-detected"])
def test_a_page_of_utf8_and_another_single_byte_code_page_reads_the_rest_as_that_one(
        utf8: str, pasted: str, codec: str, declared: dict[str, Any]) -> None:
    """The bytes UTF-8 refuses in a page of UTF-8 in places were always read as
    windows-1252: Polish "ZaÿóB" for "Zażółć", Russian "Øèðîêàÿ"; and a page declaring
    windows-1250 or -1251 was read whole as that, its UTF-8 parts mojibake, or, where they
    held a byte it leaves unassigned, as windows-1252 too.  The declared code page (HTTP,
    <meta>), the page's language's, or the one detection finds in those bytes where it
    reads them cleaner, is the one they are read as."""
    http_charset = declared.get("http_charset")
    data = _page([utf8.encode(), pasted.encode(codec)], declared.get("html_attrs", b""), declared.get("head", b""))
    decoded = decode_html(data, http_charset)
    assert (decoded.charset, decoded.source) == (f"utf-8+{codec}", "mixed")
    assert utf8 in decoded.text and pasted in decoded.text


#: code-page text whose capitals before "»", "—", "Ż" or "Š" form UTF-8 sequences by accident:
#: "С»" is D1 BB ("ѻ"), "Т—" D2 97 ("җ"), "ÓŻ" D3 AF ("ӯ"), "ĚŠ" CC 8A (a combining ring),
#: "ÍŠ" CD 8A (a combining mark)
RUSSIAN_ACCIDENTS = "Сообщает агентство «ТАСС». Счёт «СПАРТАК»: 2:1, ТАСС» и ИТАР-ТАСС»."
POLISH_ACCIDENTS = "RÓŻNE SPRAWY: ÚSPĚŠNÝ PŘÍŠTÍ ROK, RÓŻNE."


@pytest.mark.parametrize("legacy, utf8, codec, declared", [
    (RUSSIAN_ACCIDENTS, RUSSIAN, "cp1251", {"http_charset": "windows-1251"}),
    (RUSSIAN_ACCIDENTS, RUSSIAN, "cp1251", {}),
    (POLISH_ACCIDENTS, CZECH, "cp1250", {"head": b'<meta charset="windows-1250">'}),
    (POLISH_ACCIDENTS, CZECH, "cp1250", {"html_attrs": b' lang="pl"'}),
], ids=["ru-http", "ru-detected", "cs-meta", "pl-lang"])
@pytest.mark.parametrize("utf8_share", [1, 20])
def test_code_page_bytes_that_form_a_utf8_sequence_by_accident_stay_the_code_page_beside_real_utf8(
        legacy: str, utf8: str, codec: str, declared: dict[str, Any], utf8_share: int) -> None:
    """A measure of the whole text read both ways decided for every sequence at once: a
    page of many such accidents and one UTF-8 paragraph was read whole as the code page
    (the paragraph mojibake), one of much UTF-8 read every accident as UTF-8 ("ТАСѻ",
    "RӯNE").  Each sequence is decided where it is."""
    data = _page([legacy.encode(codec)] * (21 - utf8_share) + [utf8.encode()] * utf8_share,
                 declared.get("html_attrs", b""), declared.get("head", b""))
    decoded = decode_html(data, declared.get("http_charset"))
    assert (decoded.charset, decoded.source) == (f"utf-8+{codec}", "mixed")
    assert decoded.text.count(legacy) == 21 - utf8_share and utf8 in decoded.text


@pytest.mark.parametrize("legacy, codec", [(RUSSIAN_ACCIDENTS, "cp1251"), (POLISH_ACCIDENTS, "cp1250")])
def test_a_declared_code_page_whose_bytes_form_utf8_sequences_only_by_accident_is_read_as_declared(
        legacy: str, codec: str) -> None:
    label = {"cp1251": "windows-1251", "cp1250": "windows-1250"}[codec]
    decoded = decode_html(_page([legacy.encode(codec)] * 20), http_charset=label)
    assert (decoded.charset, decoded.source, decoded.text.count(legacy)) == (codec, "http", 20)


@pytest.mark.parametrize("pasted, codec, stray, declared", [
    (POLISH_PASTED, "cp1250", b"\x90", {"head": b'<meta charset="windows-1250">'}),
    (POLISH_PASTED, "cp1250", b"\x81", {"http_charset": "windows-1250"}),
    (RUSSIAN_PASTED, "cp1251", b"\x98", {"http_charset": "windows-1251"}),
], ids=["pl-meta", "pl-http", "ru-http"])
def test_a_declared_single_byte_page_with_a_byte_its_code_page_leaves_unassigned_is_read_as_declared(
        pasted: str, codec: str, stray: bytes, declared: dict[str, Any]) -> None:
    """One byte the declared code page leaves unassigned (browsers read it as a C1 control)
    and the declaration was dropped for detection: Polish read as ISO-8859-14 ("óġæ gêlṗ"),
    Russian as PTCP154, or, where no code page fitted (found by fuzz_pages), every
    non-ASCII byte as U+FFFD."""
    data = _page([pasted.encode(codec) + stray], head=declared.get("head", b""))
    decoded = decode_html(data, declared.get("http_charset"))
    assert decoded.charset == codec and pasted in decoded.text


def test_a_czech_page_of_utf8_and_windows_1250_that_declares_nothing_reads_the_rest_as_windows_1252() -> None:
    """Czech letters read as windows-1252 are letters too ("støeše" for "střeše"): nothing
    tells the code page apart, and the rest stays windows-1252 (the WHATWG default); the
    page's lang="cs" tells it."""
    data = _page([CZECH.encode(), CZECH_PASTED.encode("cp1250")])
    assert decode_html(data).charset == "utf-8+cp1252"
    data = _page([CZECH.encode(), CZECH_PASTED.encode("cp1250")], b' lang="cs"')
    assert CZECH_PASTED in decode_html(data).text


def test_windows_1252_bytes_that_happen_to_be_utf8_in_places_stay_windows_1252() -> None:
    # "ß“" (DF 93) and "É’" (C9 92) are valid UTF-8 sequences (ߓ, ɒ): read as UTF-8 there,
    # the text reads worse than as windows-1252 whole
    text = "Die STRAßE“ ist „groß“, das CAFÉ’S Menü ist gut. Die Brücke über den Fluß wird im März geöffnet."
    decoded = decode_html(f"<html><body><p>{text}</p></body></html>".encode("cp1252"))
    assert (decoded.charset, decoded.source) == ("cp1252", "default")
    assert text in decoded.text


def test_an_undeclared_latin_page_is_windows_1252_where_detection_cannot_tell() -> None:
    # charset_normalizer ranked cp1257 and cp1250 first, tied with cp1252: "Voilą … trčs"
    decoded = decode_html("<html><body><p>Voilà un café très agréable à Paris.</p></body></html>".encode("cp1252"))
    assert (decoded.charset, decoded.source) == ("cp1252", "default")
    assert "Voilà un café très agréable à Paris." in decoded.text


POLISH = "Bezpłatny dostęp do usług dla mieszkańców."


@pytest.mark.parametrize("declaration", ['<html lang="pl">', '<html xml:lang="pl-PL">',
                                         '<html><head><meta http-equiv="Content-Language" content="pl"></head>'])
def test_an_undeclared_page_takes_the_legacy_default_of_its_language(declaration: str) -> None:
    # every letter here exists in cp1252 too ("dostêp"), so detection cannot tell
    decoded = decode_html(f"{declaration}<body><p>{POLISH}</p></body></html>".encode("cp1250"))
    assert (decoded.charset, decoded.source) == ("cp1250", "default")
    assert POLISH in decoded.text


def test_an_undeclared_page_without_a_language_stays_windows_1252() -> None:
    decoded = decode_html(f"<html><body><p>{POLISH}</p></body></html>".encode("cp1250"))
    assert (decoded.charset, decoded.source) == ("cp1252", "default")


def test_an_undeclared_french_page_stays_windows_1252() -> None:
    decoded = decode_html('<html lang="fr"><body><p>Voilà un café très agréable.</p></body></html>'.encode("cp1252"))
    assert (decoded.charset, decoded.source) == ("cp1252", "default")
    assert "Voilà un café très agréable." in decoded.text


def test_every_language_default_is_a_known_codec() -> None:
    assert all(codecs.lookup(codec) for codec in _charset_defaults().values())


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_an_undeclared_cyrillic_page_keeps_its_detected_code_page(codec: str) -> None:
    text = "Вчера вечером в городе прошёл сильный дождь, и улицы в центре были закрыты для машин."
    decoded = decode_html(f"<html><body><p>{text}</p></body></html>".encode(codec))
    assert decoded.source == "detected" and text in decoded.text


def test_bom_comes_first() -> None:
    decoded = decode_html(codecs.BOM_UTF8 + "<p>naïve</p>".encode("utf-8"), http_charset="cp1252")
    assert decoded.source == "bom" and decoded.text == "<p>naïve</p>"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-32"])
@pytest.mark.parametrize("where", ["meta", "http"])
def test_a_page_in_ascii_bytes_labelled_utf_16_is_read_as_utf_8(label: str, where: str) -> None:
    # read as UTF-16, the page was CJK noise, 'not parseable as HTML', and its text was lost
    page = "<html><head>{}</head><body><p>Voilà une page déclarée en UTF-16 par erreur.</p></body></html>"
    data = page.format(f'<meta charset="{label}">' if where == "meta" else "").encode("utf-8")
    decoded = decode_html(data, http_charset=label if where == "http" else None)
    assert (decoded.charset, decoded.source) == ("utf-8", where)
    assert "Voilà une page déclarée" in decoded.text


def test_a_page_in_utf_16_without_a_bom_is_read_as_its_header_says() -> None:
    text = "<html><body><p>Voilà une vraie page en UTF-16.</p></body></html>"
    decoded = decode_html(text.encode("utf-16-le"), http_charset="utf-16le")
    assert (decoded.text, decoded.source) == (text, "http")


@pytest.mark.parametrize("tag", ["div", "font", "b"])
def test_a_page_of_unclosed_tags_keeps_its_text_past_the_256th_level(tag: str) -> None:
    # each unclosed tag opens a level; lxml read 256 and dropped the rest without a word
    # (254 paragraphs of 300 came out, status ok), in trafilatura's readability fallback too
    sentence = "Le conseil municipal a voté mercredi la construction de deux kilomètres de pistes."
    page = "<html><body>" + "".join(f"<{tag}>{sentence} {i}<br>" for i in range(300)) + "</body></html>"
    extraction = extract(page)
    assert extraction.text.count("deux kilomètres") == 300
    assert "warning" not in extraction.info


def test_a_page_nested_beyond_what_lxml_reads_says_so() -> None:
    page = "<html><body>" + "<div>x " * 2100 + "<p>" + "Le dernier paragraphe. " * 10 + "</p></body></html>"
    extraction = extract(page)
    assert extraction.info["warning"] == "elements nested more than 2,048 deep were not read"


@pytest.mark.parametrize("head", ['<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">',
                                  '<!--><meta charset="windows-1251"><!-- <meta charset="koi8-r"> -->'])
def test_a_charset_declared_in_a_comment_is_no_declaration(head: str) -> None:
    # a template's leftover, commented out, decided the charset: "ПХБЕР" for "Привет"
    text = "Привет, это текст на русском языке о важных событиях в городе."
    decoded = decode_html(f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode("cp1251"))
    assert (decoded.charset, decoded.source) == ("cp1251", "meta") and text in decoded.text


def test_text_input_is_not_redecoded() -> None:
    decoded = decode_html("<p>déjà</p>", http_charset="cp1252")
    assert (decoded.text, decoded.source) == ("<p>déjà</p>", "str")


@pytest.mark.parametrize(
    "header, expected",
    [("text/html; charset=ISO-8859-1", "ISO-8859-1"), ('text/html; charset="utf-8"', "utf-8"),
     ("text/html", None), (None, None)],
)
def test_charset_from_content_type(header: str | None, expected: str | None) -> None:
    assert charset_from_content_type(header) == expected


# ------------------------------------------------------------------ extraction

def test_article_main_text_without_menus_and_headline() -> None:
    result = extract(page("article.html"), url="https://www.valley-courier.example/news/flood")
    assert result.info["extractor"] == "trafilatura"
    assert result.info["headline"] == "River towns brace for the spring flood"
    assert result.title == "River towns brace for the spring flood"
    assert result.text.startswith("Residents of the lower valley")
    assert "seep was under control" in result.text
    for debris in ("Home", "Most read", "All rights reserved", "Cookie settings"):
        assert debris not in result.text
    assert result.info["chars"] == len(result.text)
    assert result.info["charset_source"] == "meta"


def test_headline_kept_when_asked() -> None:
    result = extract(page("article.html"), options=ExtractOptions(drop_headline=False))
    assert result.text.startswith("River towns brace for the spring flood\n")
    assert "headline" not in result.info


def test_a_page_that_is_only_its_headline_keeps_it() -> None:
    html = "<html><head><title>Closed today</title></head><body><h1>Closed today</h1></body></html>"
    assert extract(html).text == "Closed today"


def test_the_lead_left_outside_the_article_body_is_put_back() -> None:
    # trafilatura takes the body from <article> and leaves the header block, lead and all
    result = extract(page("lead.html"))
    lead = ("After four months without a crossing, the ferry between the harbour and Harrow Island sailed again on "
            "Monday with forty passengers on board.")
    assert result.text.startswith(f"{lead}\nThe vessel had been out of service")
    assert result.info["lead"] == lead
    assert result.info["chars"] == len(result.text)
    # the deck (a summary: description metadata), the lead image's caption, the subline,
    # the byline: none of them is the article's opening paragraph
    for other in ("Island residents get their boat back", "harbour wall on Monday", "Transport on the coast",
                  "By Ann Weller"):
        assert other not in result.text


def test_no_lead_when_asked() -> None:
    result = extract(page("lead.html"), options=ExtractOptions(lead=False))
    assert result.text.startswith("The vessel had been out of service")
    assert "lead" not in result.info


def test_a_teaser_of_links_to_other_articles_is_no_lead() -> None:
    intro = page("lead.html").split(b'<p class="intro">')[1].split(b"</p>")[0]
    html = page("lead.html").replace(
        b'<p class="intro">' + intro, b'<p class="teaser"><a href="/a">Harbour fees to rise in spring, council says</a> '
        b'<a href="/b">New bus line links the two villages</a> and more')
    result = extract(html)
    assert "lead" not in result.info and "Harbour fees" not in result.text


def test_a_body_split_into_parts_is_read_whole() -> None:
    # trafilatura takes the body from the first <div class="article-body"> only
    result = extract(page("parts.html"))
    assert result.info["body_parts"] == 2
    assert result.text.startswith("When the spring flood of last year")
    assert result.text.endswith("who had come to watch the cranes at work.")
    # the advertisement between the parts stays out, and so does a part of the same class
    # that is mostly links to other articles
    for other in ("Advertisement", "annual now at half price", "More from the Valley Courier", "lighthouse"):
        assert other not in result.text


def test_a_body_in_parts_read_as_trafilatura_does_when_asked() -> None:
    result = extract(page("parts.html"), options=ExtractOptions(body_parts=False))
    assert "body_parts" not in result.info and "Engineers drove steel piles" not in result.text


def test_a_body_in_one_part_is_not_marked() -> None:
    result = extract(page("article.html"))
    assert "body_parts" not in result.info


def test_a_post_embedded_in_the_article_is_put_back_in_its_place() -> None:
    # trafilatura drops the post (its widget container, its hashtag and picture links)
    result = extract(page("embedded_post.html"))
    lines = result.text.split("\n")
    start = lines.index("Delighted to welcome #coach to the #harbour. A great day for #HarbourFC.")
    assert lines[start - 1].startswith("The club's captain welcomed the choice")
    assert lines[start + 1:start + 4] == ["pic.twitter.com/abc", "— Harbour FC (@HarbourFC) March 3, 2024",
                                          lines[start + 3]]
    assert lines[start + 3].startswith("The new coach, who played for the club")
    assert result.info["embedded_posts"] == 1
    # a post in the sidebar's feed, after the article, is no part of it
    assert "Tickets for the river derby" not in result.text


def test_embedded_posts_left_as_trafilatura_does_when_asked() -> None:
    result = extract(page("embedded_post.html"), options=ExtractOptions(embedded_posts=False))
    assert "embedded_posts" not in result.info and "Delighted to welcome" not in result.text


def test_lines_the_page_shows_as_a_whole_link_are_listed() -> None:
    result = extract(page("linked.html"))
    lines = result.text.split("\n")
    assert [lines[n - 1] for n in result.info["link_lines"]] == [
        "Island school reopens after two years of repairs to its roof",
        "- Fishermen ask the council for a second pier on the island before the summer season starts",
        "- The old lighthouse on the northern cape will open to visitors again from the first of May",
        "- A new timetable for the island bus is to be agreed with the ferry company by the end of March",
        "- Harbour master warns of strong winds on the crossing this weekend and asks travellers to check"]
    # the heading a table of contents links to (…/ferry-vote#costs) is the article's own, no other page
    assert "What the ferry will cost the town next year" in lines


def test_headlines_linked_out_of_the_article_go_as_related() -> None:
    result = clean_html(html_cleaner(Cleaner()), page("linked.html"))
    assert [(r.stage, r.category) for r in result.removed] == [("related", "related")] * 5
    assert result.removed[0].reason == "the page shows the whole line as a link to another page (11 words)"
    assert "Island school" not in result.text and "lighthouse" not in result.text
    assert result.text.count("\n") == 4 and "What the ferry will cost" in result.text


def test_a_link_with_a_bracketed_label_after_it_is_a_link_line() -> None:
    # news sites set their headline links in the body with a label after them ("[VIDEO]")
    result = extract(page("linked_labels.html"))
    lines = result.text.split("\n")
    assert [lines[n - 1] for n in result.info["link_lines"]] == [
        "Council names a new harbour master after a close vote [INSIGHT]|",
        "Storm closes the coast road for the second time this month [VIDEO]"]
    # a sentence around a link, and a link followed by a sentence's worth of brackets, are not
    assert any(line.startswith("Running the boat") for line in lines)
    assert any(line.startswith("Most islanders cross") for line in lines)


def test_labelled_headline_links_go_as_related() -> None:
    result = clean_html(html_cleaner(Cleaner()), page("linked_labels.html"))
    assert [(r.stage, r.text) for r in result.removed if r.stage == "related"] == [
        ("related", "Council names a new harbour master after a close vote [INSIGHT]|\n"),
        ("related", "Storm closes the coast road for the second time this month [VIDEO]\n")]
    assert "harbour's ferry budget" in result.text and "Most islanders cross" in result.text


def test_a_widget_named_with_capitals_is_boilerplate_as_in_lower_case() -> None:
    # trafilatura's "newsletter" pattern is matched case-sensitively: "Newsletter-signup" passed
    result = extract(page("capitalised_widget.html"))
    assert "Thanks for signing up" not in result.text and "Morning Tide" not in result.text
    assert result.text.count("\n") == 3 and "Islanders who travel" in result.text


def test_names_with_capitals_left_as_they_are_when_asked() -> None:
    result = extract(page("capitalised_widget.html"), options=ExtractOptions(lower_case_names=False))
    assert "Thanks for signing up" in result.text


def test_fallback_when_trafilatura_finds_nothing() -> None:
    result = extract(page("jsonld_only.html"), options=ExtractOptions(mode="precision"))
    assert result.info["extractor"] == "fallback-baseline"
    assert result.text.startswith("The harbour reopened to small boats")


def test_no_fallback_gives_empty_text() -> None:
    result = extract(page("jsonld_only.html"), options=ExtractOptions(mode="precision", fallback=False))
    assert (result.text, result.info["extractor"]) == ("", "none")


@pytest.mark.parametrize("junk", [b"", b" \n", "<html></html>", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_junk_gives_empty_text(junk: bytes | str) -> None:
    result = extract(junk)
    assert result.text == "" and result.info["extractor"] == "none"


def test_binary_data_is_not_read_as_a_fragment() -> None:
    # an image served as a page: its record fails (clean_html), its bytes are not text
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01<p>\x00"
    assert extract(png).info["error"] == "not parseable as HTML"
    assert not clean_html(Cleaner(stages=["whitespace"]), png).ok


def test_unknown_mode_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown extraction mode"):
        ExtractOptions(mode="greedy")


@pytest.mark.parametrize(
    "url, domain",
    [("https://www.Example.org/a?b", "example.org"), ("http://news.example.co.uk:8080/", "news.example.co.uk"),
     ("example.net/path", "example.net"), (None, None), ("", None),
     ("http://[ccpa-preferences]/a", None), ("http://[::1/", None)],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


# ------------------------------------------------------------------ hand-over to the Cleaner

def test_a_page_whose_url_has_no_readable_host_is_cleaned() -> None:
    # urlsplit raises on a bracketed host that is no IP address: the page failed whole
    result = clean_html(Cleaner(), page("article.html"), url="http://[ccpa-preferences]/news/flood")
    assert result.ok and result.metadata["domain"] is None
    assert result.text.startswith("Residents of the lower valley")


def test_clean_html_reports_extraction_and_stages_separately() -> None:
    cleaner = Cleaner(stages=["whitespace"])
    result = clean_html(cleaner, page("article.html"), id="flood", url="https://www.valley-courier.example/news/flood",
                        metadata={"source": "fixture"})
    assert result.ok and result.id == "flood"
    meta = result.metadata
    assert (meta["url"], meta["domain"], meta["source"]) == (
        "https://www.valley-courier.example/news/flood", "valley-courier.example", "fixture")
    assert meta["title"] == "River towns brace for the spring flood"
    assert meta["extraction"]["extractor"] == "trafilatura"
    # the report's input is the extracted text: its size is what extraction produced
    assert result.input_chars == meta["extraction"]["chars"]
    assert result.text.startswith("Residents of the lower valley")


def test_an_extractor_crash_fails_the_page_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleanscrape.extract as module

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "_load_tree", broken)
    # extract_for_cleaning never raises: the error is in the extraction record
    text, meta = extract_for_cleaning(page("article.html"))
    assert text == "" and meta["extraction"]["error"] == "RuntimeError: boom"
    # and the page's Result fails (it was an empty ok one, as if the page held no text)
    cleaner = Cleaner(stages=["whitespace"])
    result = clean_html(cleaner, page("article.html"), id="x")
    assert (result.ok, result.text, result.error) == (False, "", "extraction failed: RuntimeError: boom")
    assert result.metadata["extraction"]["error"] == "RuntimeError: boom"
    assert cleaner.clean("the next document", id="y").ok


@pytest.mark.parametrize("fragment", ["<p>Hello there, this is a page.</p>",
                                      "<!-- teaser --><p>Hello there, this is a page.</p>",
                                      "Hello there, this is a page."])
def test_a_fragment_of_html_is_extracted(fragment: str) -> None:
    # trafilatura took a page of one element not starting with <html> for no HTML: empty, "not parseable"
    result = extract(fragment)
    assert result.text == "Hello there, this is a page."
    assert result.info["extractor"] == "trafilatura" and "error" not in result.info


def test_a_blank_page_is_an_empty_document_and_one_that_does_not_parse_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from trafilatura import utils

    blank = clean_html(Cleaner(stages=["whitespace"]), " \n", id="blank")
    assert (blank.text, blank.ok, blank.metadata["extraction"]["extractor"]) == ("", True, "none")
    assert "error" not in blank.metadata["extraction"]
    monkeypatch.setattr(utils, "load_html", lambda *args, **kwargs: None)
    broken = clean_html(Cleaner(stages=["whitespace"]), "<p>Hello there.</p>", id="broken")
    assert not broken.ok and broken.error == "page not parseable as HTML" and broken.text == ""
    assert broken.metadata["extraction"]["error"] == "not parseable as HTML"


def test_the_cli_imports_trafilatura_and_warcio_only_when_a_page_is_read() -> None:
    code = "import sys, cleanscrape.cli; print(sorted({'trafilatura', 'warcio'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ------------------------------------------------------------------ the HTML stage preset

def test_html_cleaner_drops_main_content_and_overrides_options_without_touching_the_original() -> None:
    cleaner = Cleaner(stages=["main_content", "duplicates", "whitespace"])
    derived = html_cleaner(cleaner)
    assert derived.stage_names == ["duplicates", "whitespace"]
    duplicates = {s.name: s for s in derived.stages}["duplicates"]
    assert duplicates.options.min_chars == HTML_STAGE_OPTIONS["duplicates"]["min_chars"]
    assert {s.name: s for s in cleaner.stages}["duplicates"].options.min_chars != duplicates.options.min_chars
    assert cleaner.stage_names == ["main_content", "duplicates", "whitespace"]
    # stages without overrides are shared, not rebuilt
    assert derived.stages[-1] is cleaner.stages[-1]


def test_html_preset_keeps_short_lines_that_repeat_by_design() -> None:
    day = "Pre-Workout Supplement\nDrink 20 minutes before your workout, with a glass of water and a banana.\n"
    text = "".join(f"Day {n}\n{day}" for n in range(1, 4))
    plain = Cleaner(stages=["duplicates"]).clean(text)
    extracted = html_cleaner(Cleaner(stages=["duplicates"])).clean(text)
    assert plain.text.count("Pre-Workout Supplement") == 1
    assert extracted.text == text


# ------------------------------------------------------------------ CLI

def run_cli(args: list[str], stdin: bytes | None = None):
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    return runner.invoke(cli, ["clean", "-j", "1", *args], input=stdin, catch_exceptions=False)


def test_a_page_over_the_size_limit_is_not_extracted_but_flagged() -> None:
    """Parsing a page takes ~35x its size in memory: one whose HTML is over max_doc_chars
    is not extracted; its text is empty and it is flagged limit:size, as a text over it is."""
    html = page("article.html")
    result = clean_html(Cleaner(stages=["whitespace"], max_doc_chars=len(html) - 1), html, id="flood",
                        url="https://www.valley-courier.example/news/flood")
    assert (result.text, result.flags, result.ok) == ("", ["limit:size"], True)
    assert result.metadata["extraction"]["extractor"] == "none"
    assert result.metadata["extraction"]["error"] == \
        f"not extracted: the page's HTML is {len(html):,} bytes > max_doc_chars={len(html) - 1:,}"
    assert result.metadata["domain"] == "valley-courier.example"
    within = clean_html(Cleaner(stages=["whitespace"], max_doc_chars=len(html)), html, id="flood")
    assert within.text.startswith("Residents of the lower valley") and within.flags == []


def test_clean_html_of_no_page_fails_it_as_clean_fails_no_text() -> None:
    # (it was an empty ok Result, "AttributeError: 'NoneType' object has no attribute
    # 'startswith'" in its extraction record)
    result = clean_html(Cleaner(stages=["whitespace"]), None, id="nothing")  # type: ignore[arg-type]
    assert (result.text, result.ok, result.error) == ("", False, "page must be a string or bytes, got NoneType")


def _endless_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction that never ends, as trafilatura's has on some pages (its issues #189, #704)."""
    import cleanscrape.extract as module

    def endless(*args, **kwargs):
        # (given up after 20 s, so that a time limit that fails fails the test, not hangs it)
        give_up = time.monotonic() + 20
        while time.monotonic() < give_up:
            pass
        raise AssertionError("extraction was not cut short")

    monkeypatch.setattr(module, "extract", endless)


def test_a_page_whose_extraction_outlasts_the_time_limit_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    _endless_extraction(monkeypatch)
    result = clean_html(Cleaner(stages=["whitespace"], max_doc_seconds=0.3), page("article.html"), id="flood")
    assert (result.text, result.flags, result.ok) == ("", ["limit:time"], True)
    assert result.metadata["extraction"]["error"] == "not extracted: extraction took longer than max_doc_seconds=0.3"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_stuck_in_extraction_gives_the_page_up_and_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                                     workers: int) -> None:
    """In the CLI's batches (the alarm's handler held across them), with and without a pool."""
    import json

    from cleanscrape.io.readers import RawRecord
    from cleanscrape.parallel import Job, clean_stream

    _endless_extraction(monkeypatch)
    cleaner = Cleaner(stages=["whitespace"], max_doc_seconds=0.3)
    raws = [RawRecord(f"p{i}.html", "html", page("article.html"), f"p{i}.html") for i in range(2)] + \
        [RawRecord("t.txt", "text", b"  plain text  \n", "t.txt")]
    outcomes = list(clean_stream(cleaner, Job(output_format="jsonl"), raws, workers=workers))
    assert [o.warning for o in outcomes] == [
        "p0.html: page not extracted (limit:time: its extraction took longer than --max-doc-seconds)",
        "p1.html: page not extracted (limit:time: its extraction took longer than --max-doc-seconds)", None]
    assert [json.loads(o.item.data)["text"] for o in outcomes] == ["", "", "plain text"]


def test_cli_flags_a_page_over_the_size_limit_and_extracts_the_others(tmp_path: Path) -> None:
    import json

    big = len(page("article.html"))
    limit = (big + len(page("latin1_meta.html"))) // 2  # between the two pages' sizes
    assert len(page("latin1_meta.html")) < limit < big
    report = tmp_path / "report.jsonl"
    result = run_cli(["--report", str(report), "-o", str(tmp_path / "out"), "--max-doc-chars", str(limit),
                      str(HTML_DIR / "article.html"), str(HTML_DIR / "latin1_meta.html")])
    assert result.exit_code == 0, result.stderr
    lines = {d["id"]: d for d in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert lines["article.html"]["flags"] == ["limit:size"] and lines["article.html"]["output_chars"] == 0
    assert "flags" not in lines["latin1_meta.html"] and lines["latin1_meta.html"]["output_chars"] > 0
    assert "article.html: page not extracted (limit:size" in result.stderr


def test_cli_jsonl_with_html_field() -> None:
    import json

    records = [{"id": "flood", "url": "https://www.valley-courier.example/news/flood", "html": page("article.html").decode()},
               {"id": "empty", "html": ""}, {"id": "bad", "html": 42},
               {"id": "fragment", "html": "<p>Hello there, this is a page.</p>"}]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    result = run_cli(["--format", "jsonl", "--html-field", "html", "-"], stdin=stdin)
    out = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    assert [o["id"] for o in out] == ["flood", "empty", "bad", "fragment"]
    assert out[0]["text"].startswith("Residents of the lower valley") and "html" not in out[0]
    assert out[0]["url"] == "https://www.valley-courier.example/news/flood" and out[0]["status"] == "ok"
    assert (out[1]["text"], out[1]["status"]) == ("", "ok")
    assert out[2]["status"] == "failed" and "'html' is number" in out[2]["error"]
    assert (out[3]["text"], out[3]["status"]) == ("Hello there, this is a page.", "ok")
    assert result.exit_code == 1  # one record failed


def test_cli_html_folder_report_separates_extraction_from_stages(tmp_path: Path) -> None:
    import json

    report = tmp_path / "report.jsonl"
    result = run_cli(["--report", str(report), "-o", str(tmp_path / "out"), str(HTML_DIR)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "latin1_meta.html.txt").read_text(encoding="utf-8").startswith(
        "Le comité des fêtes a présenté samedi")
    lines = {d["id"]: d for d in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    flood = lines["article.html"]
    extraction = flood["metadata"]["extraction"]
    assert extraction["extractor"] == "trafilatura" and extraction["html_chars"] > extraction["chars"]
    assert flood["input_chars"] == extraction["chars"]
    assert lines["latin1_meta.html"]["metadata"]["extraction"]["charset"] == "cp1252"


@pytest.mark.parametrize("label, text, codec", [
    ("gb2312", "<p>中文网页，镕</p>", "gb18030"),      # 镕 is in GBK/GB18030, not in GB2312
    ("shift_jis", "<p>日本語のページ①</p>", "cp932"),  # ① is a Windows extension of Shift_JIS
])
def test_legacy_labels_decode_with_the_superset_browsers_use(label: str, text: str, codec: str) -> None:
    decoded = decode_html(text.encode(codec), http_charset=label)
    assert (decoded.text, decoded.charset, decoded.source) == (text, codec, "http")


def test_an_icon_title_is_not_a_headline() -> None:
    body = "".join(f"<p>Paragraph {n} of the article, long enough to be kept by the extractor as text.</p>"
                   for n in range(6))
    html = (f"<html><head><title>Harbour news</title></head><body><article><p>Share</p>"
            f"<svg><title>Share</title></svg>{body}</article></body></html>")
    result = extract(html, options=ExtractOptions(mode="recall"))
    assert result.text.startswith("Share\n") and "headline" not in result.info
