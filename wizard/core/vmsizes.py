"""The bundled catalogue of Azure VM sizes offered as recommended sizes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .resources import resource_path


@dataclass(frozen=True)
class VmSize:
    """One entry of the bundled VM size catalogue."""

    name: str
    vcpus: int
    memory_gib: float
    series: str
    category: str  # general | compute | memory | storage


@lru_cache(maxsize=1)
def catalogue() -> tuple[VmSize, ...]:
    data = json.loads(resource_path("vmsizes.json").read_text(encoding="utf-8"))
    return tuple(VmSize(**row) for row in data["sizes"])


def size_names() -> frozenset[str]:
    return frozenset(s.name for s in catalogue())


def search(text: str) -> list[VmSize]:
    """Case-insensitive match on name, series or category; every term must match."""
    terms = text.lower().split()
    return [s for s in catalogue() if all(t in f"{s.name} {s.series} {s.category}".lower() for t in terms)]
