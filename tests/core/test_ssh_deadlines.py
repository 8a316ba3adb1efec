"""An SSH server that stalls after its banner (issue #29): the handshake ends at its deadline, and
Cancel ends it at once (paramiko's waits do not look at Cancel; the transport is closed for them)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from wizard.core.progress import Cancelled, CancelToken
from wizard.core.sshconn import HandshakeFailed, KnownHosts, SshTarget, open_session


@pytest.fixture
def stalling_server():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()
    held = []

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")  # then nothing: no key exchange ever comes
            held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def test_cancel_ends_a_stalled_handshake_at_once(stalling_server, tmp_path):
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        open_session(SshTarget("127.0.0.1", stalling_server, "u", "p"), KnownHosts(tmp_path / "kh"), timeout=20,
                     cancel=cancel)
    assert time.monotonic() - started < 2  # before: the whole 20 s


def test_a_stalled_handshake_ends_at_its_deadline(stalling_server, tmp_path):
    started = time.monotonic()
    with pytest.raises(HandshakeFailed):
        open_session(SshTarget("127.0.0.1", stalling_server, "u", "p"), KnownHosts(tmp_path / "kh"), timeout=2)
    assert time.monotonic() - started < 5
