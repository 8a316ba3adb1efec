"""The Windows transports' code paths that can run here.

WinRM: a local HTTPS endpoint started by the test (a self-signed certificate made with
`cryptography`, answering /wsman with 401 Negotiate/NTLM like a WinRM listener that rejects
the credentials), a closed port, and endpoints that never answer — each must end in its typed
failure within the timeout. OpenSSH on Windows: the loopback sshd with a `powershell` stub in
the image root that checks the command line and replays the recorded probe output.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.server
import os
import socket
import ssl
import threading
import time
from pathlib import Path

import pytest

from wizard.core.sshconn import AuthFailed, KnownHosts, PortClosed, TimedOut
from wizard.core.winremote import (
    SSH_BOOTSTRAP,
    TlsFailed,
    WinTarget,
    encoded_command,
    run_windows_connection_test,
    ssh_command,
)

from conftest import free_port

FIXTURES = Path(__file__).parents[1] / "fixtures" / "windows"


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class WinRmRefusing(http.server.BaseHTTPRequestHandler):
    """What a WinRM HTTPS listener says to a client whose credentials it does not accept."""

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(401)
        self.send_header("WWW-Authenticate", "Negotiate")
        self.send_header("WWW-Authenticate", "NTLM")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def https_endpoint(tmp_path_factory):
    cert, key = self_signed(tmp_path_factory.mktemp("tls"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), WinRmRefusing)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], context
    server.shutdown()


@pytest.fixture
def silent_endpoint():
    """Accepts TCP connections and then says nothing (a hung service, or a firewall that swallows packets)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    stop.set()
    for conn in held:
        conn.close()
    listener.close()


def test_an_untrusted_certificate_stops_before_any_password_is_sent(https_endpoint):
    port, _ = https_endpoint
    with pytest.raises(TlsFailed) as failure:
        run_windows_connection_test(WinTarget("localhost", ".\\azureuser", "Secret-1", port), timeout=5)
    assert "not trusted" in str(failure.value)
    assert "self-signed" in str(failure.value)
    assert "switch off certificate validation" in failure.value.advice
    assert [s.step for s in failure.value.report.steps] == ["resolve", "port"]


def test_with_validation_off_the_refused_password_is_named(https_endpoint):
    port, _ = https_endpoint
    start = time.monotonic()
    with pytest.raises(AuthFailed) as failure:
        run_windows_connection_test(WinTarget("localhost", ".\\azureuser", "Secret-1", port, verify_tls=False), timeout=5)
    assert time.monotonic() - start < 15
    assert "refused the user name or password of .\\azureuser" in str(failure.value)
    steps = failure.value.report.steps
    assert [s.step for s in steps] == ["resolve", "port", "tls"]
    assert "NOT verified" in steps[2].detail
    assert "Secret-1" not in str(failure.value) + failure.value.advice


def test_a_closed_port_says_where_winrm_should_listen():
    with pytest.raises(PortClosed) as failure:
        run_windows_connection_test(WinTarget("127.0.0.1", "u", "p", free_port()), timeout=3)
    assert "refused the connection" in str(failure.value)
    assert "5986" in failure.value.advice


def test_a_silent_port_times_out_within_the_timeout(silent_endpoint):
    start = time.monotonic()
    with pytest.raises(TimedOut):
        run_windows_connection_test(WinTarget("127.0.0.1", "u", "p", silent_endpoint), timeout=2)
    assert time.monotonic() - start < 6


def test_a_listener_that_never_answers_http_times_out(tmp_path):
    cert, key = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []

    def serve():  # completes TLS handshakes, then reads and never replies
        listener.settimeout(20)
        for _ in range(4):
            try:
                conn = context.wrap_socket(listener.accept()[0], server_side=True)
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=serve, daemon=True).start()
    start = time.monotonic()
    try:
        with pytest.raises(TimedOut):
            run_windows_connection_test(WinTarget("localhost", "u", "p", listener.getsockname()[1], verify_tls=False),
                                        timeout=2)
        assert time.monotonic() - start < 20  # connect 2 s + HTTP read 12 s, with margin
    finally:
        listener.close()
        for conn in held:
            conn.close()


