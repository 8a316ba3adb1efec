"""wizard/core/records.py: a record answers ==, repr() and hash() as `dataclasses.dataclass` would.

Each record class of the core met in real objects (the bundled sample project, every profile, a
status evaluation, the VM size catalogue) gets a twin made by `dataclasses.dataclass` from the same
fields; the record and its twin must agree on repr, on equality with a copy, with a copy whose one
field differs (compared or not), and on hash for frozen classes.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from wizard.core import records
from wizard.core.profiles import PROFILE_IDS, load_profile
from wizard.core.projectio import load_project
from wizard.core.records import record
from wizard.core.resources import resource_path
from wizard.core.status import evaluate
from wizard.core.vmsizes import catalogue


def _twin_class(cls: type, post_init: bool = False) -> type:
    namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__annotations__": {}}
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = f.type
        namespace[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory, init=f.init,
                                              repr=f.repr, hash=f.hash, compare=f.compare)
    if post_init and hasattr(cls, "__post_init__"):  # for making objects; the others copy fields as they are
        namespace["__post_init__"] = cls.__post_init__
    return dataclasses.dataclass(frozen=cls.__dataclass_params__.frozen)(type(cls.__name__, (), namespace))


_twins: dict[type, type] = {}


def twin(obj: Any) -> Any:
    cls = type(obj)
    made = _twins.setdefault(cls, _twin_class(cls))
    out = made(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(cls) if f.init})
    for f in dataclasses.fields(cls):
        if not f.init:
            object.__setattr__(out, f.name, getattr(obj, f.name))
    return out


def _records_in(root: Any) -> dict[type, Any]:
    """One instance of each record class reachable from `root`."""
    found: dict[type, Any] = {}
    seen: set[int] = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            if type(obj).__eq__ is records._eq:
                found.setdefault(type(obj), obj)
            stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))
        elif isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, list | tuple | set | frozenset):
            stack.extend(obj)
    return found


def _samples() -> dict[type, Any]:
    project = load_project(resource_path("examples/demo.mpwiz")).project
    roots: list[Any] = [project, list(catalogue()), evaluate(project)]
    roots += [load_profile(pid) for pid in PROFILE_IDS]
    found: dict[type, Any] = {}
    for root in roots:
        for cls, obj in _records_in(root).items():
            found.setdefault(cls, obj)
    return found


def _all_record_classes() -> list[type]:
    import importlib
    import pkgutil

    import wizard.core

    classes: set[type] = set()
    for info in pkgutil.walk_packages(wizard.core.__path__, "wizard.core."):
        module = importlib.import_module(info.name)
        classes |= {v for v in vars(module).values() if isinstance(v, type) and v.__eq__ is records._eq}
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _made_up(cls: type) -> Any:
    """An instance from the defaults, with a value of its own where a field has none: a string that is
    equal only to itself, or (for a class that checks its values) a name-like string or a number."""
    required = [f.name for f in dataclasses.fields(cls)
                if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    for value in (lambda n: f"<{cls.__name__}.{n}>", lambda n: f"v_{n}", lambda n: len(n)):
        try:
            return cls(**{name: value(name) for name in required})
        except (TypeError, ValueError):
            continue
    raise AssertionError(f"no made-up instance of {cls.__qualname__}: give the test a real one")


RECORD_CLASSES = _all_record_classes()
SAMPLES = _samples() | {cls: _made_up(cls) for cls in RECORD_CLASSES if cls not in _samples()}


def test_the_real_objects_reach_the_records_of_the_model_and_the_profile_and_every_record_is_tried():
    names = {cls.__name__ for cls in _samples()}
    assert {"Project", "Sku", "Disk", "Offer", "Profile", "VmSize", "StatusItem"} <= names, names
    assert set(SAMPLES) == set(RECORD_CLASSES) and len(RECORD_CLASSES) >= 30


def _replaced(obj: Any, name: str, value: Any) -> Any:
    other = copy.copy(obj)
    object.__setattr__(other, name, value)
    return other


@pytest.mark.parametrize("cls", sorted(SAMPLES, key=lambda c: c.__qualname__), ids=lambda c: c.__qualname__)
def test_a_record_answers_as_its_dataclass_twin(cls):
    obj = SAMPLES[cls]
    assert repr(obj) == repr(twin(obj))
    same = copy.deepcopy(obj)
    assert (obj == same) is (twin(obj) == twin(same)) is True
    assert (obj != same) is False
    assert obj.__eq__(object()) is NotImplemented
    for f in dataclasses.fields(cls):
        other = _replaced(obj, f.name, object())  # a value equal to nothing else
        assert (obj == other) is (twin(obj) == twin(other)) is (not f.compare), f.name
    assert _hash_or_error(obj) == _hash_or_error(twin(obj)) == _hash_or_error(same)
    if not cls.__dataclass_params__.frozen:
        assert _hash_or_error(obj) == "TypeError"


def _hash_or_error(obj: Any) -> int | str:
    try:
        return hash(obj)
    except TypeError:  # unhashable: not frozen, or a field that is (a frozen Profile holds dicts)
        return "TypeError"


def test_what_a_class_defines_itself_stays():
    @record
    class Own:
        a: int
        b: int = 0

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Own) and self.a == other.a

        def __repr__(self) -> str:
            return "own"

    assert Own(1, 2) == Own(1, 3) and repr(Own(1)) == "own"
    with pytest.raises(TypeError):  # __eq__ without __hash__: unhashable, as Python and dataclass make it
        hash(Own(1))

    @record(frozen=True)
    class Hashed:
        a: int
        b: int = dataclasses.field(default=0, compare=False)

        def __hash__(self) -> int:
            return 7

    assert hash(Hashed(1)) == 7 and Hashed(1, 2) == Hashed(1, 3)


def test_a_record_that_contains_itself_is_shown_without_recursing():
    @record
    class Node:
        child: Any = None

    node = Node()
    node.child = node
    assert repr(node) == "test_a_record_that_contains_itself_is_shown_without_recursing.<locals>.Node(child=...)"


def _made(make: Any, *args: Any, **kwargs: Any) -> Any:
    """What making an object gives: its fields' values, or the kind of error."""
    try:
        obj = make(*args, **kwargs)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__
    # A factory's value is compared by its type: a project's id, say, is new each time.
    return tuple((f.name, type(getattr(obj, f.name, None)) if f.default_factory is not dataclasses.MISSING
                  else getattr(obj, f.name, "<unset>")) for f in dataclasses.fields(obj))


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__qualname__)
def test_a_record_is_made_as_its_dataclass_twin_is(cls):
    sample = SAMPLES[cls]
    made_twin = _twin_class(cls, post_init=True)
    init = [f for f in dataclasses.fields(cls) if f.init]
    values = {f.name: getattr(sample, f.name) for f in init}
    in_order = tuple(values.values())
    required = {f.name: values[f.name] for f in init
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    first = init[0].name if init else "x"
    cases: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), values),  # by keyword
        (in_order, {}),  # by position
        (in_order[:1], dict(list(values.items())[1:])),  # both
        ((), required),  # the rest from defaults and factories
        ((), {}),  # nothing: what is required is missing
        ((*in_order, "one too many"), {}),
        ((), values | {"no_such_field": 1}),
        (in_order[:1], {first: in_order[0] if in_order else 1}),  # one argument twice
    ]
    for args, kwargs in cases:
        assert _made(cls, *args, **kwargs) == _made(made_twin, *args, **kwargs), (args, kwargs)
    # A default factory gives every object its own value, as dataclass's __init__ calls it each time.
    factories = [f.name for f in dataclasses.fields(cls) if f.default_factory is not dataclasses.MISSING]
    if factories and _made(cls, **required) != "TypeError":
        one, other = cls(**required), cls(**required)
        twin_one, twin_other = made_twin(**required), made_twin(**required)
        for name in factories:
            assert (getattr(one, name) is getattr(other, name)) is (getattr(twin_one, name) is getattr(twin_other, name))
