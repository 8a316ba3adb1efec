"""The commands that create the test VM from a SKU's uploaded VHDs (the guide's step 4), offered at
the Connection step: bash and PowerShell, copyable, the project's values filled in and secrets as
variables the publisher sets. They need no test run: the test runs on the VM they create."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..core.model import Project
from ..core.operations import MISSING_PLACEHOLDER
from ..mnemonics import give_mnemonics
from ..style import set_text_colour
from .base import sku_choice_label


class TestVmDialog(QDialog):
    def __init__(self, parent: QWidget, project: Project):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Create the test VM"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "Run these commands where the Azure CLI is signed in (az login). First set RESOURCE_GROUP and LOCATION "
            "to the resource group and region of the storage account that holds the VHDs (Azure portal → Storage "
            "accounts → your account → Overview) and, for a Windows image, ADMIN_PASSWORD. They create a managed "
            "image from the checked and uploaded VHD, then a VM from it; enter that VM's address on the Connection "
            "page (az vm show -d -g \"$RESOURCE_GROUP\" -n NAME --query publicIps -o tsv prints it; NAME is the "
            "--name of az vm create). Delete the VM when the test run is done (az vm delete -g \"$RESOURCE_GROUP\" "
            "-n NAME --yes): it costs money while it runs."))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.sku = QComboBox()
        self.sku.setAccessibleName(self.tr("SKU"))
        for index, sku in enumerate(project.skus):
            self.sku.addItem(sku_choice_label(sku), index)
        matching = [i for i, sku in enumerate(project.skus) if sku.os_family == project.connection.platform]
        if matching:
            self.sku.setCurrentIndex(matching[0])  # the SKU of the platform being tested
        label = QLabel(self.tr("&SKU:"))
        label.setBuddy(self.sku)
        row.addWidget(label)
        row.addWidget(self.sku, 1)
        layout.addLayout(row)
        # Who the commands' VM lets in, said before they are run: a first-timer who ran them in Azure Cloud
        # Shell otherwise looks for a key on this computer that was made in Cloud Shell.
        self.login_note = QLabel()
        self.login_note.setObjectName("login_note")
        self.login_note.setWordWrap(True)
        self.login_note.setTextFormat(Qt.TextFormat.PlainText)
        self.login_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.login_note)
        # Said above the commands, not only in a comment inside them: pasted with a placeholder, az fails.
        self.missing_note = QLabel()
        self.missing_note.setWordWrap(True)
        set_text_colour(self.missing_note, style.ERROR)
        layout.addWidget(self.missing_note)
        self.tabs = QTabWidget()
        self.texts: dict[str, QPlainTextEdit] = {}
        for fmt, title in (("az-script", self.tr("bash (Linux, macOS, Cloud Shell)")),
                           ("az-ps1", self.tr("PowerShell (Windows)"))):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            text = QPlainTextEdit()
            text.setReadOnly(True)
            text.setTabChangesFocus(True)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            text.setAccessibleName(title)
            copy = QPushButton(self.tr("&Copy commands"))
            copy.clicked.connect(lambda _=False, t=text: QGuiApplication.clipboard().setText(t.toPlainText()))
            page_layout.addWidget(text, 1)
            page_layout.addWidget(copy)
            self.texts[fmt] = text
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        give_mnemonics(buttons, around=self)  # "&Copy commands" has the C
        self.sku.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from ..core.operations import ExportRefused, commands_for_test_vm

        index = self.sku.currentData()
        if index is None:
            for text in self.texts.values():
                text.setPlainText(self.tr("Define a SKU in step 1 first."))
            return
        sku = self.project.skus[index]
        self.show_login(sku.os_family)
        if not sku.sku_id:  # a first-timer's empty project: say what to fill in, not why a script is refused
            for text in self.texts.values():
                text.setPlainText(self.tr("Enter the SKU ID on the Offer & SKUs step first: the commands name the "
                                          "image and the VM after it."))
            self.missing_note.setVisible(False)
            return
        placeholders: set[str] = set()
        for fmt, text in self.texts.items():
            try:
                commands = commands_for_test_vm(fmt, self.project, sku)
            except ExportRefused as exc:  # a value that breaks its own rule is not put into a command
                text.setPlainText(self.tr("No commands: {0}").format(exc))
                continue
            text.setPlainText(commands)
            placeholders |= set(MISSING_PLACEHOLDER.findall(commands))
        self.missing_note.setText(self.tr(
            "Not ready to run: the commands still hold {0}. Upload the VHDs on the VHD check step (or complete "
            "step 1) first; the commands then name them.").format(", ".join(sorted(placeholders))))
        self.missing_note.setVisible(bool(placeholders))

    def show_login(self, os_family: str) -> None:
        """The user and the key (or password) the commands give the VM, and what changes in Cloud Shell."""
        from ..core.model import OS_LINUX
        from ..core.operations import recipe_login

        login = recipe_login(os_family)
        if os_family == OS_LINUX:
            self.login_note.setText(self.tr(
                "Sign-in: the VM gets the user {0} (or ADMIN_USERNAME when you set it) and accepts the SSH key "
                "~/.ssh/id_rsa of the machine that runs the commands (--generate-ssh-keys makes it there when it is "
                "missing); on this computer that is {1}. The Test run step fills the Connection step with this user "
                "and key.\nRan them in Azure Cloud Shell? Then the key was made in Cloud Shell's ~/.ssh/id_rsa, not "
                "on this computer: download it (Cloud Shell → Manage files → Download, path .ssh/id_rsa) and choose "
                "it on the Connection step, or add --ssh-key-values with your own public key (for example "
                "~/.ssh/id_rsa.pub of this computer, pasted as text) to az vm create.").format(
                login.user, login.key_file))
        else:
            self.login_note.setText(self.tr(
                "Sign-in: the VM's administrator is {0} (or ADMIN_USERNAME when you set it), with the password you "
                "set in ADMIN_PASSWORD; enter the same user and password on the Connection step. In Azure Cloud Shell "
                "set both there before running the commands.").format(login.user))
