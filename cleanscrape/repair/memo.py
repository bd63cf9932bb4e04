"""Remembering the answers of the repair's questions: for the document being read, or for
the run being resolved.

The repair rules ask the same questions again for every candidate and every pass over a
line; an object whose methods are decorated here keeps the answers in its own dicts:
``_answers`` (for the document), and ``_run_answers`` with the ``_run_line`` and ``_run``
they are about (for the run).
"""

from __future__ import annotations

from functools import wraps

from .damage import DamagedRun

__all__ = ["per_document", "per_run"]

_NOT_ASKED = object()


def per_document(method):
    """``method``, a question about words alone (their frequencies, their readings, the
    forms the word list has of them) or about a line as the page wrote it, answered once
    per resolver, which reads one document: the rules ask it again for every candidate and
    every pass over a line."""
    @wraps(method)
    def remembered(self, *args):
        key = (method, args)  # the call's own tuple of arguments, not a copy with the method first
        answer = self._answers.get(key, _NOT_ASKED)
        if answer is _NOT_ASKED:
            answer = self._answers[key] = method(self, *args)
        return answer
    return remembered


def per_run(method):
    """``method``, a question about the context of the run being resolved (the words
    around it in ``line``), answered once per resolution: each of the run's candidates asks
    it again.  What a resolution remembered is forgotten at the next one (the line it read
    changes as the runs before are repaired).  Remembered by the method alone, the line and
    the run being those of the resolution (asked ~100,000 times on the Czech damaged dev
    docs: a key of the three was built and hashed for each); asked of others, it is worked out."""
    @wraps(method)
    def remembered(self, line: str, run: DamagedRun):
        if line is not self._run_line or run is not self._run:
            return method(self, line, run)
        answer = self._run_answers.get(method, _NOT_ASKED)
        if answer is _NOT_ASKED:
            answer = self._run_answers[method] = method(self, line, run)
        return answer
    return remembered
