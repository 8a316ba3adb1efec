"""Step 2: check every disk's VHD (file or blob) before upload, and show how to fix it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Disk, Sku
from ..core.operations import CHECK_NAMES, project_profile, readable_size
from ..core.steps import Step
from ..core.verdicts import BLOCKING, WARNING
from ..i18n import CORE_CONTEXT, translate, translate_failure, translate_problem, translate_template
from .base import StepPage, button_grid, disk_label, readable_columns, setup_row_table

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from ..core.credentials import SecretRef
    from ..core.model import Project, VhdFinding
    from ..core.operations import DiskCheck, DiskPreflight
    from ..core.progress import CancelToken, ProgressUpdate
    from ..core.upload import UploadSummary
    from ..document import ProjectDocument


def severity_icon(widget: QWidget, severity: str) -> QIcon:
    """The style's standard icon for a severity (QStyle is imported late: it is costly at start-up)."""
    from PySide6.QtWidgets import QStyle

    pixmap = {
        "pass": QStyle.StandardPixmap.SP_DialogApplyButton,
        "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "fail": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "stale": QStyle.StandardPixmap.SP_BrowserReload,
    }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return widget.style().standardIcon(pixmap)


def storage_is_named(project: Project) -> bool:
    """Whether the project says which storage account to upload to (a connection string names it itself).
    Read from the project, not the keyring: safe on the GUI thread."""
    from ..core.operations import CONNECTION_STRING

    storage = project.storage
    return storage.mode == CONNECTION_STRING or bool(storage.account_name or storage.custom_endpoint)


