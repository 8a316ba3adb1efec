"""PowerShell on the Windows certification VM: over WinRM HTTPS (pypsrp), or over OpenSSH (paramiko).

Both transports give a *runner* with `run(script, timeout, cancel) -> str` and `close()`.
WinRM is the guide's way (PowerShell remoting, HTTPS port 5986, NTLM/Negotiate) with the
server certificate validated unless the user explicitly opts out for a self-signed test VM.
OpenSSH on Windows is the second choice: the script goes in on standard input behind a
short `powershell -NoProfile -NonInteractive -EncodedCommand …` bootstrap, so neither the
script nor any secret appears on a command line. `run_windows_connection_test` reports the
steps the Connection page shows: resolve, port, TLS (or SSH handshake and host key),
authentication, OS version, administrator rights. Failures are the same typed, translated
`SshFailure`s the Linux side uses, with WinRM-specific advice.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import re
import socket
import ssl
import time
from collections.abc import Iterator
from typing import Any

from .i18n_marks import QT_TRANSLATE_NOOP
from .progress import CancelToken
from .records import record
from .sshconn import (
    M_TIMED_OUT,
    M_UNREACHABLE,
    MAX_OUTPUT_BYTES,
    AuthFailed,
    ConnectionReport,
    KnownHosts,
    OutputTooLarge,
    PortClosed,
    SshFailure,
    SshTarget,
    StepResult,
    TimedOut,
    connect_socket,
    open_session,
    run_command,
)

WINRM_HTTPS_PORT = 5986


@record(frozen=True)
class WinTarget:
    host: str
    user: str  # DOMAIN\user, user@domain, or .\user for a local account
    password: str | None = None  # secret
    port: int = WINRM_HTTPS_PORT
    transport: str = "winrm"  # winrm | ssh
    verify_tls: bool = True  # off only by the user's explicit, warned choice


M_TLS_CERT = QT_TRANSLATE_NOOP("Core", "The TLS certificate of {host}:{port} is not trusted: {reason}.")
A_TLS_CERT = QT_TRANSLATE_NOOP(
    "Core", "Give the VM's WinRM listener a certificate your machine trusts (its name must match the host name). For a "
            "throw-away test VM with a self-signed certificate you may switch off certificate validation — then anyone "
            "in between could read the password.")
M_TLS_HANDSHAKE = QT_TRANSLATE_NOOP("Core", "No TLS handshake with {host}:{port}: {reason}.")
A_TLS_HANDSHAKE = QT_TRANSLATE_NOOP("Core", "Port 5986 must be a WinRM HTTPS listener: on the VM run "
                                            "winrm quickconfig -transport:https (needs a certificate).")
M_WIN_AUTH = QT_TRANSLATE_NOOP("Core", "{host} refused the user name or password of {user}.")
A_WIN_AUTH = QT_TRANSLATE_NOOP("Core", "Check the user name (.\\user for a local account, DOMAIN\\user for a domain one) and "
                                       "the password; WinRM must allow Negotiate (NTLM).")
M_NO_PASSWORD = QT_TRANSLATE_NOOP("Core", "There is no password for {user} in this session.")
A_NO_PASSWORD = QT_TRANSLATE_NOOP("Core", "Enter it in the Connection step (tick \"Remember in the OS keyring\" to keep it "
                                          "between sessions).")
M_WINRM_HTTP = QT_TRANSLATE_NOOP("Core", "The WinRM service of {host} answered HTTP {code}: {reason}.")
M_WINRM_FAULT = QT_TRANSLATE_NOOP("Core", "PowerShell remoting on {host} failed: {reason}.")
A_WINRM = QT_TRANSLATE_NOOP("Core", "Check that PowerShell remoting is enabled on the VM (Enable-PSRemoting) and that the "
                                    "user is an administrator.")
M_PS_FAILED = QT_TRANSLATE_NOOP("Core", "PowerShell on {host} failed: {reason}.")
A_PS_SSH = QT_TRANSLATE_NOOP("Core", "Check that Windows PowerShell runs for this user over SSH "
                                     "(powershell -NoProfile -Command $PSVersionTable).")
A_WINRM_PORT = QT_TRANSLATE_NOOP(
    "Core", "Check that the VM is running, that WinRM listens on HTTPS port 5986, and that the network security group allows it.")


class TlsFailed(SshFailure):
    step = "tls"


class RemotingFailed(SshFailure):
    step = "auth"
    advice = A_WINRM


class PartialOutput(Exception):
    """The connection dropped during a run; `output` is what had arrived."""

    def __init__(self, output: str, cause: BaseException):
        super().__init__(str(cause))
        self.output, self.cause = output, cause


# -- PowerShell over OpenSSH ---------------------------------------------------------------
# Reads the real script from standard input: a long script would not fit a Windows command line.
# First the console's encodings become UTF-8 (without a BOM): Windows PowerShell writes to a pipe in
# the console code page (CP932 on Japanese Windows) while this client reads UTF-8. Setting them can
# fail without a console, so it is tried; the probe itself writes pure ASCII either way.
SSH_BOOTSTRAP = ("try{[Console]::InputEncoding=[Console]::OutputEncoding=New-Object Text.UTF8Encoding $false}catch{};"
                 "& ([scriptblock]::Create([Console]::In.ReadToEnd()))")
SSH_ENCODING = "UTF-8"
M_NOT_UTF8 = ("the VM sent this section in an encoding that is not {encoding} ({count} byte(s) could not be read): "
              "the console wrote in its code page (CP932 on Japanese Windows) — run the test again; if it stays, "
              "use WinRM")
_SECTION_HEAD = re.compile(r'^\s*\{"section":"([a-z0-9-]{1,40})"')


def strict_lines(text: str) -> str:
    """The SSH output with every line that was not valid UTF-8 replaced by its section's error.

    `sshconn.run_command` decodes UTF-8 and marks each byte it cannot read with U+FFFD. The probe
    writes pure ASCII, so a U+FFFD means the bytes were in another encoding: the line's section
    becomes an Error that names the encoding (before, the line was dropped as invalid JSON, or a
    garbled title was taken as it came, and the case read "the probe did not finish")."""
    if "\ufffd" not in text:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        head = _SECTION_HEAD.match(line)
        if "\ufffd" in line and head:
            record = {"section": head.group(1), "kind": "not-utf-8", "encoding": SSH_ENCODING,
                      "error": M_NOT_UTF8.format(encoding=SSH_ENCODING, count=line.count("\ufffd"))}
            line = json.dumps(record, separators=(",", ":")) + ("\n" if line.endswith(("\n", "\r")) else "")
        out.append(line)
    return "".join(out)


def encoded_command(script: str) -> str:
    """PowerShell's -EncodedCommand form: base64 of the UTF-16LE text."""
    return base64.b64encode(script.encode("utf-16-le")).decode("ascii")


