"""Navigation: search boxes, menus, section labels, breadcrumbs, "skip to content", "listen
live" widgets.

Phrases catch the labelled kinds ("Rechercher", "Page d'accueil >> International").  Section
names ("Politics", "International") are common words, so the lexicon lists them as
``line_near``: they go next to other navigation, and two structural rules catch the rest:

* a menu: a run of at least ``min_menu_run`` consecutive section-name lines;
* a label: a line of at most ``max_label_words`` words, not a sentence, sitting between two
  lines already removed as boilerplate (this stage runs after the other lexicon stages).

A one-word line between two kept content lines (sentences, or lines of ``content_line_words``)
is a lone label, likely a subheading ("More:" above a list, "All..." closing a teaser): weak
evidence never takes it, and a ``line`` phrase only when the line does not go on with ":" or
"…" ("Advertisement", "- Anzeige -").  Words that head article sections as often as menus
("Staff", "Up next") are ``line_near`` in the lexicon.

Breadcrumbs without a "Home" word ("Mensagens » Mensagens de Autoestima » Só quem se Ama…")
are recognised by their shape: at least ``min_breadcrumb_steps`` short steps joined by
chevrons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
from typing import Annotated

from ..document import Document, Line
from ..features import ELLIPSES
from ..lexicon import Hit, category_hits, lines_matching, normalized_lines
from ..stage import Count, Range, register_stage
from ._lexicon_rules import (
    LexiconStage,
    content_index,
    is_sentence,
    next_content_line,
    previous_content_line,
    word_count,
)

#: breadcrumb separators: "»", "›", ">>" and a spaced ">" (a bare ">" also appears in prose
#: and code); "/" and "|" also join menus and dates, so they do not count here
_CHEVRONS = re.compile(r"\s*(?:»|›|>>|\s>\s)\s*")
#: one chevron in a normalised line (whose only whitespace is " "): "»", "›", ">>", " > "
#: (each alternative starts with its chevron, so the scan jumps between the three characters
#: instead of stopping at every space), and the characters one must hold
_CHEVRON = re.compile(r"»|›|>(?:>|(?<= >) )")
_CHEVRON_CHARS = ("»", "›", ">")
#: endings of a label that opens what follows or is cut short ("More:", "All...")
_OPENERS = (":", "…", "...")
_KIND = attrgetter("kind")


@register_stage
class NavigationStage(LexiconStage):
    name = "navigation"
    categories = ("navigation",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: shortest run of section-name lines taken as a menu
        min_menu_run: Annotated[int, Range(1)] = 3
        #: longest line taken as a label between two removed lines
        max_label_words: Count = 4
        #: fewest steps (chevron-separated parts) of a breadcrumb ...
        min_breadcrumb_steps: Count = 3
        #: ... each of at most this many words
        max_breadcrumb_step_words: Count = 8
        #: a line of this many words, or a sentence, is content around a lone label
        content_line_words: Count = 6

    options: NavigationStage.Options

    def evidence(self, doc: Document, index: int, hits: list[Hit], norms: list[str]) -> tuple[list[Hit], bool]:
        if not self.is_lone_label(doc, index, norms):
            return hits, True
        if doc.lines[index].text.rstrip().endswith(_OPENERS):
            hits = [h._replace(kind="line_near") if h.kind == "line" and not h.phrase.endswith(_OPENERS) else h
                    for h in hits]
        return hits, False

    def is_lone_label(self, doc: Document, index: int, norms: list[str]) -> bool:
        """A one-word line between two kept content lines."""
        # one word: a normalised line's only whitespace is single spaces between its words;
        # the line after is found only when the line before is content (in a menu it is not)
        norm = norms[index]
        return norm != "" and " " not in norm and self._is_kept_content(previous_content_line(doc, index), norms) \
            and self._is_kept_content(next_content_line(doc, index), norms)

    def _is_kept_content(self, line: Line | None, norms: list[str]) -> bool:
        return line is not None and not line.removed and (
            is_sentence(line.text) or word_count(norms[line.index]) >= self.options.content_line_words)

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        return self.remove_menu_runs(doc) + self.remove_breadcrumbs(doc) + self.remove_labels_between_boilerplate(doc)

    def remove_breadcrumbs(self, doc: Document) -> list[int]:
        norms = normalized_lines(doc)
        taken: list[int] = []
        for index in lines_matching(doc, _CHEVRON, _CHEVRON_CHARS):
            line, norm = doc.lines[index], norms[index]
            if line.removed:
                continue
            # the last step may be a title cut short ("Só quem se Ama…"), not a sentence; asked
            # before the line is split on its chevrons: half the lines a chevron is found on end
            # like a sentence (prose quoting in guillemets)
            ending = line.text.rstrip()
            if is_sentence(ending) and not ending.endswith(ELLIPSES):
                continue
            steps = [step for step in _CHEVRONS.split(norm) if step.strip()]
            if len(steps) >= self.options.min_breadcrumb_steps \
                    and all(len(step.split()) <= self.options.max_breadcrumb_step_words for step in steps):
                self.remove_line(doc, line, f"breadcrumb of {len(steps)} steps joined by chevrons")
                taken.append(line.index)
        return taken

    def remove_menu_runs(self, doc: Document) -> list[int]:
        hits = category_hits(doc, self.category)
        if not hits:
            return []  # no section name, no menu of them
        lines = doc.lines
        # (the kinds tested by a search of a map in C: a generator made for each line with
        # hits cost twice as much)
        names = [i for i, line_hits in hits.items()  # in line order
                 if not lines[i].removed and "line_near" in map(_KIND, line_hits)]
        taken: list[int] = []
        run: list[int] = []
        for index in names + [-1]:
            if run and index >= 0 and self._adjacent(doc, run[-1], index):
                run.append(index)
                continue
            if len(run) >= self.options.min_menu_run:
                reason = f"run of {len(run)} section-name lines (a menu) from line {run[0] + 1}"  # worded once
                for i in run:
                    self.remove_line(doc, i, reason)
                taken.extend(run)
            run = [index]
        return taken

    @staticmethod
    def _adjacent(doc: Document, a: int, b: int) -> bool:
        """Are non-blank lines ``a`` < ``b`` consecutive once blank lines are ignored?"""
        ranks = content_index(doc)[1]
        return ranks[b] == ranks[a] + 1

    def remove_labels_between_boilerplate(self, doc: Document) -> list[int]:
        """Short lines whose neighbours (blank lines aside) are both removed: found from the
        removed lines, not by walking every line.  Removing such a label makes no other line
        one (its neighbours are removed already), so the removed lines are looked up once."""
        removed_indices = list(doc.removed_line_indices())
        if len(removed_indices) < 2:  # most short documents: no pair of removed lines
            return []
        norms = normalized_lines(doc)
        nonblank, ranks = content_index(doc)
        removed = {ranks[i] for i in removed_indices if not doc.lines[i].is_blank}
        taken: list[int] = []
        for rank in sorted(removed):
            if rank + 1 in removed or rank + 2 not in removed:
                continue
            line = doc.lines[nonblank[rank + 1]]
            words = word_count(norms[line.index])
            if 1 <= words <= self.options.max_label_words and not is_sentence(line.text):
                self.remove_line(doc, line, f"{words}-word label between removed lines "
                                            f"{nonblank[rank] + 1} and {nonblank[rank + 2] + 1}")
                taken.append(line.index)
        return taken
