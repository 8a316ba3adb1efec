"""The one place secrets are stored: the OS keyring, or memory for this session.

Keys are namespaced as `<project id>/<purpose>` under the service `mpwizard`.
A missing backend or a locked keyring raises a typed error that the UI turns
into advice; there is never a silent fallback to a plaintext file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from .records import record

SERVICE = "mpwizard"

# Backends that would store secrets in plain files or nowhere: refused.
_REFUSED_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

log = logging.getLogger(__name__)


class CredentialError(Exception):
    """Base of the errors the UI explains to the user."""

    advice = "Check the system keyring and try again."


class NoKeyringBackend(CredentialError):
    advice = (
        "No secure system keyring is available. On Linux, install and start a Secret Service "
        "(GNOME Keyring or KWallet) in your desktop session. Until then, choose 'this session only'."
    )


class KeyringLockedError(CredentialError):
    advice = "The system keyring is locked. Unlock it (log in to your desktop keyring) and try again."


@record(frozen=True)
class SecretRef:
    """Names one secret. Safe to store in a project file: it holds no secret."""

    project_id: str
    purpose: str  # e.g. "ssh-password", "storage-account-key", "sas:<sku>/<disk>"

    @property
    def key(self) -> str:
        return f"{self.project_id}/{self.purpose}"


class CredentialService:
    def __init__(self, service: str = SERVICE):
        self.service = service
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    # -- backend -------------------------------------------------------------
    @staticmethod
    def backend_name() -> str:
        import keyring

        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def _backend(self) -> Any:
        import keyring

        backend = keyring.get_keyring()
        module = type(backend).__module__
        chained = getattr(backend, "backends", None)
        if module.startswith(_REFUSED_BACKENDS) or chained == []:
            raise NoKeyringBackend("No secure keyring backend is available.")
        return backend

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        import keyring.errors as kerr

        try:
            return fn(*args)
        except kerr.KeyringLocked as exc:
            raise KeyringLockedError(str(exc) or "The keyring is locked.") from None
        except kerr.NoKeyringError as exc:
            raise NoKeyringBackend(str(exc)) from None
        except kerr.KeyringError as exc:
            # Secret Service reports a dismissed unlock prompt as a generic error.
            text = str(exc)
            if "lock" in text.lower() or "prompt" in text.lower():
                raise KeyringLockedError(text) from None
            raise CredentialError(text) from None

    # -- API -----------------------------------------------------------------
    def store(self, ref: SecretRef, secret: str, remember: bool) -> None:
        """Keep a secret for this session, and in the OS keyring if `remember`."""
        self._note_secret(secret)
        with self._lock:
            self._session[ref.key] = secret
        if remember:
            backend = self._backend()
            self._call(backend.set_password, self.service, ref.key, secret)
            log.info("stored secret %s in keyring", ref.key)

    def get(self, ref: SecretRef) -> str | None:
        with self._lock:
            if ref.key in self._session:
                return self._session[ref.key]
        backend = self._backend()
        value = self._call(backend.get_password, self.service, ref.key)
        if value is not None:
            self._note_secret(value)
            with self._lock:
                self._session[ref.key] = value
        return value if isinstance(value, str) else None

    def forget(self, ref: SecretRef) -> None:
        import keyring.errors as kerr

        with self._lock:
            self._session.pop(ref.key, None)
        backend = self._backend()

        def delete() -> None:
            try:
                backend.delete_password(self.service, ref.key)
            except kerr.PasswordDeleteError:
                pass  # nothing stored: already forgotten

        self._call(delete)

    def session_value(self, ref: SecretRef) -> str | None:
        """The secret if this session already holds it; never asks the keyring."""
        with self._lock:
            return self._session.get(ref.key)

    @staticmethod
    def _note_secret(secret: str) -> None:
        """Every secret seen this session is redacted from the log from now on."""
        from .logs import register_secret

        register_secret(secret)


_default: CredentialService | None = None


def credentials() -> CredentialService:
    global _default
    if _default is None:
        _default = CredentialService()
    return _default
