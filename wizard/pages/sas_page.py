"""Step 6: connect to the storage account, assign each disk its blob, and make a SAS URI per disk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..core.model import Disk, Sku
from ..core.operations import STORAGE_MODES, project_profile, storage_secret_ref
from ..core.steps import Step, parse_iso, sas_expiry_state
from ..i18n import translate_failure, translate_problem
from ..style import set_banner
from .base import StepPage, button_grid, disk_label, readable_columns, setup_row_table
from .parts.secret_field import SecretField

if TYPE_CHECKING:
    from ..core.credentials import CredentialError, SecretRef
    from ..core.export import ExportTokens
    from ..core.model import SasRecord
    from ..core.progress import CancelToken, ProgressUpdate
    from ..core.sas import SasVerification
    from ..core.status import StatusItem
    from ..core.storage import BlobEntry, StorageAccess
    from ..document import ProjectDocument

MODES = STORAGE_MODES
SUFFIXES = ("core.windows.net", "core.chinacloudapi.cn", "core.usgovcloudapi.net")


class SasPage(StepPage):
    step = Step.SAS

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("SAS URIs"))
        self.setSubTitle(self.tr("Connect to the storage account that holds the VHDs, assign each disk its blob, "
                                 "and create a read-and-list SAS URI for every disk, as the portal requires."))
        self.task = None
        self.tokens: ExportTokens | None = None  # the SAS tokens as Export reads them (keyring, off the GUI thread)
        self.access: StorageAccess | None = None
        self._loading = False

        # Two tabs side by side with the disk table: the storage account's form, then (after Connect) its
        # containers and blobs. Stacked in one narrow column, at 1024x700 the form wrapped its labels one way
        # and another in Japanese and left the browser four rows that scrolled sideways (issue #32).
        conn = QWidget()
        form = QFormLayout(conn)
        self.mode = QComboBox()
        for mode, label in zip(MODES, (self.tr("Account name and key"), self.tr("Connection string"),
                                       self.tr("Container SAS URL (list rights)")), strict=True):
            self.mode.addItem(label, mode)
        self.account = QLineEdit()
        self.suffix = QComboBox()
        self.suffix.setEditable(True)
        self.suffix.addItems(SUFFIXES)
        self.endpoint = QLineEdit()
        # Short: at 1024 pixels in Japanese the field is narrow; the example is in its tooltip.
        self.endpoint.setPlaceholderText(self.tr("optional"))
        self.secret_field = SecretField(self, self._secret_ref)
        self.secret, self.remember = self.secret_field.edit, self.secret_field.remember
        self.btn_connect = QPushButton(self.tr("&Connect and list containers"))
        for label, widget, tip in (
            (self.tr("&Access with:"), self.mode, self.tr("How this app signs in to the storage account.")),
            (self.tr("Account na&me:"), self.account, self.tr("The storage account name.")),
            (self.tr("Endpoint &suffix:"), self.suffix, self.tr("core.windows.net for the public cloud; others for sovereign clouds.")),
            (self.tr("Custom &endpoint:"), self.endpoint, self.tr("Optional: a full blob endpoint URL; it overrides the name and the suffix. For the emulator: "
                                                       "http://127.0.0.1:10000/devstoreaccount1")),
            (self.tr("Storage accoun&t key:"), self.secret, ""),
        ):
            widget.setToolTip(tip)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        # Each label above its field, every row alike (a Japanese label is as wide as its field), each field at
        # least as wide as the usual suffix: the disk table gets the rest of the width.
        field = self.suffix.fontMetrics().horizontalAdvance(SUFFIXES[0]) + 40
        for widget in (self.account, self.suffix, self.endpoint, self.secret):
            widget.setMinimumWidth(field)
        # The credential field says which secret it wants and where it is found (it changes with "Access with").
        self.secret_label = cast(QLabel, form.labelForField(self.secret))  # addRow(text, …) made a QLabel
        self.secret_where = QLabel()
        self.secret_where.setWordWrap(True)
        self.secret_where.setObjectName("secretWhere")
        self.secret_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.secret_where)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.remember)
        form.addRow(self.btn_connect)

        # The blob's name (elided in the middle: whole in its tooltip and in Copy), its size and what the portal
        # thinks of it, fitted to the pane; its URL, type and date in the tooltip.
        self.browser = QTreeWidget()
        self.browser.setHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("Portal")])
        self.browser.setAccessibleName(self.tr("Containers and blobs"))
        self.browser.setMinimumWidth(0)
        from .copy_action import add_copy_action
        from .parts.fitted_columns import FittedColumns

        self.browser.setIndentation(12)  # a blob's name starts nearer the edge: more of it shows
        # The name keeps half the width while the portal's word can wrap.
        self.browser_columns = FittedColumns(self.browser, rest=0, wrapped=(2,), elided=(), share=0.5)
        add_copy_action(self.browser)
        self.btn_assign = QPushButton(self.tr("Ass&ign blob to selected disk"))
        blobs = QWidget()
        bl = QVBoxLayout(blobs)
        bl.setContentsMargins(4, 4, 4, 4)
        bl.addWidget(self.browser, 1)
        bl.addWidget(self.btn_assign)

        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(conn, self.tr("Storage acco&unt"))
        self.left_tabs.addTab(blobs, self.tr("Bl&obs"))
        # What Connect and the listings say, under both tabs; two lines kept for it, so that it moves nothing.
        self.conn_status = QLabel()
        self.conn_status.setWordWrap(True)
        self.conn_status.setMinimumHeight(2 * self.conn_status.fontMetrics().lineSpacing())
        self.conn_status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.left_tabs, 1)
        ll.addWidget(self.conn_status)

        # The status next to the disk's name, the long blob URL last: the columns fit their content and the URL
        # takes the rest, elided in the middle (whole in its tooltip and in Copy); when the table is narrow (1024
        # pixels, Japanese) the status and the expiry wrap and the name gives way, never a sideways scroll.
        self.disks = QTableWidget(0, 4)
        self.disks.setHorizontalHeaderLabels([self.tr("SKU / disk"), self.tr("Status"), self.tr("SAS expires"), self.tr("Blob")])
        readable_columns(self.disks, stretch=3)
        from .parts.fitted_columns import FittedColumns

        self.disk_columns = FittedColumns(self.disks, rest=3, wrapped=(1, 2), elided=(0,))
        setup_row_table(self.disks, self.tr("Disks and their SAS URIs"))
        add_copy_action(self.disks)  # the whole blob URL, not the elided one
        self.extra_days = QSpinBox()
        self.extra_days.setRange(0, 365)
        self.extra_days.setToolTip(self.tr("Make the SAS last longer than the profile's minimum (never shorter)."))
        self.extra_days.valueChanged.connect(self._show_expiry)
        self.scheme = QComboBox()
        self.scheme.addItem("https", "https")
        self.scheme.addItem("http", "http")
        self.scheme.setToolTip(self.tr("The 2015 guide asks for http; most storage accounts require https."))
        self.scheme.currentIndexChanged.connect(self._show_expiry)
        # What the expiry and scheme choices lead to: the date, the profile's minimum, the guide's remark.
        self.expiry_note = QLabel()
        self.expiry_note.setWordWrap(True)
        self.expiry_note.setObjectName("expiryNote")
        self.btn_generate = QPushButton(self.tr("&Generate SAS"))
        self.btn_generate_all = QPushButton(self.tr("Generate for a&ll disks"))
        self.btn_verify = QPushButton(self.tr("Ve&rify"))
        self.btn_copy = QPushButton(self.tr("Cop&y SAS URI"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("sasBanner")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Two short rows: one long row would make the page wider than a 1280-pixel screen in Japanese.
        options = QHBoxLayout()
        extra_label = QLabel(self.tr("&Days beyond the minimum:"))  # the minimum itself is said below
        extra_label.setBuddy(self.extra_days)
        options.addWidget(extra_label)
        options.addWidget(self.extra_days)
        options.addWidget(QLabel(self.tr("Scheme:")))
        options.addWidget(self.scheme)
        options.addStretch(1)
        buttons = button_grid((self.btn_generate, self.btn_generate_all, self.btn_verify, self.btn_copy), 2)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.banner)
        rl.addWidget(self.disks, 1)
        rl.addLayout(options)
        rl.addWidget(self.expiry_note)
        rl.addLayout(buttons)
        rl.addWidget(self.details)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The disk table, what this step is about, gets two thirds: room for a two-line status in Japanese.
        splitter.setSizes([300, 600])
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

        self.btn_connect.clicked.connect(self.connect_storage)
        self.btn_assign.clicked.connect(self.assign_selected_blob)
        self.btn_generate.clicked.connect(self._generate_selected)
        self.btn_generate_all.clicked.connect(lambda: self.generate(self.all_disks()))
        self.btn_verify.clicked.connect(self.verify_selected)
        self.btn_copy.clicked.connect(self.copy_selected)
        self.disks.itemSelectionChanged.connect(self._show_details)
        self.browser.itemExpanded.connect(self._expand_container)
        for w in (self.account, self.endpoint):
            w.textEdited.connect(self._store_settings)
        self.suffix.currentTextChanged.connect(self._store_settings)
        self.mode.currentIndexChanged.connect(self._store_settings)
        self.mode.currentIndexChanged.connect(self._show_secret_kind)
        self._show_secret_kind()
        self.explain("storage-account", self.account)
        self.explain("sas", self.disks, self.btn_generate)
        self.explain("keyring", self.remember)

    # -- project <-> widgets ---------------------------------------------------
    def all_disks(self) -> list[tuple[Sku, Disk]]:
        # A disk whose image comes from an Azure Compute Gallery image version needs no SAS URI.
        return [(sku, disk) for sku in self.project.skus for disk in sku.sas_disks]

    def _generate_selected(self) -> None:
        chosen = self.selected()
        self.generate([chosen] if chosen else [])

    def selected(self) -> tuple[Sku, Disk] | None:
        rows = self.all_disks()
        row = self.disks.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def disk_name(self, sku: Sku, disk: Disk) -> str:
        return disk_label(sku, disk)

    def load_from_project(self) -> None:
        s = self.project.storage
        self._loading = True
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode)))
        self.account.setText(s.account_name)
        self.suffix.setCurrentText(s.endpoint_suffix)
        self.endpoint.setText(s.custom_endpoint)
        self._loading = False
        self._show_secret_kind()
        self._show_expiry()
        self.refresh()
        self._load_secret()
        if self.disks.rowCount() and self.disks.currentRow() < 0:
            self.disks.selectRow(0)

    def _show_secret_kind(self) -> None:
        """Name the credential the chosen access mode wants, and where the person finds it."""
        from ..core.operations import ACCOUNT_KEY, CONNECTION_STRING

        mode = self.mode.currentData()
        if mode == ACCOUNT_KEY:
            label = self.tr("Storage accoun&t key:")
            where = self.tr("Where: Azure portal → Storage accounts → your account → Security + networking → Access keys "
                            "→ Show, then copy key1 (or key2).")
        elif mode == CONNECTION_STRING:
            label = self.tr("Connec&tion string:")
            where = self.tr("Where: Azure portal → Storage accounts → your account → Security + networking → Access keys "
                            "→ Connection string (Show). It holds the account key too.")
        else:
            label = self.tr("Con&tainer SAS URL:")
            where = self.tr("Where: Azure portal → your storage account → Storage browser → the container → Shared access "
                            "tokens, with Read and List. It can list blobs, but signing a SAS needs the key.")
        never = self.tr("Never stored in the project file.")
        from ..core.guidance import term_explanation
        from ..i18n import current_language

        term = {ACCOUNT_KEY: "account-key", CONNECTION_STRING: "connection-string"}.get(mode, "container-sas")
        self.secret_label.setText(label)
        self.secret.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.secret.setToolTip(f"{term_explanation(term, current_language())}\n\n{where} {never}")
        self.secret_where.setText(where)

    def _show_expiry(self) -> None:
        """The expiry the next SAS gets (the profile's minimum plus the extra days) and the minimum itself;
        every number from the profile."""
        from ..core.operations import sas_expiry
        from ..i18n import local_time

        profile = project_profile(self.project)
        now = datetime.now(UTC)
        expires = sas_expiry(profile, now, self.extra_days.value())
        if profile.sas_min_business_days:
            minimum = self.tr("at least {0} business days after its start, plus {1} day(s) of margin").format(
                profile.sas_min_business_days, profile.sas_expiry_margin_days)
        else:
            minimum = self.tr("at least {0} days from the day it is made").format(profile.sas_min_days)
        lines = [self.tr("A new SAS expires {0}. The profile's minimum: {1}.").format(
            local_time(expires.strftime("%Y-%m-%dT%H:%M:%SZ")), minimum)]
        if profile.sas_scheme == "http-warn":
            lines.append(self.tr("The 2015 guide says the URI must not start with https: the tools of that time could "
                                 "not read it. Keep https unless the portal refuses it; http works only where the storage "
                                 "account allows it (Secure transfer required off)."))
        elif self.scheme.currentData() == "http":
            lines.append(self.tr("Partner Center needs https: choose https."))
        self.expiry_note.setText("\n".join(lines))

    def _store_settings(self) -> None:
        if self._loading:
            return
        s = self.project.storage
        s.mode = self.mode.currentData()
        s.account_name = self.account.text().strip()
        s.endpoint_suffix = self.suffix.currentText().strip()
        s.custom_endpoint = self.endpoint.text().strip()
        self.access = None
        self.changed()

    def _secret_ref(self) -> SecretRef:
        return storage_secret_ref(self.project.project_id, self.mode.currentData(), self.project.storage)

    def _load_secret(self) -> None:
        self.secret_field.load()  # a keyring that cannot be read leaves the field for the person to fill

    def storage_access(self) -> StorageAccess:
        from ..core.operations import StorageAccess

        return StorageAccess.from_settings(self.project.storage, self.secret.text().strip())

    # -- connection and browsing --------------------------------------------------
    def connect_storage(self) -> None:
        from ..core.operations import keep_secret, list_containers

        if not self.secret.text().strip():
            self.conn_status.setText(self.tr("Enter the account key, connection string or container SAS URL."))
            return
        self._store_settings()
        access = self.storage_access()
        ref, remember = self._secret_ref(), self.remember.isChecked()
        self.conn_status.setText(self.tr("Connecting…"))

        def work(progress: Callable[[ProgressUpdate], None],
                 cancel: CancelToken) -> tuple[list[str], CredentialError | None]:
            # The keyring is written here, off the GUI thread (it may prompt to unlock).
            keyring_error = keep_secret(ref, access.secret, remember).problem
            return list_containers(access, cancel), keyring_error

        def done(result: tuple[list[str], CredentialError | None]) -> None:
            containers, keyring_error = result
            self.access = access
            self._show_containers(containers)
            self.left_tabs.setCurrentIndex(1)  # what comes next: choose each disk's blob
            if keyring_error is not None:
                from ..secret_ui import describe_credential_error

                self.conn_status.setText(self.conn_status.text() + "\n" + describe_credential_error(keyring_error))

        def failed(error: BaseException) -> None:
            self.conn_status.setText(self.tr("Could not connect: {0}").format(translate_failure(error)))

        self.run(work, done, failed, busy=(self.btn_connect,))

    def _show_containers(self, containers: list[str]) -> None:
        self.browser.clear()
        for name in containers:
            item = QTreeWidgetItem([name])
            item.setData(0, Qt.ItemDataRole.UserRole, ("container", name))
            item.setToolTip(0, name)
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.browser.addTopLevelItem(item)
        self.browser_columns.fit()
        self.conn_status.setText(self.tr("Connected: {0} container(s).").format(len(containers)))
        cut = getattr(containers, "cut", None)  # a listing stopped at its budget says so (issue #29)
        if cut is not None:
            self.conn_status.setText(self.conn_status.text() + "\n" + translate_failure(cut))

    def page_shown(self) -> None:
        """Back on this step after an upload (which may have made a container): the list is read again,
        so that it shows what the storage account holds now, not what it held at Connect."""
        super().page_shown()
        self.read_tokens()
        access = self.access
        if access is None or self.task is not None:
            return
        from ..core.operations import list_containers

        def listed(containers: list[str]) -> None:
            if self.access is access:  # not replaced by another Connect meanwhile
                self._show_containers(containers)

        self.lookup(lambda p, c: list_containers(access, c), listed,
                    failed=lambda e: self.conn_status.setText(self.tr("Could not connect: {0}").format(
                        translate_failure(e))))

    def _expand_container(self, item: QTreeWidgetItem) -> None:
        from ..core.operations import list_blobs
        from ..i18n import CORE_CONTEXT, translate

        kind, name = item.data(0, Qt.ItemDataRole.UserRole)
        if kind != "container" or item.childCount() or self.access is None:
            return
        access = self.access

        def done(blobs: list[BlobEntry]) -> None:
            cut = getattr(blobs, "cut", None)  # stopped at its budget: say so (issue #29)
            if cut is not None:
                self.conn_status.setText(translate_failure(cut))
            for b in blobs:
                # What the portal thinks in a few words, why in the tooltip (as the disk table's status says it).
                # No ✓ here: in the disk table "✓ ready" means a verified SAS; this column knows only the blob's
                # type and name.
                if b.portal_problems:
                    verdict = self.tr("✗ refused")
                else:
                    verdict = self.tr("page blob · usable") if b.is_vhd_page_blob else ""
                child = QTreeWidgetItem([b.name, f"{b.size / 2**30:.2f} GiB", verdict])
                child.setData(0, Qt.ItemDataRole.UserRole, ("blob", b.url))
                about = self.tr("{0}\n{1}, last modified {2}").format(b.url, b.blob_type, b.last_modified)
                why = "\n".join(translate(CORE_CONTEXT, problem) for problem in b.portal_problems)
                if not why and b.is_vhd_page_blob:
                    why = self.tr("A page blob with a name the portal accepts. Whether the disk is ready is said in "
                                  "the disk table, once a SAS URI for this blob is made and verified.")
                for column in range(3):
                    child.setToolTip(column, f"{why}\n\n{about}" if why else about)
                if b.portal_problems:
                    child.setForeground(2, style.brush(style.ERROR))
                    child.setText(0, f"⚠ {b.name}")
                elif b.is_vhd_page_blob:
                    font = child.font(0)
                    font.setBold(True)
                    child.setFont(0, font)
                item.addChild(child)
            self.browser_columns.fit()

        self.lookup(lambda p, c: list_blobs(access, name, c), done,
                    failed=lambda e: self.conn_status.setText(self.tr("Could not list {0}: {1}").format(
                     name, translate_failure(e))))

    def assign_selected_blob(self) -> None:
        item = self.browser.currentItem()
        chosen = self.selected()
        if item is None or chosen is None:
            return
        kind, url = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "blob":
            self.assign_blob(chosen[1], url)

    def assign_blob(self, disk: Disk, url: str) -> None:
        """The same assignment the VHD step reads; a new blob invalidates the old SAS and check."""
        if disk.blob_url != url:
            disk.blob_url = url
            disk.sas = None
            if not disk.vhd_path:
                disk.vhd_check = None
        self.changed()
        self.refresh()

    # -- SAS ---------------------------------------------------------------------------
    def generate(self, items: list[tuple[Sku, Disk]]) -> None:
        from ..core.operations import (
            ContentChanged,
            NoStorageCredential,
            confirm_checked_content,
            keep_disk_sas,
            note_content_changed,
            sas_needs_key,
            sign_sas,
            utc_now_iso,
        )
        from ..i18n import CORE_CONTEXT, translate

        items = [(s, d) for s, d in items if d.blob_url]
        if not items:
            self.details.setText(self.tr("Assign a blob to the disk first."))
            return
        access = self.storage_access()
        no_key = sas_needs_key(access)
        if no_key:
            self.details.setText(translate(CORE_CONTEXT, no_key))
            return
        profile = project_profile(self.project)
        now = datetime.now(UTC)
        extra_days = self.extra_days.value()
        project_id = self.project.project_id
        chosen_scheme = self.scheme.currentData()
        names = {id(disk): self.disk_name(sku, disk) for sku, disk in items}
        checks = {id(disk): (disk.vhd_check, disk.vhd_path) for _sku, disk in items}
        changed: list[Disk] = []
        no_keyring = self.tr("{0}: the keyring is unavailable, so this SAS is kept for this session only.")

        def work(progress: Callable[[ProgressUpdate], None],
                 cancel: CancelToken) -> tuple[list[tuple[Disk, SasRecord]], list[str]]:
            # Signing is quick; storing each token may be a D-Bus call to the keyring (or wait on an
            # unlock prompt), so both run here, off the GUI thread.
            made: list[tuple[Disk, SasRecord]] = []
            problems: list[str] = []
            for _sku, disk in items:
                try:
                    confirm_checked_content(*checks[id(disk)])  # the file is still what was checked (issue #32)
                except ContentChanged as exc:
                    problems.append(f"{names[id(disk)]}: {translate_failure(exc)}")
                    changed.append(disk)
                    continue
                try:
                    sas = sign_sas(disk.blob_url, access, profile, now=now, extra_days=extra_days, scheme=chosen_scheme)
                except (ValueError, NoStorageCredential) as exc:
                    problems.append(f"{names[id(disk)]}: {translate_failure(exc)}")
                    continue
                kept = keep_disk_sas(project_id, disk, sas, utc_now_iso())
                if not kept.in_keyring:
                    problems.append(no_keyring.format(names[id(disk)]))
                made.append((disk, kept.record))
            return made, problems

        def done(result: tuple[list[tuple[Disk, SasRecord]], list[str]]) -> None:
            made, problems = result
            for disk, record in made:
                disk.sas = record
            for disk in changed:
                note_content_changed(disk, checks[id(disk)][0])
            self.changed()
            self.refresh()
            self.read_tokens()  # kept in the keyring or this session only: the rows say which
            self.details.setText("\n".join(problems) or self.tr("Created {0} SAS URI(s). Verify them before copying.")
                                 .format(len(items)))

        self.run(work, done, failed=lambda error: self.details.setText(translate_failure(error)),
                 busy=(self.btn_generate, self.btn_generate_all, self.btn_verify))

    def sas_uri(self, disk: Disk) -> str | None:
        """Reads the keyring: call it off the GUI thread."""
        from ..core.operations import disk_sas_uri

        return disk_sas_uri(self.project.project_id, disk)

    def verify_selected(self) -> None:
        from ..core.operations import record_sas_verification, verify_disk_sas

        chosen = self.selected()
        if not chosen or not chosen[1].sas:
            return
        disk = chosen[1]
        verified = chosen[1].sas
        profile = project_profile(self.project)
        project_id = self.project.project_id

        def done(result: SasVerification) -> None:
            if disk.sas is not verified:
                # Made again, or its blob changed, while this one was verified: the verdict is not about it.
                self.refresh()
                self.details.setText(self.tr("The SAS URI changed while it was verified: verify it again."))
                return
            record_sas_verification(verified, result)  # the verdict, and what the blob's metadata says it holds
            self.changed()
            self.refresh()
            self.read_tokens()
            marks = {"pass": "✓", "warning": "⚠", "fail": "✗"}
            self.details.setText("\n".join(f"{marks[f.severity]} {translate_problem(f)}" for f in result.findings))

        def failed(error: BaseException) -> None:
            if isinstance(error, LookupError):
                self.details.setText(self.tr("The SAS token is not in the keyring any more: generate it again."))
            else:
                self.details.setText(self.tr("Could not verify: {0}").format(translate_failure(error)))

        # The keyring is read in the work, off the GUI thread.
        if self.run(lambda progress, cancel: verify_disk_sas(project_id, disk, profile), done, failed,
                    busy=(self.btn_generate, self.btn_generate_all, self.btn_verify)):
            self.details.setText(self.tr("Verifying…"))

    def copy_selected(self) -> None:
        chosen = self.selected()
        if not chosen or not chosen[1].sas:
            return
        disk = chosen[1]

        def copied(uri: str | None) -> None:
            if uri:
                QGuiApplication.clipboard().setText(uri)  # on the GUI thread, as the clipboard needs
                self.details.setText(self.tr("SAS URI copied. Paste it into the portal's VHD URL field."))

        # The token may have to come from the OS keyring (a D-Bus call, perhaps an unlock prompt).
        self.lookup(lambda progress, cancel: self.sas_uri(disk), copied,
                    failed=lambda e: self.details.setText(self.tr("Could not copy: {0}").format(translate_failure(e))))

    # -- display -----------------------------------------------------------------------
    def read_tokens(self) -> None:
        """Whether each SAS token is in this session or the keyring, as Export reads it (a D-Bus call: in the
        background); the rows are judged again when it is known."""
        from ..core.operations import read_sas_uris

        project = self.project

        def got(tokens: ExportTokens) -> None:
            if self.project is project:
                self.tokens = tokens
                self.refresh()

        self.lookup(lambda progress, cancel: read_sas_uris(project), got, failed=lambda error: None)

    def expiry_state(self, disk: Disk) -> str:
        return sas_expiry_state(disk, project_profile(self.project))

    def sas_item(self, sku: Sku, disk: Disk) -> StatusItem | None:
        """The disk's SAS item as the step list and Export judge it (core.status), with the tokens once read."""
        from ..core.operations import disk_status

        return disk_status(self.project, sku, disk, self.tokens).get("sas")

    def _status_words(self, sku: Sku, disk: Disk, item: StatusItem | None) -> str:
        """The row's state, from the evaluator's item: its mark first, in a few words (the whole sentence is
        the cell's tooltip)."""
        from ..core.status import (
            R_SAS_EXPIRED,
            R_SAS_NO_TOKEN,
            R_SAS_NONE,
            R_SAS_OTHER_BLOB,
            R_SAS_SHORT_BUSINESS,
            R_SAS_SHORT_DAYS,
            R_SAS_UNVERIFIED,
            R_SAS_WRONG_DISK,
        )
        from ..i18n import translate_template

        if item is None or item.template == R_SAS_NONE:
            return self.tr("no SAS yet") if disk.blob_url else self.tr("no blob assigned")
        if item.ok:
            return self.tr("✓ ready")
        return {R_SAS_OTHER_BLOB: self.tr("✗ made for another blob: generate a new SAS"),
                R_SAS_WRONG_DISK: self.tr("✗ the blob is not the checked file: upload it, then generate a new SAS"),
                R_SAS_UNVERIFIED: self.tr("⚠ not verified yet: press Verify"),
                R_SAS_NO_TOKEN: self.tr("⚠ token not in the keyring: generate it again"),
                R_SAS_EXPIRED: self.tr("✗ expired: renew"),
                R_SAS_SHORT_BUSINESS: self.tr("✗ expires too soon: renew"),
                R_SAS_SHORT_DAYS: self.tr("✗ expires too soon: renew")}.get(
            item.template, f"{item.mark.value} {translate_template(item.template, item.args)}")

    def refresh(self) -> None:
        rows = self.all_disks()
        current = self.disks.currentRow()
        self.disks.setRowCount(len(rows))
        due = []
        from ..core.status import Mark
        from ..i18n import translate_template

        for row, (sku, disk) in enumerate(rows):
            state = self.expiry_state(disk)
            expiry = parse_iso(disk.sas.expiry) if disk.sas else None
            judged = self.sas_item(sku, disk)  # the same item, mark and words as the step list and Export
            status = self._status_words(sku, disk, judged)
            failed = judged is not None and judged.mark is Mark.FAIL
            cells = [self.disk_name(sku, disk), status, expiry.strftime("%Y-%m-%d %H:%M UTC") if expiry else "",
                     disk.blob_url or "—"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if (failed and col == 1) or (state in ("soon", "expired") and col == 2):
                    item.setForeground(style.brush(style.ERROR))
                if col == 3 and disk.blob_url:
                    item.setToolTip(disk.blob_url)
                elif col in (0, 2):
                    item.setToolTip(text)  # the name may be elided, the expiry wrapped
                elif col == 1 and judged is not None:
                    item.setToolTip(translate_template(judged.template, judged.args))
                self.disks.setItem(row, col, item)
            if state in ("soon", "expired"):
                due.append(self.disk_name(sku, disk))
        self.disk_columns.fit()
        if 0 <= current < len(rows):
            self.disks.selectRow(current)
        if due:
            self.banner.setText(self.tr("✗ SAS URIs expire within {0} days or have expired: {1}. Select them and "
                                        "press Generate SAS to renew.").format(
                project_profile(self.project).sas_renew_warning_days, ", ".join(due)))
            set_banner(self.banner, "error")
        else:
            self.banner.setText("")
            set_banner(self.banner, None)
        gallery = sum(len(sku.disks) - len(sku.sas_disks) for sku in self.project.skus)
        if gallery and not due:  # said, so that a missing row is not a surprise
            self.banner.setText(self.tr("{0} disk(s) belong to an image that comes from an Azure Compute Gallery image "
                                        "version: they need no SAS URI and are not listed.").format(gallery))
            set_banner(self.banner, "neutral")
        self.banner.setVisible(bool(due) or bool(gallery))

    def _show_details(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        sku, disk = chosen
        if disk.sas:
            self.details.setText(self.tr("SAS for {0}: read + list, from {1} to {2}. The token is kept in the keyring, "
                                         "not in the project.").format(self.disk_name(sku, disk), disk.sas.start, disk.sas.expiry))
        else:
            self.details.setText("")
