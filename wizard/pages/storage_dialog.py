"""Connect the storage account where the upload needs it (issue #32, "a path forward at every step"): the
VHD step asks for the account's name and key (and, for the emulator, its endpoint) when the project names
no account yet or its key is in neither this session nor the keyring. The key is proved and kept by the
same operation the SAS URIs step's Connect uses (`operations.connect_storage_key`); the dialog only judges
its fields, in accept(): OK and Enter never take a name Azure refuses or a key that is not one."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..mnemonics import give_mnemonics

# Azure's rule for a storage account name: 3 to 24 lowercase letters and digits (the emulator's
# devstoreaccount1 follows it too).
ACCOUNT_NAME = re.compile(r"[a-z0-9]{3,24}")


class StorageConnectDialog(QDialog):
    """Account name, account key, optional endpoint, and "remember in the OS keyring" (on: the next upload
    and the SAS URIs step find the key without asking)."""

    def __init__(self, parent: QWidget | None, account: str = "", endpoint: str = "", why: str = "",
                 refused: str = "", remember: bool = True) -> None:
        """`refused`: why the service refused the key typed before (the dialog opens again with it shown, the
        account name and endpoint as typed, the key field empty and focused)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect the storage account"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(why or self.tr("The upload sends the VHD to your storage account. Enter its name and an "
                                      "access key: Azure portal → Storage accounts → your account → Security + "
                                      "networking → Access keys (key1 or key2, Show, then copy)."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.account = QLineEdit(account)
        self.account.setAccessibleName(self.tr("Storage account name"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Account key"))
        self.endpoint = QLineEdit(endpoint)
        self.endpoint.setPlaceholderText(self.tr("optional, e.g. http://127.0.0.1:10000/devstoreaccount1 for the emulator"))
        self.endpoint.setAccessibleName(self.tr("Blob endpoint"))
        # The example stays whole in its field in every language (Qt elides a placeholder that does not fit).
        self.endpoint.setMinimumWidth(self.endpoint.fontMetrics().horizontalAdvance(self.endpoint.placeholderText())
                                      + 4 * self.endpoint.fontMetrics().averageCharWidth())
        self.remember = QCheckBox(self.tr("&Remember the key in the OS keyring"))
        self.remember.setChecked(remember)
        for text, field in ((self.tr("Account na&me:"), self.account), (self.tr("Account &key:"), self.key),
                            (self.tr("&Endpoint:"), self.endpoint)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.remember)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        style.set_text_colour(self.problem, style.ERROR)
        self.problem.setText(refused)
        self.problem.setVisible(bool(refused))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        give_mnemonics(buttons, around=self)
        (self.key if account else self.account).setFocus()

    def values(self) -> tuple[str, str, str, bool]:
        """(account name, key, endpoint, remember)."""
        return (self.account.text().strip(), self.key.text().strip(), self.endpoint.text().strip().rstrip("/"),
                self.remember.isChecked())

    def first_problem(self) -> tuple[QLineEdit, str] | None:
        from ..core.operations import account_key_is_usable

        account, key, endpoint, _remember = self.values()
        if not ACCOUNT_NAME.fullmatch(account):
            return self.account, self.tr("A storage account name is 3–24 lowercase letters and digits (the name "
                                         "before .blob.core.windows.net).")
        if not key:
            return self.key, self.tr("Enter the account key (Access keys in the Azure portal).")
        if not account_key_is_usable(key):
            return self.key, self.tr("This is not an account key: copy the whole key (key1 or key2) from Access keys "
                                     "in the Azure portal; it ends with \"==\".")
        parts = urlsplit(endpoint)
        if endpoint and (parts.scheme not in ("http", "https") or not parts.hostname):
            return self.endpoint, self.tr("The endpoint is an http:// or https:// address (leave it empty for an "
                                          "Azure storage account).")
        return None

    def accept(self) -> None:  # noqa: D401 - Qt override
        found = self.first_problem()
        if found is not None:
            field, message = found
            self.problem.setText(message)
            self.problem.show()
            field.setFocus()
            field.selectAll()
            return  # Enter and OK never take a field Azure would refuse
        self.problem.hide()
        super().accept()
