"""The catalogue of Azure VM sizes offered as recommended sizes.

Each size carries its family (az vm list-skus' `family`), vCPUs and memory, the Hyper-V generations and
the architecture it runs, the security types it supports (Partner Center's names: `trusted`,
`confidential`) and -- looked up by family in `resources/vmsize-retirements.json`, with its source -- the
date Azure retires it. The bundled catalogue is `resources/vmsizes.json`; `mpwizard catalogue import`
writes a fresher one (read from `az vm list-skus -o json` by `core.skus_import`) into the user's data
folder, and that one is used when it is there and readable.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .profiles import Profile
from .records import record
from .resources import resource_path

CATALOGUE_FILE = "vmsizes.json"
RETIREMENTS_FILE = "vmsize-retirements.json"
TRUSTED = "trusted"
CONFIDENTIAL = "confidential"


@record(frozen=True)
class Retirement:
    """A size series retired or announced for retirement: its date, status and where that is said."""

    series: str
    date: str  # YYYY-MM-DD: the day Azure retired (or will retire) the series
    status: str  # retired | announced
    source: str


@record(frozen=True)
class VmSize:
    """One entry of the VM size catalogue."""

    name: str
    vcpus: int
    memory_gib: float
    series: str
    category: str  # general | compute | memory | storage | other
    generations: tuple[int, ...] = (1,)  # Hyper-V generations the size runs
    architecture: str = "x64"  # x64 | arm64
    family: str = ""  # az vm list-skus' family, e.g. standardDSv5Family
    security_types: tuple[str, ...] = ()  # Partner Center securityType values it can run: trusted, confidential
    retirement: Retirement | None = None

    @property
    def retired(self) -> str:
        """The date Azure retired the size, if it did (as of today); "" otherwise."""
        return self.retired_on(date.today())

    def retired_on(self, today: date) -> str:
        r = self.retirement
        return r.date if r is not None and (r.status == "retired" or r.date <= today.isoformat()) else ""

    def retiring_on(self, today: date) -> str:
        """The announced retirement date when it is still ahead; "" otherwise."""
        r = self.retirement
        return r.date if r is not None and not self.retired_on(today) else ""

    def runs(self, image_type: str) -> bool:
        """Whether the size runs a Partner Center image type (x64Gen1, x64Gen2, arm64Gen2)."""
        arch, _, gen = image_type.partition("Gen")
        return arch == self.architecture and gen.isdigit() and int(gen) in self.generations

    def supports(self, security_type: str) -> bool:
        return security_type in self.security_types

    def offered_under(self, profile: Profile, today: date | None = None) -> bool:
        """Whether the profile may recommend it (retired sizes only under the 2015 guide)."""
        return profile.vm_sizes_allow_retired or not self.retired_on(today or date.today())


class CatalogueError(ValueError):
    """A catalogue or retirement file that cannot be read (the message says which and why)."""


@lru_cache(maxsize=1)
def retirements() -> tuple[tuple[frozenset[str], Retirement], ...]:
    """(families in lower case, retirement) per entry of the retirements file."""
    data = json.loads(resource_path(RETIREMENTS_FILE).read_text(encoding="utf-8"))
    return tuple((frozenset(f.lower() for f in row["families"]),
                  Retirement(row["series"], row["date"], row["status"], row["source"])) for row in data["series"])


def retirement_of(family: str) -> Retirement | None:
    key = family.lower()
    return next((r for families, r in retirements() if key in families), None)


def imported_path() -> Path:
    """Where `mpwizard catalogue import` keeps the catalogue it wrote (the user's data folder)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("mpwizard", appauthor=False)) / CATALOGUE_FILE


def size_from_row(row: dict[str, Any]) -> VmSize:
    """A catalogue row (as the bundled file and the importer write it) as a VmSize."""
    family = str(row.get("family", ""))
    return VmSize(name=str(row["name"]), vcpus=int(row["vcpus"]), memory_gib=float(row["memory_gib"]),
                  series=str(row.get("series", "")), category=str(row.get("category", "other")),
                  generations=tuple(int(g) for g in row.get("generations", (1,))),
                  architecture=str(row.get("architecture", "x64")), family=family,
                  security_types=tuple(str(t) for t in row.get("security_types", ())),
                  retirement=retirement_of(family) if family else None)


def load_catalogue_file(path: Path) -> tuple[VmSize, ...]:
    """The sizes of a catalogue file; CatalogueError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sizes = tuple(size_from_row(row) for row in data["sizes"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CatalogueError(f"{path}: not a VM size catalogue ({exc})") from exc
    if not sizes:
        raise CatalogueError(f"{path}: the catalogue lists no sizes")
    return sizes


# Where an imported catalogue would be, as the app remembered it from its last session (None: work it out).
_assumed_path: Path | None = None


def assume_imported_path(path: Path | None) -> None:
    """Start-up: take `path` as where an imported catalogue would be (the app remembers it between sessions),
    so the first page reads the catalogue without importing platformdirs to work the place out (~2% of the
    time to the first paint). `confirm_imported_path` checks the assumption once the window is on screen."""
    global _assumed_path
    _assumed_path = path


def confirm_imported_path() -> tuple[Path, bool]:
    """The imported catalogue's real place, and whether the catalogue in use changed now that it is known
    (the place remembered was not the real one, and what is read there differs)."""
    global _assumed_path
    real = imported_path()
    assumed, _assumed_path = _assumed_path, None
    if assumed is None or assumed == real or _loaded.cache_info().currsize == 0:
        return real, False
    before = _loaded()
    reload()
    return real, _loaded() != before


@lru_cache(maxsize=1)
def _loaded() -> tuple[tuple[VmSize, ...], Path | None]:
    path = _assumed_path if _assumed_path is not None else imported_path()
    if path.is_file():
        try:
            return load_catalogue_file(path), path
        except CatalogueError:
            pass  # a damaged import never stops the wizard: the bundled catalogue still holds
    return load_catalogue_file(resource_path(CATALOGUE_FILE)), None


def catalogue() -> tuple[VmSize, ...]:
    """The imported catalogue when there is a readable one, else the bundled one."""
    return _loaded()[0]


def catalogue_source() -> Path | None:
    """The imported file the catalogue in use comes from; None for the bundled one."""
    return _loaded()[1]


def reload() -> None:
    """Forget the cached catalogue (after an import)."""
    _loaded.cache_clear()


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
