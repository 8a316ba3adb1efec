"""A visible focus on every focusable widget: one QFocusFrame follows the keyboard focus.

Fusion draws a focus rectangle only on some widgets and only after a key moved the focus; a list
without a current item (the SKU list) or a radio button under a style sheet (the questionnaire's
True/False) showed none. QFocusFrame is Qt's own ring drawn around the focused widget by the style
(CE_FocusFrame, masked to a ring by SH_FocusFrame_Mask), outside the widget's own painting, so every
widget gets the same ring without a style sheet or an application-wide event filter (see
ARCHITECTURE.md, start-up rules). It lets the mouse through (WA_TransparentForMouseEvents).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFocusFrame, QMenu, QMenuBar, QWidget

_state: dict[str, object] = {}


def _wants_ring(widget: QWidget | None) -> bool:
    if widget is None or isinstance(widget, (QMenu, QMenuBar, QFocusFrame)):
        return False
    window = widget.window()
    # Popups (a combo box's open list, a menu) draw their own current line.
    from PySide6.QtCore import Qt

    is_popup = (window.windowFlags() & Qt.WindowType.Popup) == Qt.WindowType.Popup
    return not is_popup


def _follow(_old: QWidget | None, new: QWidget | None) -> None:
    import shiboken6

    frame = _state.get("frame")
    if frame is not None and not shiboken6.isValid(frame):
        frame = None
    if not _wants_ring(new):
        if frame is not None:
            frame.setWidget(None)  # type: ignore[attr-defined]
        return
    if frame is None or frame.window() is not new.window():  # type: ignore[attr-defined,union-attr]
        if frame is not None:
            frame.setWidget(None)  # type: ignore[attr-defined]
            frame.deleteLater()  # type: ignore[attr-defined]
        frame = QFocusFrame(new.window())  # type: ignore[union-attr]
        _state["frame"] = frame
    frame.setWidget(new)  # type: ignore[attr-defined]


def install_focus_ring() -> None:
    """Once per application: the ring follows QApplication.focusChanged from now on."""
    app = QApplication.instance()
    if app is None or _state.get("app") is app:
        return
    _state["app"] = app
    app.focusChanged.connect(_follow)  # type: ignore[attr-defined]
    _follow(None, QApplication.focusWidget())


def focus_frame() -> QFocusFrame | None:
    """The ring now on screen (tests look at it), or None."""
    import shiboken6

    frame = _state.get("frame")
    return frame if isinstance(frame, QFocusFrame) and shiboken6.isValid(frame) else None