def test_certify_windows_against_a_closed_port_exits_2_quickly(cli):
    port = free_port()
    start = time.monotonic()
    result = cli("certify", "--os", "windows", "--host", "127.0.0.1", "--port", str(port), "--user", "azureuser",
                 "--password-env", "WINPW", "--timeout", "5", env={**os.environ, "WINPW": "Secret-2"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"127.0.0.1:{port} refused the connection" in result.stderr
    assert "5986" in result.stderr
    assert time.monotonic() - start < 15
    assert "Secret-2" not in result.stderr + result.stdout


def test_certify_warns_when_validation_is_switched_off(cli):
    result = cli("certify", "--os", "windows", "--host", "127.0.0.1", "--port", str(free_port()), "--user", "u",
                 "--insecure-skip-tls-verify", "--timeout", "3")
    assert result.returncode == 2
    assert "TLS certificate validation is OFF" in result.stderr


# -- OpenSSH on Windows ---------------------------------------------------------------------------
def test_encoded_command_is_powershells_utf16_base64():
    assert base64.b64decode(encoded_command(SSH_BOOTSTRAP)).decode("utf-16-le") == SSH_BOOTSTRAP
    assert ssh_command().startswith("powershell -NoProfile -NonInteractive -EncodedCommand ")
    assert len(ssh_command()) < 600  # the probe itself travels on standard input
    # The console's encodings become UTF-8 first (tried: without a console the setter can fail).
    assert SSH_BOOTSTRAP.startswith("try{[Console]::InputEncoding=[Console]::OutputEncoding=New-Object Text.UTF8Encoding $false}")


@pytest.fixture(scope="module")
def windows_over_ssh(sshd, roots):
    """The good image root answers `powershell …` like Windows would: the stub checks its command line
    and replays the recorded output (identity for the connection test, the probe's for a run)."""
    good = roots[0]
    good.write("recorded/probe.ndjson", (FIXTURES / "good-2012r2.ndjson").read_text())
    good.write("usr/bin/powershell", f"""#!/bin/sh
[ "$1 $2 $3 $4" = "-NoProfile -NonInteractive -EncodedCommand {encoded_command(SSH_BOOTSTRAP)}" ] || {{
  echo "unexpected command line: $*" >&2; exit 64; }}
script=$(cat)
case "$script" in
  *"mpwizard Windows probe"*) cat /recorded/probe.ndjson ;;
  *WindowsIdentity*) echo '{{"Caption":"Microsoft Windows Server 2012 R2 Datacenter","Version":"6.3.9600","User":"CERT\\\\azureuser","IsAdmin":true}}' ;;
  *) echo "unknown script" >&2; exit 65 ;;
esac
""", mode=0o755)
    return sshd, good


def test_japanese_windows_over_openssh_with_the_bytes_a_cp932_console_sends(tmp_path, cli):
    """The recorded Japanese Windows Server 2022, replayed byte for byte as a CP932 console sends it, through
    a real sshd and `certify`; then the same VM with the probe before issue #24, whose Japanese text in
    CP932 is not UTF-8: the broken sections are Errors naming the encoding, never "did not finish"."""
    import json

    from sshd_server import SshServer, make_image_root

    image = make_image_root("mpwtwja", "wja-Pass-1")
    image.write("recorded/which", "ja.bin\n")
    (image.root / "recorded" / "ja.bin").write_bytes((FIXTURES / "ja-2022-nobitlocker.ssh.bin").read_bytes())
    (image.root / "recorded" / "ja-old.bin").write_bytes((FIXTURES / "ja-2022-oldprobe.ssh.bin").read_bytes())
    image.write("usr/bin/powershell", f"""#!/bin/sh
[ "$1 $2 $3 $4" = "-NoProfile -NonInteractive -EncodedCommand {encoded_command(SSH_BOOTSTRAP)}" ] || exit 64
script=$(cat)
case "$script" in
  '$UpdateSearchSeconds = '*"mpwizard Windows probe"*) cat "/recorded/$(cat /recorded/which)" ;;
  *) echo "unknown script" >&2; exit 65 ;;
esac
""", mode=0o755)
    server = SshServer(tmp_path, [image]).start()

    def certify():
        result = cli("certify", "--os", "windows", "--transport", "ssh", "--host", "127.0.0.1", "--port", str(server.port),
                     "--user", image.user, "--password-env", "PW", "--trust-host-key", server.host_key_fingerprint(), "--json",
                     "--profile", "partner-center", env={**os.environ, "PW": image.password}, timeout=60)
        return result, {t["id"]: t for t in json.loads(result.stdout)["Tests"]}

    try:
        result, tests = certify()
        assert result.returncode == 0, result.stderr
        assert {i: t["Result"] for i, t in tests.items() if t["Result"] != "Passed"} == {"windows-update": "Warning"}
        assert tests["os-architecture"]["ActualValue"] == "AMD64"
        image.write("recorded/which", "ja-old.bin\n")
        result, tests = certify()
        assert result.returncode == 1, result.stdout + result.stderr
        assert tests["windows-update"]["Result"] == "Error"
        assert "not UTF-8" in tests["windows-update"]["ActualValue"] and "CP932" in tests["windows-update"]["ActualValue"]
        assert not any("did not finish" in t["ActualValue"] for t in tests.values())
    finally:
        server.stop()


def test_connection_test_over_openssh(windows_over_ssh, tmp_path):
    sshd, good = windows_over_ssh
    known = KnownHosts(tmp_path / "kh")
    target = WinTarget("127.0.0.1", good.user, good.password, sshd.port, "ssh")
    report = run_windows_connection_test(target, 10, known, trust_fingerprint=sshd.host_key_fingerprint())
    assert [s.step for s in report.steps] == ["resolve", "port", "handshake", "host-key", "auth", "os", "admin"]
    assert report.os_pretty_name == "Microsoft Windows Server 2012 R2 Datacenter"
    assert report.sudo is True


def test_certify_windows_over_openssh_runs_every_case(windows_over_ssh, cli, tmp_path):
    import json

    sshd, good = windows_over_ssh
    result = cli("certify", "--os", "windows", "--transport", "ssh", "--host", "127.0.0.1", "--port", str(sshd.port),
                 "--user", good.user, "--password-env", "PW", "--trust-host-key", sshd.host_key_fingerprint(), "--json",
                 "--report", str(tmp_path / "report"), env={**os.environ, "PW": good.password})
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["TestResult"] == "Pass"
    assert len(record["Tests"]) == 25
    assert record["OSDistro"] == "Microsoft Windows Server 2012 R2 Datacenter"
    assert {t["TestID"] for t in record["Tests"]} >= {"1.1.4", "1.1.5", "1.1.6"}
    (folder,) = [p for p in (tmp_path / "report").iterdir() if p.is_dir()]
    assert (folder / "logs" / "wannacry-patch.txt").read_text().count("srv.sys") >= 1
    assert good.password.encode() not in b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


# -- the pages -------------------------------------------------------------------------------------
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def test_windows_connection_and_test_run_pages(qtbot, new_window, https_endpoint, windows_over_ssh, monkeypatch):
    from PySide6.QtCore import Qt

    from wizard.core.steps import Step

    sshd, good = windows_over_ssh
    window = new_window()
    window.resize(1280, 800)
    window.show()
    window.wizard.jump_to(Step.CONNECTION)
    page = window.pages[Step.CONNECTION]
    page.platform.setCurrentIndex(page.platform.findData("windows"))
    assert page.port.value() == 5986
    assert page.transport.isVisibleTo(page)
    assert page.skip_tls.isVisibleTo(page)
    assert not page.auth.isEnabled()
    assert not page.tls_warning.isVisibleTo(page)

    def fill(host: str, port: int, user: str, password: str) -> None:
        page.host.setText(host)
        page.host.textEdited.emit(host)
        page.port.setValue(port)
        page.user.setText(user)
        page.user.textEdited.emit(user)
        page.password.setText(password)
        page.password.editingFinished.emit()

    def test_connection() -> str:
        page.test_result.clear()
        qtbot.mouseClick(page.btn_test, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.task is None and bool(page.test_result.text()), timeout=30_000)
        return page.test_result.text()

    fill("localhost", https_endpoint[0], ".\\azureuser", "Secret-3")
    assert "is not trusted" in test_connection()
    page.skip_tls.setChecked(True)
    assert page.tls_warning.isVisibleTo(page)
    assert page.project.connection.verify_tls is False
    assert "refused the user name or password" in test_connection()

    page.transport.setCurrentIndex(page.transport.findData("ssh"))
    assert page.port.value() == 22
    assert not page.skip_tls.isVisibleTo(page)
    fill("127.0.0.1", sshd.port, good.user, good.password)
    monkeypatch.setattr(page, "ask_trust", lambda error: True)
    assert test_connection() == "Connected to Microsoft Windows Server 2012 R2 Datacenter; signed in as an administrator."
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "windows-connection.png"))

    good.write("recorded/probe.ndjson", (FIXTURES / "bad-2016.ndjson").read_text())
    try:
        window.wizard.jump_to(Step.TEST_RUN)
        run_page = window.pages[Step.TEST_RUN]
        qtbot.mouseClick(run_page.btn_run, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: run_page.task is None, timeout=30_000)
    finally:
        good.write("recorded/probe.ndjson", (FIXTURES / "good-2012r2.ndjson").read_text())
    run = window.document.project.test_runs[-1]
    assert run.platform == "windows"
    assert len(run.results) == 25
    assert run.os_name == "Microsoft Windows Server 2016 Datacenter"
    assert run_page.model.rowCount() == 25
    assert run_page.proxy.index(0, 0).data().startswith("✗ Failed")
    run_page.table.selectRow(0)
    assert "Remediation:" in run_page.details.toPlainText()
    assert window.grab().save(str(SHOTS / "windows-results.png"))


