"""SSH connections to the certification VM, with host keys verified and every failure explained.

`test_connection` walks the steps the Connection page shows — name resolves, port
open, SSH handshake, host key, authentication, OS detected, passwordless sudo —
and stops at the first failure with a typed reason and what to do. Host keys are
never accepted silently: an unknown key raises `UnknownHostKey` with its SHA256
fingerprint (the UI asks, then `KnownHosts.remember`), a changed key raises
`HostKeyChanged` and is refused.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import threading
import time
from dataclasses import field
from pathlib import Path
from typing import Any

from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .progress import CancelToken
from .records import record


@record(frozen=True)
class SshTarget:
    host: str
    port: int
    user: str
    password: str | None = None  # secret
    key_file: str | None = None
    passphrase: str | None = None  # secret


class SshFailure(TranslatableError):
    """A connection step failed; `step` names it, `advice` (also marked for translation) says what to do."""

    step = "connect"
    advice = ""

    def __init__(self, template: str, advice: str = "", **args: object):
        super().__init__(template, **{k: str(v) for k, v in args.items()})
        self.advice = advice or self.advice


class KnownHostsDamaged(SshFailure):
    step = "host-key"
    advice = QT_TRANSLATE_NOOP("Core", "Open the file in a text editor and fix or delete that line (or delete the file: "
                                       "each host's fingerprint is then asked for again), or choose another known hosts "
                                       "file; then connect again.")


class KnownHostsUnwritable(SshFailure):
    step = "host-key"
    advice = QT_TRANSLATE_NOOP("Core", "Free some space or make the folder writable, or choose another known hosts "
                                       "file; then trust the fingerprint again.")


class NameNotResolved(SshFailure):
    step = "resolve"
    advice = QT_TRANSLATE_NOOP("Core", "Check the DNS name (for Azure: <name>.<region>.cloudapp.azure.com) or use the IP address.")


class PortClosed(SshFailure):
    step = "port"
    advice = QT_TRANSLATE_NOOP(
        "Core", "Check that the VM is running, that sshd listens on this port, and that the network security group allows it.")


class TimedOut(SshFailure):
    step = "port"
    advice = QT_TRANSLATE_NOOP("Core", "Nothing answered in time: check the address, the port and any firewall in between.")


class HandshakeFailed(SshFailure):
    step = "handshake"
    advice = QT_TRANSLATE_NOOP("Core", "The port answered but not as an SSH server: check the port number.")


M_UNKNOWN_KEY = QT_TRANSLATE_NOOP("Core", "The host key of {host} is not known yet ({key_type} {fingerprint}).")
A_UNKNOWN_KEY = QT_TRANSLATE_NOOP("Core", "Compare the fingerprint with the VM's (for example in the Azure serial console: "
                                          "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and trust it only if they match.")
M_KEY_CHANGED = QT_TRANSLATE_NOOP("Core", "The host key of {host} changed: expected {expected}, got {got}. Connection refused.")
A_KEY_CHANGED = QT_TRANSLATE_NOOP("Core", "If the VM was re-created, this is expected: remove the old key (Forget host key) and "
                                          "connect again to compare the new fingerprint. Otherwise someone may be intercepting.")
M_NEEDS_PASSPHRASE = QT_TRANSLATE_NOOP("Core", "The key {path} needs a passphrase.")
M_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Core", "The passphrase for {path} is wrong.")
A_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Core", "Check the key's passphrase.")
M_KEY_UNREADABLE = QT_TRANSLATE_NOOP("Core", "The key file {path} cannot be read: {reason}.")
M_KEY_FORMAT = QT_TRANSLATE_NOOP("Core", "{path} is not a private key format this app reads ({reason}).")
M_NOT_RESOLVED = QT_TRANSLATE_NOOP("Core", "{host} does not resolve ({reason}).")
M_TIMED_OUT = QT_TRANSLATE_NOOP("Core", "{host}:{port} did not answer within {seconds} s.")
M_REFUSED = QT_TRANSLATE_NOOP("Core", "{host}:{port} refused the connection (port closed).")
M_UNREACHABLE = QT_TRANSLATE_NOOP("Core", "{host}:{port} cannot be reached: {reason}.")
M_HANDSHAKE = QT_TRANSLATE_NOOP("Core", "SSH handshake with {host}:{port} failed: {reason}.")
M_AUTH_PASSWORD = QT_TRANSLATE_NOOP("Core", "{user}@{host} refused the password.")
M_AUTH_KEY = QT_TRANSLATE_NOOP("Core", "{user}@{host} refused the key.")
M_AUTH_OTHER = QT_TRANSLATE_NOOP("Core", "Authentication failed: {reason}.")
M_KNOWN_HOSTS_DAMAGED = QT_TRANSLATE_NOOP("Core", "The known hosts file {path} is damaged at line {line}: {reason}. "
                                                  "Nothing was connected and the file was not changed.")
M_KNOWN_HOSTS_UNWRITABLE = QT_TRANSLATE_NOOP("Core", "The fingerprint of the host could not be kept: the known hosts file "
                                                     "{path} cannot be written ({reason}). Nothing was connected.")


class UnknownHostKey(SshFailure):
    step = "host-key"

    def __init__(self, host: str, key_type: str, fingerprint: str, key: Any):
        super().__init__(M_UNKNOWN_KEY, A_UNKNOWN_KEY, host=host, key_type=key_type, fingerprint=fingerprint)
        self.host, self.key_type, self.fingerprint, self.key = host, key_type, fingerprint, key


class HostKeyChanged(SshFailure):
    step = "host-key"

    def __init__(self, host: str, expected: str, got: str):
        super().__init__(M_KEY_CHANGED, A_KEY_CHANGED, host=host, expected=expected, got=got)
        self.expected, self.got = expected, got


class AuthFailed(SshFailure):
    step = "auth"
    advice = QT_TRANSLATE_NOOP("Core", "Check the user name and the password or key. Azure sets these when the VM is created.")


class KeyNeedsPassphrase(SshFailure):
    step = "auth"
    advice = QT_TRANSLATE_NOOP("Core", "The private key is encrypted: enter its passphrase.")


class KeyFormatUnknown(SshFailure):
    step = "auth"
    advice = QT_TRANSLATE_NOOP("Core", "Use an OpenSSH or PEM private key (convert PuTTY .ppk files with PuTTYgen: Conversions → Export OpenSSH key).")


STEP_NAMES = {
    "resolve": QT_TRANSLATE_NOOP("Core", "Name resolves"),
    "port": QT_TRANSLATE_NOOP("Core", "Port open"),
    "handshake": QT_TRANSLATE_NOOP("Core", "SSH handshake"),
    "host-key": QT_TRANSLATE_NOOP("Core", "Host key"),
    "auth": QT_TRANSLATE_NOOP("Core", "Authentication"),
    "os": QT_TRANSLATE_NOOP("Core", "Operating system"),
    "sudo": QT_TRANSLATE_NOOP("Core", "Passwordless sudo"),
    "tls": QT_TRANSLATE_NOOP("Core", "TLS certificate"),
    "admin": QT_TRANSLATE_NOOP("Core", "Administrator rights"),
}


def fingerprint(key: Any) -> str:
    """OpenSSH's SHA256 fingerprint of a paramiko key."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode().rstrip("=")


