"""The loopback sshd with chrooted image roots that the certification tests will use (issue #5 groundwork)."""

from __future__ import annotations

import base64
import hashlib

import paramiko
import pytest
from sshd_server import run_user


def connect(srv, user, password=None, key_filename=None):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())  # never silently trust
    client.get_host_keys().add(f"[127.0.0.1]:{srv.port}", "ssh-ed25519",
                               paramiko.Ed25519Key(filename=str(srv.host_key)))
    client.connect("127.0.0.1", srv.port, username=user, password=password, key_filename=key_filename,
                   look_for_keys=False, allow_agent=False, timeout=10, auth_timeout=10)
    return client


def run(client, command: str) -> str:
    _, stdout, _ = client.exec_command(command, timeout=10)
    return stdout.read().decode()


def test_password_login_lands_in_the_image_root(sshd):
    client = connect(sshd, run_user("mpwtgood"), password="good-Pass-1")
    try:
        assert run(client, "cat /proc/cmdline").strip() == "console=ttyS0 earlyprintk=ttyS0 rootdelay=300"
        assert run(client, "id -un").strip() == run_user("mpwtgood")
        assert run_user("mpwtbad") not in run(client, "cat /etc/passwd")  # each user sees only its own root
    finally:
        client.close()
    other = connect(sshd, run_user("mpwtbad"), password="bad-Pass-1")
    try:
        assert run(other, "cat /proc/cmdline").strip() == "quiet splash"
    finally:
        other.close()


def test_key_login_and_wrong_password(sshd):
    client = connect(sshd, run_user("mpwtgood"), key_filename=str(sshd.client_key))
    client.close()
    with pytest.raises(paramiko.AuthenticationException):
        connect(sshd, run_user("mpwtgood"), password="wrong")


def test_unknown_host_key_is_refused_and_fingerprint_matches(sshd):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    with pytest.raises(paramiko.SSHException, match="not found in known_hosts"):
        client.connect("127.0.0.1", sshd.port, username=run_user("mpwtgood"), password="good-Pass-1",
                       look_for_keys=False, allow_agent=False, timeout=10)
    transport = paramiko.Transport(("127.0.0.1", sshd.port))
    try:
        transport.start_client(timeout=10)
        key = transport.get_remote_server_key()
        fingerprint = "SHA256:" + base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode().rstrip("=")
    finally:
        transport.close()
    assert fingerprint == sshd.host_key_fingerprint()
