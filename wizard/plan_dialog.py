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
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .core.i18n_marks import QT_TRANSLATE_NOOP
from .core.model import OpenPort, PlanProperties, Project, Sku
from .pages.base import readable_columns

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
PROTOCOLS = (("tcp", QT_TRANSLATE_NOOP("PlanDialog", "TCP")), ("udp", QT_TRANSLATE_NOOP("PlanDialog", "UDP")),
             ("both", QT_TRANSLATE_NOOP("PlanDialog", "TCP and UDP")))


class PlanDialog(QDialog):
    def __init__(self, project: Project, sku: Sku, parent: QWidget | None = None):
        super().__init__(parent)
        self.project, self.sku = project, sku
        self.setWindowTitle(self.tr("Technical configuration of {0}").format(sku.sku_id or self.tr("the SKU")))
        layout = QVBoxLayout(self)

        props = QGroupBox(self.tr("Properties"))
        grid = QGridLayout(props)
        self.boxes: dict[str, QCheckBox] = {}
        labels = {attr: self.tr(text) for attr, text in PROPERTIES}
        for i, (attr, _text) in enumerate(PROPERTIES):
            box = QCheckBox(labels[attr])
            box.setChecked(getattr(sku.properties, attr))
            self.boxes[attr] = box
            grid.addWidget(box, i // 2, i % 2)
        if project.questionnaire.ssh_blocked:
            note = QLabel(self.tr("The questionnaire says SSH is blocked on purpose: the export tells Partner Center "
                                  "that remote connections are not supported."))
            note.setWordWrap(True)
            grid.addWidget(note, len(PROPERTIES) // 2 + 1, 0, 1, 2)
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
        for port in sku.open_ports:
            self._add_port_row(port)
        row = QHBoxLayout()
        self.btn_add_port = QPushButton(self.tr("A&dd port"))
        self.btn_remove_port = QPushButton(self.tr("&Remove port"))
        self.btn_add_port.clicked.connect(lambda: self._add_port_row(OpenPort("", "tcp", "")))
        self.btn_remove_port.clicked.connect(lambda: self.ports.removeRow(self.ports.currentRow()))
        row.addWidget(self.btn_add_port)
        row.addWidget(self.btn_remove_port)
        row.addStretch(1)
        ports_layout.addWidget(self.ports)
        ports_layout.addLayout(row)
        layout.addWidget(ports_box)

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
        self.versions.setMaximumHeight(90)
        published_layout.addWidget(self.versions)
        layout.addWidget(published)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
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

    def accept(self) -> None:  # noqa: D401 - Qt override
        self.sku.properties, self.sku.open_ports = self.values()
        super().accept()
