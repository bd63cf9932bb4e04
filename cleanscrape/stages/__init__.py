"""Built-in stages: one module per stage, each registering itself with ``@register_stage``.

Every module in this package is imported here, so adding a stage is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")