def ssh_command() -> str:
    return f"powershell -NoProfile -NonInteractive -EncodedCommand {encoded_command(SSH_BOOTSTRAP)}"


class SshPowerShellRunner:
    def __init__(self, transport: Any, host: str):
        self.transport, self.host = transport, host

    def run(self, script: str, timeout: float, cancel: CancelToken | None = None) -> str:
        try:
            status, out, err = run_command(self.transport, ssh_command(), timeout, script.encode("utf-8"), cancel)
        except (OSError, EOFError) as exc:
            raise PartialOutput(strict_lines(getattr(exc, "partial_output", "")), exc) from None
        if status != 0 and not out.strip():
            raise RemotingFailed(M_PS_FAILED, A_PS_SSH, host=self.host, reason=(err.strip() or f"exit status {status}")[:300])
        return strict_lines(out)

    def close(self) -> None:
        self.transport.close()


# -- PowerShell over WinRM (PSRP) ------------------------------------------------------------
@contextlib.contextmanager
def _winrm_errors(target: WinTarget, timeout: float) -> Iterator[None]:
    """pypsrp's and requests' exceptions → the typed failures the pages explain."""
    import requests
    from pypsrp.exceptions import AuthenticationError, WinRMTransportError, WSManFaultError

    host, port = target.host, target.port
    try:
        yield
    except AuthenticationError:
        raise AuthFailed(M_WIN_AUTH, A_WIN_AUTH, host=host, user=target.user) from None
    except WinRMTransportError as exc:
        if exc.code == 401:
            raise AuthFailed(M_WIN_AUTH, A_WIN_AUTH, host=host, user=target.user) from None
        raise RemotingFailed(M_WINRM_HTTP, host=host, code=exc.code, reason=(exc.response_text or exc.protocol)[:200]) from None
    except WSManFaultError as exc:
        raise RemotingFailed(M_WINRM_FAULT, host=host, reason=exc.reason or exc.code) from None
    except requests.exceptions.SSLError as exc:
        raise TlsFailed(M_TLS_CERT, A_TLS_CERT, host=host, port=port, reason=_ssl_reason(exc)) from None
    except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout):
        raise TimedOut(M_TIMED_OUT, host=host, port=port, seconds=f"{timeout:.0f}") from None
    except requests.exceptions.ConnectionError as exc:
        raise PortClosed(M_UNREACHABLE, A_WINRM_PORT, host=host, port=port, reason=_short(exc)) from None


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) < 160 else text[:157] + "…"


