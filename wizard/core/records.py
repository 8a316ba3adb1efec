"""Dataclasses that share one comparison, repr and hash instead of compiling their own.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__` (and, when frozen,
`__hash__`) as source text and compiles it while the module is imported. For the project model's
records and the requirement profile (81 fields) that compiling is most of the import time of the
core the first page needs: start-up to the first paint is measured against a bare QWizard
(bench/bench_startup.py). `record` keeps dataclass's generated `__init__` (it is what the fields
say) and gives every record the same `__eq__`, `__repr__` and `__hash__`, which read the class's
fields once and answer as dataclass's own would: tests/core/test_records.py compares the two on
every record class of the core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")
_Values = Callable[[Any], tuple[Any, ...]]
_compared: dict[type, _Values] = {}
_hashed: dict[type, _Values] = {}
_shown: dict[type, tuple[str, ...]] = {}


def _getter(names: tuple[str, ...]) -> _Values:
    """The named attributes as a tuple (as dataclass's generated methods build it), for any count."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _compared_values(cls: type) -> _Values:
    getter = _compared.get(cls)
    if getter is None:
        getter = _compared[cls] = _getter(tuple(f.name for f in fields(cls) if f.compare))
    return getter


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    values = _compared_values(self.__class__)
    return values(self) == values(other)


@recursive_repr()
def _repr(self: Any) -> str:
    cls = self.__class__
    names = _shown.get(cls)
    if names is None:
        names = _shown[cls] = tuple(f.name for f in fields(cls) if f.repr)
    return f"{cls.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"


def _hash(self: Any) -> int:
    cls = self.__class__
    getter = _hashed.get(cls)
    if getter is None:  # dataclass's rule: a field is hashed when hash=True, or hash=None and compare=True
        getter = _hashed[cls] = _getter(tuple(f.name for f in fields(cls) if (f.compare if f.hash is None else f.hash)))
    return hash(getter(self))


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass` / `@dataclass(frozen=True)` with the shared `__eq__`, `__repr__` and `__hash__`:
    equal when of the same class with equal compared fields; unhashable unless frozen, as dataclass does."""

    def wrap(klass: type[T]) -> type[T]:
        body = dict(klass.__dict__)  # what the class itself defines wins, as with dataclass
        made = dataclass(klass, frozen=frozen, eq=False, repr=False)
        shared = {"__eq__": _eq, "__repr__": _repr, "__hash__": _hash if frozen else None}
        # A class that defines __eq__ gets __hash__ = None from Python itself: that is no explicit hash.
        own: set[str] = {name for name in ("__eq__", "__repr__") if name in body}
        if "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body):
            own.add("__hash__")
        for name, method in shared.items():
            if name not in own:
                setattr(made, name, method)
        return made

    return wrap if cls is None else wrap(cls)
