"""Data files shipped built: a copy is used only while its data file is the one it was built
from, and every shipped copy is current."""

from __future__ import annotations

import sys
from pathlib import Path

from cleanscrape import shipped
from cleanscrape.repair.language import REPAIR_FOLDER

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_a_copy_is_used_only_while_its_data_file_is_the_one_it_was_built_from(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text("a = 1\n", encoding="utf-8")
    assert shipped.load(tmp_path, "x", tomllib.loads) == {"a": 1}  # no copy: the data file
    shipped.write(tmp_path, "x", lambda text: {"built from": text})
    assert shipped.load(tmp_path, "x", tomllib.loads) == {"built from": "a = 1\n"}
    (tmp_path / "x.toml").write_text("a = 2\n", encoding="utf-8")
    assert shipped.load(tmp_path, "x", tomllib.loads) == {"a": 2}


def test_the_shipped_repair_languages_table_is_its_data_file() -> None:
    # (rewrite: python tools/build_shipped.py; the lexicons: tests/test_lexicons.py)
    text = (REPAIR_FOLDER / "languages.toml").read_text(encoding="utf-8")
    assert shipped.shipped_copy(REPAIR_FOLDER, "languages", text) == tomllib.loads(text), \
        "built from another data file: run python tools/build_shipped.py"
