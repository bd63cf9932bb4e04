"""Whitespace normalisation: indentation, trailing spaces, and blank-line runs.

Runs last: which blank lines are redundant depends on what the other stages removed.
Only line edges and whole blank lines are touched; spaces inside a line are content
(and changing them would break byte-identity on text that needs no cleaning).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import LAYOUT_WHITESPACE, Document
from ..stage import Stage, register_stage


@register_stage
class WhitespaceStage(Stage):
    name = "whitespace"
    categories = ("whitespace",)

    @dataclass(frozen=True)
    class Options:
        #: blank lines kept between two kept lines (more are removed)
        max_blank_lines: int = 1
        strip_lines: bool = True

    def process(self, doc: Document) -> None:
        kept = list(doc.kept_lines())
        content = [line for line in kept if line.text.strip(LAYOUT_WHITESPACE)]
        if not content:
            for line in kept:
                if line.end > line.start or line.index + 1 < len(doc.lines):
                    self.remove_line(doc, line, "blank document")
            return
        first, last = content[0].index, content[-1].index
        blank_run = 0
        for line in kept:
            if line.text.strip(LAYOUT_WHITESPACE):
                blank_run = 0
                continue
            if line.index < first:
                reason = "blank line before the text"
            elif line.index > last:
                reason = "blank line after the text"
            else:
                blank_run += 1
                if blank_run <= self.options.max_blank_lines:
                    continue
                reason = f"more than {self.options.max_blank_lines} blank line(s) in a row"
            if line.end > line.start or line.index + 1 < len(doc.lines):
                self.remove_line(doc, line, reason)
        last_line = doc.lines[last]
        if last + 1 < len(doc.lines) and not doc.is_removed(last_line.end):
            self.remove_span(doc, last_line.end, last_line.end + 1, "newline after the last line")
        if self.options.strip_lines:
            for line in content:
                # most lines have no layout at either edge: nothing to strip, and no call
                if line.text[0] in LAYOUT_WHITESPACE or line.text[-1] in LAYOUT_WHITESPACE:
                    self._strip_edges(doc, line)

    def _strip_edges(self, doc: Document, line) -> None:
        """Remove the layout at the edges of ``line`` (a line with some at one edge)."""
        current = line.text
        lead = len(current) - len(current.lstrip(LAYOUT_WHITESPACE))
        trail = len(current) - len(current.rstrip(LAYOUT_WHITESPACE))
        # Edge whitespace is never the target of a repair, so current == input offsets here
        # as long as no repair touches the line's edges; check and skip otherwise.
        source = doc.text[line.start:line.end]
        if lead and source[:lead] == current[:lead]:
            self.remove_span(doc, line.start, line.start + lead, "indentation")
        if trail and source[len(source) - trail:] == current[len(current) - trail:]:
            self.remove_span(doc, line.end - trail, line.end, "trailing whitespace")
