"""Per-language cases of the lexicon stages: lines each stage must remove and sentences it must
keep, as data in tests/data/lexicon_cases.toml (the format is described at its top)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lexicon_cases import assert_kept, assert_removed

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES_PATH = Path(__file__).parent.parent / "data" / "lexicon_cases.toml"
KINDS = ("removed", "kept", "alone")


def load_cases() -> list:
    """One pytest param per (stage, language, kind), with the id ``stage-lang-kind``."""
    cases = []
    for stage, languages in tomllib.loads(CASES_PATH.read_text(encoding="utf-8")).items():
        for lang, kinds in languages.items():
            assert set(kinds) <= set(KINDS), (stage, lang, set(kinds) - set(KINDS))
            for kind, lines in kinds.items():
                # an empty list would assert nothing
                assert lines and all(isinstance(line, str) for line in lines), (stage, lang, kind)
                cases.append(pytest.param(stage, lang, kind, lines, id=f"{stage}-{lang}-{kind}"))
    return cases


@pytest.mark.parametrize(("stage", "lang", "kind", "lines"), load_cases())
def test_lexicon_case(stage: str, lang: str, kind: str, lines: list[str]) -> None:
    if kind == "removed":
        assert_removed(stage, lang, lines, lines)
    elif kind == "alone":
        for line in lines:
            assert_removed(stage, lang, [line], [line])
    else:
        assert_kept(stage, lang, lines)
