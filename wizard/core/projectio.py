"""Reading and writing `.mpwiz` project files safely.

Loading never writes and never raises anything but `ProjectUnreadable`: every
other defect becomes a `Problem` the user is shown. Saving is atomic (temporary
file in the same folder, fsync, rename) and keeps the previous file as `.bak`,
so a crash or kill at any moment leaves the old or the new file whole. A save
keeps the file's mode and writes through a symlink; temporary files a killed
save left behind are removed by the next save; and a save that was given the
`FileStamp` of what was loaded refuses (`ProjectChangedOnDisk`) when the file
changed since — another window, process or colleague wrote it — so no save is
lost without a trace.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import codec
from .codec import Problem
from .model import FILE_KIND, FORMAT_VERSION, Project
from .records import record

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


class ProjectChangedOnDisk(ProjectSaveError):
    """The file changed on disk since it was loaded or last saved; nothing was written."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} was changed on disk since it was opened here (by another window, program or person). "
                         "Nothing was saved: reload it, overwrite it, or save this version under another name.")


def _digest(data: bytes) -> str:
    # blake2b without hashlib's import (which loads OpenSSL: ~5 ms before the first paint of a project)
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()


@record(frozen=True)
class FileStamp:
    """What a project file held when it was read or written: compared before the next save.
    The content hash catches a change whose size and modification time were restored."""

    size: int
    mtime_ns: int
    digest: str  # blake2b-256 of the content


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file at `path` now (None when there is no file)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            digest = _digest(fh.read(MAX_PROJECT_BYTES + 1))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    return FileStamp(st.st_size, st.st_mtime_ns, digest)


@record
class LoadedProject:
    """A project read from disk, with what was repaired or migrated on the way."""

    project: Project
    path: Path
    problems: list[Problem] = field(default_factory=list)
    migrated_from: int | None = None
    stamp: FileStamp | None = None  # what was read; pass it to save_project to notice changes on disk


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
    return _read_project(Path(path))[0]


def _read_project(path: Path) -> tuple[str, FileStamp]:
    """The file's text and its stamp, from one read (the stamp is what a later save compares)."""
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
    stamp = FileStamp(len(raw), st.st_mtime_ns, _digest(raw))
    try:
        return raw.decode("utf-8-sig"), stamp
    except UnicodeDecodeError as exc:
        raise ProjectUnreadable(
            path, "not-text", f"{path} is not a project file: it is not UTF-8 text (byte {exc.start} is not valid)."
        ) from None


def _json_or_refusal(text: str, path: Path) -> Any:
    """json.loads, with every way it can fail on crafted text turned into ProjectUnreadable."""
    try:
        data = json.loads(text)
        # A lone surrogate escape (\\ud800) decodes but cannot be saved or shown: refuse it here.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except json.JSONDecodeError as exc:
        raise ProjectUnreadable(
            path,
            "not-json",
            f"{path} is damaged: JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except RecursionError:
        raise ProjectUnreadable(path, "not-project", f"{path} is not a project file: its JSON is nested far deeper "
                                                     "than any project.") from None
    except UnicodeEncodeError:
        raise ProjectUnreadable(path, "not-text", f"{path} is damaged: it holds a broken character escape (a lone "
                                                  "UTF-16 surrogate such as \\ud800), which no text can hold.") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise ProjectUnreadable(path, "not-project", f"{path} is not a project file: {exc}.") from None
    return data


def parse_project(text: str, path: Path) -> LoadedProject:
    data = _json_or_refusal(text, path)
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
    try:
        project = codec.decode(Project, data, "", problems)
    except RecursionError:
        raise ProjectUnreadable(path, "not-project", f"{path} is not a project file: a value is nested far deeper "
                                                     "than any project.") from None
    return LoadedProject(project=project, path=path, problems=problems, migrated_from=migrated_from)


def load_project(path: str | os.PathLike[str]) -> LoadedProject:
    """Load a project; raises ProjectUnreadable, otherwise reports problems in the result."""
    path = Path(path)
    text, stamp = _read_project(path)
    loaded = parse_project(text, path)
    loaded.stamp = stamp
    return loaded


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


_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.tmp")
STALE_TEMP_SECONDS = 24 * 3600  # where a process's liveness cannot be asked (Windows), a day-old temp file is stale


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # unknown: the age rule decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete the temporary files that killed saves of `path` (and of its .bak) left in its folder."""
    removed: list[Path] = []
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}*.tmp"))
    except OSError:
        return removed
    for temp in candidates:
        m = _TEMP_NAME.fullmatch(temp.name)
        if not m or m["name"] not in (path.name, path.name + ".bak") or int(m["pid"]) == os.getpid():
            continue
        try:
            st = temp.lstat()
            if not stat.S_ISREG(st.st_mode):
                continue
            if _process_alive(int(m["pid"])) and time.time() - st.st_mtime < STALE_TEMP_SECONDS:
                continue
            temp.unlink()
            removed.append(temp)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


