"""A table whose columns fit their content and whose one long column (a blob URL) takes the rest, never
scrolling sideways: when the content is wider than the table, the columns that can wrap (a status sentence,
a date and a time) wrap onto more lines, then the name gives way, elided in the middle like the long column
(both whole in their tooltips and in Copy: `copy_action`).

At 1024x700 the SAS URIs step's disk table is about 360 pixels wide; a Japanese status and the expiry pushed
the blob URL, and the table with it, into a sideways scroll (issue #32)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTextBoundaryFinder
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget

from .whole_rows import text_width, wrapped_height

MARGIN = 24  # a header title's margins and sort arrow, as readable_columns counts them
CELL_MARGIN = 12  # a cell's text margins and a little air
PAD = 4  # below a wrapped cell's last line


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

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        width = text_width(self.table, probe, self.table.columnWidth(index.column()))
        return QSize(hint.width(), wrapped_height(probe.text, probe.font, width, hint.height()) + PAD)


class FittedColumns(QObject):
    """Sizes `table`'s columns to their content, `rest` taking what is left (at least a quarter of the table);
    `wrapped` columns wrap when the table is too narrow for all of them on one line, the `elided` ones are then
    narrowed to their titles, and the rows are as tall as their wrapped text."""

    def __init__(self, table: QTableWidget, rest: int, wrapped: Sequence[int], elided: Sequence[int]) -> None:
        super().__init__(table)
        self.table, self.rest, self.wrapped, self.elided = table, rest, tuple(wrapped), tuple(elided)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.one_line, self.wrapping = OneLine(table), WrappedCell(table)
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            table.setItemDelegateForColumn(column, self.wrapping if column in self.wrapped else self.one_line)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.viewport().installEventFilter(self)
        self._width = -1

    def floor(self, column: int) -> int:
        """A column is never narrower than its title (the header is never cut)."""
        item = self.table.horizontalHeaderItem(column)
        title = item.text() if item is not None else ""
        return self.table.horizontalHeader().fontMetrics().horizontalAdvance(title) + MARGIN

    def shortest(self, column: int) -> int:
        """How narrow a wrapped column goes: its longest piece between two places a line may break (a date, a
        time; in Japanese a few characters), or its title."""
        metrics = self.table.fontMetrics()
        widest = self.floor(column)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            if item is not None:
                widest = max([widest] + [metrics.horizontalAdvance(piece) + CELL_MARGIN for piece in unbreakable(item.text())])
        return widest

    def fit(self) -> None:
        """The widths for the table's width now and its rows, then the rows' heights."""
        table = self.table
        room = table.viewport().width()
        self._width = room
        columns = [c for c in range(table.columnCount()) if c != self.rest and not table.isColumnHidden(c)]
        widths = {c: max(self.floor(c), table.sizeHintForColumn(c)) for c in columns}
        rest_floor = max(self.floor(self.rest), room // (2 + len(self.wrapped)))
        excess = sum(widths.values()) + rest_floor - room
        # Wrapped columns give way first, down to a share as wide as the long column's (a status on two or three
        # lines), then the elided ones to their titles, then the wrapped ones again, to their longest piece.
        share = room // (2 + len(self.wrapped))
        for group, lowest in ((self.wrapped, lambda c: max(self.shortest(c), min(widths[c], share))),
                              (self.elided, self.floor), (self.wrapped, self.shortest)):
            for column in group:
                if excess <= 0 or column not in widths:
                    continue
                give = min(excess, widths[column] - lowest(column))
                if give > 0:
                    widths[column] -= give
                    excess -= give
        header = table.horizontalHeader()
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        rest = max(self.floor(self.rest), room - sum(widths.values()))
        if header.sectionSize(self.rest) != rest:
            header.resizeSection(self.rest, rest)
        table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self._width:
            self.fit()
        return False
