"""The Python API: clean(), Cleaner.clean(), Cleaner.clean_many(), Result.to_dict()."""

from __future__ import annotations

import gc
import itertools
import json

import pytest

import cleanscrape
from cleanscrape import Cleaner, Result, apply_edits

RAW = (
    "Rechercher\n\n"
    "Le conseil municipal a voté mercredi la création de deux kilomètres de pistes cyclables.\n"
    "Les travaux commenceront en septembre et dureront environ huit mois.\n\n\n"
)


def replay(raw: str, record: dict) -> str:
    return apply_edits(
        raw,
        [(r["start"], r["end"]) for r in record["removed"]],
        [(r["start"], r["end"], r["after"]) for r in record["repairs"]],
    )


def test_clean_returns_a_result_with_text_report_and_language() -> None:
    result = cleanscrape.clean(RAW)
    assert isinstance(result, Result) and result.ok
    assert result.text.startswith("Le conseil municipal")
    assert result.lang == "fr"
    record = result.to_dict()
    json.dumps(record)  # JSON-serialisable
    assert record["status"] == "ok" and record["text"] == result.text
    assert replay(RAW, record) == result.text
    for removal in record["removed"]:
        assert RAW[removal["start"]:removal["end"]] == removal["text"]
        assert removal["reason"] and removal["stage"] and removal["category"]


def test_clean_many_is_lazy_and_ordered() -> None:
    cleaner = Cleaner(stages=["whitespace"])
    seen: list[int] = []

    def source():
        for i in itertools.count():
            seen.append(i)
            yield (f"doc-{i}", f"  line {i}  ")

    stream = cleaner.clean_many(source())
    first_three = [next(stream) for _ in range(3)]
    assert [r.id for r in first_three] == ["doc-0", "doc-1", "doc-2"]
    assert [r.text for r in first_three] == ["line 0", "line 1", "line 2"]
    assert len(seen) == 3  # nothing read ahead: constant memory on any stream


def test_bad_input_gives_a_failed_result_not_an_exception() -> None:
    result = Cleaner(stages=["whitespace"]).clean(None, id="broken")  # type: ignore[arg-type]
    assert not result.ok and result.id == "broken"
    assert "must be a string" in result.error
    assert result.to_dict()["status"] == "failed"


def test_a_failing_stage_fails_only_its_document() -> None:
    class Exploding(cleanscrape.Stage):
        name = "exploding"
        categories = ("boilerplate",)

        def process(self, doc):
            if "boom" in doc.text:
                raise RuntimeError("stage blew up")

    cleaner = Cleaner(stages=[Exploding(), "whitespace"])
    results = list(cleaner.clean_many([("a", " fine "), ("b", "boom"), ("c", " fine too ")]))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].text == "boom" and "stage blew up" in results[1].error


def test_clean_restores_the_garbage_collector_state() -> None:
    """The collector pauses while a document is cleaned (its objects are freed by reference
    counting), and is left as the caller had it, a failed document included."""

    class Checking(cleanscrape.Stage):
        name = "checking"
        categories = ("boilerplate",)

        def process(self, doc):
            assert not gc.isenabled()
            if "boom" in doc.text:
                raise RuntimeError("stage blew up")

    cleaner = Cleaner(stages=[Checking()])
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        assert cleaner.clean("fine").ok and gc.isenabled()
        assert not cleaner.clean("boom").ok and gc.isenabled()
        gc.disable()
        assert cleaner.clean("fine").ok and not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


def test_empty_document_is_fine() -> None:
    result = cleanscrape.clean("")
    assert result.ok and result.text == "" and result.removed == []


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("stream", ["one text, not a stream", b"one text, as bytes"])
def test_clean_many_of_one_text_is_refused_not_cleaned_a_letter_at_a_time(stream, workers: int) -> None:
    # a str is an iterable of letters: clean_many(text) gave one result per letter
    with pytest.raises(TypeError, match=r"clean\(\)"):
        next(Cleaner(stages=["whitespace"]).clean_many(stream, workers=workers))


