"""Users add stages without touching cleanscrape: in code, or as installed plugins."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

import cleanscrape.stage as stage_module
from cleanscrape import Cleaner, StageConfigError, available_stages
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


def test_unknown_stage_name_lists_available_ones() -> None:
    with pytest.raises(StageConfigError, match="available: .*whitespace"):
        Cleaner(stages=["no_such_stage"])
