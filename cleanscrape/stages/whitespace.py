"""Whitespace normalisation: indentation, trailing spaces, and blank-line runs.

Runs last: which blank lines are redundant depends on what the other stages removed.
Only line edges and whole blank lines are touched; spaces inside a line are content
(and changing them would break byte-identity on text that needs no cleaning).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import LAYOUT_WHITESPACE, Document, Line
from ..stage import Count, Stage, register_stage


@register_stage
class WhitespaceStage(Stage):
    name = "whitespace"
    categories = ("whitespace",)

    @dataclass(frozen=True)
    class Options:
        #: blank lines kept between two kept lines (more are removed)
        max_blank_lines: Count = 1
        strip_lines: bool = True

    options: WhitespaceStage.Options

    def process(self, doc: Document) -> None:
        # one pass over the kept lines, each stripped once: a run of blank lines is judged
        # when the next line with content ends it (inside the text, or before it), or at the
        # end (after the text); the lines are removed in order all the same, and the lines
        # with layout at an edge (few: most have none) stripped after them
        max_blank = self.options.max_blank_lines
        last: Line | None = None  # the last line with content so far
        edged: list[Line] = []
        blank_run: list[Line] = []
        for line in doc.lines:
            if line.removed:
                continue
            text = line.text
            content = text.strip(LAYOUT_WHITESPACE)
            if not content:
                blank_run.append(line)
                continue
            if blank_run:
                if last is None:
                    self._remove_blank(doc, blank_run, "blank line before the text")
                else:
                    if len(blank_run) > max_blank:
                        self._remove_blank(doc, blank_run[max_blank:],
                                           f"more than {max_blank} blank line(s) in a row")
                    # a blank line kept keeps no layout: a CRLF text's "\r" alone was left on
                    # it, the lines around it stripped of theirs, the output's line ends mixed
                    for blank in blank_run[:max_blank]:
                        if blank.text:
                            edged.append(blank)
                blank_run = []
            if len(content) < len(text):
                edged.append(line)
            last = line
        if last is None:
            self._remove_blank(doc, blank_run, "blank document")
            return
        if blank_run:  # (most documents end on a line with content: no call for nothing)
            self._remove_blank(doc, blank_run, "blank line after the text")
        if last.index + 1 < len(doc.lines) and not doc.is_removed(last.end):
            self.remove_span(doc, last.end, last.end + 1, "newline after the last line")
        if self.options.strip_lines:
            for line in edged:
                self._strip_edges(doc, line)

    def _remove_blank(self, doc: Document, lines: list[Line], reason: str) -> None:
        """Remove the blank ``lines`` for ``reason`` (an empty last line has nothing to remove)."""
        for line in lines:
            if line.end > line.start or line.index + 1 < len(doc.lines):
                self.remove_line(doc, line, reason)

    def _strip_edges(self, doc: Document, line: Line) -> None:
        """Remove the layout at the edges of ``line`` (a line with some at one edge), or
        all of a blank line's."""
        current = line.text
        if not current.strip(LAYOUT_WHITESPACE):
            if doc.text[line.start:line.end] == current:  # (as below)
                self.remove_span(doc, line.start, line.end, "whitespace on a blank line")
            return
        lead = len(current) - len(current.lstrip(LAYOUT_WHITESPACE))
        trail = len(current) - len(current.rstrip(LAYOUT_WHITESPACE))
        # Edge whitespace is rarely part of a repair, so current == input offsets here as
        # long as no repair touches the line's edges; check and skip otherwise.  The same
        # characters at an edge are not enough: ftfy reads "Â " as a no-break space, and
        # the line "Â Ã\u00ad " comes back "\u00a0í " with its last space the input's
        # second, while the repair of "Ã\u00ad " took the input's last.
        source = doc.text[line.start:line.end]
        if lead and source[:lead] == current[:lead] and not doc.is_repaired(line.start, line.start + lead):
            self.remove_span(doc, line.start, line.start + lead, "indentation")
        if (trail and source[len(source) - trail:] == current[len(current) - trail:]
                and not doc.is_repaired(line.end - trail, line.end)):
            self.remove_span(doc, line.end - trail, line.end, "trailing whitespace")
