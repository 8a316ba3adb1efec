"""The open project as a Qt object: the model plus its path and unsaved-changes state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from .core.model import Project, new_project
from .core.projectio import save_project


class ProjectDocument(QObject):
    changed = Signal()  # the content changed (an edit)
    dirtyChanged = Signal(bool)
    replaced = Signal()  # a different project was loaded (new / open / restore)

    def __init__(self, project: Project | None = None, path: Path | None = None):
        super().__init__()
        self.project = project or new_project()
        self.path = path
        self.dirty = False

    def mark_changed(self) -> None:
        self.changed.emit()
        if not self.dirty:
            self.dirty = True
            self.dirtyChanged.emit(True)

    def replace(self, project: Project, path: Path | None, dirty: bool = False) -> None:
        self.project, self.path = project, path
        self.dirty = dirty
        self.replaced.emit()
        self.dirtyChanged.emit(dirty)

    def save(self, path: Path | None = None) -> None:
        """Save atomically; raises ProjectSaveError with the state unchanged on failure."""
        target = Path(path or self.path)
        save_project(self.project, target)
        self.path = target
        if self.dirty:
            self.dirty = False
        self.dirtyChanged.emit(False)

    def title(self) -> str:
        if self.path:
            return self.path.stem
        return self.project.display_name() or ""
