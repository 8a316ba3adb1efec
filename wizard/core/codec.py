"""Turn typed dataclasses into JSON-ready dicts and back, reporting every problem.

Decoding never raises for bad content: a wrong type or a missing field becomes a
`Problem` with its place in the file (`skus[0].vm_sizes[2]`) and the field keeps
its default, so a damaged project still opens and the user sees what was wrong.
Unknown keys are kept in each object's `extra` dict and written back on save,
so a file from a newer minor version or a hand edit loses nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Union

from .records import record


@record(frozen=True)
class Problem:
    """Something wrong in a loaded file or the project, with its place (`path`)."""

    path: str
    message: str
    severity: str = "error"  # "error" | "warning"
    # For translation: `template` is the English text with {placeholders} that
    # the GUI passes through Qt's translator, `args` fills it in.
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"{self.path or '(top level)'}: {self.message}"


_JSON_NAMES = {str: "text", int: "whole number", float: "number", bool: "true/false"}


def _type_name(tp: Any) -> str:
    if tp in _JSON_NAMES:
        return _JSON_NAMES[tp]
    origin = typing.get_origin(tp)
    if origin is list:
        return "list"
    if origin is dict or dataclasses.is_dataclass(tp):
        return "object"
    return getattr(tp, "__name__", str(tp))


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _default_for(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A class's resolved field types, worked out once: `get_type_hints` compiles every annotation
    string again on each call, and a project decodes the same few classes many times."""
    return typing.get_type_hints(cls)


def decode(cls: type, data: Any, path: str, problems: list[Problem]) -> Any:
    """Build `cls` from `data`; append a Problem for everything that does not fit."""
    if not isinstance(data, dict):
        problems.append(Problem(path, f"expected an object, found {_describe(data)}"))
        return cls()
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    known = set()
    for field in dataclasses.fields(cls):
        if field.name == "extra":
            continue
        known.add(field.name)
        field_path = _join(path, field.name)
        if field.name not in data:
            if field.metadata.get("required"):
                problems.append(Problem(field_path, "missing; a default was used"))
            continue
        value = _decode_value(hints[field.name], data[field.name], field_path, problems)
        kwargs[field.name] = value if value is not _BAD else _default_for(field)
    obj = cls(**kwargs)
    extra = {k: v for k, v in data.items() if k not in known}
    if extra and hasattr(obj, "extra"):
        obj.extra = extra
    return obj


class _Bad:
    pass


_BAD = _Bad()


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _decode_value(tp: Any, value: Any, path: str, problems: list[Problem]) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _decode_value(args[0], value, path, problems)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            problems.append(Problem(path, f"expected an object, found {_describe(value)}"))
            return _BAD
        return decode(tp, value, path, problems)  # type: ignore[arg-type]  # a dataclass type, by the check above
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            problems.append(Problem(path, f"expected a list, found {_describe(value)}"))
            return _BAD
        items = []
        for i, item in enumerate(value):
            decoded = _decode_value(item_tp, item, _join(path, i), problems)
            if decoded is not _BAD:
                items.append(decoded)
        return items
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        if not isinstance(value, dict):
            problems.append(Problem(path, f"expected an object, found {_describe(value)}"))
            return _BAD
        out = {}
        for k, v in value.items():
            decoded = _decode_value(val_tp, v, _join(path, k), problems)
            if decoded is not _BAD:
                out[k] = decoded
        return out
    if tp is Any:
        return value
    ok = isinstance(value, tp) and not (tp in (int, float) and isinstance(value, bool))
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not ok:
        problems.append(Problem(path, f"expected {_type_name(tp)}, found {_describe(value)}"))
        return _BAD
    return value


def encode(obj: Any) -> Any:
    """Dataclass → plain JSON data, in field order, with `extra` keys appended."""
    if dataclasses.is_dataclass(obj):
        out: dict[str, Any] = {}
        for field in dataclasses.fields(obj):
            if field.name == "extra":
                continue
            out[field.name] = encode(getattr(obj, field.name))
        for key, value in getattr(obj, "extra", {}).items():
            out.setdefault(key, value)
        return out
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        return {k: encode(v) for k, v in obj.items()}
    return obj
