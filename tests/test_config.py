"""Choosing, disabling, reordering and configuring stages is configuration, not code."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanscrape import Cleaner, StageConfigError
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


@pytest.mark.parametrize(
    "config, message",
    [
        ({"stagez": ["whitespace"]}, "unknown config key"),
        ({"pipeline": ["whitespace"], "lang": "en", "disable": ["x"]}, None),
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
