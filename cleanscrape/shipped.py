"""Data shipped built as well: what a data file (the source, edited by hand or installed
with a dependency) gives, pickled in the package with the digest of the bytes it was built
from.

A process unpickles the built copy (parsing and building took every process ~40 ms for the
lexicons and the repair languages' table, ~95 ms for langdetect's profiles; unpickling
them, ~3 and ~25), and builds from the source itself when it is not the one the copy was
built from.  The copies are compressed with zstd (langdetect's profiles 3.3 → 1.4 MB in the
repository and the package, for ~4 ms of decompression).  They are written by
``python tools/build_shipped.py``; the tests check that each is what its source builds.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generic, TypeVar, cast

import zstandard

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["Shipped"]

T = TypeVar("T")


@dataclass(frozen=True)
class Shipped(Generic[T]):
    """``build()``, made from ``source`` (the bytes of its data files), shipped built as
    ``copy``, a file of the package."""

    copy: Traversable
    source: bytes
    build: Callable[[], T]

    def load(self) -> T:
        """The shipped copy when it was built from ``source``, else ``build()``."""
        built = self.shipped()
        return cast(T, built) if built is not None else self.build()

    def shipped(self) -> object | None:
        """The shipped copy if it was built from ``source`` (None if not, or if none is)."""
        if not self.copy.is_file():
            return None
        # the digest on a line of its own ahead of the compressed pickle: a copy built from
        # another source is told without decompressing and unpickling it (~40 ms for
        # langdetect's profiles)
        with self.copy.open("rb") as fh:
            digest, _, packed = fh.read().partition(b"\n")
        if digest != self._digest():
            return None
        return pickle.loads(zstandard.ZstdDecompressor().decompress(packed))

    def write(self) -> None:
        """Ship ``build()`` as ``copy``."""
        packed = zstandard.ZstdCompressor(level=19).compress(pickle.dumps(self.build(), protocol=pickle.HIGHEST_PROTOCOL))
        Path(str(self.copy)).write_bytes(self._digest() + b"\n" + packed)

    def _digest(self) -> bytes:
        return hashlib.blake2b(self.source).hexdigest().encode("ascii")
