"""The connection test against the real loopback sshd: every step and every failure the issue names."""

from __future__ import annotations

import subprocess

import paramiko
import pytest
from sshd_server import run_user

from wizard.core.sshconn import (
    AuthFailed,
    HostKeyChanged,
    KeyFormatUnknown,
    KeyNeedsPassphrase,
    KnownHosts,
    PortClosed,
    SshTarget,
    UnknownHostKey,
    open_session,
    run_command,
)
from wizard.core.sshconn import (
    run_connection_test as check_connection,
)

from conftest import free_port


def trusted(sshd, tmp_path) -> KnownHosts:
    known = KnownHosts(tmp_path / "known_hosts")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    return known


def test_first_contact_shows_fingerprint_then_trust_is_remembered(sshd, roots, tmp_path):
    known = KnownHosts(tmp_path / "known_hosts")
    target = SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), password="good-Pass-1")
    with pytest.raises(UnknownHostKey) as first:
        check_connection(target, known)
    assert first.value.fingerprint == sshd.host_key_fingerprint()
    assert [s.step for s in first.value.report.steps] == ["resolve", "port", "handshake"]
    report = check_connection(target, known, trust_fingerprint=first.value.fingerprint)
    assert [s.step for s in report.steps] == ["resolve", "port", "handshake", "host-key", "auth", "os", "sudo"]
    assert report.os_pretty_name == "Test Linux 1 (image root)"
    # The good root, filled (`roots`), has password-less sudo as an Azure VM's admin user does; without the
    # fixture the result depended on whether an earlier test had filled the root.
    assert report.sudo is True
    assert known.lookup("127.0.0.1", sshd.port)  # remembered: the next test needs no trust
    assert check_connection(target, known).os_pretty_name


def test_trusting_a_different_fingerprint_does_not_connect(sshd, tmp_path):
    known = KnownHosts(tmp_path / "known_hosts")
    with pytest.raises(UnknownHostKey):
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), password="good-Pass-1"), known,
                         trust_fingerprint="SHA256:not-the-right-one")
    assert not known.lookup("127.0.0.1", sshd.port)


def test_changed_host_key_is_refused(sshd, tmp_path):
    known = KnownHosts(tmp_path / "known_hosts")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key.from_private_key_file(str(_new_key(tmp_path, "other"))))
    with pytest.raises(HostKeyChanged) as changed:
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), password="good-Pass-1"), known)
    assert changed.value.got == sshd.host_key_fingerprint()
    assert "Forget host key" in changed.value.advice


def test_wrong_password_and_wrong_key(sshd, tmp_path):
    known = trusted(sshd, tmp_path)
    with pytest.raises(AuthFailed, match="refused the password"):
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), password="nope"), known)
    with pytest.raises(AuthFailed, match="refused the key"):
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), key_file=str(_new_key(tmp_path, "wrong"))), known)
    report = check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), key_file=str(sshd.client_key)), known)
    assert report.steps[-1].step == "sudo"


def test_encrypted_key_needs_passphrase_and_bad_format(sshd, tmp_path):
    known = trusted(sshd, tmp_path)
    locked = _new_key(tmp_path, "locked", passphrase="s3cret-phrase")
    with pytest.raises(KeyNeedsPassphrase):
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), key_file=str(locked)), known)
    junk = tmp_path / "junk.ppk"
    junk.write_text("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n")
    with pytest.raises(KeyFormatUnknown, match="not a private key format"):
        check_connection(SshTarget("127.0.0.1", sshd.port, run_user("mpwtgood"), key_file=str(junk)), known)


def test_closed_port(tmp_path):
    with pytest.raises(PortClosed) as closed:
        check_connection(SshTarget("127.0.0.1", free_port(), "x", password="y"), KnownHosts(tmp_path / "kh"), timeout=5)
    assert "refused" in str(closed.value)
    assert closed.value.advice


def test_commands_run_in_the_chroot_and_dropped_connection_is_reported(sshd, tmp_path):
    known = trusted(sshd, tmp_path)
    transport = open_session(SshTarget("127.0.0.1", sshd.port, run_user("mpwtbad"), password="bad-Pass-1"), known)
    try:
        status, out, _ = run_command(transport, "cat /proc/cmdline")
        assert status == 0
        assert out.strip() == "quiet splash"
        status, out, _ = run_command(transport, "cat", stdin=b"through stdin")
        assert out == "through stdin"
    finally:
        transport.close()
    with pytest.raises((paramiko.SSHException, EOFError, OSError)):
        run_command(transport, "true")


def _new_key(folder, name, passphrase=""):
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", str(path)], check=True)
    return path
