"""cleanscrape: clean main text out of raw scraped web text, with a report of every
removal and repair.

    >>> from cleanscrape import clean
    >>> result = clean(raw_text)
    >>> result.text, result.removed, result.repairs, result.lang
"""

from .cleaner import DEFAULT_STAGES, Cleaner, Result, clean
from .document import Block, Document, Line, Removal, Repair, apply_edits
from .stage import Stage, StageConfigError, available_stages, register_stage

__all__ = [
    "clean",
    "Cleaner",
    "Result",
    "DEFAULT_STAGES",
    "Document",
    "Line",
    "Block",
    "Removal",
    "Repair",
    "apply_edits",
    "Stage",
    "StageConfigError",
    "register_stage",
    "available_stages",
]

__version__ = "0.1.0"
