"""List rows a person reads whole: wrapped at the list's width, never drawn ending in "…", and a
scrolling list that shows whole rows only.

Qt sizes a word-wrapped row as the sum of its lines' heights but paints it as if every next line were
as tall as the one before (QCommonStyle's viewItemTextLayout stops at the line after which "the next
one" would not fit, and elides it). A Japanese line set in another fallback font than the Latin line
above it is a few pixels lower, so the row came out short and its first line ended in "…" (the Offer
page's problem list, issue #32). Here every line of a row is budgeted at the row's tallest line.

Installed after the first paint (it needs QtCore.Qt and QtGui's text layout; see wizard/qt_values.py).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex


def wrapped_height(text: str, font: QFont, width: int, base: int) -> int:
    """A wrapped text's height with every line at its tallest line's height (never less than `base`)."""
    heights = line_heights(text, font, width)
    return max(base, math.ceil(len(heights) * max(heights))) if heights and text else base


def line_heights(text: str, font: QFont, width: int) -> list[float]:
    """The heights of the lines `text` wraps into at `width` pixels, as an item view lays them out."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    heights: list[float] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        heights.append(line.height())
    layout.endLayout()
    return heights


def text_width(view: QAbstractItemView, option: QStyleOptionViewItem, width: int | None = None) -> int:
    """The width a row's text is wrapped to when painted: the row's text rect (beside a check box or an icon)
    less the style's text margins; the row is as wide as the list, or `width` (a table's cell)."""
    style = view.style()
    probe = QStyleOptionViewItem(option)
    probe.rect = QRect(0, 0, view.viewport().width() if width is None else width, 1000)
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return rect.width() - 2 * margin


class WrappedRows(QStyledItemDelegate):
    """A word-wrapping list's rows, each as tall as its lines at the tallest line's height. With `uniform`,
    every row is as tall as the tallest shown row (QListView's uniformItemSizes asks one row for all)."""

    def __init__(self, view: QListView, uniform: bool = False) -> None:
        super().__init__(view)
        self.view, self.uniform = view, uniform
        self._uniform_height: dict[int, int] = {}  # per viewport width

    def forget(self) -> None:
        """The rows shown changed (a filter): the uniform height is worked out again."""
        self._uniform_height.clear()

    def row_height(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        base = super().sizeHint(option, index).height()
        return wrapped_height(probe.text, probe.font, text_width(self.view, probe), base)

    def uniform_height(self, option: QStyleOptionViewItem) -> int:
        width = self.view.viewport().width()
        if width not in self._uniform_height:
            model = self.view.model()
            shown = [model.index(row, 0) for row in range(model.rowCount()) if not self.view.isRowHidden(row)]
            self._uniform_height[width] = max((self.row_height(option, i) for i in shown), default=0)
        return self._uniform_height[width]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        height = self.uniform_height(option) if self.uniform else self.row_height(option, index)
        return QSize(hint.width(), max(hint.height(), height))


class WholeRows(QObject):
    """A scrolling list of rows of one height that shows whole rows and never a part of one: `rows` one-line
    rows, or as many two-line rows as fit that height once the list is too narrow for its longest row; it
    scrolls by rows."""

    def __init__(self, view: QListView, rows: int) -> None:
        super().__init__(view)
        self.view, self.rows = view, rows
        self.delegate = WrappedRows(view, uniform=True)
        view.setWordWrap(True)
        view.setUniformItemSizes(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerItem)
        view.setItemDelegate(self.delegate)
        view.viewport().installEventFilter(self)
        self._width = -1
        self.refit()

    def row_height(self) -> int:
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        return self.delegate.uniform_height(option)

    def refit(self, rows_changed: bool = False) -> None:
        """The list's height for `rows` whole rows at the current width (after a resize or a filter)."""
        if rows_changed:
            self.delegate.forget()
        height = self.row_height()
        if height <= 0:
            return
        # About `rows` lines tall whatever the rows' height: fewer rows once they wrap to two lines.
        line = self.view.fontMetrics().lineSpacing()
        shown = max(2, (self.rows * max(line, 1)) // height) if height > line * 1.5 else self.rows
        self.view.setFixedHeight(2 * self.view.frameWidth() + shown * height)
        self.view.doItemsLayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self._width = self.view.viewport().width()
            self.refit()
        return False
