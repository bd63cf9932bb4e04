"""Data files shipped built as well: what a data file (edited by hand, the source) gives,
pickled beside it with the digest of the text it was built from.

A process unpickles the built copy (parsing TOML and building from it cost every process
~40 ms for the lexicons and the repair languages' table; unpickling, ~3), and reads the
data file itself when it is not the one the copy was built from.  The copies are written by
``python tools/build_shipped.py``; the tests check that each is what its data file builds.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar, cast

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["load", "shipped_copy", "write"]

T = TypeVar("T")


def load(folder: Traversable, name: str, build: Callable[[str], T]) -> T:
    """``build`` of the text of ``folder/<name>.toml``: its shipped copy when that was built
    from this text."""
    text = _source(folder, name)
    copy = shipped_copy(folder, name, text)
    return cast(T, copy) if copy is not None else build(text)


def shipped_copy(folder: Traversable, name: str, text: str) -> object | None:
    """The built copy shipped as ``folder/<name>.pickle`` if it was built from ``text``."""
    path = folder / f"{name}.pickle"
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        digest, built = pickle.load(fh)
    return built if digest == _digest(text) else None


def write(folder: Traversable, name: str, build: Callable[[str], object]) -> None:
    """Ship ``build`` of ``folder/<name>.toml`` as ``folder/<name>.pickle``."""
    text = _source(folder, name)
    copy = pickle.dumps((_digest(text), build(text)), protocol=pickle.HIGHEST_PROTOCOL)
    Path(str(folder / f"{name}.pickle")).write_bytes(copy)


def _source(folder: Traversable, name: str) -> str:
    return (folder / f"{name}.toml").read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8")).hexdigest()
