"""Walking up Qt's widget tree: the one helper the wheel guard and the tests share."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget


def ancestors(widget: QWidget, stop: QWidget | None = None) -> Iterator[QWidget]:
    """The widget's parents, nearest first, up to (not including) `stop`."""
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def nearest(widget: QWidget, cls: type | tuple[type, ...], stop: QWidget | None = None) -> QWidget | None:
    """The nearest parent of type `cls`, or None."""
    return next((p for p in ancestors(widget, stop) if isinstance(p, cls)), None)