def host_entry(host: str, port: int) -> str:
    return host if port == 22 else f"[{host}]:{port}"


class KnownHosts:
    """The app's own known_hosts file (OpenSSH format), separate from the user's ~/.ssh."""

    def __init__(self, path: Path | None = None):
        if path is None:
            import platformdirs

            path = Path(platformdirs.user_data_dir("mpwizard", appauthor=False)) / "known_hosts"
        self.path = Path(path)

    def _load(self) -> Any:
        """The file's keys. A damaged line is refused, not skipped: skipping would make its host
        "unknown" and the next save would write the file back without it (less than it held)."""
        import paramiko

        keys = paramiko.HostKeys()
        try:
            if not self.path.exists():
                return keys
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnownHostsDamaged(M_KNOWN_HOSTS_DAMAGED, path=self.path, line=0,
                                    reason=getattr(exc, "strerror", None) or "not UTF-8 text") from None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith(("#", "@")):
                continue  # comments, and @cert-authority / @revoked markers this app does not use (kept as they are)
            try:
                entry = paramiko.hostkeys.HostKeyEntry.from_line(line, number)
            except Exception as exc:  # noqa: BLE001 - paramiko raises InvalidHostKey, binascii and others on bad lines
                reason = getattr(exc, "exc", None) or exc or "unreadable"  # InvalidHostKey carries the cause
                raise KnownHostsDamaged(M_KNOWN_HOSTS_DAMAGED, path=self.path, line=number, reason=reason) from None
            if entry is None:
                raise KnownHostsDamaged(M_KNOWN_HOSTS_DAMAGED, path=self.path, line=number,
                                        reason="not a known_hosts entry")
            keys._entries.append(entry)
        return keys

    def lookup(self, host: str, port: int) -> dict[str, Any]:
        found = self._load().lookup(host_entry(host, port))
        return dict(found) if found else {}

    def remember(self, host: str, port: int, key: Any) -> None:
        """Add the host's key: one line appended, every other line of the file kept as it is."""
        import paramiko

        self._load()  # refuses a damaged file before anything is written
        line = paramiko.hostkeys.HostKeyEntry([host_entry(host, port)], key).to_line()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            old = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(("" if not old or old.endswith("\n") else "\n") + line)
        except OSError as exc:  # a read-only folder, a full disk: said, with what to do
            raise KnownHostsUnwritable(M_KNOWN_HOSTS_UNWRITABLE, path=self.path, reason=_reason(exc)) from None

    def forget(self, host: str, port: int) -> None:
        """Remove the host's lines only (comments and other hosts stay byte for byte)."""
        import paramiko

        from .projectio import atomic_write_text

        if not self.lookup(host, port):
            return
        entry = host_entry(host, port)

        def names_host(line: str) -> bool:  # also a hashed (|1|…) name, as paramiko matches it
            if not line.strip() or line.lstrip().startswith(("#", "@")):
                return False
            one = paramiko.HostKeys()
            parsed = paramiko.hostkeys.HostKeyEntry.from_line(line)
            if parsed is None:
                return False
            one._entries.append(parsed)
            return one.lookup(entry) is not None

        kept = [line for line in self.path.read_text(encoding="utf-8").splitlines(keepends=True) if not names_host(line)]
        atomic_write_text(self.path, "".join(kept), keep_backup=False)


