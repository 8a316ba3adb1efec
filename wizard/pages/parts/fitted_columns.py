"""A table (or a tree) whose columns fit their content and whose one long column (a blob URL, a blob's name)
takes the rest, never scrolling sideways: when the content is wider than the view, the columns that can wrap
(a status sentence, a date and a time) wrap onto a few lines (two at most while anything else can give way),
then the name gives way, elided in the middle like the long column (both whole in their tooltips and in Copy:
`copy_action`), then the long column down to its title.

At 1024x700 the SAS URIs step's disk table is about 360 pixels wide; a Japanese status and the expiry pushed
the blob URL, and the table with it, into a sideways scroll; the blob browser beside it scrolled sideways
under its five titles (issue #32)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
)

from .whole_rows import line_heights, text_width, wrapped_height

View = QTableWidget | QTreeWidget

MARGIN = 24  # a header title's margins and sort arrow, as readable_columns counts them
CELL_MARGIN = 12  # a cell's text margins and a little air
PAD = 4  # below a wrapped cell's last line
REST_CHARS = 14  # the long column never shows fewer characters (elided: seven from each end)
SLACK = 2  # a wrapped column's width to spare: an advance rounded the other way wraps a line more


def grid(view: QTableWidget | QTreeWidget) -> int:
    """A table paints a cell a grid line narrower than its column."""
    return 1 if isinstance(view, QTableWidget) and view.showGrid() else 0


def unbreakable(text: str) -> list[str]:
    """The pieces of `text` between the places a line may break (Unicode's line breaking rules)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        if end > start:
            pieces.append(text[start:end].strip())
        start = end
    return [piece for piece in pieces if piece]


class OneLine(QStyledItemDelegate):
    """A cell drawn on one line, elided as its view says (a URL or a name), in a view that wraps others."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class WrappedCell(QStyledItemDelegate):
    """A cell wrapped at its column's width, as tall as its lines at the tallest line's height: a Japanese line
    in a fallback font is taller than the Latin one, and Qt's own height ended the cell in "…" (whole_rows)."""

    def __init__(self, table: View) -> None:
        super().__init__(table)
        self.table = table

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        width = text_width(self.table, probe, self.table.columnWidth(index.column()) - grid(self.table))
        return QSize(hint.width(), wrapped_height(probe.text, probe.font, width, hint.height()) + PAD)


def lines_fit(text: str, font: QFont, width: int, lines: int) -> bool:
    """Whether `text` wraps into at most `lines` lines at `width` pixels."""
    return len(line_heights(text, font, width)) <= lines


class FittedColumns(QObject):
    """Sizes `view`'s columns to their content, `rest` taking what is left; `wrapped` columns wrap when the view
    is too narrow for all of them on one line (onto `lines` lines at most while another column can give way),
    the `elided` ones are then narrowed to their titles, then `rest` from its `share` of the width, and the rows
    are as tall as their wrapped text. `view` is a table or a tree (a tree's collapsed children count: expanding a
    node moves no column)."""

    def __init__(self, view: View, rest: int, wrapped: Sequence[int], elided: Sequence[int], lines: int = 2,
                 share: float | None = None) -> None:
        super().__init__(view)
        self.table, self.rest, self.wrapped, self.elided, self.lines = view, rest, tuple(wrapped), tuple(elided), lines
        self.share = share if share is not None else 1 / (2 + len(self.wrapped))
        view.setWordWrap(bool(self.wrapped))
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.one_line, self.wrapping = OneLine(view), WrappedCell(view)
        header = self.header()
        for column in range(header.count()):
            if self.wrapped:  # a view that wraps nothing keeps its delegates (an editable column's, a read-only one's)
                view.setItemDelegateForColumn(column, self.wrapping if column in self.wrapped else self.one_line)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        if isinstance(view, QTreeWidget):
            view.setUniformRowHeights(False)  # a wrapped row is taller than the others
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)
        self._width = -1

    def header(self) -> QHeaderView:
        return self.table.header() if isinstance(self.table, QTreeWidget) else self.table.horizontalHeader()

    def title(self, column: int) -> str:
        if isinstance(self.table, QTreeWidget):
            return self.table.headerItem().text(column)
        item = self.table.horizontalHeaderItem(column)
        return item.text() if item is not None else ""

    def texts(self, column: int) -> Iterator[str]:
        """The column's texts: every row of a table, every item of a tree (the collapsed ones too)."""
        if isinstance(self.table, QTreeWidget):
            found = QTreeWidgetItemIterator(self.table)
            while (item := found.value()) is not None:
                yield item.text(column)
                found += 1
            return
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, column)
            if cell is not None:
                yield cell.text()

    def floor(self, column: int) -> int:
        """A column is never narrower than its title (the header is never cut)."""
        return self.header().fontMetrics().horizontalAdvance(self.title(column)) + MARGIN

    def shortest(self, column: int) -> int:
        """How narrow a wrapped column goes: its longest piece between two places a line may break (a date, a
        time; in Japanese a few characters), or its title."""
        metrics = self.table.fontMetrics()
        widest = self.floor(column)
        for text in self.texts(column):
            widest = max([widest] + [metrics.horizontalAdvance(piece) + CELL_MARGIN for piece in unbreakable(text)])
        return widest

    def in_lines(self, column: int, natural: int) -> int:
        """How narrow a wrapped column goes with each of its texts on `lines` lines at most (never below its
        shortest, never above `natural`, its one-line width)."""
        low = self.shortest(column)
        font = self.table.font()
        # A column's width less its text's: the text's margins, the grid line, some slack.
        margin = natural - text_width(self.table, self._option(), natural) + grid(self.table) + SLACK
        for text in self.texts(column):
            if low >= natural:
                break
            if lines_fit(text, font, low - margin, self.lines):
                continue
            lo, hi = low, natural  # the narrowest width that holds this text in `lines` lines
            while lo < hi:
                mid = (lo + hi) // 2
                if lines_fit(text, font, mid - margin, self.lines):
                    hi = mid
                else:
                    lo = mid + 1
            low = lo
        return min(low, natural)

    def _option(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.table.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return option

    def fit(self) -> None:
        """The widths for the view's width now and its rows, then the rows' heights."""
        table = self.table
        room = table.viewport().width()
        self._width = room
        header = self.header()
        columns = [c for c in range(header.count()) if c != self.rest and not header.isSectionHidden(c)]
        widths = {c: max(self.floor(c), table.sizeHintForColumn(c)) for c in columns}
        # The long column shows its start and its end ("https://…-0.vhd"), or its title if that is wider.
        rest_floor = max(self.floor(self.rest), REST_CHARS * table.fontMetrics().averageCharWidth() + CELL_MARGIN)
        rest_share = max(rest_floor, int(room * self.share))
        excess = sum(widths.values()) + rest_share - room
        # Wrapped columns give way first, down to `lines` lines each (a status on two lines), then the elided ones
        # to their titles, then the long column from its share to its title, then the wrapped ones again, to
        # their longest piece.
        for group, lowest in ((self.wrapped, lambda c: self.in_lines(c, widths[c])),
                              (self.elided, self.floor),
                              ((self.rest,), lambda c: rest_floor),
                              (self.wrapped, self.shortest)):
            for column in group:
                if excess <= 0:
                    continue
                if column == self.rest:
                    give = min(excess, rest_share - rest_floor)
                    rest_share -= give
                    excess -= give
                    continue
                if column not in widths:
                    continue
                give = min(excess, widths[column] - lowest(column))
                if give > 0:
                    widths[column] -= give
                    excess -= give
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        rest = max(rest_floor, room - sum(widths.values()))
        if header.sectionSize(self.rest) != rest:
            header.resizeSection(self.rest, rest)
        if not self.wrapped:
            return  # the rows keep their height
        if isinstance(table, QTreeWidget):
            table.doItemsLayout()  # the rows' heights again, at the new widths
        else:
            table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self._width:
            self.fit()
        return False
