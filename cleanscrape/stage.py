"""The stage protocol and the stage registry.

A stage is a small class with one job: it looks at a :class:`~cleanscrape.document.Document`
and marks removals or repairs on it, each with a reason.  It is built once (with its
options) and reused for every document, so expensive set-up (lexicons, automata, word
lists) belongs in ``__init__`` or in a cached loader, never in :meth:`Stage.process`.

Stages are found by name in a registry filled three ways:

* built-in stages register themselves with :func:`register_stage` when
  :mod:`cleanscrape.stages` is imported;
* installed plugins declare an entry point in the ``cleanscrape.stages`` group
  (``mystage = mypackage.module:MyStage``);
* code can pass stage *instances* straight to ``Cleaner(stages=[...])``.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Iterable, TypeVar

from .document import Document, Line, Repair

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["Stage", "register_stage", "get_stage_class", "available_stages", "StageConfigError", "check_stage_class",
           "Range", "Count", "Share"]

ENTRY_POINT_GROUP = "cleanscrape.stages"


class StageConfigError(ValueError):
    """Unknown stage name or bad stage option."""


@dataclasses.dataclass(frozen=True)
class Range:
    """The values an option may take, declared with its type (``Annotated[int, Range(1)]``)
    and checked when the stage is built: a count below zero or a share above one is refused
    naming the stage, the option, the value and the range, where it was taken and every
    document then failed in the stage (``menu_run = 0``: 'ZeroDivisionError') or was
    cleaned by a rule that meant nothing (``max_blank_lines = -1``).  NaN is in no range."""

    low: float | None = None
    high: float | None = None

    def __contains__(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high) \
            and value == value

    def __str__(self) -> str:
        if self.low is None and self.high is None:
            return "a number"  # (a Range with no bound takes any but NaN)
        if self.high is None:
            return f"at least {self.low}"
        if self.low is None:
            return f"at most {self.high}"
        return f"from {self.low} to {self.high}"


#: a number of words, characters, lines...: zero or more
Count = Annotated[int, Range(0)]
#: a part of a whole: from 0 to 1
Share = Annotated[float, Range(0.0, 1.0)]


class Stage:
    """Base class of every stage.

    Subclasses set ``name`` and ``categories`` and implement :meth:`process`.  Options are
    declared as a dataclass named ``Options`` on the subclass; keyword arguments given to the
    constructor (or a ``[stages.<name>]`` table in a TOML config) override its defaults and
    are validated against it, so a typo in a config file is an error, not a silent no-op.
    An option's type may carry its :class:`Range` (``Count``, ``Share``), checked too.
    A subclass declares ``options: <Subclass>.Options`` in its body (an annotation alone,
    nothing at run time) so that a type checker knows its options' fields.
    """

    name: ClassVar[str] = ""
    #: the report categories this stage may emit; the first is the default
    categories: ClassVar[tuple[str, ...]] = ()

    @dataclasses.dataclass(frozen=True)
    class Options:
        pass

    #: any dataclass: a subclass's ``Options`` need not derive from this one
    options: DataclassInstance

    def __init__(self, **options: Any) -> None:
        fields = {f.name for f in dataclasses.fields(self.Options)}
        unknown = sorted(set(options) - fields)
        if unknown:
            raise StageConfigError(
                f"stage {self.name!r}: unknown option(s) {', '.join(unknown)}; "
                f"known: {', '.join(sorted(fields)) or 'none'}"
            )
        options = _typed_options(self.name, self.Options, options)
        try:
            self.options = self.Options(**options)
        except (TypeError, ValueError) as exc:
            raise StageConfigError(f"stage {self.name!r}: {exc}") from exc

    def process(self, doc: Document) -> None:
        """Mark removals and/or repairs on ``doc``."""
        raise NotImplementedError

    # Helpers so stages never spell their own name or default category.  (remove_line has
    # no keyword-only parameters, as Document.remove_line: Python 3.11 specialises no call of
    # a function that has them; stages call it ~30,000 times a pass of the benchmark pages.)
    def remove_line(
        self, doc: Document, line: Line | int, reason: str, category: str | None = None,
        score: float | None = None,
    ) -> bool:
        """Remove ``line`` (a Line or its index) with its newline, as this stage, in
        ``category`` (default: the stage's first); False if it was removed already."""
        index = line if isinstance(line, int) else line.index
        return doc.remove_line(index, self.name, category or self.categories[0], reason, score)

    def remove_span(
        self, doc: Document, start: int, end: int, reason: str, *, category: str | None = None,
        score: float | None = None,
    ) -> bool:
        """Remove the input span ``start:end`` inside one kept line, as this stage
        (:meth:`Document.remove_span`: False if the line was removed already;
        :class:`~cleanscrape.document.EditConflict` if it overlaps another edit)."""
        return doc.remove_span(
            start, end, stage=self.name, category=category or self.categories[0], reason=reason, score=score
        )

    def repair(
        self, doc: Document, line: Line | int, start: int, end: int, after: str, reason: str, *,
        category: str | None = None, evidence: str = "", runner_up: str | None = None,
        confidence: float | None = None,
    ) -> Repair:
        """Replace ``start:end`` of ``line``'s current text (a Line or its index) by
        ``after``, as this stage, in ``category`` (default: the stage's first); the report's
        ``evidence``, ``runner_up`` and ``confidence`` are optional.  The Repair made
        (:meth:`Document.repair`: offsets mapped back to the input, an overlapping repair
        merged; :class:`~cleanscrape.document.EditConflict` if outside the line)."""
        index = line if isinstance(line, int) else line.index
        return doc.repair(index, start, end, after, stage=self.name, category=category or self.categories[0],
                          reason=reason, evidence=evidence, runner_up=runner_up, confidence=confidence)

    def __repr__(self) -> str:
        # (a subclass with an __init__ of its own may never set options: its repr raised)
        return f"{type(self).__name__}({getattr(self, 'options', '')})"


class _WrongType(Exception):
    """A value that is not of an option's type (what it should be, in words)."""


class _OutOfRange(Exception):
    """A value of an option's type outside its :class:`Range`."""


def _typed_options(stage: str, options_class: type, given: dict[str, Any]) -> dict[str, Any]:
    """``given`` checked against the types ``options_class`` declares for them, a list
    where a tuple is declared made one (TOML has arrays alone): a value of the wrong type
    (``max_blank_lines = "2"``) or outside its range (``-1``) is a StageConfigError naming the
    stage and the option, not a failure of every document once a stage compares it.  A
    declared type that does not resolve (a plugin's) takes any value, as a dataclass does."""
    try:
        declared = typing.get_type_hints(options_class, include_extras=True)
    except Exception:
        return given
    checked = {}
    for option, value in given.items():
        try:
            checked[option] = _typed(value, declared.get(option, Any))
        except _WrongType as exc:
            raise StageConfigError(f"stage {stage!r}: option {option!r} must be {exc}, "
                                   f"not {type(value).__name__} {value!r}") from None
        except _OutOfRange as exc:
            raise StageConfigError(f"stage {stage!r}: option {option!r} must be {exc}, not {value!r}") from None
    return checked


_TYPE_WORDS = {bool: "true or false", int: "an integer", float: "a number", str: "a string", type(None): "none"}


def _typed(value: Any, expected: Any) -> Any:
    """``value`` as an option declared ``expected`` takes it, or _WrongType (_OutOfRange)."""
    origin = typing.get_origin(expected)
    if origin is Annotated:
        value = _typed(value, expected.__origin__)
        for allowed in expected.__metadata__:
            if isinstance(allowed, Range) and value not in allowed:
                raise _OutOfRange(allowed)
        return value
    if origin in (typing.Union, types.UnionType):
        for member in typing.get_args(expected):
            try:
                return _typed(value, member)
            except _WrongType:
                pass
        raise _WrongType(" or ".join(map(_type_words, typing.get_args(expected))))
    if expected is float:  # (an integer is a number: 1 for 1.0)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    elif expected is int:  # (a bool is an int to Python, not to a config)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif origin is tuple:
        args = typing.get_args(expected)
        sequence = isinstance(value, (tuple, list))
        items = args[:1] * len(value) if sequence and len(args) == 2 and args[1] is Ellipsis else args  # tuple[str, ...]
        if sequence and len(value) == len(items):
            try:
                return tuple(_typed(item, arg) for item, arg in zip(value, items))
            except _WrongType:
                pass
        raise _WrongType(f"a list, each {_type_words(args[0])}" if args[-1:] == (Ellipsis,) else f"a list like {expected}")
    elif isinstance(origin or expected, type):
        if isinstance(value, origin or expected):
            return value
    else:  # (Any, a Literal, a TypeVar: not checked)
        return value
    raise _WrongType(_type_words(expected))


def _type_words(expected: Any) -> str:
    if typing.get_origin(expected) is Annotated:
        expected = expected.__origin__
    return _TYPE_WORDS.get(expected) or f"of type {getattr(expected, '__name__', expected)}"


StageT = TypeVar("StageT", bound=type[Stage])

_REGISTRY: dict[str, type[Stage]] = {}
_entry_points_loaded = False


def register_stage(cls: StageT) -> StageT:
    """Class decorator: make a stage available by its ``name``."""
    check_stage_class(cls)
    from . import stages as _builtin  # noqa: F401  (a name is a built-in's first, whoever registers first)

    _refuse_taken_name(cls.name, cls, "")
    _REGISTRY[cls.name] = cls
    return cls


def check_stage_class(cls: type[Stage]) -> None:
    """Refuse a stage class that lacks what every stage has: a name (its removals named no
    stage, and no configuration could name it), categories (its first removal failed each
    document, 'IndexError: tuple index out of range'), a ``process`` of its own."""
    if not cls.name:
        raise StageConfigError(f"{cls.__module__}.{cls.__qualname__} has no name")
    if not cls.categories:
        raise StageConfigError(f"stage {cls.name!r} declares no categories")
    if cls.process is Stage.process:
        raise StageConfigError(f"stage {cls.name!r} has no process(doc) method")
    if inspect.isgeneratorfunction(cls.process) or inspect.iscoroutinefunction(cls.process) \
            or inspect.isasyncgenfunction(cls.process):
        # (its body never ran: each document came out as it went in, status ok)
        raise StageConfigError(f"stage {cls.name!r}: process(doc) is a generator or a coroutine; it marks "
                               "the document's removals and repairs and returns nothing")


def _refuse_taken_name(name: str, cls: type[Stage], plugin: str) -> None:
    """A second stage class of one name is refused: it replaced a built-in stage everywhere
    it is used, the default pipeline's too, and an installed plugin's was never used.  The
    same class defined again (a module reloaded, a notebook's cell run again) replaces its
    first definition."""
    taken = _REGISTRY.get(name)
    if taken is None or (taken.__module__, taken.__qualname__) == (cls.__module__, cls.__qualname__):
        return
    raise StageConfigError(f"{plugin}stage name {name!r} of {cls.__module__}.{cls.__qualname__} is taken by "
                           f"{taken.__module__}.{taken.__qualname__}: a stage needs a name of its own")


def entry_points(group: str) -> Iterable[Any]:
    """The installed plugins' entry points of ``group``.  ``importlib.metadata`` is imported
    here, on first need: it costs ~10 ms (email, zipfile, csv...) that a run with the
    built-in stages alone, the usual case, never needs."""
    from importlib import metadata

    return metadata.entry_points(group=group)


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break the built-in stages
            raise StageConfigError(f"plugin stage {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        if not (isinstance(cls, type) and issubclass(cls, Stage)):
            raise StageConfigError(f"plugin {ep.name!r} ({ep.value}) is not a Stage subclass")
        try:
            check_stage_class(cls)
        except StageConfigError as exc:
            raise StageConfigError(f"plugin {ep.name!r} ({ep.value}): {exc}") from None
        _refuse_taken_name(cls.name, cls, f"plugin {ep.name!r} ({ep.value}): ")
        _REGISTRY[cls.name] = cls
    # (only now: set before the loop, a broken plugin was reported once, and after that the
    # plugins listed after it were 'unknown stage')
    _entry_points_loaded = True


def get_stage_class(name: str) -> type[Stage]:
    from . import stages as _builtin  # noqa: F401  (registers the built-in stages)

    if name not in _REGISTRY:
        _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise StageConfigError(
            f"unknown stage {name!r}; available: {', '.join(available_stages())}"
        ) from None


def available_stages() -> list[str]:
    from . import stages as _builtin  # noqa: F401

    _load_entry_points()
    return sorted(_REGISTRY)
