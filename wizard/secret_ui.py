"""How credential errors are put to the user: what went wrong and what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .core.operations import CredentialError, KeyringLockedError, NoKeyringBackend


def describe_keyring_unavailable(error: CredentialError) -> str:
    """For a failed read: nothing was lost, the user only needs to type the secret."""
    if isinstance(error, KeyringLockedError):
        return QCoreApplication.translate("Credentials", "The system keyring is locked: unlock it to use a remembered "
                                                         "password, or type the password.")
    return QCoreApplication.translate("Credentials", "No secure system keyring is available: passwords can be kept "
                                                     "for this session only.")


def describe_credential_error(error: CredentialError) -> str:
    if isinstance(error, NoKeyringBackend):
        return QCoreApplication.translate("Credentials", "No secure system keyring is available, so the password was not saved. On Linux, "
                                 "install and start GNOME Keyring or KWallet. Until then, untick 'Remember' to keep it "
                                 "for this session only.")
    if isinstance(error, KeyringLockedError):
        return QCoreApplication.translate("Credentials", "The system keyring is locked, so the password was not saved. Unlock your keyring "
                                 "(log in to it) and try again, or untick 'Remember'.")
    return QCoreApplication.translate("Credentials", "The system keyring reported an error: {0}").format(error)