class SessionKnownHosts(KnownHosts):
    """Host keys trusted for this run only (the command line without --known-hosts)."""

    def __init__(self) -> None:
        import paramiko

        self.path = Path("(memory)")
        self._keys = paramiko.HostKeys()

    def _load(self) -> Any:
        return self._keys

    def remember(self, host: str, port: int, key: Any) -> None:
        self._keys.add(host_entry(host, port), key.get_name(), key)

    def forget(self, host: str, port: int) -> None:
        self._keys.pop(host_entry(host, port), None)


@record
class StepResult:
    step: str
    ok: bool
    detail: str = ""


@record
class ConnectionReport:
    steps: list[StepResult] = field(default_factory=list)
    os_pretty_name: str = ""
    sudo: bool = False


def _load_key(path: str, passphrase: str | None) -> Any:
    import paramiko

    last: Exception | None = None
    for cls in (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey):
        try:
            return cls.from_private_key_file(path, password=passphrase)
        except paramiko.PasswordRequiredException:
            raise KeyNeedsPassphrase(M_NEEDS_PASSPHRASE, path=path) from None
        except (paramiko.SSHException, ValueError) as exc:
            last = exc
            if "passphrase" in str(exc).lower() or "decrypt" in str(exc).lower():
                raise KeyNeedsPassphrase(M_WRONG_PASSPHRASE, A_WRONG_PASSPHRASE, path=path) from None
            continue
        except OSError as exc:
            raise KeyFormatUnknown(M_KEY_UNREADABLE, path=path, reason=exc.strerror) from None
    raise KeyFormatUnknown(M_KEY_FORMAT, path=path, reason=last)


