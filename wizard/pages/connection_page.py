"""Step 3: how to reach the certification VM (SSH for Linux, WinRM for Windows)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from ..core.model import OS_LINUX, OS_WINDOWS
from ..core.steps import Step
from ..secret_ui import describe_credential_error, describe_keyring_unavailable
from ..tasks import run_task
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
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("The password (or the key's passphrase). Kept in memory, or in the OS keyring "
                                          "if you tick the box; never in the project file."))
        self.remember = QCheckBox(self.tr("&Remember in the OS keyring"))
        self.remember.setToolTip(self.tr("Unticked: the secret is forgotten when the app closes."))
        self.secret_status = QLabel()
        self.secret_status.setWordWrap(True)
        self.secret_status.setObjectName("secretStatus")
        rows = [
            (self.tr("&Test name:"), self.test_name),
            (self.tr("&Platform:"), self.platform),
            (self.tr("&Host:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&User:"), self.user),
            (self.tr("&Authentication:"), self.auth),
            (self.tr("&Key file:"), self.key_file),
            (self.tr("Pass&word:"), self.password),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout = QVBoxLayout(self)
        form.addRow("", self.remember)
        form.addRow("", self.secret_status)
        self.remember.setAccessibleName(self.tr("Remember in the OS keyring"))
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
        self.password.editingFinished.connect(self.store_secret)
        self.remember.toggled.connect(self.store_secret)
        self.secret_task = None

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
        self.load_secret()

    def secret_ref(self):
        from ..core.credentials import SecretRef

        purpose = "ssh-passphrase" if self.auth.currentData() == "key" else "vm-password"
        return SecretRef(self.project.project_id, purpose)

    def load_secret(self) -> None:
        """Fetch a remembered secret off the GUI thread (the keyring may prompt to unlock)."""
        from ..core.credentials import CredentialError, credentials

        ref = self.secret_ref()

        def loaded(value):
            if value and not self.password.text():
                self.password.setText(value)
                self.remember.blockSignals(True)
                self.remember.setChecked(True)
                self.remember.blockSignals(False)
                self.secret_status.setText(self.tr("Password loaded from the OS keyring."))

        def not_loaded(error: BaseException) -> None:
            if not isinstance(error, CredentialError):
                raise error
            self.secret_status.setStyleSheet("")
            self.secret_status.setText(describe_keyring_unavailable(error))

        run_task(lambda progress, cancel: credentials().get(ref), on_result=loaded, on_error=not_loaded)

    def store_secret(self) -> None:
        from ..core.credentials import credentials

        secret = self.password.text()
        if self._loading or not secret:
            return
        ref, remember = self.secret_ref(), self.remember.isChecked()

        def stored(_):
            self.secret_status.setText(self.tr("Password remembered in the OS keyring.") if remember
                                       else self.tr("Password kept for this session only."))

        self.secret_task = run_task(lambda progress, cancel: credentials().store(ref, secret, remember),
                                    on_result=stored, on_error=self._secret_failed)

    def _secret_failed(self, error: BaseException) -> None:
        from ..core.credentials import CredentialError

        if isinstance(error, CredentialError):
            self.secret_status.setText(describe_credential_error(error))
            self.secret_status.setStyleSheet("color: #b00020;")
        else:
            raise error

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