class VhdPage(StepPage):
    step = Step.VHD

    host_os: str | None = None  # the OS the fix commands are for (None: this computer's; tests set one)

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        # The storage settings (mode, account, endpoint, container) before the storage dialog changed them, until
        # the key typed there is proved: a Cancel after a refused key puts them back.
        self._storage_before: tuple[str, str, str, str] | None = None
        self.setTitle(self.tr("VHD check"))
        self.setSubTitle(self.tr("Pick the VHD file of every disk. Each is checked against the profile's rules "
                                 "(fixed format, sizes, footer) before you upload it."))
        self.task = None
        self.queue: list[tuple[Sku, Disk]] = []
        self.severity_words = {"pass": self.tr("Pass"), "info": self.tr("Info"), "warning": self.tr("Warning"),
                               "fail": self.tr("Fail")}

        self.disks = QTableWidget(0, 4)
        self.disks.setHorizontalHeaderLabels([self.tr("SKU / disk"), self.tr("VHD file or blob URL"),
                                              self.tr("Result"), self.tr("Size")])
        readable_columns(self.disks, stretch=1)
        setup_row_table(self.disks, self.tr("Disks"))
        self.disks.setWordWrap(False)
        self.disks.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path or blob URL keeps both ends
        from .copy_action import add_copy_action

        add_copy_action(self.disks)

        self.btn_choose = QPushButton(self.tr("&Choose file…"))
        self.btn_blob = QPushButton(self.tr("Use b&lob URL…"))
        self.btn_blob.setToolTip(self.tr("Check a VHD already uploaded: paste its blob URL with a read SAS."))
        self.btn_upload = QPushButton(self.tr("&Upload…"))
        self.btn_upload.setToolTip(self.tr("Upload the selected disk's VHD as a page blob to the storage account of "
                                           "the SAS URIs step (only data that exists is sent; resumable)."))
        self.btn_check = QPushButton(self.tr("Chec&k"))
        self.btn_check_all = QPushButton(self.tr("Check &all"))
        self.btn_cancel = QPushButton(self.tr("Cancel"))
        self.btn_cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setTextVisible(True)
        self.show_only_while_running(self.progress)  # a check, a pre-flight or an upload
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Shown when an upload needs the storage account: one click to where it is connected. Its place is kept
        # while it is hidden, so that the message beside it wraps the same either way.
        self.btn_connect_storage = QPushButton(self.tr("Connect a s&torage account…"))
        policy = self.btn_connect_storage.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.btn_connect_storage.setSizePolicy(policy)
        self.btn_connect_storage.hide()
        self.btn_connect_storage.clicked.connect(self.go_connect_storage)
        buttons = QHBoxLayout()
        buttons.addLayout(button_grid((self.btn_choose, self.btn_blob, self.btn_upload, self.btn_check,
                                       self.btn_check_all, self.btn_cancel), 3))
        buttons.addWidget(self.progress, 1)

        self.findings = QTableWidget(0, 3)
        self.findings.setHorizontalHeaderLabels([self.tr("Result"), self.tr("Check"), self.tr("What it means")])
        readable_columns(self.findings, stretch=2)
        setup_row_table(self.findings, self.tr("Findings"))
        self.findings.setWordWrap(True)
        self.fix = QPlainTextEdit()
        self.fix.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.fix.setReadOnly(True)
        self.fix.setAccessibleName(self.tr("Fix command"))
        self.fix.setPlaceholderText(self.tr("Select a finding to see the command that fixes it."))
        self.fix.setMaximumHeight(80)
        self.btn_copy = QPushButton(self.tr("Co&py command"))
        self.btn_copy.setEnabled(False)

        format_tab = QWidget()
        ll = QVBoxLayout(format_tab)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.findings, 1)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix, 1)
        fix_row.addWidget(self.btn_copy, 0, Qt.AlignmentFlag.AlignTop)
        ll.addLayout(fix_row)
        # Where the fix command's tool comes from on this computer (Hyper-V PowerShell, or qemu-img).
        self.fix_hint = QLabel()
        self.fix_hint.setWordWrap(True)
        self.fix_hint.setObjectName("fixToolHint")
        self.fix_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_hint.hide()
        ll.addWidget(self.fix_hint)
        for key, widgets in (("lun", (self.disks,)), ("page-blob", (self.btn_upload,)), ("fixed-vhd", (self.btn_check,)),
                             ("vhd", (self.btn_choose,))):
            self.explain(key, *widgets)
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(format_tab, self.tr("F&ormat check"))
        self.result_tabs.addTab(self._preflight_tab(), self.tr("Inside the ima&ge"))
        lower = self.result_tabs
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.disks)
        ul.addLayout(buttons)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_line(), 1)
        status_row.addWidget(self.btn_connect_storage, 0, Qt.AlignmentFlag.AlignTop)
        ul.addLayout(status_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.btn_choose.clicked.connect(self.choose_file)
        self.btn_blob.clicked.connect(self.ask_blob_url)
        self.btn_upload.clicked.connect(self.ask_upload)
        self.btn_check.clicked.connect(self._check_selected)
        self.btn_check_all.clicked.connect(lambda: self.start_checks(self.all_disks()))
        self.btn_cancel.clicked.connect(self.cancel)
        self.disks.itemSelectionChanged.connect(self._show_findings)
        self.findings.itemSelectionChanged.connect(self._show_fix)
        self.btn_copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.fix.toPlainText()))
        self.btn_preflight.clicked.connect(self.start_preflight)
        self.pre_problems.toggled.connect(self.pre_results.set_problems_only)

    def status_line(self) -> QWidget:
        """The message line: three lines high, filled or not, and a longer message scrolls inside it. A message
        coming, going or growing (an upload's progress, "Which storage account?") moved the disk table and its
        buttons (issue #32)."""
        from PySide6.QtWidgets import QFrame, QScrollArea

        area = QScrollArea()
        area.setObjectName("vhdStatus")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(self.status)
        area.viewport().setAutoFillBackground(False)
        area.setFixedHeight(3 * self.status.fontMetrics().lineSpacing() + 2)
        return area

    def _preflight_tab(self) -> QWidget:
        """The pre-flight (issue #23): the Linux test cases read from the file, in the test run's table."""
        from .parts.results_pane import ResultsPane

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        self.btn_preflight = QPushButton(self.tr("Check &inside the image"))
        self.btn_preflight.setToolTip(self.tr("Read the Linux test cases' files from the selected VHD file itself "
                                              "(ext2/3/4), offline, before upload and before any VM."))
        self.pre_problems = QCheckBox(self.tr("P&roblems only"))
        self.pre_summary = QLabel()
        self.pre_summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.btn_preflight)
        row.addWidget(self.pre_problems)
        row.addWidget(self.pre_summary, 1)
        layout.addLayout(row)
        self.pre_results = ResultsPane(self.tr("Pre-flight results"), self.tr("Pre-flight result details"), compact=True)
        # The pane's parts under the names the page always gave them.
        self.pre_model, self.pre_proxy, self.pre_table = self.pre_results.model, self.pre_results.proxy, self.pre_results.table
        self.pre_details, self.btn_pre_copy = self.pre_results.details, self.pre_results.btn_copy
        layout.addWidget(self.pre_results, 1)
        return tab

    # -- table ---------------------------------------------------------------
    def all_disks(self) -> list[tuple[Sku, Disk]]:
        return [(sku, disk) for sku in self.project.skus for disk in sku.disks]

    def _check_selected(self) -> None:
        chosen = self.selected()
        self.start_checks([chosen] if chosen else [])

    def selected(self) -> tuple[Sku, Disk] | None:
        row = self.disks.currentRow()
        rows = self.all_disks()
        return rows[row] if 0 <= row < len(rows) else None

    def disk_name(self, sku: Sku, disk: Disk) -> str:
        return disk_label(sku, disk)

    def load_from_project(self) -> None:
        if storage_is_named(self.project):
            self.btn_connect_storage.hide()
        self.refresh()
        stale = [(s, d) for s, d in self.all_disks() if d.vhd_check and self.is_stale(d)]
        if stale:
            self.status.setText(self.tr("{0} file(s) changed since the last check: checking again.").format(len(stale)))
            self.start_checks(stale)
        if self.disks.rowCount() and self.disks.currentRow() < 0:
            self.disks.selectRow(0)

    def is_stale(self, disk: Disk) -> bool:
        from ..core.operations import check_is_stale

        return check_is_stale(disk)

    def _result(self, sku: Sku, disk: Disk) -> tuple[str, str | None, str]:
        """The Result cell: (text, icon severity, tooltip), from the disk's items as the step list and Export
        judge them (core.status: the check, the offline pre-flight, the link to the blob) -- the mark of the
        worst, in a few words each; the sentences and the check's own verdict in the tooltip."""
        from ..core.operations import disk_status
        from ..core.status import (
            R_PRE_BAD,
            R_PRE_STALE,
            R_VHD_FAIL,
            R_VHD_NO_BOOT,
            R_VHD_OTHER,
            R_VHD_PASS,
            R_VHD_STALE,
            R_VHD_WARN,
            Mark,
            step_mark,
        )

        record = disk.vhd_check
        items = disk_status(self.project, sku, disk)
        check, pre, link = items.get("vhd-check"), items.get("preflight"), items.get("upload")
        if record is None or check is None or check.mark is Mark.MISSING:
            words = self.tr("not checked") if (disk.vhd_path or disk.blob_url) else self.tr("no file chosen")
            parts = [words]
        else:
            parts = [f"{check.mark.value} " + {
                R_VHD_PASS: self.tr("Pass"), R_VHD_WARN: self.tr("Pass with warnings"),
                R_VHD_NO_BOOT: self.tr("no bootable partition"), R_VHD_FAIL: self.tr("Fail"),
                R_VHD_STALE: self.tr("changed since check"), R_VHD_OTHER: self.tr("check this file"),
            }.get(check.template, translate_template(check.template, check.args))]
        if pre is not None and pre.mark is not Mark.OK:
            parts.append(f"{pre.mark.value} " + {R_PRE_BAD: self.tr("Failed inside the image"),
                                                 R_PRE_STALE: self.tr("look inside again")}.get(pre.template, ""))
        if link is not None and link.mark in (Mark.FAIL, Mark.PARTIAL):  # the chain file → blob
            parts.append(f"{link.mark.value} " + (self.tr("upload again") if link.mark is Mark.FAIL else
                                                  self.tr("blob not linked to this file")))
        judged = [i for i in (check, pre, link) if i is not None and i.mark is not Mark.MISSING]
        mark = step_mark(judged) if judged else Mark.MISSING
        icon = {Mark.OK: "pass", Mark.PARTIAL: "warning", Mark.FAIL: "fail"}.get(mark)
        said = [translate_template(i.template, i.args) for i in judged if not i.ok] or \
               [translate_template(i.template, i.args) for i in judged]
        if record is not None:  # the check's own verdict stays in the details
            said.append(self.tr("Check verdict: {0}").format(self.severity_words.get(record.verdict, record.verdict)))
        return " · ".join(parts), icon, "\n".join(said)

    def refresh(self) -> None:
        rows = self.all_disks()
        current = self.disks.currentRow()
        self.disks.setRowCount(len(rows))
        for row, (sku, disk) in enumerate(rows):
            record = disk.vhd_check
            target = disk.vhd_path or disk.blob_url
            result, icon, said = self._result(sku, disk)
            size = f"{record.virtual_size / 2**30:.2f} GiB" if record and record.virtual_size else ""
            cells = [self.disk_name(sku, disk), target, result, size]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2 and icon is not None:
                    item.setIcon(severity_icon(self, icon))
                if col == 1 and text:
                    item.setToolTip(text)  # elided in the middle on screen; whole here and in Copy
                if col == 2 and said:
                    item.setToolTip(said)
                self.disks.setItem(row, col, item)
        for column in (0, 2, 3):  # the size whole ("30.00 GiB", not "30.0("), the path takes what is left
            self.disks.resizeColumnToContents(column)
        if 0 <= current < len(rows):
            self.disks.selectRow(current)
        self._show_findings()

    def _show_findings(self) -> None:
        chosen = self.selected()
        record = chosen[1].vhd_check if chosen else None
        findings = record.findings if record else []
        self.findings.setRowCount(len(findings))
        for row, f in enumerate(findings):
            sev = QTableWidgetItem(self.severity_words.get(f.severity, f.severity))
            sev.setIcon(severity_icon(self, f.severity))
            sev.setData(Qt.ItemDataRole.UserRole, f.fix)
            self.findings.setItem(row, 0, sev)
            name = QTableWidgetItem(translate(CORE_CONTEXT, CHECK_NAMES.get(f.id, f.id)))
            name.setToolTip(f.id)
            self.findings.setItem(row, 1, name)
            self.findings.setItem(row, 2, QTableWidgetItem(self._translated(f)))
        self.findings.resizeColumnToContents(0)
        self.findings.resizeColumnToContents(1)
        self.findings.resizeRowsToContents()
        worst = next((r for r in range(len(findings)) if findings[r].fix), 0 if findings else -1)
        if worst >= 0:
            self.findings.selectRow(worst)
        self._show_fix()
        self._show_preflight()

    def _translated(self, finding: VhdFinding) -> str:
        return translate_problem(finding)

    def _show_fix(self) -> None:
        row = self.findings.currentRow()
        item = self.findings.item(row, 0) if row >= 0 else None
        fix = item.data(Qt.ItemDataRole.UserRole) if item else ""
        self.fix.setPlainText(fix or "")
        # The placeholder must fit what is selected: "select a finding" only when none is.
        self.fix.setPlaceholderText(self.tr("Nothing to fix for this finding.") if item else
                                    self.tr("Select a finding to see the command that fixes it."))
        self.btn_copy.setEnabled(bool(fix))
        from ..core.operations import FIRST_MIB_FIX, fix_tool_hint

        command = bool(fix) and fix != FIRST_MIB_FIX  # that one is advice, not a command
        self.fix_hint.setText(translate(CORE_CONTEXT, fix_tool_hint(self.host_os)) if command else "")
        self.fix_hint.setVisible(command)

    # -- actions -------------------------------------------------------------
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen = self.selected()
        if not chosen:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the VHD for {0}").format(self.disk_name(*chosen)),
                                              chosen[1].vhd_path, self.tr("Virtual disks (*.vhd *.vhdx);;All files (*)"))
        if name:
            self.set_disk_file(chosen[1], name)
            self.start_checks([chosen])

    def set_disk_file(self, disk: Disk, path: str) -> None:
        disk.vhd_path = path
        disk.vhd_check = None
        disk.preflight = None
        self.changed()
        self.refresh()

    def ask_blob_url(self) -> None:
        from ..mnemonics import ask_text

        chosen = self.selected()
        if not chosen:
            return
        url, ok = ask_text(self, self.tr("Blob URL"), self.tr(
            "Blob URL of the VHD for {0}, with a SAS that can read it:").format(self.disk_name(*chosen)),
            check=self.blob_url_problem)
        if ok and url.strip():
            self.set_disk_blob(chosen[1], url.strip())
            self.start_checks([chosen])

    def blob_url_problem(self, text: str) -> str:
        """Why the Blob URL dialog cannot take `text` ("" when it can): said in the dialog, OK held."""
        from ..core.operations import parse_blob_url

        if not text.strip():
            return self.tr("Paste the blob's URL.")
        try:
            parse_blob_url(text)
        except ValueError:
            return self.tr("Not a blob URL: it starts with https:// and names the account, the container and the "
                           "blob (https://ACCOUNT.blob.core.windows.net/vhds/disk.vhd?SAS).")
        return ""

    def container_problem(self, text: str) -> str:
        """Why the upload's container name cannot be taken ("" when it can)."""
        from ..core.operations import valid_container_name

        if valid_container_name(text.strip()):
            return ""
        return self.tr("A container name is 3–63 lowercase letters, digits and hyphens, starts and ends with a "
                       "letter or digit, and has no two hyphens in a row.")

    def blob_sas_ref(self, blob_url: str) -> SecretRef:
        from ..core.operations import blob_read_sas_ref

        return blob_read_sas_ref(self.project.project_id, blob_url)

    def set_disk_blob(self, disk: Disk, url: str) -> bool:
        """Keep the URL without its SAS in the project; the SAS stays in memory only."""
        from ..core.operations import keep_blob_read_sas, parse_blob_url

        try:
            parsed = parse_blob_url(url)
        except ValueError as exc:
            self.status.setText(self.tr("Not a blob URL: {0}").format(exc))
            return False
        disk.blob_url = parsed.url_without_sas
        disk.vhd_path = ""
        disk.vhd_check = None
        disk.preflight = None
        if parsed.query:
            keep_blob_read_sas(self.project.project_id, disk.blob_url, parsed.query)
        self.changed()
        self.refresh()
        return True

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.btn_choose, self.btn_blob, self.btn_check, self.btn_check_all, self.btn_upload, self.btn_preflight)

    def start_checks(self, items: list[tuple[Sku, Disk]]) -> None:
        items = [(s, d) for s, d in items if d.vhd_path or d.blob_url]
        if not items or self.task is not None:
            return
        self.queue = list(items)
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self._next_check()

    def _next_check(self) -> None:
        if not self.queue:
            self.refresh()
            return
        from ..core.operations import StorageError, check_disk

        sku, disk = self.queue.pop(0)
        profile = project_profile(self.project)
        target = disk.vhd_path or disk.blob_url
        project = self.project
        self.status.setText(self.tr("Checking {0}…").format(self.disk_name(sku, disk)))

        def done(result: DiskCheck) -> None:
            disk.vhd_check = result.record
            self.changed()
            self.progress.setValue(self.progress.value() + 1)
            self.status.setText("")
            self.refresh()
            self._next_check()

        def cancelled() -> None:
            self.status.setText(self.tr("Check cancelled."))
            self.queue.clear()
            self.refresh()

        def failed(error: BaseException) -> None:
            self.progress.setValue(self.progress.value() + 1)
            if isinstance(error, StorageError):
                self.status.setText(self.tr("Could not read {0}: {1}").format(self.disk_name(sku, disk),
                                                                                   translate_failure(error)))
            else:
                self.status.setText(self.tr("Check failed: {0}").format(error))
            self._next_check()

        # How the disk boots is judged for its image type under a profile with image types to choose
        # (Partner Center); the 2015 guide's one x64 image per SKU is checked as it always was.
        image_type = disk.image_type if profile.image_types_max > 1 or len(profile.image_types) > 1 else None
        self.run(lambda progress, cancel: check_disk(target, profile, disk.role, sku.os_family, project, cancel=cancel,
                                                     image_type=image_type),
                 done, failed, cancelled, busy=self.busy_widgets(), cancel_button=self.btn_cancel)

    # -- pre-flight: the test cases from the file itself -----------------------------
    def _show_preflight(self) -> None:
        from ..core.operations import preflight_is_stale

        chosen = self.selected()
        record = chosen[1].preflight if chosen else None
        self.pre_results.set_rows(record.results if record else [])
        if record is None or chosen is None:
            self.pre_summary.setText(self.tr("Not checked inside yet: reads the files the Linux test cases need "
                                             "(ext2/3/4; XFS, Btrfs and LVM need the test VM)."))
        else:
            failed = sum(r.result in BLOCKING for r in record.results)
            warnings = sum(r.result == WARNING for r in record.results)
            text = self.tr("Offline pre-flight: {0} failure(s), {1} warning(s); {2}, {3} KiB read.").format(
                failed, warnings, record.layout, record.bytes_read // 1024)
            if preflight_is_stale(chosen[1]):
                text += " " + self.tr("The file changed since: check inside again.")
            self.pre_summary.setText(text)

    def start_preflight(self) -> None:
        """Read the selected local VHD's files in the background (progress and Cancel), judge, keep the record."""
        from ..core.model import OS_LINUX
        from ..core.operations import StorageError, preflight_disk

        chosen = self.selected()
        if self.task is not None or chosen is None:
            return
        sku, disk = chosen
        if not disk.vhd_path or sku.os_family != OS_LINUX or disk.role != "os":
            self.pre_summary.setText(self.tr("The pre-flight reads the local VHD file of a Linux OS disk: choose "
                                             "one first."))
            return
        profile = project_profile(self.project)
        path = disk.vhd_path
        self.result_tabs.setCurrentIndex(1)

        def done(result: DiskPreflight) -> None:
            disk.preflight = result.record
            self.changed()
            self.status.setText("")
            self._show_preflight()

        def failed(error: BaseException) -> None:
            reason = translate_failure(error) if isinstance(error, StorageError) else str(error)
            self.pre_summary.setText(self.tr("Could not check inside {0}: {1}").format(self.disk_name(sku, disk), reason))

        def on_progress(update: ProgressUpdate) -> None:
            self.progress.setRange(0, update.total or 1)
            self.progress.setValue(update.done)

        if self.run(lambda progress, cancel: preflight_disk(path, profile, profile.id, progress, cancel), done, failed,
                    cancelled=lambda: self.pre_summary.setText(self.tr("Pre-flight cancelled.")), progress=on_progress,
                    busy=self.busy_widgets(), cancel_button=self.btn_cancel):
            self.pre_summary.setText(self.tr("Reading the files inside {0}…").format(self.disk_name(sku, disk)))

    def ask_upload(self) -> None:
        from ..mnemonics import ask_text

        chosen = self.selected()
        if not chosen or not chosen[1].vhd_path:
            self.status.setText(self.tr("Choose the disk's VHD file first."))
            return
        given: tuple[str, bool] | None = None
        self._storage_before = None
        if not storage_is_named(self.project):
            # Asked before the container: without an account the upload cannot start. Connected right here;
            # a publisher who would rather not still has the way to the SAS URIs step.
            given = self.ask_storage_key()
            if given is None:
                self.say_where_to_connect()
                return
        container, ok = ask_text(self, self.tr("Upload"), self.tr("Container to upload into:"),
                                 text=self.project.storage.container or "vhds", check=self.container_problem)
        if ok and container.strip():
            self.start_upload(chosen[0], chosen[1], container.strip(), given)

    def say_where_to_connect(self) -> None:
        self.status.setText(self.tr("Which storage account? Connect it first on the SAS URIs step (its name and "
                                    "account key, then Connect and list containers): the upload sends the VHD there."))
        self.offer_storage_connection()

    def ask_storage_key(self, why: str = "", refused: str = "", remember: bool = True) -> tuple[str, bool] | None:
        """The storage account's name, key and endpoint from a dialog (the project keeps the name and endpoint,
        never the key); (key, remember) or None when the publisher cancelled. The storage settings as they were
        before the first dialog are kept until the key is proved, for a Cancel after a refused key."""
        from ..core.operations import ACCOUNT_KEY
        from .storage_dialog import StorageConnectDialog

        settings = self.project.storage
        dialog = StorageConnectDialog(self, settings.account_name, settings.custom_endpoint, why, refused, remember)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        account, key, endpoint, remember = dialog.values()
        if self._storage_before is None:
            self._storage_before = (settings.mode, settings.account_name, settings.custom_endpoint, settings.container)
        settings.mode, settings.account_name, settings.custom_endpoint = ACCOUNT_KEY, account, endpoint
        self.changed()
        return key, remember

    def ask_key_again(self, sku: Sku, disk: Disk, container: str, error: BaseException, remember: bool) -> None:
        """The service refused the key typed in the dialog: the dialog again, with the reason in it and the
        account name and endpoint as typed. OK tries the new key with the same upload; Cancel puts the storage
        settings back as they were before the first dialog (nothing was kept: a refused key never is)."""
        if self.task is not None:
            return
        given = self.ask_storage_key(refused=translate_failure(error), remember=remember)
        if given is not None:
            self.start_upload(sku, disk, container, given)
            return
        before, self._storage_before = self._storage_before, None
        if before is not None:
            settings = self.project.storage
            settings.mode, settings.account_name, settings.custom_endpoint, settings.container = before
            self.changed()
        self.status.setText(self.tr("The storage account refused the key, and nothing was kept: the upload did not "
                                    "start. Upload again to enter the key, or connect the account on the SAS URIs "
                                    "step."))
        self.offer_storage_connection()

    def ask_key_then_upload(self, sku: Sku, disk: Disk, container: str) -> None:
        """The project names the account but no key is at hand (not this session's, not the keyring's):
        ask for it here, then go on with the same upload."""
        if self.task is not None:
            return
        self._storage_before = None
        given = self.ask_storage_key(self.tr(
            "The key of the storage account {0} is not in this session or the OS keyring. Enter it to go on with "
            "the upload (Azure portal → Storage accounts → {0} → Access keys).").format(
            self.project.storage.account_name or self.project.storage.custom_endpoint))
        if given is None:
            self.say_where_to_connect()
            return
        self.start_upload(sku, disk, container, given)

    def offer_storage_connection(self) -> None:
        """One click to the storage account's fields (SAS URIs step), from where the publisher is."""
        self.btn_connect_storage.show()

    def go_connect_storage(self) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        wizard.jump_to(int(Step.SAS))
        account = getattr(wizard.currentPage(), "account", None)
        if account is not None:
            account.setFocus()

    def start_upload(self, sku: Sku, disk: Disk, container: str, given: tuple[str, bool] | None = None) -> None:
        """Upload in the background with live throughput, ETA and bytes skipped; the blob becomes the disk's."""
        import time

        from ..core.operations import (
            ContentChanged,
            CredentialError,
            NoStorageCredential,
            StorageKeyRefused,
            confirm_checked_content,
            connect_storage_key,
            note_content_changed,
            record_upload,
            storage_access,
            upload_blob_name,
            upload_disk,
        )

        if self.task is not None:
            return
        project = self.project
        path = disk.vhd_path
        checked = disk.vhd_check
        project.storage.container = container
        started = time.monotonic()

        def work(progress: Callable[[ProgressUpdate], None],
                 cancel: CancelToken) -> tuple[str, UploadSummary, CredentialError | None]:
            confirm_checked_content(checked, path)  # the content the check read, not only its size and mtime
            keyring_problem = None
            if given is not None:  # typed in the dialog: proved by a listing, then kept (keyring, off this thread)
                access, kept = connect_storage_key(project, given[0], given[1], cancel)
                keyring_problem = kept.problem
            else:
                access = storage_access(project)  # the session's or the keyring's: read here, off the GUI thread
            url = access.blob_url(container, upload_blob_name(path))
            return url, upload_disk(path, url, access, progress=progress, cancel=cancel), keyring_problem

        def on_progress(update: ProgressUpdate) -> None:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * update.done / update.total) if update.total else 0)
            elapsed = max(time.monotonic() - started, 0.001)
            rate = update.done / elapsed
            eta = (update.total - update.done) / rate if rate else 0
            self.status.setText(self.tr("Uploading {0}: {1} — {2:.0f} MB/s of the file, about {3:.0f} s left").format(
                self.disk_name(sku, disk), update.message, rate / 1e6, eta))

        def done(result: tuple[str, UploadSummary, CredentialError | None]) -> None:
            url, summary, keyring_problem = result
            self._storage_before = None
            record_upload(disk, path, url, summary)  # the blob and the file identity it holds (core.status judges the link)
            self.changed()
            self.refresh()
            note = self.tr(" (resumed)") if summary.resumed else ""
            # Sizes a person reads at a glance; "2147481088 bytes skipped" read like data left behind.
            self.status.setText(self.tr("Uploaded to {0}{1}: {2} sent; {3} of empty space not sent (Azure reads it as "
                                        "zeros); {4:.1f} s. Page ranges verified.").format(
                url, note, readable_size(summary.bytes_sent), readable_size(summary.bytes_skipped), summary.seconds))
            if summary.created_container:
                self.status.setText(self.status.text() + " " + self.tr(
                    "The container {0} did not exist: it was created (private, no public access).").format(
                    summary.created_container))
            if keyring_problem is not None:  # the key is kept for this session: say why not in the keyring
                from ..secret_ui import describe_credential_error

                self.status.setText(self.status.text() + "\n" + describe_credential_error(keyring_problem))

        def failed(error: BaseException) -> None:
            if isinstance(error, ContentChanged):  # the check is out of date: ✗ until the file is checked again
                note_content_changed(disk, checked)
                self.changed()
                self.refresh()
            if isinstance(error, StorageKeyRefused) and given is not None:
                # The key just typed was refused before anything was sent: ask for it again where it was typed.
                self.status.setText(self.tr("Upload failed: {0}").format(translate_failure(error)))
                QTimer.singleShot(0, lambda: self.ask_key_again(sku, disk, container, error, given[1]))
                return
            self._storage_before = None
            if isinstance(error, NoStorageCredential) and given is None:
                # No key at hand: a path forward here, not a trip to another step. After this callback: the
                # task has ended and the dialog is not opened inside the task's own bookkeeping.
                self.status.setText(translate_failure(error))
                QTimer.singleShot(0, lambda: self.ask_key_then_upload(sku, disk, container))
                return
            self.status.setText(self.tr("Upload failed: {0}").format(translate_failure(error)))

        self.run(work, done, failed=failed,
                 cancelled=lambda: self.status.setText(self.tr("Upload cancelled. Upload again to send only what is "
                                                                "missing.")),
                 progress=on_progress, busy=self.busy_widgets(), cancel_button=self.btn_cancel)

    def cancel(self) -> None:
        self.queue.clear()
        super().cancel()
