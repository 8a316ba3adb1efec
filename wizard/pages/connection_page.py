"""Step 3: how to reach the certification VM (SSH for Linux, WinRM for Windows)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout

from ..core.model import OS_LINUX, OS_WINDOWS
from ..core.steps import Step
from .base import PlaceholderNote, StepPage

DEFAULT_PORTS = {OS_LINUX: 22, OS_WINDOWS: 5986}


class ConnectionPage(StepPage):
    step = Step.CONNECTION

    def __init__(self, document):
        super().__init__(document)
        self.setTitle(self.tr("Connection to the certification VM"))
        self.setSubTitle(self.tr("Deploy a test VM from your image, then enter how to reach it. "
                                 "Linux uses SSH; Windows uses PowerShell remoting over HTTPS."))
        form = QFormLayout()
        self.test_name = QLineEdit()
        self.platform = QComboBox()
        self.platform.addItem(self.tr("Linux (SSH)"), OS_LINUX)
        self.platform.addItem(self.tr("Windows (PowerShell remoting)"), OS_WINDOWS)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("DNS name or address, e.g. myvm.westus.cloudapp.azure.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.user = QLineEdit()
        self.auth = QComboBox()
        self.auth.addItem(self.tr("Password"), "password")
        self.auth.addItem(self.tr("Private key file"), "key")
        self.key_file = QLineEdit()
        rows = [
            (self.tr("&Test name:"), self.test_name),
            (self.tr("&Platform:"), self.platform),
            (self.tr("&Host:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&User:"), self.user),
            (self.tr("&Authentication:"), self.auth),
            (self.tr("&Key file:"), self.key_file),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(PlaceholderNote(self.tr(
            "Testing the connection and storing the password in the keyring arrive with the certification run.")))
        layout.addStretch(1)
        self._loading = False
        for w in (self.test_name, self.host, self.user, self.key_file):
            w.textEdited.connect(self._store)
        self.port.valueChanged.connect(self._store)
        self.auth.currentIndexChanged.connect(self._store)
        self.platform.currentIndexChanged.connect(self._platform_changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        c = self.project.connection
        self._loading = True
        self.test_name.setText(c.test_name)
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.host.setText(c.host)
        self.port.setValue(c.port)
        self.user.setText(c.user)
        self.auth.setCurrentIndex(max(0, self.auth.findData(c.auth)))
        self.key_file.setText(c.key_file)
        self._loading = False
        self._update_enabled()

    def _update_enabled(self) -> None:
        linux = self.platform.currentData() == OS_LINUX
        self.auth.setEnabled(linux)
        self.key_file.setEnabled(linux and self.auth.currentData() == "key")

    def _platform_changed(self) -> None:
        if self._loading:
            return
        self.port.setValue(DEFAULT_PORTS[self.platform.currentData()])
        self._store()

    def _store(self) -> None:
        if self._loading:
            return
        c = self.project.connection
        c.test_name = self.test_name.text()
        c.platform = self.platform.currentData()
        c.host = self.host.text().strip()
        c.port = self.port.value()
        c.user = self.user.text().strip()
        c.auth = self.auth.currentData()
        c.key_file = self.key_file.text()
        self._update_enabled()
        self.changed()
