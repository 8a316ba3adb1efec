"""Credentials through the real Secret Service (gnome-keyring in a private D-Bus session)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.credentials import CredentialService, NoKeyringBackend, SecretRef

ROOT = Path(__file__).resolve().parents[2]
HAVE_BUS = bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
# scripts/test sets MPWIZARD_REQUIRE_SERVICES, so there a missing bus fails instead of skipping.
needs_bus = pytest.mark.skipif(not HAVE_BUS and not os.environ.get("MPWIZARD_REQUIRE_SERVICES"),
                               reason="needs the D-Bus session with gnome-keyring that scripts/test starts")


@needs_bus
def test_backend_is_the_real_secret_service():
    assert CredentialService.backend_name() == "keyring.backends.SecretService.Keyring"


@needs_bus
def test_round_trip_through_secret_service():
    ref = SecretRef("proj-rt", "storage-account-key")
    CredentialService().store(ref, "k3y-value-Round-Trip", remember=True)
    assert CredentialService().get(ref) == "k3y-value-Round-Trip"  # a fresh service reads the keyring
    # Cross-check with an independent client of the same Secret Service.
    lookup = subprocess.run(["secret-tool", "lookup", "service", "mpwizard", "username", ref.key],
                            capture_output=True, text=True, timeout=20)
    assert lookup.stdout == "k3y-value-Round-Trip"
    CredentialService().forget(ref)
    assert CredentialService().get(ref) is None
    CredentialService().forget(ref)  # forgetting twice is fine


@needs_bus
def test_session_only_secret_never_reaches_the_keyring():
    ref = SecretRef("proj-session", "vm-password")
    service = CredentialService()
    service.store(ref, "only-in-memory", remember=False)
    assert service.get(ref) == "only-in-memory"
    assert CredentialService().get(ref) is None


def _without_bus_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "GNOME_KEYRING"))}
    env["HOME"] = str(tmp_path)
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + str(tmp_path / "no-bus")
    return env


def test_no_backend_raises_typed_error(tmp_path):
    code = ("from wizard.core.credentials import *\n"
            "try:\n    CredentialService().store(SecretRef('p', 'x'), 'secret-x', True)\n"
            "except NoKeyringBackend as e:\n    print('NO-BACKEND', e.advice)\nelse:\n    print('STORED')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_without_bus_env(tmp_path),
                            cwd=ROOT, timeout=60)
    assert result.stdout.startswith("NO-BACKEND"), result.stdout + result.stderr
    assert "Secret Service" in result.stdout


def test_no_backend_error_reaches_the_connection_page(qtbot, monkeypatch):
    import keyring
    from keyring.backends import fail

    from wizard.document import ProjectDocument
    from wizard.pages.connection_page import ConnectionPage

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what keyring itself selects when no backend exists
    try:
        page = ConnectionPage(ProjectDocument())
        qtbot.addWidget(page)
        page.initializePage()
        page.password.setText("typed-secret")
        page.remember.setChecked(True)
        qtbot.waitUntil(lambda: "No secure system keyring" in page.secret_status.text(), timeout=10_000)
        # Nothing to remember it in: the box no longer promises it (a locked keyring keeps it: storing asks to unlock).
        qtbot.waitUntil(lambda: not page.remember.isEnabled(), timeout=10_000)
        assert not page.remember.isChecked()
        from wizard.core.credentials import credentials

        qtbot.waitUntil(lambda: credentials().session_value(page.secret_ref()) == "typed-secret", timeout=10_000)
    finally:
        keyring.set_keyring(previous)
    with pytest.raises(NoKeyringBackend):
        keyring.set_keyring(fail.Keyring())
        try:
            CredentialService().store(SecretRef("p", "x"), "y", True)
        finally:
            keyring.set_keyring(previous)


def _locked_run(mode: str, tmp_path) -> str:
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.fail("dbus and gnome-keyring are missing: run the tests through scripts/test")
    env = _without_bus_env(tmp_path)
    script = (f"eval $(printf pw | gnome-keyring-daemon --unlock --components=secrets) && "
              f"exec {sys.executable} tests/helpers/locked_keyring.py {mode}")
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=90)
    return result.stdout


def test_locked_keyring_raises_typed_error(tmp_path):
    out = _locked_run("core", tmp_path)
    assert out.startswith("LOCKED-ERROR"), out


def test_locked_keyring_error_reaches_the_connection_page(tmp_path):
    out = _locked_run("ui", tmp_path)
    assert "UI-TEXT The system keyring is locked" in out, out
