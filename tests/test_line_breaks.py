"""A text whose content holds no "\\n" separates its lines by "\\r" (old Mac files), U+2028
or U+2029: it is cleaned as lines, its own line breaks kept (docs/cli.md, "Line breaks")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from invariants import assert_report_replays

from cleanscrape import Cleaner
from cleanscrape.cli import cli
from cleanscrape.document import Document, read_line_breaks

SAMPLES = Path(__file__).parent.parent / "corpus_samples"
BREAKS = ["\r", "\u2028", "\u2029"]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(max_doc_seconds=None)


@pytest.mark.parametrize("name", ["en_local_news.txt", "de_wirtschaft.txt"])
@pytest.mark.parametrize("sep", BREAKS)
def test_a_sample_with_other_line_breaks_is_cleaned_as_its_newline_version(cleaner: Cleaner, name: str,
                                                                           sep: str) -> None:
    lines = (SAMPLES / name).read_text(encoding="utf-8")
    assert "\r" not in lines and "\u2028" not in lines and "\u2029" not in lines
    raw = lines.replace("\n", sep)
    by_lines, result = cleaner.clean(lines), cleaner.clean(raw)
    # each removal the same span, its text the input's slice with the input's line breaks
    assert [(r.stage, r.category, r.start, r.end, r.reason) for r in result.removed] == [
        (r.stage, r.category, r.start, r.end, r.reason) for r in by_lines.removed]
    assert [r.text for r in result.removed] == [r.text.replace("\n", sep) for r in by_lines.removed]
    assert len(by_lines.removed) > 10 and by_lines.text.count("\n") > 3
    assert result.text == by_lines.text.replace("\n", sep) and "\n" not in result.text
    assert_report_replays(raw, result)
    assert result.to_dict()["line_breaks"] == sep and "line_breaks" not in by_lines.to_dict()
    again = cleaner.clean(result.text, lang=result.lang)  # its output reads as it did
    assert again.text == result.text and again.removed == [] and again.repairs == []


def test_a_navigation_line_of_a_carriage_return_text_goes_alone(cleaner: Cleaner) -> None:
    """The whole text was one line, removed as navigation: the output was empty."""
    prose = ("The council voted on Wednesday to build two kilometres of new cycle lanes along the "
             "river, after months of debate between residents and shop owners.")
    result = cleaner.clean(f"Home | News | Sport | Weather\r{prose}\r")
    assert result.text == prose
    assert [(r.category, r.text) for r in result.removed] == [("navigation", "Home | News | Sport | Weather\r"),
                                                               ("whitespace", "\r")]


@pytest.mark.parametrize(("text", "read"), [
    ("a\rb", "\r"),
    ("a\u2028b\u2029c", "\u2028\u2029"),
    ("\n a\rb\r\n\n", "\r"),  # blank lines around the content (a CRLF one's "\r" too) do not count
    ("a\r\nb", ""),  # CRLF: its "\r" is whitespace at a line's end
    ("a\rb\nc", ""),  # a text that uses "\n": what else it holds stays inside its lines
    ("a\u2028b\nc", ""),
    ("a\x85b", ""),  # U+0085 is mojibake's more often ("Ã\x85": Å)
    ("plain", ""),
])
def test_which_characters_a_text_separates_its_lines_by(text: str, read: str) -> None:
    assert read_line_breaks(text) == read


def test_a_paragraph_separator_ends_its_block_and_a_line_separator_does_not() -> None:
    """U+2029 parts paragraphs (U+2028 the lines inside one): read as a line break alone,
    the paragraphs of a text so written were one block.  Its offsets stay the input's."""
    doc = Document("one\u2028two\u2029three\u2029\u2029four", line_breaks="\u2028\u2029")
    assert [(block.first, block.last) for block in doc.blocks] == [(0, 1), (2, 2), (4, 4)]
    assert [line.start for line in doc.lines] == [0, 4, 8, 14, 15]
    # (in a text that uses "\n", a U+2029 stays inside its line, as the others do)
    assert [(block.first, block.last) for block in Document("one\u2029two\nthree").blocks] == [(0, 1)]


def test_a_document_reads_its_lines_over_the_input_it_keeps() -> None:
    doc = Document("one\rtwo\r", line_breaks="\r")
    assert [line.text for line in doc.lines] == ["one", "two", ""] and doc.text == "one\ntwo\n"
    doc.remove_line(0, "s", "c", "r")
    assert doc.removals[0].text == "one\r" and doc.output_text() == "two\r" and doc.input == "one\rtwo\r"
    assert Document("one\rtwo").text == "one\rtwo"  # told nothing, a Document reads "\n" alone


@pytest.mark.parametrize("fmt", ["jsonl", "txt"])
def test_the_cli_writes_the_input_s_own_line_breaks_with_any_workers(tmp_path: Path, fmt: str) -> None:
    news = (SAMPLES / "en_local_news.txt").read_text(encoding="utf-8")
    records = [{"id": sep, "text": news.replace("\n", sep)} for sep in ["\n", *BREAKS]] * 2
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    outputs = []
    for workers in (1, 2):
        out, report = tmp_path / f"out{workers}.{fmt}", tmp_path / f"report{workers}.jsonl"
        result = CliRunner().invoke(cli, ["clean", "-q", "-j", str(workers), str(tmp_path / "in.jsonl"), "-o", str(out),
                                          "--report", str(report)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), report.read_bytes()))
    assert outputs[0] == outputs[1]
    reports = [json.loads(line) for line in outputs[0][1].decode("utf-8").splitlines()]
    if fmt == "jsonl":
        texts = [json.loads(line)["text"] for line in outputs[0][0].decode("utf-8").splitlines()]
        assert texts[1:4] == [texts[0].replace("\n", sep) for sep in BREAKS]
    else:  # each text after its header line, ended by the output's own "\n"
        written = outputs[0][0].decode("utf-8")
        cleaned = written.split("==> ")[1].split(" <==\n")[1].removesuffix("\n\n")
        for sep in BREAKS:
            assert f" <==\n{cleaned.replace(chr(10), sep)}\n" in written
    for record, report in zip(records, reports):
        assert report.get("line_breaks", "\n") == record["id"]
        for removal in report["removed"]:
            assert record["text"][removal["start"]:removal["end"]] == removal["text"]