def test_clean_many_with_a_negative_number_of_workers_is_refused() -> None:
    # -1 means every core to joblib; here it quietly meant one process
    with pytest.raises(ValueError, match="workers"):
        next(Cleaner(stages=["whitespace"]).clean_many(["text"], workers=-1))


def test_clean_many_of_a_mapping_is_refused_not_its_keys_cleaned() -> None:
    # {id: text} iterates its ids: each id was cleaned as a document, the texts never
    with pytest.raises(TypeError, match=r"\.items\(\)"):
        next(Cleaner(stages=["whitespace"]).clean_many({"a": "text of a", "b": "text of b"}))


def test_the_package_imports_its_modules_as_they_are_used() -> None:
    # (so that the command line's entry point can take a Ctrl-C during its imports); every
    # public name, and a submodule as an attribute, as when the package imported them all
    import subprocess
    import sys

    script = ("import sys, cleanscrape\n"
              "print('cleanscrape.cleaner' in sys.modules)\n"
              "document = cleanscrape.document\n"
              "print(all(getattr(cleanscrape, name) is not None for name in cleanscrape.__all__))\n"
              "print(document.Document is cleanscrape.Document, cleanscrape.stage.Stage is cleanscrape.Stage)\n"
              "print(hasattr(cleanscrape, 'nothing_of_that_name'))\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert shown == ["False", "True", "True", "True", "False"]


def test_a_result_and_its_report_record_replay_as_they_are() -> None:
    # docs/report-schema.md: the record replays with cleanscrape.apply_edits; a user passes
    # what the Result or the record holds, not tuples made of them
    raw = "CafÃ© du port\r\n" + RAW
    result = cleanscrape.clean(raw)
    assert result.removed and result.repairs
    assert apply_edits(raw, result.removed, result.repairs) == result.text
    record = json.loads(json.dumps(result.to_dict()))
    assert apply_edits(raw, record["removed"], record["repairs"]) == result.text


@pytest.mark.parametrize("workers", ["2", None, 2.5, True])
def test_clean_many_with_workers_that_are_no_number_of_processes_is_refused(workers: object) -> None:
    # "2" and None: "'<' not supported between instances of 'str' and 'int'"; 2.5 started up
    # to three workers; True meant one process
    with pytest.raises(TypeError, match="workers must be a number of processes"):
        Cleaner(stages=["whitespace"]).clean_many(["text"], workers=workers)  # type: ignore[arg-type]


def test_clean_many_refuses_its_arguments_at_the_call_not_at_the_first_result() -> None:
    # a generator's checks ran at the first next(), far from the mistake
    cleaner = Cleaner(stages=["whitespace"])
    with pytest.raises(ValueError, match="workers"):
        cleaner.clean_many(["text"], workers=-1)
    with pytest.raises(TypeError, match=r"clean\(\)"):
        cleaner.clean_many("one text")


@pytest.mark.parametrize(("given", "warned"), [("fr", False), ("fr-FR", False), ("FR", True), ("xx", True)])
def test_a_language_cleanscrape_has_no_data_for_is_warned_of_once(
        given: str, warned: bool, caplog: pytest.LogCaptureFixture) -> None:
    # the CLI warned of --lang FR; Cleaner(lang="FR") and clean(text, lang="FR") said nothing,
    # and every document was cleaned without stopwords or the language's phrases
    from cleanscrape import cleaner as cleaner_module

    cleaner_module._warn_if_without_data.cache_clear()
    with caplog.at_level("WARNING", logger="cleanscrape"):
        Cleaner(stages=["whitespace"], lang=given).clean("Un texte.")
        Cleaner(stages=["whitespace"]).clean("Un texte.", lang=given)
        cleanscrape.clean("Un autre texte.", lang=given)
    lines = [r.getMessage() for r in caplog.records if hasattr(r, "lang_without_data")]
    assert lines == ([f"lang {given!r}: cleanscrape has no stopword list or phrase lexicon for {given!r} (codes are "
                      "ISO 639-1 in lower case: " + lines[0].split("lower case: ")[1]] if warned else [])


def test_clean_takes_the_documents_id_and_metadata_as_cleaner_clean_does() -> None:
    # "Cleaner.__init__() got an unexpected keyword argument 'id'": only lang was the document's
    result = cleanscrape.clean(RAW, id="doc-1", metadata={"url": "https://example.org/a"}, stages=["whitespace"])
    assert result.ok and result.id == "doc-1" and result.metadata == {"url": "https://example.org/a"}
    assert result.to_dict()["id"] == "doc-1"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_text_that_is_no_string_fails_without_its_repr_for_a_text(workers: int) -> None:
    # bytes failed with the text "b'caf\\xc3\\xa9 du port'", which a pipeline passing failed
    # documents through wrote as the document
    items = [("a", "café du port".encode()), ("b", ["a list"]), ("c", 42), ("d", None)]
    results = list(Cleaner(stages=["whitespace"]).clean_many(items, workers=workers))
    assert [(r.id, r.ok, r.text) for r in results] == [("a", False, ""), ("b", False, ""), ("c", False, "42"),
                                                       ("d", False, "")]
    assert results[0].error == "text must be a string, got bytes (decode it first)"


@pytest.mark.parametrize(
    "arguments, error",
    [
        # raised out of the call, naming no document
        ({"metadata": [("url", "https://example.org/a")]}, "metadata must be a mapping, not list [("),
        ({"metadata": "https://example.org/a"}, "metadata must be a mapping, not str 'https://example.org/a'"),
        # with a memory: 'AttributeError: 'str' object has no attribute 'get''
        ({"metadata": "x", "memory": "memory"}, "metadata must be a mapping, not str 'x'"),
        # failed in a stage: "stage 'cookie_consent' failed: AttributeError: 'int' object has no attribute 'split'"
        ({"lang": 5}, "lang must be a language code (a string such as 'fr'), not int 5"),
    ],
)
def test_a_document_s_arguments_of_the_wrong_kind_fail_it_by_its_id(arguments: dict, error: str) -> None:
    from cleanscrape.repair.source_memory import SourceMemory

    if arguments.get("memory"):
        arguments["memory"] = SourceMemory()
    result = Cleaner().clean(RAW, id="doc-7", **arguments)
    assert (result.id, result.ok, result.text) == ("doc-7", False, RAW)
    assert result.error.startswith(error)


@pytest.mark.parametrize(
    "arguments, error",
    [({"url": 5}, "url must be a string, not int 5"),  # 'TypeError: argument of type 'int' is not iterable'
     ({"metadata": ["x"]}, "metadata must be a mapping, not list ['x']")],
)
def test_a_page_s_arguments_of_the_wrong_kind_fail_it_by_its_id(arguments: dict, error: str) -> None:
    from cleanscrape.extract import clean_html

    result = clean_html(Cleaner(stages=["whitespace"]), b"<html><body><p>a page</p></body></html>", id="page-3",
                        **arguments)
    assert (result.id, result.ok, result.error) == ("page-3", False, error)


def test_a_stage_failure_raised_to_the_caller_names_the_document() -> None:
    from cleanscrape.cleaner import StageFailed
    from cleanscrape.document import Document

    class Exploding(cleanscrape.Stage):
        name = "exploding"
        categories = ("boilerplate",)

        def process(self, doc):
            raise RuntimeError("stage blew up")

    cleaner = Cleaner(stages=[Exploding()])
    with pytest.raises(StageFailed, match="^document 'doc-7': stage 'exploding' failed: RuntimeError: stage blew up$"):
        cleaner.clean_document(Document("text", "doc-7"))
    with pytest.raises(StageFailed, match="^stage 'exploding' failed"):
        cleaner.clean_document(Document("text"))
    # a Result's error is the stage's alone: the Result carries the id
    assert cleaner.clean("text", id="doc-7").error == "stage 'exploding' failed: RuntimeError: stage blew up"
