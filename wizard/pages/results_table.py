"""The certification results table: one look for the test run's results and the pre-flight's.

A model over CheckRecords (mark, word and colour from core/verdicts, problems first), a filter
for "problems only", and the table view set up the way both pages show it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from ..check_text import check_name, check_value
from ..core.model import CheckRecord
from ..core.verdicts import COLOURS, MARKS, NEEDS_NOTE, ORDER
from .base import setup_row_table


def readable_evidence(evidence: str) -> str:
    """The probe's section markers ("@@@history") as headings a person reads."""
    return re.sub(r"^@@@(\S+)$", r"── \1 ──", evidence, flags=re.MULTILINE)


class ResultsModel(QAbstractTableModel):
    COLUMNS = ("Result", "Check", "Test ID", "Actual", "Required")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CheckRecord] = []
        self.words: dict[str, str] = {}

    def set_rows(self, rows: list[CheckRecord]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.words.get(self.COLUMNS[section], self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [f"{MARKS.get(row.result, '?')} {self.words.get(row.result, row.result)}", check_name(row.id, row.name),
                    row.test_id, check_value(row.actual), check_value(row.required)][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(COLOURS.get(row.result, "#000000")))
        if role == Qt.ItemDataRole.UserRole:  # sort key: problems first
            return [ORDER.get(row.result, 9), row.name, row.test_id.zfill(4), row.actual, row.required][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description
        return None


class ProblemsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False
        self.records: ResultsModel | None = None  # the source model, typed (setSourceModel takes any)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 - Qt override
        if not self.problems_only or self.records is None:
            return True
        return self.records.rows[source_row].result in NEEDS_NOTE


def make_results_table(parent: QObject | None, model: ResultsModel, accessible_name: str) -> tuple[ProblemsFilter, QTableView]:
    """The sorted (problems first), filterable view over `model`."""
    proxy = ProblemsFilter(parent)
    proxy.records = model
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    setup_row_table(table, accessible_name)
    table.setWordWrap(False)
    return proxy, table


def fit_result_columns(table: QTableView) -> None:
    """Result, check and test id fit their contents; actual and required share what is left."""
    header = table.horizontalHeader()
    for col in (0, 1, 2):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    for col in (3, 4):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)


def details_text(template: str, r: CheckRecord) -> str:
    """One result in full: `template` (the page's translated "{0} — {1}…Actual… Remediation… Evidence")."""
    from ..check_text import check_description, check_remediation

    return template.format(check_name(r.id, r.name), check_description(r.id, r.description), check_value(r.actual),
                           check_value(r.required), check_remediation(r.id, r.remediation) or "—",
                           readable_evidence(r.evidence))
