"""cleanscrape: clean main text out of raw scraped web text, with a report of every
removal and repair.

    >>> from cleanscrape import clean
    >>> result = clean(raw_text)
    >>> result.text, result.removed, result.repairs, result.lang
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the names a type checker sees: ``X as X`` exports them under --strict too)
    from .cleaner import DEFAULT_STAGES as DEFAULT_STAGES, Cleaner as Cleaner, Result as Result, clean as clean
    from .document import (Block as Block, Document as Document, Line as Line, Removal as Removal,
                           Repair as Repair, apply_edits as apply_edits)
    from .stage import (Stage as Stage, StageConfigError as StageConfigError, available_stages as available_stages,
                        register_stage as register_stage)

#: the public names, by the module that defines them: imported when first used, so that
#: ``import cleanscrape`` costs nothing until then, and the command line's entry point
#: (__main__.main) can take a Ctrl-C during its imports (~0.15 s) as an interrupted run
_DEFINED_IN = {
    "clean": "cleaner",
    "Cleaner": "cleaner",
    "Result": "cleaner",
    "DEFAULT_STAGES": "cleaner",
    "Document": "document",
    "Line": "document",
    "Block": "document",
    "Removal": "document",
    "Repair": "document",
    "apply_edits": "document",
    "Stage": "stage",
    "StageConfigError": "stage",
    "register_stage": "stage",
    "available_stages": "stage",
}

__all__ = list(_DEFINED_IN)

__version__ = "0.1.0"


if not TYPE_CHECKING:  # (seen by a type checker, it made every attribute Any: a misspelt name passed)
    def __getattr__(name: str) -> Any:
        module = _DEFINED_IN.get(name)
        if module is not None:
            value = getattr(importlib.import_module(f".{module}", __name__), name)
            globals()[name] = value  # (asked once)
            return value
        if not name.startswith("__"):  # (tools probe modules for __wrapped__, __test__...)
            # a submodule, as ``import cleanscrape`` used to import most of them (``cleanscrape.document``)
            try:
                return importlib.import_module(f".{name}", __name__)
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_DEFINED_IN})
