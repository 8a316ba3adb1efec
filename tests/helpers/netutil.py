"""Small helpers for the test servers on loopback (Azurite, sshd)."""

from __future__ import annotations

import socket
import subprocess
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_listening(proc: subprocess.Popen, port: int, name: str, seconds: float, banner: bytes = b"") -> None:
    """Wait for our own process to accept on `port` (and send `banner`); fail fast if it died.

    Checking our own PID matters: a stale server on the same port would otherwise answer for it.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
                if not banner or s.recv(len(banner)).startswith(banner):
                    return
        except OSError:
            pass
        time.sleep(0.03)
    raise RuntimeError(f"{name} did not start within {seconds:.0f} s")
