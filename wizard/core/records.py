"""Dataclasses that share one `__init__`, comparison, repr and hash instead of compiling their own.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__` (and, when frozen,
`__hash__`) as source text and compiles it while the module is imported. For the project model's
records and the requirement profile (81 fields) that compiling was most of the import time of the
core the first page needs: start-up to the first paint is measured against a bare QWizard
(bench/bench_startup.py). A `record` is a dataclass (fields, `dataclasses.fields`, `replace`,
`asdict` as usual) whose `__init__`, `__eq__`, `__repr__` and `__hash__` are shared functions that
read the class's fields once and do what dataclass's generated ones do: the same parameters in the
same order, defaults and default factories, `__post_init__`, frozen assignment; equality of the
compared fields; the repr of the shown fields; unhashable unless frozen. tests/core/test_records.py
compares every record class of the core with its dataclass twin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, dataclass, field, fields
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


# An init field: its name, its default and its default factory (MISSING where there is none).
_Param = tuple[str, Any, Any]


def _init_plan(klass: type) -> tuple[tuple[_Param, ...], tuple[tuple[str, Callable[[], Any]], ...], bool]:
    """The parameters of `klass`'s __init__ in order, the init=False fields it fills from a factory, and
    whether it calls __post_init__ -- what dataclass's generated __init__ is written from."""
    params = tuple((f.name, f.default, f.default_factory) for f in fields(klass) if f.init)
    later = tuple((f.name, f.default_factory) for f in fields(klass)
                  if not f.init and f.default_factory is not MISSING)
    return params, later, hasattr(klass, "__post_init__")


def _shared_init(klass: type, frozen: bool) -> Callable[..., None]:
    """`klass`'s __init__: binds the arguments as dataclass's would (positional in field order, then keywords),
    with its errors for too many, unknown, repeated or missing arguments. One closure per class, no compiling."""
    plan: list[Any] = []  # made on the first call

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N807 - the method it stands for
        if not plan:
            plan.extend(_init_plan(klass))
        params, later, post_init = plan
        if len(args) > len(params):
            raise TypeError(f"{klass.__qualname__}.__init__() takes {len(params) + 1} positional arguments but "
                            f"{len(args) + 1} were given")
        assign = object.__setattr__ if frozen else setattr
        used = 0
        missing = []
        for i, (name, default, factory) in enumerate(params):
            if name in kwargs:
                if i < len(args):
                    raise TypeError(f"{klass.__qualname__}.__init__() got multiple values for argument '{name}'")
                value = kwargs[name]
                used += 1
            elif i < len(args):
                value = args[i]
            elif factory is not MISSING:
                value = factory()
            elif default is not MISSING:
                value = default
            else:
                missing.append(name)
                continue
            assign(self, name, value)
        if used != len(kwargs):
            names = {name for name, _, _ in params}
            unknown = next(name for name in kwargs if name not in names)
            raise TypeError(f"{klass.__qualname__}.__init__() got an unexpected keyword argument '{unknown}'")
        if missing:
            listed = " and ".join(f"'{name}'" for name in missing)
            raise TypeError(f"{klass.__qualname__}.__init__() missing {len(missing)} required positional "
                            f"argument{'s' if len(missing) > 1 else ''}: {listed}")
        for name, factory in later:
            assign(self, name, factory())
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{klass.__qualname__}.__init__"
    return __init__


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
        made = dataclass(klass, frozen=frozen, init=False, eq=False, repr=False)
        shared: dict[str, Any] = {"__init__": _shared_init(made, frozen), "__eq__": _eq, "__repr__": _repr,
                                  "__hash__": _hash if frozen else None}
        # A class that defines __eq__ gets __hash__ = None from Python itself: that is no explicit hash.
        own: set[str] = {name for name in ("__init__", "__eq__", "__repr__") if name in body}
        if "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body):
            own.add("__hash__")
        for name, method in shared.items():
            if name not in own:
                setattr(made, name, method)
        return made

    return wrap if cls is None else wrap(cls)