def test_server_killed_mid_probe_keeps_the_sections_that_arrived(tmp_path, cli):
    import threading

    from sshd_server import SshServer, kill_tree, make_image_root

    lines = (FIXTURES / "good-2012r2.ndjson").read_text().splitlines(keepends=True)
    image = make_image_root("mpwtwkill", "wkill-Pass-1")
    image.write("recorded/first.ndjson", "".join(lines[:7]))  # os … srv
    image.write("usr/bin/powershell", "#!/bin/sh\ncat >/dev/null\ncat /recorded/first.ndjson\nsleep 10\n", mode=0o755)
    server = SshServer(tmp_path, [image]).start()
    try:
        threading.Timer(1.5, kill_tree, [server.proc.pid]).start()
        result = cli("certify", "--os", "windows", "--transport", "ssh", "--host", "127.0.0.1", "--port", str(server.port),
                     "--user", image.user, "--password-env", "PW", "--trust-host-key", server.host_key_fingerprint(),
                     "--timeout", "8", env={**os.environ, "PW": image.password}, timeout=60)
    finally:
        server.stop()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[Passed ] rdp-enabled" in result.stdout
    assert "[Passed ] wannacry-patch" in result.stdout
    assert "[Error  ] generalized: the probe did not finish: its output ended while it was reading sql" in result.stdout
    assert "[Error  ] windows-update: the probe did not finish" in result.stdout
    assert "ended while it was reading sql" in result.stderr  # the warning says which part was still running


def test_without_a_password_nothing_is_contacted():
    with pytest.raises(AuthFailed) as failure:
        run_windows_connection_test(WinTarget("127.0.0.1", "azureuser", None, free_port()), timeout=3)
    assert "no password for azureuser" in str(failure.value)
    assert "Connection step" in failure.value.advice
    assert failure.value.report.steps == []
