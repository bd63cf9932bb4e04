"""Duplicate content inside one document: the later copy goes, the first one stays.

Scrapes repeat things: the title printed twice (page heading and article heading), the
lead paragraph printed again under the article, a teaser of the article cut with "…",
an image caption repeated in a gallery.  Three checks, cheapest first, over the lines
still kept by earlier stages:

``exact``
    the normalised line (:func:`cleanscrape.lexicon.normalize`: case, spaces,
    apostrophes and edge punctuation folded) equals an earlier one, and a line too short for
    the near check (a title) does so with its quotation marks and dashes set aside
    (:func:`cleanscrape.lexicon.copy_keys`: « » or " ", - or –);
``truncated``
    the line ends with "..." or "…" and what precedes it starts another line
    ("… a déclaré M. Lavrov à..." against the full sentence): the teaser goes,
    wherever it stands; so does a teaser cut without an ellipsis, if it is long
    (``near_min_words``) and ends inside a sentence, as a cut at a word count does: a
    paragraph of twenty words that another goes on from mid-sentence is its copy;
``joined``
    the line is other kept lines run together (a page's whole article body repeated as
    one line, as structured data or a print version put it): it goes, whichever copy
    comes first, since the separate lines keep the paragraphs;
``near``
    the line is ``near_similarity`` or more similar to an earlier one (rapidfuzz's
    normalised Indel similarity) and has the same numbers: the same paragraph with a
    word changed or a typo fixed.  Templated list items ("1 cup spinach, 2 eggs" /
    "1 cup spinach, 3 eggs") differ in their numbers and stay.

Cost stays near linear: exact copies are a dict lookup, teasers a bisection in the
sorted normalised lines, and near copies are only compared within candidate pairs that
share one of a few rare-ish words (a bottom-k sketch), at most ``max_candidates`` per line,
each compared once by rapidfuzz; and the sketches are made only for a document where two
such lines are that similar at all, which a comparison of the lines close in length tells
first, within the same bound (most documents repeat no paragraph).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from ..document import LAYOUT_WHITESPACE, Document
from ..features import ELLIPSES, SENTENCE_END, line_features
from ..lexicon import copy_keys, normalize, normalized_lines
from ..stage import Count, Share, Stage, register_stage

_NUMBER = re.compile(r"\d+")
#: what a line ends with where it was not cut: a sentence's end, its closing quote or bracket,
#: a colon before a list
_CUT_ENDS = frozenset(SENTENCE_END) | frozenset("\"'»”’)]:;")
#: how a joined copy's pieces are found: by their first characters
_JOINED_ANCHOR = 20
#: what the near-copy sketch search costs a line, in ``max_candidates`` comparisons: its
#: own comparisons and as much again twice in word sets, counts and sorts (~16 us a line of
#: the benchmark pages, a comparison ~1.2 us); the pre-check that spares it may spend as much
_SKETCH_COMPARISONS = 3
#: the low bytes of the space and of the commonest letters of the Latin and Cyrillic
#: scripts ("о", "е", "а", "и", "н", "т"): about half of a line in these scripts, which the
#: near-copy pre-check first compares without them (see ``_some_pair_similar``)
_COMMON_BYTES = " etaoinhоеаинт".encode("utf-16-le")[::2]


@dataclass(slots=True)
class _Candidate:
    index: int
    norm: str
    words: frozenset[str] = frozenset()


@register_stage
class DuplicatesStage(Stage):
    name = "duplicates"
    categories = ("duplicate",)

    @dataclass(frozen=True)
    class Options:
        #: lines shorter than this (normalised; characters of scripts written without
        #: spaces count three, as in the line features: "商品の改造が商標法違反に！？" is a
        #: title) are never treated as duplicates: a repeated "Share" or "Advert" is
        #: boilerplate, for the other stages to judge
        min_chars: Count = 20
        #: a teaser must keep at least this much text before its ellipsis
        min_teaser_chars: Count = 20
        #: character-level similarity (rapidfuzz ratio: 1 - normalised Indel distance)
        #: from which two lines are the same paragraph
        near_similarity: Share = 0.9
        #: lines need this many distinct words for the near-copy check: a paragraph,
        #: not a templated item ("Vote for Anna on the last page!") where one changed
        #: word is the whole content
        near_min_words: Count = 20
        #: words per line used to find near-copy candidates (bottom-k sketch)
        sketch_words: Count = 4
        #: near-copy comparisons per line, at most
        max_candidates: Count = 8
        #: a line this long (normalised) may be other lines run together; they must cover
        #: ``joined_coverage`` of it, two lines at least
        joined_min_chars: Count = 400
        joined_coverage: Share = 0.9

    options: DuplicatesStage.Options

    def process(self, doc: Document) -> None:
        opts = self.options
        if len(doc.lines) < 2:  # a comment, a blurb: no line to be a copy of another
            return
        # the lexicon stages' normalised lines, computed once per document; a line a repair
        # split with a newline is normalised alone (normalized_lines masks its newline)
        norms = normalized_lines(doc)
        features = line_features(doc)
        candidates = [
            _Candidate(line.index, norm)
            for line in doc.lines
            # normalising only shortens a line: shorter lines need no look
            if not line.removed and not line.is_blank and (f := features[line.index]).length >= opts.min_chars
            for norm in (normalize(line.text) if "\n" in line.text else norms[line.index],)
            if len(norm) * f.length >= opts.min_chars * f.chars
        ]
        if len(candidates) < 2:
            return
        removed: set[int] = set()
        self._joined(doc, candidates, removed)
        self._exact(doc, [c for c in candidates if c.index not in removed], removed)
        self._truncated(doc, candidates, removed)
        self._near(doc, [c for c in candidates if c.index not in removed], removed)

    def _exact(self, doc: Document, candidates: list[_Candidate], removed: set[int]) -> None:
        # quotation marks and dashes are set aside only in lines too short for the near check
        # (titles, subheadings, captions): 39 % of the kept lines of the extraction dev pages,
        # 11 % of their text; a paragraph printed with other quotation marks is a near copy
        features = line_features(doc)
        short = [cand for cand in candidates if features[cand.index].words < self.options.near_min_words]
        keys = dict(zip([cand.index for cand in short], copy_keys([cand.norm for cand in short])))
        first_seen: dict[str, _Candidate] = {}
        for cand in candidates:
            original = first_seen.setdefault(keys.get(cand.index, cand.norm), cand)
            if original is not cand:
                marks = "" if original.norm == cand.norm else ", but for its quotation marks, apostrophes or dashes"
                self.remove_line(doc, cand.index, f"exact copy of line {original.index + 1}{marks}")
                removed.add(cand.index)

    def _joined(self, doc: Document, candidates: list[_Candidate], removed: set[int]) -> None:
        opts = self.options
        long = [c for c in candidates if len(c.norm) >= opts.joined_min_chars]
        if not long:
            return
        # a joined copy starts with its first piece, another line: most documents have
        # none, and are told by the lines' first characters alone
        anchors = Counter(doc.lines[c.index].text.lstrip(LAYOUT_WHITESPACE)[:_JOINED_ANCHOR] for c in candidates)
        long = [c for c in long if anchors[doc.lines[c.index].text.lstrip(LAYOUT_WHITESPACE)[:_JOINED_ANCHOR]] > 1]
        if not long:
            return
        texts = {c.index: doc.lines[c.index].text.strip(LAYOUT_WHITESPACE) for c in candidates}
        by_start: dict[str, list[int]] = {}
        for index, text in texts.items():
            by_start.setdefault(text[:_JOINED_ANCHOR], []).append(index)
        # Shortest first: a line that is itself a joined copy goes before a longer line may
        # take it as a piece, as a second run reads the page without it (a line of a sentence
        # 154 times took one of it 133 times, itself a joined copy of a line of it 22 times,
        # as its first piece, and the 21 left fitted none; the second run removed it as 7
        # copies of the 22).
        for cand in sorted(long, key=lambda c: len(texts[c.index])):
            text = texts[cand.index]
            # what the pieces may leave uncovered (spaces, a short heading): past it the
            # line is not a joined copy, and the search stops
            budget = (1 - opts.joined_coverage) * len(text)
            pieces: list[int] = []
            pos = uncovered = 0
            while pos < len(text) and uncovered <= budget:
                piece = next((i for i in by_start.get(text[pos:pos + _JOINED_ANCHOR], ())
                              if i != cand.index and i not in removed and len(texts[i]) < len(text)
                              and text.startswith(texts[i], pos)), None)
                if piece is None:
                    # no piece starts here: on to the next word
                    following = text.find(" ", pos)
                    following = len(text) if following < 0 else following + 1
                    uncovered += following - pos
                else:
                    pieces.append(piece)
                    following = pos + len(texts[piece])
                    while following < len(text) and text[following].isspace():
                        following += 1  # the space between two pieces
                pos = following
            if len(pieces) >= 2 and uncovered <= budget:
                lines = sorted(pieces)
                self.remove_line(doc, cand.index, f"copy of {len(lines)} kept lines run together "
                                                  f"(lines {lines[0] + 1}-{lines[-1] + 1})")
                removed.add(cand.index)

    def _truncated(self, doc: Document, candidates: list[_Candidate], removed: set[int]) -> None:
        kept = [c for c in candidates if c.index not in removed]
        teasers = []
        # the candidates' ends read, not the whole text searched for an ellipsis first (half
        # the pages hold one somewhere, and the search of "..." costs more than this loop)
        for cand in kept:
            # normalize() trims edge punctuation, so the ellipsis is read from the raw line
            raw = doc.lines[cand.index].text.rstrip(LAYOUT_WHITESPACE)
            if raw.endswith(ELLIPSES):  # most lines do not: one test in C, not one per ellipsis
                teasers.append((cand, raw, next(e for e in ELLIPSES if raw.endswith(e))))
            elif raw[-1:] not in _CUT_ENDS and cand.norm.count(" ") + 1 >= self.options.near_min_words:
                teasers.append((cand, raw, ""))
        if not teasers:
            return  # most documents: no line to look up, and the lines need no sorting
        ordered = sorted((c.norm, c.index) for c in kept)
        keys = [norm for norm, _ in ordered]
        for cand, raw, ellipsis in teasers:
            prefix = normalize(raw[: -len(ellipsis)]) if ellipsis else cand.norm
            if len(prefix) < self.options.min_teaser_chars:
                continue
            pos = bisect_left(keys, prefix)
            while pos < len(keys) and keys[pos].startswith(prefix):
                full_index = ordered[pos][1]
                if full_index != cand.index and full_index not in removed and len(keys[pos]) > len(prefix) \
                        and (ellipsis or keys[pos][len(prefix)] == " "):
                    how = f"({ellipsis})" if ellipsis else "(cut mid-sentence, no ellipsis)"
                    self.remove_line(doc, cand.index, f"truncated copy {how} of line {full_index + 1}")
                    removed.add(cand.index)
                    break
                pos += 1

    def _near(self, doc: Document, candidates: list[_Candidate], removed: set[int]) -> None:
        opts = self.options
        # as many words need one space less between them
        wordy = [cand for cand in candidates if cand.norm.count(" ") + 1 >= opts.near_min_words]
        if len(wordy) < 2 or not self._some_pair_similar(wordy):
            return
        eligible = []
        for cand in wordy:
            cand.words = frozenset(cand.norm.split())
            if len(cand.words) >= opts.near_min_words:
                eligible.append(cand)
        if len(eligible) < 2:
            return
        # Two copies of a paragraph share its rare words; two different paragraphs do
        # not.  Sketch each line by its rarest words that occur elsewhere at all.
        frequency = Counter(chain.from_iterable(cand.words for cand in eligible))
        # Rarest first, ties alphabetical.  A word on one line only matches nothing, so it
        # takes no place in a sketch; the shared words are ranked once for the document,
        # which makes a line's sketch a sort of ints.
        shared = sorted(sorted([word for word, count in frequency.items() if count > 1]),
                        key=frequency.__getitem__)
        rank = dict(zip(shared, range(1, len(shared) + 1)))  # no rank (None): not shared
        # lines by the ranks of their sketch's words (a rank stands for its word)
        by_rank: dict[int, list[_Candidate]] = {}
        for cand in eligible:
            sketch = sorted(filter(None, map(rank.get, cand.words)))[: opts.sketch_words]
            earlier: dict[int, _Candidate] = {}
            for word_rank in sketch:
                for other in by_rank.get(word_rank, ()):
                    if len(earlier) >= opts.max_candidates:
                        break
                    earlier.setdefault(other.index, other)
                by_rank.setdefault(word_rank, []).append(cand)
            for index in sorted(earlier):
                if index in removed:
                    continue
                other = earlier[index]
                similarity = fuzz.ratio(cand.norm, other.norm, score_cutoff=100 * opts.near_similarity) / 100
                # list items that differ only in a quantity, a score or a date are
                # different items, not copies (numbers read only for the rare similar pair)
                if similarity and _NUMBER.findall(cand.norm) == _NUMBER.findall(other.norm):
                    self.remove_line(
                        doc, cand.index, f"{similarity:.0%} similar to line {other.index + 1}",
                        score=similarity,
                    )
                    removed.add(cand.index)
                    break

    def _some_pair_similar(self, candidates: list[_Candidate]) -> bool:
        """Whether two of ``candidates`` may be ``near_similarity`` similar (False: no two
        are), or finding out would cost more than the sketch search (``_SKETCH_COMPARISONS``
        times ``max_candidates`` comparisons a line).

        A near copy is such a pair, so a document without one has none, and its lines need
        no words, frequencies or sketches (nearly every document: the search is set up for
        the few that repeat a paragraph).  Similar lines have similar lengths (the distance
        is at least their difference), so each line is compared only with the shorter lines
        within reach, in order of length."""
        similarity = self.options.near_similarity
        budget = _SKETCH_COMPARISONS * self.options.max_candidates * len(candidates)
        norms = sorted([cand.norm for cand in candidates], key=len)
        lengths = list(map(len, norms))
        # rapidfuzz looks each character beyond Latin-1 up in a hash table (two Cyrillic
        # lines compare ~3x as slowly as the same lines one byte a character), so the lines
        # are compared by their characters' low bytes (an ASCII line's are its own, taken
        # without the re-encoding): characters sharing one count as equal, which only adds
        # common subsequences, so a pair below the cutoff in bytes is below it in characters
        # too (the lengths and cutoffs stay the lines' own, in characters; a character
        # beyond the BMP gives two bytes, which only adds more; a lone surrogate, which a
        # text may hold, gives its own)
        lines = [norm.encode() if norm.isascii() else norm.encode("utf-16-le", "surrogatepass")[::2]
                 for norm in norms]
        # Without their commonest characters (about half of them) lines compare in about a
        # third of the time, and a common subsequence of two lines is one of what is left of
        # them plus at most as many of those characters as the longer line holds: a line
        # below the cutoff less its own common characters against the lines in reach, so
        # compared, is below the cutoff whole, and only the few others are compared whole.
        uncommon = [line.translate(None, _COMMON_BYTES) for line in lines]
        common = [len(line) - len(rest) for line, rest in zip(lines, uncommon)]
        for longer, line in enumerate(lines):
            # 1 - (a - b) / (a + b) >= s  <=>  b >= a * s / (2 - s); a character of slack
            # for the rounding (a wider reach only compares more)
            nearest = bisect_left(lengths, lengths[longer] * similarity / (2 - similarity) - 1, 0, longer)
            budget -= longer - nearest
            if budget < 0:
                return True
            if nearest == longer:
                continue
            # the shorter lines within reach compared in one call (rapidfuzz's loop, in C), by
            # their longest common subsequence: the ratio is 2 * LCS / (a + b), so a similar
            # pair has an LCS of at least s * (a + b) / 2, and at least what the shortest line
            # in reach needs (a character of slack for the rounding: a lower cutoff only finds
            # more pairs, and the sketch search judges them by the ratio; none below zero,
            # which rapidfuzz refuses, at near_similarity = 0).  rapidfuzz's LCS with a
            # whole-number cutoff is ~30 % faster than its ratio with the same one
            least = max(0, int(similarity * (lengths[longer] + lengths[nearest]) / 2) - 1)
            if process.extractOne(uncommon[longer], uncommon[nearest:longer], scorer=LCSseq.similarity,
                                  score_cutoff=max(0, least - common[longer])) is not None \
                    and process.extractOne(line, lines[nearest:longer], scorer=LCSseq.similarity,
                                           score_cutoff=least) is not None:
                return True
        return False
