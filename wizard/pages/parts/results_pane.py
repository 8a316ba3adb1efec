"""The certification results as the Test run step and the VHD step's pre-flight show them: the table
(problems first, "problems only"), the selected result in full, and Copy remediation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...core.model import CheckRecord
from ...core.verdicts import ERROR, FAILED, PASSED, SKIPPED, WARNING
from ..results_table import ResultsModel, details_text, fit_result_columns, make_results_table


class ResultsPane(QWidget):
    """`compact`: the details one short row beside the copy button, under the table (a tab of the VHD
    step); else a splitter, the details under the table with the button below them (the Test run step)."""

    def __init__(self, table_name: str, details_name: str, compact: bool = False) -> None:
        super().__init__()
        self.model = ResultsModel(self)
        self.model.words = {"Result": self.tr("Result"), "Check": self.tr("Check"), "Test ID": self.tr("Test ID"),
                            "Actual": self.tr("Actual"), "Required": self.tr("Required"), PASSED: self.tr("Passed"),
                            WARNING: self.tr("Warning"), FAILED: self.tr("Failed"), ERROR: self.tr("Error"),
                            SKIPPED: self.tr("Skipped")}
        self.proxy, self.table = make_results_table(self, self.model, table_name)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.details.setReadOnly(True)
        self.details.setAccessibleName(details_name)
        self.btn_copy = QPushButton(self.tr("Copy re&mediation"))
        self.btn_copy.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if compact:
            self.details.setMaximumHeight(90)
            row = QHBoxLayout()
            row.addWidget(self.details, 1)
            row.addWidget(self.btn_copy, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.table, 1)
            layout.addLayout(row)
        else:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.details, 1)
            column.addWidget(self.btn_copy, 0, Qt.AlignmentFlag.AlignRight)
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.addWidget(self.table)
            splitter.addWidget(box)
            splitter.setSizes([380, 200])
            layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self.show_details)
        self.btn_copy.clicked.connect(self.copy_remediation)

    def set_rows(self, rows: list[CheckRecord]) -> None:
        """Show `rows`, the first (the worst) selected."""
        self.model.set_rows(rows)
        fit_result_columns(self.table)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.show_details()

    def set_problems_only(self, on: bool) -> None:
        self.proxy.problems_only = on
        self.proxy.invalidate()

    def selected_record(self) -> CheckRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def show_details(self) -> None:
        r = self.selected_record()
        if r is None:
            self.details.clear()
            self.btn_copy.setEnabled(False)
            return
        self.details.setPlainText(details_text(self.tr(
            "{0} — {1}\n\nActual: {2}\nRequired: {3}\n\nRemediation:\n{4}\n\nEvidence:\n{5}"), r))
        self.btn_copy.setEnabled(bool(r.remediation))

    def copy_remediation(self) -> None:
        r = self.selected_record()
        if r and r.remediation:
            QGuiApplication.clipboard().setText(r.remediation)
