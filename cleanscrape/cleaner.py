"""The Cleaner: a configured, reusable sequence of stages; and the Result it returns."""

from __future__ import annotations

import enum
import gc
import logging
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .document import Document, Removal, Repair, packed_removals, read_line_breaks, unpacked_removals
from .limits import DEFAULT_MAX_DOC_CHARS, DEFAULT_MAX_DOC_SECONDS, Deadline, DocumentTimeout, Limits
from .repair.source_memory import SourceMemory, source_of
from .stage import Stage, StageConfigError, check_stage_class, get_stage_class

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Cleaner", "Result", "DEFAULT_STAGES", "clean", "REPORT_VERSION"]

#: The default pipeline, in order.  Repairs come first so that every later stage sees
#: repaired words; whitespace comes last because it tidies around what others removed.
DEFAULT_STAGES: tuple[str, ...] = (
    "mojibake",
    "lossy_repair",
    "cookie_consent",
    "browser_notice",
    "share",
    "related",
    "tags",
    "comments",
    "newsletter",
    "paywall",
    "legal",  # before caption: "© 2019 X. All rights reserved" is a footer, not a photo credit
    "caption",
    "metadata",
    "navigation",
    "main_content",
    "duplicates",
    "invisible",  # after the line decisions: only the kept lines' soft hyphens are worth a removal
    "whitespace",
)

REPORT_VERSION = 1
#: an item of :meth:`Cleaner.clean_many`: a text, ``(id, text)`` or ``(id, text, metadata)``
#: (metadata None: none, as :meth:`Cleaner.clean` takes it)
StreamItem = str | tuple[str | None, str] | tuple[str | None, str, Mapping[str, Any] | None]

_log = logging.getLogger("cleanscrape")


