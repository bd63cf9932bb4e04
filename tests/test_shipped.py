"""Data shipped built: a copy is used only while its source is the one it was built from,
and every shipped copy is current (the lexicons: tests/test_lexicons.py)."""

from __future__ import annotations

from pathlib import Path

from cleanscrape.shipped import Shipped


def test_a_copy_is_used_only_while_its_source_is_the_one_it_was_built_from(tmp_path: Path) -> None:
    copy = tmp_path / "x.pickle.zst"
    assert Shipped(copy, b"a", lambda: "built").load() == "built"  # no copy
    Shipped(copy, b"a", lambda: "shipped").write()
    assert Shipped(copy, b"a", lambda: "built").load() == "shipped"
    assert Shipped(copy, b"b", lambda: "built").load() == "built"


def test_the_shipped_repair_languages_table_is_its_data_file() -> None:
    # (rewrite: python tools/build_shipped.py)
    from cleanscrape.repair.language import shipped_table

    shipped = shipped_table()
    assert shipped.shipped() == shipped.build(), "built from another source: run python tools/build_shipped.py"


def test_the_shipped_langdetect_profiles_are_the_installed_ones() -> None:
    # (rewrite: python tools/build_shipped.py, after upgrading langdetect)
    from cleanscrape.lang import shipped_profiles

    shipped = shipped_profiles()
    copy = shipped.shipped()
    assert copy is not None, "built from other profiles: run python tools/build_shipped.py"
    langs, packed = shipped.build()
    assert copy[0] == langs and list(copy[1].items()) == list(packed.items())
