"""The plan's technical configuration beyond the SKU form: properties, open ports and the image
versions Partner Center already publishes (shown; they come from *Import from Partner Center*).

A dialog, so the SKU editor stays one column at 1024 pixels; OK writes into the SKU, Cancel changes
nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import style
from .core.i18n_marks import QT_TRANSLATE_NOOP
from .core.model import OpenPort, PlanProperties, Project, Sku
from .mnemonics import give_mnemonics
from .pages.base import readable_columns
from .style import set_text_colour

PROPERTIES = (  # (attribute, label) in Partner Center's order
    ("remote_connection_disabled", QT_TRANSLATE_NOOP("PlanDialog", "Remote desktop / SSH &not supported (blocked on purpose)")),
    ("requires_custom_arm_template", QT_TRANSLATE_NOOP("PlanDialog", "Requires a custom &ARM template")),
    ("network_virtual_appliance", QT_TRANSLATE_NOOP("PlanDialog", "Is a ne&twork virtual appliance")),
    ("accelerated_networking", QT_TRANSLATE_NOOP("PlanDialog", "Supports accelerated n&etworking")),
    ("nvme", QT_TRANSLATE_NOOP("PlanDialog", "Supports N&VMe")),
    ("hibernation", QT_TRANSLATE_NOOP("PlanDialog", "Supports &hibernation")),
    ("cloud_init", QT_TRANSLATE_NOOP("PlanDialog", "Supports cloud-&init configuration")),
    ("backup", QT_TRANSLATE_NOOP("PlanDialog", "Supports &backup")),
    ("extensions", QT_TRANSLATE_NOOP("PlanDialog", "Supports e&xtensions")),
    ("entra_id_login", QT_TRANSLATE_NOOP("PlanDialog", "Supports Microsoft Entra ID &login")),
)
# One line per property: what ticking it tells Partner Center (its technical configuration page).
EXPLANATIONS = {
    "remote_connection_disabled": QT_TRANSLATE_NOOP("PlanDialog", "Tick only when SSH or RDP is blocked on purpose; the "
                                                                  "certification then does not expect to sign in."),
    "requires_custom_arm_template": QT_TRANSLATE_NOOP("PlanDialog", "The image deploys only through your own ARM template, "
                                                                    "not as a plain VM."),
    "network_virtual_appliance": QT_TRANSLATE_NOOP("PlanDialog", "The image routes or filters network traffic (a firewall, "
                                                                 "router or VPN gateway)."),
    "accelerated_networking": QT_TRANSLATE_NOOP("PlanDialog", "The image's network drivers work with Azure accelerated "
                                                              "networking (SR-IOV)."),
    "nvme": QT_TRANSLATE_NOOP("PlanDialog", "The image boots from and uses NVMe disks, the disk interface of newer VM sizes."),
    "hibernation": QT_TRANSLATE_NOOP("PlanDialog", "Customers may hibernate the VM (its memory is saved to the OS disk)."),
    "cloud_init": QT_TRANSLATE_NOOP("PlanDialog", "The image runs cloud-init, which applies the customer's custom data at "
                                                  "first boot."),
    "backup": QT_TRANSLATE_NOOP("PlanDialog", "The VM can be protected with Azure Backup."),
    "extensions": QT_TRANSLATE_NOOP("PlanDialog", "The image runs the Azure VM agent, so customers can add VM extensions."),
    "entra_id_login": QT_TRANSLATE_NOOP("PlanDialog", "Customers may sign in with Microsoft Entra ID accounts (through "
                                                      "the sign-in VM extension)."),
}
PROTOCOLS = (("tcp", QT_TRANSLATE_NOOP("PlanDialog", "TCP")), ("udp", QT_TRANSLATE_NOOP("PlanDialog", "UDP")),
             ("both", QT_TRANSLATE_NOOP("PlanDialog", "TCP and UDP")))


class PlanDialog(QDialog):
    def __init__(self, project: Project, sku: Sku, parent: QWidget | None = None):
        super().__init__(parent)
        self.project, self.sku = project, sku
        self.setWindowTitle(self.tr("Technical configuration of {0}").format(sku.sku_id or self.tr("the SKU")))
        layout = QVBoxLayout(self)
        self.resize(860, 640)  # the properties with their explanations, and every port column, without scrolling

        props = QGroupBox(self.tr("Properties"))
        grid = QGridLayout(props)
        self.boxes: dict[str, QCheckBox] = {}
        labels = {attr: self.tr(text) for attr, text in PROPERTIES}
        self.explanations: dict[str, QLabel] = {}
        for i, (attr, _text) in enumerate(PROPERTIES):
            box = QCheckBox(labels[attr])
            box.setChecked(getattr(sku.properties, attr))
            explanation = self.tr(EXPLANATIONS[attr])
            box.setToolTip(explanation)
            box.setAccessibleDescription(explanation)
            line = QLabel(explanation)  # beside its box, one row per property: nothing squeezed or cut
            line.setWordWrap(True)
            self.boxes[attr] = box
            self.explanations[attr] = line
            grid.addWidget(box, i, 0)
            grid.addWidget(line, i, 1)
        grid.setColumnStretch(1, 1)
        if project.questionnaire.ssh_blocked:
            note = QLabel(self.tr("The questionnaire says SSH is blocked on purpose: the export tells Partner Center "
                                  "that remote connections are not supported."))
            note.setWordWrap(True)
            grid.addWidget(note, len(PROPERTIES) + 1, 0, 1, 2)
        layout.addWidget(props)

        ports_box = QGroupBox(self.tr("Open ports"))
        ports_layout = QVBoxLayout(ports_box)
        self.ports = QTableWidget(0, 3)
        self.ports.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Protocol"), self.tr("Port or range")])
        self.ports.setAccessibleName(self.tr("Open ports"))
        self.ports.verticalHeader().hide()
        self.ports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ports.setTabKeyNavigation(False)
        readable_columns(self.ports, stretch=0)
        # The name takes what is left, the protocol and the range keep their width: the range (what Enter
        # is refused for) is never scrolled out of view.
        from PySide6.QtWidgets import QHeaderView

        header = self.ports.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for port in sku.open_ports:
            self._add_port_row(port)
        row = QHBoxLayout()
        self.btn_add_port = QPushButton(self.tr("A&dd port"))
        self.btn_remove_port = QPushButton(self.tr("&Remove port"))
        self.btn_add_port.clicked.connect(self.add_port)
        self.btn_remove_port.clicked.connect(lambda: self.ports.removeRow(self.ports.currentRow()))
        row.addWidget(self.btn_add_port)
        row.addWidget(self.btn_remove_port)
        row.addStretch(1)
        ports_layout.addWidget(self.ports)
        ports_layout.addLayout(row)

        published = QGroupBox(self.tr("Published image versions (kept unchanged in every export)"))
        published_layout = QVBoxLayout(published)
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Published image versions"))
        states = {"generallyAvailable": self.tr("generally available"), "deprecated": self.tr("deprecated"),
                  "deleted": self.tr("deleted")}
        for v in sku.image_versions:
            source = self.tr("Azure Compute Gallery") if v.gallery_resource_id else self.tr("SAS URIs")
            self.versions.addItem(f"{v.version} — {states.get(v.lifecycle_state, v.lifecycle_state)} — {source}")
        if not sku.image_versions:
            self.versions.addItem(self.tr("None yet. File → Import from Partner Center… takes them over."))
        # Beside the ports, its lines wrapped: below them it left the port table a row and a half at 860x640.
        self.versions.setWordWrap(True)
        self.versions.setResizeMode(QListView.ResizeMode.Adjust)
        published_layout.addWidget(self.versions)
        lower = QHBoxLayout()
        lower.addWidget(ports_box, 3)
        lower.addWidget(published, 2)
        layout.addLayout(lower, 1)

        # What keeps OK from closing the dialog: said here, next to the row it is about.
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_text_colour(self.problem, style.ERROR)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        give_mnemonics(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_port_row(self, port: OpenPort) -> None:
        row = self.ports.rowCount()
        self.ports.insertRow(row)
        self.ports.setItem(row, 0, QTableWidgetItem(port.label))
        combo = QComboBox()
        for value, label in PROTOCOLS:
            combo.addItem(self.tr(label), value)
        combo.setCurrentIndex(max(0, combo.findData(port.protocol)))
        combo.setAccessibleName(self.tr("Protocol"))
        self.ports.setCellWidget(row, 1, combo)
        self.ports.setItem(row, 2, QTableWidgetItem(port.port_range))
        self.ports.setCurrentCell(row, 0)

    def _filled_rows(self) -> list[int]:
        """The rows with a name or a range (the ones values() takes)."""
        filled = []
        for row in range(self.ports.rowCount()):
            label_item, range_item = self.ports.item(row, 0), self.ports.item(row, 2)
            if (label_item and label_item.text().strip()) or (range_item and range_item.text().strip()):
                filled.append(row)
        return filled

    def values(self) -> tuple[PlanProperties, list[OpenPort]]:
        props = PlanProperties(**{attr: box.isChecked() for attr, box in self.boxes.items()},
                               extra=dict(self.sku.properties.extra))
        ports = []
        for row in range(self.ports.rowCount()):
            label_item, range_item = self.ports.item(row, 0), self.ports.item(row, 2)
            label = label_item.text().strip() if label_item else ""
            rng = range_item.text().strip() if range_item else ""
            protocol = self.ports.cellWidget(row, 1)
            if label or rng:
                ports.append(OpenPort(label, protocol.currentData() if isinstance(protocol, QComboBox) else "tcp", rng))
        return props, ports

    def add_port(self) -> None:
        """A new row, scrolled into view, its name ready to type."""
        self._add_port_row(OpenPort("", "tcp", ""))
        item = self.ports.item(self.ports.rowCount() - 1, 0)
        if item is None:
            return
        self.ports.scrollToItem(item)
        self.ports.setFocus()
        self.ports.editItem(item)

    def _commit_editing(self) -> None:
        """A cell still being typed in counts: its text goes into the table before anything is judged."""
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.ports and self.ports.isAncestorOf(focus):
            self.ports.setFocus()  # the editor loses the focus: it commits and closes

    def port_problems(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every port Partner Center would refuse (its rules from the profile)."""
        from .core.operations import check_open_ports, project_profile
        from .i18n import translate_problem

        ports = self.values()[1]  # the rows that hold something, in order
        rows = [(row, port) for row, port in zip(self._filled_rows(), ports, strict=True)]
        found = []
        for problem in check_open_ports([port for _row, port in rows], project_profile(self.project)):
            index, _, what = problem.path.partition("].")
            row = rows[int(index.rpartition("[")[2])][0] if "[" in index else (rows[-1][0] if rows else 0)
            found.append((row, 2 if what == "port_range" else 1 if what == "protocol" else 0, translate_problem(problem)))
        return found

    def accept(self) -> None:  # noqa: D401 - Qt override
        self._commit_editing()
        problems = self.port_problems()
        if problems:
            row, column, message = problems[0]
            more = len(problems) - 1
            self.problem.setText(message if not more else self.tr("{0} (and {1} more)").format(message, more))
            self.problem.show()
            self.ports.setCurrentCell(row, column)
            self.ports.scrollTo(self.ports.model().index(row, column))
            self.ports.setFocus()
            return  # Enter and OK never take a port Partner Center would refuse
        self.problem.hide()
        self.sku.properties, self.sku.open_ports = self.values()
        super().accept()
