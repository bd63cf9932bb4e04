"""Choosing, disabling, reordering and configuring stages is configuration, not code."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path
from typing import Any

import pytest

from cleanscrape import Cleaner, StageConfigError, available_stages
from cleanscrape.stage import Range, get_stage_class
from plugin_example_stage import AdvertStage

TEXT = "  Advertisement\n\n\n\nA real sentence about the harbour, which reopened on Monday."


def test_toml_config_orders_and_configures_stages(tmp_path: Path) -> None:
    cfg = tmp_path / "cleanscrape.toml"
    cfg.write_text('pipeline = ["whitespace"]\nlang = "en"\n[stages.whitespace]\nmax_blank_lines = 2\n',
                   encoding="utf-8")
    cleaner = Cleaner(config=cfg)
    result = cleaner.clean(TEXT)
    assert cleaner.stage_names == ["whitespace"]
    assert result.lang == "en" and result.lang_method == "given"
    assert result.text == "Advertisement\n\n\nA real sentence about the harbour, which reopened on Monday."


def test_disable_in_config_applies_to_code_stages(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('disable = ["whitespace"]\n[stages.whitespace]\nmax_blank_lines = 3\n', encoding="utf-8")
    cleaner = Cleaner(config=cfg, stages=[AdvertStage(), "whitespace"])
    assert cleaner.stage_names == ["advert_label"]


def test_keyword_arguments_override_config() -> None:
    cleaner = Cleaner(config={"pipeline": ["whitespace"], "disable": []}, disable=["whitespace"])
    assert cleaner.stage_names == []
    assert cleaner.clean(TEXT).text == TEXT


def test_a_stages_keyword_narrows_the_config_s_pipeline_without_refusing_its_tables() -> None:
    # `--config c.toml --stages navigation` with a [stages.whitespace] table was refused:
    # "options given for stage(s) not in the pipeline: whitespace"
    config = {"stages": {"whitespace": {"max_blank_lines": 2}}}
    assert Cleaner(config=config, stages=["navigation"]).stage_names == ["navigation"]
    with pytest.raises(StageConfigError, match="not in the pipeline: whitespace"):
        Cleaner(config={**config, "pipeline": ["navigation"]})  # the config's own pipeline leaves it out
    with pytest.raises(StageConfigError, match="not in the pipeline: whitespace"):
        Cleaner(stages=["navigation"], stage_options={"whitespace": {"max_blank_lines": 2}})
    with pytest.raises(StageConfigError, match="unknown stage 'nowhere'"):
        Cleaner(config={"stages": {"nowhere": {}}}, stages=["navigation"])
    # only the config's tables: options given as arguments for a stage left out stay an
    # error, a config's table of that stage beside them or not (they were passed unchecked)
    for options in ({"max_blank_lines": 1}, {"bogus": 1}):
        with pytest.raises(StageConfigError, match="not in the pipeline: whitespace"):
            Cleaner(config=config, stages=["navigation"], stage_options={"whitespace": options})


@pytest.mark.parametrize(
    "config, message",
    [
        ({"stagez": ["whitespace"]}, "unknown config key"),
        ({"pipeline": ["whitespace"], "lang": "en", "disable": ["caption"]}, None),
        ({"pipeline": ["whitespace"], "stages": {"whitespace": {"max_blank_linez": 1}}}, "unknown option"),
        ({"pipeline": ["whitespace"], "stages": {"nowhere": {"a": 1}}}, "not in the pipeline"),
        ({"stages": ["whitespace"]}, "order is 'pipeline'"),
    ],
)
def test_bad_config_is_a_clear_error(config, message) -> None:
    if message is None:
        Cleaner(config=config)
        return
    with pytest.raises(StageConfigError, match=message):
        Cleaner(config=config)


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StageConfigError, match="not found: .*nope.toml"):
        Cleaner(config=tmp_path / "nope.toml")


@pytest.mark.parametrize("config", ["fd", True, 2.5, ["a.toml"]])
def test_a_config_that_is_no_path_is_a_clear_error_and_closes_nothing(tmp_path: Path, config: Any) -> None:
    # open() takes an integer for a file descriptor: config=3 read the caller's fd 3 as TOML
    # and closed it; config=True closed the process's stdout
    import os

    (tmp_path / "a.toml").write_text('lang = "fr"\n')
    fd = os.open(tmp_path / "a.toml", os.O_RDONLY)
    try:
        with pytest.raises(StageConfigError, match="config must be a file's path or a mapping, not "):
            Cleaner(config=fd if config == "fd" else config)
        os.fstat(fd)  # still open
    finally:
        os.close(fd)


@pytest.mark.parametrize("value", ["no", 0, "false"])
def test_source_memory_that_is_no_boolean_is_a_clear_error(value: Any) -> None:
    # truthy, source_memory="no" turned the memory on (as a config's "false" is refused)
    with pytest.raises(StageConfigError, match="source_memory must be True, False or None, not "):
        Cleaner(source_memory=value)


def test_a_config_file_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    # not UTF-8: a UnicodeDecodeError traceback from the CLI; a folder: an IsADirectoryError
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'lang = "fran\xe7ais"\n')
    with pytest.raises(StageConfigError, match=r"latin1\.toml: not UTF-8 \(invalid continuation byte at byte 12\)"):
        Cleaner(config=bad)
    with pytest.raises(StageConfigError, match="cannot read: Is a directory"):
        Cleaner(config=tmp_path)
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    result = CliRunner().invoke(cli, ["clean", "--config", str(bad), "-"], input="x")
    assert result.exit_code == 2 and "not UTF-8" in result.output


def test_limits_come_from_the_config_unless_given() -> None:
    from cleanscrape.limits import DEFAULT_MAX_DOC_CHARS

    assert Cleaner().limits.max_doc_chars == DEFAULT_MAX_DOC_CHARS
    configured = Cleaner(config={"max_doc_chars": 50, "max_doc_seconds": 0})
    assert configured.limits.max_doc_chars == 50 and configured.limits.max_doc_seconds is None  # 0: off
    assert configured.clean("x " * 40, id="long").flags == ["limit:size"]
    overridden = Cleaner(config={"max_doc_chars": 50}, max_doc_chars=None, max_doc_seconds=5)
    assert overridden.limits.max_doc_chars is None and overridden.limits.max_doc_seconds == 5
    assert Cleaner(config={"max_doc_seconds": 2.5}).limits.max_doc_seconds == 2.5
    assert Cleaner(config={"max_doc_seconds": 2.5}).limits.max_doc_chars == DEFAULT_MAX_DOC_CHARS


@pytest.mark.parametrize("value", [-1, "big", True])
def test_a_bad_limit_in_the_config_is_a_clear_error(value: object) -> None:
    with pytest.raises(StageConfigError, match="max_doc_chars"):
        Cleaner(config={"max_doc_chars": value})


def test_cli_flag_overrides_the_config_limit(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    cfg = tmp_path / "c.toml"
    cfg.write_text('pipeline = ["whitespace"]\nmax_doc_chars = 10\n', encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("  twenty-two characters  \n", encoding="utf-8")

    def run(*extra: str) -> str:
        return CliRunner().invoke(cli, ["clean", "-j", "1", "--to", "text", "--config", str(cfg), str(doc), *extra],
                                  catch_exceptions=False).stdout

    assert run() == "  twenty-two characters  \n"  # over the config's limit: passed through
    assert run("--max-doc-chars", "0") == "twenty-two characters\n"


def test_disabling_an_unknown_stage_is_refused_as_naming_one_is() -> None:
    # a typo ("captions") disabled nothing, and no one was told
    with pytest.raises(StageConfigError, match="unknown stage 'captions'"):
        Cleaner(disable=["captions"])
    with pytest.raises(StageConfigError, match="unknown stage 'captions'"):
        Cleaner(config={"disable": ["captions"]})
    assert "caption" not in Cleaner(disable=["caption"]).stage_names
    assert Cleaner(stages=["whitespace"], disable=["caption"]).stage_names == ["whitespace"]  # known, not there


@pytest.mark.parametrize(
    "stage, option, value, message",
    [
        ("whitespace", "max_blank_lines", "2", "option 'max_blank_lines' must be an integer, not str '2'"),
        ("whitespace", "max_blank_lines", True, "must be an integer, not bool"),
        ("whitespace", "strip_lines", 1, "option 'strip_lines' must be true or false"),
        ("duplicates", "near_similarity", "0.9", "must be a number"),
        ("main_content", "barrier_categories", "comments", "must be a list, each a string"),
        ("main_content", "barrier_categories", ["comments", 3], "must be a list, each a string"),
    ],
)
def test_an_option_of_the_wrong_type_is_refused_naming_the_stage_and_the_option(
        stage: str, option: str, value: object, message: str) -> None:
    # it was taken, and every document then failed ("TypeError: '<' not supported ...")
    with pytest.raises(StageConfigError, match=f"stage '{stage}': .*{message}"):
        Cleaner(stage_options={stage: {option: value}})


@pytest.mark.parametrize(
    "stage, option, value, message",
    [
        # taken: a run of three blank lines lost its last, 'more than -1 blank line(s) in a row'
        ("whitespace", "max_blank_lines", -1, "at least 0, not -1"),
        # every document with a menu failed ('ZeroDivisionError: division by zero')
        ("main_content", "menu_run", 0, "at least 1, not 0"),
        # every document with a menu failed ('IndexError: list index out of range')
        ("navigation", "min_menu_run", 0, "at least 1, not 0"),
        # 'ValueError: Indices for islice() must be None or an integer'
        ("main_content", "author_box_lines", -3, "at least 0, not -3"),
        # 'OverflowError: can't convert negative value to uint64_t'
        ("duplicates", "near_similarity", -0.1, "from 0.0 to 1.0, not -0.1"),
        ("duplicates", "near_similarity", 1.5, "from 0.0 to 1.0, not 1.5"),
        ("lossy_repair", "min_confidence", float("nan"), "from 0.0 to 1.0, not nan"),
        ("main_content", "stopwords_low", -0.5, "at least 0.0, not -0.5"),
        # an option a lexicon stage redeclares (its own default) keeps its range
        ("cookie_consent", "near_max_words", -1, "at least 0, not -1"),
        ("caption", "max_credit_words", -1, "at least 0, not -1"),  # (rsplit's "no limit")
    ],
)
def test_an_option_out_of_its_range_is_refused_naming_the_stage_the_option_the_value_and_the_range(
        stage: str, option: str, value: object, message: str) -> None:
    message = f"stage '{stage}': option '{option}' must be {message}"
    with pytest.raises(StageConfigError, match=message):
        Cleaner(stage_options={stage: {option: value}})
    with pytest.raises(StageConfigError, match=message):
        Cleaner(config={"stages": {stage: {option: value}}})


def test_an_option_out_of_its_range_in_a_config_file_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cleanscrape.cli import cli

    cfg = tmp_path / "c.toml"
    cfg.write_text("[stages.whitespace]\nmax_blank_lines = -1\n", encoding="utf-8")
    with pytest.raises(StageConfigError, match="must be at least 0, not -1"):
        Cleaner(config=cfg)
    result = CliRunner().invoke(cli, ["clean", "--config", str(cfg), "-"], input="x")
    assert result.exit_code == 2
    assert f"Error: config file {cfg}: stage 'whitespace': option 'max_blank_lines' must be at least 0, not -1" \
        in result.output
    assert "Traceback" not in result.output


def _ranged_options() -> list[tuple[str, str, Any]]:
    """(stage, option, value) for each bound of each built-in option's range, and a large
    value where the range has no top."""
    bounds = []
    for stage in available_stages():
        declared = typing.get_type_hints(get_stage_class(stage).Options, include_extras=True)
        for option, hint in declared.items():
            for allowed in getattr(hint, "__metadata__", ()):
                if isinstance(allowed, Range):
                    kind = hint.__origin__
                    top = 10**6 if allowed.high is None else allowed.high
                    bounds += [(stage, option, kind(allowed.low)), (stage, option, kind(top))]
    return bounds


def test_each_option_s_default_is_in_its_range_and_each_bound_cleans_without_failing() -> None:
    from cleanscrape.stage import _typed_options

    seeds = sorted((Path(__file__).parent / "data" / "seeds").glob("*[0-9a-f].txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    for stage in available_stages():
        defaults = dataclasses.asdict(get_stage_class(stage).Options())
        assert _typed_options(stage, get_stage_class(stage).Options, defaults) == defaults
    bounds = _ranged_options()
    assert len(bounds) > 100
    for stage, option, value in bounds:
        cleaner = Cleaner(stage_options={stage: {option: value}})
        failed = [result.error for result in map(cleaner.clean, texts) if result.error]
        assert not failed, (stage, option, value, failed)


def test_a_config_array_is_a_tuple_option() -> None:
    cleaner = Cleaner(stages=["main_content"], config={"stages": {"main_content": {"barrier_categories": ["tags"]}}})
    assert cleaner.stages[0].options.barrier_categories == ("tags",)
    # (an integer is a number)
    assert Cleaner(stages=["duplicates"], stage_options={"duplicates": {"near_similarity": 1}}).stages


@pytest.mark.parametrize(
    "arguments, message",
    [
        # a string is a list of letters: each was taken for a stage ("unknown stage 'w'")
        ({"stages": "whitespace"}, "stages must be a list of stage names, not str 'whitespace'"),
        ({"disable": "caption"}, "disable must be a list of stage names, not str 'caption'"),
        ({"config": {"pipeline": "whitespace"}}, "config 'pipeline' must be a list of stage names"),
        ({"config": {"disable": 5}}, "config 'disable' must be a list of stage names, not int 5"),
        # TypeError / AttributeError before
        ({"stage_options": {"whitespace": 2}}, "options of stage 'whitespace' must be a table"),
        ({"config": {"stages": {"whitespace": 2}}}, "config 'stages': the options of stage 'whitespace' must be"),
        ({"stage_options": [("whitespace", {})]}, "stage_options must map stage names to their options"),
        ({"stages": [AdvertStage]}, r"not type .*\(the class: AdvertStage\(\) is an instance\)"),
        # taken, and every document failed ("AttributeError: 'int' object has no attribute 'split'")
        ({"lang": 5}, "lang must be a language code"),
        ({"config": {"lang": 5}}, "config 'lang' must be a language code"),
        # taken for true
        ({"config": {"source_memory": "no"}}, "config 'source_memory' must be true or false, not str 'no'"),
    ],
)
def test_a_configuration_of_the_wrong_shape_is_a_clear_error(arguments: dict, message: str) -> None:
    with pytest.raises(StageConfigError, match=message):
        Cleaner(**arguments)


@pytest.mark.parametrize("arguments", [{"stages": ["whitespace", "duplicates", "whitespace"]},
                                       {"config": {"pipeline": ["whitespace", "whitespace"]}},
                                       {"stages": [AdvertStage(), "whitespace", AdvertStage()]}])
def test_a_stage_named_twice_in_the_pipeline_is_refused(arguments: dict) -> None:
    # its second run marked the first's removals again: every document failed, "stage
    # 'whitespace' failed: EditConflict: span 15:17 overlaps a removal at 15:17"
    with pytest.raises(StageConfigError, match=r"stage\(s\) named more than once in the pipeline: "):
        Cleaner(**arguments)


def test_an_empty_pipeline_in_a_config_runs_no_stage_as_an_empty_stages_list_does() -> None:
    # it ran every stage, as if the config named none
    assert Cleaner(config={"pipeline": []}).stage_names == Cleaner(stages=[]).stage_names == []


@pytest.mark.parametrize("toml,said", [
    # "lang must be a language code ..., not int 5" said neither the file nor that lang was its
    ("lang = 5\n", "'lang' must be a language code (a string such as 'fr'), not int 5"),
    ("max_doc_chars = 'x'\n", "'max_doc_chars' must be a positive number (0: no limit), not str 'x'"),
    ("max_doc_seconds = -1\n", "'max_doc_seconds' must be a positive number (0: no limit), not int -1"),
    ("source_memory = 'no'\n", "'source_memory' must be true or false, not str 'no'"),
    ("disable = 'caption'\n", "'disable' must be a list of stage names, not str 'caption'"),
    ("pipeline = ['nope']\n", "unknown stage 'nope'"),
    ("pipeline = 'whitespace'\n", "'pipeline' must be a list of stage names, not str 'whitespace'"),
    ("disable = ['nope']\n", "unknown stage 'nope'"),
    ("[stages.whitespace]\nmax_blank_lines = 'a'\n", "stage 'whitespace': option 'max_blank_lines' must be"),
    ("[stages.whitespac]\nmax_blank_lines = 1\n", "options given for stage(s) not in the pipeline: whitespac"),
])
def test_a_bad_value_in_a_config_file_names_the_file_and_the_key(tmp_path: Path, toml: str, said: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(toml, encoding="utf-8")
    with pytest.raises(StageConfigError) as raised:
        Cleaner(config=cfg)
    assert str(raised.value).startswith(f"config file {cfg}: {said}")
    # refused with the keyword given too, as a bad 'lang' is with lang= (a bad limit passed
    # unseen with max_doc_chars= or max_doc_seconds= given, a bad pipeline with stages=)
    given = {"lang": "fr", "source_memory": False, "max_doc_chars": 10, "max_doc_seconds": 1.0,
             "pipeline": ["navigation"]}
    with pytest.raises(StageConfigError, match=f"^config file {re.escape(str(cfg))}: "):
        Cleaner(config=cfg, **{key.replace("pipeline", "stages"): value for key, value in given.items()
                               if key in toml})


def test_a_bad_value_given_as_an_argument_names_no_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("lang = 'fr'\n", encoding="utf-8")
    with pytest.raises(StageConfigError, match="^lang must be a language code"):
        Cleaner(config=cfg, lang=5)  # type: ignore[arg-type]
    with pytest.raises(StageConfigError, match="^unknown stage 'nope'"):
        Cleaner(config=cfg, disable=["nope"])