def _ssl_reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("certificate verify failed: ", "CERTIFICATE_VERIFY_FAILED"):
        if marker in text:
            return text.split(marker, 1)[1].split(" (_ssl")[0].split("')")[0].strip(" :") or "certificate verify failed"
    return _short(exc)


class PsrpRunner:
    def __init__(self, target: WinTarget, timeout: float = 15.0):
        self.target, self.timeout = target, timeout

    def _wsman(self) -> Any:
        from pypsrp.wsman import WSMan

        t = self.target
        return WSMan(t.host, port=t.port, username=t.user, password=t.password, ssl=True, auth="negotiate",
                     cert_validation=t.verify_tls, connection_timeout=max(1, int(self.timeout)),
                     # WSMan answers a receive within its operation timeout; the HTTP read waits a little longer.
                     operation_timeout=max(1, int(self.timeout)), read_timeout=max(1, int(self.timeout)) + 10)

    def run(self, script: str, timeout: float, cancel: CancelToken | None = None) -> str:
        from pypsrp.powershell import PowerShell, PSInvocationState, RunspacePool  # type: ignore[attr-defined]

        cancel = cancel or CancelToken()
        lines: list[str] = []
        with _winrm_errors(self.target, self.timeout):
            with RunspacePool(self._wsman()) as pool:
                ps = PowerShell(pool)
                ps.add_script(script)
                ps.begin_invoke()
                deadline = time.monotonic() + timeout
                try:
                    while ps.state == PSInvocationState.RUNNING:
                        if cancel.cancelled or time.monotonic() > deadline:
                            ps.stop()
                            cancel.raise_if_cancelled()
                            raise PartialOutput("\n".join(map(str, ps.output)),
                                                TimeoutError(f"did not finish within {timeout:.0f} s"))
                        ps.poll_invoke(timeout=5)  # one WSMan receive: at most its envelope size
                        if sum(len(str(item)) for item in ps.output) > MAX_OUTPUT_BYTES:
                            ps.stop()
                            raise PartialOutput("\n".join(map(str, ps.output))[:MAX_OUTPUT_BYTES], OutputTooLarge(
                                f"output too large: the script printed more than {MAX_OUTPUT_BYTES // 2**20} MiB"))
                    ps.end_invoke()
                except (OSError, EOFError) as exc:
                    raise PartialOutput("\n".join(map(str, ps.output)), exc) from None
                lines = [str(item) for item in ps.output]
                if ps.had_errors and not lines:
                    reason = "; ".join(str(e) for e in ps.streams.error)[:300] or "the script failed"
                    raise RemotingFailed(M_WINRM_FAULT, host=self.target.host, reason=reason)
        return "\n".join(lines)

    def close(self) -> None:
        pass  # each run opens and closes its own runspace pool


def check_tls(sock: socket.socket, host: str, port: int, verify: bool) -> str:
    """The TLS step on its own, so a certificate problem is named before any password is sent."""
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    try:
        with context.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True) or b""
    except ssl.SSLCertVerificationError as exc:
        raise TlsFailed(M_TLS_CERT, A_TLS_CERT, host=host, port=port, reason=exc.verify_message or exc.reason) from None
    except TimeoutError:
        raise TimedOut(M_TIMED_OUT, host=host, port=port, seconds=f"{sock.gettimeout() or 0:.0f}") from None
    except (ssl.SSLError, OSError) as exc:
        raise TlsFailed(M_TLS_HANDSHAKE, A_TLS_HANDSHAKE, host=host, port=port, reason=getattr(exc, "reason", None) or exc) from None
    digest = hashlib.sha256(der).hexdigest().upper()
    note = "certificate verified" if verify else "certificate NOT verified (validation switched off)"
    return f"{note}; SHA-256 {':'.join(digest[i:i + 2] for i in range(0, 16, 2))}…"


