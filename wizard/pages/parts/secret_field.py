"""A secret's field and its "remember in the OS keyring" box, as the Connection and SAS URIs steps show
them: the secret is read from this session or the keyring off the GUI thread, and a keyring that answers
late never fills in the secret of a target the fields have left meanwhile, nor over what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QLineEdit

if TYPE_CHECKING:
    from ...core.operations import CredentialError, SecretRef
    from ..base import StepPage


class SecretField(QObject):
    """`edit` (shown as dots) and `remember`; `ref()` names the secret the fields stand for now."""

    def __init__(self, page: StepPage, ref: Callable[[], SecretRef]) -> None:
        super().__init__(page)
        self.page, self.ref = page, ref
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the OS &keyring"))

    def load(self, loaded: Callable[[str], None] | None = None,
             failed: Callable[[CredentialError], None] | None = None) -> None:
        """Fill the field from this session or the keyring (which may prompt to unlock): `loaded(value)` once
        it was filled, `failed(error)` when the keyring could not be read."""
        from ...core.operations import CredentialError, read_secret

        ref = self.ref()

        def answered(value: str | None) -> None:
            # A keyring that answers late must not fill in the secret of a target the fields left meanwhile.
            if value and not self.edit.text() and ref == self.ref():
                self.edit.setText(value)
                self.remember.blockSignals(True)  # what the keyring gave is not stored again
                self.remember.setChecked(True)
                self.remember.blockSignals(False)
                if loaded is not None:
                    loaded(value)

        def went_wrong(error: BaseException) -> None:
            if not isinstance(error, CredentialError):
                raise error
            if failed is not None:
                failed(error)

        self.page.lookup(lambda progress, cancel: read_secret(ref), answered, went_wrong)
