"""What recently cleaned documents of the same source wrote intact.

A site names the same people, places and products on many pages: "Kaczyński" written
intact on one page of a site restores "Kaczy?ski" on the next, where no word list knows
the name.  Issue #4 ranks this evidence between the document's own intact words and the
word list.

The memory is scoped to a run of consecutive documents (a batch of the stream, see
:mod:`cleanscrape.parallel`), so that cleaning a dump with 1 or N worker processes gives
the same bytes: each batch starts with an empty memory and cleans its documents in order.
It is bounded (sources, words per source), so it stays small on any input.

Only the words a restoration can produce are kept: those with a non-ASCII letter (a lost
character is never plain ASCII), lower-cased, each with the number of earlier documents
that wrote it intact.  The lines that hold a "?" or U+FFFD, or that a
stage repaired, teach nothing: their words are guesses or fragments.

Few documents are damaged, so the words are counted only when a damaged document of the
source asks for them: until then a document's lines wait as they are (at most
``MAX_PENDING_DOCUMENTS`` per source), which saves the counting on nearly every batch.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from typing import TYPE_CHECKING, Any, Callable, Mapping
from urllib.parse import urlsplit

from .language import language_data
from .vocabulary import restorable_words
from .wordlist import shape

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["SourceMemory", "SourceWords", "source_of", "MAX_SOURCES", "MAX_WORDS_PER_SOURCE"]

#: sources remembered at once; the least recently seen is forgotten first
MAX_SOURCES = 64
#: distinct words remembered per source; once full, new words are not added
MAX_WORDS_PER_SOURCE = 20_000
#: documents whose lines may wait, per source, before their words are counted anyway
#: (bounds a scope that lives longer than a batch; a batch holds at most BATCH_RECORDS = 16)
MAX_PENDING_DOCUMENTS = 16


def source_of(metadata: Mapping[str, Any] | None) -> str | None:
    """A record's source: its ``source`` field, else the host of its ``url`` (lower-cased);
    None when it has neither."""
    if not metadata:
        return None
    source = metadata.get("source")
    if isinstance(source, str) and source.strip():
        return source.strip()
    url = metadata.get("url")
    if isinstance(url, str) and url:
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:  # a malformed URL ("http://[::1")
            return None
        return host or None
    return None


class SourceWords:
    """The restorable words one source wrote intact in earlier documents."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.documents = 0
        self._counts: Counter = Counter()
        self._shapes: dict[str, set[str]] = {}
        #: documents not counted yet: their teaching lines (or the text they are the lines
        #: of) and their language's lower()
        self._pending: list[tuple[list[str] | str, Callable[[str], str]]] = []

    @property
    def counts(self) -> Counter:
        """Lower-cased word -> number of earlier documents that wrote it intact."""
        self._count_pending()
        return self._counts

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def words_of_shape(self, word_shape: str) -> set[str]:
        self._count_pending()
        return self._shapes.get(word_shape, set())

    def add_document(self, lines: list[str] | str, lower: Callable[[str], str]) -> None:
        """Remember a document by the lines that may teach (not repaired; those with a slot
        are left out when counted): a list of them, or the text they are the lines of (split
        only when counted)."""
        self.documents += 1
        self._pending.append((lines, lower))
        if len(self._pending) > MAX_PENDING_DOCUMENTS:  # a batch's documents all wait
            self._count_pending()

    def _count_pending(self) -> None:
        # in the order the documents came: the cap keeps the same words as counting each
        # document at once would
        for lines, lower in self._pending:
            if isinstance(lines, str):
                lines = lines.split("\n")
            for word in sorted(restorable_words(lines, lower)):  # sorted: the cap does not hang on hashing
                if word not in self._counts and len(self._counts) >= MAX_WORDS_PER_SOURCE:
                    continue
                self._counts[word] += 1
                self._shapes.setdefault(shape(word), set()).add(word)
        self._pending.clear()


class SourceMemory:
    """Per source, the intact words of the documents cleaned so far in this scope."""

    def __init__(self) -> None:
        self._sources: OrderedDict[str, SourceWords] = OrderedDict()

    def __len__(self) -> int:
        return len(self._sources)

    def recall(self, source: str | None) -> SourceWords | None:
        """What ``source`` wrote in earlier documents (None: nothing yet)."""
        if source is None or source not in self._sources:
            return None
        self._sources.move_to_end(source)
        return self._sources[source]

    def learn(self, source: str | None, doc: Document) -> None:
        """Remember the intact words of ``doc``, cleaned without error."""
        if source is None:
            return
        if source not in self._sources:
            if len(self._sources) >= MAX_SOURCES:
                self._sources.popitem(last=False)
            self._sources[source] = SourceWords(source)
        self._sources.move_to_end(source)
        lines: list[str] | str = doc.text
        if doc.current_text() is not doc.text:  # something was repaired
            repaired = {repair.line for repair in doc.repairs}
            lines = [line.text for line in doc.lines if line.index not in repaired]
        # else every line teaches, and the input is their text: split into lines only if a
        # damaged document of the source asks for the words (most batches never do)
        data = language_data(doc.lang)
        self._sources[source].add_document(lines, data.lower if data else str.lower)
