"""The open project as a Qt object: the model plus its path and unsaved-changes state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from .core.model import Project, new_project
from .core.projectio import FileStamp, save_project


class ProjectDocument(QObject):
    changed = Signal()  # the content changed (an edit)
    dirtyChanged = Signal(bool)
    replaced = Signal()  # a different project was loaded (new / open / restore)

    def __init__(self, project: Project | None = None, path: Path | None = None):
        super().__init__()
        self.project = project or new_project()
        self.path = path
        self.dirty = False
        # What the file held when it was opened or last saved here; None with stamp_known: no file yet.
        self.stamp: FileStamp | None = None
        self.stamp_known = False

    def mark_changed(self) -> None:
        self.changed.emit()
        if not self.dirty:
            self.dirty = True
            self.dirtyChanged.emit(True)

    def replace(self, project: Project, path: Path | None, dirty: bool = False, stamp: FileStamp | None = None,
                stamp_known: bool = False) -> None:
        self.project, self.path = project, path
        self.stamp, self.stamp_known = stamp, stamp_known
        self.dirty = dirty
        self.replaced.emit()
        self.dirtyChanged.emit(dirty)

    def save(self, path: Path | None = None, overwrite: bool = False) -> None:
        """Save atomically; raises ProjectSaveError with the state unchanged on failure, and
        ProjectChangedOnDisk when the file was changed by someone else since it was opened or
        saved here (unless `overwrite`, or the save goes to another file the user chose)."""
        where = path or self.path
        if where is None:
            raise ValueError("a project without a file needs a path to be saved to")
        target = Path(where)
        same_file = self.path is not None and target == self.path
        if same_file and self.stamp_known and not overwrite:
            self.stamp = save_project(self.project, target, expected=self.stamp)
        else:
            self.stamp = save_project(self.project, target)
        self.stamp_known = True
        self.path = target
        if self.dirty:
            self.dirty = False
        self.dirtyChanged.emit(False)

    def title(self) -> str:
        if self.path:
            return self.path.stem
        return self.project.display_name() or ""
