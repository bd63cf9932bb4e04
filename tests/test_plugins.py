"""Users add stages without touching cleanscrape: in code, or as installed plugins."""

from __future__ import annotations

import importlib
import re
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleanscrape.stage as stage_module
from cleanscrape import DEFAULT_STAGES, Cleaner, Stage, StageConfigError, available_stages
from cleanscrape.cli import cli
from cleanscrape.document import Document
from plugin_example_stage import AdvertStage

TEXT = "Advertisement\nThe harbour reopened on Monday after a week of repairs.\n  \nAnzeige"


def test_stage_instance_passed_in_code() -> None:
    result = Cleaner(stages=[AdvertStage(), "whitespace"]).clean(TEXT)
    assert result.text == "The harbour reopened on Monday after a week of repairs."
    adverts = [r for r in result.removed if r.category == "advert"]
    assert [r.text.strip() for r in adverts] == ["Advertisement", "Anzeige"]
    assert all(r.stage == "advert_label" and "advertising label" in r.reason for r in adverts)


def test_stage_options_are_validated() -> None:
    with pytest.raises(StageConfigError, match="unknown option"):
        AdvertStage(labelz=("x",))
    only_anzeige = AdvertStage(labels=("anzeige",))
    result = Cleaner(stages=[only_anzeige]).clean(TEXT)
    assert [r.text.strip() for r in result.removed] == ["Anzeige"]


@pytest.mark.parametrize("where", ["stage_options", "config"])
def test_options_for_a_stage_passed_built_are_an_error(where: str) -> None:
    # they were ignored: the instance kept its own options, and a typo passed unseen
    given = {"advert_label": {"labels": ["anzeige"]}}
    kwargs = {"stage_options": given} if where == "stage_options" else {"config": {"stages": given}}
    with pytest.raises(StageConfigError, match=r"stage 'advert_label', which is passed built \(AdvertStage"):
        Cleaner(stages=[AdvertStage()], **kwargs)


def test_a_generator_process_is_refused_and_a_stage_of_its_own_init_has_a_repr() -> None:
    class Lazy(Stage):  # its body never ran: every document came out unchanged, status ok
        name, categories = "lazy", ("x",)

        def process(self, doc):
            yield from ()

    class OwnInit(Stage):  # an __init__ that sets no options: repr() raised AttributeError
        name, categories = "own_init", ("x",)

        def __init__(self, word: str) -> None:
            self.word = word

        def process(self, doc):
            pass

    class Awaited(Stage):  # a coroutine's body runs only when awaited: never
        name, categories = "awaited", ("x",)

        async def process(self, doc):
            pass

    class AsyncLazy(Stage):  # an async generator's neither
        name, categories = "async_lazy", ("x",)

        async def process(self, doc):
            yield None

    for lazy in (Lazy(), Awaited(), AsyncLazy()):
        with pytest.raises(StageConfigError, match=f"stage '{lazy.name}': process.doc. is a generator"):
            Cleaner(stages=[lazy])
    assert repr(Cleaner(stages=[OwnInit("ad")]).stages) == "[OwnInit()]"


