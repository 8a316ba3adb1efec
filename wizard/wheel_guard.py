"""A mouse wheel over a combo box, spin box or slider that the person has not clicked into
scrolls the page around it instead of changing the value.

Why: turning the wheel to scroll the SKU form changed the OS family, the base image or the SAS
page's access mode -- silently, and the "what is missing" list still said complete. Careful desktop
apps (and the browsers) change such a value by wheel only once the widget has the focus.

One filter object, installed on each such widget (not on the application: an application-wide
filter would route every event of the window through Python).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QSlider, QWidget

from .qt_tree import nearest

GUARDED = (QComboBox, QAbstractSpinBox, QSlider)  # not QScrollBar: the wheel is what it is for
_MARK = "_mpwizard_wheel_guarded"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        area = nearest(watched, QAbstractScrollArea)
        if isinstance(area, QAbstractScrollArea):
            bar = area.verticalScrollBar() if event.angleDelta().y() else area.horizontalScrollBar()
            QApplication.sendEvent(bar, event)
        return True  # never the value: the page scrolls (or nothing happens)


_guard: WheelGuard | None = None


def guard_wheel(root: QWidget) -> None:
    """Guard every combo box, spin box and slider under `root` (again-safe; new widgets too)."""
    from PySide6.QtCore import Qt

    global _guard
    if _guard is None:
        _guard = WheelGuard(QApplication.instance())
    for cls in GUARDED:
        for widget in root.findChildren(cls):
            if widget.property(_MARK):
                continue
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn must not take the focus
            widget.installEventFilter(_guard)
            widget.setProperty(_MARK, True)
