"""Step 3: how to reach the certification VM (SSH for Linux, WinRM for Windows)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from .. import style
from ..core.model import OS_LINUX, OS_WINDOWS
from ..core.steps import Step
from ..secret_ui import describe_credential_error, describe_keyring_unavailable
from ..style import set_text_colour
from .base import StepPage
from .parts.secret_field import SecretField

if TYPE_CHECKING:
    from ..core.credentials import NoKeyringBackend, SecretRef
    from ..core.operations import KeptSecret
    from ..core.sshconn import ConnectionReport, KnownHosts, UnknownHostKey
    from ..document import ProjectDocument
    from .testvm_dialog import TestVmDialog

DEFAULT_PORTS = {OS_LINUX: 22, OS_WINDOWS: 5986}


class ConnectionPage(StepPage):
    step = Step.CONNECTION

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("Connection to the test VM"))
        self.setSubTitle(self.tr("Create a test VM from your uploaded image, then enter how to reach it. "
                                 "Linux uses SSH; Windows uses PowerShell remoting over HTTPS."))
        vm_row = QHBoxLayout()
        vm_note = QLabel(self.tr("No test VM yet? The commands create it from the checked and uploaded VHD:"))
        vm_note.setWordWrap(True)
        self.btn_vm_commands = QPushButton(self.tr("&Commands to create the test VM…"))
        self.btn_vm_commands.setToolTip(self.tr("az commands (bash and PowerShell) with this project's values filled "
                                                "in; no test run needed first."))
        self.btn_vm_commands.clicked.connect(self.show_vm_commands)
        # What the commands make, in the fields: user azureuser and the key az makes (a Windows VM: the password set).
        self.btn_use_recipe = QPushButton(self.tr("Use the comman&ds' sign-in"))
        self.btn_use_recipe.setToolTip(self.tr("Fills in the user azureuser and, for Linux, key sign-in with the key "
                                               "az vm create --generate-ssh-keys makes (~/.ssh/id_rsa)."))
        self.btn_use_recipe.clicked.connect(self.use_recipe)
        vm_row.addWidget(vm_note, 1)
        vm_row.addWidget(self.btn_vm_commands)
        vm_row.addWidget(self.btn_use_recipe)
        form = QFormLayout()
        self.form = form
        # One test VM per image type: which image this VM runs (shown only when a SKU has more than the
        # one x64 Gen1 image of 2015).
        self.image = QComboBox()
        self.image.setAccessibleName(self.tr("Image under test"))
        self.image.setToolTip(self.tr("Each image type of a plan gets its own test VM and test run."))
        form.addRow(self.tr("&Image under test:"), self.image)
        self.test_name = QLineEdit()
        self.test_name.setToolTip(self.tr("Your own name for this test VM, for the report and the project; Azure does "
                                          "not see it."))
        self.platform = QComboBox()
        self.platform.addItem(self.tr("Linux (SSH)"), OS_LINUX)
        self.platform.addItem(self.tr("Windows (PowerShell remoting)"), OS_WINDOWS)
        self.transport = QComboBox()
        self.transport.addItem(self.tr("PowerShell remoting (WinRM over HTTPS)"), "winrm")
        self.transport.addItem(self.tr("OpenSSH on Windows"), "ssh")
        self.skip_tls = QCheckBox(self.tr("Skip TLS certificate validation (self-signed test VM only)"))
        self.skip_tls.setToolTip(self.tr("Only for a throw-away test VM whose WinRM listener has a self-signed "
                                         "certificate. Anyone in between could then read the password."))
        self.tls_warning = QLabel(self.tr("Certificate validation is off: the connection is encrypted but the VM's "
                                          "identity is not checked. Use this only for a test VM you just created."))
        self.tls_warning.setWordWrap(True)
        set_text_colour(self.tls_warning, style.ERROR)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("DNS name or address, e.g. myvm.westus.cloudapp.azure.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.user = QLineEdit()
        self.auth = QComboBox()
        self.auth.addItem(self.tr("Password"), "password")
        self.auth.addItem(self.tr("Private key file"), "key")
        self.key_file = QLineEdit()
        self.secret_field = SecretField(self, self.secret_ref)
        self.password, self.remember = self.secret_field.edit, self.secret_field.remember
        self.password.setToolTip(self.tr("The password (or the key's passphrase). Kept in memory, or in the OS keyring "
                                          "if you tick the box; never in the project file."))
        self.remember.setToolTip(self.tr("Unticked: the secret is forgotten when the app closes."))
        self.secret_status = QLabel()
        self.secret_status.setWordWrap(True)
        self.secret_status.setObjectName("secretStatus")
        rows = [
            (self.tr("Test na&me:"), self.test_name),
            (self.tr("&Platform:"), self.platform),
            (self.tr("T&ransport:"), self.transport),
            (self.tr("Ho&st:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&User:"), self.user),
            (self.tr("&Authentication:"), self.auth),
            (self.tr("Key fi&le:"), self.key_file),
            (self.tr("Pass&word:"), self.password),
        ]
        self.btn_browse_key = QPushButton(self.tr("Brows&e…"))
        self.btn_browse_key.clicked.connect(self.browse_key)
        for label, widget in rows:
            if widget is self.key_file:
                box = QHBoxLayout()
                box.addWidget(widget, 1)
                box.addWidget(self.btn_browse_key)
                form.addRow(label, box)
                cast(QLabel, form.labelForField(box)).setBuddy(widget)  # a layout cannot be a buddy: the mnemonic needs the field
            else:
                form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.password_label = cast(QLabel, form.labelForField(self.password))  # addRow(text, …) made a QLabel
        layout = QVBoxLayout(self)
        layout.addLayout(vm_row)
        form.addRow("", self.skip_tls)
        form.addRow("", self.tls_warning)
        form.addRow("", self.remember)
        form.addRow("", self.secret_status)
        self.transport_label = form.labelForField(self.transport)
        self.remember.setAccessibleName(self.tr("Remember in the OS keyring"))
        layout.addLayout(form)
        test_row = QHBoxLayout()
        self.btn_test = QPushButton(self.tr("&Test connection"))
        self.btn_test.setToolTip(self.tr("Resolve the name, open the port, check the host key (SSH) or the TLS "
                                         "certificate (WinRM), sign in, detect the OS and the user's rights."))
        self.btn_forget = QPushButton(self.tr("Forget host key"))
        self.btn_forget.setToolTip(self.tr("Remove the remembered host key of this host, e.g. after re-creating the VM."))
        self.btn_forget.hide()
        test_row.addWidget(self.btn_test)
        test_row.addWidget(self.btn_forget)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.test_steps = QListWidget()
        self.test_steps.setAccessibleName(self.tr("Connection test steps"))
        self.test_steps.setMaximumHeight(170)
        layout.addWidget(self.test_steps)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        layout.addWidget(self.test_result)
        for key, widgets in (("test-vm", (self.host, self.btn_vm_commands)), ("winrm", (self.transport,)),
                             ("host-key", (self.btn_forget,)), ("keyring", (self.remember,))):
            self.explain(key, *widgets)
        layout.addStretch(1)
        self.btn_test.clicked.connect(lambda: self.start_test())
        self.btn_forget.clicked.connect(self.forget_host_key)
        self.known_hosts: KnownHosts | None = None  # the app's known_hosts; tests point it elsewhere
        self._loading = False
        for w in (self.test_name, self.host, self.user, self.key_file):
            w.textEdited.connect(self._store)
        self.port.valueChanged.connect(self._store)
        self.auth.currentIndexChanged.connect(self._store)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.image.currentIndexChanged.connect(self._image_chosen)
        self.transport.currentIndexChanged.connect(self._platform_changed)
        self.skip_tls.toggled.connect(self._store)
        self.password.editingFinished.connect(self.store_secret)
        self._from_keyring = False  # the password box holds what the keyring gave for the target shown
        self._no_keyring: NoKeyringBackend | None = None  # the NoKeyringBackend error, once the OS turned out to have no keyring
        self.password.textEdited.connect(lambda _text: setattr(self, "_from_keyring", False))
        self.remember.toggled.connect(self.store_secret)

    def load_from_project(self) -> None:
        c = self.project.connection
        self._loading = True
        self.test_name.setText(c.test_name)
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.transport.setCurrentIndex(max(0, self.transport.findData(c.windows_transport)))
        self.skip_tls.setChecked(not c.verify_tls)
        self.host.setText(c.host)
        self.port.setValue(c.port)
        self.user.setText(c.user)
        self.auth.setCurrentIndex(max(0, self.auth.findData(c.auth)))
        self.key_file.setText(c.key_file)
        self._fill_images()
        self._loading = False
        self._update_enabled()
        self.load_secret()

    def use_recipe(self) -> None:
        """The user and sign-in the test-VM commands make, in the fields (the host stays the person's)."""
        from ..core.operations import apply_recipe_login

        apply_recipe_login(self.project.connection)
        self.changed()
        self.load_from_project()

    def show_vm_commands(self) -> TestVmDialog:
        from .testvm_dialog import TestVmDialog

        dialog = TestVmDialog(self, self.project)
        dialog.show()
        self.vm_dialog = dialog
        return dialog

    def _fill_images(self) -> None:
        from ..core.model import has_image_choices, image_key
        from ..image_dialog import image_label

        project = self.project
        self.image.clear()
        for sku in project.skus:
            for im in sku.images:
                self.image.addItem(image_label(sku, im), image_key(sku, im.image_type))
        index = self.image.findData(project.connection.image_under_test)
        self.image.setCurrentIndex(max(0, index))
        self.form.setRowVisible(self.image, has_image_choices(project))

    def _image_chosen(self) -> None:
        if self._loading or self.image.currentData() is None:
            return
        self.project.connection.image_under_test = self.image.currentData()
        self.changed()

    # -- connection test ----------------------------------------------------------
    def _known_hosts(self) -> KnownHosts:
        from ..core.operations import KnownHosts

        return self.known_hosts or KnownHosts()

    def start_test(self, trust_fingerprint: str | None = None) -> None:
        from ..core.operations import test_connection, vm_secrets

        c = self.project.connection
        if not c.host or not c.user:
            self.test_result.setText(self.tr("Enter the host and the user first."))
            return
        secret = self.password.text() or None
        if secret and not self._from_keyring:
            self.store_secret()  # under the target it is tested with (the test run step finds it there)
        secrets = vm_secrets(c, secret)
        known = self._known_hosts()
        self.test_steps.clear()
        self.btn_forget.hide()
        if self.run(lambda progress, cancel: test_connection(c, secrets, known, trust_fingerprint, 15.0, cancel),
                    self._test_passed, self._test_failed, busy=(self.btn_test,)):
            self.test_result.setText(self.tr("Testing…"))

    def _show_steps(self, report: ConnectionReport) -> None:
        from ..core.operations import STEP_NAMES
        from ..i18n import CORE_CONTEXT, translate

        for step in report.steps:
            mark = "✓" if step.ok else "•"
            self.test_steps.addItem(f"{mark} {translate(CORE_CONTEXT, STEP_NAMES[step.step])}: {step.detail}")

    def _record_test(self, passed: bool) -> None:
        from ..core.operations import utc_now_iso

        c = self.project.connection
        c.verified_target = c.target_key() if passed else ""
        c.verified_at = utc_now_iso() if passed else ""
        self.changed()

    def _test_passed(self, report: ConnectionReport) -> None:
        self._show_steps(report)
        self._record_test(passed=True)
        if self.project.connection.platform == OS_WINDOWS:
            sudo = self.tr("signed in as an administrator") if report.sudo else self.tr(
                "the user is not an administrator: the test run needs one")
        else:
            sudo = self.tr("sudo works without a password") if report.sudo else self.tr(
                "sudo needs a password: checks that need root will be skipped")
        self.test_result.setText(self.tr("Connected to {0}; {1}.").format(report.os_pretty_name, sudo))

    def _test_failed(self, error: BaseException) -> None:
        from ..core.operations import STEP_NAMES, HostKeyChanged, SshFailure, UnknownHostKey
        from ..i18n import CORE_CONTEXT, translate, translate_failure

        self._record_test(passed=False)
        if not isinstance(error, SshFailure):
            self.test_result.setText(self.tr("Connection test failed: {0}").format(error))
            return
        report = getattr(error, "report", None)
        if report:
            self._show_steps(report)
        self.test_steps.addItem(f"✗ {translate(CORE_CONTEXT, STEP_NAMES.get(error.step, error.step))}: "
                                f"{translate_failure(error).splitlines()[0]}")
        if isinstance(error, UnknownHostKey):
            if self.ask_trust(error):
                self.start_test(trust_fingerprint=error.fingerprint)
                return
        if isinstance(error, HostKeyChanged):
            self.btn_forget.show()
        self.test_result.setText(translate_failure(error))

    def ask_trust(self, error: UnknownHostKey) -> bool:
        """First contact: show the fingerprint and ask (tests replace this with an answer)."""
        from PySide6.QtWidgets import QMessageBox

        from ..i18n import translate_failure
        from ..mnemonics import ask

        answer = ask(
            self, self.tr("Trust this host?"),
            self.tr("First connection to {0}.\n\nHost key fingerprint ({1}):\n{2}\n\n{3}\n\nTrust it and remember it?")
            .format(error.host, error.key_type, error.fingerprint, translate_failure(error).split("\n", 1)[-1]))
        return answer == QMessageBox.StandardButton.Yes

    def forget_host_key(self) -> None:
        c = self.project.connection
        self._known_hosts().forget(c.host, c.port)
        self.btn_forget.hide()
        self.test_result.setText(self.tr("The old host key is forgotten. Test the connection again and compare the new "
                                         "fingerprint before trusting it."))

    def secret_ref(self) -> SecretRef:
        from ..core.operations import connection_secret_ref

        return connection_secret_ref(self.project.project_id, self.project.connection, self.auth.currentData())

    def load_secret(self) -> None:
        """Fetch a remembered secret off the GUI thread (the keyring may prompt to unlock)."""
        from ..core.operations import CredentialError, NoKeyringBackend

        def loaded(_value: str) -> None:
            self._from_keyring = True
            self.secret_status.setText(self.tr("Password loaded from the OS keyring."))

        def not_loaded(error: CredentialError) -> None:
            set_text_colour(self.secret_status, None)
            self.secret_status.setText(describe_keyring_unavailable(error))
            if isinstance(error, NoKeyringBackend):
                self._keyring_missing(error)

        self.secret_field.load(loaded, not_loaded)

    def store_secret(self) -> None:
        from ..core.operations import NoKeyringBackend, keep_secret

        secret = self.password.text()
        if self._loading or not secret:
            return
        ref, remember = self.secret_ref(), self.remember.isChecked()

        def stored(kept: KeptSecret) -> None:
            if isinstance(kept.problem, NoKeyringBackend):
                self._keyring_missing(kept.problem)  # kept for this session, and the page says why
                return
            if kept.problem is not None:
                self._secret_failed(kept.problem)
                return
            set_text_colour(self.secret_status, None)  # a keyring problem shown before is over
            if self._no_keyring is not None:
                self.secret_status.setText(describe_keyring_unavailable(self._no_keyring))  # session only, and why
                return
            self.secret_status.setText(self.tr("Password remembered in the OS keyring.") if remember
                                       else self.tr("Password kept for this session only."))

        self.lookup(lambda progress, cancel: keep_secret(ref, secret, remember), stored, self._secret_failed)

    def _secret_failed(self, error: BaseException) -> None:
        from ..core.operations import CredentialError, NoKeyringBackend

        if isinstance(error, NoKeyringBackend):
            self._keyring_missing(error)
            self.store_secret()  # for this session, then: nothing typed is lost
        elif isinstance(error, CredentialError):
            self.secret_status.setText(describe_credential_error(error))
            set_text_colour(self.secret_status, style.ERROR)
        else:
            raise error

    def _keyring_missing(self, error: NoKeyringBackend) -> None:
        """No keyring to remember in: the box stops promising it (a locked keyring is different: storing asks
        to unlock it) and the page says the password is kept for this session."""
        self._no_keyring = error
        self.remember.blockSignals(True)
        self.remember.setChecked(False)
        self.remember.blockSignals(False)
        self.remember.setEnabled(False)
        self.remember.setToolTip(describe_keyring_unavailable(error))
        set_text_colour(self.secret_status, None)
        self.secret_status.setText(describe_keyring_unavailable(error))

    def _target_changed(self) -> None:
        """A saved password belongs to one user, host and port: it never follows the fields to another.
        One the user typed here does (it is kept under the target it is tested with)."""
        if self._from_keyring:
            self.password.clear()
            self._from_keyring = False
            set_text_colour(self.secret_status, None)
            self.secret_status.setText(self.tr("The saved password was for another host, user or TLS setting: "
                                               "enter the password for this one."))
        elif not self.password.text():
            self.load_secret()

    def _update_enabled(self) -> None:
        linux = self.platform.currentData() == OS_LINUX
        key = linux and self.auth.currentData() == "key"
        winrm = not linux and self.transport.currentData() == "winrm"
        self.transport.setVisible(not linux)
        self.transport_label.setVisible(not linux)
        self.skip_tls.setVisible(winrm)
        self.tls_warning.setVisible(winrm and self.skip_tls.isChecked())
        self.auth.setEnabled(linux)
        self.key_file.setEnabled(key)
        self.btn_browse_key.setEnabled(key)
        self.password_label.setText(self.tr("Ke&y passphrase:") if key else self.tr("Pass&word:"))
        self.password.setAccessibleName(self.tr("Key passphrase") if key else self.tr("Password"))

    def browse_key(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the private key"), self.key_file.text(),
                                              self.tr("All files (*)"))
        if name:
            self.key_file.setText(name)
            self._store()

    def _platform_changed(self) -> None:
        if self._loading:
            return
        windows_ssh = self.platform.currentData() == OS_WINDOWS and self.transport.currentData() == "ssh"
        self.port.setValue(22 if windows_ssh else DEFAULT_PORTS[self.platform.currentData()])
        self._store()

    def _store(self) -> None:
        if self._loading:
            return
        c = self.project.connection
        before = c.target_key()
        c.test_name = self.test_name.text()
        c.platform = self.platform.currentData()
        c.host = self.host.text().strip()
        c.port = self.port.value()
        c.user = self.user.text().strip()
        c.auth = self.auth.currentData()
        c.key_file = self.key_file.text()
        c.windows_transport = self.transport.currentData()
        c.verify_tls = not self.skip_tls.isChecked()
        if c.target_key() != before:
            # A result about another host or user would mislead ("does not resolve" for the old name).
            self.test_steps.clear()
            self.test_result.clear()
            self.btn_forget.hide()
            self._target_changed()
        self._update_enabled()
        self.changed()
