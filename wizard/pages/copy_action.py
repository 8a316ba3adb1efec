"""Copy for a table whose cells are elided (a long blob URL shows as "http://127.0…hds/disk.vhd"): the
whole text of the current cell goes to the clipboard from the context menu or Ctrl+C, never the
shortened one on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView


def full_text(view: QAbstractItemView) -> str:
    index = view.currentIndex()
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "") if index.isValid() else ""


def add_copy_action(view: QAbstractItemView) -> QAction:
    """A "Copy" entry in the view's context menu (and Ctrl+C) that copies the current cell's whole text."""
    action = QAction(view.tr("&Copy"), view)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: QGuiApplication.clipboard().setText(full_text(view)))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