@dataclass
class Result:
    """What cleaning one document produced."""

    text: str
    removed: list[Removal]
    repairs: list[Repair]
    lang: str | None
    id: str | None = None
    lang_method: str | None = None
    input_chars: int = 0
    #: set when the document could not be cleaned; ``text`` is then the input, unchanged
    error: str | None = None
    #: a limit (size, time) was hit: the document passed through unchanged
    flags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: the characters of the input read as line breaks, "\n" aside ("\r", U+2028, U+2029 of a
    #: text whose content holds no "\n": docs/cli.md, "Line breaks"); "" for most
    line_breaks: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # by position, as pickled_by_position does, with the removals packed (the workers of
        # clean_many send every result); removals left as they are pickle as they are (a
        # Result made by hand may hold a tuple of them, which unpacking took for packed)
        text, removed, *rest = _result_fields(self)
        packed = packed_removals(removed)
        if packed is removed:
            return Result, (text, removed, *rest)
        return _unpickled_result, (text, packed, *rest)

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The report record of this document (schema: docs/report-schema.md)."""
        d: dict[str, Any] = {"version": REPORT_VERSION, "id": self.id}
        if include_text:
            d["text"] = self.text
        d.update(
            {
                "status": "ok" if self.ok else "failed",
                "lang": self.lang,
                "lang_method": self.lang_method,
                "input_chars": self.input_chars,
                "output_chars": len(self.text),
                "removed": [r.to_dict() for r in self.removed],
                "repairs": [r.to_dict() for r in self.repairs],
            }
        )
        if self.error is not None:
            d["error"] = self.error
        if self.flags:
            d["flags"] = list(self.flags)
        if self.metadata:
            d["metadata"] = self.metadata
        if self.line_breaks:
            d["line_breaks"] = self.line_breaks
        return d


_result_fields = attrgetter(*(f.name for f in fields(Result)))
assert [f.name for f in fields(Result)][:2] == ["text", "removed"]


def _unpickled_result(text: str, packed: tuple[Any, ...], *rest: Any) -> Result:
    return Result(text, unpacked_removals(packed), *rest)


def _load_config_file(path: str | Path) -> dict[str, Any]:
    if not isinstance(path, (str, bytes, os.PathLike)):
        # (open() takes an integer for a file descriptor: config=3 read the caller's fd 3 and
        # closed it, config=True closed stdout)
        raise StageConfigError(f"config must be a file's path or a mapping, not {_shown(path)}")
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise StageConfigError(f"config file not found: {path}") from None
    except OSError as exc:  # a folder, no permission
        raise StageConfigError(f"config file {path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:  # (TOML is UTF-8; tomllib lets this out as it is)
        raise StageConfigError(f"config file {path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise StageConfigError(f"config file {path}: {exc}") from None


def _shown(value: Any) -> str:
    """A value a configuration holds where it should not, as an error shows it."""
    return f"{type(value).__name__} {value!r}"


def _stage_list(value: Any, what: str) -> list[Any]:
    """``value``, given as ``what`` (stages to run or to disable), as a list; a string, a
    letter a stage, or a value no list is made of, is a StageConfigError."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise StageConfigError(f"{what} must be a list of stage names, not {_shown(value)}")
    return list(value)


def _stage_table(value: Any, stage: str, what: str) -> dict[str, Any]:
    """The options of ``stage``, given in ``what``, as a dict; a value no table is made of
    is a StageConfigError."""
    if not isinstance(value, Mapping):
        raise StageConfigError(f"{what}: the options of stage {stage!r} must be a table of option = value, "
                               f"not {_shown(value)}")
    return dict(value)


@contextmanager
def _from_config_file(path: str | Path | None) -> Iterator[None]:
    """The errors of the block, raised by values a config file gave, name the file ('lang
    must be ...' did not say where lang was set); ``path`` None: not from a file."""
    if path is None:
        yield
        return
    try:
        yield
    except StageConfigError as exc:
        said = str(exc)  # ("config 'lang' must be ...": the file's name says it is the config)
        raise StageConfigError(f"config file {path}: {said.removeprefix('config ')}") from None


class _Unset(enum.Enum):
    UNSET = "unset"


#: a keyword argument not given: the config file's value, else the default, applies
UNSET = _Unset.UNSET
_LIMIT_KEYS = {"max_doc_chars": DEFAULT_MAX_DOC_CHARS, "max_doc_seconds": DEFAULT_MAX_DOC_SECONDS}


def _limits(cfg: Mapping[str, Any], config_file: str | Path | None, **given: int | float | None | _Unset) -> Limits:
    """Limits from the keyword arguments, else the config (where 0 turns a limit off, as on
    the CLI: TOML has no null), else the defaults (docs/reliability.md)."""
    values: dict[str, Any] = {}
    for key, default in _LIMIT_KEYS.items():
        value = cfg.get(key, default)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0:
            value = None
        elif key in cfg:  # (checked with the keyword given too, as a config's lang is)
            with _from_config_file(config_file):
                try:
                    Limits(**{key: value})
                except ValueError:
                    raise StageConfigError(f"config {key!r} must be a positive number (0: no limit), "
                                           f"not {_shown(value)}") from None
        values[key] = value if given[key] is UNSET else given[key]
    try:
        return Limits(**values)
    except ValueError as exc:
        raise StageConfigError(str(exc)) from None


#: bounded: with --lang-field the values come from the input, one a record, and a dump of
#: junk in that field would grow an unbounded cache for the whole run
@lru_cache(maxsize=1024)
def _warn_if_without_data(lang: str) -> None:
    """Warn, once a process, that ``lang``, given for documents, is one cleanscrape has no
    stopwords or phrases for (``"FR"``, ``"english"``): the cleaning is weaker for it, and
    was so without a word."""
    from .lang import without_data  # (the stages' own import: none for a Cleaner of no lang)

    lacking = without_data(lang)
    if lacking:
        _log.warning("lang %r: %s", lang, lacking, extra={"lang_without_data": lang})


class StageFailed(Exception):
    """A stage failed on a document: ``reason`` names the stage and what went wrong (a
    Result's error), the message the document too, by its id, where it has one."""

    def __init__(self, reason: str, doc_id: Any = None) -> None:
        super().__init__(reason if doc_id is None else f"document {doc_id!r}: {reason}")
        self.reason = reason


class PausedCollector:
    """``with PausedCollector():`` runs its block with the cyclic garbage collector off, and
    turns it back on after if it was on: for blocks that allocate many small objects which
    reference counting frees, where the collections their allocations set off would find
    nothing to free (a document's cleaning; a batch of results unpickled)."""

    __slots__ = ("collecting",)

    def __enter__(self) -> None:
        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self.collecting:
            gc.enable()

class Cleaner:
    """A configured pipeline of stages; build once, call :meth:`clean` many times.

    Configuration, lowest to highest precedence: the defaults, a TOML ``config`` (a path or
    an already-parsed mapping), then keyword arguments::

        # cleanscrape.toml
        pipeline = ["mojibake", "lossy_repair", "navigation", "whitespace"]  # optional: order
        disable = ["caption"]
        lang = "fr"                     # optional: skip detection
        max_doc_chars = 2_000_000       # optional: per-document limits (0: off)
        max_doc_seconds = 10
        source_memory = false           # optional: no memory of a stream's sources (default on)
        [stages.whitespace]             # options of one stage
        max_blank_lines = 2

    ``stages`` may mix names and ready :class:`Stage` instances (that is how code plugs in a
    stage without installing anything); an instance has its options already, and options
    given for it here (``stage_options``, the config's ``stages``) are an error.

    ``source_memory`` (default on): :meth:`clean_many` and the CLI's streams remember, per
    source, the intact words of the documents cleaned so far, for the repair of the next
    (:mod:`cleanscrape.repair.source_memory`); :meth:`clean` alone remembers nothing.
    """

    def __init__(
        self,
        stages: Sequence[str | Stage] | None = None,
        *,
        disable: Iterable[str] = (),
        config: str | Path | Mapping[str, Any] | None = None,
        stage_options: Mapping[str, Mapping[str, Any]] | None = None,
        lang: str | None = None,
        max_doc_chars: int | None | _Unset = UNSET,
        max_doc_seconds: float | None | _Unset = UNSET,
        source_memory: bool | None = None,
    ) -> None:
        cfg: dict[str, Any] = {}
        config_file = None if config is None or isinstance(config, Mapping) else config
        if config is not None:
            cfg = dict(config) if isinstance(config, Mapping) else _load_config_file(config)
        with _from_config_file(config_file):
            unknown = set(cfg) - {"pipeline", "stages", "disable", "lang", "source_memory", *_LIMIT_KEYS}
            if unknown:
                raise StageConfigError(f"unknown config key(s): {', '.join(sorted(unknown))}")
            stage_tables = cfg.get("stages", {})
            if not isinstance(stage_tables, Mapping):
                raise StageConfigError("config 'stages' must be a table of per-stage options; the order is 'pipeline'")
            options: dict[str, dict[str, Any]] = {k: _stage_table(v, k, "config 'stages'")
                                                  for k, v in stage_tables.items()}
            config_order = None if cfg.get("pipeline") is None else _stage_list(cfg["pipeline"], "config 'pipeline'")
            config_pipeline = stages is None and config_order is not None
            if not config_pipeline:  # (checked all the same, as a config's lang is with lang= given)
                for name in config_order or ():
                    if isinstance(name, str):
                        get_stage_class(name)
            config_disabled = set(_stage_list(cfg.get("disable", ()), "config 'disable'"))
            if cfg.get("lang") is not None and not isinstance(cfg["lang"], str):
                raise StageConfigError(f"config 'lang' must be a language code (a string such as 'fr'), "
                                       f"not {_shown(cfg['lang'])}")
            if not isinstance(cfg.get("source_memory", True), bool):
                raise StageConfigError(f"config 'source_memory' must be true or false, not {_shown(cfg['source_memory'])}")
        self.limits = _limits(cfg, config_file, max_doc_chars=max_doc_chars, max_doc_seconds=max_doc_seconds)
        if stages is not None:
            order = _stage_list(stages, "stages")
        elif config_order is not None:
            order = config_order
        else:
            order = list(DEFAULT_STAGES)
        if stage_options is not None and not isinstance(stage_options, Mapping):
            raise StageConfigError(f"stage_options must map stage names to their options, not {_shown(stage_options)}")
        for name, opts in (stage_options or {}).items():
            options.setdefault(name, {}).update(_stage_table(opts, name, "stage_options"))
        given_disabled = set(_stage_list(disable, "disable"))
        disabled = config_disabled | given_disabled
        for name in disabled - {item.name for item in order if isinstance(item, Stage)}:
            # an unknown name (a typo) would disable nothing: refused, as in stages
            with _from_config_file(config_file if name not in given_disabled else None):
                get_stage_class(name)
        self.lang = lang or cfg.get("lang")
        if self.lang is not None and not isinstance(self.lang, str):
            raise StageConfigError(f"lang must be a language code (a string such as 'fr'), not {_shown(self.lang)}")
        if self.lang:
            _warn_if_without_data(self.lang)
        #: streams remember the intact words of each source's earlier documents
        self.source_memory: bool = bool(cfg.get("source_memory", True) if source_memory is None else source_memory)
        if not isinstance(source_memory, (bool, type(None))):  # (source_memory="no" turned it on)
            raise StageConfigError(f"source_memory must be True, False or None, not {_shown(source_memory)}")
        built: list[Stage] = []
        for item in order:
            if isinstance(item, Stage):
                check_stage_class(type(item))
                if item.name in options:  # (they were ignored: a stage built is configured already)
                    raise StageConfigError(
                        f"options given for stage {item.name!r}, which is passed built "
                        f"({type(item).__name__}(...)): give them to it, {type(item).__name__}(option=value)")
                if item.name not in disabled:
                    built.append(item)
                continue
            if not isinstance(item, str):
                raise StageConfigError(f"a stage is its name or an instance, not {_shown(item)}"
                                       + (f" (the class: {item.__name__}() is an instance)"
                                          if isinstance(item, type) and issubclass(item, Stage) else ""))
            if item in disabled:
                continue
            with _from_config_file(config_file if config_pipeline else None):
                stage_class = get_stage_class(item)
            with _from_config_file(config_file if item in stage_tables and item not in (stage_options or {}) else None):
                built.append(stage_class(**options.get(item, {})))
        names = [stage.name for stage in built]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            # the second run marked the first's removals again: every document failed,
            # 'stage 'whitespace' failed: EditConflict: span 15:17 overlaps a removal'
            raise StageConfigError(f"stage(s) named more than once in the pipeline: {', '.join(twice)}")
        known = {s.name for s in built} | disabled
        if stages is not None:
            # the keyword's pipeline narrows the config's, as disable does: the config's tables
            # of its other stages stand (--stages navigation with a config of [stages.whitespace]
            # was refused)
            for name in set(stage_tables) - known:
                with _from_config_file(config_file):
                    get_stage_class(name)  # a table of no stage (a typo) is refused, as in disable
            # (the config's tables only: options given as arguments for a stage left out
            # would change nothing, as they would without a config)
            known |= set(stage_tables) - set(stage_options or {})
        stray = set(options) - known
        if stray:
            with _from_config_file(config_file if not stray & set(stage_options or {}) else None):
                raise StageConfigError(f"options given for stage(s) not in the pipeline: {', '.join(sorted(stray))}")
        self.stages: list[Stage] = built

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def clean_document(self, doc: Document, deadline: Deadline | None = None) -> Document:
        """Run every stage on ``doc`` (in place) and return it; ``deadline`` is checked
        between stages.  A stage that raises, or replaces the document's input (which no
        stage may change: its output would be no report's replay), raises StageFailed
        naming it, and the document by its id."""
        text = doc.text
        for stage in self.stages:
            try:
                stage.process(doc)
            except Exception as exc:
                raise StageFailed(f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}", doc.id) from exc
            if doc.text is not text and doc.text != text:
                raise StageFailed(f"stage {stage.name!r} replaced the document's input (doc.text), which stages "
                                  "leave as it is: they mark removals and repairs on it", doc.id)
            if deadline is not None:
                deadline.check()
        return doc

    def clean(self, text: str, *, id: str | None = None, lang: str | None = None,
              metadata: Mapping[str, Any] | None = None, memory: SourceMemory | None = None,
              source: str | None = None) -> Result:
        """Clean one text.  Never raises on bad text: a failure gives a failed Result.

        With a ``memory``, the repair may use what earlier documents of the text's source
        (``source``, else :func:`~cleanscrape.repair.source_memory.source_of` ``metadata``:
        its ``source``, else the host of its ``url``) wrote intact, and the text's own
        intact words are remembered once it is cleaned."""
        # A document allocates tens of thousands of small objects (lines, features, hits,
        # removals) that reference counting frees; left on, the cyclic collector would
        # also walk what survives and every table loaded so far many times per document,
        # for nothing (~9% of the pipeline's time on the extraction dev set).  It collects
        # again between documents: re-enabled, it runs at the next allocation.
        problem = document_problem(lang=lang, metadata=metadata)
        if problem is not None:
            return self._failed(id, text_of(text), problem, metadata if isinstance(metadata, Mapping) else None)
        if lang:
            _warn_if_without_data(lang)
        with PausedCollector():
            if memory is None or not self.source_memory:
                return self._clean(text, id, lang, metadata, None)
            return self._clean(text, id, lang, metadata, (memory, source or source_of(metadata)))

    def _clean(self, text: str, id: str | None, lang: str | None, metadata: Mapping[str, Any] | None,
               remembered: tuple[SourceMemory, str | None] | None) -> Result:
        if not isinstance(text, str):
            return self._failed(id, text_of(text), f"text must be a string, got {type(text).__name__}"
                                + (" (decode it first)" if isinstance(text, (bytes, bytearray)) else ""), metadata)
        too_large = self.limits.size_exceeded(text)
        if too_large is not None:
            return self._passed_through(id, text, "limit:size", too_large, metadata)
        # (the document and the result made with positional arguments: Python 3.11 passes a
        # class's keyword arguments to its __init__ through a dict made and unpacked again,
        # ~0.25 us a call)
        # text, id, lang, lang_method, metadata, source_words, line_breaks
        doc = Document(text, id, lang or self.lang, None, dict(metadata) if metadata else {}, None,
                       read_line_breaks(text))
        if doc.lang:
            doc.lang_method = "given"
        if remembered is not None:
            doc.source_words = remembered[0].recall(remembered[1])
        try:
            with self.limits.deadline() as deadline:
                self.clean_document(doc, deadline if deadline.needs_checks else None)
            out, removed, repairs = doc.output()
            if remembered is not None:
                remembered[0].learn(remembered[1], doc)
        except DocumentTimeout:
            return self._passed_through(id, text, "limit:time",
                                        f"over max_doc_seconds={self.limits.max_doc_seconds}", metadata)
        except StageFailed as exc:
            return self._failed(id, text, exc.reason, metadata)
        except Exception as exc:  # one bad document must not stop a run
            return self._failed(id, text, f"{type(exc).__name__}: {exc}", metadata)
        # text, removed, repairs, lang, id, lang_method, input_chars, error, flags, metadata, line_breaks
        return Result(out, removed, repairs, doc.lang, id, doc.lang_method, len(text), None, [], doc.metadata,
                      doc.line_breaks)

    @staticmethod
    def _failed(id: str | None, text: str, error: str, metadata: Mapping[str, Any] | None) -> Result:
        return Result(text=text, removed=[], repairs=[], lang=None, id=id, input_chars=len(text),
                      error=error, metadata=dict(metadata or {}))

    @staticmethod
    def _passed_through(id: str | None, text: str, flag: str, message: str,
                        metadata: Mapping[str, Any] | None) -> Result:
        """A document a limit stopped: its text unchanged, flagged, and said so in the log."""
        _log.warning("document %r passed through unchanged (%s): %s", id, flag, message, extra={"limit_flag": flag})
        return Result(text=text, removed=[], repairs=[], lang=None, id=id, input_chars=len(text),
                      flags=[flag], metadata=dict(metadata or {}))

    def clean_many(self, texts: Iterable[StreamItem], *, workers: int = 1) -> Iterator[Result]:
        """Clean a stream lazily, in order: items are texts, ``(id, text)`` pairs or
        ``(id, text, metadata)`` triples.  An item of another shape gives a failed Result
        saying so, and the stream goes on.

        Documents with a source in their metadata (``source``, or a ``url``'s host) are
        repaired with what earlier documents of that source wrote intact, within runs of
        :data:`~cleanscrape.parallel.BATCH_RECORDS` consecutive items: the memory starts
        empty at each run, as in the CLI's batches.

        ``workers``: with more than one, the items are cleaned in that many worker
        processes, forked from this one (the CLI's pool: a few batches ahead at most, in
        order, a worker that dies replaced and only the item that killed it failed), with
        the same results; 0 is every core (:func:`~cleanscrape.parallel.default_workers`).
        The workers stop when the stream ends or is closed.  In a daemonic process (a
        ``multiprocessing.Pool``'s worker), which may start none, the items are cleaned in
        that process, with a warning.

        Arguments that are no stream, or no number of workers, raise here, at the call."""
        from multiprocessing import current_process

        from .parallel import default_workers  # parallel builds on this module

        if isinstance(texts, (str, bytes)):  # an iterable of letters: a mistake, not a stream
            raise TypeError(f"clean_many takes a stream of texts, not one {type(texts).__name__}: "
                            "clean() cleans one text")
        if isinstance(texts, Mapping):  # an iterable of its keys: the ids, not the texts
            raise TypeError("clean_many takes a stream of texts, not a mapping: its .items() are (id, text) pairs")
        if isinstance(workers, bool) or not isinstance(workers, int):
            raise TypeError(f"workers must be a number of processes (0: every core), not {_shown(workers)}")
        if workers < 0:
            raise ValueError(f"workers must be 0 (every core) or more, not {workers}")
        if workers == 0:
            workers = default_workers()
        if workers > 1 and current_process().daemon:
            # a daemonic process (a multiprocessing.Pool's worker) may start none
            _log.warning("clean_many: a daemonic process cannot start workers; cleaning in this one")
            workers = 1
        return self._cleaned_stream(texts, workers)

    def _cleaned_stream(self, texts: Iterable[StreamItem], workers: int) -> Iterator[Result]:
        """:meth:`clean_many` of arguments it has checked."""
        from .parallel import BATCH_RECORDS, clean_items

        if workers > 1:
            yield from clean_items(self, texts, workers)
            return
        memory = SourceMemory()
        for n, item in enumerate(texts):
            if n % BATCH_RECORDS == 0:
                memory = SourceMemory()
            yield self.clean_item(item, memory)

    def clean_item(self, item: StreamItem, memory: SourceMemory | None = None) -> Result:
        """Clean one item of a stream (see :meth:`clean_many`)."""
        doc_id, text, metadata, problem = item_parts(item)
        if problem is not None:
            return self._failed(None, text, problem, None)
        return self.clean(text, id=doc_id, metadata=metadata, memory=memory)


def document_problem(*, lang: Any = None, metadata: Any = None, url: Any = None) -> str | None:
    """What is wrong with the arguments that come with a document's text, as its failed
    Result says it (None: nothing).  Taken, metadata of another kind raised out of the call
    naming no document ('cannot convert dictionary update sequence element #0 to a
    sequence'), as a url that is no string did out of clean_html, and a lang that is no
    string failed the document in the first stage to read it ('AttributeError: 'int'
    object has no attribute 'split'')."""
    if lang is not None and not isinstance(lang, str):
        return f"lang must be a language code (a string such as 'fr'), not {_shown(lang)}"
    if metadata is not None and not isinstance(metadata, Mapping):
        return f"metadata must be a mapping, not {_shown(metadata)}"
    if url is not None and not isinstance(url, str):
        return f"url must be a string, not {_shown(url)}"
    return None


def text_of(value: Any) -> str:
    """The text of a failed Result whose input text ``value`` is no string: a number's
    digits, else nothing (the repr of bytes, ``"b'caf\\xc3\\xa9'"``, of a list, of None,
    would be text no one wrote, passed on as the input)."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, (int, float)) else ""


def item_parts(item: StreamItem) -> tuple[str | None, Any, Mapping[str, Any] | None, str | None]:
    """The id, text and metadata of an item of a stream (:meth:`Cleaner.clean_many`), and
    what is wrong with its shape (None: nothing; an item of no known shape has no id, an
    empty text and no metadata)."""
    shapes = "an item must be a text, (id, text) or (id, text, metadata), got"
    if isinstance(item, Mapping):  # (it failed as 'text must be a string, got dict')
        return None, "", None, f"{shapes} a mapping (a record: pass (record['id'], record['text']))"
    if isinstance(item, list):
        return None, "", None, f"{shapes} a list (pairs and triples are tuples)"
    if not isinstance(item, tuple):
        return None, item, None, None
    if len(item) == 2:
        return item[0], item[1], None, None
    if len(item) == 3 and (item[2] is None or isinstance(item[2], Mapping)):
        return item[0], item[1], item[2], None
    return None, "", None, f"{shapes} a tuple of {len(item)}" + (" with metadata that is no mapping"
                                                                  if len(item) == 3 else "")


def clean(text: str, *, id: str | None = None, lang: str | None = None, metadata: Mapping[str, Any] | None = None,
          **options: Any) -> Result:
    """Clean one text with a default Cleaner: ``id``, ``lang`` and ``metadata`` are the
    document's, as :meth:`Cleaner.clean` takes them; ``options`` go to :class:`Cleaner`.

    For many documents build a :class:`Cleaner` once and reuse it: building loads lexicons.
    """
    return _cached_cleaner(options).clean(text, id=id, lang=lang, metadata=metadata)


_CLEANERS: dict[str, Cleaner] = {}


def _cached_cleaner(options: dict[str, Any]) -> Cleaner:
    if any(isinstance(s, Stage) for s in options.get("stages") or ()):
        return Cleaner(**options)
    key = repr(sorted(options.items()))
    if key not in _CLEANERS:
        _CLEANERS[key] = Cleaner(**options)
    return _CLEANERS[key]