@pytest.fixture
def installed_plugin(monkeypatch: pytest.MonkeyPatch):
    """Pretend a package declared `advert_label = plugin_example_stage:AdvertStage`."""
    ep = EntryPoint(name="advert_label", value="plugin_example_stage:AdvertStage",
                    group=stage_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(stage_module, "entry_points",
                        lambda group: [ep] if group == stage_module.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(stage_module, "_entry_points_loaded", False)
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    yield


def test_entry_point_plugin_is_found_by_name(installed_plugin) -> None:
    assert "advert_label" in available_stages()
    cleaner = Cleaner(stages=["advert_label", "whitespace"], stage_options={"advert_label": {"labels": ["anzeige"]}})
    result = cleaner.clean(TEXT)
    assert result.text.startswith("Advertisement\n")
    assert not result.text.endswith("Anzeige")


def test_broken_plugin_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint(name="broken", value="no_such_module_xyz:Stage", group=stage_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(stage_module, "entry_points", lambda group: [ep])
    monkeypatch.setattr(stage_module, "_entry_points_loaded", False)
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    with pytest.raises(StageConfigError, match="broken"):
        Cleaner(stages=["definitely_not_a_stage"])


def test_a_broken_plugin_is_reported_each_time_not_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the second call said "unknown stage 'advert_label'", a plugin listed after the broken one
    broken = EntryPoint(name="broken", value="no_such_module_xyz:Stage", group=stage_module.ENTRY_POINT_GROUP)
    good = EntryPoint(name="advert_label", value="plugin_example_stage:AdvertStage",
                      group=stage_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(stage_module, "entry_points", lambda group: [broken, good])
    monkeypatch.setattr(stage_module, "_entry_points_loaded", False)
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    for _ in range(2):
        with pytest.raises(StageConfigError, match="plugin stage 'broken' .* failed to load"):
            Cleaner(stages=["advert_label"])


def test_unknown_stage_name_lists_available_ones() -> None:
    with pytest.raises(StageConfigError, match="available: .*whitespace"):
        Cleaner(stages=["no_such_stage"])


class _Raising(Stage):
    name = "raising"
    categories = ("boilerplate",)

    def process(self, doc: Document) -> None:
        if "boom" in doc.text:
            raise ValueError("no such thing")


class _Overlapping(Stage):
    name = "overlapping"
    categories = ("boilerplate",)

    def process(self, doc: Document) -> None:
        if "boom" in doc.text:
            self.remove_span(doc, 0, 3, "first")
            self.remove_span(doc, 2, 4, "second, overlapping the first")


class _ReplacingTheInput(Stage):
    name = "replacing"
    categories = ("boilerplate",)

    def process(self, doc: Document) -> None:
        if "boom" in doc.text:
            doc.text = doc.text.replace("boom", "")


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("stage, message", [
    (_Raising, "stage 'raising' failed: ValueError: no such thing"),
    (_Overlapping, "stage 'overlapping' failed: EditConflict: span 2:4 overlaps a removal at 0:3"),
    # its output was the text it wrote, status ok, and the report replayed to another
    (_ReplacingTheInput, "stage 'replacing' replaced the document's input"),
])
def test_a_failing_stage_is_named_and_fails_its_document_alone(stage: type[Stage], message: str, workers: int) -> None:
    # the error said 'ValueError: no such thing': which of the stages?
    items = [("a", "fine  "), ("b", "a boom  "), ("c", "fine too  ")]
    results = list(Cleaner(stages=[stage(), "whitespace"]).clean_many(items, workers=workers))
    assert [(r.id, r.ok) for r in results] == [("a", True), ("b", False), ("c", True)]
    assert results[1].error == message or results[1].error.startswith(message)
    assert results[1].text == "a boom  " and not results[1].removed
    assert [results[0].text, results[2].text] == ["fine", "fine too"]


def _whitespace_of_ones_own() -> type[Stage]:
    class MyWhitespace(Stage):
        name = "whitespace"
        categories = ("whitespace",)

        def process(self, doc: Document) -> None:
            pass

    return MyWhitespace


def test_a_stage_named_as_a_built_in_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # it replaced the built-in everywhere, the default pipeline's too, without a word
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    with pytest.raises(StageConfigError, match="stage name 'whitespace' of .*MyWhitespace is taken by "
                                               "cleanscrape.stages.whitespace.WhitespaceStage"):
        stage_module.register_stage(_whitespace_of_ones_own())
    assert type(Cleaner().stages[-1]).__name__ == "WhitespaceStage"
    # the same class defined again (a notebook's cell run twice) replaces the first
    first = stage_module.register_stage(type("AdvertStage", (AdvertStage,), {"__module__": AdvertStage.__module__}))
    second = stage_module.register_stage(type("AdvertStage", (AdvertStage,), {"__module__": AdvertStage.__module__}))
    assert stage_module.get_stage_class("advert_label") is second is not first


def test_a_plugin_named_as_a_built_in_is_refused_not_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint(name="whitespace", value="somewhere:MyWhitespace", group=stage_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(EntryPoint, "load", lambda self: _whitespace_of_ones_own())
    monkeypatch.setattr(stage_module, "entry_points", lambda group: [ep])
    monkeypatch.setattr(stage_module, "_entry_points_loaded", False)
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    with pytest.raises(StageConfigError, match=r"plugin 'whitespace' \(somewhere:MyWhitespace\): stage name "
                                               "'whitespace' .* is taken by cleanscrape.stages.whitespace"):
        available_stages()


class _Nameless(Stage):
    categories = ("boilerplate",)

    def process(self, doc: Document) -> None:
        self.remove_line(doc, 0, "first line")


class _WithoutCategories(Stage):
    name = "without_categories"

    def process(self, doc: Document) -> None:
        self.remove_line(doc, 0, "first line")


class _WithoutProcess(Stage):
    name = "without_process"
    categories = ("boilerplate",)


@pytest.mark.parametrize("stage, message", [
    (_Nameless, "_Nameless has no name"),  # its removals named no stage
    (_WithoutCategories, "stage 'without_categories' declares no categories"),  # IndexError in every document
    (_WithoutProcess, "stage 'without_process' has no process"),  # NotImplementedError in every document
])
def test_a_stage_instance_lacking_what_a_stage_has_is_refused_as_registering_it_is(stage: type[Stage],
                                                                                   message: str) -> None:
    with pytest.raises(StageConfigError, match=message):
        Cleaner(stages=[stage()])
    with pytest.raises(StageConfigError, match=message):
        stage_module.register_stage(stage)


def test_the_stage_example_of_docs_stages_md_runs_as_written(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    # without "from __future__ import annotations" its 'options: AdvertLabel.Options' was a
    # NameError: a class's body cannot name the class
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    doc = (Path(__file__).resolve().parent.parent / "docs" / "stages.md").read_text(encoding="utf-8")
    protocol, use = re.findall(r"```python\n(.+?)```", doc, flags=re.S)[:2]
    # (a module of its own, as a plugin's: a dataclass reads its string annotations there)
    (tmp_path / "stages_md_example.py").write_text(f"{protocol}\n{use}", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    example = importlib.import_module("stages_md_example")
    assert example.cleaner.clean("Anzeige\nDer Hafen ist wieder offen.\n").text == "Der Hafen ist wieder offen."


def _stages_listing(*names: str) -> str:
    result = CliRunner().invoke(cli, ["stages", *names], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_stages_command_lists_the_default_pipeline_in_order_then_plugins(installed_plugin) -> None:
    headings = [line.split(":", 1)[0] for line in _stages_listing().splitlines() if line[:1].isalpha()]
    assert headings == [*DEFAULT_STAGES, "advert_label (not in the default pipeline)"]


def test_the_options_the_stages_command_shows_are_a_config_file_of_the_defaults(installed_plugin,
                                                                                tmp_path: Path) -> None:
    # each stage's option lines, under a [stages.NAME] heading, are a TOML config that builds
    # the pipeline with every option at its default
    config = []
    for line in _stages_listing().splitlines():
        if line[:1].isalpha():
            config.append(f"[stages.{line.split(':', 1)[0].split()[0]}]")
        elif line.startswith("  ") and not line.startswith("  categories:") and not line.startswith("    "):
            config.append(line.strip())
    (tmp_path / "defaults.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    names = [*DEFAULT_STAGES, "advert_label"]
    from_file = Cleaner(config=tmp_path / "defaults.toml", stages=names)
    assert [stage.options for stage in from_file.stages] == [stage.options for stage in Cleaner(stages=names).stages]


def test_the_stages_command_refuses_an_unknown_name_and_names_a_broken_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(cli, ["stages", "whitespace", "nope"])
    assert result.exit_code == 2 and "unknown stage 'nope'" in result.output
    ep = EntryPoint(name="broken", value="no_such_module_xyz:Stage", group=stage_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(stage_module, "entry_points", lambda group: [ep])
    monkeypatch.setattr(stage_module, "_entry_points_loaded", False)
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    result = CliRunner().invoke(cli, ["stages"])
    assert result.exit_code == 2 and "plugin stage 'broken' (no_such_module_xyz:Stage) failed to load" in result.output


def test_the_stages_command_lists_a_stage_whose_module_is_not_loaded_and_a_range_without_bounds_is_said(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanscrape.stage import Range

    made = type("MadeStage", (AdvertStage,), {"__module__": "made_at_run_time", "name": "made_at_run_time"})
    monkeypatch.setattr(stage_module, "_REGISTRY", dict(stage_module._REGISTRY))
    stage_module.register_stage(made)
    assert _stages_listing("made_at_run_time").startswith("made_at_run_time (not in the default pipeline):\n  categories: advert\n")
    assert str(Range()) == "a number" and str(Range(0)) == "at least 0" and str(Range(0, 1)) == "from 0 to 1"


class _Quoting(Stage):
    name = "quoting"
    categories = ("typography", "quotes")

    def process(self, doc: Document) -> None:
        for line in doc.kept_nonblank_lines():
            for quote in reversed(list(re.finditer('"', line.text))):
                self.repair(doc, line, quote.start(), quote.end(), "”", "straight quote", confidence=0.5)
        self.repair(doc, 0, 0, 1, "«", "by index, in its own category", category="quotes", evidence="a test")


def test_stage_repair_marks_a_repair_as_the_stage_as_remove_line_does() -> None:
    # a plugin passed stage=self.name (and its category) to doc.repair by hand, where
    # remove_line and remove_span had helpers
    result = Cleaner(stages=[_Quoting()]).clean('"a" b\nc "d"')
    assert result.text == "«a” b\nc ”d”"
    first, *rest = result.repairs
    assert (first.stage, first.category, first.before, first.after, first.evidence) == \
        ("quoting", "quotes", '"', "«", "a test")
    assert [(r.stage, r.category, r.start, r.confidence) for r in rest] == \
        [("quoting", "typography", 2, 0.5), ("quoting", "typography", 8, 0.5), ("quoting", "typography", 10, 0.5)]