class _Lock:
    """An advisory lock on the existing file while its stamp is compared and it is replaced (POSIX);
    where there is none, the stamp comparison alone still catches all but a same-instant race."""

    def __init__(self, path: Path):
        self.path, self.fd = path, -1

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:
            return self
        try:
            self.fd = os.open(self.path, os.O_RDONLY)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:
            if self.fd >= 0:
                os.close(self.fd)
            self.fd = -1
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing releases the flock


def atomic_write_text(path: Path, text: str, keep_backup: bool = True,
                      expected: FileStamp | None = None, check: bool = False) -> FileStamp | None:
    """Write `text` to `path` so that readers see the old or the new file, never a mix.

    A symlink is written through (the link stays, its target gets the text), the file's mode is
    kept, and with `check` the file must still be what `expected` stamped (None: no file yet),
    else ProjectChangedOnDisk and nothing is written. Returns the new file's stamp."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise ProjectSaveError(f"Could not save {path}: a text field holds a broken character (a lone UTF-16 "
                               "surrogate). The previous file is unchanged.") from None
    remove_stale_temps(path)
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        with _Lock(path):
            if check and file_stamp(path) != expected:
                raise ProjectChangedOnDisk(path)
            try:
                mode = stat.S_IMODE(os.stat(path).st_mode)
            except FileNotFoundError:
                mode = None
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                if mode is not None:
                    os.chmod(tmp, mode)
                os.fsync(fh.fileno())
                written_mtime = os.fstat(fh.fileno()).st_mtime_ns  # a rename keeps it
            if keep_backup and path.is_file():
                bak = path.with_name(path.name + ".bak")
                if bak.is_symlink():
                    bak = Path(os.path.realpath(bak))
                bak_tmp = bak.parent / f".{bak.name}.{os.getpid()}.tmp"
                shutil.copyfile(path, bak_tmp)
                if mode is not None:
                    os.chmod(bak_tmp, mode)
                with open(bak_tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(bak_tmp, bak)
            os.replace(tmp, path)
            _fsync_dir(folder)
    except ProjectChangedOnDisk:
        raise
    except OSError as exc:
        for leftover in folder.glob(f".{glob_escape(path.name)}*.{os.getpid()}.tmp"):
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
        raise ProjectSaveError(f"Could not save {path}: {exc.strerror or exc}. The previous file is unchanged.") from exc
    return FileStamp(len(data), written_mtime, _digest(data))


_ANY = object()


def save_project(project: Project, path: str | os.PathLike[str], expected: FileStamp | None | object = _ANY) -> FileStamp | None:
    """Save `project` (the old file kept as .bak). With `expected` (the stamp from loading or the
    last save; None for "there was no file"), a file changed on disk since is not overwritten:
    ProjectChangedOnDisk. Returns the stamp of what was written."""
    if expected is _ANY:
        return atomic_write_text(Path(path), project_to_text(project))
    assert expected is None or isinstance(expected, FileStamp)
    return atomic_write_text(Path(path), project_to_text(project), expected=expected, check=True)


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
