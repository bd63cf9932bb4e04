"""The source memory: a damaged word restored from what earlier documents of the same
source wrote intact (issue #4), scoped to a batch of the stream so that 1 and N workers
give the same bytes.

"Noëlie" and "Noélie" are both names; without memory "No?lie" reads as the more frequent
"Noélie".  A site that wrote "Noëlie" intact on an earlier page says which it is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from cleanscrape import Cleaner
from cleanscrape.io.readers import RawRecord
from cleanscrape.parallel import Job, clean_stream
from cleanscrape.repair import source_memory
from cleanscrape.repair.source_memory import SourceMemory, source_of

STREAM = Path(__file__).parent / "data" / "repair" / "source_stream.jsonl"
TEACHES = "La directrice de l'école, Noëlie Martin, a accueilli les parents hier matin devant le portail."
DAMAGED = "Selon No?lie Martin, la rénovation de l'?cole a d?j? commenc? et sera termin?e avant l'?t?."
FROM_SOURCE = "Selon Noëlie Martin, la rénovation de l'école a déjà commencé et sera terminée avant l'été."
WITHOUT = "Selon Noélie Martin, la rénovation de l'école a déjà commencé et sera terminée avant l'été."


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(stages=["mojibake", "lossy_repair"])


def _texts(cleaner: Cleaner, items: list) -> list[str]:
    return [r.text for r in cleaner.clean_many(items)]


def test_a_word_only_an_earlier_document_of_the_source_wrote_is_restored(cleaner: Cleaner) -> None:
    out = _texts(cleaner, [("a", TEACHES, {"url": "https://www.ecole.example/a"}),
                           ("b", DAMAGED, {"url": "https://www.ecole.example/b"})])
    assert out == [TEACHES, FROM_SOURCE]


def test_the_report_names_the_tier_and_the_runner_up(cleaner: Cleaner) -> None:
    results = list(cleaner.clean_many([("a", TEACHES, {"source": "ecole.example"}),
                                       ("b", DAMAGED, {"source": "ecole.example"})]))
    repair = next(r for r in results[1].repairs if r.before == "No?lie")
    assert repair.after == "Noëlie"
    assert "earlier documents of the same source" in repair.reason
    assert "seen intact in 1 earlier document of source ecole.example" in repair.evidence
    assert repair.runner_up == "Noélie"


def test_another_source_and_a_document_without_source_learn_nothing(cleaner: Cleaner) -> None:
    out = _texts(cleaner, [("a", TEACHES, {"source": "ecole.example"}),
                           ("b", DAMAGED, {"source": "other.example"}),
                           ("c", DAMAGED)])
    assert out[1:] == [WITHOUT, WITHOUT]


def test_clean_alone_remembers_nothing_and_the_switch_turns_streams_off(cleaner: Cleaner) -> None:
    cleaner.clean(TEACHES, metadata={"source": "ecole.example"})
    assert cleaner.clean(DAMAGED, metadata={"source": "ecole.example"}).text == WITHOUT
    off = Cleaner(stages=["mojibake", "lossy_repair"], config={"source_memory": False})
    assert _texts(off, [("a", TEACHES, {"source": "s"}), ("b", DAMAGED, {"source": "s"})])[1] == WITHOUT


def test_a_document_passed_through_by_a_limit_teaches_nothing() -> None:
    limited = Cleaner(stages=["mojibake", "lossy_repair"], max_doc_chars=len(DAMAGED) + 1)
    assert len(TEACHES) > len(DAMAGED) + 1
    assert _texts(limited, [("a", TEACHES, {"source": "s"}), ("b", DAMAGED, {"source": "s"})])[1] == WITHOUT


def test_real_question_marks_stay_whatever_the_source_wrote(cleaner: Cleaner) -> None:
    question = "Qui est Noëlie? Personne ne le sait. Vraiment? Oui. Voir page.php?id=3 et ???"
    teaches = "Noëlie, Noélie, Noëlle et Noël étaient là : Noëlie a parlé la première."
    out = _texts(cleaner, [("a", teaches, {"source": "s"}), ("b", question, {"source": "s"})])
    assert out[1] == question


def _raws(texts: list[tuple[str, str]]) -> list[RawRecord]:
    return [RawRecord(f"mem:{i}", "jsonl", orjson.dumps({"id": str(i), "source": source, "text": text}) + b"\n", "mem")
            for i, (source, text) in enumerate(texts)]


def _stream_texts(cleaner: Cleaner, raws: list[RawRecord], **options) -> list[str]:
    job = Job(output_format="jsonl")
    return [orjson.loads(o.item.data)["text"] for o in clean_stream(cleaner, job, raws, **options)]


def test_the_memory_starts_empty_at_each_batch(cleaner: Cleaner) -> None:
    raws = _raws([("s", TEACHES), ("s", DAMAGED), ("s", DAMAGED)])
    assert _stream_texts(cleaner, raws, batch_records=2)[1:] == [FROM_SOURCE, WITHOUT]
    assert _stream_texts(cleaner, raws, batch_records=2, workers=2)[1:] == [FROM_SOURCE, WITHOUT]
    assert _stream_texts(cleaner, raws, batch_records=3)[1:] == [FROM_SOURCE, FROM_SOURCE]


def test_one_and_two_workers_give_the_same_bytes_through_the_cli(tmp_path: Path) -> None:
    """tests/data/repair/source_stream.jsonl: a teaching record, the damaged one after it,
    14 records of another source, the damaged one again in the next batch (16 records per
    batch), and once more without a source."""
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        subprocess.run([sys.executable, "-m", "cleanscrape", "clean", "-q", "-j", workers, "--format", "jsonl",
                        "-o", str(out), "--report", str(tmp_path / f"report{workers}.jsonl"), str(STREAM)],
                       check=True)
        outputs.append((out.read_bytes(), (tmp_path / f"report{workers}.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]
    texts = {r["id"]: r["text"] for r in map(orjson.loads, outputs[0][0].splitlines())}
    assert texts["same-batch"] == FROM_SOURCE
    assert texts["next-batch"] == texts["no-source"] == WITHOUT


def test_the_memory_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(source_memory, "MAX_SOURCES", 2)
    monkeypatch.setattr(source_memory, "MAX_WORDS_PER_SOURCE", 3)
    cleaner = Cleaner(stages=["whitespace"])
    memory = SourceMemory()
    for source in ("a", "b", "a", "c"):  # "a" seen again: "b" is the least recently seen
        cleaner.clean("Noëlie, Éric, Hélène, Zoé et Chloé à l'école.", metadata={"source": source}, memory=memory)
    assert len(memory) == 2
    assert memory.recall("b") is None
    words = memory.recall("a")
    assert words is not None and words.documents == 2
    assert len(words.counts) == 3
    assert set(words.counts.values()) == {2}


@pytest.mark.parametrize("metadata, source", [
    ({"source": "ecole.example", "url": "https://x.example/a"}, "ecole.example"),
    ({"url": "https://WWW.Example.org:8080/page?q=1"}, "www.example.org"),
    ({"url": "not a url"}, None),
    ({"source": 3}, None),
    ({}, None),
    (None, None),
])
def test_the_source_of_a_record(metadata, source) -> None:
    assert source_of(metadata) == source


def test_documents_wait_uncounted_only_up_to_the_bound(monkeypatch) -> None:
    """Words are counted when a damaged document asks, or when more documents wait than
    MAX_PENDING_DOCUMENTS (a scope longer than a batch keeps no more lines than that);
    either way the counts are those of counting each document at once."""
    monkeypatch.setattr(source_memory, "MAX_PENDING_DOCUMENTS", 2)
    cleaner = Cleaner(stages=["whitespace"])
    memory = SourceMemory()
    for text in ("Noëlie à l'école.", "Éric et Noëlie.", "Hélène, Noëlie."):
        cleaner.clean(text, metadata={"source": "s"}, memory=memory)
    words = memory.recall("s")
    assert words is not None and words.documents == 3
    assert len(words._pending) == 0  # the third document went over the bound
    cleaner.clean("Zoé.", metadata={"source": "s"}, memory=memory)
    assert len(words._pending) == 1
    assert words.count("noëlie") == 3 and words.count("zoé") == 1 and not words._pending
