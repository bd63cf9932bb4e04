"""A third-party stage, as a plugin package would ship it (used by tests/test_plugins.py)."""

from __future__ import annotations

from dataclasses import dataclass

from cleanscrape import Stage
from cleanscrape.document import Document


class AdvertStage(Stage):
    """Removes lines that are exactly an advertising label."""

    name = "advert_label"
    categories = ("advert",)

    @dataclass(frozen=True)
    class Options:
        labels: tuple[str, ...] = ("advertisement", "anzeige", "publicité")

    def process(self, doc: Document) -> None:
        for line in doc.kept_nonblank_lines():
            label = line.text.strip().lower()
            if label in self.options.labels:
                self.remove_line(doc, line, f"advertising label {label!r}")