def connect_socket(host: str, port: int, timeout: float, report: ConnectionReport, cancel: CancelToken) -> socket.socket:
    """The first two steps of every connection test (SSH or WinRM): the name resolves, the port answers."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError, OverflowError) as exc:  # gaierror; a name IDNA refuses; NUL; a port
        raise NameNotResolved(M_NOT_RESOLVED, host=host, reason=_reason(exc)) from None
    if not infos:
        raise NameNotResolved(M_NOT_RESOLVED, host=host, reason="no address")
    report.steps.append(StepResult("resolve", True, str(infos[0][4][0])))
    cancel.raise_if_cancelled()
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except TimeoutError:
        raise TimedOut(M_TIMED_OUT, host=host, port=port, seconds=f"{timeout:.0f}") from None
    except ConnectionRefusedError:
        raise PortClosed(M_REFUSED, host=host, port=port) from None
    except (OSError, ValueError, OverflowError) as exc:
        raise PortClosed(M_UNREACHABLE, host=host, port=port, reason=_reason(exc)) from None
    report.steps.append(StepResult("port", True, f"{host}:{port}"))
    return sock


def open_session(target: SshTarget, known_hosts: KnownHosts, timeout: float = 15.0,
                 trust_fingerprint: str | None = None, report: ConnectionReport | None = None,
                 cancel: CancelToken | None = None) -> Any:
    """An authenticated paramiko Transport; raises an SshFailure at the first failing step."""
    import paramiko

    report = report or ConnectionReport()
    cancel = cancel or CancelToken()
    ok = report.steps.append
    sock = connect_socket(target.host, target.port, timeout, report, cancel)
    transport = paramiko.Transport(sock)
    transport.banner_timeout = timeout
    transport.handshake_timeout = timeout
    transport.auth_timeout = timeout  # each step has its own overall bound, not only a per-read one (issue #29)
    finished = threading.Event()
    # paramiko waits inside start_client and auth_* without looking at Cancel: closing the transport
    # ends those waits at once, and the Cancelled below says why.
    threading.Thread(target=_close_on_cancel, args=(transport, cancel, finished), name="ssh cancel", daemon=True).start()
    try:
        try:
            transport.start_client(timeout=timeout)
            if not transport.is_active() or transport.host_key is None:  # start_client returns at its timeout
                cancel.raise_if_cancelled()
                raise HandshakeFailed(M_HANDSHAKE, host=target.host, port=target.port,
                                      reason=f"no key exchange within {timeout:g} s")
            key = transport.get_remote_server_key()
        except (paramiko.SSHException, EOFError, OSError, ValueError) as exc:
            cancel.raise_if_cancelled()
            raise HandshakeFailed(M_HANDSHAKE, host=target.host, port=target.port,
                                  reason=_reason(exc, target)) from None
        ok(StepResult("handshake", True, transport.remote_version or ""))
        got = fingerprint(key)
        known = known_hosts.lookup(target.host, target.port)
        if known:
            stored = known.get(key.get_name())
            if stored is None or fingerprint(stored) != got:
                expected = fingerprint(stored or next(iter(known.values())))
                raise HostKeyChanged(target.host, expected, got)
        elif trust_fingerprint == got:
            known_hosts.remember(target.host, target.port, key)
        else:
            raise UnknownHostKey(target.host, key.get_name(), got, key)
        ok(StepResult("host-key", True, got))
        cancel.raise_if_cancelled()
        try:
            _authenticate(transport, target, timeout)
        except AuthFailed:
            cancel.raise_if_cancelled()
            raise
        ok(StepResult("auth", True, target.user))
        return transport
    except BaseException:
        transport.close()
        raise
    finally:
        finished.set()


def _close_on_cancel(transport: Any, cancel: CancelToken, finished: threading.Event) -> None:
    while not finished.wait(0.05):
        if cancel.cancelled:
            transport.close()
            return


def _authenticate(transport: Any, target: SshTarget, timeout: float) -> None:
    import paramiko

    try:
        if target.key_file:
            transport.auth_publickey(target.user, _load_key(target.key_file, target.passphrase))
        else:
            transport.auth_password(target.user, target.password or "")
    except paramiko.AuthenticationException:
        raise AuthFailed(M_AUTH_KEY if target.key_file else M_AUTH_PASSWORD, user=target.user, host=target.host) from None
    except (paramiko.SSHException, EOFError, OSError, ValueError) as exc:  # a dropped connection included
        raise AuthFailed(M_AUTH_OTHER, reason=_reason(exc, target)) from None


def _reason(exc: BaseException, target: SshTarget | None = None) -> str:
    """An exception's words for a sentence: one line, at most 200 characters, never the password or the
    passphrase (a library that echoes what it was given must not put them on the screen)."""
    text = str((getattr(exc, "strerror", None) if isinstance(exc, OSError) else None) or exc or type(exc).__name__)
    secrets = [x for x in ((target.password, target.passphrase) if target is not None else ()) if x]
    for secret in secrets:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    for secret in secrets:  # as the line is now, with its runs of white space made one
        text = text.replace(" ".join(secret.split()) or secret, "***")
    return text[:200]


# What a probe may print: the real ones print tens of KiB. A hostile VM can print forever; past this
# the run ends with "output too large" (an Error), and memory stays bounded.
MAX_OUTPUT_BYTES = 4 * 1024 * 1024


class OutputTooLarge(OSError):
    """The remote command printed more than MAX_OUTPUT_BYTES; what arrived is in `partial_output`."""


def run_command(transport: Any, command: str, timeout: float = 30.0, stdin: bytes = b"",
                cancel: CancelToken | None = None, max_output: int = MAX_OUTPUT_BYTES) -> tuple[int, str, str]:
    """Run one command; returns (exit status, stdout, stderr).

    Raises TimeoutError past `timeout` -- checked before every read, so a host that never stops
    sending cannot hold the deadline off -- OutputTooLarge past `max_output` bytes, and Cancelled
    within a few milliseconds of a cancel.
    """
    channel = transport.open_session(timeout=timeout)
    try:
        channel.settimeout(timeout)
        channel.exec_command(command)
        if stdin:
            channel.sendall(stdin)
        channel.shutdown_write()
        out, err = bytearray(), bytearray()
        deadline = time.monotonic() + timeout
        try:
            while True:
                if cancel is not None and cancel.cancelled:
                    cancel.raise_if_cancelled()
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the command did not finish within {timeout:.0f} s")
                if len(out) + len(err) > max_output:
                    raise OutputTooLarge(f"output too large: the command printed more than {max_output // 2**20} MiB")
                if channel.recv_ready():
                    out += channel.recv(65536)
                elif channel.recv_stderr_ready():
                    err += channel.recv_stderr(65536)
                elif channel.exit_status_ready() and not channel.recv_ready() and not channel.recv_stderr_ready():
                    break
                else:
                    time.sleep(0.005)
        except (OSError, EOFError) as exc:  # TimeoutError is an OSError too
            exc.partial_output = out[:max_output].decode(errors="replace")  # type: ignore[union-attr]  # what arrived before the drop
            raise
        return channel.recv_exit_status(), out.decode(errors="replace"), err.decode(errors="replace")
    finally:
        channel.close()


def run_connection_test(target: SshTarget, known_hosts: KnownHosts, timeout: float = 15.0,
                    trust_fingerprint: str | None = None, cancel: CancelToken | None = None) -> ConnectionReport:
    """Every step of the connection test; raises the first SshFailure (its report is attached)."""
    report = ConnectionReport()
    try:
        transport = open_session(target, known_hosts, timeout, trust_fingerprint, report, cancel)
    except SshFailure as exc:
        exc.report = report  # type: ignore[attr-defined]
        raise
    try:
        _, os_release, _ = run_command(transport, "cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release", timeout)
        pretty = next((line.split("=", 1)[1].strip().strip('"') for line in os_release.splitlines()
                       if line.startswith("PRETTY_NAME=")), "")
        report.os_pretty_name = pretty or "unknown"
        report.steps.append(StepResult("os", bool(pretty), report.os_pretty_name))
        status, _, _ = run_command(transport, "sudo -n true 2>/dev/null", timeout)
        report.sudo = status == 0
        report.steps.append(StepResult("sudo", report.sudo, "yes" if report.sudo else "no"))
    finally:
        transport.close()
    return report