# -- opening a runner and the connection test ---------------------------------------------------
def open_runner(target: WinTarget, timeout: float = 15.0, known_hosts: KnownHosts | None = None,
                trust_fingerprint: str | None = None, report: ConnectionReport | None = None,
                cancel: CancelToken | None = None) -> SshPowerShellRunner | PsrpRunner:
    """A runner for `target`, after the transport's own steps (recorded in `report`)."""
    report = report if report is not None else ConnectionReport()
    cancel = cancel or CancelToken()
    if not target.password:  # Windows sign-in here is by password only (NTLM/Negotiate, or SSH password)
        raise AuthFailed(M_NO_PASSWORD, A_NO_PASSWORD, user=target.user)
    if target.transport == "ssh":
        if known_hosts is None:
            raise ValueError("the SSH transport needs a known_hosts store")
        ssh = SshTarget(target.host, target.port, target.user, password=target.password)
        return SshPowerShellRunner(open_session(ssh, known_hosts, timeout, trust_fingerprint, report, cancel), target.host)
    try:
        sock = connect_socket(target.host, target.port, timeout, report, cancel)
    except PortClosed as exc:
        exc.advice = A_WINRM_PORT
        raise
    report.steps.append(StepResult("tls", True, check_tls(sock, target.host, target.port, target.verify_tls)))
    cancel.raise_if_cancelled()
    return PsrpRunner(target, timeout)


# One small read-only script: who am I, on what, with which rights.
IDENTITY_SCRIPT = (
    "$os = Get-CimInstance Win32_OperatingSystem; "
    "$id = [Security.Principal.WindowsIdentity]::GetCurrent(); "
    "$admin = (New-Object Security.Principal.WindowsPrincipal($id)).IsInRole("
    "[Security.Principal.WindowsBuiltInRole]::Administrator); "
    "[ordered]@{ Caption = $os.Caption; Version = $os.Version; User = $id.Name; IsAdmin = $admin } "
    "| ConvertTo-Json -Compress "
    # ASCII like the probe's lines: a Japanese user name must not depend on the console's code page.
    "| ForEach-Object { [regex]::Replace($_, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value }) }"
)


def parse_identity(output: str) -> dict[str, Any]:
    if "\ufffd" in output:  # U+FFFD: bytes sshconn could not read as UTF-8
        raise ValueError(f"the answer is not {SSH_ENCODING} (the console's code page, CP932 on Japanese Windows?): "
                         f"{output.strip()[:200]!r}")
    line = next((x for x in reversed(output.splitlines()) if x.strip().startswith("{")), "")
    try:
        data = json.loads(line)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise ValueError(f"unexpected answer: {output.strip()[:200]!r}")
    return data


def run_windows_connection_test(target: WinTarget, timeout: float = 15.0, known_hosts: KnownHosts | None = None,
                                trust_fingerprint: str | None = None, cancel: CancelToken | None = None) -> ConnectionReport:
    """Every step of the Windows connection test; raises the first SshFailure with its report attached."""
    report = ConnectionReport()
    try:
        runner = open_runner(target, timeout, known_hosts, trust_fingerprint, report, cancel)
        try:
            output = runner.run(IDENTITY_SCRIPT, timeout, cancel)
        except PartialOutput as exc:
            raise RemotingFailed(M_WINRM_FAULT, host=target.host, reason=exc.cause) from None
        finally:
            runner.close()
        if target.transport == "winrm":
            report.steps.append(StepResult("auth", True, target.user))
        try:
            identity = parse_identity(output)
        except ValueError as exc:
            raise RemotingFailed(M_PS_FAILED, host=target.host, reason=exc) from None
    except SshFailure as exc:
        exc.report = report  # type: ignore[attr-defined]
        raise
    report.os_pretty_name = identity.get("Caption") or "unknown"
    report.steps.append(StepResult("os", bool(identity.get("Caption")), f"{report.os_pretty_name} ({identity.get('Version', '')})"))
    report.sudo = bool(identity.get("IsAdmin"))  # the Windows counterpart of passwordless sudo
    report.steps.append(StepResult("admin", report.sudo, identity.get("User", "")))
    return report
