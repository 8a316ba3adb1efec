"""The bundled catalogue of Azure VM sizes offered as recommended sizes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .profiles import Profile
from .resources import resource_path


@dataclass(frozen=True)
class VmSize:
    """One entry of the bundled VM size catalogue."""

    name: str
    vcpus: int
    memory_gib: float
    series: str
    category: str  # general | compute | memory | storage
    generations: tuple[int, ...] = (1,)  # Hyper-V generations the size runs
    architecture: str = "x64"  # x64 | arm64
    retired: str = ""  # the date Azure retired the size, if it did

    def runs(self, image_type: str) -> bool:
        """Whether the size runs a Partner Center image type (x64Gen1, x64Gen2, arm64Gen2)."""
        arch, _, gen = image_type.partition("Gen")
        return arch == self.architecture and gen.isdigit() and int(gen) in self.generations

    def offered_under(self, profile: Profile) -> bool:
        """Whether the profile may recommend it (retired sizes only under the 2015 guide)."""
        return profile.vm_sizes_allow_retired or not self.retired


@lru_cache(maxsize=1)
def catalogue() -> tuple[VmSize, ...]:
    data = json.loads(resource_path("vmsizes.json").read_text(encoding="utf-8"))
    return tuple(VmSize(**{**row, "generations": tuple(row.get("generations", (1,)))}) for row in data["sizes"])


def size_names() -> frozenset[str]:
    return frozenset(s.name for s in catalogue())


def search(text: str, profile: Profile | None = None, image_types: tuple[str, ...] | list[str] = ()) -> list[VmSize]:
    """Case-insensitive match on name, series, category or architecture; every term must match. With a
    profile, only the sizes it may recommend; with image types, only the sizes that run one of them."""
    terms = text.lower().split()
    return [s for s in catalogue() if (profile is None or s.offered_under(profile))
            and (not image_types or any(s.runs(t) for t in image_types))
            and all(t in f"{s.name} {s.series} {s.category} {s.architecture}".lower() for t in terms)]


def by_name() -> dict[str, VmSize]:
    return {s.name: s for s in catalogue()}
