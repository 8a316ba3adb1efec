"""The folders the app itself wrote to in this session (issue #29).

Why: a project file names its last export's path, and What's next offers to open that folder. A
crafted project could name `run-me.desktop`, an `.exe` or a network share, and asking the OS to open
it would run it. So only a folder the app wrote an export into during this session is opened
straight away; any other is opened only when it is a local directory and the person says yes.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_WRITTEN: set[str] = set()
_LOCK = threading.Lock()


def _key(folder: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(folder))


def remember_written(file_path: str | os.PathLike[str]) -> None:
    """The app has just written `file_path`: its folder may be opened without asking."""
    with _LOCK:
        _WRITTEN.add(_key(Path(file_path).parent))


def forget_written() -> None:
    """A new session (tests)."""
    with _LOCK:
        _WRITTEN.clear()


def is_network_path(folder: str | os.PathLike[str]) -> bool:
    """A UNC path (\\\\server\\share, //server/share) or a URL: not a folder on this computer."""
    text = os.fspath(folder)
    return text.startswith(("\\\\", "//")) or "://" in text


def is_local_directory(folder: str | os.PathLike[str]) -> bool:
    """An absolute path to an existing directory on this computer (never a file, never a share)."""
    text = os.fspath(folder)
    return bool(text) and os.path.isabs(text) and not is_network_path(text) and os.path.isdir(text)


def written_this_session(folder: str | os.PathLike[str]) -> bool:
    """Whether the app wrote an export into `folder` in this session (and it is still a local directory)."""
    if not is_local_directory(folder):
        return False
    with _LOCK:
        return _key(folder) in _WRITTEN
