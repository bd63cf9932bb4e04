"""Regression floor of the whole default pipeline on real-shaped multilingual dumps.

``tests/data/quality/docs.jsonl``: the five French seed scrapes (gold = their expected
output) and six dumps in de/en/es/pt/ja written for this test (menus, share rows,
related lists, a comment thread, cookie banners, footers) whose gold is the title and the
article paragraphs.  Scored like the extraction yardstick's gold metric: 4-token shingle
precision and recall per document.  Each document must keep its whole article (recall is
what a cleaner must not lose), and the mean precision must stay at its floor.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from cleanscrape import Cleaner

DOCS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "quality" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
]
RECALL_FLOOR = 0.98
MEAN_PRECISION_FLOOR = 0.97


def shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def precision_recall(gold: str, output: str) -> tuple[float, float]:
    g, o = shingles(gold), shingles(output)
    overlap = sum((g & o).values())
    return overlap / max(1, sum(o.values())), overlap / max(1, sum(g.values()))


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[float, float]]:
    cleaner = Cleaner()
    return {
        doc["id"]: precision_recall(doc["gold"], cleaner.clean(doc["text"], lang=doc["lang"]).text)
        for doc in DOCS
    }


@pytest.mark.parametrize("doc_id", [doc["id"] for doc in DOCS])
def test_article_kept(scores, doc_id):
    assert scores[doc_id][1] >= RECALL_FLOOR


def test_boilerplate_removed(scores):
    mean_precision = sum(p for p, _ in scores.values()) / len(scores)
    assert mean_precision >= MEAN_PRECISION_FLOOR


def test_languages_covered():
    assert {doc["lang"] for doc in DOCS} >= {"fr", "de", "en", "es", "pt", "ja"}
