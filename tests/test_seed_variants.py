"""Metamorphic variants of the five seed scrapes: the same pages with other sites' debris.

A cleaner that gets the seeds exact but loses its way when the blank lines go, the lines
end in CRLF, or the share button says "Partagez cet article" instead of "Partagez cet
article sur :" is tuned to five pages.  Each variant here (tests/data/seed_variants.toml)
changes a seed the way other French news pages differ from it, and must come out as the
seed's expected text; every line it adds must be reported with a reason.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from cleanscrape import Cleaner

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
VARIANTS = tomllib.loads((DATA / "seed_variants.toml").read_text(encoding="utf-8"))
SEED_IDS = sorted(p.name[:-4] for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))
CLEANER = Cleaner()


def content_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def seed(short: str) -> tuple[str, list[str]]:
    """A seed's raw text and its expected content lines, by its number ("001")."""
    name = next(s for s in SEED_IDS if s.startswith(short))
    return ((SEEDS / f"{name}.txt").read_text(encoding="utf-8"),
            content_lines((SEEDS / f"{name}.expected.txt").read_text(encoding="utf-8")))


def assert_cleans_to_seed(text: str, short: str, added: list[str] = ()) -> None:
    result = CLEANER.clean(text)
    assert content_lines(result.text) == seed(short)[1]
    reported = {r.text.strip(): r.reason for r in result.removed}
    for line in added:
        assert reported.get(line.strip()), f"{line!r} not reported with a reason"


def _article_edges(short: str) -> tuple[list[str], int, int]:
    """The seed's raw lines, and the indexes of its first and last expected line (a lossy
    letter read as any letter: the raw text has "?" where the expected one has "î")."""
    raw, expected = seed(short)
    lines = raw.split("\n")
    pattern = lambda text: re.compile(re.sub(r"\\\?|[^\x00-\x7f]", ".", re.escape(text)))  # noqa: E731
    first, last = pattern(expected[0]), pattern(expected[-1])
    return (lines, next(i for i, l in enumerate(lines) if first.fullmatch(l.strip())),
            max(i for i, l in enumerate(lines) if last.fullmatch(l.strip())))


LAYOUTS = {
    "no blank lines": lambda t: re.sub(r"\n\s*\n", "\n", t),
    "blank lines doubled": lambda t: t.replace("\n", "\n\n"),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "trailing spaces": lambda t: t.replace("\n", "  \n"),
    "indented": lambda t: "\n".join("    " + l if l.strip() else l for l in t.split("\n")),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("short", [s[:3] for s in SEED_IDS])
def test_layout_changes_leave_the_output_as_it_was(short: str, layout: str) -> None:
    assert_cleans_to_seed(LAYOUTS[layout](seed(short)[0]), short)


INSERTED = [(kind, line) for kind, lines in VARIANTS["inserted"].items() for line in lines]


@pytest.mark.parametrize("where", ["after the title", "after the article"])
@pytest.mark.parametrize(("kind", "line"), INSERTED)
@pytest.mark.parametrize("short", [s[:3] for s in SEED_IDS])
def test_other_sites_widget_lines_go(short: str, kind: str, line: str, where: str) -> None:
    lines, first, last = _article_edges(short)
    at = first + 1 if where == "after the title" else last + 1
    assert_cleans_to_seed("\n".join(lines[:at] + ["", line, ""] + lines[at:]), short, [line])


@pytest.mark.parametrize("where", ["before the page", "after the article"])
@pytest.mark.parametrize("banner", VARIANTS["banners"])
@pytest.mark.parametrize("short", [s[:3] for s in SEED_IDS])
def test_consent_banners_of_common_cmps_go(short: str, banner: str, where: str) -> None:
    lines, _, last = _article_edges(short)
    block = VARIANTS["banners"][banner]
    at = 0 if where == "before the page" else last + 1
    assert_cleans_to_seed("\n".join(lines[:at] + block + [""] + lines[at:]), short, block)


REPLACED = [(case["seed"], case["line"], case.get("occurrence", 1), form)
            for case in VARIANTS["replaced"] for form in case["forms"]]


@pytest.mark.parametrize(("short", "line", "occurrence", "form"), REPLACED)
def test_debris_in_other_forms_goes(short: str, line: str, occurrence: int, form: str) -> None:
    lines = seed(short)[0].split("\n")
    at = [i for i, l in enumerate(lines) if l.strip().startswith(line)][occurrence - 1]
    assert_cleans_to_seed("\n".join(lines[:at] + [form] + lines[at + 1:]), short, [form])


@pytest.mark.parametrize("short", sorted(VARIANTS["lossy"]))
def test_other_words_with_a_lost_letter_are_repaired(short: str) -> None:
    text = seed(short)[0]
    for word in VARIANTS["lossy"][short]:
        # (a word the seed does not hold intact, or one with no letter to lose, would leave
        # the seed as it is and test nothing it does not)
        text, n = re.subn(rf"\b{re.escape(word)}\b", re.sub(r"[^\x00-\x7f]", "?", word), text)
        assert n and not word.isascii(), f"{word!r} is no intact accented word of seed {short}"
    assert_cleans_to_seed(text, short)
