"""Colours and marks of the whole window, in one place, applied by palette.

Why palettes and not style sheets: a style sheet on any widget puts the whole window through Qt's
slower style-sheet style, and each one spelled its own colour (the same red nine times). The
colours of results come from `core.verdicts`, which the HTML report uses too.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from .core.verdicts import COLOURS, FAILED, PASSED, WARNING

ERROR = COLOURS[FAILED]
GOOD = COLOURS[PASSED]
CAUTION = COLOURS[WARNING]
# Banner backgrounds with the text colour that reads on them.
BANNERS = {
    "error": ("#fde7e9", "#5f0010"),
    "good": ("#e6f4ea", "#0d3d1d"),
    "warning": ("#fff4e5", "#7a4100"),
    "neutral": ("#eeeeee", "#202020"),
}


def brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def set_text_colour(widget: QWidget, colour: str | None) -> None:
    """`colour` for the widget's text, or None for the style's own (e.g. after a problem is solved)."""
    palette = QPalette(widget.palette())
    default = widget.style().standardPalette() if widget.style() else QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour) if colour else default.color(QPalette.ColorRole.WindowText))
    palette.setColor(QPalette.ColorRole.Text, QColor(colour) if colour else default.color(QPalette.ColorRole.Text))
    widget.setPalette(palette)


def set_banner(label: QLabel, kind: str | None) -> None:
    """A coloured strip behind a label (`kind` from BANNERS), or none."""
    label.setAutoFillBackground(kind is not None)
    palette = QPalette(label.palette())
    if kind is None:
        label.setPalette(label.style().standardPalette())
        return
    background, text = BANNERS[kind]
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    label.setPalette(palette)
    label.setMargin(6)
