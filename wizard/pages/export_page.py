"""Step 7: readiness per SKU, a copy-ready preview of the portal form, and the export files.

The checklist says what is still missing, each item with a button to the step that
fixes it. The preview shows the guide's form field by field (a Copy button per
field: the publisher pastes them one at a time) and Partner Center's JSON. SAS
URIs are read from the keyring in the background; on screen their signature is
masked, Copy and the exported files carry the real one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..core.steps import Step
from ..i18n import CORE_CONTEXT, translate, translate_failure, translate_template
from .base import StepPage, sku_choice_label

if TYPE_CHECKING:
    from ..core.export import ExportTokens, SkuExport
    from ..document import ProjectDocument

SUFFIXES = {"portal-html": ".html", "portal-csv": ".csv", "portal-md": ".md", "partner-center-json": ".json",
            "partner-center-configure": ".json",
            "az-script": ".sh", "az-ps1": ".ps1"}


class ExportPage(StepPage):
    step = Step.EXPORT

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("Export the SKU form"))
        self.setSubTitle(self.tr("Check readiness and export the values to paste into the portal, field by field."))
        self.tokens: ExportTokens | None = None  # once read from the keyring
        self._checklist_steps: list[Step] = []  # the step each checklist row's "Go to step" opens
        self._form_values: list[tuple[str, str]] = []  # (label, value) each form row's Copy copies
        self._shown: tuple[object, int, SkuExport] | None = None  # what the tables show (refresh)
        self.exports: list[SkuExport] = []
        self.task = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.sku_combo = QComboBox()
        # Sized by its items whenever they change: a project reopened on a later step first showed this page's
        # combo empty, and Qt's default (sized on first show) kept it at that width ("ubuntu-s").
        self.sku_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sku_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long readiness summary wraps instead of widening the page
        top.addWidget(QLabel(self.tr("SKU:")))
        top.addWidget(self.sku_combo)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.checklist = self._button_table([self.tr("Ready"), self.tr("Item")], self.tr("Readiness checklist"))
        splitter.addWidget(self.checklist)

        self.preview_tabs = QTabWidget()
        self.form_table = self._button_table([self.tr("Field"), self.tr("Value")], self.tr("Publishing portal form"))
        self.preview_tabs.addTab(self.form_table, self.tr("Publishing portal (guide)"))
        self.json_box = json_box = QWidget()
        json_layout = QVBoxLayout(json_box)
        self.json_view = QPlainTextEdit()
        self.json_view.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.json_view.setReadOnly(True)
        self.json_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.btn_copy_json = QPushButton(self.tr("Copy JSON"))
        self.btn_copy_json.clicked.connect(self.copy_json)
        json_layout.addWidget(self.json_view)
        json_layout.addWidget(self.btn_copy_json, 0, Qt.AlignmentFlag.AlignRight)
        self.preview_tabs.addTab(json_box, self.tr("Partner Center (JSON)"))
        splitter.addWidget(self.preview_tabs)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Export format"))
        self.shown_profile: str | None = None  # the profile the tabs and formats were last set up for
        # As wide as the longest format name, so the chosen one reads whole ("Partner Center configure request —
        # JSON (az rest, curl)" was cut at 24 characters); the row still fits 1024 pixels, as the status
        # beside it wraps.
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.btn_export = QPushButton(self.tr("Export…"))
        self.btn_export.clicked.connect(self.ask_export)
        self.btn_reload = QPushButton(self.tr("Check again"))
        self.btn_reload.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.format_combo)
        bottom.addWidget(self.btn_export)
        bottom.addWidget(self.btn_reload)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _button_table(headers: list[str], name: str) -> QTableWidget:
        """A read-only table: a narrow first column, a wide second, and a button column."""
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels([*headers, ""])
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAccessibleName(name)
        header = table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        return table

    # -- data ---------------------------------------------------------------------------
    def _format_names(self, partner_center: bool) -> dict[str, str]:
        """The formats this profile offers, its own first: Partner Center's JSON and field list, or the
        2015 portal form -- never the other's."""
        if partner_center:
            names = {"partner-center-configure": self.tr("Partner Center configure request — JSON (az rest, curl)"),
                     "partner-center-json": self.tr("Partner Center technical configuration — JSON"),
                     "portal-html": self.tr("Partner Center fields — printable HTML"),
                     "portal-csv": self.tr("Partner Center fields — CSV"),
                     "portal-md": self.tr("Partner Center fields — Markdown")}
        else:
            names = {"portal-html": self.tr("Portal form — printable HTML"), "portal-csv": self.tr("Portal form — CSV"),
                     "portal-md": self.tr("Portal form — Markdown")}
        return names | {"az-script": self.tr("Test VM script — Azure CLI (bash)"),
                        "az-ps1": self.tr("Test VM script — Azure CLI (PowerShell)")}

    def _follow_profile(self) -> None:
        """Tabs, field list and formats as the project's profile has them; the last exported format chosen."""
        from ..core.operations import project_profile

        profile = project_profile(self.project)
        if self.shown_profile != profile.id:
            self.shown_profile = profile.id
            pc = profile.partner_center
            self.setTitle(self.tr("Export the plan's technical configuration") if pc else self.tr("Export the SKU form"))
            self.preview_tabs.clear()
            if pc:
                self.form_table.setAccessibleName(self.tr("Partner Center technical configuration fields"))
                self.preview_tabs.addTab(self.form_table, self.tr("Partner Center (fields)"))
                self.preview_tabs.addTab(self.json_box, self.tr("Partner Center (JSON)"))
            else:
                self.form_table.setAccessibleName(self.tr("Publishing portal form"))
                self.preview_tabs.addTab(self.form_table, self.tr("Publishing portal (guide)"))
            self.format_combo.blockSignals(True)
            self.format_combo.clear()
            for fmt, name in self._format_names(pc).items():
                self.format_combo.addItem(name, fmt)
            self.format_combo.blockSignals(False)
            self.preview_tabs.setCurrentIndex(0)
        last = self.project.last_export
        index = self.format_combo.findData(last.format) if last is not None else -1
        self.format_combo.setCurrentIndex(max(index, 0))

    def load_from_project(self) -> None:
        self._follow_profile()
        self.sku_combo.blockSignals(True)
        current = self.sku_combo.currentData()
        self.sku_combo.clear()
        for sku in self.project.skus:
            self.sku_combo.addItem(sku_choice_label(sku), sku.sku_id)
        self.sku_combo.setCurrentIndex(max(self.sku_combo.findData(current), 0))
        self.sku_combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Read every SAS URI from the keyring off the GUI thread, then show readiness and the preview."""
        from ..core.operations import prepare_export, read_sas_uris

        project = self.project

        def work(_progress: object, _cancel: object) -> tuple[ExportTokens, list[SkuExport]]:
            # The readiness items (the evaluator, with its file stats) are worked out here too, off the
            # GUI thread: the page only shows them.
            uris = read_sas_uris(project)
            return uris, prepare_export(project, sas_uris=uris)

        def done(result: tuple[ExportTokens, list[SkuExport]]) -> None:
            self.tokens = result[0]
            self.status.clear()
            self.refresh(result[1])

        def failed(error: BaseException) -> None:
            self.tokens = None
            self.status.setText(self.tr("The SAS URIs could not be read: {0}").format(translate_failure(error)))
            self.refresh()

        # Next (to "What's next") needs nothing from the keyring: a slow or locked keyring must not hold it.
        if self.run(work, done, failed, busy=(self.btn_export,), holds_next=False):
            self.status.setText(self.tr("Reading the SAS URIs from the keyring…"))

    def selected_sku_id(self) -> str | None:
        sku_id = self.sku_combo.currentData()
        return sku_id if isinstance(sku_id, str) else None

    def refresh(self, exports: list[SkuExport] | None = None) -> None:
        """Show the chosen SKU's checklist, form and JSON (`exports`: worked out already, off the GUI thread)."""
        from ..core.operations import ExportTokens, prepare_export

        self.exports = exports if exports is not None else prepare_export(self.project,
                                                                           sas_uris=self.tokens or ExportTokens())
        export = next((e for e in self.exports if e.sku.sku_id == self.selected_sku_id()), None)
        self.btn_export.setEnabled(self.task is None and bool(self.exports))
        if export is None:
            self.checklist.setRowCount(0)
            self.form_table.setRowCount(0)
            self._shown = None
            return
        # A visit with nothing changed (no edit, the same items and values) leaves the tables as they are.
        shown = (self.project, self.document.revision, export)
        if shown != self._shown:
            self._fill_checklist(export)
            self._fill_form(export)
            self._fill_json(export)
            self._shown = shown
        missing = len(export.missing)
        self.summary.setText(self.tr("Ready to submit.") if not missing else
                             self.tr("{0} item(s) missing: you can export now, and the export says what is missing.")
                             .format(missing))

    def _fill_checklist(self, export: SkuExport) -> None:
        self.checklist.setRowCount(len(export.items))
        for row, item in enumerate(export.items):
            # The item's own mark (core.status.Mark): the step list shows the same one for the same item.
            from ..core.status import MARK_MEANING

            symbol = item.mark.value
            mark = QTableWidgetItem(symbol)
            mark.setForeground(style.brush({"✓": style.GOOD, "⚠": style.CAUTION}.get(symbol, style.ERROR)))
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            meaning = translate_template(MARK_MEANING[item.mark], {})
            mark.setData(Qt.ItemDataRole.AccessibleTextRole, meaning)
            mark.setToolTip(meaning)
            said = translate_template(item.template, item.args)
            if item.fix:
                said += " " + translate_template(item.fix, item.args)
            self.checklist.setItem(row, 1, QTableWidgetItem(said))
            self.checklist.setItem(row, 0, mark)
            if item.ok:
                self.checklist.removeCellWidget(row, 2)
            elif not isinstance(self.checklist.cellWidget(row, 2), QPushButton):
                # A row's button is kept from one refresh to the next (making widgets is the costly part
                # of a refresh); it opens the step its row names now.
                button = QPushButton(self.tr("Go to step"))
                button.setToolTip(self.tr("Open the step that fixes this"))
                button.clicked.connect(lambda _c=False, row=row: self.go_to(self._checklist_steps[row]))
                self.checklist.setCellWidget(row, 2, button)
        self._checklist_steps = [item.step for item in export.items]

    def _fill_form(self, export: SkuExport) -> None:
        from ..core.operations import mask_signature

        self.form_table.setRowCount(len(export.form))
        for row, f in enumerate(export.form):
            label = translate_template(f.template, f.args)
            self.form_table.setItem(row, 0, QTableWidgetItem(label))
            shown = QTableWidgetItem(mask_signature(f.value) if f.value else translate(CORE_CONTEXT, f.missing))
            if not f.value:
                shown.setForeground(style.brush(style.ERROR))
            self.form_table.setItem(row, 1, shown)
            button = self.form_table.cellWidget(row, 2)
            if not isinstance(button, QPushButton):  # kept from one refresh to the next, as the checklist's
                button = QPushButton(self.tr("Copy"))
                button.clicked.connect(lambda _c=False, row=row: self.copy_value(*self._form_values[row]))
                self.form_table.setCellWidget(row, 2, button)
            button.setEnabled(bool(f.value))
            button.setAccessibleName(self.tr("Copy {0}").format(label))
        self._form_values = [(translate_template(f.template, f.args), f.value) for f in export.form]

    def _fill_json(self, export: SkuExport) -> None:
        import json

        from ..core.operations import mask_signature, partner_center_json

        self.json_text = json.dumps(partner_center_json(self.project, export.sku, export.sas_uris, export.missing),
                                    indent=2, ensure_ascii=False)
        self.json_view.setPlainText(mask_signature(self.json_text))

    # -- actions ------------------------------------------------------------------------
    def go_to(self, step: Step) -> None:
        wizard = self.wizard()
        if wizard is not None:
            wizard.jump_to(int(step))

    def copy_value(self, label: str, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self.status.setText(self.tr("Copied “{0}”. Paste it into the portal field of the same name.").format(label))

    def copy_json(self) -> None:
        QGuiApplication.clipboard().setText(getattr(self, "json_text", ""))
        self.status.setText(self.tr("Copied the Partner Center JSON."))

    def ask_export(self) -> None:
        fmt = self.format_combo.currentData()
        from ..core.operations import safe_file_name

        base = safe_file_name(self.project.offer.offer_id or "sku-form", "sku-form") + SUFFIXES[fmt]
        folder = Path(self.document.path).parent if self.document.path else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(folder / base))
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> bool:
        """Write every SKU in `fmt` to `path` (atomically); says what is missing."""
        from ..core.model import ExportRecord
        from ..core.operations import (
            ExportRefused,
            ExportWriteError,
            ProjectSaveError,
            remember_written,
            utc_now_iso,
            write_export,
        )

        try:
            missing = write_export(fmt, self.project, self.exports, path)
        except ExportRefused as exc:
            self.status.setText(self.tr("Not exported: {0}").format(exc))
            return False
        except ExportWriteError as exc:  # where, why and what to do, in the user's language
            self.status.setText(translate_failure(exc))
            return False
        except (OSError, ProjectSaveError) as exc:
            self.status.setText(self.tr("Could not write {0}: {1}").format(path, getattr(exc, "strerror", None) or exc))
            return False
        self.project.last_export = ExportRecord(fmt, str(path), utc_now_iso(), missing)
        remember_written(path)  # What's next may open this folder without asking (issue #29)
        # Writing a file out is not an edit: the step list shows it, but the project is not marked
        # unsaved (it is kept with the project at its next save).
        self.document.changed.emit()
        self.status.setText(self.tr("Exported {0}.").format(path) if not missing else
                            self.tr("Exported {0}, with {1} missing item(s) written into it.").format(path, missing))
        return True
