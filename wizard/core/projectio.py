"""Reading and writing `.mpwiz` project files safely.

Loading never writes and never raises anything but `ProjectUnreadable`: every
other defect becomes a `Problem` the user is shown. Saving is atomic (temporary
file in the same folder, fsync, rename) and keeps the previous file as `.bak`,
so a crash or kill at any moment leaves the old or the new file whole.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import codec
from .codec import Problem
from .model import FILE_KIND, FORMAT_VERSION, Project

# A real project is a few hundred KiB at most; refusing big files early keeps a
# mistaken pick (a VHD, a log) from being read into memory.
MAX_PROJECT_BYTES = 16 * 1024 * 1024


class ProjectUnreadable(Exception):
    """The file cannot be opened as a project at all (exit code 2 of `project check`)."""

    def __init__(self, path: Path, reason: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.reason = reason  # not-found | folder | empty | too-large | not-text | not-json | not-project | newer-version | os-error
        self.line = line
        self.column = column
        super().__init__(message)


class ProjectSaveError(Exception):
    """Saving failed; the previous file on disk is untouched."""


@dataclass
class LoadedProject:
    """A project read from disk, with what was repaired or migrated on the way."""

    project: Project
    path: Path
    problems: list[Problem] = field(default_factory=list)
    migrated_from: int | None = None


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (pre-release drafts) kept the offer fields at the top level and
    called the profile `profile`. Version 2 groups them under `offer`."""
    data = dict(data)
    offer = {key: data.pop(key) for key in ("publisher_namespace", "offer_id", "offer_name") if key in data}
    data.setdefault("offer", offer)
    if "profile" in data and "profile_id" not in data:
        data["profile_id"] = data.pop("profile")
    return data


def _migrate_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 had one x64 Generation 1 image per SKU. Version 3 lists a plan's image types
    (`images`) and names each disk's image: a version-2 SKU becomes one x64Gen1 image from SAS URIs
    holding all its disks. Values of the wrong kind are left for the codec to report."""
    data = dict(data)
    skus = data.get("skus")
    if isinstance(skus, list):
        migrated = []
        for sku in skus:
            if isinstance(sku, dict):
                sku = dict(sku)
                sku.setdefault("images", [{"image_type": "x64Gen1", "sku_id": "", "security_types": [], "source": "sasUri"}])
                disks = sku.get("disks")
                if isinstance(disks, list):
                    sku["disks"] = [{**d, "image_type": d.get("image_type", "x64Gen1")} if isinstance(d, dict) else d
                                    for d in disks]
            migrated.append(sku)
        data["skus"] = migrated
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_v1, 2: _migrate_v2}


def read_project_text(path: Path) -> str:
    """Read the file as UTF-8 text, refusing anything that cannot be a project."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ProjectUnreadable(path, "not-found", f"The file {path} does not exist.") from None
    except OSError as exc:
        raise ProjectUnreadable(path, "os-error", f"The file {path} cannot be read: {exc.strerror}.") from None
    if path.is_dir():
        raise ProjectUnreadable(path, "folder", f"{path} is a folder, not a project file.")
    if st.st_size == 0:
        raise ProjectUnreadable(path, "empty", f"The file {path} is empty: it holds no project.")
    if st.st_size > MAX_PROJECT_BYTES:
        mb = st.st_size / 1024 / 1024
        raise ProjectUnreadable(
            path, "too-large", f"The file {path} is {mb:.0f} MB, far larger than any project file: it is probably not one."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectUnreadable(path, "os-error", f"The file {path} cannot be read: {exc.strerror}.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectUnreadable(
            path, "not-text", f"{path} is not a project file: it is not UTF-8 text (byte {exc.start} is not valid)."
        ) from None


def parse_project(text: str, path: Path) -> LoadedProject:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectUnreadable(
            path,
            "not-json",
            f"{path} is damaged: JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FILE_KIND:
        raise ProjectUnreadable(path, "not-project", f"{path} is JSON but not a Marketplace Image Wizard project file.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectUnreadable(path, "not-project", f"{path} has no valid format_version: it is not a project file this app can read.")
    if version > FORMAT_VERSION:
        raise ProjectUnreadable(
            path,
            "newer-version",
            f"{path} was made by a newer version of this app (file format {version}; this app reads up to {FORMAT_VERSION}). "
            "Update the app to open it; the file was not changed.",
        )
    migrated_from = version if version < FORMAT_VERSION else None
    for step in range(version, FORMAT_VERSION):
        data = MIGRATIONS[step](data)
    data["format_version"] = FORMAT_VERSION
    problems: list[Problem] = []
    project = codec.decode(Project, data, "", problems)
    return LoadedProject(project=project, path=path, problems=problems, migrated_from=migrated_from)


def load_project(path: str | os.PathLike[str]) -> LoadedProject:
    """Load a project; raises ProjectUnreadable, otherwise reports problems in the result."""
    path = Path(path)
    return parse_project(read_project_text(path), path)


def project_to_text(project: Project) -> str:
    data = codec.encode(project)
    data["format"] = FILE_KIND
    data["format_version"] = FORMAT_VERSION
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str, keep_backup: bool = True) -> None:
    """Write `text` to `path` so that readers see the old or the new file, never a mix."""
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.is_file():
            bak = path.with_name(path.name + ".bak")
            bak_tmp = folder / f".{bak.name}.{os.getpid()}.tmp"
            shutil.copyfile(path, bak_tmp)
            with open(bak_tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(bak_tmp, bak)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        for leftover in folder.glob(f".{path.name}*.{os.getpid()}.tmp"):
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
        raise ProjectSaveError(f"Could not save {path}: {exc.strerror or exc}. The previous file is unchanged.") from exc


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    atomic_write_text(Path(path), project_to_text(project))


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
