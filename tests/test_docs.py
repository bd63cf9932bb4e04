"""The examples of README.md and docs/*.md stay true (docs/history/ is a record, not a promise).

* Every ```` ```python ```` block runs: a file's blocks one after the other in one namespace,
  in a fresh process, in an empty folder, given only the reader's own data named in ``GIVEN``.
  A block that needs what a test run has not (a cluster) is tagged ```` ```python no-run ````,
  and the text beside it says what runs it instead.
* Every ``--option`` the docs name is the CLI's, or another tool's listed in ``OTHER_TOOLS``.
* The report examples are what the report of their document says, field for field, and the
  README's before and after are the seed's input and output (but what "…" leaves out).
* The stage table, the config example and the listing of a stage are the real ones.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

import cleanscrape
from cleanscrape import Cleaner
from cleanscrape.cli import cli
from cleanscrape.lexicon import KINDS

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SEED = ROOT / "corpus_samples" / "seeds" / "003_ed0140e1a063c6cd.txt"

#: what an example takes as the reader's own: their texts, their page
GIVEN = {
    "README.md": f"texts = [open({str(SEED)!r}, encoding='utf-8').read(), 'Share on Facebook\\nA sentence.']",
    "docs/html.md": f"page_bytes = open({str(ROOT / 'tests' / 'data' / 'html' / 'article.html')!r}, 'rb').read()",
}

#: options the docs name for commands other than ``cleanscrape clean``: the evaluation
#: scorers, pytest-benchmark, the benchmark and fuzz scripts, Spark
OTHER_TOOLS = {"--data", "--cmd", "--html-cmd", "--detail", "--by-lang", "--benchmark-only", "--random",
               "--half", "--top", "--eval-dir", "--json", "--limit", "--rounds", "--mode", "--py-files",
               "--archives", "--web-pool", "--dump-errors"}

#: the package under test, whatever the folder a run starts in (a relative PYTHONPATH, ".",
#: would find another checkout's from a temporary folder)
ENV = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(Path(cleanscrape.__file__).parents[1]),
                                                                  os.environ.get("PYTHONPATH")]))}

RUNNER = """
import json, sys
namespace = {"__name__": "__main__"}
exec(compile(sys.argv[2], "<given>", "exec"), namespace)
for line, code in json.loads(sys.argv[1]):
    exec(compile("\\n" * line + code, sys.argv[3], "exec", dont_inherit=True), namespace)
"""


def name(doc: Path) -> str:
    return doc.relative_to(ROOT).as_posix()


def blocks(doc: Path, info: str) -> list[tuple[int, str, str]]:
    """The fenced blocks of ``doc`` whose info string starts with ``info``: (line of their first
    line of code, the rest of the info string, code)."""
    text = doc.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(2)), m.group(1).strip(), m.group(2))
            for m in re.finditer(rf"^```{info}([^\n]*)\n(.*?)^```", text, re.M | re.S)]


@pytest.mark.parametrize("doc", [d for d in DOCS if blocks(d, "python")], ids=name)
def test_python_examples_run(doc: Path, tmp_path: Path) -> None:
    runnable = [(line, code) for line, tag, code in blocks(doc, "python") if tag != "no-run"]
    run = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(runnable), GIVEN.get(name(doc), ""), name(doc)],
                         cwd=tmp_path, env=ENV, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-3000:]


def test_the_options_named_are_the_clis() -> None:
    command = cli.commands["clean"]
    assert isinstance(command, click.Command)
    known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    named = {(name(doc), option) for doc in DOCS
             for option in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", doc.read_text(encoding="utf-8"))}
    assert {(doc, option) for doc, option in named if option not in known | OTHER_TOOLS} == set()


def same_where_shown(shown: dict, real: dict) -> None:
    """An abridged example: the fields it shows are the real ones ("…" elides a value)."""
    assert set(shown) <= set(real), set(shown) - set(real)
    for key, value in shown.items():
        if isinstance(value, list):
            assert len(value) <= len(real[key])
            for shown_item, real_item in zip(value, real[key]):
                same_where_shown(shown_item, real_item)
        elif value != "…":
            assert value == real[key], key


@pytest.fixture(scope="module")
def seed_report() -> dict:
    return Cleaner().clean(SEED.read_text(encoding="utf-8"), id=SEED.name).to_dict()


def test_the_report_schema_example_is_the_seeds_report(seed_report: dict) -> None:
    (_, _, example), = blocks(ROOT / "docs" / "report-schema.md", "json")
    shown = json.loads(example)
    assert [key for key in seed_report if key != "text"] == list(shown)
    assert shown["removed"][0] == seed_report["removed"][0]
    assert shown["repairs"][0] == seed_report["repairs"][0]
    same_where_shown({k: v for k, v in shown.items() if k not in ("removed", "repairs")}, seed_report)


def test_the_readme_report_is_the_seeds_report(seed_report: dict) -> None:
    (_, _, example), = blocks(ROOT / "README.md", "json")
    same_where_shown(json.loads(example), seed_report | {"id": "seeds/" + SEED.name})


def test_the_readme_stage_table_is_the_default_pipeline() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Stages", 1)[1].split("\n## ", 1)[0]
    rows = [re.findall(r"`(\w+)`", line.split("|")[1]) for line in readme.splitlines() if line.startswith("| `")]
    assert [stage for row in rows for stage in row] == [stage.name for stage in Cleaner().stages]


def test_the_config_example_builds_a_cleaner(tmp_path: Path) -> None:
    (_, _, example), = [b for b in blocks(ROOT / "docs" / "stages.md", "toml") if "pipeline =" in b[2]]
    config = tmp_path / "cleanscrape.toml"
    config.write_text(example, encoding="utf-8")
    assert [stage.name for stage in Cleaner(config=config).stages] == tomllib.loads(example)["pipeline"]


def test_the_lexicon_example_uses_the_lists_there_are() -> None:
    (_, _, example), = blocks(ROOT / "docs" / "lexicons.md", "toml")
    assert set(tomllib.loads(example)["related"]) <= set(KINDS)


def test_the_stage_listing_shown_is_the_commands() -> None:
    (_, _, example), = [b for b in blocks(ROOT / "docs" / "stages.md", "text") if "$ cleanscrape stages" in b[2]]
    command, expected = example.split("\n", 1)
    run = subprocess.run([sys.executable, "-m", "cleanscrape", *command.split()[2:]], env=ENV, capture_output=True, check=True)
    assert run.stdout.decode("utf-8") == expected


def test_the_readme_before_and_after_is_the_seeds() -> None:
    shown_input, shown_output = [code for _, _, code in blocks(ROOT / "README.md", "text")][:2]
    run = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", "--quiet", str(SEED)], env=ENV,
                         capture_output=True, check=True)
    for shown, real in ((shown_input, SEED.read_text(encoding="utf-8")), (shown_output, run.stdout.decode("utf-8"))):
        pieces = [piece.strip() for line in shown.splitlines() for piece in line.split("…") if piece.strip()]
        assert [piece for piece in pieces if piece not in real] == []
