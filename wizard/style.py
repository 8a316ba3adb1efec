"""Colours and marks of the whole window, in one place, applied by palette.

Why palettes and not style sheets: a style sheet on any widget puts the whole window through Qt's
slower style-sheet style, and each one spelled its own colour (the same red nine times). The
colours of results come from `core.verdicts`, which the HTML report uses too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

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


_icons: dict[tuple[str, int, int], QIcon] = {}


def label_icon(text: str, widget: QWidget, sample: str) -> tuple[QIcon, QSize]:
    """Short text (a mark and a step number: "✓ 1.") drawn as an icon as wide as `sample` in the
    widget's font. Why: as part of an item's text, the mark's glyph came from another font, and in
    Japanese so did the digits before the Japanese name -- the rows did not line up."""
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtGui import QIcon, QPainter, QPixmap

    metrics = widget.fontMetrics()
    size = QSize(metrics.horizontalAdvance(sample) + 4, max(12, metrics.height()))
    key = (text, size.width(), size.height())
    if key not in _icons:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(widget.palette().color(QPalette.ColorRole.Text))
        painter.setFont(widget.font())
        painter.drawText(QRect(0, 0, size.width(), size.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key], size
